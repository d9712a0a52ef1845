#include "flows/FlowsPage.h"

#include "canvas/FlowEditorWidget.h"
#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/ApiError.h"
#include "client/FlowsApi.h"
#include "client/Within.h"
#include "common/Logging.h"
#include "flowgraph/FlowGraphModel.h"
#include "flows/FlowEditorPage.h"
#include "flows/FlowErrorText.h"
#include "flows/FlowFile.h"
#include "flows/FlowNameDialog.h"
#include "flows/FlowRetentionDialog.h"
#include "flows/ShareDialog.h"
#include "flows/TriggerDialog.h"
#include "flows/WebhookDialog.h"
#include "widgets/ActionButton.h"
#include "widgets/IconBadge.h"
#include "widgets/LiveEvents.h"
#include "widgets/MessageBox.h"
#include "widgets/PageFrame.h"
#include "widgets/SectionEmptyState.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr int kSearchDelayMs = 300;
constexpr int kLoadingDelayMs = 150; // console.md: a spinner after 150 ms, not before
const QString kHeaderKey = QStringLiteral("flows/listHeader");

// An empty flow as a new draft: the server stores and compiles it.
QJsonObject emptyDefinition()
{
    return QJsonObject{{QStringLiteral("schemaVersion"), 1},
                       {QStringLiteral("nodes"), QJsonArray()},
                       {QStringLiteral("edges"), QJsonArray()}};
}

bool canChange(const QString &permission)
{
    return permission == QLatin1String("edit") || permission == QLatin1String("admin") ||
           permission == QLatin1String("owner");
}

bool canManage(const QString &permission)
{
    return permission == QLatin1String("admin") || permission == QLatin1String("owner");
}

} // namespace

