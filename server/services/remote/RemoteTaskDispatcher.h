#pragma once

// The server's hm::engine::TaskDispatcher (core/engine/tasks): what a flow's
// `task` node (POST /api/tasks' tasks included) runs on the fleet, over NodeActions and
// the agents' `tasks` capability (docs/api.md "Node tasks").
//   Targets: {node_id}, or the enrolled nodes with a label: mode "one"
//   (exactly one must match), "any" (one of them that is online now), "all"
//   (every one, online or not: an offline one fails its part retryably
//   rather than being skipped unseen). No match is VALIDATION_ERROR
//   (details.code NO_TARGETS), never "all nodes".
//   Acting for: the execution's triggered_by when it is a user (their role
//   and grants now); an API key's owner when it is a key (active, not
//   expired), their role capped by the key's access level, and refused
//   (FORBIDDEN, details.code API_KEY_SCOPE) when the key lists permissions
//   without nodes.execute; otherwise (a schedule, a webhook, "system") the
//   flow's owner. Every target must be granted `tasks` (NodeGrants) before
//   any command starts; one missing grant refuses the whole request.
//   Audit: NODE_TASK_RUN per target node with that user, the node, the
//   program (argv[0] or "shell script") and the exit code — never the
//   arguments' environment values or the script's text.
// start() and cancel() may be called from any thread (the engine's): the
// work is posted to this object's thread (the server's), where the
// callbacks run.

#include "engine/tasks/TaskDispatcher.h"
#include "server/api/Roles.h"
#include "server/services/auth/TokenService.h"

#include <QObject>
#include <atomic>
#include <map>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::remote {

class NodeActions;

class RemoteTaskDispatcher : public QObject, public engine::TaskDispatcher
{
    Q_OBJECT
public:
    // Margin on top of the command's own timeout for the agent's answer.
    static constexpr int kAnswerMarginMs = 30'000;

    explicit RemoteTaskDispatcher(store::Database &db, QObject *parent = nullptr);
    ~RemoteTaskDispatcher() override;

    // Server thread. Until set (and after it is cleared) requests are
    // refused with SERVICE_UNAVAILABLE.
    void setActions(NodeActions *actions) { m_actions = actions; }

    quint64 start(const engine::TaskRequest &request, Callbacks callbacks) override;
    void cancel(quint64 handle) override;


private:
    struct Part
    {
        engine::TaskTargetNode node;
        QString taskId; // the agent's
        bool running = false;
    };
    struct Run
    {
        auth::Principal caller;
        auth::ClientInfo client;
        engine::TaskRequest request;
        Callbacks callbacks;
        QList<Part> parts;
        int pending = 0;
        bool cancelled = false;
    };

    void begin(quint64 handle, std::optional<auth::Principal> caller, auth::ClientInfo client,
               engine::TaskRequest request, Callbacks callbacks);
    void cancelHere(quint64 handle);
    Result<auth::Principal> actingFor(const engine::TaskRequest &request);
    Result<QList<engine::TaskTargetNode>> resolveTargets(const engine::TaskTarget &target);
    void partDone(quint64 handle, int index, Result<QJsonObject> outcome);

    store::Database &m_db;
    NodeActions *m_actions = nullptr;
    std::atomic<quint64> m_nextHandle{1};
    std::map<quint64, Run> m_runs; // server thread
};

} // namespace hm::server::remote
