#include "server/services/fleet/BucketItemsText.h"

#include "fleet/MetricPack.h"
#include "common/IsoTime.h"
#include "server/api/AuthCommon.h"

#include <QJsonObject>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>
#include <vector>

namespace hm::server::fleet {

using hm::fleet::MetricStats;
using repositories::MetricBlob;

namespace {

// One point's metrics, merged over its buckets, in name order.
struct PointMetric
{
    QString name;
    QByteArray key; // "name": as JSON, written once per name
    MetricStats stats;
    bool seen = false; // in the current point
};

// Merges one bucket's metric into the point. The entries stay from point
// to point (their keys written once); a node's buckets name the same
// metrics in the same order, so the next slot is almost always the one.
void mergeInto(std::vector<PointMetric> &point, size_t &cursor, const QString &name,
               const MetricStats &stats)
{
    auto at = point.begin() + qsizetype(std::min(cursor, point.size()));
    if (at == point.end() || at->name != name) {
        at = std::lower_bound(point.begin(), point.end(), name,
                              [](const PointMetric &m, const QString &n) { return m.name < n; });
        if (at == point.end() || at->name != name) {
            PointMetric fresh{name, {}, {}, false};
            appendJsonString(fresh.key, name);
            fresh.key += ':';
            at = point.insert(at, std::move(fresh));
        }
    }
    at->seen = true;
    at->stats.merge(stats);
    cursor = size_t(at - point.begin()) + 1;
}

void appendTime(QByteArray &out, qint64 bucketS)
{
    const QJsonValue time = auth::isoOrNull(bucketS * 1000);
    if (time.isNull())
        out += "null";
    else
        appendJsonString(out, time.toString());
}

// One object of the item: {"name":value,...} with `value` picked from the
// statistics.
template <typename Pick>
void appendMetrics(QByteArray &out, const std::vector<PointMetric> &point, Pick pick)
{
    out += '{';
    bool first = true;
    for (const PointMetric &m : point) {
        if (!m.seen)
            continue;
        if (!first)
            out += ',';
        first = false;
        out += m.key;
        appendJsonNumber(out, pick(m.stats));
    }
    out += '}';
}

} // namespace

qsizetype bucketsPerPoint(qsizetype buckets, qint64 limit)
{
    if (limit < 1 || buckets <= limit)
        return 1;
    return qsizetype((qint64(buckets) + limit - 1) / limit);
}

char *writeJsonNumber(char *out, double value)
{
    if (!std::isfinite(value)) {
        std::memcpy(out, "null", 4); // as Qt: JSON has no NaN or infinities
        return out + 4;
    }
    // Qt 6.4 keeps an integral double up to 2^53 as an integer (written in
    // full, -0 as 0) and writes any other the shortest way ("1e+17");
    // TestMetricHistoryText holds this against QJsonDocument.
    constexpr double kSafeInteger = 9007199254740992.0; // 2^53
    if (value >= -kSafeInteger && value <= kSafeInteger && value == std::trunc(value))
        return std::to_chars(out, out + kJsonNumberRoom, qint64(value)).ptr;
    // QByteArray::number(value, 'g', shortest) made a QByteArray per value
    // and cost ~0.3 us: 1.4 M values in a year of 40 metrics. The same
    // digits from to_chars (shortest round trip), laid out by Qt's rule:
    // decimal unless the exponent form is shorter (its exponent has at
    // least two digits).
    char text[40];
    const auto done = std::to_chars(text, text + sizeof text, value, std::chars_format::scientific);
    const char *p = text;
    const char *const end = done.ptr;
    const char *const e = std::find(p, end, 'e');
    int exponent = 0;
    std::from_chars(e + 1 + (e[1] == '+' ? 1 : 0), end, exponent);
    char digits[24];
    int count = 0;
    const bool negative = *p == '-';
    for (const char *c = negative ? p + 1 : p; c < e; ++c) {
        if (*c != '.')
            digits[count++] = *c;
    }
    // QLocaleData::doubleToString's choice for the shortest form: what the
    // exponent form adds ("e+XX", two digits at least) against the zeros
    // of the decimal form, and a point only one of them writes.
    const int decpt = exponent + 1; // digits before the point
    int bias = 4;
    if (count <= decpt && count > 1)
        ++bias; // a point in the exponent form only
    else if (count == 1 && decpt <= 0)
        --bias; // a point in the decimal form only
    const bool decimal = decpt <= 0       ? 1 - decpt <= bias
                         : decpt <= count ? true
                                          : decpt <= count + bias;
    if (!decimal) {
        std::memcpy(out, text, size_t(end - text)); // "d.ddde+XX" as Qt writes it
        return out + (end - text);
    }
    // At most 17 digits, a sign, "0." and `bias` (<= 5) zeros: within
    // kJsonNumberRoom.
    if (negative)
        *out++ = '-';
    if (decpt <= 0) {
        *out++ = '0';
        *out++ = '.';
        out = std::fill_n(out, -decpt, '0');
        out = std::copy_n(digits, count, out);
    } else if (decpt >= count) {
        out = std::copy_n(digits, count, out);
        out = std::fill_n(out, decpt - count, '0');
    } else {
        out = std::copy_n(digits, decpt, out);
        *out++ = '.';
        out = std::copy_n(digits + decpt, count - decpt, out);
    }
    return out;
}

namespace {

// The decimal text of `q` steps of 1 / kPerUnit: constants, so that the
// divisions become multiplications.
template <quint64 kPerUnit, int kPlaces>
char *writeSteps(char *out, qint64 q)
{
    // The digits end at text + 24 and are copied as a fixed 24 bytes (what
    // follows them is written over next): an inline copy, where a copy of
    // the text's own length was a call to libc's memcpy per number.
    char text[48];
    char *const end = text + 24;
    char *at = end;
    quint64 whole = q < 0 ? quint64(-q) : quint64(q);
    quint64 fraction = whole % kPerUnit;
    whole /= kPerUnit;
    if (fraction != 0) {
        int places = kPlaces;
        for (; fraction % 10 == 0; fraction /= 10)
            --places;
        for (; places > 0; --places, fraction /= 10)
            *--at = char('0' + fraction % 10);
        *--at = '.';
    }
    do {
        *--at = char('0' + whole % 10);
        whole /= 10;
    } while (whole != 0);
    if (q < 0)
        *--at = '-';
    static_assert(24 <= kJsonNumberRoom);
    std::memcpy(out, at, 24);
    return out + (end - at);
}

} // namespace

char *writeJsonSteps(char *out, double value, const DecimalSteps &steps)
{
    // Exactly steps / perUnit (the division MetricResolution::value()
    // makes) for whole steps below 10^15: the decimal text of those steps
    // is the shortest that reads back as this double (any other decimal of
    // as few digits is at least 10^-15 of it away, far beyond its ulp), and
    // Qt lays such a number out in decimals (perUnit <= 1000: never
    // "1e-04"). Anything else (an average between steps) goes the general
    // way. TestMetricHistoryText holds both against each other.
    if (steps.perUnit > 0) {
        const double scaled = value * double(steps.perUnit);
        if (scaled > -1e15 && scaled < 1e15) {
            // The nearest whole step (truncated after adding a half; the
            // comparison below makes any near miss take the general way).
            const qint64 q = qint64(scaled + (scaled < 0 ? -0.5 : 0.5));
            if (double(q) / double(steps.perUnit) == value) {
                switch (steps.perUnit) {
                case 1:
                    return writeSteps<1, 0>(out, q);
                case 10:
                    return writeSteps<10, 1>(out, q);
                case 100:
                    return writeSteps<100, 2>(out, q);
                case 1000:
                    return writeSteps<1000, 3>(out, q);
                default:
                    break;
                }
            }
        }
    }
    return writeJsonNumber(out, value);
}

DecimalSteps decimalSteps(qint64 perUnit)
{
    int places = 0;
    qint64 power = 1;
    for (; power < perUnit && places < 3; ++places)
        power *= 10;
    if (perUnit < 1 || power != perUnit)
        return {}; // not a power of ten: the general way
    return {perUnit, places};
}

void appendJsonNumber(QByteArray &out, double value)
{
    char text[kJsonNumberRoom];
    out.append(text, writeJsonNumber(text, value) - text);
}

void appendJsonString(QByteArray &out, QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const uchar u = uchar(c);
        if (u >= 0x20 && u != '"' && u != '\\') {
            out += c;
            continue;
        }
        out += '\\';
        switch (u) {
        case '"':
            out += '"';
            break;
        case '\\':
            out += '\\';
            break;
        case '\b':
            out += 'b';
            break;
        case '\f':
            out += 'f';
            break;
        case '\n':
            out += 'n';
            break;
        case '\r':
            out += 'r';
            break;
        case '\t':
            out += 't';
            break;
        default:
            out += "u00";
            out += kHex[u >> 4];
            out += kHex[u & 0xf];
        }
    }
    out += '"';
}

