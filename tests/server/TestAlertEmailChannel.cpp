// E-mail alert channels against a real server and a real SMTP server on
// loopback (tests/support/smtp_sink.py: Debian's python3-aiosmtpd, STARTTLS
// required with a certificate made for the run, then a sign-in): the test
// message and a fired alert delivered over STARTTLS with the password; a
// wrong password and an untrusted certificate said in the server's words;
// the SMTP password in no API answer, audit entry or server log line; a
// channel in zh-TW mails its test, firing and resolved messages in zh-TW
// (UTF-8 body, RFC 2047 subject), and an unknown language is refused.

#include "../support/TlsTestSupport.h"
#include "FleetTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {

const QString kSmtpUser = QStringLiteral("alerts-sender");
const QString kSmtpPassword = QStringLiteral("smtp-Pa55word-never-shown");

// The body of a saved message (base64 after the blank line).
QString decodedBody(const QByteArray &message)
{
    const qsizetype split = message.indexOf("\r\n\r\n");
    QByteArray body = message.mid(split + 4);
    body.replace("\r\n", "");
    return QString::fromUtf8(QByteArray::fromBase64(body));
}

// The Subject header of a saved message, unfolded and decoded: RFC 2047
// encoded words (=?UTF-8?B?…?=), whitespace between adjacent words dropped.
// Empty when a header holds a byte that is not ASCII (not sent as it must).
QString decodedSubject(const QByteArray &message)
{
    QByteArray head = message.left(message.indexOf("\r\n\r\n"));
    for (const char byte : head) {
        if (uchar(byte) > 0x7e)
            return {};
    }
    head.replace("\r\n ", " ");
    for (const QByteArray &line : head.split('\n')) {
        if (!line.startsWith("Subject: "))
            continue;
        const QString value = QString::fromLatin1(line.mid(9).trimmed());
        static const QRegularExpression word(
            QStringLiteral("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?="));
        if (!value.contains(word))
            return value;
        QByteArray bytes;
        qsizetype at = 0;
        auto it = word.globalMatch(value);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString between = value.mid(at, m.capturedStart() - at);
            if (!between.trimmed().isEmpty())
                bytes += between.toLatin1();
            bytes += QByteArray::fromBase64(m.captured(1).toLatin1());
            at = m.capturedEnd();
        }
        bytes += value.mid(at).toLatin1();
        return QString::fromUtf8(bytes);
    }
    return {};
}

} // namespace

