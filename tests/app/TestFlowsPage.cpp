// The console's Flows section (issue 11, item 7) against a real in-process
// server over loopback: the lazy list model (QAbstractItemModelTester,
// paging with rows coming and going, live events), the page's actions
// answered through the modal seam (MessageBox::setNextAnswer,
// DialogSeam), the hosted editor (save, a refused save, publish, run),
// leaving with unsaved changes, the autosave after a crash, sharing, the
// webhook, export and import, and what a viewer may not do. With
// HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves the section in en,
// zh_TW and zh_CN (run it alone, on a fresh server).

#include "AdminTestSupport.h"
#include "canvas/FlowEditorWidget.h"
#include "canvas/FlowScene.h"
#include "canvas/FlowView.h"
#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/ExecutionsApi.h"
#include "client/FlowsApi.h"
#include "client/UsersApi.h"
#include "connection/ServerConnection.h"
#include "connection/ServerProfiles.h"
#include "flowgraph/FlowGraphModel.h"
#include "flows/FlowAutosave.h"
#include "flows/FlowEditorPage.h"
#include "flows/FlowListModel.h"
#include "flows/FlowNameDialog.h"
#include "flows/FlowVersionViewer.h"
#include "flows/FlowVersionsModel.h"
#include "flows/FlowsPage.h"
#include "flows/ShareDialog.h"
#include "flows/TriggerDialog.h"
#include "flows/WebhookDialog.h"
#include "inspector/FlowChecker.h"
#include "inspector/ProblemsPanel.h"
#include "shell/LanguageManager.h"
#include "shell/MainWindow.h"
#include "shell/SectionFrame.h"
#include "widgets/MessageBox.h"
#include "widgets/MessageLine.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>
#include <memory>
#include <optional>

using namespace hm::app;
using hm::client::ApiClient;
using hm::client::FlowDetail;
using hm::client::FlowsApi;
using hm::client::FlowSummary;

using admintest::AdminServer;
using admintest::await;

namespace {

QJsonObject emptyDefinition()
{
    return QJsonObject{{QStringLiteral("schemaVersion"), 1},
                       {QStringLiteral("nodes"), QJsonArray()},
                       {QStringLiteral("edges"), QJsonArray()}};
}

// A DialogSeam handler that types `name` into the name dialog.
DialogSeam::Handler typeName(const QString &name)
{
    return [name](QDialog *dialog) {
        auto *input = qobject_cast<QInputDialog *>(dialog);
        if (!input || dialog->objectName() != QLatin1String("flows.nameDialog"))
            return int(QDialog::Rejected);
        input->setTextValue(name);
        return int(QDialog::Accepted);
    };
}

DialogSeam::Handler chooseFile(const QString &path, DialogSeam::Handler then = {})
{
    return [path, then](QDialog *dialog) {
        auto *files = qobject_cast<QFileDialog *>(dialog);
        if (!files)
            return int(QDialog::Rejected);
        files->selectFile(path);
        if (then)
            DialogSeam::setNextHandler(then);
        return int(QDialog::Accepted);
    };
}

int rowNamed(const FlowListModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->item(row)->name == name)
            return row;
    }
    return -1;
}

} // namespace

class TestFlowsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void listModelPagesLiveRows();
    void listModelAppliesEvents();
    void listShowsHonestStates();
    void createRenameDuplicateDelete();
    void editSavePublishRun();
    void invalidDraftSavesWithItsProblems();
    void refusedSaveKeepsEveryEdit();
    void leavingWithUnsavedChangesAsks();
    void leavePromptSavesAnInvalidDraft();
    void emptyNameKeepsTheDialogOpen();
    void longNamesAreShortenedInMessages();
    void mainWindowAsksBeforeLeavingTheSection();
    void switchingServersAsksAndResets();
    void autosaveRestoresAfterCrash();
    void secondClientShowsUpLive();
    void staleSaveOffersReloadOrSaveAsNew();
    void staleRestoreOffersReloadOrSaveAsNew();
    void shareDialogSaysTheSeedsErrors();
    void webhookIsShownAndRegenerated();
    void exportAndImport();
    void malformedImportStoresNothing();
    void viewerSeesWhyActionsAreOff();
    void retranslatesWithoutLosingEdits();
    void messagesFollowTheLanguageAndPass();
    void screenshots();

private:
    QString createFlow(const QString &name, const QJsonObject &definition = emptyDefinition());
    std::unique_ptr<FlowsPage> makePage(ApiClient *client, int pageSize = 50);
    QString componentVersion(const QString &component) const;
    // Signs the console's own connection in, as the sign-in dialog does.
    bool signInConsole();
    qint64 serverFlowCount();

    // The console's connection starts signed out: the window test checks
    // what it shows before the sign-in.
    AdminServer m_server;
    std::unique_ptr<QTemporaryDir> m_autosaveDir;
    std::unique_ptr<ApiClient> m_admin;
};

void TestFlowsPage::initTestCase()
{
    QVERIFY(m_server.start("TestFlowsPage", AdminServer::Console::SignedOut));
    m_admin = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword);
    QVERIFY(m_admin);
}

void TestFlowsPage::init()
{
    m_autosaveDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_autosaveDir->isValid());
}

void TestFlowsPage::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    DialogSeam::setNextHandler({});
    m_autosaveDir.reset();
}

void TestFlowsPage::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestFlowsPage::createFlow(const QString &name, const QJsonObject &definition)
{
    auto created = await<FlowSummary>([&](auto done) {
        FlowsApi(*m_admin).create(hm::client::NewFlow{name, QString(), definition, {}}, done);
    });
    if (!created.ok())
        qFatal("create %s: %s", qPrintable(name), qPrintable(created.error().toString()));
    return created.value().id;
}

bool TestFlowsPage::signInConsole()
{
    if (m_server.connection->isSignedIn())
        return true;
    auto login = await<hm::client::LoginResult>([&](auto done) {
        m_server.connection->client()->login(QStringLiteral("admin"), m_server.adminPassword, done);
    });
    if (!login.ok())
        return false;
    m_server.connection->setSignedIn(login.value().user);
    return true;
}

qint64 TestFlowsPage::serverFlowCount()
{
    auto page = await<hm::client::Page<FlowSummary>>(
        [&](auto done) { FlowsApi(*m_admin).list(hm::client::FlowListFilter{}, done); });
    return page.ok() ? page.value().total : -1;
}

std::unique_ptr<FlowsPage> TestFlowsPage::makePage(ApiClient *client, int pageSize)
{
    FlowsPage::Options options;
    options.autosaveDirectory = m_autosaveDir->path();
    options.pageSize = pageSize;
    auto page = std::make_unique<FlowsPage>(client, options);
    page->resize(1200, 760);
    page->show();
    if (!QTest::qWaitForWindowExposed(page.get()))
        qWarning("page not exposed");
    page->start();
    return page;
}

QString TestFlowsPage::componentVersion(const QString &component) const
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

// --- the list model ----------------------------------------------------------

void TestFlowsPage::listModelPagesLiveRows()
{
    for (int i = 0; i < 7; ++i)
        createFlow(QStringLiteral("pager-%1").arg(i));

    FlowListModel model(m_admin.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(3);
    QCOMPARE(model.state(), FlowListModel::State::Idle);
    model.setSearch(QStringLiteral("pager-")); // the server filters
    QTRY_COMPARE(model.state(), FlowListModel::State::Ready);
    {
        QStringList got;
        for (int r = 0; r < model.rowCount(); ++r)
            got << model.item(r)->name;
        QVERIFY2(model.rowCount() == 3, qPrintable(got.join(u',')));
    }
    QCOMPARE(model.totalCount(), qint64(7));
    QCOMPARE(model.columnCount(), int(FlowListModel::ColumnCount));
    // Newest first, as the server orders them.
    QCOMPARE(model.data(model.index(0, FlowListModel::NameColumn)).toString(),
             QStringLiteral("pager-6"));
    QCOMPARE(model.data(model.index(0, FlowListModel::StatusColumn)).toString(),
             QStringLiteral("Draft · version 1"));
    QCOMPARE(model.data(model.index(0, FlowListModel::LastExecutionColumn)).toString(),
             QStringLiteral("Never run"));
    QVERIFY(!model.data(model.index(0, FlowListModel::UpdatedColumn)).toString().isEmpty());
    QCOMPARE(model.data(model.index(0, 0), FlowListModel::PermissionRole).toString(),
             QStringLiteral("owner"));
    QVERIFY(model.canFetchMore({}));

    // A flow created and one deleted between two pages: none shown twice,
    // none skipped.
    const QString fresh = createFlow(QStringLiteral("pager-7"));
    auto summary = await<FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(fresh, done); });
    QVERIFY(summary.ok());
    FlowSummary row;
    row.id = fresh;
    row.name = summary.value().name;
    row.createdAt = summary.value().createdAt;
    row.latestVersion = QStringLiteral("1");
    model.upsertFlow(row);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.item(0)->name, QStringLiteral("pager-7"));
    const QString doomed = model.item(2)->id; // pager-5
    // (The tester may fetch the next page meanwhile: as a view does.)
    auto removed = await<void>([&](auto done) { FlowsApi(*m_admin).remove(doomed, done); });
    QVERIFY(removed.ok());
    model.removeFlow(doomed);
    QCOMPARE(model.rowOf(doomed), -1);

    for (int i = 0; i < 10; ++i) {
        QTRY_VERIFY(!model.isFetching());
        if (!model.canFetchMore({}))
            break;
        model.fetchMore({});
        QVERIFY(model.isFetching());
    }
    QVERIFY(!model.isFetching() && !model.canFetchMore({}));
    QStringList names;
    for (int r = 0; r < model.rowCount(); ++r)
        names << model.item(r)->name;
    QCOMPARE(names, (QStringList{QStringLiteral("pager-7"), QStringLiteral("pager-6"),
                                 QStringLiteral("pager-4"), QStringLiteral("pager-3"),
                                 QStringLiteral("pager-2"), QStringLiteral("pager-1"),
                                 QStringLiteral("pager-0")}));
    QCOMPARE(model.totalCount(), qint64(7));

    // Search and scope go to the server.
    model.setSearch(QStringLiteral("pager-3"));
    QTRY_COMPARE(model.state(), FlowListModel::State::Ready);
    QCOMPARE(model.rowCount(), 1);
    model.setSearch(QStringLiteral("pager-"));
    model.setScope(FlowListModel::Scope::SharedWithMe);
    QTRY_COMPARE(model.state(), FlowListModel::State::Ready);
    QCOMPARE(model.rowCount(), 0);
    model.setScope(FlowListModel::Scope::Mine);
    QTRY_COMPARE(model.state(), FlowListModel::State::Ready);
    QCOMPARE(model.totalCount(), qint64(7));
}

