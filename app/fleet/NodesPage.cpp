#include "fleet/NodesPage.h"

#include "client/ApiClient.h"
#include "client/NodesApi.h"
#include "client/RemoteApi.h"
#include "client/Within.h"
#include "fleet/AgentReleasesDialog.h"
#include "fleet/EnrolNodeDialog.h"
#include "fleet/NodeColumnChoice.h"
#include "fleet/NodeColumnFit.h"
#include "fleet/NodeColumnMenu.h"
#include "fleet/NodeDetailPane.h"
#include "fleet/NodeDockerView.h"
#include "fleet/NodeEditDialog.h"
#include "fleet/NodeFilesView.h"
#include "fleet/NodeListDelegate.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodeMetricsView.h"
#include "fleet/NodeNginxView.h"
#include "fleet/NodeProbesView.h"
#include "fleet/NodeProcessesView.h"
#include "fleet/PublicStatusDialog.h"
#include "remote/NodeAgentView.h"
#include "remote/NodeTerminalView.h"
#include "widgets/AdminText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"
#include "widgets/LiveEvents.h"
#include "widgets/MessageBox.h"
#include "widgets/PageFrame.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/SectionHeader.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// "Last seen" counts on while the page is open.
constexpr int kClockMs = 5000;

void setNodesTone(QLabel *label, const QString &tone)
{
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

NodesPage::NodesPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("page.nodes"));
    m_model = new NodeListModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(pageMargins());

    m_header =
        new SectionHeader(QStringLiteral("nodes"), QStringLiteral("nodes.refresh"), this, layout);
    m_labelFilter = new QLineEdit(this);
    m_labelFilter->setObjectName(QStringLiteral("nodes.labelFilter"));
    m_labelFilter->setClearButtonEnabled(true);
    m_header->addFilter(m_labelFilter);
    m_enrol = new QPushButton(this);
    m_enrol->setObjectName(QStringLiteral("nodes.enrol"));
    m_enrol->setProperty("primary", true);
    m_header->addButton(m_enrol);

    auto *actions = new QHBoxLayout();
    m_edit = new QPushButton(this);
    m_edit->setObjectName(QStringLiteral("nodes.edit"));
    actions->addWidget(m_edit);
    m_renew = new QPushButton(this);
    m_renew->setObjectName(QStringLiteral("nodes.renew"));
    m_delete = new QPushButton(this);
    m_delete->setObjectName(QStringLiteral("nodes.delete"));
    actions->addWidget(m_renew);
    actions->addWidget(m_delete);
    actions->addStretch();
    // About the page, not the selected node: apart from the node's actions.
    m_agentReleases = new QPushButton(this);
    m_agentReleases->setObjectName(QStringLiteral("nodes.agentReleases"));
    actions->addWidget(m_agentReleases);
    m_publicStatus = new QPushButton(this);
    m_publicStatus->setObjectName(QStringLiteral("nodes.publicStatus"));
    actions->addWidget(m_publicStatus);
    layout->addLayout(actions);

    // The list above the selected node's details: the list keeps the
    // window's width for its columns.
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("nodes.split"));
    split->setChildrenCollapsible(false);
    // The list with its count right under it (as the other sections'
    // lists have theirs): what it says is about the list, not the node.
    auto *listPane = new QWidget(split);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_content = new QStackedWidget(listPane);
    listLayout->addWidget(m_content, 1);
    m_view = new QTableView(m_content);
    m_view->setObjectName(QStringLiteral("nodes.list"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new NodeListDelegate(m_view));
    alignHeaderLikeCells(m_view->horizontalHeader());
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // The columns fit the view's width (no sideways scrolling): the name
    // takes the slack, the least needed columns give way when narrow; the
    // header's menu shows or hides any but the name, kept across restarts.
    auto *columns = new NodeColumnChoice(this);
    new NodeColumnMenu(m_view, columns, new NodeColumnFit(m_view, columns));
    // Rows of one height (the sparklines' and chips' room): the view never
    // measures a thousand rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    m_content->addWidget(m_view);
    m_empty = new SectionEmptyState(QStringLiteral("nodes"), m_content);
    m_content->addWidget(m_empty);
    // Under the list, the selected node: its facts, or its history as
    // charts (read only while that tab shows).
    m_tabs = new QTabWidget(split);
    m_tabs->setObjectName(QStringLiteral("nodes.detailTabs"));
    m_tabs->setDocumentMode(true);
    // Long values wrap in the details: when they are taller than the tab,
    // they scroll inside it rather than make the page taller than the
    // window.
    m_detailScroll = new QScrollArea(m_tabs);
    m_detailScroll->setObjectName(QStringLiteral("nodes.detailScroll"));
    m_detailScroll->setWidgetResizable(true);
    m_detailScroll->setFrameShape(QFrame::NoFrame);
    m_detailScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_detail = new NodeDetailPane(m_detailScroll);
    m_detailScroll->setWidget(m_detail);
    // On the page's background, as the other tabs are (setWidget turned
    // the fill on; the viewport fills with the palette's window colour).
    m_detail->setAutoFillBackground(false);
    m_detailScroll->viewport()->setAutoFillBackground(false);
    m_metrics = new NodeMetricsView(m_tabs);
    m_tabs->addTab(m_detailScroll, QString());
    m_tabs->addTab(m_metrics, QString());
    m_probes = new NodeProbesView(m_tabs);
    m_tabs->addTab(m_probes, QString());
    // Shown once /access says the node's agent and the user's grants allow it.
    m_processes = new NodeProcessesView(m_tabs);
    m_tabs->setTabVisible(m_tabs->addTab(m_processes, QString()), false);
    m_terminal = new NodeTerminalView(m_tabs);
    m_tabs->setTabVisible(m_tabs->addTab(m_terminal, QString()), false);
    m_files = new NodeFilesView(m_tabs);
    m_tabs->setTabVisible(m_tabs->addTab(m_files, QString()), false);
    m_docker = new NodeDockerView(m_tabs);
    m_tabs->setTabVisible(m_tabs->addTab(m_docker, QString()), false);
    m_nginx = new NodeNginxView(m_tabs);
    m_tabs->setTabVisible(m_tabs->addTab(m_nginx, QString()), false);
    m_agent = new NodeAgentView(m_tabs);
    m_tabs->setTabVisible(m_tabs->addTab(m_agent, QString()), false);
    m_state = new QLabel(listPane);
    m_state->setObjectName(QStringLiteral("nodes.state"));
    m_state->setProperty("hmStyle", QStringLiteral("muted"));
    m_state->setWordWrap(true);
    listLayout->addWidget(m_state);
    split->addWidget(listPane);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    // The charts want the height more than a long list does.
    split->setSizes({200, 500});
    layout->addWidget(split, 1);

    m_labelDelay = new QTimer(this);
    m_labelDelay->setSingleShot(true);
    m_labelDelay->setInterval(250);
    connect(m_labelFilter, &QLineEdit::textChanged, m_labelDelay, qOverload<>(&QTimer::start));
    connect(m_labelDelay, &QTimer::timeout, this,
            [this] { m_model->setLabelFilter(m_labelFilter->text().trimmed()); });
    connect(m_header, &SectionHeader::refreshRequested, this, &NodesPage::reload);
    connect(m_header, &SectionHeader::searchChanged, m_model, &NodeListModel::setSearch);
    connect(m_enrol, &QPushButton::clicked, this, &NodesPage::enrolNode);
    connect(m_edit, &QPushButton::clicked, this, &NodesPage::editSelected);
    connect(m_renew, &QPushButton::clicked, this, &NodesPage::renewSelected);
    connect(m_delete, &QPushButton::clicked, this, &NodesPage::deleteSelected);
    connect(m_publicStatus, &QPushButton::clicked, this, &NodesPage::editPublicStatus);
    connect(m_agentReleases, &QPushButton::clicked, this, &NodesPage::openAgentReleases);
    // Keyboard-first: Delete on the list asks as the button does.
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_view);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &NodesPage::deleteSelected);
    connect(m_empty->action(), &QPushButton::clicked, this, [this] {
        if (m_model->state() == NodeListModel::State::Failed)
            reload();
        else if (m_model->isFiltered()) {
            m_header->search()->clear();
            m_labelFilter->clear();
            m_model->setSearch({});
            m_model->setLabelFilter({});
        } else
            enrolNode();
    });
    connect(m_model, &NodeListModel::stateChanged, this, &NodesPage::showState);
    connect(m_model, &NodeListModel::fetchFailed, this, [this](const hm::Error &error) {
        failed([] { return tr("More nodes could not be read: %1"); }, error);
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &NodesPage::showState);
    // The selected node's details follow its row (an event changed it);
    // a live batch's other rows leave them alone.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                const QModelIndexList rows = m_view->selectionModel()->selectedRows();
                if (!rows.isEmpty() && rows.first().row() >= from.row() &&
                    rows.first().row() <= to.row())
                    showDetail();
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &NodesPage::showDetail);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &NodesPage::showDetail);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        // Another pick reads /access again (grants may have changed meanwhile).
        m_accessKey.clear();
        showDetail();
    });
    // Other consoles' changes and agents' comings and goings, applied to
    // the loaded rows (a reload after the events were cut off: some may be
    // missed).
    m_live = new LiveEvents(this);
    connect(m_live, &LiveEvents::message, m_model, &NodeListModel::applyEvent);
    connect(m_live, &LiveEvents::reopened, m_model, &NodeListModel::reload);
    m_clock = new QTimer(this);
    m_clock->setInterval(kClockMs);
    connect(m_clock, &QTimer::timeout, this, [this] {
        m_model->refreshLastSeen();
        m_detail->refreshTimes();
    });
    m_clock->start();
    setSession(nullptr, {});
}

