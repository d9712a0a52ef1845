#pragma once

#include "client/WireGuardTypes.h"

#include <QList>
#include <QPointF>

namespace hm::app {

// What the traffic chart draws, computed from one answer of GET
// …/traffic without any widget (TestVpnTraffic checks it): a point per
// bucket from the range's start to its end, the buckets the server left
// out (no traffic) as zero, so a quiet stretch drops to the axis instead
// of being bridged by a straight line. x is milliseconds since the epoch
// (QDateTimeAxis's unit), y bytes in the bucket.
class WgTrafficSeries
{
public:
    // A byte unit that keeps an axis' labels below 1024.
    struct ByteUnit
    {
        double divisor = 1.0;
        const char *name = "B"; // B, KiB, MiB, GiB, TiB (IEC symbols: not translated)
    };
    static ByteUnit byteUnitFor(double maxBytes);

    // `startMs`/`endMs`: the range asked for (the answer's first bucket may
    // start before it: buckets are aligned to their length).
    static WgTrafficSeries from(const client::WgTraffic &traffic, qint64 startMs, qint64 endMs);

    const QList<QPointF> &received() const { return m_received; }
    const QList<QPointF> &sent() const { return m_sent; }
    qint64 bucketMs() const { return m_bucketMs; }
    QString tier() const { return m_tier; }
    // The largest bucket either way, for the axis.
    qint64 maxBytes() const { return m_maxBytes; }
    // Summed over the range shown.
    qint64 receivedBytes() const { return m_receivedBytes; }
    qint64 sentBytes() const { return m_sentBytes; }
    // Everything since the client was made (the answer's totals).
    qint64 totalReceived() const { return m_totalReceived; }
    qint64 totalSent() const { return m_totalSent; }
    bool hasTraffic() const { return m_receivedBytes > 0 || m_sentBytes > 0; }
    qint64 startMs() const { return m_startMs; }
    qint64 endMs() const { return m_endMs; }

private:
    QList<QPointF> m_received;
    QList<QPointF> m_sent;
    QString m_tier;
    qint64 m_bucketMs = 0;
    qint64 m_maxBytes = 0;
    qint64 m_receivedBytes = 0;
    qint64 m_sentBytes = 0;
    qint64 m_totalReceived = 0;
    qint64 m_totalSent = 0;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
};

} // namespace hm::app
