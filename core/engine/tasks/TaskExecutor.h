#pragma once

// The built-in `task` component (issue 38 item 8): a command or a script
// on one node of the fleet, or fanned out to every node of a label, through
// a TaskDispatcher (the server's, over its agents). docs/component-protocol.md
// ("Built-in task") describes the node:
//   config {target: {node_id} | {label, mode: one|any|all}, argv: [...] |
//           script + shell: true, env: {...}, working_dir, timeout_s}
//   outputs, one target: {targets, node_id, node_name, exit_code, signal,
//           stdout, stderr, timed_out, ok}
//   outputs, mode all:   {targets, results: [{node_id, node_name,
//           exit_code, signal, stdout, stderr, timed_out, ok}], succeeded,
//           failed}
// `targets` (and the node's first log line) is the exact list of nodes,
// fixed before any command starts; the line is logged (NodeTask::log) the
// moment the list is known, so the running node's detail and its journaled
// record show it while the commands still run. The node completes when the command ran
// everywhere, whatever its exit codes (a condition can branch on them), and
// fails when it could not run somewhere: an empty or unmatched target, a
// missing grant or a refused command never retryably, an agent that went
// offline or did not answer retryably. Cancel asks every agent to kill the
// command's process group.

#include "engine/ExecutorRegistry.h"
#include "engine/NodeExecutor.h"
#include "engine/tasks/TaskDispatcher.h"

namespace hm::engine {

inline constexpr int kTaskDefaultTimeoutSeconds = 60;
inline constexpr int kTaskMaxTimeoutSeconds = 24 * 3600;

flow::ComponentInterface taskInterface();

// The node's config → what to run where. VALIDATION_ERROR with a message
// that names the field.
Result<TaskRequest> parseTaskConfig(const QJsonObject &config);

class TaskExecutor final : public NodeExecutor
{
public:
    // `dispatcher` is not owned and must outlive the engine.
    explicit TaskExecutor(TaskDispatcher *dispatcher) : m_dispatcher(dispatcher) {}

    std::unique_ptr<NodeRun> start(const NodeTask &task, NodeDone done) override;
    bool hasExternalEffects() const override { return true; }

private:
    TaskDispatcher *m_dispatcher;
};

void registerTaskNode(ExecutorRegistry &registry, TaskDispatcher *dispatcher);

} // namespace hm::engine
