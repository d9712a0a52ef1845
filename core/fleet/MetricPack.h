#pragma once

// The packed form of a node's metric history (issue 35, "Metric history"):
// a minute of raw samples in one blob, and the avg/min/max/count of a
// rollup bucket in another. Both name each metric once and store values as
// integers at the metric's resolution (metricResolution()): raw samples as
// zigzag-varint deltas to the metric's previous value in the same minute, so
// a value that holds still costs one byte and one that moves a little two.
//
// Raw minute (version 1):
//   'M' 1 | varint names | names (varint length, UTF-8) | varint samples |
//   per sample: varint names known so far (n) | zigzag dtime_ms (to the
//   previous sample; the first to 0) | zigzag dseq (likewise) |
//   presence bitmap of ceil(n / 8) bytes, bit i for name i |
//   zigzag (q - previous q of that name; 0 before its first value) for each
//   name present, in name order.
// A writer appends in place (MinutePackWriter), so a report costs its own
// bytes, not the minute's; resume() continues a stored minute.
//
// Rollup bucket (version 1):
//   'B' 1 | varint names | per name: name, varint count, zigzag q(min),
//   varint q(max) - q(min), varint q(avg) - q(min).
//
// Values lose what is below their resolution (0.01 for percentages and
// loads, 1 KiB for memory and disk sizes, 1 for rates and counts) and are
// clamped to ±2^50 steps. Decoding checks every length and count against
// the bytes there are: a damaged blob is an error, never a crash.

#include "common/Result.h"
#include "fleet/AgentProtocol.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>
#include <utility>
#include <vector>

namespace hm::fleet {

// How finely a metric is kept: a value is stored as round(value * perUnit)
// when perUnit > 0, else as round(value / -perUnit) (perUnit -1024: in
// steps of 1 KiB).
struct MetricResolution
{
    qint64 perUnit = 1000;
    qint64 quantise(double value) const;
    double value(qint64 steps) const;
};
MetricResolution metricResolution(const QString &name);

struct PackedSample
{
    qint64 timeMs = 0;
    qint64 seq = 0;
    QList<MetricValue> metrics; // in the minute's name order
};

class MinutePackWriter
{
public:
    MinutePackWriter() = default;
    // Continues a stored minute (its samples are decoded once).
    static Result<MinutePackWriter> resume(const QByteArray &packed);

    void append(qint64 timeMs, qint64 seq, const QList<MetricValue> &metrics);
    QByteArray packed() const;

    int sampleCount() const { return m_samples; }
    qint64 valueCount() const { return m_values; }
    qint64 lastSeq() const { return m_prevSeq; }
    qint64 lastTimeMs() const { return m_prevTime; }

private:
    QStringList m_names;
    QHash<QString, int> m_index;
    // Each name's resolution, found once (metricResolution compares the
    // name with a dozen prefixes; a report has dozens of values).
    std::vector<MetricResolution> m_resolutions;
    std::vector<qint64> m_previous; // last q of each name
    // The name index of each value of the previous append, by position.
    std::vector<int> m_order;
    // append()'s (index, q) pairs, kept to spare an allocation per report.
    std::vector<std::pair<int, qint64>> m_present;
    qint64 m_prevTime = 0;
    qint64 m_prevSeq = 0;
    int m_samples = 0;
    qint64 m_values = 0;
    QByteArray m_body;
};

Result<QList<PackedSample>> unpackMinute(const QByteArray &packed);

// One metric over a bucket: what the rollup tiers keep.
struct MetricStats
{
    qint64 count = 0;
    double min = 0;
    double max = 0;
    double sum = 0;
    double average() const { return count > 0 ? sum / double(count) : 0; }
    void add(double value);
    void merge(const MetricStats &other);
    bool operator==(const MetricStats &) const = default;
};
using BucketStats = QHash<QString, MetricStats>;

// The statistics of samples (a raw minute, or several).
BucketStats summarise(const QList<PackedSample> &samples);
QByteArray packBucket(const BucketStats &stats);
// Sums come back as average * count at the metric's resolution.
Result<BucketStats> unpackBucket(const QByteArray &packed);

// Decodes many buckets in a row (a node's history over a range) without a
// QHash, a QString or a resolution lookup per metric: a node's buckets name
// the same metrics in the same order, so each name is compared with the
// one at the same place in the previous bucket and, when equal, its decoded
// name, resolution and whether it is kept are reused. A year of 1-hour
// buckets of 40 metrics is 350,000 names: unpackBucket() made each a
// QString and a hash entry. `only` keeps just those metrics (empty: all).
class BucketDecoder
{
public:
    explicit BucketDecoder(QSet<QString> only = {});
    // visit(name, stats) for each kept metric, in the bucket's order (by
    // name); the same errors as unpackBucket() for a damaged bucket, after
    // which the metrics before the damage may have been visited.
    Status decode(const QByteArray &packed,
                  const std::function<void(const QString &name, const MetricStats &stats)> &visit);

private:
    struct Slot
    {
        QByteArray utf8;
        QString name;
        MetricResolution resolution;
        bool kept = true;
    };
    std::vector<Slot> m_slots;
    QSet<QString> m_only;
};

} // namespace hm::fleet
