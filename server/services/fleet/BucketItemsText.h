#pragma once

// The items of GET /nodes/{id}/metrics for a rollup tier, written as JSON
// text straight from the decoded buckets (issue 35): a year of 1-hour
// buckets is 8,760 items of four objects, and building them as QJsonObjects
// and writing those cost 140-850 ms, against a 20 ms goal for the whole
// query. bucketItemsJson() is the same answer as QJsonValues (the former
// path; the public status page and TestBucketItemsText use it).
//
// `limit`: when there are more buckets, neighbouring ones are merged into at
// most `limit` points (each `ceil(buckets / limit)` in a row, oldest first;
// the point's time is its first bucket's): average weighted by count, min of
// the mins, max of the maxes, counts summed, all exact.

#include "common/Result.h"
#include "fleet/MetricDayPack.h"
#include "server/repositories/MetricHistoryRepository.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>

namespace hm::server::fleet {

// How many buckets each point merges for `buckets` rows and `limit` points.
qsizetype bucketsPerPoint(qsizetype buckets, qint64 limit);

// Appends the items array ("[...]") of a range's buckets by metric (what
// MetricHistory reads from days and single buckets): byte for byte what
// QJsonDocument writes compact for bucketItemsJson()'s array.
Status appendBucketItems(QByteArray &out, const hm::fleet::BucketColumns &columns, qint64 limit);
QJsonArray bucketItemsJson(const hm::fleet::BucketColumns &columns, qint64 limit);

// The same from single packed buckets (`rows`, oldest first), keeping only
// `names` (empty: all): the layout before days (schema 44), kept as the
// reference TestMetricHistoryText holds the columns' answer against.
Status appendBucketItems(QByteArray &out, const QList<repositories::MetricBlob> &rows,
                         const QSet<QString> &names, qint64 limit);
Result<QJsonArray> bucketItemsJson(const QList<repositories::MetricBlob> &rows,
                                   const QSet<QString> &names, qint64 limit);

// A double as Qt's JSON writer writes it: integral values up to 2^53 as
// integers, others shortest round-trip, non-finite ones as null.
void appendJsonNumber(QByteArray &out, double value);

// The same into a buffer with kJsonNumberRoom bytes free; returns the end.
// The bytes of that room past the end may be written over too (with a
// fixed-size copy, cheaper than one of the number's length).
inline constexpr qsizetype kJsonNumberRoom = 40;
char *writeJsonNumber(char *out, double value);

// A metric's resolution when it is a power of ten up to 1000 (perUnit 1,
// 10, 100, 1000: MetricResolution); perUnit 0 for any other.
struct DecimalSteps
{
    qint64 perUnit = 0;
    int places = 0; // digits after the point of one step
};
DecimalSteps decimalSteps(qint64 perUnit);
// writeJsonNumber's bytes, faster for a value that is a whole number of
// `steps` (what a rollup's min and max are): its digits come from the
// integer, not from a shortest-double search.
char *writeJsonSteps(char *out, double value, const DecimalSteps &steps);
// A string literal with quotes, escaped as Qt escapes it.
void appendJsonString(QByteArray &out, QStringView text);

} // namespace hm::server::fleet
