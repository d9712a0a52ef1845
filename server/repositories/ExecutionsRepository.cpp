#include "server/repositories/ExecutionsRepository.h"

#include "server/repositories/FlowsRepository.h"
#include "store/Database.h"
#include "store/SelectOne.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hm::server::repositories {

Result<std::optional<StoredExecution>> storedExecution(store::Database &db, const QString &id)
{
    auto row = db.selectOne(
        QStringLiteral(
            "SELECT id, flow_id, flow_version, status, trigger_input, triggered_by, cancel_reason, "
            "error_code, error_message, outputs, rerun_of, created_at, started_at, ended_at, "
            "duration_ms FROM executions WHERE id = ?"),
        {id});
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<StoredExecution>();
    const store::Statement &s = *row.value();
    auto text = [&s](int col) {
        return s.isNull(col) ? std::nullopt : std::optional<QString>(s.text(col));
    };
    return std::optional<StoredExecution>(StoredExecution{
        s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), text(5), text(6), text(7), s.text(8),
        s.text(9), text(10), s.int64(11), s.int64(12), s.int64(13),
        s.isNull(14) ? std::nullopt : std::optional<qint64>(s.int64(14))});
}

Result<std::optional<ExecutionOrigin>> executionOrigin(store::Database &db, const QString &id)
{
    return store::selectOneAs(
        db, QStringLiteral("SELECT flow_id, triggered_by FROM executions WHERE id = ?"), {id},
        [](const store::Statement &s) {
            return ExecutionOrigin{s.text(0), s.isNull(1) ? QString() : s.text(1)};
        });
}

Result<std::optional<ExecutionSummary>> executionSummary(store::Database &db, const QString &id)
{
    return store::selectOneAs(
        db,
        QStringLiteral("SELECT id, flow_id, flow_version, status, triggered_by, cancel_reason, "
                       "error_code, error_message, rerun_of, started_at, ended_at, duration_ms "
                       "FROM executions WHERE id = ?"),
        {id}, [](const store::Statement &s) {
            auto text = [&s](int col) {
                return s.isNull(col) ? std::nullopt : std::optional<QString>(s.text(col));
            };
            return ExecutionSummary{
                s.text(0),   s.text(1),
                s.text(2),   s.text(3),
                text(4),     text(5),
                text(6),     text(7),
                text(8),     s.int64(9),
                s.int64(10), s.isNull(11) ? std::nullopt : std::optional<qint64>(s.int64(11))};
        });
}

int definitionNodeCount(store::Database &db, const QString &flowId, const QString &version)
{
    auto row = db.selectOne(
        QStringLiteral("SELECT definition FROM flow_versions WHERE flow_id = ? AND version = ?"),
        {flowId, version});
    if (!row || !row.value())
        return 0;
    return int(QJsonDocument::fromJson(row.value()->text(0).toUtf8())
                   .object()
                   .value(QStringLiteral("nodes"))
                   .toArray()
                   .size());
}

QString executionCountsByHourSql(const auth::Principal &caller, QVariantList &binds)
{
    // Every status named, so the time window is a range of the status
    // index (status, created_at) per status, read from the
    // index alone: SQLite 3.15 has no skip scan without ANALYZE data, and a
    // bare created_at range would read every row of the history.
    QString sql = QStringLiteral(
        "SELECT (created_at - ?) / 3600000 AS hour, status, COUNT(*) FROM executions"
        " WHERE status IN ('pending', 'queued', 'running', 'completed', 'failed', 'cancelling',"
        " 'cancelled') AND created_at >= ? AND created_at < ?");
    const QString visible = viewableFlowCondition(caller, QStringLiteral("flow_id"), binds);
    if (!visible.isEmpty())
        sql += QStringLiteral(" AND ") + visible;
    sql += QStringLiteral(" GROUP BY hour, status ORDER BY hour");
    return sql;
}

Result<QList<ExecutionHourCount>> executionCountsByHour(store::Database &db,
                                                        const auth::Principal &caller,
                                                        qint64 fromMs, qint64 toMs)
{
    QVariantList binds{fromMs, fromMs, toMs};
    const QString sql = executionCountsByHourSql(caller, binds);
    QList<ExecutionHourCount> counts;
    const Status read = db.forEachRow(sql, binds, [&counts](const store::Statement &s) {
        counts.append(ExecutionHourCount{int(s.int64(0)), s.text(1), s.int64(2)});
    });
    if (!read.ok())
        return read.error();
    return counts;
}

} // namespace hm::server::repositories
