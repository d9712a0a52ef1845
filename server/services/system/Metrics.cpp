#include "server/services/system/Metrics.h"

#include "common/EventDispatcher.h"
#include "store/WriteBehindQueue.h"

#include <QFileInfo>
#include <algorithm>

namespace hm::server {
namespace {

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

// Label values escape backslash, double quote and newline (format 0.0.4).
QByteArray labelValue(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

void header(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + '\n';
    out += QByteArray("# TYPE ") + name + ' ' + type + '\n';
}

} // namespace

Histogram::Histogram(std::vector<double> bounds)
    : m_bounds(std::move(bounds)), m_buckets(new std::atomic<quint64>[m_bounds.size()])
{
    for (size_t i = 0; i < m_bounds.size(); ++i)
        m_buckets[i].store(0);
}

std::vector<double> Histogram::defaultBounds()
{
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

void Histogram::observe(double value)
{
    for (size_t i = 0; i < m_bounds.size(); ++i) {
        if (value <= m_bounds[i])
            m_buckets[i].fetch_add(1, std::memory_order_relaxed);
    }
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sum.fetch_add(value, std::memory_order_relaxed);
}

void Histogram::write(QByteArray &out, const QByteArray &name, const QByteArray &labels) const
{
    const QByteArray prefix = labels.isEmpty() ? QByteArray() : labels + ',';
    for (size_t i = 0; i < m_bounds.size(); ++i)
        out += name + "_bucket{" + prefix + "le=\"" + number(m_bounds[i]) + "\"} " +
               QByteArray::number(m_buckets[i].load(std::memory_order_relaxed)) + '\n';
    const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    out += name + "_bucket{" + prefix + "le=\"+Inf\"} " + QByteArray::number(count()) + '\n';
    out += name + "_sum" + braces + ' ' + number(m_sum.load(std::memory_order_relaxed)) + '\n';
    out += name + "_count" + braces + ' ' + QByteArray::number(count()) + '\n';
}

Metrics &Metrics::instance()
{
    static Metrics metrics;
    return metrics;
}

void HttpRouteMetrics::observe(int status, double seconds)
{
    {
        QMutexLocker lock(&m_mutex);
        auto it = std::find_if(m_statuses.begin(), m_statuses.end(),
                               [status](const auto &entry) { return entry.first == status; });
        if (it == m_statuses.end())
            m_statuses.emplace_back(status, 1);
        else
            ++it->second;
    }
    m_duration.observe(seconds);
}

HttpRouteMetrics *Metrics::httpRoute(const QString &route, const QString &method)
{
    const QByteArray labels =
        "route=\"" + labelValue(route) + "\",method=\"" + labelValue(method) + '"';
    QMutexLocker lock(&m_mutex);
    auto &slot = m_http[labels];
    if (!slot)
        slot.reset(new HttpRouteMetrics(labels));
    return slot.get();
}

void Metrics::observeHttp(const QString &route, const QString &method, int status, double seconds)
{
    httpRoute(route, method)->observe(status, seconds);
}

QByteArray Metrics::exposition() const
{
    QByteArray out;
    header(out, "http_requests_total", "counter", "HTTP requests answered, by route template.");
    {
        QMutexLocker lock(&m_mutex);
        // Sorted by the full label string, status included, as one series
        // per label set would be.
        QMap<QByteArray, quint64> requests;
        for (const auto &series : std::as_const(m_http)) {
            QMutexLocker statusLock(&series->m_mutex);
            for (const auto &[status, count] : series->m_statuses)
                requests.insert(series->m_labels + ",status=\"" + QByteArray::number(status) + '"',
                                count);
        }
        for (auto it = requests.cbegin(); it != requests.cend(); ++it)
            out += "http_requests_total{" + it.key() + "} " + QByteArray::number(it.value()) + '\n';
        header(out, "http_request_duration_seconds", "histogram",
               "Time from routing a request to its response.");
        for (const auto &series : std::as_const(m_http)) {
            if (series->m_duration.count() > 0)
                series->m_duration.write(out, "http_request_duration_seconds", series->m_labels);
        }
    }
    QString databaseFile;
    {
        QMutexLocker lock(&m_mutex);
        databaseFile = m_databaseFile;
    }
    if (!databaseFile.isEmpty()) {
        header(out, "hivemind_database_size_bytes", "gauge",
               "Size of the database file and its write-ahead log.");
        const qint64 bytes = QFileInfo(databaseFile).size() +
                             QFileInfo(databaseFile + QStringLiteral("-wal")).size();
        out += "hivemind_database_size_bytes " + QByteArray::number(bytes) + '\n';
    }
    header(out, "hivemind_websocket_clients", "gauge", "Connected WebSocket clients.");
    out += "hivemind_websocket_clients " + QByteArray::number(websocketClients.value()) + '\n';
    header(out, "hivemind_websocket_event_clients", "gauge",
           "Connected /ws/events clients (one per console).");
    out += "hivemind_websocket_event_clients " + QByteArray::number(websocketEventClients.value()) +
           '\n';
    header(out, "hivemind_websocket_slow_consumer_drops_total", "counter",
           "WebSocket connections closed because their unsent bytes passed the limit.");
    out += "hivemind_websocket_slow_consumer_drops_total " +
           QByteArray::number(websocketSlowConsumerDrops.value()) + '\n';
    // Read on the thread that answers the scrape, the one serving the
    // sockets; left out under a dispatcher without a background set.
    if (const int background = backgroundSocketCount(); background >= 0) {
        header(out, "hivemind_http_background_connections", "gauge",
               "Connections served after every other ready one (agents' WebSockets).");
        out += "hivemind_http_background_connections " + QByteArray::number(background) + '\n';
    }
    header(out, "hivemind_public_availability_computed_total", "counter",
           "Availability figures of the public status page computed, not taken from its cache.");
    out += "hivemind_public_availability_computed_total " +
           QByteArray::number(publicAvailabilityComputed.value()) + '\n';
    header(out, "hivemind_wireguard_change_applied_seconds", "histogram",
           "From a WireGuard client's change stored to its running interface applied.");
    wireguardChangeApplied.write(out, "hivemind_wireguard_change_applied_seconds", {});
    header(out, "hivemind_wireguard_applies_total", "counter",
           "WireGuard applies that succeeded: a patch of the changed clients' peers, or the "
           "whole interface.");
    out += "hivemind_wireguard_applies_total{mode=\"patch\"} " +
           QByteArray::number(wireguardPatches.value()) + '\n';
    out += "hivemind_wireguard_applies_total{mode=\"whole\"} " +
           QByteArray::number(wireguardWholeApplies.value()) + '\n';
    header(out, "hivemind_wireguard_apply_failures_total", "counter",
           "WireGuard applies (start, re-sync) that failed.");
    out += "hivemind_wireguard_apply_failures_total " +
           QByteArray::number(wireguardApplyFailures.value()) + '\n';
    header(out, "hivemind_executions_started_total", "counter", "Flow executions started.");
    out +=
        "hivemind_executions_started_total " + QByteArray::number(executionsStarted.value()) + '\n';
    header(out, "hivemind_executions_completed_total", "counter",
           "Flow executions that completed successfully.");
    out += "hivemind_executions_completed_total " +
           QByteArray::number(executionsCompleted.value()) + '\n';
    header(out, "hivemind_executions_failed_total", "counter", "Flow executions that failed.");
    out +=
        "hivemind_executions_failed_total " + QByteArray::number(executionsFailed.value()) + '\n';
    header(out, "hivemind_executions_running", "gauge", "Flow executions running now.");
    out += "hivemind_executions_running " + QByteArray::number(executionsRunning.value()) + '\n';
    header(out, "hivemind_execution_duration_seconds", "histogram",
           "Wall time of finished flow executions.");
    executionDuration.write(out, "hivemind_execution_duration_seconds", {});

    std::function<store::WriteBehindStats()> historyQueue;
    {
        QMutexLocker lock(&m_mutex);
        historyQueue = m_historyQueue;
    }
    if (historyQueue) {
        const store::WriteBehindStats q = historyQueue();
        const auto line = [&out](const char *name, const char *type, const char *help,
                                 qint64 value) {
            header(out, name, type, help);
            out += QByteArray(name) + ' ' + QByteArray::number(value) + '\n';
        };
        line("hivemind_history_queue_ops", "gauge",
             "Execution history writes waiting in the write-behind queue.", q.queued);
        line("hivemind_history_queue_enqueued_total", "counter",
             "Execution history writes handed to the write-behind queue.", q.enqueued);
        line("hivemind_history_queue_coalesced_total", "counter",
             "History writes replaced by a newer write of the same row while queued.", q.coalesced);
        line("hivemind_history_queue_written_total", "counter",
             "History writes committed to the database.", q.written);
        line("hivemind_history_queue_packed_total", "counter",
             "Committed node writes stored inside their execution's row.", q.packed);
        line("hivemind_history_queue_failed_total", "counter",
             "History writes dropped after a database error (logged).", q.failed);
        line("hivemind_history_queue_batches_total", "counter", "History transactions committed.",
             q.batches);
        line("hivemind_history_queue_blocked_total", "counter",
             "Writes that waited for room in a full queue (the engine was held back).",
             q.blockedProducers);
        line("hivemind_history_queue_wal_restarts_total", "counter",
             "Checkpoints that started the history's WAL file over (it stays small under load).",
             q.walRestarts);
        line("hivemind_history_queue_checkpoints_total", "counter",
             "Background checkpoints (after commits of any of the server's connections).",
             q.checkpoints);
        line("hivemind_history_queue_wal_truncations_total", "counter",
             "Times the history's WAL file was cut back after a pause in writes.",
             q.walTruncations);
        line("hivemind_history_queue_wal_restarts_busy_total", "counter",
             "WAL restarts put off because a reader held the file (logged; the file grows "
             "meanwhile).",
             q.walRestartsBusy);
        line("hivemind_history_queue_full_total", "counter",
             "History writes that failed because the disk or a quota was full.", q.full);
    }
    std::function<StoreFigures()> storeSource;
    {
        QMutexLocker lock(&m_mutex);
        storeSource = m_store;
    }
    if (storeSource) {
        const StoreFigures f = storeSource();
        const auto line = [&out](const char *name, const char *type, const char *help,
                                 qint64 value) {
            if (value < 0)
                return;
            header(out, name, type, help);
            out += QByteArray(name) + ' ' + QByteArray::number(value) + '\n';
        };
        line("hivemind_store_used_bytes", "gauge",
             "Database pages holding data (the file minus its free list).", f.usedBytes);
        line("hivemind_store_growth_bytes_per_hour", "gauge",
             "Used bytes gained over the last hour (negative growth shows as 0).", f.growthPerHour);
        line("hivemind_store_free_bytes", "gauge",
             "Space available on the data directory's file system.", f.freeBytes);
        line("hivemind_history_retention_deleted_total", "counter",
             "Executions removed by history retention since the server started.", f.deletedTotal);
        line("hivemind_store_state", "gauge",
             "0 ok, 1 low on space (warned), 2 full (new triggers refused).", f.storageState);
    }
    return out;
}

void Metrics::setDatabaseFile(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    m_databaseFile = path;
}

store::WriteBehindStats Metrics::historyQueueStats() const
{
    std::function<store::WriteBehindStats()> source;
    {
        QMutexLocker lock(&m_mutex);
        source = m_historyQueue;
    }
    return source ? source() : store::WriteBehindStats{};
}

void Metrics::setStoreSource(std::function<StoreFigures()> source)
{
    QMutexLocker lock(&m_mutex);
    m_store = std::move(source);
}

void Metrics::setHistoryQueueSource(std::function<store::WriteBehindStats()> source)
{
    QMutexLocker lock(&m_mutex);
    m_historyQueue = std::move(source);
}

} // namespace hm::server
