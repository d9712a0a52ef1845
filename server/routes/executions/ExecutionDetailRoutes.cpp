// GET /api/v1/executions/{id}/nodes/{nodeId} and /metrics: one node's
// data, state and log lines, and an execution's numbers. Both answer from
// the engine while it still holds the execution (running, or ended less
// than its retention ago), otherwise from the history tables; "source" says
// which ("engine" or "history"). Inputs and outputs are masked either way.

#include "engine/Scheduler.h"
#include "engine_store/JsonColumn.h"
#include "engine_store/StoredNodes.h"
#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/ExecutionsRepository.h"
#include "server/routes/EngineRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/engine/ExecutionAccess.h"
#include "server/services/engine/FlowEngineHost.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace hm::server {

using namespace engine;
using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kFromEngine = QStringLiteral("engine");
const QString kFromHistory = QStringLiteral("history");

// Not held by the engine (any more): look in the history. Distinct from a
// real EXECUTION_NOT_FOUND only inside this file.
Error notLive(const QString &id)
{
    return Error{ErrorCode::ExecutionNotFound, QStringLiteral("execution %1 not live").arg(id)};
}

Error nodeNotFound(const QString &executionId, const QString &nodeId)
{
    return Error{ErrorCode::ResourceNotFound,
                 QStringLiteral("execution %1 has no record of node %2").arg(executionId, nodeId),
                 {{QStringLiteral("node_id"), nodeId}}};
}

QJsonValue maskedOrNull(const QJsonObject &object)
{
    if (object.isEmpty())
        return QJsonValue();
    return QJsonDocument::fromJson(persistence::maskedJson(object).toUtf8()).object();
}

