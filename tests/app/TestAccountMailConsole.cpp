// The console's part of account e-mail (issue 37 items 2 and 8) against a
// real hivemind-server and a real SMTP sink (tests/support/smtp_sink.py,
// STARTTLS and a sign-in): Settings → Mail saves the SMTP settings with a
// write-only password and the sink's CA certificate (loaded from its file,
// its subject and expiry shown; a paste that is not one refused as typed;
// cleared again, the test send fails the TLS check) and sends a test; VIEWER sees the tab
// read-only; the sign-in dialog offers "Forgot password?" and "Register" only when the server's
// public settings allow them, the reset dialog takes the e-mail, then the mailed code and a new
// password, and the new password signs in; registering fills the sign-in dialog. Screenshots in en,
// zh_TW, zh_CN.

#include "OperationsTestSupport.h"
#include "SmtpSink.h"
#include "connection/PasswordResetDialog.h"
#include "connection/RegisterDialog.h"
#include "connection/SignInDialog.h"
#include "operations/MailSettingsTab.h"
#include "operations/SettingsPage.h"
#include "shell/LanguageManager.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>
#include <memory>

using namespace hm::test;
using hm::app::DialogSeam;
using hm::app::MailSettingsTab;
using hm::app::SettingsPage;
using hm::app::SignInDialog;

namespace {

const QString kPassword = QStringLiteral("Str0ng!Passw0rd");
const QString kSmtpUser = QStringLiteral("console-mailer");
const QString kSmtpPassword = QStringLiteral("smtp-C0nsole-pass-never-shown");

template <typename T> T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

QString tokenIn(const QString &body)
{
    static const QRegularExpression line(QStringLiteral("^([A-Za-z0-9_-]{43})\\r?$"),
                                         QRegularExpression::MultilineOption);
    return line.match(body).captured(1);
}

void type(QLineEdit *edit, const QString &text)
{
    edit->setText(text);
    emit edit->textEdited(text);
}

} // namespace

class TestAccountMailConsole : public QObject, private ServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void withoutMailTheSignInDialogOffersNothing();
    void mailTabSavesWriteOnlyAndSendsATest();
    void viewerSeesTheMailTabReadOnly();
    void forgotPasswordSetsANewOne();
    void registerFillsTheSignInDialog();
    void screenshots();

private:
    QList<QByteArray> mailsTo(const QString &address) const { return m_sink.messagesTo(address); }
    void showSettings(hm::client::ApiClient *client, const QString &role)
    {
        m_page = std::make_unique<SettingsPage>();
        styleAsConsole(m_page.get());
        m_page->resize(1200, 760);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->setClient(client, role);
        m_page->findChild<QTabWidget *>(QStringLiteral("settings.tabs"))->setCurrentIndex(2);
    }
    MailSettingsTab *mailTab() const { return m_page->findChild<MailSettingsTab *>(); }
    // A sign-in dialog of a client without a session, once it read the
    // server's public settings.
    std::unique_ptr<SignInDialog> signInDialog()
    {
        auto dialog = std::make_unique<SignInDialog>(&m_anonymous);
        styleAsConsole(dialog.get());
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog.get()) ||
            !QTest::qWaitFor([&] { return dialog->publicSettingsRead(); }, 20000))
            return {};
        return dialog;
    }
    void configureMail()
    {
        const Answer saved = m_http->json("PUT", QStringLiteral("/api/v1/system/mail"),
                                          {{"smtp_host", "127.0.0.1"},
                                           {"smtp_port", int(m_sink.port())},
                                           {"username", kSmtpUser},
                                           {"password", kSmtpPassword},
                                           {"from", "accounts@hivemind.test"},
                                           {"ca_pem", QString::fromLatin1(m_sink.certPem())}},
                                          m_admin);
        QCOMPARE(saved.status, 200);
    }

    QTemporaryDir m_config;
    QTemporaryDir m_work;
    smtptest::Sink m_sink;
    std::unique_ptr<hm::app::LanguageManager> m_languages;
    hm::client::ApiClient m_client;
    hm::client::ApiClient m_anonymous;
    std::unique_ptr<SettingsPage> m_page;
};

