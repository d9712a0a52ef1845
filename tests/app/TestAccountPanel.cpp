// "My account" (issue 12, item 1) against a real in-process server over
// loopback: two-factor enrolment end to end (the QR code drawn by the panel
// decodes with zbarimg to the server's otpauth URI, a TOTP computed from its
// secret turns 2FA on, a sign-in then needs a code, and the panel turns it
// off again), the password change with the server's policy (read before
// submitting by an administrator, learnt from the refusal by a user),
// sessions listed and revoked, sign out, the language of account e-mails
// (pre-filled from the server, saved when chosen, a refusal leaving the
// stored one), and the language switch. With
// HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves the enrolment in en,
// zh_TW and zh_CN.

#include "AdminTestSupport.h"
#include "BaselineSupport.h"
#include "admin/AccountPanel.h"
#include "crypto/Totp.h"
#include "shell/MainWindow.h"
#include "widgets/ClipboardGuard.h"
#include "widgets/MessageBox.h"
#include "widgets/QrCode.h"
#include "widgets/ThemeManager.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QUrlQuery>

using namespace hm::app;
using namespace admintest;

namespace {

const QString kPassword = QStringLiteral("Start#Pass2026");

// Waits (event-driven) until the current 30 s TOTP step has at least 8 s
// left, so codes of the steps before and after stay inside the window.
bool awayFromStepEdge()
{
    return QTest::qWaitFor([] { return QDateTime::currentSecsSinceEpoch() % 30 < 22; }, 15000);
}

QString codeAt(const QByteArray &secret, qint64 unixTime)
{
    return hm::crypto::totpCode(secret, unixTime).value();
}

} // namespace

class TestAccountPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void showsTheProfile();
    void mailLanguageFromAndToTheServer();
    void twoFactorEnrolmentEndToEnd();
    void qrCodeMatchesLibqrencodeModules();
    void passwordChangeWrongThenRight();
    void administratorSeesThePolicyBeforeSubmitting();
    void sessionsListedAndOthersRevoked();
    void signOutFromTheMenuDialog();
    void retranslates();
    void profileValuesSitOnTheirCaptionsBaseline();
    void screenshots();

private:
    AdminServer m_server;
};

void TestAccountPanel::initTestCase()
{
    QVERIFY(m_server.start("TestAccountPanel"));
}

void TestAccountPanel::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    DialogSeam::setNextHandler({});
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestAccountPanel::cleanupTestCase()
{
    m_server.stop();
}

void TestAccountPanel::showsTheProfile()
{
    hm::client::UserInfo user;
    auto client = m_server.newSignedInUser(QStringLiteral("paula"), QStringLiteral("viewer"),
                                           kPassword, &user);
    QVERIFY(client);
    AccountPanel panel;
    panel.setSession(client.get(), user);
    QCOMPARE(child<QLabel>(&panel, "account.username")->text(), QStringLiteral("paula"));
    QCOMPARE(child<QLabel>(&panel, "account.email")->text(), QStringLiteral("paula@example.test"));
    QCOMPARE(child<QLabel>(&panel, "account.role")->text(), QStringLiteral("Viewer"));
    QCOMPARE(child<QLabel>(&panel, "account.twoFactorSummary")->text(), QStringLiteral("Off"));

    // Nobody signed in: says so, and the tabs that need a session are off.
    panel.setSession(nullptr, {});
    QVERIFY(child<QLabel>(&panel, "account.notSignedIn")->isVisibleTo(&panel));
    QVERIFY(!child<QTabWidget>(&panel, "account.tabs")->isTabEnabled(2));
    QVERIFY(!child<QPushButton>(&panel, "account.signOut")->isEnabled());
}

