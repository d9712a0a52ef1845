// API keys (issue 12, item 2) against a real in-process server over
// loopback: a key made through the create dialog (driven by objectName,
// checked as typed) works with X-API-Key and is refused once revoked from
// the panel; its secret is shown once, copied only by the Copy button, taken
// off the clipboard after the (shortened) delay, and written to no file of
// the data or config directories; a viewer's buttons say why they are off;
// the model passes QAbstractItemModelTester; the language switch. With
// HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves the list and the create
// dialog in en, zh_TW and zh_CN.

#include "AdminTestSupport.h"
#include "SectionWindow.h"
#include "admin/ApiKeyDialog.h"
#include "admin/ApiKeyListModel.h"
#include "admin/ApiKeysPanel.h"
#include "admin/UsersPage.h"
#include "client/AccountApi.h"
#include "client/EventStream.h"
#include "shell/MainWindow.h"
#include "widgets/ClipboardGuard.h"
#include "widgets/MessageBox.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>

using namespace hm::app;
using hm::test::SectionWindow;
using namespace admintest;

namespace {

const QString kPassword = QStringLiteral("Start#Pass2026");

} // namespace

class TestApiKeysPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void dialogChecksAsTyped();
    void createdKeyWorksAndIsRefusedAfterRevoke();
    void clipboardKeepsWhatTheUserCopiedSince();
    void viewerSeesWhyActionsAreOff();
    void anotherConsolesKeysArriveLive();
    void retranslates();
    void screenshots();

private:
    // GET path with X-API-Key; the HTTP status.
    int getWithKey(const QString &path, const QString &key);

    AdminServer m_server;
    QNetworkAccessManager m_network;
};

void TestApiKeysPanel::initTestCase()
{
    QVERIFY(m_server.start("TestApiKeysPanel"));
    ClipboardGuard::setClearDelayMs(400);
}

void TestApiKeysPanel::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    DialogSeam::setNextHandler({});
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestApiKeysPanel::cleanupTestCase()
{
    m_server.stop();
}

int TestApiKeysPanel::getWithKey(const QString &path, const QString &key)
{
    QNetworkRequest request(m_server.connection->baseUrl().resolved(QUrl(path)));
    request.setRawHeader("X-API-Key", key.toUtf8());
    QNetworkReply *reply = m_network.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000))
        return -1;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

// Two consoles of the same user: a key made and revoked in one appears and
// disappears in the other's list without a refresh (/ws/events), and the
// events never carry the key's secret.
void TestApiKeysPanel::anotherConsolesKeysArriveLive()
{
    ApiKeysPanel panel;
    panel.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->state(), ApiKeyListModel::State::Ready, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(panel.isLive(), 15000);
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // What the server sends on /ws/events, as any listener of this user gets it.
    QStringList heard;
    hm::client::EventStream events;
    connect(&events, &hm::client::EventStream::message, this,
            [&heard](const QString &type, const QJsonObject &data, const QDateTime &) {
                if (type.startsWith(QLatin1String("api_key")))
                    heard << QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
            });
    events.listen(m_server.connection->baseUrl(), m_server.connection->client()->webSocketToken());
    QTRY_VERIFY_WITH_TIMEOUT(events.isOpen(), 15000);

    auto other = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword);
    QVERIFY(other);
    const int before = panel.model()->rowCount();
    hm::client::NewApiKey wanted;
    wanted.name = QStringLiteral("made elsewhere");
    auto made = await<hm::client::ApiKeyInfo>(
        [&](auto done) { hm::client::AccountApi(*other).createApiKey(wanted, done); });
    if (!made.ok())
        QFAIL(qPrintable(made.error().toString()));
    QVERIFY(!made.value().key.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), before + 1, 15000);
    const int row = panel.model()->rowOf(made.value().id);
    QVERIFY(row >= 0);
    QCOMPARE(panel.model()->key(row)->name, QStringLiteral("made elsewhere"));
    QVERIFY(panel.model()->key(row)->key.isEmpty()); // never the secret

    auto revoked = await<void>(
        [&](auto done) { hm::client::AccountApi(*other).revokeApiKey(made.value().id, done); });
    QVERIFY(revoked.ok());
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), before, 15000);
    QCOMPARE(panel.model()->rowOf(made.value().id), -1);

    QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 2, 15000);
    const QString secret = made.value().key.section(u'_', 2); // hm_<prefix>_<secret>
    QVERIFY(!secret.isEmpty());
    for (const QString &message : std::as_const(heard)) {
        QVERIFY2(!message.contains(secret), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("\"api_key\"")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("hash")), qPrintable(message));
    }
}

