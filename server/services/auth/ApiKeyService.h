#pragma once

#include "common/Result.h"
#include "server/api/Roles.h"
#include "server/services/auth/RateLimiter.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace hm::store {
class Database;
}

namespace hm::server::auth {

// API keys (seed 001): "hm_<prefix>_<secret>". Only the SHA-256 of the whole
// key is stored, with the 8-character prefix to find the row; the key itself
// is returned once, at creation. Revocations call authDataChanged()
// (AuthCache.h) so a cached key stops working with the next request.
class ApiKeyService
{
public:
    explicit ApiKeyService(store::Database &database) : m_db(database) {}

    // body as in seed 001; returns the key record with "api_key" set.
    Result<QJsonObject> create(const QString &userId, const QJsonObject &body);
    Result<QJsonArray> list(const QString &userId);
    Status revoke(const QString &userId, const QString &keyId);

    struct Request
    {
        QString method; // GET, POST …
        QString path;
        QHostAddress client;
    };
    // An active key's row, parsed once so it can be cached (AuthCache) and
    // checked against each request cheaply.
    struct KeyRecord
    {
        QString id;
        QString userId;
        QString accessLevel; // read, write, admin
        // A non-empty allow-list admits only matching addresses; entries
        // that do not parse match nothing (but still restrict).
        bool ipRestricted = false;
        QList<QPair<QHostAddress, int>> allowedSubnets;
        bool endpointRestricted = false;
        QList<QRegularExpression> allowedEndpoints; // compiled globs
        QStringList permissions;
        int perMinute = 0; // 0: no per-key rate limit
        int burst = 0;     // > 0: token bucket instead of a fixed window
        qint64 expiresAtMs = 0;
    };
    // The key's owner id, its id and the role the key grants (capped by its
    // access level; the owner's own role caps it further).
    struct Grant
    {
        QString keyId;
        QString userId;
        Role maxRole = Role::Viewer;
        RateLimiter::Decision rate;
        qint64 expiresAtMs = 0; // 0 = never (long-lived connections end then)
    };
    // The active key `key`: TOKEN_INVALID when malformed, unknown, revoked or
    // otherwise not active.
    Result<KeyRecord> find(const QString &key);
    // Everything that depends on the request and the clock, in this order:
    // expiry (TOKEN_EXPIRED), IP and endpoint allow-lists, read-only level,
    // permissions (FORBIDDEN), the key's rate limit (RATE_LIMIT_EXCEEDED).
    // Then records the use in last_used_at — at most once per
    // kLastUsedIntervalMs per key, so a busy key does not write per request.
    Result<Grant> admit(const KeyRecord &record, const Request &request, qint64 nowMs);
    static constexpr qint64 kLastUsedIntervalMs = 60 * 1000;

    // Revokes every key of the user (account deletion).
    Status revokeAllOf(const QString &userId);

    static bool matchesCidr(const QHostAddress &address, const QString &cidr);
    // '*' matches any characters (including '/'), everything else literally.
    static bool matchesGlob(const QString &pattern, const QString &path);
    static QRegularExpression globRegex(const QString &pattern);

private:
    store::Database &m_db;
    RateLimiter m_rates;
    TokenBucketLimiter m_buckets;             // keys with a burst_limit
    QHash<QString, qint64> m_lastUsedWritten; // key id -> when last_used_at was written
};

} // namespace hm::server::auth
