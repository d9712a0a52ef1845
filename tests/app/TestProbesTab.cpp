// The Probes tab of the Alerts section (issue 35, "Probes") against a real
// in-process server over loopback: an administrator creates an HTTP probe
// through the dialog (the server's refusal of a bad target shown in the
// dialog, which stays open; the HTTP-only fields shown for HTTP only), the
// server stores it, the interval is changed and the probe deleted through
// the confirmation seam; another client's probes arrive live; a viewer's
// buttons are off with the reason. With HIVEMIND_SCREENSHOT_DIR set,
// `screenshots` saves the tab and the probe dialog in en, zh_TW and zh_CN, and English
// in the dark theme.

#include "AdminTestSupport.h"
#include "FieldCheckSupport.h"
#include "MnemonicSupport.h"
#include "client/NodesApi.h"
#include "client/ProbesApi.h"
#include "fleet/AlertsPage.h"
#include "fleet/ProbeDialog.h"
#include "fleet/ProbeModel.h"
#include "fleet/ProbesTab.h"
#include "widgets/AdminText.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ThemeManager.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>

using namespace hm::app;
using namespace hm::client;
using namespace admintest;

namespace {

const QString kProbeViewerPassword = QStringLiteral("Viewer#Pass2026");
const QString kProbeAdminPassword = QStringLiteral("Second#Admin2026");

QString probeCell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

ProbeChange httpProbe(const QString &id, const QString &name)
{
    ProbeChange p;
    p.id = id;
    p.name = name;
    p.kind = QStringLiteral("http");
    p.target = QStringLiteral("https://example.com/") + id;
    return p;
}

} // namespace

class TestProbesTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start("TestProbesTab")); }
    void cleanup()
    {
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        DialogSeam::setNextHandler({});
        deleteAllProbes();
    }
    void cleanupTestCase() { m_server.stop(); }
    void adminCreatesEditsAndDeletesAProbe();
    void probeOnOneNodeThenOnALabel();
    void anotherClientsProbesArriveLive();
    void viewerSeesNoEnabledActions();
    void dialogMnemonicsAreUnique();
    void dialogQuietUntilTouched();
    void serverRefusalStaysAtItsField();
    void screenshots();

private:
    ProbesApi api() { return ProbesApi(*m_server.connection->client()); }
    void deleteAllProbes()
    {
        auto probes = await<QList<ProbeRow>>([&](auto done) { api().list(done); });
        QVERIFY(probes.ok());
        for (const ProbeRow &probe : probes.value())
            QVERIFY(await<void>([&](auto done) { api().remove(probe.id, done); }).ok());
    }
    // The page signed in as the administrator, on the Probes tab.
    void signIn(AlertsPage &page)
    {
        page.setSession(m_server.connection->client(), m_server.admin);
        page.resize(1100, 600);
        page.show();
        child<QTabWidget>(&page, "alerts.tabs")->setCurrentWidget(page.probesTab());
        QTRY_COMPARE_WITH_TIMEOUT(page.probesTab()->model()->state(), ProbeModel::State::Ready,
                                  15000);
    }

    AdminServer m_server;
};

