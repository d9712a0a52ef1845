#include "server/services/auth/TokenService.h"

#include "common/Logging.h"
#include "crypto/Random.h"
#include "server/api/AuthCommon.h"
#include "server/services/auth/AuthCache.h"
#include "server/services/auth/AuthLogging.h"
#include "server/services/auth/Jwt.h"
#include "store/Database.h"

namespace hm::server::auth {
namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QString hashToken(const QString &token)
{
    return crypto::sha256Hex(token.toUtf8());
}

QJsonObject tokenPair(const QString &access, const QString &refresh, qint64 expiresIn)
{
    return {{QStringLiteral("access_token"), access},
            {QStringLiteral("token_type"), QStringLiteral("bearer")},
            {QStringLiteral("expires_in"), expiresIn},
            {QStringLiteral("refresh_token"), refresh}};
}

} // namespace

QString TokenService::accessToken(const QString &userId, Role role, const QString &familyId) const
{
    const qint64 now = nowMs() / 1000;
    return signJwt(m_signingKey, {{QStringLiteral("iss"), QString::fromLatin1(kIssuer)},
                                  {QStringLiteral("sub"), userId},
                                  {QStringLiteral("role"), roleApiName(role)},
                                  {QStringLiteral("sid"), familyId},
                                  {QStringLiteral("jti"), crypto::uuid()},
                                  {QStringLiteral("iat"), now},
                                  {QStringLiteral("exp"), now + m_accessSeconds}});
}