Status appendBucketItems(QByteArray &out, const QList<MetricBlob> &rows, const QSet<QString> &names,
                         qint64 limit)
{
    const qsizetype per = bucketsPerPoint(rows.size(), limit);
    // One decoder over the range: names decoded once (BucketDecoder).
    hm::fleet::BucketDecoder decoder(names);
    std::vector<PointMetric> point;
    // ~100 bytes per metric and point: one allocation instead of dozens.
    out.reserve(out.size() +
                rows.size() / per * (64 + 100 * (names.isEmpty() ? 40 : names.size())));
    out += '[';
    for (qsizetype first = 0; first < rows.size(); first += per) {
        for (PointMetric &m : point) {
            m.stats = {};
            m.seen = false;
        }
        const qsizetype end = std::min(rows.size(), first + per);
        for (qsizetype i = first; i < end; ++i) {
            size_t cursor = 0;
            const Status decoded =
                decoder.decode(rows.at(i).data, [&](const QString &name, const MetricStats &s) {
                    mergeInto(point, cursor, name, s);
                });
            if (!decoded)
                return decoded;
        }
        if (first > 0)
            out += ',';
        // The keys in Qt's order (sorted): count, max, metrics, min, time.
        out += "{\"count\":";
        appendMetrics(out, point, [](const MetricStats &s) { return double(s.count); });
        out += ",\"max\":";
        appendMetrics(out, point, [](const MetricStats &s) { return s.max; });
        out += ",\"metrics\":";
        appendMetrics(out, point, [](const MetricStats &s) { return s.average(); });
        out += ",\"min\":";
        appendMetrics(out, point, [](const MetricStats &s) { return s.min; });
        out += ",\"time\":";
        appendTime(out, rows.at(first).key);
        out += '}';
    }
    out += ']';
    return {};
}

