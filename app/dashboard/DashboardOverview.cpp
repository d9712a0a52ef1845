#include "dashboard/DashboardOverview.h"

#include "client/ApiClient.h"
#include "client/EventHub.h"
#include "client/ExecutionsApi.h"
#include "client/SystemApi.h"
#include "client/Within.h"
#include "fleet/FleetCard.h"
#include "fleet/OpenAlertsCard.h"
#include "operations/OperationsText.h"
#include "widgets/ByteSizeText.h"
#include "widgets/ChartStyle.h"
#include "widgets/DateTimeText.h"
#include "widgets/MissingValue.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace hm::app {

namespace {

QFrame *card(QWidget *parent, const QString &name)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("card"));
    frame->setProperty("cardName", name);
    frame->setFrameShape(QFrame::NoFrame);
    return frame;
}

QLabel *label(QWidget *parent, const QString &objectName, bool wrap = false)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(wrap);
    return l;
}

QString rate(double bytesPerSecond)
{
    return ByteSizeText::format(qint64(bytesPerSecond));
}

} // namespace

DashboardOverview::DashboardOverview(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboard.overview"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(20);
    grid->setVerticalSpacing(20);
    // What an operator looks for first: the fleet and what fires on it,
    // then the flows' runs, then the server's own host.
    m_fleet = new FleetCard(this);
    grid->addWidget(m_fleet, 0, 0, 1, 2);
    m_alerts = new OpenAlertsCard(this);
    grid->addWidget(m_alerts, 1, 0, 1, 2);
    connect(m_alerts, &OpenAlertsCard::openAlert, this, &DashboardOverview::openAlert);
    connect(m_alerts, &OpenAlertsCard::showAllAlerts, this, &DashboardOverview::showAllAlerts);
    grid->addWidget(createExecutionsCard(), 2, 0);
    grid->addWidget(createFailuresCard(), 2, 1);
    grid->addWidget(createHostCard(), 3, 0, 1, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);

    // Samples may come faster than anyone can see: the charts are redrawn
    // at most once per interval.
    m_repaint.setSingleShot(true);
    m_repaint.setInterval(1000);
    connect(&m_repaint, &QTimer::timeout, this, &DashboardOverview::redrawCharts);
    // Execution events come in bursts: the counts are read once after one.
    m_statsDebounce.setSingleShot(true);
    m_statsDebounce.setInterval(1500);
    connect(&m_statsDebounce, &QTimer::timeout, this, [this] {
        loadStats();
        loadFailures();
    });
    m_periodic.setInterval(60000);
    connect(&m_periodic, &QTimer::timeout, this, &DashboardOverview::refresh);

    retranslate();
    applyPalette();
}

DashboardOverview::~DashboardOverview()
{
    if (m_events)
        m_events->unsubscribe(this);
}

