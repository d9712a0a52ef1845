#include "fleet/MetricDayPack.h"

#include "fleet/Varint.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace hm::fleet {
namespace {

// Names unique to this file: the target is built in unity batches with
// MetricPack.cpp, whose helpers live in an anonymous namespace too.
constexpr char kDayMagic = 'D';
constexpr char kDayVersion = 1;
constexpr qint64 kDayMaxSteps = qint64(1) << 50;
constexpr quint64 kDayMaxNames = 65536;
constexpr quint64 kDayMaxNameBytes = 256;
// Ranges of up to this many buckets have their columns reserved whole (a
// year of 1-hour buckets is 8,760, 90 days of 15-minute ones 8,640); an
// open range (unpackDay()) grows as it reads.
constexpr quint64 kReserveAtMost = 20000;

// Reads a day blob; every read checks the bytes left. Inline on the raw
// pointer: a year of 40 metrics is ~1.4 M varints.
class DayReader
{
public:
    DayReader(const char *begin, const char *end) : m_at(begin), m_end(end) {}

    bool varint(quint64 *value) { return readVarint(m_at, m_end, value); }
    bool zigzag(qint64 *value) { return readZigzag(m_at, m_end, value); }
    bool bytes(quint64 count, const char **out)
    {
        if (count > quint64(m_end - m_at))
            return false;
        *out = m_at;
        m_at += count;
        return true;
    }
    bool atEnd() const { return m_at == m_end; }

private:
    const char *m_at;
    const char *m_end;
};

Error dayDamaged(const QString &what)
{
    return Error{ErrorCode::DbCorrupt,
                 QStringLiteral("a packed metric day is damaged: %1").arg(what)};
}

bool dayInRange(qint64 steps)
{
    return steps >= -kDayMaxSteps && steps <= kDayMaxSteps;
}

// The quantised form of a bucket's statistics, as packBucket() writes it.
struct QuantisedStats
{
    qint64 count = 0;
    qint64 qMin = 0;
    qint64 span = 0;
    qint64 aboveMin = 0;
};

QuantisedStats quantiseStats(const MetricStats &s, const MetricResolution &resolution)
{
    const qint64 qMin = resolution.quantise(s.min);
    const qint64 qMax = std::max(qMin, resolution.quantise(s.max));
    const qint64 qAvg = std::clamp(resolution.quantise(s.average()), qMin, qMax);
    return {std::max<qint64>(0, s.count), qMin, qMax - qMin, qAvg - qMin};
}

// The header of a day: its bucket starts.
struct DayHeader
{
    qint64 length = 0;
    std::vector<qint64> starts;
};

bool readDayHeader(DayReader &in, const QByteArray &packed, qint64 day, DayHeader *header)
{
    const char *head = nullptr;
    if (packed.size() < 2 || !in.bytes(2, &head) || head[0] != kDayMagic || head[1] != kDayVersion)
        return false;
    quint64 length = 0;
    quint64 buckets = 0;
    if (!in.varint(&length) || length == 0 || length > quint64(kSecondsPerDay) ||
        kSecondsPerDay % qint64(length) != 0 || !in.varint(&buckets) ||
        buckets > quint64(kSecondsPerDay) / length)
        return false;
    header->length = qint64(length);
    header->starts.clear();
    header->starts.reserve(size_t(buckets));
    const quint64 slotCount = quint64(kSecondsPerDay) / length;
    quint64 slot = 0;
    for (quint64 b = 0; b < buckets; ++b) {
        quint64 step = 0;
        if (!in.varint(&step))
            return false;
        slot = b == 0 ? step : slot + 1 + step;
        if (step >= slotCount || slot >= slotCount)
            return false;
        header->starts.push_back(day + qint64(slot) * qint64(length));
    }
    return true;
}

// Decodes one column's values; visit(bucket index, stats) for each
// present one.
template <typename Visit>
bool readColumn(const char *begin, const char *end, const MetricResolution &resolution,
                size_t buckets, Visit visit)
{
    DayReader in(begin, end);
    const char *bitmap = nullptr;
    if (!in.bytes((buckets + 7) / 8, &bitmap))
        return false;
    qint64 count = 0;
    qint64 qMin = 0;
    // MetricResolution::value() here, where it can be inlined (a year of
    // 40 metrics is 1 M conversions): the same operations, the same doubles.
    const qint64 perUnit = resolution.perUnit;
    const auto value = [perUnit](qint64 steps) {
        return perUnit > 0 ? double(steps) / double(perUnit) : double(steps) * double(-perUnit);
    };
    for (size_t b = 0; b < buckets; ++b) {
        if (!(quint8(bitmap[b / 8]) & (1u << (b % 8))))
            continue;
        qint64 dCount = 0;
        qint64 dMin = 0;
        quint64 span = 0;
        quint64 aboveMin = 0;
        // Deltas bounded before they are added: no overflow from damage.
        constexpr qint64 kMaxCount = std::numeric_limits<qint64>::max() / 2;
        if (!in.zigzag(&dCount) || !in.zigzag(&dMin) || !in.varint(&span) ||
            !in.varint(&aboveMin) || dCount < -kMaxCount || dCount > kMaxCount ||
            dMin < -2 * kDayMaxSteps || dMin > 2 * kDayMaxSteps)
            return false;
        count += dCount;
        qMin += dMin;
        if (count < 0 || count > kMaxCount || !dayInRange(qMin) ||
            span > quint64(2 * kDayMaxSteps) || aboveMin > span)
            return false;
        MetricStats s;
        s.count = count;
        s.min = value(qMin);
        s.max = value(qMin + qint64(span));
        s.sum = value(qMin + qint64(aboveMin)) * double(count);
        visit(b, s);
    }
    return in.atEnd();
}

} // namespace

