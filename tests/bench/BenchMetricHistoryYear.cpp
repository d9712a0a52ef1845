// The metric history of a fleet after a year (issue 35, "Benchmarks"): the
// database size of 1,000 nodes in the steady state, and one year of one
// node's 1-hour history read the way GET /api/v1/nodes/{id}/metrics reads it
// (goal < 20 ms).
//
//   build/ci/bin/BenchMetricHistoryYear [--nodes 1000] [--interval 5]
//       [--real-hours 2] [--reps 200] [--cold-reps 20] [--dir DIR] [--keep]
//
// The steady state at time T (a whole hour): raw minutes of the last 24 h,
// 1-minute buckets of the last 7 days, 15-minute buckets of the last 90 days
// and 1-hour buckets of the last 365 days, 40 metrics per node (an 8-core
// host with three network interfaces, three mounts and three temperature
// sensors, the names hivemind-agent reports) sampled every --interval
// seconds (the agent's default 5).
//
// What runs through the real code and what is simulated:
// - Node 0 (the one queried): its last --real-hours hours of reports go
//   through MetricHistory::record() (the server's write-behind queue and a
//   real SQLCipher file) with a simulated clock, and maintain() rolls them
//   up into 1-minute, 15-minute and 1-hour buckets, as the server does.
// - Everything else (node 0's older rows, every row of the other nodes) is
//   written with the repository's own statements (insertMinuteSql(),
//   insertBucketSql(), insertMarkSql()) in transactions of 20,000 rows,
//   bypassing the queue. A year of 1,000 nodes through record() would be
//   6.3 billion reports. The blobs are made by the real packers
//   (MinutePackWriter; summarise() and BucketStats::merge(), packBucket())
//   from one simulated node's random-walk values at --interval: a day of
//   raw minutes, a day of 1-minute buckets, 4 days of 15-minute buckets,
//   a week of 1-hour buckets, which each node reuses with its own offset.
//   The sizes are therefore realistic (the program prints the real path's
//   average blob per tier next to the simulated one's); the values repeat.
// - The buckets are written one row each, as before schema 44 (a database
//   from before the days); then maintain() passes fold the 15-minute and
//   1-hour ones into days (fleet_metric_days), as a server does after the
//   upgrade: the program prints how many passes and how long that took,
//   and measures everything after it. The file keeps the pages the single
//   rows left free (SQLite reuses them): "used" leaves them out.
//
// Reported: the file size (database + WAL, after a checkpoint), per node,
// and per tier (rows and blob bytes; the file's overhead over the blobs
// shared out in proportion). Then the query, through FleetService::metrics
// (what the route calls) with the 1-year range and limit 10000 (the
// console's), all 40 metrics and a typical 4: warm (the same connection,
// repeated) and cold (a fresh connection on the file after its pages were
// dropped from the OS cache with posix_fadvise), p50/p99 over the
// repetitions, the warm call's CPU time (its thread's: on a shared machine
// the wall time also counts the waits for a core), and where the time goes
// (SQL, decoding, the JSON answer).
// The database is deleted at the end unless --keep.

#include "BenchWait.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "crypto/Sodium.h"
#include "fleet/MetricDayPack.h"
#include "fleet/MetricPack.h"
#include "server/repositories/MetricHistoryRepository.h"
#include "server/repositories/NodeRepository.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/fleet/BucketItemsText.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/fleet/MetricHistory.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace hm;
using namespace hm::server;
using namespace hm::server::repositories;
using hm::fleet::MetricValue;

namespace {

constexpr qint64 kNowMs = 1'800'000'000'000; // 2027-01-15T08:00:00Z, a whole hour
constexpr qint64 kNow = kNowMs / 1000;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 24 * kHour;
constexpr int kRowsPerTransaction = 20000;

struct Options
{
    int nodes = 1000;
    int interval = 5;
    int realHours = 2;
    int reps = 200;
    int coldReps = 20;
    QString dir;
    bool keep = false;
};

Options parseOptions(const QStringList &args)
{
    Options o;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const auto next = [&]() -> QString {
            if (i + 1 >= args.size())
                qFatal("%s needs a value", qPrintable(a));
            return args.at(++i);
        };
        if (a == u"--nodes")
            o.nodes = std::max(1, next().toInt());
        else if (a == u"--interval")
            o.interval = std::clamp(next().toInt(), 1, 60);
        else if (a == u"--real-hours")
            o.realHours = std::clamp(next().toInt(), 1, 23);
        else if (a == u"--reps")
            o.reps = std::max(1, next().toInt());
        else if (a == u"--cold-reps")
            o.coldReps = std::max(1, next().toInt());
        else if (a == u"--dir")
            o.dir = next();
        else if (a == u"--keep")
            o.keep = true;
        else
            qFatal("unknown argument %s (see the comment at the top of "
                   "tests/bench/BenchMetricHistoryYear.cpp)",
                   qPrintable(a));
    }
    return o;
}

