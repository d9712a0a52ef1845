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

} // namespace

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
    return request;
}

HttpParser::Step HttpParser::parseHead(QByteArray &buffer)
{
    if (m_state == State::Start) {
        // Empty lines before a request line are ignored (RFC 9112 2.2):
        // some clients send a CRLF after a POST body.
        qsizetype skip = 0;
        while (skip < buffer.size() && (buffer[skip] == '\r' || buffer[skip] == '\n'))
            ++skip;
        if (skip > 0)
            buffer.remove(0, skip);
        if (buffer.isEmpty())
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
    m_expectContinue = false;
    r.m_remoteAddress = m_peer;
    r.m_remotePort = m_peerPort;
    r.m_secure = m_secure;
    const QByteArrayView head(r.m_head);

    // Lines without their line ends; a CR anywhere else is an error.
    qsizetype pos = 0;
    const auto nextLine = [&](qsizetype *lineOffset) {
        const qsizetype lf = head.indexOf('\n', pos);
        *lineOffset = pos;
        qsizetype end = lf;
        if (end > pos && head[end - 1] == '\r')
            --end;
        const QByteArrayView line = head.sliced(pos, end - pos);
        pos = lf + 1;
        return line;
    };

    qsizetype offset = 0;
    const QByteArrayView requestLine = nextLine(&offset);
    // method SP request-target SP HTTP-version, single spaces (RFC 9112 3).
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0) {
        fail(badRequest(QStringLiteral("malformed request line")));
        return false;
    }
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
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
    r.m_method = methodOf(method);
    r.m_methodSpan = {offset, sp1};
    r.m_targetSpan = {offset + sp1 + 1, target.size()};
    r.m_minorVersion = version[7] == '0' ? 0 : 1;

    QByteArrayView contentLength;
    QByteArrayView connection;
    bool hasTransferEncoding = false;
    QByteArray transferEncoding;
    while (pos < head.size()) {
        const QByteArrayView line = nextLine(&offset);
        if (line.isEmpty())
            break; // the end of the head
        if (line.front() == ' ' || line.front() == '\t') {
            // obs-fold: RFC 9112 5.2 lets a server reject it, which is safer
            // than guessing how a proxy in front joined the lines.
            fail(badRequest(QStringLiteral("folded header lines are not accepted")));
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            fail(badRequest(QStringLiteral("malformed header line")));
            return false;
        }
        const QByteArrayView rawValue = line.sliced(colon + 1);
        const QByteArrayView value = trimmed(rawValue);
        if (!isValidValue(value)) {
            fail(badRequest(QStringLiteral("invalid characters in header %1")
                                .arg(QString::fromLatin1(line.first(colon)))));
            return false;
        }
        const qsizetype valueOffset = offset + colon + 1 + (value.data() - rawValue.data());
        r.m_headers.append({{offset, colon}, {valueOffset, value.size()}});

        // The few headers that frame the request, found by length first:
        // most headers then need no case-insensitive comparison at all.
        const QByteArrayView name = line.first(colon);
        const auto is = [&name](QByteArrayView known) {
            return name.size() == known.size() && name.compare(known, Qt::CaseInsensitive) == 0;
        };
        if (is("Content-Length")) {
            // Differing lengths would frame the request two ways.
            if (!contentLength.isNull() && contentLength != value) {
                fail(badRequest(QStringLiteral("conflicting Content-Length headers")));
                return false;
            }
            contentLength = value;
        } else if (is("Transfer-Encoding")) {
            if (hasTransferEncoding)
                transferEncoding += ',';
            transferEncoding += value;
            hasTransferEncoding = true;
        } else if (is("Connection")) {
            connection = value;
        } else if (is("Expect")) {
            // Other expectations are ignored, as RFC 9110 10.1.1 allows.
            m_expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }

    r.m_keepAlive = r.m_minorVersion == 0 ? listContains(connection, "keep-alive")
                                          : !listContains(connection, "close");
    m_chunked = false;
    m_contentLength = 0;
    if (hasTransferEncoding) {
        // Both framings at once is how requests get smuggled past proxies.
        if (!contentLength.isNull()) {
            fail(badRequest(QStringLiteral("Content-Length and Transfer-Encoding together")));
            return false;
        }
        if (r.m_minorVersion == 0) {
            fail(badRequest(QStringLiteral("Transfer-Encoding needs HTTP/1.1")));
            return false;
        }
        if (trimmed(transferEncoding).compare("chunked", Qt::CaseInsensitive) != 0) {
            fail(Error{ErrorCode::BadRequest,
                       QStringLiteral("transfer coding \"%1\" is not supported; send the body "
                                      "with Content-Length or Transfer-Encoding: chunked")
                           .arg(QString::fromLatin1(transferEncoding))});
            return false;
        }
        m_chunked = true;
    } else if (!contentLength.isNull()) {
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

HttpParser::Step HttpParser::parseChunked(QByteArray &buffer)
{
    // chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF; the last chunk
    // has size 0 and is followed by optional trailer lines and an empty
    // line (RFC 9112 7.1). Extensions and trailers are read and dropped.
    constexpr qsizetype kMaxSizeLine = 4096;
    while (true) {
        if (m_state == State::ChunkSize || m_state == State::Trailers) {
            const qsizetype lf = buffer.indexOf('\n');
            if (lf < 0) {
                const bool tooLong = m_state == State::ChunkSize
                                         ? buffer.size() > kMaxSizeLine
                                         : m_trailerBytes + buffer.size() > m_limits.maxHeadBytes;
                if (tooLong)
                    return fail(badRequest(QStringLiteral("malformed chunked body")));
                return Step::NeedMore;
            }
            QByteArrayView line = QByteArrayView(buffer).first(lf);
            if (line.endsWith('\r'))
                line.chop(1);
            if (m_state == State::Trailers) {
                m_trailerBytes += lf + 1;
                const bool last = line.isEmpty();
                buffer.remove(0, lf + 1);
                if (m_trailerBytes > m_limits.maxHeadBytes)
                    return fail(badRequest(QStringLiteral("chunked trailers are too large")));
                if (last)
                    return complete();
                continue;
            }
            const qsizetype semicolon = line.indexOf(';');
            const QByteArrayView digits = trimmed(semicolon < 0 ? line : line.first(semicolon));
            bool ok = !digits.isEmpty() && digits.size() <= 15;
            qint64 size = 0;
            for (const char c : digits) {
                const int v = c >= '0' && c <= '9'   ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
                if (v < 0) {
                    ok = false;
                    break;
                }
                size = size * 16 + v;
            }
            if (!ok)
                return fail(badRequest(QStringLiteral("malformed chunk size")));
            buffer.remove(0, lf + 1);
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
        // ChunkData: the data, then its line end.
        if (m_chunkLeft > 0) {
            const qsizetype take = qsizetype(qMin<qint64>(m_chunkLeft, buffer.size()));
            m_request.m_body.append(buffer.constData(), take);
            buffer.remove(0, take);
            m_chunkLeft -= take;
            if (m_chunkLeft > 0)
                return Step::NeedMore;
        }
        if (buffer.isEmpty())
            return Step::NeedMore;
        if (buffer.startsWith("\r\n")) {
            buffer.remove(0, 2);
        } else if (buffer.front() == '\n') {
            buffer.remove(0, 1);
        } else if (buffer.size() == 1 && buffer.front() == '\r') {
            return Step::NeedMore;
        } else {
            return fail(badRequest(QStringLiteral("malformed chunked body")));
        }
        m_state = State::ChunkSize;
    }
}

HttpParser::Step HttpParser::complete()
{
    m_state = State::Done;
    return Step::Request;
}

} // namespace hm::server::http
