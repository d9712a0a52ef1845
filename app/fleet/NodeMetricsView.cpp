#include "fleet/NodeMetricsView.h"

#include "client/NodesApi.h"
#include "client/Within.h"
#include "widgets/ChartHover.h"
#include "widgets/ChartStyle.h"
#include "widgets/ServerErrorText.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

namespace hm::app {

namespace {

using Chart = NodeMetricSeries::Chart;
using Unit = NodeMetricSeries::Unit;

const char *const kChartNames[] = {"cpu", "memory", "disk", "load", "network", "diskIo"};

// How often a visible view reads again: about one new point per refresh.
int refreshMsOf(NodeMetricsView::Range range)
{
    switch (range) {
    case NodeMetricsView::Range::Minutes15:
        return 10'000;
    case NodeMetricsView::Range::Hour1:
        return 15'000;
    case NodeMetricsView::Range::Hours6:
    case NodeMetricsView::Range::Day1:
        return 60'000;
    case NodeMetricsView::Range::Days7:
        return 5 * 60'000;
    default:
        return 15 * 60'000;
    }
}

// Byte rates in the unit that keeps the axis below 1024.
struct RateUnit
{
    double divisor;
    const char *name;
};
RateUnit rateUnitFor(double maxBytesPerSecond)
{
    static const RateUnit units[] = {
        {1.0, "B/s"}, {1024.0, "KiB/s"}, {1024.0 * 1024, "MiB/s"}, {1024.0 * 1024 * 1024, "GiB/s"}};
    for (const RateUnit &unit : units) {
        if (maxBytesPerSecond < unit.divisor * 1024)
            return unit;
    }
    return units[3];
}

} // namespace

NodeMetricsView::NodeMetricsView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodes.metrics"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *bar = new QHBoxLayout();
    m_rangeLabel = new QLabel(this);
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("nodes.metrics.range"));
    for (int i = 0; i < kRangeCount; ++i)
        m_range->addItem(QString());
    m_range->setCurrentIndex(int(Range::Hour1));
    m_rangeLabel->setBuddy(m_range);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("nodes.metrics.state"));
    m_state->setProperty("hmStyle", QStringLiteral("muted"));
    // One line: a long error elides into its tooltip rather than pushing
    // the charts down.
    m_state->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(m_rangeLabel);
    bar->addWidget(m_range);
    bar->addSpacing(12);
    bar->addWidget(m_state, 1);
    layout->addLayout(bar);

    // The charts scroll inside the pane when it is short; three across.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("nodes.metrics.scroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *grid = new QWidget(scroll);
    auto *charts = new QGridLayout(grid);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->setSpacing(8);
    for (int i = 0; i < NodeMetricSeries::kChartCount; ++i) {
        ChartParts &parts = m_charts[i];
        parts.chart = new QChart;
        parts.chart->legend()->setShowToolTips(true);
        parts.x = new QDateTimeAxis(parts.chart);
        parts.x->setTickCount(5);
        parts.y = new QValueAxis(parts.chart);
        parts.y->setLabelFormat(QStringLiteral("%.0f"));
        parts.chart->addAxis(parts.x, Qt::AlignBottom);
        parts.chart->addAxis(parts.y, Qt::AlignLeft);
        parts.view = ChartStyle::view(
            parts.chart, QStringLiteral("nodes.metrics.") + QLatin1String(kChartNames[i]), grid,
            180);
        parts.hover =
            new ChartHover(parts.view, [this, i](double value) { return valueText(i, value); });
        charts->addWidget(parts.view, i / 3, i % 3);
    }
    scroll->setWidget(grid);
    layout->addWidget(scroll, 1);

    m_refresh.setInterval(refreshMsOf(range()));
    connect(&m_refresh, &QTimer::timeout, this, &NodeMetricsView::reload);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        m_refresh.setInterval(refreshMsOf(range()));
        m_loaded = false;
        reload();
    });
    retranslateUi();
    applyPalette();
    redraw();
}

NodeMetricsView::~NodeMetricsView() = default;

