#include "server/http/HttpRequest.h"

#include <QLatin1StringView>

namespace hm::server::http {

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

// Where the path of an origin-form target ends: its '?' or '#', or the end.
qsizetype pathEnd(QByteArrayView target)
{
    for (qsizetype i = 0; i < target.size(); ++i) {
        if (target[i] == '?' || target[i] == '#')
            return i;
    }
    return target.size();
}

// A query of printable ASCII whose every '%' starts an escape: QUrlQuery
// reads it as sent exactly as it reads what QUrl::query() makes of it. A
// stray '%' (not followed by two hex digits) is not plain: QUrl's tolerant
// parsing then takes every '%' of the query literally ("%3D" stays "%3D").
bool isPlainQuery(QByteArrayView query)
{
    const auto isHex = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    for (qsizetype i = 0; i < query.size(); ++i) {
        const char c = query[i];
        if (c <= ' ' || c >= 0x7f || c == '#')
            return false;
        if (c == '%' && (i + 2 >= query.size() || !isHex(query[i + 1]) || !isHex(query[i + 2])))
            return false;
    }
    return true;
}

// The path of `target` as sent (see HttpRequest::path()).
QByteArrayView rawPathOf(QByteArrayView target)
{
    if (target.startsWith('/'))
        return target.first(pathEnd(target));
    // absolute-form: scheme "://" authority path-abempty [ "?" query ]
    const qsizetype schemeEnd = target.indexOf("://");
    if (schemeEnd <= 0)
        return {};
    for (const char c : target.first(schemeEnd)) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        if (!ok)
            return {};
    }
    const QByteArrayView rest = target.sliced(schemeEnd + 3);
    const qsizetype end = pathEnd(rest);
    const qsizetype slash = rest.first(end).indexOf('/');
    if (slash < 0)
        return QByteArrayView("/");
    return rest.sliced(slash, end - slash);
}

// A segment "." or "..", its dots possibly percent-encoded ("%2e").
bool isDotSegment(QByteArrayView segment)
{
    int dots = 0;
    for (qsizetype i = 0; i < segment.size(); ++i) {
        if (segment[i] == '.') {
            ++dots;
        } else if (segment[i] == '%' && i + 2 < segment.size() && segment[i + 1] == '2' &&
                   (segment[i + 2] == 'e' || segment[i + 2] == 'E')) {
            ++dots;
            i += 2;
        } else {
            return false;
        }
    }
    return dots == 1 || dots == 2;
}

// Whether a segment holds '/' or '\' percent-encoded, in either case.
bool hasEncodedSeparator(QByteArrayView segment)
{
    for (qsizetype i = 0; i + 2 < segment.size(); ++i) {
        if (segment[i] != '%')
            continue;
        const char high = segment[i + 1];
        const char low = char(segment[i + 2] & ~0x20); // 'f' -> 'F'
        if ((high == '2' && low == 'F') || (high == '5' && low == 'C'))
            return true;
    }
    return false;
}

} // namespace

QByteArrayView HttpRequest::methodText() const
{
    return view(m_methodSpan);
}

QByteArrayView HttpRequest::target() const
{
    return view(m_targetSpan);
}

const QString &HttpRequest::path() const
{
    // Every request's path is looked up in the route table: built once,
    // without QUrl (which would read "//host/x" as an authority and decode
    // "%2F" into a separator).
    if (!m_path)
        m_path = QString::fromLatin1(rawPathOf(target()));
    return *m_path;
}

bool HttpRequest::hasRoutablePath() const
{
    const QByteArrayView path = rawPathOf(target());
    if (!path.startsWith('/'))
        return false;
    // A trailing '/' (an empty last segment) is left to the routes: none
    // of them ends in one, so such a path finds none.
    if (path.size() == 1)
        return true;
    const QByteArrayView inner = path.endsWith('/') ? path.sliced(1).chopped(1) : path.sliced(1);
    qsizetype start = 0;
    while (start <= inner.size()) {
        qsizetype slash = inner.indexOf('/', start);
        if (slash < 0)
            slash = inner.size();
        const QByteArrayView segment = inner.sliced(start, slash - start);
        if (segment.isEmpty() || isDotSegment(segment) || hasEncodedSeparator(segment))
            return false;
        start = slash + 1;
    }
    return true;
}

const QUrl &HttpRequest::url() const
{
    // The target alone, as a relative URL: handlers read its path and
    // query. Folding in scheme and Host (as QHttpServer did) cost as much
    // again per request and nothing read them; header("Host") has it.
    if (!m_url)
        m_url = QUrl::fromEncoded(target().toByteArray());
    return *m_url;
}

QUrlQuery HttpRequest::query() const
{
    // Most list routes and every trigger read the query: the plain one is
    // read as sent, without building the QUrl.
    const QByteArrayView raw = target();
    const qsizetype end = pathEnd(raw);
    if (end == raw.size())
        return {};
    const QByteArrayView query = raw.sliced(end + 1);
    if (raw[end] == '?' && isPlainQuery(query))
        return QUrlQuery(QString::fromLatin1(query));
    return QUrlQuery(url().query());
}

QString HttpRequest::queryValue(QLatin1StringView name) const
{
    const QByteArrayView raw = target();
    const qsizetype end = pathEnd(raw);
    if (end == raw.size() || raw[end] != '?')
        return {};
    const QByteArrayView text = raw.sliced(end + 1);
    // Without '%' nothing decodes: every item reads as sent.
    if (!isPlainQuery(text) || text.contains('%'))
        return query().queryItemValue(QString(name), QUrl::FullyDecoded);
    const QByteArrayView wanted(name.data(), name.size());
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype next = text.indexOf('&', start);
        if (next < 0)
            next = text.size();
        const QByteArrayView item = text.sliced(start, next - start);
        const qsizetype equals = item.indexOf('=');
        if ((equals < 0 ? item : item.first(equals)) == wanted)
            return equals < 0 ? QString() : QString::fromLatin1(item.sliced(equals + 1));
        start = next + 1;
    }
    return {};
}

QByteArrayView HttpRequest::firstValue(QByteArrayView name) const
{
    for (const Header &header : m_headers) {
        if (sameName(view(header.name), name))
            return view(header.value);
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const Header &header : m_headers) {
        if (sameName(view(header.name), name))
            return true;
    }
    return false;
}

QByteArray HttpRequest::value(QByteArrayView name) const
{
    QByteArray result;
    bool found = false;
    for (const Header &header : m_headers) {
        if (!sameName(view(header.name), name))
            continue;
        if (found)
            result += ", ";
        result += view(header.value);
        found = true;
    }
    return result;
}

QList<QPair<QByteArray, QByteArray>> HttpRequest::headers() const
{
    QList<QPair<QByteArray, QByteArray>> result;
    result.reserve(m_headers.size());
    for (const Header &header : m_headers)
        result.append({view(header.name).toByteArray(), view(header.value).toByteArray()});
    return result;
}

} // namespace hm::server::http