void TestFlowsPage::listModelAppliesEvents()
{
    const QString first = createFlow(QStringLiteral("events-a"));
    createFlow(QStringLiteral("events-b"));
    FlowListModel model(m_admin.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSearch(QStringLiteral("events-"));
    QTRY_COMPARE(model.state(), FlowListModel::State::Ready);
    QCOMPARE(model.rowCount(), 2);
    const int row = model.rowOf(first);
    QVERIFY(row >= 0);

    // The execution messages /ws/events sends today change one cell.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    model.applyEvent(QStringLiteral("execution_started"),
                     {{QStringLiteral("execution_id"), QStringLiteral("e-1")},
                      {QStringLiteral("flow_id"), first},
                      {QStringLiteral("status"), QStringLiteral("running")},
                      {QStringLiteral("started_at"), now}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(),
             model.index(row, FlowListModel::LastExecutionColumn));
    QVERIFY(model.data(model.index(row, FlowListModel::LastExecutionColumn))
                .toString()
                .startsWith(QStringLiteral("Running · ")));
    model.applyEvent(QStringLiteral("execution_completed"),
                     {{QStringLiteral("execution_id"), QStringLiteral("e-1")},
                      {QStringLiteral("flow_id"), first},
                      {QStringLiteral("status"), QStringLiteral("completed")}});
    QVERIFY(model.data(model.index(row, FlowListModel::LastExecutionColumn))
                .toString()
                .startsWith(QStringLiteral("Completed · ")));
    // An older execution ending does not replace the last one.
    model.applyEvent(QStringLiteral("execution_failed"),
                     {{QStringLiteral("execution_id"), QStringLiteral("e-0")},
                      {QStringLiteral("flow_id"), first},
                      {QStringLiteral("status"), QStringLiteral("failed")}});
    QCOMPARE(model.data(model.index(row, 0), FlowListModel::LastExecutionIdRole).toString(),
             QStringLiteral("e-1"));

    // Flow messages as /ws/events sends them (server FlowEvents.h): their
    // fields are applied without asking the server; a creation without them
    // is read from the server; deleted leaves; no reload.
    const QString third = createFlow(QStringLiteral("events-c"));
    model.applyEvent(QStringLiteral("flow_created"), {{QStringLiteral("flow_id"), third}});
    QTRY_VERIFY(model.rowOf(third) >= 0);
    QCOMPARE(model.rowOf(third), 0);
    QCOMPARE(model.item(0)->name, QStringLiteral("events-c"));
    const QString fourth = QStringLiteral("not-on-the-server");
    model.applyEvent(QStringLiteral("flow_created"),
                     {{QStringLiteral("flow_id"), fourth},
                      {QStringLiteral("name"), QStringLiteral("events-d")},
                      {QStringLiteral("revision"), 1},
                      {QStringLiteral("latest_version"), QStringLiteral("1")},
                      {QStringLiteral("created_at"),
                       QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODateWithMs)},
                      {QStringLiteral("my_permission"), QStringLiteral("owner")}});
    QCOMPARE(model.rowOf(fourth), 0); // from the message alone: the server has no such flow
    QCOMPARE(model.item(0)->latestVersion, QStringLiteral("1"));
    model.applyEvent(QStringLiteral("flow_deleted"), {{QStringLiteral("flow_id"), fourth}});
    const qint64 revision = model.item(model.rowOf(first))->revision;
    model.applyEvent(QStringLiteral("flow_updated"),
                     {{QStringLiteral("flow_id"), first},
                      {QStringLiteral("name"), QStringLiteral("events-a renamed")},
                      {QStringLiteral("revision"), revision + 1}});
    QCOMPARE(model.item(model.rowOf(first))->name, QStringLiteral("events-a renamed"));
    QCOMPARE(model.item(model.rowOf(first))->revision, revision + 1);
    // An older message arriving late changes nothing.
    model.applyEvent(QStringLiteral("flow_updated"),
                     {{QStringLiteral("flow_id"), first},
                      {QStringLiteral("name"), QStringLiteral("stale")},
                      {QStringLiteral("revision"), revision}});
    QCOMPARE(model.item(model.rowOf(first))->name, QStringLiteral("events-a renamed"));
    model.applyEvent(QStringLiteral("flow_published"),
                     {{QStringLiteral("flow_id"), first},
                      {QStringLiteral("published_version"), QStringLiteral("1")},
                      {QStringLiteral("revision"), revision + 2}});
    QCOMPARE(model.item(model.rowOf(first))->publishedVersion, QStringLiteral("1"));
    // The row kept what only the list knows.
    QCOMPARE(model.item(model.rowOf(first))->lastExecutionId, QStringLiteral("e-1"));
    model.applyEvent(QStringLiteral("flow_deleted"), {{QStringLiteral("flow_id"), third}});
    QCOMPARE(model.rowOf(third), -1);
    // Renamed out of the search: the row leaves.
    model.applyEvent(QStringLiteral("flow_updated"),
                     {{QStringLiteral("flow_id"), first},
                      {QStringLiteral("name"), QStringLiteral("elsewhere")},
                      {QStringLiteral("revision"), revision + 3}});
    QCOMPARE(model.rowOf(first), -1);
    QCOMPARE(reset.size(), 0);
}

void TestFlowsPage::listShowsHonestStates()
{
    // A user with no flows: the empty state and its one action.
    auto created = await<hm::client::UserInfo>([&](auto done) {
        hm::client::UsersApi(*m_admin).create(
            hm::client::NewUser{QStringLiteral("newcomer"), QStringLiteral("newcomer@example.com"),
                                QStringLiteral("Newcomer-Pass-1234"), QString(),
                                QStringLiteral("user"), QString()},
            done);
    });
    QVERIFY(created.ok());
    auto client = m_server.signIn(QStringLiteral("newcomer"), QStringLiteral("Newcomer-Pass-1234"));
    QVERIFY(client);
    auto page = makePage(client.get());
    auto *stack = page->findChild<QStackedWidget *>(QStringLiteral("flows.listStack"));
    auto *state = page->findChild<QWidget *>(QStringLiteral("flows.empty"));
    auto *title = state->findChild<QLabel *>(QStringLiteral("flows.emptyTitle"));
    auto *action = page->findChild<QPushButton *>(QStringLiteral("flows.emptyAction"));
    QVERIFY(stack && state && title && action);
    QTRY_COMPARE(page->listModel()->state(), FlowListModel::State::Ready);
    QCOMPARE(stack->currentWidget(), state);
    QCOMPARE(title->text(), QStringLiteral("No flows yet"));
    QCOMPARE(action->text(), QStringLiteral("&New Flow"));
    QTRY_VERIFY(action->isEnabled());

    // A search that finds nothing says so, and offers to show all.
    auto *search = page->findChild<QLineEdit *>(QStringLiteral("flows.search"));
    QTest::keyClicks(search, QStringLiteral("zzz"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(title->text(), QStringLiteral("No flows match"));
    QCOMPARE(action->text(), QStringLiteral("Show &All Flows"));
    QCOMPARE(page->listModel()->state(), FlowListModel::State::Ready);
    action->click();
    QTRY_COMPARE(title->text(), QStringLiteral("No flows yet"));
    QVERIFY(search->text().isEmpty());

    // A server that stopped answering: words, Try Again and details.
    ApiClient gone;
    gone.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    auto failing = makePage(&gone);
    auto *failingTitle = failing->findChild<QWidget *>(QStringLiteral("flows.empty"))
                             ->findChild<QLabel *>(QStringLiteral("flows.emptyTitle"));
    QTRY_COMPARE(failing->listModel()->state(), FlowListModel::State::Failed);
    QCOMPARE(failingTitle->text(), QStringLiteral("The flows cannot be shown"));
    auto *text = failing->findChild<QWidget *>(QStringLiteral("flows.empty"))
                     ->findChild<QLabel *>(QStringLiteral("flows.emptyText"));
    QCOMPARE(text->text(),
             QStringLiteral("The server cannot be reached. Check the connection and try again."));
    auto *details = failing->findChild<QToolButton *>(QStringLiteral("flows.emptyDetailsButton"));
    QVERIFY(details && details->isVisible());
    QCOMPARE(failing->findChild<QPushButton *>(QStringLiteral("flows.emptyAction"))->text(),
             QStringLiteral("&Try Again"));
    // The details unfold: the code and the words the client got.
    auto *detailsText = failing->findChild<QLabel *>(QStringLiteral("flows.emptyDetails"));
    QVERIFY(detailsText && !detailsText->isVisible());
    QTest::mouseClick(details, Qt::LeftButton);
    QVERIFY(detailsText->isVisible());
    QVERIFY2(detailsText->text().startsWith(QStringLiteral("NETWORK_ERROR")) ||
                 detailsText->text().contains(QLatin1Char(':')),
             qPrintable(detailsText->text()));
    if (const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR"); !dir.isEmpty()) {
        failing->resize(900, 560);
        QVERIFY(failing->grab().save(dir + QStringLiteral("/flows-cannot-be-shown.png")));
    }
}

// --- the page's actions --------------------------------------------------------

void TestFlowsPage::createRenameDuplicateDelete()
{
    auto page = makePage(m_admin.get());
    FlowListModel *model = page->listModel();
    QTRY_COMPARE(model->state(), FlowListModel::State::Ready);
    QTRY_COMPARE(page->role(), QStringLiteral("admin"));

    // New: the name through the seam, the row appears, the editor opens.
    DialogSeam::setNextHandler(typeName(QStringLiteral("Made on the page")));
    page->findChild<QPushButton *>(QStringLiteral("flows.new"))->click();
    QTRY_VERIFY(rowNamed(model, QStringLiteral("Made on the page")) >= 0);
    QTRY_VERIFY(page->isEditorShown());
    QTRY_VERIFY(page->editorPage()->isOpen() && !page->editorPage()->isLoading());
    QCOMPARE(page->editorPage()->flowName(), QStringLiteral("Made on the page"));
    QCOMPARE(page->editorPage()->latestVersion(), QStringLiteral("1"));
    page->editorPage()->action(QStringLiteral("back"))->trigger();
    QVERIFY(!page->isEditorShown());

    // Rename (F2 on the list).
    auto *view = page->listView();
    view->setFocus();
    view->selectRow(rowNamed(model, QStringLiteral("Made on the page")));
    const QString id = page->listModel()->item(view->currentIndex().row())->id;
    QVERIFY(page->action(QStringLiteral("rename"))->isEnabled());
    DialogSeam::setNextHandler(typeName(QStringLiteral("Renamed on the page")));
    QTest::keyClick(view, Qt::Key_F2);
    QTRY_COMPARE(model->item(model->rowOf(id))->name, QStringLiteral("Renamed on the page"));
    auto stored = await<FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(id, done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().name, QStringLiteral("Renamed on the page"));

    // A name another flow has: refused in words, nothing renamed.
    createFlow(QStringLiteral("Taken name"));
    // (Through the row's Rename button: buttons like every page's, which
    // follow their actions.)
    auto *rowActions = page->findChild<QWidget *>(QStringLiteral("flows.rowActions"));
    QVERIFY(rowActions);
    QCOMPARE(rowActions->findChildren<QPushButton *>().size(), 7);
    auto *renameButton =
        rowActions->findChild<QPushButton *>(QStringLiteral("flows.action.rename.button"));
    QVERIFY(renameButton);
    QCOMPARE(renameButton->text(),
             page->action(QStringLiteral("rename"))->text().remove(QLatin1Char('&')));
    view->clearSelection();
    view->setCurrentIndex({});
    QTRY_VERIFY(!renameButton->isEnabled());
    view->selectRow(model->rowOf(id));
    QTRY_VERIFY(renameButton->isEnabled());
    DialogSeam::setNextHandler(typeName(QStringLiteral("Taken name")));
    renameButton->click();
    QTRY_VERIFY(page->message().contains(QLatin1String("Another flow already has this name.")));
    QCOMPARE(model->item(model->rowOf(id))->name, QStringLiteral("Renamed on the page"));

    // Duplicate: the copy's name prefilled, the definition copied.
    view->selectRow(model->rowOf(id));
    QString offered;
    DialogSeam::setNextHandler([&offered](QDialog *dialog) {
        auto *input = qobject_cast<QInputDialog *>(dialog);
        offered = input->textValue();
        input->setTextValue(QStringLiteral("Copied on the page"));
        return int(QDialog::Accepted);
    });
    page->action(QStringLiteral("duplicate"))->trigger();
    QTRY_VERIFY(rowNamed(model, QStringLiteral("Copied on the page")) >= 0);
    QCOMPARE(offered, QStringLiteral("Renamed on the page (copy)"));
    // The copy's flow_created message may come before the answer: done when
    // the page is no longer busy.
    QTRY_VERIFY(!page->isBusy());

    // Delete asks first; Cancel keeps it.
    view->selectRow(model->rowOf(id));
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("flows.confirmDelete"));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("“Renamed on the page”")));
    QVERIFY(!page->isBusy());
    QVERIFY(model->rowOf(id) >= 0);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(view, Qt::Key_Delete);
    QTRY_COMPARE(model->rowOf(id), -1);
    auto gone = await<FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(id, done); });
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, hm::ErrorCode::FlowNotFound);
}