NodesPage::~NodesPage() = default;

bool NodesPage::isAdmin() const
{
    return m_client && m_me.role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

void NodesPage::setSession(client::ApiClient *client, const client::UserInfo &user)
{
    m_client = client;
    m_me = client ? user : client::UserInfo{};
    m_message.clear();
    m_model->setClient(client);
    m_model->reload();
    m_metrics->setClient(client);
    m_probes->setClient(client, m_me.role);
    m_processes->setClient(client);
    m_nginx->setClient(client);
    m_terminal->setClient(client, m_me.id);
    m_files->setClient(client);
    m_docker->setClient(client);
    m_agent->setClient(client);
    m_accessKey.clear();
    m_live->setClient(client);
    retranslateUi();
}

void NodesPage::reload()
{
    m_message.clear();
    m_model->reload();
    showState();
}

bool NodesPage::isLive() const
{
    return m_live->isOpen();
}

bool NodesPage::openItem(const QString &nodeId)
{
    const int row = m_model->rowOf(nodeId);
    if (row < 0) {
        m_pendingOpen = nodeId;
        return true;
    }
    m_pendingOpen.clear();
    m_view->selectRow(row);
    m_view->scrollTo(m_model->index(row, 0));
    return true;
}

void NodesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NodesPage::retranslateUi()
{
    m_header->title()->setText(tr("Nodes"));
    m_header->subtitle()->setText(tr("Machines that run the HiveMind agent: their status, what "
                                     "they report and how to enrol more."));
    m_header->retranslateUi();
    m_header->search()->setPlaceholderText(tr("Search name, description or address"));
    m_labelFilter->setPlaceholderText(tr("Label"));
    m_labelFilter->setToolTip(tr("Only nodes with exactly this label."));
    m_enrol->setText(tr("Enrol node..."));
    m_edit->setText(tr("Edit..."));
    m_renew->setText(tr("New enrolment secret..."));
    m_delete->setText(tr("Delete..."));
    m_publicStatus->setText(tr("Public status..."));
    m_agentReleases->setText(tr("Agent releases..."));
    m_tabs->setTabText(m_tabs->indexOf(m_detailScroll), tr("Details"));
    m_tabs->setTabText(m_tabs->indexOf(m_metrics), tr("Metrics"));
    m_tabs->setTabText(m_tabs->indexOf(m_probes), tr("Probes"));
    m_tabs->setTabText(m_tabs->indexOf(m_processes), tr("Processes"));
    m_tabs->setTabText(m_tabs->indexOf(m_terminal), tr("Terminal"));
    m_tabs->setTabText(m_tabs->indexOf(m_files), tr("Files"));
    m_tabs->setTabText(m_tabs->indexOf(m_docker), tr("Docker"));
    m_tabs->setTabText(m_tabs->indexOf(m_nginx), tr("Nginx"));
    m_tabs->setTabText(m_tabs->indexOf(m_agent), tr("Agent"));
    refreshTexts(m_model);
    showState();
}

const client::NodeRow *NodesPage::selected() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->node(rows.first().row());
}

