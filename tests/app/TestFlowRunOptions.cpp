// A flow's per-run options and its history retention in the console
// (issue 37 leftovers) against a real in-process server over loopback:
// the trigger dialog's Options (collapsed until opened; the callback URL
// checked as typed, a secret required with it) reach the server — the
// callback arrives signed with the typed secret, GET …/callback names the
// URL, the audit entry holds the priority and the timeout — and nothing is
// sent when no option is set; the Flows page's History Retention dialog
// shows what applies (the server's setting or the flow's own), saves an
// override, resets to the server's settings, and is read-only for a
// viewer. With HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves both
// dialogs in en, zh_TW and zh_CN.

#include "AdminTestSupport.h"
#include "RecordingHttpPeer.h"
#include "client/ExecutionsApi.h"
#include "client/FlowsApi.h"
#include "crypto/Hmac.h"
#include "flows/FlowListModel.h"
#include "flows/FlowRetentionDialog.h"
#include "flows/FlowsPage.h"
#include "flows/TriggerDialog.h"
#include "flows/TriggerOptionsBox.h"
#include "shell/LanguageManager.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace hm::app;
using admintest::AdminServer;
using admintest::await;
using hm::client::ApiClient;
using hm::client::FlowsApi;
using hm::test::RecordedRequest;
using hm::test::RecordingPeer;

namespace {

const QString kCallbackSecret = QStringLiteral("console-callback-secret-42");

template <typename T> T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

} // namespace

class TestFlowRunOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void triggerOptionsReachTheServer();
    void noOptionsSendsNone();
    void retentionShowsWhatAppliesAndResets();
    void retentionIsReadOnlyForAViewer();
    void screenshots();

private:
    QString publishedFlow(const QString &name);
    std::unique_ptr<FlowsPage> makePage(ApiClient *client);
    void selectRow(FlowsPage *page, const QString &flowId);
    QJsonObject call(ApiClient &client, hm::client::ApiRequest request);
    // The FLOW_TRIGGERED entry of `executionId` (empty until written).
    QJsonObject triggerAudit(const QString &executionId);

    AdminServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<QTemporaryDir> m_autosave;
    RecordingPeer m_receiver;
    int m_flows = 0;
};

void TestFlowRunOptions::initTestCase()
{
    QVERIFY(m_server.start("TestFlowRunOptions"));
    m_admin = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword);
    QVERIFY(m_admin);
    m_autosave = std::make_unique<QTemporaryDir>();
    // The receiver listens on loopback, which the outbound policy refuses
    // unless allowed.
    QVERIFY(!call(*m_admin,
                  hm::client::ApiRequest::put(
                      QStringLiteral("/api/v1/system/config"),
                      QJsonObject{{QStringLiteral("security"),
                                   QJsonObject{{QStringLiteral("allow_private_networks"), true}}},
                                  {QStringLiteral("retention"),
                                   QJsonObject{{QStringLiteral("max_age_days"), 45},
                                               {QStringLiteral("max_executions_per_flow"), 0}}}}))
                 .isEmpty());
}

void TestFlowRunOptions::cleanup()
{
    DialogSeam::setNextHandler({});
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestFlowRunOptions::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QJsonObject TestFlowRunOptions::call(ApiClient &client, hm::client::ApiRequest request)
{
    auto answer = await<QJsonValue>([&](auto done) {
        client.call<QJsonValue>(
            std::move(request), [](const hm::client::ApiResponse &r) { return r.data; }, done);
    });
    if (!answer.ok()) {
        qWarning().noquote() << answer.error().toString();
        return {};
    }
    return answer.value().toObject();
}

QString TestFlowRunOptions::publishedFlow(const QString &name)
{
    QString noop = QStringLiteral("1.0.0");
    auto components =
        await<QJsonArray>([&](auto done) { hm::client::ExecutionsApi(*m_admin).components(done); });
    if (components.ok()) {
        for (const QJsonValue &item : components.value()) {
            if (item[QStringLiteral("name")].toString() == QLatin1String("noop"))
                noop = item[QStringLiteral("version")].toString();
        }
    }
    const QJsonObject definition{
        {QStringLiteral("schemaVersion"), 1},
        {QStringLiteral("nodes"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("a")},
                                {QStringLiteral("component"), QStringLiteral("noop")},
                                {QStringLiteral("version"), noop},
                                {QStringLiteral("position"),
                                 QJsonObject{{QStringLiteral("x"), 0}, {QStringLiteral("y"), 0}}},
                                {QStringLiteral("config"), QJsonObject()},
                                {QStringLiteral("inputMappings"), QJsonObject()}}}},
        {QStringLiteral("edges"), QJsonArray()}};
    auto created = await<hm::client::FlowSummary>([&](auto done) {
        FlowsApi(*m_admin).create(hm::client::NewFlow{name, QString(), definition, {}}, done);
    });
    if (!created.ok())
        return {};
    auto published = await<hm::client::FlowVersion>([&](auto done) {
        FlowsApi(*m_admin).publish(created.value().id, QStringLiteral("1"), done);
    });
    return published.ok() ? created.value().id : QString();
}

