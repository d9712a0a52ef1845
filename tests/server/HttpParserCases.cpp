// Vectors for TestHttpParser, in a file of their own: moc misreads raw
// strings with backslashes in a file it scans.

#include "HttpParserCases.h"

#include <QAnyStringView>
#include <initializer_list>

namespace hm::test {

namespace {

const QString kBad = QStringLiteral("error 400 BAD_REQUEST");
const QString kTooLarge = QStringLiteral("error 413 PAYLOAD_TOO_LARGE");

QByteArray post(const QByteArray &framing, const QByteArray &body)
{
    return "POST /x HTTP/1.1\r\nHost: h\r\n" + framing + "\r\n" + body;
}

QByteArray chunked(const QByteArray &body)
{
    return post("Transfer-Encoding: chunked\r\n", body);
}

// A head with `headers` after the request line.
QByteArray get(const QByteArray &headers, const QByteArray &version = "HTTP/1.1")
{
    return "GET /x " + version + "\r\n" + headers + "\r\n";
}

} // namespace

std::vector<ParserVector> httpParserVectors()
{
    std::vector<ParserVector> rows;
    // Expected entries as QAnyStringView: literals and the QStrings above.
    const auto row = [&](const char *name, const QByteArray &bytes,
                         std::initializer_list<QAnyStringView> expected) {
        QStringList entries;
        for (const QAnyStringView entry : expected)
            entries.append(entry.toString());
        rows.push_back({name, bytes, entries});
    };
    const QString getX = QStringLiteral("GET /x keep-alive");
    const QString postHello = QStringLiteral("POST /x keep-alive body=hello");

    // Well-formed requests.
    row("simple GET", get("Host: h\r\n"), {getX});
    row("HTTP/1.0 without Host", get({}, "HTTP/1.0"), {"GET /x close"});
    row("HTTP/1.0 keep-alive", get("Connection: keep-alive\r\n", "HTTP/1.0"),
        {"GET /x keep-alive"});
    row("HTTP/1.0 keep-alive and close", get("Connection: keep-alive, close\r\n", "HTTP/1.0"),
        {"GET /x close"});
    row("Connection close", get("Host: h\r\nConnection: close\r\n"), {"GET /x close"});
    // Repeated Connection lines are one list: the later keep-alive does not
    // undo the close.
    row("repeated Connection joined",
        get("Host: h\r\nConnection: close\r\nConnection: keep-alive\r\n"), {"GET /x close"});
    row("repeated Connection, close last",
        get("Host: h\r\nConnection: keep-alive\r\nConnection: close\r\n"), {"GET /x close"});
    row("repeated Connection 1.0 joined",
        get("Connection: keep-alive\r\nConnection: close\r\n", "HTTP/1.0"), {"GET /x close"});
    row("Content-Length body", post("Content-Length: 5\r\n", "hello"), {postHello});
    row("chunked body", chunked("2\r\nhe\r\n3\r\nllo\r\n0\r\n\r\n"), {postHello});
    row("chunked upper-case hex", chunked("A\r\nhellohello\r\n0\r\n\r\n"),
        {"POST /x keep-alive body=hellohello"});
    row("chunked leading zeros", chunked("0005\r\nhello\r\n0000\r\n\r\n"), {postHello});
    row("Transfer-Encoding in capitals",
        post("Transfer-Encoding: CHUNKED\r\n", "5\r\nhello\r\n0\r\n\r\n"), {postHello});
    row("chunk extensions", chunked("5;a;b\r\nhello\r\n0;last=\"q ; s\"\r\n\r\n"), {postHello});
    row("chunk extension with a token value", chunked("5;a=b\r\nhello\r\n0;c=d\r\n\r\n"),
        {postHello});
    row("chunk extension obs-text in quotes", chunked("5;a=\"\xe9\"\r\nhello\r\n0\r\n\r\n"),
        {postHello});
    row("chunked trailers", chunked("5\r\nhello\r\n0\r\nX-Checksum: 1\r\nX-B: 2\r\n\r\n"),
        {postHello});
    row("chunked with Expect",
        post("Expect: 100-continue\r\nTransfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\r\n\r\n"),
        {postHello});
    row("body bytes kept as sent", post("Content-Length: 4\r\n", QByteArray("a\0\r\n", 4)),
        {"POST /x keep-alive body=a\\x00\\x0d\\x0a"});
    row("extensions just under the cap",
        chunked("1;a=" + QByteArray(2000, 'x') + "\r\nh\r\n4;b=" + QByteArray(2000, 'y') +
                "\r\nello\r\n0\r\n\r\n"),
        {postHello});
    row("pipelined requests",
        get("Host: h\r\n") + post("Content-Length: 5\r\n", "hello") + chunked("0\r\n\r\n") +
            get("Host: h\r\nConnection: close\r\n"),
        {getX, postHello, "POST /x keep-alive", "GET /x close"});
    row("one empty line before the request", "\r\n" + get("Host: h\r\n"), {getX});
    row("empty lines before the request", QByteArray("\r\n").repeated(4) + get("Host: h\r\n"),
        {getX});
    row("CRLF after a body", post("Content-Length: 5\r\n", "hello\r\n"), {postHello, "incomplete"});
    row("absolute-form target",
        "GET http://example.com:8080/api/v1/health?x=1 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n",
        {"GET http://example.com:8080/api/v1/health?x=1 path=/api/v1/health keep-alive"});
    row("absolute-form without path",
        "GET http://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n",
        {"GET http://example.com path=/ keep-alive"});
    row("query in the target", "GET /x?a=%0A HTTP/1.1\r\nHost: h\r\n\r\n",
        {"GET /x?a=%0A path=/x keep-alive"});
    row("path kept encoded", "GET /a%2Fb//c HTTP/1.1\r\nHost: h\r\n\r\n",
        {"GET /a%2Fb//c keep-alive"});
    row("asterisk-form", "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n", {"OPTIONS * path= keep-alive"});
    row("empty Host", get("Host:\r\n"), {getX});
    row("IPv6 Host with port", get("Host: [::1]:8080\r\n"), {getX});
    row("unknown method", "PURGE /x HTTP/1.1\r\nHost: h\r\n\r\n", {"PURGE /x keep-alive"});
    // What follows a CONNECT head is another protocol to llhttp: the
    // connection closes after the answer (what the parser reads after it
    // is never handled).
    row("CONNECT closes", "CONNECT h:443 HTTP/1.1\r\nHost: h:443\r\n\r\n" + get("Host: h\r\n"),
        {"CONNECT h:443 path= close", getX});
    row("tab and obs-text in a value", get("Host: h\r\nX-A: a\tb \xe9\r\n"), {getX});
    row("incomplete head", "GET /x HTTP/1.1\r\nHost: h\r\n", {"incomplete"});
    row("incomplete body", post("Content-Length: 5\r\n", "hel"), {"incomplete"});
    row("incomplete chunked body", chunked("5\r\nhello\r\n"), {"incomplete"});
    row("incomplete trailers", chunked("0\r\nX-A: 1\r\n"), {"incomplete"});

    // Line ends: CRLF only, everywhere outside body data (llhttp 8 takes a
    // bare LF, and after the head a bare CR, as a line end in places).
    row("bare LF ends head lines", "GET /x HTTP/1.1\nHost: h\n\n", {kBad});
    row("bare LF after the request line", "GET /x HTTP/1.1\nHost: h\r\n\r\n", {kBad});
    row("bare LF ending the head", get("Host: h\r\n").chopped(2) + "\n", {kBad});
    row("bare LF before the request", "\n" + get("Host: h\r\n"), {kBad});
    row("bare LF among empty lines first", "\r\n\n\r\n" + get("Host: h\r\n"), {kBad});
    row("bare CR ending the head", get("Host: h\r\n").chopped(2) + "\r" + get("Host: h\r\n"),
        {kBad});
    row("bare CR ending the trailers", chunked("0\r\n\r") + get("Host: h\r\n"), {kBad});
    row("bare CR after a header", get("Host: h\rX-A: 1\r\n"), {kBad});

    // Host (RFC 9112 3.2).
    row("HTTP/1.1 without Host", get({}), {kBad});
    row("two Host headers", get("Host: a\r\nHost: a\r\n"), {kBad});
    row("two Host headers in HTTP/1.0", get("Host: a\r\nHost: b\r\n", "HTTP/1.0"), {kBad});
    row("Host with a path", get("Host: evil.example/x\r\n"), {kBad});
    row("Host with user info", get("Host: user@evil.example\r\n"), {kBad});
    row("Host with a space", get("Host: a b\r\n"), {kBad});

    // Framing that two parsers could read two ways.
    row("chunked twice in one header",
        post("Transfer-Encoding: chunked, chunked\r\n", "5\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("chunked twice in two headers",
        post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
             "5\r\nhello\r\n0\r\n\r\n"),
        {kBad});
    row("chunked with an empty element", post("Transfer-Encoding: chunked,\r\n", "0\r\n\r\n"),
        {kBad});
    row("Content-Length then Transfer-Encoding",
        post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\nhello"), {kBad});
    row("Transfer-Encoding then Content-Length",
        post("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "0\r\n\r\nhello"), {kBad});
    row("gzip coding", post("Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n"), {kBad});
    row("identity coding", post("Transfer-Encoding: identity\r\n", {}), {kBad});
    row("chunked in HTTP/1.0", "POST /x HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        {kBad});
    row("space before the colon", post("Transfer-Encoding : chunked\r\n", "0\r\n\r\n"), {kBad});
    // llhttp refuses any repeated Content-Length, equal values too (RFC
    // 9110 8.6 lets a recipient reject them).
    row("same Content-Length twice", post("Content-Length: 5\r\nContent-Length: 5\r\n", "hello"),
        {kBad});
    row("two different lengths", post("Content-Length: 5\r\nContent-Length: 6\r\n", "hello!"),
        {kBad});
    row("length list", post("Content-Length: 5, 5\r\n", "hello"), {kBad});
    row("signed length", post("Content-Length: +5\r\n", "hello"), {kBad});
    row("length too large", post("Content-Length: 20000000\r\n", {}), {kTooLarge});
    row("length beyond 18 digits", post("Content-Length: 1234567890123456789012\r\n", {}),
        {kTooLarge});
    row("obs-fold", get("Host: h\r\nX-A: 1\r\n 2\r\n"), {kBad});
    row("obs-fold with a tab", get("Host: h\r\nX-A: 1\r\n\t2\r\n"), {kBad});
    row("NUL in a value", get("Host: h\r\nX-A: a" + QByteArray(1, '\0') + "b\r\n"), {kBad});
    row("CR in a value", get("Host: h\r\nX-A: a\rb\r\n"), {kBad});
    row("CR at a value's end", get("Host: h\r\nX-A: ab\r\r\n"), {kBad});
    row("control in a value", get("Host: h\r\nX-A: a\x01z\r\n"), {kBad});
    row("raw UTF-8 in the target", "GET /x?name=\xe7\xb9\x81 HTTP/1.1\r\nHost: h\r\n\r\n", {kBad});
    row("space in a header name", get("Host: h\r\nBad Name: 1\r\n"), {kBad});
    row("DEL in the target", "GET /x\x7f HTTP/1.1\r\nHost: h\r\n\r\n", {kBad});
    row("empty header name", get("Host: h\r\n: x\r\n"), {kBad});
    row("no colon", get("Host: h\r\nNoColon\r\n"), {kBad});
    row("head over 64 KiB", get("Host: h\r\nX-Big: " + QByteArray(70000, 'a') + "\r\n"), {kBad});
    row("lower-case version", "GET /x http/1.1\r\nHost: h\r\n\r\n", {kBad});
    row("HTTP/2.0", "GET /x HTTP/2.0\r\nHost: h\r\n\r\n", {kBad});
    row("double space", "GET  /x HTTP/1.1\r\nHost: h\r\n\r\n", {kBad});
    row("double space before the version", "GET /x  HTTP/1.1\r\nHost: h\r\n\r\n", {kBad});
    row("HTTP/0.9", "GET /x HTTP/0.9\r\nHost: h\r\n\r\n", {kBad});
    // llhttp knows the methods of its table only (RFC 9110's and WebDAV's,
    // PURGE among them).
    row("method llhttp does not know", "FROB /x HTTP/1.1\r\nHost: h\r\n\r\n", {kBad});
    row("tab in the request line", "GET\t/x HTTP/1.1\r\nHost: h\r\n\r\n", {kBad});
    row("too many empty lines first", QByteArray("\r\n").repeated(5) + get("Host: h\r\n"), {kBad});
    row("lone CR before the request", "\rGET /x HTTP/1.1\r\nHost: h\r\n\r\n", {kBad});
    row("error ends the stream", get({}) + get("Host: h\r\n"), {kBad});
    row("request before an error", get("Host: h\r\n") + get("Host: a\r\nHost: b\r\n"),
        {getX, kBad});

    // Chunked framing: CRLF only, strict sizes and extensions.
    row("bare LF after a chunk size", chunked("5\nhello\r\n0\r\n\r\n"), {kBad});
    row("bare LF after chunk data", chunked("5\r\nhello\n0\r\n\r\n"), {kBad});
    row("bare LF after the last chunk", chunked("5\r\nhello\r\n0\n\r\n"), {kBad});
    row("bare LF ending the trailers", chunked("5\r\nhello\r\n0\r\n\n"), {kBad});
    row("bare LF after a trailer", chunked("0\r\nX-A: 1\n\r\n"), {kBad});
    row("bare LF in a chunk extension", chunked("5;a\nb\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("bare CR in a chunk extension", chunked("5;a\rb\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("CR without LF after chunk data", chunked("5\r\nhello\rX\r\n0\r\n\r\n"), {kBad});
    row("data longer than its size", chunked("3\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("chunk size not hex", chunked("zz\r\nabc\r\n0\r\n\r\n"), {kBad});
    row("chunk size with a leading space", chunked(" 5\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("chunk size with a trailing space", chunked("5 \r\nhello\r\n0\r\n\r\n"), {kBad});
    row("chunk size with 0x", chunked("0x5\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("signed chunk size", chunked("+5\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("empty chunk size", chunked("\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("chunk size overflowing", chunked("10000000000000005\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("chunk over the body limit", chunked("a00001\r\n"), {kTooLarge});
    // llhttp 8.1 refuses these valid extensions: a name after a valued
    // extension, a quoted-pair, whitespace around ';' and '='. Refusing is
    // the safe side; no client this server knows sends extensions.
    row("extension after a valued one", chunked("5;a=b;c\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("quoted-pair in an extension", chunked("5;a=\"q \\\" s\"\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("chunk extensions with BWS", chunked("5 ;\ta = b ; c=\"d\"\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("extension without a name", chunked("5;\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("extension without a value", chunked("5;a=\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("extension with a space in its value", chunked("5;a=b c\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("extension without a semicolon", chunked("5a=b\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("extension with trailing whitespace", chunked("5;a \r\nhello\r\n0\r\n\r\n"), {kBad});
    row("unterminated quoted extension", chunked("5;a=\"b\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("control in a quoted extension", chunked("5;a=\"\x01\"\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("NUL in an extension", chunked("5;a" + QByteArray(1, '\0') + "\r\nhello\r\n0\r\n\r\n"),
        {kBad});
    row("huge extension in one chunk",
        chunked("5;a=" + QByteArray(5000, 'x') + "\r\nhello\r\n0\r\n\r\n"), {kBad});
    row("extensions over the cap in total",
        chunked("1;a=" + QByteArray(1500, 'x') + "\r\nh\r\n1;a=" + QByteArray(1500, 'x') +
                "\r\ne\r\n3;a=" + QByteArray(1500, 'x') + "\r\nllo\r\n0\r\n\r\n"),
        {kBad});
    row("folded trailer", chunked("0\r\nX-A: 1\r\n 2\r\n\r\n"), {kBad});
    row("malformed trailer", chunked("0\r\nnot a trailer\r\n\r\n"), {kBad});
    row("control in a trailer", chunked("0\r\nX-A: \x01\r\n\r\n"), {kBad});
    row("trailers over 64 KiB", chunked("0\r\nX-A: " + QByteArray(70000, 't') + "\r\n\r\n"),
        {kBad});
    return rows;
}

} // namespace hm::test
