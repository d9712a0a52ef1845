#pragma once

// The in-memory state of one execution: what seed 003 §5.2 keeps under
// execution:{id}:* in Redis, here plain structs owned by the Scheduler and
// touched only on the engine thread.

#include "common/Error.h"
#include "engine/EngineTypes.h"
#include "engine/NodeExecutor.h"
#include "engine/TimerQueue.h"
#include "flow/CompiledFlow.h"
#include "flow/MappingEvaluator.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace hm::engine {

class Scheduler;
struct Execution;

struct NodeState
{
    Execution *exec = nullptr;
    NodeStatus status = NodeStatus::Pending;
    SkipReason skipReason = SkipReason::None;
    bool reusePlanned = false; // re-run: outputs come from the earlier execution
    bool reused = false;
    int pending = 0;     // parents not finished yet (fan-in counter)
    int activations = 0; // finished parents that took an edge leading here
    int attempt = 0;
    quint32 token = 0; // bumped per attempt; stale callbacks are ignored
    qint64 startedAtMs = 0;
    qint64 endedAtMs = 0;
    TimerQueue::Id timer = 0; // node timeout or retry back-off
    std::unique_ptr<NodeRun> run;
    QJsonObject inputs;
    QJsonObject outputs;
    QString handle;
    Error error;
    // The node's last kNodeLogLines log lines over all attempts, masked:
    // GET /executions/{id}/nodes/{nodeId} shows them, the journal stores them.
    QStringList logs;
    // Its "running" record is queued already (a start held back until it is
    // durable writes it at once rather than at the end of the turn).
    bool startRecorded = false;
};

inline constexpr int kNodeLogLines = 100;

// What the scheduler works out once per node of a flow it runs, kept in
// its plan of the flow and shared by every execution of it (engine thread
// only). The node's input shape and prepared state are made when the node
// first runs.
struct NodePlan
{
    NodeExecutor *executor = nullptr;
    bool ready = false; // inputs and prepared are made
    flow::InputsShape inputs;
    std::shared_ptr<const PreparedNode> prepared; // executor->prepare(config)
};

// The scheduler's plan of one compiled flow, shared by every execution of
// it that has started (engine thread only).
struct FlowPlan
{
    flow::CompiledFlowPtr flow;
    std::vector<NodePlan> nodes;
    // {leaf id: outputs} of an ended execution; made at the first end.
    std::optional<flow::JsonObjectTemplate> leafOutputs;
    int users = 0;
};

// A re-run's reuse: outputs of one node of the earlier execution.
struct ReusedOutput
{
    int node = -1; // index in the new flow
    QJsonObject outputs;
    QString handle;
};

struct Execution
{
    Scheduler *owner = nullptr;
    QString id;
    QString flowId;
    QString flowVersion;
    flow::CompiledFlowPtr flow; // null while a restored request waits
    QString scope;              // ConcurrencyManager::scopeId
    QString scopeKey;
    QJsonObject trigger;
    QString triggeredBy;
    QString rerunOf;
    QString blobToken; // drawn when a node that uses it first runs (NodeExecutor::usesBlobToken)
    flow::ConcurrencyMode mode = flow::ConcurrencyMode::Allow;
    ExecutionStatus status = ExecutionStatus::Pending;
    bool holdsLease = false;
    qint64 sequence = 0;
    int priority = 0;     // TriggerRequest::priority
    qint64 timeoutMs = 0; // TriggerRequest::timeoutMs
    // The journal's ticket when the execution started: a record of it that
    // could not be stored lies at or after it (ExecutionJournal::durability).
    qint64 journalFrom = 0;
    qint64 eventSequence = 0; // the last EngineEvent::sequence given out
    qint64 createdAtMs = 0;
    qint64 startedAtMs = 0;
    qint64 endedAtMs = 0;

    // Cancellation
    CancelReason cancelReason = CancelReason::UserRequested;
    QString cancelMessage;
    QString cancelledBy;
    bool killed = false;
    Error error; // first node failure, or why it could not start

    std::vector<NodeState> nodes;
    std::array<int, kNodeStatusCount> counts{};
    std::vector<ReusedOutput> reuse;
    QString reuseFrom; // execution whose blobs the reused outputs may name
    flow::EvaluationContext context;
    FlowPlan *plan = nullptr; // the Scheduler's plan of `flow`, once started
    TimerQueue::Id flowTimer = 0;
    TimerQueue::Id graceTimer = 0;

    int count(NodeStatus s) const { return counts[static_cast<size_t>(s)]; }
    void setStatus(NodeState &node, NodeStatus s)
    {
        --counts[static_cast<size_t>(node.status)];
        ++counts[static_cast<size_t>(s)];
        node.status = s;
    }
    int total() const { return static_cast<int>(nodes.size()); }
};

// GET /api/executions/{id}/status (seed 003 §7.3).
QJsonObject executionSnapshot(const Execution &exec, qint64 nowMs, int queuePosition);

} // namespace hm::engine
