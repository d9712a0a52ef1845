#pragma once

// The LEB128 varint and zigzag encoding MetricPack and MetricDayPack share
// (their blob formats are described in their headers). Inline on raw
// pointers: decoding a year of metric days reads ~1.4 M varints, and a
// call per byte would show in BenchMetricHistoryYear.

#include <QByteArray>
#include <QtGlobal>

namespace hm::fleet {

inline void putVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

// Small magnitudes of either sign become small varints.
inline void putZigzag(QByteArray &out, qint64 value)
{
    putVarint(out, (quint64(value) << 1) ^ quint64(value >> 63));
}

// Reads one varint from [at, end) and advances at past it. False on a
// truncated or over-long (more than ten bytes) varint; *value is then
// untouched.
inline bool readVarint(const char *&at, const char *end, quint64 *value)
{
    quint64 result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (at == end)
            return false;
        const auto byte = quint8(*at++);
        result |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            *value = result;
            return true;
        }
    }
    return false;
}

inline bool readZigzag(const char *&at, const char *end, qint64 *value)
{
    quint64 raw = 0;
    if (!readVarint(at, end, &raw))
        return false;
    *value = qint64(raw >> 1) ^ -qint64(raw & 1);
    return true;
}

} // namespace hm::fleet
