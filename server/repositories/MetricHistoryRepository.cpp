#include "server/repositories/MetricHistoryRepository.h"

#include "store/Database.h"
#include "store/SelectOne.h"
#include "store/WriteBehindQueue.h"

#include <QVariant>

namespace hm::server::repositories {

QString updateMinuteSql()
{
    return QStringLiteral(
        "UPDATE fleet_metric_minutes SET data = ?3 WHERE node_id = ?1 AND minute = ?2");
}

QString insertMinuteSql()
{
    return QStringLiteral(
        "INSERT INTO fleet_metric_minutes (node_id, minute, data) VALUES (?1, ?2, ?3)");
}

QString updateBucketSql()
{
    return QStringLiteral("UPDATE fleet_metric_buckets SET data = ?4 WHERE node_id = ?1 AND "
                          "tier = ?2 AND bucket = ?3");
}

QString insertBucketSql()
{
    return QStringLiteral(
        "INSERT INTO fleet_metric_buckets (node_id, tier, bucket, data) VALUES (?1, ?2, ?3, ?4)");
}

QString updateDaySql()
{
    return QStringLiteral("UPDATE fleet_metric_days SET data = ?4 WHERE node_id = ?1 AND "
                          "tier = ?2 AND day = ?3");
}

QString insertDaySql()
{
    return QStringLiteral(
        "INSERT INTO fleet_metric_days (node_id, tier, day, data) VALUES (?1, ?2, ?3, ?4)");
}

QString deleteBucketRangeSql()
{
    return QStringLiteral("DELETE FROM fleet_metric_buckets WHERE node_id = ?1 AND tier = ?2 AND "
                          "bucket >= ?3 AND bucket <= ?4");
}

QString deleteDaysBeforeSql()
{
    return QStringLiteral(
        "DELETE FROM fleet_metric_days WHERE node_id = ? AND tier = ? AND day < ?");
}

QString updateMarkSql()
{
    return QStringLiteral(
        "UPDATE fleet_rollup_marks SET done_until = ?3 WHERE node_id = ?1 AND tier = ?2");
}

QString insertMarkSql()
{
    return QStringLiteral(
        "INSERT INTO fleet_rollup_marks (node_id, tier, done_until) VALUES (?1, ?2, ?3)");
}

QString deleteMinutesBeforeSql()
{
    return QStringLiteral("DELETE FROM fleet_metric_minutes WHERE node_id = ? AND minute < ?");
}

QString deleteBucketsBeforeSql()
{
    return QStringLiteral(
        "DELETE FROM fleet_metric_buckets WHERE node_id = ? AND tier = ? AND bucket < ?");
}

QString insertLogRecordSql(int table)
{
    return QStringLiteral(
               "INSERT INTO fleet_report_log%1 (node_id, minute, data) VALUES (?1, ?2, ?3)")
        .arg(table ? 1 : 0);
}

namespace {

// Runs `sql` with secure_delete off, then sets back what the connection had.
Status withoutSecureDelete(store::Database &db, const QString &sql, const QVariantList &params)
{
    auto secure = db.queryInt(QStringLiteral("PRAGMA secure_delete"));
    if (!secure)
        return secure.error();
    if (Status off = db.execute(QStringLiteral("PRAGMA secure_delete = 0")); !off)
        return off;
    const Status ran = db.execute(sql, params);
    // Whatever the DELETE did.
    const Status restored =
        db.execute(QStringLiteral("PRAGMA secure_delete = %1").arg(secure.value() ? 1 : 0));
    return ran ? restored : ran;
}

Status clearLogOp(store::Database &db, const store::WriteOp &op)
{
    return clearLogTable(db, op.params.value(0).toInt());
}

Status clearLogChunkOp(store::Database &db, const store::WriteOp &op)
{
    const int table = op.params.value(0).toInt() ? 1 : 0;
    return withoutSecureDelete(
        db,
        QStringLiteral("DELETE FROM fleet_report_log%1 WHERE id <= (SELECT max(id) FROM (SELECT "
                       "id FROM fleet_report_log%1 ORDER BY id LIMIT ?))")
            .arg(table),
        {op.params.value(1)});
}

} // namespace

Status clearLogTable(store::Database &db, int table)
{
    return withoutSecureDelete(
        db, QStringLiteral("DELETE FROM fleet_report_log%1").arg(table ? 1 : 0), {});
}

store::WriteOp clearLogChunkWrite(int table, int rows)
{
    store::WriteOp op;
    op.sql =
        QStringLiteral("-- delete the oldest records of fleet_report_log%1").arg(table ? 1 : 0);
    op.params = {table ? 1 : 0, rows};
    op.run = clearLogChunkOp;
    return op;
}

store::WriteOp clearLogWrite(int table)
{
    store::WriteOp op;
    op.sql = QStringLiteral("-- empty fleet_report_log%1").arg(table ? 1 : 0);
    op.params = {table ? 1 : 0};
    op.run = clearLogOp;
    return op;
}

Status
forEachLogRecord(store::Database &db, int table,
                 const std::function<void(const QString &, qint64, const QByteArray &)> &record)
{
    return db.forEachRow(
        QStringLiteral("SELECT node_id, minute, data FROM fleet_report_log%1 ORDER BY id")
            .arg(table ? 1 : 0),
        {}, [&record](const store::Statement &s) { record(s.text(0), s.int64(1), s.blob(2)); });
}

Result<qint64> logRecordCount(store::Database &db)
{
    return db.queryInt(QStringLiteral("SELECT (SELECT COUNT(*) FROM fleet_report_log0) + "
                                      "(SELECT COUNT(*) FROM fleet_report_log1)"));
}

Status storeMinute(store::Database &db, const QString &nodeId, qint64 minute,
                   const QByteArray &data)
{
    const QVariantList row{nodeId, minute, data};
    if (Status s = db.execute(updateMinuteSql(), row); !s)
        return s;
    if (db.changes() > 0)
        return {};
    return db.execute(insertMinuteSql(), row);
}

Status clearLogs(store::Database &db)
{
    for (int table = 0; table < 2; ++table) {
        if (Status s = clearLogTable(db, table); !s)
            return s;
    }
    return {};
}

Result<std::optional<qint64>> newestStoredMinute(store::Database &db, const QString &nodeId)
{
    auto row = db.selectOne(
        QStringLiteral("SELECT max(minute) FROM fleet_metric_minutes WHERE node_id = ?"), {nodeId});
    if (!row)
        return row.error();
    if (!row.value() || row.value()->isNull(0))
        return std::optional<qint64>();
    return std::optional<qint64>(row.value()->int64(0));
}

Result<std::optional<QByteArray>> storedMinute(store::Database &db, const QString &nodeId,
                                               qint64 minute)
{
    return store::selectOneAs(
        db,
        QStringLiteral("SELECT data FROM fleet_metric_minutes WHERE node_id = ? AND minute = ?"),
        {nodeId, minute}, [](const store::Statement &s) { return s.blob(0); });
}

Result<QList<MetricBlob>> minutesOf(store::Database &db, const QString &nodeId, qint64 from,
                                    qint64 to)
{
    QList<MetricBlob> rows;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT minute, data FROM fleet_metric_minutes WHERE node_id = ? AND "
                       "minute >= ? AND minute <= ? ORDER BY minute"),
        {nodeId, from, to}, [&rows](const store::Statement &s) {
            rows.append({s.int64(0), s.blob(1)});
        });
    if (!read)
        return read.error();
    return rows;
}

