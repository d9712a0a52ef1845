// ByteRelay on Linux: source socket → a stage → sink socket, one of two
// ways (fleet/FileDataPath.h says which and why): splice(2) through a pipe
// (zero copy, the bytes stay in the kernel), or recv(2) and send(2)
// through a ring buffer (copies). The moving runs on a thread of the
// relay's own, blocking in poll(2) while it waits: on the server thread a
// steady stream never let the pump return to the event loop (it loops
// while anything moves), so one large download held up every other
// request of that thread for as long as it flowed. progressed() and
// ended() are still emitted on the thread that owns the relay (queued), in
// order.

#include "server/services/remote/ByteRelay.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace hm::server::remote {

namespace {

// The ring between the sockets (copies). Large, so that the relay keeps
// reading while the client's socket is full and each system call moves
// much: with this ring and the agent's chunks (FileDataSender) at 1 MiB
// the download cost about a tenth more CPU per GiB than at 4 MiB, at
// 256 KiB a third more. Allocated on the relay's thread when it starts,
// freed with the relay.
constexpr qint64 kRingBytes = 4 * 1024 * 1024;
// The pipe between the sockets (zero copy): about what one splice moves.
// 1 MiB is the default /proc/sys/fs/pipe-max-size; a smaller pipe (the
// limit lowered) only means more system calls.
constexpr int kPipeBytes = 1024 * 1024;
// progressed() at least this often (in bytes) while the bytes flow, and
// whenever the relay waits: each one touches the client connection's idle
// clock.
constexpr qint64 kReportBytes = 8 * 1024 * 1024;

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// The copies' stage: recv(2) into the free run after the held bytes, send(2)
// from the oldest. It reads on while the client's socket is full, up to
// the ring's size.
class RingStage
{
public:
    bool open(QString *) { return true; }
    void allocate() { m_ring.resize(size_t(kRingBytes)); }
    qint64 held() const { return m_held; }
    bool hasRoom() const { return m_held < kRingBytes; }
    // Waiting for a dry source is worth it while there is room.
    bool waitsForSource() const { return hasRoom(); }

    ssize_t pull(int source, qint64 most)
    {
        // Into the free run after the held bytes, up to the ring's end or
        // its head (the next pass takes what wraps).
        const qint64 tail = (m_head + m_held) % kRingBytes;
        const qint64 room = tail >= m_head ? kRingBytes - tail : m_head - tail;
        const ssize_t n =
            ::recv(source, m_ring.data() + tail, size_t(qMin(room, most)), MSG_DONTWAIT);
        if (n > 0)
            m_held += n;
        return n;
    }

    ssize_t push(int sink, bool)
    {
        // The run from the head to the ring's end or the held bytes' end.
        const ssize_t n =
            ::send(sink, m_ring.data() + m_head, size_t(qMin(m_held, kRingBytes - m_head)),
                   MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            m_held -= n;
            m_head = m_held == 0 ? 0 : (m_head + n) % kRingBytes;
        }
        return n;
    }

    void close() {}

private:
    std::vector<char> m_ring;
    qint64 m_head = 0; // the ring's oldest byte (the next to send)
    qint64 m_held = 0;
};

// Zero copy's stage: splice(2) from the source into a pipe and from the
// pipe into the sink; the pages move by reference.
class PipeStage
{
public:
    bool open(QString *error)
    {
        if (::pipe2(m_pipe, O_NONBLOCK | O_CLOEXEC) != 0) {
            *error = QStringLiteral("no pipe for the relay: %1").arg(errnoText());
            return false;
        }
        (void)::fcntl(m_pipe[1], F_SETPIPE_SZ, kPipeBytes);
        return true;
    }
    void allocate() {}
    qint64 held() const { return m_held; }
    // A full pipe refuses with EAGAIN like a dry source: try every pass.
    bool hasRoom() const { return true; }
    // ... so wait for the source only with the pipe empty, or a readable
    // source and a full pipe would spin.
    bool waitsForSource() const { return m_held == 0; }

    ssize_t pull(int source, qint64 most)
    {
        const ssize_t n =
            ::splice(source, nullptr, m_pipe[1], nullptr, size_t(qMin<qint64>(most, kPipeBytes)),
                     SPLICE_F_NONBLOCK | SPLICE_F_MOVE);
        if (n > 0)
            m_held += n;
        return n;
    }

    ssize_t push(int sink, bool more)
    {
        const ssize_t n = ::splice(m_pipe[0], nullptr, sink, nullptr, size_t(m_held),
                                   SPLICE_F_NONBLOCK | SPLICE_F_MOVE | (more ? SPLICE_F_MORE : 0));
        if (n > 0)
            m_held -= n;
        return n;
    }

    void close()
    {
        for (int &fd : m_pipe) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
    }

private:
    int m_pipe[2] = {-1, -1};
    qint64 m_held = 0;
};

class LinuxSocketRelay final : public ByteRelay
{
public:
    LinuxSocketRelay(int source, int sink, qint64 length, hm::fleet::FileDataPath path)
        : m_source(source), m_sink(sink), m_length(length), m_path(path)
    {}

    ~LinuxSocketRelay() override { closeAll(); }

