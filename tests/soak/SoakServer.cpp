// A bounded soak of the real hivemind-server: many WebSocket clients on
// /ws/events while a steady trigger load runs, for minutes. Not part of CI
// (tests/soak/run-soak.sh runs it; ctest only runs a seconds-long smoke).
//
//   SoakServer [--clients N] [--seconds S] [--rate R] [--threads T]
//              [--sample-seconds K] [--warmup W] [--smoke]
//
// Every K seconds it samples the server process from /proc: resident
// memory, open file descriptors and threads. At the end it checks:
//   - none lost: every client received execution_started and
//     execution_completed for every acknowledged execution of the soak's
//     flow, and no client was closed;
//   - flat: over the second half of the run, resident memory grew by less
//     than 2 % + 2 MiB, and descriptors and threads by at most 2.
// Before the clients connect, W executions (default 40,000) run as fast as
// the server takes them: the engine keeps the latest 10,000 finished
// executions in memory and each SQLite connection caches up to 16 MiB, so
// memory rises until both are full; the soak measures what comes after.
// Exit code 0 when both hold (--smoke: only "none lost"), 1 otherwise.

#include "../server/FlowTestSupport.h"
#include "ClientThreadPool.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>
#include <atomic>
#include <cstdio>

using namespace hm::test;

namespace {

struct Options
{
    int clients = 1000;
    int seconds = 600;
    double rate = 50; // executions per second
    int threads = 4;
    int sampleSeconds = 10;
    qint64 warmup = 40000; // executions before the clients connect
    bool smoke = false;
};

// One /ws/events subscriber: counts the soak flow's execution events. Its
// counters are written by its client thread and read by the main thread.
struct Client
{
    std::unique_ptr<QWebSocket> socket;
    std::atomic<qint64> started{0};
    std::atomic<qint64> completed{0};
    std::atomic<bool> open{false};
    std::atomic<bool> closed{false};
    std::atomic<int> closeCode{0};
};

// The subscribers, spread over a few client threads (ClientThreadPool.h).
class ClientPool
{
public:
    explicit ClientPool(int threads) : m_pool(threads) {}
    // Opens `count` clients on `url`; `flowId` picks the events they count.
    void open(const QUrl &url, int count, const QString &flowId)
    {
        const QString marker = QStringLiteral("\"flow_id\":\"%1\"").arg(flowId);
        for (int i = 0; i < count; ++i) {
            auto client = std::make_unique<Client>();
            m_all.push_back(client.get());
            m_pool.add(i, std::move(client), [url, marker](Client &client) {
                Client *c = &client;
                c->socket = std::make_unique<QWebSocket>();
                QObject::connect(c->socket.get(), &QWebSocket::connected,
                                 [c] { c->open.store(true); });
                QObject::connect(c->socket.get(), &QWebSocket::textMessageReceived,
                                 [c, marker](const QString &text) {
                                     if (!text.contains(marker))
                                         return; // system_status, other flows
                                     if (text.contains(u"\"type\":\"execution_started\""))
                                         c->started.fetch_add(1);
                                     else if (text.contains(u"\"type\":\"execution_completed\""))
                                         c->completed.fetch_add(1);
                                 });
                QObject::connect(c->socket.get(), &QWebSocket::disconnected, [c] {
                    c->closeCode.store(int(c->socket->closeCode()));
                    c->closed.store(true);
                });
                c->socket->open(url);
            });
        }
    }
    const std::vector<Client *> &all() const { return m_all; }
    int countOpen() const
    {
        int n = 0;
        for (const Client *c : m_all)
            n += c->open.load() && !c->closed.load();
        return n;
    }
    int countClosed() const
    {
        int n = 0;
        for (const Client *c : m_all)
            n += c->closed.load();
        return n;
    }

private:
    ClientThreadPool<Client> m_pool;
    std::vector<Client *> m_all;
};

struct Sample
{
    qint64 elapsedS = 0;
    qint64 rssKiB = 0;
    int fds = 0;
    int threads = 0;
    qint64 acknowledged = 0;
    qint64 events = 0;
    int openClients = 0;
};

// Resident memory, descriptors and threads of `pid` from /proc (Linux).
Sample sampleProcess(qint64 pid)
{
    Sample s;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                s.rssKiB = line.mid(6).trimmed().split(' ').value(0).toLongLong();
            else if (line.startsWith("Threads:"))
                s.threads = line.mid(8).trimmed().toInt();
        }
    }
    s.fds = int(QDir(QStringLiteral("/proc/%1/fd").arg(pid))
                    .entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)
                    .size());
    return s;
}

// Runs the event loop until `done` or `timeoutMs`, checking every 20 ms.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done();
}

int fail(const char *what)
{
    std::fprintf(stderr, "SoakServer: %s\n", what);
    return 1;
}