void TestAccountMailConsole::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestAccountMailConsole"));
    QSettings().clear();
    m_languages = std::make_unique<hm::app::LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));

    const QString sink = m_sink.start(m_work.path(), kSmtpUser, kSmtpPassword);
    QVERIFY2(sink.isEmpty(), qPrintable(sink));

    const QString problem = startServer();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString signedIn = signIn(m_client, m_http->base());
    QVERIFY2(signedIn.isEmpty(), qPrintable(signedIn));
    m_anonymous.setBaseUrl(m_http->base());
}

void TestAccountMailConsole::cleanup()
{
    m_page.reset();
}

void TestAccountMailConsole::cleanupTestCase()
{
    m_sink.stop();
}

void TestAccountMailConsole::withoutMailTheSignInDialogOffersNothing()
{
    const auto dialog = signInDialog();
    QVERIFY(dialog);
    QVERIFY(!child<QPushButton>(dialog.get(), "signin.forgotPassword")->isVisible());
    QVERIFY(!child<QPushButton>(dialog.get(), "signin.register")->isVisible());
}

void TestAccountMailConsole::mailTabSavesWriteOnlyAndSendsATest()
{
    showSettings(&m_client, QStringLiteral("admin"));
    MailSettingsTab *tab = mailTab();
    QVERIFY(tab);
    QTRY_VERIFY(!tab->settings().isEmpty());
    auto *save = child<QPushButton>(tab, "mail.save");
    QVERIFY(!save->isEnabled());

    // The sink's CA: a paste that is no certificate is said at once and
    // cannot be saved; the file, loaded through the picker, shows its
    // subject and expiry.
    auto *ca = child<QPlainTextEdit>(tab, "mail.caPem");
    auto *caInfo = child<QLabel>(tab, "mail.caPemInfo");
    QCOMPARE(caInfo->text(),
             QStringLiteral("None: the server trusts the system's certificate authorities."));
    ca->setPlainText(QStringLiteral("-----BEGIN CERTIFICATE-----\nnot base64\n"));
    QVERIFY2(caInfo->text().startsWith(QStringLiteral("Not a PEM certificate")),
             qPrintable(caInfo->text()));
    QVERIFY(!save->isEnabled());
    child<QPushButton>(tab, "mail.caPemClear")->click();
    QCOMPARE(ca->toPlainText(), QString());
    QVERIFY(!save->isEnabled()); // nothing changed any more
    const QString certPath = m_work.filePath(QStringLiteral("smtp.crt"));
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *files = qobject_cast<QFileDialog *>(dialog);
        if (!files || dialog->objectName() != QLatin1String("mail.caFileDialog"))
            return int(QDialog::Rejected);
        files->selectFile(certPath);
        return int(QDialog::Accepted);
    });
    child<QPushButton>(tab, "mail.caPemLoad")->click();
    QCOMPARE(ca->toPlainText(), QString::fromLatin1(m_sink.certPem()).trimmed());
    QVERIFY2(caInfo->text().startsWith(QStringLiteral("127.0.0.1: valid until ")),
             qPrintable(caInfo->text()));
    QVERIFY(save->isEnabled());
    QCOMPARE(child<QLabel>(tab, "mail.passwordState")->text(), QStringLiteral("No password set."));
    QVERIFY(!child<QPushButton>(tab, "mail.sendTest")->isEnabled()); // nothing to send with

    // A refused value: the server's words, nothing stored.
    type(child<QLineEdit>(tab, "mail.host"), QStringLiteral("127.0.0.1"));
    type(child<QLineEdit>(tab, "mail.from"), QStringLiteral("not an address"));
    QSignalSpy saved(tab, &MailSettingsTab::saved);
    save->click();
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).toBool(), false);
    QVERIFY2(child<QLabel>(tab, "mail.status")->text().contains(QLatin1String("from")),
             qPrintable(child<QLabel>(tab, "mail.status")->text()));
    QVERIFY(!m_http->get(QStringLiteral("/api/v1/system/mail"), m_admin)
                 .data()
                 .value("configured")
                 .toBool());

    child<QSpinBox>(tab, "mail.port")->setValue(m_sink.port());
    child<QComboBox>(tab, "mail.security")->setCurrentIndex(0);
    type(child<QLineEdit>(tab, "mail.username"), kSmtpUser);
    type(child<QLineEdit>(tab, "mail.password"), kSmtpPassword);
    type(child<QLineEdit>(tab, "mail.from"), QStringLiteral("accounts@hivemind.test"));
    QVERIFY(save->isEnabled());
    QCOMPARE(tab->changes().value("password").toString(), kSmtpPassword);
    save->click();
    QTRY_COMPARE(saved.size(), 2);
    QCOMPARE(saved.at(1).at(0).toBool(), true);
    QCOMPARE(child<QLineEdit>(tab, "mail.password")->text(), QString());
    QCOMPARE(child<QLabel>(tab, "mail.passwordState")->text(),
             QStringLiteral("A password is set."));
    const Answer stored = m_http->get(QStringLiteral("/api/v1/system/mail"), m_admin);
    QCOMPARE(stored.data().value("smtp_port").toInt(), int(m_sink.port()));
    QCOMPARE(stored.data().value("ca_pem").toString().trimmed(),
             QString::fromLatin1(m_sink.certPem()).trimmed());
    QVERIFY(stored.data().value("password_set").toBool());
    QVERIFY(!stored.raw.contains(kSmtpPassword.toUtf8()));

    // The test send.
    type(child<QLineEdit>(tab, "mail.testTo"), QStringLiteral("ops@example.test"));
    QVERIFY(child<QPushButton>(tab, "mail.sendTest")->isEnabled());
    QSignalSpy tested(tab, &MailSettingsTab::tested);
    child<QPushButton>(tab, "mail.sendTest")->click();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 30000);
    QCOMPARE(tested.at(0).at(0).toBool(), true);
    QCOMPARE(child<QLabel>(tab, "mail.testResult")->text(),
             QStringLiteral("Sent to ops@example.test. Check that mailbox."));
    QTRY_COMPARE(mailsTo(QStringLiteral("ops@example.test")).size(), 1);
    QVERIFY(screenshot(m_page.get(), QStringLiteral("settings-mail-en")));

    // Cleared (null: the system's CAs), the sink's certificate is no longer
    // trusted: the same test send fails.
    child<QPushButton>(tab, "mail.caPemClear")->click();
    QVERIFY(tab->changes().contains("ca_pem"));
    QVERIFY(tab->changes().value("ca_pem").isNull());
    save->click();
    QTRY_COMPARE(saved.size(), 3);
    QCOMPARE(saved.at(2).at(0).toBool(), true);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/system/mail"), m_admin)
                 .data()
                 .value("ca_pem")
                 .toString(),
             QString());
    child<QPushButton>(tab, "mail.sendTest")->click();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 2, 30000);
    QCOMPARE(tested.at(1).at(0).toBool(), false);
    QCOMPARE(mailsTo(QStringLiteral("ops@example.test")).size(), 1);
    configureMail(); // with its CA again, for the tests that follow
}

