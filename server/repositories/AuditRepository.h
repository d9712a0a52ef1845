#pragma once

#include "common/Result.h"

#include <QString>
#include <atomic>
#include <memory>

namespace hm::store {
class Database;
struct WriteOp;
} // namespace hm::store

// The audit trail's writes (audit_logs); GET /api/v1/audit reads it through
// ListRepositories.
namespace hm::server::repositories {

// One audit_logs row. Empty strings are stored as NULL.
struct AuditEntry
{
    QString userId;
    QString action;
    QString resourceType;
    QString resourceId;
    QString ip;
    QString userAgent;
    QString details; // compact JSON text
    qint64 createdAt = 0;
};

// Adds the entry under a new version 7 UUID carrying createdAt (the list's
// before_id cursor still finds its place after the entry was deleted) and
// returns that id.
Result<QString> insertAuditEntry(store::Database &db, const AuditEntry &entry);
// The row of an auditOutboxWrite() whose batch may not have been stored,
// written directly under the same id: nothing when it is there already, so
// a retry never doubles an entry.
Status insertAuditEntryIfMissing(store::Database &db, const QString &id, const AuditEntry &entry);

// An entry of a hot path (a trigger's) in two steps (schema 45): a row
// of audit_outbox written with the hot path's own rows (one B-tree without
// an index, where audit_logs has six), then moved into audit_logs later,
// many at once. The id is made as insertAuditEntry's.
store::WriteOp auditOutboxWrite(const AuditEntry &entry, QString *id);
// Moves the oldest `limit` (>= 1) outbox rows into audit_logs (an id there
// already keeps its row: a batch retried directly) and deletes them.
// Returns how many moved. Statements of a transaction the caller holds
// (the writer's batch, or flushAuditOutbox's own).
Result<int> moveAuditOutbox(store::Database &db, int limit);
// moveAuditOutbox as a write of the history's queue (WriteOp::run);
// `*moved` receives how many moved (by the writer thread, before the
// commit that any afterCommit() waiter hears of).
store::WriteOp moveAuditOutboxWrite(int limit, std::shared_ptr<std::atomic<int>> moved = {});
// The whole outbox, directly, in transactions of `chunk` rows (start-up,
// a reader of the audit list). An empty outbox costs one read. Returns how
// many moved.
Result<int> flushAuditOutbox(store::Database &db, int chunk = 4096);

} // namespace hm::server::repositories
