#include "server/http/HttpParser.h"

#include <QLatin1StringView>
#include <cstring>
#include <limits>
#include <llhttp.h>
#include <string_view>

namespace hm::server::http {

namespace {

Error badRequest(const QString &message)
{
    return Error{ErrorCode::BadRequest, message};
}

Error bodyTooLargeError(qsizetype limit)
{
    return Error{ErrorCode::PayloadTooLarge,
                 QStringLiteral("request body exceeds %1 bytes").arg(limit),
                 {{QStringLiteral("limit"), limit}}};
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

// Whether `text` holds `token` as one of its comma-separated elements.
bool listContains(QByteArrayView text, QByteArrayView token)
{
    while (!text.isEmpty()) {
        qsizetype comma = text.indexOf(',');
        if (comma < 0)
            comma = text.size();
        if (trimmed(text.first(comma)).compare(token, Qt::CaseInsensitive) == 0)
            return true;
        text = text.sliced(qMin(comma + 1, text.size()));
    }
    return false;
}

// Whether every comma-separated element of `text` is `token`.
bool onlyElement(QByteArrayView text, QByteArrayView token)
{
    while (!text.isEmpty()) {
        qsizetype comma = text.indexOf(',');
        if (comma < 0)
            comma = text.size();
        if (trimmed(text.first(comma)).compare(token, Qt::CaseInsensitive) != 0)
            return false;
        text = text.sliced(qMin(comma + 1, text.size()));
    }
    return true;
}

// RFC 9110 7.2: Host = uri-host [ ":" port ]. Only the characters are
// checked (reg-name, IP literal, port): the value is never routed on, but
// one holding '/', '@' or spaces is no host anyone means.
bool isHostValue(QByteArrayView value)
{
    for (const char c : value) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') ||
                        std::string_view("-._~%!$&'()*+,;=:[]").find(c) != std::string_view::npos;
        if (!ok)
            return false;
    }
    return true;
}

Method methodOf(uint8_t method)
{
    switch (method) {
    case HTTP_GET:
        return Method::Get;
    case HTTP_PUT:
        return Method::Put;
    case HTTP_POST:
        return Method::Post;
    case HTTP_HEAD:
        return Method::Head;
    case HTTP_PATCH:
        return Method::Patch;
    case HTTP_TRACE:
        return Method::Trace;
    case HTTP_DELETE:
        return Method::Delete;
    case HTTP_OPTIONS:
        return Method::Options;
    case HTTP_CONNECT:
        return Method::Connect;
    default:
        return Method::Unknown;
    }
}

// llhttp's refusal as an error envelope: its reason says what was wrong.
Error llhttpError(int status, const char *reason, qsizetype bodyLimit)
{
    // A Content-Length beyond 64 bits: a body nobody accepts, as a shorter
    // oversized one gets.
    if (status == HPE_INVALID_CONTENT_LENGTH && reason &&
        std::string_view(reason) == "Content-Length overflow")
        return bodyTooLargeError(bodyLimit);
    return badRequest(QStringLiteral("malformed request: %1")
                          .arg(QLatin1StringView(reason ? reason : "unreadable framing")));
}

Error bareLineEnd(char c)
{
    return badRequest(c == '\n' ? QStringLiteral("a bare LF in the request; lines end with CRLF")
                                : QStringLiteral("a bare CR in the request; lines end with CRLF"));
}

} // namespace

struct HttpParser::Callbacks
{
    static HttpParser &parser(llhttp_t *p) { return *static_cast<HttpParser *>(p->data); }

    static int method(llhttp_t *p, const char *at, size_t n) { return parser(p).onMethod(at, n); }
    static int url(llhttp_t *p, const char *at, size_t n) { return parser(p).onUrl(at, n); }
    static int version(llhttp_t *p, const char *at, size_t n) { return parser(p).onVersion(at, n); }
    static int field(llhttp_t *p, const char *at, size_t n)
    {
        return parser(p).onHeaderField(at, n);
    }
    static int value(llhttp_t *p, const char *at, size_t n)
    {
        return parser(p).onHeaderValue(at, n);
    }
    static int valueComplete(llhttp_t *p) { return parser(p).onHeaderValueComplete(); }
    static int headersComplete(llhttp_t *p) { return parser(p).onHeadersComplete(); }
    static int body(llhttp_t *p, const char *at, size_t n) { return parser(p).onBody(at, n); }
    static int chunkHeader(llhttp_t *p) { return parser(p).onChunkHeader(); }
    static int extensionName(llhttp_t *p, const char *, size_t n)
    {
        return parser(p).onChunkExtensionName(n);
    }
    static int extensionNameComplete(llhttp_t *p)
    {
        return parser(p).onChunkExtensionNameComplete();
    }
    static int extensionValue(llhttp_t *p, const char *, size_t n)
    {
        return parser(p).onChunkExtensionValue(n);
    }
    static int extensionValueComplete(llhttp_t *p)
    {
        return parser(p).onChunkExtensionValueComplete();
    }
    static int messageComplete(llhttp_t *p) { return parser(p).onMessageComplete(); }