void TestAccountMailConsole::viewerSeesTheMailTabReadOnly()
{
    const ApiUser viewer =
        createApiUser(*m_http, m_admin, QStringLiteral("mailreader"), kPassword, "viewer");
    QCOMPARE(viewer.status, 201);
    hm::client::ApiClient client;
    QVERIFY(signInAs(client, m_http->base(), QStringLiteral("mailreader"), kPassword).isEmpty());
    showSettings(&client, QStringLiteral("viewer"));
    MailSettingsTab *tab = mailTab();
    QVERIFY(child<QLabel>(tab, "mail.readOnlyNote")->isVisible());
    QCOMPARE(child<QLabel>(tab, "mail.readOnlyNote")->text(),
             QStringLiteral("Only administrators see and change the mail settings."));
    QVERIFY(!child<QLineEdit>(tab, "mail.host")->isEnabled());
    QVERIFY(!child<QPushButton>(tab, "mail.save")->isEnabled());
    QVERIFY(!child<QPushButton>(tab, "mail.sendTest")->isEnabled());
    QVERIFY(tab->settings().isEmpty()); // never asked for
}

void TestAccountMailConsole::forgotPasswordSetsANewOne()
{
    configureMail();
    const ApiUser user =
        createApiUser(*m_http, m_admin, QStringLiteral("forgetful"), kPassword, "user");
    QCOMPARE(user.status, 201);
    const auto dialog = signInDialog();
    QVERIFY(dialog);
    auto *forgot = child<QPushButton>(dialog.get(), "signin.forgotPassword");
    QVERIFY(forgot->isVisible());
    QVERIFY(!child<QPushButton>(dialog.get(), "signin.register")->isVisible());

    const QString next = QStringLiteral("N3w!Forgotten-1");
    QString askedNote, wrongCode;
    bool codeStep = false;
    bool wrongCodeReworded = false;
    child<QLineEdit>(dialog.get(), "signin.user")->setText(user.email);
    DialogSeam::setNextHandler([&](QDialog *reset) {
        // The address typed in the sign-in dialog is taken over.
        if (child<QLineEdit>(reset, "passwordReset.email")->text() != user.email)
            return int(QDialog::Rejected);
        child<QPushButton>(reset, "passwordReset.submit")->click();
        auto *resetDialog = static_cast<hm::app::PasswordResetDialog *>(reset);
        codeStep = QTest::qWaitFor([&] { return resetDialog->awaitingCode(); }, 20000);
        askedNote = child<QLabel>(reset, "passwordReset.note")->text();
        if (!QTest::qWaitFor([&] { return !mailsTo(user.email).isEmpty(); }, 20000))
            return int(QDialog::Rejected);
        const QString token = tokenIn(smtptest::decodedBody(mailsTo(user.email).first()));
        // A wrong code first: said, and the dialog stays.
        child<QLineEdit>(reset, "passwordReset.token")->setText(QStringLiteral("made-up"));
        child<QLineEdit>(reset, "passwordReset.newPassword")->setText(next);
        child<QLineEdit>(reset, "passwordReset.repeatPassword")->setText(next);
        child<QPushButton>(reset, "passwordReset.submit")->click();
        (void)QTest::qWaitFor([&] { return !resetDialog->errorText().isEmpty(); }, 20000);
        wrongCode = resetDialog->errorText();
        // Worded again after a language switch (it stayed in English).
        const auto wrongCodeText = [] {
            return QCoreApplication::translate("hm::app::PasswordResetDialog",
                                               "The code is wrong or was used before. Each code "
                                               "works once; ask for a new e-mail if needed.");
        };
        (void)m_languages->setLanguage(QStringLiteral("zh_TW"),
                                       hm::app::LanguageManager::Persist::No);
        wrongCodeReworded =
            !wrongCodeText().startsWith(QLatin1String("The code")) &&
            QTest::qWaitFor([&] { return resetDialog->errorText() == wrongCodeText(); }, 5000);
        (void)m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No);
        wrongCodeReworded =
            wrongCodeReworded &&
            QTest::qWaitFor([&] { return resetDialog->errorText() == wrongCodeText(); }, 5000);
        child<QLineEdit>(reset, "passwordReset.token")->setText(token);
        child<QPushButton>(reset, "passwordReset.submit")->click();
        (void)QTest::qWaitFor([&] { return reset->result() == QDialog::Accepted; }, 20000);
        return reset->result();
    });
    forgot->click();
    QVERIFY(codeStep);
    QVERIFY2(askedNote.startsWith(QStringLiteral("If the address belongs to an account")),
             qPrintable(askedNote));
    QCOMPARE(wrongCode, QStringLiteral("The code is wrong or was used before. Each code works "
                                       "once; ask for a new e-mail if needed."));
    QVERIFY(wrongCodeReworded);
    QCOMPARE(child<QLabel>(dialog.get(), "signin.note")->text(),
             QStringLiteral("Your password was changed. Sign in with the new one."));
    // The new password signs in through the same dialog.
    child<QLineEdit>(dialog.get(), "signin.password")->setText(next);
    child<QPushButton>(dialog.get(), "signin.submit")->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->result(), int(QDialog::Accepted), 20000);
    QCOMPARE(dialog->user().username, QStringLiteral("forgetful"));
}

