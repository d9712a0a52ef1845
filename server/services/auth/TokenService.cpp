#include "server/services/auth/TokenService.h"

#include "common/Logging.h"
#include "crypto/Random.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/TokenRepository.h"
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
    if (Status s = repositories::insertRefreshToken(m_db, {id, userId, hashToken(token), familyId,
                                                           client.userAgent.left(512), client.ip,
                                                           expiresAt, nowMs()});
        !s)
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
    auto found = repositories::refreshTokenByHash(m_db, hashToken(refreshToken));
    if (!found)
        return found.error();
    if (!found.value())
        return invalid;
    const QString id = found.value()->id;
    const QString userId = found.value()->userId;
    const QString familyId = found.value()->familyId;
    const bool replaced = found.value()->replaced;
    const bool revoked = found.value()->revoked;
    const qint64 expiresAt = found.value()->expiresAt;
    const qint64 createdAt = found.value()->createdAt;

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
    const Status retired = repositories::retireRefreshToken(m_db, id, newId, now);
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
    auto family = repositories::unrevokedTokenFamily(m_db, hashToken(refreshToken));
    if (!family)
        return family.error();
    if (!family.value())
        return Error{ErrorCode::TokenInvalid, QStringLiteral("refresh token is invalid")};
    return *family.value();
}

Status TokenService::revokeFamily(const QString &userId, const QString &familyId)
{
    const Status done = repositories::revokeTokenFamily(m_db, userId, familyId, nowMs());
    authDataChanged(); // the session's access tokens end now, not at their exp
    return done;
}

Status TokenService::revokeAllFamilies(const QString &userId, const QString &keepFamily)
{
    const Status done = repositories::revokeOtherTokenFamilies(m_db, userId, keepFamily, nowMs());
    authDataChanged();
    return done;
}

Result<qint64> TokenService::familyAliveUntil(const QString &familyId)
{
    return repositories::tokenFamilyAliveUntil(m_db, familyId, nowMs());
}

Result<QJsonArray> TokenService::sessions(const QString &userId, const QString &currentFamily)
{
    auto tokens = repositories::liveSessionTokens(m_db, userId, nowMs());
    if (!tokens)
        return tokens.error();
    QJsonArray sessions;
    for (const repositories::LiveSessionToken &t : std::as_const(tokens.value()))
        sessions.append(QJsonObject{
            {QStringLiteral("id"), t.familyId},
            {QStringLiteral("device_info"), t.deviceInfo},
            {QStringLiteral("ip_address"), t.ip},
            {QStringLiteral("created_at"), isoOrNull(t.familyStartedAt)},
            {QStringLiteral("last_used_at"), isoOrNull(t.lastUsedAt.value_or(t.createdAt))},
            {QStringLiteral("expires_at"), isoOrNull(t.expiresAt)},
            {QStringLiteral("current"), t.familyId == currentFamily}});
    return sessions;
}

} // namespace hm::server::auth
