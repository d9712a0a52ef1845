// The Services section (issue 13, item 6; seed 003 §7.4, §15) against a
// real in-process server over loopback and a real HTTP peer serving an
// OpenAPI document: the section opened from the main window with its empty
// state; the new-service wizard end to end (the probe finds the document,
// the preview lists its endpoints, Register stores it and it is listed);
// a broken peer's clear error with nothing saved, and registering without
// a document plus an endpoint by hand; the endpoints and the schema tree of
// the selected one; refresh schema with a changed document (the diff's
// added / changed / removed, Apply, the removed endpoint greyed and
// marked); a test call the peer receives, shown with status, headers and
// pretty JSON; delete confirmed through the modal seam; the lazy model
// under QAbstractItemModelTester with paging and search; the language
// switch; the edit dialog (a refused field's message under it, then saved
// and listed); another console's changes arriving live (row added, changed,
// the open detail read again, deleted). With HIVEMIND_SCREENSHOT_DIR set,
// `screenshots` saves the list, the wizard's probe step, the diff, the test
// dialog, the edit dialog and a live-updated list in en, zh_TW and zh_CN
// (and the list in the dark theme).

#include "AdminTestSupport.h"
#include "ColumnAlignmentSupport.h"
#include "ServiceTestSupport.h"
#include "client/CredentialsApi.h"
#include "client/ServicesApi.h"
#include "services/EndpointDialog.h"
#include "services/SchemaRefreshDialog.h"
#include "services/ServiceCredentialPicker.h"
#include "services/ServiceEditDialog.h"
#include "services/ServiceListModel.h"
#include "services/ServiceSchemaTree.h"
#include "services/ServiceTestDialog.h"
#include "services/ServiceWizard.h"
#include "services/ServicesPage.h"
#include "shell/MainWindow.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>

using namespace hm;
using namespace hm::app;
using namespace admintest;
using namespace servicetest;

namespace {

QTreeWidgetItem *findItem(QTreeWidget *tree, int column, const QString &text)
{
    QTreeWidgetItemIterator it(tree);
    while (*it) {
        if ((*it)->text(column) == text)
            return *it;
        ++it;
    }
    return nullptr;
}

int rowNamed(const ServiceListModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->service(row)->name == name)
            return row;
    }
    return -1;
}

// Fills the wizard's first step and goes on to the probe.
void fillAndProbe(ServiceWizard *wizard, const QString &name, const QString &baseUrl)
{
    wizard->show();
    wizard->restart();
    QTest::keyClicks(child<QLineEdit>(wizard, "services.wizard.name"), name);
    child<QLineEdit>(wizard, "services.wizard.baseUrl")->setText(baseUrl);
    wizard->next();
}

bool waitProbe(ServiceWizard *wizard)
{
    return QTest::qWaitFor(
        [wizard] {
            return wizard->currentPage() == wizard->probePage() &&
                   !wizard->probePage()->isProbing();
        },
        20000);
}

} // namespace

class TestServicesPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void sectionOpensWithItsEmptyState();
    void wizardRegistersThroughTheProbe();
    void brokenPeerShowsTheErrorAndSavesNothing();
    void withoutDocumentThenAnEndpointByHand();
    void endpointsAndSchemaTree();
    void refreshShowsTheDiffAndApplies();
    void testCallReachesThePeer();
    void deleteConfirms();
    void modelPagesAndSearches();
    void editDialogSavesAndTheListShowsIt();
    void editDialogFieldErrorsInTheUiLanguage();
    void anotherConsolesChangesArriveLive();
    void credentialRenamedElsewhereArrivesLive();
    void retranslates();
    void screenshots();

private:
    client::ServicesApi api() { return client::ServicesApi(*m_server.connection->client()); }
    ServicesPage *openPage(ServicesPage &page);

    AdminServer m_server;
    test::RecordingPeer m_peer;
    PetStore m_store;
};

void TestServicesPage::initTestCase()
{
    QVERIFY(m_server.start("TestServicesPage"));
    m_peer.setAnswer(m_store.answer());
}

void TestServicesPage::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    DialogSeam::setNextHandler({});
    m_store.broken = false;
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestServicesPage::cleanupTestCase()
{
    m_server.stop();
}

ServicesPage *TestServicesPage::openPage(ServicesPage &page)
{
    page.resize(1200, 760);
    page.setSession(m_server.connection->client(), m_server.admin);
    if (!QTest::qWaitFor([&] { return page.model()->state() == ServiceListModel::State::Ready; },
                         15000))
        return nullptr;
    return &page;
}

void TestServicesPage::sectionOpensWithItsEmptyState()
{
    MainWindow::Options options;
    options.persistSettings = false;
    MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
    window.show();
    QVERIFY(window.selectSection(QStringLiteral("services")));
    auto *page = window.findChild<ServicesPage *>(QStringLiteral("page.services"));
    QVERIFY(page);
    QVERIFY(page->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->state(), ServiceListModel::State::Ready, 15000);
    QVERIFY(child<QWidget>(page, "services.empty")->isVisible());
    QCOMPARE(child<QLabel>(page, "services.emptyTitle")->text(), QStringLiteral("No services yet"));
    auto *action = child<QPushButton>(page, "services.emptyAction");
    QCOMPARE(action->text(), QStringLiteral("New service..."));
    QVERIFY(action->isEnabled());
    QVERIFY(!child<QPushButton>(page, "services.delete")->isEnabled());
    bool opened = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        opened = dialog->objectName() == QLatin1String("services.wizard");
        return int(QDialog::Rejected);
    });
    action->click();
    QVERIFY(opened);

    // A server that does not answer: the error state with Retry.
    client::ApiClient closed;
    closed.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    ServicesPage broken;
    broken.setSession(&closed, m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(broken.model()->state(), ServiceListModel::State::Failed, 15000);
    QCOMPARE(child<QLabel>(&broken, "services.emptyTitle")->text(),
             QStringLiteral("The services could not be read"));
    QCOMPARE(child<QPushButton>(&broken, "services.emptyAction")->text(), QStringLiteral("Retry"));
}

