// The Components section (issue 13, item 6) against a real in-process
// server and a real component service (the reference component, a child
// process on loopback): the lazy list with built-ins and registered
// versions, the register form and its errors, the detail pane's ports and
// config schema, deprecating, the read-only view of a viewer; with
// HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves the section in en,
// zh_TW and zh_CN.

#include "../core/engine/TestHttpSupport.h"
#include "AdminTestSupport.h"
#include "MainWindow.h"
#include "canvas/ComponentPalette.h"
#include "canvas/FlowEditorWidget.h"
#include "client/ComponentsApi.h"
#include "client/FlowsApi.h"
#include "components/ComponentListModel.h"
#include "components/ComponentsPage.h"
#include "flows/FlowEditorPage.h"
#include "flows/FlowsPage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace admintest;
using namespace hm::app;

namespace {

const QString kPassword = QStringLiteral("Vi3wer!Secret");

QTreeWidgetItem *topItem(QTreeWidget *tree, const QString &text)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == text)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

// Every item's text under `item` (the palette's groups).
bool hasChildText(QTreeWidgetItem *item, const QString &text)
{
    for (int i = 0; item && i < item->childCount(); ++i) {
        if (item->child(i)->text(0) == text)
            return true;
    }
    return false;
}

QStringList childTexts(QTreeWidgetItem *item)
{
    QStringList texts;
    for (int i = 0; item && i < item->childCount(); ++i)
        texts << item->child(i)->text(0);
    return texts;
}

} // namespace

class TestComponentsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsAndRegisters();
    void detailShowsPortsAndSchema();
    void deprecateFromTheDetail();
    void anotherConsolesChangesArriveLive();
    void viewerCannotRegister();
    void screenshots();

private:
    AdminServer m_server;
    hm::test::ReferenceComponent m_component;
    QUrl m_url;
};

void TestComponentsPage::initTestCase()
{
    m_url = m_component.start();
    QVERIFY(!m_url.isEmpty());
    QVERIFY(m_server.start("TestComponentsPage"));
}

void TestComponentsPage::cleanupTestCase()
{
    m_server.stop();
}

void TestComponentsPage::listsAndRegisters()
{
    ComponentsPage page;
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Lazy: nothing is asked before a session.
    QCOMPARE(page.model()->state(), ComponentListModel::State::Idle);
    QVERIFY(!page.model()->canFetchMore({}));
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    QVERIFY(page.model()->rowOf(QStringLiteral("delay"), QStringLiteral("1.0.0")) >= 0);
    QCOMPARE(page.model()->rowOf(QStringLiteral("echo"), QStringLiteral("1.0.0")), -1);
    const int builtins = page.model()->rowCount();

    auto *endpoint = child<QLineEdit>(&page, "components.registerEndpoint");
    auto *name = child<QLineEdit>(&page, "components.registerName");
    auto *registerButton = child<QPushButton>(&page, "components.register");
    auto *message = child<QLabel>(&page, "components.registerMessage");
    QVERIFY(endpoint && name && registerButton && message);
    QVERIFY(!registerButton->isEnabled()); // nothing typed yet

    // A bad URL: the server's refusal in words, nothing added.
    endpoint->setText(QStringLiteral("ftp://example.com"));
    QVERIFY(registerButton->isEnabled());
    registerButton->click();
    QTRY_VERIFY2_WITH_TIMEOUT(message->text().contains(QLatin1String("http or https")),
                              qPrintable(message->text()), 15000);
    QVERIFY(!message->isHidden());
    QCOMPARE(page.model()->rowCount(), builtins);

    // A name the service does not serve.
    endpoint->setText(m_url.toString());
    name->setText(QStringLiteral("no-such"));
    registerButton->click();
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QLatin1String("\"no-such\"")), 15000);
    QCOMPARE(page.model()->rowCount(), builtins);

    // The real service: its seven components appear, the first selected.
    name->clear();
    registerButton->click();
    QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(QLatin1String("Registered 7")), 15000);
    QCOMPARE(page.model()->rowCount(), builtins + 7);
    QVERIFY(endpoint->text().isEmpty());
    const int echo = page.model()->rowOf(QStringLiteral("echo"), QStringLiteral("1.0.0"));
    QVERIFY(echo >= 0);
    QCOMPARE(page.model()->index(echo, ComponentListModel::HealthColumn).data().toString(),
             QStringLiteral("Healthy"));
    QCOMPARE(page.model()->index(echo, ComponentListModel::KindColumn).data().toString(),
             QStringLiteral("HTTP service"));

    // Registering the same again: already there, said so.
    endpoint->setText(m_url.toString());
    registerButton->click();
    QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(QLatin1String("Already registered")),
                             15000);

    // A reload reads the same from the server, in its order.
    page.reload();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    QCOMPARE(page.model()->rowCount(), builtins + 7);
}

