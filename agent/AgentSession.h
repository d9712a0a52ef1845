#pragma once

// One agent identity's connection to the server's /ws/agent
// (fleet/AgentProtocol.h): answer the challenge with a signature, then
// stream the buffered reports in sequence order and drop what the server
// acknowledges. Reconnects with exponential backoff (with jitter) after
// any close but 4401/4403, which mean the server does not accept this
// identity any more: then it stops for good and says so in refused().
//
// Flow control: at most `maxInFlightBytes` handed to the socket and not yet
// written; the rest stays on disk in the SampleBuffer and is read in small
// chunks, so a long outage costs disk, not memory.

#include "agent/AgentSocket.h"
#include "client/TlsPolicy.h"
#include "fleet/AgentProtocol.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

namespace hm::agent {

class AgentIdentity;
class SampleBuffer;

struct AgentSessionConfig
{
    QUrl serverUrl; // http:// or https://; the socket uses ws:// or wss://
    QString nodeId;
    QStringList capabilities;
    QString agentVersion;
    client::TlsPolicy tls;
    int initialBackoffMs = 1000;
    int maxBackoffMs = 60000;
    // From opening the connection to the server's welcome.
    int handshakeTimeoutMs = 30000;
    // A ping this often while streaming; no pong (or any frame) by the next
    // one and the connection is taken for dead: a server that vanished
    // without a FIN would otherwise go unnoticed for many minutes. 0: off.
    int pingIntervalMs = 30000;
    qint64 maxInFlightBytes = 256 * 1024;
    int reportsPerRead = 32;
};

class AgentSession : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Connecting, // until the socket is open
        AwaitingChallenge,
        AwaitingWelcome,
        Streaming,
        WaitingToRetry,
        Stopped, // stop() or refused(): no more connections
    };
    Q_ENUM(State)

    AgentSession(AgentSessionConfig config, const AgentIdentity &identity, SampleBuffer &buffer,
                 QObject *parent = nullptr);
    ~AgentSession() override;

    void start();
    // Closes the connection (1001, going away) and does not reconnect.
    void stop();
    // New reports are in the buffer: send them if connected.
    void reportsAppended();
    // Answers a request that came with requestReceived(); dropped when the
    // connection it came on has ended (the server failed it already).
    void respond(quint64 connection, const fleet::ResponseMessage &response);
    // A stream frame (fleet/StreamFrame.h) on the current connection, if
    // streaming; dropped otherwise.
    void sendStream(const QByteArray &frame);

    State state() const { return m_state; }
    // The highest sequence number handed to the current connection.
    qint64 sentUpTo() const { return m_sentUpTo; }

signals:
    void welcomed(const hm::fleet::AgentSettings &settings);
    void settingsReceived(const hm::fleet::AgentSettings &settings);
    // A remote operation from the server (after the welcome only);
    // `connection` is handed back to respond().
    void requestReceived(quint64 connection, const hm::fleet::RequestMessage &request);
    // A binary stream frame from the server (after the welcome only).
    void streamReceived(const QByteArray &frame);
    // The streaming connection ended: its streams are gone.
    void streamsLost();
    // A connection ended (any reason); a retry follows unless refused().
    void disconnected(int code, const QString &reason);
    // 4401 or 4403: this identity is not accepted; the session stopped.
    void refused(int code, const QString &reason);

private:
    void connectNow();
    void onOpened();
    void onClosed(int code, const QString &reason);
    void onFrame(const QByteArray &frame);
    void onChallenge(const fleet::ChallengeMessage &challenge);
    void onWelcome(const fleet::WelcomeMessage &welcome);
    void onAck(const fleet::AckMessage &ack);
    void protocolError(const QString &what);
    void pump();
    void scheduleRetry();
    void onPingTimer();

    AgentSessionConfig m_config;
    const AgentIdentity &m_identity;
    SampleBuffer &m_buffer;
    AgentSocket m_socket;
    QTimer m_retryTimer;
    QTimer m_handshakeTimer;
    QTimer m_pingTimer;
    bool m_awaitingPong = false;
    State m_state = State::Idle;
    int m_backoffMs = 0;
    qint64 m_sentUpTo = 0;
    quint64 m_connection = 0; // counts connections: which one a request came on
    qint64 m_inFlightBytes = 0;
    bool m_pumping = false;
};

} // namespace hm::agent