qint64 NodeMetricsView::rangeMs(Range range)
{
    constexpr qint64 minute = 60'000;
    constexpr qint64 day = 24 * 60 * minute;
    switch (range) {
    case Range::Minutes15:
        return 15 * minute;
    case Range::Hour1:
        return 60 * minute;
    case Range::Hours6:
        return 6 * 60 * minute;
    case Range::Day1:
        return day;
    case Range::Days7:
        return 7 * day;
    case Range::Days30:
        return 30 * day;
    case Range::Days90:
        return 90 * day;
    case Range::Year1:
        return 365 * day;
    }
    return 60 * minute;
}

void NodeMetricsView::setClient(client::ApiClient *client)
{
    m_client = client;
    setNode({});
}

void NodeMetricsView::setNode(const QString &nodeId)
{
    if (nodeId == m_nodeId && (m_loaded || m_loading))
        return;
    m_nodeId = nodeId;
    m_series = {};
    m_tier.clear();
    m_error.clear();
    m_loaded = false;
    m_loading = false;
    ++m_generation; // an answer for the node before is not this one's
    redraw();
    reload();
}

void NodeMetricsView::setRange(Range range)
{
    m_range->setCurrentIndex(int(range));
}

NodeMetricsView::Range NodeMetricsView::range() const
{
    return Range(std::clamp(m_range->currentIndex(), 0, kRangeCount - 1));
}

ChartHover *NodeMetricsView::chartHover(NodeMetricSeries::Chart chart) const
{
    return m_charts[int(chart)].hover;
}

QChartView *NodeMetricsView::chartView(NodeMetricSeries::Chart chart) const
{
    return m_charts[int(chart)].view;
}

void NodeMetricsView::reload()
{
    if (!m_client || m_nodeId.isEmpty() || !isVisible()) {
        m_refresh.stop();
        showState();
        return;
    }
    m_refresh.start(); // the next read a whole interval after this one
    const quint64 generation = ++m_generation;
    const qint64 endMs = QDateTime::currentMSecsSinceEpoch();
    client::NodeMetricsQuery query;
    query.end = QDateTime::fromMSecsSinceEpoch(endMs, Qt::UTC);
    query.start = query.end.addMSecs(-rangeMs(range()));
    query.limit = 10000;
    query.names = NodeMetricSeries::metricNames();
    m_loading = true;
    showState();
    client::NodesApi(*m_client).metrics(
        m_nodeId, query,
        client::within(this, [this, generation, endMs](Result<client::NodeMetrics> answer) {
            if (generation != m_generation)
                return; // another node or range asked since
            m_loading = false;
            if (!answer) {
                m_error = describeApiError(answer.error());
                showState();
                return;
            }
            m_error.clear();
            m_loaded = true;
            m_endMs = endMs;
            m_tier = answer.value().tier;
            m_series = NodeMetricSeries::from(answer.value());
            redraw();
        }));
}

void NodeMetricsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void NodeMetricsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Shown again (its tab, its page): what it holds may be old.
    reload();
}

void NodeMetricsView::hideEvent(QHideEvent *event)
{
    m_refresh.stop();
    QWidget::hideEvent(event);
}

void NodeMetricsView::applyPalette()
{
    for (const ChartParts &parts : m_charts)
        ChartStyle::applyPalette(parts.view, palette());
}

void NodeMetricsView::retranslateUi()
{
    m_rangeLabel->setText(tr("&Range:"));
    const QString ranges[kRangeCount] = {
        tr("Last 15 minutes"), tr("Last hour"),    tr("Last 6 hours"), tr("Last 24 hours"),
        tr("Last 7 days"),     tr("Last 30 days"), tr("Last 90 days"), tr("Last year")};
    for (int i = 0; i < kRangeCount; ++i)
        m_range->setItemText(i, ranges[i]);
    redraw();
}