std::unique_ptr<FlowsPage> TestFlowRunOptions::makePage(ApiClient *client)
{
    FlowsPage::Options options;
    options.autosaveDirectory = m_autosave->path();
    auto page = std::make_unique<FlowsPage>(client, options);
    page->resize(1200, 760);
    page->show();
    if (!QTest::qWaitForWindowExposed(page.get()))
        qWarning("page not exposed");
    page->start();
    return page;
}

void TestFlowRunOptions::selectRow(FlowsPage *page, const QString &flowId)
{
    FlowListModel *model = page->listModel();
    QTRY_VERIFY(model->rowOf(flowId) >= 0);
    page->listView()->setCurrentIndex(model->index(model->rowOf(flowId), 0));
}

QJsonObject TestFlowRunOptions::triggerAudit(const QString &executionId)
{
    const QJsonObject page =
        call(*m_admin, hm::client::ApiRequest::get(
                           QStringLiteral("/api/v1/audit"),
                           QUrlQuery{{QStringLiteral("action"), QStringLiteral("FLOW_TRIGGERED")},
                                     {QStringLiteral("size"), QStringLiteral("100")}}));
    for (const QJsonValue entry : page.value(QStringLiteral("audit_logs")).toArray()) {
        const QJsonObject details = entry[QStringLiteral("details")].toObject();
        if (details.value(QStringLiteral("execution_id")).toString() == executionId)
            return details;
    }
    return {};
}

