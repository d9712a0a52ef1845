// A file download through the server (issue 38 benchmark: ≥ 80 % of a
// direct loopback copy's throughput for a 1 GiB file, memory flat),
// through the real parts: a real hivemind-agent (--allow files) sends the
// file (agent/FileStreams: on plain HTTP a data connection of its own with
// sendfile(2), FileDataSender.h), the real hivemind-server passes it on
// into the HTTP answer (FileDownloads: splice(2) from the data connection
// into the client's socket), and a plain QTcpSocket client here reads it.
// The reference, measured in the same run with the same receiving code:
// the same file sent over loopback TCP by a plain user-space copy (a
// thread of this process: read(2) of 1 MiB, then send(2), in a loop).
//
//   BenchFileDownload [--mib N] [--runs R] [--dir D]
//
// The file (N MiB, default 1024, random so nothing can compress it) is
// written once and read from the page cache by both. Runs alternate
// reference and download; the medians are reported, with their ratio, and
// the server's and the agent's peak RSS (VmHWM) before and after.

#include "../server/RemoteAgentSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpSocket>
#include <algorithm>
#include <arpa/inet.h>
#include <cstdio>
#include <fcntl.h>
#include <netinet/in.h>
#include <random>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace hm::test;

namespace {

int fail(const char *what)
{
    std::fprintf(stderr, "BenchFileDownload: %s\n", what);
    return 1;
}

template<typename Predicate>
bool waitFor(Predicate done, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents,
                                        10);
    }
    return true;
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

// Reads one HTTP answer (or, with `raw`, a plain byte stream of
// `expected` bytes) from `socket`, discarding the body: bytes of body read.
struct Receiver
{
    QTcpSocket socket;
    bool raw = false;
    bool headDone = false;
    int status = 0;
    qint64 contentLength = -1;
    qint64 received = 0;
    bool closed = false;

    Receiver()
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { read(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] {
            read();
            closed = true;
        });
    }

    void read()
    {
        while (socket.bytesAvailable() > 0) {
            if (!raw && !headDone) {
                if (!socket.canReadLine())
                    return;
                const QByteArray line = socket.readLine();
                if (status == 0)
                    status = line.mid(9, 3).toInt();
                if (line.toLower().startsWith("content-length:"))
                    contentLength = line.mid(15).trimmed().toLongLong();
                headDone = line == "\r\n";
                continue;
            }
            char buffer[1 << 20];
            const qint64 got = socket.read(buffer, sizeof buffer);
            if (got <= 0)
                return;
            received += got;
        }
    }
};

// The reference: a loopback TCP listener whose one connection gets the
// file by read(2) + send(2), 1 MiB at a time, from a thread.
double referenceMBps(const QString &path, qint64 size)
{
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(listener, 1) != 0 ||
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        ::close(listener);
        return -1;
    }
    const QByteArray file = path.toLocal8Bit();
    std::thread sender([listener, file] {
        const int connection = ::accept(listener, nullptr, nullptr);
        const int fd = ::open(file.constData(), O_RDONLY);
        std::vector<char> buffer(1 << 20);
        for (;;) {
            const ssize_t got = ::read(fd, buffer.data(), buffer.size());
            if (got <= 0)
                break;
            for (ssize_t sent = 0; sent < got;) {
                const ssize_t n = ::send(connection, buffer.data() + sent, size_t(got - sent),
                                         MSG_NOSIGNAL);
                if (n <= 0)
                    goto done;
                sent += n;
            }
        }
    done:
        ::close(fd);
        ::close(connection);
    });
    Receiver receiver;
    receiver.raw = true;
    QElapsedTimer clock;
    clock.start();
    receiver.socket.connectToHost(QHostAddress::LocalHost, ntohs(address.sin_port));
    waitFor([&] { return receiver.received >= size || receiver.closed; }, 600000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    sender.join();
    ::close(listener);
    return receiver.received == size ? double(size) / 1e6 / seconds : -1;
}

double downloadMBps(const QUrl &base, const QString &path, const QString &token, qint64 size)
{
    Receiver receiver;
    QElapsedTimer clock;
    clock.start();
    receiver.socket.connectToHost(base.host(), quint16(base.port()));
    receiver.socket.write(QByteArray("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: " +
                                     base.host().toUtf8() + "\r\nAuthorization: Bearer " +
                                     token.toUtf8() + "\r\n\r\n"));
    waitFor([&] { return (receiver.headDone && receiver.received >= receiver.contentLength) ||
                         receiver.closed; },
            600000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (receiver.status != 200 || receiver.contentLength != size || receiver.received != size) {
        std::fprintf(stderr, "download: status %d, %lld of %lld bytes\n", receiver.status,
                     qlonglong(receiver.received), qlonglong(receiver.contentLength));
        return -1;
    }
    return double(size) / 1e6 / seconds;
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
    std::vector<double> download;
    double serverCpu = 0;
    double agentCpu = 0;
    double clientCpu = 0;
    for (int run = 0; run < runs; ++run) {
        const double ref = referenceMBps(file, size);
        if (ref <= 0)
            return fail("the reference copy failed");
        const double server0 = cpuSeconds(serverPid);
        const double agent0 = cpuSeconds(agentPid);
        const double client0 = cpuSeconds(QCoreApplication::applicationPid());
        const double got = downloadMBps(url, path, token, size);
        serverCpu += cpuSeconds(serverPid) - server0;
        agentCpu += cpuSeconds(agentPid) - agent0;
        clientCpu += cpuSeconds(QCoreApplication::applicationPid()) - client0;
        if (got <= 0)
            return fail("the download failed");
        reference.push_back(ref);
        download.push_back(got);
        std::printf("run %d: reference %.0f MB/s, download %.0f MB/s\n", run + 1, ref, got);
        std::fflush(stdout);
    }
    const double ref = median(reference);
    const double got = median(download);
    std::printf("file download through the server, %lld MiB, %d runs (medians):\n"
                "  reference (loopback TCP, read+send 1 MiB, one thread) %.0f MB/s\n"
                "  download (agent -> server -> HTTP client)             %.0f MB/s\n"
                "  ratio %.2f (goal >= 0.80)\n"
                "  peak RSS (VmHWM) server %.1f -> %.1f MiB, agent %.1f -> %.1f MiB\n"
                "  CPU seconds per GiB downloaded: server %.2f, agent %.2f, client %.2f\n",
                qlonglong(mib), runs, ref, got, got / ref, serverBefore, peakRssMiB(serverPid),
                agentBefore, peakRssMiB(agentPid), serverCpu / runs * 1024.0 / double(mib),
                agentCpu / runs * 1024.0 / double(mib), clientCpu / runs * 1024.0 / double(mib));
    agent.stop();
    return 0;
}