void TestAccountPanel::mailLanguageFromAndToTheServer()
{
    hm::client::UserInfo user;
    auto client =
        m_server.newSignedInUser(QStringLiteral("wen"), QStringLiteral("viewer"), kPassword, &user);
    QVERIFY(client);
    const auto me = [](hm::client::ApiClient &on) {
        auto answer = await<QJsonValue>([&](auto done) {
            on.call<QJsonValue>(
                hm::client::ApiRequest::get(QStringLiteral("/api/v1/users/me")),
                [](const hm::client::ApiResponse &r) { return r.data; }, done);
        });
        return answer.ok() ? answer.value().toObject().value(QStringLiteral("language")).toString()
                           : QString();
    };
    // Chosen elsewhere before the panel opens: the panel shows it.
    auto put = await<QJsonValue>([&](auto done) {
        client->call<QJsonValue>(
            hm::client::ApiRequest::put(
                QStringLiteral("/api/v1/users/me/language"),
                QJsonObject{{QStringLiteral("language"), QStringLiteral("zh-TW")}}),
            [](const hm::client::ApiResponse &r) { return r.data; }, done);
    });
    QVERIFY(put.ok());

    AccountPanel panel;
    panel.resize(720, 560);
    panel.setSession(client.get(), user);
    panel.show();
    auto *language = child<QComboBox>(&panel, "account.mailLanguage");
    QCOMPARE(language->count(), 3);
    // Each language in its own name, whatever the console's language.
    QCOMPARE(language->itemText(0), QStringLiteral("English"));
    QCOMPARE(language->itemText(1), QStringLiteral("繁體中文"));
    QCOMPARE(language->itemText(2), QStringLiteral("简体中文"));
    QTRY_COMPARE(panel.mailLanguage(), QStringLiteral("zh-TW"));
    QCOMPARE(language->currentData().toString(), QStringLiteral("zh-TW"));
    QVERIFY(language->isEnabled());

    // Chosen in the panel: saved at once, as the server says.
    language->setCurrentIndex(2);
    emit language->activated(2);
    QTRY_COMPARE(panel.mailLanguage(), QStringLiteral("zh-CN"));
    QCOMPARE(child<QLabel>(&panel, "account.mailLanguageStatus")->text(), QStringLiteral("Saved."));
    QCOMPARE(me(*client), QStringLiteral("zh-CN"));

    // A session that ended: not saved, said, and the stored choice shown.
    auto other = m_server.signIn(QStringLiteral("wen"), kPassword);
    QVERIFY(other);
    auto revoked = await<bool>([&](auto done) {
        hm::client::AccountApi(*other).revokeOtherSessions(
            [done](hm::Status s) { done(hm::Result<bool>(s.ok())); });
    });
    QVERIFY(revoked.ok() && revoked.value());
    language->setCurrentIndex(0);
    emit language->activated(0);
    auto *status = child<QLabel>(&panel, "account.mailLanguageStatus");
    QTRY_VERIFY(status->text().startsWith(QStringLiteral("Not saved: ")));
    // Said again in the console's new language (it stayed in English).
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_VERIFY2(status->text().startsWith(QStringLiteral("未保存：")), qPrintable(status->text()));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_VERIFY(status->text().startsWith(QStringLiteral("Not saved: ")));
    QCOMPARE(language->currentData().toString(), QStringLiteral("zh-CN"));
    QCOMPARE(me(*other), QStringLiteral("zh-CN"));

    // Signed out: nothing to choose.
    panel.setSession(nullptr, {});
    QVERIFY(!language->isEnabled());
}