    // llhttp keeps a pointer to them: they live as long as the program.
    static const llhttp_settings_t *settings()
    {
        static const llhttp_settings_t settings = [] {
            llhttp_settings_t s;
            llhttp_settings_init(&s);
            s.on_method = method;
            s.on_url = url;
            s.on_version = version;
            s.on_header_field = field;
            s.on_header_value = value;
            s.on_header_value_complete = valueComplete;
            s.on_headers_complete = headersComplete;
            s.on_body = body;
            s.on_chunk_header = chunkHeader;
            s.on_chunk_extension_name = extensionName;
            s.on_chunk_extension_name_complete = extensionNameComplete;
            s.on_chunk_extension_value = extensionValue;
            s.on_chunk_extension_value_complete = extensionValueComplete;
            s.on_message_complete = messageComplete;
            return s;
        }();
        return &settings;
    }
};

HttpParser::HttpParser(Limits limits, BodyLimit bodyLimit)
    : m_limits(limits), m_bodyLimit(std::move(bodyLimit)), m_llhttp(std::make_unique<llhttp_t>())
{
    // Strict: none of llhttp_set_lenient_* is ever called.
    llhttp_init(m_llhttp.get(), HTTP_REQUEST, Callbacks::settings());
    m_llhttp->data = this;
}

HttpParser::~HttpParser() = default;

void HttpParser::setPeer(const QHostAddress &address, quint16 port, bool secure)
{
    m_peer = address;
    m_peerPort = port;
    m_secure = secure;
}

HttpParser::Step HttpParser::fail(Error error, qint64 unreadBody)
{
    m_failure = Failure{std::move(error), unreadBody};
    m_phase = Phase::Done;
    return Step::Failed;
}

int HttpParser::failInCallback(Error error, qint64 unreadBody)
{
    m_failure = Failure{std::move(error), unreadBody};
    m_callbackFailed = true;
    return -1;
}

HttpParser::Step HttpParser::parse(QByteArray &buffer)
{
    switch (m_phase) {
    case Phase::Start:
    case Phase::Head:
        return parseHead(buffer);
    case Phase::Body:
        return parseBody(buffer);
    case Phase::Trailers:
        return parseTrailers(buffer);
    case Phase::Done:
        break;
    }
    return Step::NeedMore;
}

HttpRequest HttpParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    m_phase = Phase::Start;
    m_emptyLines = 0;
    m_begun = false;
    // The next request starts from llhttp's first state, whatever this
    // one left (a pause, or an upgrade that was not taken).
    llhttp_reset(m_llhttp.get());
    return request;
}

bool HttpParser::skipLeadingEmptyLines(QByteArray &buffer)
{
    // Empty lines before a request line are ignored (RFC 9112 2.2), a few
    // of them: a client sending nothing else must not hold the connection.
    // llhttp would skip any number, bare CRs and LFs included.
    qsizetype skip = 0;
    while (skip < buffer.size()) {
        const char c = buffer[skip];
        if (c == '\n') {
            fail(bareLineEnd(c));
            return false;
        }
        if (c != '\r' || skip + 1 == buffer.size())
            break; // a request line, or a CR whose LF may follow
        if (buffer[skip + 1] != '\n') {
            fail(bareLineEnd(c));
            return false;
        }
        if (++m_emptyLines > m_limits.maxLeadingEmptyLines) {
            fail(badRequest(QStringLiteral("more than %1 empty lines before the request line")
                                .arg(m_limits.maxLeadingEmptyLines)));
            return false;
        }
        skip += 2;
    }
    if (skip > 0)
        buffer.remove(0, skip);
    return true;
}

