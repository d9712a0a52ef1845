#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "server/repositories/UserRepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace hm::store {
class Database;
}

namespace hm::server::auth {

// Default lifetime of access tokens (--access-token-ttl changes it).
inline constexpr qint64 kAccessTokenSeconds = 15 * 60;
inline constexpr qint64 kRefreshDays = 7;
inline constexpr qint64 kRememberMeRefreshDays = 30;

struct ClientInfo
{
    QString ip;
    QString userAgent;
};

// Access tokens (JWT) and refresh tokens. A login starts a refresh-token
// family (= a session); each refresh rotates within the family and keeps the
// family's lifetime sliding by its original length. Presenting a rotated
// token again means it was copied: the whole family is revoked.
// Every revocation calls authDataChanged() (AuthCache.h).
class TokenService
{
public:
    TokenService(store::Database &database, crypto::SecureBytes signingKey)
        : m_db(database), m_signingKey(std::move(signingKey))
    {}

    const crypto::SecureBytes &signingKey() const { return m_signingKey; }
    // Lifetime of new access tokens; at least one second.
    void setAccessTokenSeconds(qint64 seconds) { m_accessSeconds = std::max<qint64>(1, seconds); }
    qint64 accessTokenSeconds() const { return m_accessSeconds; }

    // {access_token, token_type, expires_in, refresh_token}
    Result<QJsonObject> startSession(const UserRecord &user, bool rememberMe,
                                     const ClientInfo &client);
    // Same shape; TOKEN_INVALID for unknown, revoked or reused tokens,
    // REFRESH_TOKEN_EXPIRED for expired ones. reusedBy gets the user id of a
    // detected reuse so the caller can audit it.
    Result<QJsonObject> rotate(const QString &refreshToken, const ClientInfo &client,
                               QString *reuseUserId = nullptr);
    // Family of a still-usable refresh token (for logout by token).
    Result<QString> familyOf(const QString &refreshToken);

    Status revokeFamily(const QString &userId, const QString &familyId);
    // Every family of the user except keepFamily (empty = all).
    Status revokeAllFamilies(const QString &userId, const QString &keepFamily = {});
    // Until when (ms) the family still has a live (unrevoked, unexpired)
    // token; 0 when it has none, i.e. the session has ended.
    Result<qint64> familyAliveUntil(const QString &familyId);
    // [{id, device_info, ip_address, created_at, last_used_at, expires_at, current}]
    Result<QJsonArray> sessions(const QString &userId, const QString &currentFamily);

private:
    QString accessToken(const QString &userId, Role role, const QString &familyId) const;
    Result<QString> insertToken(const QString &userId, const QString &familyId, qint64 expiresAt,
                                const ClientInfo &client, QString *tokenId);

    store::Database &m_db;
    const crypto::SecureBytes m_signingKey;
    qint64 m_accessSeconds = kAccessTokenSeconds;
};

} // namespace hm::server::auth
