// The flow editor's versions (issue 11, item 5) against a real in-process
// server over loopback: the versions list after three saves
// (QAbstractItemModelTester), a version opened read-only refusing real
// mouse and key edits, "restore as draft" making a new version with the old
// content byte for byte, the visual diff's marks, legend and side list
// (choosing a change centres its node), and the execution viewer's graph
// staying put under a real drag. With HIVEMIND_SCREENSHOT_DIR set,
// `screenshots` saves the read-only banner and the diff in en, zh_TW and
// zh_CN.

#include "AdminTestSupport.h"
#include "canvas/FlowEditorWidget.h"
#include "canvas/FlowItems.h"
#include "canvas/FlowScene.h"
#include "canvas/FlowView.h"
#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/ExecutionsApi.h"
#include "client/FlowsApi.h"
#include "connection/ServerConnection.h"
#include "executions/ExecutionGraphView.h"
#include "executions/ExecutionState.h"
#include "flowgraph/FlowGraphModel.h"
#include "flows/FlowAutosave.h"
#include "flows/FlowEditorPage.h"
#include "flows/FlowVersionViewer.h"
#include "flows/FlowVersionsModel.h"
#include "inspector/InspectorWidget.h"
#include "inspector/SchemaForm.h"
#include "shell/LanguageManager.h"
#include "widgets/MessageBox.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>
#include <memory>
#include <optional>

using namespace hm::app;
using hm::client::ApiClient;
using hm::client::FlowsApi;

using admintest::AdminServer;
using admintest::await;

