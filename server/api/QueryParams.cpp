#include "server/api/QueryParams.h"

namespace hm::server {
namespace {

Error parameterError(const QString &name, const QString &message)
{
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("%1 %2").arg(name, message),
                 {{QStringLiteral("field"), name}}};
}

Result<int> intParameter(const QUrlQuery &query, const QString &name, int fallback, int min,
                         int max)
{
    const QString text = queryValue(query, name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return parameterError(name,
                              QStringLiteral("must be an integer from %1 to %2").arg(min).arg(max));
    return value;
}

} // namespace

QString queryValue(const QUrlQuery &query, const QString &name)
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

Result<QString> parseSearch(const QUrlQuery &query, const QString &name)
{
    QString text = queryValue(query, name);
    if (text.size() > kMaxSearchLength)
        return parameterError(
            name, QStringLiteral("must be at most %1 characters").arg(kMaxSearchLength));
    return text;
}

Result<Paging> parsePaging(const QUrlQuery &query, int maxSize)
{
    auto page = intParameter(query, QStringLiteral("page"), 1, 1, 1000000);
    if (!page)
        return page.error();
    auto size = intParameter(query, QStringLiteral("size"), 20, 1, maxSize);
    if (!size)
        return size.error();
    return Paging{page.value(), size.value()};
}

Result<QDateTime> parseTime(const QUrlQuery &query, const QStringList &names)
{
    for (const QString &name : names) {
        const QString text = queryValue(query, name);
        if (text.isEmpty())
            continue;
        const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!time.isValid())
            return parameterError(name, QStringLiteral("must be an ISO-8601 date-time"));
        return time.toUTC();
    }
    return QDateTime();
}

QJsonObject paginationJson(const Paging &paging, qint64 total)
{
    const qint64 pages = (total + paging.size - 1) / paging.size;
    return {{QStringLiteral("page"), paging.page},
            {QStringLiteral("size"), paging.size},
            {QStringLiteral("total"), total},
            {QStringLiteral("pages"), pages},
            {QStringLiteral("has_next"), paging.page < pages},
            {QStringLiteral("has_prev"), paging.page > 1}};
}

} // namespace hm::server
