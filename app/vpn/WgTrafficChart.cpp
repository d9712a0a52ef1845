#include "vpn/WgTrafficChart.h"

#include "vpn/WgText.h"
#include "widgets/ChartStyle.h"
#include "widgets/DateTimeText.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QStackedWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

namespace hm::app {

WgTrafficChart::WgTrafficChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("vpn.traffic"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("vpn.traffic.title"));
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_title->setTextFormat(Qt::RichText);
    layout->addWidget(m_title);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    m_chart = new QChart;
    m_x = new QDateTimeAxis(m_chart);
    m_x->setTickCount(5);
    m_y = new QValueAxis(m_chart);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    // Short: the detail pane sits under the clients' table, and in the
    // smallest window the plot shrinks rather than its axis being cut.
    m_view = ChartStyle::view(m_chart, QStringLiteral("vpn.traffic.chart"), m_stack, 80);
    m_view->installEventFilter(this);
    m_received = ChartStyle::line(m_chart, ChartStyle::seriesColor(0));
    m_sent = ChartStyle::line(m_chart, ChartStyle::seriesColor(1));
    // The title line names the two lines in their colours: a legend under
    // the plot would take a third of a short chart's height.
    m_chart->legend()->setVisible(false);
    for (QLineSeries *line : {m_received, m_sent}) {
        line->attachAxis(m_x);
        line->attachAxis(m_y);
        // Hover: the bucket's time and bytes exactly.
        connect(line, &QLineSeries::hovered, this, [this, line](const QPointF &p, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(p.x()));
            const qint64 bytes = qint64(p.y() * m_divisor + 0.5);
            QToolTip::showText(
                QCursor::pos(),
                tr("%1 at %2: %3").arg(line->name(), dateTimeText(at), WgText::bytes(bytes)),
                m_view);
        });
    }
    m_stack->addWidget(m_view);

    m_message = new QLabel(m_stack);
    m_message->setObjectName(QStringLiteral("vpn.traffic.message"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setProperty("hmStyle", QStringLiteral("muted"));
    // A pane where the plot would be: the words are the chart's, not loose.
    m_message->setFrameShape(QFrame::StyledPanel);
    m_message->setMargin(8);
    m_message->setMinimumHeight(60);
    m_stack->addWidget(m_message);
    m_stack->setCurrentWidget(m_message);
    showTitle();
    ChartStyle::applyPalette(m_view, palette());
}

void WgTrafficChart::showSeries(const WgTrafficSeries &series, const QString &noTraffic)
{
    m_series = series;
    if (!series.hasTraffic()) {
        showMessage(noTraffic);
        return;
    }
    redraw();
    m_stack->setCurrentWidget(m_view);
    showTitle();
}

void WgTrafficChart::showMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    showTitle();
}

bool WgTrafficChart::isShowingChart() const
{
    return m_stack->currentWidget() == m_view;
}

QString WgTrafficChart::message() const
{
    return isShowingChart() ? QString() : m_message->text();
}

qint64 WgTrafficChart::axisStartMs() const
{
    return m_x->min().toMSecsSinceEpoch();
}

qint64 WgTrafficChart::axisEndMs() const
{
    return m_x->max().toMSecsSinceEpoch();
}

void WgTrafficChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        if (isShowingChart())
            redraw();
        showTitle();
    } else if (event->type() == QEvent::PaletteChange)
        ChartStyle::applyPalette(m_view, palette());
    QWidget::changeEvent(event);
}

QString WgTrafficChart::title() const
{
    return m_titleText;
}

QString WgTrafficChart::titleText() const
{
    if (!isShowingChart())
        return tr("Bytes received and sent");
    const qint64 bucket = m_series.bucketMs();
    if (bucket == 60'000)
        return tr("Bytes received and sent per minute (%1)").arg(m_unit);
    if (bucket == 15 * 60'000)
        return tr("Bytes received and sent per 15 minutes (%1)").arg(m_unit);
    if (bucket == 3600'000)
        return tr("Bytes received and sent per hour (%1)").arg(m_unit);
    return tr("Bytes received and sent per bucket of %n minute(s) (%1)", "", int(bucket / 60'000))
        .arg(m_unit);
}

void WgTrafficChart::showTitle()
{
    m_titleText = titleText();
    QString html = m_titleText.toHtmlEscaped();
    if (isShowingChart()) {
        // The legend: a square in each line's colour before its name.
        const auto key = [](const QColor &color, const QString &name) {
            return QStringLiteral(
                       "&nbsp;&nbsp;&nbsp;<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                .arg(color.name(), name.toHtmlEscaped());
        };
        html += key(ChartStyle::seriesColor(0), m_received->name()) +
                key(ChartStyle::seriesColor(1), m_sent->name());
    }
    m_title->setText(html);
}

void WgTrafficChart::redraw()
{
    const WgTrafficSeries::ByteUnit unit =
        WgTrafficSeries::byteUnitFor(double(m_series.maxBytes()));
    m_divisor = unit.divisor;
    m_unit = QString::fromLatin1(unit.name);
    m_received->setName(tr("Received"));
    m_sent->setName(tr("Sent"));
    m_received->replace(ChartStyle::scaledPoints(m_series.received(), m_divisor));
    m_sent->replace(ChartStyle::scaledPoints(m_series.sent(), m_divisor));

    // The x axis is the range asked for, whatever part of it had traffic.
    const qint64 startMs = m_series.startMs();
    const qint64 endMs = qMax(m_series.endMs(), startMs + 1);
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(startMs), QDateTime::fromMSecsSinceEpoch(endMs));
    const qint64 spanMs = endMs - startMs;
    m_x->setFormat(spanMs <= 24 * 3600'000LL    ? QStringLiteral("HH:mm")
                   : spanMs <= 90 * 86400'000LL ? QStringLiteral("MM-dd")
                                                : QStringLiteral("yyyy-MM"));
    // Ticks evenly across the range: a week gets one a day, so no date
    // is skipped or shown twice.
    constexpr qint64 day = 86400'000LL;
    m_x->setTickCount(spanMs > 6 * day && spanMs <= 8 * day     ? 8
                      : spanMs > 25 * day && spanMs <= 35 * day ? 6
                                                                : 5);
    scaleBytes();
    ChartStyle::applyPalette(m_view, palette());
}

int WgTrafficChart::maxSteps() const
{
    // Each label needs about 30 pixels of the plot (the axis below takes
    // about 40).
    return m_view->height() < 170 ? 2 : 4;
}

void WgTrafficChart::scaleBytes()
{
    m_steps = maxSteps();
    const ChartStyle::NiceScale scale =
        ChartStyle::niceScale(double(m_series.maxBytes()) / m_divisor, m_steps);
    m_y->setRange(0, scale.top);
    m_y->setTickCount(scale.ticks);
    m_y->setLabelFormat(QStringLiteral("%.") + QString::number(scale.decimals) + u'f');
}

bool WgTrafficChart::eventFilter(QObject *watched, QEvent *event)
{
    // The plot shorter or taller than before: as many labels as fit.
    if (watched == m_view && event->type() == QEvent::Resize && m_steps != 0 &&
        maxSteps() != m_steps)
        scaleBytes();
    return QWidget::eventFilter(watched, event);
}

} // namespace hm::app
