// FileDataSender with POSIX sockets: sendfile(2), or pread(2) and send(2)
// of large chunks (see FileDataSender.h and fleet/FileDataPath.h).

#include "agent/ConfinedFiles.h"
#include "agent/FileDataSender.h"
#include "fleet/StreamFrame.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <netdb.h>
#include <pthread.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <vector>

namespace hm::agent {

namespace {

// Connecting and the server's answer to the upgrade.
constexpr int kDataHandshakeSeconds = 10;
// A blocked send wakes up this often to look at cancel() (which also
// shuts the socket down: this is the backstop).
constexpr int kDataSendWakeSeconds = 1;
// Bytes per read (copies); the file's version is checked before each.
// Large: fewer system calls and wake-ups along the whole path (with these
// chunks and the server's relay ring at 1 MiB the download cost about a
// tenth more CPU per GiB than at 4 MiB). The buffer lives while a data
// connection sends: at most FileStreams::kMaxStreams of them.
constexpr qint64 kDataChunkBytes = 4 * 1024 * 1024;
// Bytes per sendfile(2) (zero copy), the version checked before each: no
// buffer, so the chunk only sets how often the version is looked at.
constexpr qint64 kSendfileChunkBytes = 1024 * 1024;
// The answer's head is short (a status line and two headers).
constexpr qsizetype kMaxAnswerHead = 8192;

QString dataErrno(const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what),
                                        QString::fromLocal8Bit(std::strerror(errno)));
}

// sendfile(2) takes no MSG_NOSIGNAL: a server that went away raises
// SIGPIPE at the sending thread, and the agent does not ignore SIGPIPE (the
// commands it starts would inherit that), so it would end the agent. While
// one lives, SIGPIPE is blocked on this thread; one raised meanwhile is
// taken back before the old mask returns (unless one was already pending,
// which is not ours to take).
class SigpipeBlocked
{
public:
    SigpipeBlocked()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        sigset_t pending;
        sigemptyset(&pending);
        m_wasPending = ::sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1;
        m_blocked = ::pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old) == 0;
    }
    ~SigpipeBlocked()
    {
        if (!m_blocked)
            return;
        if (!m_wasPending) {
            sigset_t pending;
            sigemptyset(&pending);
            if (::sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1) {
                const timespec now{};
                while (::sigtimedwait(&m_pipe, nullptr, &now) < 0 && errno == EINTR) {
                }
            }
        }
        ::pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }
    SigpipeBlocked(const SigpipeBlocked &) = delete;
    SigpipeBlocked &operator=(const SigpipeBlocked &) = delete;

private:
    sigset_t m_pipe;
    sigset_t m_old;
    bool m_wasPending = false;
    bool m_blocked = false;
};

void setSocketTimeouts(int fd, int seconds)
{
    timeval limit{};
    limit.tv_sec = seconds;
    (void)::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    (void)::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
}

} // namespace

bool FileDataSender::available()
{
    return true;
}

FileDataSender::FileDataSender(FileDataTarget target, fleet::FileDataPath path)
    : m_target(std::move(target)), m_path(path)
{}

FileDataSender::~FileDataSender()
{
    closeSocket();
}

void FileDataSender::cancel()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_cancelled = true;
    if (m_fd >= 0)
        ::shutdown(m_fd, SHUT_RDWR); // a blocked connect/recv/send returns
}

void FileDataSender::closeSocket()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

