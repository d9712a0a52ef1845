#pragma once

// A node's processes (issue 38 item 4; docs/api.md "Node processes"):
// the agent's list, sanitised, filtered, sorted and cut here, and a kill
// with a chosen signal (audited as NODE_PROCESS_KILLED). The agent refuses
// pid 1 and itself; the server checks the form of pid and signal first.

#include "common/Result.h"
#include "server/services/remote/NodeActions.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <functional>

namespace hm::server::remote {

struct ProcessQuery
{
    QString search; // case-insensitive, in name, command line or user; or a pid
    QString sort = QStringLiteral("cpu"); // cpu, memory, pid, name, user, start_time
    bool descending = true;
    int limit = 500; // 1 … 5000
};

// The signals a kill may send, by name (TERM, KILL, HUP, INT, QUIT, USR1,
// USR2, STOP, CONT; "SIG" prefix and case ignored) or number. Anything
// else is VALIDATION_ERROR. The canonical name.
Result<QString> killSignalName(const QJsonValue &value);

// The agent's `processes/list` result → the API's {items, total, matched,
// truncated}: each item rebuilt from the known fields with their types (an
// agent's extra or malformed fields are dropped), then `query` applied.
QJsonObject applyProcessQuery(const QJsonObject &agentResult, const ProcessQuery &query);

class ProcessOps
{
public:
    explicit ProcessOps(NodeActions &actions) : m_actions(actions) {}

    void list(const auth::Principal &caller, const auth::ClientInfo &client,
              const QString &nodeId, const ProcessQuery &query, QObject *context,
              std::function<void(Result<QJsonObject>)> done);
    // `signal` as killSignalName() returned it.
    void kill(const auth::Principal &caller, const auth::ClientInfo &client,
              const QString &nodeId, qint64 pid, const QString &signal, QObject *context,
              std::function<void(Result<QJsonObject>)> done);

private:
    NodeActions &m_actions;
};

} // namespace hm::server::remote
