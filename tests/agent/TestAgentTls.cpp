// The agent's TLS pin (--pin-sha256) on a wss:// /ws/agent with a
// self-signed certificate: the pinned certificate is accepted, any other is
// refused before the agent says anything, and without a pin a certificate
// no CA signed is refused too.

#include "AgentPeer.h"
#include "TlsTestSupport.h"
#include "agent/AgentIdentity.h"
#include "agent/AgentSession.h"
#include "agent/Enroller.h"
#include "agent/SampleBuffer.h"
#include "client/TlsPolicy.h"
#include "crypto/Signing.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::agent;
using hm::test::AgentPeer;

namespace {

// An HTTPS enrolment endpoint that counts the requests that reached it
// (through the TLS handshake) and accepts each.
class HttpsEnrolPeer : public QObject
{
public:
    explicit HttpsEnrolPeer(const QSslConfiguration &ssl)
    {
        m_server.setSslConfiguration(ssl);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_data += socket->readAll();
                    if (!m_data.contains("\r\n\r\n") || m_answered)
                        return;
                    m_answered = true;
                    ++requests;
                    const QByteArray json =
                        QJsonDocument(QJsonObject{{"success", true},
                                                  {"data", QJsonObject{{"node_id", "node-https"}}}})
                            .toJson(QJsonDocument::Compact);
                    socket->write("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
                                  "Content-Length: " +
                                  QByteArray::number(json.size()) +
                                  "\r\nConnection: close\r\n\r\n" + json);
                    socket->disconnectFromHost();
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    int requests = 0;

private:
    QSslServer m_server;
    QByteArray m_data;
    bool m_answered = false;
};

Result<EnrolmentAnswer> enrolOverTls(const QUrl &server, const QString &pin)
{
    EnrolmentRequest request;
    request.server = server;
    request.secret = QStringLiteral("tls-secret");
    request.name = QStringLiteral("tls-node");
    request.publicKey = crypto::generateSigningKeyPair().publicKey;
    request.tls.pinnedSha256 = pin;
    request.timeoutMs = 5000;
    Enroller enroller;
    std::optional<Result<EnrolmentAnswer>> outcome;
    enroller.enrol(request, [&outcome](Result<EnrolmentAnswer> answer) { outcome = answer; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 10000))
        return Error{ErrorCode::Timeout, QStringLiteral("no outcome")};
    return *outcome;
}

} // namespace

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
        run->session = std::make_unique<AgentSession>(config, *run->identity, *run->buffer);
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

    void enrolmentWithPin()
    {
        HttpsEnrolPeer peer(m_ssl);
        const auto answer = enrolOverTls(peer.url(), client::TlsPolicy::fingerprint(m_certificate));
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().toString()));
        QCOMPARE(answer->nodeId, QStringLiteral("node-https"));
        QCOMPARE(peer.requests, 1);
    }

    void enrolmentRefusesOtherCertificateBeforeSendingTheSecret()
    {
        HttpsEnrolPeer peer(m_ssl);
        auto answer = enrolOverTls(peer.url(), QString(64, u'b'));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::NetworkError);
        QVERIFY2(answer.error().message.contains(QStringLiteral("pinned")),
                 qPrintable(answer.error().message));
        // Without a pin, a certificate no CA signed is refused as well.
        answer = enrolOverTls(peer.url(), QString());
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::NetworkError);
        QCOMPARE(peer.requests, 0); // no request, so no secret, reached it
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
