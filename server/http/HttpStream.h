#pragma once

#include <QByteArray>
#include <QObject>

namespace hm::server::http {

class HttpConnection;

// The body of one streamed answer (a file download of any size), as its
// producer sees it. The head went out with Content-Length: the producer
// write()s pieces while wantsMore(), pauses otherwise and goes on when
// drained() says the socket took what was queued, so the server holds at
// most about kHighWaterBytes of the body whatever the client's speed.
// Once Content-Length bytes were written the answer is complete and the
// connection takes the next request (finished()). abort() closes the
// connection instead: the client sees fewer bytes than Content-Length
// announced, never an answer that looks complete. cancelled() says the
// client left (or stopped reading for the idle timeout): stop producing.
// A stream of unknown length (HttpResponse::streamLength < 0) goes out
// chunked (close-delimited to an HTTP/1.0 client): it is complete when its
// producer calls end(); while the producer has nothing to say, touch()
// keeps the idle timeout away as long as the client has taken everything.
// Owned by its connection; hold it in a QPointer. Server thread only.
class HttpStream : public QObject
{
    Q_OBJECT
public:
    // Past this backlog in the socket, wantsMore() is false.
    static constexpr qint64 kHighWaterBytes = 4 * 1024 * 1024;
    // drained() comes once the backlog fell to this.
    static constexpr qint64 kLowWaterBytes = 1 * 1024 * 1024;

    // Bytes the answer still needs (-1: unknown length).
    qint64 remaining() const { return m_remaining; }
    // Not yet complete, aborted or cancelled.
    bool isOpen() const { return m_open; }
    // Open, and the socket's backlog is below kHighWaterBytes.
    bool wantsMore() const;
    // Queues `piece` (anything past remaining() is dropped: the head
    // promised no more). The last byte completes the answer.
    void write(const QByteArray &piece);
    // The body cannot be completed: closes the connection now.
    void abort();
    // Unknown length: the body is complete (the last chunk goes out).
    // Known length: as abort() unless every byte was written.
    void end();
    // Unknown length: the producer is alive but quiet (see above).
    void touch();
    // A relay that moves the body on a thread of its own (services/
    // remote/ByteRelay.h) writes to the client's socket itself: a duplicate of
    // its plain TCP descriptor (the caller closes it), or -1 (TLS, not
    // Linux, or bytes still queued here: wait for drained()). The relay
    // then reports what it wrote with wroteDirectly(), which counts it
    // as write() would and keeps the idle timeout away.
    int duplicateDescriptor() const;
    void wroteDirectly(qint64 bytes);

signals:
    void drained();
    void finished();
    void cancelled();

private:
    friend class HttpConnection;
    HttpStream(HttpConnection *connection, qint64 length);
    // From the connection: the client left, or the stream ended.
    void close(bool cancelled);

    HttpConnection *m_connection;
    qint64 m_remaining;
    bool m_open = true;
};

} // namespace hm::server::http