// 40 metrics of one host as random walks at realistic magnitudes.
class HostSimulator
{
public:
    explicit HostSimulator(quint32 seed, int intervalS) : m_random(seed), m_interval(intervalS)
    {
        const auto add = [this](const QString &name) { m_values.append(MetricValue{name, 0}); };
        add(QStringLiteral("cpu_usage"));
        for (int c = 0; c < 8; ++c)
            add(QStringLiteral("cpu.%1").arg(c));
        for (const char *n : {"load_avg_1", "load_avg_5", "load_avg_15", "memory_total",
                              "memory_used", "swap_total", "swap_used", "disk_total", "disk_used",
                              "disk_read_bps", "disk_write_bps"})
            add(QString::fromLatin1(n));
        for (const char *nic : {"eth0", "eth1", "lo"}) {
            add(QStringLiteral("net.%1.rx_bps").arg(QLatin1String(nic)));
            add(QStringLiteral("net.%1.tx_bps").arg(QLatin1String(nic)));
        }
        for (const char *n :
             {"network_in", "network_out", "tcp_connections", "processes", "uptime"})
            add(QString::fromLatin1(n));
        for (const char *mount : {"root", "var", "home"}) {
            add(QStringLiteral("disk.%1.total").arg(QLatin1String(mount)));
            add(QStringLiteral("disk.%1.used").arg(QLatin1String(mount)));
        }
        for (const char *zone : {"x86_pkg_temp", "acpitz", "nvme0"})
            add(QStringLiteral("temp.%1").arg(QLatin1String(zone)));
        if (m_values.size() != 40)
            qFatal("the simulated host has %d metrics, not 40", int(m_values.size()));
        m_cpu.fill(20.0, 8);
    }

    const QList<MetricValue> &next()
    {
        const double dt = m_interval;
        // CPU: per-core random walks in [0, 100]; the total is their mean.
        double total = 0;
        for (int c = 0; c < 8; ++c) {
            m_cpu[c] = std::clamp(m_cpu[c] + normal() * 6.0, 0.0, 100.0);
            total += m_cpu[c];
        }
        m_load = std::max(0.0, m_load + normal() * 0.15);
        m_load5 += (m_load - m_load5) * dt / 300.0;
        m_load15 += (m_load - m_load15) * dt / 900.0;
        m_memUsed = std::clamp(m_memUsed + normal() * 8e6, 2e9, 15e9);
        m_swapUsed = std::clamp(m_swapUsed + normal() * 1e5, 0.0, 2e9);
        m_diskUsed += std::abs(normal()) * 2e5 * dt;
        m_uptime += dt;
        int i = 0;
        set(i++, total / 8.0);
        for (int c = 0; c < 8; ++c)
            set(i++, m_cpu[c]);
        set(i++, m_load);
        set(i++, m_load5);
        set(i++, m_load15);
        set(i++, 16.0 * 1024 * 1024 * 1024);
        set(i++, m_memUsed);
        set(i++, 2.0 * 1024 * 1024 * 1024);
        set(i++, m_swapUsed);
        set(i++, 512e9);
        set(i++, m_diskUsed);
        const double read = rate(2e5);
        const double written = rate(4e5);
        set(i++, read);
        set(i++, written);
        double in = 0;
        double out = 0;
        for (double mean : {1e5, 2e4, 5e3}) {
            const double rx = rate(mean);
            const double tx = rate(mean * 0.6);
            in += rx;
            out += tx;
            set(i++, rx);
            set(i++, tx);
        }
        set(i++, in);
        set(i++, out);
        m_tcp = std::clamp(m_tcp + std::round(normal() * 3), 20.0, 400.0);
        m_procs = std::clamp(m_procs + std::round(normal()), 150.0, 400.0);
        set(i++, m_tcp);
        set(i++, m_procs);
        set(i++, m_uptime);
        for (double share : {0.6, 0.3, 0.1}) {
            set(i++, 512e9 * share);
            set(i++, m_diskUsed * share);
        }
        for (double base : {45.0, 38.0, 40.0})
            set(i++, base + total / 8.0 * 0.3 + normal() * 0.5);
        return m_values;
    }

private:
    double normal()
    {
        // Irwin-Hall: close enough to a normal for a random walk.
        double s = 0;
        for (int k = 0; k < 4; ++k)
            s += m_random.generateDouble();
        return (s - 2.0) * 1.7320508;
    }
    // Bytes per second: mostly near the mean, sometimes a burst.
    double rate(double mean)
    {
        const double u = std::max(1e-12, m_random.generateDouble());
        return std::round(-std::log(u) * mean);
    }
    void set(int i, double v) { m_values[i].value = v; }

