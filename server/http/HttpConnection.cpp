#include "server/http/HttpConnection.h"

#include "common/Logging.h"
#include "server/http/HttpServer.h"
#include "server/http/HttpTransport.h"

namespace hm::server::http {

namespace {

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

HttpConnection::HttpConnection(HttpTransport *transport, HttpServer &server,
                               HttpParser::Limits limits, HttpParser::BodyLimit bodyLimit)
    : QObject(&server), m_server(server), m_transport(transport),
      m_parser(limits, std::move(bodyLimit))
{
    transport->setParent(this);
    m_parser.setPeer(transport->peerAddress(), transport->peerPort(), transport->isEncrypted());
    m_lastActivity = m_requestStart = server.tick();
    connect(transport, &HttpTransport::readyRead, this, &HttpConnection::onReadyRead);
    connect(transport, &HttpTransport::disconnected, this, &HttpConnection::onDisconnected);
}

HttpConnection::~HttpConnection()
{
    if (m_stream)
        m_stream->close(true);
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
    return m_transport->readInto(m_buffer) > 0;
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
            m_transport->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            continue;
        }
        if (step == HttpParser::Step::Failed) {
            refuse(m_parser.failure());
            break;
        }
        const HttpRequest request = m_parser.takeRequest();
        if (m_server.rawUpgradeFor(request)) {
            if (takeOver(request)) {
                m_processing = false;
                return;
            }
            continue;
        }
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
        if (m_state == State::Reading && m_transport->bytesToWrite() > kMaxUnsentBytes) {
            m_writeBlocked = true;
            connect(m_transport, &HttpTransport::bytesWritten, this, [this] {
                if (m_transport->bytesToWrite() > kMaxUnsentBytes / 2)
                    return;
                disconnect(m_transport, &HttpTransport::bytesWritten, this, nullptr);
                m_writeBlocked = false;
                resumeLater();
            });
        }
    }
    m_processing = false;
}

bool HttpConnection::takeOver(const HttpRequest &request)
{
    Result<HttpServer::RawTaker> taker = (*m_server.rawUpgradeFor(request))(request);
    if (taker && !m_buffer.isEmpty())
        taker = Error{ErrorCode::BadRequest,
                      QStringLiteral("bytes came after the upgrade request, before its answer")};
    if (taker) {
        const int descriptor = m_transport->releaseDescriptor();
        if (descriptor >= 0) {
            disconnect(m_transport, nullptr, this, nullptr);
            m_state = State::Gone;
            deleteLater();
            (*taker)(descriptor);
            return true;
        }
        taker = Error{ErrorCode::BadRequest,
                      QStringLiteral("this connection cannot be upgraded to %1 (only plain "
                                     "HTTP on Linux can)")
                          .arg(QString::fromLatin1(request.firstValue("Upgrade")))};
    }
    m_state = State::Handling;
    ++m_serial;
    m_headRequest = false;
    m_keepAlive = false;
    m_http10 = request.minorVersion() == 0;
    answer(m_serial, HttpResponse::error(taker.error()));
    return false;
}

void HttpConnection::resumeLater()
{
    // Bytes that arrive from now on announce themselves (readyRead).
    if (m_resumeQueued || (m_buffer.isEmpty() && !m_transport->holdsUnread()))
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
    return m_state == State::Handling && serial == m_serial && m_transport->isConnected();
}

void HttpConnection::answer(quint64 serial, HttpResponse response)
{
    if (m_state != State::Handling || serial != m_serial)
        return;
    if (!m_transport->isConnected()) {
        m_state = State::Gone;
        return;
    }
    if (response.onStream) {
        startStream(std::move(response));
        return;
    }
    write(response, !m_keepAlive);
    nextRequest();
}

void HttpConnection::nextRequest()
{
    if (!m_keepAlive) {
        closeAfterWrite();
        return;
    }
    m_state = State::Reading;
    if (!m_processing)
        resumeLater();
}

void HttpConnection::startStream(HttpResponse response)
{
    // Unknown length: chunked, or to HTTP/1.0 until the connection closes.
    const bool unknown = response.streamLength < 0;
    if (unknown && m_http10)
        m_keepAlive = false;
    const qint64 length = unknown ? -1 : response.streamLength;
    m_transport->write(responseHead(response, unknown && m_http10 ? -2 : length, !m_keepAlive,
                                    m_http10 && m_keepAlive));
    const bool empty = m_headRequest || length == 0;
    auto *stream = new HttpStream(this, empty ? 0 : length);
    m_lastActivity = m_server.tick();
    if (empty) {
        // Nothing to stream: the producer sees a closed stream and stops.
        stream->m_open = false;
        response.onStream(stream);
        stream->deleteLater();
        nextRequest();
        return;
    }
    m_state = State::Streaming;
    m_stream = stream;
    m_streamWritten = connect(m_transport, &HttpTransport::bytesWritten, this,
                              &HttpConnection::onStreamWritten);
    response.onStream(stream);
}