void TestAccountPanel::twoFactorEnrolmentEndToEnd()
{
    hm::client::UserInfo user;
    auto client =
        m_server.newSignedInUser(QStringLiteral("carol"), QStringLiteral("user"), kPassword, &user);
    QVERIFY(client);
    AccountPanel panel;
    panel.resize(720, 560);
    panel.setSession(client.get(), user);
    panel.show();
    child<QTabWidget>(&panel, "account.tabs")->setCurrentIndex(2);

    child<QPushButton>(&panel, "account.enrol2fa")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.pendingOtpauthUri().isEmpty(), 15000);
    const QString uri = panel.pendingOtpauthUri();
    QVERIFY(uri.startsWith(QLatin1String("otpauth://totp/")));
    QVERIFY(child<QWidget>(&panel, "account.qrCode")->isVisible());

    // The picture on screen decodes to the server's URI (zbarimg reads the
    // PNG this test writes; the panel itself never writes one).
    const QImage image = panel.qrImage();
    QVERIFY(!image.isNull());
    QTemporaryDir scratch;
    const QString png = scratch.filePath(QStringLiteral("qr.png"));
    QVERIFY(image.save(png));
    const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    QVERIFY2(!zbarimg.isEmpty(), "zbarimg (Debian zbar-tools) is needed");
    QProcess zbar;
    zbar.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), png});
    QVERIFY(zbar.waitForFinished(20000));
    QCOMPARE(zbar.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(zbar.readAllStandardOutput()).trimmed(), uri);

    // Nothing of the enrolment reached the clipboard or the config/data dirs.
    const QString secretText = QUrlQuery(QUrl(uri)).queryItemValue(QStringLiteral("secret"));
    QVERIFY(!secretText.isEmpty());
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty() ||
            !QGuiApplication::clipboard()->text().contains(secretText));
    QCOMPARE(filesContaining(m_server.configDir.path(), secretText.toUtf8()), QStringList());

    // A wrong code is refused and explained; the right one turns 2FA on.
    const QByteArray secret = base32Decode(secretText);
    QVERIFY(awayFromStepEdge());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto *code = child<QLineEdit>(&panel, "account.totpCode");
    const QString right = codeAt(secret, now - 30);
    QString wrong = QStringLiteral("000000");
    for (int delta : {-60, -30, 0, 30, 60}) {
        if (codeAt(secret, now + delta) == wrong)
            wrong = QStringLiteral("111111");
    }
    code->setText(wrong);
    child<QPushButton>(&panel, "account.verify2fa")->click();
    auto *error = child<QLabel>(&panel, "account.twoFactorError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15000);
    QVERIFY2(error->text().contains(QLatin1String("code is wrong")), qPrintable(error->text()));
    QVERIFY(!panel.user().twoFactorEnabled);

    QSignalSpy changed(&panel, &AccountPanel::twoFactorChanged);
    code->setText(right);
    child<QPushButton>(&panel, "account.verify2fa")->click();
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 15000);
    QVERIFY(panel.user().twoFactorEnabled);
    QVERIFY(panel.pendingOtpauthUri().isEmpty());
    QVERIFY(panel.qrImage().isNull());
    QVERIFY(child<QWidget>(&panel, "account.disableBox")->isVisible());

    // The recovery codes, shown once, copied for 30 s (shortened here).
    auto *recovery = child<QPlainTextEdit>(&panel, "account.recoveryCodes");
    QVERIFY(child<QWidget>(&panel, "account.recoveryBox")->isVisible());
    const QStringList codes = recovery->toPlainText().split(u'\n');
    QCOMPARE(codes.size(), 10);
    ClipboardGuard::setClearDelayMs(300);
    child<QPushButton>(&panel, "account.copyRecoveryCodes")->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), codes.join(u'\n'));
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);
    ClipboardGuard::setClearDelayMs(30000);
    child<QPushButton>(&panel, "account.hideRecoveryCodes")->click();
    QVERIFY(!child<QWidget>(&panel, "account.recoveryBox")->isVisible());
    QVERIFY(recovery->toPlainText().isEmpty());

    // Signing in now needs a code: one of the recovery codes does.
    hm::client::ApiClient other;
    other.setBaseUrl(m_server.connection->baseUrl());
    auto login = await<hm::client::LoginResult>(
        [&](auto done) { other.login(QStringLiteral("carol"), kPassword, done); });
    if (!login.ok())
        QFAIL(qPrintable(login.error().toString()));
    QVERIFY(login.value().twoFactorRequired);
    QVERIFY(!other.hasSession());
    auto verified = await<hm::client::LoginResult>([&](auto done) {
        other.verifyTwoFactor(login.value().pendingToken, codes.at(0), QStringLiteral("recovery"),
                              done);
    });
    if (!verified.ok())
        QFAIL(qPrintable(verified.error().toString()));
    QVERIFY(other.hasSession());

    // New recovery codes with the password and a code: shown again, all
    // new.
    child<QLineEdit>(&panel, "account.disablePassword")->setText(kPassword);
    child<QLineEdit>(&panel, "account.disableCode")->setText(codeAt(secret, now));
    child<QPushButton>(&panel, "account.regenerateRecoveryCodes")->click();
    QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(&panel, "account.recoveryBox")->isVisible(), 15000);
    const QStringList renewed = recovery->toPlainText().split(u'\n');
    QCOMPARE(renewed.size(), 10);
    for (const QString &old : codes)
        QVERIFY(!renewed.contains(old));
    QVERIFY(child<QLineEdit>(&panel, "account.disablePassword")->text().isEmpty());

    // Off again with the password and a code.
    child<QLineEdit>(&panel, "account.disablePassword")->setText(kPassword);
    child<QLineEdit>(&panel, "account.disableCode")->setText(codeAt(secret, now + 30));
    child<QPushButton>(&panel, "account.disable2fa")->click();
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 15000);
    QVERIFY(!panel.user().twoFactorEnabled);
    QVERIFY(!child<QWidget>(&panel, "account.recoveryBox")->isVisible());
    auto plain = await<hm::client::LoginResult>(
        [&](auto done) { other.login(QStringLiteral("carol"), kPassword, done); });
    if (!plain.ok())
        QFAIL(qPrintable(plain.error().toString()));
    QVERIFY(!plain.value().twoFactorRequired);
}

