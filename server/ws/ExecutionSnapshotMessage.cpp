#include "server/ws/ExecutionSnapshotMessage.h"

#include "engine_store/StoredNodes.h"
#include "server/api/AuthCommon.h"
#include "store/Database.h"

#include <QJsonArray>

namespace hm::server::ws {

namespace {

// Result-returning early exit (HM_TRY answers an ApiReply).
#define WS_TRY(var, expr)                                                                          \
    auto var = (expr);                                                                             \
    if (!var)                                                                                      \
        return var.error();

QJsonValue textOrNull(const store::Statement &s, int col)
{
    return s.isNull(col) ? QJsonValue() : QJsonValue(s.text(col));
}

QJsonValue intOrNull(const store::Statement &s, int col)
{
    return s.isNull(col) ? QJsonValue() : QJsonValue(s.int64(col));
}

QJsonValue errorOrNull(const store::Statement &s, int codeCol, int messageCol)
{
    if (s.isNull(codeCol))
        return QJsonValue();
    return QJsonObject{{QStringLiteral("code"), s.text(codeCol)},
                       {QStringLiteral("message"), textOrNull(s, messageCol)}};
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
    WS_TRY(select, db.prepare(QStringLiteral(
                       "SELECT id, flow_id, flow_version, status, triggered_by, cancel_reason, "
                       "error_code, error_message, rerun_of, started_at, ended_at, duration_ms "
                       "FROM executions WHERE id = ?")));
    select.value().bind(1, executionId);
    WS_TRY(found, select.value().step());
    if (!found.value())
        return Error{ErrorCode::ExecutionNotFound,
                     QStringLiteral("no execution %1").arg(executionId)};
    const store::Statement &e = select.value();
    QJsonObject execution{{QStringLiteral("execution_id"), e.text(0)},
                          {QStringLiteral("flow_id"), e.text(1)},
                          {QStringLiteral("flow_version"), e.text(2)},
                          {QStringLiteral("status"), e.text(3)},
                          {QStringLiteral("triggered_by"), textOrNull(e, 4)},
                          {QStringLiteral("cancel_reason"), textOrNull(e, 5)},
                          {QStringLiteral("error"), errorOrNull(e, 6, 7)},
                          {QStringLiteral("rerun_of"), textOrNull(e, 8)},
                          {QStringLiteral("started_at"), auth::isoOrNull(e.int64(9))},
                          {QStringLiteral("ended_at"), auth::isoOrNull(e.int64(10))},
                          {QStringLiteral("duration_ms"), intOrNull(e, 11)},
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