void TestApiKeysPanel::dialogChecksAsTyped()
{
    ApiKeyDialog dialog(m_server.connection->client(), QStringLiteral("user"));
    auto *ok = child<QPushButton>(&dialog, "apikeys.ok");
    QVERIFY(!ok->isEnabled()); // no name yet
    child<QLineEdit>(&dialog, "apikeys.name")->setText(QStringLiteral("deploy"));
    QVERIFY(ok->isEnabled());

    auto *ips = child<QPlainTextEdit>(&dialog, "apikeys.allowedIps");
    ips->setPlainText(QStringLiteral("10.0.0.0/8\n300.1.2.3"));
    QVERIFY(child<QLabel>(&dialog, "apikeys.allowedIpsError")->isVisibleTo(&dialog));
    QVERIFY(child<QLabel>(&dialog, "apikeys.allowedIpsError")
                ->text()
                .contains(QLatin1String("300.1.2.3")));
    QVERIFY(!ok->isEnabled());
    ips->setPlainText(QStringLiteral("10.0.0.0/8\n2001:db8::/32, 192.168.1.7"));
    QVERIFY(!child<QLabel>(&dialog, "apikeys.allowedIpsError")->isVisibleTo(&dialog));
    QVERIFY(ok->isEnabled());

    auto *endpoints = child<QPlainTextEdit>(&dialog, "apikeys.endpoints");
    endpoints->setPlainText(QStringLiteral("api/v1/flows"));
    QVERIFY(child<QLabel>(&dialog, "apikeys.endpointsError")->isVisibleTo(&dialog));
    QVERIFY(!ok->isEnabled());
    endpoints->setPlainText(QStringLiteral("/api/v1/flows*\n/api/v1/executions/*"));
    QVERIFY(ok->isEnabled());

    auto *permissions = child<QLineEdit>(&dialog, "apikeys.permissions");
    permissions->setText(QStringLiteral("flows.view, rockets.launch"));
    QVERIFY(child<QLabel>(&dialog, "apikeys.permissionsError")->isVisibleTo(&dialog));
    permissions->setText(QStringLiteral("flows.view, wireguard.*"));
    QVERIFY(!child<QLabel>(&dialog, "apikeys.permissionsError")->isVisibleTo(&dialog));

    // The defined permissions are offered as choices, checked as typed;
    // choosing one adds it, choosing it again takes it out.
    auto *menu = child<QMenu>(&dialog, "apikeys.permissionMenu");
    QVERIFY(menu);
    QCOMPARE(child<QPushButton>(&dialog, "apikeys.choosePermissions")->menu(), menu);
    emit menu->aboutToShow();
    QVERIFY(child<QAction>(menu, "apikeys.permission.flows.view")->isChecked());
    QVERIFY(child<QAction>(menu, "apikeys.permission.wireguard.*")->isChecked());
    QVERIFY(!child<QAction>(menu, "apikeys.permission.executions.execute")->isChecked());
    QVERIFY(child<QMenu>(menu, "apikeys.permissionArea.nodes"));
    child<QAction>(menu, "apikeys.permission.executions.execute")->trigger();
    QCOMPARE(permissions->text(), QStringLiteral("flows.view, wireguard.*, executions.execute"));
    emit menu->aboutToShow();
    child<QAction>(menu, "apikeys.permission.flows.view")->trigger();
    QCOMPARE(permissions->text(), QStringLiteral("wireguard.*, executions.execute"));
    // Every choice is one the server accepts.
    emit menu->aboutToShow();
    QStringList offered;
    for (QAction *action : menu->findChildren<QAction *>())
        if (action->objectName().startsWith(QLatin1String("apikeys.permission.")))
            offered << action->objectName().mid(int(qstrlen("apikeys.permission.")));
    QVERIFY(offered.size() > 40);
    QString error;
    hm::app::parsePermissions(offered.join(u','), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    permissions->setText(QStringLiteral("flows.view, wireguard.*"));

    // Burst only with a rate; the limits go to the server as typed.
    auto *rate = child<QSpinBox>(&dialog, "apikeys.rateLimit");
    auto *burst = child<QSpinBox>(&dialog, "apikeys.burstLimit");
    QVERIFY(!burst->isEnabled());
    rate->setValue(120);
    QVERIFY(burst->isEnabled());
    burst->setValue(20);
    const hm::client::NewApiKey key = dialog.key();
    QCOMPARE(key.allowedIps,
             QStringList({QStringLiteral("10.0.0.0/8"), QStringLiteral("2001:db8::/32"),
                          QStringLiteral("192.168.1.7")}));
    QCOMPARE(key.permissions,
             QStringList({QStringLiteral("flows.view"), QStringLiteral("wireguard.*")}));
    QCOMPARE(key.requestsPerMinute, 120);
    QCOMPARE(key.burstLimit, 20);

    // A user may not pick the administration level.
    auto *access = child<QComboBox>(&dialog, "apikeys.accessLevel");
    access->setCurrentIndex(2);
    QVERIFY(!ok->isEnabled());
}

void TestApiKeysPanel::createdKeyWorksAndIsRefusedAfterRevoke()
{
    ApiKeysPanel panel;
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.setSession(m_server.connection->client(), m_server.admin);
    panel.show();
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->state(), ApiKeyListModel::State::Ready, 15000);
    const int before = panel.model()->rowCount();
    QVERIFY(child<QLabel>(&panel, "apikeys.state")->text().contains(QLatin1String("no API keys")));

    QString secret;
    QString clipboardAfterCopy;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("apikeys.dialog"))
            return int(QDialog::Rejected);
        child<QLineEdit>(dialog, "apikeys.name")->setText(QStringLiteral("ci-script"));
        child<QLineEdit>(dialog, "apikeys.description")->setText(QStringLiteral("nightly"));
        auto *access = child<QComboBox>(dialog, "apikeys.accessLevel");
        access->setCurrentIndex(access->findData(QStringLiteral("write")));
        child<QPlainTextEdit>(dialog, "apikeys.allowedIps")
            ->setPlainText(QStringLiteral("127.0.0.0/8\n::1"));
        child<QPlainTextEdit>(dialog, "apikeys.endpoints")
            ->setPlainText(QStringLiteral("/api/v1/users/me*"));
        child<QSpinBox>(dialog, "apikeys.rateLimit")->setValue(600);
        child<QSpinBox>(dialog, "apikeys.burstLimit")->setValue(30);
        child<QCheckBox>(dialog, "apikeys.expires")->setChecked(true);
        // The secret dialog comes next.
        DialogSeam::setNextHandler([&](QDialog *shown) {
            if (shown->objectName() != QLatin1String("apikeys.secretDialog"))
                return int(QDialog::Rejected);
            secret = child<QLineEdit>(shown, "apikeys.secret")->text();
            child<QPushButton>(shown, "apikeys.copy")->click();
            clipboardAfterCopy = QGuiApplication::clipboard()->text();
            return int(QDialog::Accepted);
        });
        child<QPushButton>(dialog, "apikeys.ok")->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&panel, "apikeys.create")->click();
    QVERIFY2(secret.startsWith(QLatin1String("hm_")), qPrintable(secret));
    QCOMPARE(clipboardAfterCopy, secret);
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), before + 1, 15000);
    const int row = panel.model()->rowOf(panel.model()->key(0)->id);
    QVERIFY(row >= 0);
    const hm::client::ApiKeyInfo *key = panel.model()->key(row);
    QCOMPARE(key->name, QStringLiteral("ci-script"));
    QCOMPARE(key->accessLevel, QStringLiteral("write"));
    QCOMPARE(key->requestsPerMinute, 600);
    QCOMPARE(key->burstLimit, 30);
    QVERIFY(key->expiresAt.isValid());
    QVERIFY(key->key.isEmpty()); // the list never holds the secret
    QCOMPARE(
        panel.model()->data(panel.model()->index(row, ApiKeyListModel::BurstColumn)).toString(),
        QStringLiteral("30"));
    QCOMPARE(
        panel.model()->data(panel.model()->index(row, ApiKeyListModel::EndpointsColumn)).toString(),
        QStringLiteral("/api/v1/users/me*"));

    // The clipboard is cleared after the delay (it still held the key).
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);

    // The key works for what it allows, and only that.
    QCOMPARE(getWithKey(QStringLiteral("/api/v1/users/me"), secret), 200);
    QCOMPARE(getWithKey(QStringLiteral("/api/v1/flows"), secret), 403);

    // Revoke from the panel, confirmed through the seam: refused from then on.
    auto *view = child<QTableView>(&panel, "apikeys.list");
    view->selectRow(row);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&panel, "apikeys.revoke")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("apikeys.confirmRevoke"));
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), before, 15000);
    QCOMPARE(getWithKey(QStringLiteral("/api/v1/users/me"), secret), 401);

    // The secret is in no file of the data or config directories.
    QCOMPARE(filesContaining(m_server.dataDir.path(), secret.toUtf8()), QStringList());
    QCOMPARE(filesContaining(m_server.configDir.path(), secret.toUtf8()), QStringList());
}

