#include "server/services/fleet/ReportLogRecord.h"

#include <QtEndian>
#include <cstring>

namespace hm::server::fleet {

namespace {

constexpr char kWithNames = 1;
constexpr qsizetype kMaxValues = 4096;

void putVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char(value | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

bool getVarint(QByteArrayView data, qsizetype &at, quint64 &value)
{
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (at >= data.size())
            return false;
        const auto byte = quint8(data[at++]);
        value |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

Error corrupt(const char *what)
{
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("report log record: %1").arg(QLatin1String(what))};
}

} // namespace

bool sameMetricNames(const QStringList &names, const QList<hm::fleet::MetricValue> &metrics)
{
    if (names.size() != metrics.size())
        return false;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (names.at(i) != metrics.at(i).name)
            return false;
    }
    return true;
}

QByteArray encodeReportLogRecord(const hm::fleet::ReportMessage &report, bool withNames)
{
    QByteArray out;
    out.reserve(32 + report.metrics.size() * (withNames ? 28 : 8));
    out.append(withNames ? kWithNames : char(0));
    putVarint(out, quint64(std::max<qint64>(report.seq, 0)));
    putVarint(out, quint64(std::max<qint64>(report.timeMs, 0)));
    putVarint(out, quint64(report.metrics.size()));
    if (withNames) {
        // Names are [a-z0-9_.:-], at most 64 characters (AgentProtocol.h).
        for (const hm::fleet::MetricValue &m : report.metrics) {
            const QByteArray name = m.name.toLatin1();
            out.append(char(std::min<qsizetype>(name.size(), 255)));
            out.append(name.left(255));
        }
    }
    const qsizetype at = out.size();
    out.resize(at + report.metrics.size() * 8);
    char *p = out.data() + at;
    for (const hm::fleet::MetricValue &m : report.metrics) {
        quint64 bits = 0;
        std::memcpy(&bits, &m.value, 8);
        qToLittleEndian(bits, p);
        p += 8;
    }
    return out;
}

Result<hm::fleet::ReportMessage> decodeReportLogRecord(QByteArrayView data, QStringList &names)
{
    if (data.isEmpty() || (data[0] & ~kWithNames) != 0)
        return corrupt("unknown flags");
    const bool withNames = data[0] & kWithNames;
    qsizetype at = 1;
    quint64 seq = 0;
    quint64 time = 0;
    quint64 count = 0;
    if (!getVarint(data, at, seq) || !getVarint(data, at, time) || !getVarint(data, at, count))
        return corrupt("cut short");
    if (count > quint64(kMaxValues) || seq > quint64(std::numeric_limits<qint64>::max()) ||
        time > quint64(std::numeric_limits<qint64>::max()))
        return corrupt("out of range");
    if (withNames) {
        QStringList read;
        read.reserve(qsizetype(count));
        for (quint64 i = 0; i < count; ++i) {
            if (at >= data.size())
                return corrupt("cut short");
            const auto length = qsizetype(quint8(data[at++]));
            if (at + length > data.size())
                return corrupt("cut short");
            read.append(QString::fromLatin1(data.sliced(at, length)));
            at += length;
        }
        names = std::move(read);
    } else if (quint64(names.size()) != count) {
        return corrupt("names missing");
    }
    if (data.size() - at != qsizetype(count) * 8)
        return corrupt("wrong length");
    hm::fleet::ReportMessage report;
    report.seq = qint64(seq);
    report.timeMs = qint64(time);
    report.metrics.reserve(qsizetype(count));
    for (qsizetype i = 0; i < qsizetype(count); ++i) {
        const quint64 bits = qFromLittleEndian<quint64>(data.data() + at + i * 8);
        double value = 0;
        std::memcpy(&value, &bits, 8);
        report.metrics.append({names.at(i), value});
    }
    return report;
}

} // namespace hm::server::fleet
