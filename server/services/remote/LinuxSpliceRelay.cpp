// ByteRelay with splice(2): source socket → pipe → sink socket, the bytes
// staying in the kernel (page references on loopback). The moving runs on
// a thread of the relay's own, blocking in poll(2) while it waits: on the
// server thread a steady stream never let the pump return to the event
// loop (it loops while anything moves), so one large download held up
// every other request of that thread for as long as it flowed.
// progressed() and ended() are still emitted on the thread that owns the
// relay (queued), in order.

#include "server/services/remote/ByteRelay.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace hm::server::remote {

namespace {

// The pipe between the sockets: about what one splice moves. 1 MiB is the
// default /proc/sys/fs/pipe-max-size; a smaller pipe (the limit lowered)
// only means more system calls.
constexpr int kSplicePipeBytes = 1024 * 1024;
// progressed() at least this often (in bytes) while the bytes flow, and
// whenever the relay waits: each one touches the client connection's idle
// clock.
constexpr qint64 kSpliceReportBytes = 8 * 1024 * 1024;

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

class LinuxSpliceRelay final : public ByteRelay
{
public:
    LinuxSpliceRelay(int source, int sink, qint64 length)
        : m_source(source), m_sink(sink), m_length(length)
    {}

    ~LinuxSpliceRelay() override { closeAll(); }

    void start() override
    {
        if (::pipe2(m_pipe, O_NONBLOCK | O_CLOEXEC) != 0)
            return finishNow(QStringLiteral("no pipe for the relay: %1").arg(errnoText()));
        (void)::fcntl(m_pipe[1], F_SETPIPE_SZ, kSplicePipeBytes);
        // SPLICE_F_NONBLOCK covers the pipe only: a socket end blocks as
        // its descriptor does, and the HTTP transport's sockets are
        // blocking ones used with MSG_DONTWAIT. A blocked splice would hang
        // the relay's thread while a client does not read, and stop()
        // with it (found by TestStreamRevocation: a paused download hung
        // the server). The flag is the open socket's, shared with the
        // transport's descriptor, which only ever asks with MSG_DONTWAIT.
        for (const int descriptor : {m_source, m_sink}) {
            const int flags = ::fcntl(descriptor, F_GETFL);
            if (flags < 0 || ::fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) != 0)
                return finishNow(QStringLiteral("cannot make the relay's sockets non-blocking: %1")
                                     .arg(errnoText()));
        }
        m_wake = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (m_wake < 0)
            return finishNow(QStringLiteral("no wake-up for the relay: %1").arg(errnoText()));
        m_worker = std::thread([this] { run(); });
    }

