#pragma once

#include "common/Result.h"
#include "server/auth/RateLimiter.h"
#include "server/auth/Roles.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>

namespace hm::store {
class Database;
}

namespace hm::server::auth {

// API keys (seed 001): "hm_<prefix>_<secret>". Only the SHA-256 of the whole
// key is stored, with the 8-character prefix to find the row; the key itself
// is returned once, at creation.
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
    // Checks the key and its restrictions; returns the key's owner id, its id
    // and the role the key grants (the owner's, capped by access level).
    struct Grant
    {
        QString keyId;
        QString userId;
        Role maxRole = Role::Viewer;
        RateLimiter::Decision rate;
        qint64 expiresAtMs = 0; // 0 = never (long-lived connections end then)
    };
    Result<Grant> authenticate(const QString &key, const Request &request);

    static bool matchesCidr(const QHostAddress &address, const QString &cidr);
    // '*' matches any characters (including '/'), everything else literally.
    static bool matchesGlob(const QString &pattern, const QString &path);

private:
    store::Database &m_db;
    RateLimiter m_rates;
    TokenBucketLimiter m_buckets; // keys with a burst_limit
};

} // namespace hm::server::auth