void TestServicesPage::wizardRegistersThroughTheProbe()
{
    ServicesPage page;
    QVERIFY(openPage(page));
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString probeState;
    QString source;
    QStringList paths;
    bool finishOffWhileProbing = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *wizard = qobject_cast<ServiceWizard *>(dialog);
        if (!wizard)
            return int(QDialog::Rejected);
        fillAndProbe(wizard, QStringLiteral("pets"), m_peer.url(QString()));
        finishOffWhileProbing = !wizard->probePage()->isComplete();
        if (!waitProbe(wizard))
            return int(QDialog::Rejected);
        probeState = child<QLabel>(wizard, "services.wizard.probeState")->text();
        source = child<QLabel>(wizard, "services.wizard.source")->text();
        auto *endpoints = child<QTreeWidget>(wizard, "services.wizard.endpoints");
        for (int i = 0; i < endpoints->topLevelItemCount(); ++i)
            paths << endpoints->topLevelItem(i)->text(0) + u' ' +
                         endpoints->topLevelItem(i)->text(1);
        // Nothing is stored by the probe.
        auto list =
            await<client::Page<client::ServiceInfo>>([&](auto done) { api().list({}, done); });
        if (!list.ok() || list->total != 0)
            return int(QDialog::Rejected);
        wizard->button(QWizard::FinishButton)->click();
        (void)QTest::qWaitFor([wizard] { return wizard->result() == QDialog::Accepted; }, 20000);
        return wizard->result();
    });
    child<QPushButton>(&page, "services.create")->click();
    QVERIFY(finishOffWhileProbing);
    QCOMPARE(probeState, QStringLiteral("Found a document with 3 endpoints to import."));
    QVERIFY2(source.contains(m_peer.url(QStringLiteral("/openapi.json"))), qPrintable(source));
    QVERIFY(source.contains(QStringLiteral("Pet store")));
    paths.sort();
    QCOMPARE(paths, (QStringList{"GET /pets", "GET /pets/{petId}", "POST /pets"}));
    const int row = rowNamed(page.model(), QStringLiteral("pets"));
    QVERIFY(row >= 0);
    QCOMPARE(page.model()->index(row, ServiceListModel::EndpointsColumn).data().toString(),
             QStringLiteral("3"));
    QCOMPARE(page.model()->index(row, ServiceListModel::BaseUrlColumn).data().toString(),
             m_peer.url(QString()));
    QCOMPARE(page.model()->index(row, ServiceListModel::StatusColumn).data().toString(),
             QStringLiteral("Active"));
    QVERIFY(child<QTableView>(&page, "services.list")->isVisibleTo(&page));
    QVERIFY(page.listStateText().contains(QStringLiteral("registered with 3 endpoints")));
    // The server has it.
    auto list = await<client::Page<client::ServiceInfo>>([&](auto done) { api().list({}, done); });
    if (!list.ok())
        QFAIL(qPrintable(list.error().toString()));
    QCOMPARE(list->total, 1);
    QCOMPARE(list->items[0].endpointCount, 3);
}

void TestServicesPage::brokenPeerShowsTheErrorAndSavesNothing()
{
    ServicesPage page;
    QVERIFY(openPage(page));
    const int before = page.model()->rowCount();
    m_store.broken = true;
    QString probeState;
    bool finishable = true;
    bool manualOffered = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *wizard = qobject_cast<ServiceWizard *>(dialog);
        if (!wizard)
            return int(QDialog::Rejected);
        fillAndProbe(wizard, QStringLiteral("broken"), m_peer.url(QString()));
        if (!waitProbe(wizard))
            return int(QDialog::Rejected);
        probeState = child<QLabel>(wizard, "services.wizard.probeState")->text();
        finishable = wizard->probePage()->isComplete();
        manualOffered = !child<QCheckBox>(wizard, "services.wizard.manual")->isHidden();
        wizard->button(QWizard::FinishButton)->click(); // off: nothing happens
        return int(QDialog::Rejected);
    });
    child<QPushButton>(&page, "services.create")->click();
    QVERIFY2(probeState.startsWith(QStringLiteral("No document: No OpenAPI document was found at "
                                                  "the usual paths")),
             qPrintable(probeState));
    QVERIFY(!finishable);
    QVERIFY(manualOffered);
    QCOMPARE(page.model()->rowCount(), before);
    auto list = await<client::Page<client::ServiceInfo>>([&](auto done) { api().list({}, done); });
    if (!list.ok())
        QFAIL(qPrintable(list.error().toString()));
    QCOMPARE(list->total, qint64(before));
}

void TestServicesPage::withoutDocumentThenAnEndpointByHand()
{
    ServicesPage page;
    QVERIFY(openPage(page));
    m_store.broken = true;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *wizard = qobject_cast<ServiceWizard *>(dialog);
        if (!wizard)
            return int(QDialog::Rejected);
        fillAndProbe(wizard, QStringLiteral("legacy"), m_peer.url(QStringLiteral("/legacy")));
        if (!waitProbe(wizard))
            return int(QDialog::Rejected);
        child<QCheckBox>(wizard, "services.wizard.manual")->setChecked(true);
        wizard->button(QWizard::FinishButton)->click();
        (void)QTest::qWaitFor([wizard] { return wizard->result() == QDialog::Accepted; }, 20000);
        return wizard->result();
    });
    child<QPushButton>(&page, "services.create")->click();
    m_store.broken = false;
    const int row = rowNamed(page.model(), QStringLiteral("legacy"));
    QVERIFY(row >= 0);
    QCOMPARE(page.model()->service(row)->endpointCount, 0);
    QVERIFY(page.select(page.model()->service(row)->id));
    QTRY_VERIFY_WITH_TIMEOUT(page.detail(), 15000);
    // No document: refresh is off and says why; an endpoint by hand.
    QVERIFY(!child<QPushButton>(&page, "services.refreshSchema")->isEnabled());
    QVERIFY(child<QPushButton>(&page, "services.addEndpoint")->isEnabled());
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("services.endpointDialog"))
            return int(QDialog::Rejected);
        auto *method = child<QComboBox>(dialog, "services.endpoint.method");
        method->setCurrentText(QStringLiteral("GET"));
        child<QLineEdit>(dialog, "services.endpoint.path")->setText(QStringLiteral("/items/{id}"));
        child<QLineEdit>(dialog, "services.endpoint.name")->setText(QStringLiteral("getItem"));
        child<QLineEdit>(dialog, "services.endpoint.query")
            ->setText(QStringLiteral("verbose:boolean"));
        child<QPushButton>(dialog, "services.endpoint.ok")->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 20000);
        return dialog->result();
    });
    child<QPushButton>(&page, "services.addEndpoint")->click();
    QTRY_VERIFY_WITH_TIMEOUT(page.detail() && page.detail()->endpoints.size() == 1, 15000);
    auto *endpoints = page.endpointList();
    QCOMPARE(endpoints->topLevelItemCount(), 1);
    QCOMPARE(endpoints->topLevelItem(0)->text(1), QStringLiteral("/items/{id}"));
    QCOMPARE(endpoints->topLevelItem(0)->text(2), QStringLiteral("getItem (by hand)"));
    QVERIFY(page.selectEndpoint(QStringLiteral("GET"), QStringLiteral("/items/{id}")));
    QTreeWidgetItem *id = findItem(page.schemaTree(), ServiceSchemaTree::NameColumn, "id");
    QVERIFY(id);
    QCOMPARE(id->text(ServiceSchemaTree::PlaceColumn), QStringLiteral("path"));
    QCOMPARE(id->text(ServiceSchemaTree::RequiredColumn), QStringLiteral("required"));
    QTreeWidgetItem *verbose =
        findItem(page.schemaTree(), ServiceSchemaTree::NameColumn, "verbose");
    QVERIFY(verbose);
    QCOMPARE(verbose->text(ServiceSchemaTree::TypeColumn), QStringLiteral("boolean"));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&page, "services.delete")->click();
    QTRY_COMPARE_WITH_TIMEOUT(rowNamed(page.model(), QStringLiteral("legacy")), -1, 15000);
}

