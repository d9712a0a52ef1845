#include "dashboard/MetricsHistory.h"

#include <algorithm>

namespace hm::app {

MetricsHistory::MetricsHistory(int capacity, qint64 windowMs)
    : m_ring(size_t(std::max(capacity, 2))), m_windowMs(windowMs)
{}

void MetricsHistory::add(qint64 ms, const QJsonObject &data)
{
    const auto number = [&data](const char *key) {
        const QJsonValue v = data.value(QLatin1String(key));
        return v.isDouble() ? v.toDouble() : -1.0;
    };
    Sample s;
    s.ms = ms;
    s.cpu = number("cpu_usage");
    s.memory = number("memory_usage");
    s.disk = number("disk_usage");
    const QJsonObject net = data.value(QStringLiteral("network_traffic")).toObject();
    if (!net.isEmpty()) {
        const qint64 sent = net.value(QStringLiteral("bytes_sent")).toInteger(-1);
        const qint64 received = net.value(QStringLiteral("bytes_recv")).toInteger(-1);
        const qint64 elapsed = ms - m_lastNetMs;
        // A rate needs a previous sample; a counter that went back (reboot,
        // interface gone) starts over.
        if (m_lastSent >= 0 && elapsed > 0 && sent >= m_lastSent && received >= m_lastReceived) {
            s.sentPerSecond = double(sent - m_lastSent) * 1000.0 / double(elapsed);
            s.receivedPerSecond = double(received - m_lastReceived) * 1000.0 / double(elapsed);
        }
        m_lastSent = sent;
        m_lastReceived = received;
        m_lastNetMs = ms;
    }
    add(s);
}

void MetricsHistory::add(const Sample &sample)
{
    const int capacity = int(m_ring.size());
    if (m_size == capacity) {
        m_ring[size_t(m_first)] = sample; // overwrite the oldest
        m_first = (m_first + 1) % capacity;
    } else {
        m_ring[size_t((m_first + m_size) % capacity)] = sample;
        ++m_size;
    }
    dropOlderThan(sample.ms - m_windowMs);
}

void MetricsHistory::dropOlderThan(qint64 ms)
{
    const int capacity = int(m_ring.size());
    while (m_size > 0 && m_ring[size_t(m_first)].ms < ms) {
        m_first = (m_first + 1) % capacity;
        --m_size;
    }
}

MetricsHistory::Sample MetricsHistory::at(int index) const
{
    return m_ring[size_t((m_first + index) % int(m_ring.size()))];
}

const MetricsHistory::Sample &MetricsHistory::latest() const
{
    static const Sample none;
    return m_size == 0 ? none : m_ring[size_t((m_first + m_size - 1) % int(m_ring.size()))];
}

QList<QPointF> MetricsHistory::points(Series series, qint64 nowMs) const
{
    QList<QPointF> result;
    result.reserve(m_size);
    for (int i = 0; i < m_size; ++i) {
        const Sample s = at(i);
        double v = -1;
        switch (series) {
        case Series::Cpu:
            v = s.cpu;
            break;
        case Series::Memory:
            v = s.memory;
            break;
        case Series::Disk:
            v = s.disk;
            break;
        case Series::Sent:
            v = s.sentPerSecond;
            break;
        case Series::Received:
            v = s.receivedPerSecond;
            break;
        }
        if (v >= 0)
            result.append(QPointF(double(s.ms - nowMs) / 60000.0, v));
    }
    return result;
}

double MetricsHistory::maxRate() const
{
    double most = 0;
    for (int i = 0; i < m_size; ++i) {
        const Sample s = at(i);
        most = std::max({most, s.sentPerSecond, s.receivedPerSecond});
    }
    return most;
}

} // namespace hm::app
