#include "fleet/MetricPack.h"

#include "fleet/Varint.h"

#include <QSet>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

namespace hm::fleet {
namespace {

constexpr char kMinuteMagic = 'M';
constexpr char kBucketMagic = 'B';
constexpr char kVersion = 1;
// Values are clamped to this many steps: a delta never overflows, and a
// step count turned into a value and back is the same count.
constexpr qint64 kMaxSteps = qint64(1) << 50;
// More names than a report may carry times a generous margin: a count
// above it is damage, not data.
constexpr quint64 kMaxNames = 65536;
constexpr quint64 kMaxNameBytes = 256;

void putName(QByteArray &out, const QString &name)
{
    const QByteArray utf8 = name.toUtf8();
    putVarint(out, quint64(utf8.size()));
    out.append(utf8);
}

// Reads what putVarint and friends wrote; every read checks the bytes left.
class Reader
{
public:
    explicit Reader(const QByteArray &bytes) : m_bytes(bytes) {}

    bool varint(quint64 *value) { return advance(readVarint, value); }
    bool zigzag(qint64 *value) { return advance(readZigzag, value); }
    bool bytes(qsizetype count, QByteArrayView *out)
    {
        if (count < 0 || count > m_bytes.size() - m_at)
            return false;
        *out = QByteArrayView(m_bytes).sliced(m_at, count);
        m_at += count;
        return true;
    }
    bool name(QString *out)
    {
        quint64 length = 0;
        QByteArrayView utf8;
        if (!varint(&length) || length == 0 || length > kMaxNameBytes ||
            !bytes(qsizetype(length), &utf8))
            return false;
        *out = QString::fromUtf8(utf8);
        return true;
    }
    qsizetype position() const { return m_at; }
    bool atEnd() const { return m_at == m_bytes.size(); }

private:
    template <typename T> bool advance(bool (*read)(const char *&, const char *, T *), T *value)
    {
        const char *begin = m_bytes.constData();
        const char *at = begin + m_at;
        const bool ok = read(at, begin + m_bytes.size(), value);
        m_at = at - begin;
        return ok;
    }