FlowsPage::FlowsPage(client::ApiClient *client, Options options, QWidget *parent)
    : QWidget(parent), m_client(client), m_options(std::move(options)),
      m_model(new FlowListModel(client, this)),
      m_editor(new FlowEditorPage(client, FlowAutosave(m_options.autosaveDirectory))),
      m_events(new LiveEvents(this)), m_pages(new QStackedWidget)
{
    setObjectName(QStringLiteral("page.flows"));
    m_model->setPageSize(m_options.pageSize);

    using K = QKeySequence;
    connect(makeAction(QStringLiteral("new"), {K(K::New)}), &QAction::triggered, this,
            &FlowsPage::createFlow);
    connect(makeAction(QStringLiteral("import"), {K(Qt::CTRL | Qt::Key_I)}), &QAction::triggered,
            this, &FlowsPage::importFlow);
    connect(makeAction(QStringLiteral("open"), {}), &QAction::triggered, this,
            &FlowsPage::openSelected);
    connect(makeAction(QStringLiteral("run"),
                       {K(Qt::CTRL | Qt::Key_Return), K(Qt::CTRL | Qt::Key_Enter)}),
            &QAction::triggered, this, &FlowsPage::runSelected);
    connect(makeAction(QStringLiteral("rename"), {K(Qt::Key_F2)}), &QAction::triggered, this,
            &FlowsPage::renameSelected);
    connect(makeAction(QStringLiteral("duplicate"), {K(Qt::CTRL | Qt::Key_D)}), &QAction::triggered,
            this, &FlowsPage::duplicateSelected);
    connect(makeAction(QStringLiteral("delete"), {K(K::Delete)}), &QAction::triggered, this,
            &FlowsPage::deleteSelected);
    connect(makeAction(QStringLiteral("share"), {}), &QAction::triggered, this,
            &FlowsPage::shareSelected);
    connect(makeAction(QStringLiteral("webhook"), {}), &QAction::triggered, this,
            &FlowsPage::webhookSelected);
    connect(makeAction(QStringLiteral("retention"), {}), &QAction::triggered, this,
            &FlowsPage::retentionSelected);
    connect(makeAction(QStringLiteral("export"), {K(Qt::CTRL | Qt::Key_E)}), &QAction::triggered,
            this, &FlowsPage::exportSelected);
    connect(makeAction(QStringLiteral("refresh"), {K(K::Refresh)}), &QAction::triggered, this,
            &FlowsPage::refresh);

    connect(makeAction(QStringLiteral("find"), {K(K::Find)}), &QAction::triggered, this, [this] {
        showList();
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_pages->setObjectName(QStringLiteral("flows.pages"));
    m_pages->addWidget(createListPage());
    m_pages->addWidget(m_editor);
    // The Flow menu's entries for the open flow: stand-ins for the editor's
    // actions, so that hiding them in the menu leaves the editor's
    // toolbar alone.
    for (QAction *flowAction : m_editor->flowActions()) {
        auto *entry = new QAction(this);
        entry->setObjectName(QStringLiteral("flows.menu.") + flowAction->objectName());
        const auto follow = [entry, flowAction] {
            entry->setText(flowAction->text());
            entry->setIcon(flowAction->icon());
            entry->setEnabled(flowAction->isEnabled());
            entry->setToolTip(flowAction->toolTip());
            entry->setShortcuts(flowAction->shortcuts());
        };
        follow();
        // Shown in the menu, taken only there: the editor's own action
        // answers the key everywhere else.
        entry->setShortcutContext(Qt::WidgetShortcut);
        connect(flowAction, &QAction::changed, entry, follow);
        connect(entry, &QAction::triggered, flowAction, &QAction::trigger);
        m_editorMenuActions.append(entry);
    }
    connect(m_pages, &QStackedWidget::currentChanged, this, &FlowsPage::showPageActions);
    showPageActions();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(kSearchDelayMs);
    connect(&m_searchTimer, &QTimer::timeout, this,
            [this] { m_model->setSearch(m_search->text().trimmed()); });
    m_loadingTimer.setSingleShot(true);
    m_loadingTimer.setInterval(kLoadingDelayMs);
    connect(&m_loadingTimer, &QTimer::timeout, this, [this] {
        m_loadingDue = true;
        updateState();
    });

    connect(m_model, &FlowListModel::stateChanged, this, &FlowsPage::updateState);
    connect(m_model, &FlowListModel::fetchFailed, this, [this](const hm::Error &error) {
        setMessage(
            [=]() -> QString {
                return tr("More flows could not be loaded: %1").arg(describeFlowError(error));
            },
            true);
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, [this] {
            updateState();
            updateCount();
        });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateState();
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FlowsPage::updateActions);

    connect(m_editor, &FlowEditorPage::backRequested, this, [this] {
        if (m_editor->confirmLeave([this] { showList(); }))
            showList();
    });
    connect(m_editor, &FlowEditorPage::flowChanged, this, &FlowsPage::refreshRow);
    connect(m_editor, &FlowEditorPage::executionStarted, this, &FlowsPage::executionStarted);

    connect(
        m_events, &LiveEvents::message, this, [this](const QString &type, const QJsonObject &data) {
            m_model->applyEvent(type, data);
            // service_* and component_* are the editor's CatalogueSource's
            // to follow (its own stream): forwarding them too would read
            // the catalogue twice per change.
            // The open flow changed elsewhere: say so before a save has to.
            const QString flowId = data.value(QStringLiteral("flow_id")).toString();
            if (flowId.isEmpty() || flowId != m_editor->flowId())
                return;
            if (type == QLatin1String("flow_version_added"))
                m_editor->noteNewerVersion(data.value(QStringLiteral("latest_version")).toString());
            else if (type == QLatin1String("flow_updated") && data.contains(QStringLiteral("name")))
                m_editor->setFlowName(data.value(QStringLiteral("name")).toString());
        });
    // Events may have been missed while the socket was down.
    connect(m_events, &LiveEvents::reopened, m_model, &FlowListModel::reload);
    setClient(client);

    if (const QByteArray header = QSettings().value(kHeaderKey).toByteArray(); !header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);

    retranslate();
    updateState();
}

FlowsPage::~FlowsPage()
{
    QSettings().setValue(kHeaderKey, m_view->horizontalHeader()->saveState());
    m_events->disconnect(this);
}

QAction *FlowsPage::makeAction(const QString &name, const QList<QKeySequence> &shortcuts)
{
    auto *action = new QAction(this);
    action->setObjectName(QStringLiteral("flows.action.") + name);
    action->setShortcuts(shortcuts);
    m_actions.insert(name, action);
    return action;
}

QWidget *FlowsPage::createListPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("flows.listPage"));
    // The list's shortcuts only while the list page has focus (the editor
    // has its own Ctrl+D, Del, Ctrl+Enter).
    for (QAction *a : std::as_const(m_actions)) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        page->addAction(a);
    }

    const PageTitle title = createPageTitle(page);
    m_title = title.title;
    m_subtitle = title.subtitle;
    m_importButton = new QPushButton;
    m_importButton->setObjectName(QStringLiteral("flows.import"));
    connect(m_importButton, &QPushButton::clicked, action(QStringLiteral("import")),
            &QAction::trigger);
    m_newButton = new QPushButton;
    m_newButton->setObjectName(QStringLiteral("flows.new"));
    m_newButton->setDefault(true);
    m_newButton->setProperty("primary", true);
    connect(m_newButton, &QPushButton::clicked, action(QStringLiteral("new")), &QAction::trigger);

    auto *header = title.row;
    header->addWidget(m_importButton);
    header->addWidget(m_newButton);

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("flows.search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer.stop();
        m_model->setSearch(m_search->text().trimmed());
    });
    m_scope = new QComboBox;
    m_scope->setObjectName(QStringLiteral("flows.scope"));
    connect(m_scope, &QComboBox::activated, this, [this] {
        m_model->setScope(static_cast<FlowListModel::Scope>(m_scope->currentData().toInt()));
    });
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("flows.count"));
    m_count->setProperty("hmStyle", QStringLiteral("muted"));

    // The selected flow's actions, as buttons like every page's, on their
    // own row under the search (as Nodes and Credentials have them).
    m_rowActions = new QWidget;
    m_rowActions->setObjectName(QStringLiteral("flows.rowActions"));
    auto *rowActions = new QHBoxLayout(m_rowActions);
    rowActions->setContentsMargins(0, 0, 0, 0);
    for (const char *name : {"open", "run", "rename", "duplicate", "share", "export", "delete"})
        rowActions->addWidget(createActionButton(action(QString::fromLatin1(name))));
    rowActions->addStretch(1);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_scope);
    filters->addStretch(1);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("flows.message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_messageLine = new MessageLine(this, [this](const QString &text, MessageLine::Kind) {
        m_message->setText(text);
        m_message->setVisible(!text.isEmpty());
    });

    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("flows.list"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(FlowListModel::NameColumn,
                                                     QHeaderView::Stretch);
    for (int column = FlowListModel::StatusColumn; column < FlowListModel::ColumnCount; ++column) {
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Interactive);
        m_view->setColumnWidth(column, 220);
    }
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTableView::activated, this, &FlowsPage::openSelected);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_view->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        menu.setObjectName(QStringLiteral("flows.contextMenu"));
        for (const char *name : {"open", "run"})
            menu.addAction(action(QString::fromLatin1(name)));
        menu.addSeparator();
        for (const char *name : {"rename", "duplicate", "share", "webhook", "retention", "export"})
            menu.addAction(action(QString::fromLatin1(name)));
        menu.addSeparator();
        menu.addAction(action(QStringLiteral("delete")));
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FlowsPage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FlowsPage::updateActions);

    // The states other than content (console.md "Honest states").
    m_state = new SectionEmptyState(QStringLiteral("flows"), this);
    m_state->setBadge(createIconBadge(QStringLiteral(":/icons/flows.svg"), 72, m_state));
    connect(m_state->action(), &QPushButton::clicked, this, [this] {
        switch (m_model->state()) {
        case FlowListModel::State::Failed:
            m_model->reload();
            break;
        case FlowListModel::State::Ready:
            if (m_model->search().isEmpty() && m_model->scope() == FlowListModel::Scope::All) {
                createFlow();
            } else {
                const QSignalBlocker blocker(m_search);
                m_search->clear();
                m_scope->setCurrentIndex(0);
                m_searchTimer.stop();
                m_model->setScope(FlowListModel::Scope::All);
                m_model->setSearch({});
            }
            break;
        default:
            break;
        }
    });

    m_listStack = new QStackedWidget;
    m_listStack->setObjectName(QStringLiteral("flows.listStack"));
    m_listStack->addWidget(m_view);
    m_listStack->addWidget(m_state);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(pageMargins());
    layout->addLayout(header);
    layout->addLayout(filters);
    layout->addWidget(m_rowActions);
    layout->addWidget(m_message);
    layout->addWidget(m_listStack, 1);
    layout->addWidget(m_count);
    return page;
}

