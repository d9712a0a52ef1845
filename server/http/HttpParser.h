#pragma once

#include "common/Error.h"
#include "server/http/HttpRequest.h"

#include <QByteArray>
#include <functional>

namespace hm::server::http {

// Incremental, strict HTTP/1.x request parser (RFC 9112). It works on the
// connection's receive buffer, removing what it consumed from its front, and
// keeps its place between calls, so a request arriving one byte at a time is
// scanned once. Line ends in the head are CRLF or a bare LF (RFC 9112 2.2
// lets a recipient accept it there); chunked framing needs CRLF. Bodies:
// Content-Length or Transfer-Encoding: chunked (decoded, extensions checked
// and dropped), within a limit per request. Whatever could frame a request
// in two ways (both framings, repeated chunked, folded lines, a second Host)
// is refused: a proxy in front might read it the other way.
//
// Its interface is bytes in, requests or one failure out (parse(),
// takeRequest(), failure()), so that tests/server/TestHttpParser's table of
// vectors can be replayed against another parser.
class HttpParser
{
public:
    enum class Step
    {
        NeedMore,     // the buffer holds no complete request yet
        SendContinue, // the head asked for 100-continue and the body is not there
        Request,      // takeRequest() has the next request
        Failed,       // failure() says why; the connection must close
    };
    struct Failure
    {
        Error error;
        // Declared body bytes still on their way (Content-Length known):
        // the connection may read and drop them before closing, so that
        // the client, still sending, gets to read the answer. -1: unknown.
        qint64 unreadBody = -1;
    };
    // The largest body the route of `head` accepts; asked only for bodies
    // above the default limit (so the common request never pays for it).
    using BodyLimit = std::function<qsizetype(const HttpRequest &head)>;

    struct Limits
    {
        qsizetype maxHeadBytes = 64 * 1024;
        qsizetype defaultBodyBytes = 10 * 1024 * 1024;
        // All chunk extensions of one request together: they are dropped,
        // so without a cap they would be free bandwidth and parsing work.
        qsizetype maxChunkExtensionBytes = 4 * 1024;
        // Empty lines tolerated before a request line (RFC 9112 2.2 asks
        // for at least one: some clients send CRLF after a POST body).
        int maxLeadingEmptyLines = 4;
    };

    HttpParser(Limits limits, BodyLimit bodyLimit);

    // Who sent the bytes; copied into every request.
    void setPeer(const QHostAddress &address, quint16 port, bool secure);
    Step parse(QByteArray &buffer);
    HttpRequest takeRequest();
    const Failure &failure() const { return m_failure; }
    // Whether part of a request has arrived: a head (headPending) or a body.
    // Empty lines before a request line count: the request's deadline
    // starts with its first byte, whatever it is.
    bool inRequest() const { return m_state != State::Start || m_begun; }
    bool headPending() const { return m_state == State::Start || m_state == State::Head; }

private:
    enum class State
    {
        Start, // nothing of the next request yet
        Head,
        Body,      // Content-Length
        ChunkSize, // chunked: the size line
        ChunkData, // chunked: data plus its CRLF
        Trailers,  // chunked: trailer lines up to the empty one
        Done,
    };

    // What the head says about framing, gathered while its lines are read.
    struct FramingHeaders;
    // Result of looking for the next CRLF-terminated line of chunked framing.
    enum class LineScan
    {
        NeedMore,
        Line,
        Failed,
    };

    Step fail(Error error, qint64 unreadBody = -1);
    // Drops the empty lines before a request line; false when it failed.
    bool skipLeadingEmptyLines(QByteArray &buffer);
    Step parseHead(QByteArray &buffer);
    // Checks the request line and headers of m_request's head; sets the
    // body framing. False (with m_failure set) when they are not valid.
    bool interpretHead();
    // Method, target and version of the head's first line.
    bool readRequestLine(QByteArrayView line, qsizetype offset);
    // The header lines: each into m_request's table, framing ones noted.
    bool readHeaderLines(QByteArrayView head, qsizetype pos, FramingHeaders &framing);
    // Connection persistence and the body framing, from the noted headers.
    bool decideFraming(const FramingHeaders &framing);
    Step startBody(QByteArray &buffer);
    Step parseBody(QByteArray &buffer);
    Step parseChunked(QByteArray &buffer);
    // The next line of chunked framing (chunk size or trailer), CRLF
    // excluded, when it is complete and no longer than `limit`.
    LineScan nextChunkLine(const QByteArray &buffer, qsizetype limit, const QString &tooLong,
                           QByteArrayView *line);
    bool readChunkSize(QByteArrayView line, qint64 *size);
    bool bodyTooLarge(qint64 size);
    Step complete();

    Limits m_limits;
    BodyLimit m_bodyLimit;
    HttpRequest m_request;
    Failure m_failure;
    State m_state = State::Start;
    qsizetype m_scanned = 0;   // head bytes already searched for line ends
    qsizetype m_lineStart = 0; // start of the head line being searched
    qint64 m_contentLength = 0;
    bool m_chunked = false;
    bool m_expectContinue = false;
    qint64 m_chunkLeft = 0;         // of the current chunk, its CRLF excluded
    qsizetype m_bodyLimitBytes = 0; // resolved limit of this request's body
    qsizetype m_trailerBytes = 0;
    qsizetype m_extensionBytes = 0; // chunk extensions of this request so far
    int m_emptyLines = 0;           // before this request's line
    bool m_begun = false;           // bytes of the next request arrived
    QHostAddress m_peer;
    quint16 m_peerPort = 0;
    bool m_secure = false;
};

} // namespace hm::server::http
