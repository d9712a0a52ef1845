#pragma once

#include "server/http/HttpMethod.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <QVarLengthArray>
#include <optional>

namespace hm::server::http {

// One parsed HTTP/1.x request, as handlers see it. The accessors mirror
// QHttpServerRequest's (url(), query(), body(), method(), value(),
// remoteAddress()), so route code compiles unchanged. Headers are kept as
// spans into the raw head: nothing is copied for headers nobody asks for.
class HttpRequest
{
public:
    Method method() const { return m_method; }
    // The method as sent ("GET", "PURGE", ...).
    QByteArrayView methodText() const;
    // The request-target as sent: "/api/v1/x?a=b".
    QByteArrayView target() const;
    // 0 for HTTP/1.0, 1 for HTTP/1.1.
    int minorVersion() const { return m_minorVersion; }
    // Whether the client lets the connection stay open after the answer:
    // HTTP/1.1 unless "Connection: close", HTTP/1.0 only with
    // "Connection: keep-alive".
    bool keepAlive() const { return m_keepAlive; }

    // The path of the request-target as sent, still percent-encoded (the
    // router's key): origin-form up to its '?' or '#'; the path after the
    // authority of an absolute-form target ("/" when it has none); empty
    // for the other forms ("*", authority-form). Routes match it as sent
    // and decode their placeholder values only after matching, so that
    // "%2F" cannot make a new segment and "//host/x" is not "/x".
    const QString &path() const;
    // Whether path() is one a route may match: it starts with '/' and has
    // no empty segment ("//", a trailing '/' aside), no "." or ".." segment
    // (also percent-encoded) and no encoded '/' or '\' (%2F, %5C). A proxy
    // in front that matches path prefixes reads such paths differently.
    bool hasRoutablePath() const;
    // The request-target as a (relative) URL, built on first use: path and
    // query, no scheme or host.
    const QUrl &url() const;
    // The query, as QUrlQuery(url()) reads it (a plain one without the QUrl).
    QUrlQuery query() const;
    // query().queryItemValue(name, QUrl::FullyDecoded): the first value of
    // `name`, "" when absent. A plain query without percent escapes is read
    // in place (every trigger reads two parameters; the QUrlQuery cost ~2 %
    // of a trigger-and-wait request).
    QString queryValue(QLatin1StringView name) const;

    // Value of the first header called `name` (case-insensitive), joined
    // with ", " when the header occurs more than once; empty when absent.
    QByteArray value(QByteArrayView name) const;
    // The first value as a view into the head; empty when absent.
    QByteArrayView firstValue(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // All headers in sending order, names as sent.
    QList<QPair<QByteArray, QByteArray>> headers() const;

    const QByteArray &body() const { return m_body; }
    QHostAddress remoteAddress() const { return m_remoteAddress; }
    quint16 remotePort() const { return m_remotePort; }
    bool isSecure() const { return m_secure; }

    // The bytes of the request line and header block, line ends included
    // (what a WebSocket upgrade hands back to the socket).
    const QByteArray &rawHead() const { return m_head; }

private:
    friend class HttpParser;

    struct Span
    {
        qsizetype offset = 0;
        qsizetype size = 0;
    };
    struct Header
    {
        Span name;
        Span value;
    };

    QByteArrayView view(Span span) const
    {
        return QByteArrayView(m_head).sliced(span.offset, span.size);
    }

    QByteArray m_head;
    Span m_methodSpan;
    Span m_targetSpan;
    QVarLengthArray<Header, 16> m_headers;
    QByteArray m_body;
    Method m_method = Method::Unknown;
    int m_minorVersion = 1;
    bool m_keepAlive = true;
    QHostAddress m_remoteAddress;
    quint16 m_remotePort = 0;
    bool m_secure = false;
    mutable std::optional<QString> m_path;
    mutable std::optional<QUrl> m_url;
};

} // namespace hm::server::http