void NodesPage::updateActions()
{
    const client::NodeRow *node = selected();
    const QString why = !m_client ? tr("Sign in first.") : AdminText::adminsOnly(m_me.role);
    const QString select = tr("Select a node first.");
    const auto set = [](QPushButton *button, bool enabled, const QString &tip) {
        button->setEnabled(enabled);
        button->setToolTip(tip);
    };
    set(m_enrol, isAdmin(),
        isAdmin() ? tr("Create a node and the command that enrols its agent.") : why);
    set(m_edit, isAdmin() && node,
        !isAdmin() ? why
        : node     ? tr("Rename the node or change its labels and description.")
                   : select);
    set(m_renew, isAdmin() && node,
        !isAdmin() ? why
        : node     ? tr("A new one-time secret; the node's current agent key is revoked.")
                   : select);
    set(m_delete, isAdmin() && node,
        !isAdmin() ? why
        : node     ? tr("Delete the node and its history; its agent is disconnected.")
                   : select);
    set(m_publicStatus, isAdmin(),
        isAdmin() ? tr("Choose the nodes a public page shows to anyone who can reach the "
                       "server, without signing in.")
                  : why);
    set(m_agentReleases, isAdmin(),
        isAdmin() ? tr("The agent builds this server offers, and upgrades of many nodes' "
                       "agents in stages.")
                  : why);
    m_header->refresh()->setEnabled(bool(m_client));
}

