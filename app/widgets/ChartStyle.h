#pragma once

#include <QColor>
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

} // namespace hm::app::ChartStyle
