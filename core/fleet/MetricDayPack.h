#pragma once

// A day of one rollup tier's buckets in one blob (issue 35, "Metric history
// after a year"): the 15-minute and 1-hour tiers keep one row per node and
// UTC day (96 or 24 buckets) instead of one row per bucket. Per bucket rows
// were ~870 B, mostly the 40 metric names, in half-full pages: a year of
// 1-hour buckets was 8,760 rows and ~4,400 pages to read, and 350,000 names
// to compare. A day names each metric once and keeps each metric's values
// together (a column), prefixed by its length, so a query that asks for 4
// metrics skips the other columns without decoding them.
//
// Day (version 1):
//   'D' 1 | varint bucket length (s) | varint buckets |
//   per bucket: varint slot (its start = day + slot * length; the first as
//   is, each next as slot - previous slot - 1) | varint names |
//   per name, in strictly increasing byte order: varint length, UTF-8,
//   varint column bytes, column.
//   Column: presence bitmap of ceil(buckets / 8) bytes, then for each
//   bucket present: zigzag (count - previous count), zigzag (q(min) -
//   previous q(min)) (both 0 before the first), varint q(max) - q(min),
//   varint q(avg) - q(min).
// Values are at the metric's resolution as in a packed bucket
// (MetricPack.h): a bucket unpacked from a day is exactly the bucket
// unpacked from its packBucket() blob. Every length and count is checked
// against the bytes there are: damage is an error, never a crash.

#include "common/Result.h"
#include "fleet/MetricPack.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QString>
#include <vector>

namespace hm::fleet {

constexpr qint64 kSecondsPerDay = 24 * 3600;

// The UTC day (its start, s) a bucket start belongs to.
qint64 dayOf(qint64 bucketStart);

// The buckets of one day by start; every start must lie in [day, day +
// 1 day) and be a multiple of `length` from the day's start.
QByteArray packDay(qint64 day, qint64 length, const QMap<qint64, BucketStats> &buckets);
Result<QMap<qint64, BucketStats>> unpackDay(qint64 day, const QByteArray &packed);

// A node's buckets over a range, by metric: what a query answers from.
// `starts` is ascending; each column holds one entry per start.
struct BucketColumns
{
    struct Column
    {
        QString name;
        std::vector<MetricStats> stats;
        std::vector<quint8> present; // 1: the metric is in that bucket
    };
    std::vector<qint64> starts;
    std::vector<Column> columns; // by name (QString order)
};

// Builds BucketColumns from day blobs and from single packed buckets
// (rows not folded into a day yet: the day in progress, a bucket rolled up
// again, a database not yet converted). A single bucket replaces a day's
// bucket with the same start; buckets outside [from, to] are left out, and
// so are metrics not in `only` (empty: all), whose columns are skipped
// unread. A damaged row is an error and adds nothing (the builder goes on
// without it if the caller goes on).
class BucketColumnsBuilder
{
public:
    BucketColumnsBuilder(QSet<QString> only, qint64 from, qint64 to);
    Status addDay(qint64 day, const QByteArray &packed);
    Status addBucket(qint64 start, const QByteArray &packed);
    BucketColumns finish();

private:
    struct NameSlot
    {
        QByteArray utf8;
        int column = -1; // -1: not kept
        MetricResolution resolution;
    };
    Status readDay(qint64 day, const QByteArray &packed);
    // Drops what a damaged row added (entries from `entries` on).
    void truncate(size_t entries);
    int columnFor(QByteArrayView utf8, const QString *decoded);
    void put(int column, size_t entry, const MetricStats &stats);

    QSet<QString> m_only;
    qint64 m_from;
    qint64 m_to;
    BucketColumns m_out;
    // Which source each entry came from (0: a day, 1: a single bucket),
    // so that a single bucket wins over a day's bucket at the same start.
    std::vector<quint8> m_fromBucket;
    bool m_sorted = true;
    std::vector<NameSlot> m_slots; // by position in the previous day
    QHash<QString, int> m_columnOf;
    BucketDecoder m_bucketDecoder;
};

} // namespace hm::fleet