QList<QAction *> FlowsPage::menuActions() const
{
    QList<QAction *> list;
    for (const char *name : {"new", "import", "open", "run", "rename", "duplicate", "delete",
                             "share", "webhook", "retention", "export", "find", "refresh"})
        list.append(action(QString::fromLatin1(name)));
    list.append(nullptr);
    list.append(m_editorMenuActions);
    return list;
}

void FlowsPage::showPageActions()
{
    // The Flow menu holds the list's actions and the open flow's. Both
    // have a Run…, Share…, Webhook… and Export…: shown together the menu
    // would list each twice, under one Alt+letter. Only the page shown
    // offers those acting on its flow (New, Import and Find stay).
    const bool editing = m_pages->currentWidget() == m_editor;
    for (const char *name : {"open", "run", "rename", "duplicate", "delete", "share", "webhook",
                             "retention", "export", "refresh"})
        action(QString::fromLatin1(name))->setVisible(!editing);
    for (QAction *entry : std::as_const(m_editorMenuActions))
        entry->setVisible(editing);
}

void FlowsPage::resetForNewServer()
{
    m_editor->closeFlow();
    showList();
    clearMessage();
}

QString FlowsPage::menuTitle() const
{
    return tr("Fl&ow");
}

void FlowsPage::applySession(const Session &session)
{
    // Nothing to read while disconnected; the reconnect brings a new session.
    if (!session.connected)
        return;
    setClient(session.client);
    if (session.signedIn)
        start();
    else
        setSessionError(Error{ErrorCode::Unauthorized, QStringLiteral("not signed in")});
}

bool FlowsPage::isEditorShown() const
{
    return m_pages->currentWidget() == m_editor;
}

bool FlowsPage::eventsConnected() const
{
    return m_events->isOpen();
}

QString FlowsPage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void FlowsPage::setMessage(MessageLine::Text text, bool error)
{
    m_message->setProperty("tone", error ? QStringLiteral("bad") : QString());
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_messageLine->show(std::move(text), MessageLine::Kind::Lasting);
}

void FlowsPage::clearMessage()
{
    m_messageLine->clear();
}