void TestComponentsPage::detailShowsPortsAndSchema()
{
    ComponentsPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    auto *tree = child<QTreeWidget>(&page, "components.interface");
    auto *title = child<QLabel>(&page, "components.detailTitle");
    auto *info = child<QLabel>(&page, "components.detailInfo");

    QVERIFY(page.select(QStringLiteral("uppercase"), QStringLiteral("1.0.0")));
    QCOMPARE(title->text(), QStringLiteral("uppercase 1.0.0"));
    QVERIFY(info->text().contains(m_url.toString()));
    QTreeWidgetItem *inputs = topItem(tree, QStringLiteral("Inputs"));
    QVERIFY(inputs);
    QCOMPARE(childTexts(inputs), QStringList{QStringLiteral("text")});
    QCOMPARE(inputs->child(0)->text(1), QStringLiteral("string, required"));
    QCOMPARE(childTexts(topItem(tree, QStringLiteral("Outputs"))),
             QStringList{QStringLiteral("text")});

    // A built-in with a config schema: its keys as a tree.
    QVERIFY(page.select(QStringLiteral("delay"), QStringLiteral("1.0.0")));
    QTreeWidgetItem *config = topItem(tree, QStringLiteral("Configuration schema"));
    QVERIFY(config);
    QVERIFY2(childTexts(config).contains(QStringLiteral("properties")),
             qPrintable(childTexts(config).join(u',')));
    QVERIFY(info->text().contains(QLatin1String("Built in")));
    QVERIFY(!child<QPushButton>(&page, "components.deprecate")->isEnabled());
}

void TestComponentsPage::deprecateFromTheDetail()
{
    ComponentsPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    QVERIFY(page.select(QStringLiteral("echo"), QStringLiteral("1.0.0")));
    auto *deprecate = child<QPushButton>(&page, "components.deprecate");
    QVERIFY(deprecate->isEnabled());
    QCOMPARE(deprecate->text(), QStringLiteral("Deprecate"));
    auto *usage = child<QLabel>(&page, "components.usage");
    QTRY_COMPARE_WITH_TIMEOUT(usage->text(),
                              QStringLiteral("No flow you can see uses this version."), 15000);

    deprecate->click();
    const int row = page.model()->rowOf(QStringLiteral("echo"), QStringLiteral("1.0.0"));
    QTRY_COMPARE_WITH_TIMEOUT(
        page.model()->index(row, ComponentListModel::StatusColumn).data().toString(),
        QStringLiteral("Deprecated"), 15000);
    QTRY_COMPARE(deprecate->text(), QStringLiteral("Mark as active"));
    // The server agrees.
    auto listed = await<QList<hm::client::ComponentInfo>>(
        [&](auto done) { hm::client::ComponentsApi(*m_server.connection->client()).list(done); });
    QVERIFY(listed.ok());
    bool deprecated = false;
    for (const auto &c : listed.value())
        deprecated = deprecated || (c.name == QLatin1String("echo") && c.deprecated);
    QVERIFY(deprecated);

    deprecate->click();
    QTRY_COMPARE_WITH_TIMEOUT(
        page.model()->index(row, ComponentListModel::StatusColumn).data().toString(),
        QStringLiteral("Active"), 15000);
}

