#include "vpn/WgTrafficSeries.h"

#include <QMap>
#include <iterator>

namespace hm::app {

namespace {

// A year of minutes would be half a million points: more than a chart a
// few hundred pixels wide can show. Beyond this many buckets the zeros
// between traffic are only drawn at its edges.
constexpr qint64 kWgTrafficMaxFilled = 20000;

} // namespace

WgTrafficSeries::ByteUnit WgTrafficSeries::byteUnitFor(double maxBytes)
{
    static const ByteUnit units[] = {{1.0, "B"},
                                     {1024.0, "KiB"},
                                     {1024.0 * 1024, "MiB"},
                                     {1024.0 * 1024 * 1024, "GiB"},
                                     {1024.0 * 1024 * 1024 * 1024, "TiB"}};
    for (const ByteUnit &unit : units) {
        if (maxBytes < unit.divisor * 1024)
            return unit;
    }
    return units[std::size(units) - 1];
}

WgTrafficSeries WgTrafficSeries::from(const client::WgTraffic &traffic, qint64 startMs,
                                      qint64 endMs)
{
    WgTrafficSeries s;
    s.m_tier = traffic.tier;
    s.m_startMs = startMs;
    s.m_endMs = endMs;
    s.m_totalReceived = traffic.totalRxBytes;
    s.m_totalSent = traffic.totalTxBytes;
    s.m_bucketMs = qMax<qint64>(traffic.bucketSeconds, 0) * 1000;
    QMap<qint64, std::pair<qint64, qint64>> buckets;
    for (const client::WgTrafficBucket &b : traffic.items) {
        if (!b.time.isValid())
            continue;
        auto &slot = buckets[b.time.toMSecsSinceEpoch()];
        slot.first += b.rxBytes;
        slot.second += b.txBytes;
        s.m_receivedBytes += b.rxBytes;
        s.m_sentBytes += b.txBytes;
    }
    const auto add = [&s](qint64 at, qint64 rx, qint64 tx) {
        s.m_received.append(QPointF(double(at), double(rx)));
        s.m_sent.append(QPointF(double(at), double(tx)));
        s.m_maxBytes = qMax(s.m_maxBytes, qMax(rx, tx));
    };
    const qint64 step = s.m_bucketMs;
    if (step <= 0 || endMs < startMs || (endMs - startMs) / step > kWgTrafficMaxFilled) {
        // No grid to fill: zeros only beside each bucket, so a lone
        // bucket is a spike, not a line to the next one.
        for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
            const qint64 at = it.key();
            if (step > 0 && !buckets.contains(at - step))
                add(at - step, 0, 0);
            add(at, it.value().first, it.value().second);
            if (step > 0 && !buckets.contains(at + step))
                add(at + step, 0, 0);
        }
        return s;
    }
    // Buckets are aligned to their length since the epoch (the server's
    // trafficFloor); the first one may start before the range.
    // A bucket off that grid is not drawn (the server never sends one).
    const qint64 first = startMs - ((startMs % step) + step) % step;
    for (qint64 at = first; at <= endMs; at += step) {
        const auto it = buckets.constFind(at);
        if (it == buckets.cend())
            add(at, 0, 0);
        else
            add(at, it.value().first, it.value().second);
    }
    return s;
}

} // namespace hm::app