namespace {

// One point's merged statistics per column (seen: in one of its buckets).
struct MergedPoint
{
    std::vector<MetricStats> stats;
    std::vector<quint8> seen;
};

// MetricStats::merge() where the compiler can inline it (it lives in the
// fleet library): 350,000 calls for a year of 40 metrics.
inline void mergeStats(MetricStats &into, const MetricStats &other)
{
    if (other.count == 0)
        return;
    if (into.count == 0) {
        into = other;
        return;
    }
    into.min = std::min(into.min, other.min);
    into.max = std::max(into.max, other.max);
    into.sum += other.sum;
    into.count += other.count;
}

void mergePoint(const hm::fleet::BucketColumns &columns, size_t first, size_t end,
                MergedPoint &point)
{
    for (size_t c = 0; c < columns.columns.size(); ++c) {
        const hm::fleet::BucketColumns::Column &column = columns.columns[c];
        MetricStats merged;
        quint8 seen = 0;
        // Oldest first, as the buckets' merge always was: the sums add up
        // in the same order, so the averages are the same doubles.
        const quint8 *present = column.present.data();
        const MetricStats *stats = column.stats.data();
        for (size_t i = first; i < end; ++i) {
            if (present[i]) {
                mergeStats(merged, stats[i]);
                seen = 1;
            }
        }
        point.stats[c] = merged;
        point.seen[c] = seen;
    }
}

// Room for an item's fixed text ("{\"count\":{},...,\"time\":...}") and
// its time.
constexpr qsizetype kTimeRoom = 64;
constexpr qsizetype kFixedItemRoom = 64 + kTimeRoom;

char *writeLiteral(char *out, std::string_view text)
{
    return std::copy(text.begin(), text.end(), out);
}

// The metrics' keys ("name": as JSON), each zero-padded to whole blocks of
// kKeyBlock bytes and copied block by block: a key is a few bytes, and a
// copy of its own length was a call to libc's memcpy per key and object
// (156,000 for a year of 40 metrics at limit 1000), a third of the
// writing's time. The copy's tail (under a block) lands where the value
// after the key is written next, inside the room made for it.
constexpr qsizetype kKeyBlock = 16;
static_assert(kKeyBlock <= kJsonNumberRoom);
struct Keys
{
    QByteArray blocks;
    std::vector<qsizetype> at;   // each key's offset in `blocks`
    std::vector<qsizetype> size; // and its length
    qsizetype bytes = 0;         // the keys' lengths, summed

