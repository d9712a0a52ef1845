// Signing the console in (issue 11, item 9): the real MainWindow on a real
// in-process LocalServer, the sign-in dialog filled through DialogSeam.

#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/ApiRequest.h"
#include "connection/ConnectionDialog.h"
#include "connection/ServerConnection.h"
#include "connection/ServerProfiles.h"
#include "connection/SignInDialog.h"
#include "crypto/Totp.h"
#include "shell/LanguageManager.h"
#include "shell/MainWindow.h"
#include "shell/Screenshot.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using hm::app::DialogSeam;
using hm::app::LanguageManager;
using hm::app::MainWindow;
using hm::app::ServerConnection;
using hm::app::SignInDialog;

namespace {

QByteArray randomMasterKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end());
    return key.toBase64();
}

// Base32 to bytes as an authenticator app reads a TOTP secret (kept on the
// test side so the product's encoder is not checked against itself).
QByteArray base32Decode(const QString &text)
{
    QByteArray bytes;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        const int v = c.isDigit() ? c.unicode() - '2' + 26 : c.unicode() - 'A';
        buffer = (buffer << 5) | static_cast<quint32>(v);
        bits += 5;
        if (bits >= 8) {
            bytes.append(static_cast<char>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return bytes;
}

template <typename T> T *field(QDialog *dialog, const char *name)
{
    return dialog->findChild<T *>(QString::fromLatin1(name));
}

// Clicks submit and waits until the dialog closed or shows an error.
void submitAndWait(QDialog *dialog)
{
    auto *error = field<QLabel>(dialog, "signin.error");
    error->clear();
    // A step that shows up ends the wait, one already shown does not.
    const bool codeShown = field<QLineEdit>(dialog, "signin.totp")->isVisibleTo(dialog);
    const bool newShown = field<QLineEdit>(dialog, "signin.newPassword")->isVisibleTo(dialog);
    field<QPushButton>(dialog, "signin.submit")->click();
    (void)QTest::qWaitFor(
        [&] {
            return dialog->result() == QDialog::Accepted || !error->text().isEmpty() ||
                   (!codeShown && field<QLineEdit>(dialog, "signin.totp")->isVisibleTo(dialog)) ||
                   (!newShown &&
                    field<QLineEdit>(dialog, "signin.newPassword")->isVisibleTo(dialog));
        },
        20000);
}

// The password the administrator chooses at the first sign-in, when the
// dialog asks for one of their own (the generated one must change).
const QString kOwnPassword = QStringLiteral("Own-Admin-Pass1");

// When the dialog asks for a new password (the one typed was chosen by
// somebody else), gives `next` twice and waits until it closed or shows an
// error. True when it asked.
bool chooseNewPasswordIfAsked(QDialog *dialog, const QString &next)
{
    auto *newPassword = field<QLineEdit>(dialog, "signin.newPassword");
    if (dialog->result() == QDialog::Accepted || !newPassword->isVisibleTo(dialog))
        return false;
    newPassword->setText(next);
    field<QLineEdit>(dialog, "signin.repeatPassword")->setText(next);
    submitAndWait(dialog);
    return true;
}

} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstRunSignsInAsTheAdministrator();
    void wrongPasswordShowsTheErrorAndAllowsARetry();
    void twoFactorAsksForTheCode();
    void refreshesSilentlyAndSignsInAgainOnExpiry();
    void screenshots();
    void addsARemoteServerProfile();
    void cleanupTestCase();

private:
    QString adminPassword() const;
    void signOut();

    QTemporaryDir m_dataDir;
    QTemporaryDir m_configDir;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ServerConnection> m_connection;
    std::unique_ptr<MainWindow> m_window;
    QByteArray m_secret;
    // The administrator's password: the generated one until the first
    // sign-in replaces it.
    QString m_password;
};

void TestSignIn::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTestSignIn"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_configDir.path());
    qputenv("HIVEMIND_MASTER_KEY", randomMasterKey());
    qunsetenv("HIVEMIND_ADMIN_PASSWORD");
    qunsetenv("HIVEMIND_ADMIN_USER");

    m_languages = std::make_unique<LanguageManager>();
    m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No);
    m_connection = std::make_unique<ServerConnection>(
        ServerConnection::Options{m_dataDir.path(), /*useKeychain=*/true, 0});
    MainWindow::Options options;
    options.persistSettings = false;
    options.signInOnConnect = true;
    m_window = std::make_unique<MainWindow>(m_languages.get(), m_connection.get(), options);
}

