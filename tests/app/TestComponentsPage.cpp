// The Components section (issue 13, item 6) against a real in-process
// server and a real component service (the reference component, a child
// process on loopback): the lazy list with built-ins and registered
// versions, the register form and its errors, the detail pane's ports and
// config schema (its properties in the order written, without the
// propertyOrder that keeps it), deprecating, the name-level fields (display name,
// category, icon, description: shown in the list and the detail, given
// with a named registration, edited in the details dialog with the
// server's refusals shown there), the read-only view of a viewer; with
// HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves the section, its detail
// and the details dialog in en, zh_TW and zh_CN (and the list in the dark
// theme), and the task built-in's config schema.

#include "../core/engine/TestHttpSupport.h"
#include "AdminTestSupport.h"
#include "ColumnAlignmentSupport.h"
#include "canvas/ComponentPalette.h"
#include "canvas/FlowEditorWidget.h"
#include "client/ComponentsApi.h"
#include "client/FlowsApi.h"
#include "common/ComponentIcons.h"
#include "components/ComponentDetailsDialog.h"
#include "components/ComponentListModel.h"
#include "components/ComponentsPage.h"
#include "flows/FlowEditorPage.h"
#include "flows/FlowsPage.h"
#include "shell/MainWindow.h"
#include "widgets/ComponentIcon.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

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

// What the server now lists for a registered name (its first version).
hm::client::ComponentInfo storedComponent(hm::client::ApiClient &client, const QString &name)
{
    auto listed = await<QList<hm::client::ComponentInfo>>(
        [&](auto done) { hm::client::ComponentsApi(client).list(done); });
    for (const hm::client::ComponentInfo &c : listed.value())
        if (c.name == name && !c.builtin)
            return c;
    return {};
}

// The colours of an icon's pixels at 16 px, 2x: tells two icons apart.
QImage iconImage(const QIcon &icon)
{
    return icon.pixmap(QSize(16, 16), 2.0).toImage();
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
    void schemaShowsTheWrittenOrderWithoutItsKeyword();
    void deprecateFromTheDetail();
    void anotherConsolesChangesArriveLive();
    void registerGivesTheDetails();
    void detailsShownAndEdited();
    void badDetailsAnsweredInTheDialog();
    void badDetailsInTheUiLanguage();
    void viewerCannotRegister();
    void sortsByTheClickedColumn();
    void longTextKeepsTheListUsable();
    void screenshots();
    void aFailedReadShowsTheEmptyState();

private:
    AdminServer m_server;
    hm::test::ReferenceComponent m_component;
    hm::test::ReferenceComponent m_second; // a second endpoint of the same components
    QUrl m_url;
    QUrl m_secondUrl;
};

