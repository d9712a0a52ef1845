#include "server/ws/ExecutionSnapshotMessage.h"

#include "engine_store/StoredNodes.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/ExecutionsRepository.h"
#include "store/Database.h"

#include <QJsonArray>

namespace hm::server::ws {

namespace {

// Result-returning early exit (HM_TRY answers an ApiReply).
#define WS_TRY(var, expr)                                                                          \
    auto var = (expr);                                                                             \
    if (!var)                                                                                      \
        return var.error();

QJsonValue textOrNull(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue errorOrNull(const std::optional<QString> &code, const std::optional<QString> &message)
{
    if (!code)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("code"), *code},
                       {QStringLiteral("message"), textOrNull(message)}};
}

} // namespace

bool isFinalStatus(const QString &status)
{
    return status == QLatin1String("completed") || status == QLatin1String("failed") ||
           status == QLatin1String("cancelled");
}

QJsonObject liveSnapshotMessage(const QJsonObject &status)
{
    QJsonObject execution = status;
    execution.remove(QStringLiteral("nodes"));
    execution.remove(QStringLiteral("event_sequence"));
    // Seed 003 §7.3 shows started_at on the execution itself.
    execution.insert(
        QStringLiteral("started_at"),
        status.value(QStringLiteral("timing")).toObject().value(QStringLiteral("started_at")));
    return {{QStringLiteral("type"), QStringLiteral("snapshot")},
            {QStringLiteral("source"), QStringLiteral("live")},
            {QStringLiteral("seq"), status.value(QStringLiteral("event_sequence")).toInteger()},
            {QStringLiteral("execution"), execution},
            {QStringLiteral("nodes"), status.value(QStringLiteral("nodes"))}};
}

Result<QJsonObject> storedSnapshotMessage(store::Database &db, const QString &executionId)
{
    WS_TRY(found, repositories::executionSummary(db, executionId));
    if (!found.value())
        return Error{ErrorCode::ExecutionNotFound,
                     QStringLiteral("no execution %1").arg(executionId)};
    const repositories::ExecutionSummary &e = *found.value();
    QJsonObject execution{
        {QStringLiteral("execution_id"), e.id},
        {QStringLiteral("flow_id"), e.flowId},
        {QStringLiteral("flow_version"), e.flowVersion},
        {QStringLiteral("status"), e.status},
        {QStringLiteral("triggered_by"), textOrNull(e.triggeredBy)},
        {QStringLiteral("cancel_reason"), textOrNull(e.cancelReason)},
        {QStringLiteral("error"), errorOrNull(e.errorCode, e.errorMessage)},
        {QStringLiteral("rerun_of"), textOrNull(e.rerunOf)},
        {QStringLiteral("started_at"), auth::isoOrNull(e.startedAt)},
        {QStringLiteral("ended_at"), auth::isoOrNull(e.endedAt)},
        {QStringLiteral("duration_ms"), e.durationMs ? QJsonValue(*e.durationMs) : QJsonValue()},
        {QStringLiteral("can_cancel"), false}};

    WS_TRY(stored, engine::persistence::loadStoredNodes(db, executionId));
    auto text = [](const QString &value) { return value.isEmpty() ? QJsonValue() : value; };
    QJsonArray nodes;
    QHash<QString, int> counts;
    for (const engine::persistence::StoredNode &n : std::as_const(stored.value())) {
        ++counts[n.status];
        const QJsonValue error =
            n.errorCode.isEmpty() ? QJsonValue()
                                  : QJsonObject{{QStringLiteral("code"), n.errorCode},
                                                {QStringLiteral("message"), text(n.errorMessage)}};
        nodes.append(QJsonObject{
            {QStringLiteral("node_id"), n.nodeId},
            {QStringLiteral("name"), n.nodeId},
            {QStringLiteral("component"), n.component},
            {QStringLiteral("version"), n.version},
            {QStringLiteral("status"), n.status},
            {QStringLiteral("attempt"), n.attempt},
            {QStringLiteral("skip_reason"), text(n.skipReason)},
            {QStringLiteral("error"), error},
            {QStringLiteral("started_at"), auth::isoOrNull(n.startedAtMs)},
            {QStringLiteral("ended_at"), auth::isoOrNull(n.endedAtMs)},
            {QStringLiteral("duration_ms"), n.durationMs < 0 ? QJsonValue() : n.durationMs}});
    }
    QJsonObject progress{{QStringLiteral("total_nodes"), nodes.size()}};
    for (const QString &status :
         {QStringLiteral("completed"), QStringLiteral("running"), QStringLiteral("pending"),
          QStringLiteral("failed"), QStringLiteral("cancelled"), QStringLiteral("skipped")})
        progress.insert(status, counts.value(status));
    execution.insert(QStringLiteral("progress"), progress);

    return QJsonObject{{QStringLiteral("type"), QStringLiteral("snapshot")},
                       {QStringLiteral("source"), QStringLiteral("history")},
                       {QStringLiteral("seq"), 0},
                       {QStringLiteral("execution"), execution},
                       {QStringLiteral("nodes"), nodes}};
}

#undef WS_TRY

} // namespace hm::server::ws