QString TestSignIn::adminPassword() const
{
    return m_password;
}

void TestSignIn::signOut()
{
    m_window->findChild<QAction *>(QStringLiteral("action.signOut"))->trigger();
    QVERIFY(!m_connection->isSignedIn());
    QTRY_VERIFY(!m_connection->client()->hasSession());
}

void TestSignIn::firstRunSignsInAsTheAdministrator()
{
    // The dialog comes up by itself once the local server answers, filled
    // with the administrator the server created on its first start.
    // The generated password must then be replaced by one of the
    // administrator's own before anything else (issue 34, item 17).
    const QString passwordFile =
        QDir(m_dataDir.path()).filePath(QStringLiteral("initial-admin-password"));
    bool asked = false, askedForNew = false, fileKeptUntilChanged = false;
    QString user, password, note, changeNote, mismatch;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        asked = dialog->objectName() == QLatin1String("signin.dialog");
        user = field<QLineEdit>(dialog, "signin.user")->text();
        password = field<QLineEdit>(dialog, "signin.password")->text();
        note = field<QLabel>(dialog, "signin.note")->text();
        submitAndWait(dialog);
        askedForNew = field<QLineEdit>(dialog, "signin.newPassword")->isVisibleTo(dialog) &&
                      !field<QLineEdit>(dialog, "signin.password")->isVisibleTo(dialog) &&
                      dialog->result() != QDialog::Accepted;
        changeNote = field<QLabel>(dialog, "signin.note")->text();
        // Two different entries are refused in the dialog itself.
        field<QLineEdit>(dialog, "signin.newPassword")->setText(kOwnPassword);
        field<QLineEdit>(dialog, "signin.repeatPassword")->setText(kOwnPassword + u'x');
        submitAndWait(dialog);
        mismatch = field<QLabel>(dialog, "signin.error")->text();
        fileKeptUntilChanged = QFile::exists(passwordFile);
        chooseNewPasswordIfAsked(dialog, kOwnPassword);
        return dialog->result();
    });
    m_connection->start();
    QTRY_VERIFY_WITH_TIMEOUT(asked, 30000);
    QCOMPARE(user, QStringLiteral("admin"));
    QVERIFY(!password.isEmpty());
    QVERIFY(note.contains(QStringLiteral("initial-admin-password")));
    QVERIFY(askedForNew);
    QVERIFY2(changeNote.contains(QStringLiteral("Choose your own password")),
             qPrintable(changeNote));
    QCOMPARE(mismatch,
             QStringLiteral("The two new passwords differ. Type the same password twice."));
    QVERIFY(fileKeptUntilChanged);
    m_password = kOwnPassword;
    // The generated password is gone from the disk and no longer signs in.
    QTRY_VERIFY(!QFile::exists(passwordFile));
    {
        hm::client::ApiClient old;
        old.setBaseUrl(m_connection->baseUrl());
        bool answered = false;
        hm::Error refused;
        old.login(QStringLiteral("admin"), password, [&](hm::Result<hm::client::LoginResult> r) {
            answered = true;
            if (!r.ok())
                refused = r.error();
        });
        QTRY_VERIFY(answered);
        QCOMPARE(refused.code, hm::ErrorCode::InvalidCredentials);
    }

    QTRY_VERIFY(m_connection->isSignedIn());
    QCOMPARE(m_connection->user().username, QStringLiteral("admin"));
    QVERIFY(m_connection->client()->hasSession());
    auto *userStatus = m_window->findChild<QLabel *>(QStringLiteral("userStatus"));
    // No keychain answers here: the sign-in holds for this session only, and
    // the console says so.
    QCOMPARE(m_connection->tokenStorage(), ServerConnection::TokenStorage::SessionOnly);
    QCOMPARE(userStatus->text(),
             QStringLiteral("Signed in as admin (Administrator), for this session only"));
    QVERIFY(userStatus->toolTip().startsWith(
        QStringLiteral("No keychain answered, so the sign-in is not saved")));
    // Said by the label (whole at 1024 px: TestSectionFit); no long status
    // message cut beside it.
    QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
    // Signed in: File > Sign In is off until Sign Out.
    auto *signInAction = m_window->findChild<QAction *>(QStringLiteral("action.signIn"));
    auto *signOutAction = m_window->findChild<QAction *>(QStringLiteral("action.signOut"));
    QVERIFY(!signInAction->isEnabled());
    QVERIFY(signOutAction->isEnabled());

    // The client is signed in for real: an authenticated route answers.
    hm::client::AccountApi account(*m_connection->client());
    bool answered = false;
    QString me;
    account.me([&](hm::Result<hm::client::UserInfo> r) {
        answered = true;
        if (r.ok())
            me = r.value().username;
    });
    QTRY_VERIFY(answered);
    QCOMPARE(me, QStringLiteral("admin"));
}