void HttpParser::beginRequest()
{
    m_phase = Phase::Head;
    m_request.m_remoteAddress = m_peer;
    m_request.m_remotePort = m_peerPort;
    m_request.m_secure = m_secure;
    m_request.m_methodSpan = m_request.m_targetSpan = m_versionSpan = Span{-1, 0};
    m_field = m_value = Span{-1, 0};
    m_folded = false;
    m_framing = FramingHeaders();
    m_callbackFailed = false;
    m_removed = 0;
    m_contentLength = 0;
    m_chunked = false;
    m_extensionBytes = 0;
    m_extensionValueBytes = 0;
    beginSection();
}

void HttpParser::beginSection()
{
    m_sectionBytes = 0;
    m_previous = 0;
    m_crPending = false;
}

qsizetype HttpParser::execute(const QByteArray &buffer, qsizetype from, qsizetype bytes)
{
    m_bufferData = buffer.constData();
    const char *start = m_bufferData + from;
    m_status = llhttp_execute(m_llhttp.get(), start, size_t(bytes));
    if (m_status == HPE_OK)
        return bytes;
    return llhttp_get_error_pos(m_llhttp.get()) - start;
}

HttpParser::Step HttpParser::stopped()
{
    if (m_callbackFailed) {
        m_phase = Phase::Done;
        return Step::Failed;
    }
    return fail(
        llhttpError(m_status, llhttp_get_error_reason(m_llhttp.get()), m_limits.defaultBodyBytes));
}

bool HttpParser::checkLineEnds(const char *data, qsizetype size)
{
    if (size <= 0)
        return true;
    if (m_crPending && data[0] != '\n') {
        fail(bareLineEnd('\r'));
        return false;
    }
    // CRs and LFs in order, so that the first bare one is reported however
    // the bytes were split.
    const char *const end = data + size;
    const auto next = [end](const char *from, char c) {
        return from < end ? static_cast<const char *>(std::memchr(from, c, size_t(end - from)))
                          : nullptr;
    };
    const char *cr = next(data, '\r');
    const char *lf = next(data, '\n');
    while (cr || lf) {
        if (cr && (!lf || cr < lf)) {
            if (cr + 1 < end && cr[1] != '\n') {
                fail(bareLineEnd('\r'));
                return false;
            }
            cr = next(cr + 1, '\r');
        } else {
            if ((lf > data ? lf[-1] : m_previous) != '\r') {
                fail(bareLineEnd('\n'));
                return false;
            }
            lf = next(lf + 1, '\n');
        }
    }
    m_previous = end[-1];
    m_crPending = m_previous == '\r';
    return true;
}

HttpParser::Step HttpParser::parseHead(QByteArray &buffer)
{
    if (m_phase == Phase::Start) {
        if (buffer.isEmpty())
            return Step::NeedMore;
        m_begun = true;
        if (!skipLeadingEmptyLines(buffer))
            return Step::Failed;
        if (buffer.isEmpty() || buffer.front() == '\r')
            return Step::NeedMore;
        beginRequest();
    }
    // The head stays at the front of the buffer until it is complete, so
    // that its header lines can be kept as spans into it. It gets no byte
    // past its limit: the outcome is the same however the bytes arrive.
    const qsizetype available = buffer.size() - m_sectionBytes;
    const qsizetype room = m_limits.maxHeadBytes - m_sectionBytes;
    if (available > 0 && room <= 0)
        return fail(Error{ErrorCode::BadRequest,
                          QStringLiteral("the request line and headers exceed %1 bytes")
                              .arg(m_limits.maxHeadBytes),
                          {{QStringLiteral("limit"), m_limits.maxHeadBytes}}});
    if (available <= 0)
        return Step::NeedMore;
    const qsizetype from = m_sectionBytes;
    const qsizetype consumed = execute(buffer, from, qMin(available, room));
    m_sectionBytes += consumed;
    if (!checkLineEnds(buffer.constData() + from, consumed))
        return Step::Failed;
    if (m_status == HPE_PAUSED) // the head is complete
        return headComplete(buffer, m_sectionBytes);
    if (m_status != HPE_OK)
        return stopped();
    if (available > room)
        return parseHead(buffer); // fails: the head is over its limit
    return Step::NeedMore;
}

