// Account e-mail against a real server and a real SMTP server on loopback
// (tests/support/smtp_sink.py: Debian's python3-aiosmtpd, STARTTLS and a
// sign-in required): the SMTP settings are ADMIN-only and their password
// write-only; the test send reports success, a closed port and a refused
// private host in the server's words; forgot-password mails a reset token
// in the user's language (en, zh-TW, zh-CN), the token sets a new password
// once and ends the old sessions; an unknown address gets the same answer
// and no mail; e-mail verification; the lockout notice, once; an expired
// token refused (the server restarted with the hidden
// --account-token-ttl-ms 1); no token or password in any log line;
// forgot-password limited per client address.

#include "../support/SmtpSink.h"
#include "AuthTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {

const QString kSmtpUser = QStringLiteral("account-mailer");
const QString kSmtpPassword = QStringLiteral("smtp-Acc0unt-pass-never-shown");
const QString kPassword = QStringLiteral("Str0ng!Passw0rd");

// The 43-character token on a line of its own.
QString tokenIn(const QString &body)
{
    static const QRegularExpression line(QStringLiteral("^([A-Za-z0-9_-]{43})\\r?$"),
                                         QRegularExpression::MultilineOption);
    return line.match(body).captured(1);
}

bool auditHas(Http &http, const QString &admin, const QString &action, const QString &userId)
{
    const QJsonArray items =
        http.get(QStringLiteral("/api/v1/audit?size=100&action=") + action, admin)
            .data()
            .value("audit_logs")
            .toArray();
    for (const QJsonValue v : items) {
        if (v.toObject().value("user_id").toString() == userId)
            return true;
    }
    return false;
}

} // namespace

