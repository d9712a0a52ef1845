#include "server/repositories/WgShareLinkRepository.h"

#include "store/Database.h"
#include "store/SelectOne.h"

namespace hm::server::repositories {

Result<qint64> insertWgShareLink(store::Database &db, const WgShareLinkRow &r)
{
    if (Status s = db.execute(
            QStringLiteral("INSERT INTO wg_share_links (client_id, token_hash, created_by, "
                           "created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
            {r.clientId, r.tokenHash, r.createdBy, r.createdAt, r.expiresAt});
        !s)
        return s.error();
    return db.lastInsertRowId();
}

Result<std::optional<qint64>> spendWgShareLink(store::Database &db, const QString &tokenHash,
                                               qint64 nowMs, const QString &usedFrom)
{
    if (Status s = db.execute(
            QStringLiteral("UPDATE wg_share_links SET used_at = ?, used_from = ? "
                           "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?"),
            {nowMs, usedFrom, tokenHash, nowMs});
        !s)
        return s.error();
    if (db.changes() != 1)
        return std::optional<qint64>();
    return store::selectOneAs(
        db, QStringLiteral("SELECT client_id FROM wg_share_links WHERE token_hash = ?"),
        {tokenHash}, [](const store::Statement &st) { return st.int64(0); });
}

Result<QList<WgShareLinkRow>> wgShareLinksOf(store::Database &db, qint64 clientId)
{
    QList<WgShareLinkRow> rows;
    const Status s = db.forEachRow(
        QStringLiteral("SELECT id, client_id, created_by, created_at, expires_at, used_at, "
                       "used_from FROM wg_share_links WHERE client_id = ? ORDER BY id DESC"),
        {clientId}, [&rows](const store::Statement &st) {
            WgShareLinkRow r;
            r.id = st.int64(0);
            r.clientId = st.int64(1);
            r.createdBy = st.text(2);
            r.createdAt = st.int64(3);
            r.expiresAt = st.int64(4);
            if (!st.isNull(5))
                r.usedAt = st.int64(5);
            r.usedFrom = st.text(6);
            rows.append(r);
        });
    if (!s)
        return s.error();
    return rows;
}

Result<int> revokeWgShareLinks(store::Database &db, qint64 clientId)
{
    if (Status s = db.execute(
            QStringLiteral("DELETE FROM wg_share_links WHERE client_id = ? AND used_at IS NULL"),
            {clientId});
        !s)
        return s.error();
    return db.changes();
}

} // namespace hm::server::repositories