void TestServicesPage::endpointsAndSchemaTree()
{
    ServicesPage page;
    QVERIFY(openPage(page));
    const int row = rowNamed(page.model(), QStringLiteral("pets"));
    QVERIFY(row >= 0);
    page.view()->selectRow(row);
    {
        // Titles sit like their columns (they were centred), in the console's style.
        ThemeManager themes;
        themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
        const QString unlike = admintest::headersUnlikeCells(page.view()->horizontalHeader(), row);
        QVERIFY2(unlike.isEmpty(), qPrintable(unlike));
    }
    QTRY_VERIFY_WITH_TIMEOUT(page.detail(), 15000);
    QCOMPARE(page.endpointList()->topLevelItemCount(), 3);
    QCOMPARE(child<QLabel>(&page, "services.endpointsTitle")->text(),
             QStringLiteral("Endpoints (3)"));
    QVERIFY(child<QLabel>(&page, "services.detailInfo")
                ->text()
                .contains(m_peer.url(QStringLiteral("/openapi.json"))));

    // GET /pets: a query and a header parameter, no body, responses.
    QVERIFY(page.selectEndpoint(QStringLiteral("GET"), QStringLiteral("/pets")));
    ServiceSchemaTree *tree = page.schemaTree();
    QCOMPARE(tree->group(0)->text(0), QStringLiteral("Parameters (2)"));
    QTreeWidgetItem *limit = findItem(tree, ServiceSchemaTree::NameColumn, "limit");
    QVERIFY(limit);
    QCOMPARE(limit->text(ServiceSchemaTree::PlaceColumn), QStringLiteral("query"));
    QCOMPARE(limit->text(ServiceSchemaTree::TypeColumn), QStringLiteral("integer"));
    QCOMPARE(limit->text(ServiceSchemaTree::RequiredColumn), QString());
    QCOMPARE(limit->text(ServiceSchemaTree::DescriptionColumn),
             QStringLiteral("at most this many"));
    QTreeWidgetItem *trace = findItem(tree, ServiceSchemaTree::NameColumn, "X-Trace");
    QVERIFY(trace);
    QCOMPARE(trace->text(ServiceSchemaTree::PlaceColumn), QStringLiteral("header"));
    QCOMPARE(tree->group(1)->child(0)->text(0), QStringLiteral("No request body"));
    QTreeWidgetItem *ok = findItem(tree, ServiceSchemaTree::NameColumn, "200");
    QVERIFY(ok);
    QCOMPARE(ok->childCount(), 1);
    QCOMPARE(ok->child(0)->text(0), QStringLiteral("application/json"));
    QCOMPARE(ok->child(0)->childCount(), 2); // id, name

    // POST /pets: the body's schema as a tree, nested, with required.
    QVERIFY(page.selectEndpoint(QStringLiteral("POST"), QStringLiteral("/pets")));
    QCOMPARE(tree->group(1)->text(0), QStringLiteral("Request body (application/json)"));
    QTreeWidgetItem *name = nullptr;
    QTreeWidgetItem *owner = nullptr;
    for (int i = 0; i < tree->group(1)->childCount(); ++i) {
        QTreeWidgetItem *item = tree->group(1)->child(i);
        if (item->text(0) == QLatin1String("name"))
            name = item;
        if (item->text(0) == QLatin1String("owner"))
            owner = item;
    }
    QVERIFY(name && owner);
    QCOMPARE(name->text(ServiceSchemaTree::RequiredColumn), QStringLiteral("required"));
    QCOMPARE(name->text(ServiceSchemaTree::DescriptionColumn), QStringLiteral("the pet's name"));
    QCOMPARE(owner->text(ServiceSchemaTree::TypeColumn), QStringLiteral("object"));
    QCOMPARE(owner->childCount(), 1);
    QCOMPARE(owner->child(0)->text(ServiceSchemaTree::TypeColumn),
             QStringLiteral("string (email)"));
    QCOMPARE(child<QLabel>(&page, "services.schemaTitle")->text(),
             QStringLiteral("Schema of POST /pets"));
}

