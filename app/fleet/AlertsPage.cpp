#include "fleet/AlertsPage.h"

#include "client/AlertsApi.h"
#include "client/ApiClient.h"
#include "client/NodesApi.h"
#include "client/Within.h"
#include "fleet/AlertChannelDialog.h"
#include "fleet/AlertChannelModel.h"
#include "fleet/AlertNotifier.h"
#include "fleet/AlertRecordModel.h"
#include "fleet/AlertRuleDialog.h"
#include "fleet/AlertRuleModel.h"
#include "fleet/AlertText.h"
#include "fleet/MaintenanceDialog.h"
#include "fleet/MaintenanceModel.h"
#include "fleet/ProbeModel.h"
#include "fleet/ProbesTab.h"
#include "widgets/AdminText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"
#include "widgets/LiveEvents.h"
#include "widgets/MessageBox.h"
#include "widgets/PageFrame.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/SectionHeader.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace hm::app {

namespace {

// Node names for the rules: pages of the server's largest size, enough for
// a large fleet (a rule on a node further down shows the node's id).
constexpr int kNodePageSize = 100;
constexpr int kMaxNodePages = 50;

void setAlertsTone(QLabel *label, const QString &tone)
{
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

QTableView *alertsTable(QWidget *parent, const char *name, QAbstractItemModel *model)
{
    auto *view = new QTableView(parent);
    view->setObjectName(QLatin1String(name));
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setStretchLastSection(true);
    alignHeaderLikeCells(view->horizontalHeader());
    return view;
}

} // namespace

AlertsPage::AlertsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("page.alerts"));
    m_records = new AlertRecordModel(this);
    m_rules = new AlertRuleModel(this);
    m_channels = new AlertChannelModel(this);
    m_windows = new MaintenanceModel(this);
    m_notifier = new AlertNotifier(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(pageMargins());

    m_header =
        new SectionHeader(QStringLiteral("alerts"), QStringLiteral("alerts.refresh"), this, layout);
    // The server does not search alerts; the alerts' filters take the
    // search's place (shown with the Alerts tab).
    m_header->search()->hide();
    m_show = new QComboBox(this);
    m_show->setObjectName(QStringLiteral("alerts.show"));
    m_show->addItem(QString(), true);
    m_show->addItem(QString(), false);
    m_header->addFilter(m_show);
    m_typeFilter = new QComboBox(this);
    m_typeFilter->setObjectName(QStringLiteral("alerts.typeFilter"));
    m_typeFilter->addItem(QString(), QString());
    for (const QString &type : AlertText::types())
        m_typeFilter->addItem(QString(), type);
    m_header->addFilter(m_typeFilter);
    m_newRule = new QPushButton(this);
    m_newRule->setObjectName(QStringLiteral("alerts.newRule"));
    m_newRule->setProperty("primary", true);
    m_header->addButton(m_newRule);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("alerts.tabs"));
    m_tabs->setDocumentMode(true);

    // The alerts that fired.
    m_recordsTab = new QWidget(m_tabs);
    auto *recordsLayout = new QVBoxLayout(m_recordsTab);
    recordsLayout->setContentsMargins(0, 8, 0, 0);
    auto *recordsBar = new QHBoxLayout();
    m_resolve = new QPushButton(m_recordsTab);
    m_resolve->setObjectName(QStringLiteral("alerts.resolve"));
    recordsBar->addWidget(m_resolve);
    recordsBar->addStretch();
    recordsLayout->addLayout(recordsBar);
    m_recordsStack = new QStackedWidget(m_recordsTab);
    m_recordsView = alertsTable(m_recordsStack, "alerts.records", m_records);
    m_recordsView->setColumnWidth(AlertRecordModel::StateColumn, 100);
    m_recordsView->setColumnWidth(AlertRecordModel::RuleColumn, 140);
    m_recordsView->setColumnWidth(AlertRecordModel::NodeColumn, 110);
    m_recordsView->setColumnWidth(AlertRecordModel::TypeColumn, 115);
    // "12 containers" fits as well as "91.5%".
    m_recordsView->setColumnWidth(AlertRecordModel::ValueColumn, 100);
    m_recordsView->setColumnWidth(AlertRecordModel::ConditionColumn, 100);
    m_recordsView->setColumnWidth(AlertRecordModel::StartedColumn, 135);
    m_recordsStack->addWidget(m_recordsView);
    m_recordsEmpty = new SectionEmptyState(QStringLiteral("alerts"), m_recordsStack);
    m_recordsStack->addWidget(m_recordsEmpty);
    recordsLayout->addWidget(m_recordsStack, 1);
    // Which containers a container record is about (the list counts them).
    m_recordDetail = new QLabel(m_recordsTab);
    m_recordDetail->setObjectName(QStringLiteral("alerts.recordDetail"));
    m_recordDetail->setWordWrap(true);
    m_recordDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recordDetail->hide();
    recordsLayout->addWidget(m_recordDetail);
    m_tabs->addTab(m_recordsTab, QString());

    // The rules that raise them.
    m_rulesTab = new QWidget(m_tabs);
    auto *rulesLayout = new QVBoxLayout(m_rulesTab);
    rulesLayout->setContentsMargins(0, 8, 0, 0);
    auto *rulesBar = new QHBoxLayout();
    m_editRule = new QPushButton(m_rulesTab);
    m_editRule->setObjectName(QStringLiteral("alerts.editRule"));
    m_toggleRule = new QPushButton(m_rulesTab);
    m_toggleRule->setObjectName(QStringLiteral("alerts.toggleRule"));
    m_deleteRule = new QPushButton(m_rulesTab);
    m_deleteRule->setObjectName(QStringLiteral("alerts.deleteRule"));
    rulesBar->addWidget(m_editRule);
    rulesBar->addWidget(m_toggleRule);
    rulesBar->addWidget(m_deleteRule);
    rulesBar->addStretch();
    rulesLayout->addLayout(rulesBar);
    m_rulesStack = new QStackedWidget(m_rulesTab);
    m_rulesView = alertsTable(m_rulesStack, "alerts.rules", m_rules);
    m_rulesView->setColumnWidth(AlertRuleModel::NameColumn, 200);
    m_rulesView->setColumnWidth(AlertRuleModel::StateColumn, 100);
    m_rulesView->setColumnWidth(AlertRuleModel::TypeColumn, 130);
    m_rulesView->setColumnWidth(AlertRuleModel::ConditionColumn, 160);
    m_rulesView->setColumnWidth(AlertRuleModel::DurationColumn, 100);
    m_rulesView->setColumnWidth(AlertRuleModel::RenotifyColumn, 120);
    m_rulesStack->addWidget(m_rulesView);
    m_rulesEmpty = new SectionEmptyState(QStringLiteral("alerts.rules"), m_rulesStack);
    m_rulesStack->addWidget(m_rulesEmpty);
    rulesLayout->addWidget(m_rulesStack, 1);
    m_tabs->addTab(m_rulesTab, QString());

    // When alerts are held back (planned by administrators, read by all).
    m_maintenanceTab = new QWidget(m_tabs);
    auto *maintenanceLayout = new QVBoxLayout(m_maintenanceTab);
    maintenanceLayout->setContentsMargins(0, 8, 0, 0);
    auto *maintenanceBar = new QHBoxLayout();
    m_newWindow = new QPushButton(m_maintenanceTab);
    m_newWindow->setObjectName(QStringLiteral("alerts.newMaintenance"));
    m_endWindow = new QPushButton(m_maintenanceTab);
    m_endWindow->setObjectName(QStringLiteral("alerts.endMaintenance"));
    maintenanceBar->addWidget(m_newWindow);
    maintenanceBar->addWidget(m_endWindow);
    maintenanceBar->addStretch();
    maintenanceLayout->addLayout(maintenanceBar);
    m_windowsStack = new QStackedWidget(m_maintenanceTab);
    m_windowsView = alertsTable(m_windowsStack, "alerts.maintenance", m_windows);
    m_windowsView->setColumnWidth(MaintenanceModel::NameColumn, 200);
    m_windowsView->setColumnWidth(MaintenanceModel::StateColumn, 120);
    m_windowsView->setColumnWidth(MaintenanceModel::ScopeColumn, 150);
    m_windowsView->setColumnWidth(MaintenanceModel::StartsColumn, 150);
    m_windowsStack->addWidget(m_windowsView);
    m_windowsEmpty = new SectionEmptyState(QStringLiteral("alerts.maintenance"), m_windowsStack);
    m_windowsStack->addWidget(m_windowsEmpty);
    maintenanceLayout->addWidget(m_windowsStack, 1);
    m_tabs->addTab(m_maintenanceTab, QString());

    // Where alerts are sent (administrators).
    m_channelsTab = new QWidget(m_tabs);
    auto *channelsLayout = new QVBoxLayout(m_channelsTab);
    channelsLayout->setContentsMargins(0, 8, 0, 0);
    auto *channelsBar = new QHBoxLayout();
    m_newChannel = new QPushButton(m_channelsTab);
    m_newChannel->setObjectName(QStringLiteral("alerts.newChannel"));
    m_editChannel = new QPushButton(m_channelsTab);
    m_editChannel->setObjectName(QStringLiteral("alerts.editChannel"));
    m_testChannel = new QPushButton(m_channelsTab);
    m_testChannel->setObjectName(QStringLiteral("alerts.testChannel"));
    m_deleteChannel = new QPushButton(m_channelsTab);
    m_deleteChannel->setObjectName(QStringLiteral("alerts.deleteChannel"));
    for (QPushButton *button : {m_newChannel, m_editChannel, m_testChannel, m_deleteChannel})
        channelsBar->addWidget(button);
    channelsBar->addStretch();
    channelsLayout->addLayout(channelsBar);
    m_channelsStack = new QStackedWidget(m_channelsTab);
    m_channelsView = alertsTable(m_channelsStack, "alerts.channels", m_channels);
    m_channelsView->setColumnWidth(AlertChannelModel::NameColumn, 200);
    m_channelsView->setColumnWidth(AlertChannelModel::StateColumn, 100);
    m_channelsView->setColumnWidth(AlertChannelModel::TypeColumn, 110);
    m_channelsStack->addWidget(m_channelsView);
    m_channelsEmpty = new SectionEmptyState(QStringLiteral("alerts.channels"), m_channelsStack);
    m_channelsStack->addWidget(m_channelsEmpty);
    channelsLayout->addWidget(m_channelsStack, 1);
    m_tabs->addTab(m_channelsTab, QString());

    // What the agents check besides their own machine (issue 35, "Probes").
    m_probesTab = new ProbesTab(m_tabs);
    m_tabs->addTab(m_probesTab, QString());
    layout->addWidget(m_tabs, 1);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("alerts.state"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);

    connect(m_header, &SectionHeader::refreshRequested, this, &AlertsPage::reload);
    connect(m_newRule, &QPushButton::clicked, this, &AlertsPage::newRule);
    connect(m_editRule, &QPushButton::clicked, this, &AlertsPage::editRule);
    connect(m_toggleRule, &QPushButton::clicked, this, &AlertsPage::toggleRule);
    connect(m_deleteRule, &QPushButton::clicked, this, &AlertsPage::deleteRule);
    connect(m_resolve, &QPushButton::clicked, this, &AlertsPage::resolveRecord);
    connect(m_newChannel, &QPushButton::clicked, this, &AlertsPage::newChannel);
    connect(m_editChannel, &QPushButton::clicked, this, &AlertsPage::editChannel);
    connect(m_testChannel, &QPushButton::clicked, this, &AlertsPage::testChannel);
    connect(m_deleteChannel, &QPushButton::clicked, this, &AlertsPage::deleteChannel);
    connect(m_channelsView, &QTableView::doubleClicked, this, &AlertsPage::editChannel);
    connect(m_newWindow, &QPushButton::clicked, this, &AlertsPage::newMaintenanceWindow);
    connect(m_endWindow, &QPushButton::clicked, this, &AlertsPage::endMaintenanceWindow);
    connect(m_windowsEmpty->action(), &QPushButton::clicked, this, [this] {
        if (m_windows->state() == MaintenanceModel::State::Failed)
            reload();
        else
            newMaintenanceWindow();
    });
    auto *endKey = new QShortcut(QKeySequence::Delete, m_windowsView);
    endKey->setContext(Qt::WidgetShortcut);
    connect(endKey, &QShortcut::activated, this, &AlertsPage::endMaintenanceWindow);
    connect(m_windows, &RemoteListModel::stateChanged, this, &AlertsPage::showState);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_windows, signal, this, &AlertsPage::showState);
    connect(m_windows, &QAbstractItemModel::modelReset, this, &AlertsPage::showState);
    connect(m_windowsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsPage::updateActions);
    // Windows start and end by the clock: states and the list follow it.
    m_windowClock = new QTimer(this);
    m_windowClock->setInterval(30 * 1000);
    connect(m_windowClock, &QTimer::timeout, this, [this] {
        m_windows->prune();
        showState();
    });
    m_windowClock->start();
    connect(m_channelsEmpty->action(), &QPushButton::clicked, this, [this] {
        if (m_channels->state() == AlertChannelModel::State::Failed)
            reload();
        else
            newChannel();
    });
    connect(m_rulesView, &QTableView::doubleClicked, this, &AlertsPage::editRule);
    connect(m_recordsView, &QTableView::doubleClicked, this, [this] {
        if (const client::AlertRecordRow *record = selectedRecord())
            emit nodeRequested(record->nodeId);
    });
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_rulesView);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &AlertsPage::deleteRule);
    connect(m_show, &QComboBox::currentIndexChanged, this,
            [this] { m_records->setOnlyActive(m_show->currentData().toBool()); });
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_records->setType(m_typeFilter->currentData().toString()); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        const bool records = m_tabs->currentWidget() == m_recordsTab;
        m_show->setVisible(records);
        m_typeFilter->setVisible(records);
        showState();
    });
    connect(m_recordsEmpty->action(), &QPushButton::clicked, this, [this] {
        if (m_records->state() == AlertRecordModel::State::Failed)
            return reload();
        if (noRuleToFire())
            return newRule();
        if (m_records->onlyActive() && !m_records->isFiltered()) {
            m_show->setCurrentIndex(1); // every alert, resolved ones too
            return;
        }
        m_typeFilter->setCurrentIndex(0);
    });
    connect(m_rulesEmpty->action(), &QPushButton::clicked, this, [this] {
        if (m_rules->state() == AlertRuleModel::State::Failed)
            reload();
        else
            newRule();
    });
    for (RemoteListModel *model :
         {static_cast<RemoteListModel *>(m_records), static_cast<RemoteListModel *>(m_rules)}) {
        connect(model, &RemoteListModel::stateChanged, this, &AlertsPage::showState);
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, signal, this, &AlertsPage::showState);
        connect(model, &QAbstractItemModel::modelReset, this, &AlertsPage::showState);
        connect(model, &QAbstractItemModel::dataChanged, this, &AlertsPage::updateActions);
    }
    connect(m_records, &RemoteListModel::fetchFailed, this, [this](const hm::Error &error) {
        failed([] { return tr("More alerts could not be read: %1"); }, error);
    });
    connect(m_recordsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsPage::updateActions);
    connect(m_rulesView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsPage::updateActions);
    connect(m_channelsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsPage::updateActions);
    // Records opening and resolving, any console's rule changes, and nodes
    // that come, go or are renamed (the rules name them).
    m_live = new LiveEvents(this);
    connect(
        m_live, &LiveEvents::message, this, [this](const QString &type, const QJsonObject &data) {
            m_records->applyEvent(type, data);
            m_rules->applyEvent(type, data);
            m_probesTab->applyEvent(type, data);
            m_windows->applyEvent(type, data);
            if (type == QLatin1String("node_created") || type == QLatin1String("node_updated") ||
                type == QLatin1String("node_deleted")) {
                const QString id = data.value(QStringLiteral("node_id")).toString();
                const QString name = data.value(QStringLiteral("node"))
                                         .toObject()
                                         .value(QStringLiteral("name"))
                                         .toString();
                if (type == QLatin1String("node_deleted"))
                    m_nodeNames.remove(id);
                else if (!name.isEmpty())
                    m_nodeNames.insert(id, name);
                m_rules->setNodeNames(m_nodeNames);
                m_windows->setNodeNames(m_nodeNames);
                m_probesTab->setNodeNames(m_nodeNames);
            }
        });
    connect(m_live, &LiveEvents::reopened, this, [this] {
        m_records->refresh();
        m_rules->reload();
        m_probesTab->reload();
        m_windows->reload();
        if (isAdmin())
            m_channels->reload();
    });
    connect(m_probesTab, &ProbesTab::message, this, &AlertsPage::say);
    connect(m_probesTab, &ProbesTab::stateChanged, this, [this] {
        if (m_tabs->currentWidget() == m_probesTab)
            showState();
    });
    // Probe and certificate rules name their probe as the Probes tab has it.
    const auto probeNames = [this] {
        const ProbeModel *probes = m_probesTab->model();
        QHash<QString, QString> names;
        for (int row = 0; row < probes->rowCount(); ++row)
            if (const client::ProbeRow *probe = probes->probe(row))
                names.insert(probe->id, probe->name);
        m_rules->setProbeNames(names);
    };
    ProbeModel *probes = m_probesTab->model();
    connect(probes, &QAbstractItemModel::modelReset, this, probeNames);
    connect(probes, &QAbstractItemModel::rowsInserted, this, probeNames);
    connect(probes, &QAbstractItemModel::rowsRemoved, this, probeNames);
    connect(probes, &QAbstractItemModel::dataChanged, this, probeNames);
    setSession(nullptr, {});
}