Result<QList<MetricBlob>> bucketsOf(store::Database &db, const QString &nodeId, qint64 tier,
                                    qint64 from, qint64 to)
{
    QList<MetricBlob> rows;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT bucket, data FROM fleet_metric_buckets WHERE node_id = ? AND "
                       "tier = ? AND bucket >= ? AND bucket <= ? ORDER BY bucket"),
        {nodeId, tier, from, to}, [&rows](const store::Statement &s) {
            rows.append({s.int64(0), s.blob(1)});
        });
    if (!read)
        return read.error();
    return rows;
}

Result<QList<MetricBlob>> daysOf(store::Database &db, const QString &nodeId, qint64 tier,
                                 qint64 from, qint64 to)
{
    QList<MetricBlob> rows;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT day, data FROM fleet_metric_days WHERE node_id = ? AND "
                       "tier = ? AND day >= ? AND day <= ? ORDER BY day"),
        {nodeId, tier, from, to}, [&rows](const store::Statement &s) {
            rows.append({s.int64(0), s.blob(1)});
        });
    if (!read)
        return read.error();
    return rows;
}

Result<std::optional<QByteArray>> storedDay(store::Database &db, const QString &nodeId, qint64 tier,
                                            qint64 day)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT data FROM fleet_metric_days WHERE node_id = ? "
                                             "AND tier = ? AND day = ?"),
                              {nodeId, tier, day},
                              [](const store::Statement &s) { return s.blob(0); });
}