    void add(const QByteArray &key)
    {
        at.push_back(blocks.size());
        size.push_back(key.size());
        bytes += key.size();
        blocks += key;
        blocks.append((kKeyBlock - key.size() % kKeyBlock) % kKeyBlock, '\0');
    }
    char *write(char *out, size_t c) const
    {
        const char *key = blocks.constData() + at[c];
        for (qsizetype i = 0; i < size[c]; i += kKeyBlock)
            std::memcpy(out + i, key + i, kKeyBlock);
        return out + size[c];
    }
};

// One object of the item, {"name":value,...}, into room the caller made.
template <typename Write>
char *writeColumnMetrics(char *out, const Keys &keys, const MergedPoint &point, Write write)
{
    *out++ = '{';
    bool first = true;
    for (size_t c = 0; c < keys.size.size(); ++c) {
        if (!point.seen[c])
            continue;
        if (!first)
            *out++ = ',';
        first = false;
        out = keys.write(out, c);
        out = write(out, c, point.stats[c]);
    }
    *out++ = '}';
    return out;
}

// The item's time: a string, or null before 1970 (as isoOrNull()).
char *writeTime(char *out, qint64 bucketS)
{
    const qint64 ms = bucketS * 1000;
    if (ms > 0 && hm::writeIsoUtcMs(ms, out + 1)) {
        out[0] = '"';
        out[1 + hm::kIsoUtcMsLength] = '"';
        return out + 2 + hm::kIsoUtcMsLength;
    }
    QByteArray text; // null, or a year past 9999 (QDateTime's form)
    appendTime(text, bucketS);
    return std::copy_n(text.constData(), std::min<qsizetype>(text.size(), kTimeRoom), out);
}

} // namespace

Status appendBucketItems(QByteArray &out, const hm::fleet::BucketColumns &columns, qint64 limit)
{
    const size_t buckets = columns.starts.size();
    const size_t per = size_t(bucketsPerPoint(qsizetype(buckets), limit));
    Keys keys;                       // "name": as JSON, written once per name
    std::vector<DecimalSteps> steps; // each metric's resolution, for its numbers
    steps.reserve(columns.columns.size());
    for (const auto &column : columns.columns) {
        QByteArray key;
        appendJsonString(key, column.name);
        key += ':';
        keys.add(key);
        steps.push_back(decimalSteps(hm::fleet::metricResolution(column.name).perUnit));
    }
    const size_t metrics = keys.size.size();
    // The most one item can take: its fixed text and time, and per metric
    // in each of its four objects a key, a number and a comma. The items are
    // written through a pointer into that room (QByteArray's appends of a
    // few bytes each were most of the writing's time).
    const qsizetype itemRoom =
        kFixedItemRoom + 4 * (keys.bytes + qsizetype(metrics) * (kJsonNumberRoom + 1));
    MergedPoint point{std::vector<MetricStats>(metrics), std::vector<quint8>(metrics)};
    out.reserve(out.size() + qsizetype(buckets / per * (64 + 100 * metrics)));
    out += '[';
    const auto count = [](char *at, size_t, const MetricStats &s) {
        return writeJsonNumber(at, double(s.count));
    };
    const auto max = [&steps](char *at, size_t c, const MetricStats &s) {
        return writeJsonSteps(at, s.max, steps[c]);
    };
    const auto average = [&steps](char *at, size_t c, const MetricStats &s) {
        return writeJsonSteps(at, s.average(), steps[c]);
    };
    const auto min = [&steps](char *at, size_t c, const MetricStats &s) {
        return writeJsonSteps(at, s.min, steps[c]);
    };
    for (size_t first = 0; first < buckets; first += per) {
        mergePoint(columns, first, std::min(buckets, first + per), point);
        const qsizetype at = out.size();
        out.resize(at + itemRoom);
        char *p = out.data() + at;
        if (first > 0)
            *p++ = ',';
        // The keys in Qt's order (sorted): count, max, metrics, min, time.
        p = writeLiteral(p, "{\"count\":");
        p = writeColumnMetrics(p, keys, point, count);
        p = writeLiteral(p, ",\"max\":");
        p = writeColumnMetrics(p, keys, point, max);
        p = writeLiteral(p, ",\"metrics\":");
        p = writeColumnMetrics(p, keys, point, average);
        p = writeLiteral(p, ",\"min\":");
        p = writeColumnMetrics(p, keys, point, min);
        p = writeLiteral(p, ",\"time\":");
        p = writeTime(p, columns.starts[first]);
        *p++ = '}';
        out.resize(p - out.constData());
    }
    out += ']';
    return {};
}

