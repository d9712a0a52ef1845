#include "agent/AgentSession.h"

#include "agent/AgentIdentity.h"
#include "agent/SampleBuffer.h"
#include "common/Logging.h"

#include <QRandomGenerator>

namespace hm::agent {

AgentSession::AgentSession(AgentSessionConfig config, const AgentIdentity &identity,
                           SampleBuffer &buffer, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_identity(identity), m_buffer(buffer)
{
    m_backoffMs = m_config.initialBackoffMs;
    m_socket.setTlsPolicy(m_config.tls);
    m_retryTimer.setSingleShot(true);
    m_handshakeTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &AgentSession::connectNow);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        const QString reason = QStringLiteral("no welcome from the server within %1 ms")
                                   .arg(m_config.handshakeTimeoutMs);
        m_socket.abort(reason);
        // A socket aborted before its TCP connection was up (a server that
        // drops SYNs) may report no close at all: make sure one is seen, or
        // the session would wait for ever. onClosed ignores a second one.
        QTimer::singleShot(0, this, [this, reason] {
            if (m_state == State::Connecting || m_state == State::AwaitingChallenge ||
                m_state == State::AwaitingWelcome)
                onClosed(client::JsonWebSocket::Abnormal, reason);
        });
    });
    connect(&m_pingTimer, &QTimer::timeout, this, &AgentSession::onPingTimer);
    connect(&m_socket.socket(), &QWebSocket::pong, this, [this] { m_awaitingPong = false; });
    connect(&m_socket, &AgentSocket::opened, this, &AgentSession::onOpened);
    connect(&m_socket, &AgentSocket::closed, this, &AgentSession::onClosed);
    connect(&m_socket, &AgentSocket::frameReceived, this, &AgentSession::onFrame);
    connect(&m_socket, &AgentSocket::streamReceived, this, [this](const QByteArray &frame) {
        if (m_state == State::Streaming)
            emit streamReceived(frame);
        else
            protocolError(QStringLiteral("a stream frame before the welcome"));
    });
    connect(&m_socket.socket(), &QWebSocket::bytesWritten, this, [this](qint64 bytes) {
        // Frame headers are counted here but not in send(): clamp.
        m_inFlightBytes = std::max<qint64>(0, m_inFlightBytes - bytes);
        pump();
    });
}

AgentSession::~AgentSession()
{
    m_socket.disconnect(this);
}

void AgentSession::start()
{
    if (m_state != State::Idle)
        return;
    connectNow();
}

void AgentSession::stop()
{
    m_state = State::Stopped;
    m_retryTimer.stop();
    m_handshakeTimer.stop();
    m_pingTimer.stop();
    // Going away (1001): the agent stops, the server need not wait for the
    // connection to time out.
    if (m_socket.socket().state() != QAbstractSocket::UnconnectedState)
        m_socket.socket().close(QWebSocketProtocol::CloseCodeGoingAway,
                                QStringLiteral("agent stopping"));
}

void AgentSession::reportsAppended()
{
    pump();
}

void AgentSession::connectNow()
{
    if (m_state == State::Stopped)
        return;
    m_state = State::Connecting;
    m_inFlightBytes = 0;
    ++m_connection;
    const QUrl url =
        client::JsonWebSocket::webSocketUrl(m_config.serverUrl, QStringLiteral("/ws/agent"));
    qCInfo(lcAgent).noquote() << QStringLiteral("connecting to %1").arg(url.toString());
    m_handshakeTimer.start(m_config.handshakeTimeoutMs);
    m_socket.open(url);
}

void AgentSession::onOpened()
{
    if (m_state == State::Connecting)
        m_state = State::AwaitingChallenge;
}

void AgentSession::onClosed(int code, const QString &reason)
{
    if (m_state == State::WaitingToRetry || m_state == State::Idle)
        return; // this connection's end was already handled
    m_handshakeTimer.stop();
    m_pingTimer.stop();
    m_inFlightBytes = 0;
    if (m_state == State::Streaming)
        emit streamsLost();
    emit disconnected(code, reason);
    if (m_state == State::Stopped)
        return;
    if (code == client::JsonWebSocket::Unauthorized || code == client::JsonWebSocket::Forbidden) {
        m_state = State::Stopped;
        qCCritical(lcAgent).noquote()
            << QStringLiteral("the server refused this agent's identity (%1%2): %3. Not "
                              "reconnecting; enrol this machine again if it should report.")
                   .arg(code)
                   .arg(reason.isEmpty() ? QString() : QStringLiteral(", ") + reason,
                        code == client::JsonWebSocket::Forbidden
                            ? QStringLiteral("the node was deleted or revoked")
                            : QStringLiteral("unknown node or bad signature"));
        emit refused(code, reason);
        return;
    }
    qCWarning(lcAgent).noquote() << QStringLiteral("connection to the server closed (%1%2)")
                                        .arg(code)
                                        .arg(reason.isEmpty() ? QString()
                                                              : QStringLiteral(": ") + reason);
    scheduleRetry();
}

void AgentSession::scheduleRetry()
{
    // ±20 % so that agents cut off together do not come back together.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const int delay = std::max(1, int(m_backoffMs * jitter));
    m_backoffMs = std::min(m_config.maxBackoffMs, m_backoffMs * 2);
    m_state = State::WaitingToRetry;
    qCInfo(lcAgent).noquote() << QStringLiteral("reconnecting in %1 ms").arg(delay);
    m_retryTimer.start(delay);
}