void TestFlowsPage::editSavePublishRun()
{
    const QString id = createFlow(QStringLiteral("Edited flow"));
    auto page = makePage(m_admin.get());
    FlowListModel *model = page->listModel();
    QTRY_VERIFY(model->rowOf(id) >= 0);
    QSignalSpy started(page.get(), &FlowsPage::executionStarted);

    // Enter on the row opens it.
    page->listView()->setFocus();
    page->listView()->setCurrentIndex(model->index(model->rowOf(id), 0));
    QTest::keyClick(page->listView(), Qt::Key_Return);
    FlowEditorPage *editor = page->editorPage();
    QTRY_VERIFY(page->isEditorShown());
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    QCOMPARE(editor->flowId(), id);
    FlowGraphModel *graph = editor->model();
    QTRY_VERIFY(graph->catalogue().names().contains(QStringLiteral("noop")));
    QVERIFY(!editor->isModified());
    QVERIFY(!editor->action(QStringLiteral("save"))->isEnabled());

    // Two nodes, one reading the trigger, connected.
    auto first = graph->addNode(
        QStringLiteral("noop"), componentVersion(QStringLiteral("noop")), QPointF(0, 0), {},
        {{QStringLiteral("message"), QStringLiteral("$.trigger.message")},
         {QStringLiteral("count"), QStringLiteral("$.trigger.order.count")}});
    auto second =
        graph->addNode(QStringLiteral("log"), componentVersion(QStringLiteral("log")),
                       QPointF(300, 0), {{QStringLiteral("message"), QStringLiteral("hello")}});
    QVERIFY(first.ok() && second.ok());
    QVERIFY(
        graph->addConnection(EdgeSpec{first.value(), kDefaultPort, second.value(), kDefaultPort})
            .ok());
    QVERIFY(editor->isModified());
    QVERIFY(editor->action(QStringLiteral("save"))->isEnabled());
    auto *version = editor->findChild<QLabel *>(QStringLiteral("flows.editor.version"));
    QCOMPARE(version->text(), QStringLiteral("Draft · version 1 · unsaved changes"));

    // Ctrl+S: a new draft version.
    editor->editor()->view()->setFocus();
    QTest::keyClick(editor->editor()->view(), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(editor->latestVersion(), QStringLiteral("2"));
    QTRY_VERIFY(!editor->isBusy());
    QVERIFY(!editor->isModified());
    QCOMPARE(editor->bannerText(), QStringLiteral("Saved as version 2 (draft)."));
    QCOMPARE(version->text(), QStringLiteral("Draft · version 2"));
    auto stored = await<FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(id, done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().latestVersion.version, QStringLiteral("2"));
    QCOMPARE(
        stored.value().latestVersion.definition.value(QStringLiteral("nodes")).toArray().size(), 2);
    // The list row follows.
    QTRY_COMPARE(model->item(model->rowOf(id))->latestVersion, QStringLiteral("2"));

    // Ctrl+Shift+P: published.
    QTest::keyClick(editor->editor()->view(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(editor->publishedVersion(), QStringLiteral("2"));
    QTRY_VERIFY(!editor->isBusy());
    QCOMPARE(version->text(), QStringLiteral("Published · version 2"));
    QTRY_COMPARE(
        model->data(model->index(model->rowOf(id), FlowListModel::StatusColumn)).toString(),
        QStringLiteral("Published · version 2"));

    // Ctrl+Enter: the trigger dialog, prefilled with what the mappings read.
    QJsonObject offered;
    QString versionChoice;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *trigger = qobject_cast<TriggerDialog *>(dialog);
        if (!trigger)
            return int(QDialog::Rejected);
        offered = trigger->inputs();
        versionChoice =
            trigger->findChild<QComboBox *>(QStringLiteral("flows.trigger.version"))->currentText();
        auto *inputs = trigger->findChild<QPlainTextEdit *>(QStringLiteral("flows.trigger.inputs"));
        auto *run = trigger->findChild<QPushButton *>(QStringLiteral("flows.trigger.run"));
        inputs->setPlainText(QStringLiteral("{\"message\": "));
        if (run->isEnabled()) // invalid JSON: Run is off, and says why
            return int(QDialog::Rejected);
        if (trigger->findChild<QLabel *>(QStringLiteral("flows.trigger.error"))->text().isEmpty())
            return int(QDialog::Rejected);
        inputs->setPlainText(QStringLiteral("{\"message\": \"hello\", \"order\": {\"count\": 3}}"));
        return run->isEnabled() ? int(QDialog::Accepted) : int(QDialog::Rejected);
    });
    QTest::keyClick(editor->editor()->view(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(started.size(), 1);
    QCOMPARE(offered, (QJsonObject{{QStringLiteral("message"), QString()},
                                   {QStringLiteral("order"),
                                    QJsonObject{{QStringLiteral("count"), QString()}}}}));
    QCOMPARE(versionChoice, QStringLiteral("Published (version 2)"));
    const QString executionId = started.at(0).at(0).toString();
    QVERIFY(!executionId.isEmpty());
    QCOMPARE(editor->lastExecutionId(), executionId);
    QVERIFY(editor->bannerText().contains(executionId));

    // The execution really runs on the server, with those inputs.
    QJsonObject execution;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto got = await<QJsonObject>(
                [&](auto done) { hm::client::ExecutionsApi(*m_admin).get(executionId, done); });
            if (got.ok())
                execution = got.value();
            return got.ok() && execution.value(QStringLiteral("status")).toString() ==
                                   QLatin1String("completed");
        }(),
        20000);
    // And the list's row shows it (the execution messages of /ws/events).
    page->editorPage()->action(QStringLiteral("back"))->trigger();
    QTRY_COMPARE(model->item(model->rowOf(id))->lastExecutionId, executionId);
    QTRY_VERIFY(model->data(model->index(model->rowOf(id), FlowListModel::LastExecutionColumn))
                    .toString()
                    .startsWith(QLatin1String("Completed")));
}

// Seed 003 keeps drafts apart from published versions: a draft that
// cannot run yet is saved with its problems, which the Problems dock lists
// after the save and again when the flow is opened anew; publishing it is
// refused with them (issue 34, item 1).
void TestFlowsPage::invalidDraftSavesWithItsProblems()
{
    const QString id = createFlow(QStringLiteral("Unfinished flow"));
    auto page = makePage(m_admin.get());
    page->openFlow(id);
    FlowEditorPage *editor = page->editorPage();
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    FlowGraphModel *graph = editor->model();
    // transform requires config "outputs": left empty, as a node just added is.
    auto node = graph->addNode(QStringLiteral("transform"),
                               componentVersion(QStringLiteral("transform")), QPointF(0, 0));
    QVERIFY(node.ok());

    editor->action(QStringLiteral("save"))->trigger();
    QTRY_VERIFY(!editor->isBusy());
    QCOMPARE(editor->latestVersion(), QStringLiteral("2"));
    QVERIFY(!editor->isModified());
    QVERIFY2(editor->bannerText().startsWith(QLatin1String("Saved as version 2 (draft) with 1")),
             qPrintable(editor->bannerText()));
    FlowChecker *checker = editor->editor()->checker();
    QCOMPARE(checker->serverProblemCount(), 1);
    QList<EditorProblem> problems = checker->problemsOf(node.value());
    QVERIFY(!problems.isEmpty());
    QCOMPARE(problems.at(0).code, QStringLiteral("INVALID_CONFIG"));
    QVERIFY(!problems.at(0).message.isEmpty());
    QVERIFY(editor->editor()->problemsDock()->isVisible());
    // Activating the problem selects its node.
    emit editor->editor()->problemsPanel()->problemActivated(problems.at(0));
    QCOMPARE(editor->editor()->scene()->selectedNodeIds(), QStringList{node.value()});
    auto stored = await<FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(id, done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().latestVersion.version, QStringLiteral("2"));
    QCOMPARE(stored.value().latestVersion.problems.size(), 1);

    // Publishing it is refused, with the problems.
    editor->action(QStringLiteral("publish"))->trigger();
    QTRY_VERIFY(!editor->isBusy());
    QVERIFY2(editor->bannerText().startsWith(QLatin1String("Version 2 was not published")),
             qPrintable(editor->bannerText()));
    QVERIFY(editor->publishedVersion().isEmpty());

    // Opened again: the stored problems are listed, as the server has them.
    editor->action(QStringLiteral("back"))->trigger();
    QTRY_VERIFY(!page->isEditorShown());
    editor->closeFlow();
    QCOMPARE(checker->serverProblemCount(), 0);
    page->openFlow(id);
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    QCOMPARE(graph->nodeCount(), 1);
    QTRY_COMPARE(checker->serverProblemCount(), 1);
    QVERIFY(editor->editor()->problemsDock()->isVisible());
    problems = checker->problemsOf(node.value());
    QVERIFY(!problems.isEmpty());
    QCOMPARE(problems.at(0).code, QStringLiteral("INVALID_CONFIG"));

    // Fixed and saved: no problems left, and it publishes.
    QVERIFY(graph->setNodeConfig(node.value(), {{QStringLiteral("outputs"), QJsonObject()}}).ok());
    editor->action(QStringLiteral("save"))->trigger();
    QTRY_VERIFY(!editor->isBusy());
    QCOMPARE(editor->latestVersion(), QStringLiteral("3"));
    QCOMPARE(editor->bannerText(), QStringLiteral("Saved as version 3 (draft)."));
    QCOMPARE(checker->serverProblemCount(), 0);
    editor->action(QStringLiteral("publish"))->trigger();
    QTRY_COMPARE(editor->publishedVersion(), QStringLiteral("3"));
}

// A save the server refuses (here: the flow was deleted meanwhile) keeps
// every edit, on screen and on disk.
void TestFlowsPage::refusedSaveKeepsEveryEdit()
{
    const QString id = createFlow(QStringLiteral("Refused flow"));
    auto page = makePage(m_admin.get());
    page->openFlow(id);
    FlowEditorPage *editor = page->editorPage();
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    editor->setAutosaveDelay(20);
    FlowGraphModel *graph = editor->model();
    auto node = graph->addNode(QStringLiteral("noop"), componentVersion(QStringLiteral("noop")),
                               QPointF(0, 0));
    QVERIFY(node.ok());
    const QByteArray edited = graph->definitionText();
    auto removed = await<void>([&](auto done) { FlowsApi(*m_admin).remove(id, done); });
    QVERIFY(removed.ok());

    editor->action(QStringLiteral("save"))->trigger();
    QTRY_VERIFY(!editor->isBusy());
    QCOMPARE(editor->latestVersion(), QStringLiteral("1"));
    QVERIFY(editor->isModified());
    QCOMPARE(graph->definitionText(), edited);
    QVERIFY(!editor->bannerText().isEmpty());
    QVERIFY2(!editor->bannerText().startsWith(QLatin1String("Saved")),
             qPrintable(editor->bannerText()));
    // And the edit is on disk too.
    const FlowAutosave autosave(m_autosaveDir->path());
    QTRY_VERIFY(autosave.read(id).has_value());
    QCOMPARE(autosave.read(id)->definition, graph->definition());
}

void TestFlowsPage::leavingWithUnsavedChangesAsks()
{
    const QString id = createFlow(QStringLiteral("Leaving flow"));
    auto page = makePage(m_admin.get());
    page->openFlow(id);
    FlowEditorPage *editor = page->editorPage();
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    editor->setAutosaveDelay(20);
    FlowGraphModel *graph = editor->model();
    QVERIFY(graph
                ->addNode(QStringLiteral("noop"), componentVersion(QStringLiteral("noop")),
                          QPointF(0, 0))
                .ok());
    const FlowAutosave autosave(m_autosaveDir->path());
    QTRY_VERIFY(autosave.read(id).has_value());

    // Cancel: stays, nothing lost.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    editor->action(QStringLiteral("back"))->trigger();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("flows.confirmLeave"));
    QVERIFY(page->isEditorShown());
    QVERIFY(editor->isModified());
    QCOMPARE(graph->nodeCount(), 1);

    // Save: saved, then left.
    MessageBox::setNextAnswer(QMessageBox::Save);
    editor->action(QStringLiteral("back"))->trigger();
    QTRY_VERIFY(!page->isEditorShown());
    auto stored = await<FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(id, done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().latestVersion.version, QStringLiteral("2"));
    QVERIFY(!autosave.read(id).has_value());

    // Discard: left, the edits and their autosave gone.
    page->openFlow(id);
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    QVERIFY(graph
                ->addNode(QStringLiteral("noop"), componentVersion(QStringLiteral("noop")),
                          QPointF(200, 0))
                .ok());
    QTRY_VERIFY(autosave.read(id).has_value());
    MessageBox::setNextAnswer(QMessageBox::Discard);
    QVERIFY(page->confirmLeave());
    QVERIFY(!autosave.read(id).has_value());
    QVERIFY(!editor->isOpen());
    stored = await<FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(id, done); });
    QCOMPARE(stored.value().latestVersion.version, QStringLiteral("2"));

    // Nothing unsaved: no question.
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    page->openFlow(id);
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    const QString asked = MessageBox::lastObjectName();
    QVERIFY(page->confirmLeave());
    QCOMPARE(MessageBox::lastObjectName(), asked);
}

