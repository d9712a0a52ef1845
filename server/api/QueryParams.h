#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUrlQuery>

namespace hm::server {

// Query-string parsing shared by the list routes: a bad value is
// VALIDATION_ERROR naming the parameter, never silently ignored.
struct Paging
{
    int page = 1;
    int size = 20;
    qint64 offset() const { return qint64(page - 1) * size; }
};

// page >= 1 (default 1), size 1..maxSize (default 20).
Result<Paging> parsePaging(const QUrlQuery &query, int maxSize = 100);
// The first present of `names` as ISO-8601; an invalid QDateTime when absent.
Result<QDateTime> parseTime(const QUrlQuery &query, const QStringList &names);
// {page, size, total, pages, has_next, has_prev}
QJsonObject paginationJson(const Paging &paging, qint64 total);
// Decoded value of a parameter ("" when absent).
QString queryValue(const QUrlQuery &query, const QString &name);

// Longest text a list route searches for. Longer text is refused rather
// than matched: no name it searches is longer (flow names are at most
// kMaxNameLength, usernames 64, e-mail addresses 254 characters), and what
// a LIKE costs per row grows with the text.
inline constexpr int kMaxSearchLength = 255;
// Longest flow name (seed 003's VARCHAR(255)).
inline constexpr int kMaxNameLength = 255;
// The decoded `name` parameter ("" when absent), at most kMaxSearchLength
// characters; match it with store::likePattern().
Result<QString> parseSearch(const QUrlQuery &query, const QString &name = QStringLiteral("search"));

} // namespace hm::server