void TestComponentsPage::initTestCase()
{
    m_url = m_component.start();
    QVERIFY(!m_url.isEmpty());
    m_secondUrl = m_second.start();
    QVERIFY(!m_secondUrl.isEmpty());
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
    // Said again in another language (issue 34, item 13), and back.
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_VERIFY2(message->text().startsWith(QStringLiteral("已注册 7 个组件版本：")),
                 qPrintable(message->text()));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_VERIFY(message->text().startsWith(QLatin1String("Registered 7")));
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

// The server keeps a schema's written order as propertyOrder on each
// property (core/flow/SchemaOrder.h); the tree shows that order and not
// the keyword. The task built-in's config schema is written target, argv,
// shell, script, env, working_dir, timeout_s, and its target node_id,
// label, mode: neither alphabetical.
void TestComponentsPage::schemaShowsTheWrittenOrderWithoutItsKeyword()
{
    ComponentsPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    auto *tree = child<QTreeWidget>(&page, "components.interface");
    QVERIFY(page.select(QStringLiteral("task"), QStringLiteral("1.0.0")));
    QTreeWidgetItem *config = topItem(tree, QStringLiteral("Configuration schema"));
    QVERIFY(config);
    QCOMPARE(childTexts(config), (QStringList{QStringLiteral("properties"),
                                              QStringLiteral("required"), QStringLiteral("type")}));
    QTreeWidgetItem *properties = config->child(0);
    QCOMPARE(childTexts(properties),
             (QStringList{QStringLiteral("target"), QStringLiteral("argv"), QStringLiteral("shell"),
                          QStringLiteral("script"), QStringLiteral("env"),
                          QStringLiteral("working_dir"), QStringLiteral("timeout_s")}));
    QTreeWidgetItem *target = properties->child(0);
    QCOMPARE(childTexts(target),
             (QStringList{QStringLiteral("properties"), QStringLiteral("type")}));
    QCOMPARE(
        childTexts(target->child(0)),
        (QStringList{QStringLiteral("node_id"), QStringLiteral("label"), QStringLiteral("mode")}));
    // A property's own keywords (by name: QJsonObject keeps no other
    // order for them), and nothing the server added.
    QCOMPARE(childTexts(properties->child(6)),
             (QStringList{QStringLiteral("maximum"), QStringLiteral("minimum"),
                          QStringLiteral("type")}));
    int rows = 0;
    for (QTreeWidgetItemIterator it(tree); *it; ++it, ++rows)
        QVERIFY2((*it)->text(0) != QLatin1String("propertyOrder"),
                 qPrintable((*it)->parent() ? (*it)->parent()->text(0) : QString()));
    QVERIFY(rows > 20);
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

void TestComponentsPage::registerGivesTheDetails()
{
    ComponentsPage page;
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    auto *displayName = child<QLineEdit>(&page, "components.registerDisplayName");
    auto *category = child<QComboBox>(&page, "components.registerCategory");
    auto *icon = child<QComboBox>(&page, "components.registerIcon");
    auto *description = child<QLineEdit>(&page, "components.registerDescription");
    QVERIFY(displayName && category && icon && description);
    // They belong to one component: off until a name is typed.
    QVERIFY(!displayName->isEnabled());
    child<QLineEdit>(&page, "components.registerEndpoint")->setText(m_secondUrl.toString());
    child<QLineEdit>(&page, "components.registerName")->setText(QStringLiteral("uppercase"));
    QVERIFY(displayName->isEnabled() && icon->isEnabled());
    displayName->setText(QStringLiteral("Upper case"));
    category->setCurrentText(QStringLiteral("text"));
    icon->setCurrentIndex(icon->findData(QStringLiteral("code")));
    QVERIFY(icon->currentIndex() > 0);
    description->setText(QStringLiteral("Shouts what it gets"));
    child<QPushButton>(&page, "components.register")->click();
    auto *message = child<QLabel>(&page, "components.registerMessage");
    QTRY_VERIFY2_WITH_TIMEOUT(message->text().startsWith(QLatin1String("Registered 1")),
                              qPrintable(message->text()), 15000);
    QVERIFY(displayName->text().isEmpty());

    // The server stored them, and the list shows them.
    const hm::client::ComponentInfo stored =
        storedComponent(*m_server.connection->client(), QStringLiteral("uppercase"));
    QCOMPARE(stored.displayName, QStringLiteral("Upper case"));
    QCOMPARE(stored.category, QStringLiteral("text"));
    QCOMPARE(stored.icon, QStringLiteral("code"));
    QCOMPARE(stored.description, QStringLiteral("Shouts what it gets"));
    const int row = page.model()->rowOf(QStringLiteral("uppercase"), QStringLiteral("1.0.0"));
    QCOMPARE(page.model()->index(row, ComponentListModel::NameColumn).data().toString(),
             QStringLiteral("Upper case"));
    QCOMPARE(page.model()->index(row, ComponentListModel::CategoryColumn).data().toString(),
             QStringLiteral("text"));
}

void TestComponentsPage::detailsShownAndEdited()
{
    ComponentsPage page;
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    const int row = page.model()->rowOf(QStringLiteral("echo"), QStringLiteral("1.0.0"));
    QVERIFY(row >= 0);
    const QModelIndex name = page.model()->index(row, ComponentListModel::NameColumn);
    // Nothing set yet: the name, no category, the neutral box.
    QCOMPARE(name.data().toString(), QStringLiteral("echo"));
    QVERIFY(
        page.model()->index(row, ComponentListModel::CategoryColumn).data().toString().isEmpty());
    const QImage box = iconImage(name.data(Qt::DecorationRole).value<QIcon>());
    QVERIFY(!box.isNull());
    QCOMPARE(box.size(), QSize(32, 32)); // drawn for 2x, not scaled up
    QVERIFY(page.select(QStringLiteral("echo"), QStringLiteral("1.0.0")));
    auto *edit = child<QPushButton>(&page, "components.editDetails");
    QVERIFY(edit->isEnabled());

    bool filled = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("components.details"))
            return int(QDialog::Rejected);
        child<QLineEdit>(dialog, "components.details.displayName")
            ->setText(QStringLiteral("Echo back"));
        child<QComboBox>(dialog, "components.details.category")
            ->setCurrentText(QStringLiteral("testing"));
        auto *icon = child<QComboBox>(dialog, "components.details.icon");
        icon->setCurrentIndex(icon->findData(QStringLiteral("message")));
        child<QPlainTextEdit>(dialog, "components.details.description")
            ->setPlainText(QStringLiteral("Answers what it gets"));
        filled = true;
        child<QPushButton>(dialog, "components.details.save")->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        if (dialog->result() != QDialog::Accepted)
            qWarning("%s", qPrintable(child<QLabel>(dialog, "components.details.error")->text()));
        return dialog->result();
    });
    edit->click();
    QVERIFY(filled);

    // Shown at once: list, icon, detail.
    QCOMPARE(name.data().toString(), QStringLiteral("Echo back"));
    QCOMPARE(page.model()->index(row, ComponentListModel::CategoryColumn).data().toString(),
             QStringLiteral("testing"));
    QCOMPARE(name.data(ComponentListModel::IconNameRole).toString(), QStringLiteral("message"));
    QVERIFY(iconImage(name.data(Qt::DecorationRole).value<QIcon>()) != box);
    QCOMPARE(child<QLabel>(&page, "components.detailTitle")->text(),
             QStringLiteral("Echo back 1.0.0"));
    const QString info = child<QLabel>(&page, "components.detailInfo")->text();
    QVERIFY2(info.contains(QLatin1String("Answers what it gets")) &&
                 info.contains(QLatin1String("Category: testing")) &&
                 info.contains(QLatin1String("Component name: echo")),
             qPrintable(info));
    QVERIFY(child<QLabel>(&page, "components.detailIcon")->pixmap().isNull() == false);

    // Stored: a new page reads the same from the server.
    ComponentsPage again;
    again.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(again.model()->state(), ComponentListModel::State::Ready, 15000);
    const int reloaded = again.model()->rowOf(QStringLiteral("echo"), QStringLiteral("1.0.0"));
    QCOMPARE(again.model()->index(reloaded, ComponentListModel::NameColumn).data().toString(),
             QStringLiteral("Echo back"));
    QCOMPARE(again.model()->index(reloaded, ComponentListModel::CategoryColumn).data().toString(),
             QStringLiteral("testing"));
    const hm::client::ComponentInfo stored =
        storedComponent(*m_server.connection->client(), QStringLiteral("echo"));
    QCOMPARE(stored.description, QStringLiteral("Answers what it gets"));
    QCOMPARE(stored.icon, QStringLiteral("message"));
    // The categories known are offered in the dialog next time.
    QVERIFY(again.model()->categories().contains(QStringLiteral("testing")));
}

