#pragma once

// The first message of /ws/executions/{id} (seed 003 §7.3 "snapshot"):
//   {"type": "snapshot", "source": "live"|"history", "seq": N,
//    "execution": {execution_id, flow_id, flow_version, status, started_at,
//                  progress, timing, …}, "nodes": [...]}
// "seq" is the last event sequence the snapshot reflects: the events that
// follow on the socket start at seq + 1.

#include "common/Result.h"

#include <QJsonObject>
#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server::ws {

// From the engine's status snapshot (Scheduler::snapshot, with its
// "event_sequence").
QJsonObject liveSnapshotMessage(const QJsonObject &status);

// From the store, for an execution no longer in engine memory (expired, or
// from before a restart): the executions row and its node_executions rows
// (without inputs and outputs). EXECUTION_NOT_FOUND when there is no row.
// The caller flushes the journal first.
Result<QJsonObject> storedSnapshotMessage(store::Database &db, const QString &executionId);

// True for completed, failed and cancelled: no event follows.
bool isFinalStatus(const QString &status);

} // namespace hm::server::ws