void TestServicesPage::refreshShowsTheDiffAndApplies()
{
    ServicesPage page;
    QVERIFY(openPage(page));
    QVERIFY(page.select(page.model()->service(rowNamed(page.model(), "pets"))->id));
    QTRY_VERIFY_WITH_TIMEOUT(page.detail(), 15000);
    m_store.document = documentV2();
    QMap<int, QStringList> kinds; // kind -> "word|endpoint"
    QString state;
    bool applyWasOn = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *refresh = qobject_cast<SchemaRefreshDialog *>(dialog);
        if (!refresh)
            return int(QDialog::Rejected);
        if (!QTest::qWaitFor([refresh] { return !refresh->isBusy() && refresh->hasDiff(); }, 20000))
            return int(QDialog::Rejected);
        state = child<QLabel>(dialog, "services.refresh.state")->text();
        QTreeWidget *tree = refresh->diffTree();
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = tree->topLevelItem(i);
            kinds[item->data(0, Qt::UserRole).toInt()]
                << item->text(0) + u'|' + item->text(1) + (item->icon(0).isNull() ? "" : "|icon");
        }
        auto *apply = child<QPushButton>(dialog, "services.refresh.apply");
        applyWasOn = apply->isEnabled();
        // Still the old endpoints on the server before Apply.
        auto before =
            await<client::ServiceInfo>([&](auto done) { api().get(page.detail()->id, done); });
        if (!before.ok() || before->endpoints.size() != 3)
            return int(QDialog::Rejected);
        apply->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 20000);
        return dialog->result();
    });
    child<QPushButton>(&page, "services.refreshSchema")->click();
    QVERIFY2(state.contains(QStringLiteral("1 added, 1 changed, 1 removed, 1 unchanged")),
             qPrintable(state));
    QVERIFY(applyWasOn);
    QCOMPARE(kinds.value(0), QStringList{"+ Added|GET /owners|icon"});
    QCOMPARE(kinds.value(1), QStringList{"~ Changed|POST /pets|icon"});
    QCOMPARE(kinds.value(2), QStringList{"− Removed|GET /pets/{petId}|icon"});
    QVERIFY(page.listStateText().contains(QStringLiteral("1 added, 1 changed, 1 removed")));
    // The removed endpoint is kept, greyed and marked.
    QTRY_VERIFY_WITH_TIMEOUT(page.detail() && page.detail()->endpoints.size() == 4, 15000);
    QTreeWidgetItem *removed = findItem(page.endpointList(), 1, "/pets/{petId}");
    QVERIFY(removed);
    QVERIFY(removed->text(2).startsWith(QStringLiteral("Removed — ")));
    QVERIFY(removed->font(1).strikeOut());
    QCOMPARE(removed->foreground(1).color(),
             page.palette().color(QPalette::Disabled, QPalette::Text));
    QVERIFY(findItem(page.endpointList(), 1, "/owners"));
    QCOMPARE(child<QLabel>(&page, "services.endpointsTitle")->text(),
             QStringLiteral("Endpoints (3 active, 1 removed)"));
}

void TestServicesPage::testCallReachesThePeer()
{
    ServicesPage page;
    QVERIFY(openPage(page));
    QVERIFY(page.select(page.model()->service(rowNamed(page.model(), "pets"))->id));
    QTRY_VERIFY_WITH_TIMEOUT(page.detail(), 15000);
    QVERIFY(page.selectEndpoint(QStringLiteral("POST"), QStringLiteral("/pets")));
    m_peer.clear();
    QString status;
    QString response;
    QStringList headers;
    QString missing;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *test = qobject_cast<ServiceTestDialog *>(dialog);
        if (!test)
            return int(QDialog::Rejected);
        // The endpoint selected on the page; its body skeleton from the schema.
        auto *body = child<QPlainTextEdit>(dialog, "services.test.body");
        if (!body->toPlainText().contains(QStringLiteral("\"owner\"")))
            return int(QDialog::Rejected);
        auto *dryRun = qobject_cast<QComboBox *>(test->parameterEditor("query", "dryRun"));
        if (!dryRun)
            return int(QDialog::Rejected);
        dryRun->setCurrentIndex(dryRun->findText(QStringLiteral("true")));
        body->setPlainText(QStringLiteral("{\"name\": \"Kitty\"}"));
        child<QPushButton>(dialog, "services.test.send")->click();
        if (!QTest::qWaitFor([test] { return !test->isSending(); }, 20000))
            return int(QDialog::Rejected);
        status = child<QLabel>(dialog, "services.test.status")->text();
        response = child<QPlainTextEdit>(dialog, "services.test.response")->toPlainText();
        auto *table = child<QTableWidget>(dialog, "services.test.headers");
        for (int row = 0; row < table->rowCount(); ++row)
            headers << table->item(row, 0)->text() + u'=' + table->item(row, 1)->text();
        // A bad body is refused before anything is sent.
        body->setPlainText(QStringLiteral("{\"name\": "));
        child<QPushButton>(dialog, "services.test.send")->click();
        missing = child<QLabel>(dialog, "services.test.inputError")->text();
        return int(QDialog::Rejected);
    });
    child<QPushButton>(&page, "services.test")->click();
    QVERIFY2(status.startsWith(QStringLiteral("HTTP 201 in ")), qPrintable(status));
    QVERIFY(status.contains(QStringLiteral("POST")));
    QVERIFY(status.contains(QStringLiteral("/pets?dryRun=true")));
    // Pretty JSON.
    QVERIFY2(response.contains(QStringLiteral("    \"name\": \"Kitty\"")), qPrintable(response));
    QVERIFY2(headers.filter(QStringLiteral("content-type=application/json"), Qt::CaseInsensitive)
                     .size() == 1,
             qPrintable(headers.join(u',')));
    QVERIFY2(missing.startsWith(QStringLiteral("The body is not JSON")), qPrintable(missing));
    const auto requests = m_peer.requestsTo("/pets");
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests[0].method, QByteArray("POST"));
    QCOMPARE(requests[0].target, QByteArray("/pets?dryRun=true"));
    QCOMPARE(QJsonDocument::fromJson(requests[0].body).object().value("name").toString(),
             QStringLiteral("Kitty"));

    // The peer down: the error with its code and message.
    test::RecordingPeer *gone = new test::RecordingPeer;
    const QString deadUrl = gone->url(QString());
    delete gone;
    auto updated = await<client::ServiceInfo>([&](auto done) {
        api().update(page.detail()->id, {{"base_url", deadUrl}, {"timeout_ms", 2000}}, done);
    });
    if (!updated.ok())
        QFAIL(qPrintable(updated.error().toString()));
    page.reload();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ServiceListModel::State::Ready, 15000);
    QVERIFY(page.select(updated->id));
    QTRY_VERIFY_WITH_TIMEOUT(page.detail(), 15000);
    QVERIFY(page.selectEndpoint(QStringLiteral("GET"), QStringLiteral("/pets")));
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *test = qobject_cast<ServiceTestDialog *>(dialog);
        if (!test)
            return int(QDialog::Rejected);
        child<QPushButton>(dialog, "services.test.send")->click();
        (void)QTest::qWaitFor([test] { return !test->isSending(); }, 20000);
        status = child<QLabel>(dialog, "services.test.status")->text();
        return int(QDialog::Rejected);
    });
    child<QPushButton>(&page, "services.test")->click();
    QVERIFY2(status.startsWith(QStringLiteral("Error SERVICE_UNAVAILABLE: ")), qPrintable(status));
    auto back = await<client::ServiceInfo>([&](auto done) {
        api().update(updated->id, {{"base_url", m_peer.url(QString())}}, done);
    });
    QVERIFY(back.ok());
}

