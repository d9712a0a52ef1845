#pragma once

#include <QObject>
#include <QPointF>
#include <QPointer>
#include <functional>

class QChartView;
class QGraphicsEllipseItem;
class QGraphicsLineItem;
class QLabel;

namespace hm::app {

// The hover read-out of a time chart (console.md: "hover shows the exact
// value and time"): over the plot, a vertical line at the point in time
// nearest the pointer, a dot on each line there, and beside it a label
// with that time (local, in the UI language's format) and each line's
// value in its unit. The lines are the chart's visible QLineSeries that
// have a name; the runs of one line (series split at a gap) share theirs.
// The chart's series may be replaced at any time: they are looked up on
// each move, and refresh() reads them again under a pointer that stayed.
// The label is named `<view's objectName>.readout`.
class ChartHover final : public QObject
{
    Q_OBJECT

public:
    // A value of the chart's lines, in their unit ("42.5 %", "1.2 MiB/s").
    using ValueText = std::function<QString(double value)>;

    ChartHover(QChartView *view, ValueText valueText);
    ~ChartHover() override;

    // Shows the read-out for the pointer at `viewPos` (in the view's
    // viewport), or hides it when that is outside the plot or nothing is
    // drawn there.
    void showAt(const QPointF &viewPos);
    void hide();
    // Again at the last place, after the series changed.
    void refresh();

    bool isShown() const;
    QLabel *label() const { return m_label; }
    // The time of the point shown (ms since the epoch), 0 when hidden.
    qint64 shownTimeMs() const { return m_shownMs; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place(const QPointF &viewPos);

    QPointer<QChartView> m_view;
    ValueText m_valueText;
    QLabel *m_label = nullptr;
    QGraphicsLineItem *m_rule = nullptr;
    QList<QGraphicsEllipseItem *> m_dots;
    QPointF m_lastPos;
    qint64 m_shownMs = 0;
};

} // namespace hm::app
