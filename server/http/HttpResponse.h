#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <functional>

namespace hm::server::http {

class HttpStream;

// One answer: status, body and its type, and further headers.
// Content-Length and Connection are the connection's business.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // A streamed body (HttpStream.h) instead of `body`: the head announces
    // streamLength bytes, then onStream gets the stream to write them to
    // (for HEAD, or a length of 0, one that is already complete). A
    // negative length with onStream: a body of unknown length (a log
    // followed live), sent chunked and ended by HttpStream::end().
    qint64 streamLength = -1;
    std::function<void(HttpStream *)> onStream;

    // The API's error envelope for `error` under a fresh request id (for
    // answers given before any route saw the request).
    static HttpResponse error(const Error &error);
};

// "OK", "Not Found", ...; empty for codes without a known phrase.
QByteArrayView reasonPhrase(int status);

// The status line and header block of `response` for a body of `bodySize`
// bytes (-1: "Transfer-Encoding: chunked" instead of a Content-Length;
// less: neither, the body ends with the connection), ending with the empty line. `close` adds "Connection: close",
// `keepAlive10` "Connection: keep-alive" (for HTTP/1.0 clients that asked).
QByteArray responseHead(const HttpResponse &response, qsizetype bodySize, bool close,
                        bool keepAlive10, qsizetype reserveExtra = 0);

} // namespace hm::server::http