void TestServicesPage::deleteConfirms()
{
    ServicesPage page;
    QVERIFY(openPage(page));
    const int row = rowNamed(page.model(), QStringLiteral("pets"));
    QVERIFY(row >= 0);
    const QString id = page.model()->service(row)->id;
    QVERIFY(page.select(id));
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    child<QPushButton>(&page, "services.delete")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("services.confirmDelete"));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("\"pets\"")));
    QVERIFY(page.model()->rowOf(id) >= 0);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&page, "services.delete")->click();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowOf(id), -1, 15000);
    auto gone = await<client::ServiceInfo>([&](auto done) { api().get(id, done); });
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, ErrorCode::ServiceNotFound);
}

void TestServicesPage::modelPagesAndSearches()
{
    for (int i = 0; i < 5; ++i) {
        client::NewService s;
        s.name = QStringLiteral("paged-%1").arg(i);
        s.displayName = i == 3 ? QStringLiteral("Weather") : QString();
        s.baseUrl = m_peer.url(QStringLiteral("/svc%1").arg(i));
        s.endpoints = QJsonArray();
        auto made = await<client::ServiceInfo>([&](auto done) { api().create(s, done); });
        if (!made.ok())
            QFAIL(qPrintable(made.error().toString()));
    }
    ServiceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(2);
    model.setClient(m_server.connection->client());
    model.reload();
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), ServiceListModel::State::Ready, 15000);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.totalCount(), 5);
    QVERIFY(model.canFetchMore({}));
    while (model.canFetchMore({}) || model.rowCount() < 5) {
        model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(model.canFetchMore({}) || model.rowCount() == 5, 15000);
    }
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.index(0, ServiceListModel::NameColumn).data().toString(),
             QStringLiteral("paged-0"));
    QCOMPARE(model.index(3, ServiceListModel::NameColumn).data().toString(),
             QStringLiteral("Weather (paged-3)"));
    QCOMPARE(model.index(0, ServiceListModel::CredentialColumn).data().toString(),
             QStringLiteral("None"));
    model.setSearch(QStringLiteral("weather"));
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), ServiceListModel::State::Ready, 15000);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.service(0)->name, QStringLiteral("paged-3"));
    for (int i = 0; i < 5; ++i) {
        model.setSearch(QStringLiteral("paged-%1").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(model.state(), ServiceListModel::State::Ready, 15000);
        QCOMPARE(model.rowCount(), 1);
        const QString id = model.service(0)->id;
        QVERIFY(await<void>([&](auto done) { api().remove(id, done); }).ok());
    }
}

void TestServicesPage::editDialogSavesAndTheListShowsIt()
{
    client::NewService s;
    s.name = QStringLiteral("editable");
    s.displayName = QStringLiteral("Editable");
    s.baseUrl = m_peer.url(QStringLiteral("/edit"));
    s.endpoints = QJsonArray();
    auto made = await<client::ServiceInfo>([&](auto done) { api().create(s, done); });
    if (!made.ok())
        QFAIL(qPrintable(made.error().toString()));
    auto token = await<client::CredentialInfo>([&](auto done) {
        client::CredentialsApi(*m_server.connection->client())
            .create({QStringLiteral("Edit token"),
                     {},
                     QStringLiteral("http_bearer"),
                     {},
                     QJsonObject{{"token", "Edit-Token-1"}}},
                    done);
    });
    QVERIFY(token.ok());
    ServicesPage page;
    QVERIFY(openPage(page));
    QVERIFY(page.select(made->id));
    QTRY_VERIFY_WITH_TIMEOUT(page.detail(), 15000);
    auto *edit = child<QPushButton>(&page, "services.edit");
    QVERIFY(edit->isEnabled());
    QCOMPARE(edit->text(), QStringLiteral("Edit..."));

    QString inlineError;
    bool generalErrorHidden = false;
    bool saveOffUntouched = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("serviceEdit.dialog"))
            return int(QDialog::Rejected);
        dialog->show();
        auto *picker = child<ServiceCredentialPicker>(dialog, "serviceEdit.credential");
        if (!QTest::qWaitFor([picker] { return !picker->isLoading(); }, 15000))
            return int(QDialog::Rejected);
        auto *save = child<QPushButton>(dialog, "serviceEdit.save");
        saveOffUntouched = !save->isEnabled();
        child<QLineEdit>(dialog, "serviceEdit.name")->setText(QStringLiteral("Edited name"));
        child<QLineEdit>(dialog, "serviceEdit.description")->setText(QStringLiteral("Described"));
        // A URL the console takes and the server refuses (a query).
        auto *baseUrl = child<QLineEdit>(dialog, "serviceEdit.baseUrl");
        baseUrl->setText(QStringLiteral("http://example.com/x?q=1"));
        save->click();
        auto *error = child<QLabel>(dialog, "serviceEdit.baseUrlError");
        if (!QTest::qWaitFor([error] { return !error->isHidden(); }, 15000))
            return int(QDialog::Rejected);
        inlineError = error->text();
        generalErrorHidden = child<QLabel>(dialog, "serviceEdit.error")->isHidden();
        baseUrl->setText(m_peer.url(QStringLiteral("/edited")));
        picker->setCurrentIndex(picker->findData(token->id));
        save->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    edit->click();
    QVERIFY(saveOffUntouched);
    QVERIFY2(inlineError.contains(QStringLiteral("without query")), qPrintable(inlineError));
    QVERIFY(generalErrorHidden);
    const int row = rowNamed(page.model(), QStringLiteral("editable"));
    QVERIFY(row >= 0);
    QCOMPARE(page.model()->index(row, ServiceListModel::NameColumn).data().toString(),
             QStringLiteral("Edited name (editable)"));
    QCOMPARE(page.model()->index(row, ServiceListModel::BaseUrlColumn).data().toString(),
             m_peer.url(QStringLiteral("/edited")));
    QTRY_COMPARE_WITH_TIMEOUT(
        page.model()->index(row, ServiceListModel::CredentialColumn).data().toString(),
        QStringLiteral("Edit token"), 15000);
    QVERIFY(page.listStateText().contains(QStringLiteral("was saved")));
    // The outcome is said again in another language (issue 34, item 13).
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_VERIFY2(page.listStateText().startsWith(QStringLiteral("已保存“")) &&
                     page.listStateText().endsWith(QStringLiteral("”。")),
                 qPrintable(page.listStateText()));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_VERIFY(page.listStateText().contains(QStringLiteral("was saved")));
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&page, "services.detailTitle")->text(),
                              QStringLiteral("Edited name"), 15000);
    // The server has it, and audited the change.
    auto stored = await<client::ServiceInfo>([&](auto done) { api().get(made->id, done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored->displayName, QStringLiteral("Edited name"));
    QCOMPARE(stored->description, QStringLiteral("Described"));
    QCOMPARE(stored->credentialId, token->id);
    auto audit = await<QJsonObject>([&](auto done) {
        m_server.connection->client()->call<QJsonObject>(
            client::ApiRequest::get(QStringLiteral("/api/v1/audit"),
                                    QUrlQuery(QStringLiteral("action=SERVICE_UPDATED"))),
            [](const client::ApiResponse &r) { return r.data.toObject(); }, done);
    });
    QVERIFY(audit.ok());
    QVERIFY(QJsonDocument(audit.value()).toJson().contains(made->id.toUtf8()));

    // A double-click opens the same dialog; so does the context menu's entry.
    QString opened;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        opened = dialog->objectName();
        return int(QDialog::Rejected);
    });
    emit page.view()->doubleClicked(page.model()->index(row, ServiceListModel::NameColumn));
    QCOMPARE(opened, QStringLiteral("serviceEdit.dialog"));

    QVERIFY(await<void>([&](auto done) { api().remove(made->id, done); }).ok());
    QVERIFY(await<void>([&](auto done) {
                client::CredentialsApi(*m_server.connection->client()).remove(token->id, done);
            }).ok());
}