void TestProbesTab::adminCreatesEditsAndDeletesAProbe()
{
    AlertsPage page;
    QAbstractItemModelTester tester(page.probesTab()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    signIn(page);
    ProbeModel *model = page.probesTab()->model();
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(child<QLabel>(&page, "alerts.probes.emptyTitle")->text(),
             QStringLiteral("No probes yet"));
    auto *emptyAction = child<QPushButton>(&page, "alerts.probes.emptyAction");
    QVERIFY(emptyAction->isEnabled());

    // What the server says of the same bad target.
    ProbeChange bad = httpProbe(QStringLiteral("web"), QStringLiteral("Website"));
    bad.target = QStringLiteral("ftp://example.com/");
    auto refused = await<ProbeRow>([&](auto done) { api().create(bad, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(AdminText::errorField(refused.error()), QStringLiteral("target"));
    const QString serverSays = AdminText::error(refused.error(), QStringLiteral("admin"));

    QString shownError;
    bool stayedOpen = false;
    bool httpFieldsForHttpOnly = false;
    QString tcpPlaceholder;
    bool timeoutBelowInterval = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("alerts.probeDialog"))
            return int(QDialog::Rejected);
        dialog->show();
        auto *kind = child<QComboBox>(dialog, "alerts.probe.kind");
        auto *target = child<QLineEdit>(dialog, "alerts.probe.target");
        auto *keyword = child<QLineEdit>(dialog, "alerts.probe.keyword");
        auto *save = child<QPushButton>(dialog, "alerts.probe.save");
        QApplication::processEvents();
        // Nothing typed: nothing to create.
        const bool emptyCannotSave = !save->isEnabled();
        kind->setCurrentIndex(kind->findData(QStringLiteral("tcp")));
        tcpPlaceholder = target->placeholderText();
        const bool hiddenForTcp = !keyword->isVisible();
        kind->setCurrentIndex(kind->findData(QStringLiteral("http")));
        httpFieldsForHttpOnly = emptyCannotSave && hiddenForTcp && keyword->isVisible() &&
                                child<QCheckBox>(dialog, "alerts.probe.tlsVerify")->isVisible();
        child<QLineEdit>(dialog, "alerts.probe.id")->setText(QStringLiteral("web"));
        child<QLineEdit>(dialog, "alerts.probe.name")->setText(QStringLiteral("Website"));
        target->setText(QStringLiteral("ftp://example.com/"));
        save->click();
        // Said at the target it is about.
        auto *error = child<QLabel>(dialog, "alerts.probe.targetError");
        (void)QTest::qWaitFor([error] { return !error->text().isEmpty(); }, 15000);
        shownError = error->text();
        stayedOpen = dialog->isVisible() && dialog->result() != QDialog::Accepted;
        // Corrected: the target, a keyword, every 30 s with a 40 s timeout
        // held below the interval.
        target->setText(QStringLiteral("https://example.com/health"));
        keyword->setText(QStringLiteral("OK"));
        auto *timeout = child<QSpinBox>(dialog, "alerts.probe.timeout");
        auto *interval = child<QSpinBox>(dialog, "alerts.probe.interval");
        timeout->setValue(40);
        interval->setValue(30);
        timeoutBelowInterval = timeout->value() < 30;
        timeout->setValue(5);
        save->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    emptyAction->click();
    QVERIFY(httpFieldsForHttpOnly);
    QVERIFY(tcpPlaceholder.contains(QLatin1String("host:port")));
    QCOMPARE(shownError, serverSays);
    QVERIFY(!shownError.isEmpty());
    QVERIFY(stayedOpen);
    QVERIFY(timeoutBelowInterval);

    // Listed, and the server has it so.
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(probeCell(model, 0, ProbeModel::NameColumn), QStringLiteral("Website"));
    QCOMPARE(probeCell(model, 0, ProbeModel::KindColumn), QStringLiteral("HTTP(S)"));
    QCOMPARE(probeCell(model, 0, ProbeModel::TargetColumn),
             QStringLiteral("https://example.com/health"));
    QCOMPARE(probeCell(model, 0, ProbeModel::IntervalColumn), QStringLiteral("Every 30 s"));
    QCOMPARE(probeCell(model, 0, ProbeModel::ScopeColumn), QStringLiteral("All nodes"));
    QCOMPARE(probeCell(model, 0, ProbeModel::StateColumn), QStringLiteral("Enabled"));
    QCOMPARE(page.listStateText(), QStringLiteral("1 probe"));
    auto stored = await<ProbeRow>([&](auto done) { api().get(QStringLiteral("web"), done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored->name, QStringLiteral("Website"));
    QCOMPARE(stored->kind, QStringLiteral("http"));
    QCOMPARE(stored->keyword, QStringLiteral("OK"));
    QCOMPARE(stored->intervalSeconds, 30);
    QCOMPARE(stored->timeoutSeconds, 5);
    QCOMPARE(stored->scopeType, QStringLiteral("all"));

    // Edited: the id stays, unchanged cannot be saved, the interval changes.
    bool idFixed = false;
    bool unchangedCannotSave = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        dialog->show();
        auto *id = child<QLineEdit>(dialog, "alerts.probe.id");
        idFixed = id->isReadOnly() && id->text() == QLatin1String("web");
        auto *save = child<QPushButton>(dialog, "alerts.probe.save");
        unchangedCannotSave = !save->isEnabled();
        child<QSpinBox>(dialog, "alerts.probe.interval")->setValue(120);
        save->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    auto *view = child<QTableView>(&page, "alerts.probes");
    view->selectRow(0);
    child<QPushButton>(&page, "alerts.editProbe")->click();
    QVERIFY(idFixed);
    QVERIFY(unchangedCannotSave);
    QCOMPARE(probeCell(model, 0, ProbeModel::IntervalColumn), QStringLiteral("Every 2 min"));
    stored = await<ProbeRow>([&](auto done) { api().get(QStringLiteral("web"), done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored->intervalSeconds, 120);
    QCOMPARE(stored->keyword, QStringLiteral("OK"));

    // Deleted: cancelled first, then confirmed.
    view->selectRow(0);
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    child<QPushButton>(&page, "alerts.deleteProbe")->click();
    QTest::qWait(200);
    QCOMPARE(model->rowCount(), 1);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&page, "alerts.deleteProbe")->click();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 15000);
    auto gone = await<ProbeRow>([&](auto done) { api().get(QStringLiteral("web"), done); });
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, hm::ErrorCode::ResourceNotFound);
    QCOMPARE(child<QLabel>(&page, "alerts.probes.emptyTitle")->text(),
             QStringLiteral("No probes yet"));
}

void TestProbesTab::probeOnOneNodeThenOnALabel()
{
    auto node = await<EnrolledNode>([&](auto done) {
        NodesApi(*m_server.connection->client())
            .create(NewNode{QStringLiteral("edge-01"), {}, {}, 0}, done);
    });
    QVERIFY(node.ok());
    const QString nodeId = node->node.id;
    AlertsPage page;
    signIn(page);
    ProbeModel *model = page.probesTab()->model();
    // The dialog offers the nodes the page has read.
    QTRY_COMPARE_WITH_TIMEOUT(model->nodeName(nodeId), QStringLiteral("edge-01"), 15000);
    bool noHttpFieldsForPing = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        dialog->show();
        auto *kind = child<QComboBox>(dialog, "alerts.probe.kind");
        kind->setCurrentIndex(kind->findData(QStringLiteral("icmp")));
        noHttpFieldsForPing = !child<QLineEdit>(dialog, "alerts.probe.keyword")->isVisible() &&
                              !child<QCheckBox>(dialog, "alerts.probe.tlsVerify")->isVisible();
        child<QLineEdit>(dialog, "alerts.probe.id")->setText(QStringLiteral("gw"));
        child<QLineEdit>(dialog, "alerts.probe.name")->setText(QStringLiteral("Gateway"));
        child<QLineEdit>(dialog, "alerts.probe.target")->setText(QStringLiteral("gw.example.com"));
        child<QComboBox>(dialog, "alerts.probe.scope")->setCurrentIndex(1);
        auto *nodes = child<QComboBox>(dialog, "alerts.probe.node");
        nodes->setCurrentIndex(nodes->findData(nodeId));
        child<QPushButton>(dialog, "alerts.probe.save")->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "alerts.addProbe")->click();
    QVERIFY(noHttpFieldsForPing);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(probeCell(model, 0, ProbeModel::KindColumn), QStringLiteral("Ping (ICMP)"));
    QCOMPARE(probeCell(model, 0, ProbeModel::ScopeColumn), QStringLiteral("edge-01"));
    auto stored = await<ProbeRow>([&](auto done) { api().get(QStringLiteral("gw"), done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored->kind, QStringLiteral("icmp"));
    QCOMPARE(stored->scopeType, QStringLiteral("node"));
    QCOMPARE(stored->scopeValue, nodeId);

    // Moved to the nodes with a label.
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        dialog->show();
        child<QComboBox>(dialog, "alerts.probe.scope")->setCurrentIndex(2);
        child<QLineEdit>(dialog, "alerts.probe.label")->setText(QStringLiteral("prod"));
        child<QPushButton>(dialog, "alerts.probe.save")->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QTableView>(&page, "alerts.probes")->selectRow(0);
    child<QPushButton>(&page, "alerts.editProbe")->click();
    QCOMPARE(probeCell(model, 0, ProbeModel::ScopeColumn), QStringLiteral("Label: prod"));
    stored = await<ProbeRow>([&](auto done) { api().get(QStringLiteral("gw"), done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored->scopeType, QStringLiteral("label"));
    QCOMPARE(stored->scopeValue, QStringLiteral("prod"));
}

void TestProbesTab::anotherClientsProbesArriveLive()
{
    AlertsPage page;
    QAbstractItemModelTester tester(page.probesTab()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    signIn(page);
    QTRY_VERIFY(page.isLive());
    ProbeModel *model = page.probesTab()->model();
    QCOMPARE(model->rowCount(), 0);
    // Another administrator on a client of their own.
    UserInfo other =
        m_server.createUser(QStringLiteral("ops2"), QStringLiteral("admin"), kProbeAdminPassword);
    QVERIFY(!other.id.isEmpty());
    auto client = m_server.signIn(QStringLiteral("ops2"), kProbeAdminPassword, &other);
    QVERIFY(client);
    ProbesApi theirs(*client);
    ProbeChange db;
    db.id = QStringLiteral("db");
    db.name = QStringLiteral("Database port");
    db.kind = QStringLiteral("tcp");
    db.target = QStringLiteral("db.example.com:5432");
    db.scopeType = QStringLiteral("label");
    db.scopeValue = QStringLiteral("prod");
    QVERIFY(await<ProbeRow>([&](auto done) { theirs.create(db, done); }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 15000);
    QCOMPARE(probeCell(model, 0, ProbeModel::NameColumn), QStringLiteral("Database port"));
    QCOMPARE(probeCell(model, 0, ProbeModel::KindColumn), QStringLiteral("TCP port"));
    QCOMPARE(probeCell(model, 0, ProbeModel::ScopeColumn), QStringLiteral("Label: prod"));
    // A second one sorts by name, before it.
    QVERIFY(await<ProbeRow>([&](auto done) {
                theirs.create(httpProbe(QStringLiteral("zz"), QStringLiteral("API")), done);
            }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 15000);
    QCOMPARE(probeCell(model, 0, ProbeModel::NameColumn), QStringLiteral("API"));
    ProbeChange off;
    off.enabled = false;
    QVERIFY(
        await<ProbeRow>([&](auto done) { theirs.update(QStringLiteral("db"), off, done); }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(probeCell(model, 1, ProbeModel::StateColumn),
                              QStringLiteral("Disabled"), 15000);
    QVERIFY(await<void>([&](auto done) { theirs.remove(QStringLiteral("db"), done); }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 15000);
    QCOMPARE(model->probe(0)->id, QStringLiteral("zz"));
}

void TestProbesTab::viewerSeesNoEnabledActions()
{
    QVERIFY(await<ProbeRow>([&](auto done) {
                api().create(httpProbe(QStringLiteral("site"), QStringLiteral("Site")), done);
            }).ok());
    UserInfo viewer =
        m_server.createUser(QStringLiteral("vivi"), QStringLiteral("viewer"), kProbeViewerPassword);
    QVERIFY(!viewer.id.isEmpty());
    auto client = m_server.signIn(QStringLiteral("vivi"), kProbeViewerPassword, &viewer);
    QVERIFY(client);
    AlertsPage page;
    page.setSession(client.get(), viewer);
    ProbeModel *model = page.probesTab()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->state(), ProbeModel::State::Ready, 15000);
    QCOMPARE(model->rowCount(), 1); // viewers read
    child<QTableView>(&page, "alerts.probes")->selectRow(0);
    for (const char *name : {"alerts.addProbe", "alerts.editProbe", "alerts.deleteProbe"}) {
        auto *button = child<QPushButton>(&page, name);
        QVERIFY2(!button->isEnabled(), name);
        QVERIFY2(button->toolTip().contains(QLatin1String("administrator")),
                 qPrintable(button->toolTip()));
    }
}

void TestProbesTab::dialogMnemonicsAreUnique()
{
    // Alt+letter must reach one field: no two of the dialog's captions,
    // buttons and check boxes share a letter, for any kind, in any language.
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        ProbeDialog dialog(m_server.connection->client(), {});
        auto *kind = child<QComboBox>(&dialog, "alerts.probe.kind");
        for (int i = 0; i < kind->count(); ++i) {
            kind->setCurrentIndex(i);
            const QStringList found = mnemonictest::clashes(mnemonictest::dialogTexts(&dialog));
            QVERIFY2(found.isEmpty(),
                     qPrintable(language + u' ' + kind->itemData(i).toString() +
                                QStringLiteral(": ") + found.join(QStringLiteral("; "))));
        }
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

// The new probe's form opened with "A probe needs an id." under it: each
// field now says what it lacks once touched, or when Create is pressed.
void TestProbesTab::dialogQuietUntilTouched()
{
    ProbeDialog dialog(m_server.connection->client(), {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *save = child<QPushButton>(&dialog, "alerts.probe.save");
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(!save->isEnabled());
    // A field typed and taken back says so; the others stay quiet.
    auto *id = child<QLineEdit>(&dialog, "alerts.probe.id");
    id->setFocus();
    QTest::keyClicks(id, QStringLiteral("w"));
    QTest::keyClick(id, Qt::Key_Backspace);
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"alerts.probe.idError"});
    QCOMPARE(child<QLabel>(&dialog, "alerts.probe.idError")->text(),
             QStringLiteral("A probe needs an id."));
    // Create pressed on what is left: every missing field says so.
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(hm::test::shownFieldErrors(&dialog),
             (QStringList{"alerts.probe.idError", "alerts.probe.nameError",
                          "alerts.probe.targetError"}));
    QVERIFY(dialog.isVisible());
    QTest::keyClicks(id, QStringLiteral("website"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "alerts.probe.name"), QStringLiteral("Website"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "alerts.probe.target"),
                     QStringLiteral("https://example.com/health"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(save->isEnabled());
}

// A target the server's rules refuse (the form only asks for one) is said
// at the target, stays while other fields change, follows a language
// switch, and goes when the target changes; an id in use, at the id.
void TestProbesTab::serverRefusalStaysAtItsField()
{
    deleteAllProbes();
    ProbeDialog dialog(m_server.connection->client(), {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *id = child<QLineEdit>(&dialog, "alerts.probe.id");
    auto *name = child<QLineEdit>(&dialog, "alerts.probe.name");
    auto *target = child<QLineEdit>(&dialog, "alerts.probe.target");
    auto *targetError = child<QLabel>(&dialog, "alerts.probe.targetError");
    auto *save = child<QPushButton>(&dialog, "alerts.probe.save");
    auto *kind = child<QComboBox>(&dialog, "alerts.probe.kind");
    kind->setCurrentIndex(kind->findData(QStringLiteral("http")));
    id->setText(QStringLiteral("refused"));
    name->setText(QStringLiteral("Refused"));
    target->setText(QStringLiteral("https://ops:pw@example.com/health"));
    QVERIFY(save->isEnabled());
    save->click();
    QTRY_COMPARE_WITH_TIMEOUT(hm::test::shownFieldErrors(&dialog),
                              QStringList{"alerts.probe.targetError"}, 15000);
    const QString serverWords = QStringLiteral("The URL must not contain credentials.");
    QCOMPARE(targetError->text(),
             QStringLiteral("The server refused the value of \"target\": ") + serverWords);
    // Other fields change, the target is only passed through: it stays.
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral(" check"));
    target->setFocus();
    name->setFocus();
    child<QSpinBox>(&dialog, "alerts.probe.interval")->setValue(120);
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"alerts.probe.targetError"});
    // The console's words follow a language switch; the server's stay.
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(targetError->text(), QStringLiteral("伺服器拒絕了「target」的值：") + serverWords);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(targetError->text(), QStringLiteral("服务器拒绝了“target”的值：") + serverWords);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_VERIFY(targetError->text().startsWith(QLatin1String("The server refused")));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"alerts.probe.targetError"});
    // Answered by changing the target.
    target->setText(QStringLiteral("https://example.com/health"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(dialog.isVisible());

    // An id in use: at the id, kept while the target changes.
    ProbeChange taken = httpProbe(QStringLiteral("taken"), QStringLiteral("Taken"));
    QVERIFY(await<ProbeRow>([&](auto done) { api().create(taken, done); }).ok());
    id->setText(QStringLiteral("taken"));
    QVERIFY(save->isEnabled());
    save->click();
    QTRY_COMPARE_WITH_TIMEOUT(hm::test::shownFieldErrors(&dialog),
                              QStringList{"alerts.probe.idError"}, 15000);
    target->setText(QStringLiteral("https://example.com/ready"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"alerts.probe.idError"});
    id->setText(QStringLiteral("ready"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
}

void TestProbesTab::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    ProbeChange db;
    db.id = QStringLiteral("db");
    db.name = QStringLiteral("Database port");
    db.kind = QStringLiteral("tcp");
    db.target = QStringLiteral("db.example.com:5432");
    QVERIFY(await<ProbeRow>([&](auto done) { api().create(db, done); }).ok());
    ProbeChange web = httpProbe(QStringLiteral("web"), QStringLiteral("Website"));
    web.keyword = QStringLiteral("OK");
    web.intervalSeconds = 30;
    QVERIFY(await<ProbeRow>([&](auto done) { api().create(web, done); }).ok());
    ThemeManager themes;
    // Every language in the light theme, and English in the dark one.
    for (const auto &[language, dark] :
         {std::pair{QStringLiteral("en"), false}, std::pair{QStringLiteral("zh_TW"), false},
          std::pair{QStringLiteral("zh_CN"), false}, std::pair{QStringLiteral("en"), true}}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        themes.setMode(dark ? ThemeManager::Mode::Dark : ThemeManager::Mode::Light,
                       ThemeManager::Persist::No);
        const QString shot = dark ? language + QStringLiteral("-dark") : language;
        AlertsPage page;
        signIn(page);
        QTRY_COMPARE_WITH_TIMEOUT(page.probesTab()->model()->rowCount(), 2, 15000);
        auto *add = child<QPushButton>(&page, "alerts.addProbe");
        QTRY_VERIFY(add->width() >= add->sizeHint().width());
        QApplication::processEvents();
        const QString tab = dir + QStringLiteral("/alerts-probes-%1.png").arg(shot);
        QVERIFY(page.grab().save(tab));
        child<QTableView>(&page, "alerts.probes")->selectRow(1);
        const QString dialogShot = dir + QStringLiteral("/alerts-probe-dialog-%1.png").arg(shot);
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            QApplication::processEvents();
            (void)dialog->grab().save(dialogShot);
            return int(QDialog::Rejected);
        });
        child<QPushButton>(&page, "alerts.editProbe")->click();
        QVERIFY(QFile::exists(dialogShot));
        // A new probe: quiet on opening, then Create pressed untouched.
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            QApplication::processEvents();
            (void)dialog->grab().save(dir + QStringLiteral("/alerts-probe-new-%1.png").arg(shot));
            QTest::mouseClick(child<QPushButton>(dialog, "alerts.probe.save"), Qt::LeftButton);
            QApplication::processEvents();
            (void)dialog->grab().save(dir +
                                      QStringLiteral("/alerts-probe-new-errors-%1.png").arg(shot));
            return int(QDialog::Rejected);
        });
        add->click();
    }
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

QTEST_MAIN(TestProbesTab)
#include "TestProbesTab.moc"