QString NodeMetricsView::lineName(const QString &key) const
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("cpu"), QT_TR_NOOP("CPU")},
        {QStringLiteral("memory"), QT_TR_NOOP("Memory")},
        {QStringLiteral("swap"), QT_TR_NOOP("Swap")},
        {QStringLiteral("disk"), QT_TR_NOOP("Disk")},
        {QStringLiteral("load1"), QT_TR_NOOP("1 min")},
        {QStringLiteral("load5"), QT_TR_NOOP("5 min")},
        {QStringLiteral("load15"), QT_TR_NOOP("15 min")},
        {QStringLiteral("received"), QT_TR_NOOP("Received")},
        {QStringLiteral("sent"), QT_TR_NOOP("Sent")},
        {QStringLiteral("read"), QT_TR_NOOP("Read")},
        {QStringLiteral("written"), QT_TR_NOOP("Written")}};
    return tr(names.value(key, ""));
}

QString NodeMetricsView::chartTitle(int index, const QString &unit) const
{
    switch (Chart(index)) {
    case Chart::Cpu:
        return tr("CPU (%)");
    case Chart::Memory:
        return tr("Memory and swap used (%)");
    case Chart::Disk:
        return tr("Disk used (%)");
    case Chart::Load:
        return tr("Load average");
    case Chart::Network:
        return tr("Network (%1)").arg(unit);
    case Chart::DiskIo:
        return tr("Disk reads and writes (%1)").arg(unit);
    }
    return {};
}

void NodeMetricsView::redraw()
{
    for (int i = 0; i < NodeMetricSeries::kChartCount; ++i)
        drawChart(i);
    showState();
}

QString NodeMetricsView::valueText(int index, double value) const
{
    const QLocale locale;
    switch (NodeMetricSeries::unitOf(Chart(index))) {
    case Unit::Percent:
        return tr("%1 %").arg(locale.toString(value, 'f', 1));
    case Unit::Load:
        return locale.toString(value, 'f', 2);
    case Unit::BytesPerSecond:
        break;
    }
    const ChartParts &parts = m_charts[index];
    return QStringLiteral("%1 %2").arg(locale.toString(value, 'f', value < 10 ? 2 : 1), parts.unit);
}