// The server's refusals under the fields, in the UI language (zh_CN): built
// from the error's code and details, not the server's English message.
void TestServicesPage::editDialogFieldErrorsInTheUiLanguage()
{
    client::NewService s;
    s.name = QStringLiteral("edit-zh");
    s.displayName = QStringLiteral("Edit zh");
    s.baseUrl = m_peer.url(QStringLiteral("/edit-zh"));
    s.endpoints = QJsonArray();
    auto made = await<client::ServiceInfo>([&](auto done) { api().create(s, done); });
    if (!made.ok())
        QFAIL(qPrintable(made.error().toString()));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    {
        ServiceEditDialog dialog(m_server.connection->client(), *made, QStringLiteral("admin"));
        dialog.show();
        auto *picker = child<ServiceCredentialPicker>(&dialog, "serviceEdit.credential");
        QTRY_VERIFY_WITH_TIMEOUT(!picker->isLoading(), 15000);
        auto *save = child<QPushButton>(&dialog, "serviceEdit.save");
        auto *name = child<QLineEdit>(&dialog, "serviceEdit.name");
        auto *nameError = child<QLabel>(&dialog, "serviceEdit.nameError");
        // Too long a display name: the server's limit (details.max_length).
        name->setText(QString(300, u'x'));
        save->click();
        QTRY_VERIFY_WITH_TIMEOUT(!nameError->isHidden(), 15000);
        QVERIFY2(nameError->text().startsWith(QStringLiteral("最多只能有 ")) &&
                     nameError->text().endsWith(QStringLiteral(" 个字符。")),
                 qPrintable(nameError->text()));
        QVERIFY(!nameError->text().contains(QLatin1String("longer than")));
        // A URL the server refuses (a query).
        name->setText(QStringLiteral("Edit zh"));
        auto *baseUrl = child<QLineEdit>(&dialog, "serviceEdit.baseUrl");
        baseUrl->setText(QStringLiteral("http://example.com/x?q=1"));
        auto *baseUrlError = child<QLabel>(&dialog, "serviceEdit.baseUrlError");
        save->click();
        QTRY_VERIFY_WITH_TIMEOUT(!baseUrlError->isHidden(), 15000);
        QVERIFY2(baseUrlError->text().startsWith(QStringLiteral("请输入完整的 http 或 https 地址")),
                 qPrintable(baseUrlError->text()));
        QVERIFY(nameError->isHidden());
    }
    QVERIFY(await<void>([&](auto done) { api().remove(made->id, done); }).ok());
}

