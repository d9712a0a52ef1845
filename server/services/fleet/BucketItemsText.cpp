#include "server/services/fleet/BucketItemsText.h"

#include "fleet/MetricPack.h"
#include "server/api/AuthCommon.h"

#include <QJsonObject>
#include <algorithm>
#include <charconv>
#include <cmath>
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

void appendJsonNumber(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out += "null"; // as Qt: JSON has no NaN or infinities
        return;
    }
    char text[40];
    // Qt 6.4 keeps an integral double up to 2^53 as an integer (written in
    // full, -0 as 0) and writes any other the shortest way ("1e+17");
    // TestMetricHistoryText holds this against QJsonDocument.
    constexpr double kSafeInteger = 9007199254740992.0; // 2^53
    if (value >= -kSafeInteger && value <= kSafeInteger && value == std::trunc(value)) {
        const auto done = std::to_chars(text, text + sizeof text, qint64(value));
        out.append(text, done.ptr - text);
        return;
    }
    // QByteArray::number(value, 'g', shortest) made a QByteArray per value
    // and cost ~0.3 us: 1.4 M values in a year of 40 metrics. The same
    // digits from to_chars (shortest round trip), laid out by Qt's rule:
    // decimal unless the exponent form is shorter (its exponent has at
    // least two digits).
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
        out.append(text, end - text); // "d.ddde+XX" as Qt writes it
        return;
    }
    if (negative)
        out += '-';
    if (decpt <= 0) {
        out += "0.";
        out.append(-decpt, '0');
        out.append(digits, count);
    } else if (decpt >= count) {
        out.append(digits, count);
        out.append(decpt - count, '0');
    } else {
        out.append(digits, decpt);
        out += '.';
        out.append(digits + decpt, count - decpt);
    }
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

void mergePoint(const hm::fleet::BucketColumns &columns, size_t first, size_t end,
                MergedPoint &point)
{
    for (size_t c = 0; c < columns.columns.size(); ++c) {
        const hm::fleet::BucketColumns::Column &column = columns.columns[c];
        MetricStats merged;
        quint8 seen = 0;
        // Oldest first, as the buckets' merge always was: the sums add up
        // in the same order, so the averages are the same doubles.
        for (size_t i = first; i < end; ++i) {
            if (column.present[i]) {
                merged.merge(column.stats[i]);
                seen = 1;
            }
        }
        point.stats[c] = merged;
        point.seen[c] = seen;
    }
}

template <typename Pick>
void appendColumnMetrics(QByteArray &out, const std::vector<QByteArray> &keys,
                         const MergedPoint &point, Pick pick)
{
    out += '{';
    bool first = true;
    for (size_t c = 0; c < keys.size(); ++c) {
        if (!point.seen[c])
            continue;
        if (!first)
            out += ',';
        first = false;
        out += keys[c];
        appendJsonNumber(out, pick(point.stats[c]));
    }
    out += '}';
}

} // namespace

Status appendBucketItems(QByteArray &out, const hm::fleet::BucketColumns &columns, qint64 limit)
{
    const size_t buckets = columns.starts.size();
    const size_t per = size_t(bucketsPerPoint(qsizetype(buckets), limit));
    std::vector<QByteArray> keys; // "name": as JSON, written once per name
    keys.reserve(columns.columns.size());
    for (const auto &column : columns.columns) {
        QByteArray key;
        appendJsonString(key, column.name);
        key += ':';
        keys.push_back(std::move(key));
    }
    MergedPoint point{std::vector<MetricStats>(keys.size()), std::vector<quint8>(keys.size())};
    out.reserve(out.size() + qsizetype(buckets / per * (64 + 100 * keys.size())));
    out += '[';
    for (size_t first = 0; first < buckets; first += per) {
        mergePoint(columns, first, std::min(buckets, first + per), point);
        if (first > 0)
            out += ',';
        // The keys in Qt's order (sorted): count, max, metrics, min, time.
        out += "{\"count\":";
        appendColumnMetrics(out, keys, point, [](const MetricStats &s) { return double(s.count); });
        out += ",\"max\":";
        appendColumnMetrics(out, keys, point, [](const MetricStats &s) { return s.max; });
        out += ",\"metrics\":";
        appendColumnMetrics(out, keys, point, [](const MetricStats &s) { return s.average(); });
        out += ",\"min\":";
        appendColumnMetrics(out, keys, point, [](const MetricStats &s) { return s.min; });
        out += ",\"time\":";
        appendTime(out, columns.starts[first]);
        out += '}';
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
