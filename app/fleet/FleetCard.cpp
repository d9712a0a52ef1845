#include "fleet/FleetCard.h"

#include "client/NodesApi.h"
#include "client/Within.h"
#include "widgets/ByteSizeText.h"
#include "widgets/MissingValue.h"
#include "widgets/ServerErrorText.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr int kPeriodicMs = 30'000;

QLabel *fleetLabel(QWidget *parent, const QString &objectName, bool wrap = false)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(wrap);
    return l;
}

QString percentText(double value)
{
    return value < 0 ? missingValue() : QLocale().toString(value, 'f', 1) + u'%';
}

QString rateText(double bytesPerSecond)
{
    return ByteSizeText::format(qint64(bytesPerSecond));
}

} // namespace

FleetCard::FleetCard(QWidget *parent) : QFrame(parent)
{
    // The Dashboard's card look (its style sheet reads these).
    setObjectName(QStringLiteral("card"));
    setProperty("cardName", QStringLiteral("fleet"));
    setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    auto *head = new QHBoxLayout;
    m_title = fleetLabel(this, QStringLiteral("cardTitle"));
    m_state = fleetLabel(this, QStringLiteral("dashboard.fleet.state"), true);
    m_state->setProperty("hmStyle", QStringLiteral("muted"));
    head->addWidget(m_title);
    head->addSpacing(16);
    head->addWidget(m_state, 1);
    layout->addLayout(head);

    m_details = new QWidget(this);
    auto *details = new QHBoxLayout(m_details);
    details->setContentsMargins(0, 4, 0, 0);
    details->setSpacing(28);
    // The counts, large, like the executions card's.
    auto *counts = new QGridLayout;
    counts->setHorizontalSpacing(28);
    counts->setVerticalSpacing(0);
    const char *const countNames[] = {"online", "offline", "pending", "total"};
    const char *const colors[] = {"#047857", "#b91c1c", "#6b7280", "#1d4ed8"};
    for (int i = 0; i < 4; ++i) {
        m_counts[i] = fleetLabel(m_details,
                                 QStringLiteral("dashboard.fleet.") + QLatin1String(countNames[i]));
        m_counts[i]->setStyleSheet(QStringLiteral("font-size: 18pt; font-weight: 600; color: %1;")
                                       .arg(QLatin1String(colors[i])));
        m_captions[i] = fleetLabel(m_details, QStringLiteral("fieldCaption"));
        counts->addWidget(m_counts[i], 0, i);
        counts->addWidget(m_captions[i], 1, i);
    }
    details->addLayout(counts);
    // The top consumers, one short list each.
    const char *const topNames[] = {"topCpu", "topMemory", "topDisk", "topNetwork"};
    for (int i = 0; i < TopListCount; ++i) {
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        m_topTitles[i] = fleetLabel(m_details, QStringLiteral("fieldCaption"));
        m_topLists[i] =
            fleetLabel(m_details, QStringLiteral("dashboard.fleet.") + QLatin1String(topNames[i]));
        m_topLists[i]->setTextFormat(Qt::PlainText);
        m_topLists[i]->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        // A long node name elides rather than widening the card.
        m_topLists[i]->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        column->addWidget(m_topTitles[i]);
        column->addWidget(m_topLists[i]);
        column->addStretch();
        details->addLayout(column, 1);
    }
    layout->addWidget(m_details);
    // The averages under both, full width: one line each.
    m_averages = fleetLabel(this, QStringLiteral("dashboard.fleet.averages"), true);
    layout->addWidget(m_averages);

    m_periodic.setInterval(kPeriodicMs);
    connect(&m_periodic, &QTimer::timeout, this, &FleetCard::reload);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(1000);
    connect(&m_debounce, &QTimer::timeout, this, &FleetCard::reload);
    retranslateUi();
}

void FleetCard::setClient(client::ApiClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    // Another server's (or user's) fleet is not shown meanwhile.
    m_summary = {};
    m_loaded = false;
    m_error.clear();
    ++m_generation;
    fill();
    reload();
}

void FleetCard::reload()
{
    if (!m_client || !isVisible()) {
        m_periodic.stop();
        return;
    }
    m_periodic.start();
    const quint64 generation = ++m_generation;
    client::NodesApi(*m_client).summary(
        kTopCount, client::within(this, [this, generation](Result<client::FleetSummary> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_error = describeApiError(r.error());
            } else {
                m_error.clear();
                m_summary = r.value();
                m_loaded = true;
            }
            fill();
        }));
}

void FleetCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void FleetCard::showEvent(QShowEvent *event)
{
    QFrame::showEvent(event);
    reload();
}

void FleetCard::hideEvent(QHideEvent *event)
{
    m_periodic.stop();
    QFrame::hideEvent(event);
}

void FleetCard::retranslateUi()
{
    m_title->setText(tr("Fleet"));
    m_captions[0]->setText(tr("Online"));
    m_captions[1]->setText(tr("Offline"));
    m_captions[2]->setText(tr("Pending enrolment"));
    m_captions[3]->setText(tr("Nodes"));
    m_topTitles[Cpu]->setText(tr("Busiest CPU"));
    m_topTitles[Memory]->setText(tr("Most memory used"));
    m_topTitles[Disk]->setText(tr("Fullest disk"));
    m_topTitles[Network]->setText(tr("Most traffic"));
    fill();
}

void FleetCard::fill()
{
    const client::FleetSummary &s = m_summary;
    QString state;
    if (!m_client)
        state = tr("Sign in to see the fleet.");
    else if (!m_error.isEmpty())
        state = tr("The fleet could not be read: %1").arg(m_error);
    else if (!m_loaded)
        state = tr("Reading the fleet…");
    else if (s.total == 0)
        state = tr("No nodes yet. Enrol a machine in the Nodes section to watch it here.");
    else if (s.online == 0)
        state = tr("No node is online.");
    else if (s.reporting < s.online)
        state =
            tr("%n of the online nodes reported since the server started.", nullptr, s.reporting);
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    m_details->setVisible(m_loaded && s.total > 0);

    const int counts[4] = {s.online, s.offline, s.pending, s.total};
    for (int i = 0; i < 4; ++i)
        m_counts[i]->setText(m_loaded ? QLocale().toString(counts[i]) : missingValue());
    if (s.reporting > 0) {
        QString averages = tr("Averages over the online nodes: CPU %1 · Memory %2 · Disk %3")
                               .arg(percentText(s.cpu), percentText(s.memory), percentText(s.disk));
        if (s.load1 >= 0)
            averages += tr(" · Load %1").arg(QLocale().toString(s.load1, 'f', 2));
        averages +=
            u'\n' +
            tr("Network: %1/s in, %2/s out").arg(rateText(s.networkIn), rateText(s.networkOut));
        m_averages->setText(averages);
    } else {
        m_averages->clear();
    }
    m_averages->setVisible(s.reporting > 0);

    const QList<client::FleetSummary::Ranked> *lists[TopListCount] = {&s.topCpu, &s.topMemory,
                                                                      &s.topDisk, &s.topNetwork};
    for (int i = 0; i < TopListCount; ++i) {
        QStringList lines;
        for (const client::FleetSummary::Ranked &r : *lists[i]) {
            const QString value =
                i == Network ? rateText(r.value) + QStringLiteral("/s") : percentText(r.value);
            lines.append(tr("%1  %2").arg(value, r.name));
        }
        m_topLists[i]->setText(lines.isEmpty() ? tr("None reported") : lines.join(u'\n'));
        m_topLists[i]->setToolTip(lines.join(u'\n'));
    }
}

} // namespace hm::app
