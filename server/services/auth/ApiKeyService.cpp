#include "server/services/auth/ApiKeyService.h"

#include "crypto/Hmac.h"
#include "crypto/Random.h"
#include "server/services/auth/ApiKeyPermissions.h"
#include "server/services/auth/AuthCache.h"
#include "server/api/AuthCommon.h"
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

const QString kColumns = QStringLiteral(
    "id, name, description, key_prefix, access_level, permissions, allowed_ips, allowed_endpoints, "
    "rate_limit, expires_at, status, created_at, last_used_at");

QJsonObject readKey(const store::Statement &s)
{
    return {{QStringLiteral("id"), s.text(0)},
            {QStringLiteral("name"), s.text(1)},
            {QStringLiteral("description"), s.isNull(2) ? QJsonValue() : QJsonValue(s.text(2))},
            {QStringLiteral("prefix"), QString(QStringLiteral("hm_") + s.text(3))},
            {QStringLiteral("access_level"), s.text(4)},
            {QStringLiteral("permissions"), fromJsonText(s.text(5))},
            {QStringLiteral("allowed_ips"), fromJsonText(s.text(6))},
            {QStringLiteral("allowed_endpoints"), fromJsonText(s.text(7))},
            {QStringLiteral("rate_limit"), s.isNull(8) ? QJsonValue() : fromJsonText(s.text(8))},
            {QStringLiteral("expires_at"), s.isNull(9) ? QJsonValue() : isoOrNull(s.int64(9))},
            {QStringLiteral("status"), s.text(10)},
            {QStringLiteral("created_at"), isoOrNull(s.int64(11))},
            {QStringLiteral("last_used"), s.isNull(12) ? QJsonValue() : isoOrNull(s.int64(12))}};
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
    auto insert = m_db.prepare(QStringLiteral(
        "INSERT INTO api_keys (id, user_id, name, description, key_hash, key_prefix, access_level, "
        "permissions, allowed_ips, allowed_endpoints, rate_limit, expires_at, status, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)"));
    if (!insert)
        return insert.error();
    store::Statement &s = insert.value();
    s.bind(1, id).bind(2, userId).bind(3, name.value());
    if (description.value().isEmpty())
        s.bind(4, nullptr);
    else
        s.bind(4, description.value());
    s.bind(5, crypto::sha256Hex(key.toUtf8())).bind(6, prefix).bind(7, level.value());
    s.bind(8, toJsonText(QJsonArray::fromStringList(permissions.value())));
    s.bind(9, toJsonText(QJsonArray::fromStringList(ips.value())));
    s.bind(10, toJsonText(QJsonArray::fromStringList(endpoints.value())));
    if (rateLimit.isNull())
        s.bind(11, nullptr);
    else
        s.bind(11, toJsonText(rateLimit));
    if (expiresAt > 0)
        s.bind(12, expiresAt);
    else
        s.bind(12, nullptr);
    s.bind(13, nowMs());
    if (Status written = s.run(); !written)
        return written.error();

    auto read = m_db.prepare(QStringLiteral("SELECT ") + kColumns +
                             QStringLiteral(" FROM api_keys WHERE id = ?"));
    if (!read)
        return read.error();
    read.value().bind(1, id);
    if (const Result<bool> row = read.value().step(); !row)
        return row.error();
    QJsonObject record = readKey(read.value());
    read.value().reset();
    record.insert(QStringLiteral("api_key"), key);
    return record;
}

Result<QJsonArray> ApiKeyService::list(const QString &userId)
{
    auto read = m_db.prepare(QStringLiteral("SELECT ") + kColumns +
                             QStringLiteral(" FROM api_keys WHERE user_id = ? AND status != "
                                            "'revoked' ORDER BY created_at"));
    if (!read)
        return read.error();
    read.value().bind(1, userId);
    QJsonArray keys;
    while (true) {
        const Result<bool> row = read.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        keys.append(readKey(read.value()));
    }
    read.value().reset();
    return keys;
}

Status ApiKeyService::revoke(const QString &userId, const QString &keyId)
{
    auto update = m_db.prepare(QStringLiteral("UPDATE api_keys SET status = 'revoked' WHERE id = ? "
                                              "AND user_id = ? AND status != 'revoked'"));
    if (!update)
        return update.error();
    update.value().bind(1, keyId).bind(2, userId);
    if (Status s = update.value().run(); !s)
        return s;
    // Cached grants of this key must not be used again.
    authDataChanged();
    if (m_db.changes() == 0)
        return Error{ErrorCode::ResourceNotFound, QStringLiteral("API key not found")};
    return {};
}

Status ApiKeyService::revokeAllOf(const QString &userId)
{
    auto update = m_db.prepare(QStringLiteral(
        "UPDATE api_keys SET status = 'revoked' WHERE user_id = ? AND status != 'revoked'"));
    if (!update)
        return update.error();
    update.value().bind(1, userId);
    const Status done = update.value().run();
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
    auto find = m_db.prepare(QStringLiteral(
        "SELECT id, user_id, key_hash, access_level, allowed_ips, allowed_endpoints, rate_limit, "
        "expires_at, status, permissions FROM api_keys WHERE key_prefix = ?"));
    if (!find)
        return find.error();
    find.value().bind(1, match.captured(1));
    const QByteArray hash = crypto::sha256Hex(key.toUtf8()).toLatin1();
    std::optional<KeyRecord> record;
    QString ips, endpoints, rate, status, permissions;
    while (true) {
        const Result<bool> row = find.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        const store::Statement &s = find.value();
        if (!crypto::constantTimeEquals(s.text(2).toLatin1(), hash))
            continue;
        record = KeyRecord{};
        record->id = s.text(0);
        record->userId = s.text(1);
        record->accessLevel = s.text(3);
        ips = s.text(4);
        endpoints = s.text(5);
        rate = s.isNull(6) ? QString() : s.text(6);
        record->expiresAtMs = s.isNull(7) ? 0 : s.int64(7);
        status = s.text(8);
        permissions = s.text(9);
    }
    find.value().reset();
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
        auto touch =
            m_db.prepare(QStringLiteral("UPDATE api_keys SET last_used_at = ? WHERE id = ?"));
        if (!touch)
            return touch.error();
        touch.value().bind(1, nowMs).bind(2, record.id);
        if (Status s = touch.value().run(); !s)
            return s.error();
        m_lastUsedWritten.insert(record.id, nowMs);
    }
    return grant;
}

} // namespace hm::server::auth
