#include "server/repositories/WgTrafficRepository.h"

#include "store/Database.h"
#include "store/SelectOne.h"

namespace hm::server::repositories {

namespace {

// The scope's condition on client_id and its binds.
std::pair<QString, QVariantList> wgTrafficScopeSql(const WgTrafficScope &scope)
{
    if (scope.clientId)
        return {QStringLiteral("client_id = ?"), {*scope.clientId}};
    return {QStringLiteral("client_id IN (SELECT id FROM wg_clients WHERE server_id = ?)"),
            {scope.serverId.value_or(-1)}};
}

} // namespace

Result<QList<WgTrafficStateRow>> wgTrafficStates(store::Database &db)
{
    QList<WgTrafficStateRow> rows;
    const Status s = db.forEachRow(
        QStringLiteral("SELECT t.client_id, c.server_id, t.instance, t.present, t.last_rx, "
                       "t.last_tx, t.total_rx, t.total_tx, t.minute_start, t.minute_rx, "
                       "t.minute_tx, t.updated_at FROM wg_traffic_state t "
                       "JOIN wg_clients c ON c.id = t.client_id"),
        {}, [&rows](const store::Statement &st) {
            WgTrafficStateRow r;
            r.clientId = st.int64(0);
            r.serverId = st.int64(1);
            r.instance = st.text(2);
            r.present = st.int64(3) != 0;
            r.lastRx = st.int64(4);
            r.lastTx = st.int64(5);
            r.totalRx = st.int64(6);
            r.totalTx = st.int64(7);
            r.minuteStart = st.int64(8);
            r.minuteRx = st.int64(9);
            r.minuteTx = st.int64(10);
            r.updatedAt = st.int64(11);
            rows.append(r);
        });
    if (!s)
        return s.error();
    return rows;
}

Result<QHash<QString, qint64>> wgClientIdsByKey(store::Database &db, qint64 serverId)
{
    QHash<QString, qint64> ids;
    const Status s = db.forEachRow(
        QStringLiteral("SELECT public_key, id FROM wg_clients WHERE server_id = ?"), {serverId},
        [&ids](const store::Statement &st) { ids.insert(st.text(0), st.int64(1)); });
    if (!s)
        return s.error();
    return ids;
}

Status saveWgTrafficStates(store::Database &db, const QList<WgTrafficStateRow> &rows)
{
    if (rows.isEmpty())
        return {};
    // The row is there but for a client's first sample: an UPDATE by key
    // costs less than a REPLACE (a delete and an insert).
    auto update = db.prepare(QStringLiteral(
        "UPDATE wg_traffic_state SET instance = ?2, present = ?3, last_rx = ?4, last_tx = ?5, "
        "total_rx = ?6, total_tx = ?7, minute_start = ?8, minute_rx = ?9, minute_tx = ?10, "
        "updated_at = ?11 WHERE client_id = ?1"));
    if (!update)
        return update.error();
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO wg_traffic_state (client_id, instance, present, last_rx, "
        "last_tx, total_rx, total_tx, minute_start, minute_rx, minute_tx, updated_at) "
        "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 "
        "WHERE EXISTS (SELECT 1 FROM wg_clients WHERE id = ?1)"));
    if (!insert)
        return insert.error();
    for (const WgTrafficStateRow &r : rows) {
        for (store::Statement *st : {&update.value(), &insert.value()}) {
            st->bind(1, r.clientId)
                .bind(2, r.instance)
                .bind(3, r.present ? 1 : 0)
                .bind(4, r.lastRx)
                .bind(5, r.lastTx)
                .bind(6, r.totalRx)
                .bind(7, r.totalTx)
                .bind(8, r.minuteStart)
                .bind(9, r.minuteRx)
                .bind(10, r.minuteTx)
                .bind(11, r.updatedAt);
            if (Status s = st->run(); !s)
                return s;
            if (db.changes() > 0)
                break;
        }
    }
    return {};
}

