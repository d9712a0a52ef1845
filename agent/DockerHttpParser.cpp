#include "agent/DockerHttpParser.h"

#include <QList>

namespace hm::agent {

DockerHttpParser::State DockerHttpParser::fail(const QString &why)
{
    m_failure = why;
    return m_state = State::Failed;
}

DockerHttpParser::State DockerHttpParser::feed(const QByteArray &bytes)
{
    if (m_state == State::Done || m_state == State::Failed)
        return m_state;
    m_pending += bytes;
    if (m_state == State::Head && parseHead() != State::Body)
        return m_state;
    return parseBody();
}

DockerHttpParser::State DockerHttpParser::finish()
{
    if (m_state == State::Body && !m_chunked && m_contentLength < 0)
        return m_state = State::Done;
    if (m_state == State::Head || m_state == State::Body)
        return fail(QStringLiteral("the Docker daemon closed the connection mid-response"));
    return m_state;
}

DockerHttpParser::State DockerHttpParser::parseHead()
{
    const qsizetype end = m_pending.indexOf("\r\n\r\n");
    if (end < 0)
        return m_pending.size() > kMaxHeadBytes
                   ? fail(QStringLiteral("the Docker daemon's response head is too large"))
                   : m_state;
    if (end > kMaxHeadBytes)
        return fail(QStringLiteral("the Docker daemon's response head is too large"));
    const QList<QByteArray> lines = m_pending.left(end).split('\n');
    m_pending.remove(0, end + 4);
    // "HTTP/1.1 200 OK"
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    bool ok = false;
    if (statusLine.size() >= 2 && statusLine.at(0).startsWith("HTTP/1."))
        m_status = statusLine.at(1).toInt(&ok);
    if (!ok || m_status < 100 || m_status > 599)
        return fail(QStringLiteral("the Docker daemon did not answer in HTTP"));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        m_headers.insert(line.left(colon).trimmed().toLower(),
                         QString::fromLatin1(line.mid(colon + 1).trimmed()));
    }
    m_chunked = m_headers.value("transfer-encoding").contains(QStringLiteral("chunked"),
                                                              Qt::CaseInsensitive);
    if (!m_chunked && m_headers.contains("content-length")) {
        m_contentLength = m_headers.value("content-length").toLongLong(&ok);
        if (!ok || m_contentLength < 0)
            return fail(QStringLiteral("the Docker daemon sent a bad Content-Length"));
    }
    // No body for these, whatever the headers say.
    if (m_status == 204 || m_status == 304 || (m_status >= 100 && m_status < 200))
        m_contentLength = 0;
    return m_state = State::Body;
}

DockerHttpParser::State DockerHttpParser::appendBody(const QByteArray &bytes)
{
    const qsizetype room = m_maxBody - m_body.size();
    if (bytes.size() > room) {
        m_body += bytes.left(room);
        m_truncated = true;
        return m_state = State::Done;
    }
    m_body += bytes;
    return m_state;
}

DockerHttpParser::State DockerHttpParser::parseBody()
{
    if (!m_chunked) {
        if (m_contentLength < 0) {
            appendBody(m_pending);
            m_pending.clear();
            return m_state;
        }
        const qint64 want = m_contentLength - m_bodyTaken - m_body.size();
        appendBody(m_pending.left(want));
        m_pending.clear();
        if (m_state == State::Body && m_bodyTaken + m_body.size() >= m_contentLength)
            m_state = State::Done;
        return m_state;
    }
    while (m_state == State::Body) {
        if (m_chunkLeft < 0) {
            const qsizetype eol = m_pending.indexOf("\r\n");
            if (eol < 0)
                return m_pending.size() > 1024
                           ? fail(QStringLiteral("the Docker daemon sent a bad chunk"))
                           : m_state;
            QByteArray sizeText = m_pending.left(eol);
            if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
                sizeText.truncate(semicolon); // chunk extensions
            bool ok = false;
            const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return fail(QStringLiteral("the Docker daemon sent a bad chunk"));
            m_pending.remove(0, eol + 2);
            if (size == 0)
                return m_state = State::Done; // trailers are not needed
            m_chunkLeft = size;
        }
        // The chunk's data, then its CRLF.
        if (m_chunkLeft > 0) {
            const QByteArray data = m_pending.left(m_chunkLeft);
            m_pending.remove(0, data.size());
            m_chunkLeft -= data.size();
            appendBody(data);
            if (m_chunkLeft > 0)
                return m_state;
        }
        if (m_state != State::Body)
            return m_state;
        if (m_pending.size() < 2)
            return m_state;
        if (!m_pending.startsWith("\r\n"))
            return fail(QStringLiteral("the Docker daemon sent a bad chunk"));
        m_pending.remove(0, 2);
        m_chunkLeft = -1;
    }
    return m_state;
}

} // namespace hm::agent