void TestFlowRunOptions::triggerOptionsReachTheServer()
{
    const QString id = publishedFlow(QStringLiteral("Run with options"));
    QVERIFY(!id.isEmpty());
    auto page = makePage(m_server.connection->client());
    selectRow(page.get(), id);
    QSignalSpy started(page.get(), &FlowsPage::executionStarted);
    QTRY_VERIFY(page->action(QStringLiteral("run"))->isEnabled());

    bool collapsed = false, badUrlRefused = false, shortSecretRefused = false, secretHidden = false,
         limitShown = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *trigger = qobject_cast<TriggerDialog *>(dialog);
        if (!trigger)
            return int(QDialog::Rejected);
        auto *run = child<QPushButton>(trigger, "flows.trigger.run");
        auto *options = child<QWidget>(trigger, "flows.trigger.options");
        collapsed = !options->isVisibleTo(trigger) && run->isEnabled();
        child<QToolButton>(trigger, "flows.trigger.optionsToggle")->click();
        if (!options->isVisibleTo(trigger))
            return int(QDialog::Rejected);
        auto *priority = child<QComboBox>(trigger, "flows.trigger.priority");
        priority->setCurrentIndex(3); // Custom
        child<QSpinBox>(trigger, "flows.trigger.customPriority")->setValue(42);
        auto *timeout = child<QSpinBox>(trigger, "flows.trigger.timeout");
        // The flow's default limit of 300 s is the most it offers.
        limitShown = timeout->maximum() == 300 &&
                     child<QLabel>(trigger, "flows.trigger.timeoutHint")->text() ==
                         QLatin1String("At most the flow's 300 s.");
        timeout->setValue(120);
        auto *url = child<QLineEdit>(trigger, "flows.trigger.callbackUrl");
        auto *urlError = child<QLabel>(trigger, "flows.trigger.callbackUrlError");
        QTest::keyClicks(url, QStringLiteral("ftp://example.com/x"));
        badUrlRefused = !run->isEnabled() &&
                        urlError->text() ==
                            QLatin1String("The callback URL must start with http:// or https://.");
        url->setText(m_receiver.url(QStringLiteral("/finished?token=abc")));
        auto *secret = child<QLineEdit>(trigger, "flows.trigger.callbackSecret");
        QTest::keyClicks(secret, QStringLiteral("short"));
        shortSecretRefused =
            !run->isEnabled() &&
            !child<QLabel>(trigger, "flows.trigger.callbackSecretError")->text().isEmpty();
        secret->setText(kCallbackSecret);
        secretHidden = secret->echoMode() == QLineEdit::Password;
        return run->isEnabled() ? int(QDialog::Accepted) : int(QDialog::Rejected);
    });
    page->action(QStringLiteral("run"))->trigger();
    QTRY_COMPARE(started.size(), 1);
    QVERIFY(collapsed);
    QVERIFY(limitShown);
    QVERIFY(badUrlRefused);
    QVERIFY(shortSecretRefused);
    QVERIFY(secretHidden);
    const QString executionId = started.at(0).at(0).toString();

    // The callback came, signed with the typed secret.
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.requestsTo("/finished").size(), 1, 20000);
    const RecordedRequest got = m_receiver.requestsTo("/finished").first();
    QCOMPARE(got.headers.value("x-hivemind-signature"),
             QByteArrayLiteral("sha256=") +
                 hm::crypto::hmacSha256(kCallbackSecret.toUtf8(),
                                        got.headers.value("x-hivemind-timestamp") + '.' + got.body)
                     .toHex());
    QCOMPARE(QJsonDocument::fromJson(got.body).object().value("execution_id").toString(),
             executionId);
    // The server's record of it: the URL without its query.
    QJsonObject callback;
    QTRY_VERIFY([&] {
        callback =
            call(*m_admin, hm::client::ApiRequest::get(QStringLiteral("/api/v1/executions/") +
                                                       executionId + QStringLiteral("/callback")));
        return callback.value(QStringLiteral("status")).toString() == QLatin1String("delivered");
    }());
    QCOMPARE(callback.value(QStringLiteral("url")).toString(),
             m_receiver.url(QStringLiteral("/finished")));
    // Priority and timeout as the server took them (its audit entry).
    QJsonObject audit;
    QTRY_VERIFY(!(audit = triggerAudit(executionId)).isEmpty());
    const QJsonObject sent = audit.value(QStringLiteral("options")).toObject();
    QCOMPARE(sent.value(QStringLiteral("priority")).toInt(), 42);
    QCOMPARE(sent.value(QStringLiteral("timeout_override_ms")).toInteger(), 120000);
    QCOMPARE(sent.value(QStringLiteral("callback_url")).toString(),
             m_receiver.url(QStringLiteral("/finished")));
    QVERIFY(!QJsonDocument(audit).toJson().contains(kCallbackSecret.toUtf8()));
}

void TestFlowRunOptions::noOptionsSendsNone()
{
    const QString id = publishedFlow(QStringLiteral("Run plainly"));
    QVERIFY(!id.isEmpty());
    auto page = makePage(m_server.connection->client());
    selectRow(page.get(), id);
    QSignalSpy started(page.get(), &FlowsPage::executionStarted);
    QTRY_VERIFY(page->action(QStringLiteral("run"))->isEnabled());
    DialogSeam::setNextHandler([](QDialog *dialog) {
        return qobject_cast<TriggerDialog *>(dialog) ? int(QDialog::Accepted)
                                                     : int(QDialog::Rejected);
    });
    page->action(QStringLiteral("run"))->trigger();
    QTRY_COMPARE(started.size(), 1);
    const QString executionId = started.at(0).at(0).toString();
    QJsonObject audit;
    QTRY_VERIFY(!(audit = triggerAudit(executionId)).isEmpty());
    QVERIFY(audit.value(QStringLiteral("options")).toObject().isEmpty());
    // No callback asked for: none recorded.
    auto missing = await<QJsonValue>([&](auto done) {
        m_admin->call<QJsonValue>(
            hm::client::ApiRequest::get(QStringLiteral("/api/v1/executions/") + executionId +
                                        QStringLiteral("/callback")),
            [](const hm::client::ApiResponse &r) { return r.data; }, done);
    });
    QVERIFY(!missing.ok());
}