QJsonValue msOrNull(qint64 ms)
{
    return ms < 0 ? QJsonValue() : QJsonValue(ms);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// ---- nodes/{nodeId} ----------------------------------------------------

QJsonObject liveNode(const Execution &exec, int index)
{
    const flow::CompiledNode &def = exec.flow->node(index);
    NodeState idle; // an execution still queued has no node states yet
    const NodeState &node = exec.nodes.empty() ? idle : exec.nodes[static_cast<size_t>(index)];
    QJsonObject json{
        {QStringLiteral("execution_id"), exec.id},
        {QStringLiteral("node_id"), def.id},
        {QStringLiteral("component"), def.component},
        {QStringLiteral("version"), def.version},
        {QStringLiteral("status"), nodeStatusName(node.status)},
        {QStringLiteral("attempts"), node.attempt},
        {QStringLiteral("skip_reason"), node.status == NodeStatus::Skipped
                                            ? QJsonValue(skipReasonName(node.skipReason))
                                            : QJsonValue()},
        {QStringLiteral("inputs"), maskedOrNull(node.inputs)},
        {QStringLiteral("outputs"), maskedOrNull(node.outputs)},
        {QStringLiteral("error"),
         node.status == NodeStatus::Failed
             ? QJsonValue(QJsonObject{{QStringLiteral("code"), node.error.codeName()},
                                      {QStringLiteral("message"), node.error.message}})
             : QJsonValue()},
        {QStringLiteral("started_at"), auth::isoOrNull(node.startedAtMs)},
        {QStringLiteral("ended_at"), auth::isoOrNull(node.endedAtMs)},
        {QStringLiteral("duration_ms"), node.startedAtMs > 0 && node.endedAtMs >= node.startedAtMs
                                            ? QJsonValue(node.endedAtMs - node.startedAtMs)
                                            : QJsonValue()},
        {QStringLiteral("logs"), QJsonArray::fromStringList(node.logs)},
        {QStringLiteral("reused"), node.reused},
        {QStringLiteral("source"), kFromEngine}};
    return json;
}

Result<QJsonObject> storedNode(store::Database &db, const QString &executionId,
                               const QString &nodeId)
{
    auto stored = persistence::loadStoredNode(db, executionId, nodeId);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return nodeNotFound(executionId, nodeId);
    const persistence::StoredNode &s = *stored.value();
    return QJsonObject{
        {QStringLiteral("execution_id"), executionId},
        {QStringLiteral("node_id"), nodeId},
        {QStringLiteral("component"), s.component},
        {QStringLiteral("version"), s.version},
        {QStringLiteral("status"), s.status},
        {QStringLiteral("attempts"), s.attempt},
        {QStringLiteral("skip_reason"), s.skipReason.isEmpty() ? QJsonValue() : s.skipReason},
        {QStringLiteral("inputs"), s.inputs},
        {QStringLiteral("outputs"), s.outputs},
        {QStringLiteral("error"),
         s.errorCode.isEmpty()
             ? QJsonValue()
             : QJsonValue(QJsonObject{{QStringLiteral("code"), s.errorCode},
                                      {QStringLiteral("message"), s.errorMessage}})},
        {QStringLiteral("started_at"), auth::isoOrNull(s.startedAtMs)},
        {QStringLiteral("ended_at"), auth::isoOrNull(s.endedAtMs)},
        {QStringLiteral("duration_ms"), s.durationMs < 0 ? QJsonValue() : QJsonValue(s.durationMs)},
        {QStringLiteral("logs"), s.logs.isArray() ? s.logs : QJsonValue(QJsonArray())},
        {QStringLiteral("reused"), false},
        {QStringLiteral("source"), kFromHistory}};
}

ApiReply nodeDetail(store::Database &db, FlowEngineHost &host, const RequestContext &c,
                    const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    const QString nodeId = c.pathArgs.at(1);
    HM_TRY(access, viewableExecution(db, host, p, id));
    auto live = host.run<QJsonObject>([id, nodeId](Scheduler &s) -> Result<QJsonObject> {
        const Execution *exec = s.execution(id);
        if (!exec || !exec->flow) // a restored queued request has no flow yet
            return notLive(id);
        const int index = exec->flow->indexOf(nodeId);
        if (index < 0)
            return nodeNotFound(id, nodeId);
        return liveNode(*exec, index);
    });
    if (live)
        return ApiReply::ok(live.value());
    if (live.error().code != ErrorCode::ExecutionNotFound)
        return ApiReply::failure(live.error());
    host.flushJournal();
    HM_TRY(stored, storedNode(db, id, nodeId));
    return ApiReply::ok(stored.value());
}

// ---- metrics -----------------------------------------------------------

const QList<NodeStatus> kNodeStatuses{NodeStatus::Pending,   NodeStatus::Running,
                                      NodeStatus::Completed, NodeStatus::Failed,
                                      NodeStatus::Cancelled, NodeStatus::Skipped};

struct NodeNumbers
{
    QString nodeId;
    QString component;
    QString status;
    qint64 attempts = 0;
    qint64 durationMs = -1; // -1: not started; running nodes count up to now
};

struct Numbers
{
    QString executionId;
    QString flowId;
    QString flowVersion;
    QString status;
    qint64 createdAtMs = 0;
    qint64 startedAtMs = 0;
    qint64 endedAtMs = 0;
    int nodeCount = 0;
    QList<NodeNumbers> nodes;
    QString source;
};

QJsonObject metricsJson(const Numbers &n, qint64 now)
{
    QJsonObject byStatus;
    for (NodeStatus s : kNodeStatuses)
        byStatus.insert(nodeStatusName(s), 0);
    int seen = 0;
    qint64 attempts = 0;
    qint64 retries = 0;
    QJsonArray nodes;
    for (const NodeNumbers &node : n.nodes) {
        byStatus.insert(node.status, byStatus.value(node.status).toInt() + 1);
        ++seen;
        attempts += node.attempts;
        retries += std::max<qint64>(0, node.attempts - 1);
        nodes.append(
            QJsonObject{{QStringLiteral("node_id"), node.nodeId},
                        {QStringLiteral("component"), node.component},
                        {QStringLiteral("status"), node.status},
                        {QStringLiteral("attempts"), node.attempts},
                        {QStringLiteral("retries"), std::max<qint64>(0, node.attempts - 1)},
                        {QStringLiteral("duration_ms"), msOrNull(node.durationMs)}});
    }
    // Nodes the history has no row for never started.
    const QString pending = nodeStatusName(NodeStatus::Pending);
    byStatus.insert(pending, byStatus.value(pending).toInt() + std::max(0, n.nodeCount - seen));

    qint64 duration = -1;
    if (n.startedAtMs > 0)
        duration = (n.endedAtMs > 0 ? n.endedAtMs : now) - n.startedAtMs;
    // Time between the request and the start: the concurrency queue, or
    // start-up. Still counting while it waits.
    qint64 queueWait = -1;
    if (n.createdAtMs > 0)
        queueWait = (n.startedAtMs > 0 ? n.startedAtMs : (n.endedAtMs > 0 ? n.endedAtMs : now)) -
                    n.createdAtMs;
    return {{QStringLiteral("execution_id"), n.executionId},
            {QStringLiteral("flow_id"), n.flowId},
            {QStringLiteral("flow_version"), n.flowVersion},
            {QStringLiteral("status"), n.status},
            {QStringLiteral("created_at"), auth::isoOrNull(n.createdAtMs)},
            {QStringLiteral("started_at"), auth::isoOrNull(n.startedAtMs)},
            {QStringLiteral("ended_at"), auth::isoOrNull(n.endedAtMs)},
            {QStringLiteral("duration_ms"), msOrNull(duration)},
            {QStringLiteral("queue_wait_ms"), msOrNull(std::max<qint64>(-1, queueWait))},
            {QStringLiteral("node_count"), std::max(n.nodeCount, seen)},
            {QStringLiteral("nodes_by_status"), byStatus},
            {QStringLiteral("attempts_total"), attempts},
            {QStringLiteral("retries_total"), retries},
            {QStringLiteral("nodes"), nodes},
            {QStringLiteral("source"), n.source}};
}

Numbers liveNumbers(const Execution &exec, qint64 now)
{
    Numbers n{exec.id,
              exec.flowId,
              exec.flowVersion,
              executionStatusName(exec.status),
              exec.createdAtMs,
              exec.startedAtMs,
              exec.endedAtMs,
              exec.flow ? exec.flow->nodeCount() : 0,
              {},
              kFromEngine};
    for (size_t i = 0; i < exec.nodes.size(); ++i) {
        const NodeState &node = exec.nodes[i];
        qint64 duration = -1;
        if (node.startedAtMs > 0)
            duration = (node.endedAtMs > 0 ? node.endedAtMs : now) - node.startedAtMs;
        n.nodes.append(NodeNumbers{exec.flow->node(int(i)).id, exec.flow->node(int(i)).component,
                                   nodeStatusName(node.status), node.attempt, duration});
    }
    return n;
}

using repositories::definitionNodeCount;

Result<Numbers> storedNumbers(store::Database &db, const QString &id, qint64 now)
{
    auto row = repositories::storedExecution(db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::ExecutionNotFound, QStringLiteral("no execution %1").arg(id)};
    const repositories::StoredExecution &e = *row.value();
    Numbers n{id, e.flowId, e.flowVersion, e.status, e.createdAt, e.startedAt, e.endedAt,
              0,  {},       kFromHistory};
    n.nodeCount = definitionNodeCount(db, n.flowId, n.flowVersion);

    auto nodes = persistence::loadStoredNodes(db, id);
    if (!nodes)
        return nodes.error();
    for (const persistence::StoredNode &s : std::as_const(nodes.value())) {
        qint64 duration = -1;
        if (s.startedAtMs > 0) {
            // A row still "running" belongs to an execution that is running
            // elsewhere in time (the engine forgot it only after the end),
            // so count up to its end or now.
            const qint64 end =
                s.endedAtMs > 0 ? s.endedAtMs : (n.endedAtMs > 0 ? n.endedAtMs : now);
            duration = end - s.startedAtMs;
        }
        n.nodes.append(NodeNumbers{s.nodeId, s.component, s.status, s.attempt, duration});
    }
    return n;
}

ApiReply metrics(store::Database &db, FlowEngineHost &host, const RequestContext &c,
                 const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY(access, viewableExecution(db, host, p, id));
    const qint64 now = nowMs();
    auto live = host.run<QJsonObject>([id, now](Scheduler &s) -> Result<QJsonObject> {
        const Execution *exec = s.execution(id);
        if (!exec)
            return notLive(id);
        return metricsJson(liveNumbers(*exec, now), now);
    });
    if (live)
        return ApiReply::ok(live.value());
    if (live.error().code != ErrorCode::ExecutionNotFound)
        return ApiReply::failure(live.error());
    host.flushJournal();
    HM_TRY(stored, storedNumbers(db, id, now));
    return ApiReply::ok(metricsJson(stored.value(), now));
}

const QString kExecutionDetailTag = QStringLiteral("Executions");

} // namespace

void registerExecutionDetailRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                                   FlowEngineHost &host)
{
    const QJsonObject error =
        object({{QStringLiteral("code"), string()}, {QStringLiteral("message"), string()}});
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/executions/{id}/nodes/{nodeId}"),
        Role::Viewer,
        [&db, &host](const RequestContext &c, const Principal &p) {
            return nodeDetail(db, host, c, p);
        },
        routeDoc(kExecutionDetailTag,
                 QStringLiteral("One node of an execution: inputs and outputs (masked), status, "
                                "error, attempts, timing and its last log lines (view)"),
                 {ErrorCode::ExecutionNotFound, ErrorCode::ResourceNotFound})
            .response(object({{QStringLiteral("node_id"), string()},
                              {QStringLiteral("component"), string()},
                              {QStringLiteral("status"), string()},
                              {QStringLiteral("attempts"), integer()},
                              {QStringLiteral("inputs"), object({})},
                              {QStringLiteral("outputs"), object({})},
                              {QStringLiteral("error"), error},
                              {QStringLiteral("started_at"), string()},
                              {QStringLiteral("ended_at"), string()},
                              {QStringLiteral("duration_ms"), integer()},
                              {QStringLiteral("logs"), arrayOf(string())},
                              {QStringLiteral("source"),
                               enumOf({QStringLiteral("engine"), QStringLiteral("history")})}})));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/executions/{id}/metrics"), Role::Viewer,
        [&db, &host](const RequestContext &c, const Principal &p) {
            return metrics(db, host, c, p);
        },
        routeDoc(kExecutionDetailTag,
                 QStringLiteral("Numbers of an execution: duration, queue wait, nodes by status, "
                                "attempts and retries, per-node durations (view)"),
                 {ErrorCode::ExecutionNotFound})
            .response(object({{QStringLiteral("duration_ms"), integer()},
                              {QStringLiteral("queue_wait_ms"), integer()},
                              {QStringLiteral("node_count"), integer()},
                              {QStringLiteral("nodes_by_status"), object({})},
                              {QStringLiteral("attempts_total"), integer()},
                              {QStringLiteral("retries_total"), integer()},
                              {QStringLiteral("nodes"),
                               arrayOf(object({{QStringLiteral("node_id"), string()},
                                               {QStringLiteral("status"), string()},
                                               {QStringLiteral("attempts"), integer()},
                                               {QStringLiteral("retries"), integer()},
                                               {QStringLiteral("duration_ms"), integer()}}))},
                              {QStringLiteral("source"),
                               enumOf({QStringLiteral("engine"), QStringLiteral("history")})}})));
}

} // namespace hm::server
