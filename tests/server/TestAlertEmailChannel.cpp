// E-mail alert channels against a real server and a real SMTP server on
// loopback (tests/support/smtp_sink.py: Debian's python3-aiosmtpd, STARTTLS
// required with a certificate made for the run, then a sign-in): the test
// message and a fired alert delivered over STARTTLS with the password; a
// wrong password and an untrusted certificate said in the server's words;
// the SMTP password in no API answer, audit entry or server log line; a
// channel in zh-TW mails its test, firing and resolved messages in zh-TW
// (UTF-8 body, RFC 2047 subject), and an unknown language is refused.

#include "../support/SmtpSink.h"
#include "FleetTestSupport.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {

const QString kSmtpUser = QStringLiteral("alerts-sender");
const QString kSmtpPassword = QStringLiteral("smtp-Pa55word-never-shown");

} // namespace

class TestAlertEmailChannel : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    smtptest::Sink m_sink;

    QByteArray savedMessage(int n) const { return m_sink.savedMessage(n); }
    int savedCount() const { return m_sink.savedCount(); }
    QJsonObject emailConfig(const QString &password, bool withCa = true) const
    {
        QJsonObject config{
            {"smtp_host", "127.0.0.1"},       {"smtp_port", int(m_sink.port())},
            {"security", "starttls"},         {"username", kSmtpUser},
            {"from", "alerts@hivemind.test"}, {"to", "ops@example.test, oncall@example.test"}};
        if (!password.isEmpty())
            config.insert("password", password);
        if (withCa)
            config.insert("ca_pem", QString::fromLatin1(m_sink.certPem()));
        return config;
    }
    Answer test(const QString &id)
    {
        return m_http->json("POST", QStringLiteral("/api/v1/alerts/channels/%1/test").arg(id), {},
                            m_admin);
    }
    Answer change(const QString &id, const QJsonObject &config)
    {
        return m_http->json("PUT", QStringLiteral("/api/v1/alerts/channels/") + id,
                            {{"config", config}}, m_admin);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        const QString sink = m_sink.start(m_work.path(), kSmtpUser, kSmtpPassword);
        QVERIFY2(sink.isEmpty(), qPrintable(sink));

        QVERIFY2(startServer().isEmpty(), "server did not start");
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/system/config"),
                            {{"security", QJsonObject{{"allow_private_networks", true}}}}, m_admin)
                     .status,
                 200);
    }
    void cleanupTestCase()
    {
        m_sink.stop();
        stopServer();
    }

    void testMessageAndAlertGoOverStarttls()
    {
        const Answer made = m_http->json(
            "POST", QStringLiteral("/api/v1/alerts/channels"),
            {{"name", "Ops mail"}, {"type", "email"}, {"config", emailConfig(kSmtpPassword)}},
            m_admin);
        QCOMPARE(made.status, 201);
        const QString id = made.data().value("id").toString();
        QVERIFY(made.data().value("secret_set").toBool());
        const QJsonObject config = made.data().value("config").toObject();
        QCOMPARE(config.value("to").toArray().size(), 2);
        QVERIFY(!config.contains("password"));

        Answer tested = test(id);
        QCOMPARE(tested.status, 200);
        QVERIFY2(tested.data().value("success").toBool(),
                 qPrintable(tested.data().value("error").toString()));
        QCOMPARE(tested.data().value("smtp_code").toInt(), 250);
        QTRY_COMPARE(savedCount(), 1);
        const QByteArray first = savedMessage(1);
        QVERIFY(first.contains("X-Envelope-From: alerts@hivemind.test"));
        QVERIFY(first.contains("X-Envelope-To: ops@example.test,oncall@example.test"));
        QVERIFY(first.contains("Subject: [HiveMind] Test of the alert channel \"Ops mail\""));
        QVERIFY(smtptest::decodedBody(first).contains(QLatin1String("Ops mail")));

        // A fired alert is mailed.
        AgentPeer agent;
        const QString nodeId = enrolledNode(*m_http, m_admin, QStringLiteral("mail-01"), agent);
        QVERIFY(signInAgent(*m_http, agent, nodeId));
        QCOMPARE(createNodeRule(*m_http, m_admin, QStringLiteral("CPU hot"), QStringLiteral("cpu"),
                                90, nodeId),
                 201);
        agent.send(fleet::serialize(AgentPeer::report(1, 96.5)));
        QTRY_COMPARE_WITH_TIMEOUT(savedCount(), 2, 20000);
        const QByteArray alert = savedMessage(2);
        QVERIFY2(alert.contains("Subject: [HiveMind] Alert: CPU hot on mail-01"),
                 alert.constData());
        const QString body = smtptest::decodedBody(alert);
        QVERIFY2(body.contains(QLatin1String("96.5")), qPrintable(body));
        const QJsonArray deliveries =
            m_http->get(QStringLiteral("/api/v1/alerts/channels/%1/deliveries").arg(id), m_admin)
                .data()
                .value("items")
                .toArray();
        QTRY_VERIFY(!deliveries.isEmpty());

        // A wrong password, an untrusted certificate: said, not delivered.
        QCOMPARE(change(id, emailConfig(QStringLiteral("not-the-password"))).status, 200);
        tested = test(id);
        QVERIFY(!tested.data().value("success").toBool());
        QCOMPARE(tested.data().value("error").toString(),
                 QStringLiteral("the SMTP server refused the sign-in"));
        QJsonObject noCa = emailConfig(kSmtpPassword, false);
        noCa.insert("ca_pem", QJsonValue());
        QCOMPARE(change(id, noCa).status, 200);
        tested = test(id);
        QVERIFY(!tested.data().value("success").toBool());
        QCOMPARE(tested.data().value("error").toString(),
                 QStringLiteral("the SMTP server's certificate is not trusted"));
        QCOMPARE(savedCount(), 2);

        // Field faults.
        QJsonObject bad = emailConfig(kSmtpPassword);
        bad.insert("to", "not an address");
        QCOMPARE(change(id, bad).details().value("field").toString(), QStringLiteral("to"));
        bad = emailConfig(kSmtpPassword);
        bad.insert("security", "maybe");
        QCOMPARE(change(id, bad).details().value("field").toString(), QStringLiteral("security"));

        // The password is nowhere to be read.
        const QByteArray secret = kSmtpPassword.toUtf8();
        QVERIFY(!made.raw.contains(secret));
        QVERIFY(
            !m_http->get(QStringLiteral("/api/v1/alerts/channels"), m_admin).raw.contains(secret));
        QVERIFY(!m_http->get(QStringLiteral("/api/v1/audit?category=fleet&size=100"), m_admin)
                     .raw.contains(secret));
        QVERIFY(!m_server->standardOutput().contains(secret));
        QVERIFY(!m_server->standardError().contains(secret));
    }

    // After the case above: its channel no longer delivers (untrusted
    // certificate), so every message saved from here is this channel's.
    void aChannelInZhTwMailsInZhTw()
    {
        QJsonObject unknown = emailConfig(kSmtpPassword);
        unknown.insert("language", "fr");
        const Answer refused =
            m_http->json("POST", QStringLiteral("/api/v1/alerts/channels"),
                         {{"name", "French"}, {"type", "email"}, {"config", unknown}}, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(refused.details().value("field").toString(), QStringLiteral("language"));

        QJsonObject config = emailConfig(kSmtpPassword);
        config.insert("language", "zh-TW");
        const Answer made = m_http->json(
            "POST", QStringLiteral("/api/v1/alerts/channels"),
            {{"name", QStringLiteral("值班信箱")}, {"type", "email"}, {"config", config}}, m_admin);
        QCOMPARE(made.status, 201);
        const QString id = made.data().value("id").toString();
        QCOMPARE(made.data().value("config").toObject().value("language").toString(),
                 QStringLiteral("zh-TW"));
        const int before = savedCount();

        const Answer tested = test(id);
        QVERIFY2(tested.data().value("success").toBool(),
                 qPrintable(tested.data().value("error").toString()));
        QTRY_COMPARE(savedCount(), before + 1);
        const QByteArray test = savedMessage(before + 1);
        QVERIFY2(test.contains("Subject: =?UTF-8?B?"), test.constData());
        QVERIFY(test.contains("Content-Type: text/plain; charset=UTF-8"));
        QCOMPARE(smtptest::decodedSubject(test),
                 QStringLiteral("[HiveMind] 通知管道「值班信箱」的測試"));
        QVERIFY2(smtptest::decodedBody(test).contains(
                     QStringLiteral("這是 HiveMind 通知管道「值班信箱」的測試訊息")),
                 qPrintable(smtptest::decodedBody(test)));

        // A firing alert and its resolution, in zh-TW.
        AgentPeer agent;
        const QString nodeId = enrolledNode(*m_http, m_admin, QStringLiteral("mail-02"), agent);
        QVERIFY(signInAgent(*m_http, agent, nodeId));
        QCOMPARE(createNodeRule(*m_http, m_admin, QStringLiteral("CPU 過高"), QStringLiteral("cpu"),
                                90, nodeId),
                 201);
        agent.send(fleet::serialize(AgentPeer::report(1, 97)));
        QTRY_COMPARE_WITH_TIMEOUT(savedCount(), before + 2, 20000);
        const QByteArray firing = savedMessage(before + 2);
        QCOMPARE(smtptest::decodedSubject(firing),
                 QStringLiteral("[HiveMind] 告警：mail-02 上的 CPU 過高"));
        const QString body = smtptest::decodedBody(firing);
        QVERIFY2(body.contains(QStringLiteral("告警「CPU 過高」已在 mail-02 上觸發。")),
                 qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("類型：處理器使用率")), qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("數值：97")), qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("閾值：90")), qPrintable(body));

        // Under the clear level for at least one report.
        agent.send(fleet::serialize(AgentPeer::report(2, 5)));
        agent.send(fleet::serialize(AgentPeer::report(3, 5)));
        QTRY_COMPARE_WITH_TIMEOUT(savedCount(), before + 3, 20000);
        const QByteArray resolved = savedMessage(before + 3);
        QCOMPARE(smtptest::decodedSubject(resolved),
                 QStringLiteral("[HiveMind] 已解決：mail-02 上的 CPU 過高"));
        QVERIFY(smtptest::decodedBody(resolved).contains(QStringLiteral("解決時間：")));
    }
    // An IPv6 SMTP server, written as a URL writes it ("[::1]"): stored
    // plain, reached over ::1 with STARTTLS (the certificate names ::1).
    void anIpv6SmtpHostIsReached()
    {
        smtptest::Sink sink;
        const QString started = sink.start(m_work.filePath(QStringLiteral("v6")), kSmtpUser,
                                           kSmtpPassword, {}, QStringLiteral("::1"));
        QVERIFY2(started.isEmpty(), qPrintable(started));

        QJsonObject config = emailConfig(kSmtpPassword);
        config.insert("smtp_host", "[::1]");
        config.insert("smtp_port", int(sink.port()));
        config.insert("ca_pem", QString::fromLatin1(sink.certPem()));
        const Answer made =
            m_http->json("POST", QStringLiteral("/api/v1/alerts/channels"),
                         {{"name", "IPv6 mail"}, {"type", "email"}, {"config", config}}, m_admin);
        QCOMPARE(made.status, 201);
        QCOMPARE(made.data().value("config").toObject().value("smtp_host").toString(),
                 QStringLiteral("::1"));
        const Answer tested = test(made.data().value("id").toString());
        QVERIFY2(tested.data().value("success").toBool(),
                 qPrintable(tested.data().value("error").toString()));
        QTRY_COMPARE(sink.savedCount(), 1);
        QVERIFY(sink.savedMessage(1).contains(
            "Subject: [HiveMind] Test of the alert channel \"IPv6 mail\""));
    }
};

QTEST_MAIN(TestAlertEmailChannel)
#include "TestAlertEmailChannel.moc"