    void start() override
    {
        QString error;
        if (m_path == hm::fleet::FileDataPath::ZeroCopy ? !m_pipeStage.open(&error)
                                                        : !m_ringStage.open(&error))
            return finishNow(error);
        // Both sockets non-blocking: the HTTP transport's are blocking ones
        // used with MSG_DONTWAIT, and a blocked call would hang the relay's
        // thread while a client does not read, and stop() with it (found
        // by TestStreamRevocation: a paused download hung the server;
        // SPLICE_F_NONBLOCK covers the pipe only). The flag is the open
        // socket's, shared with the transport's descriptor, which only ever
        // asks with MSG_DONTWAIT.
        for (const int descriptor : {m_source, m_sink}) {
            const int flags = ::fcntl(descriptor, F_GETFL);
            if (flags < 0 || ::fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) != 0)
                return finishNow(QStringLiteral("cannot make the relay's sockets non-blocking: %1")
                                     .arg(errnoText()));
        }
        m_wake = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (m_wake < 0)
            return finishNow(QStringLiteral("no wake-up for the relay: %1").arg(errnoText()));
        m_worker = std::thread([this] {
            if (m_path == hm::fleet::FileDataPath::ZeroCopy)
                run(m_pipeStage);
            else
                run(m_ringStage);
        });
    }

    void stop() override { closeAll(); }
    qint64 moved() const override { return m_pushed.load(); }

private:
    // The relay's thread: moves until done, failed or stopped.
    template <typename Stage> void run(Stage &stage)
    {
        // splice(2) into a socket takes no MSG_NOSIGNAL of ours, and the
        // server does not ignore SIGPIPE: should a kernel raise one for a
        // client gone (this one does not: TestByteRelay shuts the sink
        // under the relay), it must not end the server. Blocked for the
        // thread's life; one left pending goes with the thread.
        sigset_t pipeSignal;
        sigemptyset(&pipeSignal);
        sigaddset(&pipeSignal, SIGPIPE);
        ::pthread_sigmask(SIG_BLOCK, &pipeSignal, nullptr);
        stage.allocate();
        qint64 pulled = 0; // from the source into the stage
        qint64 unreported = 0;
        bool sourceEnded = false;
        for (;;) {
            bool sourceDry = false; // nothing to read right now
            bool moved = false;
            if (!sourceEnded && pulled < m_length && stage.hasRoom()) {
                const ssize_t n = stage.pull(m_source, m_length - pulled);
                if (n > 0) {
                    pulled += n;
                    moved = true;
                } else if (n == 0) {
                    sourceEnded = true;
                } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
                    sourceDry = true;
                } else if (errno == EINTR) {
                    moved = true; // not a wait's cue: try again
                } else {
                    // A reset from the agent: what it sent is short.
                    sourceEnded = true;
                }
            }
            if (stage.held() > 0) {
                const ssize_t n = stage.push(m_sink, m_pushed.load() + stage.held() < m_length);
                if (n > 0) {
                    m_pushed += n;
                    unreported += n;
                    moved = true;
                } else if (n < 0 && errno == EINTR) {
                    moved = true;
                } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                    return post(
                        std::exchange(unreported, 0),
                        QStringLiteral("the client's connection failed: %1").arg(errnoText()),
                        true);
                }
            }
            if (m_pushed.load() >= m_length)
                return post(std::exchange(unreported, 0), {}, true);
            if (sourceEnded && stage.held() == 0)
                return post(std::exchange(unreported, 0),
                            QStringLiteral("the agent's data connection ended after %1 of %2 "
                                           "bytes")
                                .arg(m_pushed.load())
                                .arg(m_length),
                            true);
            if (unreported >= kReportBytes)
                post(std::exchange(unreported, 0), {}, false);
            if (m_stopping.load())
                return;
            if (moved)
                continue;
            // Before waiting: what went out keeps the client's idle clock
            // away however slowly it reads.
            if (unreported > 0)
                post(std::exchange(unreported, 0), {}, false);
            // Nothing moved: the sink is full (or the stage empty) and the
            // source dry (or the stage full, or the source done). Wait for
            // whichever of them can move something; the ring's room means
            // the agent is read on while the client is slow.
            pollfd waits[3] = {{m_wake, POLLIN, 0}, {-1, 0, 0}, {-1, 0, 0}};
            nfds_t count = 1;
            if (stage.held() > 0)
                waits[count++] = {m_sink, POLLOUT, 0};
            if (sourceDry && stage.waitsForSource())
                waits[count++] = {m_source, POLLIN, 0};
            if (::poll(waits, count, -1) < 0 && errno != EINTR)
                return post(std::exchange(unreported, 0),
                            QStringLiteral("the relay could not wait: %1").arg(errnoText()), true);
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

    // Stops the thread (it ends within one system call or poll) and closes
    // all.
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
        for (int *fd : {&m_source, &m_sink, &m_wake}) {
            if (*fd >= 0)
                ::close(*fd);
            *fd = -1;
        }
        m_pipeStage.close();
    }

    int m_source;
    int m_sink;
    int m_wake = -1;
    const qint64 m_length;
    const hm::fleet::FileDataPath m_path;
    RingStage m_ringStage;               // copies
    PipeStage m_pipeStage;               // zero copy
    std::atomic<qint64> m_pushed{0};     // from the stage to the sink
    std::atomic<bool> m_stopping{false}; // the thread's cue to return
    bool m_stopped = false;              // owner's thread only: nothing more is signalled
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

bool socketRelaysAvailable()
{
    return true;
}

std::unique_ptr<ByteRelay> makeSocketRelay(int source, int sink, qint64 length,
                                           hm::fleet::FileDataPath path)
{
    return std::make_unique<LinuxSocketRelay>(source, sink, length, path);
}

} // namespace hm::server::remote