void TestAccountMailConsole::registerFillsTheSignInDialog()
{
    QCOMPARE(m_http
                 ->json("PUT", QStringLiteral("/api/v1/auth/settings"),
                        {{"auth.self_registration", true}}, m_admin)
                 .status,
             200);
    const auto dialog = signInDialog();
    QVERIFY(dialog);
    QVERIFY(child<QPushButton>(dialog.get(), "signin.register")->isVisible());
    QString mismatch;
    DialogSeam::setNextHandler([&](QDialog *form) {
        auto *registering = static_cast<hm::app::RegisterDialog *>(form);
        child<QLineEdit>(form, "register.email")->setText(QStringLiteral("joiner@example.com"));
        child<QLineEdit>(form, "register.password")->setText(kPassword);
        child<QLineEdit>(form, "register.repeatPassword")->setText(kPassword + u'x');
        child<QPushButton>(form, "register.submit")->click();
        mismatch = registering->errorText();
        child<QLineEdit>(form, "register.repeatPassword")->setText(kPassword);
        child<QPushButton>(form, "register.submit")->click();
        (void)QTest::qWaitFor([&] { return form->result() == QDialog::Accepted; }, 20000);
        return form->result();
    });
    child<QPushButton>(dialog.get(), "signin.register")->click();
    QCOMPARE(mismatch, QStringLiteral("The two passwords differ. Type the same password twice."));
    QCOMPARE(child<QLineEdit>(dialog.get(), "signin.user")->text(), QStringLiteral("joiner"));
    QCOMPARE(child<QLabel>(dialog.get(), "signin.note")->text(),
             QStringLiteral("Your account was created. Sign in with it."));
    // The server mailed the new account its verification.
    QTRY_COMPARE(mailsTo(QStringLiteral("joiner@example.com")).size(), 1);
}

