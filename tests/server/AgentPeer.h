#pragma once

// A minimal agent on /ws/agent for the server's fleet tests: it speaks the
// protocol (core/fleet/AgentProtocol.h) with a key pair of its own, so a
// test can send exactly the messages it wants, right or wrong. The real
// hivemind-agent process is tested against the real server in
// tests/agent/TestAgentEndToEnd.cpp.

#include "crypto/Signing.h"
#include "fleet/AgentProtocol.h"

#include <QDateTime>
#include <QList>
#include <QSignalSpy>
#include <QUrl>
#include <QWebSocket>

namespace hm::test {

class AgentPeer
{
public:
    AgentPeer()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived,
                         [this](const QString &text) { received.append(text.toUtf8()); });
        QObject::connect(&socket, &QWebSocket::disconnected, [this] {
            closeCode = int(socket.closeCode());
            closeReason = socket.closeReason();
            closed = true;
        });
    }

    // Qt 6.4's ~QWebSocket closes a socket that is still open with a
    // reason string it never frees (LeakSanitizer in the asan preset):
    // aborted first, there is nothing left to close.
    ~AgentPeer()
    {
        QObject::disconnect(&socket, nullptr, nullptr, nullptr);
        socket.abort();
    }
    AgentPeer(const AgentPeer &) = delete;
    AgentPeer &operator=(const AgentPeer &) = delete;

    // Opens /ws/agent of `base` and waits for the challenge.
    bool connectTo(const QUrl &base)
    {
        QUrl url = base;
        url.setScheme(base.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                              : QStringLiteral("ws"));
        url.setPath(QStringLiteral("/ws/agent"));
        socket.open(url);
        if (!waitForMessages(1))
            return false;
        auto challenge = fleet::parseAgentMessage(received.first());
        if (!challenge || !std::holds_alternative<fleet::ChallengeMessage>(challenge.value()))
            return false;
        nonce = std::get<fleet::ChallengeMessage>(challenge.value()).nonce;
        return true;
    }

    // A hello signed over this connection's nonce with `key` (default: ours).
    fleet::HelloMessage hello(const QString &nodeId, const crypto::SecureBytes *key = nullptr) const
    {
        fleet::HelloMessage message;
        message.nodeId = nodeId;
        message.agentVersion = QStringLiteral("test-peer");
        message.capabilities = {QStringLiteral("metrics")};
        message.signature =
            crypto::sign(key ? *key : keys.secretKey, fleet::signedChallenge(nodeId, nonce));
        return message;
    }

    void send(const QByteArray &frame) { socket.sendTextMessage(QString::fromUtf8(frame)); }

    // Waits until `count` messages have arrived in all; false on a close or
    // after 20 s.
    bool waitForMessages(qsizetype count)
    {
        QSignalSpy spy(&socket, &QWebSocket::textMessageReceived);
        while (received.size() < count) {
            if (closed || !spy.wait(20000))
                return received.size() >= count;
        }
        return true;
    }
    // Waits until the server acknowledged report `seq` (an ack covers every
    // report up to its seq): the report is stored and announced.
    bool waitForAck(qint64 seq)
    {
        QSignalSpy spy(&socket, &QWebSocket::textMessageReceived);
        for (;;) {
            for (const QByteArray &frame : std::as_const(received)) {
                const auto parsed = fleet::parseAgentMessage(frame);
                if (parsed) {
                    if (const auto *ack = std::get_if<fleet::AckMessage>(&parsed.value());
                        ack && ack->seq >= seq)
                        return true;
                }
            }
            if (closed || !spy.wait(20000))
                return false;
        }
    }
    bool waitForClose()
    {
        if (closed)
            return true;
        QSignalSpy spy(&socket, &QWebSocket::disconnected);
        return spy.wait(20000) || closed;
    }

    // The parsed message `index` of what arrived.
    fleet::AgentMessage message(qsizetype index) const
    {
        return fleet::parseAgentMessage(received.at(index)).value();
    }

    static fleet::ReportMessage report(qint64 seq, double cpu)
    {
        return fleet::ReportMessage{
            // Now: the server keeps reports of the last day only.
            seq,
            QDateTime::currentMSecsSinceEpoch() - 60'000 + seq * 1000,
            {fleet::MetricValue{QStringLiteral("cpu_usage"), cpu},
             fleet::MetricValue{QStringLiteral("memory_used"), 1024.0 * seq}}};
    }

    crypto::SigningKeyPair keys = crypto::generateSigningKeyPair();
    QWebSocket socket;
    QByteArray nonce;
    QList<QByteArray> received;
    bool closed = false;
    int closeCode = 0;
    QString closeReason;
};

} // namespace hm::test