void TestSignIn::wrongPasswordShowsTheErrorAndAllowsARetry()
{
    signOut();
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("action.signIn"))->isEnabled());
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("action.signOut"))->isEnabled());
    auto *userStatus = m_window->findChild<QLabel *>(QStringLiteral("userStatus"));
    QCOMPARE(userStatus->text(), QStringLiteral("Not signed in"));

    QString error;
    QColor errorColour;
    bool stillOpen = false;
    bool rewordedInChinese = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        field<QLineEdit>(dialog, "signin.user")->setText(QStringLiteral("admin"));
        field<QLineEdit>(dialog, "signin.password")->setText(QStringLiteral("not-the-password"));
        submitAndWait(dialog);
        auto *errorLabel = field<QLabel>(dialog, "signin.error");
        error = errorLabel->text();
        // In the error colour every other error line has, not the link's.
        errorColour = errorLabel->palette().color(errorLabel->foregroundRole());
        // Worded again when the language changes while the dialog is open
        // (it stayed in English).
        const auto wrongText = [] {
            return QCoreApplication::translate(
                "hm::app::SignInDialog", "The username, e-mail address or password is wrong.");
        };
        m_languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No);
        rewordedInChinese =
            !wrongText().startsWith(QLatin1String("The username")) &&
            QTest::qWaitFor([&] { return errorLabel->text() == wrongText(); }, 5000);
        m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No);
        rewordedInChinese =
            rewordedInChinese &&
            QTest::qWaitFor([&] { return errorLabel->text() == wrongText(); }, 5000);
        stillOpen = dialog->result() != QDialog::Accepted;
        field<QLineEdit>(dialog, "signin.password")->setText(adminPassword());
        submitAndWait(dialog);
        return dialog->result();
    });
    QVERIFY(m_window->promptSignIn());
    QCOMPARE(error, QStringLiteral("The username, e-mail address or password is wrong."));
    QCOMPARE(errorColour, hm::app::ThemeManager::tokenColour("bad", QGuiApplication::palette()));
    QVERIFY(stillOpen);
    QVERIFY(rewordedInChinese);
    QVERIFY(m_connection->isSignedIn());
}

