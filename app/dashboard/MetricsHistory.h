#pragma once

#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <vector>

namespace hm::app {

// The host metrics of the last minutes, from /ws/events system_status
// messages: a ring of fixed capacity (memory stays bounded however long the
// console runs) that also forgets samples older than the window. Network
// counters arrive cumulative and are kept as rates (bytes per second).
class MetricsHistory
{
public:
    struct Sample
    {
        qint64 ms = 0;   // when (server message time, else arrival)
        double cpu = -1; // percent; -1 = unknown
        double memory = -1;
        double disk = -1;
        double sentPerSecond = -1;
        double receivedPerSecond = -1;
    };
    enum class Series
    {
        Cpu,
        Memory,
        Disk,
        Sent,
        Received
    };

    static constexpr qint64 kWindowMs = 15 * 60 * 1000;
    // 15 minutes at one sample per second, with room to spare.
    static constexpr int kDefaultCapacity = 1024;

    explicit MetricsHistory(int capacity = kDefaultCapacity, qint64 windowMs = kWindowMs);

    // One system_status message's data at `ms`.
    void add(qint64 ms, const QJsonObject &data);
    void add(const Sample &sample);

    int size() const { return m_size; }
    int capacity() const { return int(m_ring.size()); }
    bool isEmpty() const { return m_size == 0; }
    // Oldest first.
    Sample at(int index) const;
    const Sample &latest() const;
    // (minutes relative to `nowMs`, value) of one series, oldest first,
    // unknown values left out.
    QList<QPointF> points(Series series, qint64 nowMs) const;
    // Largest network rate in the window (for the axis), 0 when none.
    double maxRate() const;

private:
    void dropOlderThan(qint64 ms);

    std::vector<Sample> m_ring;
    qint64 m_windowMs;
    int m_first = 0; // index of the oldest sample
    int m_size = 0;
    qint64 m_lastSent = -1;
    qint64 m_lastReceived = -1;
    qint64 m_lastNetMs = 0;
};

} // namespace hm::app
