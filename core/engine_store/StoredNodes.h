#pragma once

// The stored states of an execution's nodes, from both places the history
// keeps them: node_executions rows and the execution row's packed
// node_states (PackedNodeStates.h). Every reader of node history goes
// through here, so the storage can pick either per execution.

#include "common/Result.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::engine::persistence {

struct StoredNode
{
    QString nodeId;
    QString component;
    QString version;
    QString status;
    qint64 attempt = 0;
    QString skipReason; // empty: none
    QJsonValue inputs;  // object (masked when stored), or null
    QJsonValue outputs;
    QString errorCode; // empty: no error
    QString errorMessage;
    qint64 startedAtMs = 0; // 0: not started
    qint64 endedAtMs = 0;   // 0: not ended
    qint64 durationMs = -1; // -1: none stored
    QJsonValue logs;        // array of strings, or null
};

// Every stored node of the execution, ordered by start time (never started
// first) and then node id. A node_executions row wins over a packed entry
// of the same node: rows are only written after the packed ones.
Result<QList<StoredNode>> loadStoredNodes(store::Database &db, const QString &executionId);

// One node; nullopt when neither place has it.
Result<std::optional<StoredNode>> loadStoredNode(store::Database &db, const QString &executionId,
                                                 const QString &nodeId);

} // namespace hm::engine::persistence
