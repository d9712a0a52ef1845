#pragma once

#include "fleet/NodeMetricSeries.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QValueAxis;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class ChartHover;

// The selected node's history as charts (issue 35, item 3): CPU, memory
// and swap, disk, load, network and disk throughput over a range from 15
// minutes to a year. The server picks the tier that holds the range (raw
// reports, then 1-minute, 15-minute and hourly buckets, whose lowest and
// highest values are drawn as a band around the average); the charts ask
// only for the metrics they draw. While visible it reads again at a pace
// that suits the range; hidden, it asks nothing. Hovering over a chart
// shows the nearest point's time and values (ChartHover). Named
// `nodes.metrics.*`.
class NodeMetricsView final : public QWidget
{
    Q_OBJECT

public:
    enum class Range
    {
        Minutes15,
        Hour1,
        Hours6,
        Day1,
        Days7,
        Days30,
        Days90,
        Year1
    };
    static constexpr int kRangeCount = 8;

    explicit NodeMetricsView(QWidget *parent = nullptr);
    ~NodeMetricsView() override;

    void setClient(client::ApiClient *client);
    // Empty: no node (says to pick one). Reads at once when visible.
    void setNode(const QString &nodeId);
    QString nodeId() const { return m_nodeId; }
    void setRange(Range range);
    Range range() const;
    static qint64 rangeMs(Range range);

    // What the last answer held (for tests and the state line).
    const NodeMetricSeries &series() const { return m_series; }
    QString tier() const { return m_tier; }
    bool isLoading() const { return m_loading; }
    QChartView *chartView(NodeMetricSeries::Chart chart) const;
    ChartHover *chartHover(NodeMetricSeries::Chart chart) const;

public slots:
    void reload();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct ChartParts
    {
        QChart *chart = nullptr;
        QChartView *view = nullptr;
        QDateTimeAxis *x = nullptr;
        QValueAxis *y = nullptr;
        ChartHover *hover = nullptr;
        double divisor = 1.0; // byte rates: the unit the chart draws in
        QString unit;
    };
    void retranslateUi();
    void redraw();
    void drawChart(int index);
    void showState();
    void applyPalette();
    QString lineName(const QString &key) const;
    QString chartTitle(int index, const QString &unit) const;
    QString valueText(int index, double value) const;

    QPointer<client::ApiClient> m_client;
    QString m_nodeId;
    QComboBox *m_range = nullptr;
    QLabel *m_rangeLabel = nullptr;
    QLabel *m_state = nullptr;
    ChartParts m_charts[NodeMetricSeries::kChartCount];
    NodeMetricSeries m_series;
    QString m_tier;
    QString m_error;
    bool m_loading = false;
    bool m_loaded = false; // m_series belongs to m_nodeId and the range
    qint64 m_endMs = 0;    // the range the charts show ends here
    quint64 m_generation = 0;
    QTimer m_refresh;
};

} // namespace hm::app
