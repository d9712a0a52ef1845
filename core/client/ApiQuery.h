#pragma once

// Query-string helpers of the endpoint groups.

#include "client/ApiTypes.h"

#include <QUrl>
#include <QUrlQuery>

namespace hm::client {

// Adds name=value when value is not empty. The value goes in
// percent-encoded: QUrlQuery would otherwise read a '%' in it (a search for
// "50%41") as an escape.
inline void addIfSet(QUrlQuery &query, const QString &name, const QString &value)
{
    if (!value.isEmpty())
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

inline QUrlQuery pageQuery(const PageRequest &page)
{
    QUrlQuery query;
    if (page.page > 0)
        query.addQueryItem(QStringLiteral("page"), QString::number(page.page));
    if (page.size > 0)
        query.addQueryItem(QStringLiteral("size"), QString::number(page.size));
    return query;
}

} // namespace hm::client
