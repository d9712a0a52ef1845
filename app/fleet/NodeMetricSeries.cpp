#include "fleet/NodeMetricSeries.h"

#include <algorithm>

namespace hm::app {

namespace {

// One drawn line: a metric, optionally as a percentage of another.
struct LineSource
{
    const char *key;
    const char *value;
    const char *total; // nullptr: the value itself
};

struct ChartSource
{
    NodeMetricSeries::Chart chart;
    NodeMetricSeries::Unit unit;
    QList<LineSource> lines;
};

const QList<ChartSource> &chartSources()
{
    using C = NodeMetricSeries::Chart;
    using U = NodeMetricSeries::Unit;
    static const QList<ChartSource> sources{
        {C::Cpu, U::Percent, {{"cpu", "cpu_usage", nullptr}}},
        {C::Memory,
         U::Percent,
         {{"memory", "memory_used", "memory_total"}, {"swap", "swap_used", "swap_total"}}},
        {C::Disk, U::Percent, {{"disk", "disk_used", "disk_total"}}},
        {C::Load,
         U::Load,
         {{"load1", "load_avg_1", nullptr},
          {"load5", "load_avg_5", nullptr},
          {"load15", "load_avg_15", nullptr}}},
        {C::Network,
         U::BytesPerSecond,
         {{"received", "network_in", nullptr}, {"sent", "network_out", nullptr}}},
        {C::DiskIo,
         U::BytesPerSecond,
         {{"read", "disk_read_bps", nullptr}, {"written", "disk_write_bps", nullptr}}},
    };
    return sources;
}

// Raw reports: joined unless further apart than three of their usual
// spacings (an agent's interval is its own; the server does not say it).
qint64 rawGapMs(const QList<client::NodeMetricsSample> &items)
{
    QList<qint64> steps;
    for (qsizetype i = 1; i < items.size(); ++i)
        steps.append(items.at(i - 1).time.msecsTo(items.at(i).time));
    if (steps.isEmpty())
        return 0;
    std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
    return std::max<qint64>(3 * steps.at(steps.size() / 2), 2000);
}

// The value of `source` in one set of metric values; false when it has
// none (a missing metric or a total of 0).
bool valueOf(const LineSource &source, const QJsonObject &values, const QJsonObject &totals,
             double *out)
{
    const QJsonValue value = values.value(QLatin1String(source.value));
    if (!value.isDouble())
        return false;
    if (!source.total) {
        *out = value.toDouble();
        return true;
    }
    const double total = totals.value(QLatin1String(source.total)).toDouble(0);
    if (total <= 0)
        return false;
    *out = 100.0 * value.toDouble() / total;
    return true;
}

} // namespace

bool NodeMetricSeries::ChartData::hasData() const
{
    return std::any_of(lines.begin(), lines.end(), [](const Line &l) { return !l.isEmpty(); });
}

QStringList NodeMetricSeries::metricNames()
{
    QStringList names;
    for (const ChartSource &chart : chartSources()) {
        for (const LineSource &line : chart.lines) {
            names.append(QLatin1String(line.value));
            if (line.total)
                names.append(QLatin1String(line.total));
        }
    }
    return names;
}

NodeMetricSeries::Unit NodeMetricSeries::unitOf(Chart chart)
{
    return chartSources().at(int(chart)).unit;
}

QStringList NodeMetricSeries::lineKeys(Chart chart)
{
    QStringList keys;
    for (const LineSource &line : chartSources().at(int(chart)).lines)
        keys.append(QLatin1String(line.key));
    return keys;
}

qint64 NodeMetricSeries::bucketMsOf(const QString &tier)
{
    if (tier == QLatin1String("1m"))
        return 60'000;
    if (tier == QLatin1String("15m"))
        return 900'000;
    if (tier == QLatin1String("1h"))
        return 3'600'000;
    return 0;
}

bool NodeMetricSeries::isEmpty() const
{
    return std::none_of(std::begin(m_charts), std::end(m_charts),
                        [](const ChartData &c) { return c.hasData(); });
}

NodeMetricSeries NodeMetricSeries::from(const client::NodeMetrics &metrics)
{
    NodeMetricSeries out;
    out.m_rollup = metrics.isRollup();
    const QList<client::NodeMetricsSample> &items = metrics.items;
    const qint64 bucketMs = bucketMsOf(metrics.tier);
    // A missing bucket is a hole; a bucket's start is its x.
    out.m_gapMs = out.m_rollup ? bucketMs + bucketMs / 2 : rawGapMs(items);
    if (!items.isEmpty()) {
        out.m_firstMs = items.first().time.toMSecsSinceEpoch();
        out.m_lastMs = items.last().time.toMSecsSinceEpoch();
    }
    for (const ChartSource &source : chartSources()) {
        ChartData &chart = out.m_charts[int(source.chart)];
        chart.chart = source.chart;
        chart.unit = source.unit;
        for (const LineSource &lineSource : source.lines) {
            Line line;
            line.key = QLatin1String(lineSource.key);
            qint64 previousMs = 0;
            bool open = false; // the last run still takes points
            for (const client::NodeMetricsSample &item : items) {
                const qint64 ms = item.time.toMSecsSinceEpoch();
                double value = 0;
                if (!valueOf(lineSource, item.metrics, item.metrics, &value)) {
                    open = false;
                    continue;
                }
                double low = value;
                double high = value;
                if (out.m_rollup) {
                    // Minimum and maximum of the value over the bucket's
                    // average total (totals hardly move within a bucket).
                    if (!valueOf(lineSource, item.min, item.metrics, &low))
                        low = value;
                    if (!valueOf(lineSource, item.max, item.metrics, &high))
                        high = value;
                }
                if (!open || (out.m_gapMs > 0 && ms - previousMs > out.m_gapMs)) {
                    line.runs.append(QList<QPointF>());
                    if (out.m_rollup) {
                        line.lowRuns.append(QList<QPointF>());
                        line.highRuns.append(QList<QPointF>());
                    }
                    open = true;
                }
                line.runs.last().append(QPointF(qreal(ms), value));
                if (out.m_rollup) {
                    line.lowRuns.last().append(QPointF(qreal(ms), low));
                    line.highRuns.last().append(QPointF(qreal(ms), high));
                }
                chart.maxValue = std::max({chart.maxValue, value, high});
                previousMs = ms;
            }
            chart.lines.append(line);
        }
    }
    return out;
}

} // namespace hm::app
