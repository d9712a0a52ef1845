#include "server/http/HttpRequest.h"

#include <QLatin1StringView>

namespace hm::server::http {

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

// Whether QUrl would give back `path` unchanged as its decoded path: an
// origin-form path of printable ASCII without '%' (nothing to decode) that
// does not start with "//" (QUrl would read an authority there).
bool isPlainPath(QByteArrayView path)
{
    if (path.isEmpty() || path.front() != '/' || path.startsWith("//"))
        return false;
    for (const char c : path) {
        if (c <= ' ' || c >= 0x7f || c == '%')
            return false;
    }
    return true;
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

// A query of printable ASCII (percent escapes allowed): QUrlQuery reads it
// as sent exactly as it reads what QUrl::query() makes of it.
bool isPlainQuery(QByteArrayView query)
{
    for (const char c : query) {
        if (c <= ' ' || c >= 0x7f || c == '#')
            return false;
    }
    return true;
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
    if (m_path)
        return *m_path;
    // Every request's path is looked up in the route table: the common
    // plain path skips QUrl's parser; anything else gets exactly what
    // QUrl::path() (as QHttpServer used it) makes of it.
    QByteArrayView raw = target();
    const qsizetype end = pathEnd(raw);
    if (isPlainPath(raw.first(end)))
        m_path = QString::fromLatin1(raw.first(end));
    else // the target alone: a bad Host header cannot change the path
        m_path = QUrl::fromEncoded(raw.toByteArray()).path();
    return *m_path;
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