QJsonArray bucketItemsJson(const hm::fleet::BucketColumns &columns, qint64 limit)
{
    const size_t buckets = columns.starts.size();
    const size_t per = size_t(bucketsPerPoint(qsizetype(buckets), limit));
    const size_t count = columns.columns.size();
    MergedPoint point{std::vector<MetricStats>(count), std::vector<quint8>(count)};
    QJsonArray items;
    for (size_t first = 0; first < buckets; first += per) {
        mergePoint(columns, first, std::min(buckets, first + per), point);
        QJsonObject average;
        QJsonObject min;
        QJsonObject max;
        QJsonObject counts;
        for (size_t c = 0; c < count; ++c) {
            if (!point.seen[c])
                continue;
            const QString &name = columns.columns[c].name;
            const MetricStats &s = point.stats[c];
            average.insert(name, s.average());
            min.insert(name, s.min);
            max.insert(name, s.max);
            counts.insert(name, double(s.count));
        }
        items.append(
            QJsonObject{{QStringLiteral("time"), auth::isoOrNull(columns.starts[first] * 1000)},
                        {QStringLiteral("metrics"), average},
                        {QStringLiteral("min"), min},
                        {QStringLiteral("max"), max},
                        {QStringLiteral("count"), counts}});
    }
    return items;
}

Result<QJsonArray> bucketItemsJson(const QList<MetricBlob> &rows, const QSet<QString> &names,
                                   qint64 limit)
{
    const qsizetype per = bucketsPerPoint(rows.size(), limit);
    QJsonArray items;
    for (qsizetype first = 0; first < rows.size(); first += per) {
        hm::fleet::BucketStats merged;
        for (qsizetype i = first; i < std::min(rows.size(), first + per); ++i) {
            auto stats = hm::fleet::unpackBucket(rows.at(i).data);
            if (!stats)
                return stats.error();
            for (auto it = stats.value().cbegin(); it != stats.value().cend(); ++it) {
                if (names.isEmpty() || names.contains(it.key()))
                    merged[it.key()].merge(it.value());
            }
        }
        QJsonObject average;
        QJsonObject min;
        QJsonObject max;
        QJsonObject count;
        for (auto it = merged.cbegin(); it != merged.cend(); ++it) {
            average.insert(it.key(), it.value().average());
            min.insert(it.key(), it.value().min);
            max.insert(it.key(), it.value().max);
            count.insert(it.key(), double(it.value().count));
        }
        items.append(
            QJsonObject{{QStringLiteral("time"), auth::isoOrNull(rows.at(first).key * 1000)},
                        {QStringLiteral("metrics"), average},
                        {QStringLiteral("min"), min},
                        {QStringLiteral("max"), max},
                        {QStringLiteral("count"), count}});
    }
    return items;
}

} // namespace hm::server::fleet