void TestAccountMailConsole::screenshots()
{
    hm::app::ThemeManager themes;
    // Every language in the light theme, and English in the dark one.
    for (const auto &[language, dark] :
         {std::pair{QStringLiteral("en"), false}, std::pair{QStringLiteral("zh_TW"), false},
          std::pair{QStringLiteral("zh_CN"), false}, std::pair{QStringLiteral("en"), true}}) {
        QVERIFY(m_languages->setLanguage(language, hm::app::LanguageManager::Persist::No));
        themes.setMode(dark ? hm::app::ThemeManager::Mode::Dark
                            : hm::app::ThemeManager::Mode::Light,
                       hm::app::ThemeManager::Persist::No);
        const QString shot = dark ? language + QStringLiteral("-dark") : language;
        showSettings(&m_client, QStringLiteral("admin"));
        QTRY_VERIFY(!mailTab()->settings().isEmpty());
        QVERIFY(screenshot(m_page.get(), QStringLiteral("settings-mail-") + shot));
        m_page.reset();
        if (dark)
            continue; // the dark theme for the Mail tab only

        const auto dialog = signInDialog();
        QVERIFY(dialog);
        dialog->adjustSize();
        QVERIFY(screenshot(dialog.get(), QStringLiteral("signin-links-") + shot));

        hm::app::PasswordResetDialog reset(&m_anonymous);
        styleAsConsole(&reset);
        reset.setEmail(QStringLiteral("someone@example.com"));
        reset.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reset));
        reset.adjustSize();
        QVERIFY(screenshot(&reset, QStringLiteral("password-reset-email-") + shot));
        child<QPushButton>(&reset, "passwordReset.haveCode")->click();
        QVERIFY(reset.awaitingCode());
        QVERIFY(screenshot(&reset, QStringLiteral("password-reset-code-") + shot));

        hm::app::RegisterDialog registering(&m_anonymous);
        styleAsConsole(&registering);
        registering.show();
        QVERIFY(QTest::qWaitForWindowExposed(&registering));
        registering.adjustSize();
        QVERIFY(screenshot(&registering, QStringLiteral("register-") + shot));
    }
    themes.setMode(hm::app::ThemeManager::Mode::Light, hm::app::ThemeManager::Persist::No);
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
}

QTEST_MAIN(TestAccountMailConsole)
#include "TestAccountMailConsole.moc"
