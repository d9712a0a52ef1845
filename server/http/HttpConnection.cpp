#include "server/http/HttpConnection.h"

#include "common/Logging.h"
#include "server/http/HttpServer.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace hm::server::http {

namespace {

// What the socket may hold unread while a request is being handled: past
// it, TCP's flow control holds the client back instead of our memory.
constexpr qint64 kReadBufferBytes = 1024 * 1024;
// Answers not yet taken by a client that keeps pipelining: past it, no
// further request is read until the client reads.
constexpr qint64 kMaxUnsentBytes = 4 * 1024 * 1024;
// Bodies up to this size go out in the same write as the head.
constexpr qsizetype kJoinedBodyBytes = 256 * 1024;
// A refused body (413) is read and dropped up to this size before the
// connection closes; clients that send the whole body before reading (Qt's
// QNetworkAccessManager) would otherwise see a reset instead of the
// answer. Larger declared bodies get the answer and an immediate close.
constexpr qint64 kMaxDrainBytes = 256 * 1024 * 1024;

} // namespace

void HttpResponder::send(HttpResponse response) const
{
    if (m_connection)
        m_connection->answer(m_serial, std::move(response));
}

bool HttpResponder::isConnected() const
{
    return m_connection && m_connection->isWaitingFor(m_serial);
}

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer &server, HttpParser::Limits limits,
                               HttpParser::BodyLimit bodyLimit)
    : QObject(&server), m_server(server), m_socket(socket), m_parser(limits, std::move(bodyLimit))
{
    socket->setParent(this);
    socket->setReadBufferSize(kReadBufferBytes);
    const auto *ssl = qobject_cast<QSslSocket *>(socket);
    m_parser.setPeer(socket->peerAddress(), socket->peerPort(), ssl && ssl->isEncrypted());
    m_lastActivity = m_requestStart = server.tick();
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
}

HttpConnection::~HttpConnection()
{
    m_server.forget(this);
}

void HttpConnection::onReadyRead()
{
    m_lastActivity = m_server.tick();
    if (m_state == State::Reading)
        process();
    else if (m_state == State::Draining)
        drain();
    // Handling: the bytes wait in the socket until the answer went out.
}

bool HttpConnection::readMore()
{
    if (m_socket->bytesAvailable() <= 0)
        return false;
    // One read of everything the socket has (QHttpServer 6.4 read request
    // heads one byte per call).
    if (m_buffer.isEmpty())
        m_buffer = m_socket->readAll();
    else
        m_buffer.append(m_socket->readAll());
    return true;
}

void HttpConnection::process()
{
    if (m_processing)
        return;
    m_processing = true;
    while (m_state == State::Reading && !m_writeBlocked) {
        if (!m_parser.inRequest())
            m_requestStart = m_server.tick();
        const HttpParser::Step step = m_parser.parse(m_buffer);
        if (step == HttpParser::Step::NeedMore) {
            if (!readMore())
                break;
            continue;
        }
        if (step == HttpParser::Step::SendContinue) {
            m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            continue;
        }
        if (step == HttpParser::Step::Failed) {
            refuse(m_parser.failure());
            break;
        }
        const HttpRequest request = m_parser.takeRequest();
        const bool upgrade = m_server.isWebSocketUpgrade(request);
        if (upgrade && m_server.isOriginAllowed(request)) {
            m_processing = false;
            m_server.upgrade(this, request);
            return;
        }
        m_state = State::Handling;
        ++m_serial;
        m_headRequest = request.method() == Method::Head;
        m_keepAlive = request.keepAlive();
        m_http10 = request.minorVersion() == 0;
        if (upgrade)
            m_server.refuseUpgrade(request, HttpResponder(this, m_serial));
        else
            m_server.handle(request, HttpResponder(this, m_serial));
        // A client that pipelines without reading its answers waits until
        // it has read some.
        if (m_state == State::Reading && m_socket->bytesToWrite() > kMaxUnsentBytes) {
            m_writeBlocked = true;
            connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
                if (m_socket->bytesToWrite() > kMaxUnsentBytes / 2)
                    return;
                disconnect(m_socket, &QTcpSocket::bytesWritten, this, nullptr);
                m_writeBlocked = false;
                resumeLater();
            });
        }
    }
    m_processing = false;
}

void HttpConnection::resumeLater()
{
    if (m_resumeQueued || (m_buffer.isEmpty() && m_socket->bytesAvailable() <= 0))
        return;
    // Queued: an answer sent later (a deferred one) may come from deep
    // inside other code, which should not run the next request's handler.
    m_resumeQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_resumeQueued = false;
            if (m_state == State::Reading)
                process();
        },
        Qt::QueuedConnection);
}