    QRandomGenerator m_random;
    int m_interval;
    QList<MetricValue> m_values;
    QList<double> m_cpu;
    double m_load = 1.0, m_load5 = 1.0, m_load15 = 1.0;
    double m_memUsed = 6e9, m_swapUsed = 1e8, m_diskUsed = 200e9, m_uptime = 1e6;
    double m_tcp = 120, m_procs = 240;
};

// Blobs of each tier from one simulated node, made by the real packers.
struct Pools
{
    QList<QByteArray> raw, oneMinute, quarter, hour;
};

Pools makePools(int intervalS)
{
    HostSimulator host(35, intervalS);
    Pools p;
    const int perMinute = 60 / intervalS;
    // A day of minutes: the raw blob and its 1-minute bucket.
    QList<hm::fleet::BucketStats> minuteStats;
    for (int m = 0; m < 1440; ++m) {
        hm::fleet::MinutePackWriter writer;
        QList<hm::fleet::PackedSample> samples;
        for (int s = 0; s < perMinute; ++s) {
            const qint64 t = kNowMs + (qint64(m) * 60 + qint64(s) * intervalS) * 1000;
            const QList<MetricValue> &values = host.next();
            writer.append(t, qint64(m) * perMinute + s + 1, values);
            samples.append({t, qint64(m) * perMinute + s + 1, values});
        }
        p.raw.append(writer.packed());
        minuteStats.append(hm::fleet::summarise(samples));
        p.oneMinute.append(hm::fleet::packBucket(minuteStats.last()));
    }
    // Coarser buckets merge finer ones, as maintain() does.
    const auto merged = [](const QList<hm::fleet::BucketStats> &parts) {
        hm::fleet::BucketStats out;
        for (const auto &part : parts)
            for (auto it = part.begin(); it != part.end(); ++it)
                out[it.key()].merge(it.value());
        return out;
    };
    QList<hm::fleet::BucketStats> quarters;
    for (int q = 0; q < 4 * 96; ++q) {
        // Four days of quarters from the day of minutes, shifted each day so
        // they differ.
        QList<hm::fleet::BucketStats> parts;
        for (int m = 0; m < 15; ++m)
            parts.append(minuteStats.at((q * 15 + m + (q / 96) * 7) % 1440));
        quarters.append(merged(parts));
        p.quarter.append(hm::fleet::packBucket(quarters.last()));
    }
    for (int h = 0; h < 168; ++h) {
        QList<hm::fleet::BucketStats> parts;
        for (int q = 0; q < 4; ++q)
            parts.append(quarters.at((h * 4 + q + (h / 24) * 3) % quarters.size()));
        p.hour.append(hm::fleet::packBucket(merged(parts)));
    }
    return p;
}

double average(const QList<QByteArray> &blobs)
{
    double sum = 0;
    for (const QByteArray &b : blobs)
        sum += double(b.size());
    return blobs.isEmpty() ? 0 : sum / double(blobs.size());
}

QString nodeId(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QChar(u'0'));
}

void check(const Status &s, const char *what)
{
    if (!s)
        qFatal("%s: %s", what, qPrintable(s.error().toString()));
}

// Runs the event loop until `done` is set (the write-behind queue's
// acknowledgements arrive through it), sleeping in between: the loop it
// replaced spun (BenchWait.h says why) and took a core from the writer.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 120000)
{
    return hm::bench::waitFor(done, timeoutMs);
}

// Node 0's last hours through record() and maintain(), as the server runs
// them.
void recordRealHours(server::fleet::FleetService &fleet, qint64 &clockMs, const Options &o)
{
    server::fleet::MetricHistory &history = fleet.history();
    HostSimulator host(7, o.interval);
    const QString id = nodeId(0);
    const qint64 startMs = kNowMs - qint64(o.realHours) * kHour * 1000;
    const qint64 reports = qint64(o.realHours) * kHour / o.interval;
    qint64 acknowledged = 0;
    QObject context;
    for (qint64 i = 0; i < reports; ++i) {
        clockMs = startMs + i * o.interval * 1000;
        hm::fleet::ReportMessage report{i + 1, clockMs, host.next()};
        history.record(id, report, &context, [&acknowledged](bool stored) {
            if (!stored)
                qFatal("a report was not stored");
            ++acknowledged;
        });
        // Let the queue commit now and then, as the server's loop would.
        if (i % 120 == 119 && !waitFor([&] { return acknowledged == i + 1; }))
            qFatal("reports not acknowledged");
    }
    if (!waitFor([&] { return acknowledged == reports; }))
        qFatal("reports not acknowledged");
    clockMs = kNowMs;
    // Passes until nothing is left (each bounded, as on the server).
    for (int pass = 0; pass < 12; ++pass) {
        std::optional<bool> done;
        history.maintain([&done](bool ok) { done = ok; });
        if (!waitFor([&] { return done.has_value(); }) || !*done)
            qFatal("maintain() failed");
    }
}