void TestSignIn::twoFactorAsksForTheCode()
{
    // This test signs in more often than the default five times a minute.
    bool raised = false, answered = false;
    m_connection->client()->send(
        hm::client::ApiRequest::put(
            QStringLiteral("/api/v1/auth/settings"),
            QJsonObject{{QStringLiteral("auth.rate_limits"),
                         QJsonObject{{QStringLiteral("login_per_minute"), 1000}}}}),
        [&](hm::Result<hm::client::ApiResponse> r) {
            answered = true;
            raised = r.ok();
        });
    QTRY_VERIFY(answered);
    QVERIFY(raised);
    // Turn 2FA on for the administrator, as the account page would.
    hm::client::AccountApi account(*m_connection->client());
    QString secretText;
    bool enrolled = false;
    account.enrollTwoFactor([&](hm::Result<hm::client::TwoFactorEnrollment> r) {
        enrolled = true;
        if (r.ok())
            secretText = r.value().secret;
    });
    QTRY_VERIFY(enrolled);
    QVERIFY(!secretText.isEmpty());
    m_secret = base32Decode(secretText);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    bool confirmed = false, confirmedOk = false;
    QStringList recoveryCodes;
    account.enableTwoFactor(hm::crypto::totpCode(m_secret, now).value(),
                            [&](hm::Result<QStringList> r) {
                                confirmed = true;
                                confirmedOk = r.ok();
                                if (r.ok())
                                    recoveryCodes = r.value();
                            });
    QTRY_VERIFY(confirmed);
    QVERIFY(confirmedOk);
    QCOMPARE(recoveryCodes.size(), 10);
    signOut();

    bool codeAsked = false;
    bool passwordLocked = false;
    QString wrongCodeError;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        field<QLineEdit>(dialog, "signin.user")->setText(QStringLiteral("admin@localhost"));
        field<QLineEdit>(dialog, "signin.password")->setText(adminPassword());
        submitAndWait(dialog);
        auto *totp = field<QLineEdit>(dialog, "signin.totp");
        codeAsked = totp->isVisibleTo(dialog) && dialog->result() != QDialog::Accepted;
        passwordLocked = !field<QLineEdit>(dialog, "signin.password")->isEnabled();
        // A code no step near now has.
        QString wrong = QStringLiteral("000000");
        for (int step = -2; step <= 2; ++step)
            if (hm::crypto::totpCode(m_secret, now + 30 * step).value() == wrong)
                wrong = QStringLiteral("111111");
        totp->setText(wrong);
        field<QLabel>(dialog, "signin.error")->clear();
        field<QPushButton>(dialog, "signin.submit")->click();
        (void)QTest::qWaitFor(
            [&] { return !field<QLabel>(dialog, "signin.error")->text().isEmpty(); }, 20000);
        wrongCodeError = field<QLabel>(dialog, "signin.error")->text();
        // The next step's code: unused (enabling used this step's).
        totp->setText(hm::crypto::totpCode(m_secret, now + 30).value());
        field<QLabel>(dialog, "signin.error")->clear();
        field<QPushButton>(dialog, "signin.submit")->click();
        (void)QTest::qWaitFor(
            [&] {
                return dialog->result() == QDialog::Accepted ||
                       !field<QLabel>(dialog, "signin.error")->text().isEmpty();
            },
            20000);
        return dialog->result();
    });
    QVERIFY(m_window->promptSignIn());
    QVERIFY(codeAsked);
    QVERIFY(passwordLocked);
    QVERIFY(wrongCodeError.startsWith(QStringLiteral("The one-time code is wrong")));
    QVERIFY(m_connection->isSignedIn());

    // "Use a recovery code" instead of the authenticator: a code works
    // once; used again it is refused, and the next one gets in.
    const auto signInWithRecoveryCodes = [&](const QStringList &codes, QStringList *errors,
                                             bool *offered) {
        DialogSeam::setNextHandler([&, codes, errors, offered](QDialog *dialog) {
            field<QLineEdit>(dialog, "signin.user")->setText(QStringLiteral("admin@localhost"));
            field<QLineEdit>(dialog, "signin.password")->setText(adminPassword());
            submitAndWait(dialog);
            auto *useRecovery = field<QCheckBox>(dialog, "signin.useRecoveryCode");
            *offered = useRecovery->isVisibleTo(dialog);
            useRecovery->setChecked(true);
            for (const QString &code : codes) {
                field<QLineEdit>(dialog, "signin.totp")->setText(code);
                field<QLabel>(dialog, "signin.error")->clear();
                field<QPushButton>(dialog, "signin.submit")->click();
                (void)QTest::qWaitFor(
                    [&] {
                        return dialog->result() == QDialog::Accepted ||
                               !field<QLabel>(dialog, "signin.error")->text().isEmpty();
                    },
                    20000);
                errors->append(field<QLabel>(dialog, "signin.error")->text());
                if (dialog->result() == QDialog::Accepted)
                    break;
            }
            return dialog->result();
        });
    };
    signOut();
    QStringList errors;
    bool offered = false;
    signInWithRecoveryCodes({recoveryCodes.at(0)}, &errors, &offered);
    QVERIFY(m_window->promptSignIn());
    QVERIFY(offered);
    QVERIFY(m_connection->isSignedIn());
    signOut();
    errors.clear();
    signInWithRecoveryCodes({recoveryCodes.at(0), recoveryCodes.at(1)}, &errors, &offered);
    QVERIFY(m_window->promptSignIn());
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors.first().startsWith(QStringLiteral("The recovery code is wrong")),
             qPrintable(errors.first()));
    QVERIFY(m_connection->isSignedIn());
}