void TestApiKeysPanel::clipboardKeepsWhatTheUserCopiedSince()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    ClipboardGuard::copySecret(QStringLiteral("hm_00000000_secretsecretsecretsecret"));
    QCOMPARE(clipboard->text(), QStringLiteral("hm_00000000_secretsecretsecretsecret"));
    clipboard->setText(QStringLiteral("something the user copied"));
    QTest::qWait(ClipboardGuard::clearDelayMs() + 300); // past the delay, on purpose
    QCOMPARE(clipboard->text(), QStringLiteral("something the user copied"));
}

void TestApiKeysPanel::viewerSeesWhyActionsAreOff()
{
    hm::client::UserInfo user;
    auto client = m_server.newSignedInUser(QStringLiteral("vince"), QStringLiteral("viewer"),
                                           kPassword, &user);
    QVERIFY(client);
    ApiKeysPanel panel;
    panel.setSession(client.get(), user);
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->state(), ApiKeyListModel::State::Ready, 15000);
    auto *create = child<QPushButton>(&panel, "apikeys.create");
    QVERIFY(!create->isEnabled());
    QCOMPARE(create->toolTip(), QStringLiteral("Viewers may only look; you are signed in as "
                                               "Viewer."));
    QVERIFY(!child<QPushButton>(&panel, "apikeys.revoke")->isEnabled());
    // Forced anyway: the server's 403 is explained, never silent.
    ApiKeyDialog dialog(client.get(), user.role);
    child<QLineEdit>(&dialog, "apikeys.name")->setText(QStringLiteral("forced"));
    dialog.submit();
    auto *error = child<QLabel>(&dialog, "apikeys.error");
    QTRY_VERIFY_WITH_TIMEOUT(!error->text().isEmpty(), 15000);
    QCOMPARE(error->text(), QStringLiteral("The server refused this: your role (Viewer) may not "
                                           "do it. Ask an administrator."));
    // Worded again after a language switch (it stayed in English).
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString english = error->text();
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_VERIFY2(!error->text().isEmpty() && error->text() != english &&
                     !error->text().contains(QLatin1String("refused")),
                 qPrintable(error->text()));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(error->text(), english);
}