struct TierTotals
{
    qint64 rows = 0;
    qint64 bytes = 0;
};

// Every row the real path did not write, through the repository's inserts.
void writeSimulated(store::Database &db, const Pools &pools, const Options &o)
{
    const qint64 realFrom = kNow - qint64(o.realHours) * kHour;
    qint64 inTransaction = 0;
    std::optional<store::Transaction> tx;
    const auto row = [&](const QString &sql, const QVariantList &params) {
        if (!tx) {
            auto begun = db.begin();
            if (!begun)
                qFatal("begin: %s", qPrintable(begun.error().toString()));
            tx.emplace(std::move(begun.value()));
        }
        check(db.execute(sql, params), "insert");
        if (++inTransaction == kRowsPerTransaction) {
            check(tx->commit(), "commit");
            tx.reset();
            inTransaction = 0;
        }
    };
    // The last 2 minutes are not complete yet: raw only (as on the server).
    const qint64 completeEnd = kNow - 2 * 60;
    QElapsedTimer timer;
    timer.start();
    for (int n = 0; n < o.nodes; ++n) {
        const QString id = nodeId(n);
        const qint64 offset = qint64(n) * 131;
        // Node 0's newest rows came from the real path.
        const qint64 rawEnd = n == 0 ? realFrom : kNow;
        const qint64 bucketEnd = n == 0 ? realFrom : completeEnd;
        for (qint64 t = kNow - kDay; t < rawEnd; t += 60)
            row(insertMinuteSql(),
                {id, t / 60, pools.raw.at((t / 60 + offset) % pools.raw.size())});
        const struct
        {
            qint64 length, keep;
            const QList<QByteArray> *pool;
        } tiers[] = {{60, 7 * kDay, &pools.oneMinute},
                     {900, 90 * kDay, &pools.quarter},
                     {3600, 365 * kDay, &pools.hour}};
        for (const auto &tier : tiers) {
            const qint64 end = bucketEnd - bucketEnd % tier.length;
            for (qint64 b = kNow - tier.keep; b < end; b += tier.length)
                row(insertBucketSql(),
                    {id, tier.length, b,
                     tier.pool->at((b / tier.length + offset) % tier.pool->size())});
            if (n != 0)
                row(insertMarkSql(), {id, tier.length, end});
        }
        if ((n + 1) % 50 == 0 || n + 1 == o.nodes)
            std::printf("  %d of %d nodes written (%.0f s)\n", n + 1, o.nodes,
                        double(timer.elapsed()) / 1000);
        std::fflush(stdout);
    }
    if (tx)
        check(tx->commit(), "commit");
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype i =
        std::min(values.size() - 1, qsizetype(std::ceil(p * double(values.size())) - 1));
    return values.at(std::max<qsizetype>(0, i));
}

