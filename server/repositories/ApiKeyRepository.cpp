#include "server/repositories/ApiKeyRepository.h"

#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/SelectOne.h"

#include <QVariant>

namespace hm::server::repositories {

using store::optionalInt;
using store::optionalText;
using store::textOrNull;
namespace {

const QString kColumns = QStringLiteral(
    "id, name, description, key_prefix, access_level, permissions, allowed_ips, allowed_endpoints, "
    "rate_limit, expires_at, status, created_at, last_used_at");

StoredApiKey readKey(const store::Statement &s)
{
    return {s.text(0),  s.text(1),   optionalText(s, 2), s.text(3),          s.text(4),
            s.text(5),  s.text(6),   s.text(7),          optionalText(s, 8), optionalInt(s, 9),
            s.text(10), s.int64(11), optionalInt(s, 12)};
}

} // namespace

Status insertApiKey(store::Database &db, const NewApiKey &key)
{
    return db.execute(
        QStringLiteral(
            "INSERT INTO api_keys (id, user_id, name, description, key_hash, key_prefix, "
            "access_level, permissions, allowed_ips, allowed_endpoints, rate_limit, expires_at, "
            "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)"),
        {key.id, key.userId, key.name, textOrNull(key.description), key.keyHash, key.prefix,
         key.accessLevel, key.permissions, key.allowedIps, key.allowedEndpoints,
         textOrNull(key.rateLimit), key.expiresAt > 0 ? QVariant(key.expiresAt) : QVariant(),
         key.createdAt});
}

Result<std::optional<StoredApiKey>> apiKeyById(store::Database &db, const QString &id)
{
    return store::selectOneAs(
        db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM api_keys WHERE id = ?"),
        {id}, readKey);
}

Result<QList<StoredApiKey>> unrevokedApiKeysOf(store::Database &db, const QString &userId)
{
    QList<StoredApiKey> keys;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT ") + kColumns +
                          QStringLiteral(" FROM api_keys WHERE user_id = ? AND status != "
                                         "'revoked' ORDER BY created_at"),
                      {userId}, [&keys](const store::Statement &s) { keys.append(readKey(s)); });
    if (!read)
        return read.error();
    return keys;
}

Result<std::optional<ApiKeyCredential>> apiKeyCredentialById(store::Database &db,
                                                             const QString &id)
{
    return store::selectOneAs(
        db,
        QStringLiteral(
            "SELECT id, user_id, key_hash, access_level, allowed_ips, allowed_endpoints, "
            "rate_limit, expires_at, status, permissions FROM api_keys WHERE id = ?"),
        {id}, [](const store::Statement &s) {
            return ApiKeyCredential{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4),
                                    s.text(5), s.isNull(6) ? QString() : s.text(6),
                                    s.isNull(7) ? 0 : s.int64(7), s.text(8), s.text(9)};
        });
}

Result<QList<ApiKeyCredential>> apiKeysWithPrefix(store::Database &db, const QString &prefix)
{
    QList<ApiKeyCredential> keys;
    const Status read = db.forEachRow(
        QStringLiteral(
            "SELECT id, user_id, key_hash, access_level, allowed_ips, allowed_endpoints, "
            "rate_limit, expires_at, status, permissions FROM api_keys WHERE key_prefix = ?"),
        {prefix}, [&keys](const store::Statement &s) {
            keys.append({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5),
                         s.isNull(6) ? QString() : s.text(6), s.isNull(7) ? 0 : s.int64(7),
                         s.text(8), s.text(9)});
        });
    if (!read)
        return read.error();
    return keys;
}

Result<bool> apiKeyBelongsTo(store::Database &db, const QString &keyId, const QString &userId)
{
    auto row = db.selectOne(QStringLiteral("SELECT 1 FROM api_keys WHERE id = ? AND user_id = ?"),
                            {keyId, userId});
    if (!row)
        return row.error();
    return row.value().has_value();
}

Result<int> revokeApiKey(store::Database &db, const QString &userId, const QString &keyId)
{
    if (Status s = db.execute(QStringLiteral("UPDATE api_keys SET status = 'revoked' WHERE id = ? "
                                             "AND user_id = ? AND status != 'revoked'"),
                              {keyId, userId});
        !s)
        return s.error();
    return db.changes();
}

Status revokeApiKeysOf(store::Database &db, const QString &userId)
{
    return db.execute(
        QStringLiteral(
            "UPDATE api_keys SET status = 'revoked' WHERE user_id = ? AND status != 'revoked'"),
        {userId});
}

Status setApiKeyLastUsed(store::Database &db, const QString &id, qint64 nowMs)
{
    return db.execute(QStringLiteral("UPDATE api_keys SET last_used_at = ? WHERE id = ?"),
                      {nowMs, id});
}

} // namespace hm::server::repositories
