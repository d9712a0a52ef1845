#include "server/http/HttpResponse.h"

#include "server/api/ApiEnvelope.h"

#include <QJsonDocument>
#include <charconv>
#include <cstring>

namespace hm::server::http {

HttpResponse HttpResponse::error(const Error &error)
{
    const QString requestId = newRequestId();
    HttpResponse response;
    response.status = error.httpStatus();
    response.contentType = QByteArrayLiteral("application/json");
    response.body = QJsonDocument(errorEnvelope(error, requestId)).toJson(QJsonDocument::Compact);
    response.headers.append({QByteArrayLiteral("X-Request-Id"), requestId.toLatin1()});
    return response;
}

QByteArrayView reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 422:
        return "Unprocessable Entity";
    case 423:
        return "Locked";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 507:
        return "Insufficient Storage";
    default:
        return {};
    }
}

QByteArray responseHead(const HttpResponse &response, qsizetype bodySize, bool close,
                        bool keepAlive10, qsizetype reserveExtra)
{
    // Built with memcpy into one buffer sized up front (QByteArray's +=
    // cost more than the rest of the answer): the head, and usually the
    // body after it, go to the socket in one write.
    // Status line, Content-Type, Content-Length and Connection lines with
    // their longest values: 134 bytes.
    qsizetype size = 160 + response.contentType.size();
    for (const auto &[name, value] : response.headers)
        size += name.size() + value.size() + 4;
    QByteArray head;
    head.reserve(size + reserveExtra);
    head.resize(size);
    char *const begin = head.data();
    char *out = begin;
    const auto put = [&out](QByteArrayView text) {
        if (text.isEmpty())
            return; // its data() may be null, which memcpy must not get
        std::memcpy(out, text.data(), size_t(text.size()));
        out += text.size();
    };
    const auto putNumber = [&out](qint64 number) {
        out = std::to_chars(out, out + 20, number).ptr;
    };
    put("HTTP/1.1 ");
    putNumber(response.status);
    *out++ = ' ';
    put(reasonPhrase(response.status));
    put("\r\n");
    if (!response.contentType.isEmpty()) {
        put("Content-Type: ");
        put(response.contentType);
        put("\r\n");
    }
    for (const auto &[name, value] : response.headers) {
        // A line break in a value would let it write headers of its own.
        if (value.contains('\n') || value.contains('\r'))
            continue;
        put(name);
        put(": ");
        put(value);
        put("\r\n");
    }
    if (bodySize == -1) {
        put("Transfer-Encoding: chunked\r\n");
    } else if (bodySize >= 0) {
        put("Content-Length: ");
        putNumber(bodySize);
        put("\r\n");
    }
    if (close)
        put("Connection: close\r\n");
    else if (keepAlive10)
        put("Connection: keep-alive\r\n");
    put("\r\n");
    head.truncate(out - begin);
    return head;
}

} // namespace hm::server::http
