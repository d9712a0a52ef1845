#include "server/repositories/BgpRepository.h"

#include "store/Constraints.h"
#include "store/Database.h"
#include "store/Like.h"
#include "store/SelectOne.h"

namespace hm::server::repositories {

namespace {

const QString kBgpSessionColumns = QStringLiteral(
    "id, name, neighbor, remote_as, local_as, sealed_password, hold_time, keepalive, "
    "connect_retry, multihop, ttl_security, enabled, description, created_at, updated_at, "
    "ipv6_next_hop");

Error bgpNameConflict()
{
    return Error{ErrorCode::Conflict,
                 QStringLiteral("name: another BGP session has it"),
                 {{QStringLiteral("field"), QStringLiteral("name")}}};
}

BgpSessionRow readBgpSession(const store::Statement &s)
{
    BgpSessionRow row;
    row.id = s.int64(0);
    row.name = s.text(1);
    row.neighbor = s.text(2);
    row.remoteAs = s.int64(3);
    row.localAs = s.int64(4);
    if (!s.isNull(5))
        row.sealedPassword = s.text(5);
    row.holdTime = int(s.int64(6));
    row.keepalive = int(s.int64(7));
    row.connectRetry = int(s.int64(8));
    row.multihop = int(s.int64(9));
    row.ttlSecurity = s.int64(10) != 0;
    row.enabled = s.int64(11) != 0;
    row.description = s.text(12);
    row.createdAt = s.int64(13);
    row.updatedAt = s.int64(14);
    row.ipv6NextHop = s.text(15);
    return row;
}

} // namespace

Result<QList<BgpSessionRow>> bgpSessions(store::Database &db, const BgpSessionFilter &filter)
{
    QStringList conditions;
    QVariantList binds;
    if (!filter.search.isEmpty()) {
        conditions << store::likeAnyCondition({u"name", u"neighbor", u"description"}, filter.search,
                                              binds);
    }
    if (!filter.neighbor.isEmpty()) {
        conditions << QStringLiteral("neighbor = ?");
        binds << filter.neighbor;
    }
    QString sql =
        QStringLiteral("SELECT ") + kBgpSessionColumns + QStringLiteral(" FROM bgp_sessions");
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id");
    QList<BgpSessionRow> rows;
    const Status read = db.forEachRow(
        sql, binds, [&rows](const store::Statement &s) { rows.append(readBgpSession(s)); });
    if (!read)
        return read.error();
    return rows;
}

Result<std::optional<BgpSessionRow>> bgpSessionById(store::Database &db, qint64 id)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT ") + kBgpSessionColumns +
                                  QStringLiteral(" FROM bgp_sessions WHERE id = ?"),
                              {id}, readBgpSession);
}

Result<qint64> insertBgpSession(store::Database &db, const BgpSessionRow &r)
{
    const Status s = db.execute(
        QStringLiteral("INSERT INTO bgp_sessions (name, neighbor, remote_as, local_as, "
                       "hold_time, keepalive, connect_retry, multihop, ttl_security, enabled, "
                       "description, created_at, updated_at, ipv6_next_hop) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {r.name, r.neighbor, r.remoteAs, r.localAs, r.holdTime, r.keepalive, r.connectRetry,
         r.multihop, r.ttlSecurity ? 1 : 0, r.enabled ? 1 : 0, r.description, r.createdAt,
         r.updatedAt, r.ipv6NextHop});
    if (!s) {
        if (store::isUniqueViolation(s.error()))
            return bgpNameConflict();
        return s.error();
    }
    return db.lastInsertRowId();
}

Status updateBgpSession(store::Database &db, const BgpSessionRow &r)
{
    const Status s = db.execute(
        QStringLiteral("UPDATE bgp_sessions SET name = ?, neighbor = ?, remote_as = ?, "
                       "local_as = ?, hold_time = ?, keepalive = ?, connect_retry = ?, "
                       "multihop = ?, ttl_security = ?, enabled = ?, description = ?, "
                       "updated_at = ?, ipv6_next_hop = ? WHERE id = ?"),
        {r.name, r.neighbor, r.remoteAs, r.localAs, r.holdTime, r.keepalive, r.connectRetry,
         r.multihop, r.ttlSecurity ? 1 : 0, r.enabled ? 1 : 0, r.description, r.updatedAt,
         r.ipv6NextHop, r.id});
    if (!s && store::isUniqueViolation(s.error()))
        return bgpNameConflict();
    return s;
}

Status setBgpSessionPassword(store::Database &db, qint64 id, const QString &sealed)
{
    return db.execute(QStringLiteral("UPDATE bgp_sessions SET sealed_password = ? WHERE id = ?"),
                      {sealed.isEmpty() ? QVariant() : QVariant(sealed), id});
}

Result<int> deleteBgpSession(store::Database &db, qint64 id)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM bgp_sessions WHERE id = ?"), {id}); !s)
        return s.error();
    return db.changes();
}

Result<QList<BgpAnnouncementRow>> bgpAnnouncements(store::Database &db)
{
    QList<BgpAnnouncementRow> rows;
    const Status s = db.forEachRow(
        QStringLiteral("SELECT id, prefix, description, created_at FROM bgp_announcements "
                       "ORDER BY id"),
        {}, [&rows](const store::Statement &st) {
            rows.append({st.int64(0), st.text(1), st.text(2), st.int64(3)});
        });
    if (!s)
        return s.error();
    return rows;
}

Result<qint64> insertBgpAnnouncement(store::Database &db, const BgpAnnouncementRow &row)
{
    const Status s = db.execute(QStringLiteral("INSERT INTO bgp_announcements (prefix, "
                                               "description, created_at) VALUES (?, ?, ?)"),
                                {row.prefix, row.description, row.createdAt});
    if (!s) {
        if (store::isUniqueViolation(s.error()))
            return Error{ErrorCode::Conflict, QStringLiteral("prefix: announced already"),
                         {{QStringLiteral("field"), QStringLiteral("prefix")}}};
        return s.error();
    }
    return db.lastInsertRowId();
}

Result<int> deleteBgpAnnouncement(store::Database &db, qint64 id)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM bgp_announcements WHERE id = ?"), {id});
        !s)
        return s.error();
    return db.changes();
}

} // namespace hm::server::repositories
