#include "server/http/HttpTransports.h"

#include "common/Logging.h"
#include "server/http/HttpListener.h"

#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_LINUX
#include <array>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace hm::server::http {

namespace {

// What a QTcpSocket may hold unread while a request is being handled: past
// it, TCP's flow control holds the client back instead of our memory.
constexpr qint64 kReadBufferBytes = 1024 * 1024;

} // namespace

// --- SocketTransport --------------------------------------------------------

SocketTransport::SocketTransport(QTcpSocket *socket, QObject *parent)
    : HttpTransport(parent), m_socket(socket)
{
    socket->setParent(this);
    socket->setReadBufferSize(kReadBufferBytes);
    connect(socket, &QTcpSocket::readyRead, this, &HttpTransport::readyRead);
    connect(socket, &QTcpSocket::disconnected, this, &HttpTransport::disconnected);
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpTransport::bytesWritten);
}

qint64 SocketTransport::readInto(QByteArray &buffer)
{
    if (m_socket->bytesAvailable() <= 0)
        return 0;
    // One read of everything the socket has (QHttpServer 6.4 read request
    // heads one byte per call).
    const QByteArray bytes = m_socket->readAll();
    if (buffer.isEmpty())
        buffer = bytes;
    else
        buffer.append(bytes);
    return bytes.size();
}

bool SocketTransport::holdsUnread() const
{
    return m_socket->bytesAvailable() > 0;
}

void SocketTransport::write(const QByteArray &bytes)
{
    m_socket->write(bytes);
}

qint64 SocketTransport::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

bool SocketTransport::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

QHostAddress SocketTransport::peerAddress() const
{
    return m_socket->peerAddress();
}

quint16 SocketTransport::peerPort() const
{
    return m_socket->peerPort();
}

bool SocketTransport::isEncrypted() const
{
    const auto *ssl = qobject_cast<const QSslSocket *>(m_socket);
    return ssl && ssl->isEncrypted();
}

qint64 SocketTransport::skip(qint64 maxBytes)
{
    return m_socket->skip(maxBytes);
}

void SocketTransport::closeAfterWrite()
{
    // Sends what is still buffered, then closes.
    m_socket->disconnectFromHost();
}

void SocketTransport::abort()
{
    m_socket->abort();
}

QTcpSocket *SocketTransport::takeSocket(const QByteArray &replay)
{
    QTcpSocket *socket = m_socket;
    disconnect(socket, nullptr, this, nullptr);
    socket->setReadBufferSize(0);
    for (qsizetype i = replay.size() - 1; i >= 0; --i)
        socket->ungetChar(replay.at(i));
    socket->setParent(nullptr);
    return socket;
}

// --- DescriptorTransport ----------------------------------------------------

#ifdef Q_OS_LINUX

namespace {

// Read per call: a request head fits many times over; a larger body takes
// a few calls, each of which TCP refills meanwhile.
constexpr std::size_t kReadChunk = 64 * 1024;

} // namespace

DescriptorTransport::DescriptorTransport(int descriptor, QObject *parent)
    : HttpTransport(parent), m_fd(descriptor)
{
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    if (::getpeername(m_fd, reinterpret_cast<sockaddr *>(&peer), &length) == 0) {
        m_peerAddress = QHostAddress(reinterpret_cast<const sockaddr *>(&peer));
        if (peer.ss_family == AF_INET)
            m_peerPort = ntohs(reinterpret_cast<const sockaddr_in *>(&peer)->sin_port);
        else if (peer.ss_family == AF_INET6)
            m_peerPort = ntohs(reinterpret_cast<const sockaddr_in6 *>(&peer)->sin6_port);
    }
    m_readNotifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this,
            &DescriptorTransport::onReadable);
}

DescriptorTransport::~DescriptorTransport()
{
    m_readNotifier.reset();
    m_writeNotifier.reset();
    if (m_fd >= 0)
        ::close(m_fd);
}