void TestComponentsPage::badDetailsAnsweredInTheDialog()
{
    ComponentsPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    QVERIFY(page.select(QStringLiteral("echo"), QStringLiteral("1.0.0")));
    const hm::client::ComponentInfo before =
        storedComponent(*m_server.connection->client(), QStringLiteral("echo"));
    QString error;
    bool stayedOpen = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        // Too long a description (the server allows 4,000 characters) and
        // a new display name beside it: neither is stored.
        child<QLineEdit>(dialog, "components.details.displayName")
            ->setText(QStringLiteral("Not stored"));
        child<QPlainTextEdit>(dialog, "components.details.description")
            ->setPlainText(QString(4001, u'x'));
        auto *label = child<QLabel>(dialog, "components.details.description.error");
        child<QPushButton>(dialog, "components.details.save")->click();
        (void)QTest::qWaitFor([label] { return !label->text().isEmpty(); }, 15000);
        error = label->text();
        stayedOpen = dialog->result() != QDialog::Accepted && !label->isHidden();
        return int(QDialog::Rejected);
    });
    child<QPushButton>(&page, "components.editDetails")->click();
    QVERIFY2(error.startsWith(QLatin1String("The server refused the description")),
             qPrintable(error));
    // The server's limit (details.max_length), in the UI language.
    QVERIFY2(error.endsWith(QLatin1String("at most 4,000 characters.")), qPrintable(error));
    QVERIFY(stayedOpen);
    const hm::client::ComponentInfo after =
        storedComponent(*m_server.connection->client(), QStringLiteral("echo"));
    QCOMPARE(after.displayName, before.displayName);
    QCOMPARE(after.description, before.description);
    const int row = page.model()->rowOf(QStringLiteral("echo"), QStringLiteral("1.0.0"));
    QCOMPARE(page.model()->index(row, ComponentListModel::NameColumn).data().toString(),
             before.title());
}