// Another console (a client of its own) registers, edits and deletes a
// service: the list follows without a reload, the open detail is read
// again, and says so when its service is deleted.
void TestServicesPage::anotherConsolesChangesArriveLive()
{
    ServicesPage page;
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(openPage(page));
    QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 15000);
    const int before = page.model()->rowCount();
    client::ApiClient other;
    other.setBaseUrl(m_server.connection->baseUrl());
    auto login = await<client::LoginResult>(
        [&](auto done) { other.login(QStringLiteral("admin"), m_server.adminPassword, done); });
    QVERIFY(login.ok());
    client::NewService s;
    s.name = QStringLiteral("live-one");
    s.displayName = QStringLiteral("Live one");
    s.baseUrl = m_peer.url(QStringLiteral("/live"));
    s.endpoints = QJsonArray{QJsonObject{{"method", "GET"}, {"path", "/first"}}};
    auto made =
        await<client::ServiceInfo>([&](auto done) { client::ServicesApi(other).create(s, done); });
    if (!made.ok())
        QFAIL(qPrintable(made.error().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(rowNamed(page.model(), QStringLiteral("live-one")) >= 0, 15000);
    QCOMPARE(page.model()->rowCount(), before + 1);
    QVERIFY(page.select(made->id));
    QTRY_VERIFY_WITH_TIMEOUT(page.detail() && page.detail()->endpoints.size() == 1, 15000);

    // Edited there: the row and the open detail follow.
    QVERIFY(await<client::ServiceInfo>([&](auto done) {
                client::ServicesApi(other).update(made->id, {{"display_name", "Live one, renamed"}},
                                                  done);
            }).ok());
    const auto nameCell = [&] {
        const int row = rowNamed(page.model(), QStringLiteral("live-one"));
        return row < 0 ? QString()
                       : page.model()->index(row, ServiceListModel::NameColumn).data().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(nameCell(), QStringLiteral("Live one, renamed (live-one)"), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&page, "services.detailTitle")->text(),
                              QStringLiteral("Live one, renamed"), 15000);
    // An endpoint added there: the open detail lists it.
    QVERIFY(await<client::ServiceEndpoint>([&](auto done) {
                client::ServicesApi(other).addEndpoint(
                    made->id, {{"method", "POST"}, {"path", "/second"}}, done);
            }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(page.endpointList()->topLevelItemCount(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()
                                  ->index(rowNamed(page.model(), QStringLiteral("live-one")),
                                          ServiceListModel::EndpointsColumn)
                                  .data()
                                  .toString(),
                              QStringLiteral("2"), 15000);

    // Deleted there: the row goes, the detail says so.
    QVERIFY(
        await<void>([&](auto done) { client::ServicesApi(other).remove(made->id, done); }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(rowNamed(page.model(), QStringLiteral("live-one")), -1, 15000);
    QCOMPARE(page.model()->rowCount(), before);
    QCOMPARE(child<QLabel>(&page, "services.detailTitle")->text(),
             QStringLiteral("Service deleted"));
    QVERIFY(child<QLabel>(&page, "services.detailInfo")->text().contains("Live one, renamed"));
    QVERIFY(page.listStateText().contains(QStringLiteral("was deleted")));
}

void TestServicesPage::credentialRenamedElsewhereArrivesLive()
{
    // A service linked to a credential, shown in the list and the detail.
    client::ApiClient *mine = m_server.connection->client();
    auto token = await<client::CredentialInfo>([&](auto done) {
        client::CredentialsApi(*mine).create({QStringLiteral("Shop token"),
                                              {},
                                              QStringLiteral("http_bearer"),
                                              {},
                                              QJsonObject{{"token", "Shop-Token-1"}}},
                                             done);
    });
    QVERIFY(token.ok());
    client::NewService s;
    s.name = QStringLiteral("linked-shop");
    s.baseUrl = m_peer.url(QStringLiteral("/linked"));
    s.endpoints = QJsonArray{QJsonObject{{"method", "GET"}, {"path", "/pets"}}};
    s.credentialId = token->id;
    auto made = await<client::ServiceInfo>([&](auto done) { api().create(s, done); });
    if (!made.ok())
        QFAIL(qPrintable(made.error().toString()));
    ServicesPage page;
    QVERIFY(openPage(page));
    QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 15000);
    QVERIFY(page.select(made->id));
    auto *info = child<QLabel>(&page, "services.detailInfo");
    QTRY_VERIFY_WITH_TIMEOUT(info->text().contains(QStringLiteral("Credential: Shop token")),
                             15000);
    const auto credentialCell = [&] {
        const int row = rowNamed(page.model(), QStringLiteral("linked-shop"));
        return row < 0
                   ? QString()
                   : page.model()->index(row, ServiceListModel::CredentialColumn).data().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(credentialCell(), QStringLiteral("Shop token"), 15000);

    // Renamed in another console (credential_updated): the names are read
    // once, and the detail and the row show the new one.
    int credentialReads = 0;
    const QMetaObject::Connection counting =
        connect(mine, &client::ApiClient::requestSent, this,
                [&](const QByteArray &verb, const QString &path) {
                    if (verb == "GET" && path == QLatin1String("/api/v1/credentials"))
                        ++credentialReads;
                });
    client::ApiClient other;
    other.setBaseUrl(m_server.connection->baseUrl());
    auto login = await<client::LoginResult>(
        [&](auto done) { other.login(QStringLiteral("admin"), m_server.adminPassword, done); });
    QVERIFY(login.ok());
    QVERIFY(await<client::CredentialInfo>([&](auto done) {
                client::CredentialsApi(other).update(token->id, {{"name", "Shop token (renamed)"}},
                                                     done);
            }).ok());
    QTRY_VERIFY_WITH_TIMEOUT(
        info->text().contains(QStringLiteral("Credential: Shop token (renamed)")), 15000);
    QCOMPARE(credentialCell(), QStringLiteral("Shop token (renamed)"));
    QCOMPARE(credentialReads, 1);
    disconnect(counting);

    QVERIFY(await<void>([&](auto done) { api().remove(made->id, done); }).ok());
    QVERIFY(await<void>([&](auto done) {
                client::CredentialsApi(*mine).remove(token->id, done);
            }).ok());
}

void TestServicesPage::retranslates()
{
    ServicesPage page;
    QVERIFY(openPage(page));
    QCOMPARE(child<QLabel>(&page, "services.title")->text(), QStringLiteral("Services"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(child<QLabel>(&page, "services.title")->text(), QStringLiteral("服務"));
    QCOMPARE(child<QPushButton>(&page, "services.create")->text(), QStringLiteral("新增服務…"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(child<QLabel>(&page, "services.title")->text(), QStringLiteral("服务"));
    QCOMPARE(page.model()->headerData(ServiceListModel::EndpointsColumn, Qt::Horizontal).toString(),
             QStringLiteral("端点"));
}

void TestServicesPage::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots); ctest fails on a skip
    QVERIFY(QDir().mkpath(dir));
    ThemeManager themes;
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    const auto save = [&](QWidget *widget, const QString &name) {
        QApplication::processEvents();
        QVERIFY(widget->grab().save(dir + u'/' + name + QStringLiteral(".png")));
    };
    // Two services: the pet store (document v1, then refreshed to v2 so one
    // endpoint shows as removed) and one by hand.
    m_store.document = documentV1();
    client::NewService pets;
    pets.name = QStringLiteral("pet-store");
    pets.displayName = QStringLiteral("Pet store");
    pets.baseUrl = m_peer.url(QString());
    auto made = await<client::ServiceInfo>([&](auto done) { api().create(pets, done); });
    QVERIFY(made.ok());
    client::NewService legacy;
    legacy.name = QStringLiteral("billing-legacy");
    legacy.displayName = QStringLiteral("Billing (legacy)");
    legacy.baseUrl = QStringLiteral("http://billing.internal:8080/api");
    legacy.endpoints = QJsonArray{QJsonObject{{"method", "GET"}, {"path", "/invoices/{id}"}}};
    QVERIFY(await<client::ServiceInfo>([&](auto done) { api().create(legacy, done); }).ok());
    auto token = await<client::CredentialInfo>([&](auto done) {
        client::CredentialsApi(*m_server.connection->client())
            .create({QStringLiteral("Pet store token"),
                     {},
                     QStringLiteral("http_bearer"),
                     {},
                     QJsonObject{{"token", "Pet-Store-Token-1"}}},
                    done);
    });
    QVERIFY(token.ok());
    QVERIFY(await<client::ServiceInfo>([&](auto done) {
                api().update(made->id, {{"credential_id", token->id}}, done);
            }).ok());

    MainWindow::Options options;
    options.persistSettings = false;
    options.themes = &themes;
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        m_store.document = documentV1();
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.selectSection(QStringLiteral("services")));
        auto *page = window.findChild<ServicesPage *>(QStringLiteral("page.services"));
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->state(), ServiceListModel::State::Ready, 15000);
        QVERIFY(page->select(made->id));
        QTRY_VERIFY_WITH_TIMEOUT(page->detail(), 15000);
        QVERIFY(page->selectEndpoint(QStringLiteral("POST"), QStringLiteral("/pets")));
        save(&window, QStringLiteral("services-list-") + language);
        if (language == QLatin1String("en")) {
            themes.setMode(ThemeManager::Mode::Dark, ThemeManager::Persist::No);
            save(&window, QStringLiteral("services-list-en-dark"));
            themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
        }

        // The wizard's probe step.
        {
            ServiceWizard wizard(m_server.connection->client(), m_server.admin.role, &window);
            fillAndProbe(&wizard, QStringLiteral("pets-v1"), m_peer.url(QString()));
            child<QLineEdit>(&wizard, "services.wizard.displayName")
                ->setText(QStringLiteral("Pet store"));
            QVERIFY(waitProbe(&wizard));
            QVERIFY(QTest::qWaitForWindowExposed(&wizard));
            save(&wizard, QStringLiteral("services-wizard-probe-") + language);
            wizard.back();
            save(&wizard, QStringLiteral("services-wizard-details-") + language);
        }
        // The diff of a changed document.
        m_store.document = documentV2();
        {
            SchemaRefreshDialog dialog(m_server.connection->client(), *page->detail(),
                                       m_server.admin.role, &window);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && dialog.hasDiff(), 15000);
            save(&dialog, QStringLiteral("services-refresh-diff-") + language);
        }
        // The test dialog with an answer.
        {
            ServiceTestDialog dialog(m_server.connection->client(), *page->detail(),
                                     m_server.admin.role, &window);
            for (const client::ServiceEndpoint &e : page->detail()->endpoints) {
                if (e.method == QLatin1String("POST"))
                    QVERIFY(dialog.selectEndpoint(e.id));
            }
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            if (auto *key = qobject_cast<QLineEdit *>(dialog.parameterEditor(
                    QStringLiteral("header"), QStringLiteral("Idempotency-Key"))))
                key->setText(QStringLiteral("order-7731"));
            child<QPlainTextEdit>(&dialog, "services.test.body")
                ->setPlainText(QStringLiteral("{\n  \"name\": \"Kitty\",\n  \"tag\": \"cat\"\n}"));
            dialog.send();
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.isSending(), 15000);
            save(&dialog, QStringLiteral("services-test-call-") + language);
        }
        // The edit dialog, the server's refusal under the base URL.
        {
            ServiceEditDialog dialog(m_server.connection->client(), *page->detail(),
                                     m_server.admin.role, &window);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            auto *picker = child<ServiceCredentialPicker>(&dialog, "serviceEdit.credential");
            QTRY_VERIFY_WITH_TIMEOUT(!picker->isLoading(), 15000);
            child<QLineEdit>(&dialog, "serviceEdit.description")
                ->setText(QStringLiteral("Pets, orders and their owners"));
            child<QLineEdit>(&dialog, "serviceEdit.baseUrl")
                ->setText(m_peer.url(QStringLiteral("/v2?debug=1")));
            dialog.save();
            QTRY_VERIFY_WITH_TIMEOUT(
                !child<QLabel>(&dialog, "serviceEdit.baseUrlError")->isHidden(), 15000);
            save(&dialog, QStringLiteral("services-edit-") + language);
        }
        // Live: another console registers a service, this one shows it
        // selected, then the other deletes it.
        {
            client::ApiClient other;
            other.setBaseUrl(m_server.connection->baseUrl());
            QVERIFY(await<client::LoginResult>([&](auto done) {
                        other.login(QStringLiteral("admin"), m_server.adminPassword, done);
                    }).ok());
            QTRY_VERIFY_WITH_TIMEOUT(page->isLive(), 15000);
            client::NewService inventory;
            inventory.name = QStringLiteral("inventory");
            inventory.displayName = QStringLiteral("Inventory");
            inventory.baseUrl = QStringLiteral("http://inventory.internal:8080/api");
            inventory.endpoints =
                QJsonArray{QJsonObject{{"method", "GET"}, {"path", "/items/{sku}"}}};
            auto added = await<client::ServiceInfo>(
                [&](auto done) { client::ServicesApi(other).create(inventory, done); });
            QVERIFY(added.ok());
            QTRY_VERIFY_WITH_TIMEOUT(page->select(added->id), 15000);
            QTRY_VERIFY_WITH_TIMEOUT(page->detail(), 15000);
            QVERIFY(await<void>([&](auto done) {
                        client::ServicesApi(other).remove(added->id, done);
                    }).ok());
            QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowOf(added->id), -1, 15000);
            save(&window, QStringLiteral("services-live-deleted-") + language);
        }
    }
    m_store.document = documentV1();
}

QTEST_MAIN(TestServicesPage)
#include "TestServicesPage.moc"
