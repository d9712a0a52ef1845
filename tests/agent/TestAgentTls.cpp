// The agent's TLS pin (--pin-sha256) on a wss:// /ws/agent with a
// self-signed certificate: the pinned certificate is accepted, any other is
// refused before the agent says anything, and without a pin a certificate
// no CA signed is refused too.

#include "agent/AgentIdentity.h"
#include "agent/AgentSession.h"
#include "agent/SampleBuffer.h"
#include "client/TlsPolicy.h"

#include "AgentPeer.h"
#include "TlsTestSupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::agent;
using hm::test::AgentPeer;

class TestAgentTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QSslConfiguration m_ssl;
    QSslCertificate m_certificate;

    struct Run
    {
        std::optional<AgentIdentity> identity;
        std::unique_ptr<SampleBuffer> buffer;
        std::unique_ptr<AgentPeer> peer;
        std::unique_ptr<AgentSession> session;
        QTemporaryDir dir;
    };

    std::unique_ptr<Run> runWithPin(const QString &pin)
    {
        auto run = std::make_unique<Run>();
        auto identity = AgentIdentity::loadOrCreate(run->dir.path());
        auto buffer = SampleBuffer::open(run->dir.filePath(QStringLiteral("buffer")));
        if (!identity || !buffer)
            return nullptr;
        run->identity.emplace(std::move(*identity));
        run->buffer = std::move(*buffer);
        run->peer = std::make_unique<AgentPeer>(run->identity->publicKey(), m_ssl);
        if (!run->peer->listen())
            return nullptr;
        AgentSessionConfig config;
        config.serverUrl = run->peer->url();
        config.nodeId = QStringLiteral("node-tls");
        config.agentVersion = QStringLiteral("0.1.0");
        config.tls.pinnedSha256 = pin;
        config.initialBackoffMs = 20;
        config.maxBackoffMs = 50;
        run->session =
            std::make_unique<AgentSession>(config, *run->identity, *run->buffer);
        return run;
    }

private slots:
    void initTestCase()
    {
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QVERIFY(tlstest::makeSelfSignedCertificate(cert, key));
        QFile certFile(cert);
        QFile keyFile(key);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        m_certificate = QSslCertificate(&certFile, QSsl::Pem);
        QVERIFY(!m_certificate.isNull());
        m_ssl = QSslConfiguration::defaultConfiguration();
        m_ssl.setLocalCertificate(m_certificate);
        m_ssl.setPrivateKey(QSslKey(&keyFile, QSsl::Ec, QSsl::Pem));
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    }

    void pinnedCertificateAccepted()
    {
        // The operator's form: upper case hex with ':' works as well.
        const QString pin = client::TlsPolicy::fingerprint(m_certificate).toUpper();
        auto run = runWithPin(pin);
        QVERIFY(run);
        QSignalSpy welcomed(run->session.get(), &AgentSession::welcomed);
        run->session->start();
        QVERIFY(welcomed.wait());
        QVERIFY(run->peer->signaturesValid.first());
    }

    void otherCertificateRefused()
    {
        auto run = runWithPin(QString(64, u'a'));
        QVERIFY(run);
        QSignalSpy disconnected(run->session.get(), &AgentSession::disconnected);
        run->session->start();
        QVERIFY(disconnected.wait());
        QCOMPARE(disconnected.first().first().toInt(), 1006);
        QVERIFY2(disconnected.first().at(1).toString().contains(QStringLiteral("pinned")),
                 qPrintable(disconnected.first().at(1).toString()));
        // The agent said nothing over it, and tries again later (the
        // certificate may be replaced by the right one).
        QVERIFY(run->peer->hellos.isEmpty());
        QVERIFY(run->session->state() != AgentSession::State::Stopped);
    }

    void selfSignedWithoutPinRefused()
    {
        auto run = runWithPin(QString());
        QVERIFY(run);
        QSignalSpy disconnected(run->session.get(), &AgentSession::disconnected);
        run->session->start();
        QVERIFY(disconnected.wait());
        QCOMPARE(disconnected.first().first().toInt(), 1006);
        QVERIFY(run->peer->hellos.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAgentTls)
#include "TestAgentTls.moc"