qint64 dayOf(qint64 bucketStart)
{
    const qint64 q = bucketStart / kSecondsPerDay;
    return (bucketStart % kSecondsPerDay != 0 && bucketStart < 0 ? q - 1 : q) * kSecondsPerDay;
}

QByteArray packDay(qint64 day, qint64 length, const QMap<qint64, BucketStats> &buckets)
{
    QByteArray out;
    out.append(kDayMagic);
    out.append(kDayVersion);
    putVarint(out, quint64(length));
    putVarint(out, quint64(buckets.size()));
    qint64 previous = -1;
    QMap<QByteArray, QString> names; // by UTF-8 bytes: the order the format wants
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const qint64 slot = (it.key() - day) / length;
        putVarint(out, quint64(previous < 0 ? slot : slot - previous - 1));
        previous = slot;
        for (auto m = it.value().cbegin(); m != it.value().cend(); ++m)
            names.insert(m.key().toUtf8(), m.key());
    }
    putVarint(out, quint64(names.size()));
    const qsizetype bitmapBytes = (buckets.size() + 7) / 8;
    QByteArray column;
    for (auto n = names.cbegin(); n != names.cend(); ++n) {
        const MetricResolution resolution = metricResolution(n.value());
        column.clear();
        column.append(bitmapBytes, '\0');
        qint64 count = 0;
        qint64 qMin = 0;
        qsizetype b = 0;
        for (auto it = buckets.cbegin(); it != buckets.cend(); ++it, ++b) {
            const auto found = it.value().constFind(n.value());
            if (found == it.value().cend())
                continue;
            column[b / 8] = char(quint8(column.at(b / 8)) | (1u << (b % 8)));
            const QuantisedStats q = quantiseStats(found.value(), resolution);
            putZigzag(column, q.count - count);
            putZigzag(column, q.qMin - qMin);
            putVarint(column, quint64(q.span));
            putVarint(column, quint64(q.aboveMin));
            count = q.count;
            qMin = q.qMin;
        }
        putVarint(out, quint64(n.key().size()));
        out.append(n.key());
        putVarint(out, quint64(column.size()));
        out.append(column);
    }
    return out;
}

Result<QMap<qint64, BucketStats>> unpackDay(qint64 day, const QByteArray &packed)
{
    BucketColumnsBuilder builder({}, std::numeric_limits<qint64>::min(),
                                 std::numeric_limits<qint64>::max());
    if (Status s = builder.addDay(day, packed); !s)
        return s.error();
    const BucketColumns columns = builder.finish();
    QMap<qint64, BucketStats> out;
    for (const qint64 start : columns.starts)
        out.insert(start, {});
    for (const BucketColumns::Column &c : columns.columns) {
        for (size_t i = 0; i < columns.starts.size(); ++i) {
            if (c.present[i])
                out[columns.starts[i]].insert(c.name, c.stats[i]);
        }
    }
    return out;
}

