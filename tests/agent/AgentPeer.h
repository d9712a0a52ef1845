#pragma once

// The server's /ws/agent as the agent tests need it, built on the shared
// protocol code (fleet::parseAgentMessage, serialize) over a real loopback
// WebSocket. The real server's end-to-end test of an agent lives with the
// server (tests/server).

#include "crypto/Signing.h"
#include "fleet/AgentProtocol.h"

#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>
#include <optional>

namespace hm::test {

// The server's side: a challenge on every connection, a welcome for a good
// signature, and a record of every report received, per connection.
class AgentPeer : public QObject
{
    Q_OBJECT
public:
    // With `ssl`, a wss:// peer (https:// URL) with that certificate.
    explicit AgentPeer(QByteArray publicKey, std::optional<QSslConfiguration> ssl = std::nullopt)
        : m_server(QStringLiteral("peer"),
                   ssl ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode),
          m_publicKey(std::move(publicKey)), m_secure(ssl.has_value())
    {
        if (ssl)
            m_server.setSslConfiguration(*ssl);
        connect(&m_server, &QWebSocketServer::newConnection, this, &AgentPeer::onConnection);
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    // A connection accepted elsewhere (a peer that also answers HTTP on the
    // same port), its upgrade request still unread.
    void handleConnection(QTcpSocket *socket) { m_server.handleConnection(socket); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2")
                        .arg(m_secure ? QStringLiteral("https") : QStringLiteral("http"))
                        .arg(m_server.serverPort()));
    }

    void send(const QByteArray &frame) { m_socket->sendTextMessage(QString::fromUtf8(frame)); }
    void closeWith(int code)
    {
        m_socket->close(QWebSocketProtocol::CloseCode(code), QStringLiteral("test"));
    }

    // A server that stops answering new connections for a while (they wait
    // in the listen backlog) and then takes them again.
    void pauseAccepting() { m_server.pauseAccepting(); }
    void resumeAccepting() { m_server.resumeAccepting(); }

    // The key hellos must be signed with (known from enrolment).
    void setPublicKey(const QByteArray &publicKey) { m_publicKey = publicKey; }

    // What the peer answers in welcome.acked_seq and settings.interval_s.
    qint64 welcomeAcked = 0;
    int welcomeIntervalSeconds = 7;
    QList<fleet::ProbeTarget> welcomeProbes;
    int connections = 0;
    QString path;
    QList<fleet::HelloMessage> hellos;
    QList<bool> signaturesValid;
    QList<int> closeCodes;               // of the agent's close frames, per ended connection
    QList<QList<qint64>> received;       // per connection
    QList<fleet::ReportMessage> reports; // every report, all connections
    QList<fleet::ResponseMessage> responses; // answers to send()'s requests
    QList<qint64> allReceived() const
    {
        QList<qint64> all;
        for (const auto &list : received)
            all += list;
        return all;
    }

private:
    void onConnection()
    {
        m_socket = m_server.nextPendingConnection();
        m_socket->setParent(this);
        ++connections;
        path = m_socket->requestUrl().path();
        received.append(QList<qint64>());
        QWebSocket *socket = m_socket;
        connect(socket, &QWebSocket::disconnected, this,
                [this, socket] { closeCodes.append(int(socket->closeCode())); });
        m_nonce = QByteArray(fleet::kChallengeNonceBytes, '\0');
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(m_nonce.data()),
                                              m_nonce.size() / 4);
        connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            auto parsed = fleet::parseAgentMessage(text.toUtf8());
            if (!parsed) {
                qWarning("peer: bad message %s", qPrintable(parsed.error().toString()));
                return;
            }
            if (const auto *hello = std::get_if<fleet::HelloMessage>(&*parsed)) {
                hellos.append(*hello);
                const bool valid = crypto::verifySignature(
                    m_publicKey, fleet::signedChallenge(hello->nodeId, m_nonce), hello->signature);
                signaturesValid.append(valid);
                if (!valid) {
                    closeWith(4401);
                    return;
                }
                send(fleet::serialize(fleet::WelcomeMessage{
                    hello->nodeId, welcomeAcked, {welcomeIntervalSeconds, welcomeProbes}}));
            } else if (const auto *report = std::get_if<fleet::ReportMessage>(&*parsed)) {
                received.last().append(report->seq);
                reports.append(*report);
            } else if (const auto *response = std::get_if<fleet::ResponseMessage>(&*parsed)) {
                responses.append(*response);
            }
        });
        send(fleet::serialize(fleet::ChallengeMessage{fleet::kAgentProtocolVersion, m_nonce}));
    }

    QWebSocketServer m_server;
    QByteArray m_publicKey;
    QWebSocket *m_socket = nullptr;
    QByteArray m_nonce;
    bool m_secure = false;
};

} // namespace hm::test