void FlowsPage::beginCall()
{
    ++m_pending;
    updateActions();
}

void FlowsPage::endCall()
{
    --m_pending;
    updateActions();
    if (m_pending == 0)
        emit idle();
}

// --- starting ----------------------------------------------------------------

void FlowsPage::setClient(client::ApiClient *client)
{
    if (client != m_client && m_events->isOpen())
        m_events->setClient(nullptr); // the new client's hub, once started
    m_client = client;
    m_model->setClient(client);
    m_editor->setClient(client);
}

void FlowsPage::start()
{
    if (!m_client)
        return;
    m_hasSessionError = false;
    m_live = true;
    if (!m_started) {
        m_started = true;
        QTimer::singleShot(0, this, &FlowsPage::offerCrashRestore);
    }
    loadUser();
    m_model->reload();
    // The client's one event stream (EventHub), reopened by the hub.
    if (m_options.liveEvents)
        m_events->setClient(m_client);
}

void FlowsPage::setSessionError(const hm::Error &error)
{
    m_sessionError = error;
    m_hasSessionError = true;
    m_live = false;
    m_events->setClient(nullptr);
    m_model->reset();
    updateState();
}

void FlowsPage::loadUser()
{
    client::AccountApi(*m_client).me(client::within(this, [this](Result<client::UserInfo> result) {
        if (!result)
            return;
        m_role = result.value().role.toLower();
        m_userId = result.value().id;
        m_model->setCurrentUserId(m_userId);
        m_editor->setRole(m_role);
        m_editor->setUser(result.value().id, result.value().username);
        updateActions();
        updateState();
    }));
}

void FlowsPage::offerCrashRestore()
{
    const FlowAutosave autosave(m_options.autosaveDirectory);
    const QList<FlowAutosave::Entry> entries = autosave.entries();
    if (entries.isEmpty() || m_editor->isOpen())
        return;
    // The most recent one; the others are offered when their flow opens.
    const FlowAutosave::Entry entry = entries.constLast();
    const QString when = dateTimeText(entry.savedAt);
    const auto answer = MessageBox::question(
        this, tr("Restore Unsaved Changes"),
        tr("The console closed before your changes to “%1” (autosaved %2) were saved. Open the "
           "flow with them now? Discard deletes them; Cancel keeps them for when you next open "
           "the flow.")
            .arg(quotedFlowName(entry.flowName), when),
        QMessageBox::Open | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Open,
        QStringLiteral("flows.confirmRestoreAfterCrash"));
    if (answer == QMessageBox::Open) {
        m_editor->restore(entry);
        m_pages->setCurrentWidget(m_editor);
        emit activationRequested();
    } else if (answer == QMessageBox::Discard) {
        autosave.remove(entry.flowId);
    }
}

bool FlowsPage::confirmLeave(std::function<void()> proceed)
{
    return m_editor->confirmLeave(std::move(proceed));
}

// --- list state ------------------------------------------------------------

void FlowsPage::updateState()
{
    const FlowListModel::State state = m_model->state();
    if (state != FlowListModel::State::Loading) {
        m_loadingTimer.stop();
        m_loadingDue = false;
    }
    const bool filtered =
        !m_model->search().isEmpty() || m_model->scope() != FlowListModel::Scope::All;
    SectionEmptyState::Content content;
    QString &title = content.title;
    QString &text = content.text;
    QString &actionText = content.action;
    QString &details = content.details;
    bool &progress = content.busy;
    if (m_hasSessionError && state == FlowListModel::State::Idle) {
        title = tr("Not signed in");
        text = describeFlowError(m_sessionError);
        details = tr("%1: %2").arg(client::errorServerCode(m_sessionError), m_sessionError.message);
    } else if (state == FlowListModel::State::Idle) {
        title = tr("Connecting to the server…");
        progress = true;
    } else if (state == FlowListModel::State::Loading) {
        if (!m_loadingDue) {
            if (!m_loadingTimer.isActive())
                m_loadingTimer.start();
            // Quiet for the first 150 ms: most answers come before.
            m_state->clearContent();
            m_listStack->setCurrentWidget(m_state);
            updateCount();
            updateActions();
            return;
        }
        title = tr("Loading flows…");
        progress = true;
    } else if (state == FlowListModel::State::Failed) {
        title = tr("The flows cannot be shown");
        text = describeFlowError(m_model->lastError());
        actionText = tr("&Try Again");
        const QString requestId = client::errorRequestId(m_model->lastError());
        details = requestId.isEmpty()
                      ? tr("%1: %2").arg(client::errorServerCode(m_model->lastError()),
                                         m_model->lastError().message)
                      : tr("%1: %2 (request %3)")
                            .arg(client::errorServerCode(m_model->lastError()),
                                 m_model->lastError().message, requestId);
    } else if (m_model->rowCount() == 0) {
        if (filtered) {
            title = tr("No flows match");
            if (!m_model->search().isEmpty())
                text = tr("No flow you can see has “%1” in its name.").arg(m_model->search());
            else if (m_model->scope() == FlowListModel::Scope::Mine)
                text = tr("You have not created any flows yet.");
            else
                text = tr("Nobody has shared a flow with you yet.");
            actionText = tr("Show &All Flows");
        } else {
            title = tr("No flows yet");
            text = tr("A flow is a graph of components that the server runs step by step each "
                      "time it is triggered. Create one, or import a flow file.");
            actionText = tr("&New Flow");
        }
    }
    if (title.isEmpty()) {
        m_listStack->setCurrentWidget(m_view);
    } else {
        m_state->setContent(content);
        const bool createAction =
            state == FlowListModel::State::Ready && !filtered && !actionText.isEmpty();
        m_state->action()->setEnabled(!createAction || action(QStringLiteral("new"))->isEnabled());
        m_state->action()->setToolTip(createAction ? action(QStringLiteral("new"))->toolTip()
                                                   : QString());
        m_listStack->setCurrentWidget(m_state);
    }
    updateCount();
    updateActions();
}