HttpParser::Step HttpParser::headComplete(QByteArray &buffer, qsizetype headEnd)
{
    if (headEnd == buffer.size()) {
        m_request.m_head = std::move(buffer);
        buffer = QByteArray();
    } else {
        m_request.m_head = buffer.first(headEnd);
        buffer.remove(0, headEnd);
    }
    m_removed = headEnd;
    if (!checkRequestLine() || !checkHost() || !decideFraming())
        return Step::Failed;
    return startBody(buffer);
}

bool HttpParser::checkRequestLine()
{
    // llhttp takes any version digits and several spaces between the
    // parts; RFC 9112 3 has single spaces, and this server speaks 1.x.
    const llhttp_t *p = m_llhttp.get();
    HttpRequest &r = m_request;
    const Span &method = r.m_methodSpan;
    const Span &target = r.m_targetSpan;
    const qsizetype versionAt = target.offset + target.size + qsizetype(sizeof(" HTTP/") - 1);
    if (method.offset != 0 || target.offset != method.size + 1 ||
        m_versionSpan.offset != versionAt) {
        fail(badRequest(QStringLiteral("malformed request line")));
        return false;
    }
    if (p->http_major != 1) {
        fail(badRequest(QStringLiteral("HTTP version %1.%2 is not supported; use HTTP/1.1")
                            .arg(p->http_major)
                            .arg(p->http_minor)));
        return false;
    }
    r.m_method = methodOf(p->method);
    r.m_minorVersion = p->http_minor == 0 ? 0 : 1;
    return true;
}

bool HttpParser::checkHost()
{
    // RFC 9112 3.2: exactly one Host in HTTP/1.1, at most one in 1.0. Two
    // of them would let a proxy and this server disagree on the host.
    const FramingHeaders &framing = m_framing;
    if (framing.hosts > 1 || (framing.hosts == 0 && m_request.m_minorVersion == 1)) {
        fail(badRequest(framing.hosts > 1
                            ? QStringLiteral("more than one Host header")
                            : QStringLiteral("an HTTP/1.1 request needs a Host header")));
        return false;
    }
    if (framing.hosts == 1 && !isHostValue(m_request.view(framing.host))) {
        fail(badRequest(QStringLiteral("malformed Host header")));
        return false;
    }
    return true;
}

bool HttpParser::decideFraming()
{
    const FramingHeaders &framing = m_framing;
    HttpRequest &r = m_request;
    r.m_keepAlive = r.m_minorVersion == 0 ? framing.connectionKeepAlive && !framing.connectionClose
                                          : !framing.connectionClose;
    if (r.m_method == Method::Connect) {
        // llhttp reads whatever follows a CONNECT head as another protocol
        // (RFC 9110 9.3.6: it has no content); closing after the answer
        // keeps those bytes from being read as requests.
        r.m_keepAlive = false;
        return true;
    }
    if (framing.transferEncoding) {
        // Both framings at once is how requests get smuggled past proxies,
        // whichever header comes first (llhttp refuses it too).
        if (framing.contentLength) {
            fail(badRequest(QStringLiteral("Content-Length and Transfer-Encoding together")));
            return false;
        }
        if (r.m_minorVersion == 0) {
            fail(badRequest(QStringLiteral("Transfer-Encoding needs HTTP/1.1")));
            return false;
        }
        const QByteArrayView coding = trimmed(framing.transferCodings);
        if (coding.compare("chunked", Qt::CaseInsensitive) != 0) {
            // "chunked, chunked" would have the body decoded twice; any
            // other coding is one this server does not implement (llhttp
            // would read "gzip, chunked" as chunked).
            const QString shown = QString::fromLatin1(coding);
            fail(badRequest(
                onlyElement(coding, "chunked")
                    ? QStringLiteral("Transfer-Encoding \"%1\": chunked may be applied once")
                          .arg(shown)
                    : QStringLiteral("transfer coding \"%1\" is not supported; send the body "
                                     "with Content-Length or Transfer-Encoding: chunked")
                          .arg(shown)));
            return false;
        }
        m_chunked = true;
    } else if (framing.contentLength) {
        // llhttp checked the digits; lengths past qint64 are only too large.
        const quint64 length = m_llhttp->content_length;
        m_contentLength = length > quint64(std::numeric_limits<qint64>::max())
                              ? std::numeric_limits<qint64>::max()
                              : qint64(length);
    }
    return true;
}

bool HttpParser::bodyTooLarge(qint64 size)
{
    if (size <= m_bodyLimitBytes)
        return false;
    if (m_bodyLimitBytes == m_limits.defaultBodyBytes && m_bodyLimit)
        m_bodyLimitBytes = qMax(m_bodyLimitBytes, m_bodyLimit(m_request));
    return size > m_bodyLimitBytes;
}

