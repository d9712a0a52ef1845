// A file download through the server (issue 38 benchmark: ≥ 80 % of a
// direct loopback copy's throughput for a 1 GiB file, memory flat),
// through the real parts: a real hivemind-agent (--allow files) sends the
// file (agent/FileStreams: on plain HTTP a data connection of its own,
// FileDataSender.h), the real hivemind-server passes it on into the HTTP
// answer (FileDownloads: a relay thread from the data connection into the
// client's socket, ByteRelay.h), and a plain recv(2) loop here reads it.
// The reference, measured in the same run with the same receiving code:
// the same file sent over loopback TCP by a plain user-space copy (a
// thread of this process: pread(2) of 1 MiB, then send(2), in a loop).
//
//   BenchFileDownload [--mib N] [--runs R] [--dir D]
//
// The file (N MiB, default 1024, random so nothing can compress it) is
// written once and read from the page cache by both. Runs alternate
// reference and download; the medians are reported, with their ratio, and
// the server's and the agent's peak RSS (VmHWM) before and after, CPU per
// GiB of each side, the latency of GET /api/v1/health during the
// downloads, and (not the goal's) the same file over two loopback hops
// with a bare relay in this process, by copies and by zero copy: the
// floor of a relay's cost, each way.

#include "../server/RemoteAgentSupport.h"
#include "BenchWait.h"
#include "LoopbackSockets.h"
#include "fleet/FileDataPath.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <random>
#ifdef Q_OS_LINUX
#include <poll.h>
#include <sys/sendfile.h>
#endif
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace hm::test;
using hm::bench::waitFor;

namespace {

int fail(const char *what)
{
    std::fprintf(stderr, "BenchFileDownload: %s\n", what);
    return 1;
}

// VmHWM (peak resident set) of `pid`, in MiB.
double peakRssMiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return double(line.mid(6).trimmed().split(' ').value(0).toLongLong()) / 1024.0;
    }
    return -1;
}

// CPU seconds (user + system) `pid` used so far (/proc/<pid>/stat).
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command's closing parenthesis; utime and stime are
    // the 14th and 15th of the whole line.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks;
}

bool writeRandomFile(const QString &path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    std::mt19937_64 generator(38);
    QByteArray block(4 * 1024 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written < size;) {
        auto *words = reinterpret_cast<quint64 *>(block.data());
        for (qsizetype i = 0; i < block.size() / 8; ++i)
            words[i] = generator();
        const qint64 n = qMin<qint64>(block.size(), size - written);
        if (file.write(block.constData(), n) != n)
            return false;
        written += n;
    }
    return true;
}

// CPU seconds the calling thread used so far.
double threadCpuSeconds()
{
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// The receiving end of both sides of the comparison, the same code for
// each: a blocking loopback socket read with recv(2) into one reused 1 MiB
// buffer, the bytes discarded. No event loop and no socket class: Qt's
// QTcpSocket copied every byte twice (into its ring buffer, then out) and
// woke a poll() over all the process's descriptors per read, which made
// the receiver the most expensive of the download's three processes and
// measured the bench rather than the product.
struct Received
{
    int status = 0;
    qint64 contentLength = -1;
    qint64 body = 0; // bytes of body (or of the raw stream) received
    double seconds = 0;
    double cpuSeconds = 0; // the receiving thread's
    double firstByteSeconds = -1; // from connect to the first byte of body
    QString error;
};

// Connects to 127.0.0.1:`port`, sends `request` (if any), reads an HTTP
// answer's head (unless `raw`) and then `expected` bytes or until the
// peer closes. Runs on the calling thread.
Received receive(quint16 port, const QByteArray &request, bool raw, qint64 expected)
{
    Received result;
    const double cpu0 = threadCpuSeconds();
    QElapsedTimer clock;
    clock.start();
    hm::test::OwnedFd connection = hm::test::connectToLoopback(port);
    if (!connection.isValid()) {
        result.error = QStringLiteral("connect failed");
        return result;
    }
    const int fd = connection.get();
    for (qsizetype sent = 0; sent < request.size();) {
        const ssize_t n = ::send(fd, request.constData() + sent, size_t(request.size() - sent),
                                 MSG_NOSIGNAL);
        if (n <= 0) {
            result.error = QStringLiteral("send failed");
            return result;
        }
        sent += n;
    }
    std::vector<char> buffer(1 << 20);
    QByteArray head;
    bool headDone = raw;
    for (;;) {
        if (headDone && result.body >= expected)
            break;
        const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (headDone) {
            if (result.body == 0)
                result.firstByteSeconds = double(clock.nsecsElapsed()) / 1e9;
            result.body += n;
            continue;
        }
        head.append(buffer.data(), n);
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0)
            continue;
        headDone = true;
        result.body = head.size() - (end + 4);
        if (result.body > 0)
            result.firstByteSeconds = double(clock.nsecsElapsed()) / 1e9;
        const QList<QByteArray> lines = head.left(end).split('\n');
        result.status = lines.value(0).mid(9, 3).toInt();
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                result.contentLength = line.mid(15).trimmed().toLongLong();
        }
        if (result.status != 200)
            break;
        expected = result.contentLength;
    }
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    result.cpuSeconds = threadCpuSeconds() - cpu0;
    return result;
}

