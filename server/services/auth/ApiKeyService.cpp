#include "server/services/auth/ApiKeyService.h"

#include "crypto/Hmac.h"
#include "crypto/Random.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/ApiKeyRepository.h"
#include "server/services/auth/ApiKeyPermissions.h"
#include "server/services/auth/AuthCache.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace hm::server::auth {
namespace {

QString toJsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QJsonValue fromJsonText(const QString &text)
{
    return QJsonDocument::fromJson("[" + text.toUtf8() + "]").array().at(0);
}

Role levelRole(const QString &level)
{
    if (level == QLatin1String("admin"))
        return Role::Admin;
    if (level == QLatin1String("write"))
        return Role::User;
    return Role::Viewer;
}

QJsonObject keyJson(const repositories::StoredApiKey &key)
{
    auto time = [](const std::optional<qint64> &ms) { return ms ? isoOrNull(*ms) : QJsonValue(); };
    return {
        {QStringLiteral("id"), key.id},
        {QStringLiteral("name"), key.name},
        {QStringLiteral("description"),
         key.description ? QJsonValue(*key.description) : QJsonValue()},
        {QStringLiteral("prefix"), QString(QStringLiteral("hm_") + key.prefix)},
        {QStringLiteral("access_level"), key.accessLevel},
        {QStringLiteral("permissions"), fromJsonText(key.permissions)},
        {QStringLiteral("allowed_ips"), fromJsonText(key.allowedIps)},
        {QStringLiteral("allowed_endpoints"), fromJsonText(key.allowedEndpoints)},
        {QStringLiteral("rate_limit"), key.rateLimit ? fromJsonText(*key.rateLimit) : QJsonValue()},
        {QStringLiteral("expires_at"), time(key.expiresAt)},
        {QStringLiteral("status"), key.status},
        {QStringLiteral("created_at"), isoOrNull(key.createdAt)},
        {QStringLiteral("last_used"), time(key.lastUsedAt)}};
}

} // namespace

bool ApiKeyService::matchesCidr(const QHostAddress &address, const QString &cidr)
{
    const auto subnet = QHostAddress::parseSubnet(cidr.contains(QLatin1Char('/'))
                                                      ? cidr
                                                      : cidr + (cidr.contains(QLatin1Char(':'))
                                                                    ? QStringLiteral("/128")
                                                                    : QStringLiteral("/32")));
    if (subnet.first.isNull())
        return false;
    return address.isInSubnet(subnet);
}

QRegularExpression ApiKeyService::globRegex(const QString &pattern)
{
    QStringList escaped;
    for (const QString &part : pattern.split(QLatin1Char('*')))
        escaped << QRegularExpression::escape(part);
    return QRegularExpression(
        QRegularExpression::anchoredPattern(escaped.join(QStringLiteral(".*"))));
}

bool ApiKeyService::matchesGlob(const QString &pattern, const QString &path)
{
    return globRegex(pattern).match(path).hasMatch();
}