// The leave prompt's Save stores a draft with problems too: unfinished work
// is kept, not only discardable (issue 34, item 1).
void TestFlowsPage::leavePromptSavesAnInvalidDraft()
{
    const QString id = createFlow(QStringLiteral("Left unfinished"));
    auto page = makePage(m_admin.get());
    page->openFlow(id);
    FlowEditorPage *editor = page->editorPage();
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    QVERIFY(editor->model()
                ->addNode(QStringLiteral("transform"),
                          componentVersion(QStringLiteral("transform")), QPointF(0, 0))
                .ok());
    MessageBox::setNextAnswer(QMessageBox::Save);
    editor->action(QStringLiteral("back"))->trigger();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("flows.confirmLeave"));
    QTRY_VERIFY(!page->isEditorShown());
    auto stored = await<FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(id, done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().latestVersion.version, QStringLiteral("2"));
    QCOMPARE(
        stored.value().latestVersion.definition.value(QStringLiteral("nodes")).toArray().size(), 1);
    QCOMPARE(stored.value().latestVersion.problems.size(), 1);
}

// OK on an empty name keeps the dialog open and says why, instead of
// closing as if cancelled (issue 34, item 12); the field takes at most the
// server's 255 characters (item 9).
void TestFlowsPage::emptyNameKeepsTheDialogOpen()
{
    auto page = makePage(m_admin.get());
    QTRY_COMPARE(page->listModel()->state(), FlowListModel::State::Ready);
    QTRY_COMPARE(page->role(), QStringLiteral("admin"));
    bool stayedOpen = false;
    bool errorCleared = false;
    bool closed = false;
    QString error;
    int maxLength = -1;
    qsizetype typedLength = -1;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *input = qobject_cast<QInputDialog *>(dialog);
        auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("flows.nameDialog.name"));
        auto *message = dialog->findChild<QLabel *>(QStringLiteral("flows.nameDialog.error"));
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        if (!input || !field || !message || !buttons)
            return int(QDialog::Rejected);
        maxLength = field->maxLength();
        dialog->show();
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        input->setTextValue(QStringLiteral("   "));
        ok->click();
        stayedOpen = dialog->isVisible() && dialog->result() != QDialog::Accepted;
        error = message->isVisible() ? message->text() : QString();
        input->setTextValue(QString(300, u'x'));
        typedLength = input->textValue().size();
        input->setTextValue(QStringLiteral("Named after all"));
        errorCleared = !message->isVisible();
        ok->click();
        closed = !dialog->isVisible();
        return dialog->result();
    });
    page->findChild<QPushButton *>(QStringLiteral("flows.new"))->click();
    QVERIFY(stayedOpen);
    QCOMPARE(error, QStringLiteral("Enter a name: a flow cannot be saved without one."));
    QCOMPARE(maxLength, kMaxFlowNameLength);
    QCOMPARE(typedLength, qsizetype(kMaxFlowNameLength));
    QVERIFY(errorCleared);
    QVERIFY(closed);
    QTRY_VERIFY(rowNamed(page->listModel(), QStringLiteral("Named after all")) >= 0);
    QTRY_VERIFY(!page->isBusy());
}

// A long name is shortened where it is quoted, so a message never pushes
// the page's buttons away; the list elides it and shows it whole in the
// tooltip (issue 34, item 9).
void TestFlowsPage::longNamesAreShortenedInMessages()
{
    const QString longName = QString(200, u'w') + QString(55, u'z');
    const QString id = createFlow(longName);
    auto page = makePage(m_admin.get());
    FlowListModel *model = page->listModel();
    QTRY_VERIFY(model->rowOf(id) >= 0);
    QTRY_COMPARE(page->role(), QStringLiteral("admin"));
    const QModelIndex name = model->index(model->rowOf(id), FlowListModel::NameColumn);
    QVERIFY(model->data(name, Qt::ToolTipRole).toString().contains(longName));
    QCOMPARE(page->listView()->textElideMode(), Qt::ElideRight);

    // The same name again: refused, quoted shortened.
    DialogSeam::setNextHandler(typeName(longName));
    page->findChild<QPushButton *>(QStringLiteral("flows.new"))->click();
    QTRY_VERIFY(page->message().contains(QLatin1String("Another flow already has this name.")));
    QVERIFY2(!page->message().contains(longName), qPrintable(page->message()));
    QVERIFY(page->message().contains(quotedFlowName(longName)));
    QVERIFY(quotedFlowName(longName).size() < 100);

    // The editor's title too, whole in its tooltip.
    page->openFlow(id);
    FlowEditorPage *editor = page->editorPage();
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    auto *title = editor->findChild<QLabel *>(QStringLiteral("flows.editor.title"));
    QCOMPARE(title->text(), quotedFlowName(longName));
    QCOMPARE(title->toolTip(), longName);
}

void TestFlowsPage::mainWindowAsksBeforeLeavingTheSection()
{
    MainWindow::Options options;
    options.persistSettings = false;
    MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *page = window.findChild<FlowsPage *>(QStringLiteral("page.flows"));
    QVERIFY(page);
    // Before anyone signs in, the section says so.
    if (!m_server.connection->isSignedIn()) {
        QTRY_COMPARE(page->findChild<QWidget *>(QStringLiteral("flows.empty"))
                         ->findChild<QLabel *>(QStringLiteral("flows.emptyTitle"))
                         ->text(),
                     QStringLiteral("Not signed in"));
        QVERIFY(!page->isStarted());
    }
    // Signed in (as the sign-in dialog does), the list starts.
    QVERIFY(signInConsole());
    QTRY_VERIFY_WITH_TIMEOUT(page->isStarted(), 15000);
    QTRY_COMPARE(page->listModel()->state(), FlowListModel::State::Ready);
    QVERIFY(window.findChild<QMenu *>(QStringLiteral("menu.flows")));

    const QString id = createFlow(QStringLiteral("Window flow"));
    QVERIFY(window.selectSection(QStringLiteral("flows")));
    page->openFlow(id);
    QTRY_VERIFY(page->editorPage()->isOpen() && !page->editorPage()->isLoading());
    QVERIFY(page->editorPage()
                ->model()
                ->addNode(QStringLiteral("noop"), componentVersion(QStringLiteral("noop")),
                          QPointF(0, 0))
                .ok());

    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!window.selectSection(QStringLiteral("dashboard")));
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("flows.confirmLeave"));
    QCOMPARE(window.currentSection(), QStringLiteral("flows"));
    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
    QCOMPARE(pages->currentWidget(), window.sectionFrame(QStringLiteral("flows")));
    QCOMPARE(window.sectionFrame(QStringLiteral("flows"))->currentWidget(), page);

    // Closing the window asks too; Discard lets it close.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    MessageBox::setNextAnswer(QMessageBox::Discard);
    QVERIFY(window.close());
}

