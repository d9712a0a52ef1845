// The SMTP sender connects only to the addresses the outbound policy
// checked (CURLOPT_RESOLVE), never to what a second lookup of the name
// might answer (DNS rebinding). Against a real SMTP server on loopback
// (tests/support/smtp_sink.py) with a certificate for a name that no
// resolver knows, `pinned.hivemind.test`: pinned to 127.0.0.1 the message
// arrives (curl looked nothing up: the name does not resolve), pinned to
// 127.0.0.2 where nothing listens it cannot connect. And the policy pins
// nothing for an IP literal or when private networks are allowed (curl
// connects to the literal, or resolves: any address may be reached then).

#include "../support/TlsTestSupport.h"
#include "server/services/mail/SmtpSender.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace hm::server;

namespace {

const QString kUser = QStringLiteral("pin-user");
const QString kPassword = QStringLiteral("pin-Pa55word");
const QString kName = QStringLiteral("pinned.hivemind.test");

} // namespace

class TestSmtpPinning : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        m_mailDir = m_work.filePath(QStringLiteral("mail"));
        QVERIFY(QDir().mkpath(m_mailDir));
        const QString cert = m_work.filePath(QStringLiteral("smtp.crt"));
        const QString key = m_work.filePath(QStringLiteral("smtp.key"));
        QVERIFY(tlstest::makeSelfSignedCertificate(cert, key, 2, kName));
        QFile certFile(cert);
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        m_certPem = certFile.readAll();
        // The name must not resolve, or the test would not show the pin.
        QVERIFY(QHostInfo::fromName(kName).addresses().isEmpty());
        const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
                                   ? QStringLiteral("/usr/bin/python3")
                                   : QStringLiteral("python3");
        m_sink.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_sink.start(python, {QStringLiteral(HIVEMIND_SOURCE_DIR "/tests/support/smtp_sink.py"),
                              m_mailDir, cert, key, kUser, kPassword});
        QVERIFY2(m_sink.waitForStarted(10000), "the SMTP sink did not start");
        QVERIFY2(m_sink.waitForReadyRead(20000), "the SMTP sink said nothing (python3-aiosmtpd?)");
        const QByteArray line = m_sink.readLine().trimmed();
        QVERIFY2(line.startsWith("PORT "), line.constData());
        m_port = line.mid(5).toInt();
        QVERIFY(m_port > 0);
    }
    void cleanupTestCase()
    {
        m_sink.closeWriteChannel();
        if (!m_sink.waitForFinished(5000))
            m_sink.kill();
    }

    void connectsToThePinnedAddressOnly()
    {
        mail::MailMessage message;
        message.from = QStringLiteral("alerts@hivemind.test");
        message.to = {QStringLiteral("ops@example.test")};
        message.subject = QStringLiteral("Pinned");
        message.text = QStringLiteral("Sent to the address the policy checked.");
        mail::SmtpSettings settings;
        settings.host = kName;
        settings.port = m_port;
        settings.username = kUser;
        settings.password = kPassword.toUtf8();
        settings.caPem = m_certPem;
        settings.timeoutMs = 10000;

        settings.pinned = {QHostAddress(QStringLiteral("127.0.0.2"))};
        const mail::SmtpOutcome elsewhere = mail::SmtpSender::sendNow(settings, message);
        QVERIFY(!elsewhere.sent);
        QCOMPARE(QDir(m_mailDir).entryList({QStringLiteral("*.eml")}, QDir::Files).size(), 0);

        settings.pinned = {QHostAddress(QStringLiteral("127.0.0.1"))};
        const mail::SmtpOutcome sent = mail::SmtpSender::sendNow(settings, message);
        QVERIFY2(sent.sent, qPrintable(sent.error));
        QCOMPARE(QDir(m_mailDir).entryList({QStringLiteral("*.eml")}, QDir::Files).size(), 1);
    }

    void policyHandsOnWhatItChecked()
    {
        // Without a database every address is allowed, and nothing is
        // looked up for curl to be pinned to.
        const outbound::OutboundPolicy open;
        QObject context;
        const auto admitted = [&](const outbound::OutboundPolicy &policy, const QString &host) {
            std::optional<hm::Result<QList<QHostAddress>>> answer;
            policy.admitAddresses(host, QStringLiteral("smtp_host"), &context,
                                  [&](hm::Result<QList<QHostAddress>> r) { answer = r; });
            (void)QTest::qWaitFor([&] { return answer.has_value(); }, 20000);
            return answer;
        };
        auto literal = admitted(open, QStringLiteral("[::1]"));
        QVERIFY(literal && literal->ok());
        QVERIFY(literal->value().isEmpty());
        auto named = admitted(open, QStringLiteral("localhost"));
        QVERIFY(named && named->ok());
        QVERIFY(named->value().isEmpty());
    }

private:
    QTemporaryDir m_work;
    QString m_mailDir;
    QByteArray m_certPem;
    QProcess m_sink;
    int m_port = 0;
};

QTEST_MAIN(TestSmtpPinning)
#include "TestSmtpPinning.moc"