Result<QJsonObject> ApiKeyService::create(const QString &userId, const QJsonObject &body)
{
    const auto name = requiredString(body, QStringLiteral("name"));
    if (!name)
        return name.error();
    const auto level = optionalString(body, QStringLiteral("access_level"), QStringLiteral("read"));
    if (!level)
        return level.error();
    if (level.value() != QLatin1String("read") && level.value() != QLatin1String("write") &&
        level.value() != QLatin1String("admin"))
        return fieldError(QStringLiteral("access_level"),
                          QStringLiteral("access_level must be read, write or admin"));
    const auto permissions = optionalStringList(body, QStringLiteral("permissions"));
    if (!permissions)
        return permissions.error();
    if (Status valid = validatePermissions(permissions.value()); !valid)
        return valid.error();
    const auto ips = optionalStringList(body, QStringLiteral("allowed_ips"));
    if (!ips)
        return ips.error();
    for (const QString &ip : ips.value()) {
        // Qt reads "/32" (no address, a length) as "0.0.0.0/32".
        if (ip.trimmed().isEmpty())
            return fieldError(QStringLiteral("allowed_ips"),
                              QStringLiteral("an empty entry is not an address or CIDR"));
        const QString full = ip.contains(QLatin1Char('/')) ? ip : ip + QStringLiteral("/128");
        if (QHostAddress::parseSubnet(full).first.isNull() &&
            QHostAddress::parseSubnet(ip + QStringLiteral("/32")).first.isNull())
            return fieldError(QStringLiteral("allowed_ips"),
                              QStringLiteral("not an address or CIDR: %1").arg(ip));
    }
    const auto endpoints = optionalStringList(body, QStringLiteral("allowed_endpoints"));
    if (!endpoints)
        return endpoints.error();
    for (const QString &endpoint : endpoints.value()) {
        if (!endpoint.startsWith(QLatin1Char('/')))
            return fieldError(QStringLiteral("allowed_endpoints"),
                              QStringLiteral("endpoint patterns start with '/'"));
    }
    QJsonValue rateLimit = body.value(QStringLiteral("rate_limit"));
    if (!rateLimit.isUndefined() && !rateLimit.isNull()) {
        const QJsonValue perMinute =
            rateLimit.toObject().value(QStringLiteral("requests_per_minute"));
        if (!rateLimit.isObject() || !perMinute.isDouble() || perMinute.toInt() < 1)
            return fieldError(
                QStringLiteral("rate_limit"),
                QStringLiteral("rate_limit.requests_per_minute must be a positive integer"));
        const QJsonValue burst = rateLimit.toObject().value(QStringLiteral("burst_limit"));
        if (!burst.isUndefined() && !burst.isNull() && (!burst.isDouble() || burst.toInt() < 1))
            return fieldError(QStringLiteral("rate_limit"),
                              QStringLiteral("rate_limit.burst_limit must be a positive integer"));
    } else {
        rateLimit = QJsonValue();
    }
    const auto expiresText = optionalString(body, QStringLiteral("expires_at"));
    if (!expiresText)
        return expiresText.error();
    qint64 expiresAt = 0;
    if (!expiresText.value().isEmpty()) {
        expiresAt = parseIsoMs(expiresText.value());
        if (expiresAt <= nowMs())
            return fieldError(QStringLiteral("expires_at"),
                              QStringLiteral("expires_at must be an ISO-8601 time in the future"));
    }
    const auto description = optionalString(body, QStringLiteral("description"));
    if (!description)
        return description.error();

    // Lower-case hex prefix: unambiguous to read out and never contains '_'.
    const QString prefix = QString::fromLatin1(crypto::randomBytes(4).toHex());
    const QString key = QStringLiteral("hm_") + prefix + QLatin1Char('_') + crypto::randomToken(32);
    const QString id = crypto::uuid();
    if (Status written = repositories::insertApiKey(
            m_db,
            {id, userId, name.value(), description.value(), crypto::sha256Hex(key.toUtf8()), prefix,
             level.value(), toJsonText(QJsonArray::fromStringList(permissions.value())),
             toJsonText(QJsonArray::fromStringList(ips.value())),
             toJsonText(QJsonArray::fromStringList(endpoints.value())),
             rateLimit.isNull() ? QString() : toJsonText(rateLimit), expiresAt, nowMs()});
        !written)
        return written.error();

    auto stored = repositories::apiKeyById(m_db, id);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Error{ErrorCode::DbError, QStringLiteral("API key %1 was not stored").arg(id)};
    QJsonObject record = keyJson(**stored);
    record.insert(QStringLiteral("api_key"), key);
    return record;
}

Result<QJsonArray> ApiKeyService::list(const QString &userId)
{
    auto stored = repositories::unrevokedApiKeysOf(m_db, userId);
    if (!stored)
        return stored.error();
    QJsonArray keys;
    for (const repositories::StoredApiKey &key : std::as_const(stored.value()))
        keys.append(keyJson(key));
    return keys;
}

Status ApiKeyService::revoke(const QString &userId, const QString &keyId)
{
    const Result<int> revoked = repositories::revokeApiKey(m_db, userId, keyId);
    if (!revoked)
        return revoked.error();
    // Cached grants of this key must not be used again.
    authDataChanged();
    if (*revoked == 0)
        return Error{ErrorCode::ResourceNotFound, QStringLiteral("API key not found")};
    return {};
}

Status ApiKeyService::revokeAllOf(const QString &userId)
{
    const Status done = repositories::revokeApiKeysOf(m_db, userId);
    authDataChanged();
    return done;
}