// Runs receive() on a thread of its own while this thread keeps the Qt
// event loop turning (the server's and agent's QProcess pipes are read
// here).
Received receiveOnThread(quint16 port, const QByteArray &request, bool raw, qint64 expected)
{
    Received result;
    std::atomic<bool> finished{false};
    std::thread receiver([&] {
        result = receive(port, request, raw, expected);
        finished = true;
    });
    waitFor([&] { return finished.load(); }, 600000);
    receiver.join();
    return result;
}

// GET /api/v1/health on a fresh connection every 20 ms while `running`, on a
// thread of its own: how long the server takes to answer other requests
// while a download flows (issue 38: nothing slow on the HTTP event loop).
class HealthProbe
{
public:
    explicit HealthProbe(quint16 port)
        : m_thread([this, port] {
              while (m_running.load()) {
                  QElapsedTimer clock;
                  clock.start();
                  const Received got =
                      receive(port, "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", false, 0);
                  if (got.status == 200)
                      m_millis.push_back(double(clock.nsecsElapsed()) / 1e6);
                  std::this_thread::sleep_for(std::chrono::milliseconds(20));
              }
          })
    {}
    // Stops and gives the latencies (ms) of the answers that came.
    std::vector<double> finish()
    {
        m_running = false;
        m_thread.join();
        return m_millis;
    }

private:
    std::atomic<bool> m_running{true};
    std::vector<double> m_millis;
    std::thread m_thread;
};

struct Side
{
    double mbps = -1;
    double firstByteMs = 0; // the download's: connect to its first byte of body
    double cpuSeconds = 0; // the reference's sender + receiver threads
};

// `size` bytes of `fd` to `connection` by a user-space copy: pread(2) of
// `chunk` bytes, then send(2) of them, in a loop.
void sendByCopies(int connection, int fd, qint64 size, size_t chunk)
{
    std::vector<char> buffer(chunk);
    for (qint64 offset = 0; offset < size;) {
        const ssize_t got = ::pread(fd, buffer.data(), buffer.size(), off_t(offset));
        if (got <= 0)
            return;
        for (ssize_t sent = 0; sent < got;) {
            const ssize_t n =
                ::send(connection, buffer.data() + sent, size_t(got - sent), MSG_NOSIGNAL);
            if (n <= 0)
                return;
            sent += n;
        }
        offset += got;
    }
}

// The reference: a loopback TCP listener whose one connection gets the
// file by a user-space copy, 1 MiB at a time, from a thread. With
// `bySendfile` (Linux; not the goal's reference) the thread sendfile(2)s
// it instead, 1 MiB at a time: the cheapest direct copy there is, to hold
// a zero-copy download against it too.
Side referenceRun(const QString &path, qint64 size, bool bySendfile = false)
{
    Side side;
    const hm::test::LoopbackListener listener;
    if (!listener.isListening())
        return side;
    const QByteArray file = path.toLocal8Bit();
    double senderCpu = 0;
    std::thread sender([&listener, file, size, bySendfile, &senderCpu] {
        hm::test::OwnedFd owned = listener.accept();
        const int connection = owned.get();
        const double cpu0 = threadCpuSeconds();
        const int fd = ::open(file.constData(), O_RDONLY);
#ifdef Q_OS_LINUX
        for (off_t offset = 0; bySendfile && offset < size;) {
            if (::sendfile(connection, fd, &offset, size_t(qMin<qint64>(size - offset, 1 << 20))) <=
                0)
                break;
        }
        if (!bySendfile)
            sendByCopies(connection, fd, size, 1 << 20);
#else
        Q_UNUSED(bySendfile);
        sendByCopies(connection, fd, size, 1 << 20);
#endif
        ::close(fd);
        owned.reset();
        senderCpu = threadCpuSeconds() - cpu0;
    });
    const Received got = receiveOnThread(listener.port(), {}, true, size);
    sender.join();
    if (got.body != size)
        return side;
    side.mbps = double(size) / 1e6 / got.seconds;
    side.cpuSeconds = senderCpu + got.cpuSeconds;
    return side;
}