    void stop() override { closeAll(); }
    qint64 moved() const override { return m_pushed.load(); }

private:
    // The relay's thread: moves until done, failed or stopped.
    void run()
    {
        qint64 pulled = 0; // from the source into the pipe
        qint64 inPipe = 0;
        qint64 unreported = 0;
        bool sourceEnded = false;
        for (;;) {
            bool sourceDry = false; // nothing to read right now (or the pipe is full)
            bool sinkFull = false;
            bool moved = false;
            if (!sourceEnded && pulled < m_length) {
                const ssize_t n =
                    ::splice(m_source, nullptr, m_pipe[1], nullptr,
                             size_t(qMin<qint64>(m_length - pulled, kSplicePipeBytes)),
                             SPLICE_F_NONBLOCK | SPLICE_F_MOVE);
                if (n > 0) {
                    pulled += n;
                    inPipe += n;
                    moved = true;
                } else if (n == 0) {
                    sourceEnded = true;
                } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
                    sourceDry = true;
                } else if (errno != EINTR) {
                    // A reset from the agent: what it sent is short.
                    sourceEnded = true;
                }
            }
            const qint64 pushed = m_pushed.load();
            if (inPipe > 0) {
                const bool more = pushed + inPipe < m_length;
                const ssize_t n =
                    ::splice(m_pipe[0], nullptr, m_sink, nullptr, size_t(inPipe),
                             SPLICE_F_NONBLOCK | SPLICE_F_MOVE | (more ? SPLICE_F_MORE : 0));
                if (n > 0) {
                    inPipe -= n;
                    m_pushed += n;
                    unreported += n;
                    moved = true;
                } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                    sinkFull = true;
                } else if (n < 0 && errno != EINTR) {
                    return post(std::exchange(unreported, 0),
                                QStringLiteral("the client's connection failed: %1")
                                    .arg(errnoText()),
                                true);
                }
            }
            if (m_pushed.load() >= m_length)
                return post(std::exchange(unreported, 0), {}, true);
            if (sourceEnded && inPipe == 0)
                return post(std::exchange(unreported, 0),
                            QStringLiteral("the agent's data connection ended after %1 of %2 "
                                           "bytes")
                                .arg(m_pushed.load())
                                .arg(m_length),
                            true);
            if (unreported >= kSpliceReportBytes)
                post(std::exchange(unreported, 0), {}, false);
            if (m_stopping.load())
                return;
            if (moved)
                continue;
            // Before waiting: what went out keeps the client's idle clock
            // away however slowly it reads.
            if (unreported > 0)
                post(std::exchange(unreported, 0), {}, false);
            // Wait for the sink while the pipe holds bytes (draining it is
            // what makes room for the source); for the source only when the
            // pipe is empty, or a readable source and a full pipe would
            // spin. A pipe with bytes that the sink neither took nor
            // refused (EINTR) waits for the sink too.
            pollfd waits[3] = {{m_wake, POLLIN, 0}, {-1, 0, 0}, {-1, 0, 0}};
            nfds_t count = 1;
            if (inPipe > 0 || sinkFull)
                waits[count++] = {m_sink, POLLOUT, 0};
            if (inPipe == 0 && sourceDry && !sourceEnded)
                waits[count++] = {m_source, POLLIN, 0};
            if (::poll(waits, count, -1) < 0 && errno != EINTR)
                return post(std::exchange(unreported, 0),
                            QStringLiteral("the relay could not wait: %1").arg(errnoText()),
                            true);
            if (m_stopping.load())
                return;
        }
    }

    // From the relay's thread: `bytes` more went out, and (with `last`)
    // the relay ended with `error`; signalled on the owner's thread unless
    // stop() came first.
    void post(qint64 bytes, const QString &error, bool last)
    {
        QMetaObject::invokeMethod(
            this,
            [this, bytes, error, last] {
                if (m_stopped)
                    return;
                if (bytes > 0)
                    emit progressed(bytes);
                if (!last || m_stopped)
                    return; // not the end, or stopped from the signal
                closeAll();
                emit ended(m_pushed.load(), error);
            },
            Qt::QueuedConnection);
    }

    // On the owner's thread, before any thread ran.
    void finishNow(const QString &error)
    {
        closeAll();
        emit ended(m_pushed.load(), error);
    }

    // Stops the thread (it ends within one splice or poll) and closes all.
    void closeAll()
    {
        m_stopped = true;
        m_stopping = true;
        if (m_worker.joinable()) {
            if (m_wake >= 0) {
                const quint64 one = 1;
                (void)::write(m_wake, &one, sizeof one);
            }
            m_worker.join();
        }
        for (int *fd : {&m_source, &m_sink, &m_pipe[0], &m_pipe[1], &m_wake}) {
            if (*fd >= 0)
                ::close(*fd);
            *fd = -1;
        }
    }

    int m_source;
    int m_sink;
    int m_pipe[2] = {-1, -1};
    int m_wake = -1;
    const qint64 m_length;
    std::atomic<qint64> m_pushed{0}; // from the pipe to the sink
    std::atomic<bool> m_stopping{false}; // the thread's cue to return
    bool m_stopped = false; // owner's thread only: nothing more is signalled
    std::thread m_worker;
};

} // namespace

bool sendOnDescriptor(int descriptor, const QByteArray &bytes)
{
    qsizetype sent = 0;
    // A fresh connection's socket buffer takes a head at once; a client
    // that cannot take a few hundred bytes is no agent worth waiting for.
    while (sent < bytes.size()) {
        const ssize_t n = ::send(descriptor, bytes.constData() + sent, size_t(bytes.size() - sent),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

void closeDescriptor(int descriptor)
{
    if (descriptor >= 0)
        ::close(descriptor);
}

bool spliceRelaysAvailable()
{
    return true;
}

std::unique_ptr<ByteRelay> makeSpliceRelay(int source, int sink, qint64 length)
{
    return std::make_unique<LinuxSpliceRelay>(source, sink, length);
}

} // namespace hm::server::remote
