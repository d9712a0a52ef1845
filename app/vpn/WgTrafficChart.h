#pragma once

#include "vpn/WgTrafficSeries.h"

#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QStackedWidget;
class QValueAxis;

namespace hm::app {

// One chart of a WireGuard client's (or server's) traffic: bytes received
// and sent per bucket over the range asked for, the byte axis in the unit
// that keeps its labels short, the time axis in local time. Drawn like the
// fleet's charts (ChartStyle). With nothing to draw it shows words instead
// (reading, no traffic in this period, an error), never a blank plot.
// The title sits above the plot as a label, level with the endpoints'
// title beside it. Named `vpn.traffic.chart` (the view), `vpn.traffic.title`
// and `vpn.traffic.message`.
class WgTrafficChart final : public QWidget
{
    Q_OBJECT

public:
    explicit WgTrafficChart(QWidget *parent = nullptr);

    // Draws `series`; one without traffic shows noTraffic instead.
    void showSeries(const WgTrafficSeries &series, const QString &noTraffic);
    // Words instead of the chart.
    void showMessage(const QString &text);

    bool isShowingChart() const;
    QString message() const;
    const WgTrafficSeries &series() const { return m_series; }
    QChartView *view() const { return m_view; }
    // The time axis' range (ms since the epoch) and the byte axis' unit.
    qint64 axisStartMs() const;
    qint64 axisEndMs() const;
    QString unitName() const { return m_unit; }
    QString title() const;

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void redraw();
    void scaleBytes();
    int maxSteps() const;
    QString titleText() const;
    void showTitle();

    QLabel *m_title = nullptr;
    QStackedWidget *m_stack = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QDateTimeAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QLineSeries *m_received = nullptr;
    QLineSeries *m_sent = nullptr;
    QLabel *m_message = nullptr;
    WgTrafficSeries m_series;
    double m_divisor = 1.0;
    int m_steps = 0; // the byte axis' steps as last drawn
    QString m_unit;
    QString m_titleText; // without the legend
};

} // namespace hm::app