// Drops the file's pages from the OS cache (clean pages only: after a
// checkpoint and a sync there are no others).
void dropFromOsCache(const QString &path)
{
    for (const QString &file : {path, path + QStringLiteral("-wal")}) {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

struct QueryCase
{
    const char *label;
    QSet<QString> names;
};

} // namespace

namespace {

// This thread's CPU time (ms): on a machine shared with other work the wall
// time counts the waits for a core too.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options o = parseOptions(app.arguments());
    if (!crypto::initialize())
        qFatal("libsodium");

    std::optional<QTemporaryDir> temp;
    QString dir = o.dir;
    if (dir.isEmpty()) {
        temp.emplace();
        temp->setAutoRemove(!o.keep);
        dir = temp->path();
    }
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("history-year.db"));
    if (QFileInfo::exists(path))
        qFatal("%s exists already", qPrintable(path));
    // About 70 MB per node at 5 s, 86 MB at 1 s (docs/benchmarks.md):
    // refuse to fill the disk.
    const double needed = double(o.nodes) * (o.interval < 5 ? 90e6 : 75e6);
    const QStorageInfo disk(dir);
    std::printf("database %s; %d nodes need about %.1f GB, %.1f GB free\n", qPrintable(path),
                o.nodes, needed / 1e9, double(disk.bytesAvailable()) / 1e9);
    if (double(disk.bytesAvailable()) < needed * 1.2)
        qFatal("not enough free disk space: use fewer --nodes or another --dir");

    const QByteArray rawKey = crypto::randomBytes(32);
    auto opened = store::Database::open(path, crypto::SecureBytes::fromRaw(rawKey));
    if (!opened)
        qFatal("open: %s", qPrintable(opened.error().toString()));
    std::unique_ptr<store::Database> db = std::move(opened.value());
    check(store::migrate(*db), "migrate");

    auto host = std::make_unique<FlowEngineHost>();
    check(host->start(*db, path, crypto::SecureBytes::fromRaw(rawKey)), "engine host");
    auth::AccountEvents events;
    qint64 clockMs = kNowMs;
    auto service = std::make_unique<server::fleet::FleetService>(*db, *host, events);
    service->setClock([&clockMs] { return clockMs; });

    {
        auto tx = db->begin();
        for (int n = 0; n < o.nodes; ++n) {
            NewNode node;
            node.id = nodeId(n);
            node.name = QStringLiteral("node-%1").arg(n, 4, 10, QChar(u'0'));
            node.labels = QStringLiteral("[]");
            node.createdAt = kNowMs - 400 * kDay * 1000;
            check(insertNode(*db, node), "insert node");
        }
        check(tx.value().commit(), "commit nodes");
    }

    QElapsedTimer phase;
    phase.start();
    std::printf("node 0: the last %d h of reports every %d s through record() and maintain()\n",
                o.realHours, o.interval);
    std::fflush(stdout);
    recordRealHours(*service, clockMs, o);
    std::printf("  done in %.1f s\n", double(phase.restart()) / 1000);

    const Pools pools = makePools(o.interval);
    const Pools pools1s = o.interval == 1 ? pools : makePools(1);
    std::printf("simulated rows (repository inserts), blobs from the real packers: %.1f s\n",
                double(phase.restart()) / 1000);
    std::fflush(stdout);
    writeSimulated(*db, pools, o);
    std::printf("  written in %.1f s\n", double(phase.restart()) / 1000);

    check(db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")), "checkpoint");
    const auto fileBytes = [&path] {
        return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    };
    // The database's own size (page_count is the logical size, whatever
    // the WAL holds: a TRUNCATE checkpoint is refused while the write-behind
    // queue's connection reads, and a WAL of hundreds of MB was then
    // counted in the file's size) without its free pages.
    const auto usedBytes = [&db](qint64 *freeBytes) {
        qint64 pageSize = 0;
        qint64 pages = 0;
        qint64 freePages = 0;
        check(db->forEachRow(QStringLiteral("PRAGMA page_size"), {},
                             [&pageSize](const store::Statement &s) { pageSize = s.int64(0); }),
              "page size");
        check(db->forEachRow(QStringLiteral("PRAGMA page_count"), {},
                             [&pages](const store::Statement &s) { pages = s.int64(0); }),
              "pages");
        check(db->forEachRow(QStringLiteral("PRAGMA freelist_count"), {},
                             [&freePages](const store::Statement &s) { freePages = s.int64(0); }),
              "free pages");
        *freeBytes = freePages * pageSize;
        return (pages - freePages) * pageSize;
    };
    const qint64 before = fileBytes();
    qint64 freeBefore = 0;
    const qint64 usedBefore = usedBytes(&freeBefore);
    std::printf("before the fold (single buckets, the layout before schema 44): database %.1f "
                "MB used (%.2f MB per node), %.1f MB free pages; file + WAL %.1f MB\n",
                double(usedBefore) / 1e6, double(usedBefore) / 1e6 / o.nodes,
                double(freeBefore) / 1e6, double(before) / 1e6);
    // The upgrade: single 15-minute and 1-hour buckets folded into days by
    // the server's own maintenance passes (bounded work per node and pass).
    {
        // What is left to fold: each node's single buckets of complete days
        // within retention (the primary key's ranges, not a scan of the
        // whole table).
        const auto unfolded = [&db, &o] {
            qint64 left = 0;
            for (int n = 0; n < o.nodes; ++n) {
                for (const auto &[tier, keep] : {std::pair<qint64, qint64>{900, 90 * kDay},
                                                 std::pair<qint64, qint64>{3600, 365 * kDay}}) {
                    check(db->forEachRow(
                              QStringLiteral("SELECT COUNT(*) FROM fleet_metric_buckets WHERE "
                                             "node_id = ? AND tier = ? AND bucket >= ? AND "
                                             "bucket < ?"),
                              {nodeId(n), tier, kNow - keep, hm::fleet::dayOf(kNow - 120)},
                              [&left](const store::Statement &s) { left += s.int64(0); }),
                          "unfolded");
                }
            }
            return left;
        };
        std::printf("folding %lld single 15m/1h buckets of complete days into days "
                    "(maintain() passes, file %.1f MB)\n",
                    static_cast<long long>(unfolded()), double(before) / 1e6);
        std::fflush(stdout);
        QElapsedTimer fold;
        fold.start();
        QList<double> passMs;
        int passes = 0;
        for (; passes < 1000; ++passes) {
            if (unfolded() == 0)
                break;
            QElapsedTimer pass;
            pass.start();
            std::optional<bool> done;
            service->history().maintain([&done](bool ok) { done = ok; });
            if (!waitFor([&] { return done.has_value(); }) || !*done)
                qFatal("maintain() failed while folding");
            passMs.append(double(pass.nsecsElapsed()) / 1e6);
        }
        std::printf("  folded in %d passes, %.1f s (a pass: p50 %.0f ms, max %.0f ms, for %d "
                    "nodes, commits included; a server runs one every 30 s)\n",
                    passes, double(fold.elapsed()) / 1000,
                    passMs.isEmpty() ? 0.0 : percentile(passMs, 0.5),
                    passMs.isEmpty() ? 0.0 : percentile(passMs, 1.0), o.nodes);
    }
    check(db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")), "checkpoint");
    qint64 freeAfter = 0;
    // What the steady state occupies: SQLite reuses the free pages.
    const qint64 total = usedBytes(&freeAfter);
    std::printf("after the fold: database %.1f MB used (%.2f MB per node), %.1f MB free pages "
                "(the single rows'); file + WAL %.1f MB\n",
                double(total) / 1e6, double(total) / 1e6 / o.nodes, double(freeAfter) / 1e6,
                double(fileBytes()) / 1e6);

    // Rows and blob bytes per tier, real path and simulated apart for node 0.
    TierTotals raw;
    check(db->forEachRow(
              QStringLiteral("SELECT COUNT(*), SUM(LENGTH(data)) FROM fleet_metric_minutes"), {},
              [&raw](const store::Statement &s) {
                  raw = {s.int64(0), s.int64(1)};
              }),
          "raw totals");
    QMap<qint64, TierTotals> buckets;
    for (const char *table : {"fleet_metric_buckets", "fleet_metric_days"}) {
        check(db->forEachRow(QStringLiteral("SELECT tier, COUNT(*), SUM(LENGTH(data)) FROM %1 "
                                            "GROUP BY tier")
                                 .arg(QLatin1String(table)),
                             {},
                             [&buckets](const store::Statement &s) {
                                 buckets[s.int64(0)].rows += s.int64(1);
                                 buckets[s.int64(0)].bytes += s.int64(2);
                             }),
              "bucket totals");
    }
    const qint64 realFromMinute = (kNow - qint64(o.realHours) * kHour) / 60;
    QMap<qint64, double> realAverage;
    check(db->forEachRow(QStringLiteral("SELECT AVG(LENGTH(data)) FROM fleet_metric_minutes "
                                        "WHERE node_id = ? AND minute >= ?"),
                         {nodeId(0), realFromMinute},
                         [&realAverage](const store::Statement &s) { realAverage[0] = s.real(0); }),
          "real raw");
    check(db->forEachRow(
              QStringLiteral("SELECT tier, AVG(LENGTH(data)) FROM fleet_metric_buckets "
                             "WHERE node_id = ? AND bucket >= ? GROUP BY tier"),
              {nodeId(0), realFromMinute * 60},
              [&realAverage](const store::Statement &s) { realAverage[s.int64(0)] = s.real(1); }),
          "real buckets");

    qint64 blobBytes = raw.bytes;
    for (const TierTotals &t : buckets)
        blobBytes += t.bytes;
    const double overhead = double(total) / double(blobBytes);
    const auto mb = [](double bytes) { return bytes / 1e6; };
    std::printf("\nload average: %s", qPrintable(QString::fromLatin1([] {
                    QFile f(QStringLiteral("/proc/loadavg"));
                    return f.open(QIODevice::ReadOnly) ? f.readLine() : QByteArray("?\n");
                }())));
    std::printf(
        "\n| tier | rows (15m, 1h: days) | blob bytes | avg single blob (simulated) | avg single "
        "blob (record()/maintain(), node 0) | share of the used file | per node "
        "|\n|---|---|---|---|---|---|---|\n");
    const auto tierRow = [&](const char *name, const TierTotals &t, double simulated, double real) {
        const double share = double(t.bytes) * overhead;
        std::printf("| %s | %lld | %.1f MB | %.0f B | %.0f B | %.1f MB | %.2f MB |\n", name,
                    static_cast<long long>(t.rows), mb(double(t.bytes)), simulated, real, mb(share),
                    mb(share / o.nodes));
    };
    tierRow("raw (24 h)", raw, average(pools.raw), realAverage.value(0));
    tierRow("1m (7 d)", buckets.value(60), average(pools.oneMinute), realAverage.value(60));
    tierRow("15m (90 d)", buckets.value(900), average(pools.quarter), realAverage.value(900));
    tierRow("1h (365 d)", buckets.value(3600), average(pools.hour), realAverage.value(3600));
    std::printf("| **file, used** (database + WAL, free pages left out) | | %.1f MB of blobs | | "
                "| **%.1f MB** (%.2fx the blobs) | **%.2f MB** |\n",
                mb(double(blobBytes)), mb(double(total)), overhead, mb(double(total) / o.nodes));
    // At 1 s the raw minutes hold 60 samples; buckets only count more.
    const double rawAt1s = average(pools1s.raw) * double(raw.rows) * overhead;
    const double bucketsAt1s = (average(pools1s.oneMinute) * double(buckets.value(60).rows) +
                                average(pools1s.quarter) * double(buckets.value(900).rows) +
                                average(pools1s.hour) * double(buckets.value(3600).rows)) *
                               overhead;
    std::printf("at a 1-s interval (estimate from blobs packed at 1 s, same overhead): raw "
                "%.1f MB, file %.1f MB, %.2f MB per node\n",
                mb(rawAt1s), mb(rawAt1s + bucketsAt1s), mb((rawAt1s + bucketsAt1s) / o.nodes));
    std::printf("1,000 nodes (scaled linearly from %d): %.2f GB at %d s\n", o.nodes,
                double(total) / o.nodes * 1000 / 1e9, o.interval);

    // The query: the route's service call over one year, limit 10000.
    const QList<QueryCase> cases{
        {"all 40 metrics", {}},
        {"4 metrics (cpu_usage, memory_used, load_avg_1, network_in)",
         {QStringLiteral("cpu_usage"), QStringLiteral("memory_used"), QStringLiteral("load_avg_1"),
          QStringLiteral("network_in")}},
        // What the console's node detail asks for (app/fleet/NodeMetricSeries).
        {"the console's 14 metrics",
         {QStringLiteral("cpu_usage"), QStringLiteral("memory_used"),
          QStringLiteral("memory_total"), QStringLiteral("swap_used"), QStringLiteral("swap_total"),
          QStringLiteral("disk_used"), QStringLiteral("disk_total"), QStringLiteral("load_avg_1"),
          QStringLiteral("load_avg_5"), QStringLiteral("load_avg_15"), QStringLiteral("network_in"),
          QStringLiteral("network_out"), QStringLiteral("disk_read_bps"),
          QStringLiteral("disk_write_bps")}}};
    const QString queried = nodeId(o.nodes / 2);
    const qint64 startMs = kNowMs - 365 * kDay * 1000;
    std::printf(
        "\n1 year of node %d at the 1-hour tier, FleetService::metricsText(start = now - 365 d, "
        "limit), the route's call (its answer's items as JSON text), %d warm / %d cold "
        "repetitions; \"objects\": FleetService::metrics(), the QJsonObject path, + toJson:\n",
        o.nodes / 2, o.reps, o.coldReps);
    std::printf(
        "| case | limit | items | answer bytes | cold p50 | cold p99 | warm p50 | warm p99 | "
        "warm CPU p50 | objects + toJson p50 | p50 / 20 ms goal |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (const qint64 limit : {qint64(10000), qint64(1000)}) {
        for (const QueryCase &c : cases) {
            QList<double> cold;
            QList<double> warm;
            QList<double> warmCpu; // this thread's CPU time: less bent by a loaded machine
            QList<double> objects;
            qsizetype items = 0;
            qsizetype bytes = 0;
            QString tier;
            for (int r = 0; r < o.coldReps; ++r) {
                // A fresh connection and service on a file out of the OS cache.
                service.reset();
                dropFromOsCache(path);
                auto fresh = store::Database::open(path, crypto::SecureBytes::fromRaw(rawKey));
                if (!fresh)
                    qFatal("reopen: %s", qPrintable(fresh.error().toString()));
                auto coldService =
                    std::make_unique<server::fleet::FleetService>(*fresh.value(), *host, events);
                coldService->setClock([&clockMs] { return clockMs; });
                QElapsedTimer t;
                t.start();
                auto answer =
                    coldService->metricsText(queried, startMs, kNowMs, limit, {}, c.names);
                cold.append(double(t.nsecsElapsed()) / 1e6);
                if (!answer)
                    qFatal("query: %s", qPrintable(answer.error().toString()));
                coldService.reset();
            }
            service = std::make_unique<server::fleet::FleetService>(*db, *host, events);
            service->setClock([&clockMs] { return clockMs; });
            for (int r = 0; r < o.reps; ++r) {
                QElapsedTimer t;
                t.start();
                const double cpuStart = threadCpuMs();
                auto answer = service->metricsText(queried, startMs, kNowMs, limit, {}, c.names);
                warm.append(double(t.nsecsElapsed()) / 1e6);
                warmCpu.append(threadCpuMs() - cpuStart);
                if (!answer)
                    qFatal("query: %s", qPrintable(answer.error().toString()));
                tier = answer.value().tier;
                bytes = answer.value().items.size();
                if (r == 0)
                    items = QJsonDocument::fromJson(answer.value().items).array().size();
            }
            // The former path, for comparison (a few repetitions: it is slow).
            for (int r = 0; r < std::min(o.reps, 5); ++r) {
                QElapsedTimer t;
                t.start();
                auto answer = service->metrics(queried, startMs, kNowMs, limit, {}, c.names);
                if (!answer)
                    qFatal("query: %s", qPrintable(answer.error().toString()));
                const QByteArray text =
                    QJsonDocument(answer.value()).toJson(QJsonDocument::Compact);
                objects.append(double(t.nsecsElapsed()) / 1e6);
            }
            if (tier != u"1h")
                qFatal("the range picked tier %s, not 1h", qPrintable(tier));
            const double p50 = percentile(warm, 0.5);
            std::printf("| %s | %lld | %lld | %lld | %.2f ms | %.2f ms | %.2f ms | %.2f ms | "
                        "%.2f ms | %.2f ms | %.2fx |\n",
                        c.label, static_cast<long long>(limit), static_cast<long long>(items),
                        static_cast<long long>(bytes), percentile(cold, 0.5),
                        percentile(cold, 0.99), p50, percentile(warm, 0.99),
                        percentile(warmCpu, 0.5), percentile(objects, 0.5), p50 / 20.0);
            std::fflush(stdout);
        }
    }

    // The read's plan: the SQL daysOf() runs (MetricHistoryRepository).
    check(db->forEachRow(QStringLiteral("EXPLAIN QUERY PLAN SELECT day, data FROM "
                                        "fleet_metric_days WHERE node_id = ? AND tier = ? AND "
                                        "day >= ? AND day <= ? ORDER BY day"),
                         {queried, 3600, startMs / 1000, kNow},
                         [](const store::Statement &s) {
                             std::printf("\ndaysOf() plan: %s\n", qPrintable(s.text(3)));
                         }),
          "plan");
    // Where the warm time goes: the repository's reads (the days, and the
    // single buckets of the day in progress), the decoding into columns,
    // and the text at limit 10000 and 1000.
    for (const QueryCase &c : cases) {
        QList<double> sql;
        QList<double> decode;
        QList<double> written;
        QList<double> written1000;
        QList<double> decodeCpu;
        QList<double> written1000Cpu;
        qsizetype dayRows = 0;
        qsizetype singleRows = 0;
        const qint64 from = startMs / 1000;
        for (int r = 0; r < o.reps; ++r) {
            QElapsedTimer t;
            t.start();
            auto days = daysOf(*db, queried, 3600, hm::fleet::dayOf(from), kNow);
            auto singles = bucketsOf(*db, queried, 3600, from, kNow);
            sql.append(double(t.nsecsElapsed()) / 1e6);
            if (!days || !singles)
                qFatal("daysOf / bucketsOf failed");
            dayRows = days.value().size();
            singleRows = singles.value().size();
            t.restart();
            double cpu = threadCpuMs();
            hm::fleet::BucketColumnsBuilder builder(c.names, from, kNow);
            for (const MetricBlob &row : days.value())
                check(builder.addDay(row.key, row.data), "decode day");
            for (const MetricBlob &row : singles.value())
                check(builder.addBucket(row.key, row.data), "decode bucket");
            const hm::fleet::BucketColumns columns = builder.finish();
            decode.append(double(t.nsecsElapsed()) / 1e6);
            decodeCpu.append(threadCpuMs() - cpu);
            if (columns.columns.empty() || columns.starts.size() < 8000)
                qFatal("nothing decoded");
            t.restart();
            QByteArray text;
            check(server::fleet::appendBucketItems(text, columns, 10000), "text");
            written.append(double(t.nsecsElapsed()) / 1e6);
            t.restart();
            cpu = threadCpuMs();
            QByteArray text1000;
            check(server::fleet::appendBucketItems(text1000, columns, 1000), "text");
            written1000.append(double(t.nsecsElapsed()) / 1e6);
            written1000Cpu.append(threadCpuMs() - cpu);
        }
        std::printf("warm p50 parts, %s: daysOf() + bucketsOf() (the SQL: %lld days, %lld "
                    "single buckets) %.2f ms, decoding into columns (BucketColumnsBuilder) "
                    "%.2f ms; writing the items' text (appendBucketItems) at limit 10000 %.2f "
                    "ms, at limit 1000 %.2f ms; CPU p50: decoding %.2f ms, text at limit 1000 "
                    "%.2f ms\n",
                    c.label, static_cast<long long>(dayRows), static_cast<long long>(singleRows),
                    percentile(sql, 0.5), percentile(decode, 0.5), percentile(written, 0.5),
                    percentile(written1000, 0.5), percentile(decodeCpu, 0.5),
                    percentile(written1000Cpu, 0.5));
    }

    service.reset();
    host->stop();
    db.reset();
    if (!o.keep) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                      QStringLiteral(".keycheck")})
            QFile::remove(path + suffix);
        std::printf("database deleted (--keep keeps it)\n");
    } else {
        std::printf("database kept: %s\n", qPrintable(path));
    }
    return 0;
}