// The refusal stands under the field it is about, is said again in the
// language switched to while it shows (built from the error's details),
// and goes when that field changes.
void TestComponentsPage::badDetailsInTheUiLanguage()
{
    ComponentsPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    const hm::client::ComponentInfo echo =
        storedComponent(*m_server.connection->client(), QStringLiteral("echo"));
    QVERIFY(!echo.name.isEmpty());
    const auto restore = qScopeGuard([this] {
        m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No);
    });
    ComponentDetailsDialog dialog(m_server.connection->client(), echo, {});
    dialog.show();
    auto *description = child<QPlainTextEdit>(&dialog, "components.details.description");
    description->setPlainText(QString(4001, u'x'));
    auto *label = child<QLabel>(&dialog, "components.details.description.error");
    QVERIFY(label);
    child<QPushButton>(&dialog, "components.details.save")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!label->text().isEmpty(), 15000);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().startsWith(QLatin1String("The server refused the description")),
             qPrintable(label->text()));
    // Under its field: below the description, nothing on the line for
    // errors of no field.
    QVERIFY(label->mapTo(&dialog, QPoint(0, 0)).y() >
            description->mapTo(&dialog, QPoint(0, 0)).y());
    QVERIFY(child<QLabel>(&dialog, "components.details.error")->isHidden());

    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_VERIFY2(label->text().startsWith(QStringLiteral("服务器拒绝了说明：最多只能有 ")) &&
                     label->text().contains(QStringLiteral("4,000")),
                 qPrintable(label->text()));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_VERIFY2(label->text().contains(QStringLiteral("伺服器")), qPrintable(label->text()));
    // It has its field's width, so a message that fits it is one line (a
    // narrower label split "字元" over two lines).
    QTRY_COMPARE(label->width(), description->width());
    QVERIFY(label->fontMetrics().horizontalAdvance(label->text()) < label->contentsRect().width());
    QCOMPARE(label->height(), label->heightForWidth(label->width()));
    QVERIFY2(label->height() < 2 * label->fontMetrics().lineSpacing(),
             qPrintable(QString::number(label->height())));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_VERIFY(label->text().startsWith(QLatin1String("The server refused the description")));
    QVERIFY(label->isVisible());

    // Shortening the description answers it: the refusal goes.
    description->setFocus();
    QTest::keyClick(description, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(description, Qt::Key_Backspace);
    QCOMPARE(description->toPlainText().size(), 4000);
    QTRY_VERIFY(label->text().isEmpty() || label->isHidden());
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
    auto *edit = child<QPushButton>(&page, "components.editDetails");
    QVERIFY(!edit->isEnabled());
    QVERIFY(edit->toolTip().contains(QLatin1String("administrators")));
}

namespace {

// The view's rows, top to bottom: the component shown in each.
QList<const hm::client::ComponentInfo *> shownComponents(ComponentsPage &page)
{
    QList<const hm::client::ComponentInfo *> rows;
    ComponentSortModel *sorted = page.sortedModel();
    for (int row = 0; row < sorted->rowCount(); ++row)
        rows << sorted->component(sorted->index(row, 0));
    return rows;
}

int shownRowOf(ComponentsPage &page, const QString &name, const QString &version)
{
    const auto rows = shownComponents(page);
    for (int row = 0; row < rows.size(); ++row) {
        if (rows[row] && rows[row]->name == name && rows[row]->version == version)
            return row;
    }
    return -1;
}

void clickHeader(ComponentsPage &page, int column)
{
    QHeaderView *header = page.view()->horizontalHeader();
    const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                    header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
}

// The selected row's component (through the view's current index).
QString selectedKey(ComponentsPage &page)
{
    const QModelIndexList rows = page.view()->selectionModel()->selectedRows();
    if (rows.size() != 1 || rows.first() != page.view()->currentIndex().siblingAtColumn(0))
        return {};
    const hm::client::ComponentInfo *c = page.sortedModel()->component(rows.first());
    return c ? c->name + u' ' + c->version : QString();
}

} // namespace