qint64 HttpConnection::streamBacklog() const
{
    return m_transport->bytesToWrite();
}

void HttpConnection::streamWrite(const QByteArray &piece)
{
    if (m_state != State::Streaming)
        return;
    m_lastActivity = m_server.tick();
    m_transport->write(piece);
}

int HttpConnection::streamDuplicateDescriptor() const
{
    // Only with nothing queued: the relay's bytes must follow the head.
    if (m_state != State::Streaming || m_transport->bytesToWrite() > 0)
        return -1;
    return m_transport->duplicateDescriptor();
}

void HttpConnection::streamWroteDirectly()
{
    if (m_state == State::Streaming)
        m_lastActivity = m_server.tick();
}

void HttpConnection::onStreamWritten()
{
    m_lastActivity = m_server.tick();
    if (m_stream && m_stream->isOpen() &&
        m_transport->bytesToWrite() <= HttpStream::kLowWaterBytes)
        emit m_stream->drained();
}

void HttpConnection::streamTouch()
{
    if (m_state == State::Streaming && m_transport->bytesToWrite() == 0)
        m_lastActivity = m_server.tick();
}

void HttpConnection::streamDone(bool aborted, bool close)
{
    if (m_state != State::Streaming)
        return;
    disconnect(m_streamWritten);
    if (m_stream)
        m_stream->deleteLater();
    m_stream = nullptr;
    if (aborted) {
        // The head promised more than will come: only closing the
        // connection tells the client so.
        qCInfo(lcServerHttp).noquote()
            << "aborted a streamed answer to" << m_transport->peerAddress().toString();
        m_state = State::Gone;
        m_buffer.clear();
        m_transport->abort();
        return;
    }
    if (close) {
        closeAfterWrite();
        return;
    }
    nextRequest();
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
    m_transport->write(bytes);
    if (withBody && !joined)
        m_transport->write(response.body);
}

void HttpConnection::refuse(const HttpParser::Failure &failure)
{
    const HttpResponse response = HttpResponse::error(failure.error);
    // Never the request's bytes: they may hold credentials.
    qCInfo(lcServerHttp).noquote()
        << "refused a request from" << m_transport->peerAddress().toString() << response.status
        << failure.error.message;
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
        const qint64 skipped = m_transport->skip(m_drainLeft);
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
    m_transport->closeAfterWrite();
}

void HttpConnection::checkTimeouts(quint64 tick, const TimeoutTicks &limits)
{
    switch (m_state) {
    case State::Handling:
    case State::Gone:
        return;
    case State::Streaming:
        // A client that stopped reading (or a producer that stopped
        // producing) for the idle timeout: the rest would never come.
        if (tick - m_lastActivity >= limits.idle) {
            qCInfo(lcServerHttp).noquote()
                << "aborting a streamed answer to" << m_transport->peerAddress().toString()
                << "that made no progress";
            cancelStream();
            m_transport->abort();
        }
        return;
    case State::Reading:
        if (m_parser.inRequest()) {
            // Counted from the request's first byte, however the bytes
            // trickle in: each of them resets only the idle clock.
            const quint64 elapsed = tick - m_requestStart;
            if (elapsed < limits.request && (!m_parser.headPending() || elapsed < limits.head))
                return;
            qCInfo(lcServerHttp).noquote()
                << "closing a connection from" << m_transport->peerAddress().toString()
                << "whose request took too long to arrive";
        } else {
            if (tick - m_lastActivity < limits.idle)
                return;
            qCDebug(lcServerHttp).noquote()
                << "closing an idle connection from" << m_transport->peerAddress().toString();
        }
        m_state = State::Closing;
        m_buffer.clear();
        m_transport->closeAfterWrite();
        return;
    case State::Draining:
        // The refused request's body, dropped, is still that request: it
        // may not trickle in past the request's deadline either.
        if (tick - m_requestStart >= limits.request) {
            m_transport->abort();
            return;
        }
        [[fallthrough]];
    case State::Closing:
        // A client that neither sends nor reads any more.
        if (tick - m_lastActivity >= limits.idle)
            m_transport->abort();
        return;
    }
}

QTcpSocket *HttpConnection::takeSocket(const HttpRequest &request)
{
    disconnect(m_transport, nullptr, this, nullptr);
    // In order: the handshake, then whatever followed.
    QTcpSocket *socket = m_transport->takeSocket(request.rawHead() + m_buffer);
    m_buffer.clear();
    m_state = State::Gone;
    deleteLater();
    return socket;
}

void HttpConnection::cancelStream()
{
    disconnect(m_streamWritten);
    m_state = State::Gone;
    if (HttpStream *stream = m_stream) {
        m_stream = nullptr;
        stream->close(true);
        stream->deleteLater();
    }
}

void HttpConnection::onDisconnected()
{
    cancelStream();
    deleteLater();
}

} // namespace hm::server::http
