#include "vpn/WgClientDetail.h"

#include "client/WireGuardApi.h"
#include "client/Within.h"
#include "vpn/WgEndpointModel.h"
#include "vpn/WgText.h"
#include "vpn/WgTrafficChart.h"
#include "widgets/ServerErrorText.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace hm::app {

namespace {

// The history gains a bucket a minute at most: reading more often shows
// nothing new.
constexpr int kWgDetailRefreshMs = 60'000;
// The endpoints the list shows (the server keeps a client's last 100).
constexpr int kWgDetailEndpointLimit = 20;

} // namespace

WgClientDetail::WgClientDetail(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("vpn.detail"));
    m_endpoints = new WgEndpointModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(4);

    auto *top = new QHBoxLayout();
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("vpn.detail.title"));
    m_title->setProperty("hmStyle", QStringLiteral("editorTitle"));
    // A long name elides rather than widening the page.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_rangeLabel = new QLabel(this);
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("vpn.detail.range"));
    for (int i = 0; i < kRangeCount; ++i)
        m_range->addItem(QString());
    m_range->setCurrentIndex(int(Range::Day1));
    m_rangeLabel->setBuddy(m_range);
    top->addWidget(m_title, 1);
    top->addWidget(m_rangeLabel);
    top->addWidget(m_range);
    layout->addLayout(top);

    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("vpn.detail.totals"));
    m_totals->setProperty("hmStyle", QStringLiteral("muted"));
    // One line: the whole sentence is in its tooltip when the pane is narrow.
    m_totals->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_totals);

    auto *body = new QHBoxLayout();
    body->setSpacing(12);
    m_chart = new WgTrafficChart(this);
    body->addWidget(m_chart, 3);
    auto *side = new QVBoxLayout();
    side->setSpacing(4);
    m_endpointsTitle = new QLabel(this);
    m_endpointsTitle->setObjectName(QStringLiteral("vpn.detail.endpointsTitle"));
    side->addWidget(m_endpointsTitle);
    m_endpointsStack = new QStackedWidget(this);
    m_endpointsView = new QTableView(m_endpointsStack);
    m_endpointsView->setObjectName(QStringLiteral("vpn.detail.endpoints"));
    m_endpointsView->setModel(m_endpoints);
    m_endpointsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_endpointsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_endpointsView->setAlternatingRowColors(true);
    m_endpointsView->setWordWrap(false);
    m_endpointsView->verticalHeader()->hide();
    // The times whole; the address takes the rest (an IPv6 one is long).
    QHeaderView *header = m_endpointsView->horizontalHeader();
    header->setSectionResizeMode(WgEndpointModel::EndpointColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(WgEndpointModel::FirstSeenColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(WgEndpointModel::LastSeenColumn, QHeaderView::ResizeToContents);
    m_endpointsStack->addWidget(m_endpointsView);
    m_endpointsMessage = new QLabel(m_endpointsStack);
    m_endpointsMessage->setObjectName(QStringLiteral("vpn.detail.endpointsMessage"));
    m_endpointsMessage->setAlignment(Qt::AlignCenter);
    m_endpointsMessage->setWordWrap(true);
    m_endpointsMessage->setProperty("hmStyle", QStringLiteral("muted"));
    m_endpointsMessage->setFrameShape(QFrame::StyledPanel);
    m_endpointsMessage->setMargin(8);
    m_endpointsStack->addWidget(m_endpointsMessage);
    side->addWidget(m_endpointsStack, 1);
    body->addLayout(side, 2);
    layout->addLayout(body, 1);

    m_refresh.setInterval(kWgDetailRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &WgClientDetail::reload);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        m_loaded = false;
        reload();
    });
    retranslateUi();
}

WgClientDetail::~WgClientDetail() = default;

qint64 WgClientDetail::rangeMs(Range range)
{
    constexpr qint64 hour = 3600'000;
    switch (range) {
    case Range::Hour1:
        return hour;
    case Range::Day1:
        return 24 * hour;
    case Range::Days7:
        return 7 * 24 * hour;
    case Range::Days30:
        return 30 * 24 * hour;
    case Range::Year1:
        return 365 * 24 * hour;
    }
    return 24 * hour;
}

void WgClientDetail::setSession(client::ApiClient *client)
{
    m_client = client;
    m_serverId = 0;
    m_clientId = 0;
    targetChanged();
}

void WgClientDetail::setServer(qint64 serverId, const QString &name)
{
    m_serverName = name;
    if (serverId == m_serverId) {
        retranslateUi(); // a new name
        return;
    }
    m_serverId = serverId;
    m_clientId = 0;
    m_clientName.clear();
    targetChanged();
}

void WgClientDetail::setClient(qint64 clientId, const QString &name)
{
    m_clientName = name;
    if (clientId == m_clientId) {
        retranslateUi();
        return;
    }
    m_clientId = clientId;
    targetChanged();
}

void WgClientDetail::targetChanged()
{
    ++m_generation; // an answer for the one before is not this one's
    m_loaded = false;
    m_loading = false;
    m_endpointsLoaded = false;
    m_error.clear();
    m_endpointsError.clear();
    m_endpoints->clear();
    retranslateUi();
    reload();
}

void WgClientDetail::setRange(Range range)
{
    m_range->setCurrentIndex(int(range));
}

WgClientDetail::Range WgClientDetail::range() const
{
    return Range(std::clamp(m_range->currentIndex(), 0, kRangeCount - 1));
}