// A second console on a local server whose access tokens live 2 s: the
// session is renewed without asking, before expiry and on TOKEN_EXPIRED;
// when the server ends the session the dialog comes back and the page stays.
void TestSignIn::refreshesSilentlyAndSignsInAgainOnExpiry()
{
    QTemporaryDir dataDir;
    ServerConnection::Options connectionOptions{dataDir.path(), /*useKeychain=*/false, 0};
    connectionOptions.accessTokenSeconds = 2;
    ServerConnection connection(connectionOptions);
    MainWindow::Options options;
    options.persistSettings = false;
    options.signInOnConnect = true;
    MainWindow window(m_languages.get(), &connection, options);
    // The generated password until the first sign-in replaces it.
    QString current;
    const auto password = [&] {
        if (!current.isEmpty())
            return current;
        QFile file(QDir(dataDir.path()).filePath(QStringLiteral("initial-admin-password")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed()
                                              : QString();
    };
    int asked = 0;
    const auto signIn = [&](QDialog *dialog) {
        ++asked;
        field<QLineEdit>(dialog, "signin.user")->setText(QStringLiteral("admin"));
        field<QLineEdit>(dialog, "signin.password")->setText(password());
        submitAndWait(dialog);
        if (chooseNewPasswordIfAsked(dialog, kOwnPassword))
            current = kOwnPassword;
        return dialog->result();
    };
    DialogSeam::setNextHandler(signIn);
    connection.start();
    QTRY_VERIFY_WITH_TIMEOUT(connection.isSignedIn(), 30000);
    QCOMPARE(asked, 1);
    hm::client::ApiClient *client = connection.client();

    // Before expiry: the client renews the token by itself.
    QSignalSpy refreshed(client, &hm::client::ApiClient::tokenRefreshed);
    const QString firstToken = client->tokens().accessToken;
    QVERIFY(refreshed.wait(30000));
    QVERIFY(client->tokens().accessToken != firstToken);

    // After expiry (no proactive refresh): the call answered TOKEN_EXPIRED
    // is renewed and sent again, invisibly.
    client->setProactiveRefresh(false);
    QTRY_VERIFY_WITH_TIMEOUT(client->accessTokenStale(), 30000);
    const int refreshes = refreshed.count();
    hm::client::AccountApi account(*client);
    bool answered = false;
    QString me;
    account.me([&](hm::Result<hm::client::UserInfo> r) {
        answered = true;
        if (r.ok())
            me = r.value().username;
    });
    QTRY_VERIFY(answered);
    QCOMPARE(me, QStringLiteral("admin"));
    QCOMPARE(refreshed.count(), refreshes + 1);
    QVERIFY(connection.isSignedIn());
    QCOMPARE(asked, 1);

    // The server ends every session of the user (from elsewhere): the
    // console asks to sign in again and stays on its page.
    QVERIFY(window.selectSection(QStringLiteral("executions")));
    hm::client::ApiClient other;
    other.setBaseUrl(connection.baseUrl());
    bool otherIn = false;
    other.login(QStringLiteral("admin"), password(),
                [&](hm::Result<hm::client::LoginResult> r) { otherIn = r.ok(); });
    QTRY_VERIFY(otherIn);
    bool loggedOutAll = false;
    hm::client::AccountApi(other).logoutAll([&](hm::Result<void> r) { loggedOutAll = r.ok(); });
    QTRY_VERIFY(loggedOutAll);
    QSignalSpy expired(&connection, &ServerConnection::sessionExpired);
    DialogSeam::setNextHandler(signIn);
    answered = false;
    account.me([&](hm::Result<hm::client::UserInfo>) { answered = true; });
    QTRY_VERIFY(answered);
    QTRY_COMPARE(expired.count(), 1);
    QTRY_COMPARE(asked, 2);
    QTRY_VERIFY(connection.isSignedIn());
    QCOMPARE(window.currentSection(), QStringLiteral("executions"));
}

// The connection dialog checks the address before it saves a profile; the
// console then connects to that server and shows the profile in the sidebar.
void TestSignIn::addsARemoteServerProfile()
{
    // A second server, reached over loopback as a remote one would be.
    QTemporaryDir dataDir;
    ServerConnection remote(ServerConnection::Options{dataDir.path(), false, 0});
    remote.start();
    QTRY_COMPARE_WITH_TIMEOUT(remote.state(), ServerConnection::State::Connected, 30000);

    QString badStatus, goodStatus, fingerprint;
    bool saveEnabledBefore = true;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        field<QLineEdit>(dialog, "connection.name")->setText(QStringLiteral("Staging"));
        field<QLineEdit>(dialog, "connection.url")->setText(QStringLiteral("ftp://nowhere"));
        field<QPushButton>(dialog, "connection.check")->click();
        badStatus = field<QLabel>(dialog, "connection.status")->text();
        saveEnabledBefore = field<QPushButton>(dialog, "connection.save")->isEnabled();
        field<QLineEdit>(dialog, "connection.url")->setText(remote.baseUrl().toString());
        field<QCheckBox>(dialog, "connection.verifyTls")->setChecked(false);
        field<QPushButton>(dialog, "connection.check")->click();
        (void)QTest::qWaitFor(
            [&] { return field<QPushButton>(dialog, "connection.save")->isEnabled(); }, 20000);
        goodStatus = field<QLabel>(dialog, "connection.status")->text();
        fingerprint = field<QLabel>(dialog, "connection.fingerprint")->text();
        field<QPushButton>(dialog, "connection.save")->click();
        return dialog->result();
    });
    // The new server asks for its sign-in: answered with "cancel" here.
    QVERIFY(m_window->addServer());
    QCOMPARE(badStatus, QStringLiteral("Enter a name and an http:// or https:// address."));
    QVERIFY(!saveEnabledBefore);
    QCOMPARE(goodStatus, QStringLiteral("The server answers and is healthy."));
    QCOMPARE(fingerprint, QStringLiteral("None (plain HTTP)"));

    const QList<hm::app::ServerProfile> profiles = hm::app::ServerProfiles::load();
    QCOMPARE(profiles.size(), 1);
    QCOMPARE(profiles[0].name, QStringLiteral("Staging"));
    QCOMPARE(profiles[0].url, remote.baseUrl());
    QCOMPARE(profiles[0].verifyTls, false);
    QCOMPARE(hm::app::ServerProfiles::activeName(), QStringLiteral("Staging"));

    DialogSeam::setNextHandler([](QDialog *) { return int(QDialog::Rejected); });
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->baseUrl(), remote.baseUrl(), 10000);

    // Pictures of the checked dialog in each language.
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        m_languages->setLanguage(language, LanguageManager::Persist::No);
        hm::app::ConnectionDialog dialog(m_window.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        field<QLineEdit>(&dialog, "connection.name")->setText(QStringLiteral("Staging"));
        field<QLineEdit>(&dialog, "connection.url")->setText(remote.baseUrl().toString());
        field<QPushButton>(&dialog, "connection.check")->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.checked(), 20000);
        if (language != QLatin1String("en"))
            QVERIFY(!dialog.statusText().startsWith(QStringLiteral("The server")));
        dialog.adjustSize();
        const QPixmap picture = dialog.grab();
        if (!dir.isEmpty())
            QVERIFY(picture.save(
                QDir(dir).filePath(QStringLiteral("connection-dialog-%1.png").arg(language))));
    }
    m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No);
    QTRY_COMPARE(m_connection->state(), ServerConnection::State::Connected);
    QVERIFY(!m_connection->isLocal());
    QVERIFY(!m_connection->isSignedIn()); // a session belongs to its server
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("sidebarFooter"))
                ->text()
                .startsWith(QStringLiteral("Staging\n")));

    // File > Switch Server lists the local server and the profile; back to
    // the local one, which starts again.
    QMenu *servers = m_window->findChild<QMenu *>(QStringLiteral("menuServers"));
    QVERIFY(servers);
    emit servers->aboutToShow();
    QVERIFY(servers->findChild<QAction *>(QStringLiteral("server.Staging"))->isChecked());
    QAction *local = servers->findChild<QAction *>(QStringLiteral("server.local"));
    QVERIFY(!local->isChecked());
    bool askedLocal = false;
    DialogSeam::setNextHandler([&](QDialog *) {
        askedLocal = true;
        return int(QDialog::Rejected);
    });
    local->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), ServerConnection::State::Connected, 30000);
    QVERIFY(m_connection->isLocal());
    QVERIFY(m_connection->baseUrl() != remote.baseUrl());
    QTRY_VERIFY(askedLocal);
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("sidebarFooter"))
                ->text()
                .startsWith(QStringLiteral("Local server\n")));
    QCOMPARE(hm::app::ServerProfiles::activeName(), QString());
}

