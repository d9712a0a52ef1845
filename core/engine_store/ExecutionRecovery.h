#pragma once

#include "common/Result.h"
#include "engine/ExecutionJournal.h"

#include <QList>
#include <QStringList>

namespace hm::store {
class Database;
}

namespace hm::engine::persistence {

// What recovery writes on the executions it ends.
inline const QString kRecoveryCancelReason = QStringLiteral("system");
inline const QString kRecoveryErrorCode = QStringLiteral("SYSTEM");
inline const QString kRecoveryErrorMessage = QStringLiteral("interrupted by a server restart");

struct RecoveryReport
{
    // Executions that were pending, running or cancelling (or queued without
    // a queue row) and are now failed, ascending id.
    QStringList interrupted;
    // The persisted queue, FIFO (ascending sequence), for Engine::restoreQueue.
    QList<QueuedRequest> queue;
    // Queue rows dropped because their execution had already ended.
    QStringList staleQueued;
};

// Run once at start-up, before the engine takes work and before the
// write-behind queue opens its connection. In ONE transaction:
//   - every execution in pending, running or cancelling, and every queued
//     one without a row in execution_queue, becomes failed with
//     cancel_reason "system", error SYSTEM "interrupted by a server restart",
//     ended_at = nowMs and duration_ms from started_at;
//   - its running node rows become failed (error SYSTEM), its pending ones
//     cancelled, both ended at nowMs;
//   - queue rows of executions that already ended are deleted.
// The remaining queue is returned in order; its executions stay queued.
// We end interrupted executions rather than resume them: node side effects
// are not known to be idempotent (docs/engine-persistence.md).
// Idempotent: a second call finds nothing to end and returns the same queue.
Result<RecoveryReport> recoverExecutions(store::Database &db, qint64 nowMs);

// The persisted queue alone, FIFO; what recoverExecutions returns.
Result<QList<QueuedRequest>> loadQueue(store::Database &db);

} // namespace hm::engine::persistence
