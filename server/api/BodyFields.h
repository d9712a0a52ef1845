#pragma once

// The typed reading of request parts that every route file repeated: a
// path's numeric id, an optional id from the query, and the optional
// fields of a JSON body with their JSON types checked (the services check
// what the values mean). Each failure is the error the API documents: an
// id that is not one is RESOURCE_NOT_FOUND, a field of the wrong type a
// VALIDATION_ERROR naming the field.

#include "common/Result.h"
#include "server/api/ApiRouter.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

namespace hm::server::body {

// What a JSON null given for an optional field means.
enum class IfNull
{
    Refuse, // a VALIDATION_ERROR: the field does not take null
    Clear,  // the field is cleared (an empty string or list, false)
    Ignore, // as if the field were absent
};

// The request's path argument `index` as a positive id; RESOURCE_NOT_FOUND
// ("no such id") otherwise.
Result<qint64> pathId(const RequestContext &context, int index = 0);
// The query parameter `name` as a positive id (empty: not given).
Result<std::optional<qint64>> queryId(const QUrlQuery &query, const QString &name);
// A whole JSON number in [least, most] (doubles: exact up to 2^53);
// otherwise a field error saying `what`.
Result<qint64> wholeNumber(const QJsonValue &value, const QString &field, double least, double most,
                           const QString &what);

// Each sets `*out` only when the body holds the field (and, for null, as
// `ifNull` says).
Status readString(const QJsonObject &body, const QString &field, std::optional<QString> *out,
                  IfNull ifNull);
// An array of strings; null clears it.
Status readStringList(const QJsonObject &body, const QString &field,
                      std::optional<QStringList> *out);
// A whole number of at most 10^9 in magnitude ("a whole number").
Status readInt(const QJsonObject &body, const QString &field, std::optional<int> *out);
Status readBool(const QJsonObject &body, const QString &field, std::optional<bool> *out,
                IfNull ifNull = IfNull::Refuse);

} // namespace hm::server::body
