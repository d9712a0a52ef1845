// ByteRelay by plain recv(2) and send(2) through a ring buffer: source
// socket → ring → sink socket. The moving runs on a thread of the relay's
// own, blocking in poll(2) while it waits: on the server thread a steady
// stream never let the pump return to the event loop (it loops while
// anything moves), so one large download held up every other request of
// that thread for as long as it flowed. progressed() and ended() are still
// emitted on the thread that owns the relay (queued), in order.
//
// Why copies and not splice(2) (which this relay used until 2026-11-29,
// with sendfile(2) on the agent): on the 2-core VM of issue 38's
// benchmark the zero-copy path cost more CPU per GiB for the whole
// download (about 1.3-1.7 s against 1.0-1.2 s). splice hands the sink page
// fragments of 4 KiB, and every receiver downstream (here the client) paid
// about twice as much per byte for them as for the large fragments a
// send(2) of a copy builds; the pipe's per-page work outweighed the copies
// it saved. An earlier host had measured the opposite, so BenchFileDownload
// prints a bare two-hop relay both ways in every run (docs/benchmarks.md,
// "File download").

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
#include <vector>

namespace hm::server::remote {

namespace {

// The ring between the sockets. Large, so that the relay keeps reading
// while the client's socket is full and each system call moves much: with
// this ring and the agent's chunks (FileDataSender) at 1 MiB the download
// cost about a tenth more CPU per GiB than at 4 MiB, at 256 KiB a third
// more. Allocated on the relay's thread when it starts, freed when it ends.
constexpr qint64 kRingBytes = 4 * 1024 * 1024;
// progressed() at least this often (in bytes) while the bytes flow, and
// whenever the relay waits: each one touches the client connection's idle
// clock.
constexpr qint64 kReportBytes = 8 * 1024 * 1024;

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

class LinuxSocketRelay final : public ByteRelay
{
public:
    LinuxSocketRelay(int source, int sink, qint64 length)
        : m_source(source), m_sink(sink), m_length(length)
    {}

    ~LinuxSocketRelay() override { closeAll(); }

    void start() override
    {
        // Both sockets non-blocking: the HTTP transport's are blocking ones
        // used with MSG_DONTWAIT, and a blocked call would hang the relay's
        // thread while a client does not read, and stop() with it (found
        // by TestStreamRevocation: a paused download hung the server). The
        // flag is the open socket's, shared with the transport's
        // descriptor, which only ever asks with MSG_DONTWAIT.
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
        std::vector<char> ring(static_cast<size_t>(kRingBytes));
        qint64 pulled = 0; // from the source into the ring
        qint64 head = 0;   // the ring's oldest byte (the next to send)
        qint64 held = 0;   // bytes in the ring
        qint64 unreported = 0;
        bool sourceEnded = false;
        for (;;) {
            bool sourceDry = false; // nothing to read right now
            bool moved = false;
            if (!sourceEnded && pulled < m_length && held < kRingBytes) {
                // Into the free run after the held bytes, up to the ring's
                // end or its head (the next pass takes what wraps).
                const qint64 tail = (head + held) % kRingBytes;
                const qint64 room = tail >= head ? kRingBytes - tail : head - tail;
                const ssize_t n = ::recv(m_source, ring.data() + tail,
                                         size_t(qMin(room, m_length - pulled)), MSG_DONTWAIT);
                if (n > 0) {
                    pulled += n;
                    held += n;
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
            if (held > 0) {
                // The run from the head to the ring's end or the held
                // bytes' end.
                const ssize_t n =
                    ::send(m_sink, ring.data() + head, size_t(qMin(held, kRingBytes - head)),
                           MSG_DONTWAIT | MSG_NOSIGNAL);
                if (n > 0) {
                    held -= n;
                    head = held == 0 ? 0 : (head + n) % kRingBytes;
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
            if (sourceEnded && held == 0)
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
            // Nothing moved: the sink is full (or the ring empty) and the
            // source dry (or the ring full, or the source done). Wait for
            // whichever of them can move something; the ring's room means
            // the agent is read on while the client is slow.
            pollfd waits[3] = {{m_wake, POLLIN, 0}, {-1, 0, 0}, {-1, 0, 0}};
            nfds_t count = 1;
            if (held > 0)
                waits[count++] = {m_sink, POLLOUT, 0};
            if (sourceDry && held < kRingBytes)
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

    // Stops the thread (it ends within one recv, send or poll) and closes all.
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
    }

    int m_source;
    int m_sink;
    int m_wake = -1;
    const qint64 m_length;
    std::atomic<qint64> m_pushed{0};     // from the ring to the sink
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

std::unique_ptr<ByteRelay> makeSocketRelay(int source, int sink, qint64 length)
{
    return std::make_unique<LinuxSocketRelay>(source, sink, length);
}

} // namespace hm::server::remote