void TestFlowsPage::switchingServersAsksAndResets()
{
    // A second server, reached as a remote profile (in-process, on its own
    // data directory, over loopback like any remote server).
    QTemporaryDir otherData;
    QVERIFY(otherData.isValid());
    hm::app::ServerConnection::Options otherOptions;
    otherOptions.dataDir = otherData.path();
    otherOptions.useKeychain = false;
    otherOptions.refreshIntervalMs = 0;
    hm::app::ServerConnection other(otherOptions);
    other.start();
    QTRY_VERIFY_WITH_TIMEOUT(other.state() == hm::app::ServerConnection::State::Connected, 30000);
    hm::app::ServerProfiles::put({QStringLiteral("other"), other.baseUrl()});
    const QUrl localUrl = m_server.connection->baseUrl();

    MainWindow::Options options;
    options.persistSettings = false;
    MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(signInConsole());
    auto *page = window.findChild<FlowsPage *>(QStringLiteral("page.flows"));
    QTRY_VERIFY_WITH_TIMEOUT(page->isStarted(), 15000);
    const QString id = createFlow(QStringLiteral("Switch flow"));
    QVERIFY(window.selectSection(QStringLiteral("flows")));
    page->openFlow(id);
    FlowEditorPage *editor = page->editorPage();
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    QVERIFY(editor->model()
                ->addNode(QStringLiteral("noop"), componentVersion(QStringLiteral("noop")),
                          QPointF(0, 0))
                .ok());
    QVERIFY(editor->isModified());
    hm::client::ApiClient *localClient = m_server.connection->client();

    // Cancel: still on this server, the edits on screen.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!window.switchServer(QStringLiteral("other")));
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("flows.confirmLeave"));
    QCOMPARE(m_server.connection->baseUrl(), localUrl);
    QVERIFY(editor->isOpen() && editor->isModified());
    QVERIFY(page->isEditorShown());

    // Discard: the editor closes, the list shows, and the console is on the
    // other server with a client of its own (nothing cached carries over).
    MessageBox::setNextAnswer(QMessageBox::Discard);
    QVERIFY(window.switchServer(QStringLiteral("other")));
    QVERIFY(!editor->isOpen());
    QVERIFY(!page->isEditorShown());
    QVERIFY(page->message().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_server.connection->state() == hm::app::ServerConnection::State::Connected, 15000);
    QCOMPARE(m_server.connection->baseUrl(), other.baseUrl());
    QVERIFY(m_server.connection->client() != localClient);
    QVERIFY(!m_server.connection->isSignedIn());
    QCOMPARE(window.session().client, m_server.connection->client());
    // A remote server's data directory is not this console's.
    QVERIFY(window.selectSection(QStringLiteral("dashboard")));
    QTRY_COMPARE(window.findChild<QLabel *>(QStringLiteral("dashboard.mode"))->text(),
                 QStringLiteral("Remote — a server this console connects to"));

    // Back to the local server: nothing unsaved, no question.
    const QString asked = MessageBox::lastText();
    QVERIFY(window.switchServer(QString()));
    QCOMPARE(MessageBox::lastText(), asked);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_server.connection->state() == hm::app::ServerConnection::State::Connected, 30000);
    // The local server started again (its address may differ): the
    // suite's own client follows it.
    m_admin = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword);
    QVERIFY(m_admin);
    QVERIFY(signInConsole());
    QTRY_VERIFY_WITH_TIMEOUT(page->isStarted(), 15000);
    QTRY_COMPARE(page->listModel()->state(), FlowListModel::State::Ready);
    QVERIFY(page->listModel()->rowOf(id) >= 0);
    hm::app::ServerProfiles::remove(QStringLiteral("other"));
}

void TestFlowsPage::autosaveRestoresAfterCrash()
{
    const QString id = createFlow(QStringLiteral("Crashed flow"));
    QString nodeId;
    {
        auto page = makePage(m_admin.get());
        page->openFlow(id);
        FlowEditorPage *editor = page->editorPage();
        QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
        editor->setAutosaveDelay(20);
        auto node = editor->model()->addNode(
            QStringLiteral("noop"), componentVersion(QStringLiteral("noop")), QPointF(40, 40));
        QVERIFY(node.ok());
        nodeId = node.value();
        const FlowAutosave autosave(m_autosaveDir->path());
        QTRY_VERIFY(autosave.read(id).has_value());
        // The crash: the page goes without asking anything.
        page.release()->deleteLater();
    }

    // A new page finds it and offers it.
    MessageBox::setNextAnswer(QMessageBox::Open);
    auto page = makePage(m_admin.get());
    QSignalSpy activation(page.get(), &FlowsPage::activationRequested);
    QTRY_COMPARE(MessageBox::lastObjectName(), QStringLiteral("flows.confirmRestoreAfterCrash"));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("“Crashed flow”")));
    FlowEditorPage *editor = page->editorPage();
    QTRY_VERIFY(page->isEditorShown());
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    QCOMPARE(editor->flowId(), id);
    QVERIFY(editor->isModified());
    QVERIFY(editor->model()->hasNode(nodeId));
    QCOMPARE(activation.size(), 1);
    QVERIFY(editor->bannerText().startsWith(QLatin1String("Restored the changes autosaved")));

    // Saved: the autosave is gone.
    editor->action(QStringLiteral("save"))->trigger();
    QTRY_COMPARE(editor->latestVersion(), QStringLiteral("2"));
    QVERIFY(!FlowAutosave(m_autosaveDir->path()).read(id).has_value());

    // Opening a flow with an autosave asks too; No drops it.
    {
        FlowAutosave::Entry entry;
        entry.flowId = id;
        entry.flowName = QStringLiteral("Crashed flow");
        entry.baseVersion = QStringLiteral("2");
        entry.definition = emptyDefinition();
        entry.savedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(FlowAutosave(m_autosaveDir->path()).write(entry));
    }
    page->showList();
    QVERIFY(page->confirmLeave());
    editor->closeFlow();
    MessageBox::setNextAnswer(QMessageBox::No);
    page->openFlow(id);
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("flows.confirmRestore"));
    QVERIFY(!editor->isModified());
    QVERIFY(editor->model()->hasNode(nodeId));
    QVERIFY(!FlowAutosave(m_autosaveDir->path()).read(id).has_value());
}

void TestFlowsPage::secondClientShowsUpLive()
{
    auto page = makePage(m_admin.get());
    FlowListModel *model = page->listModel();
    QTRY_COMPARE(model->state(), FlowListModel::State::Ready);
    QTRY_VERIFY(page->eventsConnected());
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);

    // Another console (its own client and session) runs a flow the list
    // shows: the row's last execution changes without a reload.
    auto other = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword);
    QVERIFY(other);
    const QString id = createFlow(QStringLiteral("Other console's flow"));
    QTRY_VERIFY(model->rowOf(id) >= 0);
    hm::client::TriggerOptions options;
    options.version = QStringLiteral("1");
    auto outcome = await<hm::client::TriggerOutcome>(
        [&](auto done) { FlowsApi(*other).trigger(id, options, done); });
    QVERIFY(outcome.ok());
    QTRY_COMPARE(model->item(model->rowOf(id))->lastExecutionId, outcome.value().executionId);
    QCOMPARE(reset.size(), 0);

    // Another console creates a flow: it shows up here without a refresh,
    // from the server's flow messages on /ws/events.
    auto created = await<FlowSummary>([&](auto done) {
        FlowsApi(*other).create(
            hm::client::NewFlow{
                QStringLiteral("Made in another console"), QString(), emptyDefinition(), {}},
            done);
    });
    QVERIFY(created.ok());
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(created.value().id) >= 0, 10000);
    QCOMPARE(model->rowOf(created.value().id), 0); // newest first

    // Renamed, published and deleted there: followed here.
    auto renamed = await<FlowSummary>([&](auto done) {
        hm::client::FlowChanges changes;
        changes.name = QStringLiteral("Renamed in another console");
        FlowsApi(*other).update(created.value().id, changes, done);
    });
    QVERIFY(renamed.ok());
    QTRY_COMPARE(model->item(model->rowOf(created.value().id))->name,
                 QStringLiteral("Renamed in another console"));
    auto published = await<hm::client::FlowVersion>([&](auto done) {
        FlowsApi(*other).publish(created.value().id, QStringLiteral("1"), done);
    });
    QVERIFY(published.ok());
    QTRY_COMPARE(model->item(model->rowOf(created.value().id))->publishedVersion,
                 QStringLiteral("1"));
    auto removed =
        await<void>([&](auto done) { FlowsApi(*other).remove(created.value().id, done); });
    QVERIFY(removed.ok());
    QTRY_COMPARE(model->rowOf(created.value().id), -1);
    QCOMPARE(reset.size(), 0);
}

