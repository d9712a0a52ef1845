#include "flows/FlowEditorPage.h"

#include "canvas/FlowEditorWidget.h"
#include "canvas/FlowScene.h"
#include "canvas/FlowView.h"
#include "client/ApiClient.h"
#include "client/ExecutionsApi.h"
#include "client/FlowsApi.h"
#include "client/NodesApi.h"
#include "client/Within.h"
#include "common/Logging.h"
#include "flowgraph/ComponentCatalogue.h"
#include "flowgraph/FlowGraphModel.h"
#include "flows/CatalogueSource.h"
#include "flows/FlowErrorText.h"
#include "flows/FlowFile.h"
#include "flows/FlowNameDialog.h"
#include "flows/FlowVersionViewer.h"
#include "flows/FlowVersionsModel.h"
#include "flows/ShareDialog.h"
#include "flows/TriggerDialog.h"
#include "flows/WebhookDialog.h"
#include "inspector/FlowChecker.h"
#include "inspector/InspectorWidget.h"
#include "widgets/ActionText.h"
#include "widgets/MessageBox.h"
#include "widgets/MessageLine.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QPointer>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr int kDefaultAutosaveDelayMs = 1000;

// The stack of the editor's views asks for no more height than it needs.
// With the banner shown (a word-wrapped label) the page's height follows
// its width, and that height adds up its parts' preferred heights: the
// docks' forms prefer far more than a small window has, so the whole page
// scrolled once a banner appeared (issue 34, item 8).
class EditorViews final : public QStackedWidget
{
public:
    QSize sizeHint() const override
    {
        const QSize preferred = QStackedWidget::sizeHint();
        return {preferred.width(), minimumSizeHint().height()};
    }
};

} // namespace

