#include "server/http/HttpStream.h"

#include "server/http/HttpConnection.h"

namespace hm::server::http {

HttpStream::HttpStream(HttpConnection *connection, qint64 length)
    : QObject(connection), m_connection(connection), m_remaining(length)
{}

bool HttpStream::wantsMore() const
{
    return m_open && m_connection->streamBacklog() < kHighWaterBytes;
}

void HttpStream::write(const QByteArray &piece)
{
    if (!m_open || piece.isEmpty())
        return;
    if (m_remaining < 0) {
        m_connection->streamWrite(
            m_connection->streamChunked()
                ? QByteArray(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n")
                : piece);
        return;
    }
    const qint64 taken = qMin(qint64(piece.size()), m_remaining);
    m_remaining -= taken;
    m_connection->streamWrite(taken == piece.size() ? piece : piece.first(taken));
    if (m_remaining == 0) {
        m_open = false;
        m_connection->streamDone(false);
        emit finished();
    }
}

void HttpStream::abort()
{
    if (!m_open)
        return;
    m_open = false;
    m_connection->streamDone(true);
}

void HttpStream::end()
{
    if (!m_open)
        return;
    if (m_remaining != -1)
        return abort();
    m_open = false;
    if (m_connection->streamChunked()) {
        m_connection->streamWrite(QByteArrayLiteral("0\r\n\r\n"));
        m_connection->streamDone(false);
    } else {
        // HTTP/1.0: the end of the connection ends the body.
        m_connection->streamDone(false, true);
    }
    emit finished();
}

void HttpStream::touch()
{
    if (m_open && m_remaining < 0)
        m_connection->streamTouch();
}

int HttpStream::duplicateDescriptor() const
{
    return m_open && m_remaining > 0 ? m_connection->streamDuplicateDescriptor() : -1;
}

void HttpStream::wroteDirectly(qint64 bytes)
{
    if (!m_open || bytes <= 0 || m_remaining < 0)
        return;
    m_remaining -= qMin(bytes, m_remaining);
    m_connection->streamWroteDirectly();
    if (m_remaining == 0) {
        m_open = false;
        m_connection->streamDone(false);
        emit finished();
    }
}

void HttpStream::close(bool wasCancelled)
{
    if (!m_open)
        return;
    m_open = false;
    if (wasCancelled)
        emit cancelled();
}

} // namespace hm::server::http