void NodesPage::showState()
{
    QString text;
    QString tone;
    bool showList = true;
    QPushButton *action = m_empty->action();
    switch (m_model->state()) {
    case NodeListModel::State::Idle:
        text = m_client ? QString() : tr("Sign in to see the nodes.");
        break;
    case NodeListModel::State::Loading:
        text = tr("Loading nodes...");
        break;
    case NodeListModel::State::Failed:
        showList = false;
        m_empty->title()->setText(tr("The nodes could not be read"));
        m_empty->text()->setText(AdminText::error(m_model->lastError(), m_me.role));
        action->setText(tr("Retry"));
        action->setEnabled(true);
        action->setToolTip({});
        tone = QStringLiteral("bad");
        break;
    case NodeListModel::State::Ready:
        if (m_model->rowCount() == 0) {
            showList = false;
            if (m_model->isFiltered()) {
                m_empty->title()->setText(tr("No node matches"));
                m_empty->text()->setText(
                    m_model->labelFilter().isEmpty()
                        ? tr("No node has \"%1\" in its name, description or address.")
                              .arg(m_model->search())
                        : tr("No node with the label \"%1\" matches.").arg(m_model->labelFilter()));
                action->setText(tr("Clear filters"));
                action->setEnabled(true);
                action->setToolTip({});
            } else {
                m_empty->title()->setText(tr("No nodes yet"));
                m_empty->text()->setText(
                    tr("A node is a machine that runs the HiveMind agent and reports its "
                       "status and metrics here. Enrol one: the console shows a command to run "
                       "on the machine."));
                action->setText(tr("Enrol a node"));
                action->setEnabled(m_enrol->isEnabled());
                action->setToolTip(m_enrol->toolTip());
            }
        } else {
            text = tr("%1 of %n node(s) shown", "", int(m_model->totalCount()))
                       .arg(QLocale().toString(m_model->rowCount()));
        }
        break;
    }
    if (!m_message.isEmpty()) {
        text = m_message.toString();
        tone = QStringLiteral("bad");
    }
    updateActions();
    if (m_model->state() == NodeListModel::State::Ready && m_model->rowCount() == 0 &&
        !m_model->isFiltered()) {
        action->setEnabled(m_enrol->isEnabled());
        action->setToolTip(m_enrol->toolTip());
    }
    m_content->setCurrentWidget(showList ? static_cast<QWidget *>(m_view) : m_empty);
    // Without rows there is nothing to detail: the empty state takes the width.
    m_tabs->setVisible(showList && m_model->rowCount() > 0);
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
    setNodesTone(m_state, m_message.isEmpty() ? QString() : tone);
    if (!m_pendingOpen.isEmpty() && m_model->rowOf(m_pendingOpen) >= 0)
        openItem(m_pendingOpen);
}

void NodesPage::showDetail()
{
    const client::NodeRow *node = selected();
    m_detail->setNode(node);
    m_metrics->setNode(node ? node->id : QString());
    m_probes->setNode(node);
    m_processes->setNode(node);
    m_terminal->setNode(node);
    m_files->setNode(node);
    m_docker->setNode(node);
    m_nginx->setNode(node);
    m_agent->setNode(node);
    readAccess(node);
    updateActions();
}