void TestSignIn::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    // The first-run state, as the console shows it: a new local server,
    // signed out, its generated password still on disk; then the step that
    // replaces that password.
    signOut();
    QTemporaryDir firstDir;
    ServerConnection first(ServerConnection::Options{firstDir.path(), /*useKeychain=*/false, 0});
    MainWindow::Options options;
    options.persistSettings = false;
    options.signInOnConnect = false;
    MainWindow firstWindow(m_languages.get(), &first, options);
    first.start();
    QTRY_COMPARE_WITH_TIMEOUT(first.state(), ServerConnection::State::Connected, 30000);
    // Rendered in every run (the error shows in each language); saved as
    // PNGs only when HIVEMIND_SCREENSHOT_DIR is set.
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        m_languages->setLanguage(language, LanguageManager::Persist::No);
        QString note, changeNote;
        bool stepShown = false;
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            (void)QTest::qWaitForWindowExposed(dialog);
            dialog->adjustSize();
            note = field<QLabel>(dialog, "signin.note")->text();
            const QPixmap picture = dialog->grab();
            if (!dir.isEmpty())
                picture.save(
                    QDir(dir).filePath(QStringLiteral("signin-first-run-%1.png").arg(language)));
            submitAndWait(dialog);
            stepShown = field<QLineEdit>(dialog, "signin.newPassword")->isVisibleTo(dialog);
            changeNote = field<QLabel>(dialog, "signin.note")->text();
            QApplication::processEvents(); // the new step's layout
            const QPixmap change = dialog->grab();
            if (!dir.isEmpty())
                change.save(
                    QDir(dir).filePath(QStringLiteral("signin-new-password-%1.png").arg(language)));
            // Leaving the step signs out again: the password stays as it was.
            dialog->reject();
            return int(QDialog::Rejected);
        });
        QVERIFY(!firstWindow.promptSignIn());
        QVERIFY(note.contains(QStringLiteral("initial-admin-password")));
        QVERIFY(stepShown);
        QVERIFY(!changeNote.isEmpty());
        if (language != QLatin1String("en")) {
            QVERIFY(!note.startsWith(QStringLiteral("First start")));
            QVERIFY(!changeNote.contains(QStringLiteral("Choose your own")));
        }
        QTRY_VERIFY(!first.client()->hasSession());
        QVERIFY(QFile::exists(
            QDir(firstDir.path()).filePath(QStringLiteral("initial-admin-password"))));

        SignInDialog dialog(m_connection->client(), m_window.get());
        dialog.setUser(QStringLiteral("admin"));
        dialog.setPassword(QStringLiteral("wrong"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        field<QPushButton>(&dialog, "signin.submit")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty() || dialog.awaitingCode(), 20000);
        QCOMPARE(dialog.errorText().isEmpty(), false);
        QVERIFY(dialog.windowTitle() != QStringLiteral("Sign In to 127.0.0.1") ||
                language == QLatin1String("en"));
        dialog.adjustSize();
        const QPixmap picture = dialog.grab();
        QVERIFY(!picture.isNull());
        if (!dir.isEmpty())
            QVERIFY(picture.save(
                QDir(dir).filePath(QStringLiteral("signin-dialog-%1.png").arg(language))));
    }
    m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No);
}

void TestSignIn::cleanupTestCase()
{
    m_window.reset();
    m_connection.reset();
    m_languages.reset();
}

QTEST_MAIN(TestSignIn)
#include "TestSignIn.moc"