HttpParser::Step HttpParser::startBody(QByteArray &buffer)
{
    m_bodyLimitBytes = m_limits.defaultBodyBytes;
    const bool expectContinue = m_framing.expectContinue;
    if (!m_chunked && m_contentLength == 0)
        return complete();
    if (!m_chunked) {
        if (bodyTooLarge(m_contentLength)) {
            const qint64 unread = m_contentLength - qMin<qint64>(buffer.size(), m_contentLength);
            buffer.clear();
            // A client waiting for 100-continue sends nothing more.
            return fail(bodyTooLargeError(m_bodyLimitBytes), expectContinue ? 0 : unread);
        }
        // Fewer reallocations while the body comes in; capped, so that a
        // head announcing 64 MiB does not reserve them before they come.
        m_request.m_body.reserve(qsizetype(qMin<qint64>(m_contentLength, 1024 * 1024)));
    }
    m_phase = Phase::Body;
    llhttp_resume(m_llhttp.get());
    if (expectContinue && (m_chunked ? buffer.isEmpty() : buffer.size() < m_contentLength))
        return Step::SendContinue;
    return parseBody(buffer);
}

HttpParser::Step HttpParser::parseBody(QByteArray &buffer)
{
    if (buffer.isEmpty())
        return Step::NeedMore;
    const qsizetype consumed = execute(buffer, 0, buffer.size());
    buffer.remove(0, consumed);
    m_removed += consumed;
    if (m_status == HPE_PAUSED) {
        if (m_phase == Phase::Done)
            return Step::Request;
        // The last chunk: its trailers follow.
        llhttp_resume(m_llhttp.get());
        return parseTrailers(buffer);
    }
    if (m_status != HPE_OK)
        return stopped();
    return Step::NeedMore;
}

HttpParser::Step HttpParser::parseTrailers(QByteArray &buffer)
{
    // Like the head: no byte past the limit, line ends checked.
    const qsizetype room = m_limits.maxHeadBytes - m_sectionBytes;
    if (!buffer.isEmpty() && room <= 0)
        return fail(badRequest(QStringLiteral("chunked trailers are too large")));
    if (buffer.isEmpty())
        return Step::NeedMore;
    const qsizetype consumed = execute(buffer, 0, qMin(buffer.size(), room));
    m_sectionBytes += consumed;
    const bool lineEndsOk = checkLineEnds(buffer.constData(), consumed);
    buffer.remove(0, consumed);
    m_removed += consumed;
    if (!lineEndsOk)
        return Step::Failed;
    if (m_status == HPE_PAUSED)
        return complete();
    if (m_status != HPE_OK)
        return stopped();
    if (!buffer.isEmpty())
        return parseTrailers(buffer); // fails: the trailers are over their limit
    return Step::NeedMore;
}

HttpParser::Step HttpParser::complete()
{
    m_phase = Phase::Done;
    return Step::Request;
}

bool HttpParser::extend(Span &span, const char *at, size_t length)
{
    const qsizetype position = positionOf(at);
    if (span.offset < 0) {
        span = Span{position, qsizetype(length)};
        return true;
    }
    if (position != span.offset + span.size)
        return false;
    span.size += qsizetype(length);
    return true;
}

int HttpParser::onMethod(const char *at, size_t length)
{
    extend(m_request.m_methodSpan, at, length);
    return 0;
}

int HttpParser::onUrl(const char *at, size_t length)
{
    extend(m_request.m_targetSpan, at, length);
    return 0;
}

int HttpParser::onVersion(const char *at, size_t length)
{
    extend(m_versionSpan, at, length);
    return 0;
}

int HttpParser::onHeaderField(const char *at, size_t length)
{
    extend(m_field, at, length);
    return 0;
}

int HttpParser::onHeaderValue(const char *at, size_t length)
{
    // llhttp 8 hands an obs-fold continuation over as more of the value;
    // RFC 9112 5.2 lets a server reject it, which is safer than guessing
    // how a proxy in front joined the lines.
    if (!extend(m_value, at, length))
        m_folded = true;
    return 0;
}