QWidget *DashboardOverview::createHostCard()
{
    auto *frame = card(this, QStringLiteral("host"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(20, 16, 20, 16);
    auto *head = new QHBoxLayout;
    m_hostTitle = label(frame, QStringLiteral("cardTitle"));
    m_uptime = label(frame, QStringLiteral("dashboard.uptime"));
    m_latest = label(frame, QStringLiteral("dashboard.latest"));
    head->addWidget(m_hostTitle);
    head->addSpacing(16);
    head->addWidget(m_uptime);
    head->addStretch(1);
    head->addWidget(m_latest);
    layout->addLayout(head);
    m_hostState = label(frame, QStringLiteral("dashboard.hostState"), true);
    layout->addWidget(m_hostState);

    m_usageChart = new QChart;
    m_cpu = ChartStyle::line(m_usageChart, ChartStyle::seriesColor(0));
    m_memory = ChartStyle::line(m_usageChart, ChartStyle::seriesColor(1));
    m_disk = ChartStyle::line(m_usageChart, ChartStyle::seriesColor(2));
    m_usageX = new QValueAxis(m_usageChart);
    m_usageX->setRange(-15, 0);
    m_usageX->setTickCount(4);
    m_usageX->setLabelFormat(QStringLiteral("%d"));
    m_usageY = new QValueAxis(m_usageChart);
    m_usageY->setRange(0, 100);
    m_usageY->setLabelFormat(QStringLiteral("%d%%"));
    m_usageChart->addAxis(m_usageX, Qt::AlignBottom);
    m_usageChart->addAxis(m_usageY, Qt::AlignLeft);
    for (QLineSeries *s : {m_cpu, m_memory, m_disk}) {
        s->attachAxis(m_usageX);
        s->attachAxis(m_usageY);
    }
    m_usageView =
        ChartStyle::view(m_usageChart, QStringLiteral("dashboard.usageChart"), frame, 220);

    m_netChart = new QChart;
    m_sent = ChartStyle::line(m_netChart, ChartStyle::seriesColor(3));
    m_received = ChartStyle::line(m_netChart, ChartStyle::seriesColor(4));
    m_netX = new QValueAxis(m_netChart);
    m_netX->setRange(-15, 0);
    m_netX->setTickCount(4);
    m_netX->setLabelFormat(QStringLiteral("%d"));
    m_netY = new QValueAxis(m_netChart);
    m_netY->setRange(0, 1024);
    m_netY->setLabelFormat(QStringLiteral("%.0f"));
    m_netChart->addAxis(m_netX, Qt::AlignBottom);
    m_netChart->addAxis(m_netY, Qt::AlignLeft);
    for (QLineSeries *s : {m_sent, m_received}) {
        s->attachAxis(m_netX);
        s->attachAxis(m_netY);
    }
    m_netView = ChartStyle::view(m_netChart, QStringLiteral("dashboard.networkChart"), frame, 220);

    auto *charts = new QHBoxLayout;
    charts->addWidget(m_usageView, 3);
    charts->addWidget(m_netView, 2);
    layout->addLayout(charts);
    return frame;
}

QWidget *DashboardOverview::createExecutionsCard()
{
    auto *frame = card(this, QStringLiteral("executions"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(20, 16, 20, 16);
    m_execTitle = label(frame, QStringLiteral("cardTitle"));
    layout->addWidget(m_execTitle);
    auto *counts = new QGridLayout;
    counts->setHorizontalSpacing(28);
    const auto count = [&](int column, QLabel **caption, QLabel **value, const QString &name,
                           const QString &color) {
        *caption = label(frame, QStringLiteral("fieldCaption"));
        *value = label(frame, name);
        (*value)->setStyleSheet(
            QStringLiteral("font-size: 18pt; font-weight: 600; color: %1;").arg(color));
        (*value)->setText(missingValue());
        counts->addWidget(*value, 0, column);
        counts->addWidget(*caption, 1, column);
    };
    count(0, &m_completedCaption, &m_completed, QStringLiteral("dashboard.completed"),
          QStringLiteral("#047857"));
    count(1, &m_failedCaption, &m_failed, QStringLiteral("dashboard.failed"),
          QStringLiteral("#b91c1c"));
    count(2, &m_runningCaption, &m_running, QStringLiteral("dashboard.running"),
          QStringLiteral("#1d4ed8"));
    counts->setColumnStretch(3, 1);
    layout->addLayout(counts);
    m_execState = label(frame, QStringLiteral("dashboard.executionsState"), true);
    layout->addWidget(m_execState);

    m_hourChart = new QChart;
    auto *series = new QStackedBarSeries(m_hourChart);
    m_completedSet = new QBarSet(QString(), series);
    m_completedSet->setColor(QColor(0x10, 0xb9, 0x81));
    m_completedSet->setBorderColor(QColor(0x10, 0xb9, 0x81));
    m_failedSet = new QBarSet(QString(), series);
    m_failedSet->setColor(QColor(0xef, 0x44, 0x44));
    m_failedSet->setBorderColor(QColor(0xef, 0x44, 0x44));
    series->append(m_completedSet);
    series->append(m_failedSet);
    series->setBarWidth(0.8);
    m_hourChart->addSeries(series);
    // Hours as a value axis labelled every third hour: 24 category labels
    // do not fit under the bars.
    m_hourAxis = new QCategoryAxis(m_hourChart);
    m_hourAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_hourAxis->setRange(-0.5, 23.5);
    m_hourAxis->setGridLineVisible(false);
    m_countAxis = new QValueAxis(m_hourChart);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setRange(0, 4);
    m_hourChart->addAxis(m_hourAxis, Qt::AlignBottom);
    m_hourChart->addAxis(m_countAxis, Qt::AlignLeft);
    series->attachAxis(m_hourAxis);
    series->attachAxis(m_countAxis);
    m_hourView = ChartStyle::view(m_hourChart, QStringLiteral("dashboard.hourChart"), frame, 220);
    layout->addWidget(m_hourView, 1);
    return frame;
}

QWidget *DashboardOverview::createFailuresCard()
{
    auto *frame = card(this, QStringLiteral("failures"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(20, 16, 20, 16);
    m_failuresTitle = label(frame, QStringLiteral("cardTitle"));
    layout->addWidget(m_failuresTitle);
    // Under the title, as the other cards' hints: with no rows the list is
    // hidden and this line is all the card says (it used to sit below an
    // empty list, out of sight).
    m_failuresState = label(frame, QStringLiteral("dashboard.failuresState"), true);
    layout->addWidget(m_failuresState);
    m_failures = new QListWidget(frame);
    m_failures->setObjectName(QStringLiteral("dashboard.failures"));
    m_failures->setWordWrap(true);
    m_failures->setMinimumHeight(160);
    layout->addWidget(m_failures, 1);
    // Takes the room the hidden list leaves (none while it is shown: the
    // list has the stretch).
    layout->addStretch(0);
    connect(m_failures, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit openExecution(item->data(Qt::UserRole).toString());
    });
    connect(m_failures, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        emit openExecution(item->data(Qt::UserRole).toString());
    });
    return frame;
}

void DashboardOverview::setClient(hm::client::ApiClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    m_fleet->setClient(client);
    m_alerts->setClient(client);
    // Another user's (or another server's) failures are not shown meanwhile.
    m_failureRows.clear();
    m_failureCount = -1;
    m_failuresError.clear();
    if (!client) {
        listen(); // leaves the old client's stream
        m_periodic.stop();
        m_stats = {};
        m_uptimeSeconds = -1;
        retranslate();
        return;
    }
    showFailures();
    updateFailuresState();
    listen();
    refresh();
    m_periodic.start();
}

void DashboardOverview::listen()
{
    // The client's one event stream (with the connection's TLS policy: a
    // pinned remote server refuses anything else).
    hm::client::EventHub *hub = m_client ? hm::client::EventHub::of(m_client) : nullptr;
    if (hub == m_events)
        return;
    if (m_events) {
        m_events->unsubscribe(this);
        disconnect(m_events, nullptr, this, nullptr);
    }
    m_events = hub;
    if (!hub)
        return;
    connect(hub, &hm::client::EventHub::systemStatus, this, [this](const QJsonObject &d) {
        addSystemStatus(d, QDateTime::currentMSecsSinceEpoch());
    });
    connect(hub, &hm::client::EventHub::executionChanged, this,
            [this] { m_statsDebounce.start(); });
    connect(hub, &hm::client::EventHub::message, this, [this](const QString &type) {
        if (type.startsWith(QLatin1String("node_")))
            m_fleet->nodeChanged();
    });
    connect(hub, &hm::client::EventHub::resynchronise, m_fleet, &FleetCard::reload);
    // The card's first summary may be read before the stream is open; a
    // node that changed in between is read again once it is.
    connect(hub, &hm::client::EventHub::opened, m_fleet, &FleetCard::nodeChanged);
    hub->subscribe(this);
    // The hub was open already: the sample it had is the first point.
    if (!hub->lastSystemStatus().isEmpty())
        addSystemStatus(hub->lastSystemStatus(), QDateTime::currentMSecsSinceEpoch());
}

void DashboardOverview::refresh()
{
    loadInfo();
    loadStats();
    loadFailures();
}

void DashboardOverview::loadInfo()
{
    if (!m_client)
        return;
    hm::client::SystemApi(*m_client).info(hm::client::within(this, [this](Result<QJsonObject> r) {
        if (!r) {
            m_infoError = describeOperationsError(r.error(), tr("read the server's status"));
            m_uptimeSeconds = -1;
        } else {
            m_infoError.clear();
            m_uptimeSeconds = r.value()
                                  .value(QStringLiteral("application"))
                                  .toObject()
                                  .value(QStringLiteral("uptime"))
                                  .toInteger(-1);
        }
        updateHostText();
    }));
}

void DashboardOverview::loadStats()
{
    if (!m_client)
        return;
    hm::client::ExecutionsApi(*m_client).stats(
        24, hm::client::within(this, [this](Result<QJsonObject> r) {
            if (!r) {
                m_stats = {};
                m_execState->setText(
                    describeOperationsError(r.error(), tr("count the executions")));
                return;
            }
            m_stats = r.value();
            showStats();
        }));
}

void DashboardOverview::showStats()
{
    const QJsonObject totals = m_stats.value(QStringLiteral("totals")).toObject();
    const auto number = [&totals](const char *key) {
        return QLocale().toString(totals.value(QLatin1String(key)).toInteger());
    };
    if (m_stats.isEmpty()) {
        for (QLabel *l : {m_completed, m_failed, m_running})
            l->setText(missingValue());
        m_execState->setText(m_client ? tr("Loading…")
                                      : tr("Sign in to see the executions of the last 24 hours."));
        m_completedSet->remove(0, m_completedSet->count());
        m_failedSet->remove(0, m_failedSet->count());
        for (const QString &label : m_hourAxis->categoriesLabels())
            m_hourAxis->remove(label);
        return;
    }
    m_completed->setText(number("completed"));
    m_failed->setText(number("failed"));
    m_running->setText(number("running"));
    const qint64 total = totals.value(QStringLiteral("total")).toInteger();
    m_execState->setText(total == 0 ? tr("No executions in the last 24 hours.")
                                    : tr("%n executions in the last 24 hours", "", int(total)));
    const QJsonArray buckets = m_stats.value(QStringLiteral("buckets")).toArray();
    QStringList categories;
    QList<qreal> completed;
    QList<qreal> failed;
    qint64 most = 0;
    for (const QJsonValue &v : buckets) {
        const QJsonObject b = v.toObject();
        const QDateTime start =
            QDateTime::fromString(b.value(QStringLiteral("start")).toString(), Qt::ISODate);
        categories.append(start.toLocalTime().toString(QStringLiteral("HH")));
        const qint64 c = b.value(QStringLiteral("completed")).toInteger();
        const qint64 f = b.value(QStringLiteral("failed")).toInteger();
        completed.append(qreal(c));
        failed.append(qreal(f));
        most = std::max(most, c + f);
    }
    m_completedSet->remove(0, m_completedSet->count());
    m_failedSet->remove(0, m_failedSet->count());
    m_completedSet->append(completed);
    m_failedSet->append(failed);
    for (const QString &label : m_hourAxis->categoriesLabels())
        m_hourAxis->remove(label);
    for (int i = 0; i < categories.size(); ++i) {
        if (i % 3 == 2 || i == categories.size() - 1)
            m_hourAxis->append(categories.at(i) + QStringLiteral(":00"), i);
    }
    m_hourAxis->setRange(-0.5, categories.size() - 0.5);
    m_countAxis->setRange(0, qreal(std::max<qint64>(4, most + 1)));
    m_countAxis->applyNiceNumbers();
}

void DashboardOverview::loadFailures()
{
    if (!m_client)
        return;
    hm::client::ExecutionFilter filter;
    filter.status = QStringLiteral("failed");
    filter.page = 1;
    filter.size = 6;
    hm::client::ExecutionsApi(*m_client).list(
        filter,
        hm::client::within(this, [this](Result<hm::client::Page<hm::client::ExecutionSummary>> r) {
            // Signed out meanwhile: the card says so and stays empty.
            if (!m_client)
                return;
            m_failureRows.clear();
            m_failureCount = -1;
            if (!r) {
                m_failuresError =
                    describeOperationsError(r.error(), tr("list the failed executions"));
            } else {
                m_failuresError.clear();
                m_failureRows = r.value().items;
                m_failureCount = int(r.value().items.size());
            }
            showFailures();
            updateFailuresState();
        }));
}

// The latest failures as list rows, in the current language and its
// date format (rebuilt on a language switch).
void DashboardOverview::showFailures()
{
    m_failures->clear();
    for (const hm::client::ExecutionSummary &e : std::as_const(m_failureRows)) {
        const QString flow = e.flowName.isEmpty() ? e.flowId : e.flowName;
        const QString when = dateTimeText(e.createdAt);
        auto *item = new QListWidgetItem(e.errorCode.isEmpty()
                                             ? tr("%1 — %2").arg(flow, when)
                                             : tr("%1 — %2 (%3)").arg(flow, when, e.errorCode),
                                         m_failures);
        item->setData(Qt::UserRole, e.executionId);
        item->setToolTip(tr("Open execution %1 in the viewer").arg(e.executionId));
    }
}

void DashboardOverview::addSystemStatus(const QJsonObject &data, qint64 ms)
{
    m_history.add(ms, data);
    if (!m_repaint.isActive())
        m_repaint.start();
}

int DashboardOverview::cpuPointCount() const
{
    return int(m_cpu->count());
}

void DashboardOverview::redrawCharts()
{
    ++m_chartUpdates;
    const qint64 now =
        m_history.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : m_history.latest().ms;
    m_cpu->replace(m_history.points(MetricsHistory::Series::Cpu, now));
    m_memory->replace(m_history.points(MetricsHistory::Series::Memory, now));
    m_disk->replace(m_history.points(MetricsHistory::Series::Disk, now));
    // Network in KiB/s, the axis grows with the largest rate.
    auto scaled = [&](MetricsHistory::Series s) {
        QList<QPointF> points = m_history.points(s, now);
        for (QPointF &p : points)
            p.setY(p.y() / 1024.0);
        return points;
    };
    m_sent->replace(scaled(MetricsHistory::Series::Sent));
    m_received->replace(scaled(MetricsHistory::Series::Received));
    m_netY->setRange(0, std::max(16.0, m_history.maxRate() / 1024.0 * 1.2));
    updateHostText();
}

void DashboardOverview::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void DashboardOverview::applyPalette()
{
    for (QChartView *view : {m_usageView, m_netView, m_hourView})
        ChartStyle::applyPalette(view, palette());
}

QString DashboardOverview::uptimeText(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = (seconds % 86400) / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    // The two largest units that say something: "3 d 4 h", "2 h 5 min",
    // "7 min" (not "0 h 7 min").
    return days > 0      ? tr("Server up %1 d %2 h").arg(days).arg(hours)
           : hours > 0   ? tr("Server up %1 h %2 min").arg(hours).arg(minutes)
           : minutes > 0 ? tr("Server up %1 min").arg(minutes)
                         : tr("Server up less than a minute");
}

void DashboardOverview::updateHostText()
{
    if (m_uptimeSeconds >= 0) {
        m_uptime->setText(uptimeText(m_uptimeSeconds));
    } else {
        m_uptime->setText(m_infoError);
    }
    if (!m_history.isEmpty()) {
        const MetricsHistory::Sample &s = m_history.latest();
        const auto pct = [](double v) {
            return v < 0 ? missingValue() : QLocale().toString(v, 'f', 1) + u'%';
        };
        m_latest->setText(
            tr("CPU %1 · Memory %2 · Disk %3").arg(pct(s.cpu), pct(s.memory), pct(s.disk)));
        m_hostState->setText(s.sentPerSecond < 0
                                 ? QString()
                                 : tr("Network: %1/s sent, %2/s received")
                                       .arg(rate(s.sentPerSecond), rate(s.receivedPerSecond)));
    } else {
        m_latest->clear();
        m_hostState->setText(m_client ? tr("Waiting for the server's first status report…")
                                      : tr("Sign in to follow the host's load live."));
    }
}

void DashboardOverview::retranslate()
{
    m_hostTitle->setText(tr("Host"));
    updateHostText();
    m_usageChart->setTitle(tr("CPU, memory and disk (last 15 minutes)"));
    m_cpu->setName(tr("CPU"));
    m_memory->setName(tr("Memory"));
    m_disk->setName(tr("Disk"));
    m_usageX->setTitleText(tr("Minutes"));
    m_netChart->setTitle(tr("Network (KiB/s)"));
    m_sent->setName(tr("Sent"));
    m_received->setName(tr("Received"));
    m_netX->setTitleText(tr("Minutes"));

    m_execTitle->setText(tr("Executions, last 24 hours"));
    m_completedCaption->setText(tr("Completed"));
    m_failedCaption->setText(tr("Failed"));
    m_runningCaption->setText(tr("Running"));
    m_completedSet->setLabel(tr("Completed"));
    m_failedSet->setLabel(tr("Failed"));
    m_hourChart->setTitle(tr("Per hour"));
    m_failuresTitle->setText(tr("Latest failed executions"));
    showFailures();
    updateFailuresState();
    showStats();
}

// One line says what the card shows: nothing to show while nobody is
// signed in (also when the connection was refused: no client then), the
// list's error, "loading" before the first answer, or that there are no
// failures at all; the list only when it has rows.
void DashboardOverview::updateFailuresState()
{
    if (!m_client)
        m_failuresState->setText(tr("Sign in to see failed executions."));
    else if (!m_failuresError.isEmpty())
        m_failuresState->setText(m_failuresError);
    else if (m_failureCount < 0)
        m_failuresState->setText(tr("Loading…"));
    else if (m_failureCount == 0)
        m_failuresState->setText(tr("No failed executions. Good."));
    else
        m_failuresState->setText(tr("Click one to open it in the viewer."));
    m_failures->setVisible(m_client && m_failureCount > 0);
}

} // namespace hm::app