// The list sorts by the clicked column (display name by default, falling
// back to the name), keeps the selected row selected across a re-sort and
// across another console's change that moves the row.
void TestComponentsPage::sortsByTheClickedColumn()
{
    hm::client::ApiClient &client = *m_server.connection->client();
    (void)await<QList<hm::client::ComponentInfo>>([&](auto done) {
        hm::client::ComponentsApi(client).registerEndpoint(m_url.toString(), {}, done);
    });
    // uppercase sorts before echo by display name though the server lists
    // it after.
    const auto details = [&](const QString &name, const QString &displayName,
                             const QString &category) {
        hm::client::ComponentDetails d;
        d.displayName = displayName;
        d.category = category;
        QVERIFY(await<QList<hm::client::ComponentInfo>>([&](auto done) {
                    hm::client::ComponentsApi(client).updateDetails(name, d, done);
                }).ok());
    };
    details(QStringLiteral("echo"), QStringLiteral("Echo back"), QStringLiteral("alpha tools"));
    details(QStringLiteral("uppercase"), QStringLiteral("Alpha upper"), QStringLiteral("text"));

    ComponentsPage page;
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sortedTester(page.sortedModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1200, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 15000);

    // Titles sit like their columns (they were centred), in the console's style.
    {
        ThemeManager themes;
        themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
        const QString unlike = admintest::headersUnlikeCells(page.view()->horizontalHeader(), 0);
        QVERIFY2(unlike.isEmpty(), qPrintable(unlike));
    }
    // By display name (else name), locale-aware, by default.
    QCOMPARE(page.view()->horizontalHeader()->sortIndicatorSection(),
             int(ComponentListModel::NameColumn));
    auto rows = shownComponents(page);
    QVERIFY(rows.size() > 3);
    for (int row = 1; row < rows.size(); ++row)
        QVERIFY2(QString::localeAwareCompare(rows[row - 1]->title(), rows[row]->title()) <= 0,
                 qPrintable(rows[row - 1]->title() + QStringLiteral(" > ") + rows[row]->title()));
    QVERIFY(shownRowOf(page, QStringLiteral("echo"), QStringLiteral("1.0.0")) >
            shownRowOf(page, QStringLiteral("uppercase"), QStringLiteral("1.0.0")));
    QVERIFY(shownRowOf(page, QStringLiteral("uppercase"), QStringLiteral("1.0.0")) >= 0);
    QVERIFY(page.model()->rowOf(QStringLiteral("echo"), QStringLiteral("1.0.0")) <
            page.model()->rowOf(QStringLiteral("uppercase"), QStringLiteral("1.0.0")));

    QVERIFY(page.select(QStringLiteral("echo"), QStringLiteral("1.0.0")));
    QCOMPARE(selectedKey(page), QStringLiteral("echo 1.0.0"));
    QCOMPARE(child<QLabel>(&page, "components.detailTitle")->text(),
             QStringLiteral("Echo back 1.0.0"));

    // A click on Category: by category, the uncategorised last; the
    // selection stays on echo, now at the top.
    clickHeader(page, ComponentListModel::CategoryColumn);
    QCOMPARE(page.view()->horizontalHeader()->sortIndicatorSection(),
             int(ComponentListModel::CategoryColumn));
    rows = shownComponents(page);
    QCOMPARE(rows.first()->category, QStringLiteral("alpha tools"));
    for (int row = 1; row < rows.size(); ++row) {
        const QString before = rows[row - 1]->category;
        const QString now = rows[row]->category;
        QVERIFY2(now.isEmpty() ||
                     (!before.isEmpty() && QString::localeAwareCompare(before, now) <= 0),
                 qPrintable(before + QStringLiteral(" / ") + now));
    }
    QCOMPARE(shownRowOf(page, QStringLiteral("echo"), QStringLiteral("1.0.0")), 0);
    QCOMPARE(selectedKey(page), QStringLiteral("echo 1.0.0"));
    QCOMPARE(page.view()->currentIndex().row(), 0);
    QCOMPARE(child<QLabel>(&page, "components.detailTitle")->text(),
             QStringLiteral("Echo back 1.0.0"));

    // By status: another console deprecates echo, its row moves after the
    // active ones and stays selected; the detail follows.
    clickHeader(page, ComponentListModel::StatusColumn);
    QCOMPARE(selectedKey(page), QStringLiteral("echo 1.0.0"));
    const int activeRow = shownRowOf(page, QStringLiteral("echo"), QStringLiteral("1.0.0"));
    hm::client::ApiClient other;
    other.setBaseUrl(m_server.connection->baseUrl());
    QVERIFY(await<hm::client::LoginResult>([&](auto done) {
                other.login(QStringLiteral("admin"), m_server.adminPassword, done);
            }).ok());
    QVERIFY(await<hm::client::ComponentInfo>([&](auto done) {
                hm::client::ComponentsApi(other).setDeprecated(QStringLiteral("echo"),
                                                               QStringLiteral("1.0.0"), true, done);
            }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(child<QPushButton>(&page, "components.deprecate")->text(),
                              QStringLiteral("Mark as active"), 15000);
    const int deprecatedRow = shownRowOf(page, QStringLiteral("echo"), QStringLiteral("1.0.0"));
    QVERIFY2(deprecatedRow > activeRow, qPrintable(QString::number(deprecatedRow)));
    rows = shownComponents(page);
    QCOMPARE(rows[deprecatedRow - 1]->status, QStringLiteral("active"));
    QCOMPARE(selectedKey(page), QStringLiteral("echo 1.0.0"));
    QCOMPARE(page.view()->currentIndex().row(), deprecatedRow);

    // Active again, for the tests after this one.
    QVERIFY(await<hm::client::ComponentInfo>([&](auto done) {
                hm::client::ComponentsApi(other).setDeprecated(
                    QStringLiteral("echo"), QStringLiteral("1.0.0"), false, done);
            }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(child<QPushButton>(&page, "components.deprecate")->text(),
                              QStringLiteral("Deprecate"), 15000);
    QCOMPARE(selectedKey(page), QStringLiteral("echo 1.0.0"));
}

// issue 34, item 9: a 255-character display name and a 600-character
// description without a space must not squeeze the list beside the detail:
// they are shortened and wrap inside the pane, whole in the tooltip.
void TestComponentsPage::longTextKeepsTheListUsable()
{
    hm::client::ApiClient &client = *m_server.connection->client();
    (void)await<QList<hm::client::ComponentInfo>>([&](auto done) {
        hm::client::ComponentsApi(client).registerEndpoint(m_url.toString(), {}, done);
    });
    const QString longName = QString(255, QLatin1Char('W'));
    const QString longDescription = QString(600, QLatin1Char('x'));
    const auto setDetails = [&](const QString &displayName, const QString &description) {
        hm::client::ComponentDetails d;
        d.displayName = displayName;
        d.description = description;
        return await<QList<hm::client::ComponentInfo>>([&](auto done) {
                   hm::client::ComponentsApi(client).updateDetails(QStringLiteral("fail"), d, done);
               })
            .ok();
    };
    QVERIFY(setDetails(longName, longDescription));

    ComponentsPage page;
    page.resize(1024, 640);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    auto *list = child<QTableView>(&page, "components.list");
    const int listWidthBefore = list->width();
    QVERIFY(page.select(QStringLiteral("fail"), QStringLiteral("1.0.0")));
    QCoreApplication::processEvents();

    // The list keeps its share of the width; the detail pane fits the page.
    QVERIFY2(
        list->width() >= listWidthBefore * 3 / 4 && list->width() > 300,
        qPrintable(QStringLiteral("list %1 px, was %2").arg(list->width()).arg(listWidthBefore)));
    auto *detail = child<QWidget>(&page, "components.detail");
    QVERIFY2(detail->geometry().right() <= page.width(),
             qPrintable(QStringLiteral("detail ends at %1").arg(detail->geometry().right())));
    // The actions stay on screen.
    auto *edit = child<QPushButton>(&page, "components.editDetails");
    QVERIFY(edit->isVisible());
    QVERIFY(edit->mapTo(&page, QPoint(edit->width(), edit->height())).x() <= page.width());

    // Shortened on screen, whole in the tooltips.
    auto *title = child<QLabel>(&page, "components.detailTitle");
    auto *info = child<QLabel>(&page, "components.detailInfo");
    QVERIFY(title->text().size() < 150);
    QVERIFY(info->text().size() < 1000);
    QVERIFY(title->text().contains(QChar(0x2026)));
    QCOMPARE(title->toolTip(), longName);
    QCOMPARE(info->toolTip(), longDescription);

    // Short text again: no tooltip, nothing cut.
    QVERIFY(setDetails(QStringLiteral("Always fails"), QStringLiteral("Fails on purpose.")));
    ComponentsPage again;
    again.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(again.model()->state(), ComponentListModel::State::Ready, 15000);
    QVERIFY(again.select(QStringLiteral("fail"), QStringLiteral("1.0.0")));
    title = child<QLabel>(&again, "components.detailTitle");
    info = child<QLabel>(&again, "components.detailInfo");
    QCOMPARE(title->text(), QStringLiteral("Always fails 1.0.0"));
    QVERIFY(title->toolTip().isEmpty());
    QVERIFY(info->toolTip().isEmpty());
    QVERIFY(info->text().contains(QStringLiteral("Fails on purpose.")));
}

void TestComponentsPage::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots); ctest fails on a skip
    QVERIFY(QDir().mkpath(dir));
    hm::client::ApiClient &client = *m_server.connection->client();
    // Run alone: the reference component's versions, and details on some.
    (void)await<QList<hm::client::ComponentInfo>>([&](auto done) {
        hm::client::ComponentsApi(client).registerEndpoint(m_url.toString(), {}, done);
    });
    const auto details = [&](const QString &name, const QString &displayName,
                             const QString &category, const QString &icon,
                             const QString &description) {
        hm::client::ComponentDetails d;
        d.displayName = displayName;
        d.category = category;
        d.icon = icon;
        d.description = description;
        QVERIFY(await<QList<hm::client::ComponentInfo>>([&](auto done) {
                    hm::client::ComponentsApi(client).updateDetails(name, d, done);
                }).ok());
    };
    details(QStringLiteral("echo"), QStringLiteral("Echo back"), QStringLiteral("testing"),
            QStringLiteral("message"), QStringLiteral("Answers with the text it was given."));
    details(QStringLiteral("uppercase"), QStringLiteral("Upper case"), QStringLiteral("text"),
            QStringLiteral("code"), QStringLiteral("Turns text into capital letters."));
    details(QStringLiteral("fail"), QStringLiteral("Always fails"), QStringLiteral("testing"),
            QStringLiteral("bell"),
            QStringLiteral("Fails every attempt, for retry and error-path tests."));

    ThemeManager themes;
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    const auto save = [&](QWidget *widget, const QString &name) {
        QApplication::processEvents();
        QVERIFY(widget->grab().save(dir + u'/' + name + QStringLiteral(".png")));
    };

    // Every icon at 16 and 24 px, drawn for a device pixel ratio of 2.
    {
        const QStringList names = hm::componentIconNames();
        QImage sheet(QSize(40 + 34 * int(names.size()), 64) * 2, QImage::Format_ARGB32);
        sheet.setDevicePixelRatio(2);
        sheet.fill(Qt::white);
        QPainter painter(&sheet);
        const QColor colour = ComponentIcon::colour(ThemeManager::palette(false));
        for (int i = 0; i < names.size(); ++i) {
            ComponentIcon::paint(painter, QRectF(20 + 34 * i, 6, 16, 16), names[i], colour);
            ComponentIcon::paint(painter, QRectF(16 + 34 * i, 30, 24, 24), names[i], colour);
        }
        painter.end();
        QVERIFY(sheet.save(dir + QStringLiteral("/components-icons@2x.png")));
    }

    MainWindow::Options options;
    options.persistSettings = false;
    options.themes = &themes;
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
        QVERIFY(page->select(QStringLiteral("echo"), QStringLiteral("1.0.0")));
        auto *usage = child<QLabel>(page, "components.usage");
        QTRY_VERIFY_WITH_TIMEOUT(!usage->text().endsWith(QLatin1String("...")) &&
                                     !usage->text().endsWith(QStringLiteral("…")) &&
                                     !usage->text().endsWith(QStringLiteral("……")),
                                 15000);
        save(&window, QStringLiteral("components-") + language);
        if (language == QLatin1String("en")) {
            themes.setMode(ThemeManager::Mode::Dark, ThemeManager::Persist::No);
            save(&window, QStringLiteral("components-en-dark"));
            themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
        }
        // The register form with a name (its details on).
        child<QLineEdit>(page, "components.registerEndpoint")
            ->setText(QStringLiteral("http://10.0.0.5:9000"));
        child<QLineEdit>(page, "components.registerName")->setText(QStringLiteral("image-resize"));
        save(child<QWidget>(page, "components.detail"),
             QStringLiteral("components-detail-") + language);
        // The details dialog, showing a refusal.
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            (void)QTest::qWaitForWindowExposed(dialog);
            save(dialog, QStringLiteral("components-details-dialog-") + language);
            child<QPlainTextEdit>(dialog, "components.details.description")
                ->setPlainText(QString(4001, u'x'));
            auto *label = child<QLabel>(dialog, "components.details.description.error");
            child<QPushButton>(dialog, "components.details.save")->click();
            (void)QTest::qWaitFor([label] { return !label->text().isEmpty(); }, 15000);
            save(dialog, QStringLiteral("components-details-dialog-error-") + language);
            return int(QDialog::Rejected);
        });
        child<QPushButton>(page, "components.editDetails")->click();
        save(&window, QStringLiteral("components-register-") + language);
        // A config schema: its properties in the order written (task).
        QVERIFY(page->select(QStringLiteral("task"), QStringLiteral("1.0.0")));
        QTRY_VERIFY_WITH_TIMEOUT(!usage->text().endsWith(QLatin1String("...")) &&
                                     !usage->text().endsWith(QStringLiteral("…")) &&
                                     !usage->text().endsWith(QStringLiteral("……")),
                                 15000);
        auto *interfaceTree = child<QTreeWidget>(page, "components.interface");
        // Inputs, Outputs, Configuration schema (their titles translated).
        QCOMPARE(interfaceTree->topLevelItemCount(), 3);
        interfaceTree->topLevelItem(1)->setExpanded(false);
        QTreeWidgetItem *config = interfaceTree->topLevelItem(2);
        QVERIFY(config->childCount() > 0);
        config->setExpanded(true);
        config->child(0)->setExpanded(true);
        config->child(0)->child(0)->setExpanded(true); // target, and its own properties
        if (config->child(0)->child(0)->childCount() > 0)
            config->child(0)->child(0)->child(0)->setExpanded(true);
        interfaceTree->scrollToItem(config, QAbstractItemView::PositionAtTop);
        save(child<QWidget>(page, "components.detail"),
             QStringLiteral("components-detail-schema-") + language);
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

// A server that does not answer: the shared empty state with Try Again
// instead of an empty table (issue 33, item 3).
void TestComponentsPage::aFailedReadShowsTheEmptyState()
{
    hm::client::ApiClient gone;
    gone.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    ComponentsPage page;
    page.show();
    page.setSession(&gone, m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Failed, 15000);
    auto *empty = page.findChild<QWidget *>(QStringLiteral("components.empty"));
    QVERIFY(empty && empty->isVisible());
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("components.emptyTitle"))->text(),
             QStringLiteral("The components cannot be shown"));
    // Said in the console's words, not Qt's English error string.
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("components.emptyText"))->text(),
             QStringLiteral("The server cannot be reached."));
    auto *retry = page.findChild<QPushButton *>(QStringLiteral("components.emptyAction"));
    QCOMPARE(retry->text(), QStringLiteral("&Try Again"));
    QVERIFY(!page.findChild<QLabel *>(QStringLiteral("components.state"))->isVisible());
    if (const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR"); !dir.isEmpty()) {
        page.resize(900, 560);
        for (const QString &language :
             {QStringLiteral("zh_TW"), QStringLiteral("zh_CN"), QStringLiteral("en")}) {
            QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
            const QString title = QCoreApplication::translate("hm::app::ComponentsPage",
                                                              "The components cannot be shown");
            QTRY_COMPARE(page.findChild<QLabel *>(QStringLiteral("components.emptyTitle"))->text(),
                         title);
            QTRY_VERIFY(retry->width() >= retry->sizeHint().width());
            QVERIFY(page.grab().save(dir + QStringLiteral("/components-failed-") + language +
                                     QStringLiteral(".png")));
        }
    }
    // Back on a server that answers: the list again.
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), ComponentListModel::State::Ready, 15000);
    QTRY_VERIFY(page.findChild<QTableView *>(QStringLiteral("components.list"))->isVisible());
    QVERIFY(!empty->isVisible());
}

QTEST_MAIN(TestComponentsPage)
#include "TestComponentsPage.moc"
