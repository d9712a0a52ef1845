#pragma once

#include "common/Error.h"
#include "server/http/HttpRequest.h"

#include <QByteArray>
#include <functional>
#include <memory>

// llhttp's parser state (llhttp.h); only HttpParser.cpp sees the C header.
struct llhttp__internal_s;

namespace hm::server::http {

// Incremental, strict HTTP/1.x request parser (RFC 9112) on llhttp, the
// parser of Node.js, run without any lenient flag. It works on the
// connection's receive buffer, removing what it consumed from its front, and
// keeps its place between calls, so a request arriving one byte at a time is
// scanned once. Bodies: Content-Length or Transfer-Encoding: chunked
// (decoded, extensions and trailers checked and dropped), within a limit per
// request.
//
// llhttp frames the message; this class adds what llhttp leaves to the
// application (docs/architecture.md lists them): CRLF-only line ends
// outside body data, exactly one Host in HTTP/1.1, single spaces in the
// request line, HTTP/1.x only, no folded or nameless header lines, no
// transfer coding but a single chunked, repeated Connection headers read as
// one list, a cap on head, trailer and chunk-extension bytes, body limits
// per route and a few empty lines before a request line at most. Whatever
// could frame a request in two ways is refused: a proxy in front might read
// it the other way.
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
    ~HttpParser();
    HttpParser(const HttpParser &) = delete;
    HttpParser &operator=(const HttpParser &) = delete;

    // Who sent the bytes; copied into every request.
    void setPeer(const QHostAddress &address, quint16 port, bool secure);
    Step parse(QByteArray &buffer);
    HttpRequest takeRequest();
    const Failure &failure() const { return m_failure; }
    // Whether part of a request has arrived: a head (headPending) or a body.
    // Empty lines before a request line count: the request's deadline
    // starts with its first byte, whatever it is.
    bool inRequest() const { return m_phase != Phase::Start || m_begun; }
    bool headPending() const { return m_phase == Phase::Start || m_phase == Phase::Head; }

private:
    // llhttp's callbacks: C functions that forward to the members below.
    struct Callbacks;
    // Bytes of a request, from the first byte of its request line.
    using Span = HttpRequest::Span;

    enum class Phase
    {
        Start,    // nothing of the next request yet, or empty lines only
        Head,     // request line and headers, up to their empty line
        Body,     // Content-Length or chunked data
        Trailers, // after the last chunk, up to the empty line
        Done,     // a request is ready, or the parser failed
    };
    // What the head says about framing and persistence, gathered while
    // llhttp hands over its header lines.
    struct FramingHeaders
    {
        int hosts = 0;
        Span host{-1, 0};
        bool contentLength = false;
        bool transferEncoding = false;
        QByteArray transferCodings; // every Transfer-Encoding line, joined
        // Over every Connection line: repeated ones are one list (RFC 9110
        // 5.3), so a later "keep-alive" cannot undo an earlier "close".
        bool connectionClose = false;
        bool connectionKeepAlive = false;
        bool expectContinue = false;
    };

    Step fail(Error error, qint64 unreadBody = -1);
    // The llhttp callbacks' way to fail: sets m_failure, returns llhttp's
    // "stop" code.
    int failInCallback(Error error, qint64 unreadBody = -1);
    // Drops the empty lines before a request line; false when it failed.
    bool skipLeadingEmptyLines(QByteArray &buffer);
    // Resets what one request gathers, once its request line starts.
    void beginRequest();
    Step parseHead(QByteArray &buffer);
    Step parseBody(QByteArray &buffer);
    Step parseTrailers(QByteArray &buffer);
    // Runs llhttp over `bytes` bytes of `buffer` from `from` and gives how
    // many it consumed; m_status has llhttp's outcome.
    qsizetype execute(const QByteArray &buffer, qsizetype from, qsizetype bytes);
    // The step for an llhttp outcome other than OK or a pause.
    Step stopped();
    // Whether the `size` framing bytes at `data` that llhttp read end every
    // line with CRLF: llhttp 8 also takes a bare LF (and in places a bare
    // CR) as a line end, which a proxy in front may read otherwise. Checks
    // continue across calls (m_previous, m_crPending).
    bool checkLineEnds(const char *data, qsizetype size);
    // Starts the line-end checks of a head or of trailers.
    void beginSection();

    // The head, once llhttp read all of it: the checks llhttp leaves to
    // the application, then the body's framing.
    Step headComplete(QByteArray &buffer, qsizetype headEnd);
    bool checkRequestLine();
    bool checkHost();
    bool decideFraming();
    Step startBody(QByteArray &buffer);
    bool bodyTooLarge(qint64 size);
    Step complete();

    // Callbacks of the head (and of the trailers, which are header lines).
    int onMethod(const char *at, size_t length);
    int onUrl(const char *at, size_t length);
    int onVersion(const char *at, size_t length);
    int onHeaderField(const char *at, size_t length);
    int onHeaderValue(const char *at, size_t length);
    int onHeaderValueComplete();
    int onHeadersComplete();
    // Callbacks of the body.
    int onBody(const char *at, size_t length);
    int onChunkHeader();
    int onChunkExtensionName(size_t length);
    int onChunkExtensionNameComplete();
    int onChunkExtensionValue(size_t length);
    int onChunkExtensionValueComplete();
    int onMessageComplete();
    int checkExtensionBytes();

    // Where `at`, in the bytes of the current execute, is in the request
    // (0: the first byte of its request line).
    qsizetype positionOf(const char *at) const { return m_removed + (at - m_bufferData); }
    // Extends `span` by the piece [at, at + length) (a span's first piece
    // starts it); false when the piece does not follow the span directly.
    bool extend(Span &span, const char *at, size_t length);
    void noteFramingHeader(QByteArrayView name, QByteArrayView value);

    Limits m_limits;
    BodyLimit m_bodyLimit;
    std::unique_ptr<llhttp__internal_s> m_llhttp;
    HttpRequest m_request;
    Failure m_failure;
    Phase m_phase = Phase::Start;
    int m_status = 0; // llhttp_errno of the last execute
    bool m_callbackFailed = false;
    // The buffer's bytes during an execute, and how many bytes of the
    // request were removed from the buffer's front before them.
    const char *m_bufferData = nullptr;
    qsizetype m_removed = 0;
    qsizetype m_sectionBytes = 0; // head or trailer bytes given to llhttp
    char m_previous = 0;          // the last byte checkLineEnds saw
    bool m_crPending = false;     // ... a CR, its LF still to come
    FramingHeaders m_framing;
    Span m_versionSpan;
    Span m_field; // of the header line being read
    Span m_value;
    bool m_folded = false;
    qint64 m_contentLength = 0;
    bool m_chunked = false;
    qsizetype m_bodyLimitBytes = 0;      // resolved limit of this request's body
    qsizetype m_extensionBytes = 0;      // chunk extensions of this request so far
    qsizetype m_extensionValueBytes = 0; // of the extension value being read
    int m_emptyLines = 0;                // before this request's line
    bool m_begun = false;                // bytes of the next request arrived
    QHostAddress m_peer;
    quint16 m_peerPort = 0;
    bool m_secure = false;
};

} // namespace hm::server::http
