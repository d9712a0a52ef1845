#pragma once

#include <QList>
#include <QtGlobal>
#include <array>

namespace hm::app {

// One metric of one node as the Nodes list draws it: the last 15 minutes
// in 30 points of 30 s (console.md "Fleet: Nodes and Alerts"), aligned to
// the server's buckets (GET /nodes/sparklines), then extended by the live
// values of /ws/events' node_metrics: a value joins the average of its
// 30 s, a value of a later 30 s moves the window on. A fixed ring, no
// allocation per value. -1: nothing in that 30 s.
class NodeSparkSeries
{
public:
    static constexpr int kPoints = 30;
    static constexpr qint64 kStepMs = 30 * 1000;

    // The server's points, the last one the 30 s starting at `endMs`;
    // replaces what was there (the server's averages count every report,
    // the live values only every batch's newest).
    void setSeries(qint64 endMs, const QList<double> &points);
    // A live value taken at `timeMs`; false when it changes nothing drawn
    // (a value older than the window, or -1).
    bool addLive(qint64 timeMs, double value);

    // Oldest first, kPoints of them (-1: none); empty before any data.
    QList<double> points() const;
    // The newest value (-1: none yet).
    double current() const { return m_current; }
    bool isEmpty() const { return m_last < 0; }

private:
    static int slotOf(qint64 bucket) { return int(((bucket % kPoints) + kPoints) % kPoints); }
    void moveTo(qint64 bucket);

    std::array<double, kPoints> m_sum{};
    std::array<int, kPoints> m_count{};
    qint64 m_last = -1; // the bucket of the newest point
    qint64 m_currentAt = -1;
    double m_current = -1;
};

} // namespace hm::app
