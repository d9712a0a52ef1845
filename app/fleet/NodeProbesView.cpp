#include "fleet/NodeProbesView.h"

#include "client/NodesApi.h"
#include "client/ProbesApi.h"
#include "client/Within.h"
#include "fleet/NodeProbeModel.h"
#include "fleet/ProbeDialog.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ServerErrorText.h"

#include <QEvent>
#include <QHeaderView>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace hm::app {

namespace {

constexpr int kRefreshMs = 30'000;
// Probes per history query: five metric names each keep the URL short.
constexpr int kProbesPerQuery = 12;
// How far back the latest result is looked for: a probe runs at least
// hourly (interval 10 s to 1 h); the raw tier answers up to 2 hours.
constexpr qint64 kLookBackMs = 2 * 3600 * 1000;

} // namespace

NodeProbesView::NodeProbesView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodes.probesView"));
    m_model = new NodeProbeModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    m_view = new QTableView(m_stack);
    m_view->setObjectName(QStringLiteral("nodes.probes"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    alignHeaderLikeCells(m_view->horizontalHeader());
    m_view->setColumnWidth(NodeProbeModel::NameColumn, 160);
    m_view->setColumnWidth(NodeProbeModel::KindColumn, 130);
    m_view->setColumnWidth(NodeProbeModel::TargetColumn, 220);
    m_view->setColumnWidth(NodeProbeModel::ResultColumn, 200);
    m_view->setColumnWidth(NodeProbeModel::LatencyColumn, 90);
    m_view->setColumnWidth(NodeProbeModel::CertificateColumn, 120);
    m_stack->addWidget(m_view);
    m_empty = new SectionEmptyState(QStringLiteral("nodes.probes"), m_stack);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack);
    connect(m_empty->action(), &QPushButton::clicked, this, &NodeProbesView::emptyAction);

    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        m_model->refreshTimes();
        reload();
    });
    showState();
}

void NodeProbesView::setClient(client::ApiClient *client, const QString &role)
{
    m_client = client;
    m_role = client ? role : QString();
    setNode(nullptr);
}

void NodeProbesView::setNode(const client::NodeRow *node)
{
    const bool same = node && m_node && node->id == m_node->id;
    if (same && node->labels == m_node->labels && node->capabilities == m_node->capabilities) {
        m_node = *node;
        return;
    }
    m_node = node ? std::optional<client::NodeRow>(*node) : std::nullopt;
    if (!same) {
        ++m_generation;
        m_pending = 0;
        m_loaded = false;
        m_error.clear();
        m_model->clear();
    }
    reload();
}

void NodeProbesView::reload()
{
    showState();
    if (!m_client || !m_node || !isVisible()) {
        m_refresh.stop();
        return;
    }
    m_refresh.start();
    const quint64 generation = ++m_generation;
    m_pending = 1;
    client::ProbesApi(*m_client).list(
        client::within(this, [this, generation](Result<QList<client::ProbeRow>> r) {
            if (generation != m_generation)
                return;
            m_pending = 0;
            if (!r) {
                m_error = describeApiError(r.error());
                showState();
                return;
            }
            m_error.clear();
            m_loaded = true;
            m_model->setProbes(r.value(), *m_node);
            readResults(generation);
            showState();
        }));
}

void NodeProbesView::readResults(quint64 generation)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int from = 0; from < m_model->rowCount(); from += kProbesPerQuery) {
        client::NodeMetricsQuery query;
        query.start = now.addMSecs(-kLookBackMs);
        query.end = now;
        query.tier = QStringLiteral("raw");
        query.names = m_model->metricNames(from, from + kProbesPerQuery);
        ++m_pending;
        client::NodesApi(*m_client).metrics(
            m_node->id, query,
            client::within(this, [this, generation](Result<client::NodeMetrics> r) {
                if (generation != m_generation)
                    return;
                --m_pending;
                if (r)
                    m_model->addResults(r.value());
                else
                    m_error = describeApiError(r.error());
                showState();
            }));
    }
}

void NodeProbesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        showState();
    QWidget::changeEvent(event);
}

void NodeProbesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}

void NodeProbesView::hideEvent(QHideEvent *event)
{
    m_refresh.stop();
    QWidget::hideEvent(event);
}

void NodeProbesView::showState()
{
    const bool granted = m_node && m_node->capabilities.contains(QLatin1String("probes"));
    SectionEmptyState::Content content;
    if (!m_node) {
        content.title = tr("No node selected");
        content.text = tr("Select a node to see the probes it runs.");
    } else if (!m_error.isEmpty() && m_model->rowCount() == 0) {
        content.title = tr("The probes could not be read");
        content.text = m_error;
        content.action = tr("Retry");
    } else if (!m_loaded) {
        content.title = tr("Reading the probes…");
        content.busy = true;
    } else if (m_model->rowCount() == 0) {
        content.title = tr("No probe runs on this node");
        if (isAdmin()) {
            content.text = tr("Probes for all nodes, for this node or for one of its labels run "
                              "here and check that a web page, a port or a host answers.");
            content.action = tr("New probe...");
        } else {
            content.text = tr("Probes for all nodes, for this node or for one of its labels run "
                              "here. Define them under Alerts → Probes.");
        }
    } else if (!granted && m_node->enrolled) {
        content.title = tr("This node's agent does not run probes");
        content.text = tr("Its configuration does not grant \"probes\", so the %n probe(s) "
                          "defined for it do not run. Add probes to the agent's capabilities "
                          "on the machine to run them.",
                          "", m_model->rowCount());
    }
    const bool showList = content.title.isEmpty();
    if (!showList)
        m_empty->setContent(content);
    m_stack->setCurrentWidget(showList ? static_cast<QWidget *>(m_view) : m_empty);
}

bool NodeProbesView::isAdmin() const
{
    return m_client && m_role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

void NodeProbesView::emptyAction()
{
    if (!m_error.isEmpty() || !m_node || m_model->rowCount() > 0)
        return reload();
    newProbe();
}

void NodeProbesView::newProbe()
{
    if (!m_client || !m_node || !isAdmin())
        return;
    ProbeDialog dialog(m_client, {{m_node->id, m_node->name}}, this);
    dialog.runOnNode(m_node->id);
    if (DialogSeam::exec(&dialog) == QDialog::Accepted)
        reload();
}

} // namespace hm::app
