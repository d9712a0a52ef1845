#pragma once

// Seed 000's tasks (GET/POST /api/tasks; docs/api.md "Node tasks"): a
// command on one node that runs as an execution of the built-in `task`
// component, so it is as durable as any execution (history, restart,
// cancel and kill through the execution routes, the console's Executions).
//
// POST: the request is checked first — the body (VALIDATION_ERROR naming
// the field), the node (RESOURCE_NOT_FOUND), the caller's `tasks` grant on
// it (FORBIDDEN, audited as a refused NODE_TASK_RUN) — and nothing is
// stored when it fails. Then a one-node flow of the `task` component is
// written retired at birth (repositories::insertTaskFlow: no flow list
// shows it, no edit or trigger reaches it), owned by the caller — or the
// one already stored for the same owner and content is reused, so hidden
// flows grow with the distinct tasks, not with every run — and run
// once with the caller (or their API key) as triggered_by, so that the
// dispatcher checks the grants again when the node runs. The answer waits
// for the journal like a trigger's: a task_id answered is an execution in
// the database. task_id is the execution id.
// GET: the task flows' executions, newest first and paged: every one for
// ADMIN, the caller's own otherwise.
// Server thread.

#include "server/api/ApiRouter.h"
#include "server/api/QueryParams.h"
#include "server/api/Roles.h"

#include <QJsonObject>
#include <QObject>

namespace hm::store {
class Database;
}

namespace hm::server {
class FlowEngineHost;
}

namespace hm::server::remote {

class NodeActions;

class TaskService : public QObject
{
    Q_OBJECT
public:
    // What a task's stdout and stderr show in the list at most (their
    // tails); the execution's node keeps what the `task` node keeps.
    static constexpr qsizetype kListOutputChars = 64 * 1024;
    // The node's and the flow's timeout on top of the command's own.
    static constexpr int kTimeoutMarginMs = 60'000;

    TaskService(store::Database &db, FlowEngineHost &host, NodeActions &actions,
                QObject *parent = nullptr);

    // An error found at once, else ApiReply::deferred() and the answer
    // {task_id, execution_id, status: "created"} once the execution is stored.
    ApiReply create(const RequestContext &context, const auth::Principal &caller,
                    const QJsonObject &body);
    ApiReply list(const auth::Principal &caller, const Paging &paging);

private:
    store::Database &m_db;
    FlowEngineHost &m_host;
    NodeActions &m_actions;
};

} // namespace hm::server::remote
