#include "widgets/ChartHover.h"

#include "widgets/DateTimeText.h"

#include <QAbstractSeries>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QEvent>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QHash>
#include <QLabel>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPen>
#include <algorithm>
#include <cmath>

namespace hm::app {

namespace {

constexpr qreal kDotRadius = 3.5;
constexpr int kLabelGap = 12; // between the pointer's line and the label

// The point of `points` (sorted by x) nearest to `x`; false when none.
bool nearestPoint(const QList<QPointF> &points, qreal x, QPointF *out)
{
    if (points.isEmpty())
        return false;
    auto it = std::lower_bound(points.cbegin(), points.cend(), x,
                               [](const QPointF &p, qreal value) { return p.x() < value; });
    if (it == points.cend())
        --it;
    else if (it != points.cbegin() && x - (it - 1)->x() < it->x() - x)
        --it;
    *out = *it;
    return true;
}

struct LinePoint
{
    QLineSeries *series = nullptr; // the run the point is on
    QPointF point;
};

} // namespace

ChartHover::ChartHover(QChartView *view, ValueText valueText)
    : QObject(view), m_view(view), m_valueText(std::move(valueText))
{
    m_label = new QLabel(view);
    m_label->setObjectName(view->objectName() + QStringLiteral(".readout"));
    // A tooltip's look, drawn by the chart: it stays while the pointer
    // moves and follows the theme's palette.
    m_label->setAutoFillBackground(true);
    m_label->setBackgroundRole(QPalette::ToolTipBase);
    m_label->setForegroundRole(QPalette::ToolTipText);
    m_label->setFrameShape(QFrame::Box);
    m_label->setMargin(4);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_label->hide();
    view->setMouseTracking(true);
    view->viewport()->setMouseTracking(true);
    view->viewport()->installEventFilter(this);
}

// The line and dots belong to the chart, which the view's scene deletes
// (perhaps before this): they are not touched here.
ChartHover::~ChartHover() = default;

bool ChartHover::isShown() const
{
    return m_shownMs != 0;
}

bool ChartHover::eventFilter(QObject *watched, QEvent *event)
{
    if (m_view && watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseMove)
            showAt(static_cast<QMouseEvent *>(event)->position());
        else if (event->type() == QEvent::Leave)
            hide();
    }
    return QObject::eventFilter(watched, event);
}

void ChartHover::hide()
{
    m_shownMs = 0;
    if (m_label)
        m_label->hide();
    delete m_rule;
    m_rule = nullptr;
    qDeleteAll(m_dots);
    m_dots.clear();
}

void ChartHover::refresh()
{
    if (isShown())
        showAt(m_lastPos);
}

void ChartHover::showAt(const QPointF &viewPos)
{
    m_lastPos = viewPos;
    hide();
    if (!m_view)
        return;
    place(viewPos);
}

void ChartHover::place(const QPointF &viewPos)
{
    QChart *chart = m_view->chart();
    const QPointF inChart = chart->mapFromScene(m_view->mapToScene(viewPos.toPoint()));
    if (!chart->plotArea().contains(inChart))
        return;

    // Each named line's point nearest the pointer in time, over its runs.
    QList<QString> names;
    QHash<QString, LinePoint> nearest;
    for (QAbstractSeries *abstract : chart->series()) {
        auto *series = qobject_cast<QLineSeries *>(abstract);
        if (!series || !series->isVisible() || series->name().isEmpty())
            continue;
        const qreal x = chart->mapToValue(inChart, series).x();
        QPointF point;
        if (!nearestPoint(series->points(), x, &point))
            continue;
        if (!nearest.contains(series->name()))
            names.append(series->name());
        LinePoint &best = nearest[series->name()];
        if (!best.series || std::abs(point.x() - x) < std::abs(best.point.x() - x))
            best = {series, point};
    }
    if (names.isEmpty())
        return;
    // The time shown: the nearest of the lines' points.
    const qreal pointerX = chart->mapToValue(inChart, nearest.value(names.first()).series).x();
    qreal at = nearest.value(names.first()).point.x();
    for (const QString &name : std::as_const(names)) {
        const qreal x = nearest.value(name).point.x();
        if (std::abs(x - pointerX) < std::abs(at - pointerX))
            at = x;
    }

    QStringList lines{dateTimeTextWithSeconds(QDateTime::fromMSecsSinceEpoch(qint64(at)))};
    const QRectF plot = chart->plotArea();
    const QPointF top = chart->mapToPosition(QPointF(at, 0), nearest.value(names.first()).series);
    m_rule = new QGraphicsLineItem(QLineF(top.x(), plot.top(), top.x(), plot.bottom()), chart);
    QPen rulePen(m_view->palette().color(QPalette::WindowText));
    rulePen.setWidthF(1);
    rulePen.setStyle(Qt::DashLine);
    m_rule->setPen(rulePen);
    m_rule->setZValue(10);
    for (const QString &name : std::as_const(names)) {
        const LinePoint line = nearest.value(name);
        // A line with no point at that time (a gap, no report) says so
        // rather than showing a value from another moment.
        if (!qFuzzyCompare(line.point.x(), at)) {
            lines.append(tr("%1: no value").arg(name));
            continue;
        }
        lines.append(tr("%1: %2").arg(name, m_valueText(line.point.y())));
        const QPointF dotAt = chart->mapToPosition(line.point, line.series);
        auto *dot = new QGraphicsEllipseItem(dotAt.x() - kDotRadius, dotAt.y() - kDotRadius,
                                             2 * kDotRadius, 2 * kDotRadius, chart);
        dot->setBrush(line.series->color());
        dot->setPen(QPen(m_view->palette().color(QPalette::Base), 1.5));
        dot->setZValue(11);
        m_dots.append(dot);
    }
    m_shownMs = qint64(at);
    m_label->setText(lines.join(u'\n'));
    m_label->adjustSize();
    // Beside the line, on the side with room, inside the view.
    const QPoint lineInView = m_view->mapFromScene(chart->mapToScene(top));
    int x = lineInView.x() + kLabelGap;
    if (x + m_label->width() > m_view->width())
        x = lineInView.x() - kLabelGap - m_label->width();
    const QPoint plotTop = m_view->mapFromScene(chart->mapToScene(plot.topLeft()));
    x = std::clamp(x, 0, std::max(0, m_view->width() - m_label->width()));
    const int y = std::clamp(int(viewPos.y()) - m_label->height() / 2, plotTop.y(),
                             std::max(plotTop.y(), m_view->height() - m_label->height()));
    m_label->move(x, y);
    m_label->show();
    m_label->raise();
}

} // namespace hm::app
