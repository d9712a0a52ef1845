#include "engine/EngineEvent.h"
#include "engine/ExecutionState.h"

#include <QJsonArray>

namespace hm::engine {

namespace {

QJsonObject nodeJson(const Execution &exec, int index, qint64 nowMs)
{
    const flow::CompiledNode &def = exec.flow->node(index);
    const NodeState &node = exec.nodes[static_cast<size_t>(index)];
    QJsonObject json{{QStringLiteral("node_id"), def.id},
                     {QStringLiteral("name"), def.id},
                     {QStringLiteral("component"), def.component},
                     {QStringLiteral("version"), def.version},
                     {QStringLiteral("status"), nodeStatusName(node.status)},
                     {QStringLiteral("attempt"), node.attempt}};
    if (node.startedAtMs > 0)
        json.insert(QStringLiteral("started_at"), isoTimestamp(node.startedAtMs));
    if (node.endedAtMs > 0) {
        json.insert(QStringLiteral("ended_at"), isoTimestamp(node.endedAtMs));
        if (node.status == NodeStatus::Completed)
            json.insert(QStringLiteral("completed_at"), isoTimestamp(node.endedAtMs));
        if (node.startedAtMs > 0)
            json.insert(QStringLiteral("duration_ms"), node.endedAtMs - node.startedAtMs);
    } else if (node.status == NodeStatus::Running) {
        json.insert(QStringLiteral("elapsed_ms"), nowMs - node.startedAtMs);
    }
    if (node.status == NodeStatus::Pending) {
        QJsonArray waiting;
        for (int parent : exec.flow->dependencies(index)) {
            if (!isTerminal(exec.nodes[static_cast<size_t>(parent)].status))
                waiting.append(exec.flow->node(parent).id);
        }
        json.insert(QStringLiteral("waiting_for"), waiting);
    }
    if (node.status == NodeStatus::Failed)
        json.insert(QStringLiteral("error"),
                    QJsonObject{{QStringLiteral("code"), node.error.codeName()},
                                {QStringLiteral("message"), node.error.message}});
    if (node.status == NodeStatus::Skipped)
        json.insert(QStringLiteral("skip_reason"), skipReasonName(node.skipReason));
    if (node.reused)
        json.insert(QStringLiteral("reused"), true);
    return json;
}

} // namespace

QJsonObject executionSnapshot(const Execution &exec, qint64 nowMs, int queuePosition)
{
    const bool started = !exec.nodes.empty();
    const int total = exec.flow ? exec.flow->nodeCount() : 0;
    auto count = [&](NodeStatus s) { return started ? exec.count(s) : 0; };
    const int finished = count(NodeStatus::Completed) + count(NodeStatus::Failed) +
                         count(NodeStatus::Cancelled) + count(NodeStatus::Skipped);
    const int pending = started ? count(NodeStatus::Pending) : total;

    QJsonObject progress{{QStringLiteral("total_nodes"), total},
                         {QStringLiteral("completed"), count(NodeStatus::Completed)},
                         {QStringLiteral("running"), count(NodeStatus::Running)},
                         {QStringLiteral("pending"), pending},
                         {QStringLiteral("failed"), count(NodeStatus::Failed)},
                         {QStringLiteral("cancelled"), count(NodeStatus::Cancelled)},
                         {QStringLiteral("skipped"), count(NodeStatus::Skipped)},
                         {QStringLiteral("percent"), total == 0 ? 100 : finished * 100 / total}};

    QJsonObject timing;
    if (exec.startedAtMs > 0) {
        const qint64 end = exec.endedAtMs > 0 ? exec.endedAtMs : nowMs;
        const qint64 elapsed = end - exec.startedAtMs;
        timing.insert(QStringLiteral("started_at"), isoTimestamp(exec.startedAtMs));
        timing.insert(QStringLiteral("elapsed_ms"), elapsed);
        // Linear extrapolation from the share of nodes done: crude, but the
        // seed only asks for an estimate and nodes carry no cost model.
        if (exec.endedAtMs > 0)
            timing.insert(QStringLiteral("estimated_remaining_ms"), 0);
        else if (finished > 0)
            timing.insert(QStringLiteral("estimated_remaining_ms"),
                          elapsed * (total - finished) / finished);
        else
            timing.insert(QStringLiteral("estimated_remaining_ms"), QJsonValue());
    } else {
        timing.insert(QStringLiteral("started_at"), QJsonValue());
        timing.insert(QStringLiteral("elapsed_ms"), 0);
        timing.insert(QStringLiteral("estimated_remaining_ms"), QJsonValue());
    }
    if (exec.endedAtMs > 0)
        timing.insert(QStringLiteral("ended_at"), isoTimestamp(exec.endedAtMs));

    QJsonArray nodes;
    if (started) {
        for (int i = 0; i < total; ++i)
            nodes.append(nodeJson(exec, i, nowMs));
    }

    QJsonObject json{{QStringLiteral("execution_id"), exec.id},
                     {QStringLiteral("flow_id"), exec.flowId},
                     {QStringLiteral("flow_version"), exec.flowVersion},
                     {QStringLiteral("status"), executionStatusName(exec.status)},
                     {QStringLiteral("triggered_by"), exec.triggeredBy},
                     {QStringLiteral("progress"), progress},
                     {QStringLiteral("timing"), timing},
                     {QStringLiteral("nodes"), nodes},
                     {QStringLiteral("can_cancel"),
                      !isTerminal(exec.status) && exec.status != ExecutionStatus::Cancelling}};
    if (queuePosition > 0)
        json.insert(QStringLiteral("queue_position"), queuePosition);
    if (!exec.rerunOf.isEmpty())
        json.insert(QStringLiteral("rerun_of"), exec.rerunOf);
    if (exec.status == ExecutionStatus::Cancelled || exec.status == ExecutionStatus::Cancelling)
        json.insert(QStringLiteral("cancel_reason"), cancelReasonName(exec.cancelReason));
    if (exec.status == ExecutionStatus::Failed)
        json.insert(QStringLiteral("error"),
                    QJsonObject{{QStringLiteral("code"), exec.error.codeName()},
                                {QStringLiteral("message"), exec.error.message}});
    return json;
}

} // namespace hm::engine