void TestFlowsPage::staleSaveOffersReloadOrSaveAsNew()
{
    const QString id = createFlow(QStringLiteral("Contended flow"));
    auto mine = makePage(m_admin.get());
    auto other = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword);
    QVERIFY(other);
    auto theirs = makePage(other.get());
    for (FlowsPage *page : {mine.get(), theirs.get()}) {
        page->openFlow(id);
        QTRY_VERIFY(page->editorPage()->isOpen() && !page->editorPage()->isLoading());
    }
    QTRY_VERIFY(mine->eventsConnected());
    FlowEditorPage *editor = mine->editorPage();
    const QString noop = componentVersion(QStringLiteral("noop"));
    QVERIFY(editor->model()->addNode(QStringLiteral("noop"), noop, QPointF(0, 0)).ok());

    // The other console saves first.
    QVERIFY(theirs->editorPage()
                ->model()
                ->addNode(QStringLiteral("log"), componentVersion(QStringLiteral("log")),
                          QPointF(0, 200))
                .ok());
    theirs->editorPage()->action(QStringLiteral("save"))->trigger();
    QTRY_COMPARE(theirs->editorPage()->latestVersion(), QStringLiteral("2"));
    // This console hears of it before saving.
    QTRY_VERIFY(editor->bannerText().startsWith(
        QStringLiteral("Version 2 of this flow was saved in another console.")));

    // Saving here: the conflict, answered "save as new version".
    QString asked;
    DialogSeam::setNextHandler([&asked](QDialog *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        if (!box || dialog->objectName() != QLatin1String("flows.conflictDialog"))
            return int(QDialog::Rejected);
        asked = box->text();
        box->findChild<QPushButton *>(QStringLiteral("flows.conflict.saveAsNew"))->click();
        return int(QDialog::Accepted);
    });
    const QByteArray edited = editor->model()->definitionText();
    editor->action(QStringLiteral("save"))->trigger();
    QTRY_COMPARE(editor->latestVersion(), QStringLiteral("3"));
    QTRY_VERIFY(!editor->isBusy());
    QCOMPARE(asked, QStringLiteral("Someone saved a newer version of “Contended flow” since you "
                                   "opened version 1."));
    QVERIFY(!editor->isModified());
    auto stored =
        await<hm::client::FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(id, done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().latestVersion.version, QStringLiteral("3"));
    QCOMPARE(QJsonDocument(stored.value().latestVersion.definition).toJson(QJsonDocument::Compact),
             edited);

    // Again, answered "reload": the newer version shows, nothing stored.
    theirs->showList();
    QVERIFY(theirs->confirmLeave());
    theirs->openFlow(id);
    QTRY_VERIFY(theirs->editorPage()->isOpen() && !theirs->editorPage()->isLoading());
    QVERIFY(
        theirs->editorPage()->model()->addNode(QStringLiteral("noop"), noop, QPointF(300, 0)).ok());
    theirs->editorPage()->action(QStringLiteral("save"))->trigger();
    QTRY_COMPARE(theirs->editorPage()->latestVersion(), QStringLiteral("4"));
    QVERIFY(editor->model()->addNode(QStringLiteral("noop"), noop, QPointF(0, 300)).ok());
    DialogSeam::setNextHandler([](QDialog *dialog) {
        dialog->findChild<QPushButton *>(QStringLiteral("flows.conflict.reload"))->click();
        return int(QDialog::Accepted);
    });
    editor->action(QStringLiteral("save"))->trigger();
    QTRY_COMPARE(editor->baseVersion(), QStringLiteral("4"));
    QTRY_VERIFY(!editor->isBusy());
    QVERIFY(!editor->isModified());
    QCOMPARE(editor->model()->definitionText(), theirs->editorPage()->model()->definitionText());
    stored = await<hm::client::FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(id, done); });
    QCOMPARE(stored.value().latestVersion.version, QStringLiteral("4"));
}

// "Restore as draft" is a save like any other: based on the version this
// console opened, so a version another console saved meanwhile is never
// silently overwritten; the same choice as a stale save.
void TestFlowsPage::staleRestoreOffersReloadOrSaveAsNew()
{
    const QString id = createFlow(QStringLiteral("Restored flow"));
    auto mine = makePage(m_admin.get());
    auto other = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword);
    QVERIFY(other);
    auto theirs = makePage(other.get());
    for (FlowsPage *page : {mine.get(), theirs.get()}) {
        page->openFlow(id);
        QTRY_VERIFY(page->editorPage()->isOpen() && !page->editorPage()->isLoading());
    }
    FlowEditorPage *editor = mine->editorPage();
    const QByteArray version1 = editor->model()->definitionText();
    // The other console saves version 2 while this one looks at version 1.
    QVERIFY(theirs->editorPage()
                ->model()
                ->addNode(QStringLiteral("log"), componentVersion(QStringLiteral("log")),
                          QPointF(0, 200))
                .ok());
    theirs->editorPage()->action(QStringLiteral("save"))->trigger();
    QTRY_COMPARE(theirs->editorPage()->latestVersion(), QStringLiteral("2"));
    const QByteArray version2 = theirs->editorPage()->model()->definitionText();
    QCOMPARE(editor->baseVersion(), QStringLiteral("1"));
    editor->openVersion(QStringLiteral("1"));
    QTRY_VERIFY(editor->isShowingVersion());
    auto *restore = editor->versionViewer()->findChild<QPushButton *>(
        QStringLiteral("flows.versionViewer.restore"));
    QVERIFY(restore && restore->isEnabled());

    // Answered "reload": nothing stored, the newer version shows.
    QString asked;
    DialogSeam::setNextHandler([&asked](QDialog *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        if (!box || dialog->objectName() != QLatin1String("flows.conflictDialog"))
            return int(QDialog::Rejected);
        asked = box->text();
        box->findChild<QPushButton *>(QStringLiteral("flows.conflict.reload"))->click();
        return int(QDialog::Accepted);
    });
    restore->click();
    QTRY_COMPARE(editor->baseVersion(), QStringLiteral("2"));
    QTRY_VERIFY(!editor->isBusy());
    QCOMPARE(asked, QStringLiteral("Someone saved a newer version of “Restored flow” since you "
                                   "opened version 1."));
    QCOMPARE(editor->model()->definitionText(), version2);
    auto stored =
        await<hm::client::FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(id, done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().latestVersion.version, QStringLiteral("2"));

    // Once more, after a third save elsewhere, answered "save as new version":
    // version 1's content goes on top of theirs.
    QVERIFY(theirs->editorPage()
                ->model()
                ->addNode(QStringLiteral("noop"), componentVersion(QStringLiteral("noop")),
                          QPointF(300, 0))
                .ok());
    theirs->editorPage()->action(QStringLiteral("save"))->trigger();
    QTRY_COMPARE(theirs->editorPage()->latestVersion(), QStringLiteral("3"));
    QTRY_COMPARE(editor->versionsModel()->rowCount(), 3);
    editor->openVersion(QStringLiteral("1"));
    QTRY_VERIFY(editor->isShowingVersion());
    asked.clear();
    DialogSeam::setNextHandler([&asked](QDialog *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        if (!box || dialog->objectName() != QLatin1String("flows.conflictDialog"))
            return int(QDialog::Rejected);
        asked = box->text();
        box->findChild<QPushButton *>(QStringLiteral("flows.conflict.saveAsNew"))->click();
        return int(QDialog::Accepted);
    });
    QCOMPARE(editor->baseVersion(), QStringLiteral("2"));
    restore->click();
    QTRY_COMPARE(editor->latestVersion(), QStringLiteral("4"));
    QTRY_VERIFY(!editor->isBusy());
    QVERIFY(!asked.isEmpty()); // asked, not overwritten silently
    stored = await<hm::client::FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(id, done); });
    QCOMPARE(stored.value().latestVersion.version, QStringLiteral("4"));
    QCOMPARE(QJsonDocument(stored.value().latestVersion.definition).toJson(QJsonDocument::Compact),
             version1);
    DialogSeam::setNextHandler({});
}

void TestFlowsPage::shareDialogSaysTheSeedsErrors()
{
    auto colleague = await<hm::client::UserInfo>([&](auto done) {
        hm::client::UsersApi(*m_admin).create(
            hm::client::NewUser{QStringLiteral("colleague"),
                                QStringLiteral("colleague@example.com"),
                                QStringLiteral("Colleague-Pass-1234"), QStringLiteral("Li Si"),
                                QStringLiteral("user"), QString()},
            done);
    });
    QVERIFY(colleague.ok());
    const QString id = createFlow(QStringLiteral("Shared flow"));
    auto page = makePage(m_admin.get());
    FlowListModel *model = page->listModel();
    QTRY_VERIFY(model->rowOf(id) >= 0);
    page->listView()->selectRow(model->rowOf(id));
    QVERIFY(page->action(QStringLiteral("share"))->isEnabled());

    QStringList messages;
    int listed = -1;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *share = qobject_cast<ShareDialog *>(dialog);
        if (!share)
            return int(QDialog::Rejected);
        auto *email = share->findChild<QLineEdit *>(QStringLiteral("flows.share.email"));
        auto *permission = share->findChild<QComboBox *>(QStringLiteral("flows.share.permission"));
        auto *add = share->findChild<QPushButton *>(QStringLiteral("flows.share.add"));
        (void)QTest::qWaitFor([share] { return !share->isBusy(); }, 10000);
        const auto shareWith = [&](const QString &address, const QString &level) {
            email->setText(address);
            permission->setCurrentIndex(permission->findData(level));
            add->click();
            (void)QTest::qWaitFor([share] { return !share->isBusy(); }, 10000);
            messages << share->message();
        };
        shareWith(QStringLiteral("colleague@example.com"), QStringLiteral("edit"));
        shareWith(QStringLiteral("colleague@example.com"), QStringLiteral("view"));
        shareWith(QStringLiteral("admin@localhost"), QStringLiteral("view"));
        shareWith(QStringLiteral("not an address"), QStringLiteral("view"));
        shareWith(QStringLiteral("someone.new@example.com"), QStringLiteral("view"));
        // Change the colleague's permission to admin, through the list.
        auto *list = share->findChild<QTreeWidget *>(QStringLiteral("flows.share.list"));
        list->setCurrentItem(list->topLevelItem(0));
        auto *selected =
            share->findChild<QComboBox *>(QStringLiteral("flows.share.selectedPermission"));
        selected->setCurrentIndex(selected->findData(QStringLiteral("admin")));
        emit selected->activated(selected->currentIndex());
        (void)QTest::qWaitFor([share] { return !share->isBusy(); }, 10000);
        messages << share->message();
        listed = list->topLevelItemCount();
        return int(QDialog::Rejected);
    });
    page->action(QStringLiteral("share"))->trigger();
    QCOMPARE(listed, 2);
    QCOMPARE(messages.size(), 6);
    QCOMPARE(messages.at(0), QStringLiteral("Shared with colleague@example.com."));
    QCOMPARE(messages.at(1),
             QStringLiteral("The flow is already shared with this person (or they own it)."));
    QCOMPARE(messages.at(2), QStringLiteral("You cannot share a flow with yourself."));
    QCOMPARE(messages.at(3), QStringLiteral("This is not an e-mail address."));
    QVERIFY(messages.at(4).startsWith(QLatin1String("Nobody has an account with")));
    QCOMPARE(messages.at(5), QStringLiteral("Permission changed."));

    auto shares = await<QList<hm::client::FlowShare>>(
        [&](auto done) { FlowsApi(*m_admin).shares(id, done); });
    QVERIFY(shares.ok());
    QCOMPARE(shares.value().size(), 2);
    QCOMPARE(shares.value().at(0).permission, QStringLiteral("admin"));

    // The colleague sees it under "Shared with me".
    auto client =
        m_server.signIn(QStringLiteral("colleague"), QStringLiteral("Colleague-Pass-1234"));
    QVERIFY(client);
    FlowListModel theirs(client.get());
    theirs.setScope(FlowListModel::Scope::SharedWithMe);
    QTRY_COMPARE(theirs.state(), FlowListModel::State::Ready);
    QCOMPARE(theirs.rowCount(), 1);
    QCOMPARE(theirs.item(0)->id, id);
    QCOMPARE(theirs.item(0)->myPermission, QStringLiteral("admin"));

    // Stop sharing, confirmed.
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *share = qobject_cast<ShareDialog *>(dialog);
        (void)QTest::qWaitFor([share] { return !share->isBusy(); }, 10000);
        auto *list = share->findChild<QTreeWidget *>(QStringLiteral("flows.share.list"));
        list->setCurrentItem(list->topLevelItem(0));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        share->findChild<QPushButton *>(QStringLiteral("flows.share.remove"))->click();
        (void)QTest::qWaitFor([share] { return !share->isBusy(); }, 10000);
        listed = list->topLevelItemCount();
        return int(QDialog::Rejected);
    });
    page->action(QStringLiteral("share"))->trigger();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("flows.confirmUnshare"));
    QCOMPARE(listed, 1);
}