// Not the goal's reference: the least a relay on this machine can cost.
// The same file over two loopback TCP connections in this process, like
// the download's agent → server → client but with nothing else, in one of
// two ways:
// - Copies, as the product does where the kernel uses retpolines
//   (fleet/FileDataPath.h; FileDataSender, LinuxSocketRelay): a thread
//   reads the file 4 MiB at a time and send(2)s it into the first, a
//   thread recv(2)s the first and send(2)s to the second through a 4 MiB
//   buffer;
// - ZeroCopy, as the product does elsewhere: sendfile(2) into the first,
//   splice(2) from the first into the second through a 1 MiB pipe.
// The same receiver reads the second. CPU: the sending and relaying
// threads plus the receiver's. Both are printed so that a host where the
// product's choice is the wrong one shows it.
enum class Hops
{
    Copies,
    ZeroCopy
};

#ifdef Q_OS_LINUX
// The relaying thread's loop of each way; false if a socket failed.
bool relayByCopies(int source, int sink, qint64 size)
{
    std::vector<char> buffer(4 << 20);
    for (qint64 moved = 0; moved < size;) {
        const ssize_t in = ::recv(source, buffer.data(), buffer.size(), 0);
        if (in <= 0)
            return false;
        for (ssize_t out = 0; out < in;) {
            const ssize_t n = ::send(sink, buffer.data() + out, size_t(in - out), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            out += n;
        }
        moved += in;
    }
    return true;
}

bool relayBySplices(int source, int sink, qint64 size)
{
    int pipe[2];
    if (::pipe2(pipe, O_CLOEXEC) != 0)
        return false;
    (void)::fcntl(pipe[1], F_SETPIPE_SZ, 1 << 20);
    bool ok = true;
    for (qint64 moved = 0; moved < size && ok;) {
        // Non-blocking on the socket: a blocking splice from a socket
        // waits to fill its whole length.
        const ssize_t in =
            ::splice(source, nullptr, pipe[1], nullptr, 1 << 20, SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
        if (in < 0 && errno == EAGAIN) {
            pollfd wait{source, POLLIN, 0};
            ::poll(&wait, 1, -1);
            continue;
        }
        if (in <= 0)
            break;
        for (ssize_t out = 0; out < in && ok;) {
            const ssize_t n = ::splice(pipe[0], nullptr, sink, nullptr, size_t(in - out),
                                       SPLICE_F_MOVE | SPLICE_F_MORE);
            ok = n > 0;
            out += n;
        }
        moved += in;
    }
    ::close(pipe[0]);
    ::close(pipe[1]);
    return ok;
}

// The sending thread's loop of each way.
void sendFile(int connection, int fd, qint64 size, Hops way)
{
    if (way == Hops::ZeroCopy) {
        off_t offset = 0;
        while (offset < size) {
            if (::sendfile(connection, fd, &offset, size_t(qMin<qint64>(size - offset, 1 << 20))) <=
                0)
                return;
        }
        return;
    }
    sendByCopies(connection, fd, size, 4 << 20);
}
#endif

Side twoHopRun(const QString &path, qint64 size, Hops way)
#ifndef Q_OS_LINUX
{
    Q_UNUSED(path);
    Q_UNUSED(size);
    Q_UNUSED(way);
    return {}; // not measured off Linux
}
#else
{
    Side side;
    const hm::test::LoopbackListener firstListener;
    const hm::test::LoopbackListener secondListener;
    if (!firstListener.isListening() || !secondListener.isListening())
        return side;
    const QByteArray file = path.toLocal8Bit();
    double senderCpu = 0;
    double relayCpu = 0;
    std::thread sender([&firstListener, file, size, way, &senderCpu] {
        hm::test::OwnedFd connection = firstListener.accept();
        const double cpu0 = threadCpuSeconds();
        const int fd = ::open(file.constData(), O_RDONLY);
        sendFile(connection.get(), fd, size, way);
        ::close(fd);
        connection.reset();
        senderCpu = threadCpuSeconds() - cpu0;
    });
    std::thread relay([&secondListener, firstPort = firstListener.port(), size, way, &relayCpu] {
        hm::test::OwnedFd sink = secondListener.accept();
        const double cpu0 = threadCpuSeconds();
        hm::test::OwnedFd source = hm::test::connectToLoopback(firstPort);
        if (source.isValid())
            (void)(way == Hops::Copies ? relayByCopies(source.get(), sink.get(), size)
                                       : relayBySplices(source.get(), sink.get(), size));
        source.reset();
        sink.reset();
        relayCpu = threadCpuSeconds() - cpu0;
    });
    const Received got = receiveOnThread(secondListener.port(), {}, true, size);
    relay.join();
    sender.join();
    if (got.body != size)
        return side;
    side.mbps = double(size) / 1e6 / got.seconds;
    side.cpuSeconds = senderCpu + relayCpu + got.cpuSeconds;
    return side;
}
#endif

Side downloadRun(const QUrl &base, const QString &path, const QString &token, qint64 size,
                 double *clientCpu)
{
    Side side;
    const Received got = receiveOnThread(
        quint16(base.port()),
        QByteArray("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: " + base.host().toUtf8() +
                   "\r\nAuthorization: Bearer " + token.toUtf8() + "\r\n\r\n"),
        false, size);
    if (got.status != 200 || got.contentLength != size || got.body != size) {
        std::fprintf(stderr, "download: status %d, %lld of %lld bytes\n", got.status,
                     qlonglong(got.body), qlonglong(got.contentLength));
        return side;
    }
    side.mbps = double(size) / 1e6 / got.seconds;
    side.firstByteMs = got.firstByteSeconds * 1e3;
    *clientCpu = got.cpuSeconds;
    return side;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qint64 mib = 1024;
    int runs = 3;
    QString base;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--mib"))
            mib = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--dir"))
            base = args[i + 1];
    }
    const qint64 size = mib * 1024 * 1024;

    QTemporaryDir dir(base.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench-download-XXXXXX")
                                     : base + QStringLiteral("/bench-download-XXXXXX"));
    if (!dir.isValid() || !QDir(dir.path()).mkpath(QStringLiteral("root")))
        return fail("no temporary directory");
    const QString root = QFileInfo(dir.filePath(QStringLiteral("root"))).canonicalFilePath();
    const QString file = root + QStringLiteral("/big.bin");
    if (!writeRandomFile(file, size))
        return fail("the file could not be written");

    ServerProcess server(dir.path());
    const QUrl url = startAuthServer(server);
    if (url.isEmpty())
        return fail("the server did not start");
    Http http(url);
    const QString token = http.accessToken(kAdmin, kAdminPassword);
    RemoteAgents agents(http, token);
    RemoteAgent agent;
    if (!agents.start(agent, QStringLiteral("bench-files"), {QStringLiteral("bench")},
                      {QStringLiteral("--allow"), QStringLiteral("files"),
                       QStringLiteral("--files-root"), root}))
        return fail("the agent did not start");
    if (!waitFor([&] { return agents.status(agent.nodeId) == u"online"; }, 30000))
        return fail("the agent did not come online");
    const QString path = QStringLiteral("/api/v1/nodes/%1/files/download?root=%2&path=big.bin")
                             .arg(agent.nodeId,
                                  QString::fromLatin1(QUrl::toPercentEncoding(root)));
    const qint64 serverPid = server.process().processId();
    const qint64 agentPid = agent.process->processId();
    const double serverBefore = peakRssMiB(serverPid);
    const double agentBefore = peakRssMiB(agentPid);

    std::vector<double> reference;
    std::vector<double> referenceBySendfile;
    std::vector<double> download;
    double referenceCpu = 0;
    double serverCpu = 0;
    double agentCpu = 0;
    double clientCpu = 0;
    std::vector<double> health; // ms, GET /api/v1/health during the downloads
    std::vector<double> firstBytes; // ms, each download's connect to its first byte
    std::vector<double> hopsByCopies;
    std::vector<double> hopsBySplices;
    double hopsByCopiesCpu = 0;
    double hopsBySplicesCpu = 0;
    for (int run = 0; run < runs; ++run) {
        const Side ref = referenceRun(file, size);
        if (ref.mbps <= 0)
            return fail("the reference copy failed");
        const double server0 = cpuSeconds(serverPid);
        const double agent0 = cpuSeconds(agentPid);
        double client = 0;
        HealthProbe probe(quint16(url.port()));
        const Side got = downloadRun(url, path, token, size, &client);
        for (double ms : probe.finish())
            health.push_back(ms);
        serverCpu += cpuSeconds(serverPid) - server0;
        agentCpu += cpuSeconds(agentPid) - agent0;
        clientCpu += client;
        referenceCpu += ref.cpuSeconds;
        if (got.mbps <= 0)
            return fail("the download failed");
        const Side bySendfile = referenceRun(file, size, true);
        if (bySendfile.mbps > 0)
            referenceBySendfile.push_back(bySendfile.mbps);
        const Side copies = twoHopRun(file, size, Hops::Copies);
        const Side splices = twoHopRun(file, size, Hops::ZeroCopy);
        if (copies.mbps > 0)
            hopsByCopies.push_back(copies.mbps);
        if (splices.mbps > 0)
            hopsBySplices.push_back(splices.mbps);
        hopsByCopiesCpu += copies.cpuSeconds;
        hopsBySplicesCpu += splices.cpuSeconds;
        reference.push_back(ref.mbps);
        download.push_back(got.mbps);
        firstBytes.push_back(got.firstByteMs);
        std::printf("run %d: reference %.0f MB/s, download %.0f MB/s, direct by sendfile %.0f "
                    "MB/s, two hops: copies %.0f MB/s, zero copy %.0f MB/s\n",
                    run + 1, ref.mbps, got.mbps, bySendfile.mbps, copies.mbps, splices.mbps);
        std::fflush(stdout);
    }
    const double ref = median(reference);
    const double got = median(download);
    const double perGiB = 1024.0 / double(mib) / runs;
    std::printf("file download through the server, %lld MiB, %d runs (medians):\n"
                "  reference (loopback TCP, read+send 1 MiB, one thread) %.0f MB/s\n"
                "  download (agent -> server -> HTTP client)             %.0f MB/s\n"
                "  ratio %.2f (goal >= 0.80)\n"
                "  peak RSS (VmHWM) server %.1f -> %.1f MiB, agent %.1f -> %.1f MiB\n"
                "  CPU seconds per GiB: reference %.2f (sender + receiver threads); download "
                "%.2f (server %.2f, agent %.2f, client %.2f)\n",
                qlonglong(mib), runs, ref, got, got / ref, serverBefore, peakRssMiB(serverPid),
                agentBefore, peakRssMiB(agentPid), referenceCpu * perGiB,
                (serverCpu + agentCpu + clientCpu) * perGiB, serverCpu * perGiB,
                agentCpu * perGiB, clientCpu * perGiB);
    std::printf("  the product's way on this machine: %s (%s)\n",
                qPrintable(hm::fleet::fileDataPathName(hm::fleet::fileDataPath())),
                qPrintable(hm::fleet::fileDataPathChoice().reason));
    if (!referenceBySendfile.empty())
        std::printf("  not the goal's: a direct copy by sendfile (one thread, 1 MiB a call) %.0f "
                    "MB/s; the download is %.2f of it\n",
                    median(referenceBySendfile), got / median(referenceBySendfile));
    std::printf("  not the goal's: two loopback hops with a bare relay in this process,\n"
                "    copies (pread+send -> recv+send -> recv) %.0f MB/s, %.2f of the reference, "
                "%.2f CPU s per GiB\n"
                "    zero copy (sendfile -> splice -> recv)    %.0f MB/s, %.2f of the reference, "
                "%.2f CPU s per GiB\n",
                median(hopsByCopies), median(hopsByCopies) / ref, hopsByCopiesCpu * perGiB,
                median(hopsBySplices), median(hopsBySplices) / ref, hopsBySplicesCpu * perGiB);
    // Part of each download's time and hardly any of the reference's: what
    // the server and agent do before the first byte (authorise, open the
    // file on the agent, its data connection).
    std::printf("  the download's first byte after: median %.1f ms\n", median(firstBytes));
    std::sort(health.begin(), health.end());
    std::printf("  GET /api/v1/health during the downloads: %zu answers, median %.1f ms, max %.1f ms\n",
                health.size(), median(health), health.empty() ? 0.0 : health.back());
    agent.stop();
    return 0;
}