Result<QList<MetricBlob>> bucketsToFold(store::Database &db, const QString &nodeId, qint64 tier,
                                        qint64 from, qint64 before, qint64 limit)
{
    QList<MetricBlob> rows;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT bucket, data FROM fleet_metric_buckets WHERE node_id = ? AND "
                       "tier = ? AND bucket >= ? AND bucket < ? ORDER BY bucket LIMIT ?"),
        {nodeId, tier, from, before, limit}, [&rows](const store::Statement &s) {
            rows.append({s.int64(0), s.blob(1)});
        });
    if (!read)
        return read.error();
    return rows;
}

Result<std::optional<qint64>> oldestMinute(store::Database &db, const QString &nodeId)
{
    auto row = store::selectOneAs(
        db, QStringLiteral("SELECT MIN(minute) FROM fleet_metric_minutes WHERE node_id = ?"),
        {nodeId}, [](const store::Statement &s) {
            return s.isNull(0) ? std::optional<qint64>() : std::optional<qint64>(s.int64(0));
        });
    if (!row)
        return row.error();
    return row.value().value_or(std::nullopt);
}

Result<std::optional<qint64>> rollupMark(store::Database &db, const QString &nodeId, qint64 tier)
{
    return store::selectOneAs(
        db,
        QStringLiteral("SELECT done_until FROM fleet_rollup_marks WHERE node_id = ? AND tier = ?"),
        {nodeId, tier}, [](const store::Statement &s) { return s.int64(0); });
}

Result<QStringList> nodesWithHistory(store::Database &db)
{
    // The fleet's nodes: every history row belongs to one (REFERENCES
    // fleet_nodes ON DELETE CASCADE), so none is left out, and a node
    // without history costs its maintenance a few index seeks. Not SELECT
    // DISTINCT over the history tables: they are WITHOUT ROWID tables that
    // hold the packed blobs in their leaves, so that scan read the pages of
    // the fleet's whole history — on the server thread, at every
    // maintenance pass, growing with the history (10,000 agents reporting
    // every second: /health stalled 0.8 s after two minutes, 1.7 s after
    // five; a day of raw minutes would have been minutes of scanning).
    QStringList nodes;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT id FROM fleet_nodes ORDER BY id"), {},
                      [&nodes](const store::Statement &s) { nodes.append(s.text(0)); });
    if (!read)
        return read.error();
    return nodes;
}

Status deleteHistoryOf(store::Database &db, const QString &nodeId)
{
    for (const char *table : {"fleet_metric_minutes", "fleet_metric_buckets", "fleet_metric_days",
                              "fleet_rollup_marks"}) {
        if (Status s = db.execute(
                QStringLiteral("DELETE FROM %1 WHERE node_id = ?").arg(QLatin1String(table)),
                {nodeId});
            !s)
            return s;
    }
    return {};
}

Result<qint64> minuteCount(store::Database &db, const QString &nodeId, qint64 from, qint64 to)
{
    auto n = store::selectOneAs(
        db,
        QStringLiteral("SELECT COUNT(*) FROM fleet_metric_minutes WHERE node_id = ? AND "
                       "minute >= ? AND minute <= ?"),
        {nodeId, from, to}, [](const store::Statement &s) { return s.int64(0); });
    if (!n)
        return n.error();
    return n.value().value_or(0);
}

Result<qint64> bucketCount(store::Database &db, const QString &nodeId, qint64 tier, qint64 from,
                           qint64 to)
{
    auto n = store::selectOneAs(
        db,
        QStringLiteral("SELECT COUNT(*) FROM fleet_metric_buckets WHERE node_id = ? AND "
                       "tier = ? AND bucket >= ? AND bucket <= ?"),
        {nodeId, tier, from, to}, [](const store::Statement &s) { return s.int64(0); });
    if (!n)
        return n.error();
    return n.value().value_or(0);
}

} // namespace hm::server::repositories
