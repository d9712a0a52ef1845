#include "server/http/HttpParser.h"

#include <array>
#include <cstring>
#include <string_view>

namespace hm::server::http {

namespace {

// RFC 9110 tchar: the characters of methods and header names.
bool isTokenChar(char c)
{
    static constexpr auto table = [] {
        std::array<bool, 256> t{};
        for (int ch = '0'; ch <= '9'; ++ch)
            t[ch] = true;
        for (int ch = 'A'; ch <= 'Z'; ++ch)
            t[ch] = t[ch + 32] = true;
        for (const char ch : std::string_view("!#$%&'*+-.^_`|~"))
            t[static_cast<unsigned char>(ch)] = true;
        return t;
    }();
    return table[static_cast<unsigned char>(c)];
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

Method methodOf(QByteArrayView name)
{
    switch (name.size()) {
    case 3:
        if (name == "GET")
            return Method::Get;
        if (name == "PUT")
            return Method::Put;
        break;
    case 4:
        if (name == "POST")
            return Method::Post;
        if (name == "HEAD")
            return Method::Head;
        break;
    case 5:
        if (name == "PATCH")
            return Method::Patch;
        if (name == "TRACE")
            return Method::Trace;
        break;
    case 6:
        if (name == "DELETE")
            return Method::Delete;
        break;
    case 7:
        if (name == "OPTIONS")
            return Method::Options;
        if (name == "CONNECT")
            return Method::Connect;
        break;
    }
    return Method::Unknown;
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

// Whether any of the 8 bytes in `word` is a control character (below 0x20
// or 0x7f); bytes from 0x80 up are not.
bool hasControl(quint64 word)
{
    constexpr quint64 ones = 0x0101010101010101ull;
    constexpr quint64 highs = 0x8080808080808080ull;
    const quint64 below20 = (word - 0x20 * ones) & ~word & highs;
    const quint64 del = word ^ (0x7f * ones);
    return (below20 | ((del - ones) & ~del & highs)) != 0;
}

// Whether `text` holds nothing below 0x20 (tab allowed when `tab`) and no
// 0x7f. Eight bytes at a time: a JWT alone makes ~400 bytes per request.
bool isFreeOfControls(QByteArrayView text, bool tab)
{
    const char *p = text.data();
    const char *const end = p + text.size();
    for (; end - p >= 8; p += 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        if (hasControl(word)) {
            for (int i = 0; i < 8; ++i) {
                const auto u = static_cast<unsigned char>(p[i]);
                if ((u < 0x20 && !(tab && u == '\t')) || u == 0x7f)
                    return false;
            }
        }
    }
    for (; p < end; ++p) {
        const auto u = static_cast<unsigned char>(*p);
        if ((u < 0x20 && !(tab && u == '\t')) || u == 0x7f)
            return false;
    }
    return true;
}

// A header value may hold visible characters, spaces, tabs and obs-text;
// never NUL, CR, LF or other controls (they would let a value smuggle
// lines into logs or into a proxy's view of the request).
bool isValidValue(QByteArrayView value)
{
    return isFreeOfControls(value, true);
}

// Digits only, at most 18 of them (fits a qint64); -1 otherwise.
qint64 parseLength(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

Error badRequest(const QString &message)
{
    return Error{ErrorCode::BadRequest, message};
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t';
}

// RFC 9112 7.1.1: chunk-ext = *( BWS ";" BWS chunk-ext-name
// [ BWS "=" BWS chunk-ext-val ] ), a name being a token and a value a token
// or a quoted-string. Nothing else may follow the chunk size: a proxy that
// reads a stray byte there differently would see other chunk boundaries.
bool isChunkExtension(QByteArrayView text)
{
    const qsizetype size = text.size();
    qsizetype pos = 0;
    const auto skipWhitespace = [&] {
        while (pos < size && isWhitespace(text[pos]))
            ++pos;
    };
    const auto token = [&] {
        const qsizetype start = pos;
        while (pos < size && isTokenChar(text[pos]))
            ++pos;
        return pos > start;
    };
    const auto quotedString = [&] {
        if (pos >= size || text[pos] != '"')
            return false;
        for (++pos; pos < size; ++pos) {
            const auto u = static_cast<unsigned char>(text[pos]);
            if (u == '"') {
                ++pos;
                return true;
            }
            if (u == '\\') { // quoted-pair: HTAB, SP, VCHAR or obs-text
                if (++pos >= size)
                    return false;
                const auto quoted = static_cast<unsigned char>(text[pos]);
                if ((quoted < 0x20 && quoted != '\t') || quoted == 0x7f)
                    return false;
            } else if ((u < 0x20 && u != '\t') || u == 0x7f) { // qdtext
                return false;
            }
        }
        return false;
    };
    while (pos < size) {
        skipWhitespace();
        if (pos >= size || text[pos] != ';')
            return false;
        ++pos;
        skipWhitespace();
        if (!token())
            return false;
        const qsizetype afterName = pos;
        skipWhitespace();
        if (pos < size && text[pos] == '=') {
            ++pos;
            skipWhitespace();
            if (!token() && !quotedString())
                return false;
        } else {
            pos = afterName; // whitespace is only allowed before ';' or '='
        }
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

// The lines of a request head, without their line ends (CRLF or LF).
struct HeadLines
{
    QByteArrayView head;
    qsizetype pos = 0;

    bool atEnd() const { return pos >= head.size(); }
    // The next line and where it starts in the head.
    QByteArrayView next(qsizetype *offset)
    {
        const qsizetype lf = head.indexOf('\n', pos);
        *offset = pos;
        qsizetype end = lf;
        if (end > pos && head[end - 1] == '\r')
            --end;
        const QByteArrayView line = head.sliced(pos, end - pos);
        pos = lf + 1;
        return line;
    }
};

// One "name: value" line of a head or of chunked trailers; false when it
// is not one (RFC 9112 5: no whitespace before the colon, no folding, no
// controls in the value).
struct FieldLine
{
    QByteArrayView name;
    QByteArrayView value;
    QString problem;
};

FieldLine readFieldLine(QByteArrayView line)
{
    FieldLine field;
    if (line.front() == ' ' || line.front() == '\t') {
        // obs-fold: RFC 9112 5.2 lets a server reject it, which is safer
        // than guessing how a proxy in front joined the lines.
        field.problem = QStringLiteral("folded header lines are not accepted");
        return field;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon))) {
        field.problem = QStringLiteral("malformed header line");
        return field;
    }
    field.name = line.first(colon);
    field.value = trimmed(line.sliced(colon + 1));
    if (!isValidValue(field.value))
        field.problem =
            QStringLiteral("invalid characters in header %1").arg(QString::fromLatin1(field.name));
    return field;
}

} // namespace

// What the head says about framing and persistence, gathered while its
// lines are read and judged once all of them are in.
struct HttpParser::FramingHeaders
{
    QByteArrayView contentLength; // null: none
    QByteArray transferEncoding;  // every Transfer-Encoding line, joined
    bool hasTransferEncoding = false;
    int hosts = 0;
    QByteArrayView host;
    // Over every Connection line: repeated ones are one list (RFC 9110
    // 5.3), so a later "keep-alive" cannot undo an earlier "close".
    bool connectionClose = false;
    bool connectionKeepAlive = false;
    bool expectContinue = false;
};

HttpParser::HttpParser(Limits limits, BodyLimit bodyLimit)
    : m_limits(limits), m_bodyLimit(std::move(bodyLimit))
{}

void HttpParser::setPeer(const QHostAddress &address, quint16 port, bool secure)
{
    m_peer = address;
    m_peerPort = port;
    m_secure = secure;
}

HttpParser::Step HttpParser::fail(Error error, qint64 unreadBody)
{
    m_failure = Failure{std::move(error), unreadBody};
    m_state = State::Done;
    return Step::Failed;
}

HttpParser::Step HttpParser::parse(QByteArray &buffer)
{
    switch (m_state) {
    case State::Start:
    case State::Head:
        return parseHead(buffer);
    case State::Body:
        return parseBody(buffer);
    case State::ChunkSize:
    case State::ChunkData:
    case State::Trailers:
        return parseChunked(buffer);
    case State::Done:
        break;
    }
    return Step::NeedMore;
}

HttpRequest HttpParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    m_state = State::Start;
    m_emptyLines = 0;
    m_begun = false;
    return request;
}

bool HttpParser::skipLeadingEmptyLines(QByteArray &buffer)
{
    // Empty lines before a request line are ignored (RFC 9112 2.2), a few
    // of them: a client sending nothing else must not hold the connection.
    qsizetype skip = 0;
    while (skip < buffer.size()) {
        const char c = buffer[skip];
        if (c != '\r' && c != '\n')
            break;
        qsizetype lineEnd = 1;
        if (c == '\r') {
            if (skip + 1 == buffer.size())
                break; // its LF may follow
            if (buffer[skip + 1] != '\n') {
                fail(badRequest(QStringLiteral("malformed request line")));
                return false;
            }
            lineEnd = 2;
        }
        if (++m_emptyLines > m_limits.maxLeadingEmptyLines) {
            fail(badRequest(QStringLiteral("more than %1 empty lines before the request line")
                                .arg(m_limits.maxLeadingEmptyLines)));
            return false;
        }
        skip += lineEnd;
    }
    if (skip > 0)
        buffer.remove(0, skip);
    return true;
}

HttpParser::Step HttpParser::parseHead(QByteArray &buffer)
{
    if (m_state == State::Start) {
        if (buffer.isEmpty())
            return Step::NeedMore;
        m_begun = true;
        if (!skipLeadingEmptyLines(buffer))
            return Step::Failed;
        if (buffer.isEmpty() || buffer.front() == '\r')
            return Step::NeedMore;
        m_state = State::Head;
        m_scanned = 0;
        m_lineStart = 0;
    }
    // Look for the empty line that ends the head, from where the previous
    // call stopped: one memchr per line.
    const char *data = buffer.constData();
    const qsizetype size = buffer.size();
    qsizetype headEnd = -1;
    while (m_scanned < size) {
        const void *found = std::memchr(data + m_scanned, '\n', size_t(size - m_scanned));
        if (!found) {
            m_scanned = size;
            break;
        }
        const qsizetype lf = static_cast<const char *>(found) - data;
        const qsizetype lineSize = lf - m_lineStart;
        m_scanned = m_lineStart = lf + 1;
        if (lineSize == 0 || (lineSize == 1 && data[lf - 1] == '\r')) {
            headEnd = lf + 1;
            break;
        }
    }
    if (headEnd < 0 ? size > m_limits.maxHeadBytes : headEnd > m_limits.maxHeadBytes)
        return fail(Error{ErrorCode::BadRequest,
                          QStringLiteral("the request line and headers exceed %1 bytes")
                              .arg(m_limits.maxHeadBytes),
                          {{QStringLiteral("limit"), m_limits.maxHeadBytes}}});
    if (headEnd < 0)
        return Step::NeedMore;

    if (headEnd == buffer.size()) {
        m_request.m_head = std::move(buffer);
        buffer = QByteArray();
    } else {
        m_request.m_head = buffer.first(headEnd);
        buffer.remove(0, headEnd);
    }
    if (!interpretHead())
        return Step::Failed;
    return startBody(buffer);
}

bool HttpParser::interpretHead()
{
    HttpRequest &r = m_request;
    r.m_remoteAddress = m_peer;
    r.m_remotePort = m_peerPort;
    r.m_secure = m_secure;
    HeadLines lines{r.m_head};
    qsizetype offset = 0;
    const QByteArrayView requestLine = lines.next(&offset);
    if (!readRequestLine(requestLine, offset))
        return false;
    FramingHeaders framing;
    if (!readHeaderLines(r.m_head, lines.pos, framing))
        return false;
    return decideFraming(framing);
}

bool HttpParser::readRequestLine(QByteArrayView line, qsizetype offset)
{
    // method SP request-target SP HTTP-version, single spaces (RFC 9112 3).
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0) {
        fail(badRequest(QStringLiteral("malformed request line")));
        return false;
    }
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method)) {
        fail(badRequest(QStringLiteral("malformed request method")));
        return false;
    }
    // No controls; spaces cannot occur (the line was split at them).
    if (!isFreeOfControls(target, false)) {
        fail(badRequest(QStringLiteral("malformed request target")));
        return false;
    }
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' ||
        version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9') {
        fail(badRequest(QStringLiteral("malformed HTTP version")));
        return false;
    }
    if (version[5] != '1') {
        fail(badRequest(QStringLiteral("HTTP version %1 is not supported; use HTTP/1.1")
                            .arg(QString::fromLatin1(version))));
        return false;
    }
    HttpRequest &r = m_request;
    r.m_method = methodOf(method);
    r.m_methodSpan = {offset, sp1};
    r.m_targetSpan = {offset + sp1 + 1, target.size()};
    r.m_minorVersion = version[7] == '0' ? 0 : 1;
    return true;
}