Status addWgTrafficBuckets(store::Database &db, int tier, const QList<WgTrafficBucket> &buckets)
{
    if (buckets.isEmpty())
        return {};
    // No UPSERT in this SQLite. A closed minute is nearly always new: make
    // the row, and add to it only when it was there already.
    auto make = db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO wg_traffic_buckets (client_id, tier, bucket, rx, tx) "
        "SELECT ?3, ?4, ?5, ?1, ?2 WHERE EXISTS (SELECT 1 FROM wg_clients WHERE id = ?3)"));
    if (!make)
        return make.error();
    auto add = db.prepare(QStringLiteral("UPDATE wg_traffic_buckets SET rx = rx + ?1, "
                                         "tx = tx + ?2 WHERE client_id = ?3 AND tier = ?4 "
                                         "AND bucket = ?5"));
    if (!add)
        return add.error();
    for (const WgTrafficBucket &b : buckets) {
        make.value()
            .bind(1, b.rx)
            .bind(2, b.tx)
            .bind(3, b.clientId)
            .bind(4, tier)
            .bind(5, b.bucket);
        if (Status s = make.value().run(); !s)
            return s;
        if (db.changes() > 0)
            continue;
        add.value().bind(1, b.rx).bind(2, b.tx).bind(3, b.clientId).bind(4, tier).bind(5, b.bucket);
        if (Status s = add.value().run(); !s)
            return s;
    }
    return {};
}

Status saveWgEndpoints(store::Database &db, const QList<WgEndpointSeen> &seen, int keep)
{
    if (seen.isEmpty())
        return {};
    auto touch = db.prepare(QStringLiteral("UPDATE wg_endpoints SET last_seen = max(last_seen, ?3) "
                                           "WHERE client_id = ?1 AND endpoint = ?2"));
    if (!touch)
        return touch.error();
    auto make = db.prepare(QStringLiteral(
        "INSERT INTO wg_endpoints (client_id, endpoint, first_seen, last_seen) "
        "SELECT ?1, ?2, ?3, ?3 WHERE EXISTS (SELECT 1 FROM wg_clients WHERE id = ?1)"));
    if (!make)
        return make.error();
    auto prune = db.prepare(
        QStringLiteral("DELETE FROM wg_endpoints WHERE client_id = ?1 AND endpoint NOT IN "
                       "(SELECT endpoint FROM wg_endpoints WHERE client_id = ?1 "
                       "ORDER BY last_seen DESC LIMIT ?2)"));
    if (!prune)
        return prune.error();
    for (const WgEndpointSeen &e : seen) {
        touch.value().bind(1, e.clientId).bind(2, e.endpoint).bind(3, e.at);
        if (Status s = touch.value().run(); !s)
            return s;
        if (db.changes() > 0)
            continue;
        make.value().bind(1, e.clientId).bind(2, e.endpoint).bind(3, e.at);
        if (Status s = make.value().run(); !s)
            return s;
        prune.value().bind(1, e.clientId).bind(2, keep);
        if (Status s = prune.value().run(); !s)
            return s;
    }
    return {};
}

Result<std::optional<qint64>> wgTrafficMark(store::Database &db, int tier)
{
    return store::selectOneAs(
        db, QStringLiteral("SELECT done_until FROM wg_traffic_marks WHERE tier = ?"), {tier},
        [](const store::Statement &s) { return s.int64(0); });
}

Status setWgTrafficMark(store::Database &db, int tier, qint64 doneUntil)
{
    return db.execute(
        QStringLiteral("INSERT OR REPLACE INTO wg_traffic_marks (tier, done_until) VALUES (?, ?)"),
        {tier, doneUntil});
}

Result<std::optional<qint64>> wgOldestTrafficBucket(store::Database &db, int tier)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT bucket FROM wg_traffic_buckets WHERE tier = ? "
                                             "ORDER BY bucket LIMIT 1"),
                              {tier}, [](const store::Statement &s) { return s.int64(0); });
}

