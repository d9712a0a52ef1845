// What the node detail's charts draw from an answer of
// GET /nodes/{id}/metrics (app/fleet/NodeMetricSeries): derived
// percentages, holes where the agent was silent, the min-max band of
// rollups, and the metric names asked for. No widget, no server.

#include "fleet/NodeMetricSeries.h"

#include <QSet>
#include <QTest>

using hm::app::NodeMetricSeries;
using hm::client::NodeMetrics;
using hm::client::NodeMetricsSample;
using Chart = NodeMetricSeries::Chart;

namespace {

const qint64 kT0 = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

NodeMetricsSample sample(qint64 offsetMs, const QJsonObject &metrics, const QJsonObject &min = {},
                         const QJsonObject &max = {})
{
    return {0, QDateTime::fromMSecsSinceEpoch(kT0 + offsetMs, Qt::UTC), metrics, min, max};
}

QList<qreal> xs(const QList<QPointF> &run)
{
    QList<qreal> out;
    for (const QPointF &p : run)
        out.append(p.x() - qreal(kT0));
    return out;
}

} // namespace

class TestNodeMetricSeries : public QObject
{
    Q_OBJECT

private slots:
    void reportsBecomeLinesWithHoles()
    {
        // Every 5 s, then the agent was away for a minute.
        NodeMetrics metrics{QStringLiteral("raw"), {}};
        for (qint64 s : {0, 5, 10, 15, 75, 80}) {
            metrics.items.append(sample(s * 1000, {{"cpu_usage", double(s)},
                                                   {"memory_used", 25.0},
                                                   {"memory_total", 100.0},
                                                   {"swap_used", 1.0},
                                                   {"swap_total", 0.0}}));
        }
        const NodeMetricSeries series = NodeMetricSeries::from(metrics);
        QVERIFY(!series.isRollup());
        QCOMPARE(series.gapMs(), 15000); // three median spacings
        QCOMPARE(series.firstMs(), kT0);
        QCOMPARE(series.lastMs(), kT0 + 80000);

        const auto &cpu = series.chart(Chart::Cpu);
        QCOMPARE(cpu.lines.size(), 1);
        QCOMPARE(cpu.lines.at(0).runs.size(), 2);
        QCOMPARE(xs(cpu.lines.at(0).runs.at(0)), (QList<qreal>{0, 5000, 10000, 15000}));
        QCOMPARE(xs(cpu.lines.at(0).runs.at(1)), (QList<qreal>{75000, 80000}));
        QCOMPARE(cpu.lines.at(0).runs.at(1).at(1).y(), 80.0);
        QCOMPARE(cpu.maxValue, 80.0);
        QVERIFY(cpu.lines.at(0).lowRuns.isEmpty()); // no band for reports

        // Memory as a percentage of its total; swap with a total of 0 has
        // no line at all rather than a division by zero.
        const auto &memory = series.chart(Chart::Memory);
        QCOMPARE(memory.lines.size(), 2);
        QCOMPARE(memory.lines.at(0).key, QStringLiteral("memory"));
        QCOMPARE(memory.lines.at(0).runs.at(0).at(0).y(), 25.0);
        QVERIFY(memory.lines.at(1).isEmpty());
        QVERIFY(memory.hasData());
        // Nothing reported for load or disk: those charts are empty.
        QVERIFY(!series.chart(Chart::Load).hasData());
        QVERIFY(!series.chart(Chart::Disk).hasData());
    }

    void aMissingValueBreaksItsLineOnly()
    {
        NodeMetrics metrics{QStringLiteral("raw"), {}};
        metrics.items = {sample(0, {{"load_avg_1", 1.0}, {"load_avg_5", 2.0}}),
                         sample(1000, {{"load_avg_5", 2.5}}),
                         sample(2000, {{"load_avg_1", 1.5}, {"load_avg_5", 3.0}})};
        const NodeMetricSeries series = NodeMetricSeries::from(metrics);
        const auto &load = series.chart(Chart::Load);
        QCOMPARE(load.lines.size(), 3);
        QCOMPARE(load.lines.at(0).runs.size(), 2); // 1 min: a hole at 1 s
        QCOMPARE(load.lines.at(1).runs.size(), 1); // 5 min: whole
        QCOMPARE(load.lines.at(1).runs.at(0).size(), 3);
        QVERIFY(load.lines.at(2).isEmpty()); // 15 min: never reported
        QCOMPARE(load.maxValue, 3.0);
    }

    void rollupsCarryTheirBand()
    {
        // 1-minute buckets; the one at 2 min is missing.
        NodeMetrics metrics{QStringLiteral("1m"), {}};
        for (int m : {0, 1, 3}) {
            metrics.items.append(sample(
                m * 60000, {{"disk_used", 40.0 + m}, {"disk_total", 200.0}, {"network_in", 1000.0}},
                {{"disk_used", 30.0}, {"network_in", 10.0}},
                {{"disk_used", 60.0}, {"network_in", 4096.0}}));
        }
        const NodeMetricSeries series = NodeMetricSeries::from(metrics);
        QVERIFY(series.isRollup());
        QCOMPARE(series.gapMs(), 90000);
        const auto &disk = series.chart(Chart::Disk).lines.at(0);
        QCOMPARE(disk.runs.size(), 2);
        QCOMPARE(disk.lowRuns.size(), 2);
        QCOMPARE(disk.highRuns.size(), 2);
        QCOMPARE(disk.runs.at(0).at(1).y(), 100.0 * 41 / 200);
        // The band over the bucket's average total.
        QCOMPARE(disk.lowRuns.at(0).at(0).y(), 100.0 * 30 / 200);
        QCOMPARE(disk.highRuns.at(1).at(0).y(), 100.0 * 60 / 200);
        // The axis reaches the band's top, not only the averages'.
        QCOMPARE(series.chart(Chart::Network).maxValue, 4096.0);
        // A bucket without min/max (an older server) draws its average.
        metrics.items = {sample(0, {{"cpu_usage", 12.0}})};
        const auto &cpu = NodeMetricSeries::from(metrics).chart(Chart::Cpu).lines.at(0);
        QCOMPARE(cpu.lowRuns.at(0).at(0).y(), 12.0);
        QCOMPARE(cpu.highRuns.at(0).at(0).y(), 12.0);
    }

    void namesAskedForAreThoseDrawn()
    {
        const QStringList names = NodeMetricSeries::metricNames();
        QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), names.size());
        for (const char *name :
             {"cpu_usage", "memory_used", "memory_total", "swap_used", "swap_total", "disk_used",
              "disk_total", "load_avg_1", "load_avg_5", "load_avg_15", "network_in", "network_out",
              "disk_read_bps", "disk_write_bps"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
        QCOMPARE(names.size(), 14);
        QCOMPARE(NodeMetricSeries::bucketMsOf(QStringLiteral("15m")), 900000);
        QCOMPARE(NodeMetricSeries::bucketMsOf(QStringLiteral("raw")), 0);
    }

    void nothingIsEmpty()
    {
        const NodeMetricSeries series = NodeMetricSeries::from({QStringLiteral("raw"), {}});
        QVERIFY(series.isEmpty());
        QCOMPARE(series.firstMs(), 0);
        for (int c = 0; c < NodeMetricSeries::kChartCount; ++c) {
            QVERIFY(!series.chart(Chart(c)).hasData());
            QCOMPARE(series.chart(Chart(c)).lines.size(),
                     NodeMetricSeries::lineKeys(Chart(c)).size());
        }
    }
};

QTEST_GUILESS_MAIN(TestNodeMetricSeries)
#include "TestNodeMetricSeries.moc"