void TestAccountPanel::qrCodeMatchesLibqrencodeModules()
{
    // The drawn image holds exactly libqrencode's modules: sample the centre
    // of every module (scale 5, quiet zone 4).
    const QString uri = QStringLiteral("otpauth://totp/HiveMind:x?secret=JBSWY3DPEHPK3PXP");
    const auto modules = qrModules(uri);
    QVERIFY(!modules.isEmpty());
    const QImage image = renderQrCode(uri, 5);
    QCOMPARE(image.width(), (int(modules.size()) + 8) * 5);
    for (int y = 0; y < modules.size(); ++y) {
        for (int x = 0; x < modules.size(); ++x) {
            const bool dark = qGray(image.pixel((x + 4) * 5 + 2, (y + 4) * 5 + 2)) < 128;
            QCOMPARE(dark, modules[y][x]);
        }
    }
}

void TestAccountPanel::passwordChangeWrongThenRight()
{
    hm::client::UserInfo user;
    auto client =
        m_server.newSignedInUser(QStringLiteral("alice"), QStringLiteral("user"), kPassword, &user);
    QVERIFY(client);
    AccountPanel panel;
    panel.setSession(client.get(), user);
    panel.show();
    child<QTabWidget>(&panel, "account.tabs")->setCurrentIndex(1);
    auto *current = child<QLineEdit>(&panel, "account.currentPassword");
    auto *next = child<QLineEdit>(&panel, "account.newPassword");
    auto *confirm = child<QLineEdit>(&panel, "account.confirmPassword");
    auto *submit = child<QPushButton>(&panel, "account.changePassword");
    auto *currentError = child<QLabel>(&panel, "account.currentPasswordError");
    auto *newError = child<QLabel>(&panel, "account.newPasswordError");
    // A user may not read the settings: the policy is not known yet.
    QVERIFY(panel.passwordPolicy().isEmpty());

    // Mismatch: said as typed, nothing sent.
    next->setText(QStringLiteral("Other#Pass2026"));
    confirm->setText(QStringLiteral("Other#Pass2027"));
    QVERIFY(child<QLabel>(&panel, "account.confirmPasswordError")->isVisible());

    // Wrong current password: at that field.
    current->setText(QStringLiteral("not-the-password"));
    confirm->setText(next->text());
    submit->click();
    QTRY_VERIFY_WITH_TIMEOUT(currentError->isVisible(), 15000);
    QCOMPARE(currentError->text(), QStringLiteral("The password is wrong."));
    // The field errors follow a language switch (they stayed in English),
    // the server's refusal as the console words it and the form's own.
    auto *confirmError = child<QLabel>(&panel, "account.confirmPasswordError");
    confirm->setText(QStringLiteral("Other#Pass2027"));
    QCOMPARE(confirmError->text(), QStringLiteral("The two new passwords differ."));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(currentError->text(), QStringLiteral("密碼錯誤。"));
    QCOMPARE(confirmError->text(), QStringLiteral("兩次輸入的新密碼不一致。"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(currentError->text(), QStringLiteral("The password is wrong."));
    confirm->setText(next->text());
    QVERIFY(!confirmError->isVisible());

    // Too weak: at the new password, and the policy comes with the refusal.
    current->setText(kPassword);
    next->setText(QStringLiteral("weak"));
    confirm->setText(QStringLiteral("weak"));
    submit->click();
    QTRY_VERIFY_WITH_TIMEOUT(newError->isVisible(), 15000);
    QVERIFY2(newError->text().contains(QLatin1String("password policy")),
             qPrintable(newError->text()));
    QVERIFY(!panel.passwordPolicy().isEmpty());
    QVERIFY(child<QLabel>(&panel, "account.passwordPolicy")
                ->text()
                .contains(QLatin1String("at least 8 characters")));

    // Right: changed, the old password no longer signs in, the new one does.
    QSignalSpy changed(&panel, &AccountPanel::passwordChanged);
    next->setText(QStringLiteral("Better#Pass2026"));
    confirm->setText(QStringLiteral("Better#Pass2026"));
    submit->click();
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 15000);
    QVERIFY(child<QLabel>(&panel, "account.passwordStatus")
                ->text()
                .contains(QLatin1String("was changed")));
    QVERIFY(!m_server.signIn(QStringLiteral("alice"), kPassword));
    QVERIFY(m_server.signIn(QStringLiteral("alice"), QStringLiteral("Better#Pass2026")));
}

void TestAccountPanel::administratorSeesThePolicyBeforeSubmitting()
{
    AccountPanel panel;
    panel.setSession(m_server.connection->client(), m_server.admin);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.passwordPolicy().isEmpty(), 15000);
    const QString policy = child<QLabel>(&panel, "account.passwordPolicy")->text();
    QVERIFY2(policy.contains(QLatin1String("at least 8 characters")), qPrintable(policy));
    QVERIFY(policy.contains(QLatin1String("a digit")));
    // Checked as typed.
    child<QLineEdit>(&panel, "account.newPassword")->setText(QStringLiteral("abc"));
    QVERIFY(child<QLabel>(&panel, "account.passwordPolicy")->text().contains(u'✗'));
}

