// ByteRelay with splice(2): source socket → pipe → sink socket, the bytes
// staying in the kernel (page references on loopback). Event-driven on the
// server thread: a read notifier on the source while the pipe is empty, a
// write notifier on the sink while the pipe holds bytes the sink did not
// take.

#include "server/services/remote/ByteRelay.h"

#include <QSocketNotifier>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
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
            return finish(QStringLiteral("no pipe for the relay: %1")
                              .arg(QString::fromLocal8Bit(std::strerror(errno))));
        (void)::fcntl(m_pipe[1], F_SETPIPE_SZ, kSplicePipeBytes);
        // SPLICE_F_NONBLOCK covers the pipe only: a socket end blocks as
        // its descriptor does, and the HTTP transport's sockets are
        // blocking ones used with MSG_DONTWAIT. A blocked splice would stop
        // the server thread while a client does not read (found by
        // TestStreamRevocation: a paused download hung the server). The
        // flag is the open socket's, shared with the transport's
        // descriptor, which only ever asks with MSG_DONTWAIT anyway.
        for (const int descriptor : {m_source, m_sink}) {
            const int flags = ::fcntl(descriptor, F_GETFL);
            if (flags < 0 || ::fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) != 0)
                return finish(QStringLiteral("cannot make the relay's sockets non-blocking: %1")
                                  .arg(QString::fromLocal8Bit(std::strerror(errno))));
        }
        m_sourceReady = std::make_unique<QSocketNotifier>(m_source, QSocketNotifier::Read);
        m_sinkReady = std::make_unique<QSocketNotifier>(m_sink, QSocketNotifier::Write);
        m_sourceReady->setEnabled(false);
        m_sinkReady->setEnabled(false);
        connect(m_sourceReady.get(), &QSocketNotifier::activated, this, [this] { pump(); });
        connect(m_sinkReady.get(), &QSocketNotifier::activated, this, [this] { pump(); });
        pump();
    }

    void stop() override { closeAll(); }
    qint64 moved() const override { return m_pushed; }

private:
    void pump()
    {
        if (m_done)
            return;
        bool sourceDry = false; // nothing to read right now (or the pipe is full)
        bool sinkFull = false;
        for (;;) {
            bool moved = false;
            if (!m_sourceEnded && m_pulled < m_length) {
                const ssize_t n =
                    ::splice(m_source, nullptr, m_pipe[1], nullptr,
                             size_t(qMin<qint64>(m_length - m_pulled, kSplicePipeBytes)),
                             SPLICE_F_NONBLOCK | SPLICE_F_MOVE);
                if (n > 0) {
                    m_pulled += n;
                    m_inPipe += n;
                    moved = true;
                } else if (n == 0) {
                    m_sourceEnded = true;
                } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
                    sourceDry = true;
                } else if (errno != EINTR) {
                    // A reset from the agent: what it sent is short.
                    m_sourceEnded = true;
                }
            }
            if (m_inPipe > 0) {
                const bool more = m_pushed + m_inPipe < m_length;
                const ssize_t n =
                    ::splice(m_pipe[0], nullptr, m_sink, nullptr, size_t(m_inPipe),
                             SPLICE_F_NONBLOCK | SPLICE_F_MOVE | (more ? SPLICE_F_MORE : 0));
                if (n > 0) {
                    m_inPipe -= n;
                    m_pushed += n;
                    m_unreported += n;
                    moved = true;
                    sinkFull = false;
                } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                    sinkFull = true;
                } else if (n < 0 && errno != EINTR) {
                    return finish(QStringLiteral("the client's connection failed: %1")
                                      .arg(QString::fromLocal8Bit(std::strerror(errno))));
                }
            }
            if (m_unreported >= kSpliceReportBytes) {
                emit progressed(std::exchange(m_unreported, 0));
                if (m_done)
                    return; // stopped from the signal
            }
            if (m_pushed >= m_length)
                return finish({});
            if (m_sourceEnded && m_inPipe == 0)
                return finish(QStringLiteral("the agent's data connection ended after %1 of %2 "
                                             "bytes")
                                  .arg(m_pushed)
                                  .arg(m_length));
            if (!moved)
                break;
        }
        // Before waiting: what went out keeps the client's idle clock away
        // however slowly it reads.
        if (m_unreported > 0) {
            emit progressed(std::exchange(m_unreported, 0));
            if (m_done)
                return;
        }
        // Wait for the sink while the pipe holds bytes (draining it is what
        // makes room for the source); for the source only when the pipe is
        // empty, or a readable source and a full pipe would spin.
        m_sinkReady->setEnabled(m_inPipe > 0 && sinkFull);
        m_sourceReady->setEnabled(m_inPipe == 0 && sourceDry && !m_sourceEnded);
        if (m_inPipe > 0 && !sinkFull) {
            // Pipe not empty, sink not full, nothing moved: the source
            // would block and the pipe holds bytes the sink did not take
            // in this pass; look again at the next write readiness.
            m_sinkReady->setEnabled(true);
        }
    }

    void finish(const QString &error)
    {
        if (m_done)
            return;
        closeAll();
        if (m_unreported > 0)
            emit progressed(std::exchange(m_unreported, 0));
        emit ended(m_pushed, error);
    }

    void closeAll()
    {
        m_done = true;
        m_sourceReady.reset();
        m_sinkReady.reset();
        for (int *fd : {&m_source, &m_sink, &m_pipe[0], &m_pipe[1]}) {
            if (*fd >= 0)
                ::close(*fd);
            *fd = -1;
        }
    }

    int m_source;
    int m_sink;
    int m_pipe[2] = {-1, -1};
    qint64 m_length;
    qint64 m_pulled = 0; // from the source into the pipe
    qint64 m_inPipe = 0;
    qint64 m_pushed = 0; // from the pipe to the sink
    qint64 m_unreported = 0;
    bool m_sourceEnded = false;
    bool m_done = false;
    std::unique_ptr<QSocketNotifier> m_sourceReady;
    std::unique_ptr<QSocketNotifier> m_sinkReady;
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