    const QByteArray &m_bytes;
    qsizetype m_at = 0;
};

Error damaged(const QString &what)
{
    return Error{ErrorCode::DbCorrupt,
                 QStringLiteral("a packed metric blob is damaged: %1").arg(what)};
}

bool inRange(qint64 steps)
{
    return steps >= -kMaxSteps && steps <= kMaxSteps;
}

// What decoding a minute yields: its samples and where its body begins.
struct DecodedMinute
{
    QStringList names;
    std::vector<qint64> previous;
    QList<PackedSample> samples;
    qint64 values = 0;
    qint64 lastTime = 0;
    qint64 lastSeq = 0;
    qsizetype bodyStart = 0;
};

Result<DecodedMinute> decodeMinute(const QByteArray &packed)
{
    Reader in(packed);
    QByteArrayView head;
    if (!in.bytes(2, &head) || head.at(0) != kMinuteMagic)
        return damaged(QStringLiteral("not a packed minute"));
    if (head.at(1) != kVersion)
        return damaged(QStringLiteral("unknown version %1").arg(int(head.at(1))));
    DecodedMinute minute;
    quint64 nameCount = 0;
    if (!in.varint(&nameCount) || nameCount > kMaxNames)
        return damaged(QStringLiteral("name count"));
    std::vector<MetricResolution> resolutions;
    QSet<QString> seen;
    for (quint64 i = 0; i < nameCount; ++i) {
        QString name;
        if (!in.name(&name) || seen.contains(name))
            return damaged(QStringLiteral("name %1").arg(i));
        seen.insert(name);
        resolutions.push_back(metricResolution(name));
        minute.names.append(name);
    }
    quint64 sampleCount = 0;
    // A sample takes at least four bytes: a count is bounded by the rest.
    if (!in.varint(&sampleCount) || sampleCount > quint64(packed.size()))
        return damaged(QStringLiteral("sample count"));
    minute.bodyStart = in.position();
    minute.previous.assign(minute.names.size(), 0);
    quint64 known = 0;
    for (quint64 s = 0; s < sampleCount; ++s) {
        quint64 n = 0;
        qint64 dTime = 0;
        qint64 dSeq = 0;
        if (!in.varint(&n) || n < known || n > nameCount || !in.zigzag(&dTime) || !in.zigzag(&dSeq))
            return damaged(QStringLiteral("sample %1").arg(s));
        known = n;
        QByteArrayView bitmap;
        if (!in.bytes(qsizetype((n + 7) / 8), &bitmap))
            return damaged(QStringLiteral("sample %1's bitmap").arg(s));
        PackedSample sample;
        sample.timeMs = minute.lastTime + dTime;
        sample.seq = minute.lastSeq + dSeq;
        for (quint64 i = 0; i < n; ++i) {
            if (!(quint8(bitmap.at(qsizetype(i / 8))) & (1u << (i % 8))))
                continue;
            qint64 delta = 0;
            if (!in.zigzag(&delta) || !inRange(delta / 2))
                return damaged(QStringLiteral("sample %1's value %2").arg(s).arg(i));
            const qint64 q = minute.previous[i] + delta;
            if (!inRange(q))
                return damaged(QStringLiteral("sample %1's value %2").arg(s).arg(i));
            minute.previous[i] = q;
            sample.metrics.append({minute.names.at(qsizetype(i)), resolutions[i].value(q)});
            ++minute.values;
        }
        minute.lastTime = sample.timeMs;
        minute.lastSeq = sample.seq;
        minute.samples.append(std::move(sample));
    }
    if (!in.atEnd())
        return damaged(QStringLiteral("bytes after the last sample"));
    return minute;
}

bool startsWith(const QString &name, const char *prefix)
{
    return name.startsWith(QLatin1String(prefix));
}

bool endsWith(const QString &name, const char *suffix)
{
    return name.endsWith(QLatin1String(suffix));
}

} // namespace

qint64 MetricResolution::quantise(double value) const
{
    if (!std::isfinite(value))
        return 0;
    const double scaled = perUnit > 0 ? value * double(perUnit) : value / double(-perUnit);
    const double clamped = std::clamp(scaled, -double(kMaxSteps), double(kMaxSteps));
    return qint64(std::llround(clamped));
}

double MetricResolution::value(qint64 steps) const
{
    return perUnit > 0 ? double(steps) / double(perUnit) : double(steps) * double(-perUnit);
}

MetricResolution metricResolution(const QString &name)
{
    // Percentages, loads and temperatures: hundredths.
    if (name == QLatin1String("cpu_usage") || startsWith(name, "cpu.") ||
        startsWith(name, "load") || startsWith(name, "temp.") || endsWith(name, "_percent"))
        return {100};
    // Memory and disk sizes: the kernel counts them in KiB or blocks.
    if (startsWith(name, "memory_") || startsWith(name, "swap_") ||
        name == QLatin1String("disk_total") || name == QLatin1String("disk_used") ||
        (startsWith(name, "disk.") && (endsWith(name, ".total") || endsWith(name, ".used"))))
        return {-1024};
    // Rates in bytes per second and counts: whole units.
    if (endsWith(name, "_bps") || name == QLatin1String("network_in") ||
        name == QLatin1String("network_out") || name == QLatin1String("tcp_connections") ||
        name == QLatin1String("processes") || name == QLatin1String("uptime"))
        return {1};
    return {1000};
}

Result<MinutePackWriter> MinutePackWriter::resume(const QByteArray &packed)
{
    auto decoded = decodeMinute(packed);
    if (!decoded)
        return decoded.error();
    DecodedMinute &minute = decoded.value();
    MinutePackWriter writer;
    writer.m_names = minute.names;
    for (qsizetype i = 0; i < minute.names.size(); ++i)
        writer.m_index.insert(minute.names.at(i), int(i));
    for (const QString &name : std::as_const(minute.names))
        writer.m_resolutions.push_back(metricResolution(name));
    writer.m_previous = std::move(minute.previous);
    writer.m_prevTime = minute.lastTime;
    writer.m_prevSeq = minute.lastSeq;
    writer.m_samples = int(minute.samples.size());
    writer.m_values = minute.values;
    writer.m_body = packed.sliced(minute.bodyStart);
    return writer;
}

void MinutePackWriter::append(qint64 timeMs, qint64 seq, const QList<MetricValue> &metrics)
{
    // The value of each name, the last one when a name repeats. An agent
    // sends the same names in the same order report after report: the
    // name at the same place in the previous report is tried before the
    // hash, and indices that come out ascending need no sorting.
    m_present.clear();
    m_present.reserve(size_t(metrics.size()));
    bool ascending = true;
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        const MetricValue &metric = metrics.at(i);
        int index = -1;
        if (size_t(i) < m_order.size() && m_names.at(m_order[size_t(i)]) == metric.name) {
            index = m_order[size_t(i)];
        } else if (auto found = m_index.constFind(metric.name); found != m_index.constEnd()) {
            index = found.value();
        } else {
            index = int(m_names.size());
            m_index.insert(metric.name, index);
            m_names.append(metric.name);
            m_resolutions.push_back(metricResolution(metric.name));
            m_previous.push_back(0);
        }
        if (size_t(i) < m_order.size())
            m_order[size_t(i)] = index;
        else
            m_order.push_back(index);
        ascending = ascending && (m_present.empty() || index > m_present.back().first);
        m_present.emplace_back(index, m_resolutions[size_t(index)].quantise(metric.value));
    }
    m_order.resize(size_t(metrics.size()));
    if (!ascending) {
        std::stable_sort(m_present.begin(), m_present.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        const auto last = std::unique(m_present.rbegin(), m_present.rend(),
                                      [](const auto &a, const auto &b) { return a.first == b.first; });
        m_present.erase(m_present.begin(), last.base());
    }

    const int known = int(m_names.size());
    putVarint(m_body, quint64(known));
    putZigzag(m_body, timeMs - m_prevTime);
    putZigzag(m_body, seq - m_prevSeq);
    const qsizetype bitmapAt = m_body.size();
    const qsizetype bitmapBytes = (known + 7) / 8;
    m_body.resize(bitmapAt + bitmapBytes);
    char *bitmap = m_body.data() + bitmapAt;
    std::memset(bitmap, 0, size_t(bitmapBytes));
    for (const auto &[index, q] : m_present)
        bitmap[index / 8] = char(quint8(bitmap[index / 8]) | (1u << (index % 8)));
    for (const auto &[index, q] : m_present) {
        putZigzag(m_body, q - m_previous[size_t(index)]);
        m_previous[size_t(index)] = q;
    }
    m_prevTime = timeMs;
    m_prevSeq = seq;
    ++m_samples;
    m_values += qint64(m_present.size());
}

QByteArray MinutePackWriter::packed() const
{
    QByteArray out;
    out.reserve(m_body.size() + 16 + m_names.size() * 16);
    out.append(kMinuteMagic);
    out.append(kVersion);
    putVarint(out, quint64(m_names.size()));
    for (const QString &name : m_names)
        putName(out, name);
    putVarint(out, quint64(m_samples));
    out.append(m_body);
    return out;
}

Result<QList<PackedSample>> unpackMinute(const QByteArray &packed)
{
    auto decoded = decodeMinute(packed);
    if (!decoded)
        return decoded.error();
    return std::move(decoded.value().samples);
}

void MetricStats::add(double value)
{
    if (count == 0) {
        min = max = value;
    } else {
        min = std::min(min, value);
        max = std::max(max, value);
    }
    sum += value;
    ++count;
}

void MetricStats::merge(const MetricStats &other)
{
    if (other.count == 0)
        return;
    if (count == 0) {
        *this = other;
        return;
    }
    min = std::min(min, other.min);
    max = std::max(max, other.max);
    sum += other.sum;
    count += other.count;
}

BucketStats summarise(const QList<PackedSample> &samples)
{
    BucketStats stats;
    for (const PackedSample &sample : samples) {
        for (const MetricValue &metric : sample.metrics)
            stats[metric.name].add(metric.value);
    }
    return stats;
}

QByteArray packBucket(const BucketStats &stats)
{
    QStringList names = stats.keys();
    names.sort(); // the same stats always pack to the same bytes
    QByteArray out;
    out.append(kBucketMagic);
    out.append(kVersion);
    putVarint(out, quint64(names.size()));
    for (const QString &name : names) {
        const MetricStats &s = stats.value(name);
        const MetricResolution resolution = metricResolution(name);
        const qint64 qMin = resolution.quantise(s.min);
        const qint64 qMax = std::max(qMin, resolution.quantise(s.max));
        const qint64 qAvg = std::clamp(resolution.quantise(s.average()), qMin, qMax);
        putName(out, name);
        putVarint(out, quint64(std::max<qint64>(0, s.count)));
        putZigzag(out, qMin);
        putVarint(out, quint64(qMax - qMin));
        putVarint(out, quint64(qAvg - qMin));
    }
    return out;
}

Result<BucketStats> unpackBucket(const QByteArray &packed)
{
    BucketDecoder decoder;
    BucketStats stats;
    if (const Status decoded = decoder.decode(
            packed, [&stats](const QString &name, const MetricStats &s) { stats.insert(name, s); });
        !decoded)
        return decoded.error();
    return stats;
}

BucketDecoder::BucketDecoder(QSet<QString> only) : m_only(std::move(only)) {}

Status BucketDecoder::decode(
    const QByteArray &packed,
    const std::function<void(const QString &name, const MetricStats &stats)> &visit)
{
    Reader in(packed);
    QByteArrayView head;
    if (!in.bytes(2, &head) || head.at(0) != kBucketMagic)
        return damaged(QStringLiteral("not a packed bucket"));
    if (head.at(1) != kVersion)
        return damaged(QStringLiteral("unknown version %1").arg(int(head.at(1))));
    quint64 count = 0;
    if (!in.varint(&count) || count > kMaxNames)
        return damaged(QStringLiteral("name count"));
    // A name twice is damage. The packer writes them sorted, so a name after
    // a greater or equal one is looked up among those before it.
    QByteArrayView previous;
    std::optional<QSet<QByteArrayView>> seen;
    for (quint64 i = 0; i < count; ++i) {
        quint64 length = 0;
        QByteArrayView utf8;
        quint64 samples = 0;
        qint64 qMin = 0;
        quint64 span = 0;
        quint64 aboveMin = 0;
        if (!in.varint(&length) || length == 0 || length > kMaxNameBytes ||
            !in.bytes(qsizetype(length), &utf8) || !in.varint(&samples) || !in.zigzag(&qMin) ||
            !in.varint(&span) || !in.varint(&aboveMin) || !inRange(qMin) ||
            span > quint64(2 * kMaxSteps) || aboveMin > span ||
            samples > quint64(std::numeric_limits<qint64>::max() / 2))
            return damaged(QStringLiteral("metric %1").arg(i));
        if (i > 0 && !seen && !(previous < utf8)) {
            seen.emplace();
            // Every name so far is still in the blob, in m_slots' first i places.
            for (quint64 k = 0; k < i; ++k)
                seen->insert(QByteArrayView(m_slots[size_t(k)].utf8));
        }
        if (seen) {
            if (seen->contains(utf8))
                return damaged(QStringLiteral("metric %1 named twice").arg(i));
            seen->insert(utf8);
        }
        previous = utf8;
        if (m_slots.size() <= i)
            m_slots.emplace_back();
        Slot &slot = m_slots[size_t(i)];
        if (QByteArrayView(slot.utf8) != utf8) {
            slot.utf8 = utf8.toByteArray();
            slot.name = QString::fromUtf8(utf8);
            slot.resolution = metricResolution(slot.name);
            slot.kept = m_only.isEmpty() || m_only.contains(slot.name);
        }
        if (!slot.kept)
            continue;
        MetricStats s;
        s.count = qint64(samples);
        s.min = slot.resolution.value(qMin);
        s.max = slot.resolution.value(qMin + qint64(span));
        s.sum = slot.resolution.value(qMin + qint64(aboveMin)) * double(s.count);
        visit(slot.name, s);
    }
    if (!in.atEnd())
        return damaged(QStringLiteral("bytes after the last metric"));
    return {};
}

} // namespace hm::fleet