namespace {

void sendMouse(QWidget *target, QEvent::Type type, QPoint pos, Qt::MouseButton button,
               Qt::MouseButtons buttons)
{
    QMouseEvent event(type, QPointF(pos), QPointF(target->mapToGlobal(pos)), button, buttons,
                      Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

// A press, moves in steps (as a hand does) and a release.
void drag(QWidget *target, QPoint from, QPoint to)
{
    sendMouse(target, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    constexpr int steps = 8;
    for (int i = 1; i <= steps; ++i)
        sendMouse(target, QEvent::MouseMove, from + (to - from) * i / steps, Qt::NoButton,
                  Qt::LeftButton);
    sendMouse(target, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

QPoint headerPos(QGraphicsView *view, const FlowNodeItem *item)
{
    return view->mapFromScene(item->pos() + QPointF(item->size().width() / 2, 12));
}

QJsonObject node(const QString &id, const QString &component, const QString &version, QPointF at,
                 QJsonObject config = {}, QJsonObject mappings = {})
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("component"), component},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("position"),
                        QJsonObject{{QStringLiteral("x"), at.x()}, {QStringLiteral("y"), at.y()}}},
                       {QStringLiteral("config"), config},
                       {QStringLiteral("inputMappings"), mappings}};
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestFlowVersions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void versionsListAfterThreeSaves();
    void versionsFollowOtherConsoles();
    void openReadOnlyRefusesEdits();
    void restoreMakesNewDraftVersion();
    void diffShowsTheRightCounts();
    void executionGraphIsReadOnly();
    void screenshots();

private:
    std::unique_ptr<FlowEditorPage> makePage();
    QString componentVersion(const QString &component);
    // The flow the first tests build: versions 1 to 4.
    QString m_flowId;
    QJsonObject m_v1;

    AdminServer m_server;
    QTemporaryDir m_autosaveDir;
    std::unique_ptr<ApiClient> m_admin;
    QString m_adminId;
};

void TestFlowVersions::initTestCase()
{
    QVERIFY(m_server.start("TestFlowVersions", AdminServer::Console::SignedOut));
    m_admin = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword);
    QVERIFY(m_admin);
    m_adminId = m_server.admin.id;
}

void TestFlowVersions::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TestFlowVersions::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestFlowVersions::componentVersion(const QString &component)
{
    auto components =
        await<QJsonArray>([&](auto done) { hm::client::ExecutionsApi(*m_admin).components(done); });
    if (components.ok()) {
        for (const QJsonValue &item : components.value()) {
            if (item[QStringLiteral("name")].toString() == component)
                return item[QStringLiteral("version")].toString();
        }
    }
    return QStringLiteral("1.0.0");
}

std::unique_ptr<FlowEditorPage> TestFlowVersions::makePage()
{
    auto page = std::make_unique<FlowEditorPage>(m_admin.get(), FlowAutosave(m_autosaveDir.path()));
    page->setRole(QStringLiteral("admin"));
    page->setUser(m_adminId, QStringLiteral("admin"));
    page->resize(1280, 800);
    page->show();
    if (!QTest::qWaitForWindowExposed(page.get()))
        qWarning("page not exposed");
    return page;
}

void TestFlowVersions::versionsListAfterThreeSaves()
{
    const QString noop = componentVersion(QStringLiteral("noop"));
    const QString log = componentVersion(QStringLiteral("log"));
    m_v1 = QJsonObject{
        {QStringLiteral("schemaVersion"), 1},
        {QStringLiteral("nodes"),
         QJsonArray{node(QStringLiteral("start"), QStringLiteral("noop"), noop, {0, 0}),
                    node(QStringLiteral("report"), QStringLiteral("log"), log, {300, 0},
                         {{QStringLiteral("message"), QStringLiteral("one")}})}},
        {QStringLiteral("edges"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("e1")},
                                {QStringLiteral("source"), QStringLiteral("start")},
                                {QStringLiteral("target"), QStringLiteral("report")}}}}};
    auto created = await<hm::client::FlowSummary>([&](auto done) {
        FlowsApi(*m_admin).create(
            hm::client::NewFlow{QStringLiteral("Versioned flow"), QString(), m_v1, {}}, done);
    });
    QVERIFY(created.ok());
    m_flowId = created.value().id;

    auto page = makePage();
    FlowVersionsModel *versions = page->versionsModel();
    QAbstractItemModelTester tester(versions,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page->open(m_flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTRY_COMPARE(versions->state(), FlowVersionsModel::State::Ready);
    QCOMPARE(versions->rowCount(), 1);
    FlowGraphModel *graph = page->model();
    QTRY_VERIFY(graph->catalogue().names().contains(QStringLiteral("noop")));

    const auto saveNow = [&](const QString &expected) {
        page->action(QStringLiteral("save"))->trigger();
        QTRY_COMPARE(page->latestVersion(), expected);
        QTRY_VERIFY(!page->isBusy());
    };
    // Save 1: a config change. Save 2: a node and a connection. Save 3: a mapping.
    QVERIFY(graph
                ->setNodeConfig(QStringLiteral("report"),
                                {{QStringLiteral("message"), QStringLiteral("two")}})
                .ok());
    saveNow(QStringLiteral("2"));
    auto added = graph->addNode(QStringLiteral("noop"), noop, QPointF(600, 0));
    QVERIFY(added.ok());
    QCOMPARE(added.value(), QStringLiteral("noop-1"));
    QVERIFY(graph
                ->addConnection(
                    EdgeSpec{QStringLiteral("report"), kDefaultPort, added.value(), kDefaultPort})
                .ok());
    saveNow(QStringLiteral("3"));
    QVERIFY(graph
                ->setInputMapping(added.value(), QStringLiteral("since"),
                                  QStringLiteral("$.trigger.since"))
                .ok());
    saveNow(QStringLiteral("4"));

    QTRY_COMPARE(versions->rowCount(), 4);
    QTRY_COMPARE(versions->state(), FlowVersionsModel::State::Ready);
    // Newest first, with its author (the signed-in user by name) and date.
    for (int row = 0; row < 4; ++row)
        QCOMPARE(versions
                     ->data(versions->index(row, FlowVersionsModel::VersionColumn),
                            FlowVersionsModel::VersionRole)
                     .toString(),
                 QString::number(4 - row));
    QCOMPARE(versions->index(0, FlowVersionsModel::VersionColumn).data().toString(),
             QStringLiteral("Version 4"));
    QCOMPARE(versions->index(0, FlowVersionsModel::AuthorColumn).data().toString(),
             QStringLiteral("admin"));
    QVERIFY(!versions->index(0, FlowVersionsModel::CreatedColumn).data().toString().isEmpty());
    QCOMPARE(versions->index(0, FlowVersionsModel::StatusColumn).data().toString(),
             QStringLiteral("Draft"));

    // Publishing version 4 marks it.
    page->action(QStringLiteral("publish"))->trigger();
    QTRY_COMPARE(page->publishedVersion(), QStringLiteral("4"));
    QTRY_VERIFY(versions->index(0, 0).data(FlowVersionsModel::PublishedRole).toBool());
    QCOMPARE(versions->index(0, FlowVersionsModel::StatusColumn).data().toString(),
             QStringLiteral("● Published"));
    QVERIFY(!versions->index(1, 0).data(FlowVersionsModel::PublishedRole).toBool());

    // The dock holds the list, tabbed with the problems.
    auto *dock = page->findChild<QDockWidget *>(QStringLiteral("flows.editor.versionsDock"));
    QVERIFY(dock);
    QCOMPARE(page->versionsList()->model(), versions);
}

// The versions model (RemoteListModel's whole-list mode) under the tester:
// one answer and no further page, a version another console adds (the
// flow_version_added message FlowsPage hands the editor) comes in while the
// rows stay, a reload keeps them until the answer, closing the flow drops
// them.
void TestFlowVersions::versionsFollowOtherConsoles()
{
    auto created = await<hm::client::FlowSummary>([&](auto done) {
        FlowsApi(*m_admin).create(
            hm::client::NewFlow{QStringLiteral("Shared versions"), QString(), m_v1, {}}, done);
    });
    QVERIFY(created.ok());
    const QString flowId = created.value().id;
    auto page = makePage();
    FlowVersionsModel *versions = page->versionsModel();
    QAbstractItemModelTester tester(versions,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page->open(flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTRY_COMPARE(versions->state(), FlowVersionsModel::State::Ready);
    QCOMPARE(versions->rowCount(), 1);
    QCOMPARE(versions->totalCount(), 1);
    QVERIFY(!versions->canFetchMore({})); // every version in one answer

    for (const QString &message : {QStringLiteral("two"), QStringLiteral("three")}) {
        QJsonObject definition = m_v1;
        QJsonArray nodes = definition.value(QStringLiteral("nodes")).toArray();
        QJsonObject report = nodes.at(1).toObject();
        report.insert(QStringLiteral("config"), QJsonObject{{QStringLiteral("message"), message}});
        nodes.replace(1, report);
        definition.insert(QStringLiteral("nodes"), nodes);
        auto added = await<hm::client::FlowVersion>(
            [&](auto done) { FlowsApi(*m_admin).addVersion(flowId, definition, {}, done); });
        QVERIFY(added.ok());
        QSignalSpy resets(versions, &QAbstractItemModel::modelReset);
        page->noteNewerVersion(added.value().version);
        QCOMPARE(versions->state(), FlowVersionsModel::State::Loading);
        QVERIFY(versions->rowCount() > 0); // shown until the answer replaces them
        QTRY_COMPARE(versions->state(), FlowVersionsModel::State::Ready);
        QCOMPARE(versions->item(0)->version, added.value().version);
        QCOMPARE(resets.size(), 1);
    }
    QCOMPARE(versions->rowCount(), 3);
    QCOMPARE(versions->rowOf(QStringLiteral("1")), 2);
    QCOMPARE(versions->findVersion(QStringLiteral("2"))->version, QStringLiteral("2"));

    versions->reload();
    QCOMPARE(versions->rowCount(), 3);
    QTRY_COMPARE(versions->state(), FlowVersionsModel::State::Ready);
    QCOMPARE(versions->rowCount(), 3);
    page->closeFlow(); // clears the versions
    QCOMPARE(versions->state(), FlowVersionsModel::State::Idle);
    QCOMPARE(versions->rowCount(), 0);
}

void TestFlowVersions::openReadOnlyRefusesEdits()
{
    QVERIFY(!m_flowId.isEmpty());
    auto page = makePage();
    page->open(m_flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTRY_COMPARE(page->versionsModel()->rowCount(), 4);
    const QByteArray draftBefore = page->model()->definitionText();

    // Double-click… Enter on the row of version 2 opens it read-only.
    QTableView *list = page->versionsList();
    page->findChild<QDockWidget *>(QStringLiteral("flows.editor.versionsDock"))->raise();
    list->setFocus();
    list->setCurrentIndex(
        page->versionsModel()->index(page->versionsModel()->rowOf(QStringLiteral("2")), 0));
    QTest::keyClick(list, Qt::Key_Return);
    QVERIFY(page->isShowingVersion());
    FlowVersionViewer *viewer = page->versionViewer();
    QCOMPARE(viewer->mode(), FlowVersionViewer::Mode::Version);
    QCOMPARE(viewer->version(), QStringLiteral("2"));
    QVERIFY(viewer->bannerText().startsWith(QStringLiteral("Version 2 of “Versioned flow”")));
    QVERIFY(viewer->bannerText().contains(QStringLiteral("Read-only")));
    QVERIFY(viewer->findChild<QPushButton *>(QStringLiteral("flows.versionViewer.restore"))
                ->isVisible());
    FlowEditorWidget *editor = viewer->editor();
    QVERIFY(editor->isReadOnly());
    FlowGraphModel *shown = viewer->model();
    QCOMPARE(shown->node(QStringLiteral("report"))->config.value(QStringLiteral("message")),
             QJsonValue(QStringLiteral("two")));
    QCOMPARE(shown->nodeCount(), 2);
    const QByteArray before = shown->definitionText();

    // A real drag on a node moves nothing (and selects it).
    FlowView *view = editor->view();
    QTRY_VERIFY(view->isVisible());
    FlowNodeItem *report = editor->scene()->nodeItem(QStringLiteral("report"));
    const QPointF position = report->pos();
    view->centerOn(report);
    drag(view->viewport(), headerPos(view, report), headerPos(view, report) + QPoint(120, 70));
    QVERIFY(report->isSelected());
    QCOMPARE(report->pos(), position);
    QCOMPARE(shown->node(QStringLiteral("report"))->position, position);
    // A drag from an output port connects nothing.
    FlowNodeItem *start = editor->scene()->nodeItem(QStringLiteral("start"));
    view->centerOn(start);
    const QPoint out = view->mapFromScene(start->portScenePos(PortDirection::Out, kDefaultPort));
    drag(view->viewport(), out, out + QPoint(200, 100));
    QCOMPARE(shown->edgeCount(), 1);
    // Delete, paste, duplicate, quick add: nothing changes.
    editor->scene()->selectNodes({QStringLiteral("report")});
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(shown->hasNode(QStringLiteral("report")));
    QGuiApplication::clipboard()->setMimeData(shown->mimeData({QStringLiteral("report")}));
    view->paste();
    view->duplicateSelection();
    QTest::keyClick(view, Qt::Key_Tab);
    QVERIFY(!view->quickAddPopup() || !view->quickAddPopup()->isVisible());
    QCOMPARE(shown->nodeCount(), 2);
    QCOMPARE(shown->definitionText(), before);
    for (const char *name : {"delete", "paste", "cut", "duplicate", "autoLayout", "undo"})
        QVERIFY2(!editor->action(QString::fromLatin1(name))->isEnabled(), name);
    QVERIFY(editor->action(QStringLiteral("copy"))->isEnabled());
    QVERIFY(!editor->palette()->isVisible());
    QVERIFY(editor->inspector()->isReadOnly());
    QVERIFY(!editor->inspector()->configForm()->isEnabled());
    // The model refuses too (the inspector's path).
    QVERIFY(!shown->setNodeConfig(QStringLiteral("report"), {}).ok());

    // Back to the draft: untouched.
    viewer->findChild<QPushButton *>(QStringLiteral("flows.versionViewer.close"))->click();
    QVERIFY(!page->isShowingVersion());
    QCOMPARE(page->model()->definitionText(), draftBefore);
    QVERIFY(!page->isModified());
    QVERIFY(!page->model()->isReadOnly());
}

void TestFlowVersions::restoreMakesNewDraftVersion()
{
    QVERIFY(!m_flowId.isEmpty());
    auto stored = await<QList<hm::client::FlowVersion>>(
        [&](auto done) { FlowsApi(*m_admin).versions(m_flowId, done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().size(), 4);
    const hm::client::FlowVersion v2 = stored.value().at(1);
    QCOMPARE(v2.version, QStringLiteral("2"));

    auto page = makePage();
    page->open(m_flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTRY_COMPARE(page->versionsModel()->rowCount(), 4);
    // An unsaved edit of the draft: restoring asks first; Cancel keeps it.
    QVERIFY(page->model()->moveNodes({{QStringLiteral("start"), QPointF(20, 20)}}).ok());
    QVERIFY(page->isModified());
    page->openVersion(QStringLiteral("2"));
    auto *restore = page->versionViewer()->findChild<QPushButton *>(
        QStringLiteral("flows.versionViewer.restore"));
    QVERIFY(restore->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    restore->click();
    QVERIFY(page->isShowingVersion());
    QCOMPARE(page->latestVersion(), QStringLiteral("4"));
    QCOMPARE(page->model()->node(QStringLiteral("start"))->position, QPointF(20, 20));

    MessageBox::setNextAnswer(QMessageBox::Yes);
    restore->click();
    QVERIFY(!page->isShowingVersion());
    QTRY_COMPARE(page->latestVersion(), QStringLiteral("5"));
    QTRY_VERIFY(!page->isBusy());
    QVERIFY(!page->isModified());
    QCOMPARE(page->bannerText(), QStringLiteral("Version 2 restored as version 5 (draft)."));
    // Version 4 stays published; version 5 is a draft with version 2's content.
    QCOMPARE(page->publishedVersion(), QStringLiteral("4"));
    auto after = await<QList<hm::client::FlowVersion>>(
        [&](auto done) { FlowsApi(*m_admin).versions(m_flowId, done); });
    QVERIFY(after.ok());
    QCOMPARE(after.value().size(), 5);
    const hm::client::FlowVersion &v5 = after.value().last();
    QCOMPARE(v5.version, QStringLiteral("5"));
    QCOMPARE(v5.status, QStringLiteral("draft"));
    QCOMPARE(compact(v5.definition), compact(v2.definition));
    QCOMPARE(compact(v5.settings), compact(v2.settings));
    QTRY_COMPARE(page->versionsModel()->rowCount(), 5);
}

void TestFlowVersions::diffShowsTheRightCounts()
{
    QVERIFY(!m_flowId.isEmpty());
    auto page = makePage();
    page->open(m_flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTRY_COMPARE(page->versionsModel()->rowCount(), 5);
    FlowVersionViewer *viewer = page->versionViewer();

    // Two versions selected in the list, then Compare: 1 -> 3.
    QTableView *list = page->versionsList();
    FlowVersionsModel *versions = page->versionsModel();
    list->selectionModel()->select(versions->index(versions->rowOf(QStringLiteral("3")), 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    list->selectionModel()->select(versions->index(versions->rowOf(QStringLiteral("1")), 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    auto *compare = page->findChild<QPushButton *>(QStringLiteral("flows.versions.compare"));
    QVERIFY(compare->isEnabled());
    compare->click();
    QVERIFY(page->isShowingVersion());
    QCOMPARE(viewer->mode(), FlowVersionViewer::Mode::Diff);
    QCOMPARE(viewer->bannerText(),
             QStringLiteral("Changes from version 1 to version 3. Read-only."));
    const FlowDiff &diff = viewer->diff();
    QCOMPARE(diff.count(FlowDiff::Kind::Added), 1);   // noop-1
    QCOMPARE(diff.count(FlowDiff::Kind::Changed), 1); // report's config
    QCOMPARE(diff.count(FlowDiff::Kind::Removed), 0);
    QCOMPARE(diff.edgeCount(FlowDiff::Kind::Added), 1);
    QCOMPARE(diff.edgeCount(FlowDiff::Kind::Removed), 0);
    QVERIFY(viewer->legendText().contains(QStringLiteral("1 added")));
    QVERIFY(viewer->legendText().contains(QStringLiteral("0 removed")));
    QVERIFY(viewer->legendText().contains(QStringLiteral("1 changed")));
    FlowScene *scene = viewer->editor()->scene();
    QCOMPARE(scene->nodeItem(QStringLiteral("noop-1"))->diffMark(), DiffMark::Added);
    QCOMPARE(scene->nodeItem(QStringLiteral("report"))->diffMark(), DiffMark::Changed);
    QCOMPARE(scene->nodeItem(QStringLiteral("start"))->diffMark(), DiffMark::None);
    QVERIFY(viewer->editor()->isReadOnly());

    // The side list: report (config · message: "one" → "two"), noop-1, the connection.
    QTreeWidget *changes = viewer->changesList();
    QCOMPARE(changes->topLevelItemCount(), 3);
    QCOMPARE(changes->topLevelItem(0)->text(0), QStringLiteral("~ report: config changed"));
    QCOMPARE(changes->topLevelItem(0)->child(0)->text(0),
             QStringLiteral("config · message: \"one\" → \"two\""));
    QCOMPARE(changes->topLevelItem(1)->text(0), QStringLiteral("+ noop-1: node added (noop)"));
    QCOMPARE(changes->topLevelItem(2)->text(0),
             QStringLiteral("+ connection report → noop-1 added"));
    // Choosing a change selects and centres its node.
    FlowView *view = viewer->editor()->view();
    view->setZoom(2.0);
    view->centerOn(scene->nodeItem(QStringLiteral("start")));
    changes->setCurrentItem(changes->topLevelItem(1));
    QCOMPARE(scene->selectedNodeIds(), QStringList{QStringLiteral("noop-1")});
    const QPointF centre = view->mapToScene(view->viewport()->rect().center());
    QVERIFY2(QLineF(centre, scene->nodeItem(QStringLiteral("noop-1"))->sceneBoundingRect().center())
                     .length() < 5.0,
             "the node is not centred");

    // 3 -> 1 backwards: removed.
    page->compareVersions(QStringLiteral("3"), QStringLiteral("1"));
    QCOMPARE(viewer->diff().count(FlowDiff::Kind::Removed), 1);
    QCOMPARE(scene->nodeItem(QStringLiteral("noop-1"))->diffMark(), DiffMark::Removed);
    QCOMPARE(viewer->diff().edgeCount(FlowDiff::Kind::Removed), 1);

    // Version 5 (= version 2) against the draft (which is version 5): none.
    page->compareVersions(QStringLiteral("5"));
    QVERIFY(viewer->diff().isEmpty());
    QCOMPARE(viewer->bannerText(),
             QStringLiteral("Changes from version 5 to your draft. Read-only."));
    QCOMPARE(changes->topLevelItemCount(), 1);
    QCOMPARE(changes->topLevelItem(0)->text(0), QStringLiteral("No differences."));
    // Switching language retranslates what is shown.
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(viewer->bannerText(), QStringLiteral("變更：版本 5 → 您的草稿。唯讀。"));
    QCOMPARE(changes->topLevelItem(0)->text(0), QStringLiteral("沒有差異。"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(viewer->bannerText(),
                 QStringLiteral("Changes from version 5 to your draft. Read-only."));
    // The header's Versions button shows and hides the dock.
    QAction *showVersions = page->findChild<QAction *>(QStringLiteral("action.showVersions"));
    QVERIFY(showVersions && showVersions->isCheckable());
    // An unsaved edit shows against it.
    page->closeVersion();
    QVERIFY(page->model()
                ->setNodeConfig(QStringLiteral("report"),
                                {{QStringLiteral("message"), QStringLiteral("draft")}})
                .ok());
    page->compareVersions(QStringLiteral("5"));
    QCOMPARE(viewer->diff().count(FlowDiff::Kind::Changed), 1);
    page->closeVersion();
    page->model()->undoStack()->undo();
    QVERIFY(!page->isModified());
}

void TestFlowVersions::executionGraphIsReadOnly()
{
    ExecutionState state;
    ExecutionGraphView view(&state);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDefinition(m_v1);
    QTRY_VERIFY(view.flowScene()->nodeItem(QStringLiteral("report")));
    QVERIFY(view.graphModel()->isReadOnly());
    FlowNodeItem *report = view.flowScene()->nodeItem(QStringLiteral("report"));
    const QPointF before = report->pos();
    const QByteArray text = view.graphModel()->definitionText();
    view.centerOn(report);
    drag(view.viewport(), headerPos(&view, report), headerPos(&view, report) + QPoint(150, 90));
    QCOMPARE(report->pos(), before);
    QCOMPARE(view.graphModel()->definitionText(), text);
    // Clicking selects it: the viewer's node detail follows that.
    QCOMPARE(view.selectedNode(), QStringLiteral("report"));
    // The model refuses moves however they come.
    QVERIFY(!view.graphModel()->moveNodes({{QStringLiteral("report"), QPointF(1, 1)}}).ok());
}

void TestFlowVersions::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(!m_flowId.isEmpty());
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        auto page = makePage();
        page->open(m_flowId);
        QTRY_VERIFY(page->isOpen() && !page->isLoading());
        QTRY_COMPARE(page->versionsModel()->rowCount(), 5);
        QTRY_VERIFY(page->model()->catalogue().names().contains(QStringLiteral("noop")));
        page->findChild<QDockWidget *>(QStringLiteral("flows.editor.versionsDock"))->raise();
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/flow-versions-") + language +
                                  QStringLiteral(".png")));
        page->openVersion(QStringLiteral("2"));
        QTest::qWait(50);
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/flow-version-readonly-") + language +
                                  QStringLiteral(".png")));
        page->compareVersions(QStringLiteral("1"), QStringLiteral("4"));
        QTest::qWait(50);
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/flow-version-diff-") + language +
                                  QStringLiteral(".png")));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

QTEST_MAIN(TestFlowVersions)
#include "TestFlowVersions.moc"