class TestAccountMail : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    smtptest::Sink m_sink;
    QByteArray m_log;      // what the server wrote so far
    QStringList m_secrets; // tokens and passwords that must not be logged

    QList<QByteArray> mailsTo(const QString &address) const { return m_sink.messagesTo(address); }
    int savedCount() const { return m_sink.savedCount(); }
    void collectLog()
    {
        m_log += m_server->process().readAllStandardOutput();
        m_log += m_server->standardError();
    }
    Answer forgot(const QString &email)
    {
        return m_http->json("POST", QStringLiteral("/api/v1/auth/forgot-password"),
                            {{"email", email}});
    }
    Answer reset(const QString &token, const QString &password)
    {
        return m_http->json("POST", QStringLiteral("/api/v1/auth/reset-password"),
                            {{"token", token}, {"new_password", password}});
    }
    QJsonObject smtpSettings() const
    {
        return {{"smtp_host", "127.0.0.1"},
                {"smtp_port", int(m_sink.port())},
                {"security", "starttls"},
                {"username", kSmtpUser},
                {"password", kSmtpPassword},
                {"from", "accounts@hivemind.test"},
                {"ca_pem", QString::fromLatin1(m_sink.certPem())}};
    }
    Answer putMail(const QJsonObject &body, const QString &token)
    {
        return m_http->json("PUT", QStringLiteral("/api/v1/system/mail"), body, token);
    }
    Answer setPrivateNetworks(bool allowed)
    {
        return m_http->json("PUT", QStringLiteral("/api/v1/system/config"),
                            {{"security", QJsonObject{{"allow_private_networks", allowed}}}},
                            m_admin);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        const QString sink = m_sink.start(m_work.path(), kSmtpUser, kSmtpPassword);
        QVERIFY2(sink.isEmpty(), qPrintable(sink));
        m_secrets << kSmtpPassword;

        QVERIFY2(startServer().isEmpty(), "server did not start");
        // No progressive delay, three failures lock (the lockout case).
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/auth/settings"),
                            {{"auth.lockout",
                              QJsonObject{{"max_attempts", 3}, {"progressive_delay_ms", 0}}}},
                            m_admin)
                     .status,
                 200);
    }
    void cleanupTestCase()
    {
        m_sink.stop();
        stopServer();
    }

    void withoutSmtpSettingsNothingIsOffered()
    {
        const Answer open = m_http->get(QStringLiteral("/api/v1/auth/public-settings"));
        QCOMPARE(open.status, 200);
        QCOMPARE(open.data().value("password_reset").toBool(), false);
        QCOMPARE(open.data().value("self_registration").toBool(), false);
        const Answer refused = forgot(QStringLiteral("root@example.com"));
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.code(), QStringLiteral("SERVICE_UNAVAILABLE"));
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("SMTP_NOT_CONFIGURED"));
    }

    void smtpSettingsAreAdminOnlyAndWriteOnly()
    {
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, QStringLiteral("mailviewer"), kPassword, "viewer");
        const ApiUser user =
            createApiUser(*m_http, m_admin, QStringLiteral("mailuser"), kPassword, "user");
        QVERIFY(!viewer.token.isEmpty() && !user.token.isEmpty());
        for (const QString &token : {viewer.token, user.token}) {
            QCOMPARE(m_http->get(QStringLiteral("/api/v1/system/mail"), token).status, 403);
            const Answer refused = putMail(smtpSettings(), token);
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));
            QCOMPARE(m_http
                         ->json("POST", QStringLiteral("/api/v1/system/mail/test"),
                                {{"to", "ops@example.test"}}, token)
                         .status,
                     403);
        }
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/system/mail"), m_admin)
                     .data()
                     .value("configured")
                     .toBool(),
                 false);

        // Field faults, nothing stored.
        QJsonObject bad = smtpSettings();
        bad.insert("security", "maybe");
        Answer refused = putMail(bad, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("field").toString(), QStringLiteral("security"));
        bad = smtpSettings();
        bad.insert("from", "not an address");
        QCOMPARE(putMail(bad, m_admin).details().value("field").toString(), QStringLiteral("from"));
        bad = smtpSettings();
        bad.insert("smtp_port", 70000);
        QCOMPARE(putMail(bad, m_admin).details().value("field").toString(),
                 QStringLiteral("smtp_port"));
        bad = smtpSettings();
        bad.insert("color", "blue");
        QCOMPARE(putMail(bad, m_admin).details().value("field").toString(),
                 QStringLiteral("color"));
        bad = smtpSettings();
        bad.remove("password");
        QCOMPARE(putMail(bad, m_admin).details().value("field").toString(),
                 QStringLiteral("password"));
        // A loopback host only while private networks are allowed.
        QCOMPARE(setPrivateNetworks(false).status, 200);
        refused = putMail(smtpSettings(), m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("reason").toString(), QStringLiteral("PRIVATE_ADDRESS"));
        QCOMPARE(setPrivateNetworks(true).status, 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/system/mail"), m_admin)
                     .data()
                     .value("configured")
                     .toBool(),
                 false);

        const Answer saved = putMail(smtpSettings(), m_admin);
        QCOMPARE(saved.status, 200);
        QVERIFY(saved.data().value("password_set").toBool());
        QVERIFY(saved.data().value("configured").toBool());
        QVERIFY(!saved.data().contains("password"));
        const Answer read = m_http->get(QStringLiteral("/api/v1/system/mail"), m_admin);
        QCOMPARE(read.data().value("smtp_port").toInt(), int(m_sink.port()));
        QCOMPARE(read.data().value("username").toString(), kSmtpUser);
        QVERIFY(read.data().value("password_set").toBool());
        // A change without the password keeps it.
        QCOMPARE(
            putMail({{"from", "accounts@hivemind.test"}}, m_admin).data().value("password_set"),
            QJsonValue(true));
        QVERIFY(auditHas(*m_http, m_admin, QStringLiteral("MAIL_SETTINGS_CHANGED"),
                         m_http->get(QStringLiteral("/api/v1/users/me"), m_admin)
                             .data()
                             .value("id")
                             .toString()));
        const QByteArray secret = kSmtpPassword.toUtf8();
        QVERIFY(!saved.raw.contains(secret));
        QVERIFY(!read.raw.contains(secret));
        QVERIFY(
            !m_http->get(QStringLiteral("/api/v1/audit?size=100"), m_admin).raw.contains(secret));
        QVERIFY(
            !m_http->get(QStringLiteral("/api/v1/system/config"), m_admin).raw.contains(secret));

        const Answer open = m_http->get(QStringLiteral("/api/v1/auth/public-settings"));
        QCOMPARE(open.data().value("password_reset").toBool(), true);
        QCOMPARE(open.data().value("email_verification").toBool(), true);
    }

    void testSendSaysWhatHappened()
    {
        const int before = savedCount();
        Answer tested = m_http->json("POST", QStringLiteral("/api/v1/system/mail/test"),
                                     {{"to", "ops@example.test"}, {"language", "zh-TW"}}, m_admin);
        QCOMPARE(tested.status, 200);
        QVERIFY2(tested.data().value("success").toBool(),
                 qPrintable(tested.data().value("error").toString()));
        QTRY_COMPARE(savedCount(), before + 1);
        const QList<QByteArray> mails = mailsTo(QStringLiteral("ops@example.test"));
        QCOMPARE(mails.size(), 1);
        QVERIFY(mails.first().contains("X-Envelope-From: accounts@hivemind.test"));
        QCOMPARE(smtptest::decodedSubject(mails.first()),
                 QStringLiteral("[HiveMind] 帳號電子郵件設定測試"));

        // Bad input.
        tested = m_http->json("POST", QStringLiteral("/api/v1/system/mail/test"),
                              {{"to", "nobody"}}, m_admin);
        QCOMPARE(tested.status, 422);
        QCOMPARE(tested.details().value("field").toString(), QStringLiteral("to"));
        tested = m_http->json("POST", QStringLiteral("/api/v1/system/mail/test"),
                              {{"to", "ops@example.test"}, {"language", "fr"}}, m_admin);
        QCOMPARE(tested.details().value("field").toString(), QStringLiteral("language"));

        // A closed port: said, in the server's words.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const int closedPort = closed.serverPort();
        closed.close();
        QCOMPARE(putMail({{"smtp_port", closedPort}}, m_admin).status, 200);
        tested = m_http->json("POST", QStringLiteral("/api/v1/system/mail/test"),
                              {{"to", "ops@example.test"}}, m_admin);
        QCOMPARE(tested.status, 200);
        QCOMPARE(tested.data().value("success").toBool(), false);
        QCOMPARE(tested.data().value("error").toString(), QStringLiteral("connection refused"));
        QCOMPARE(putMail({{"smtp_port", int(m_sink.port())}}, m_admin).status, 200);

        // A host name that resolves to loopback is refused at the send
        // while private networks are not allowed.
        QCOMPARE(putMail({{"smtp_host", "localhost"}}, m_admin).status, 200);
        QCOMPARE(setPrivateNetworks(false).status, 200);
        tested = m_http->json("POST", QStringLiteral("/api/v1/system/mail/test"),
                              {{"to", "ops@example.test"}}, m_admin);
        QCOMPARE(tested.data().value("success").toBool(), false);
        QVERIFY2(tested.data().value("error").toString().contains(QLatin1String("private")),
                 qPrintable(tested.data().value("error").toString()));
        QCOMPARE(setPrivateNetworks(true).status, 200);
        QCOMPARE(putMail({{"smtp_host", "127.0.0.1"}}, m_admin).status, 200);
        QCOMPARE(savedCount(), before + 1);
        QVERIFY(auditHas(*m_http, m_admin, QStringLiteral("MAIL_TEST_SENT"),
                         m_http->get(QStringLiteral("/api/v1/users/me"), m_admin)
                             .data()
                             .value("id")
                             .toString()));
    }

    void passwordResetInEachLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("marker");
        QTest::newRow("en") << "en"
                            << "[HiveMind] Reset your password"
                            << "Someone asked to reset the password of your HiveMind account.";
        QTest::newRow("zh-TW") << "zh-TW" << QStringLiteral("[HiveMind] 重設您的密碼")
                               << QStringLiteral("有人要求重設您 HiveMind 帳號的密碼。");
        QTest::newRow("zh-CN") << "zh-CN" << QStringLiteral("[HiveMind] 重置您的密码")
                               << QStringLiteral("有人请求重置您 HiveMind 账号的密码。");
    }
    void passwordResetInEachLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, subject);
        QFETCH(QString, marker);
        const QString name = QStringLiteral("reset_") + QString(language).remove(u'-').toLower();
        const ApiUser user = createApiUser(*m_http, m_admin, name, kPassword, "user");
        QVERIFY(!user.token.isEmpty());
        const Answer login = m_http->login(name, kPassword);
        const QString refreshToken = login.data().value("refresh_token").toString();
        QVERIFY(!refreshToken.isEmpty());
        Answer chosen = m_http->json("PUT", QStringLiteral("/api/v1/users/me/language"),
                                     {{"language", language}}, user.token);
        QCOMPARE(chosen.status, 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/users/me"), user.token)
                     .data()
                     .value("language")
                     .toString(),
                 language);

        const Answer asked = forgot(user.email);
        QCOMPARE(asked.status, 200);
        QTRY_COMPARE(mailsTo(user.email).size(), 1);
        const QByteArray mail = mailsTo(user.email).first();
        QCOMPARE(smtptest::decodedSubject(mail), subject);
        const QString body = smtptest::decodedBody(mail);
        QVERIFY2(body.contains(marker), qPrintable(body));
        const QString token = tokenIn(body);
        QVERIFY2(!token.isEmpty(), qPrintable(body));
        m_secrets << token;

        // A password the policy refuses: refused, and the token still works.
        Answer refused = reset(token, QStringLiteral("short"));
        QCOMPARE(refused.code(), QStringLiteral("INVALID_PASSWORD"));
        const QString next = QStringLiteral("N3w!Passw0rd-") + language;
        m_secrets << next;
        const Answer done = reset(token, next);
        QCOMPARE(done.status, 200);
        QVERIFY(done.data().value("password_reset").toBool());
        QVERIFY(!done.raw.contains(token.toLatin1()));

        // Once only.
        refused = reset(token, QStringLiteral("An0ther!Passw0rd"));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->login(name, kPassword).code(), QStringLiteral("INVALID_CREDENTIALS"));
        QCOMPARE(m_http->login(name, next).status, 200);
        // The sessions from before are over.
        const Answer refreshed = m_http->json("POST", QStringLiteral("/api/v1/auth/refresh"),
                                              {{"refresh_token", refreshToken}});
        QVERIFY2(refreshed.status == 401, refreshed.raw.constData());
        QVERIFY(auditHas(*m_http, m_admin, QStringLiteral("PASSWORD_RESET"), user.id));
        QVERIFY(auditHas(*m_http, m_admin, QStringLiteral("PASSWORD_RESET_REQUESTED"), user.id));
        QVERIFY(!m_http->get(QStringLiteral("/api/v1/audit?size=100"), m_admin)
                     .raw.contains(token.toLatin1()));

        // Refusals of the language itself.
        chosen = m_http->json("PUT", QStringLiteral("/api/v1/users/me/language"),
                              {{"language", "fr"}}, m_http->accessToken(name, next));
        QCOMPARE(chosen.status, 422);
        QCOMPARE(chosen.details().value("field").toString(), QStringLiteral("language"));
    }

    void aLaterResetMailRetiresTheEarlierToken()
    {
        const ApiUser user =
            createApiUser(*m_http, m_admin, QStringLiteral("twice"), kPassword, "user");
        QCOMPARE(forgot(user.email).status, 200);
        QTRY_COMPARE(mailsTo(user.email).size(), 1);
        const QString first = tokenIn(smtptest::decodedBody(mailsTo(user.email).at(0)));
        QCOMPARE(forgot(user.email).status, 200);
        QTRY_COMPARE(mailsTo(user.email).size(), 2);
        const QString second = tokenIn(smtptest::decodedBody(mailsTo(user.email).at(1)));
        m_secrets << first << second;
        QVERIFY(first != second);
        QCOMPARE(reset(first, QStringLiteral("Th1rd!Passw0rd")).code(),
                 QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(reset(second, QStringLiteral("Th1rd!Passw0rd")).status, 200);
        // Bad input.
        QCOMPARE(reset(QString(), QStringLiteral("Th1rd!Passw0rd")).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(reset(QStringLiteral("made-up"), QStringLiteral("Th1rd!Passw0rd")).code(),
                 QStringLiteral("TOKEN_INVALID"));
    }

    void anUnknownAddressGetsTheSameAnswerAndNoMail()
    {
        const ApiUser user =
            createApiUser(*m_http, m_admin, QStringLiteral("known"), kPassword, "user");
        const int before = savedCount();
        const Answer unknown = forgot(QStringLiteral("nobody-here@example.com"));
        const Answer known = forgot(user.email);
        QCOMPARE(unknown.status, known.status);
        QCOMPARE(unknown.data(), known.data());
        // The known one's mail arrives, and it is the only one.
        QTRY_COMPARE(mailsTo(user.email).size(), 1);
        QCOMPARE(savedCount(), before + 1);
        QVERIFY(mailsTo(QStringLiteral("nobody-here@example.com")).isEmpty());
        m_secrets << tokenIn(smtptest::decodedBody(mailsTo(user.email).first()));
        // Bad input is still said.
        QCOMPARE(forgot(QStringLiteral("no-at-sign")).details().value("field").toString(),
                 QStringLiteral("email"));
    }

    void emailVerification()
    {
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/auth/settings"),
                            {{"auth.self_registration", true}}, m_admin)
                     .status,
                 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/public-settings"))
                     .data()
                     .value("self_registration")
                     .toBool(),
                 true);
        const QString email = QStringLiteral("newcomer@example.com");
        const Answer registered = m_http->json("POST", QStringLiteral("/api/v1/auth/register"),
                                               {{"email", email}, {"password", kPassword}});
        QCOMPARE(registered.status, 201);
        QTRY_COMPARE(mailsTo(email).size(), 1);
        const QByteArray mail = mailsTo(email).first();
        QCOMPARE(smtptest::decodedSubject(mail),
                 QStringLiteral("[HiveMind] Verify your e-mail address"));
        const QString token = tokenIn(smtptest::decodedBody(mail));
        QVERIFY(!token.isEmpty());
        m_secrets << token;
        const QString access = m_http->accessToken(QStringLiteral("newcomer"), kPassword);
        QVERIFY(!access.isEmpty());
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/users/me"), access)
                     .data()
                     .value("email_verified")
                     .toBool(),
                 false);
        // A reset token does not verify, nor the other way round.
        QCOMPARE(reset(token, QStringLiteral("N0t!Thi5-one")).code(),
                 QStringLiteral("TOKEN_INVALID"));
        const Answer verified =
            m_http->json("POST", QStringLiteral("/api/v1/auth/verify-email"), {{"token", token}});
        QCOMPARE(verified.status, 200);
        QVERIFY(verified.data().value("email_verified").toBool());
        QCOMPARE(
            m_http->json("POST", QStringLiteral("/api/v1/auth/verify-email"), {{"token", token}})
                .code(),
            QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/users/me"), access)
                     .data()
                     .value("email_verified")
                     .toBool(),
                 true);
        const Answer again =
            m_http->json("POST", QStringLiteral("/api/v1/users/me/verify-email"), {}, access);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.details().value("code").toString(), QStringLiteral("ALREADY_VERIFIED"));
        const QString id =
            m_http->get(QStringLiteral("/api/v1/users/me"), access).data().value("id").toString();
        QVERIFY(auditHas(*m_http, m_admin, QStringLiteral("EMAIL_VERIFIED"), id));

        // The mailed link (seed path, token in the query), for an account
        // asking for its own verification mail, in zh-CN.
        const ApiUser user =
            createApiUser(*m_http, m_admin, QStringLiteral("linkuser"), kPassword, "viewer");
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/users/me/language"),
                            {{"language", "zh-CN"}}, user.token)
                     .status,
                 200);
        QCOMPARE(
            m_http->json("POST", QStringLiteral("/api/v1/users/me/verify-email"), {}, user.token)
                .status,
            200);
        QTRY_COMPARE(mailsTo(user.email).size(), 1);
        const QByteArray linkMail = mailsTo(user.email).first();
        QCOMPARE(smtptest::decodedSubject(linkMail),
                 QStringLiteral("[HiveMind] 验证您的电子邮件地址"));
        const QString linkToken = tokenIn(smtptest::decodedBody(linkMail));
        m_secrets << linkToken;
        const Answer clicked =
            m_http->get(QStringLiteral("/api/auth/verify-email?token=") + linkToken);
        QCOMPARE(clicked.status, 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/auth/verify-email?token=") + linkToken).code(),
                 QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->get(QStringLiteral("/api/auth/verify-email")).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/auth/settings"),
                            {{"auth.self_registration", false}}, m_admin)
                     .status,
                 200);
    }

    void theLockoutNoticeIsSentOnce()
    {
        const ApiUser user =
            createApiUser(*m_http, m_admin, QStringLiteral("locked"), kPassword, "user");
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/users/me/language"),
                            {{"language", "zh-TW"}}, user.token)
                     .status,
                 200);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_http->login(QStringLiteral("locked"), QStringLiteral("wrong")).code(),
                     QStringLiteral("INVALID_CREDENTIALS"));
        QTRY_COMPARE(mailsTo(user.email).size(), 1);
        const QByteArray notice = mailsTo(user.email).first();
        QCOMPARE(smtptest::decodedSubject(notice), QStringLiteral("[HiveMind] 您的帳號已被鎖定"));
        QVERIFY2(smtptest::decodedBody(notice).contains(QStringLiteral("30 分鐘")),
                 qPrintable(smtptest::decodedBody(notice)));
        // More failures while locked, and a lock from another address
        // (X-Forwarded-For is not believed: the same address) send nothing
        // more: the next mail this user gets is the reset asked for now.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_http->login(QStringLiteral("locked"), QStringLiteral("wrong")).code(),
                     QStringLiteral("INVALID_CREDENTIALS"));
        QCOMPARE(forgot(user.email).status, 200);
        QTRY_COMPARE(mailsTo(user.email).size(), 2);
        const QByteArray second = mailsTo(user.email).at(1);
        QCOMPARE(smtptest::decodedSubject(second), QStringLiteral("[HiveMind] 重設您的密碼"));
        // The reset lifts the lock.
        const QString token = tokenIn(smtptest::decodedBody(second));
        m_secrets << token;
        QCOMPARE(reset(token, QStringLiteral("Unl0cked!Passw0rd")).status, 200);
        QCOMPARE(
            m_http->login(QStringLiteral("locked"), QStringLiteral("Unl0cked!Passw0rd")).status,
            200);
        QCOMPARE(mailsTo(user.email).size(), 2);
    }

    void noTokenOrPasswordInTheLog()
    {
        collectLog();
        QVERIFY(m_log.contains("account mail: reset for user"));
        for (const QString &secret : std::as_const(m_secrets)) {
            QVERIFY(!secret.isEmpty());
            QVERIFY2(!m_log.contains(secret.toUtf8()), qPrintable(secret));
        }
    }

    // Last: the server runs on with tokens that live 1 ms.
    void anExpiredTokenIsRefused()
    {
        QVERIFY(stopServer());
        QVERIFY2(restartServer({QStringLiteral("--account-token-ttl-ms"), QStringLiteral("1")})
                     .isEmpty(),
                 "server did not restart");
        const ApiUser user =
            createApiUser(*m_http, m_admin, QStringLiteral("late"), kPassword, "user");
        QCOMPARE(forgot(user.email).status, 200);
        QTRY_COMPARE(mailsTo(user.email).size(), 1);
        const QString token = tokenIn(smtptest::decodedBody(mailsTo(user.email).first()));
        QVERIFY(!token.isEmpty());
        const Answer refused = reset(token, QStringLiteral("T00!Late-passw0rd"));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.code(), QStringLiteral("TOKEN_EXPIRED"));
        QCOMPARE(m_http->login(QStringLiteral("late"), kPassword).status, 200);
        m_log.clear();
        collectLog();
        QVERIFY(!m_log.contains(token.toUtf8()));
    }

    // After the others: the login limit of this address is lowered.
    void forgotPasswordIsRateLimited()
    {
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/auth/settings"),
                            {{"auth.rate_limits", QJsonObject{{"login_per_minute", 2}}}}, m_admin)
                     .status,
                 200);
        // Two within the minute pass (the case above asked once already).
        (void)forgot(QStringLiteral("a@example.com"));
        (void)forgot(QStringLiteral("b@example.com"));
        const Answer limited = forgot(QStringLiteral("c@example.com"));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.code(), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QVERIFY(limited.headers.contains("retry-after"));
    }
};

QTEST_MAIN(TestAccountMail)
#include "TestAccountMail.moc"
