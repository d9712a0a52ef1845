#pragma once

// The fleet's metric history (fleet_metric_minutes, fleet_metric_buckets,
// fleet_rollup_marks; schema 18; fleet_metric_days, schema 44: the
// 15-minute and 1-hour buckets of a day in one row). Blobs are core/fleet/MetricPack's: this
// file stores and finds them, MetricHistory (server/services/fleet) knows
// what is in them.

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace hm::store {
class Database;
struct WriteOp;
} // namespace hm::store

namespace hm::server::repositories {

struct MetricBlob
{
    qint64 key = 0; // the minute (ms / 60000), or the bucket's start (s)
    QByteArray data;
};

// The write-behind queue's upsert of a minute (UPDATE, else the INSERT
// fallback). Parameters: node id, minute, data.
QString updateMinuteSql();
QString insertMinuteSql();
// The same for a rollup bucket. Parameters: node id, tier, bucket, data.
QString updateBucketSql();
QString insertBucketSql();
// The same for a day of a tier's buckets (core/fleet/MetricDayPack).
// Parameters: node id, tier, day, data.
QString updateDaySql();
QString insertDaySql();
// Single buckets folded into their day. Parameters: node id, tier, first
// and last bucket start (inclusive).
QString deleteBucketRangeSql();
// Retention of days: those that start before a bound. Parameters: node id,
// tier, bound (a day's start).
QString deleteDaysBeforeSql();
// A tier's mark. Parameters: node id, tier, done_until.
QString updateMarkSql();
QString insertMarkSql();
// Retention: what of one node lies before a bound. Parameters: node id,
// bound (minute) / node id, tier, bound (bucket start).
QString deleteMinutesBeforeSql();
QString deleteBucketsBeforeSql();

// The report log (schema 40; MetricHistory.h): two tables, 0 and 1.
// Append one report. Parameters: node id, minute, data.
QString insertLogRecordSql(int table);
// Empties a table (no WHERE: SQLite truncates it instead of deleting row
// by row), with secure_delete off for that statement only. SQLCipher is
// built with SECURE_DELETE, so every freed page was zeroed and written
// again: at 10,000 agents a table holds some 25,000 pages after 30 s, and
// emptying it took the writer 0.4-0.9 s in one op (every acknowledgement
// waited) and 25,000 WAL frames. Nothing is lost by not zeroing them: each
// record is in its minute row before the table is emptied, and a freed
// page stays encrypted like every other.
Status clearLogTable(store::Database &db, int table);
// The same as a write-behind op (table in params[0]).
store::WriteOp clearLogWrite(int table);
// An op that deletes the oldest `rows` records of a table (secure_delete
// off as above): a checkpoint empties a table of 300,000 records (10,000
// agents, 30 s) in a few dozen of these, each committed before the next is
// queued, so reports' records are written between them instead of waiting
// for one long op; then clearLogWrite() for whatever is left.
store::WriteOp clearLogChunkWrite(int table, int rows);
// Every record of a table, oldest first.
Status forEachLogRecord(store::Database &db, int table,
                        const std::function<void(const QString &nodeId, qint64 minute,
                                                 const QByteArray &data)> &record);
// The records of both tables (start-up only: no index, a full scan).
Result<qint64> logRecordCount(store::Database &db);
// Writes a minute at once (the log's fold, in the caller's transaction).
Status storeMinute(store::Database &db, const QString &nodeId, qint64 minute,
                   const QByteArray &data);
// Empties both log tables at once.
Status clearLogs(store::Database &db);

// The newest minute stored for the node, nullopt when none (one look-up
// at the end of the primary key's range).
Result<std::optional<qint64>> newestStoredMinute(store::Database &db, const QString &nodeId);
Result<std::optional<QByteArray>> storedMinute(store::Database &db, const QString &nodeId,
                                               qint64 minute);
// Minutes in [from, to], oldest first.
Result<QList<MetricBlob>> minutesOf(store::Database &db, const QString &nodeId, qint64 from,
                                    qint64 to);
// Buckets of a tier with starts in [from, to], oldest first.
Result<QList<MetricBlob>> bucketsOf(store::Database &db, const QString &nodeId, qint64 tier,
                                    qint64 from, qint64 to);
// Days of a tier with starts in [from, to], oldest first.
Result<QList<MetricBlob>> daysOf(store::Database &db, const QString &nodeId, qint64 tier,
                                 qint64 from, qint64 to);
Result<std::optional<QByteArray>> storedDay(store::Database &db, const QString &nodeId, qint64 tier,
                                            qint64 day);
// At most `limit` single buckets of a tier with starts in [from, before),
// oldest first: the next ones to fold into their days.
Result<QList<MetricBlob>> bucketsToFold(store::Database &db, const QString &nodeId, qint64 tier,
                                        qint64 from, qint64 before, qint64 limit);
// How many minutes in [from, to] (raw) / buckets of a tier with starts in
// [from, to] hold data: the public page's availability.
Result<qint64> minuteCount(store::Database &db, const QString &nodeId, qint64 from, qint64 to);
Result<qint64> bucketCount(store::Database &db, const QString &nodeId, qint64 tier, qint64 from,
                           qint64 to);
// The node's oldest stored minute, if any.
Result<std::optional<qint64>> oldestMinute(store::Database &db, const QString &nodeId);
// The tier's mark (done_until, seconds), if set.
Result<std::optional<qint64>> rollupMark(store::Database &db, const QString &nodeId, qint64 tier);
// Every node that may have history (a superset: the fleet's nodes).
Result<QStringList> nodesWithHistory(store::Database &db);
// Everything of a node (it is deleted).
Status deleteHistoryOf(store::Database &db, const QString &nodeId);

} // namespace hm::server::repositories
