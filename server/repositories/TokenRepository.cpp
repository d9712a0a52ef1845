#include "server/repositories/TokenRepository.h"

#include "store/Database.h"
#include "store/SelectOne.h"

#include <QVariant>

namespace hm::server::repositories {

Status insertRefreshToken(store::Database &db, const NewRefreshToken &token)
{
    return db.execute(
        QStringLiteral(
            "INSERT INTO refresh_tokens (id, user_id, token_hash, family_id, device_info, "
            "ip_address, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {token.id, token.userId, token.tokenHash, token.familyId, token.deviceInfo, token.ip,
         token.expiresAt, token.createdAt});
}

Result<std::optional<StoredRefreshToken>> refreshTokenByHash(store::Database &db,
                                                             const QString &tokenHash)
{
    return store::selectOneAs(
        db,
        QStringLiteral(
            "SELECT id, user_id, family_id, replaced_by, revoked_at, expires_at, created_at "
            "FROM refresh_tokens WHERE token_hash = ?"),
        {tokenHash}, [](const store::Statement &s) {
            return StoredRefreshToken{s.text(0),    s.text(1),  s.text(2), !s.isNull(3),
                                      !s.isNull(4), s.int64(5), s.int64(6)};
        });
}

Status retireRefreshToken(store::Database &db, const QString &id, const QString &replacedBy,
                          qint64 nowMs)
{
    return db.execute(QStringLiteral("UPDATE refresh_tokens SET replaced_by = ?, "
                                     "revoked_at = ?, last_used_at = ? WHERE id = ?"),
                      {replacedBy, nowMs, nowMs, id});
}

Result<std::optional<QString>> unrevokedTokenFamily(store::Database &db, const QString &tokenHash)
{
    return store::selectOneAs(
        db,
        QStringLiteral(
            "SELECT family_id FROM refresh_tokens WHERE token_hash = ? AND revoked_at IS NULL"),
        {tokenHash}, [](const store::Statement &s) { return s.text(0); });
}

Status revokeTokenFamily(store::Database &db, const QString &userId, const QString &familyId,
                         qint64 nowMs)
{
    return db.execute(
        QStringLiteral(
            "UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND family_id = ? "
            "AND revoked_at IS NULL"),
        {nowMs, userId, familyId});
}

Status revokeOtherTokenFamilies(store::Database &db, const QString &userId,
                                const QString &keepFamily, qint64 nowMs)
{
    return db.execute(
        QStringLiteral(
            "UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND family_id != ? "
            "AND revoked_at IS NULL"),
        {nowMs, userId, keepFamily});
}

Result<qint64> tokenFamilyAliveUntil(store::Database &db, const QString &familyId, qint64 nowMs)
{
    auto row = db.selectOne(
        QStringLiteral("SELECT MAX(expires_at) FROM refresh_tokens WHERE family_id = ? "
                       "AND revoked_at IS NULL AND expires_at > ?"),
        {familyId, nowMs});
    if (!row)
        return row.error();
    // An aggregate always has a row; NULL when no token of the family lives.
    return row.value() && !row.value()->isNull(0) ? row.value()->int64(0) : 0;
}

Result<QList<LiveSessionToken>> liveSessionTokens(store::Database &db, const QString &userId,
                                                  qint64 nowMs)
{
    // The live token of each family; the family's first token gives its start.
    QList<LiveSessionToken> tokens;
    const Status read = db.forEachRow(
        QStringLiteral(
            "SELECT t.family_id, t.device_info, t.ip_address, t.last_used_at, t.created_at, "
            "t.expires_at, (SELECT MIN(f.created_at) FROM refresh_tokens f "
            "WHERE f.family_id = t.family_id) FROM refresh_tokens t WHERE t.user_id = ? "
            "AND t.revoked_at IS NULL AND t.expires_at > ? ORDER BY t.created_at DESC"),
        {userId, nowMs}, [&tokens](const store::Statement &s) {
            tokens.append({s.text(0), s.text(1), s.text(2),
                           s.isNull(3) ? std::nullopt : std::optional<qint64>(s.int64(3)),
                           s.int64(4), s.int64(5), s.int64(6)});
        });
    if (!read)
        return read.error();
    return tokens;
}

} // namespace hm::server::repositories
