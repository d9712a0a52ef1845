#pragma once

// Real loopback TCP for tests and benches that drive sockets below Qt
// (sendfile(2), splice(2), a relay's descriptors): a listener on
// 127.0.0.1 at a port the kernel picks, and the two connected ends of one
// connection, each descriptor closed with its owner. A failure says which
// call failed and why, for a QVERIFY2:
//
//     auto pair = hm::test::loopbackSocketPair();
//     QVERIFY2(pair.error.isEmpty(), qPrintable(pair.error));
//
// POSIX only, as the tests using it are.

#include <QString>
#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace hm::test {

// One file descriptor, closed when its owner goes; release() hands it to
// whatever closes it itself (a relay, a thread that closes when done).
class OwnedFd
{
public:
    OwnedFd() = default;
    explicit OwnedFd(int fd) : m_fd(fd) {}
    OwnedFd(OwnedFd &&other) noexcept : m_fd(other.release()) {}
    OwnedFd &operator=(OwnedFd &&other) noexcept
    {
        if (this != &other)
            reset(other.release());
        return *this;
    }
    OwnedFd(const OwnedFd &) = delete;
    OwnedFd &operator=(const OwnedFd &) = delete;
    ~OwnedFd() { reset(); }

    int get() const { return m_fd; }
    bool isValid() const { return m_fd >= 0; }
    int release() { return std::exchange(m_fd, -1); }
    void reset(int fd = -1)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }

private:
    int m_fd = -1;
};

// "what(): why" for the errno of the call that just failed.
inline QString loopbackFailure(const char *what)
{
    return QString::fromLatin1(what) + QStringLiteral("(): ") + qt_error_string(errno);
}

// 127.0.0.1:`port`.
inline sockaddr_in loopbackAddress(quint16 port = 0)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    return address;
}

// A new close-on-exec socket connected to 127.0.0.1:`port`; invalid, with
// `error` (if given) saying why, when that failed.
inline OwnedFd connectToLoopback(quint16 port, QString *error = nullptr)
{
    OwnedFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const sockaddr_in address = loopbackAddress(port);
    if (!fd.isValid() ||
        ::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        if (error)
            *error = loopbackFailure(fd.isValid() ? "connect" : "socket");
        return {};
    }
    return fd;
}

// A TCP listener on 127.0.0.1 at a free port, with a backlog of one or
// more connections.
class LoopbackListener
{
public:
    // `receiveBuffer` > 0: the listener's SO_RCVBUF, set before listen(2)
    // so that the connections it accepts inherit it and their window stays
    // small from the handshake on.
    explicit LoopbackListener(int receiveBuffer = 0, int backlog = 1)
    {
        m_fd.reset(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        if (!m_fd.isValid()) {
            m_error = loopbackFailure("socket");
            return;
        }
        if (receiveBuffer > 0 && ::setsockopt(m_fd.get(), SOL_SOCKET, SO_RCVBUF, &receiveBuffer,
                                              sizeof receiveBuffer) != 0) {
            m_error = loopbackFailure("setsockopt(SO_RCVBUF)");
            return;
        }
        sockaddr_in address = loopbackAddress();
        socklen_t length = sizeof address;
        if (::bind(m_fd.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            m_error = loopbackFailure("bind");
        else if (::listen(m_fd.get(), backlog) != 0)
            m_error = loopbackFailure("listen");
        else if (::getsockname(m_fd.get(), reinterpret_cast<sockaddr *>(&address), &length) != 0)
            m_error = loopbackFailure("getsockname");
        else
            m_port = ntohs(address.sin_port);
        if (!m_error.isEmpty())
            m_fd.reset();
    }

    bool isListening() const { return m_fd.isValid(); }
    // Empty while listening.
    const QString &error() const { return m_error; }
    int fd() const { return m_fd.get(); }
    // 0 when not listening.
    quint16 port() const { return m_port; }

    // Waits for the next connection: its accepted end (close-on-exec), or
    // invalid (errno set) when accept4(2) failed, say after shutdown().
    OwnedFd accept() const
    {
        return OwnedFd(::accept4(m_fd.get(), nullptr, nullptr, SOCK_CLOEXEC));
    }
    // Wakes an accept() waiting on another thread (it fails).
    void shutdown() const
    {
        if (m_fd.isValid())
            ::shutdown(m_fd.get(), SHUT_RDWR);
    }

private:
    OwnedFd m_fd;
    quint16 m_port = 0;
    QString m_error;
};

// Both ends of one loopback TCP connection; the listener is gone again.
struct LoopbackSocketPair
{
    OwnedFd connecting;
    OwnedFd accepted;
    QString error; // empty: both ends are connected
};

// `acceptedReceiveBuffer` > 0: the accepted end's SO_RCVBUF (see
// LoopbackListener).
inline LoopbackSocketPair loopbackSocketPair(int acceptedReceiveBuffer = 0)
{
    LoopbackSocketPair pair;
    const LoopbackListener listener(acceptedReceiveBuffer);
    if (!listener.isListening()) {
        pair.error = listener.error();
        return pair;
    }
    // The backlog takes the connection before anyone accepts it.
    pair.connecting = connectToLoopback(listener.port(), &pair.error);
    if (!pair.connecting.isValid())
        return pair;
    pair.accepted = listener.accept();
    if (!pair.accepted.isValid()) {
        pair.error = loopbackFailure("accept4");
        pair.connecting.reset();
    }
    return pair;
}

} // namespace hm::test