void TestFlowsPage::webhookIsShownAndRegenerated()
{
    const QString id = createFlow(QStringLiteral("Hooked flow"));
    auto page = makePage(m_admin.get());
    FlowListModel *model = page->listModel();
    QTRY_VERIFY(model->rowOf(id) >= 0);
    page->listView()->selectRow(model->rowOf(id));

    QString firstUrl, secondUrl, state;
    bool copyVisibleBefore = true;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *hook = qobject_cast<WebhookDialog *>(dialog);
        if (!hook)
            return int(QDialog::Rejected);
        (void)QTest::qWaitFor([hook] { return !hook->isBusy(); }, 10000);
        copyVisibleBefore =
            !hook->findChild<QPushButton *>(QStringLiteral("flows.webhook.copy"))->isHidden();
        auto *create = hook->findChild<QPushButton *>(QStringLiteral("flows.webhook.create"));
        create->click();
        (void)QTest::qWaitFor([hook] { return !hook->isBusy(); }, 10000);
        firstUrl = hook->findChild<QLineEdit *>(QStringLiteral("flows.webhook.url"))->text();
        MessageBox::setNextAnswer(QMessageBox::Yes);
        create->click(); // now "Regenerate URL": asks first
        (void)QTest::qWaitFor([hook] { return !hook->isBusy(); }, 10000);
        secondUrl = hook->url();
        state = hook->findChild<QLabel *>(QStringLiteral("flows.webhook.state"))->text();
        return int(QDialog::Rejected);
    });
    page->action(QStringLiteral("webhook"))->trigger();
    QVERIFY(!copyVisibleBefore);
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("flows.confirmRegenerateWebhook"));
    const QString prefix =
        m_server.connection->baseUrl().toString() + QStringLiteral("/api/v1/hooks/") + id + u'/';
    QVERIFY2(firstUrl.startsWith(prefix), qPrintable(firstUrl));
    QVERIFY2(secondUrl.startsWith(prefix), qPrintable(secondUrl));
    QVERIFY(firstUrl != secondUrl);
    QVERIFY(state.startsWith(QLatin1String("Copy the URL now")));

    // The server has a webhook; a new dialog can no longer show its URL.
    auto hook =
        await<hm::client::FlowWebhook>([&](auto done) { FlowsApi(*m_admin).webhook(id, done); });
    QVERIFY(hook.ok());
    QVERIFY(hook.value().enabled);
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *hook = qobject_cast<WebhookDialog *>(dialog);
        (void)QTest::qWaitFor([hook] { return !hook->isBusy(); }, 10000);
        state = hook->findChild<QLabel *>(QStringLiteral("flows.webhook.state"))->text();
        return int(QDialog::Rejected);
    });
    page->action(QStringLiteral("webhook"))->trigger();
    QVERIFY(state.startsWith(QLatin1String("This flow has a webhook.")));
}

