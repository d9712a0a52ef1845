#include "widgets/ChartStyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QPalette>
#include <algorithm>
#include <cmath>

namespace hm::app::ChartStyle {

QChartView *view(QChart *chart, const QString &objectName, QWidget *parent, int minimumHeight)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *v = new QChartView(chart, parent);
    v->setObjectName(objectName);
    v->setRenderHint(QPainter::Antialiasing);
    v->setMinimumHeight(minimumHeight);
    return v;
}

QLineSeries *line(QChart *chart, const QColor &color)
{
    auto *series = new QLineSeries(chart);
    QPen pen(color);
    pen.setWidthF(1.8);
    series->setPen(pen);
    chart->addSeries(series);
    return series;
}

void applyPalette(QChartView *view, const QPalette &palette)
{
    if (!view)
        return;
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    // Grid lines a fifth of the way from the background to the text: visible
    // on light and dark backgrounds alike.
    const auto mix = [](const QColor &a, const QColor &b, double t) {
        return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                                float(a.greenF() + (b.greenF() - a.greenF()) * t),
                                float(a.blueF() + (b.blueF() - a.blueF()) * t));
    };
    const QColor grid = mix(base, text, 0.2);
    QChart *chart = view->chart();
    view->setBackgroundBrush(base);
    chart->setBackgroundBrush(base);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

QColor seriesColor(int index)
{
    // Blue, green, amber, violet, teal, rose: apart for colour-blind eyes
    // in the first three, readable on light and dark backgrounds.
    static const QColor colors[] = {QColor(0x25, 0x63, 0xeb), QColor(0x05, 0x96, 0x69),
                                    QColor(0xd9, 0x77, 0x06), QColor(0x7c, 0x3a, 0xed),
                                    QColor(0x0e, 0x74, 0x90), QColor(0xe1, 0x1d, 0x48)};
    return colors[index % int(std::size(colors))];
}

QList<QPointF> scaledPoints(const QList<QPointF> &points, double divisor)
{
    if (divisor == 1.0)
        return points;
    QList<QPointF> out;
    out.reserve(points.size());
    for (const QPointF &p : points)
        out.append(QPointF(p.x(), p.y() / divisor));
    return out;
}

NiceScale niceScale(double maxValue, int maxSteps)
{
    const double top = std::max(maxValue * 1.05, 1.0);
    const double raw = top / std::max(maxSteps, 1);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * power;
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
        if (m * power >= raw) {
            step = m * power;
            break;
        }
    }
    const int steps = int(std::ceil(top / step - 1e-9));
    int decimals = 0;
    while (decimals < 3 && std::abs(step * std::pow(10.0, decimals) -
                                    std::round(step * std::pow(10.0, decimals))) > 1e-9)
        ++decimals;
    return {steps * step, steps + 1, decimals};
}

} // namespace hm::app::ChartStyle