BucketColumnsBuilder::BucketColumnsBuilder(QSet<QString> only, qint64 from, qint64 to)
    : m_only(std::move(only)), m_from(from), m_to(to), m_bucketDecoder(m_only)
{}

int BucketColumnsBuilder::columnFor(QByteArrayView utf8, const QString *decoded)
{
    const QString name = decoded ? *decoded : QString::fromUtf8(utf8);
    if (!m_only.isEmpty() && !m_only.contains(name))
        return -1;
    const auto found = m_columnOf.constFind(name);
    if (found != m_columnOf.cend())
        return found.value();
    const int index = int(m_out.columns.size());
    m_out.columns.push_back({name, {}, {}});
    m_columnOf.insert(name, index);
    return index;
}

void BucketColumnsBuilder::put(int column, size_t entry, const MetricStats &stats)
{
    BucketColumns::Column &c = m_out.columns[size_t(column)];
    if (c.stats.size() <= entry) {
        c.stats.resize(m_out.starts.size());
        c.present.resize(m_out.starts.size(), 0);
    }
    c.stats[entry] = stats;
    c.present[entry] = 1;
}

void BucketColumnsBuilder::truncate(size_t entries)
{
    m_out.starts.resize(std::min(entries, m_out.starts.size()));
    m_fromBucket.resize(m_out.starts.size());
    for (BucketColumns::Column &c : m_out.columns) {
        if (c.stats.size() > entries) {
            c.stats.resize(entries);
            c.present.resize(entries);
        }
    }
}

Status BucketColumnsBuilder::addDay(qint64 day, const QByteArray &packed)
{
    const size_t before = m_out.starts.size();
    const bool wasSorted = m_sorted;
    Status read = readDay(day, packed);
    if (!read) {
        truncate(before);
        m_sorted = wasSorted;
    }
    return read;
}

Status BucketColumnsBuilder::readDay(qint64 day, const QByteArray &packed)
{
    DayReader in(packed.constData(), packed.constData() + packed.size());
    DayHeader header;
    if (!readDayHeader(in, packed, day, &header))
        return dayDamaged(QStringLiteral("not a day of buckets, or its buckets"));
    // The day's buckets within the range: a contiguous run of its starts.
    const size_t buckets = header.starts.size();
    size_t first = 0;
    while (first < buckets && header.starts[first] < m_from)
        ++first;
    size_t end = first;
    while (end < buckets && header.starts[end] <= m_to)
        ++end;
    // The entries a bounded range can hold, reserved once: a year's columns
    // grew by doubling (copies of up to 280 KB each) from 24 entries.
    size_t expected = 0;
    if (m_to >= m_from) {
        const quint64 span = quint64(m_to) - quint64(m_from);
        if (span / quint64(header.length) < kReserveAtMost)
            expected = size_t(span / quint64(header.length)) + 1;
    }
    if (m_out.starts.capacity() < expected) {
        m_out.starts.reserve(expected);
        m_fromBucket.reserve(expected);
    }
    const size_t base = m_out.starts.size();
    if (first < end && base > 0 && m_out.starts.back() >= header.starts[first])
        m_sorted = false;
    for (size_t b = first; b < end; ++b) {
        m_out.starts.push_back(header.starts[b]);
        m_fromBucket.push_back(0);
    }
    quint64 names = 0;
    if (!in.varint(&names) || names > kDayMaxNames)
        return dayDamaged(QStringLiteral("name count"));
    QByteArrayView previous;
    for (quint64 i = 0; i < names; ++i) {
        quint64 length = 0;
        const char *utf8 = nullptr;
        quint64 columnBytes = 0;
        const char *column = nullptr;
        if (!in.varint(&length) || length == 0 || length > kDayMaxNameBytes ||
            !in.bytes(length, &utf8) || !in.varint(&columnBytes) || !in.bytes(columnBytes, &column))
            return dayDamaged(QStringLiteral("metric %1").arg(i));
        const QByteArrayView name(utf8, qsizetype(length));
        // Strictly increasing: a name twice is damage.
        if (i > 0 && !(previous < name))
            return dayDamaged(QStringLiteral("metric %1 out of order or named twice").arg(i));
        previous = name;
        if (m_slots.size() <= i)
            m_slots.emplace_back();
        NameSlot &slot = m_slots[size_t(i)];
        if (QByteArrayView(slot.utf8) != name) {
            slot.utf8 = name.toByteArray();
            slot.column = columnFor(name, nullptr);
            if (slot.column >= 0)
                slot.resolution = metricResolution(m_out.columns[size_t(slot.column)].name);
        }
        // A column not asked for, or a day outside the range, is skipped
        // unread (its bytes are bounded above; a query of 4 metrics reads
        // 4 of 40 columns).
        if (slot.column < 0 || first == end)
            continue;
        // The column sized for this day's entries once, then written in
        // place (put() checked and grew it for each of 350,000 values).
        BucketColumns::Column &target = m_out.columns[size_t(slot.column)];
        if (target.stats.size() < m_out.starts.size()) {
            if (target.stats.capacity() < expected) {
                target.stats.reserve(expected);
                target.present.reserve(expected);
            }
            target.stats.resize(m_out.starts.size());
            target.present.resize(m_out.starts.size(), 0);
        }
        MetricStats *const stats = target.stats.data();
        quint8 *const present = target.present.data();
        const bool good = readColumn(column, column + columnBytes, slot.resolution, buckets,
                                     [&](size_t b, const MetricStats &s) {
                                         if (b >= first && b < end) {
                                             stats[base + (b - first)] = s;
                                             present[base + (b - first)] = 1;
                                         }
                                     });
        if (!good)
            return dayDamaged(QStringLiteral("metric %1's values").arg(i));
    }
    if (!in.atEnd())
        return dayDamaged(QStringLiteral("bytes after the last metric"));
    return {};
}