Result<std::optional<qint64>> wgOldestEndpointSeen(store::Database &db)
{
    return store::selectOneAs(
        db, QStringLiteral("SELECT last_seen FROM wg_endpoints ORDER BY last_seen LIMIT 1"), {},
        [](const store::Statement &s) { return s.int64(0); });
}

Result<std::optional<qint64>> wgNextTrafficBucket(store::Database &db, int tier, qint64 fromMs)
{
    return store::selectOneAs(
        db,
        QStringLiteral("SELECT bucket FROM wg_traffic_buckets WHERE tier = ? AND bucket >= ? "
                       "ORDER BY bucket LIMIT 1"),
        {tier, fromMs}, [](const store::Statement &s) { return s.int64(0); });
}

Status rollUpWgTraffic(store::Database &db, int tier, qint64 lengthMs, int sourceTier,
                       qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return {};
    return db.execute(
        QStringLiteral(
            "INSERT OR REPLACE INTO wg_traffic_buckets (client_id, tier, bucket, rx, tx) "
            "SELECT client_id, ?1, (bucket / ?2) * ?2, SUM(rx), SUM(tx) "
            "FROM wg_traffic_buckets WHERE tier = ?3 AND bucket >= ?4 AND bucket < ?5 "
            "GROUP BY client_id, bucket / ?2"),
        {tier, lengthMs, sourceTier, fromMs, toMs});
}

Result<int> deleteWgTrafficBefore(store::Database &db, int tier, qint64 beforeMs)
{
    if (Status s = db.execute(
            QStringLiteral("DELETE FROM wg_traffic_buckets WHERE tier = ? AND bucket < ?"),
            {tier, beforeMs});
        !s)
        return s.error();
    return db.changes();
}

Result<int> deleteWgEndpointsBefore(store::Database &db, qint64 beforeMs)
{
    if (Status s =
            db.execute(QStringLiteral("DELETE FROM wg_endpoints WHERE last_seen < ?"), {beforeMs});
        !s)
        return s.error();
    return db.changes();
}

Result<QList<WgTrafficPoint>> wgTrafficPoints(store::Database &db, const WgTrafficScope &scope,
                                              int tier, qint64 fromMs, qint64 toMs,
                                              qint64 regroupMs)
{
    const auto [condition, binds] = wgTrafficScopeSql(scope);
    const QString group = regroupMs > 0 ? QStringLiteral("(bucket / %1) * %1").arg(regroupMs)
                                        : QStringLiteral("bucket");
    QVariantList all = binds;
    all << tier << fromMs << toMs;
    QList<WgTrafficPoint> points;
    const Status s = db.forEachRow(
        QStringLiteral("SELECT ") + group +
            QStringLiteral(" AS b, SUM(rx), SUM(tx) FROM wg_traffic_buckets WHERE ") + condition +
            QStringLiteral(" AND tier = ? AND bucket >= ? AND bucket <= ? GROUP BY b ORDER BY b"),
        all, [&points](const store::Statement &st) {
            points.append({st.int64(0), st.int64(1), st.int64(2)});
        });
    if (!s)
        return s.error();
    return points;
}

Result<QList<WgEndpointRow>> wgEndpointsOf(store::Database &db, qint64 clientId, int limit)
{
    QList<WgEndpointRow> rows;
    const Status s =
        db.forEachRow(QStringLiteral("SELECT endpoint, first_seen, last_seen FROM wg_endpoints "
                                     "WHERE client_id = ? ORDER BY last_seen DESC LIMIT ?"),
                      {clientId, limit}, [&rows](const store::Statement &st) {
                          rows.append({st.text(0), st.int64(1), st.int64(2)});
                      });
    if (!s)
        return s.error();
    return rows;
}

} // namespace hm::server::repositories