// Another console (a client of its own) deprecates and deletes versions:
// the Components list and the flow editor's palette follow without a
// reload, the palette keeping what the user collapsed.
void TestComponentsPage::anotherConsolesChangesArriveLive()
{
    ComponentsPage page;
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 15000);
    QVERIFY(page.select(QStringLiteral("echo"), QStringLiteral("1.0.0")));
    const int rows = page.model()->rowCount();

    // The flow editor, with a flow open, through the Flows section (its
    // event stream).
    QTemporaryDir autosave;
    FlowsPage::Options options;
    options.autosaveDirectory = autosave.path();
    FlowsPage flows(m_server.connection->client(), options);
    flows.resize(1200, 800);
    flows.show();
    flows.start();
    QTRY_VERIFY_WITH_TIMEOUT(flows.eventsConnected(), 15000);
    const QJsonObject definition{
        {"schemaVersion", 1},
        {"nodes", QJsonArray{QJsonObject{{"id", "start"},
                                         {"component", "noop"},
                                         {"version", "1.0.0"},
                                         {"position", QJsonObject{{"x", 0}, {"y", 0}}}}}},
        {"edges", QJsonArray{}}};
    auto flow = await<hm::client::FlowSummary>([&](auto done) {
        hm::client::FlowsApi(*m_server.connection->client())
            .create(hm::client::NewFlow{QStringLiteral("Live palette"), QString(), definition, {}},
                    done);
    });
    QVERIFY(flow.ok());
    flows.openFlow(flow->id);
    ComponentPalette *palette = flows.editorPage()->editor()->palette();
    QTreeWidget *list = palette->list();
    QTRY_VERIFY_WITH_TIMEOUT(
        hasChildText(topItem(list, QStringLiteral("Registered")), QStringLiteral("echo 1.0.0")),
        15000);
    // The user collapses the built-ins.
    topItem(list, QStringLiteral("Built-in"))->setExpanded(false);

    hm::client::ApiClient other;
    other.setBaseUrl(m_server.connection->baseUrl());
    auto login = await<hm::client::LoginResult>(
        [&](auto done) { other.login(QStringLiteral("admin"), m_server.adminPassword, done); });
    QVERIFY(login.ok());

    // Deprecated elsewhere: the row, the open detail and the palette follow.
    QVERIFY(await<hm::client::ComponentInfo>([&](auto done) {
                hm::client::ComponentsApi(other).setDeprecated(QStringLiteral("echo"),
                                                               QStringLiteral("1.0.0"), true, done);
            }).ok());
    const int echo = page.model()->rowOf(QStringLiteral("echo"), QStringLiteral("1.0.0"));
    QTRY_COMPARE_WITH_TIMEOUT(
        page.model()->index(echo, ComponentListModel::StatusColumn).data().toString(),
        QStringLiteral("Deprecated"), 15000);
    QTRY_COMPARE(child<QPushButton>(&page, "components.deprecate")->text(),
                 QStringLiteral("Mark as active"));
    QTRY_VERIFY_WITH_TIMEOUT(hasChildText(topItem(list, QStringLiteral("Registered")),
                                          QStringLiteral("echo 1.0.0 (deprecated)")),
                             15000);
    QVERIFY(!topItem(list, QStringLiteral("Built-in"))->isExpanded());
    QVERIFY(topItem(list, QStringLiteral("Registered"))->isExpanded());

    // Deleted elsewhere: listed as deleted, gone from the palette.
    auto removed = await<QJsonValue>([&](auto done) {
        other.call<QJsonValue>(
            hm::client::ApiRequest::del(QStringLiteral("/api/v1/components/uppercase/1.0.0")),
            [](const hm::client::ApiResponse &r) { return r.data; }, done);
    });
    QVERIFY(removed.ok());
    const int upper = page.model()->rowOf(QStringLiteral("uppercase"), QStringLiteral("1.0.0"));
    QVERIFY(upper >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        page.model()->index(upper, ComponentListModel::StatusColumn).data().toString(),
        QStringLiteral("Deleted"), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!hasChildText(topItem(list, QStringLiteral("Registered")),
                                           QStringLiteral("uppercase 1.0.0")),
                             15000);
    QCOMPARE(page.model()->rowCount(), rows); // updated in place, nothing reloaded

    // Active again, for the tests after this one.
    QVERIFY(await<hm::client::ComponentInfo>([&](auto done) {
                hm::client::ComponentsApi(other).setDeprecated(
                    QStringLiteral("echo"), QStringLiteral("1.0.0"), false, done);
            }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(
        page.model()->index(echo, ComponentListModel::StatusColumn).data().toString(),
        QStringLiteral("Active"), 15000);
}

void TestComponentsPage::viewerCannotRegister()
{
    const hm::client::UserInfo viewer =
        m_server.createUser(QStringLiteral("vera"), QStringLiteral("viewer"), kPassword);
    QVERIFY(!viewer.id.isEmpty());
    hm::client::UserInfo signedIn;
    auto client = m_server.signIn(QStringLiteral("vera"), kPassword, &signedIn);
    QVERIFY(client);
    ComponentsPage page;
    page.setSession(client.get(), signedIn);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    auto *registerButton = child<QPushButton>(&page, "components.register");
    auto *endpoint = child<QLineEdit>(&page, "components.registerEndpoint");
    QVERIFY(!endpoint->isEnabled());
    QVERIFY(!registerButton->isEnabled());
    QVERIFY(registerButton->toolTip().contains(QLatin1String("administrators")));
    QVERIFY(page.select(QStringLiteral("echo"), QStringLiteral("1.0.0")));
    QVERIFY(!child<QPushButton>(&page, "components.deprecate")->isEnabled());
}

void TestComponentsPage::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots)
    QVERIFY(QDir().mkpath(dir));
    // Run alone: the reference component's versions to show.
    auto registered = await<QList<hm::client::ComponentInfo>>([&](auto done) {
        hm::client::ComponentsApi(*m_server.connection->client())
            .registerEndpoint(m_url.toString(), {}, done);
    });
    Q_UNUSED(registered); // already there when run after the others
    MainWindow::Options options;
    options.persistSettings = false;
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.selectSection(QStringLiteral("components")));
        auto *page = window.findChild<ComponentsPage *>(QStringLiteral("page.components"));
        QVERIFY(page);
        page->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->state(), ComponentListModel::State::Ready, 15000);
        QVERIFY(page->select(QStringLiteral("fail"), QStringLiteral("1.0.0")));
        auto *usage = child<QLabel>(page, "components.usage");
        QTRY_VERIFY_WITH_TIMEOUT(!usage->text().endsWith(QLatin1String("...")) &&
                                     !usage->text().endsWith(QStringLiteral("…")) &&
                                     !usage->text().endsWith(QStringLiteral("……")),
                                 15000);
        QApplication::processEvents();
        QVERIFY(window.grab().save(dir + QStringLiteral("/components-") + language +
                                   QStringLiteral(".png")));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

QTEST_MAIN(TestComponentsPage)
#include "TestComponentsPage.moc"