int HttpParser::onHeaderValueComplete()
{
    const Span field = m_field;
    Span value = m_value.offset < 0 ? Span{0, 0} : m_value;
    const bool folded = m_folded;
    m_field = m_value = Span{-1, 0};
    m_folded = false;
    // llhttp 8 takes ": x" as a header with an empty name.
    if (field.size <= 0)
        return failInCallback(badRequest(QStringLiteral("malformed header line")));
    if (folded)
        return failInCallback(badRequest(QStringLiteral("folded header lines are not accepted")));
    if (m_phase != Phase::Head)
        return 0; // a trailer: checked, then dropped
    // The head is at the buffer's front: positions are buffer offsets.
    const QByteArrayView name(m_bufferData + field.offset, field.size);
    QByteArrayView text(m_bufferData + value.offset, value.size);
    // llhttp drops the whitespace before a value, not the one after it.
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    value.size = text.size();
    m_request.m_headers.append({field, value});
    noteFramingHeader(name, text);
    return 0;
}

void HttpParser::noteFramingHeader(QByteArrayView name, QByteArrayView value)
{
    // The few headers that frame the request, found by length first: most
    // headers then need no case-insensitive comparison at all.
    const auto is = [&name](QByteArrayView known) {
        return name.size() == known.size() && name.compare(known, Qt::CaseInsensitive) == 0;
    };
    FramingHeaders &framing = m_framing;
    if (is("Host")) {
        ++framing.hosts;
        framing.host = Span{value.data() - m_bufferData, value.size()};
    } else if (is("Content-Length")) {
        framing.contentLength = true; // its value is llhttp's to read
    } else if (is("Transfer-Encoding")) {
        if (framing.transferEncoding)
            framing.transferCodings += ',';
        framing.transferCodings += value;
        framing.transferEncoding = true;
    } else if (is("Connection")) {
        framing.connectionClose |= listContains(value, "close");
        framing.connectionKeepAlive |= listContains(value, "keep-alive");
    } else if (is("Expect")) {
        // Other expectations are ignored, as RFC 9110 10.1.1 allows.
        framing.expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
    }
}

int HttpParser::onHeadersComplete()
{
    // Hands the complete head to parseHead(), which judges it before llhttp
    // reads any body.
    return m_phase == Phase::Head ? HPE_PAUSED : 0;
}

int HttpParser::onBody(const char *at, size_t length)
{
    m_request.m_body.append(at, qsizetype(length));
    return 0;
}

int HttpParser::onChunkHeader()
{
    const quint64 size = m_llhttp->content_length;
    if (size == 0) {
        // The last chunk: trailers follow, read under their own limit.
        m_phase = Phase::Trailers;
        beginSection();
        return HPE_PAUSED;
    }
    const quint64 room = quint64(std::numeric_limits<qint64>::max() - m_request.m_body.size());
    if (size > room || bodyTooLarge(m_request.m_body.size() + qint64(size)))
        return failInCallback(bodyTooLargeError(m_bodyLimitBytes));
    return 0;
}

int HttpParser::checkExtensionBytes()
{
    if (m_extensionBytes <= m_limits.maxChunkExtensionBytes)
        return 0;
    return failInCallback(badRequest(
        QStringLiteral("chunk extensions exceed %1 bytes").arg(m_limits.maxChunkExtensionBytes)));
}

// Chunk extensions are counted as sent: ";" name [ "=" value ]. The
// separators are added when their part completes.
int HttpParser::onChunkExtensionName(size_t length)
{
    m_extensionBytes += qsizetype(length);
    return checkExtensionBytes();
}

int HttpParser::onChunkExtensionNameComplete()
{
    m_extensionBytes += 1;
    return checkExtensionBytes();
}

int HttpParser::onChunkExtensionValue(size_t length)
{
    m_extensionBytes += qsizetype(length);
    m_extensionValueBytes += qsizetype(length);
    return checkExtensionBytes();
}

int HttpParser::onChunkExtensionValueComplete()
{
    // llhttp 8 takes "name=" with nothing after the '='.
    if (m_extensionValueBytes == 0)
        return failInCallback(badRequest(QStringLiteral("malformed chunk extension")));
    m_extensionValueBytes = 0;
    m_extensionBytes += 1;
    return checkExtensionBytes();
}

int HttpParser::onMessageComplete()
{
    // Stops llhttp right after the request: what follows is the next one,
    // left in the buffer until this one is answered.
    m_phase = Phase::Done;
    return HPE_PAUSED;
}

} // namespace hm::server::http