bool HttpParser::readHeaderLines(QByteArrayView head, qsizetype pos, FramingHeaders &framing)
{
    HeadLines lines{head, pos};
    while (!lines.atEnd()) {
        qsizetype offset = 0;
        const QByteArrayView line = lines.next(&offset);
        if (line.isEmpty())
            break; // the end of the head
        const FieldLine field = readFieldLine(line);
        if (!field.problem.isEmpty()) {
            fail(badRequest(field.problem));
            return false;
        }
        const QByteArrayView &name = field.name;
        const QByteArrayView &value = field.value;
        m_request.m_headers.append(
            {{offset, name.size()}, {value.data() - head.data(), value.size()}});

        // The few headers that frame the request, found by length first:
        // most headers then need no case-insensitive comparison at all.
        const auto is = [&name](QByteArrayView known) {
            return name.size() == known.size() && name.compare(known, Qt::CaseInsensitive) == 0;
        };
        if (is("Host")) {
            ++framing.hosts;
            framing.host = value;
        } else if (is("Content-Length")) {
            // Differing lengths would frame the request two ways.
            if (!framing.contentLength.isNull() && framing.contentLength != value) {
                fail(badRequest(QStringLiteral("conflicting Content-Length headers")));
                return false;
            }
            framing.contentLength = value;
        } else if (is("Transfer-Encoding")) {
            if (framing.hasTransferEncoding)
                framing.transferEncoding += ',';
            framing.transferEncoding += value;
            framing.hasTransferEncoding = true;
        } else if (is("Connection")) {
            framing.connectionClose |= listContains(value, "close");
            framing.connectionKeepAlive |= listContains(value, "keep-alive");
        } else if (is("Expect")) {
            // Other expectations are ignored, as RFC 9110 10.1.1 allows.
            framing.expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    return true;
}

bool HttpParser::decideFraming(const FramingHeaders &framing)
{
    HttpRequest &r = m_request;
    // RFC 9112 3.2: exactly one Host in HTTP/1.1, at most one in 1.0. Two
    // of them would let a proxy and this server disagree on the host.
    if (framing.hosts > 1 || (framing.hosts == 0 && r.m_minorVersion == 1)) {
        fail(badRequest(framing.hosts > 1
                            ? QStringLiteral("more than one Host header")
                            : QStringLiteral("an HTTP/1.1 request needs a Host header")));
        return false;
    }
    if (!isHostValue(framing.host)) {
        fail(badRequest(QStringLiteral("malformed Host header")));
        return false;
    }
    r.m_keepAlive = r.m_minorVersion == 0 ? framing.connectionKeepAlive && !framing.connectionClose
                                          : !framing.connectionClose;
    m_expectContinue = framing.expectContinue;
    m_chunked = false;
    m_contentLength = 0;
    if (framing.hasTransferEncoding) {
        // Both framings at once is how requests get smuggled past proxies,
        // whichever header comes first.
        if (!framing.contentLength.isNull()) {
            fail(badRequest(QStringLiteral("Content-Length and Transfer-Encoding together")));
            return false;
        }
        if (r.m_minorVersion == 0) {
            fail(badRequest(QStringLiteral("Transfer-Encoding needs HTTP/1.1")));
            return false;
        }
        const QByteArrayView coding = trimmed(framing.transferEncoding);
        if (coding.compare("chunked", Qt::CaseInsensitive) != 0) {
            // "chunked, chunked" would have the body decoded twice; any
            // other coding is one this server does not implement.
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
    } else if (!framing.contentLength.isNull()) {
        const QByteArrayView contentLength = framing.contentLength;
        m_contentLength = parseLength(contentLength);
        if (m_contentLength < 0) {
            // Too many digits to be a body anyone accepts, or not a number.
            if (contentLength.size() > 18 && parseLength(contentLength.first(18)) >= 0) {
                fail(Error{
                    ErrorCode::PayloadTooLarge,
                    QStringLiteral("request body exceeds %1 bytes").arg(m_limits.defaultBodyBytes),
                    {{QStringLiteral("limit"), m_limits.defaultBodyBytes}}});
                return false;
            }
            fail(badRequest(QStringLiteral("malformed Content-Length")));
            return false;
        }
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
    const bool expectContinue = m_expectContinue;
    m_expectContinue = false;
    if (m_chunked) {
        m_state = State::ChunkSize;
        m_scanned = 0;
        m_chunkLeft = 0;
        m_trailerBytes = 0;
        m_extensionBytes = 0;
        if (expectContinue && buffer.isEmpty())
            return Step::SendContinue;
        return parseChunked(buffer);
    }
    if (m_contentLength == 0)
        return complete();
    if (bodyTooLarge(m_contentLength)) {
        const qint64 unread = m_contentLength - qMin<qint64>(buffer.size(), m_contentLength);
        buffer.clear();
        // A client waiting for 100-continue sends nothing more.
        return fail(Error{ErrorCode::PayloadTooLarge,
                          QStringLiteral("request body exceeds %1 bytes").arg(m_bodyLimitBytes),
                          {{QStringLiteral("limit"), m_bodyLimitBytes}}},
                    expectContinue ? 0 : unread);
    }
    m_state = State::Body;
    if (buffer.size() < m_contentLength) {
        // Fewer reallocations while the body comes in; capped, so that a
        // head announcing 64 MiB does not reserve them before they come.
        buffer.reserve(qsizetype(qMin<qint64>(m_contentLength, 1024 * 1024)));
        if (expectContinue)
            return Step::SendContinue;
        return Step::NeedMore;
    }
    return parseBody(buffer);
}

HttpParser::Step HttpParser::parseBody(QByteArray &buffer)
{
    if (buffer.size() < m_contentLength)
        return Step::NeedMore;
    if (buffer.size() == m_contentLength) {
        m_request.m_body = std::move(buffer);
        buffer = QByteArray();
    } else {
        m_request.m_body = buffer.first(qsizetype(m_contentLength));
        buffer.remove(0, qsizetype(m_contentLength));
    }
    return complete();
}

HttpParser::LineScan HttpParser::nextChunkLine(const QByteArray &buffer, qsizetype limit,
                                               const QString &tooLong, QByteArrayView *line)
{
    // From where the previous call stopped: a line arriving byte by byte is
    // searched once. The same limit applies to a line still arriving (what
    // it already holds, a final CR aside) as to a complete one, so that the
    // outcome does not depend on how the bytes were split.
    const void *found =
        m_scanned < buffer.size()
            ? std::memchr(buffer.constData() + m_scanned, '\n', size_t(buffer.size() - m_scanned))
            : nullptr;
    if (!found) {
        m_scanned = buffer.size();
        const qsizetype held = buffer.size() - (buffer.endsWith('\r') ? 1 : 0);
        if (held > limit) {
            fail(badRequest(tooLong));
            return LineScan::Failed;
        }
        return LineScan::NeedMore;
    }
    const qsizetype lf = static_cast<const char *>(found) - buffer.constData();
    const bool crlf = lf > 0 && buffer[lf - 1] == '\r';
    if (lf - (crlf ? 1 : 0) > limit) {
        fail(badRequest(tooLong));
        return LineScan::Failed;
    }
    if (!crlf) {
        // A bare LF ends a line for some parsers and not for others: inside
        // the body's framing that disagreement is a smuggling vector.
        fail(badRequest(QStringLiteral("chunked framing needs CRLF line ends")));
        return LineScan::Failed;
    }
    *line = QByteArrayView(buffer).first(lf - 1);
    m_scanned = 0;
    return LineScan::Line;
}

bool HttpParser::readChunkSize(QByteArrayView line, qint64 *size)
{
    // chunk-size [ chunk-ext ]: hexadecimal digits at the very start.
    qsizetype digits = 0;
    qint64 value = 0;
    for (; digits < line.size(); ++digits) {
        const char c = line[digits];
        const int v = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (v < 0)
            break;
        if (value > (qint64(1) << 56)) {
            fail(badRequest(QStringLiteral("malformed chunk size")));
            return false;
        }
        value = value * 16 + v;
    }
    if (digits == 0) {
        fail(badRequest(QStringLiteral("malformed chunk size")));
        return false;
    }
    const QByteArrayView extension = line.sliced(digits);
    if (!extension.isEmpty()) {
        m_extensionBytes += extension.size();
        if (m_extensionBytes > m_limits.maxChunkExtensionBytes) {
            fail(badRequest(QStringLiteral("chunk extensions exceed %1 bytes")
                                .arg(m_limits.maxChunkExtensionBytes)));
            return false;
        }
        if (!isChunkExtension(extension)) {
            fail(badRequest(QStringLiteral("malformed chunk extension")));
            return false;
        }
    }
    *size = value;
    return true;
}

HttpParser::Step HttpParser::parseChunked(QByteArray &buffer)
{
    // chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF; the last chunk
    // has size 0 and is followed by optional trailer lines and an empty
    // line (RFC 9112 7.1). Extensions and trailers are checked and dropped.
    // A size line holds at most 16 digits and the extensions' cap.
    const qsizetype maxSizeLine = 16 + m_limits.maxChunkExtensionBytes;
    static const QString sizeLineTooLong = QStringLiteral("chunk size line too long");
    static const QString trailersTooLarge = QStringLiteral("chunked trailers are too large");
    while (true) {
        if (m_state == State::Trailers) {
            QByteArrayView line;
            const LineScan scan = nextChunkLine(buffer, m_limits.maxHeadBytes - m_trailerBytes - 2,
                                                trailersTooLarge, &line);
            if (scan != LineScan::Line)
                return scan == LineScan::Failed ? Step::Failed : Step::NeedMore;
            if (line.isEmpty()) {
                buffer.remove(0, 2);
                return complete();
            }
            const FieldLine field = readFieldLine(line);
            if (!field.problem.isEmpty())
                return fail(badRequest(QStringLiteral("chunked trailers: ") + field.problem));
            m_trailerBytes += line.size() + 2;
            buffer.remove(0, line.size() + 2);
            continue;
        }
        if (m_state == State::ChunkSize) {
            QByteArrayView line;
            const LineScan scan = nextChunkLine(buffer, maxSizeLine, sizeLineTooLong, &line);
            if (scan != LineScan::Line)
                return scan == LineScan::Failed ? Step::Failed : Step::NeedMore;
            qint64 size = 0;
            if (!readChunkSize(line, &size))
                return Step::Failed;
            buffer.remove(0, line.size() + 2);
            if (size == 0) {
                m_state = State::Trailers;
                continue;
            }
            if (bodyTooLarge(m_request.m_body.size() + size)) {
                buffer.clear();
                return fail(
                    Error{ErrorCode::PayloadTooLarge,
                          QStringLiteral("request body exceeds %1 bytes").arg(m_bodyLimitBytes),
                          {{QStringLiteral("limit"), m_bodyLimitBytes}}});
            }
            m_chunkLeft = size;
            m_state = State::ChunkData;
        }
        // ChunkData: the data, then its CRLF.
        if (m_chunkLeft > 0) {
            const qsizetype take = qsizetype(qMin<qint64>(m_chunkLeft, buffer.size()));
            m_request.m_body.append(buffer.constData(), take);
            buffer.remove(0, take);
            m_chunkLeft -= take;
            if (m_chunkLeft > 0)
                return Step::NeedMore;
        }
        if (buffer.isEmpty() || (buffer.size() == 1 && buffer.front() == '\r'))
            return Step::NeedMore;
        if (!buffer.startsWith("\r\n"))
            return fail(badRequest(QStringLiteral("chunk data must end with CRLF")));
        buffer.remove(0, 2);
        m_state = State::ChunkSize;
    }
}

HttpParser::Step HttpParser::complete()
{
    m_state = State::Done;
    return Step::Request;
}

} // namespace hm::server::http