class TestAlertEmailChannel : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    QString m_mailDir;
    QByteArray m_certPem;
    QProcess m_sink;
    quint16 m_smtpPort = 0;

    QByteArray savedMessage(int n) const
    {
        QFile file(QDir(m_mailDir).filePath(QStringLiteral("%1.eml").arg(n)));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    int savedCount() const
    {
        return int(QDir(m_mailDir).entryList({QStringLiteral("*.eml")}, QDir::Files).size());
    }
    QJsonObject emailConfig(const QString &password, bool withCa = true) const
    {
        QJsonObject config{
            {"smtp_host", "127.0.0.1"},       {"smtp_port", int(m_smtpPort)},
            {"security", "starttls"},         {"username", kSmtpUser},
            {"from", "alerts@hivemind.test"}, {"to", "ops@example.test, oncall@example.test"}};
        if (!password.isEmpty())
            config.insert("password", password);
        if (withCa)
            config.insert("ca_pem", QString::fromLatin1(m_certPem));
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
        m_mailDir = m_work.filePath(QStringLiteral("mail"));
        QVERIFY(QDir().mkpath(m_mailDir));
        const QString cert = m_work.filePath(QStringLiteral("smtp.crt"));
        const QString key = m_work.filePath(QStringLiteral("smtp.key"));
        QVERIFY(tlstest::makeSelfSignedCertificate(cert, key));
        QFile certFile(cert);
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        m_certPem = certFile.readAll();
        // Debian's interpreter, where python3-aiosmtpd is installed.
        const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
                                   ? QStringLiteral("/usr/bin/python3")
                                   : QStringLiteral("python3");
        m_sink.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_sink.start(python, {QStringLiteral(HIVEMIND_SOURCE_DIR "/tests/support/smtp_sink.py"),
                              m_mailDir, cert, key, kSmtpUser, kSmtpPassword});
        QVERIFY2(m_sink.waitForStarted(10000), "the SMTP sink did not start");
        QVERIFY2(m_sink.waitForReadyRead(20000), "the SMTP sink said nothing (python3-aiosmtpd?)");
        const QByteArray line = m_sink.readLine().trimmed();
        QVERIFY2(line.startsWith("PORT "), line.constData());
        m_smtpPort = quint16(line.mid(5).toInt());
        QVERIFY(m_smtpPort > 0);

        QVERIFY2(startServer().isEmpty(), "server did not start");
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/system/config"),
                            {{"security", QJsonObject{{"allow_private_networks", true}}}}, m_admin)
                     .status,
                 200);
    }
    void cleanupTestCase()
    {
        m_sink.closeWriteChannel();
        if (!m_sink.waitForFinished(5000))
            m_sink.kill();
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
        QVERIFY(decodedBody(first).contains(QLatin1String("Ops mail")));

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
        const QString body = decodedBody(alert);
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
        QCOMPARE(decodedSubject(test), QStringLiteral("[HiveMind] 通知管道「值班信箱」的測試"));
        QVERIFY2(decodedBody(test).contains(
                     QStringLiteral("這是 HiveMind 通知管道「值班信箱」的測試訊息")),
                 qPrintable(decodedBody(test)));

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
        QCOMPARE(decodedSubject(firing), QStringLiteral("[HiveMind] 告警：mail-02 上的 CPU 過高"));
        const QString body = decodedBody(firing);
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
        QCOMPARE(decodedSubject(resolved),
                 QStringLiteral("[HiveMind] 已解決：mail-02 上的 CPU 過高"));
        QVERIFY(decodedBody(resolved).contains(QStringLiteral("解決時間：")));
    }
    // An IPv6 SMTP server, written as a URL writes it ("[::1]"): stored
    // plain, reached over ::1 with STARTTLS (the certificate names ::1).
    void anIpv6SmtpHostIsReached()
    {
        const QString mailDir = m_work.filePath(QStringLiteral("mail6"));
        QVERIFY(QDir().mkpath(mailDir));
        QProcess sink;
        sink.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        sink.start(QStringLiteral("/usr/bin/python3"),
                   {QStringLiteral(HIVEMIND_SOURCE_DIR "/tests/support/smtp_sink.py"), mailDir,
                    m_work.filePath(QStringLiteral("smtp.crt")),
                    m_work.filePath(QStringLiteral("smtp.key")), kSmtpUser, kSmtpPassword,
                    QStringLiteral("::1")});
        QVERIFY2(sink.waitForStarted(10000), "the IPv6 SMTP sink did not start");
        QVERIFY2(sink.waitForReadyRead(20000), "the IPv6 SMTP sink said nothing (no ::1?)");
        const QByteArray line = sink.readLine().trimmed();
        QVERIFY2(line.startsWith("PORT "), line.constData());

        QJsonObject config = emailConfig(kSmtpPassword);
        config.insert("smtp_host", "[::1]");
        config.insert("smtp_port", line.mid(5).toInt());
        const Answer made =
            m_http->json("POST", QStringLiteral("/api/v1/alerts/channels"),
                         {{"name", "IPv6 mail"}, {"type", "email"}, {"config", config}}, m_admin);
        QCOMPARE(made.status, 201);
        QCOMPARE(made.data().value("config").toObject().value("smtp_host").toString(),
                 QStringLiteral("::1"));
        const Answer tested = test(made.data().value("id").toString());
        QVERIFY2(tested.data().value("success").toBool(),
                 qPrintable(tested.data().value("error").toString()));
        const auto saved = [&] {
            return QDir(mailDir).entryList({QStringLiteral("*.eml")}, QDir::Files).size();
        };
        QTRY_COMPARE(saved(), 1);
        QFile message(QDir(mailDir).filePath(QStringLiteral("1.eml")));
        QVERIFY(message.open(QIODevice::ReadOnly));
        QVERIFY(message.readAll().contains(
            "Subject: [HiveMind] Test of the alert channel \"IPv6 mail\""));
        sink.closeWriteChannel();
        if (!sink.waitForFinished(5000))
            sink.kill();
    }
};

QTEST_MAIN(TestAlertEmailChannel)
#include "TestAlertEmailChannel.moc"
