// The Alerts section (issue 35, item 3) against a real in-process server
// over loopback and a real agent connection (tests/server/AgentPeer): the
// empty states and their actions; a rule made through the dialog (its name
// following the condition, the label rule checked as typed, the server's
// stored values); an alert raised by the agent's report arriving live,
// resolved by hand, then found under "All alerts" with who resolved it;
// another console's rule changes arriving live; disable and delete through
// the confirmation seam; a viewer's actions off with the reason; a firing
// alert said in the window's status bar and opened from the notification;
// webhook channels made through their dialog (a generated secret that
// signs the test message a local receiver gets), tested (delivered, and a
// receiver's 500 said without its page), changed and deleted;
// maintenance windows planned through their dialog (checked as typed),
// another console's arriving live, one ended through the confirmation,
// and windows leaving the list as they end;
// the language switch. With HIVEMIND_SCREENSHOT_DIR set, `screenshots`
// saves the section and the rule dialog in en, zh_TW and zh_CN.

#include "../support/RecordingHttpPeer.h"
#include "AdminTestSupport.h"
#include "FieldCheckSupport.h"
#include "FleetAgentSupport.h"
#include "client/AlertsApi.h"
#include "client/EventHub.h"
#include "client/NodesApi.h"
#include "client/ProbesApi.h"
#include "crypto/Hmac.h"
#include "fleet/AlertChannelDialog.h"
#include "fleet/AlertChannelModel.h"
#include "fleet/AlertNotifier.h"
#include "fleet/AlertRecordModel.h"
#include "fleet/AlertRuleDialog.h"
#include "fleet/AlertRuleModel.h"
#include "fleet/AlertsPage.h"
#include "fleet/MaintenanceDialog.h"
#include "fleet/MaintenanceModel.h"
#include "shell/MainWindow.h"
#include "widgets/ClipboardGuard.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ThemeManager.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

using namespace hm::app;
using namespace hm::client;
using namespace admintest;

namespace {

const QString kViewerPassword = QStringLiteral("Viewer#Pass2026");

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

int ruleRow(const AlertRuleModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->rule(row)->name == name)
            return row;
    }
    return -1;
}

} // namespace

class TestAlertsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start("TestAlertsPage")); }
    void cleanup()
    {
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        DialogSeam::setNextHandler({});
        QVERIFY(
            m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    }
    void cleanupTestCase() { m_server.stop(); }
    void emptyStatesThenARuleThroughTheDialog();
    void alertArrivesLiveAndIsResolvedByHand();
    void anotherConsolesRulesArriveLive();
    void disableThenDeleteARule();
    void certificateRuleThroughTheDialog();
    void containerRuleThroughTheDialog();
    void containerRecordsNameTheirContainers();
    void reminderIntervalThroughTheDialog();
    void channelsThroughTheDialogAndTested();
    void channelDialogQuietUntilTouched();
    void channelDialogBlockedSaveAndRefusal();
    void typedSecretShownAndCopied();
    void ruleDialogQuietUntilTouched();
    void maintenanceDialogQuietUntilTouched();
    void maintenanceWindowsThroughTheDialog();
    void viewerSeesNoEnabledActions();
    void windowSaysAndOpensTheAlert();
    void retranslates();
    void screenshots();

private:
    AlertsApi api() { return AlertsApi(*m_server.connection->client()); }
    // A node whose agent is online; its id.
    QString onlineNode(const QString &name, hm::test::AgentPeer &agent)
    {
        auto made = await<EnrolledNode>([&](auto done) {
            NodesApi(*m_server.connection->client()).create(NewNode{name, {}, {}, 0}, done);
        });
        if (!made.ok())
            return {};
        return fleettest::bringOnline(m_server.connection->baseUrl(), made->enrolment.secret,
                                      made->node.id, agent)
                   ? made->node.id
                   : QString();
    }
    void deleteAllRules()
    {
        auto rules = await<QList<AlertRuleRow>>([&](auto done) { api().rules(done); });
        QVERIFY(rules.ok());
        for (const AlertRuleRow &rule : rules.value())
            QVERIFY(await<void>([&](auto done) { api().removeRule(rule.id, done); }).ok());
    }
    void signIn(AlertsPage &page)
    {
        page.setSession(m_server.connection->client(), m_server.admin);
        page.resize(1100, 600);
        page.show();
        QTRY_COMPARE_WITH_TIMEOUT(page.records()->state(), AlertRecordModel::State::Ready, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(page.rules()->state(), AlertRuleModel::State::Ready, 15000);
    }

    AdminServer m_server;
};

void TestAlertsPage::emptyStatesThenARuleThroughTheDialog()
{
    hm::test::AgentPeer agent;
    const QString nodeId = onlineNode(QStringLiteral("hot-01"), agent);
    QVERIFY(!nodeId.isEmpty());
    AlertsPage page;
    QAbstractItemModelTester records(page.records(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester rules(page.rules(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    signIn(page);
    // Nothing fired and no rule: both tabs say so, with the next step.
    QCOMPARE(child<QLabel>(&page, "alerts.emptyTitle")->text(),
             QStringLiteral("Nothing is firing"));
    QVERIFY(child<QLabel>(&page, "alerts.emptyText")->text().contains(QLatin1String("No rule")));
    // Nothing can fire without a rule: the empty list's action writes one.
    auto *firstRule = child<QPushButton>(&page, "alerts.emptyAction");
    QCOMPARE(firstRule->text(), QStringLiteral("New rule..."));
    QVERIFY(firstRule->isVisible() && firstRule->isEnabled());
    bool ruleDialogOpened = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        ruleDialogOpened = dialog->objectName() == QLatin1String("alerts.ruleDialog");
        return int(QDialog::Rejected);
    });
    firstRule->click();
    QVERIFY(ruleDialogOpened);
    auto *tabs = child<QTabWidget>(&page, "alerts.tabs");
    tabs->setCurrentIndex(1);
    QCOMPARE(child<QLabel>(&page, "alerts.rules.emptyTitle")->text(),
             QStringLiteral("No rules yet"));
    // The rule dialog offers the nodes the page has read.
    QTRY_COMPARE_WITH_TIMEOUT(page.rules()->nodeName(nodeId), QStringLiteral("hot-01"), 15000);
    auto *emptyAction = child<QPushButton>(&page, "alerts.rules.emptyAction");
    QCOMPARE(emptyAction->text(), QStringLiteral("New rule..."));
    QVERIFY(emptyAction->isEnabled());

    QString suggested;
    QString percentSuffix;
    bool labelRuleShown = false;
    bool thresholdOffForOffline = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("alerts.ruleDialog"))
            return int(QDialog::Rejected);
        dialog->show();
        auto *name = child<QLineEdit>(dialog, "alerts.rule.name");
        auto *type = child<QComboBox>(dialog, "alerts.rule.type");
        auto *threshold = child<QDoubleSpinBox>(dialog, "alerts.rule.threshold");
        auto *scope = child<QComboBox>(dialog, "alerts.rule.scope");
        auto *save = child<QPushButton>(dialog, "alerts.rule.save");
        type->setCurrentIndex(type->findData(QStringLiteral("offline")));
        thresholdOffForOffline = !threshold->isEnabled();
        type->setCurrentIndex(type->findData(QStringLiteral("cpu")));
        threshold->setValue(80);
        suggested = name->text();
        percentSuffix = threshold->suffix();
        // The label rule, checked as typed.
        scope->setCurrentIndex(2);
        child<QLineEdit>(dialog, "alerts.rule.label")->setText(QStringLiteral("bad label"));
        labelRuleShown =
            child<QLabel>(dialog, "alerts.rule.scopeError")->isVisible() && !save->isEnabled();
        // One node, for 2 minutes.
        scope->setCurrentIndex(1);
        auto *node = child<QComboBox>(dialog, "alerts.rule.node");
        node->setCurrentIndex(node->findData(nodeId));
        child<QSpinBox>(dialog, "alerts.rule.duration")->setValue(2);
        auto *unit = child<QComboBox>(dialog, "alerts.rule.durationUnit");
        unit->setCurrentIndex(unit->findData(60));
        save->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    emptyAction->click();
    QCOMPARE(suggested, QStringLiteral("CPU usage over 80.0%"));
    QCOMPARE(percentSuffix, QStringLiteral(" %"));
    QVERIFY(labelRuleShown);
    QVERIFY(thresholdOffForOffline);
    QCOMPARE(page.rules()->rowCount(), 1);
    const AlertRuleRow *made = page.rules()->rule(0);
    QCOMPARE(made->name, QStringLiteral("CPU usage over 80.0%"));
    QCOMPARE(made->threshold, 80.0);
    QCOMPARE(made->durationSeconds, 120);
    QCOMPARE(made->nodeId, nodeId);
    QVERIFY(made->enabled);
    QTRY_COMPARE(cell(page.rules(), 0, AlertRuleModel::ScopeColumn), QStringLiteral("hot-01"));
    QCOMPARE(cell(page.rules(), 0, AlertRuleModel::ConditionColumn), QStringLiteral("over 80.0%"));
    QCOMPARE(cell(page.rules(), 0, AlertRuleModel::DurationColumn), QStringLiteral("2 min"));
    QCOMPARE(cell(page.rules(), 0, AlertRuleModel::StateColumn), QStringLiteral("Enabled"));
    // The server stored it so.
    auto stored = await<QList<AlertRuleRow>>([&](auto done) { api().rules(done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().durationSeconds, 120);
    QCOMPARE(stored->first().nodeId, nodeId);
    QCOMPARE(page.listStateText(), QStringLiteral("1 rule"));

    // Edited: unchanged cannot be saved; the network threshold in MiB/s
    // reaches the server in bytes/s.
    bool unchangedCannotSave = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        dialog->show();
        auto *save = child<QPushButton>(dialog, "alerts.rule.save");
        unchangedCannotSave = !save->isEnabled();
        auto *type = child<QComboBox>(dialog, "alerts.rule.type");
        type->setCurrentIndex(type->findData(QStringLiteral("network")));
        child<QDoubleSpinBox>(dialog, "alerts.rule.threshold")->setValue(1.5);
        child<QLineEdit>(dialog, "alerts.rule.name")->setText(QStringLiteral("Traffic burst"));
        save->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QTableView>(&page, "alerts.rules")->selectRow(0);
    child<QPushButton>(&page, "alerts.editRule")->click();
    QVERIFY(unchangedCannotSave);
    QCOMPARE(page.rules()->rowCount(), 1);
    QCOMPARE(page.rules()->rule(0)->name, QStringLiteral("Traffic burst"));
    QCOMPARE(page.rules()->rule(0)->threshold, 1.5 * 1024 * 1024);
    QCOMPARE(cell(page.rules(), 0, AlertRuleModel::ConditionColumn),
             QStringLiteral("over 1.5 MiB/s"));
    deleteAllRules();
}

void TestAlertsPage::alertArrivesLiveAndIsResolvedByHand()
{
    hm::test::AgentPeer agent;
    const QString nodeId = onlineNode(QStringLiteral("busy-02"), agent);
    QVERIFY(!nodeId.isEmpty());
    AlertRuleChange cpu;
    cpu.name = QStringLiteral("CPU hot");
    cpu.type = QStringLiteral("cpu");
    cpu.threshold = 90;
    cpu.nodeId = nodeId;
    QVERIFY(await<AlertRuleRow>([&](auto done) { api().createRule(cpu, done); }).ok());

    AlertsPage page;
    QAbstractItemModelTester tester(page.records(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    signIn(page);
    QTRY_VERIFY(page.isLive());
    const int before = page.records()->rowCount();
    agent.send(hm::fleet::serialize(hm::test::AgentPeer::report(1, 97.0)));
    QTRY_COMPARE_WITH_TIMEOUT(page.records()->rowCount(), before + 1, 15000);
    AlertRecordModel *records = page.records();
    QCOMPARE(cell(records, 0, AlertRecordModel::StateColumn), QStringLiteral("Firing"));
    QCOMPARE(cell(records, 0, AlertRecordModel::RuleColumn), QStringLiteral("CPU hot"));
    QCOMPARE(cell(records, 0, AlertRecordModel::NodeColumn), QStringLiteral("busy-02"));
    QCOMPARE(cell(records, 0, AlertRecordModel::ValueColumn), QStringLiteral("97.0%"));
    QCOMPARE(cell(records, 0, AlertRecordModel::ConditionColumn), QStringLiteral("over 90.0%"));
    QVERIFY(page.listStateText().contains(QLatin1String("firing")));
    const QString recordId = records->record(0)->id;

    auto *resolve = child<QPushButton>(&page, "alerts.resolve");
    QVERIFY(!resolve->isEnabled());
    QCOMPARE(resolve->toolTip(), QStringLiteral("Select an alert first."));
    child<QTableView>(&page, "alerts.records")->selectRow(0);
    QVERIFY(resolve->isEnabled());
    resolve->click();
    // Only open alerts show: it leaves; under "All alerts" it is resolved,
    // by the administrator.
    QTRY_COMPARE_WITH_TIMEOUT(records->rowOf(recordId), -1, 15000);
    auto *show = child<QComboBox>(&page, "alerts.show");
    show->setCurrentIndex(1);
    QTRY_COMPARE_WITH_TIMEOUT(records->state(), AlertRecordModel::State::Ready, 15000);
    const int row = records->rowOf(recordId);
    QVERIFY(row >= 0);
    QCOMPARE(cell(records, row, AlertRecordModel::StateColumn), QStringLiteral("Resolved"));
    QVERIFY2(cell(records, row, AlertRecordModel::ResolvedColumn)
                 .endsWith(QLatin1String(", ") + m_server.admin.username),
             qPrintable(cell(records, row, AlertRecordModel::ResolvedColumn)));
    // A type filter without matches says so, and its action clears it.
    auto *type = child<QComboBox>(&page, "alerts.typeFilter");
    type->setCurrentIndex(type->findData(QStringLiteral("disk")));
    QTRY_COMPARE_WITH_TIMEOUT(records->state(), AlertRecordModel::State::Ready, 15000);
    QCOMPARE(records->rowCount(), 0);
    QCOMPARE(child<QLabel>(&page, "alerts.emptyTitle")->text(),
             QStringLiteral("No alert of this type"));
    child<QPushButton>(&page, "alerts.emptyAction")->click();
    QCOMPARE(type->currentIndex(), 0);
    QTRY_VERIFY(records->rowOf(recordId) >= 0);
    // openItem selects a record (a notification's).
    QVERIFY(page.openItem(recordId));
    QCOMPARE(child<QTableView>(&page, "alerts.records")->selectionModel()->selectedRows().size(),
             1);
    deleteAllRules();
}

void TestAlertsPage::anotherConsolesRulesArriveLive()
{
    AlertsPage page;
    QAbstractItemModelTester tester(page.rules(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    signIn(page);
    QTRY_VERIFY(page.isLive());
    QCOMPARE(page.rules()->rowCount(), 0);
    // The same server, another client (another console).
    AlertRuleChange disk;
    disk.name = QStringLiteral("Disk nearly full");
    disk.type = QStringLiteral("disk");
    disk.threshold = 95;
    disk.label = QStringLiteral("prod");
    auto made = await<AlertRuleRow>([&](auto done) { api().createRule(disk, done); });
    QVERIFY(made.ok());
    QTRY_COMPARE_WITH_TIMEOUT(page.rules()->rowCount(), 1, 15000);
    QCOMPARE(cell(page.rules(), 0, AlertRuleModel::ScopeColumn), QStringLiteral("Label: prod"));
    AlertRuleChange rename;
    rename.name = QStringLiteral("A disk rule");
    rename.enabled = false;
    QVERIFY(await<AlertRuleRow>([&](auto done) { api().updateRule(made->id, rename, done); }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(cell(page.rules(), 0, AlertRuleModel::NameColumn),
                              QStringLiteral("A disk rule"), 15000);
    QCOMPARE(cell(page.rules(), 0, AlertRuleModel::StateColumn), QStringLiteral("Disabled"));
    QVERIFY(await<void>([&](auto done) { api().removeRule(made->id, done); }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(page.rules()->rowCount(), 0, 15000);
}

void TestAlertsPage::disableThenDeleteARule()
{
    AlertRuleChange load;
    load.name = QStringLiteral("Load high");
    load.type = QStringLiteral("load");
    load.threshold = 4;
    QVERIFY(await<AlertRuleRow>([&](auto done) { api().createRule(load, done); }).ok());
    AlertsPage page;
    signIn(page);
    child<QTabWidget>(&page, "alerts.tabs")->setCurrentIndex(1);
    const int row = ruleRow(page.rules(), QStringLiteral("Load high"));
    QVERIFY(row >= 0);
    child<QTableView>(&page, "alerts.rules")->selectRow(row);
    auto *toggle = child<QPushButton>(&page, "alerts.toggleRule");
    QCOMPARE(toggle->text(), QStringLiteral("Disable"));
    toggle->click();
    QTRY_COMPARE_WITH_TIMEOUT(page.rules()->rule(row)->enabled, false, 15000);
    QCOMPARE(toggle->text(), QStringLiteral("Enable"));
    auto stored = await<QList<AlertRuleRow>>([&](auto done) { api().rules(done); });
    QVERIFY(!stored->first().enabled);

    // Delete asks first: "Cancel" keeps it.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    child<QPushButton>(&page, "alerts.deleteRule")->click();
    QCOMPARE(page.rules()->rowCount(), 1);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&page, "alerts.deleteRule")->click();
    QTRY_COMPARE_WITH_TIMEOUT(page.rules()->rowCount(), 0, 15000);
    stored = await<QList<AlertRuleRow>>([&](auto done) { api().rules(done); });
    QVERIFY(stored->isEmpty());
}

void TestAlertsPage::channelsThroughTheDialogAndTested()
{
    hm::test::RecordingPeer receiver;
    AlertsPage page;
    QAbstractItemModelTester tester(page.channels(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    signIn(page);
    QTRY_COMPARE_WITH_TIMEOUT(page.channels()->state(), AlertChannelModel::State::Ready, 15000);
    child<QTabWidget>(&page, "alerts.tabs")->setCurrentIndex(3);
    QCOMPARE(child<QLabel>(&page, "alerts.channels.emptyTitle")->text(),
             QStringLiteral("No channels yet"));
    QCOMPARE(child<QPushButton>(&page, "alerts.channels.emptyAction")->text(),
             QStringLiteral("New channel..."));
    QString secret;
    bool copyOffUntilShown = false;
    bool badUrlSaid = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("alerts.channelDialog"))
            return int(QDialog::Rejected);
        dialog->show();
        child<QLineEdit>(dialog, "alerts.channel.name")->setText(QStringLiteral("Ops chat"));
        child<QLineEdit>(dialog, "alerts.channel.url")->setText(QStringLiteral("ftp://x"));
        badUrlSaid = child<QLabel>(dialog, "alerts.channel.urlError")->isVisible();
        child<QLineEdit>(dialog, "alerts.channel.url")->setText(receiver.url("/hook"));
        copyOffUntilShown = !child<QPushButton>(dialog, "alerts.channel.copy")->isEnabled();
        child<QPushButton>(dialog, "alerts.channel.generate")->click();
        auto *field = child<QLineEdit>(dialog, "alerts.channel.secret");
        secret = field->text();
        copyOffUntilShown = copyOffUntilShown && field->echoMode() == QLineEdit::Normal &&
                            child<QPushButton>(dialog, "alerts.channel.copy")->isEnabled();
        child<QPushButton>(dialog, "alerts.channel.save")->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "alerts.channels.emptyAction")->click();
    QVERIFY(badUrlSaid);
    QVERIFY(copyOffUntilShown);
    QCOMPARE(secret.size(), 40);
    QCOMPARE(page.channels()->rowCount(), 1);
    QCOMPARE(cell(page.channels(), 0, AlertChannelModel::TargetColumn), receiver.url("/hook"));
    QVERIFY(page.channels()->channel(0)->secretSet);

    // Tested: delivered, signed with the secret typed (generated) above.
    auto *view = child<QTableView>(&page, "alerts.channels");
    view->selectRow(0);
    child<QPushButton>(&page, "alerts.testChannel")->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        page.listStateText().contains(QLatin1String("received the test message")), 15000);
    QCOMPARE(child<QLabel>(&page, "alerts.state")->property("tone").toString(),
             QStringLiteral("good"));
    QCOMPARE(receiver.requests().size(), 1);
    const hm::test::RecordedRequest &request = receiver.requests().first();
    QCOMPARE(
        request.headers.value("x-hivemind-signature"),
        QByteArrayLiteral("sha256=") +
            hm::crypto::hmacSha256(secret.toUtf8(), request.headers.value("x-hivemind-timestamp") +
                                                        '.' + request.body)
                .toHex());
    // A receiver's error: said in the server's words, never its page.
    receiver.setAnswer([](const hm::test::RecordedRequest &) -> hm::test::RecordingPeer::Reply {
        return {503, "maintenance page with internals", "text/plain"};
    });
    child<QPushButton>(&page, "alerts.testChannel")->click();
    QTRY_VERIFY_WITH_TIMEOUT(page.listStateText().contains(QLatin1String("failed: HTTP 503")),
                             15000);
    QVERIFY(!page.listStateText().contains(QLatin1String("maintenance")));
    QCOMPARE(child<QLabel>(&page, "alerts.state")->property("tone").toString(),
             QStringLiteral("bad"));
    // Said again after a language switch: our words in zh_TW, the
    // receiver's answer as it was.
    {
        const QString said = page.listStateText();
        const QString name = page.channels()->channel(0)->name;
        const QString prefix = QStringLiteral("The test message to \"%1\" failed: ").arg(name);
        QVERIFY2(said.startsWith(prefix) && said.endsWith(u'.'), qPrintable(said));
        const QString reason = said.mid(prefix.size()).chopped(1);
        QVERIFY(
            m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
        QTRY_COMPARE(page.listStateText(),
                     QCoreApplication::translate("hm::app::AlertsPage",
                                                 "The test message to \"%1\" failed: %2.")
                         .arg(name, reason));
        QVERIFY(page.listStateText() != said);
        QVERIFY(
            m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
        QTRY_COMPARE(page.listStateText(), said);
    }

    // Changed without touching the secret: it stays.
    bool unchangedCannotSave = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        dialog->show();
        auto *save = child<QPushButton>(dialog, "alerts.channel.save");
        unchangedCannotSave = !save->isEnabled();
        child<QLineEdit>(dialog, "alerts.channel.name")->setText(QStringLiteral("Ops pager"));
        save->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "alerts.editChannel")->click();
    QVERIFY(unchangedCannotSave);
    QCOMPARE(page.channels()->channel(0)->name, QStringLiteral("Ops pager"));
    auto stored = await<QList<AlertChannelRow>>([&](auto done) { api().channels(done); });
    QVERIFY(stored.ok());
    QVERIFY(stored->first().secretSet);
    QCOMPARE(stored->first().name, QStringLiteral("Ops pager"));

    // An e-mail channel: its own fields; a user name needs its password.
    bool passwordAsked = false;
    bool portFollowsTls = false;
    bool englishFirst = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        dialog->show();
        auto *type = child<QComboBox>(dialog, "alerts.channel.type");
        type->setCurrentIndex(type->findData(QStringLiteral("email")));
        child<QLineEdit>(dialog, "alerts.channel.name")->setText(QStringLiteral("Ops mail"));
        child<QLineEdit>(dialog, "alerts.channel.smtpHost")->setText(QStringLiteral("127.0.0.1"));
        auto *security = child<QComboBox>(dialog, "alerts.channel.security");
        security->setCurrentIndex(security->findData(QStringLiteral("tls")));
        portFollowsTls = child<QSpinBox>(dialog, "alerts.channel.smtpPort")->value() == 465;
        child<QLineEdit>(dialog, "alerts.channel.username")->setText(QStringLiteral("mailer"));
        child<QLineEdit>(dialog, "alerts.channel.from")->setText(QStringLiteral("alerts@x.test"));
        child<QLineEdit>(dialog, "alerts.channel.to")
            ->setText(QStringLiteral("ops@x.test, oncall@x.test"));
        auto *save = child<QPushButton>(dialog, "alerts.channel.save");
        passwordAsked = !save->isEnabled() &&
                        child<QLabel>(dialog, "alerts.channel.passwordError")->isVisible();
        child<QLineEdit>(dialog, "alerts.channel.password")->setText(QStringLiteral("mail-pass"));
        // The language its messages are written in: English unless chosen.
        auto *language = child<QComboBox>(dialog, "alerts.channel.language");
        englishFirst = language->count() == 3 && language->isVisible() &&
                       language->currentData().toString() == QLatin1String("en");
        language->setCurrentIndex(language->findData(QStringLiteral("zh-TW")));
        save->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "alerts.newChannel")->click();
    QVERIFY(passwordAsked);
    QVERIFY(portFollowsTls);
    QVERIFY(englishFirst);
    QCOMPARE(page.channels()->rowCount(), 2);
    const int mailRow = page.channels()->channel(0)->type == QLatin1String("email") ? 0 : 1;
    QCOMPARE(cell(page.channels(), mailRow, AlertChannelModel::TypeColumn),
             QStringLiteral("E-mail"));
    QCOMPARE(cell(page.channels(), mailRow, AlertChannelModel::TargetColumn),
             QStringLiteral("ops@x.test, oncall@x.test (through 127.0.0.1)"));
    QCOMPARE(page.channels()->channel(mailRow)->config.value("smtp_port").toInt(), 465);
    QCOMPARE(page.channels()->channel(mailRow)->config.value("language").toString(),
             QStringLiteral("zh-TW"));
    QVERIFY(page.channels()->channel(mailRow)->secretSet);
    view->selectRow(mailRow);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&page, "alerts.deleteChannel")->click();
    QTRY_COMPARE_WITH_TIMEOUT(page.channels()->rowCount(), 1, 15000);

    // Deleted after the confirmation.
    view->selectRow(0);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&page, "alerts.deleteChannel")->click();
    QTRY_COMPARE_WITH_TIMEOUT(page.channels()->rowCount(), 0, 15000);
    stored = await<QList<AlertChannelRow>>([&](auto done) { api().channels(done); });
    QVERIFY(stored->isEmpty());
}

void TestAlertsPage::certificateRuleThroughTheDialog()
{
    // A probe to watch (issue 35, "Probes").
    ProbesApi probes(*m_server.connection->client());
    ProbeChange site;
    site.id = QStringLiteral("shop");
    site.name = QStringLiteral("Shop");
    site.kind = QStringLiteral("http");
    site.target = QStringLiteral("https://shop.example.com/");
    QVERIFY(await<ProbeRow>([&](auto done) { probes.create(site, done); }).ok());
    AlertsPage page;
    signIn(page);

    bool probeHiddenForCpu = false;
    bool probeShownWithItsProbe = false;
    bool noThresholdForProbe = false;
    QString daysSuffix;
    double daysMaximum = 0;
    QString suggested;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("alerts.ruleDialog"))
            return int(QDialog::Rejected);
        dialog->show();
        auto *type = child<QComboBox>(dialog, "alerts.rule.type");
        auto *probe = child<QComboBox>(dialog, "alerts.rule.probe");
        auto *threshold = child<QDoubleSpinBox>(dialog, "alerts.rule.threshold");
        type->setCurrentIndex(type->findData(QStringLiteral("cpu")));
        probeHiddenForCpu = !probe->isVisible();
        type->setCurrentIndex(type->findData(QStringLiteral("probe")));
        (void)QTest::qWaitFor([probe] { return probe->findData(QStringLiteral("shop")) >= 0; },
                              15000);
        probeShownWithItsProbe =
            probe->isVisible() && probe->currentData().toString() == QLatin1String("shop");
        noThresholdForProbe = !threshold->isEnabled();
        type->setCurrentIndex(type->findData(QStringLiteral("certificate")));
        daysSuffix = threshold->suffix();
        daysMaximum = threshold->maximum();
        threshold->setValue(14);
        suggested = child<QLineEdit>(dialog, "alerts.rule.name")->text();
        child<QPushButton>(dialog, "alerts.rule.save")->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "alerts.newRule")->click();
    QVERIFY(probeHiddenForCpu);
    QVERIFY(probeShownWithItsProbe);
    QVERIFY(noThresholdForProbe);
    QCOMPARE(daysSuffix, QStringLiteral(" days"));
    QCOMPARE(daysMaximum, 3650.0);
    QCOMPARE(suggested, QStringLiteral("Certificate of Shop (shop) under 14 days"));
    QTRY_COMPARE_WITH_TIMEOUT(page.rules()->rowCount(), 1, 15000);
    QCOMPARE(cell(page.rules(), 0, AlertRuleModel::TypeColumn),
             QStringLiteral("Certificate expiry"));
    // The condition names the probe (as the Probes tab has it).
    QTRY_COMPARE_WITH_TIMEOUT(cell(page.rules(), 0, AlertRuleModel::ConditionColumn),
                              QStringLiteral("Shop: certificate under 14 days"), 15000);
    QCOMPARE(cell(page.rules(), 0, AlertRuleModel::RenotifyColumn), QStringLiteral("Never"));
    // The server stored it so.
    auto stored = await<QList<AlertRuleRow>>([&](auto done) { api().rules(done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().type, QStringLiteral("certificate"));
    QCOMPARE(stored->first().threshold, 14.0);
    QCOMPARE(stored->first().probeId, QStringLiteral("shop"));
    deleteAllRules();
    QVERIFY(await<void>([&](auto done) { probes.remove(QStringLiteral("shop"), done); }).ok());
}

void TestAlertsPage::containerRuleThroughTheDialog()
{
    AlertsPage page;
    signIn(page);

    bool containerHiddenForCpu = false;
    bool containerShown = false;
    bool noThreshold = false;
    bool saveWaitsForAName = false;
    QString refusal;
    QString suggested;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("alerts.ruleDialog"))
            return int(QDialog::Rejected);
        dialog->show();
        auto *type = child<QComboBox>(dialog, "alerts.rule.type");
        auto *container = child<QLineEdit>(dialog, "alerts.rule.container");
        auto *save = child<QPushButton>(dialog, "alerts.rule.save");
        containerHiddenForCpu = !container->isVisible();
        type->setCurrentIndex(type->findData(QStringLiteral("container_down")));
        containerShown = container->isVisible();
        noThreshold = !child<QDoubleSpinBox>(dialog, "alerts.rule.threshold")->isEnabled();
        saveWaitsForAName = !save->isEnabled();
        // The server's refusal shows under the field.
        container->setText(QStringLiteral("web/1"));
        save->click();
        (void)QTest::qWaitFor(
            [dialog] {
                return !child<QLabel>(dialog, "alerts.rule.containerError")->text().isEmpty();
            },
            15000);
        refusal = child<QLabel>(dialog, "alerts.rule.containerError")->text();
        container->setText(QStringLiteral("shop-*"));
        suggested = child<QLineEdit>(dialog, "alerts.rule.name")->text();
        save->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "alerts.newRule")->click();
    QVERIFY(containerHiddenForCpu);
    QVERIFY(containerShown);
    QVERIFY(noThreshold);
    QVERIFY(saveWaitsForAName);
    QVERIFY2(refusal.contains(QStringLiteral("container")), qPrintable(refusal));
    QCOMPARE(suggested, QStringLiteral("shop-* not running"));
    QTRY_COMPARE_WITH_TIMEOUT(page.rules()->rowCount(), 1, 15000);
    QCOMPARE(cell(page.rules(), 0, AlertRuleModel::TypeColumn), QStringLiteral("Container down"));
    QCOMPARE(cell(page.rules(), 0, AlertRuleModel::ConditionColumn),
             QStringLiteral("shop-* not running"));
    auto stored = await<QList<AlertRuleRow>>([&](auto done) { api().rules(done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().type, QStringLiteral("container_down"));
    QCOMPARE(stored->first().container, QStringLiteral("shop-*"));
    QCOMPARE(stored->first().threshold, 0.5);
    deleteAllRules();
}

void TestAlertsPage::reminderIntervalThroughTheDialog()
{
    AlertsPage page;
    signIn(page);
    // A new rule reminds every 4 hours.
    QStringList offered;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("alerts.ruleDialog"))
            return int(QDialog::Rejected);
        dialog->show();
        auto *remind = child<QComboBox>(dialog, "alerts.rule.renotify");
        for (int i = 0; i < remind->count(); ++i)
            offered << remind->itemText(i);
        remind->setCurrentIndex(remind->findData(qint64(4 * 3600)));
        child<QPushButton>(dialog, "alerts.rule.save")->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "alerts.newRule")->click();
    QCOMPARE(offered, (QStringList{QStringLiteral("Never"), QStringLiteral("Every 15 min"),
                                   QStringLiteral("Every 1 h"), QStringLiteral("Every 4 h"),
                                   QStringLiteral("Every 12 h"), QStringLiteral("Every 1 day"),
                                   QStringLiteral("Every 7 days")}));
    QTRY_COMPARE_WITH_TIMEOUT(page.rules()->rowCount(), 1, 15000);
    QCOMPARE(cell(page.rules(), 0, AlertRuleModel::RenotifyColumn), QStringLiteral("Every 4 h"));
    auto stored = await<QList<AlertRuleRow>>([&](auto done) { api().rules(done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().renotifySeconds, 4 * 3600);

    // Another console sets 90 minutes, which the dialog does not offer: the
    // list shows it, the dialog keeps it as its own choice, and Never
    // turns reminders off.
    AlertRuleChange other;
    other.renotifySeconds = 90 * 60;
    const QString id = stored->first().id;
    QVERIFY(await<AlertRuleRow>([&](auto done) { api().updateRule(id, other, done); }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(cell(page.rules(), 0, AlertRuleModel::RenotifyColumn),
                              QStringLiteral("Every 1 h 30 min"), 15000);
    QString shown;
    bool unchangedCannotSave = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        dialog->show();
        auto *remind = child<QComboBox>(dialog, "alerts.rule.renotify");
        shown = remind->currentText();
        auto *save = child<QPushButton>(dialog, "alerts.rule.save");
        unchangedCannotSave = !save->isEnabled();
        remind->setCurrentIndex(remind->findData(qint64(0)));
        save->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QTableView>(&page, "alerts.rules")->selectRow(0);
    child<QPushButton>(&page, "alerts.editRule")->click();
    QCOMPARE(shown, QStringLiteral("Every 1 h 30 min"));
    QVERIFY(unchangedCannotSave);
    QTRY_COMPARE(cell(page.rules(), 0, AlertRuleModel::RenotifyColumn), QStringLiteral("Never"));
    stored = await<QList<AlertRuleRow>>([&](auto done) { api().rules(done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored->first().renotifySeconds, 0);
    deleteAllRules();
}

void TestAlertsPage::channelDialogQuietUntilTouched()
{
    AlertChannelDialog dialog(m_server.connection->client());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *name = child<QLineEdit>(&dialog, "alerts.channel.name");
    auto *nameError = child<QLabel>(&dialog, "alerts.channel.nameError");
    auto *url = child<QLineEdit>(&dialog, "alerts.channel.url");
    // A new form does not open scolding: nothing was typed yet.
    QVERIFY(nameError->text().isEmpty());
    QVERIFY(!child<QPushButton>(&dialog, "alerts.channel.save")->isEnabled());
    const int urlAt = url->mapTo(&dialog, QPoint()).y();
    // Typed and taken back: now it says so, and the fields below stay put.
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral("x"));
    QTest::keyClick(name, Qt::Key_Backspace);
    QCOMPARE(nameError->text(), QStringLiteral("A channel needs a name."));
    QVERIFY(nameError->isVisible());
    QApplication::processEvents();
    QCOMPARE(url->mapTo(&dialog, QPoint()).y(), urlAt);
    QTest::keyClicks(name, QStringLiteral("Ops"));
    QVERIFY(nameError->text().isEmpty());
    QApplication::processEvents();
    QCOMPARE(url->mapTo(&dialog, QPoint()).y(), urlAt);
    // A field only passed through counts as touched too.
    auto *urlError = child<QLabel>(&dialog, "alerts.channel.urlError");
    url->setFocus();
    QTest::keyClicks(url, QStringLiteral("ftp://x"));
    QVERIFY(urlError->text().contains(QLatin1String("https://")));
}

// The rule dialog opened without a word; a name taken back says it is
// needed, a Save refused says everything.
void TestAlertsPage::ruleDialogQuietUntilTouched()
{
    AlertRuleDialog dialog(m_server.connection->client(), {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *save = child<QPushButton>(&dialog, "alerts.rule.save");
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    // A valid form (its suggested name, every node) can be saved.
    QVERIFY(save->isEnabled());
    auto *name = child<QLineEdit>(&dialog, "alerts.rule.name");
    name->setFocus();
    name->selectAll();
    QTest::keyClick(name, Qt::Key_Delete);
    QVERIFY(!save->isEnabled());
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"alerts.rule.nameError"});
    QCOMPARE(child<QLabel>(&dialog, "alerts.rule.nameError")->text(),
             QStringLiteral("A rule needs a name."));
    QTest::keyClicks(name, QStringLiteral("Busy CPU"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(save->isEnabled());

    // A container rule needs its container: said when Save is pressed
    // before the field was touched.
    auto *type = child<QComboBox>(&dialog, "alerts.rule.type");
    const int containers = type->findData(QStringLiteral("container_down"));
    QVERIFY(containers >= 0);
    type->setCurrentIndex(containers);
    QVERIFY(!save->isEnabled());
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"alerts.rule.containerError"});
    QVERIFY(dialog.isVisible());
}

// The maintenance dialog opens with an empty name: not said until the
// name was touched or Plan (or Enter) was pressed.
void TestAlertsPage::maintenanceDialogQuietUntilTouched()
{
    for (const bool byEnter : {false, true}) {
        MaintenanceDialog dialog(m_server.connection->client(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *save = child<QPushButton>(&dialog, "alerts.maintenance.save");
        auto *name = child<QLineEdit>(&dialog, "alerts.maintenance.name");
        QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
        QVERIFY(!save->isEnabled());
        if (byEnter) {
            name->setFocus();
            QTest::keyClick(name, Qt::Key_Return);
        } else {
            QTest::mouseClick(save, Qt::LeftButton);
        }
        QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"alerts.maintenance.nameError"});
        QVERIFY(dialog.isVisible());
        QTest::keyClicks(name, QStringLiteral("Kernel upgrade"));
        QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
        QVERIFY(save->isEnabled());
    }
    // A bad value typed into an untouched form: said at once.
    MaintenanceDialog dialog(m_server.connection->client(), {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(child<QLineEdit>(&dialog, "alerts.maintenance.name"), QStringLiteral("x"));
    auto *ends = child<QDateTimeEdit>(&dialog, "alerts.maintenance.ends");
    auto *length = child<QComboBox>(&dialog, "alerts.maintenance.length");
    length->setCurrentIndex(length->findData(qint64(0))); // until a time
    ends->setDateTime(
        child<QDateTimeEdit>(&dialog, "alerts.maintenance.starts")->dateTime().addSecs(-3600));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"alerts.maintenance.endsError"});
    QVERIFY(!child<QPushButton>(&dialog, "alerts.maintenance.save")->isEnabled());
}

// Save pressed on the unfinished form did nothing, without a word (the
// empty URL and secret had no message at all); and the server's refusal of
// the URL went as soon as another field changed. Now a blocked Save says
// everything the form lacks, for each type, and a refusal stays at its
// field until that field changes.
void TestAlertsPage::channelDialogBlockedSaveAndRefusal()
{
    AlertChannelDialog dialog(m_server.connection->client());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *save = child<QPushButton>(&dialog, "alerts.channel.save");
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(!save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(hm::test::shownFieldErrors(&dialog),
             (QStringList{"alerts.channel.nameError", "alerts.channel.secretError",
                          "alerts.channel.urlError"}));
    QVERIFY(dialog.isVisible());

    // E-mail, by Enter: its own required fields.
    AlertChannelDialog email(m_server.connection->client());
    email.show();
    QVERIFY(QTest::qWaitForWindowExposed(&email));
    auto *type = child<QComboBox>(&email, "alerts.channel.type");
    type->setCurrentIndex(type->findData(QStringLiteral("email")));
    QCOMPARE(hm::test::shownFieldErrors(&email), QStringList());
    auto *host = child<QLineEdit>(&email, "alerts.channel.smtpHost");
    host->setFocus();
    QTest::keyClick(host, Qt::Key_Return);
    QCOMPARE(hm::test::shownFieldErrors(&email),
             (QStringList{"alerts.channel.fromError", "alerts.channel.nameError",
                          "alerts.channel.smtpHostError", "alerts.channel.toError"}));
    QCOMPARE(child<QLabel>(&email, "alerts.channel.smtpHostError")->text(),
             QStringLiteral("The SMTP server's host name."));

    // The server refuses a URL that carries a password (the form cannot
    // tell): said at the URL, and kept while other fields change or the
    // URL is only passed through.
    auto *url = child<QLineEdit>(&dialog, "alerts.channel.url");
    auto *urlError = child<QLabel>(&dialog, "alerts.channel.urlError");
    auto *name = child<QLineEdit>(&dialog, "alerts.channel.name");
    name->setText(QStringLiteral("Refused"));
    url->setText(QStringLiteral("https://ops:pw@hooks.example.com/hivemind"));
    child<QPushButton>(&dialog, "alerts.channel.generate")->click();
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(save->isEnabled());
    save->click();
    QTRY_VERIFY_WITH_TIMEOUT(urlError->text().contains(QLatin1String("password")), 15000);
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"alerts.channel.urlError"});
    const QString refusal = urlError->text();
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral(" hook"));
    url->setFocus();
    name->setFocus();
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"alerts.channel.urlError"});
    QCOMPARE(urlError->text(), refusal);
    // Answered by changing the URL.
    url->setText(QStringLiteral("https://hooks.example.com/hivemind"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(dialog.isVisible());
}

void TestAlertsPage::typedSecretShownAndCopied()
{
    ClipboardGuard::setClearDelayMs(300);
    AlertChannelDialog dialog(m_server.connection->client());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *secret = child<QLineEdit>(&dialog, "alerts.channel.secret");
    auto *copy = child<QPushButton>(&dialog, "alerts.channel.copy");
    auto *reveal = child<QPushButton>(&dialog, "alerts.channel.reveal");
    QVERIFY(!copy->isEnabled());
    const QString typed = QStringLiteral("typed-secret-0123456789");
    secret->setFocus();
    QTest::keyClicks(secret, typed);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    // Shown on demand, so it can be read and selected.
    QVERIFY(reveal->isEnabled());
    reveal->click();
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    secret->selectAll();
    QCOMPARE(secret->selectedText(), typed);
    // Copied through the guard: on the clipboard, then taken off again.
    QVERIFY(copy->isEnabled());
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), typed);
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);
    reveal->click();
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    // A generated one is shown at once and copied the same way.
    child<QPushButton>(&dialog, "alerts.channel.generate")->click();
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    QVERIFY(reveal->isChecked());
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), secret->text());
    ClipboardGuard::setClearDelayMs(30000);
}

void TestAlertsPage::maintenanceWindowsThroughTheDialog()
{
    AlertsPage page;
    QAbstractItemModelTester tester(page.maintenance(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    signIn(page);
    QTRY_COMPARE_WITH_TIMEOUT(page.maintenance()->state(), MaintenanceModel::State::Ready, 15000);
    auto *tabs = child<QTabWidget>(&page, "alerts.tabs");
    tabs->setCurrentIndex(2);
    QCOMPARE(tabs->tabText(2), QStringLiteral("Maintenance"));
    QCOMPARE(child<QLabel>(&page, "alerts.maintenance.emptyTitle")->text(),
             QStringLiteral("No maintenance planned"));
    auto *emptyAction = child<QPushButton>(&page, "alerts.maintenance.emptyAction");
    QCOMPARE(emptyAction->text(), QStringLiteral("Plan maintenance"));
    QVERIFY(emptyAction->isEnabled());

    bool unnamedRefused = false;
    bool backwardsRefused = false;
    QString backwardsError;
    bool endFollowsLength = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("alerts.maintenanceDialog"))
            return int(QDialog::Rejected);
        dialog->show();
        auto *save = child<QPushButton>(dialog, "alerts.maintenance.save");
        unnamedRefused = !save->isEnabled() &&
                         child<QLabel>(dialog, "alerts.maintenance.nameError")->isVisible();
        child<QLineEdit>(dialog, "alerts.maintenance.name")
            ->setText(QStringLiteral("Kernel upgrade"));
        auto *length = child<QComboBox>(dialog, "alerts.maintenance.length");
        auto *starts = child<QDateTimeEdit>(dialog, "alerts.maintenance.starts");
        auto *ends = child<QDateTimeEdit>(dialog, "alerts.maintenance.ends");
        // "Until" a time typed, before the start: refused as typed.
        length->setCurrentIndex(length->findData(0));
        ends->setDateTime(starts->dateTime().addSecs(-3600));
        auto *endsError = child<QLabel>(dialog, "alerts.maintenance.endsError");
        backwardsRefused = !save->isEnabled() && endsError->isVisible();
        backwardsError = endsError->text();
        // Two hours from now.
        length->setCurrentIndex(length->findData(2 * 3600));
        endFollowsLength =
            !ends->isEnabled() && starts->dateTime().secsTo(ends->dateTime()) == 2 * 3600;
        auto *scope = child<QComboBox>(dialog, "alerts.maintenance.scope");
        scope->setCurrentIndex(2);
        child<QLineEdit>(dialog, "alerts.maintenance.label")->setText(QStringLiteral("web"));
        save->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    emptyAction->click();
    QVERIFY(unnamedRefused);
    QVERIFY(backwardsRefused);
    QCOMPARE(backwardsError, QStringLiteral("The window must end after it starts."));
    QVERIFY(endFollowsLength);
    MaintenanceModel *windows = page.maintenance();
    QCOMPARE(windows->rowCount(), 1);
    QCOMPARE(windows->window(0)->name, QStringLiteral("Kernel upgrade"));
    QCOMPARE(windows->window(0)->label, QStringLiteral("web"));
    QCOMPARE(cell(windows, 0, MaintenanceModel::StateColumn), QStringLiteral("In progress"));
    QCOMPARE(cell(windows, 0, MaintenanceModel::ScopeColumn), QStringLiteral("Label: web"));
    // The server has it so.
    auto stored =
        await<QList<MaintenanceWindowRow>>([&](auto done) { api().maintenanceWindows(done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().label, QStringLiteral("web"));
    const qint64 length = stored->first().startsAt.secsTo(stored->first().endsAt);
    QVERIFY2(length > 2 * 3600 - 90 && length <= 2 * 3600, qPrintable(QString::number(length)));

    // Another console plans one for tomorrow: it arrives live, after the
    // current one (the soonest first).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    MaintenanceWindowChange planned;
    planned.name = QStringLiteral("Disk swap");
    planned.startsAt = now.addSecs(24 * 3600);
    planned.endsAt = now.addSecs(26 * 3600);
    QVERIFY(await<MaintenanceWindowRow>([&](auto done) {
                api().createMaintenanceWindow(planned, done);
            }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(windows->rowCount(), 2, 15000);
    QCOMPARE(windows->window(1)->name, QStringLiteral("Disk swap"));
    QCOMPARE(cell(windows, 1, MaintenanceModel::StateColumn), QStringLiteral("Planned"));
    QCOMPARE(cell(windows, 1, MaintenanceModel::ScopeColumn), QStringLiteral("All nodes"));
    QCOMPARE(page.listStateText(), QStringLiteral("2 maintenance windows, 1 in progress"));

    // The current one ended by hand, through the confirmation.
    auto *view = child<QTableView>(&page, "alerts.maintenance");
    view->selectRow(0);
    auto *end = child<QPushButton>(&page, "alerts.endMaintenance");
    QVERIFY(end->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    end->click();
    QCOMPARE(windows->rowCount(), 2);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    end->click();
    QTRY_COMPARE_WITH_TIMEOUT(windows->rowCount(), 1, 15000);
    QCOMPARE(windows->window(0)->name, QStringLiteral("Disk swap"));
    stored = await<QList<MaintenanceWindowRow>>([&](auto done) { api().maintenanceWindows(done); });
    QCOMPARE(stored->size(), 1);

    // Time passes: the planned window starts, then ends and leaves.
    windows->setClock([now] { return now.addSecs(25 * 3600); });
    windows->prune();
    QCOMPARE(cell(windows, 0, MaintenanceModel::StateColumn), QStringLiteral("In progress"));
    windows->setClock([now] { return now.addSecs(27 * 3600); });
    windows->prune();
    QCOMPARE(windows->rowCount(), 0);
    QTRY_COMPARE(child<QLabel>(&page, "alerts.maintenance.emptyTitle")->text(),
                 QStringLiteral("No maintenance planned"));
    windows->setClock({});
    QVERIFY(
        await<void>([&](auto done) { api().endMaintenanceWindow(stored->first().id, done); }).ok());
}

void TestAlertsPage::viewerSeesNoEnabledActions()
{
    AlertRuleChange mem;
    mem.name = QStringLiteral("Memory");
    mem.type = QStringLiteral("memory");
    mem.threshold = 90;
    QVERIFY(await<AlertRuleRow>([&](auto done) { api().createRule(mem, done); }).ok());
    UserInfo viewer =
        m_server.createUser(QStringLiteral("vivi"), QStringLiteral("viewer"), kViewerPassword);
    QVERIFY(!viewer.id.isEmpty());
    auto client = m_server.signIn(QStringLiteral("vivi"), kViewerPassword, &viewer);
    QVERIFY(client);
    AlertsPage page;
    page.setSession(client.get(), viewer);
    QTRY_COMPARE_WITH_TIMEOUT(page.rules()->state(), AlertRuleModel::State::Ready, 15000);
    QCOMPARE(page.rules()->rowCount(), 1); // viewers read
    child<QTableView>(&page, "alerts.rules")->selectRow(0);
    for (const char *name :
         {"alerts.newRule", "alerts.editRule", "alerts.toggleRule", "alerts.deleteRule",
          "alerts.newMaintenance", "alerts.endMaintenance"}) {
        auto *button = child<QPushButton>(&page, name);
        QVERIFY2(!button->isEnabled(), name);
        QVERIFY2(button->toolTip().contains(QLatin1String("administrator")),
                 qPrintable(button->toolTip()));
    }
    auto *resolve = child<QPushButton>(&page, "alerts.resolve");
    QVERIFY(!resolve->isEnabled());
    QVERIFY2(resolve->toolTip().contains(QLatin1String("viewer"), Qt::CaseInsensitive),
             qPrintable(resolve->toolTip()));
    // Channels are not a viewer's to see: the tab says so.
    child<QTabWidget>(&page, "alerts.tabs")->setCurrentIndex(3);
    QCOMPARE(child<QLabel>(&page, "alerts.channels.emptyTitle")->text(),
             QStringLiteral("Channels are for administrators"));
    QVERIFY(!child<QPushButton>(&page, "alerts.newChannel")->isEnabled());
    deleteAllRules();
}

void TestAlertsPage::windowSaysAndOpensTheAlert()
{
    hm::test::AgentPeer agent;
    const QString nodeId = onlineNode(QStringLiteral("loud-03"), agent);
    QVERIFY(!nodeId.isEmpty());
    AlertRuleChange cpu;
    cpu.name = QStringLiteral("CPU burning");
    cpu.type = QStringLiteral("cpu");
    cpu.threshold = 50;
    cpu.nodeId = nodeId;
    QVERIFY(await<AlertRuleRow>([&](auto done) { api().createRule(cpu, done); }).ok());
    MainWindow::Options options;
    options.persistSettings = false;
    MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *page = window.findChild<AlertsPage *>(QStringLiteral("page.alerts"));
    QVERIFY(page);
    page->notifier()->setShow({}); // no tray here: the status bar says it
    QTRY_VERIFY(
        hm::client::EventHub::of(m_server.connection->client())->isSubscribed(page->notifier()));
    QVERIFY(window.selectSection(QStringLiteral("dashboard")));
    agent.send(hm::fleet::serialize(hm::test::AgentPeer::report(1, 75.0)));
    auto *notice = window.statusBar()->findChild<QLabel *>(QStringLiteral("status.notice"));
    auto *connection = window.statusBar()->findChild<QLabel *>(QStringLiteral("connectionStatus"));
    QVERIFY(notice);
    QVERIFY(connection);
    QTRY_VERIFY_WITH_TIMEOUT(notice->toolTip().contains(QLatin1String("Alert: CPU burning")),
                             15000);
    QVERIFY(notice->toolTip().contains(QLatin1String("loud-03")));
    QVERIFY(notice->isVisible());
    // Beside the connection state, which stays in view (QStatusBar's own
    // message hid it while an alert was shown).
    QVERIFY(connection->isVisible());
    QVERIFY(!connection->text().isEmpty());
    QVERIFY(window.statusBar()->currentMessage().isEmpty());
    // The notification clicked: the Alerts section with the record selected.
    QTRY_COMPARE_WITH_TIMEOUT(page->records()->state(), AlertRecordModel::State::Ready, 15000);
    QTRY_VERIFY(page->records()->rowCount() > 0);
    const QString recordId = page->records()->record(0)->id;
    emit page->notifier()->recordClicked(recordId);
    QCOMPARE(window.currentSection(), QStringLiteral("alerts"));
    auto *view = child<QTableView>(page, "alerts.records");
    QTRY_COMPARE(view->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(page->records()->record(view->selectionModel()->selectedRows().first().row())->id,
             recordId);
    // How many alerts fire is said under the list, not again in the status
    // bar, which keeps to the connection, the user and long work
    // (console.md, "Window").
    auto *sectionStatus = window.statusBar()->findChild<QLabel *>(QStringLiteral("sectionStatus"));
    QVERIFY(sectionStatus);
    QTRY_VERIFY(page->listStateText().contains(QLatin1String("firing")));
    QVERIFY(child<QLabel>(page, "alerts.state")->isVisible());
    child<QComboBox>(page, "alerts.show")->setCurrentIndex(1);
    QTRY_VERIFY(page->listStateText().contains(QLatin1String("shown")));
    QVERIFY(!sectionStatus->isVisible());
    QVERIFY(sectionStatus->text().isEmpty());
    for (const char *section : {"vpn", "credentials", "services", "alerts"}) {
        QVERIFY(window.selectSection(QLatin1String(section)));
        QVERIFY2(!sectionStatus->isVisible(), section);
    }
    deleteAllRules();
}

// A container_down record names the containers: as the value's tooltip,
// in the line under the list when selected, in the notification; the
// first ten by name and how many more.
void TestAlertsPage::containerRecordsNameTheirContainers()
{
    hm::test::AgentPeer agent;
    const QString nodeId = onlineNode(QStringLiteral("apps-01"), agent);
    QVERIFY(!nodeId.isEmpty());
    AlertRuleChange down;
    down.name = QStringLiteral("Apps down");
    down.type = QStringLiteral("container_down");
    down.container = QStringLiteral("*");
    down.durationSeconds = 0;
    down.nodeId = nodeId;
    QVERIFY(await<AlertRuleRow>([&](auto done) { api().createRule(down, done); }).ok());

    AlertsPage page;
    signIn(page);
    QTRY_VERIFY(page.isLive());
    QTRY_COMPARE_WITH_TIMEOUT(page.records()->state(), AlertRecordModel::State::Ready, 15000);
    QLabel *detail = page.recordDetail();
    QVERIFY(!detail->isVisible());
    auto report = hm::test::AgentPeer::report(1, 10.0);
    report.containers = QList<hm::fleet::ContainerState>{{QStringLiteral("web"), false},
                                                         {QStringLiteral("api"), true},
                                                         {QStringLiteral("db"), false}};
    agent.send(hm::fleet::serialize(report));
    AlertRecordModel *records = page.records();
    QTRY_VERIFY_WITH_TIMEOUT(records->rowCount() > 0 &&
                                 records->record(0)->type == QLatin1String("container_down"),
                             15000);
    QCOMPARE(records->record(0)->containers, (QStringList{"db", "web"}));
    QCOMPARE(cell(records, 0, AlertRecordModel::ValueColumn), QStringLiteral("2 containers"));
    QCOMPARE(
        records->data(records->index(0, AlertRecordModel::ValueColumn), Qt::ToolTipRole).toString(),
        QStringLiteral("db, web"));
    child<QTableView>(&page, "alerts.records")->selectRow(0);
    QTRY_VERIFY(detail->isVisible());
    QCOMPARE(detail->text(), QStringLiteral("Containers down on apps-01: db, web"));

    // Twelve down on another node: ten named, two more counted; a read of
    // the list again (not the live event) says the same.
    hm::test::AgentPeer crowded;
    const QString crowdedId = onlineNode(QStringLiteral("apps-02"), crowded);
    QVERIFY(!crowdedId.isEmpty());
    down.nodeId = crowdedId;
    QVERIFY(await<AlertRuleRow>([&](auto done) { api().createRule(down, done); }).ok());
    auto many = hm::test::AgentPeer::report(1, 10.0);
    many.containers = QList<hm::fleet::ContainerState>{};
    for (int i = 1; i <= 12; ++i)
        many.containers->append({QStringLiteral("c%1").arg(i, 2, 10, QLatin1Char('0')), false});
    crowded.send(hm::fleet::serialize(many));
    QTRY_VERIFY_WITH_TIMEOUT(records->rowCount() > 0 && records->record(0)->nodeId == crowdedId,
                             15000);
    page.reload();
    QTRY_COMPARE_WITH_TIMEOUT(records->state(), AlertRecordModel::State::Ready, 15000);
    QCOMPARE(records->record(0)->nodeId, crowdedId);
    const AlertRecordRow *record = records->record(0);
    QCOMPARE(record->containers.size(), 10);
    QCOMPARE(record->containersMore, 2);
    child<QTableView>(&page, "alerts.records")->selectRow(0);
    QTRY_COMPARE(detail->text(),
                 QStringLiteral("Containers down on apps-02: c01, c02, c03, c04, c05, c06, c07, "
                                "c08, c09, c10 and 2 more"));
    // The notification names them too.
    QJsonObject alert{{"node_name", "apps-01"}, {"type", "container_down"},
                      {"status", "active"},     {"current_value", 2},
                      {"threshold", 0},         {"containers", QJsonArray{"db", "web"}},
                      {"containers_more", 0}};
    QCOMPARE(AlertNotifier::messageOf(alert), QStringLiteral("apps-01: 2 containers (db, web)."));
    // Resolved by the rules: back to normal; resolved by someone: says who,
    // since the node may still be over its threshold.
    QJsonObject resolved{{QStringLiteral("status"), QStringLiteral("resolved")},
                         {QStringLiteral("node_name"), QStringLiteral("apps-01")},
                         {QStringLiteral("type"), QStringLiteral("cpu")}};
    QCOMPARE(AlertNotifier::messageOf(resolved), QStringLiteral("apps-01 is back to normal."));
    resolved.insert(QStringLiteral("resolved_by"), QStringLiteral("u-1"));
    resolved.insert(QStringLiteral("resolved_by_name"), QStringLiteral("alice"));
    QCOMPARE(AlertNotifier::messageOf(resolved), QStringLiteral("apps-01: resolved by alice."));
    deleteAllRules();
}

void TestAlertsPage::retranslates()
{
    AlertsPage page;
    signIn(page);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(child<QLabel>(&page, "alerts.title")->text(), QStringLiteral("告警"));
    QCOMPARE(child<QTabWidget>(&page, "alerts.tabs")->tabText(1), QStringLiteral("規則"));
    QCOMPARE(page.records()->headerData(AlertRecordModel::NodeColumn, Qt::Horizontal).toString(),
             QStringLiteral("節點"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(child<QTabWidget>(&page, "alerts.tabs")->tabText(1), QStringLiteral("规则"));
    QCOMPARE(child<QPushButton>(&page, "alerts.newRule")->text(), QStringLiteral("新建规则…"));
}

void TestAlertsPage::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    // -1 when the server refuses (after the other slots, the admin's
    // api_rate_limit), which the QTRYs below then report.
    const auto recordCount = [&]() -> qsizetype {
        const auto page = await<Page<AlertRecordRow>>([&](auto done) { api().records({}, done); });
        return page ? page->items.size() : -1;
    };
    if (recordCount() != 0)
        QSKIP("the shots need a server where nothing fired yet: run `TestAlertsPage screenshots` "
              "on its own");
    deleteAllRules();
    {
        // Before anything fired: the empty Alerts and Rules tabs (with no
        // record yet: run on its own, `TestAlertsPage screenshots`).
        ThemeManager themes;
        themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
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
            QVERIFY(window.selectSection(QStringLiteral("alerts")));
            auto *page = window.findChild<AlertsPage *>(QStringLiteral("page.alerts"));
            page->notifier()->setShow({});
            QTRY_COMPARE_WITH_TIMEOUT(page->rules()->state(), AlertRuleModel::State::Ready, 15000);
            QTRY_COMPARE_WITH_TIMEOUT(page->records()->state(), AlertRecordModel::State::Ready,
                                      15000);
            QApplication::processEvents();
            QVERIFY(window.grab().save(dir + QStringLiteral("/alerts-empty-") + language +
                                       QStringLiteral(".png")));
            child<QTabWidget>(page, "alerts.tabs")->setCurrentIndex(1);
            QApplication::processEvents();
            QVERIFY(window.grab().save(dir + QStringLiteral("/alerts-rules-empty-") + language +
                                       QStringLiteral(".png")));
            child<QTabWidget>(page, "alerts.tabs")->setCurrentIndex(3);
            QTRY_VERIFY(child<QWidget>(page, "alerts.channels.empty")->isVisible());
            QVERIFY(window.grab().save(dir + QStringLiteral("/alerts-channels-empty-") + language +
                                       QStringLiteral(".png")));
            // The channel dialog as it opens (nothing in red), then with the
            // name typed and taken back and a secret generated.
            AlertChannelDialog channel(m_server.connection->client(), &window);
            channel.show();
            QVERIFY(QTest::qWaitForWindowExposed(&channel));
            QVERIFY(channel.grab().save(dir + QStringLiteral("/alerts-channel-new-") + language +
                                        QStringLiteral(".png")));
            auto *name = child<QLineEdit>(&channel, "alerts.channel.name");
            name->setFocus();
            QTest::keyClicks(name, QStringLiteral("x"));
            QTest::keyClick(name, Qt::Key_Backspace);
            child<QPushButton>(&channel, "alerts.channel.generate")->click();
            QApplication::processEvents();
            QVERIFY(channel.grab().save(dir + QStringLiteral("/alerts-channel-touched-") +
                                        language + QStringLiteral(".png")));
            // Save pressed untouched: everything the form lacks; then the
            // server's refusal of a URL with a password, at the URL.
            AlertChannelDialog blocked(m_server.connection->client(), &window);
            blocked.show();
            QVERIFY(QTest::qWaitForWindowExposed(&blocked));
            QTest::mouseClick(child<QPushButton>(&blocked, "alerts.channel.save"), Qt::LeftButton);
            QApplication::processEvents();
            QVERIFY(blocked.grab().save(dir + QStringLiteral("/alerts-channel-errors-") + language +
                                        QStringLiteral(".png")));
            child<QLineEdit>(&blocked, "alerts.channel.name")->setText(QStringLiteral("Ops"));
            child<QLineEdit>(&blocked, "alerts.channel.url")
                ->setText(QStringLiteral("https://ops:pw@hooks.example.com/hivemind"));
            child<QPushButton>(&blocked, "alerts.channel.generate")->click();
            child<QPushButton>(&blocked, "alerts.channel.save")->click();
            QTRY_VERIFY_WITH_TIMEOUT(
                !child<QLabel>(&blocked, "alerts.channel.urlError")->text().isEmpty(), 15000);
            QApplication::processEvents();
            QVERIFY(blocked.grab().save(dir + QStringLiteral("/alerts-channel-refused-") +
                                        language + QStringLiteral(".png")));
            // The rule and maintenance dialogs as they open, then with what
            // pressing Save untouched (or emptying the name) shows.
            AlertRuleDialog ruleDialog(m_server.connection->client(), {}, &window);
            ruleDialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&ruleDialog));
            QVERIFY(ruleDialog.grab().save(dir + QStringLiteral("/alerts-rule-new-") + language +
                                           QStringLiteral(".png")));
            auto *ruleName = child<QLineEdit>(&ruleDialog, "alerts.rule.name");
            ruleName->setFocus();
            ruleName->selectAll();
            QTest::keyClick(ruleName, Qt::Key_Delete);
            auto *type = child<QComboBox>(&ruleDialog, "alerts.rule.type");
            type->setCurrentIndex(type->findData(QStringLiteral("container_down")));
            QTest::mouseClick(child<QPushButton>(&ruleDialog, "alerts.rule.save"), Qt::LeftButton);
            QApplication::processEvents();
            QVERIFY(ruleDialog.grab().save(dir + QStringLiteral("/alerts-rule-errors-") + language +
                                           QStringLiteral(".png")));
            MaintenanceDialog windowDialog(m_server.connection->client(), {}, &window);
            windowDialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&windowDialog));
            QVERIFY(windowDialog.grab().save(dir + QStringLiteral("/alerts-maintenance-new-") +
                                             language + QStringLiteral(".png")));
            QTest::mouseClick(child<QPushButton>(&windowDialog, "alerts.maintenance.save"),
                              Qt::LeftButton);
            QApplication::processEvents();
            QVERIFY(windowDialog.grab().save(dir + QStringLiteral("/alerts-maintenance-errors-") +
                                             language + QStringLiteral(".png")));
        }
    }
    hm::test::AgentPeer web;
    hm::test::AgentPeer db;
    const QString webId = onlineNode(QStringLiteral("web-01"), web);
    const QString dbId = onlineNode(QStringLiteral("db-01"), db);
    QVERIFY(!webId.isEmpty() && !dbId.isEmpty());
    const auto rule = [&](const QString &name, const QString &type, double threshold,
                          qint64 seconds, const QString &node, const QString &label,
                          qint64 renotify = 0) {
        AlertRuleChange r;
        r.name = name;
        r.renotifySeconds = renotify;
        r.type = type;
        r.threshold = threshold;
        r.durationSeconds = seconds;
        if (!node.isEmpty())
            r.nodeId = node;
        if (!label.isEmpty())
            r.label = label;
        QVERIFY(await<AlertRuleRow>([&](auto done) { api().createRule(r, done); }).ok());
    };
    rule(QStringLiteral("CPU busy"), QStringLiteral("cpu"), 85, 0, {}, {}, 4 * 3600);
    rule(QStringLiteral("Database memory"), QStringLiteral("memory"), 90, 300, dbId, {});
    rule(QStringLiteral("Disk nearly full"), QStringLiteral("disk"), 95, 600, {},
         QStringLiteral("prod"));
    rule(QStringLiteral("Node offline"), QStringLiteral("offline"), 0, 180, {}, {}, 3600);
    // web-01 fires and resolves, then fires again; db-01 fires.
    web.send(hm::fleet::serialize(hm::test::AgentPeer::report(1, 97.0)));
    web.send(hm::fleet::serialize(hm::test::AgentPeer::report(2, 12.0)));
    web.send(hm::fleet::serialize(hm::test::AgentPeer::report(3, 91.5)));
    db.send(hm::fleet::serialize(hm::test::AgentPeer::report(1, 88.0)));
    QTRY_COMPARE_WITH_TIMEOUT(recordCount(), 3, 15000);
    // Then two of db-01's containers stop: a record naming them, on top
    // (selected in the shot, so the line under the list names them).
    AlertRuleChange containers;
    containers.name = QStringLiteral("Shop containers");
    containers.type = QStringLiteral("container_down");
    containers.container = QStringLiteral("shop-*");
    containers.durationSeconds = 0;
    containers.nodeId = dbId;
    QVERIFY(await<AlertRuleRow>([&](auto done) { api().createRule(containers, done); }).ok());
    auto stopped = hm::test::AgentPeer::report(2, 88.0);
    stopped.containers = QList<hm::fleet::ContainerState>{{QStringLiteral("shop-web"), false},
                                                          {QStringLiteral("shop-api"), true},
                                                          {QStringLiteral("shop-worker"), false}};
    db.send(hm::fleet::serialize(stopped));
    QTRY_COMPARE_WITH_TIMEOUT(recordCount(), 4, 15000);

    hm::test::RecordingPeer receiver;
    for (const auto &[name, path] : {std::pair{"Ops chat", "/chat"}, std::pair{"Pager", "/page"}}) {
        AlertChannelChange channel;
        channel.name = QString::fromLatin1(name);
        channel.config = QJsonObject{{"url", receiver.url(QString::fromLatin1(path))}};
        channel.secret = QStringLiteral("screenshot-secret-0123456789");
        QVERIFY(
            await<AlertChannelRow>([&](auto done) { api().createChannel(channel, done); }).ok());
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &[name, from, to, node, label] :
         {std::tuple{"Kernel upgrade", -600, 2 * 3600, QString(), QStringLiteral("prod")},
          std::tuple{"Disk swap", 20 * 3600, 22 * 3600, webId, QString()}}) {
        MaintenanceWindowChange w;
        w.name = QString::fromLatin1(name);
        w.startsAt = now.addSecs(from);
        w.endsAt = now.addSecs(to);
        w.nodeId = node;
        w.label = label;
        QVERIFY(await<MaintenanceWindowRow>([&](auto done) {
                    api().createMaintenanceWindow(w, done);
                }).ok());
    }
    ThemeManager themes;
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    MainWindow::Options options;
    options.persistSettings = false;
    options.themes = &themes;
    // Every language in the light theme, and English in the dark one.
    for (const auto &[language, dark] :
         {std::pair{QStringLiteral("en"), false}, std::pair{QStringLiteral("zh_TW"), false},
          std::pair{QStringLiteral("zh_CN"), false}, std::pair{QStringLiteral("en"), true},
          std::pair{QStringLiteral("zh_CN"), true}}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        themes.setMode(dark ? ThemeManager::Mode::Dark : ThemeManager::Mode::Light,
                       ThemeManager::Persist::No);
        const QString shot = dark ? language + QStringLiteral("-dark") : language;
        MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.selectSection(QStringLiteral("alerts")));
        auto *page = window.findChild<AlertsPage *>(QStringLiteral("page.alerts"));
        page->notifier()->setShow({});
        child<QComboBox>(page, "alerts.show")->setCurrentIndex(1);
        QTRY_COMPARE_WITH_TIMEOUT(page->records()->rowCount(), 4, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(page->rules()->rowCount(), 5, 15000);
        QTRY_VERIFY(!cell(page->rules(), ruleRow(page->rules(), QStringLiteral("Database memory")),
                          AlertRuleModel::ScopeColumn)
                         .startsWith(QLatin1String("One")));
        // The container record, so the line under the list names them.
        int containerRow = 0;
        for (int r = 0; r < page->records()->rowCount(); ++r)
            if (page->records()->record(r)->type == QLatin1String("container_down"))
                containerRow = r;
        child<QTableView>(page, "alerts.records")->selectRow(containerRow);
        QTRY_VERIFY(page->recordDetail()->isVisible());
        QApplication::processEvents();
        QVERIFY(window.grab().save(dir + QStringLiteral("/alerts-records-") + shot +
                                   QStringLiteral(".png")));
        child<QTabWidget>(page, "alerts.tabs")->setCurrentIndex(1);
        child<QTableView>(page, "alerts.rules")->selectRow(0);
        QApplication::processEvents();
        QVERIFY(window.grab().save(dir + QStringLiteral("/alerts-rules-") + shot +
                                   QStringLiteral(".png")));
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            QApplication::processEvents();
            (void)dialog->grab().save(dir + QStringLiteral("/alerts-rule-dialog-") + shot +
                                      QStringLiteral(".png"));
            return int(QDialog::Rejected);
        });
        const int memoryRow = ruleRow(page->rules(), QStringLiteral("Database memory"));
        child<QTableView>(page, "alerts.rules")->selectRow(memoryRow);
        page->editRule();
        child<QTabWidget>(page, "alerts.tabs")->setCurrentIndex(3);
        QTRY_COMPARE_WITH_TIMEOUT(page->channels()->rowCount(), 2, 15000);
        child<QTableView>(page, "alerts.channels")->selectRow(0);
        QApplication::processEvents();
        QVERIFY(window.grab().save(dir + QStringLiteral("/alerts-channels-") + shot +
                                   QStringLiteral(".png")));
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            child<QLineEdit>(dialog, "alerts.channel.name")->setText(QStringLiteral("Team chat"));
            child<QLineEdit>(dialog, "alerts.channel.url")
                ->setText(QStringLiteral("https://hooks.example.com/hivemind"));
            child<QPushButton>(dialog, "alerts.channel.generate")->click();
            QApplication::processEvents();
            (void)dialog->grab().save(dir + QStringLiteral("/alerts-channel-dialog-") + shot +
                                      QStringLiteral(".png"));
            return int(QDialog::Rejected);
        });
        page->newChannel();
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            auto *type = child<QComboBox>(dialog, "alerts.channel.type");
            type->setCurrentIndex(type->findData(QStringLiteral("email")));
            child<QLineEdit>(dialog, "alerts.channel.name")
                ->setText(QStringLiteral("On-call mail"));
            child<QLineEdit>(dialog, "alerts.channel.smtpHost")
                ->setText(QStringLiteral("smtp.example.com"));
            child<QLineEdit>(dialog, "alerts.channel.username")->setText(QStringLiteral("alerts"));
            child<QLineEdit>(dialog, "alerts.channel.password")
                ->setText(QStringLiteral("password"));
            child<QLineEdit>(dialog, "alerts.channel.from")
                ->setText(QStringLiteral("alerts@example.com"));
            child<QLineEdit>(dialog, "alerts.channel.to")
                ->setText(QStringLiteral("oncall@example.com, ops@example.com"));
            QApplication::processEvents();
            (void)dialog->grab().save(dir + QStringLiteral("/alerts-email-dialog-") + shot +
                                      QStringLiteral(".png"));
            return int(QDialog::Rejected);
        });
        page->newChannel();
        // Maintenance: one in progress, one planned; the dialog.
        child<QTabWidget>(page, "alerts.tabs")->setCurrentIndex(2);
        QTRY_COMPARE_WITH_TIMEOUT(page->maintenance()->rowCount(), 2, 15000);
        QTRY_VERIFY(!cell(page->maintenance(), 1, MaintenanceModel::ScopeColumn)
                         .startsWith(QLatin1String("One")));
        child<QTableView>(page, "alerts.maintenance")->selectRow(0);
        QApplication::processEvents();
        QVERIFY(window.grab().save(dir + QStringLiteral("/alerts-maintenance-") + shot +
                                   QStringLiteral(".png")));
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            child<QLineEdit>(dialog, "alerts.maintenance.name")
                ->setText(QStringLiteral("Database upgrade"));
            auto *scope = child<QComboBox>(dialog, "alerts.maintenance.scope");
            scope->setCurrentIndex(1);
            auto *node = child<QComboBox>(dialog, "alerts.maintenance.node");
            node->setCurrentIndex(node->findData(dbId));
            QApplication::processEvents();
            (void)dialog->grab().save(dir + QStringLiteral("/alerts-maintenance-dialog-") + shot +
                                      QStringLiteral(".png"));
            return int(QDialog::Rejected);
        });
        page->newMaintenanceWindow();
    }
    auto channels = await<QList<AlertChannelRow>>([&](auto done) { api().channels(done); });
    QVERIFY(channels.ok());
    for (const AlertChannelRow &channel : channels.value())
        QVERIFY(await<void>([&](auto done) { api().removeChannel(channel.id, done); }).ok());
    deleteAllRules();
}

QTEST_MAIN(TestAlertsPage)
#include "TestAlertsPage.moc"
