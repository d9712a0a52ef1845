#include "client/SystemTypes.h"

#include "common/IsoTime.h"

namespace hm::client {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(formatIsoUtcMs(time.toMSecsSinceEpoch())) : QJsonValue();
}

QDateTime timeOf(const QJsonValue &value)
{
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODateWithMs)
                            : QDateTime();
}

} // namespace

AuditEntry AuditEntry::fromJson(const QJsonObject &o)
{
    AuditEntry e;
    const QJsonValue id = o.value(QStringLiteral("id"));
    e.id = id.isString() ? id.toString() : QString::number(id.toInteger());
    e.userId = o.value(QStringLiteral("user_id")).toString();
    e.username = o.value(QStringLiteral("username")).toString();
    e.action = o.value(QStringLiteral("action")).toString();
    e.category = o.value(QStringLiteral("category")).toString();
    e.resourceType = o.value(QStringLiteral("resource_type")).toString();
    e.resourceId = o.value(QStringLiteral("resource_id")).toString();
    e.resourceName = o.value(QStringLiteral("resource_name")).toString();
    e.ipAddress = o.value(QStringLiteral("ip_address")).toString();
    e.userAgent = o.value(QStringLiteral("user_agent")).toString();
    e.details = o.value(QStringLiteral("details")).toObject();
    e.createdAt = timeOf(o.value(QStringLiteral("created_at")));
    return e;
}

QJsonObject AuditEntry::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("user_id"), textOrNull(userId)},
            {QStringLiteral("username"), textOrNull(username)},
            {QStringLiteral("action"), action},
            {QStringLiteral("category"), category},
            {QStringLiteral("resource_type"), textOrNull(resourceType)},
            {QStringLiteral("resource_id"), textOrNull(resourceId)},
            {QStringLiteral("resource_name"), textOrNull(resourceName)},
            {QStringLiteral("ip_address"), textOrNull(ipAddress)},
            {QStringLiteral("user_agent"), textOrNull(userAgent)},
            {QStringLiteral("details"), details},
            {QStringLiteral("created_at"), timeOrNull(createdAt)}};
}

LogLine LogLine::fromJson(const QJsonObject &o)
{
    LogLine l;
    l.id = o.value(QStringLiteral("id")).toInteger();
    l.level = o.value(QStringLiteral("level")).toString();
    l.message = o.value(QStringLiteral("message")).toString();
    l.module = o.value(QStringLiteral("module")).toString();
    l.requestId = o.value(QStringLiteral("request_id")).toString();
    l.timestamp = timeOf(o.value(QStringLiteral("timestamp")));
    return l;
}

QJsonObject LogLine::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("level"), level},
            {QStringLiteral("message"), message},
            {QStringLiteral("module"), module},
            {QStringLiteral("request_id"), textOrNull(requestId)},
            {QStringLiteral("timestamp"), timeOrNull(timestamp)}};
}

} // namespace hm::client