void NodesPage::readAccess(const client::NodeRow *node)
{
    // Again when the node's status changes: an agent that reconnects may
    // grant other capabilities.
    const QString key = node && m_client ? node->id + u'/' + node->status : QString();
    if (key == m_accessKey)
        return;
    m_accessKey = key;
    if (key.isEmpty()) {
        m_tabs->setTabVisible(m_tabs->indexOf(m_processes), false);
        m_tabs->setTabVisible(m_tabs->indexOf(m_terminal), false);
        m_tabs->setTabVisible(m_tabs->indexOf(m_files), false);
        m_tabs->setTabVisible(m_tabs->indexOf(m_docker), false);
        m_tabs->setTabVisible(m_tabs->indexOf(m_nginx), false);
        m_tabs->setTabVisible(m_tabs->indexOf(m_agent), false);
        return;
    }
    client::RemoteApi(*m_client).access(
        node->id, client::within(this, [this, key](Result<client::NodeAccess> r) {
            if (key != m_accessKey)
                return;
            m_tabs->setTabVisible(m_tabs->indexOf(m_processes),
                                  r && r.value().usable.contains(QLatin1String("processes")));
            const bool terminal = r && r.value().usable.contains(QLatin1String("terminal"));
            m_tabs->setTabVisible(m_tabs->indexOf(m_terminal), terminal);
            m_terminal->setUsable(terminal);
            m_tabs->setTabVisible(m_tabs->indexOf(m_files),
                                  r && r.value().usable.contains(QLatin1String("files")));
            m_tabs->setTabVisible(m_tabs->indexOf(m_docker),
                                  r && r.value().usable.contains(QLatin1String("docker")));
            m_tabs->setTabVisible(m_tabs->indexOf(m_nginx),
                                  r && r.value().usable.contains(QLatin1String("nginx")));
            const bool upgrade = r && r.value().usable.contains(QLatin1String("upgrade"));
            const bool reboot = r && r.value().usable.contains(QLatin1String("reboot"));
            m_tabs->setTabVisible(m_tabs->indexOf(m_agent), upgrade || reboot);
            m_agent->setUsable(upgrade, reboot);
            emit nodeAccessRead();
        }));
}

void NodesPage::failed(std::function<QString()> what, const hm::Error &error)
{
    m_message = LocalizedText(
        [what, error, role = m_me.role] { return what().arg(AdminText::error(error, role)); });
    showState();
}

void NodesPage::enrolNode()
{
    if (!m_client || !isAdmin())
        return;
    m_message.clear();
    EnrolNodeDialog dialog(m_client, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || !dialog.hasResult())
        return;
    // The event brings it too; whichever comes first puts it in its place.
    m_model->upsert(dialog.node());
    openItem(dialog.node().id);
    showState();
}

void NodesPage::editSelected()
{
    const client::NodeRow *node = selected();
    if (!m_client || !node || !isAdmin())
        return;
    m_message.clear();
    NodeEditDialog dialog(m_client, *node, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    // The server's node_updated brings the same row to every console.
    m_model->upsert(dialog.node());
    showState();
}

void NodesPage::renewSelected()
{
    const client::NodeRow *node = selected();
    if (!m_client || !node || !isAdmin())
        return;
    m_message.clear();
    EnrolNodeDialog dialog(m_client, *node, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || !dialog.hasResult())
        return;
    // The server's node_updated brings the whole row; this one is pending now.
    m_model->upsert(dialog.node());
    showState();
}

void NodesPage::deleteSelected()
{
    const client::NodeRow *node = selected();
    if (!m_client || !node || !isAdmin())
        return;
    m_message.clear();
    const QString id = node->id;
    if (!MessageBox::confirm(this, tr("Delete node"),
                             tr("Delete \"%1\"? Its reported history goes with it and its agent "
                                "is disconnected at once; the agent cannot sign in again. This "
                                "cannot be undone.")
                                 .arg(node->name),
                             tr("Delete"), QStringLiteral("nodes.confirmDelete"),
                             MessageBox::Confirm::Destructive))
        return;
    client::NodesApi(*m_client).remove(id, client::within(this, [this, id](Result<void> r) {
                                           if (!r)
                                               return failed(
                                                   [] {
                                                       return tr("The node was not deleted: %1");
                                                   },
                                                   r.error());
                                           m_model->remove(id);
                                           showState();
                                       }));
}

void NodesPage::editPublicStatus()
{
    if (!m_client || !isAdmin())
        return;
    m_message.clear();
    // The settings live on the server; the list shows nothing of them.
    PublicStatusDialog dialog(m_client, this);
    DialogSeam::exec(&dialog);
}

void NodesPage::openAgentReleases()
{
    if (!m_client || !isAdmin())
        return;
    m_message.clear();
    QStringList chosen;
    if (const client::NodeRow *node = selected())
        chosen.append(node->id);
    AgentReleasesDialog dialog(m_client, chosen, this);
    DialogSeam::exec(&dialog);
}

} // namespace hm::app
