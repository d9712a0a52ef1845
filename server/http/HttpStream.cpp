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

void HttpStream::close(bool wasCancelled)
{
    if (!m_open)
        return;
    m_open = false;
    if (wasCancelled)
        emit cancelled();
}

} // namespace hm::server::http
