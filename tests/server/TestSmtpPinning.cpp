// The SMTP sender connects only to the addresses the outbound policy
// checked (CURLOPT_RESOLVE), never to what a second lookup of the name
// might answer (DNS rebinding). Against a real SMTP server on loopback
// (tests/support/smtp_sink.py) with a certificate for a name that no
// resolver knows, `pinned.hivemind.test`: pinned to 127.0.0.1 the message
// arrives (curl looked nothing up: the name does not resolve), pinned to
// 127.0.0.2 where nothing listens it cannot connect. And the policy pins
// nothing for an IP literal or when private networks are allowed (curl
// connects to the literal, or resolves: any address may be reached then).

#include "../support/SmtpSink.h"
#include "server/services/mail/SmtpSender.h"

#include <QHostInfo>
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
        // The name must not resolve, or the test would not show the pin.
        QVERIFY(QHostInfo::fromName(kName).addresses().isEmpty());
        const QString sink = m_sink.start(m_work.path(), kUser, kPassword, kName);
        QVERIFY2(sink.isEmpty(), qPrintable(sink));
    }
    void cleanupTestCase() { m_sink.stop(); }

    void connectsToThePinnedAddressOnly()
    {
        mail::MailMessage message;
        message.from = QStringLiteral("alerts@hivemind.test");
        message.to = {QStringLiteral("ops@example.test")};
        message.subject = QStringLiteral("Pinned");
        message.text = QStringLiteral("Sent to the address the policy checked.");
        mail::SmtpSettings settings;
        settings.host = kName;
        settings.port = m_sink.port();
        settings.username = kUser;
        settings.password = kPassword.toUtf8();
        settings.caPem = m_sink.certPem();
        settings.timeoutMs = 10000;

        settings.pinned = {QHostAddress(QStringLiteral("127.0.0.2"))};
        const mail::SmtpOutcome elsewhere = mail::SmtpSender::sendNow(settings, message);
        QVERIFY(!elsewhere.sent);
        QCOMPARE(m_sink.savedCount(), 0);

        settings.pinned = {QHostAddress(QStringLiteral("127.0.0.1"))};
        const mail::SmtpOutcome sent = mail::SmtpSender::sendNow(settings, message);
        QVERIFY2(sent.sent, qPrintable(sent.error));
        QCOMPARE(m_sink.savedCount(), 1);
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
    smtptest::Sink m_sink;
};

QTEST_MAIN(TestSmtpPinning)
#include "TestSmtpPinning.moc"