void TestFlowRunOptions::retentionShowsWhatAppliesAndResets()
{
    const QString id = publishedFlow(QStringLiteral("Keep a while"));
    QVERIFY(!id.isEmpty());
    auto page = makePage(m_server.connection->client());
    selectRow(page.get(), id);
    QAction *retention = page->action(QStringLiteral("retention"));
    QTRY_VERIFY(retention->isEnabled());
    const QString path = QStringLiteral("/api/v1/flows/") + id + QStringLiteral("/retention");

    // 1. Follows the server (45 days, no count limit); an own age saved.
    QString followed, countFollowed, ownShown;
    bool savedOnServer = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *d = qobject_cast<FlowRetentionDialog *>(dialog);
        if (!d || !QTest::qWaitFor([d] { return !d->isBusy(); }, 15000))
            return int(QDialog::Rejected);
        followed = child<QLabel>(d, "flows.retention.ageEffective")->text();
        countFollowed = child<QLabel>(d, "flows.retention.countEffective")->text();
        if (child<QPushButton>(d, "flows.retention.reset")->isEnabled() ||
            child<QPushButton>(d, "flows.retention.save")->isEnabled())
            return int(QDialog::Rejected); // nothing to reset or save yet
        child<QComboBox>(d, "flows.retention.ageMode")
            ->setCurrentIndex(FlowRetentionDialog::OwnLimit);
        child<QSpinBox>(d, "flows.retention.ageDays")->setValue(7);
        child<QComboBox>(d, "flows.retention.countMode")
            ->setCurrentIndex(FlowRetentionDialog::NoLimit);
        ownShown = child<QLabel>(d, "flows.retention.ageEffective")->text();
        child<QPushButton>(d, "flows.retention.save")->click();
        savedOnServer = QTest::qWaitFor(
            [d] { return !d->isBusy() && d->changes().isEmpty() && !d->message().isEmpty(); },
            15000);
        return int(QDialog::Accepted);
    });
    retention->trigger();
    // The amounts as the console words them (plural forms come with the
    // translations).
    const auto days = [](int n) { return FlowRetentionDialog::tr("%n day(s)", nullptr, n); };
    QCOMPARE(
        followed,
        QStringLiteral("Applies: %1, the server's setting (Settings › Retention).").arg(days(45)));
    QCOMPARE(countFollowed,
             QStringLiteral("Applies: no limit, the server's setting (Settings › Retention)."));
    QCOMPARE(ownShown, QStringLiteral("Applies: %1, this flow's own setting.").arg(days(7)));
    QVERIFY(savedOnServer);
    QJsonObject stored = call(*m_admin, hm::client::ApiRequest::get(path));
    QCOMPARE(stored.value(QStringLiteral("max_age_days")).toInt(), 7);
    QCOMPARE(stored.value(QStringLiteral("max_executions")).toInt(-1), 0);

    // 2. Opened again: pre-filled from the server; reset to its settings.
    int ageMode = -1, storedDays = -1;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *d = qobject_cast<FlowRetentionDialog *>(dialog);
        if (!d || !QTest::qWaitFor([d] { return !d->isBusy(); }, 15000))
            return int(QDialog::Rejected);
        ageMode = child<QComboBox>(d, "flows.retention.ageMode")->currentIndex();
        storedDays = child<QSpinBox>(d, "flows.retention.ageDays")->value();
        child<QPushButton>(d, "flows.retention.reset")->click();
        child<QPushButton>(d, "flows.retention.save")->click();
        (void)QTest::qWaitFor([d] { return !d->isBusy(); }, 15000);
        return int(QDialog::Accepted);
    });
    retention->trigger();
    QCOMPARE(ageMode, int(FlowRetentionDialog::OwnLimit));
    QCOMPARE(storedDays, 7);
    stored = call(*m_admin, hm::client::ApiRequest::get(path));
    QVERIFY(stored.value(QStringLiteral("max_age_days")).isNull());
    QVERIFY(stored.value(QStringLiteral("max_executions")).isNull());
}