Result<ApiKeyService::KeyRecord> ApiKeyService::find(const QString &key)
{
    const Error invalid{ErrorCode::TokenInvalid, QStringLiteral("API key is invalid")};
    static const QRegularExpression shape(
        QStringLiteral("^hm_([0-9a-f]{8})_[A-Za-z0-9_-]{20,64}$"));
    const auto match = shape.match(key);
    if (!match.hasMatch())
        return invalid;
    auto candidates = repositories::apiKeysWithPrefix(m_db, match.captured(1));
    if (!candidates)
        return candidates.error();
    const QByteArray hash = crypto::sha256Hex(key.toUtf8()).toLatin1();
    std::optional<KeyRecord> record;
    QString ips, endpoints, rate, status, permissions;
    for (const repositories::ApiKeyCredential &c : std::as_const(candidates.value())) {
        if (!crypto::constantTimeEquals(c.keyHash.toLatin1(), hash))
            continue;
        record = KeyRecord{};
        record->id = c.id;
        record->userId = c.userId;
        record->accessLevel = c.accessLevel;
        ips = c.allowedIps;
        endpoints = c.allowedEndpoints;
        rate = c.rateLimit;
        record->expiresAtMs = c.expiresAt;
        status = c.status;
        permissions = c.permissions;
    }
    if (!record || status != QLatin1String("active"))
        return invalid;

    const QJsonArray allowedIps = fromJsonText(ips).toArray();
    record->ipRestricted = !allowedIps.isEmpty();
    for (const QJsonValue &v : allowedIps) {
        // As matchesCidr reads an entry.
        const QString cidr = v.toString();
        const auto subnet = QHostAddress::parseSubnet(cidr.contains(QLatin1Char('/'))
                                                          ? cidr
                                                          : cidr + (cidr.contains(QLatin1Char(':'))
                                                                        ? QStringLiteral("/128")
                                                                        : QStringLiteral("/32")));
        if (!subnet.first.isNull())
            record->allowedSubnets.append(subnet);
    }
    const QJsonArray allowedEndpoints = fromJsonText(endpoints).toArray();
    record->endpointRestricted = !allowedEndpoints.isEmpty();
    for (const QJsonValue &v : allowedEndpoints)
        record->allowedEndpoints.append(globRegex(v.toString()));
    for (const QJsonValue &p : fromJsonText(permissions).toArray())
        record->permissions.append(p.toString());
    const QJsonObject rateLimit = fromJsonText(rate).toObject();
    record->perMinute = rateLimit.value(QStringLiteral("requests_per_minute")).toInt(0);
    record->burst = rateLimit.value(QStringLiteral("burst_limit")).toInt(0);
    return *record;
}

Result<ApiKeyService::Grant> ApiKeyService::admit(const KeyRecord &record, const Request &request,
                                                  qint64 nowMs)
{
    if (record.expiresAtMs > 0 && record.expiresAtMs <= nowMs)
        return Error{ErrorCode::TokenExpired, QStringLiteral("API key has expired")};
    if (record.ipRestricted &&
        std::none_of(record.allowedSubnets.begin(), record.allowedSubnets.end(),
                     [&](const QPair<QHostAddress, int> &subnet) {
                         return request.client.isInSubnet(subnet);
                     }))
        return Error{ErrorCode::Forbidden,
                     QStringLiteral("this API key may not be used from this address")};
    if (record.endpointRestricted &&
        std::none_of(
            record.allowedEndpoints.begin(), record.allowedEndpoints.end(),
            [&](const QRegularExpression &glob) { return glob.match(request.path).hasMatch(); }))
        return Error{ErrorCode::Forbidden,
                     QStringLiteral("this API key may not be used for this endpoint")};
    if (record.accessLevel == QLatin1String("read") && request.method != QLatin1String("GET"))
        return Error{ErrorCode::Forbidden, QStringLiteral("this API key is read-only")};
    const QString required = requiredPermission(request.method, request.path);
    if (!permits(record.permissions, required))
        return Error{ErrorCode::Forbidden,
                     QStringLiteral("this API key lacks the permission %1").arg(required),
                     {{QStringLiteral("required_permission"), required}}};
    Grant grant{record.id, record.userId, levelRole(record.accessLevel)};
    grant.expiresAtMs = record.expiresAtMs;
    if (record.perMinute > 0) {
        grant.rate = record.burst > 0
                         ? m_buckets.hit(record.id, record.perMinute, record.burst, nowMs)
                         : m_rates.hit(record.id, record.perMinute, 60 * 1000, nowMs);
        if (!grant.rate.allowed)
            return rateLimitError(grant.rate);
    }

    // last_used_at is informational (shown in the key list); writing it on
    // every request would cost a database write per request.
    const auto written = m_lastUsedWritten.constFind(record.id);
    if (written == m_lastUsedWritten.cend() || nowMs - *written >= kLastUsedIntervalMs) {
        if (Status s = repositories::setApiKeyLastUsed(m_db, record.id, nowMs); !s)
            return s.error();
        m_lastUsedWritten.insert(record.id, nowMs);
    }
    return grant;
}

} // namespace hm::server::auth