bool HttpConnection::isWaitingFor(quint64 serial) const
{
    return m_state == State::Handling && serial == m_serial &&
           m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::answer(quint64 serial, HttpResponse response)
{
    if (m_state != State::Handling || serial != m_serial)
        return;
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        m_state = State::Gone;
        return;
    }
    write(response, !m_keepAlive);
    if (!m_keepAlive) {
        closeAfterWrite();
        return;
    }
    m_state = State::Reading;
    if (!m_processing)
        resumeLater();
}

void HttpConnection::write(const HttpResponse &response, bool close)
{
    const qsizetype bodySize = response.body.size();
    const bool withBody = !m_headRequest && bodySize > 0;
    const bool joined = withBody && bodySize <= kJoinedBodyBytes;
    // One write: a head and a body written apart would leave in two
    // segments, the second held back by Nagle until the first is acked.
    QByteArray bytes =
        responseHead(response, bodySize, close, m_http10 && !close, joined ? bodySize : 0);
    if (joined)
        bytes += response.body;
    m_socket->write(bytes);
    if (withBody && !joined)
        m_socket->write(response.body);
}

void HttpConnection::refuse(const HttpParser::Failure &failure)
{
    const HttpResponse response = HttpResponse::error(failure.error);
    // Never the request's bytes: they may hold credentials.
    qCInfo(lcServerHttp).noquote() << "refused a request from" << m_socket->peerAddress().toString()
                                   << response.status << failure.error.message;
    m_headRequest = false;
    write(response, true);
    if (failure.unreadBody > 0 && failure.unreadBody <= kMaxDrainBytes) {
        m_state = State::Draining;
        m_drainLeft = failure.unreadBody;
        drain();
        return;
    }
    closeAfterWrite();
}

void HttpConnection::drain()
{
    while (m_drainLeft > 0) {
        const qint64 skipped = m_socket->skip(m_drainLeft);
        if (skipped <= 0)
            break;
        m_drainLeft -= skipped;
    }
    if (m_drainLeft <= 0)
        closeAfterWrite();
}

void HttpConnection::closeAfterWrite()
{
    m_state = State::Closing;
    m_buffer.clear();
    // Sends what is still buffered, then closes.
    m_socket->disconnectFromHost();
}

void HttpConnection::checkTimeouts(quint64 tick, const TimeoutTicks &limits)
{
    switch (m_state) {
    case State::Handling:
    case State::Gone:
        return;
    case State::Reading:
        if (m_parser.inRequest()) {
            // Counted from the request's first byte, however the bytes
            // trickle in: each of them resets only the idle clock.
            const quint64 elapsed = tick - m_requestStart;
            if (elapsed < limits.request && (!m_parser.headPending() || elapsed < limits.head))
                return;
            qCInfo(lcServerHttp).noquote()
                << "closing a connection from" << m_socket->peerAddress().toString()
                << "whose request took too long to arrive";
        } else {
            if (tick - m_lastActivity < limits.idle)
                return;
            qCDebug(lcServerHttp).noquote()
                << "closing an idle connection from" << m_socket->peerAddress().toString();
        }
        m_state = State::Closing;
        m_buffer.clear();
        m_socket->disconnectFromHost();
        return;
    case State::Draining:
        // The refused request's body, dropped, is still that request: it
        // may not trickle in past the request's deadline either.
        if (tick - m_requestStart >= limits.request) {
            m_socket->abort();
            return;
        }
        [[fallthrough]];
    case State::Closing:
        // A client that neither sends nor reads any more.
        if (tick - m_lastActivity >= limits.idle)
            m_socket->abort();
        return;
    }
}

QTcpSocket *HttpConnection::takeSocket(const HttpRequest &request)
{
    QTcpSocket *socket = m_socket;
    disconnect(socket, nullptr, this, nullptr);
    socket->setReadBufferSize(0);
    // Back to the socket, in order: the handshake, then whatever followed.
    const QByteArray rest = m_buffer;
    for (qsizetype i = rest.size() - 1; i >= 0; --i)
        socket->ungetChar(rest.at(i));
    const QByteArray &head = request.rawHead();
    for (qsizetype i = head.size() - 1; i >= 0; --i)
        socket->ungetChar(head.at(i));
    m_buffer.clear();
    socket->setParent(nullptr);
    m_state = State::Gone;
    deleteLater();
    return socket;
}

void HttpConnection::onDisconnected()
{
    m_state = State::Gone;
    deleteLater();
}

} // namespace hm::server::http