void AgentSession::protocolError(const QString &what)
{
    qCWarning(lcAgent).noquote() << QStringLiteral("protocol error from the server: %1").arg(what);
    m_socket.abort(what);
}

void AgentSession::onPingTimer()
{
    if (m_awaitingPong) {
        m_socket.abort(QStringLiteral("the server answered no ping within %1 ms")
                           .arg(m_config.pingIntervalMs));
        return;
    }
    m_awaitingPong = true;
    m_socket.socket().ping();
}

void AgentSession::onFrame(const QByteArray &frame)
{
    m_awaitingPong = false; // the server is there
    auto parsed = fleet::parseAgentMessage(frame);
    if (!parsed) {
        protocolError(parsed.error().message);
        return;
    }
    if (const auto *challenge = std::get_if<fleet::ChallengeMessage>(&*parsed)) {
        if (m_state != State::AwaitingChallenge)
            return protocolError(QStringLiteral("a challenge after the handshake"));
        onChallenge(*challenge);
    } else if (const auto *welcome = std::get_if<fleet::WelcomeMessage>(&*parsed)) {
        if (m_state != State::AwaitingWelcome)
            return protocolError(QStringLiteral("a welcome out of turn"));
        onWelcome(*welcome);
    } else if (const auto *ack = std::get_if<fleet::AckMessage>(&*parsed)) {
        if (m_state != State::Streaming)
            return protocolError(QStringLiteral("an ack before the welcome"));
        onAck(*ack);
    } else if (const auto *settings = std::get_if<fleet::SettingsMessage>(&*parsed)) {
        if (m_state != State::Streaming)
            return protocolError(QStringLiteral("settings before the welcome"));
        emit settingsReceived(settings->settings);
    } else if (const auto *request = std::get_if<fleet::RequestMessage>(&*parsed)) {
        if (m_state != State::Streaming)
            return protocolError(QStringLiteral("a request before the welcome"));
        emit requestReceived(m_connection, *request);
    } else {
        protocolError(QStringLiteral("a message only an agent sends"));
    }
}

void AgentSession::respond(quint64 connection, const fleet::ResponseMessage &response)
{
    if (connection != m_connection || m_state != State::Streaming)
        return;
    m_socket.send(fleet::serialize(response));
}

void AgentSession::sendStream(const QByteArray &frame)
{
    if (m_state == State::Streaming)
        m_socket.sendStream(frame);
}

void AgentSession::onChallenge(const fleet::ChallengeMessage &challenge)
{
    fleet::HelloMessage hello;
    hello.nodeId = m_config.nodeId;
    hello.agentVersion = m_config.agentVersion;
    hello.capabilities = m_config.capabilities;
    hello.lastSeq = m_buffer.lastSeq();
    hello.signature = m_identity.sign(fleet::signedChallenge(m_config.nodeId, challenge.nonce));
    m_state = State::AwaitingWelcome;
    m_socket.send(fleet::serialize(hello));
}

void AgentSession::onWelcome(const fleet::WelcomeMessage &welcome)
{
    if (welcome.nodeId != m_config.nodeId)
        return protocolError(
            QStringLiteral("welcomed as node %1, not %2").arg(welcome.nodeId, m_config.nodeId));
    m_handshakeTimer.stop();
    if (const Status dropped = m_buffer.dropUpTo(welcome.ackedSeq); !dropped)
        qCWarning(lcAgent).noquote() << dropped.error().message;
    m_sentUpTo = std::max(welcome.ackedSeq, m_buffer.floorSeq());
    m_backoffMs = m_config.initialBackoffMs;
    m_state = State::Streaming;
    m_awaitingPong = false;
    if (m_config.pingIntervalMs > 0)
        m_pingTimer.start(m_config.pingIntervalMs);
    qCInfo(lcAgent).noquote()
        << QStringLiteral("connected as node %1; the server has reports up to %2, %3 pending")
               .arg(welcome.nodeId)
               .arg(welcome.ackedSeq)
               .arg(m_buffer.pendingCount());
    emit welcomed(welcome.settings);
    pump();
}

void AgentSession::onAck(const fleet::AckMessage &ack)
{
    // The server cannot have stored what it was not sent.
    if (const Status dropped = m_buffer.dropUpTo(std::min(ack.seq, m_sentUpTo)); !dropped)
        qCWarning(lcAgent).noquote() << dropped.error().message;
}

void AgentSession::pump()
{
    if (m_state != State::Streaming || m_pumping)
        return;
    m_pumping = true;
    bool socketTakesMore = true;
    while (socketTakesMore && m_state == State::Streaming &&
           m_inFlightBytes < m_config.maxInFlightBytes) {
        const QList<fleet::ReportMessage> chunk =
            m_buffer.pending(m_sentUpTo + 1, m_config.reportsPerRead);
        if (chunk.isEmpty())
            break;
        for (const fleet::ReportMessage &report : chunk) {
            const qint64 sent = m_socket.send(fleet::serialize(report));
            if (sent <= 0) {
                // The socket is going away: its close starts the retry,
                // and the next welcome says where to resume.
                socketTakesMore = false;
                break;
            }
            m_inFlightBytes += sent;
            m_sentUpTo = report.seq;
            if (m_inFlightBytes >= m_config.maxInFlightBytes)
                break;
        }
    }
    m_pumping = false;
}

} // namespace hm::agent