void TestFlowsPage::exportAndImport()
{
    QJsonObject definition = emptyDefinition();
    definition.insert(QStringLiteral("nodes"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("id"), QStringLiteral("only")},
                          {QStringLiteral("component"), QStringLiteral("noop")},
                          {QStringLiteral("version"), componentVersion(QStringLiteral("noop"))},
                          {QStringLiteral("position"),
                           QJsonObject{{QStringLiteral("x"), 10}, {QStringLiteral("y"), 20}}},
                          {QStringLiteral("config"), QJsonObject()},
                          {QStringLiteral("inputMappings"), QJsonObject()}}});
    const QString id = createFlow(QStringLiteral("Exported flow"), definition);
    auto page = makePage(m_admin.get());
    FlowListModel *model = page->listModel();
    QTRY_VERIFY(model->rowOf(id) >= 0);
    page->listView()->selectRow(model->rowOf(id));

    QTemporaryDir files;
    const QString path = files.filePath(QStringLiteral("exported.json"));
    DialogSeam::setNextHandler(chooseFile(path));
    page->action(QStringLiteral("export"))->trigger();
    QTRY_VERIFY(QFile::exists(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("Exported flow"));
    QCOMPARE(json.value(QStringLiteral("definition")).toObject().value(QStringLiteral("nodes")),
             definition.value(QStringLiteral("nodes")));
    QVERIFY(page->message().startsWith(QStringLiteral("Exported “Exported flow” (version 1)")));
    // Said again after a language switch (it stayed in English).
    {
        const QString said = page->message();
        QVERIFY(
            m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
        QTRY_COMPARE(
            page->message(),
            QCoreApplication::translate("hm::app::FlowsPage", "Exported “%1” (version %2) to %3.")
                .arg(quotedFlowName(QStringLiteral("Exported flow")), QStringLiteral("1"),
                     QDir::toNativeSeparators(path)));
        QVERIFY(page->message() != said);
        QVERIFY(
            m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
        QTRY_COMPARE(page->message(), said);
    }

    // Imported back under a new name: the file dialog, then the name.
    DialogSeam::setNextHandler(chooseFile(path, typeName(QStringLiteral("Imported flow"))));
    page->action(QStringLiteral("import"))->trigger();
    QTRY_VERIFY(rowNamed(model, QStringLiteral("Imported flow")) >= 0);
    const QString imported = model->item(rowNamed(model, QStringLiteral("Imported flow")))->id;
    auto stored = await<FlowDetail>([&](auto done) { FlowsApi(*m_admin).get(imported, done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().latestVersion.definition.value(QStringLiteral("nodes")),
             definition.value(QStringLiteral("nodes")));

    // The editor exports what it shows.
    page->openFlow(imported);
    QTRY_VERIFY(page->editorPage()->isOpen() && !page->editorPage()->isLoading());
    const QString fromEditor = files.filePath(QStringLiteral("from-editor.json"));
    DialogSeam::setNextHandler(chooseFile(fromEditor));
    page->editorPage()->action(QStringLiteral("export"))->trigger();
    QVERIFY(QFile::exists(fromEditor));
}

void TestFlowsPage::malformedImportStoresNothing()
{
    auto page = makePage(m_admin.get());
    QTRY_COMPARE(page->listModel()->state(), FlowListModel::State::Ready);
    QTemporaryDir files;
    const auto attempt = [&](const QString &name, const QByteArray &content) {
        const QString path = files.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(content);
        file.close();
        const qint64 before = serverFlowCount();
        DialogSeam::setNextHandler(chooseFile(path, typeName(QStringLiteral("never"))));
        MessageBox::setNextAnswer(QMessageBox::Ok);
        page->action(QStringLiteral("import"))->trigger();
        QTest::qWait(0);
        const QString text = MessageBox::lastText();
        if (serverFlowCount() != before)
            return QStringLiteral("stored!");
        return text;
    };
    QString text = attempt(QStringLiteral("broken.json"), "{\"name\": \"x\", ");
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("flows.importError"));
    QVERIFY2(text.contains(QLatin1String("The file is not valid JSON")), qPrintable(text));
    text = attempt(QStringLiteral("array.json"), "[1, 2]");
    QVERIFY2(text.contains(QLatin1String("its JSON is not an object")), qPrintable(text));
    text = attempt(QStringLiteral("other.json"), "{\"hello\": \"world\"}");
    QVERIFY2(text.contains(QLatin1String("neither a \"definition\" object nor a \"nodes\" list")),
             qPrintable(text));
    text = attempt(QStringLiteral("shape.json"),
                   "{\"definition\": {\"nodes\": [{\"id\": 5, \"component\": \"noop\"}]}}");
    QVERIFY2(text.contains(QLatin1String("The flow in the file is not valid")), qPrintable(text));
    QVERIFY(page->message().startsWith(QLatin1String("Nothing was imported")));
    // No name was asked for: the seam's handler is still waiting.
    DialogSeam::setNextHandler({});
}

void TestFlowsPage::viewerSeesWhyActionsAreOff()
{
    auto viewer = await<hm::client::UserInfo>([&](auto done) {
        hm::client::UsersApi(*m_admin).create(
            hm::client::NewUser{QStringLiteral("watcher"), QStringLiteral("watcher@example.com"),
                                QStringLiteral("Watcher-Pass-1234"), QString(),
                                QStringLiteral("viewer"), QString()},
            done);
    });
    QVERIFY(viewer.ok());
    const QString id = createFlow(QStringLiteral("Watched flow"));
    auto shared = await<hm::client::FlowShare>([&](auto done) {
        FlowsApi(*m_admin).share(id, QStringLiteral("watcher@example.com"), QStringLiteral("edit"),
                                 done);
    });
    QVERIFY(shared.ok());

    auto client = m_server.signIn(QStringLiteral("watcher"), QStringLiteral("Watcher-Pass-1234"));
    QVERIFY(client);
    auto page = makePage(client.get());
    QTRY_COMPARE(page->role(), QStringLiteral("viewer"));
    QTRY_VERIFY(page->listModel()->rowOf(id) >= 0);
    page->listView()->selectRow(page->listModel()->rowOf(id));

    for (const char *name : {"new", "import", "rename", "duplicate", "delete", "share", "run"}) {
        QAction *a = page->action(QString::fromLatin1(name));
        QVERIFY2(!a->isEnabled(), name);
        QVERIFY2(a->toolTip().contains(QLatin1String("viewer")), qPrintable(a->toolTip()));
    }
    for (const char *name : {"open", "export"})
        QVERIFY2(page->action(QString::fromLatin1(name))->isEnabled(), name);
    auto *newButton = page->findChild<QPushButton *>(QStringLiteral("flows.new"));
    QVERIFY(!newButton->isEnabled());
    QVERIFY(newButton->toolTip().contains(QLatin1String("viewer")));

    // In the editor: looking is fine, saving and running are off with words.
    page->openFlow(id);
    FlowEditorPage *editor = page->editorPage();
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    QCOMPARE(editor->permission(), QStringLiteral("view")); // edit, capped by the role
    for (const char *name : {"save", "publish", "run", "share", "webhook"}) {
        QAction *a = editor->action(QString::fromLatin1(name));
        QVERIFY2(!a->isEnabled(), name);
        QVERIFY2(a->toolTip().contains(QLatin1String("viewer")), qPrintable(a->toolTip()));
    }
    QVERIFY(editor->action(QStringLiteral("export"))->isEnabled());
}

void TestFlowsPage::retranslatesWithoutLosingEdits()
{
    const QString id = createFlow(QStringLiteral("Translated flow"));
    auto page = makePage(m_admin.get());
    page->openFlow(id);
    FlowEditorPage *editor = page->editorPage();
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    QVERIFY(editor->model()
                ->addNode(QStringLiteral("noop"), componentVersion(QStringLiteral("noop")),
                          QPointF(0, 0))
                .ok());
    const QByteArray edited = editor->model()->definitionText();
    auto *version = editor->findChild<QLabel *>(QStringLiteral("flows.editor.version"));

    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(editor->action(QStringLiteral("save"))->text(), QStringLiteral("儲存(&S)"));
    QCOMPARE(version->text(), QStringLiteral("草稿 · 版本 1 · 有未儲存的變更"));
    QCOMPARE(page->action(QStringLiteral("new"))->text(), QStringLiteral("新增流程(&N)…"));
    QCOMPARE(page->listModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("名稱"));
    // The row's buttons in the language too, without the menus' "(&R)".
    QCOMPARE(page->action(QStringLiteral("rename"))->text(), QStringLiteral("重新命名(&M)…"));
    QCOMPARE(page->findChild<QPushButton *>(QStringLiteral("flows.action.rename.button"))->text(),
             QStringLiteral("重新命名…"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(editor->action(QStringLiteral("save"))->text(), QStringLiteral("保存(&S)"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(editor->action(QStringLiteral("save"))->text(), QStringLiteral("&Save"));

    // Nothing of the edit was lost on the way.
    QVERIFY(editor->isOpen() && editor->isModified());
    QCOMPARE(editor->model()->definitionText(), edited);
    QCOMPARE(editor->flowId(), id);
}

// Issue 34, item 13: the editor's banner and the canvas's status line
// are said again in a new language; what an action did passes after a
// while (MessageLine::passingMs, shortened here) and the status line is
// cleared by the next edit.
void TestFlowsPage::messagesFollowTheLanguageAndPass()
{
    const QString id = createFlow(QStringLiteral("Messages flow"));
    auto page = makePage(m_admin.get());
    page->openFlow(id);
    FlowEditorPage *editor = page->editorPage();
    QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
    auto *status = editor->editor()->findChild<QLabel *>(QStringLiteral("editor.status"));
    QVERIFY(status);
    const auto translated = [](const char *context, const char *source, int n = -1) {
        return QCoreApplication::translate(context, source, nullptr, n);
    };

    // The canvas: a refusal in the status line goes with the next edit.
    editor->editor()->view()->copySelection();
    QCOMPARE(status->text(), QStringLiteral("Select the nodes to copy first."));
    QVERIFY(editor->model()
                ->addNode(QStringLiteral("noop"), componentVersion(QStringLiteral("noop")),
                          QPointF(0, 0))
                .ok());
    QVERIFY(status->text().isEmpty());

    // What auto-layout did, in the language of the moment.
    editor->editor()->action(QStringLiteral("autoLayout"))->trigger();
    QTRY_VERIFY(status->text().startsWith(QStringLiteral("Arranged 1 node with ")));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    const QString arrangedZh =
        translated("hm::app::FlowEditorWidget", "Arranged %n node(s) with %1.", 1);
    QVERIFY(arrangedZh != QStringLiteral("Arranged %n node(s) with %1."));
    QTRY_VERIFY2(!status->text().startsWith(QStringLiteral("Arranged")) &&
                     status->text().startsWith(arrangedZh.left(arrangedZh.indexOf(u'%'))),
                 qPrintable(status->text()));

    // The banner after a save, said again in each language.
    editor->action(QStringLiteral("save"))->trigger();
    QTRY_VERIFY(!editor->bannerText().isEmpty());
    const QString savedZhTw = translated("hm::app::FlowEditorPage", "Saved as version %1 (draft).")
                                  .arg(QStringLiteral("2"));
    QCOMPARE(editor->bannerText(), savedZhTw);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    const QString savedZhCn = translated("hm::app::FlowEditorPage", "Saved as version %1 (draft).")
                                  .arg(QStringLiteral("2"));
    QVERIFY(savedZhCn != savedZhTw);
    QTRY_COMPARE(editor->bannerText(), savedZhCn);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(editor->bannerText(), QStringLiteral("Saved as version 2 (draft)."));

    // It passes; so does the status line.
    const int passing = MessageLine::passingMs();
    MessageLine::setPassingMs(200);
    QVERIFY(editor->model()
                ->addNode(QStringLiteral("noop"), componentVersion(QStringLiteral("noop")),
                          QPointF(200, 0))
                .ok());
    editor->action(QStringLiteral("save"))->trigger();
    QTRY_COMPARE(editor->bannerText(), QStringLiteral("Saved as version 3 (draft)."));
    QTRY_VERIFY(editor->bannerText().isEmpty());
    editor->editor()->view()->copySelection();
    QVERIFY(!status->text().isEmpty());
    QTRY_VERIFY(status->text().isEmpty());
    MessageLine::setPassingMs(passing);
}

// --- screenshots ---------------------------------------------------------------------

void TestFlowsPage::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots)
    QVERIFY(QDir().mkpath(dir));
    MainWindow::Options options;
    options.persistSettings = false;
    const QStringList languages{QStringLiteral("en"), QStringLiteral("zh_TW"),
                                QStringLiteral("zh_CN")};
    QStringList made;
    // The console in `language` on its Flows section, signed in and listed.
    const auto openWindow = [&](const QString &language) {
        if (!m_server.languages->setLanguage(language, LanguageManager::Persist::No))
            qFatal("language %s", qPrintable(language));
        auto window = std::make_unique<MainWindow>(m_server.languages.get(),
                                                   m_server.connection.get(), options);
        window->resize(1280, 800);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qWarning("window not exposed");
        window->selectSection(QStringLiteral("flows"));
        return window;
    };
    const auto shoot = [&](QWidget *window, const QString &name) {
        QApplication::processEvents();
        const QString file = dir + u'/' + name + QStringLiteral(".png");
        made << file;
        return window->grab().save(file);
    };

    QVERIFY(signInConsole());
    // Run alone, on a fresh server: first the empty section.
    for (const QString &language : languages) {
        auto window = openWindow(language);
        auto *page = window->findChild<FlowsPage *>(QStringLiteral("page.flows"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isStarted(), 15000);
        QTRY_COMPARE(page->listModel()->state(), FlowListModel::State::Ready);
        QCOMPARE(page->listModel()->rowCount(), 0);
        QVERIFY(shoot(window.get(), QStringLiteral("flows-empty-") + language));
    }

    // A few flows, two of them published and run: the list as an operator
    // sees it, and a fan-in flow in the editor.
    const auto node = [this](const QString &id, const QString &component,
                             QJsonObject mappings = {}) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("component"), component},
                           {QStringLiteral("version"), componentVersion(component)},
                           {QStringLiteral("position"),
                            QJsonObject{{QStringLiteral("x"), 0}, {QStringLiteral("y"), 0}}},
                           {QStringLiteral("config"), QJsonObject()},
                           {QStringLiteral("inputMappings"), mappings}};
    };
    const auto edge = [](const QString &id, const QString &from, const QString &to) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("source"), from},
                           {QStringLiteral("target"), to}};
    };
    QJsonObject fanIn = emptyDefinition();
    fanIn.insert(QStringLiteral("nodes"),
                 QJsonArray{node(QStringLiteral("fetch-orders"), QStringLiteral("noop"),
                                 {{QStringLiteral("since"), QStringLiteral("$.trigger.since")}}),
                            node(QStringLiteral("fetch-refunds"), QStringLiteral("noop")),
                            node(QStringLiteral("wait-for-bank"), QStringLiteral("delay")),
                            node(QStringLiteral("report"), QStringLiteral("log"))});
    fanIn.insert(QStringLiteral("edges"),
                 QJsonArray{edge(QStringLiteral("e1"), QStringLiteral("fetch-orders"),
                                 QStringLiteral("wait-for-bank")),
                            edge(QStringLiteral("e2"), QStringLiteral("fetch-refunds"),
                                 QStringLiteral("wait-for-bank")),
                            edge(QStringLiteral("e3"), QStringLiteral("wait-for-bank"),
                                 QStringLiteral("report"))});
    const QString nightly = createFlow(QStringLiteral("Nightly sales report"), fanIn);
    createFlow(QStringLiteral("Resize uploaded images"));
    const QString sync = createFlow(QStringLiteral("Sync CRM contacts"));
    createFlow(QStringLiteral("Rotate VPN client keys"));
    for (const QString &id : {nightly, sync}) {
        auto published = await<hm::client::FlowVersion>(
            [&](auto done) { FlowsApi(*m_admin).publish(id, QStringLiteral("1"), done); });
        QVERIFY(published.ok());
        auto run = await<hm::client::TriggerOutcome>(
            [&](auto done) { FlowsApi(*m_admin).trigger(id, hm::client::TriggerOptions{}, done); });
        QVERIFY(run.ok());
    }

    for (const QString &language : languages) {
        auto window = openWindow(language);
        auto *page = window->findChild<FlowsPage *>(QStringLiteral("page.flows"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isStarted(), 15000);
        QTRY_COMPARE(page->listModel()->rowCount(), 4);
        QTRY_COMPARE(page->listModel()->item(page->listModel()->rowOf(sync))->lastExecutionStatus,
                     QStringLiteral("completed"));
        page->listView()->selectRow(page->listModel()->rowOf(nightly));
        QVERIFY(shoot(window.get(), QStringLiteral("flows-list-") + language));

        page->openFlow(nightly);
        FlowEditorPage *editor = page->editorPage();
        QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
        QTRY_VERIFY(!editor->model()->catalogue().isEmpty());
        editor->editor()->autoLayout(); // an edit: "unsaved changes"
        QTRY_VERIFY(!editor->editor()->isLayingOut());
        editor->editor()->scene()->selectNodes({QStringLiteral("wait-for-bank")});
        QVERIFY(shoot(window.get(), QStringLiteral("flows-editor-") + language));
        editor->discard();
        page->showList();
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    qInfo().noquote() << "saved" << made.join(QStringLiteral(", "));
}

QTEST_MAIN(TestFlowsPage)
#include "TestFlowsPage.moc"