void TestFlowRunOptions::retentionIsReadOnlyForAViewer()
{
    const QString id = publishedFlow(QStringLiteral("Looked at only"));
    QVERIFY(!id.isEmpty());
    QVERIFY(!call(*m_admin,
                  hm::client::ApiRequest::put(QStringLiteral("/api/v1/flows/") + id +
                                                  QStringLiteral("/retention"),
                                              QJsonObject{{QStringLiteral("max_executions"), 20}}))
                 .isEmpty());
    const auto viewer = m_server.createUser(QStringLiteral("vera"), QStringLiteral("viewer"),
                                            QStringLiteral("Vi3wer!Passw0rd"));
    QVERIFY(!viewer.id.isEmpty());
    auto client = m_server.signIn(QStringLiteral("vera"), QStringLiteral("Vi3wer!Passw0rd"));
    QVERIFY(client);
    // Shared to view, as a viewer sees flows.
    QVERIFY(
        !call(*m_admin, hm::client::ApiRequest::post(
                            QStringLiteral("/api/v1/flows/") + id + QStringLiteral("/shares"),
                            QJsonObject{{QStringLiteral("email"), viewer.email},
                                        {QStringLiteral("permission"), QStringLiteral("view")}}))
             .isEmpty());
    FlowRetentionDialog dialog(client.get(), id, QStringLiteral("Looked at only"), false);
    dialog.show();
    QTRY_VERIFY(!dialog.isBusy() && !dialog.stored().isEmpty());
    QCOMPARE(child<QComboBox>(&dialog, "flows.retention.countMode")->currentIndex(),
             int(FlowRetentionDialog::OwnLimit));
    QCOMPARE(child<QSpinBox>(&dialog, "flows.retention.count")->value(), 20);
    QCOMPARE(child<QLabel>(&dialog, "flows.retention.countEffective")->text(),
             QStringLiteral("Applies: %1, this flow's own setting.")
                 .arg(FlowRetentionDialog::tr("%n execution(s)", nullptr, 20)));
    QVERIFY(!child<QComboBox>(&dialog, "flows.retention.countMode")->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, "flows.retention.save")->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, "flows.retention.reset")->isEnabled());
    QVERIFY(child<QLabel>(&dialog, "flows.retention.readOnly")->isVisible());
}

void TestFlowRunOptions::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots)
    QVERIFY(QDir().mkpath(dir));
    const QString id = publishedFlow(QStringLiteral("Nightly sales report"));
    QVERIFY(!id.isEmpty());
    QVERIFY(!call(*m_admin,
                  hm::client::ApiRequest::put(QStringLiteral("/api/v1/flows/") + id +
                                                  QStringLiteral("/retention"),
                                              QJsonObject{{QStringLiteral("max_age_days"), 14}}))
                 .isEmpty());
    ThemeManager themes;
    // Every language in the light theme, and English in the dark one; the
    // dialogs wear the console's style sheet as they do under the main window.
    for (const auto &[language, dark] :
         {std::pair{QStringLiteral("en"), false}, std::pair{QStringLiteral("zh_TW"), false},
          std::pair{QStringLiteral("zh_CN"), false}, std::pair{QStringLiteral("en"), true}}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        themes.setMode(dark ? ThemeManager::Mode::Dark : ThemeManager::Mode::Light,
                       ThemeManager::Persist::No);
        const QString shot = dark ? language + QStringLiteral("-dark") : language;
        TriggerDialog trigger(QStringLiteral("Nightly sales report"));
        trigger.setStyleSheet(ThemeManager::styleSheet(dark));
        trigger.setVersions(QStringLiteral("3"), QStringLiteral("4"));
        trigger.setInputs(QJsonObject{{QStringLiteral("since"), QStringLiteral("2026-11-01")}});
        trigger.setFlowTimeoutMs(300000);
        trigger.optionsBox()->setExpanded(true);
        child<QComboBox>(&trigger, "flows.trigger.priority")->setCurrentIndex(2);
        child<QSpinBox>(&trigger, "flows.trigger.timeout")->setValue(90);
        child<QLineEdit>(&trigger, "flows.trigger.callbackUrl")
            ->setText(QStringLiteral("https://ops.example.com/hooks/nightly"));
        trigger.show();
        QVERIFY(QTest::qWaitForWindowExposed(&trigger));
        trigger.adjustSize();
        QApplication::processEvents();
        QVERIFY(trigger.grab().save(dir + QStringLiteral("/flows-run-options-") + shot +
                                    QStringLiteral(".png")));

        FlowRetentionDialog retention(m_admin.get(), id, QStringLiteral("Nightly sales report"),
                                      true);
        retention.setStyleSheet(ThemeManager::styleSheet(dark));
        retention.show();
        QVERIFY(QTest::qWaitForWindowExposed(&retention));
        QTRY_VERIFY(!retention.isBusy());
        retention.adjustSize();
        QApplication::processEvents();
        QVERIFY(retention.grab().save(dir + QStringLiteral("/flows-retention-") + shot +
                                      QStringLiteral(".png")));
    }
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
}

QTEST_MAIN(TestFlowRunOptions)
#include "TestFlowRunOptions.moc"
