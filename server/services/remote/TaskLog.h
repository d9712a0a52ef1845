#pragma once

// Seed 000's tasks (GET/POST /api/tasks; docs/api.md "Node tasks"): a
// command on one node, run through the same RemoteTaskDispatcher as a
// flow's `task` node, with the same checks (grant, agent, argument list,
// shell only when asked) and the same audit (NODE_TASK_RUN). The log keeps
// the last kMaxTasks tasks in memory, each with its node, status and
// output: a server restart forgets them (the audit keeps who ran what).
// Server thread.

#include "common/Result.h"
#include "engine/tasks/TaskDispatcher.h"
#include "server/api/Roles.h"
#include "server/services/auth/TokenService.h"

#include <QJsonArray>
#include <QJsonObject>
#include <deque>

namespace hm::server::remote {

class RemoteTaskDispatcher;

class TaskLog
{
public:
    static constexpr int kMaxTasks = 200;

    explicit TaskLog(RemoteTaskDispatcher &dispatcher) : m_dispatcher(dispatcher) {}

    // Validates `body` ({node_id, argv | script + shell, env, working_dir,
    // timeout_s}) and starts the task; its id. The outcome (a refusal
    // included) shows in list().
    Result<QString> create(const auth::Principal &caller, const auth::ClientInfo &client,
                           const QJsonObject &body);
    // Newest first: every task for ADMIN, the caller's own otherwise.
    QJsonArray list(const auth::Principal &caller) const;

private:
    struct Entry
    {
        QString id;
        QString nodeId;
        QString nodeName;
        QString program;
        QString createdBy;
        qint64 createdAt = 0;
        qint64 finishedAt = 0;
        QString status = QStringLiteral("running"); // running, completed, failed
        QJsonObject result;                         // the agent's answer
        QJsonObject error;                          // {code, message}
    };
    Entry *find(const QString &id);

    RemoteTaskDispatcher &m_dispatcher;
    std::deque<Entry> m_entries; // newest at the front
};

} // namespace hm::server::remote
