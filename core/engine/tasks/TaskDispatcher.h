#pragma once

// The seam between the engine's built-in `task` node (a command on one or
// several nodes of the fleet, issue 38 item 8) and the server that knows
// the fleet, the grants and the agents' connections. The engine never
// reads the fleet: it hands a TaskRequest to a TaskDispatcher, which
//   1. resolves the target to the exact list of nodes (by id, or by label:
//      "one", "any" online, "all"), refusing an empty or unmatched list;
//   2. checks that whoever the execution acts for may use `tasks` on every
//      one of them, refusing the whole request before anything runs;
//   3. reports the list (targets()), then runs the command on each node in
//      parallel and reports each node's end (nodeDone()), then finished().
// The server implements it over its fleet and agent calls
// (server/services/remote/RemoteTaskDispatcher); tests may implement it
// in-process.

#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace hm::engine {

// Where a task node runs (its config's `target`).
struct TaskTarget
{
    QString nodeId; // by id; or:
    QString label;
    QString mode = QStringLiteral("one"); // "one", "any" or "all" (with label)
};

// What runs there (the agent's tasks/run arguments but task_id).
struct TaskCommand
{
    QStringList argv;
    QString script;
    bool shell = false;
    QJsonObject env;
    QString workingDir;
    int timeoutMs = 60'000;
};

struct TaskRequest
{
    QString executionId;
    QString flowId;
    QString flowNodeId; // the node of the flow
    QString triggeredBy; // the execution's: user id, api key id or "system"…
    TaskTarget target;
    TaskCommand command;
};

// A node the task runs on.
struct TaskTargetNode
{
    QString nodeId;
    QString name;
};

class TaskDispatcher
{
public:
    virtual ~TaskDispatcher() = default;

    struct Callbacks
    {
        // The refusal of the whole request (nothing ran): retryable says
        // whether trying again later could help.
        std::function<void(Error error, bool retryable)> refused;
        // The exact target list, before any command starts.
        std::function<void(QList<TaskTargetNode> targets)> targets;
        // One node's end: the agent's tasks/run result, or why it did not
        // run or answer (NODE_OFFLINE when its agent went mid-task).
        std::function<void(TaskTargetNode node, Result<QJsonObject> outcome)> nodeDone;
    };

    // Any thread. The callbacks run on the dispatcher's own thread, in
    // this order: refused() alone, or targets() then nodeDone() once per
    // target. Returns a handle for cancel().
    virtual quint64 start(const TaskRequest &request, Callbacks callbacks) = 0;
    // Any thread: asks every agent still running the request's command to
    // stop it (its process group). Callbacks may still follow; the caller
    // is free to ignore them.
    virtual void cancel(quint64 handle) = 0;
};

} // namespace hm::engine