void WgClientDetail::reload()
{
    if (!m_client || m_serverId == 0 || !isVisible()) {
        m_refresh.stop();
        showState();
        return;
    }
    m_refresh.start(); // the next read a whole interval after this one
    const quint64 generation = ++m_generation;
    // Milliseconds, not whole seconds: the range is exactly what the
    // chart's axis shows.
    const QDateTime end = QDateTime::currentDateTimeUtc();
    m_query = {};
    m_query.end = end;
    m_query.start = end.addMSecs(-rangeMs(range()));
    m_loading = true;
    showState();
    client::WireGuardApi api(*m_client);
    auto done = client::within(this, [this, generation](Result<client::WgTraffic> answer) {
        if (generation != m_generation)
            return; // another client or range asked since
        m_loading = false;
        if (!answer) {
            m_error = describeApiError(answer.error());
            showState();
            return;
        }
        showTraffic(answer.value());
    });
    if (m_clientId > 0)
        api.clientTraffic(m_clientId, m_query, std::move(done));
    else
        api.serverTraffic(m_serverId, m_query, std::move(done));
    if (m_clientId > 0) {
        api.clientEndpoints(
            m_clientId, kWgDetailEndpointLimit,
            client::within(this, [this, generation](Result<QList<client::WgEndpointSeen>> r) {
                if (generation != m_generation)
                    return;
                if (!r) {
                    m_endpointsError = describeApiError(r.error());
                    showState();
                    return;
                }
                showEndpoints(*r);
            }));
    }
}

void WgClientDetail::showTraffic(const client::WgTraffic &traffic)
{
    m_loading = false;
    m_error.clear();
    m_loaded = true;
    // The range the server read (it echoes the one asked for).
    const QDateTime start = traffic.start.isValid() ? traffic.start : m_query.start;
    const QDateTime end = traffic.end.isValid() ? traffic.end : m_query.end;
    m_chart->showSeries(
        WgTrafficSeries::from(traffic, start.toMSecsSinceEpoch(), end.toMSecsSinceEpoch()),
        noTrafficText());
    showState();
}

QString WgClientDetail::noTrafficText() const
{
    // The one thing that may show some: a longer range (none is longer
    // than a year).
    return range() == Range::Year1 ? tr("No traffic in this period.")
                                   : tr("No traffic in this period.\nA longer range may show "
                                        "older traffic.");
}

void WgClientDetail::showEndpoints(const QList<client::WgEndpointSeen> &endpoints)
{
    m_endpointsError.clear();
    m_endpointsLoaded = true;
    m_endpoints->setEndpoints(endpoints);
    showState();
}

void WgClientDetail::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WgClientDetail::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Shown again (its tab, its page): what it holds may be old.
    reload();
}

void WgClientDetail::hideEvent(QHideEvent *event)
{
    m_refresh.stop();
    QWidget::hideEvent(event);
}

void WgClientDetail::retranslateUi()
{
    m_rangeLabel->setText(tr("&Range:"));
    const QString ranges[kRangeCount] = {tr("Last hour"), tr("Last 24 hours"), tr("Last 7 days"),
                                         tr("Last 30 days"), tr("Last year")};
    for (int i = 0; i < kRangeCount; ++i)
        m_range->setItemText(i, ranges[i]);
    m_range->setToolTip(tr("The period the chart shows; longer periods are drawn from coarser "
                           "buckets (a minute, 15 minutes, an hour)."));
    m_endpointsTitle->setText(tr("Connected from"));
    m_endpointsView->setToolTip(tr("The addresses the client's packets came from, most recently "
                                   "seen first."));
    QString title;
    if (m_serverId == 0)
        title = tr("Traffic");
    else if (m_clientId > 0)
        title = tr("Traffic of %1").arg(m_clientName);
    else
        title = tr("Traffic of all clients of %1").arg(m_serverName);
    m_title->setText(title);
    m_title->setToolTip(title);
    showState();
}

void WgClientDetail::showState()
{
    // The chart: words until there is something to draw.
    if (m_serverId == 0)
        m_chart->showMessage(tr("Select a server to see its traffic."));
    else if (!m_error.isEmpty())
        m_chart->showMessage(tr("The traffic could not be read: %1").arg(m_error));
    else if (!m_loaded)
        m_chart->showMessage(m_client ? tr("Reading the traffic…") : tr("Sign in first."));
    else if (!m_chart->isShowingChart())
        m_chart->showMessage(noTrafficText());

    QString totals;
    if (m_loaded) {
        const WgTrafficSeries &s = m_chart->series();
        totals = tr("In this period: received %1, sent %2 · Since it was made: received %3, "
                    "sent %4")
                     .arg(WgText::bytes(s.receivedBytes()), WgText::bytes(s.sentBytes()),
                          WgText::bytes(s.totalReceived()), WgText::bytes(s.totalSent()));
    }
    m_totals->setText(totals);
    m_totals->setToolTip(totals.isEmpty() ? QString()
                                          : totals + u'\n' +
                                                tr("Received: what the server received from the "
                                                   "client (its upload). Sent: what the server "
                                                   "sent to it (its download)."));

    // The endpoints: only a client has them.
    QString endpoints;
    if (m_clientId == 0)
        endpoints = tr("Select a client to see where it connected from.");
    else if (!m_endpointsError.isEmpty())
        endpoints = tr("The endpoints could not be read: %1").arg(m_endpointsError);
    else if (!m_endpointsLoaded)
        endpoints = tr("Reading the endpoints…");
    else if (m_endpoints->rowCount() == 0)
        endpoints = tr("Not connected yet: no endpoint seen.");
    m_endpointsMessage->setText(endpoints);
    m_endpointsStack->setCurrentWidget(endpoints.isEmpty() ? static_cast<QWidget *>(m_endpointsView)
                                                           : m_endpointsMessage);
}

} // namespace hm::app