void TestApiKeysPanel::retranslates()
{
    ApiKeysPanel panel;
    panel.setSession(m_server.connection->client(), m_server.admin);
    auto *create = child<QPushButton>(&panel, "apikeys.create");
    QTRY_COMPARE(create->text(), QStringLiteral("New API key..."));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(create->text(), QStringLiteral("新增 API 金鑰…"));
    QTRY_COMPARE(panel.model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("名稱"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(create->text(), QStringLiteral("新建 API 密钥…"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(create->text(), QStringLiteral("New API key..."));
}

void TestApiKeysPanel::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots)
    QVERIFY(QDir().mkpath(dir));
    // Two keys to show.
    for (const auto &[name, level] :
         {std::pair{QStringLiteral("backup-nightly"), QStringLiteral("read")},
          std::pair{QStringLiteral("deploy-pipeline"), QStringLiteral("write")}}) {
        hm::client::NewApiKey key;
        key.name = name;
        key.accessLevel = level;
        key.allowedIps = {QStringLiteral("10.20.0.0/16")};
        key.allowedEndpoints = {QStringLiteral("/api/v1/flows*")};
        key.requestsPerMinute = 120;
        key.burstLimit = 20;
        key.expiresAt = QDateTime::currentDateTime().addDays(90);
        auto made = await<hm::client::ApiKeyInfo>([&](auto done) {
            hm::client::AccountApi(*m_server.connection->client()).createApiKey(key, done);
        });
        QVERIFY(made.ok());
    }
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        SectionWindow shown(m_server.languages.get(), m_server.connection.get(), QSize(1280, 800));
        QVERIFY(shown.open(QStringLiteral("users")));
        MainWindow &window = shown.window();
        auto *page = shown.page<UsersPage>();
        QVERIFY(page);
        page->tabs()->setCurrentWidget(page->apiKeysPanel());
        QTRY_COMPARE_WITH_TIMEOUT(page->apiKeysPanel()->model()->rowCount(), 2, 15000);
        QApplication::processEvents();
        QVERIFY(window.grab().save(dir + QStringLiteral("/apikeys-list-") + language +
                                   QStringLiteral(".png")));
        ApiKeyDialog dialog(m_server.connection->client(), QStringLiteral("admin"), &window);
        child<QLineEdit>(&dialog, "apikeys.name")->setText(QStringLiteral("grafana"));
        child<QPlainTextEdit>(&dialog, "apikeys.allowedIps")
            ->setPlainText(QStringLiteral("10.20.0.0/16\n300.1.2.3"));
        child<QSpinBox>(&dialog, "apikeys.rateLimit")->setValue(60);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QApplication::processEvents();
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/apikeys-create-") + language +
                                   QStringLiteral(".png")));
        // The permission choices, one area open.
        auto *menu = child<QMenu>(&dialog, "apikeys.permissionMenu");
        child<QLineEdit>(&dialog, "apikeys.permissions")
            ->setText(QStringLiteral("flows.view, executions.execute"));
        menu->popup(dialog.mapToGlobal(QPoint(dialog.width() / 2, 40)));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        auto *flows = child<QMenu>(menu, "apikeys.permissionArea.flows");
        flows->popup(menu->mapToGlobal(QPoint(menu->width(), 0)));
        QVERIFY(QTest::qWaitForWindowExposed(flows));
        QApplication::processEvents();
        QImage both(menu->width() + flows->width(), std::max(menu->height(), flows->height()),
                    QImage::Format_ARGB32);
        both.fill(Qt::white);
        QPainter painter(&both);
        painter.drawPixmap(0, 0, menu->grab());
        painter.drawPixmap(menu->width(), 0, flows->grab());
        painter.end();
        QVERIFY(both.save(dir + QStringLiteral("/apikeys-permissions-") + language +
                          QStringLiteral(".png")));
        flows->hide();
        menu->hide();
    }
}

QTEST_MAIN(TestApiKeysPanel)
#include "TestApiKeysPanel.moc"