Status BucketColumnsBuilder::addBucket(qint64 start, const QByteArray &packed)
{
    const bool inRange = start >= m_from && start <= m_to;
    const size_t entry = m_out.starts.size();
    const bool wasSorted = m_sorted;
    if (inRange) {
        if (entry > 0 && m_out.starts.back() >= start)
            m_sorted = false;
        m_out.starts.push_back(start);
        m_fromBucket.push_back(1);
    }
    Status read = m_bucketDecoder.decode(packed, [&](const QString &name, const MetricStats &s) {
        if (!inRange)
            return;
        const int column = columnFor({}, &name);
        if (column >= 0)
            put(column, entry, s);
    });
    if (!read) {
        truncate(entry);
        m_sorted = wasSorted;
    }
    return read;
}

BucketColumns BucketColumnsBuilder::finish()
{
    const size_t entries = m_out.starts.size();
    for (BucketColumns::Column &c : m_out.columns) {
        c.stats.resize(entries);
        c.present.resize(entries, 0);
    }
    if (!m_sorted) {
        // By start; at the same start a single bucket (newer) wins over a
        // day's, and of two single buckets the later one.
        std::vector<size_t> order(entries);
        std::iota(order.begin(), order.end(), size_t(0));
        std::stable_sort(order.begin(), order.end(), [this](size_t a, size_t b) {
            if (m_out.starts[a] != m_out.starts[b])
                return m_out.starts[a] < m_out.starts[b];
            return m_fromBucket[a] < m_fromBucket[b];
        });
        std::vector<size_t> kept;
        kept.reserve(entries);
        for (size_t i = 0; i < order.size(); ++i) {
            if (i + 1 < order.size() && m_out.starts[order[i]] == m_out.starts[order[i + 1]])
                continue; // the next one replaces it
            kept.push_back(order[i]);
        }
        std::vector<qint64> starts;
        starts.reserve(kept.size());
        for (const size_t k : kept)
            starts.push_back(m_out.starts[k]);
        m_out.starts = std::move(starts);
        for (BucketColumns::Column &c : m_out.columns) {
            std::vector<MetricStats> stats;
            std::vector<quint8> present;
            stats.reserve(kept.size());
            present.reserve(kept.size());
            for (const size_t k : kept) {
                stats.push_back(c.stats[k]);
                present.push_back(c.present[k]);
            }
            c.stats = std::move(stats);
            c.present = std::move(present);
        }
    }
    // Columns of metrics present in no kept bucket go; the rest by name.
    std::erase_if(m_out.columns, [](const BucketColumns::Column &c) {
        return std::find(c.present.begin(), c.present.end(), quint8(1)) == c.present.end();
    });
    std::sort(m_out.columns.begin(), m_out.columns.end(),
              [](const BucketColumns::Column &a, const BucketColumns::Column &b) {
                  return a.name < b.name;
              });
    m_fromBucket.clear();
    m_columnOf.clear();
    m_slots.clear();
    m_sorted = true;
    return std::move(m_out);
}

} // namespace hm::fleet
