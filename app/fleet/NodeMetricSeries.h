#pragma once

#include "client/NodeTypes.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace hm::app {

// What the node detail's charts draw, computed from one answer of
// GET /nodes/{id}/metrics without any widget (TestNodeMetricSeries checks
// it): per chart, per line, the points in runs without gaps (an agent
// that was offline leaves a hole, not a straight line across it) and, for
// rollup tiers, the band between each bucket's minimum and maximum.
// x is milliseconds since the epoch (QDateTimeAxis's unit), y the value
// in the chart's unit (percent, load, bytes per second).
class NodeMetricSeries
{
public:
    enum class Chart
    {
        Cpu,     // cpu_usage (%)
        Memory,  // memory and swap used (% of their totals)
        Disk,    // disk used (% of total)
        Load,    // load averages 1, 5, 15 minutes
        Network, // received / sent (bytes/s)
        DiskIo,  // read / written (bytes/s)
    };
    static constexpr int kChartCount = 6;

    enum class Unit
    {
        Percent,
        Load,
        BytesPerSecond
    };

    // One line of a chart (e.g. "swap" on Memory).
    struct Line
    {
        QString key;                   // stable id: "cpu", "memory", "swap", "load1", …
        QList<QList<QPointF>> runs;    // value (rollups: the average), oldest first
        QList<QList<QPointF>> lowRuns; // rollups: minimum, same shape as runs
        QList<QList<QPointF>> highRuns;
        bool isEmpty() const { return runs.isEmpty(); }
    };

    struct ChartData
    {
        Chart chart = Chart::Cpu;
        Unit unit = Unit::Percent;
        QList<Line> lines;
        double maxValue = 0; // largest value drawn (high band included), for the axis
        bool hasData() const;
    };

    // The metric names the charts read (GET …/metrics?metrics=).
    static QStringList metricNames();
    static Unit unitOf(Chart chart);
    // The line keys of a chart, in drawing order.
    static QStringList lineKeys(Chart chart);

    // Gaps: a missing rollup bucket; raw reports further apart than three
    // of their median spacings (the agent's interval is its own).
    static NodeMetricSeries from(const client::NodeMetrics &metrics);

    const ChartData &chart(Chart chart) const { return m_charts[int(chart)]; }
    bool isRollup() const { return m_rollup; }
    bool isEmpty() const;
    // First and last sample time (ms since epoch); 0 when empty.
    qint64 firstMs() const { return m_firstMs; }
    qint64 lastMs() const { return m_lastMs; }
    // Two neighbouring points further apart than this are not joined.
    qint64 gapMs() const { return m_gapMs; }

    // The bucket length of a tier name in ms (raw: 0).
    static qint64 bucketMsOf(const QString &tier);

private:
    ChartData m_charts[kChartCount];
    bool m_rollup = false;
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
    qint64 m_gapMs = 0;
};

} // namespace hm::app
