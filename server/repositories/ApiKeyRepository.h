#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

// api_keys: the rows of API keys (ApiKeyService). Lists and restrictions
// are JSON text columns; only the SHA-256 of a key is stored.
namespace hm::server::repositories {

// A new active key. Empty description and rateLimit, and expiresAt 0, are
// stored as NULL.
struct NewApiKey
{
    QString id;
    QString userId;
    QString name;
    QString description;
    QString keyHash;
    QString prefix;
    QString accessLevel;
    QString permissions;      // JSON array text
    QString allowedIps;       // JSON array text
    QString allowedEndpoints; // JSON array text
    QString rateLimit;        // JSON object text
    qint64 expiresAt = 0;
    qint64 createdAt = 0;
};
Status insertApiKey(store::Database &db, const NewApiKey &key);

// A key as its owner sees it (never the hash).
struct StoredApiKey
{
    QString id;
    QString name;
    std::optional<QString> description;
    QString prefix; // without "hm_"
    QString accessLevel;
    QString permissions;
    QString allowedIps;
    QString allowedEndpoints;
    std::optional<QString> rateLimit;
    std::optional<qint64> expiresAt;
    QString status;
    qint64 createdAt = 0;
    std::optional<qint64> lastUsedAt;
};
Result<std::optional<StoredApiKey>> apiKeyById(store::Database &db, const QString &id);
// The user's keys that are not revoked, oldest first.
Result<QList<StoredApiKey>> unrevokedApiKeysOf(store::Database &db, const QString &userId);

// What checking a presented key needs. Empty strings and 0 for NULL.
struct ApiKeyCredential
{
    QString id;
    QString userId;
    QString keyHash;
    QString accessLevel;
    QString allowedIps;
    QString allowedEndpoints;
    QString rateLimit;
    qint64 expiresAt = 0;
    QString status;
    QString permissions;
};
// The key `id` with its owner, whatever its status (a flow's task node
// acting for the key that started the execution).
Result<std::optional<ApiKeyCredential>> apiKeyCredentialById(store::Database &db,
                                                             const QString &id);
// Every key with this prefix, whatever its status.
Result<QList<ApiKeyCredential>> apiKeysWithPrefix(store::Database &db, const QString &prefix);
// Whether the key `keyId` belongs to `userId`.
Result<bool> apiKeyBelongsTo(store::Database &db, const QString &keyId, const QString &userId);

// Revokes the user's key; the number of rows changed (0: no such unrevoked key).
Result<int> revokeApiKey(store::Database &db, const QString &userId, const QString &keyId);
// Revokes every key of the user.
Status revokeApiKeysOf(store::Database &db, const QString &userId);
Status setApiKeyLastUsed(store::Database &db, const QString &id, qint64 nowMs);

} // namespace hm::server::repositories