Status FileDataSender::connect()
{
    const QUrl &server = m_target.server;
    const QByteArray host = server.host(QUrl::FullyEncoded).toUtf8();
    const int port = server.port(80);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (const int failed =
            ::getaddrinfo(host.constData(), QByteArray::number(port).constData(), &hints, &found);
        failed != 0)
        return Error{
            ErrorCode::NetworkError,
            QStringLiteral("%1 cannot be resolved: %2")
                .arg(QString::fromUtf8(host), QString::fromLocal8Bit(gai_strerror(failed)))};
    QString lastError = QStringLiteral("no address");
    bool connected = false;
    for (addrinfo *address = found; address && !connected; address = address->ai_next) {
        const int fd = ::socket(address->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            lastError = dataErrno("socket");
            continue;
        }
        setSocketTimeouts(fd, kDataHandshakeSeconds);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_cancelled) {
                ::close(fd);
                break;
            }
            m_fd = fd;
        }
        if (::connect(fd, address->ai_addr, address->ai_addrlen) == 0) {
            connected = true;
        } else {
            lastError = dataErrno("connect");
            closeSocket();
        }
    }
    ::freeaddrinfo(found);
    if (!connected)
        return Error{ErrorCode::NetworkError,
                     QStringLiteral("no data connection to %1: %2")
                         .arg(server.toString(QUrl::RemoveUserInfo), lastError)};

    const QByteArray hostHeader =
        (host.contains(':') ? QByteArray('[' + host + ']') : host) + ':' + QByteArray::number(port);
    const QByteArray request =
        QByteArray("GET ") + hm::fleet::kFileDataPath + " HTTP/1.1\r\nHost: " + hostHeader +
        "\r\nConnection: Upgrade\r\nUpgrade: " + hm::fleet::kFileDataProtocol + "\r\n" +
        hm::fleet::kFileDataNodeHeader + ": " + m_target.nodeId.toUtf8() + "\r\n" +
        hm::fleet::kFileDataTokenHeader + ": " + m_target.token.toUtf8() + "\r\n\r\n";
    for (qsizetype done = 0; done < request.size();) {
        const ssize_t n =
            ::send(m_fd, request.constData() + done, size_t(request.size() - done), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Error{ErrorCode::NetworkError, dataErrno("sending the upgrade request")};
        done += n;
    }
    // The head, byte by byte up to its blank line: nothing may be read past
    // it (the server sends nothing more, but it is not ours to consume).
    QByteArray head;
    while (!head.endsWith("\r\n\r\n")) {
        if (head.size() >= kMaxAnswerHead)
            return Error{ErrorCode::NetworkError,
                         QStringLiteral("the server's answer to the data connection is too long")};
        char byte;
        const ssize_t n = ::recv(m_fd, &byte, 1, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Error{ErrorCode::NetworkError,
                         n == 0 ? QStringLiteral("the server closed the data connection")
                                : dataErrno("reading the upgrade answer")};
        head.append(byte);
    }
    if (!head.startsWith("HTTP/1.1 101 ")) {
        const QByteArray status = head.left(head.indexOf('\r'));
        return Error{ErrorCode::NetworkError,
                     QStringLiteral("the server refused the data connection: %1")
                         .arg(QString::fromLatin1(status))};
    }
    setSocketTimeouts(m_fd, kDataSendWakeSeconds);
    return {};
}

qint32 FileDataSender::send(const ConfinedReadFile &file, qint64 offset, const QString &version,
                            QString *why)
{
    QString reason;
    const qint32 code = m_path == fleet::FileDataPath::ZeroCopy
                            ? sendBySendfile(file, offset, version, &reason)
                            : sendByCopies(file, offset, version, &reason);
    if (why)
        *why = reason;
    closeSocket();
    return code;
}

qint32 FileDataSender::changedSince(const ConfinedReadFile &file, const QString &version,
                                    QString *why) const
{
    if (m_cancelled) {
        *why = QStringLiteral("cancelled");
        return fleet::kFileStreamFailed;
    }
    auto now = file.currentVersion();
    if (!now) {
        *why = now.error().message;
        return fleet::kFileStreamFailed;
    }
    if (*now != version) {
        *why = QStringLiteral("the file changed while it was streamed");
        return fleet::kFileStreamChanged;
    }
    return 0;
}

qint32 FileDataSender::sendByCopies(const ConfinedReadFile &file, qint64 offset,
                                    const QString &version, QString *why)
{
    const qint64 end = file.size();
    std::vector<char> chunk(size_t(qMin(kDataChunkBytes, qMax<qint64>(end - offset, 1))));
    while (offset < end) {
        if (const qint32 code = changedSince(file, version, why))
            return code;
        const ssize_t got =
            ::pread(file.descriptor(), chunk.data(),
                    size_t(qMin(qint64(chunk.size()), end - offset)), off_t(offset));
        if (got == 0) {
            *why = QStringLiteral("the file shrank");
            return fleet::kFileStreamChanged;
        }
        if (got < 0) {
            if (errno == EINTR)
                continue;
            *why = dataErrno("reading the file");
            return fleet::kFileStreamFailed;
        }
        for (ssize_t done = 0; done < got;) {
            if (m_cancelled) {
                *why = QStringLiteral("cancelled");
                return fleet::kFileStreamFailed;
            }
            const ssize_t n = ::send(m_fd, chunk.data() + done, size_t(got - done), MSG_NOSIGNAL);
            if (n > 0) {
                done += n;
                m_sent += n;
                continue;
            }
            if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
                continue; // the send timeout: look at cancel() again
            *why = dataErrno("sending the file");
            return fleet::kFileStreamFailed;
        }
        offset += got;
    }
    return fleet::kFileStreamComplete;
}

qint32 FileDataSender::sendBySendfile(const ConfinedReadFile &file, qint64 offset,
                                      const QString &version, QString *why)
{
    const qint64 end = file.size();
    const SigpipeBlocked noSigpipe;
    while (offset < end) {
        if (const qint32 code = changedSince(file, version, why))
            return code;
        off_t position = off_t(offset);
        const ssize_t n = ::sendfile(m_fd, file.descriptor(), &position,
                                     size_t(qMin(kSendfileChunkBytes, end - offset)));
        if (n > 0) {
            offset += n;
            m_sent += n;
            continue;
        }
        if (n == 0) {
            *why = QStringLiteral("the file shrank");
            return fleet::kFileStreamChanged;
        }
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
            continue; // the send timeout: look at cancel() again
        *why = dataErrno("sending the file");
        return fleet::kFileStreamFailed;
    }
    return fleet::kFileStreamComplete;
}

} // namespace hm::agent