Result<QString> TokenService::insertToken(const QString &userId, const QString &familyId,
                                          qint64 expiresAt, const ClientInfo &client,
                                          QString *tokenId)
{
    const QString token = crypto::randomToken(32);
    const QString id = crypto::uuid();
    auto insert = m_db.prepare(QStringLiteral(
        "INSERT INTO refresh_tokens (id, user_id, token_hash, family_id, device_info, ip_address, "
        "expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    insert.value()
        .bind(1, id)
        .bind(2, userId)
        .bind(3, hashToken(token))
        .bind(4, familyId)
        .bind(5, client.userAgent.left(512))
        .bind(6, client.ip)
        .bind(7, expiresAt)
        .bind(8, nowMs());
    if (Status s = insert.value().run(); !s)
        return s.error();
    if (tokenId)
        *tokenId = id;
    return token;
}

Result<QJsonObject> TokenService::startSession(const UserRecord &user, bool rememberMe,
                                               const ClientInfo &client)
{
    const QString familyId = crypto::uuid();
    const qint64 lifetime = (rememberMe ? kRememberMeRefreshDays : kRefreshDays) * kDayMs;
    auto refresh = insertToken(user.id, familyId, nowMs() + lifetime, client, nullptr);
    if (!refresh)
        return refresh.error();
    return tokenPair(accessToken(user.id, user.role, familyId), refresh.value(), m_accessSeconds);
}

Result<QJsonObject> TokenService::rotate(const QString &refreshToken, const ClientInfo &client,
                                         QString *reuseUserId)
{
    const Error invalid{ErrorCode::TokenInvalid, QStringLiteral("refresh token is invalid")};
    auto find = m_db.prepare(QStringLiteral(
        "SELECT id, user_id, family_id, replaced_by, revoked_at, expires_at, created_at "
        "FROM refresh_tokens WHERE token_hash = ?"));
    if (!find)
        return find.error();
    find.value().bind(1, hashToken(refreshToken));
    const Result<bool> row = find.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return invalid;
    const store::Statement &s = find.value();
    const QString id = s.text(0);
    const QString userId = s.text(1);
    const QString familyId = s.text(2);
    const bool replaced = !s.isNull(3);
    const bool revoked = !s.isNull(4);
    const qint64 expiresAt = s.int64(5);
    const qint64 createdAt = s.int64(6);
    find.value().reset();

    if (replaced) {
        // A rotated token came back: someone holds a copy. End the session
        // for everyone holding any of its tokens.
        qCWarning(lcServerAuth).noquote()
            << "refresh token reuse detected; revoking session" << familyId;
        if (Status s2 = revokeFamily(userId, familyId); !s2)
            return s2.error();
        if (reuseUserId)
            *reuseUserId = userId;
        return invalid;
    }
    if (revoked)
        return invalid;
    const qint64 now = nowMs();
    if (expiresAt <= now)
        return Error{ErrorCode::RefreshTokenExpired, QStringLiteral("refresh token has expired")};

    UserRepository users(m_db);
    auto user = users.findById(userId);
    if (!user)
        return user.error();
    if (!user.value() || user.value()->status != QLatin1String("active"))
        return invalid;

    auto transaction = m_db.begin();
    if (!transaction)
        return transaction.error();
    QString newId;
    auto next = insertToken(userId, familyId, now + qMax<qint64>(expiresAt - createdAt, kDayMs),
                            client, &newId);
    if (!next)
        return next.error();
    auto retire = m_db.prepare(QStringLiteral("UPDATE refresh_tokens SET replaced_by = ?, "
                                              "revoked_at = ?, last_used_at = ? WHERE id = ?"));
    if (!retire)
        return retire.error();
    retire.value().bind(1, newId).bind(2, now).bind(3, now).bind(4, id);
    const Status retired = retire.value().run();
    authDataChanged();
    if (!retired)
        return retired.error();
    if (Status s2 = transaction.value().commit(); !s2)
        return s2.error();
    return tokenPair(accessToken(userId, user.value()->role, familyId), next.value(),
                     m_accessSeconds);
}

Result<QString> TokenService::familyOf(const QString &refreshToken)
{
    auto find = m_db.prepare(QStringLiteral(
        "SELECT family_id FROM refresh_tokens WHERE token_hash = ? AND revoked_at IS NULL"));
    if (!find)
        return find.error();
    find.value().bind(1, hashToken(refreshToken));
    const Result<bool> row = find.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::TokenInvalid, QStringLiteral("refresh token is invalid")};
    const QString family = find.value().text(0);
    find.value().reset();
    return family;
}

Status TokenService::revokeFamily(const QString &userId, const QString &familyId)
{
    auto revoke = m_db.prepare(QStringLiteral(
        "UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND family_id = ? "
        "AND revoked_at IS NULL"));
    if (!revoke)
        return revoke.error();
    revoke.value().bind(1, nowMs()).bind(2, userId).bind(3, familyId);
    const Status done = revoke.value().run();
    authDataChanged(); // the session's access tokens end now, not at their exp
    return done;
}

Status TokenService::revokeAllFamilies(const QString &userId, const QString &keepFamily)
{
    auto revoke = m_db.prepare(QStringLiteral(
        "UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND family_id != ? "
        "AND revoked_at IS NULL"));
    if (!revoke)
        return revoke.error();
    revoke.value().bind(1, nowMs()).bind(2, userId).bind(3, keepFamily);
    const Status done = revoke.value().run();
    authDataChanged();
    return done;
}

Result<qint64> TokenService::familyAliveUntil(const QString &familyId)
{
    auto find = m_db.prepare(
        QStringLiteral("SELECT MAX(expires_at) FROM refresh_tokens WHERE family_id = ? "
                       "AND revoked_at IS NULL AND expires_at > ?"));
    if (!find)
        return find.error();
    find.value().bind(1, familyId).bind(2, nowMs());
    const Result<bool> row = find.value().step();
    if (!row)
        return row.error();
    // An aggregate always has a row; NULL when no token of the family lives.
    const qint64 until = row.value() && !find.value().isNull(0) ? find.value().int64(0) : 0;
    find.value().reset();
    return until;
}

Result<QJsonArray> TokenService::sessions(const QString &userId, const QString &currentFamily)
{
    // The live token of each family; the family's first token gives its start.
    auto list = m_db.prepare(QStringLiteral(
        "SELECT t.family_id, t.device_info, t.ip_address, t.last_used_at, t.created_at, "
        "t.expires_at, (SELECT MIN(f.created_at) FROM refresh_tokens f "
        "WHERE f.family_id = t.family_id) FROM refresh_tokens t WHERE t.user_id = ? "
        "AND t.revoked_at IS NULL AND t.expires_at > ? ORDER BY t.created_at DESC"));
    if (!list)
        return list.error();
    list.value().bind(1, userId).bind(2, nowMs());
    QJsonArray sessions;
    while (true) {
        const Result<bool> row = list.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        const store::Statement &s = list.value();
        const qint64 lastUsed = s.isNull(3) ? s.int64(4) : s.int64(3);
        sessions.append(QJsonObject{{QStringLiteral("id"), s.text(0)},
                                    {QStringLiteral("device_info"), s.text(1)},
                                    {QStringLiteral("ip_address"), s.text(2)},
                                    {QStringLiteral("created_at"), isoOrNull(s.int64(6))},
                                    {QStringLiteral("last_used_at"), isoOrNull(lastUsed)},
                                    {QStringLiteral("expires_at"), isoOrNull(s.int64(5))},
                                    {QStringLiteral("current"), s.text(0) == currentFamily}});
    }
    list.value().reset();
    return sessions;
}

} // namespace hm::server::auth