void DescriptorTransport::onReadable()
{
    if (m_fd < 0)
        return;
    m_readAsked = false;
    emit readyRead();
    if (m_fd < 0 || m_readAsked || !m_readNotifier)
        return;
    // Nobody read (a request is being handled): the bytes wait in the
    // kernel and the notifier rests until the next readInto(), or the
    // level-triggered notifier would report them on every pass. One look
    // tells a peer that has gone (readable with nothing to read) from one
    // that sent more, so that a departure is noticed while its request
    // is still being handled, as with a QTcpSocket.
    char byte;
    const ssize_t peeked = ::recv(m_fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (peeked == 0 || (peeked < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
        closeNow();
        return;
    }
    m_readNotifier->setEnabled(false);
}

qint64 DescriptorTransport::readInto(QByteArray &buffer)
{
    m_readAsked = true;
    if (m_fd < 0 || m_closing)
        return 0;
    if (m_readNotifier && !m_readNotifier->isEnabled())
        m_readNotifier->setEnabled(true);
    // Read through one scratch area per thread, then appended exactly: the
    // parser lets go of its buffer after each request head, so reading
    // into it directly would allocate a whole chunk per request.
    thread_local std::array<char, kReadChunk> scratch;
    qint64 total = 0;
    for (;;) {
        ssize_t got;
        do {
            got = ::recv(m_fd, scratch.data(), scratch.size(), MSG_DONTWAIT);
        } while (got < 0 && errno == EINTR);
        if (got > 0) {
            buffer.append(scratch.data(), qsizetype(got));
            total += got;
            if (got == qint64(scratch.size()))
                continue; // there may be more
            return total;
        }
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return total;
        // The peer closed (0) or the connection failed.
        closeNow();
        return total;
    }
}

void DescriptorTransport::write(const QByteArray &bytes)
{
    if (m_fd < 0 || bytes.isEmpty())
        return;
    if (bytesToWrite() > 0) {
        // Behind what waits already, without the part sent meanwhile: a
        // streamed answer keeps appending while the client takes it, and
        // the sent part would otherwise stay until the queue ran dry.
        // (Removing at the front only moves QByteArray's start.)
        if (m_unsentOffset > 0) {
            m_unsent.remove(0, m_unsentOffset);
            m_unsentOffset = 0;
        }
        m_unsent.append(bytes);
        return;
    }
    ssize_t sent;
    do {
        sent = ::send(m_fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            closeNow();
            return;
        }
        sent = 0;
    }
    if (sent == bytes.size())
        return;
    m_unsent = bytes;
    m_unsentOffset = sent;
    if (!m_writeNotifier) {
        m_writeNotifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Write);
        connect(m_writeNotifier.get(), &QSocketNotifier::activated, this,
                &DescriptorTransport::onWritable);
    }
    m_writeNotifier->setEnabled(true);
}

void DescriptorTransport::onWritable()
{
    flush();
}

void DescriptorTransport::flush()
{
    while (m_fd >= 0 && bytesToWrite() > 0) {
        ssize_t sent;
        do {
            sent = ::send(m_fd, m_unsent.constData() + m_unsentOffset, size_t(bytesToWrite()),
                          MSG_NOSIGNAL | MSG_DONTWAIT);
        } while (sent < 0 && errno == EINTR);
        if (sent < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return; // the notifier stays on
            closeNow();
            return;
        }
        m_unsentOffset += sent;
    }
    if (m_fd < 0)
        return;
    m_unsent.clear();
    m_unsentOffset = 0;
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    emit bytesWritten();
    if (m_closing && m_fd >= 0)
        closeNow();
}

qint64 DescriptorTransport::skip(qint64 maxBytes)
{
    if (m_fd < 0 || maxBytes <= 0)
        return 0;
    QByteArray dropped;
    const qint64 got = readInto(dropped);
    // readInto reads whole chunks: what exceeds maxBytes is not the
    // caller's to drop, but nothing follows a refused body that anyone
    // reads (the connection closes after it).
    return qMin(got, maxBytes);
}

void DescriptorTransport::closeAfterWrite()
{
    if (m_fd < 0)
        return;
    m_closing = true;
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);
    if (bytesToWrite() == 0)
        closeNow();
}

void DescriptorTransport::abort()
{
    closeNow();
}

void DescriptorTransport::closeNow()
{
    if (m_fd < 0)
        return;
    m_readNotifier.reset();
    m_writeNotifier.reset();
    ::close(m_fd);
    m_fd = -1;
    m_unsent.clear();
    m_unsentOffset = 0;
    if (!m_disconnectQueued) {
        m_disconnectQueued = true;
        // Never from inside the caller's own call: HttpConnection may be in
        // the middle of a request when a read or write finds the peer gone.
        QMetaObject::invokeMethod(this, &HttpTransport::disconnected, Qt::QueuedConnection);
    }
}

QTcpSocket *DescriptorTransport::takeSocket(const QByteArray &replay)
{
    if (m_fd < 0)
        return nullptr;
    // A descriptor has one set of notifiers: ours go before the socket's.
    m_readNotifier.reset();
    m_writeNotifier.reset();
    const int fd = std::exchange(m_fd, -1);
    m_disconnectQueued = true; // spent: emits nothing more
    QTcpSocket *socket = adoptAcceptedSocket(fd);
    if (!socket)
        return nullptr;
    // Answers to earlier requests the client has not taken yet go first.
    if (bytesToWrite() > 0)
        socket->write(m_unsent.mid(m_unsentOffset));
    m_unsent.clear();
    m_unsentOffset = 0;
    for (qsizetype i = replay.size() - 1; i >= 0; --i)
        socket->ungetChar(replay.at(i));
    return socket;
}

int DescriptorTransport::duplicateDescriptor() const
{
    if (m_fd < 0 || m_closing)
        return -1;
    return ::fcntl(m_fd, F_DUPFD_CLOEXEC, 0);
}

int DescriptorTransport::releaseDescriptor()
{
    // Only a connection with nothing queued: what waits here would be lost.
    if (m_fd < 0 || m_closing || bytesToWrite() > 0)
        return -1;
    m_readNotifier.reset();
    m_writeNotifier.reset();
    m_disconnectQueued = true; // spent: emits nothing more
    return std::exchange(m_fd, -1);
}

#endif

} // namespace hm::server::http