Options parse(const QStringList &args)
{
    Options o;
    for (int i = 1; i < args.size(); ++i) {
        const QString next = i + 1 < args.size() ? args[i + 1] : QString();
        if (args[i] == QLatin1String("--clients"))
            o.clients = std::max(1, next.toInt());
        else if (args[i] == QLatin1String("--seconds"))
            o.seconds = std::max(1, next.toInt());
        else if (args[i] == QLatin1String("--rate"))
            o.rate = std::max(1.0, next.toDouble());
        else if (args[i] == QLatin1String("--threads"))
            o.threads = std::max(1, next.toInt());
        else if (args[i] == QLatin1String("--sample-seconds"))
            o.sampleSeconds = std::max(1, next.toInt());
        else if (args[i] == QLatin1String("--warmup"))
            o.warmup = std::max(0LL, next.toLongLong());
        else if (args[i] == QLatin1String("--smoke"))
            o.smoke = true;
    }
    return o;
}

void printSample(const Sample &s)
{
    std::printf("| %5lld | %8.1f | %5d | %7d | %10lld | %12lld | %6d |\n",
                static_cast<long long>(s.elapsedS), double(s.rssKiB) / 1024.0, s.fds, s.threads,
                static_cast<long long>(s.acknowledged), static_cast<long long>(s.events),
                s.openClients);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options o = parse(app.arguments());
    // The server inherits this process's limit: a descriptor per client on
    // both sides.
    raiseFileLimit(2 * qint64(o.clients) + 512);

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail("no temporary directory");
    ServerProcess server(dir.path());
    // Access tokens outlive the run: a WebSocket closes when its token
    // expires, which would read as lost events.
    const QUrl url = startAuthServer(
        server, {QStringLiteral("--access-token-ttl"), QStringLiteral("86400"),
                 QStringLiteral("--ws-status-interval-ms"), QStringLiteral("1000")});
    if (url.isEmpty())
        return fail("the server did not start");
    // The access log goes to the pipes: read it away, or the server blocks
    // on a full pipe.
    QProcess &process = server.process();
    QObject::connect(&process, &QProcess::readyReadStandardOutput,
                     [&process] { process.readAllStandardOutput(); });
    QObject::connect(&process, &QProcess::readyReadStandardError,
                     [&process] { process.readAllStandardError(); });
    const qint64 pid = process.processId();

    Http http(url);
    const QString token = http.accessToken(kAdmin, kAdminPassword);
    const QJsonObject definition =
        flowDefinition({flowNode("a", "noop"), flowNode("b", "noop"), flowNode("c", "noop")},
                       {flowEdge("a", "b"), flowEdge("b", "c")});
    const QString flowId = createPublishedFlow(http, token, QStringLiteral("soak"), definition,
                                               concurrency(QStringLiteral("allow"), 1000));
    if (token.isEmpty() || flowId.isEmpty())
        return fail("cannot create the soak flow");

    // Triggers: asynchronous, a bounded number in flight.
    QNetworkAccessManager network;
    int inFlight = 0;
    QUrl triggerUrl = url;
    triggerUrl.setPath(QStringLiteral("/api/v1/flows/%1/trigger").arg(flowId));
    const auto trigger = [&](std::function<void(int status)> done) {
        QNetworkRequest request(triggerUrl);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = network.post(request, QByteArrayLiteral(R"({"inputs":{}})"));
        ++inFlight;
        QObject::connect(reply, &QNetworkReply::finished, [&inFlight, reply, done] {
            --inFlight;
            done(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
            reply->deleteLater();
        });
    };
    constexpr int kMaxInFlight = 256;

    // Warm-up, before any client listens: the engine keeps the latest
    // finished executions in memory up to a cap and SQLite's page caches
    // fill as the database grows; both are bounded, and the soak measures
    // what comes after them.
    if (o.warmup > 0) {
        qint64 sent = 0;
        qint64 warmed = 0;
        qint64 warmRefused = 0;
        QTimer feed;
        QObject::connect(&feed, &QTimer::timeout, [&] {
            for (; sent < o.warmup && inFlight < kMaxInFlight; ++sent)
                trigger([&](int status) { (status == 200 ? warmed : warmRefused) += 1; });
        });
        feed.start(1);
        waitFor([&] { return warmed + warmRefused >= o.warmup; }, 600000);
        feed.stop();
        if (warmRefused > 0 || warmed < o.warmup)
            return fail("the warm-up triggers were not all acknowledged");
        std::printf("warm-up: %lld executions\n", static_cast<long long>(warmed));
    }

    ClientPool pool(o.threads);
    QUrl wsUrl = url;
    wsUrl.setScheme(QStringLiteral("ws"));
    wsUrl.setPath(QStringLiteral("/ws/events"));
    wsUrl.setQuery(QStringLiteral("token=") + token);
    // In batches: the listen backlog is finite.
    for (int opened = 0; opened < o.clients;) {
        const int batch = std::min(100, o.clients - opened);
        pool.open(wsUrl, batch, flowId);
        opened += batch;
        if (!waitFor([&] { return pool.countOpen() + pool.countClosed() >= opened; }, 60000))
            return fail("clients did not connect");
    }
    if (pool.countClosed() > 0)
        return fail("a client was refused");
    std::printf("%d clients on /ws/events; triggering %.0f executions/s for %d s\n", o.clients,
                o.rate, o.seconds);
    std::printf("| s | RSS MiB | fds | threads | acknowledged | events/client | open |\n"
                "| --- | --- | --- | --- | --- | --- | --- |\n");

    // The paced load.
    qint64 acknowledged = 0;
    qint64 refused = 0;
    qint64 skipped = 0; // requests not sent: too many in flight
    qint64 due = 0;     // requests the pace asked for so far
    QElapsedTimer paced;
    QTimer pace;
    constexpr int kTickMs = 10;
    QObject::connect(&pace, &QTimer::timeout, [&] {
        // From the clock, not the tick count: a late tick sends more.
        const qint64 target = qint64(o.rate * double(paced.elapsed()) / 1000.0);
        for (; due < target; ++due) {
            if (inFlight >= kMaxInFlight) {
                ++skipped;
                continue;
            }
            trigger([&](int status) { (status == 200 ? acknowledged : refused) += 1; });
        }
    });

    std::vector<Sample> samples;
    QElapsedTimer clock;
    const auto takeSample = [&] {
        Sample s = sampleProcess(pid);
        s.elapsedS = (clock.elapsed() + 500) / 1000;
        s.acknowledged = acknowledged;
        s.events = pool.all().empty() ? 0 : pool.all().front()->completed.load();
        s.openClients = pool.countOpen();
        samples.push_back(s);
        printSample(s);
    };
    clock.start();
    takeSample();
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, takeSample);
    sampler.start(o.sampleSeconds * 1000);
    paced.start();
    pace.start(kTickMs);
    waitFor([&] { return clock.elapsed() >= qint64(o.seconds) * 1000; }, o.seconds * 1000 + 1000);
    pace.stop();
    sampler.stop();
    // Let the last requests and events arrive.
    waitFor([&] { return inFlight == 0; }, 60000);
    const auto allSeen = [&] {
        for (const Client *c : pool.all())
            if (!c->closed.load() &&
                (c->started.load() < acknowledged || c->completed.load() < acknowledged))
                return false;
        return true;
    };
    waitFor(allSeen, 60000);
    takeSample();

    qint64 lost = 0;
    int clientsMissing = 0;
    for (const Client *c : pool.all()) {
        const qint64 missing = std::max<qint64>(0, acknowledged - c->started.load()) +
                               std::max<qint64>(0, acknowledged - c->completed.load());
        lost += missing;
        clientsMissing += missing > 0;
    }
    const int closed = pool.countClosed();
    std::printf("triggers: %lld acknowledged, %lld refused, %lld not sent (256 in flight)\n",
                static_cast<long long>(acknowledged), static_cast<long long>(refused),
                static_cast<long long>(skipped));
    std::printf("events: %lld lost over %d clients (%d clients missed some); %d clients closed\n",
                static_cast<long long>(lost), o.clients, clientsMissing, closed);

    bool flat = true;
    if (!o.smoke && samples.size() >= 4) {
        const Sample &half = samples[samples.size() / 2];
        Sample peak = half;
        for (size_t i = samples.size() / 2; i < samples.size(); ++i) {
            peak.rssKiB = std::max(peak.rssKiB, samples[i].rssKiB);
            peak.fds = std::max(peak.fds, samples[i].fds);
            peak.threads = std::max(peak.threads, samples[i].threads);
        }
        const qint64 rssAllowed = half.rssKiB + half.rssKiB / 50 + 2 * 1024;
        flat = peak.rssKiB <= rssAllowed && peak.fds <= half.fds + 2 &&
               peak.threads <= half.threads + 2;
        std::printf("second half (from %lld s): RSS %.1f -> peak %.1f MiB (allowed %.1f), "
                    "fds %d -> %d, threads %d -> %d: %s\n",
                    static_cast<long long>(half.elapsedS), double(half.rssKiB) / 1024,
                    double(peak.rssKiB) / 1024, double(rssAllowed) / 1024, half.fds, peak.fds,
                    half.threads, peak.threads, flat ? "flat" : "GROWING");
    }
    const bool ok = lost == 0 && closed == 0 && refused == 0 && acknowledged > 0 && flat;
    std::printf("soak: %s\n", ok ? "PASS" : "FAIL");
    process.terminate();
    process.waitForFinished(30000);
    return ok ? 0 : 1;
}
