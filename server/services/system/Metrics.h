#pragma once

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace hm::store {
struct WriteBehindStats;
}

namespace hm::server {

// Lock-free monotonic counter.
class Counter
{
public:
    void inc(quint64 by = 1) { m_value.fetch_add(by, std::memory_order_relaxed); }
    quint64 value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<quint64> m_value{0};
};

class Gauge
{
public:
    void set(qint64 value) { m_value.store(value, std::memory_order_relaxed); }
    void inc() { m_value.fetch_add(1, std::memory_order_relaxed); }
    void dec() { m_value.fetch_sub(1, std::memory_order_relaxed); }
    qint64 value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_value{0};
};

// Cumulative histogram with fixed upper bounds (seconds), as Prometheus
// expects; each observation touches atomics only.
class Histogram
{
public:
    explicit Histogram(std::vector<double> bounds = defaultBounds());
    void observe(double value);
    // "_bucket", "_sum" and "_count" lines; labels without braces ("" = none).
    void write(QByteArray &out, const QByteArray &name, const QByteArray &labels) const;
    quint64 count() const { return m_count.load(std::memory_order_relaxed); }

    static std::vector<double> defaultBounds();

private:
    std::vector<double> m_bounds;
    std::unique_ptr<std::atomic<quint64>[]> m_buckets;
    std::atomic<quint64> m_count{0};
    std::atomic<double> m_sum{0.0};
};

// The HTTP series of one route template and method: a request counter per
// status and the duration histogram. Resolved once when the route is
// registered, so answering a request updates it without building label
// strings or looking them up in a map. Owned by Metrics, never freed.
class HttpRouteMetrics
{
public:
    void observe(int status, double seconds);

private:
    friend class Metrics;
    explicit HttpRouteMetrics(QByteArray labels) : m_labels(std::move(labels)) {}

    const QByteArray m_labels; // route="…",method="…"
    Histogram m_duration;
    mutable QMutex m_mutex; // guards m_statuses; uncontended on one thread
    std::vector<std::pair<int, quint64>> m_statuses;
};

// The process's metrics, served at GET /metrics in the Prometheus text
// format 0.0.4. One instance per process so the engine can update its
// families from any thread without plumbing.
class Metrics
{
public:
    static Metrics &instance();

    // Engine families: registered now, updated by the engine integration.
    Counter executionsStarted;
    Counter executionsCompleted;
    Counter executionsFailed;
    Gauge executionsRunning;
    Histogram executionDuration{{0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600}};
    Gauge websocketClients;             // open /ws/… connections (server/ws)
    Gauge websocketEventClients;        // of which /ws/events (a console holds one)
    Counter websocketSlowConsumerDrops; // closed 1008 "slow consumer"
    // Availability figures the public status page computed (not served
    // from its cache): one per node and range.
    Counter publicAvailabilityComputed;
    // WireGuard (server/services/vpn): a client's change from the moment it
    // was stored to its interface applied (the worker's read, render and
    // backend call), and the applies that failed.
    Histogram wireguardChangeApplied{{0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 15}};
    Counter wireguardApplyFailures;
    Counter wireguardPatches;      // client changes applied as a patch of their peers
    Counter wireguardWholeApplies; // interfaces brought to their whole stored state

    // One finished HTTP request; route is the path template, not the URL,
    // so ids in paths do not explode the label set.
    void observeHttp(const QString &route, const QString &method, int status, double seconds);
    // The series of one route template and method, created on first use;
    // the pointer stays valid for the life of the process. A series shows
    // in the exposition once it has observed a request.
    HttpRouteMetrics *httpRoute(const QString &route, const QString &method);
    QByteArray exposition() const;

    // The execution history's write-behind queue, read at scrape time. Set
    // by the engine host while its queue runs; an empty function removes
    // the source (the families are then left out).
    void setHistoryQueueSource(std::function<store::WriteBehindStats()> source);
    // The database file whose size (with its -wal file) is served as
    // hivemind_database_size_bytes; empty: the family is left out. A stat
    // of two files per scrape, as GET /system/info does.
    void setDatabaseFile(const QString &path);
    // The queue's figures now (all zero without a source): StorageGuard
    // watches its `full` failures.
    store::WriteBehindStats historyQueueStats() const;
    // The store's used pages, growth and free space (HistoryRetention,
    // StorageGuard), read at scrape time; negative values are left out.
    // The file's size is hivemind_database_size_bytes (setDatabaseFile):
    // one gauge for that figure, the one the Grafana dashboard reads.
    struct StoreFigures
    {
        qint64 usedBytes = -1;       // pages holding data (file minus free list)
        qint64 growthPerHour = -1;   // used bytes gained over the last hour, per hour
        qint64 freeBytes = -1;       // available on the data directory's file system
        qint64 deletedTotal = -1;    // executions removed by retention since start
        int storageState = -1;       // 0 ok, 1 low (warned), 2 full (triggers refused)
    };
    void setStoreSource(std::function<StoreFigures()> source);

private:
    Metrics() = default;

    mutable QMutex m_mutex;
    // labels -> series; sorted, so the exposition lists them in label order
    QMap<QByteArray, std::shared_ptr<HttpRouteMetrics>> m_http;
    std::function<store::WriteBehindStats()> m_historyQueue; // guarded by m_mutex
    QString m_databaseFile;                                  // guarded by m_mutex
    std::function<StoreFigures()> m_store;                   // guarded by m_mutex
};

} // namespace hm::server