void TestAccountPanel::sessionsListedAndOthersRevoked()
{
    const auto created =
        m_server.createUser(QStringLiteral("sam"), QStringLiteral("user"), kPassword);
    QVERIFY(!created.id.isEmpty());
    hm::client::UserInfo user;
    auto console = m_server.signIn(QStringLiteral("sam"), kPassword, &user, "hivemind-console");
    auto phone = m_server.signIn(QStringLiteral("sam"), kPassword, nullptr, "phone-script/1.0");
    auto laptop = m_server.signIn(QStringLiteral("sam"), kPassword, nullptr, "laptop-cli/2.0");
    QVERIFY(console && phone && laptop);

    AccountPanel panel;
    panel.setSession(console.get(), user);
    auto *table = child<QTableWidget>(&panel, "account.sessions");
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 3, 15000);
    // This console's session first and marked.
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("hivemind-console"));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("This console"));
    QVERIFY(table->item(1, 4)->text().isEmpty());
    QVERIFY(!table->item(0, 1)->text().isEmpty()); // the IP address
    auto *revoke = child<QPushButton>(&panel, "account.revokeSession");
    table->selectRow(0);
    QVERIFY(!revoke->isEnabled()); // use Sign out for this one

    // Revoke one (the phone).
    int phoneRow = table->item(1, 0)->text() == QLatin1String("phone-script/1.0") ? 1 : 2;
    table->selectRow(phoneRow);
    QVERIFY(revoke->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    revoke->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("account.confirmRevoke"));
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, 15000);
    auto phoneMe =
        await<hm::client::UserInfo>([&](auto done) { hm::client::AccountApi(*phone).me(done); });
    QVERIFY(!phoneMe.ok());

    // Revoke all others: only this console stays.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&panel, "account.revokeOthers")->click();
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 15000);
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("This console"));
    QVERIFY(!child<QPushButton>(&panel, "account.revokeOthers")->isEnabled());
    auto laptopMe =
        await<hm::client::UserInfo>([&](auto done) { hm::client::AccountApi(*laptop).me(done); });
    QVERIFY(!laptopMe.ok());
    auto consoleMe =
        await<hm::client::UserInfo>([&](auto done) { hm::client::AccountApi(*console).me(done); });
    QVERIFY(consoleMe.ok());
}

void TestAccountPanel::signOutFromTheMenuDialog()
{
    MainWindow::Options options;
    options.persistSettings = false;
    MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
    auto *action = child<QAction>(&window, "action.myAccount");
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    bool shown = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        shown = dialog->objectName() == QLatin1String("account.dialog");
        auto *panel = dialog->findChild<AccountPanel *>();
        if (!panel || panel->user().username != QLatin1String("admin"))
            return int(QDialog::Rejected);
        child<QPushButton>(dialog, "account.signOut")->click();
        return dialog->result();
    });
    action->trigger();
    QVERIFY(shown);
    QTRY_VERIFY(!m_server.connection->isSignedIn());
    QVERIFY(!action->isEnabled());
    // Signed in again for the tests after this one.
    auto login = await<hm::client::LoginResult>([&](auto done) {
        m_server.connection->client()->login(QStringLiteral("admin"), m_server.adminPassword, done);
    });
    QVERIFY(login.ok());
    m_server.connection->setSignedIn(login.value().user);
    QVERIFY(action->isEnabled());
}

