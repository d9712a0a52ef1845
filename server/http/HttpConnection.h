#pragma once

#include "server/http/HttpParser.h"
#include "server/http/HttpResponse.h"
#include "server/http/HttpStream.h"

#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace hm::server::http {

class HttpConnection;
class HttpTransport;
class HttpServer;

// The handle of one request's answer. It refers to its connection weakly:
// once the client left (or the connection moved on), send() does nothing.
// Use it on the server thread only.
class HttpResponder
{
public:
    HttpResponder() = default;
    // The first send() for a request answers it; later ones are ignored.
    void send(HttpResponse response) const;
    // Whether an answer sent now would still reach the client.
    bool isConnected() const;

private:
    friend class HttpConnection;
    HttpResponder(HttpConnection *connection, quint64 serial)
        : m_connection(connection), m_serial(serial)
    {}

    QPointer<HttpConnection> m_connection;
    quint64 m_serial = 0;
};

// One client connection: reads what the socket has in one call per
// readyRead, parses requests out of it and hands them to the server one at
// a time. The next request (pipelined or not) is only looked at once the
// current one is answered, so answers go out in request order and a
// deferred answer holds the later ones back. Closes after an answer when
// the client asked for it (Connection: close, HTTP/1.0) and after a request
// it could not read (with the error envelope). Owns its transport (a
// socket, HttpTransport.h); deletes itself once that disconnected.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(HttpTransport *transport, HttpServer &server, HttpParser::Limits limits,
                   HttpParser::BodyLimit bodyLimit);
    ~HttpConnection() override;

    // Sweep ticks each timeout lasts (see HttpServer::Timeouts).
    struct TimeoutTicks
    {
        quint64 idle = 0;
        quint64 head = 0;
        quint64 request = 0;
    };
    // The server's sweep: closes the connection when it sat idle, or a
    // request's head or the whole request took too long to arrive. Ticks
    // count sweeps.
    void checkTimeouts(quint64 tick, const TimeoutTicks &limits);
    // For a WebSocket upgrade: the connection as a QTcpSocket (without a
    // parent) whose reads start with the bytes of `request` and everything
    // received after it; nullptr if the client is gone. The connection then
    // deletes itself.
    QTcpSocket *takeSocket(const HttpRequest &request);

private:
    friend class HttpResponder;
    friend class HttpStream;
    enum class State
    {
        Reading,   // parsing; no request is being handled
        Handling,  // a request is with the handler; nothing else is read
        Streaming, // a streamed body is going out; nothing else is read
        Draining, // refused a request: dropping its body before closing
        Closing,  // the last answer is on its way out
        Gone,     // disconnected or handed over
    };

    void onReadyRead();
    void process();
    // A raw upgrade (HttpServer::acceptRawUpgrades): true when its handler
    // took the descriptor over, false when refused (the error answer is
    // out and the connection closes).
    bool takeOver(const HttpRequest &request);
    bool readMore();
    void resumeLater();
    void answer(quint64 serial, HttpResponse response);
    bool isWaitingFor(quint64 serial) const;
    void refuse(const HttpParser::Failure &failure);
    void write(const HttpResponse &response, bool close);
    // A streamed answer (HttpStream.h): the head, then the stream's pieces.
    void startStream(HttpResponse response);
    qint64 streamBacklog() const;
    void streamWrite(const QByteArray &piece);
    // For a relay that writes the body itself (HttpStream::duplicateDescriptor).
    int streamDuplicateDescriptor() const;
    void streamWroteDirectly();
    // The stream wrote its last byte, or (aborted) cannot; `close`: the
    // connection closes once the body is out (a close-delimited body).
    void streamDone(bool aborted, bool close = false);
    // A stream of unknown length goes chunked (not to HTTP/1.0 clients).
    bool streamChunked() const { return !m_http10; }
    // A quiet producer of an unknown-length stream: the idle clock starts
    // again while the client has taken everything.
    void streamTouch();
    void onStreamWritten();
    // The client left or stalled: the producer hears cancelled().
    void cancelStream();
    // After an answer went out: the next request, or the close asked for.
    void nextRequest();
    void closeAfterWrite();
    void drain();
    void onDisconnected();

    HttpServer &m_server;
    HttpTransport *m_transport;
    HttpParser m_parser;
    QByteArray m_buffer; // received, not yet parsed
    State m_state = State::Reading;
    quint64 m_serial = 0; // of the request being handled
    bool m_headRequest = false;
    bool m_keepAlive = true;
    bool m_http10 = false;
    bool m_processing = false;
    bool m_resumeQueued = false;
    bool m_writeBlocked = false;
    qint64 m_drainLeft = 0;
    quint64 m_lastActivity = 0; // sweep tick of the last bytes received
    quint64 m_requestStart = 0; // sweep tick when the current request began
    QPointer<HttpStream> m_stream;
    QMetaObject::Connection m_streamWritten;
};

} // namespace hm::server::http