FlowEditorPage::FlowEditorPage(client::ApiClient *client, FlowAutosave autosave, QWidget *parent)
    : QWidget(parent), m_client(client), m_autosave(std::move(autosave)),
      m_model(new FlowGraphModel(this)), m_editor(new FlowEditorWidget(m_model)),
      m_stack(new EditorViews), m_back(new QToolButton), m_title(new QLabel), m_version(new QLabel),
      m_toolBar(new QToolBar), m_banner(new QLabel), m_loadingText(new QLabel),
      m_failedText(new QLabel), m_retry(new QPushButton), m_versions(new FlowVersionsModel(this)),
      m_versionViewer(new FlowVersionViewer), m_versionsDock(new QDockWidget),
      m_versionsList(new QTableView), m_versionsState(new QLabel), m_openVersion(new QPushButton),
      m_compareVersions(new QPushButton)
{
    setObjectName(QStringLiteral("flows.editor"));
    attachCatalogue();
    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(kDefaultAutosaveDelayMs);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &FlowEditorPage::autosaveNow);

    using K = QKeySequence;
    connect(makeAction(QStringLiteral("back"), {K(K::Back)}), &QAction::triggered, this,
            &FlowEditorPage::backRequested);
    connect(makeAction(QStringLiteral("save"), {K(K::Save)}), &QAction::triggered, this,
            [this] { save(); });
    connect(makeAction(QStringLiteral("publish"), {K(Qt::CTRL | Qt::SHIFT | Qt::Key_P)}),
            &QAction::triggered, this, &FlowEditorPage::publish);
    connect(makeAction(QStringLiteral("run"),
                       {K(Qt::CTRL | Qt::Key_Return), K(Qt::CTRL | Qt::Key_Enter)}),
            &QAction::triggered, this, &FlowEditorPage::run);
    connect(makeAction(QStringLiteral("share"), {}), &QAction::triggered, this,
            &FlowEditorPage::share);
    connect(makeAction(QStringLiteral("webhook"), {}), &QAction::triggered, this,
            &FlowEditorPage::webhook);
    connect(makeAction(QStringLiteral("export"), {}), &QAction::triggered, this,
            &FlowEditorPage::exportToFile);

    // Header: back, the flow's name and version, the flow's actions.
    m_back->setObjectName(QStringLiteral("flows.editor.back"));
    m_back->setDefaultAction(action(QStringLiteral("back")));
    m_back->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_back->setAutoRaise(true);
    m_title->setObjectName(QStringLiteral("flows.editor.title"));
    m_title->setProperty("hmStyle", QStringLiteral("editorTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_version->setObjectName(QStringLiteral("flows.editor.version"));
    m_version->setProperty("hmStyle", QStringLiteral("muted"));
    m_toolBar->setObjectName(QStringLiteral("flows.editor.actions"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const char *name : {"save", "publish", "run"})
        m_toolBar->addAction(action(QString::fromLatin1(name)));
    m_toolBar->addSeparator();
    for (const char *name : {"share", "webhook", "export"})
        m_toolBar->addAction(action(QString::fromLatin1(name)));

    auto *header = new QWidget;
    header->setObjectName(QStringLiteral("flows.editor.header"));
    header->setAttribute(Qt::WA_StyledBackground, true);
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(8, 6, 8, 6);
    headerLayout->setSpacing(10);
    headerLayout->addWidget(m_back);
    headerLayout->addWidget(m_title);
    headerLayout->addWidget(m_version);
    headerLayout->addStretch(1);
    headerLayout->addWidget(m_toolBar);

    m_banner->setObjectName(QStringLiteral("flows.editor.banner"));
    m_banner->setProperty("hmStyle", QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setContentsMargins(12, 6, 12, 6);
    m_banner->hide();
    m_bannerLine = new MessageLine(m_banner, [this](const QString &text, MessageLine::Kind) {
        m_banner->setText(text);
        m_banner->setVisible(!text.isEmpty());
    });

    auto *editorPane = new QWidget;
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editor, 1);

    // Loading and failure, each with its words (console.md "Honest states").
    auto *loadingPane = new QWidget;
    auto *loadingLayout = new QVBoxLayout(loadingPane);
    m_loadingText->setObjectName(QStringLiteral("flows.editor.loading"));
    m_loadingText->setAlignment(Qt::AlignCenter);
    loadingLayout->addWidget(m_loadingText);
    auto *failedPane = new QWidget;
    auto *failedLayout = new QVBoxLayout(failedPane);
    m_failedText->setObjectName(QStringLiteral("flows.editor.error"));
    m_failedText->setAlignment(Qt::AlignCenter);
    m_failedText->setWordWrap(true);
    m_retry->setObjectName(QStringLiteral("flows.editor.retry"));
    connect(m_retry, &QPushButton::clicked, this, [this] { fetchFlow(std::nullopt, true); });
    failedLayout->addStretch(1);
    failedLayout->addWidget(m_failedText);
    failedLayout->addWidget(m_retry, 0, Qt::AlignHCenter);
    failedLayout->addStretch(2);

    m_stack->addWidget(loadingPane);
    m_stack->addWidget(failedPane);
    m_stack->addWidget(editorPane);
    m_stack->addWidget(m_versionViewer);
    connect(m_versionViewer, &FlowVersionViewer::closeRequested, this,
            &FlowEditorPage::closeVersion);
    connect(m_versionViewer, &FlowVersionViewer::restoreRequested, this,
            &FlowEditorPage::restoreVersion);

    // The Versions dock, tabbed with the problems under the canvas.
    auto *versionsPane = new QWidget;
    versionsPane->setObjectName(QStringLiteral("flows.versions"));
    auto *versionsLayout = new QVBoxLayout(versionsPane);
    versionsLayout->setContentsMargins(6, 4, 6, 4);
    versionsLayout->setSpacing(4);
    auto *versionButtons = new QHBoxLayout;
    m_versionsState->setObjectName(QStringLiteral("flows.versions.state"));
    m_versionsState->setProperty("hmStyle", QStringLiteral("muted"));
    m_openVersion->setObjectName(QStringLiteral("flows.versions.open"));
    m_compareVersions->setObjectName(QStringLiteral("flows.versions.compare"));
    versionButtons->addWidget(m_versionsState, 1);
    versionButtons->addWidget(m_openVersion);
    versionButtons->addWidget(m_compareVersions);
    m_versionsList->setObjectName(QStringLiteral("flows.versions.list"));
    m_versionsList->setModel(m_versions);
    m_versionsList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_versionsList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_versionsList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versionsList->verticalHeader()->hide();
    m_versionsList->horizontalHeader()->setStretchLastSection(true);
    m_versionsList->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_versionsList->setShowGrid(false);
    m_versionsList->setWordWrap(false);
    m_versionsList->verticalHeader()->setDefaultSectionSize(m_versionsList->fontMetrics().height() +
                                                            8);
    versionsLayout->addLayout(versionButtons);
    versionsLayout->addWidget(m_versionsList, 1);
    m_versionsDock->setObjectName(QStringLiteral("flows.editor.versionsDock"));
    m_versionsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                                QDockWidget::DockWidgetFloatable);
    m_versionsDock->setWidget(versionsPane);
    m_editor->dockArea()->addDockWidget(Qt::BottomDockWidgetArea, m_versionsDock);
    m_editor->dockArea()->tabifyDockWidget(m_editor->problemsDock(), m_versionsDock);
    m_editor->problemsDock()->raise();
    // Shows or hides the Versions dock from the header.
    QAction *showVersions = m_versionsDock->toggleViewAction();
    showVersions->setObjectName(QStringLiteral("action.showVersions"));
    m_toolBar->addSeparator();
    m_toolBar->addAction(showVersions);
    // Room for a few versions (and problems) under the canvas.
    m_editor->dockArea()->resizeDocks({m_versionsDock}, {160}, Qt::Vertical);
    connect(m_versionsList, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const client::FlowVersion *v = m_versions->item(index.row()))
            openVersion(v->version);
    });
    connect(m_versionsList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FlowEditorPage::updateVersionActions);
    connect(m_versions, &FlowVersionsModel::stateChanged, this,
            &FlowEditorPage::updateVersionActions);
    connect(m_versions, &QAbstractItemModel::modelReset, this,
            &FlowEditorPage::updateVersionActions);
    connect(m_openVersion, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_versionsList->selectionModel()->selectedRows();
        if (rows.size() == 1)
            openVersion(m_versions->item(rows.first().row())->version);
    });
    connect(m_compareVersions, &QPushButton::clicked, this, [this] {
        QModelIndexList rows = m_versionsList->selectionModel()->selectedRows();
        std::sort(rows.begin(), rows.end(),
                  [](const QModelIndex &a, const QModelIndex &b) { return a.row() > b.row(); });
        if (rows.size() == 1)
            compareVersions(m_versions->item(rows.first().row())->version);
        else if (rows.size() == 2) // newest first: the older one is `before`
            compareVersions(m_versions->item(rows.at(0).row())->version,
                            m_versions->item(rows.at(1).row())->version);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    QUndoStack *stack = m_model->undoStack();
    connect(stack, &QUndoStack::indexChanged, this, &FlowEditorPage::scheduleAutosave);
    connect(stack, &QUndoStack::cleanChanged, this, &FlowEditorPage::scheduleAutosave);

    setView(View::Loading);
    retranslate();
}

FlowEditorPage::~FlowEditorPage()
{
    // Edits of the last second are not lost when the console closes.
    if (m_autosaveTimer.isActive())
        autosaveNow();
    // The model (a child) outlives this object's members: no more calls here.
    m_model->undoStack()->disconnect(this);
    m_model->disconnect(this);
}

QAction *FlowEditorPage::makeAction(const QString &name, const QList<QKeySequence> &shortcuts)
{
    auto *action = new QAction(this);
    action->setObjectName(QStringLiteral("action.") + name);
    action->setShortcuts(shortcuts);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    m_actions.insert(name, action);
    return action;
}

QList<QAction *> FlowEditorPage::flowActions() const
{
    QList<QAction *> list;
    for (const char *name : {"save", "publish", "run", "share", "webhook", "export"})
        list.append(action(QString::fromLatin1(name)));
    return list;
}

bool FlowEditorPage::isModified() const
{
    return isOpen() && !m_loading && !m_model->undoStack()->isClean();
}

QString FlowEditorPage::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void FlowEditorPage::setClient(client::ApiClient *client)
{
    if (client != m_client) {
        // The old client's source must not keep updating these models.
        if (CatalogueSource *old = CatalogueSource::find(m_client)) {
            old->detach(m_model);
            old->detach(m_versionViewer->model());
            disconnect(old, nullptr, this, nullptr);
        }
    }
    m_client = client;
    attachCatalogue();
}

void FlowEditorPage::setRole(const QString &role)
{
    m_role = role;
    updateActions();
}

void FlowEditorPage::noteNewerVersion(const QString &version)
{
    if (!isOpen() || m_loading || version.isEmpty() || version == m_baseVersion ||
        version == m_latestVersion || m_saving)
        return;
    m_latestVersion = version;
    reloadVersions();
    if (isModified())
        setBanner(
            [version] {
                return tr("Version %1 of this flow was saved in another console. Saving your "
                          "changes will ask whether to reload it or to save yours after it.")
                    .arg(version);
            },
            Banner::Note);
    else
        setBanner(
            [version] {
                return tr("Version %1 of this flow was saved in another console. Reload it from "
                          "the list to see it.")
                    .arg(version);
            },
            Banner::Note);
}

void FlowEditorPage::setFlowName(const QString &name)
{
    m_flowName = name;
    updateHeader();
}

void FlowEditorPage::setView(View view)
{
    m_stack->setCurrentIndex(static_cast<int>(view));
}

void FlowEditorPage::showFailure()
{
    m_failedText->setText(m_loadErrorIsLocal ? m_loadError.message
                                             : describeFlowError(m_loadError));
    setView(View::Failed);
}

void FlowEditorPage::setBanner(std::function<QString()> text, Banner tone)
{
    m_banner->setProperty("tone", tone == Banner::Error ? QStringLiteral("bad") : QString());
    m_banner->style()->unpolish(m_banner);
    m_banner->style()->polish(m_banner);
    m_bannerLine->show(std::move(text), tone == Banner::Done ? MessageLine::Kind::Passing
                                                             : MessageLine::Kind::Lasting);
}

void FlowEditorPage::clearBanner()
{
    m_bannerLine->clear();
}

void FlowEditorPage::finishBusy()
{
    updateActions();
    updateHeader();
    if (!isBusy())
        emit idle();
}

// --- opening ---------------------------------------------------------------

void FlowEditorPage::attachCatalogue()
{
    if (!m_client)
        return;
    // The components, the services' endpoints and each service node's
    // typed ports: the client's one source, shared with the version viewer
    // and the execution graph.
    CatalogueSource *source = CatalogueSource::of(m_client);
    // A task node's target picker counts the nodes a label matches now.
    m_editor->inspector()->setFleetSource(
        [client = QPointer<client::ApiClient>(m_client),
         self = QPointer<FlowEditorPage>(this)](std::function<void(QList<QJsonObject>)> done) {
            if (!client || !self)
                return;
            client::NodeFilter filter;
            filter.page.size = 100; // the API's largest page; more nodes are not counted
            client::NodesApi(*client).list(
                filter, client::within(self.data(), [done](Result<client::Page<client::NodeRow>> page) {
                    if (!page)
                        return; // the picker simply shows no count
                    QList<QJsonObject> nodes;
                    for (const client::NodeRow &n : page.value().items)
                        nodes.append(QJsonObject{
                            {QStringLiteral("id"), n.id},
                            {QStringLiteral("name"), n.name},
                            {QStringLiteral("labels"), QJsonArray::fromStringList(n.labels)},
                            {QStringLiteral("online"), n.online},
                            {QStringLiteral("enrolled"), n.enrolled}});
                    done(nodes);
                }));
        });
    source->attach(m_model);
    source->attach(m_versionViewer->model());
    connect(source, &CatalogueSource::catalogueChanged, this, &FlowEditorPage::catalogueChanged,
            Qt::UniqueConnection);
}

void FlowEditorPage::catalogueChanged()
{
    m_editor->refreshCatalogue();
    m_versionViewer->editor()->refreshCatalogue();
}

void FlowEditorPage::forgetVersionInterfaces()
{
    // A stored version's service nodes get their endpoints' ports as the
    // server has them now: removed ones show as removed.
    if (m_client)
        CatalogueSource::of(m_client)->forgetInterfaces(m_versionViewer->model());
}

void FlowEditorPage::refreshServices()
{
    if (!m_client)
        return;
    attachCatalogue();
    CatalogueSource::of(m_client)->refresh();
}

void FlowEditorPage::open(const QString &flowId)
{
    closeFlow();
    m_flowId = flowId;
    refreshServices();
    fetchFlow(std::nullopt, true);
}

void FlowEditorPage::restore(const FlowAutosave::Entry &entry)
{
    closeFlow();
    m_flowId = entry.flowId;
    m_flowName = entry.flowName;
    refreshServices();
    fetchFlow(entry, false);
}

void FlowEditorPage::closeFlow()
{
    ++m_generation;
    m_autosaveTimer.stop();
    m_flowId.clear();
    m_flowName.clear();
    m_description.clear();
    m_baseVersion.clear();
    m_latestVersion.clear();
    m_publishedVersion.clear();
    m_permission.clear();
    m_lastExecutionId.clear();
    m_loading = m_saving = m_publishing = m_triggering = false;
    m_model->clear();
    m_editor->checker()->clearServerProblems();
    m_versions->clear();
    m_versionViewer->clear();
    clearBanner();
    setView(View::Loading);
    m_wasModified = false;
    finishBusy();
}

void FlowEditorPage::discard()
{
    if (!m_flowId.isEmpty())
        m_autosave.remove(m_flowId);
    closeFlow();
    emit modifiedChanged(false);
}

void FlowEditorPage::fetchFlow(std::optional<FlowAutosave::Entry> restoring, bool ask)
{
    if (!m_client || m_flowId.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    setView(View::Loading);
    updateActions();
    updateHeader();
    client::FlowsApi(*m_client).get(
        m_flowId,
        client::within(this, [this, generation, restoring, ask](Result<client::FlowDetail> result) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (result) {
                showFlow(result.value(), restoring, ask);
            } else {
                m_loadError = result.error();
                m_loadErrorIsLocal = false;
                showFailure();
            }
            finishBusy();
        }));
}

void FlowEditorPage::showFlow(const client::FlowDetail &detail,
                              std::optional<FlowAutosave::Entry> restoring, bool ask)
{
    m_flowName = detail.name;
    m_description = detail.description;
    m_latestVersion = detail.latestVersion.version;
    m_baseVersion = m_latestVersion;
    m_publishedVersion = detail.publishedVersion ? detail.publishedVersion->version : QString();
    m_permission = detail.myPermission;
    if (Status loaded =
            m_model->load(detail.latestVersion.definition, detail.latestVersion.settings);
        !loaded) {
        m_loadError = loaded.error();
        m_loadErrorIsLocal = true; // the model's words, already translated
        showFailure();
        return;
    }
    setView(View::Editor);
    // The stored draft's problems, as the server reports them (restoring
    // autosaved edits below replaces the definition, and with it these).
    showStoredProblems(detail.latestVersion.problems);
    reloadVersions();
    if (restoring) {
        applyAutosave(*restoring);
    } else if (ask) {
        const auto kept = m_autosave.read(m_flowId);
        const bool differs =
            kept && (kept->definition != m_model->definition() ||
                     (!kept->settings.isEmpty() && kept->settings != m_model->settings()));
        if (differs) {
            const QString when = dateTimeText(kept->savedAt);
            // Both answers act (the other one drops the autosave), so this
            // stays a question, its buttons named for what they do.
            if (MessageBox::question(
                    this, tr("Restore Unsaved Changes"),
                    tr("“%1” has changes from %2 that were never saved. Restore them?")
                        .arg(quotedFlowName(m_flowName), when),
                    QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes,
                    QStringLiteral("flows.confirmRestore"),
                    {{QMessageBox::Yes, tr("Restore")}, {QMessageBox::No, tr("Discard")}}) ==
                QMessageBox::Yes)
                applyAutosave(*kept);
            else
                m_autosave.remove(m_flowId);
        } else if (kept) {
            m_autosave.remove(m_flowId); // nothing the server does not have
        }
    }
    QTimer::singleShot(0, m_editor->view(), &FlowView::fitToView);
}

void FlowEditorPage::applyAutosave(const FlowAutosave::Entry &entry)
{
    if (Status loaded = m_model->load(entry.definition, entry.settings); !loaded) {
        setBanner(
            [reason = loaded.error().message] {
                return tr("The autosaved changes cannot be opened: %1").arg(reason);
            },
            Banner::Error);
        return;
    }
    if (!entry.baseVersion.isEmpty())
        m_baseVersion = entry.baseVersion;
    // Not what the server has: unsaved until saved.
    m_model->undoStack()->resetClean();
    setBanner(
        [savedAt = entry.savedAt] {
            return tr("Restored the changes autosaved at %1. Save them to keep them.")
                .arg(dateTimeText(savedAt));
        },
        Banner::Note);
}

// --- leaving and autosave --------------------------------------------------

bool FlowEditorPage::confirmLeave(std::function<void()> proceed)
{
    if (!isModified())
        return true;
    const auto answer = MessageBox::question(
        this, tr("Unsaved Changes"),
        tr("“%1” has changes that are not saved. Save them as a new version before leaving?")
            .arg(quotedFlowName(m_flowName)),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save,
        QStringLiteral("flows.confirmLeave"));
    switch (answer) {
    case QMessageBox::Save:
        save([proceed](bool saved) {
            if (saved && proceed)
                proceed();
        });
        return false;
    case QMessageBox::Discard:
        discard();
        return true;
    default:
        return false;
    }
}

void FlowEditorPage::scheduleAutosave()
{
    const bool modified = isModified();
    if (modified != m_wasModified) {
        m_wasModified = modified;
        emit modifiedChanged(modified);
    }
    updateHeader();
    updateActions();
    if (!isOpen() || m_loading)
        return;
    if (modified) {
        m_autosaveTimer.start();
    } else {
        // Back to what the server has (saved, or undone to it).
        m_autosaveTimer.stop();
        m_autosave.remove(m_flowId);
    }
}

void FlowEditorPage::autosaveNow()
{
    m_autosaveTimer.stop();
    if (!isModified())
        return;
    FlowAutosave::Entry entry;
    entry.flowId = m_flowId;
    entry.flowName = m_flowName;
    entry.baseVersion = m_baseVersion;
    entry.definition = m_model->definition();
    entry.settings = m_model->settings();
    entry.savedAt = QDateTime::currentDateTimeUtc();
    m_autosave.write(entry);
}

// --- save, publish ---------------------------------------------------------

void FlowEditorPage::save(std::function<void(bool)> done)
{
    if (!isOpen() || isBusy() || !m_client) {
        if (done)
            done(false);
        return;
    }
    sendSave(false, std::move(done));
}

void FlowEditorPage::sendSave(bool asNewVersion, std::function<void(bool)> done)
{
    // Based on the version the edits started from: when another console
    // saved a newer one meanwhile the server answers 409 CONFLICT and stores
    // nothing. "Save as new version" sends no base: it goes on top.
    client::FlowEditBase base;
    if (!asNewVersion)
        base.version = m_baseVersion;
    m_saving = true;
    updateActions();
    const int index = m_model->undoStack()->index();
    const quint64 generation = m_generation;
    // Not within(): `done` must hear false even when the page is gone.
    const QPointer<FlowEditorPage> self(this);
    auto finish = [self, done](bool ok) {
        if (self)
            self->finishBusy();
        if (done)
            done(ok);
    };
    client::FlowsApi(*m_client).addVersion(
        m_flowId, m_model->definition(), m_model->settings(), base,
        [self, generation, index, asNewVersion, done, finish](Result<client::FlowVersion> result) {
            if (!self || generation != self->m_generation) {
                if (done)
                    done(false);
                return;
            }
            self->m_saving = false;
            if (result) {
                const QString version = result.value().version;
                self->m_latestVersion = version;
                self->m_baseVersion = version;
                QUndoStack *stack = self->m_model->undoStack();
                const QJsonArray &problems = result.value().problems;
                if (stack->index() == index) {
                    stack->setClean(); // (edits made during the save stay unsaved)
                    // A draft is stored with its problems: listed until fixed.
                    self->showStoredProblems(problems);
                } else {
                    self->m_editor->checker()->clearServerProblems();
                }
                if (problems.isEmpty())
                    self->setBanner(
                        [version] { return tr("Saved as version %1 (draft).").arg(version); });
                else
                    self->setBanner(
                        [version, count = static_cast<int>(problems.size())] {
                            return tr("Saved as version %1 (draft) with %n problem(s): fix them "
                                      "before publishing or running it.",
                                      nullptr, count)
                                .arg(version);
                        },
                        Banner::Error);
                self->reloadVersions();
                emit self->flowChanged(self->m_flowId);
                finish(true);
                return;
            }
            const hm::Error &error = result.error();
            if (isVersionConflict(error) && !asNewVersion) {
                self->finishBusy();
                self->resolveConflict(done);
                return;
            }
            self->showProblems(error);
            self->setBanner([error] { return describeFlowError(error); }, Banner::Error);
            finish(false);
        });
}

void FlowEditorPage::resolveConflict(std::function<void(bool)> done)
{
    QMessageBox box(QMessageBox::Warning, tr("Newer Version on the Server"),
                    tr("Someone saved a newer version of “%1” since you opened version %2.")
                        .arg(quotedFlowName(m_flowName), m_baseVersion),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("flows.conflictDialog"));
    box.setInformativeText(tr("Reload shows the newer version and discards your changes. Save "
                              "as New Version keeps your changes as the version after theirs."));
    QPushButton *saveAsNew = box.addButton(tr("Save as &New Version"), QMessageBox::AcceptRole);
    saveAsNew->setObjectName(QStringLiteral("flows.conflict.saveAsNew"));
    QPushButton *reload = box.addButton(tr("&Reload"), QMessageBox::DestructiveRole);
    reload->setObjectName(QStringLiteral("flows.conflict.reload"));
    box.button(QMessageBox::Cancel)->setObjectName(QStringLiteral("flows.conflict.cancel"));
    box.setDefaultButton(saveAsNew);
    DialogSeam::exec(&box);
    if (box.clickedButton() == saveAsNew) {
        sendSave(true, std::move(done));
        return;
    }
    if (box.clickedButton() == reload) {
        m_autosave.remove(m_flowId);
        fetchFlow(std::nullopt, false);
    }
    if (done)
        done(false);
}

void FlowEditorPage::showStoredProblems(const QJsonArray &problems)
{
    if (problems.isEmpty())
        m_editor->checker()->clearServerProblems();
    else
        m_editor->showServerProblems(QJsonObject{{QStringLiteral("problems"), problems}});
}

void FlowEditorPage::showProblems(const hm::Error &error)
{
    // The editor's Problems list, beside its own checks, with badges on the
    // nodes; nothing when the error is not about the definition.
    if (!error.details.value(QStringLiteral("problems")).toArray().isEmpty())
        m_editor->showServerProblems(error.details);
}

void FlowEditorPage::publish()
{
    if (!isOpen() || isBusy() || !m_client)
        return;
    // Called at once or from the save's answer (itself within(this, ...)).
    auto publishVersion = [this](const QString &version) {
        if (!m_client)
            return;
        m_publishing = true;
        updateActions();
        const quint64 generation = m_generation;
        client::FlowEditBase base;
        base.version = version; // not while a newer version came meanwhile
        client::FlowsApi(*m_client).publish(
            m_flowId, version, base,
            client::within(this, [this, generation, version](Result<client::FlowVersion> result) {
                if (generation != m_generation)
                    return;
                m_publishing = false;
                if (result) {
                    m_publishedVersion = result.value().version;
                    setBanner([published = m_publishedVersion] {
                        return tr("Version %1 is published: runs and the webhook now "
                                  "use it.")
                            .arg(published);
                    });
                    reloadVersions();
                    emit flowChanged(m_flowId);
                } else if (result.error().code == ErrorCode::InvalidFlowDefinition) {
                    // A draft with problems stays a draft: say which.
                    const hm::Error &error = result.error();
                    showProblems(error);
                    const int count = static_cast<int>(
                        error.details.value(QStringLiteral("problems")).toArray().size());
                    setBanner(
                        [version, count] {
                            return tr("Version %1 was not published: it has %n "
                                      "problem(s). Fix them (see Problems), save, then "
                                      "publish.",
                                      nullptr, count)
                                .arg(version);
                        },
                        Banner::Error);
                } else {
                    setBanner([error = result.error()] { return describeFlowError(error); },
                              Banner::Error);
                }
                finishBusy();
            }));
    };
    // Publishing what is on the screen: unsaved edits are saved first.
    if (isModified()) {
        save(client::within(this, [this, publishVersion](bool saved) {
            if (saved)
                publishVersion(m_latestVersion);
        }));
    } else {
        publishVersion(m_latestVersion);
    }
}

// --- run, share, webhook, export --------------------------------------------

void FlowEditorPage::run()
{
    if (!isOpen() || isBusy() || !m_client)
        return;
    TriggerDialog dialog(m_flowName, this);
    dialog.setVersions(m_publishedVersion, m_latestVersion);
    dialog.setInputs(TriggerDialog::inputsTemplate(*m_model));
    dialog.setFlowTimeoutMs(TriggerDialog::flowTimeoutMs(*m_model));
    if (isModified())
        dialog.setNote(tr("Your unsaved changes are not part of any version: save them first "
                          "to run them."));
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    const client::TriggerOptions options = dialog.triggerOptions();
    m_triggering = true;
    updateActions();
    const quint64 generation = m_generation;
    client::FlowsApi(*m_client).trigger(
        m_flowId, options,
        client::within(this, [this, generation](Result<client::TriggerOutcome> result) {
            if (generation != m_generation)
                return;
            m_triggering = false;
            if (!result) {
                setBanner([error = result.error()] { return describeFlowError(error); },
                          Banner::Error);
                finishBusy();
                return;
            }
            const client::TriggerOutcome &outcome = result.value();
            using State = client::TriggerOutcome::State;
            switch (outcome.state) {
            case State::Started:
            case State::Ended:
                m_lastExecutionId = outcome.executionId;
                setBanner([id = outcome.executionId, version = outcome.flowVersion] {
                    return tr("Execution %1 started (version %2).").arg(id, version);
                });
                break;
            case State::Queued:
                m_lastExecutionId = outcome.executionId;
                setBanner([id = outcome.executionId, position = outcome.queuePosition] {
                    return tr("Execution %1 is queued at position %2: the flow allows only so "
                              "many at a time.")
                        .arg(id)
                        .arg(position);
                });
                break;
            case State::Denied: {
                QStringList running;
                for (const QJsonValue &id : outcome.runningExecutions)
                    running.append(id.toString());
                setBanner(
                    [ids = running.join(QStringLiteral(", "))] {
                        return tr("Not started: the flow is already running (%1) and its "
                                  "settings allow only one execution at a time.")
                            .arg(ids);
                    },
                    Banner::Error);
                break;
            }
            }
            finishBusy();
            if (outcome.state != State::Denied)
                emit executionStarted(outcome.executionId);
        }));
}

void FlowEditorPage::share()
{
    if (!isOpen() || !m_client)
        return;
    ShareDialog dialog(m_client, m_flowId, m_flowName, this);
    DialogSeam::exec(&dialog);
}

void FlowEditorPage::webhook()
{
    if (!isOpen() || !m_client)
        return;
    WebhookDialog dialog(m_client, m_flowId, m_flowName, this);
    DialogSeam::exec(&dialog);
}

void FlowEditorPage::exportToFile()
{
    if (!isOpen() || m_loading)
        return;
    QFileDialog dialog(this, tr("Export Flow"));
    dialog.setObjectName(QStringLiteral("flows.exportFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(tr("HiveMind flows (*.json)"));
    dialog.setDefaultSuffix(QStringLiteral("json"));
    dialog.selectFile(FlowFile::fileNameFor(m_flowName));
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    FlowFile file{m_flowName, m_description, m_model->definition(), m_model->settings()};
    if (Status written = file.write(path); !written)
        setBanner([text = written.error().message] { return text; }, Banner::Error);
    else
        setBanner([path] { return tr("Exported to %1.").arg(QDir::toNativeSeparators(path)); });
}

// --- versions ----------------------------------------------------------------

void FlowEditorPage::setUser(const QString &userId, const QString &name)
{
    m_versions->setCurrentUser(userId, name);
}

void FlowEditorPage::reloadVersions()
{
    if (isOpen() && m_client)
        m_versions->load(m_client, m_flowId);
}

bool FlowEditorPage::isShowingVersion() const
{
    return m_stack->currentIndex() == static_cast<int>(View::Version);
}

void FlowEditorPage::openVersion(const QString &version)
{
    const client::FlowVersion *v = m_versions->findVersion(version);
    if (!isOpen() || !v)
        return;
    const QModelIndex author =
        m_versions->index(m_versions->rowOf(version), FlowVersionsModel::AuthorColumn);
    forgetVersionInterfaces();
    if (Status shown = m_versionViewer->showVersion(
            m_flowName, v->version, author.data().toString(), v->createdAt, v->definition,
            v->settings, cannotEditReason().isEmpty());
        !shown) {
        setBanner([text = shown.error().message] { return text; }, Banner::Error);
        return;
    }
    setView(View::Version);
    // Fitted once the page has its size.
    QTimer::singleShot(0, m_versionViewer->editor()->view(), &FlowView::fitToView);
    updateActions();
}

void FlowEditorPage::compareVersions(const QString &before, const QString &after)
{
    const client::FlowVersion *b = m_versions->findVersion(before);
    const client::FlowVersion *a = after.isEmpty() ? nullptr : m_versions->findVersion(after);
    if (!isOpen() || !b || (!after.isEmpty() && !a))
        return;
    const QJsonObject afterDefinition = a ? a->definition : m_model->definition();
    const QJsonObject afterSettings = a ? a->settings : m_model->settings();
    forgetVersionInterfaces();
    if (Status shown = m_versionViewer->showDiff(before, b->definition, b->settings, after,
                                                 afterDefinition, afterSettings);
        !shown) {
        setBanner([text = shown.error().message] { return text; }, Banner::Error);
        return;
    }
    setView(View::Version);
    // Fitted once the page has its size.
    QTimer::singleShot(0, m_versionViewer->editor()->view(), &FlowView::fitToView);
    updateActions();
}

void FlowEditorPage::closeVersion()
{
    if (!isShowingVersion())
        return;
    m_versionViewer->clear();
    setView(isOpen() ? View::Editor : View::Loading);
    updateActions();
}

void FlowEditorPage::restoreVersion(QString version)
{
    const client::FlowVersion *v = m_versions->findVersion(version);
    if (!isOpen() || !v || isBusy() || !m_client || !cannotEditReason().isEmpty())
        return;
    if (isModified() &&
        !MessageBox::confirm(this, tr("Restore Version"),
                             tr("Restoring version %1 replaces your unsaved changes to “%2”. "
                                "Restore it anyway?")
                                 .arg(version, quotedFlowName(m_flowName)),
                             tr("Restore"), QStringLiteral("flows.confirmRestoreVersion"),
                             MessageBox::Confirm::Destructive))
        return;
    // The stored definition and settings exactly: the model keeps the JSON
    // as it came, so the new version holds the same bytes.
    const QJsonObject definition = v->definition;
    const QJsonObject settings = v->settings;
    if (Status loaded = m_model->load(definition, settings); !loaded) {
        setBanner([text = loaded.error().message] { return text; }, Banner::Error);
        return;
    }
    m_model->undoStack()->resetClean(); // not what the latest version holds
    closeVersion();
    QTimer::singleShot(0, m_editor->view(), &FlowView::fitToView);
    sendSave(
        false, client::within(this, [this, version](bool saved) {
            if (saved)
                setBanner([version, latest = m_latestVersion] {
                    return tr("Version %1 restored as version %2 (draft).").arg(version, latest);
                });
        }));
}

void FlowEditorPage::updateVersionActions()
{
    const QModelIndexList rows = m_versionsList->selectionModel()->selectedRows();
    m_openVersion->setEnabled(rows.size() == 1);
    m_compareVersions->setEnabled(rows.size() == 1 || rows.size() == 2);
    switch (m_versions->state()) {
    case FlowVersionsModel::State::Loading:
        m_versionsState->setText(tr("Reading the versions…"));
        break;
    case FlowVersionsModel::State::Failed:
        m_versionsState->setText(describeFlowError(m_versions->lastError()));
        break;
    case FlowVersionsModel::State::Ready:
        m_versionsState->setText(tr("%n version(s). Select one to open it, or two to compare them.",
                                    nullptr, m_versions->rowCount()));
        break;
    case FlowVersionsModel::State::Idle:
        m_versionsState->clear();
        break;
    }
}

// --- what is enabled --------------------------------------------------------

QString FlowEditorPage::cannotEditReason() const
{
    if (m_role == QLatin1String("viewer"))
        return tr("Your role (viewer) can look at flows but not change them.");
    if (m_permission == QLatin1String("view"))
        return tr("This flow is shared with you to view and run; changing it needs edit "
                  "permission.");
    return {};
}

QString FlowEditorPage::cannotRunReason() const
{
    if (m_role == QLatin1String("viewer"))
        return tr("Your role (viewer) cannot run flows.");
    return {};
}

QString FlowEditorPage::cannotShareReason() const
{
    if (const QString reason = cannotEditReason(); !reason.isEmpty())
        return reason;
    if (m_permission == QLatin1String("edit"))
        return tr("Only the owner and people it is shared with as admin can share this flow.");
    return {};
}

void FlowEditorPage::updateActions()
{
    const bool ready = isOpen() && !isBusy();
    struct Rule
    {
        const char *name;
        QString reason; // why not, for the role or permission
        bool enabled;   // otherwise
        QString tip;
    };
    const QString editReason = cannotEditReason();
    const Rule rules[] = {
        {"save", editReason, ready && isModified(),
         isModified() ? tr("Save the changes as a new draft version") : tr("No unsaved changes")},
        {"publish", editReason, ready,
         tr("Publish the latest version (unsaved changes are saved first)")},
        {"run", cannotRunReason(), ready, tr("Start an execution with inputs you enter")},
        {"share", cannotShareReason(), ready, tr("Choose who else sees, edits or shares the flow")},
        {"webhook", editReason, ready, tr("The URL that starts the flow without signing in")},
        {"export", QString(), isOpen() && !m_loading, tr("Save the flow to a JSON file")},
    };
    for (const Rule &rule : rules) {
        QAction *a = action(QString::fromLatin1(rule.name));
        a->setEnabled(rule.reason.isEmpty() && rule.enabled);
        const QString tip = rule.reason.isEmpty() ? rule.tip : rule.reason;
        const QKeySequence shortcut = a->shortcut();
        a->setToolTip(shortcut.isEmpty()
                          ? tip
                          : tr("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
    }
}

void FlowEditorPage::updateHeader()
{
    // A long name is shortened: the toolbar stays on screen.
    m_title->setText(quotedFlowName(m_flowName));
    m_title->setToolTip(m_flowName == m_title->text() ? QString() : m_flowName);
    QString version;
    if (!m_baseVersion.isEmpty()) {
        version = m_baseVersion == m_publishedVersion
                      ? tr("Published · version %1").arg(m_baseVersion)
                      : tr("Draft · version %1").arg(m_baseVersion);
        if (isModified())
            version = tr("%1 · unsaved changes").arg(version);
    }
    if (m_saving)
        version = tr("Saving…");
    else if (m_publishing)
        version = tr("Publishing…");
    else if (m_triggering)
        version = tr("Starting…");
    m_version->setText(version);
}

void FlowEditorPage::retranslate()
{
    const struct
    {
        const char *name;
        QString text;
    } texts[] = {
        {"back", tr("← Flows")},    {"save", tr("&Save")},    {"publish", tr("&Publish")},
        {"run", tr("&Run…")},       {"share", tr("S&hare…")}, {"webhook", tr("&Webhook…")},
        {"export", tr("&Export…")},
    };
    for (const auto &t : texts) {
        // The header's buttons show the words without the mnemonic and the
        // ellipsis (CJK's "(&S)" alone takes a character's width or two);
        // the Flow menu shows them whole.
        QAction *a = action(QString::fromLatin1(t.name));
        a->setText(t.text);
        useToolButtonText(a);
        a->setToolTip(toolTipWithShortcut(toolButtonText(t.text), a->shortcut()));
    }
    action(QStringLiteral("back"))->setToolTip(tr("Back to the list of flows"));
    m_toolBar->setWindowTitle(tr("Flow"));
    m_versionsDock->setWindowTitle(tr("Versions"));
    m_openVersion->setText(tr("&Open Read-Only"));
    m_openVersion->setToolTip(tr("Show the selected version without changing the draft"));
    m_compareVersions->setText(tr("&Compare"));
    m_compareVersions->setToolTip(tr("Compare two selected versions, or one version with the "
                                     "draft on the canvas"));
    updateVersionActions();
    m_loadingText->setText(tr("Opening the flow…"));
    m_retry->setText(tr("&Try Again"));
    if (m_stack->currentIndex() == static_cast<int>(View::Failed))
        showFailure();
    updateActions();
    updateHeader();
}

void FlowEditorPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace hm::app