AlertsPage::~AlertsPage() = default;

void AlertsPage::applySession(const Session &session)
{
    if (m_signIn.changed(session))
        setSession(session.signedIn ? session.client : nullptr, session.user);
    m_notifier->setClient(session.signedInClient());
}

bool AlertsPage::isAdmin() const
{
    return m_client && m_me.role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

bool AlertsPage::mayResolve() const
{
    return m_client && roleRank(m_me.role) >= roleRank(QStringLiteral("user"));
}

void AlertsPage::setSession(client::ApiClient *client, const client::UserInfo &user)
{
    m_client = client;
    m_me = client ? user : client::UserInfo{};
    m_message.clear();
    m_nodeNames.clear();
    m_rules->setNodeNames({});
    m_windows->setNodeNames({});
    m_records->setClient(client);
    m_rules->setClient(client);
    m_records->reload();
    m_rules->reload();
    m_windows->setClient(client);
    m_windows->reload();
    // Channels are the administrators' (the server refuses anyone else).
    m_channels->setClient(isAdmin() ? client : nullptr);
    m_channels->reload();
    m_probesTab->setSession(client, m_me);
    m_live->setClient(client);
    loadNodeNames();
    retranslateUi();
}

void AlertsPage::reload()
{
    m_message.clear();
    m_records->reload();
    m_rules->reload();
    m_windows->reload();
    m_probesTab->reload();
    if (isAdmin())
        m_channels->reload();
    loadNodeNames();
    showState();
}

void AlertsPage::loadNodeNames(int page)
{
    if (page == 1) {
        ++m_nodeNamesGeneration;
        m_nodeNames.clear();
    }
    if (!m_client)
        return;
    client::NodeFilter filter;
    filter.page = client::PageRequest{page, kNodePageSize};
    client::NodesApi(*m_client).list(
        filter, client::within(this, [this, page, generation = m_nodeNamesGeneration](
                                         Result<client::Page<client::NodeRow>> r) {
            if (generation != m_nodeNamesGeneration || !r)
                return; // a newer read, or none: rules show "One node"
            for (const client::NodeRow &node : r->items)
                m_nodeNames.insert(node.id, node.name);
            m_rules->setNodeNames(m_nodeNames);
            m_windows->setNodeNames(m_nodeNames);
            m_probesTab->setNodeNames(m_nodeNames);
            if (r->hasNext && page < kMaxNodePages)
                loadNodeNames(page + 1);
        }));
}

bool AlertsPage::isLive() const
{
    return m_live->isOpen();
}

QString AlertsPage::listStateText() const
{
    return m_state->text();
}

bool AlertsPage::openItem(const QString &recordId)
{
    m_tabs->setCurrentWidget(m_recordsTab);
    const int row = m_records->rowOf(recordId);
    if (row < 0) {
        m_pendingOpen = recordId;
        return true;
    }
    m_pendingOpen.clear();
    m_recordsView->selectRow(row);
    m_recordsView->scrollTo(m_records->index(row, 0));
    return true;
}

void AlertsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AlertsPage::retranslateUi()
{
    m_header->title()->setText(tr("Alerts"));
    m_header->subtitle()->setText(tr("What fired on your nodes, and the rules the server checks "
                                     "every report against."));
    m_header->retranslateUi();
    m_newRule->setText(tr("New rule..."));
    m_tabs->setTabText(m_tabs->indexOf(m_recordsTab), tr("Alerts"));
    m_tabs->setTabText(m_tabs->indexOf(m_rulesTab), tr("Rules"));
    m_tabs->setTabText(m_tabs->indexOf(m_maintenanceTab), tr("Maintenance"));
    m_tabs->setTabText(m_tabs->indexOf(m_channelsTab), tr("Channels"));
    m_tabs->setTabText(m_tabs->indexOf(m_probesTab), tr("Probes"));
    m_newChannel->setText(tr("New channel..."));
    m_deleteChannel->setText(tr("Delete..."));
    m_newWindow->setText(tr("Plan maintenance..."));
    m_endWindow->setText(tr("End now..."));
    m_show->setItemText(0, tr("Open alerts"));
    m_show->setItemText(1, tr("All alerts"));
    m_typeFilter->setItemText(0, tr("Every type"));
    for (int i = 1; i < m_typeFilter->count(); ++i)
        m_typeFilter->setItemText(i, AlertText::type(m_typeFilter->itemData(i).toString()));
    m_resolve->setText(tr("Resolve"));
    m_editRule->setText(tr("Edit..."));
    m_editChannel->setText(tr("Edit..."));
    m_deleteRule->setText(tr("Delete..."));
    refreshTexts(m_records);
    refreshTexts(m_rules);
    refreshTexts(m_channels);
    refreshTexts(m_windows);
    showState();
}

const client::AlertRecordRow *AlertsPage::selectedRecord() const
{
    const QModelIndexList rows = m_recordsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_records->record(rows.first().row());
}

const client::AlertChannelRow *AlertsPage::selectedChannel() const
{
    const QModelIndexList rows = m_channelsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_channels->channel(rows.first().row());
}

const client::MaintenanceWindowRow *AlertsPage::selectedWindow() const
{
    const QModelIndexList rows = m_windowsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_windows->window(rows.first().row());
}

const client::AlertRuleRow *AlertsPage::selectedRule() const
{
    const QModelIndexList rows = m_rulesView->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_rules->rule(rows.first().row());
}

void AlertsPage::updateActions()
{
    const QString signIn = tr("Sign in first.");
    const QString adminWhy = !m_client ? signIn : AdminText::adminsOnly(m_me.role);
    const auto set = [](QPushButton *button, bool enabled, const QString &tip) {
        button->setEnabled(enabled);
        button->setToolTip(tip);
    };
    const client::AlertRuleRow *rule = selectedRule();
    const QString pickRule = tr("Select a rule first.");
    set(m_newRule, isAdmin(),
        isAdmin() ? tr("A rule that raises an alert when nodes report a value over a threshold "
                       "or go offline.")
                  : adminWhy);
    set(m_editRule, isAdmin() && rule,
        !isAdmin() ? adminWhy
        : rule     ? tr("Change what the rule watches and where.")
                   : pickRule);
    // What the selected rule would become; "Disable" while none is selected.
    m_toggleRule->setText(!rule || rule->enabled ? tr("Disable") : tr("Enable"));
    set(m_toggleRule, isAdmin() && rule,
        !isAdmin()      ? adminWhy
        : !rule         ? pickRule
        : rule->enabled ? tr("Keep the rule but stop checking it; its open alerts resolve.")
                        : tr("Check the rule again from the next reports."));
    set(m_deleteRule, isAdmin() && rule,
        !isAdmin() ? adminWhy
        : rule     ? tr("Delete the rule; the alerts it raised stay in the history.")
                   : pickRule);
    const client::AlertRecordRow *record = selectedRecord();
    const bool namesContainers = record && !record->containers.isEmpty();
    m_recordDetail->setVisible(namesContainers);
    if (namesContainers)
        m_recordDetail->setText(
            (record->type == QLatin1String("container_unhealthy")
                 ? tr("Unhealthy containers on %1: %2")
                 : tr("Containers down on %1: %2"))
                .arg(record->nodeName,
                     AlertText::containers(record->containers, record->containersMore)));
    const QString resolveWhy = !m_client ? signIn : AdminText::notForViewers(m_me.role);
    set(m_resolve, mayResolve() && record && record->active,
        !mayResolve() ? resolveWhy
        : !record     ? tr("Select an alert first.")
        : !record->active
            ? tr("This alert is resolved already.")
            : tr("Mark the alert resolved. While its condition still holds no new alert "
                 "opens; the rule fires again once it cleared."));
    const client::AlertChannelRow *channel = selectedChannel();
    const QString pickChannel = tr("Select a channel first.");
    set(m_newChannel, isAdmin(),
        isAdmin() ? tr("A webhook or a mailbox that receives every alert that fires or resolves.")
                  : adminWhy);
    set(m_editChannel, isAdmin() && channel,
        !isAdmin() ? adminWhy
        : channel  ? tr("Change the URL, the secret or the name.")
                   : pickChannel);
    m_testChannel->setText(m_testing ? tr("Testing...") : tr("Test"));
    set(m_testChannel, isAdmin() && channel && !m_testing,
        !isAdmin() ? adminWhy
        : channel  ? tr("Send a test message now and say how it went.")
                   : pickChannel);
    set(m_deleteChannel, isAdmin() && channel,
        !isAdmin() ? adminWhy
        : channel  ? tr("Delete the channel and the record of its deliveries.")
                   : pickChannel);
    const client::MaintenanceWindowRow *window = selectedWindow();
    set(m_newWindow, isAdmin(),
        isAdmin() ? tr("Hold back the alerts of some nodes while you work on them.") : adminWhy);
    set(m_endWindow, isAdmin() && window,
        !isAdmin() ? adminWhy
        : window   ? tr("End the window now: its nodes raise alerts again.")
                   : tr("Select a window first."));
    m_header->refresh()->setEnabled(bool(m_client));
}

bool AlertsPage::noRuleToFire() const
{
    return m_records->state() == AlertRecordModel::State::Ready && m_records->rowCount() == 0 &&
           m_records->onlyActive() && !m_records->isFiltered() &&
           m_rules->state() == AlertRuleModel::State::Ready && m_rules->rowCount() == 0 &&
           isAdmin();
}

void AlertsPage::showMaintenanceState()
{
    QPushButton *action = m_windowsEmpty->action();
    bool showWindows = true;
    if (m_windows->state() == MaintenanceModel::State::Failed) {
        showWindows = false;
        m_windowsEmpty->title()->setText(tr("The maintenance windows could not be read"));
        m_windowsEmpty->text()->setText(AdminText::error(m_windows->lastError(), m_me.role));
        action->setText(tr("Retry"));
        action->setVisible(true);
        action->setEnabled(true);
        action->setToolTip({});
    } else if (m_windows->state() == MaintenanceModel::State::Ready && m_windows->rowCount() == 0) {
        showWindows = false;
        m_windowsEmpty->title()->setText(tr("No maintenance planned"));
        m_windowsEmpty->text()->setText(
            tr("Before you reboot or upgrade nodes, plan a window: the rules raise no alert on "
               "the nodes it covers until it ends, so nobody is paged for work you expect."));
        action->setText(tr("Plan maintenance"));
        action->setVisible(true);
        action->setEnabled(m_newWindow->isEnabled());
        action->setToolTip(m_newWindow->toolTip());
    }
    m_windowsStack->setCurrentWidget(showWindows ? static_cast<QWidget *>(m_windowsView)
                                                 : m_windowsEmpty);
}

void AlertsPage::showChannelsState()
{
    QPushButton *action = m_channelsEmpty->action();
    bool showChannels = true;
    if (m_client && !isAdmin()) {
        showChannels = false;
        m_channelsEmpty->title()->setText(tr("Channels are for administrators"));
        m_channelsEmpty->text()->setText(
            tr("Administrators choose where alerts are sent besides the consoles: webhooks and "
               "mailboxes that receive every alert. The alerts and rules are yours to read."));
        action->setVisible(false);
    } else if (m_channels->state() == AlertChannelModel::State::Failed) {
        showChannels = false;
        m_channelsEmpty->title()->setText(tr("The channels could not be read"));
        m_channelsEmpty->text()->setText(AdminText::error(m_channels->lastError(), m_me.role));
        action->setText(tr("Retry"));
        action->setVisible(true);
        action->setEnabled(true);
    } else if (m_channels->state() == AlertChannelModel::State::Ready &&
               m_channels->rowCount() == 0) {
        showChannels = false;
        m_channelsEmpty->title()->setText(tr("No channels yet"));
        m_channelsEmpty->text()->setText(
            tr("Alerts show here and on the desktops of the consoles signed in. Add a webhook or "
               "an e-mail channel to send them to a chat, a pager, a mailbox or your own "
               "tooling as well."));
        action->setText(tr("New channel..."));
        action->setVisible(true);
        action->setEnabled(m_newChannel->isEnabled());
    }
    m_channelsStack->setCurrentWidget(showChannels ? static_cast<QWidget *>(m_channelsView)
                                                   : m_channelsEmpty);
}

void AlertsPage::showState()
{
    // The alerts that fired.
    QPushButton *action = m_recordsEmpty->action();
    bool showRecords = true;
    switch (m_records->state()) {
    case AlertRecordModel::State::Idle:
    case AlertRecordModel::State::Loading:
        break;
    case AlertRecordModel::State::Failed:
        showRecords = false;
        m_recordsEmpty->title()->setText(tr("The alerts could not be read"));
        m_recordsEmpty->text()->setText(AdminText::error(m_records->lastError(), m_me.role));
        action->setText(tr("Retry"));
        action->setVisible(true);
        break;
    case AlertRecordModel::State::Ready:
        if (m_records->rowCount() > 0)
            break;
        showRecords = false;
        action->setVisible(true);
        if (m_records->isFiltered()) {
            m_recordsEmpty->title()->setText(tr("No alert of this type"));
            m_recordsEmpty->text()->setText(
                m_records->onlyActive()
                    ? tr("No %1 alert is open.").arg(AlertText::type(m_records->type()))
                    : tr("No %1 alert has fired.").arg(AlertText::type(m_records->type())));
            action->setText(tr("Every type"));
        } else if (m_records->onlyActive()) {
            m_recordsEmpty->title()->setText(tr("Nothing is firing"));
            m_recordsEmpty->text()->setText(
                m_rules->rowCount() > 0
                    ? tr("Every node is within its rules. Alerts that fired and resolved are "
                         "under \"All alerts\".")
                    : tr("No rule watches the nodes yet. Create one under Rules: the server "
                         "raises an alert here and on this desktop when it fires."));
            // Nothing can fire before a rule exists: the way to one, for
            // those who may write rules.
            action->setText(noRuleToFire() ? tr("New rule...") : tr("Show all alerts"));
        } else {
            m_recordsEmpty->title()->setText(tr("No alerts yet"));
            m_recordsEmpty->text()->setText(
                tr("No rule has fired. Alerts that fire and resolve stay here as the "
                   "history."));
            action->setVisible(false);
        }
        break;
    }
    m_recordsStack->setCurrentWidget(showRecords ? static_cast<QWidget *>(m_recordsView)
                                                 : m_recordsEmpty);

    // The rules.
    QPushButton *ruleAction = m_rulesEmpty->action();
    bool showRules = true;
    if (m_rules->state() == AlertRuleModel::State::Failed) {
        showRules = false;
        m_rulesEmpty->title()->setText(tr("The rules could not be read"));
        m_rulesEmpty->text()->setText(AdminText::error(m_rules->lastError(), m_me.role));
        ruleAction->setText(tr("Retry"));
        ruleAction->setEnabled(true);
        ruleAction->setToolTip({});
    } else if (m_rules->state() == AlertRuleModel::State::Ready && m_rules->rowCount() == 0) {
        showRules = false;
        m_rulesEmpty->title()->setText(tr("No rules yet"));
        m_rulesEmpty->text()->setText(
            tr("A rule watches one value of your nodes (CPU, memory, disk, load, network) or "
               "whether they are online, and raises an alert when it holds for the time you "
               "give."));
        ruleAction->setText(tr("New rule..."));
    }
    m_rulesStack->setCurrentWidget(showRules ? static_cast<QWidget *>(m_rulesView) : m_rulesEmpty);

    updateActions();
    showChannelsState();
    showMaintenanceState();

    QString text;
    QString tone;
    if (!m_client) {
        text = tr("Sign in to see the alerts.");
    } else if (m_tabs->currentWidget() == m_channelsTab) {
        if (m_channels->state() == AlertChannelModel::State::Loading)
            text = tr("Loading channels...");
        else if (m_channels->state() == AlertChannelModel::State::Ready &&
                 m_channels->rowCount() > 0)
            text = tr("%n channel(s)", "", m_channels->rowCount());
    } else if (m_tabs->currentWidget() == m_maintenanceTab) {
        if (m_windows->state() == MaintenanceModel::State::Loading)
            text = tr("Loading maintenance windows...");
        else if (m_windows->state() == MaintenanceModel::State::Ready && m_windows->rowCount() > 0)
            text = tr("%n maintenance window(s), %1 in progress", "", m_windows->rowCount())
                       .arg(QLocale().toString(m_windows->currentCount()));
    } else if (m_tabs->currentWidget() == m_probesTab) {
        text = m_probesTab->stateText();
    } else if (m_tabs->currentWidget() == m_rulesTab) {
        if (m_rules->state() == AlertRuleModel::State::Loading)
            text = tr("Loading rules...");
        else if (m_rules->state() == AlertRuleModel::State::Ready && m_rules->rowCount() > 0)
            text = tr("%n rule(s)", "", m_rules->rowCount());
    } else if (m_records->state() == AlertRecordModel::State::Loading) {
        text = tr("Loading alerts...");
    } else if (m_records->state() == AlertRecordModel::State::Ready && m_records->rowCount() > 0) {
        text = m_records->onlyActive() && !m_records->isFiltered()
                   ? tr("%n alert(s) firing", "", int(m_records->totalCount()))
                   : tr("%1 of %n alert(s) shown", "", int(m_records->totalCount()))
                         .arg(QLocale().toString(m_records->rowCount()));
    }
    if (!m_message.isEmpty()) {
        text = m_message.toString();
        tone = m_messageTone;
    }
    updateActions();
    if (!showRules && m_rules->state() != AlertRuleModel::State::Failed) {
        ruleAction->setEnabled(m_newRule->isEnabled());
        ruleAction->setToolTip(m_newRule->toolTip());
    }
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
    setAlertsTone(m_state, tone);
    if (!m_pendingOpen.isEmpty() && m_records->rowOf(m_pendingOpen) >= 0)
        openItem(m_pendingOpen);
}

void AlertsPage::failed(std::function<QString()> what, const hm::Error &error)
{
    say(LocalizedText(
            [what, error, role = m_me.role] { return what().arg(AdminText::error(error, role)); }),
        QStringLiteral("bad"));
}

void AlertsPage::say(LocalizedText text, const QString &tone)
{
    m_message = std::move(text);
    m_messageTone = tone;
    showState();
}

void AlertsPage::newChannel()
{
    if (!m_client || !isAdmin())
        return;
    m_message.clear();
    AlertChannelDialog dialog(m_client, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    m_channels->upsert(dialog.channel());
    m_tabs->setCurrentWidget(m_channelsTab);
    if (const int row = m_channels->rowOf(dialog.channel().id); row >= 0)
        m_channelsView->selectRow(row);
    showState();
}

void AlertsPage::editChannel()
{
    const client::AlertChannelRow *channel = selectedChannel();
    if (!m_client || !channel || !isAdmin())
        return;
    m_message.clear();
    AlertChannelDialog dialog(m_client, *channel, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    m_channels->upsert(dialog.channel());
    showState();
}

void AlertsPage::testChannel()
{
    const client::AlertChannelRow *channel = selectedChannel();
    if (!m_client || !channel || !isAdmin() || m_testing)
        return;
    m_testing = true;
    const QString name = channel->name;
    say(LocalizedText([name] { return tr("Sending a test message to \"%1\"...").arg(name); }), {});
    client::AlertsApi(*m_client).testChannel(
        channel->id, client::within(this, [this, name](Result<client::AlertChannelTest> r) {
            m_testing = false;
            if (!r)
                return failed([] { return tr("The channel was not tested: %1"); }, r.error());
            const client::AlertChannelTest &t = *r;
            if (t.success && t.smtpCode > 0)
                return say(LocalizedText([name, t] {
                               return tr("The SMTP server took the test message for \"%1\" "
                                         "(reply %2, %3 ms).")
                                   .arg(name)
                                   .arg(t.smtpCode)
                                   .arg(t.durationMs);
                           }),
                           QStringLiteral("good"));
            if (t.success)
                return say(LocalizedText([name, t] {
                               return tr("\"%1\" received the test message (HTTP %2, %3 ms).")
                                   .arg(name)
                                   .arg(t.httpStatus)
                                   .arg(t.durationMs);
                           }),
                           QStringLiteral("good"));
            // The channel's own words (t.error) stay; ours around them follow.
            say(LocalizedText([name, error = t.error] {
                    return tr("The test message to \"%1\" failed: %2.").arg(name, error);
                }),
                QStringLiteral("bad"));
        }));
}

void AlertsPage::deleteChannel()
{
    const client::AlertChannelRow *channel = selectedChannel();
    if (!m_client || !channel || !isAdmin())
        return;
    m_message.clear();
    const QString id = channel->id;
    if (!MessageBox::confirm(this, tr("Delete channel"),
                             tr("Delete the channel \"%1\"? Alerts are no longer sent there; "
                                "the record of its deliveries goes with it.")
                                 .arg(channel->name),
                             tr("Delete"), QStringLiteral("alerts.confirmDeleteChannel"),
                             MessageBox::Confirm::Destructive))
        return;
    client::AlertsApi(*m_client).removeChannel(
        id, client::within(this, [this, id](Result<void> r) {
            if (!r)
                return failed([] { return tr("The channel was not deleted: %1"); }, r.error());
            m_channels->remove(id);
            showState();
        }));
}

AlertRuleDialog::NodeNames AlertsPage::nodeChoices() const
{
    AlertRuleDialog::NodeNames nodes;
    for (auto it = m_nodeNames.cbegin(); it != m_nodeNames.cend(); ++it)
        nodes.append({it.key(), it.value()});
    std::sort(nodes.begin(), nodes.end(), [](const auto &a, const auto &b) {
        return a.second.compare(b.second, Qt::CaseInsensitive) < 0;
    });
    return nodes;
}

void AlertsPage::newRule()
{
    if (!m_client || !isAdmin())
        return;
    m_message.clear();
    AlertRuleDialog dialog(m_client, nodeChoices(), this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    // The server's alert_rule_created brings the same row to every console.
    m_rules->upsert(dialog.rule());
    m_tabs->setCurrentWidget(m_rulesTab);
    if (const int row = m_rules->rowOf(dialog.rule().id); row >= 0)
        m_rulesView->selectRow(row);
    showState();
}

void AlertsPage::editRule()
{
    const client::AlertRuleRow *rule = selectedRule();
    if (!m_client || !rule || !isAdmin())
        return;
    m_message.clear();
    AlertRuleDialog dialog(m_client, nodeChoices(), *rule, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    m_rules->upsert(dialog.rule());
    showState();
}

void AlertsPage::toggleRule()
{
    const client::AlertRuleRow *rule = selectedRule();
    if (!m_client || !rule || !isAdmin())
        return;
    m_message.clear();
    client::AlertRuleChange change;
    change.enabled = !rule->enabled;
    m_toggleRule->setEnabled(false);
    client::AlertsApi(*m_client).updateRule(
        rule->id, change, client::within(this, [this](Result<client::AlertRuleRow> r) {
            if (!r)
                return failed([] { return tr("The rule was not changed: %1"); }, r.error());
            m_rules->upsert(*r);
            showState();
        }));
}

void AlertsPage::deleteRule()
{
    const client::AlertRuleRow *rule = selectedRule();
    if (!m_client || !rule || !isAdmin())
        return;
    m_message.clear();
    const QString id = rule->id;
    if (!MessageBox::confirm(this, tr("Delete alert rule"),
                             tr("Delete the rule \"%1\"? Its open alerts resolve; the alerts it "
                                "raised stay in the history.")
                                 .arg(rule->name),
                             tr("Delete"), QStringLiteral("alerts.confirmDeleteRule"),
                             MessageBox::Confirm::Destructive))
        return;
    client::AlertsApi(*m_client).removeRule(
        id, client::within(this, [this, id](Result<void> r) {
            if (!r)
                return failed([] { return tr("The rule was not deleted: %1"); }, r.error());
            m_rules->remove(id);
            showState();
        }));
}

void AlertsPage::resolveRecord()
{
    const client::AlertRecordRow *record = selectedRecord();
    if (!m_client || !record || !record->active || !mayResolve())
        return;
    m_message.clear();
    m_resolve->setEnabled(false);
    client::AlertsApi(*m_client).resolve(
        record->id, client::within(this, [this](Result<client::AlertRecordRow> r) {
            if (!r)
                return failed([] { return tr("The alert was not resolved: %1"); }, r.error());
            m_records->upsert(*r);
            showState();
        }));
}

void AlertsPage::newMaintenanceWindow()
{
    if (!m_client || !isAdmin())
        return;
    m_message.clear();
    MaintenanceDialog dialog(m_client, nodeChoices(), this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    // The server's alert_maintenance_created brings the same row to every console.
    m_windows->upsert(dialog.window());
    m_tabs->setCurrentWidget(m_maintenanceTab);
    if (const int row = m_windows->rowOf(dialog.window().id); row >= 0)
        m_windowsView->selectRow(row);
    showState();
}

void AlertsPage::endMaintenanceWindow()
{
    const client::MaintenanceWindowRow *window = selectedWindow();
    if (!m_client || !window || !isAdmin())
        return;
    m_message.clear();
    const QString id = window->id;
    const bool current = window->isCurrent(m_windows->now());
    const QString question =
        current ? tr("End the window \"%1\" now? Its nodes raise alerts again; a value still over "
                     "its threshold fires once the rule's time has passed.")
                : tr("Cancel the planned window \"%1\"? Alerts will not be held back.");
    // A planned window is called off, not ended: its button says so, and the
    // way out keeps it rather than reading "Cancel" beside "Cancel window".
    if (!MessageBox::confirm(this, tr("End maintenance"), question.arg(window->name),
                             current ? tr("End now") : tr("Cancel window"),
                             QStringLiteral("alerts.confirmEndMaintenance"),
                             MessageBox::Confirm::Normal, current ? QString() : tr("Keep window")))
        return;
    client::AlertsApi(*m_client).endMaintenanceWindow(
        id, client::within(this, [this, id](Result<void> r) {
            if (!r)
                return failed([] { return tr("The window was not ended: %1"); }, r.error());
            m_windows->remove(id);
            showState();
        }));
}

} // namespace hm::app