void NodeMetricsView::drawChart(int index)
{
    ChartParts &parts = m_charts[index];
    const NodeMetricSeries::ChartData &data = m_series.chart(Chart(index));
    parts.chart->removeAllSeries();
    double divisor = 1.0;
    QString unit;
    if (NodeMetricSeries::unitOf(Chart(index)) == Unit::BytesPerSecond) {
        const RateUnit rate = rateUnitFor(data.maxValue);
        divisor = rate.divisor;
        unit = QString::fromLatin1(rate.name);
    }
    parts.divisor = divisor;
    parts.unit = unit;
    parts.chart->setTitle(chartTitle(index, unit));

    // The x axis is the range asked for, whatever part of it has data.
    const qint64 endMs = m_endMs > 0 ? m_endMs : QDateTime::currentMSecsSinceEpoch();
    const qint64 spanMs = rangeMs(range());
    parts.x->setRange(QDateTime::fromMSecsSinceEpoch(endMs - spanMs),
                      QDateTime::fromMSecsSinceEpoch(endMs));
    parts.x->setFormat(spanMs <= 24 * 3600'000LL    ? QStringLiteral("HH:mm")
                       : spanMs <= 90 * 86400'000LL ? QStringLiteral("MM-dd")
                                                    : QStringLiteral("yyyy-MM"));
    const QStringList keys = NodeMetricSeries::lineKeys(Chart(index));
    for (int l = 0; l < data.lines.size(); ++l) {
        const NodeMetricSeries::Line &line = data.lines.at(l);
        const QColor color = ChartStyle::seriesColor(l);
        // Rollups: the band from lowest to highest under the average.
        for (int r = 0; r < line.lowRuns.size(); ++r) {
            auto *upper = new QLineSeries(parts.chart);
            auto *lower = new QLineSeries(parts.chart);
            upper->replace(ChartStyle::scaledPoints(line.highRuns.at(r), divisor));
            lower->replace(ChartStyle::scaledPoints(line.lowRuns.at(r), divisor));
            auto *band = new QAreaSeries(upper, lower);
            QColor fill = color;
            fill.setAlphaF(0.18f);
            band->setBrush(fill);
            band->setPen(Qt::NoPen);
            parts.chart->addSeries(band);
            band->attachAxis(parts.x);
            band->attachAxis(parts.y);
        }
        // One series per run (a hole between runs); the legend names the
        // line once, from a series that is there even when it has no data.
        const int runs = int(line.runs.size());
        for (int r = 0; r < std::max(1, runs); ++r) {
            QLineSeries *series = ChartStyle::line(parts.chart, color);
            series->setName(lineName(l < keys.size() ? keys.at(l) : QString()));
            if (r < runs)
                series->replace(ChartStyle::scaledPoints(line.runs.at(r), divisor));
            series->attachAxis(parts.x);
            series->attachAxis(parts.y);
        }
    }
    // One line needs no legend: the title names it.
    parts.chart->legend()->setVisible(data.lines.size() > 1);
    // Only the first series of each line in the legend.
    QSet<QString> named;
    for (QLegendMarker *marker : parts.chart->legend()->markers()) {
        const bool band = qobject_cast<QAreaSeries *>(marker->series()) != nullptr;
        const bool first = !band && !named.contains(marker->label());
        if (first)
            named.insert(marker->label());
        marker->setVisible(first);
    }
    // Hide a line's legend entry when the node does not report it (no
    // swap): "Swap" with nothing drawn would look like a broken chart.
    for (int l = 0; l < data.lines.size() && m_loaded; ++l) {
        if (!data.lines.at(l).isEmpty() || data.lines.size() == 1)
            continue;
        for (QLegendMarker *marker : parts.chart->legend()->markers()) {
            if (marker->label() == lineName(keys.value(l)))
                marker->setVisible(false);
        }
    }
    switch (NodeMetricSeries::unitOf(Chart(index))) {
    case Unit::Percent:
        parts.y->setRange(0, 100);
        // Under a legend the plot is too short for five labels.
        parts.y->setTickCount(data.lines.size() > 1 ? 3 : 5);
        parts.y->setLabelFormat(QStringLiteral("%.0f"));
        break;
    case Unit::Load:
    case Unit::BytesPerSecond: {
        // At most five ticks on a round step: a short chart has no room
        // for more labels (Qt elides crowded ones to "...").
        const ChartStyle::NiceScale scale = ChartStyle::niceScale(data.maxValue / divisor);
        parts.y->setRange(0, scale.top);
        parts.y->setTickCount(scale.ticks);
        parts.y->setLabelFormat(QStringLiteral("%.") + QString::number(scale.decimals) + u'f');
        break;
    }
    }
    ChartStyle::applyPalette(parts.view, palette());
    // New points under a pointer that stayed: its read-out follows them.
    parts.hover->refresh();
}

void NodeMetricsView::showState()
{
    QString text;
    if (m_nodeId.isEmpty())
        text = tr("Select a node to see its history.");
    else if (!m_error.isEmpty())
        text = tr("The history could not be read: %1").arg(m_error);
    else if (m_loading && !m_loaded)
        text = tr("Reading the history…");
    else if (m_loaded && m_series.isEmpty())
        text = tr("No reports in this range yet.");
    else if (m_loaded) {
        const QString updated =
            QDateTime::fromMSecsSinceEpoch(m_endMs).time().toString(QStringLiteral("HH:mm:ss"));
        if (m_tier == QLatin1String("1m"))
            text = tr("1-minute averages, shaded from lowest to highest · updated %1");
        else if (m_tier == QLatin1String("15m"))
            text = tr("15-minute averages, shaded from lowest to highest · updated %1");
        else if (m_tier == QLatin1String("1h"))
            text = tr("Hourly averages, shaded from lowest to highest · updated %1");
        else
            text = tr("Every report as the agent sent it · updated %1");
        text = text.arg(updated);
    }
    m_state->setText(text);
    m_state->setToolTip(text);
}

} // namespace hm::app