void FlowsPage::updateCount()
{
    const qint64 total = m_model->totalCount();
    const int shown = m_model->rowCount();
    if (m_model->state() != FlowListModel::State::Ready || total == 0)
        m_count->clear();
    else if (shown < total)
        m_count->setText(tr("%1 of %n flow(s) shown", nullptr, static_cast<int>(total))
                             .arg(QLocale().toString(shown)));
    else
        m_count->setText(tr("%n flow(s)", nullptr, static_cast<int>(total)));
}

const client::FlowSummary *FlowsPage::selectedFlow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), {}))
        return nullptr;
    return m_model->item(current.row());
}

void FlowsPage::selectFlow(const QString &flowId)
{
    const int row = m_model->rowOf(flowId);
    if (row < 0)
        return;
    m_view->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(m_model->index(row, 0));
}

void FlowsPage::updateActions()
{
    const client::FlowSummary *flow = selectedFlow();
    const bool viewer = m_role == QLatin1String("viewer");
    const bool idle = m_pending == 0;
    const QString permission = flow ? flow->myPermission : QString();
    const QString viewerReason = tr("Your role (viewer) can look at flows but not change them.");
    const QString noSelection = tr("Select a flow first.");

    struct Rule
    {
        const char *name;
        bool needsFlow;
        QString reason; // why not, for the role or the flow's permission
        QString tip;
    };
    const Rule rules[] = {
        {"new", false, viewer ? viewerReason : QString(), tr("Create an empty flow and open it")},
        {"import", false, viewer ? viewerReason : QString(), tr("Create a flow from a JSON file")},
        {"open", true, QString(),
         tr("Open the flow in the editor (double-clicking a row does the same)")},
        {"run", true, viewer ? tr("Your role (viewer) cannot run flows.") : QString(),
         tr("Start an execution with inputs you enter")},
        {"rename", true,
         viewer ? viewerReason
                : (flow && !canChange(permission)
                       ? tr("This flow is shared with you to view and run; renaming it needs "
                            "edit permission.")
                       : QString()),
         tr("Give the flow another name")},
        {"duplicate", true, viewer ? viewerReason : QString(),
         tr("Create a copy of the flow's latest version under a new name")},
        {"delete", true,
         viewer ? viewerReason
                : (flow && permission != QLatin1String("owner")
                       ? tr("Only the flow's owner (or an administrator) can delete it.")
                       : QString()),
         tr("Delete the flow with its versions, shares and webhook")},
        {"share", true,
         viewer ? viewerReason
                : (flow && !canManage(permission)
                       ? tr("Only the owner and people it is shared with as admin can share this "
                            "flow.")
                       : QString()),
         tr("Choose who else sees, edits or shares the flow")},
        {"webhook", true,
         viewer ? viewerReason
                : (flow && !canChange(permission)
                       ? tr("The webhook of a flow needs edit permission on it.")
                       : QString()),
         tr("The URL that starts the flow without signing in")},
        // Anyone who sees the flow may look; the dialog is read-only
        // without edit permission.
        {"retention", true, QString(),
         tr("How long and how many of its ended executions are kept")},
        {"export", true, QString(), tr("Save the flow's latest version to a JSON file")},
        {"refresh", false, QString(), tr("Read the list from the server again")},
        {"find", false, QString(), tr("Search the flows by name")},
    };
    for (const Rule &rule : rules) {
        QAction *a = action(QString::fromLatin1(rule.name));
        const bool missing = rule.needsFlow && !flow;
        a->setEnabled(idle && rule.reason.isEmpty() && !missing && m_client);
        const QString tip = !rule.reason.isEmpty() ? rule.reason : missing ? noSelection : rule.tip;
        const QKeySequence shortcut = a->shortcut();
        a->setToolTip(shortcut.isEmpty()
                          ? tip
                          : tr("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
    }
    m_newButton->setEnabled(action(QStringLiteral("new"))->isEnabled());
    m_newButton->setToolTip(action(QStringLiteral("new"))->toolTip());
    m_importButton->setEnabled(action(QStringLiteral("import"))->isEnabled());
    m_importButton->setToolTip(action(QStringLiteral("import"))->toolTip());
}

void FlowsPage::refresh()
{
    clearMessage();
    m_model->reload();
}

// --- opening and leaving ------------------------------------------------------

void FlowsPage::openSelected()
{
    if (const client::FlowSummary *flow = selectedFlow())
        openFlow(flow->id);
}

void FlowsPage::openFlow(const QString &flowId)
{
    if (m_editor->isOpen() && m_editor->flowId() == flowId) {
        m_pages->setCurrentWidget(m_editor);
        return;
    }
    if (m_editor->isOpen() && !m_editor->confirmLeave([this, flowId] { openFlow(flowId); }))
        return;
    m_editor->open(flowId);
    m_pages->setCurrentWidget(m_editor);
    m_editor->editor()->setFocus();
}

void FlowsPage::showList()
{
    if (m_editor->isOpen() && !m_editor->isModified())
        m_editor->closeFlow();
    m_pages->setCurrentIndex(0);
    m_view->setFocus();
}

// --- the row's actions ----------------------------------------------------------

QString FlowsPage::askName(const QString &title, const QString &label, const QString &initial)
{
    FlowNameDialog dialog(title, label, initial, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return {};
    return dialog.name();
}

void FlowsPage::createWith(const client::NewFlow &flow, const char *done, bool open)
{
    beginCall();
    const QString name = flow.name;
    client::FlowsApi(*m_client).create(
        flow, client::within(this, [this, done, open, name](Result<client::FlowSummary> result) {
            if (result) {
                client::FlowSummary summary = result.value();
                summary.myPermission = QStringLiteral("owner");
                m_model->upsertFlow(summary);
                selectFlow(summary.id);
                setMessage([=]() -> QString { return tr(done).arg(quotedFlowName(summary.name)); });
                if (open)
                    openFlow(summary.id);
            } else {
                setMessage(
                    [name, error = result.error()] {
                        QString text = describeFlowError(error);
                        const QStringList problems = describeFlowProblems(error);
                        if (!problems.isEmpty())
                            text = tr("%1\n%2").arg(text, problems.join(u'\n'));
                        return tr("“%1” was not created. %2").arg(quotedFlowName(name), text);
                    },
                    true);
            }
            endCall();
        }));
}

void FlowsPage::createFlow()
{
    if (!action(QStringLiteral("new"))->isEnabled())
        return;
    showList();
    const QString name = askName(tr("New Flow"), tr("Name of the new flow:"), QString());
    if (name.isEmpty())
        return;
    createWith(client::NewFlow{name, QString(), emptyDefinition(), {}}, QT_TR_NOOP("Created “%1”."),
               true);
}

void FlowsPage::importFlow()
{
    if (!action(QStringLiteral("import"))->isEnabled())
        return;
    showList();
    QFileDialog dialog(this, tr("Import Flow"));
    dialog.setObjectName(QStringLiteral("flows.importFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setNameFilters({tr("HiveMind flows (*.json)"), tr("All files (*)")});
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    const Result<FlowFile> file = FlowFile::read(path);
    if (!file) {
        // Nothing is sent: a malformed file stores nothing.
        MessageBox::warning(this, tr("Import Flow"),
                            tr("%1 cannot be imported.\n\n%2")
                                .arg(QDir::toNativeSeparators(path), file.error().message),
                            QMessageBox::Ok, QMessageBox::Ok, QStringLiteral("flows.importError"));
        setMessage(
            [=]() -> QString { return tr("Nothing was imported: %1").arg(file.error().message); },
            true);
        return;
    }
    const QString name =
        askName(tr("Import Flow"), tr("Name of the imported flow:"), file.value().name);
    if (name.isEmpty())
        return;
    createWith(client::NewFlow{name, file.value().description, file.value().definition,
                               file.value().settings},
               QT_TR_NOOP("Imported “%1” as a new flow."), false);
}

void FlowsPage::withFlow(const QString &flowId, std::function<void(const client::FlowDetail &)> use)
{
    beginCall();
    client::FlowsApi(*m_client).get(
        flowId, client::within(
                    this, [this, flowId, use = std::move(use)](Result<client::FlowDetail> result) {
                        endCall();
                        if (!result) {
                            setMessage(
                                [=]() -> QString { return describeFlowError(result.error()); },
                                true);
                            if (result.error().code == ErrorCode::FlowNotFound)
                                m_model->removeFlow(flowId);
                            return;
                        }
                        use(result.value());
                    }));
}

void FlowsPage::renameSelected()
{
    const client::FlowSummary *flow = selectedFlow();
    if (!flow || !action(QStringLiteral("rename"))->isEnabled())
        return;
    const client::FlowSummary before = *flow;
    const QString name = askName(
        tr("Rename Flow"), tr("New name of “%1”:").arg(quotedFlowName(before.name)), before.name);
    if (name.isEmpty() || name == before.name)
        return;
    beginCall();
    client::FlowChanges changes;
    changes.name = name;
    client::FlowsApi(*m_client).update(
        before.id, changes,
        client::within(this, [this, before](Result<client::FlowSummary> result) {
            if (result) {
                // The answer has the flow's fields, not the list's.
                client::FlowSummary renamed = before;
                renamed.name = result.value().name;
                renamed.updatedAt = result.value().updatedAt;
                m_model->upsertFlow(renamed);
                if (m_editor->flowId() == before.id)
                    m_editor->setFlowName(renamed.name);
                setMessage([=]() -> QString {
                    return tr("Renamed “%1” to “%2”.")
                        .arg(quotedFlowName(before.name), quotedFlowName(renamed.name));
                });
            } else {
                setMessage(
                    [=]() -> QString {
                        return tr("“%1” was not renamed. %2")
                            .arg(quotedFlowName(before.name), describeFlowError(result.error()));
                    },
                    true);
            }
            endCall();
        }));
}

void FlowsPage::duplicateSelected()
{
    const client::FlowSummary *flow = selectedFlow();
    if (!flow || !action(QStringLiteral("duplicate"))->isEnabled())
        return;
    withFlow(flow->id, [this](const client::FlowDetail &detail) {
        const QString name = askName(
            tr("Duplicate Flow"), tr("Name of the copy of “%1”:").arg(quotedFlowName(detail.name)),
            tr("%1 (copy)").arg(detail.name));
        if (name.isEmpty())
            return;
        createWith(client::NewFlow{name, detail.description, detail.latestVersion.definition,
                                   detail.latestVersion.settings},
                   QT_TR_NOOP("Created “%1” as a copy."), false);
    });
}

void FlowsPage::deleteSelected()
{
    const client::FlowSummary *flow = selectedFlow();
    if (!flow || !action(QStringLiteral("delete"))->isEnabled())
        return;
    const client::FlowSummary doomed = *flow;
    if (!MessageBox::confirm(
            this, tr("Delete Flow"),
            tr("Delete “%1”? Its versions, its webhook and its shares are deleted with it; the "
               "history of its executions stays.")
                .arg(quotedFlowName(doomed.name)),
            tr("Delete"), QStringLiteral("flows.confirmDelete"), MessageBox::Confirm::Destructive))
        return;
    beginCall();
    client::FlowsApi(*m_client).remove(
        doomed.id, client::within(this, [this, doomed](Status result) {
            if (result || result.error().code == ErrorCode::FlowNotFound) {
                m_model->removeFlow(doomed.id);
                if (m_editor->flowId() == doomed.id)
                    m_editor->discard();
                setMessage([=]() -> QString {
                    return tr("Deleted “%1”.").arg(quotedFlowName(doomed.name));
                });
            } else {
                setMessage(
                    [=]() -> QString {
                        return tr("“%1” was not deleted. %2")
                            .arg(quotedFlowName(doomed.name), describeFlowError(result.error()));
                    },
                    true);
            }
            endCall();
        }));
}

void FlowsPage::shareSelected()
{
    const client::FlowSummary *flow = selectedFlow();
    if (!flow || !action(QStringLiteral("share"))->isEnabled())
        return;
    ShareDialog dialog(m_client, flow->id, flow->name, this);
    DialogSeam::exec(&dialog);
}

void FlowsPage::webhookSelected()
{
    const client::FlowSummary *flow = selectedFlow();
    if (!flow || !action(QStringLiteral("webhook"))->isEnabled())
        return;
    WebhookDialog dialog(m_client, flow->id, flow->name, this);
    DialogSeam::exec(&dialog);
}

void FlowsPage::retentionSelected()
{
    const client::FlowSummary *flow = selectedFlow();
    if (!flow || !action(QStringLiteral("retention"))->isEnabled())
        return;
    const bool editable = m_role != QLatin1String("viewer") && canChange(flow->myPermission);
    FlowRetentionDialog dialog(m_client, flow->id, flow->name, editable, this);
    DialogSeam::exec(&dialog);
}

void FlowsPage::exportSelected()
{
    const client::FlowSummary *flow = selectedFlow();
    if (!flow || !action(QStringLiteral("export"))->isEnabled())
        return;
    withFlow(flow->id, [this](const client::FlowDetail &detail) {
        QFileDialog dialog(this, tr("Export Flow"));
        dialog.setObjectName(QStringLiteral("flows.exportFileDialog"));
        dialog.setAcceptMode(QFileDialog::AcceptSave);
        dialog.setNameFilter(tr("HiveMind flows (*.json)"));
        dialog.setDefaultSuffix(QStringLiteral("json"));
        dialog.selectFile(FlowFile::fileNameFor(detail.name));
        if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty())
            return;
        const QString path = dialog.selectedFiles().constFirst();
        const FlowFile file{detail.name, detail.description, detail.latestVersion.definition,
                            detail.latestVersion.settings};
        if (Status written = file.write(path); !written)
            setMessage([=]() -> QString { return written.error().message; }, true);
        else
            setMessage([=]() -> QString {
                return tr("Exported “%1” (version %2) to %3.")
                    .arg(quotedFlowName(detail.name), detail.latestVersion.version,
                         QDir::toNativeSeparators(path));
            });
    });
}

void FlowsPage::runSelected()
{
    const client::FlowSummary *flow = selectedFlow();
    if (!flow || !action(QStringLiteral("run"))->isEnabled())
        return;
    withFlow(flow->id, [this](const client::FlowDetail &detail) {
        FlowGraphModel graph;
        // A definition the editor cannot read still runs: no prefilled inputs then.
        if (!graph.load(detail.latestVersion.definition, detail.latestVersion.settings))
            graph.clear();
        TriggerDialog dialog(detail.name, this);
        dialog.setVersions(detail.publishedVersion ? detail.publishedVersion->version : QString(),
                           detail.latestVersion.version);
        dialog.setInputs(TriggerDialog::inputsTemplate(graph));
        dialog.setFlowTimeoutMs(TriggerDialog::flowTimeoutMs(graph));
        if (DialogSeam::exec(&dialog) != QDialog::Accepted)
            return;
        const client::TriggerOptions options = dialog.triggerOptions();
        beginCall();
        const QString name = quotedFlowName(detail.name);
        client::FlowsApi(*m_client).trigger(
            detail.id, options,
            client::within(this, [this, name](Result<client::TriggerOutcome> result) {
                endCall();
                if (!result) {
                    setMessage(
                        [=]() -> QString {
                            return tr("“%1” did not start. %2")
                                .arg(name, describeFlowError(result.error()));
                        },
                        true);
                    return;
                }
                const client::TriggerOutcome &outcome = result.value();
                if (outcome.state == client::TriggerOutcome::State::Denied) {
                    setMessage(
                        [=]() -> QString {
                            return tr("“%1” did not start: it is already running and its "
                                      "settings allow only one execution at a time.")
                                .arg(name);
                        },
                        true);
                    return;
                }
                setMessage([=]() -> QString {
                    return outcome.state == client::TriggerOutcome::State::Queued
                               ? tr("Execution %1 of “%2” is queued at position %3.")
                                     .arg(outcome.executionId, name)
                                     .arg(outcome.queuePosition)
                               : tr("Execution %1 of “%2” started.").arg(outcome.executionId, name);
                });
                emit executionStarted(outcome.executionId);
            }));
    });
}

void FlowsPage::refreshRow(const QString &flowId)
{
    // The list's own fields (versions, permission) come with GET /flows/{id}.
    if (!m_client)
        return;
    client::FlowsApi(*m_client).get(
        flowId, client::within(this, [this](Result<client::FlowDetail> result) {
            if (!result)
                return;
            const client::FlowDetail &d = result.value();
            const int row = m_model->rowOf(d.id);
            client::FlowSummary summary = row >= 0 ? *m_model->item(row) : client::FlowSummary();
            summary.id = d.id;
            summary.name = d.name;
            summary.description = d.description;
            summary.ownerId = d.ownerId;
            summary.createdAt = d.createdAt;
            summary.updatedAt = d.updatedAt;
            summary.latestVersion = d.latestVersion.version;
            summary.publishedVersion = d.publishedVersion ? d.publishedVersion->version : QString();
            summary.myPermission = d.myPermission;
            m_model->upsertFlow(summary);
        }));
}

// --- language ------------------------------------------------------------------

void FlowsPage::retranslate()
{
    const struct
    {
        const char *name;
        QString text;
    } texts[] = {
        {"new", tr("&New Flow…")},    {"import", tr("&Import…")},
        {"open", tr("&Open")},        {"run", tr("&Run…")},
        {"rename", tr("Rena&me…")},   {"duplicate", tr("D&uplicate…")},
        {"delete", tr("&Delete…")},   {"share", tr("S&hare…")},
        {"webhook", tr("&Webhook…")}, {"retention", tr("History Re&tention…")},
        {"export", tr("&Export…")},   {"refresh", tr("Refresh &List")},
        {"find", tr("&Find Flow")},
    };
    for (const auto &t : texts)
        action(QString::fromLatin1(t.name))->setText(t.text);
    m_title->setText(tr("Flows"));
    m_subtitle->setText(tr("Workflows you design as graphs of components, with their versions, "
                           "runs and sharing."));
    m_newButton->setText(tr("New Flow"));
    m_importButton->setText(tr("Import…"));
    m_search->setPlaceholderText(tr("Search by name"));
    const int scope = m_scope->currentIndex();
    m_scope->clear();
    m_scope->addItem(tr("All flows"), static_cast<int>(FlowListModel::Scope::All));
    m_scope->addItem(tr("My flows"), static_cast<int>(FlowListModel::Scope::Mine));
    m_scope->addItem(tr("Shared with me"), static_cast<int>(FlowListModel::Scope::SharedWithMe));
    m_scope->setCurrentIndex(std::max(scope, 0));
    updateState();
}

void FlowsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace hm::app
