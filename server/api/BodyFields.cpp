#include "server/api/BodyFields.h"

#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"

#include <QJsonArray>
#include <cmath>

namespace hm::server::body {

Result<qint64> pathId(const RequestContext &context, int index)
{
    bool ok = false;
    const qint64 id = context.pathArgs.value(index).toLongLong(&ok);
    if (!ok || id <= 0)
        return Error{ErrorCode::ResourceNotFound, QStringLiteral("no such id")};
    return id;
}

Result<std::optional<qint64>> queryId(const QUrlQuery &query, const QString &name)
{
    const QString text = queryValue(query, name);
    if (text.isEmpty())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return auth::fieldError(name, QStringLiteral("an id"));
    return std::optional<qint64>(id);
}

Result<qint64> wholeNumber(const QJsonValue &value, const QString &field, double least, double most,
                           const QString &what)
{
    const double number = value.toDouble();
    if (!value.isDouble() || number != std::floor(number) || number < least || number > most)
        return auth::fieldError(field, what);
    return qint64(number);
}

Status readString(const QJsonObject &body, const QString &field, std::optional<QString> *out,
                  IfNull ifNull)
{
    if (!body.contains(field))
        return {};
    const QJsonValue v = body.value(field);
    if (v.isNull() && ifNull != IfNull::Refuse) {
        if (ifNull == IfNull::Clear)
            *out = QString();
        return {};
    }
    if (!v.isString())
        return auth::fieldError(field, QStringLiteral("a string"));
    *out = v.toString();
    return {};
}

Status readStringList(const QJsonObject &body, const QString &field,
                      std::optional<QStringList> *out)
{
    if (!body.contains(field))
        return {};
    const QJsonValue v = body.value(field);
    if (v.isNull()) {
        *out = QStringList();
        return {};
    }
    if (!v.isArray())
        return auth::fieldError(field, QStringLiteral("an array of strings"));
    QStringList items;
    for (const QJsonValue item : v.toArray()) {
        if (!item.isString())
            return auth::fieldError(field, QStringLiteral("an array of strings"));
        items << item.toString();
    }
    *out = items;
    return {};
}

Status readInt(const QJsonObject &body, const QString &field, std::optional<int> *out)
{
    if (!body.contains(field))
        return {};
    auto number =
        wholeNumber(body.value(field), field, -1e9, 1e9, QStringLiteral("a whole number"));
    if (!number)
        return number.error();
    *out = int(number.value());
    return {};
}

Status readBool(const QJsonObject &body, const QString &field, std::optional<bool> *out,
                IfNull ifNull)
{
    if (!body.contains(field))
        return {};
    const QJsonValue v = body.value(field);
    if (v.isNull() && ifNull != IfNull::Refuse) {
        if (ifNull == IfNull::Clear)
            *out = false;
        return {};
    }
    if (!v.isBool())
        return auth::fieldError(field, QStringLiteral("true or false"));
    *out = v.toBool();
    return {};
}

} // namespace hm::server::body
