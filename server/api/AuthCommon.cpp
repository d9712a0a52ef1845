#include "server/api/AuthCommon.h"

#include "common/IsoTime.h"

#include <QDateTime>

namespace hm::server::auth {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonValue isoOrNull(qint64 epochMs)
{
    if (epochMs <= 0)
        return QJsonValue::Null;
    return formatIsoUtcMs(epochMs);
}

qint64 parseIsoMs(const QString &text)
{
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::ISODate);
    return when.isValid() ? when.toMSecsSinceEpoch() : 0;
}

Error fieldError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message, {{QStringLiteral("field"), field}}};
}

Result<QString> requiredString(const QJsonObject &body, const QString &field)
{
    const QJsonValue value = body.value(field);
    if (!value.isString() || value.toString().isEmpty())
        return fieldError(field, QStringLiteral("%1 is required and must be a string").arg(field));
    return value.toString();
}

Result<QString> optionalString(const QJsonObject &body, const QString &field,
                               const QString &fallback)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isString())
        return fieldError(field, QStringLiteral("%1 must be a string").arg(field));
    return value.toString();
}

Result<bool> optionalBool(const QJsonObject &body, const QString &field, bool fallback)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isBool())
        return fieldError(field, QStringLiteral("%1 must be a boolean").arg(field));
    return value.toBool();
}

Result<QStringList> optionalStringList(const QJsonObject &body, const QString &field)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return QStringList{};
    if (!value.isArray())
        return fieldError(field, QStringLiteral("%1 must be an array of strings").arg(field));
    QStringList out;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return fieldError(field, QStringLiteral("%1 must be an array of strings").arg(field));
        out << item.toString();
    }
    return out;
}

} // namespace hm::server::auth
