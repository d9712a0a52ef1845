#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>

class QChart;
class QChartView;
class QLineSeries;
class QPalette;
class QWidget;

namespace hm::app::ChartStyle {

// The console's charts (Qt Charts) drawn one way: no animation, square
// corners, the legend below, antialiased, colours from the palette.

// A view of `chart` (which it takes) named `objectName`.
QChartView *view(QChart *chart, const QString &objectName, QWidget *parent, int minimumHeight);
// A line of `color` added to `chart`.
QLineSeries *line(QChart *chart, const QColor &color);
// Qt Charts draws with its own light theme whatever the application's
// palette says: background, titles, legend and axes take their colours from
// `palette` instead (series keep theirs), so the dark theme has no white
// boxes. Call it again on QEvent::PaletteChange.
void applyPalette(QChartView *view, const QPalette &palette);

// The series colours every chart uses, in order.
QColor seriesColor(int index);

// A value axis from 0 to `top` in steps of 1, 2, 2.5 or 5 times a power of
// ten, `maxSteps` at most: a short chart has no room for more labels (Qt
// elides crowded ones to "...").
struct NiceScale
{
    double top;
    int ticks;
    int decimals; // what the step needs: 2 → 0, 0.5 → 1, 0.25 → 2
};
NiceScale niceScale(double maxValue, int maxSteps = 4);

// `points` with y divided by `divisor` (values in a unit: bytes to KiB…).
QList<QPointF> scaledPoints(const QList<QPointF> &points, double divisor);

} // namespace hm::app::ChartStyle