void TestAccountPanel::retranslates()
{
    AccountPanel panel;
    panel.setSession(m_server.connection->client(), m_server.admin);
    auto *tabs = child<QTabWidget>(&panel, "account.tabs");
    QTRY_COMPARE(tabs->tabText(2), QStringLiteral("Two-factor authentication"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(tabs->tabText(2), QStringLiteral("雙重驗證"));
    QTRY_COMPARE(child<QLabel>(&panel, "account.role")->text(), QStringLiteral("管理員"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(tabs->tabText(2), QStringLiteral("双重验证"));
    QTRY_COMPARE(child<QPushButton>(&panel, "account.signOut")->text(), QStringLiteral("退出登录"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(tabs->tabText(3), QStringLiteral("Sessions"));
}

// In Chinese the profile's Latin values ("bettina@example.test" beside
// "電子郵件：") sat 1 px above their captions: the caption's line, drawn
// with the taller CJK font, had its baseline lower (half of the fonts'
// difference, as both labels centred their text in the row). Caption
// and value share a baseline, to the pixel, in every language.
void TestAccountPanel::profileValuesSitOnTheirCaptionsBaseline()
{
    hm::client::UserInfo user;
    auto client = m_server.newSignedInUser(QStringLiteral("bettina"), QStringLiteral("user"),
                                           kPassword, &user);
    QVERIFY(client);
    AccountPanel panel;
    panel.setSession(client.get(), user);
    panel.resize(700, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *profile = child<QWidget>(&panel, "account.profileTab");
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        // Username, e-mail, role and two-factor at least (the full name
        // may be empty), captioned in the language.
        QTRY_VERIFY(admintest::bsFormRows(profile).size() >= 4);
        for (const QList<const QLabel *> &row : admintest::bsFormRows(profile))
            QTRY_VERIFY2(admintest::bsTranslated(row.first(), language),
                         qPrintable(row.first()->text()));
        QTRY_VERIFY2(
            admintest::bsMisalignedFormRows(profile, 0).isEmpty(),
            qPrintable(language + u' ' + admintest::bsMisalignedFormRows(profile, 0).join(u"; ")));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestAccountPanel::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots)
    QVERIFY(QDir().mkpath(dir));
    hm::client::UserInfo user;
    auto client = m_server.newSignedInUser(QStringLiteral("lin.mei"), QStringLiteral("user"),
                                           kPassword, &user);
    QVERIFY(client);
    ThemeManager themes;
    // Every language in the light theme, and English in the dark one.
    for (const auto &[language, dark] :
         {std::pair{QStringLiteral("en"), false}, std::pair{QStringLiteral("zh_TW"), false},
          std::pair{QStringLiteral("zh_CN"), false}, std::pair{QStringLiteral("en"), true}}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        themes.setMode(dark ? ThemeManager::Mode::Dark : ThemeManager::Mode::Light,
                       ThemeManager::Persist::No);
        const QString shot = dark ? language + QStringLiteral("-dark") : language;
        AccountDialog dialog(client.get(), user);
        // The console's style sheet, as under the main window.
        dialog.setStyleSheet(ThemeManager::styleSheet(dark));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *panel = dialog.panel();
        QTRY_VERIFY(!panel->mailLanguage().isEmpty());
        QApplication::processEvents();
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/account-profile-") + shot +
                                   QStringLiteral(".png")));
        child<QTabWidget>(panel, "account.tabs")->setCurrentIndex(2);
        child<QPushButton>(panel, "account.enrol2fa")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->pendingOtpauthUri().isEmpty(), 15000);
        QApplication::processEvents();
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/account-2fa-") + shot +
                                   QStringLiteral(".png")));
        child<QTabWidget>(panel, "account.tabs")->setCurrentIndex(1);
        QApplication::processEvents();
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/account-password-") + shot +
                                   QStringLiteral(".png")));
        // The server's refusal of the current password and the form's
        // own mismatch, in the language of the moment.
        child<QLineEdit>(panel, "account.currentPassword")->setText(QStringLiteral("not-it"));
        child<QLineEdit>(panel, "account.newPassword")->setText(QStringLiteral("Other#Pass2026"));
        child<QLineEdit>(panel, "account.confirmPassword")
            ->setText(QStringLiteral("Other#Pass2026"));
        child<QPushButton>(panel, "account.changePassword")->click();
        auto *currentError = child<QLabel>(panel, "account.currentPasswordError");
        QTRY_VERIFY_WITH_TIMEOUT(currentError->isVisible(), 15000);
        child<QLineEdit>(panel, "account.confirmPassword")->setText(QStringLiteral("Other"));
        QApplication::processEvents();
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/account-password-errors-") + shot +
                                   QStringLiteral(".png")));
    }
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
}

QTEST_MAIN(TestAccountPanel)
#include "TestAccountPanel.moc"
