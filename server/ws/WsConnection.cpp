#include "server/ws/WsConnection.h"

#include "common/Logging.h"
#include "server/services/system/Metrics.h"
#include "server/ws/WsLogging.h"

#include <QDateTime>
#include <QWebSocket>
#include <limits>

namespace hm::server::ws {

namespace {

// Time the peer gets to answer our close frame before the TCP connection
// is cut (a slow consumer's close frame sits behind data it does not read).
constexpr int kCloseGraceMs = 5000;
constexpr int kSlowConsumerGraceMs = 1000;
// Clients only send control frames; anything bigger is refused by Qt (1009).
constexpr qint64 kMaxIncomingBytes = 64 * 1024;

} // namespace

WsConnection::WsConnection(std::unique_ptr<QWebSocket> socket, qint64 maxUnsentBytes,
                           QObject *parent)
    : QObject(parent), m_socket(std::move(socket)), m_maxUnsentBytes(maxUnsentBytes)
{
    Metrics::instance().websocketClients.inc();
    m_socket->setMaxAllowedIncomingFrameSize(kMaxIncomingBytes);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxIncomingBytes);
    m_expiry.setSingleShot(true);
    m_grace.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &WsConnection::scheduleExpiry);
    connect(&m_grace, &QTimer::timeout, this, [this] { m_socket->abort(); });
    connect(m_socket.get(), &QWebSocket::disconnected, this, &WsConnection::onDisconnected);
    connect(m_socket.get(), &QWebSocket::pong, this, [this] { m_unansweredPings = 0; });
    // Nothing is expected from clients; any frame still proves they live.
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this,
            [this] { m_unansweredPings = 0; });
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        onDisconnected();
}

WsConnection::~WsConnection()
{
    Metrics::instance().websocketClients.dec();
    // Our handlers must not run while the socket is torn down.
    m_socket->disconnect(this);
    // Only the hub's destructor (server stopping) deletes open connections.
    // The close frame is flushed to the kernel and followed by FIN when
    // nothing else is pending; otherwise deleting the socket aborts it.
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server stopping"));
}

bool WsConnection::send(const QString &text)
{
    if (!isOpen())
        return false;
    m_socket->sendTextMessage(text);
    return checkUnsent();
}

bool WsConnection::sendBinary(const QByteArray &bytes)
{
    if (!isOpen())
        return false;
    m_socket->sendBinaryMessage(bytes);
    return checkUnsent();
}

bool WsConnection::checkUnsent()
{
    if (m_socket->bytesToWrite() <= m_maxUnsentBytes)
        return true;
    // Qt writes to the kernel from the event loop; a burst sent within one
    // turn is not yet a slow consumer. Hand the kernel what it takes now.
    m_socket->flush();
    if (m_socket->bytesToWrite() <= m_maxUnsentBytes)
        return true;
    Metrics::instance().websocketSlowConsumerDrops.inc();
    qCWarning(lcServerWs).noquote()
        << "WebSocket client" << m_socket->peerAddress().toString()
        << "dropped as a slow consumer:" << m_socket->bytesToWrite() << "bytes unsent";
    closeWith(kClosePolicy, QStringLiteral("slow consumer"));
    m_grace.start(kSlowConsumerGraceMs);
    return false;
}

void WsConnection::closeWith(CloseCode code, const QString &reason)
{
    if (m_closing || m_finished)
        return;
    m_closing = true;
    m_expiry.stop();
    m_grace.start(kCloseGraceMs);
    // The path only: a ?token= must never reach a log line.
    if (code >= 4000)
        qCInfo(lcServerHttp).noquote()
            << "WebSocket" << m_socket->requestUrl().path() << "from"
            << m_socket->peerAddress().toString() << "closed" << int(code) << reason;
    else
        qCDebug(lcServerHttp).noquote()
            << "WebSocket" << m_socket->requestUrl().path() << "closed" << int(code) << reason;
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), closeReason(reason));
}

void WsConnection::closeLater(CloseCode code, const QString &reason)
{
    if (!isOpen())
        return;
    m_closeScheduled = true; // nothing more is sent
    QMetaObject::invokeMethod(
        this, [this, code, reason] { closeWith(code, reason); }, Qt::QueuedConnection);
}

void WsConnection::flush()
{
    if (!m_finished)
        m_socket->flush();
}

void WsConnection::expireAt(qint64 expiresAtMs, const QString &reason)
{
    m_expiresAtMs = expiresAtMs;
    m_expiryReason = reason;
    if (expiresAtMs > 0)
        scheduleExpiry();
}

// A timer, not polling: one single-shot per connection. QTimer takes an int
// of milliseconds, so far expiries (API keys valid for years) re-arm.
void WsConnection::scheduleExpiry()
{
    if (!isOpen())
        return;
    const qint64 left = m_expiresAtMs - QDateTime::currentMSecsSinceEpoch();
    if (left <= 0) {
        closeWith(kCloseUnauthorized, m_expiryReason);
        return;
    }
    constexpr qint64 kMaxStepMs = 24LL * 3600 * 1000;
    m_expiry.start(static_cast<int>(std::min(left, kMaxStepMs)));
}

void WsConnection::keepAlive()
{
    if (!isOpen())
        return;
    if (m_unansweredPings >= 2) {
        qCInfo(lcServerWs).noquote() << "WebSocket client" << m_socket->peerAddress().toString()
                                     << "answered no ping; dropped";
        m_closing = true;
        m_socket->abort();
        return;
    }
    ++m_unansweredPings;
    m_socket->ping();
}

void WsConnection::onDisconnected()
{
    if (m_finished)
        return;
    m_finished = true;
    m_expiry.stop();
    m_grace.stop();
    // Queued: the owner deletes us, and this may run inside send()/close().
    QMetaObject::invokeMethod(
        this, [this] { emit finished(this); }, Qt::QueuedConnection);
}

} // namespace hm::server::ws
