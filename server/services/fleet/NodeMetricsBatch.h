#pragma once

// /ws/events' node_metrics (docs/api.md "/ws/events"): the latest CPU,
// memory and disk percentages of the nodes that reported since the last
// batch, at most once per interval (5 s), so a console's Nodes list follows
// a thousand agents reporting every second with one message, not a thousand
// per second. Only the newest report of each node in an interval is kept.
// The message is written only when a connection is to get it, as JSON text
// written by hand (batchText; batchJson is the reference it is held to):
// at 10,000 nodes, building it as QJsonObjects cost the server thread
// 40-115 ms every interval, whether anybody listened or not. Server thread.

#include "server/services/fleet/NodeSparklines.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

namespace hm::server::fleet {

class NodeMetricsBatch final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 5000;

    explicit NodeMetricsBatch(int intervalMs = kDefaultIntervalMs, QObject *parent = nullptr);

    // A stored report.
    void noteReport(const QString &nodeId, const hm::fleet::ReportMessage &report);
    // The node is gone: nothing of it in the next batch.
    void forget(const QString &nodeId);
    int intervalMs() const { return m_timer.interval(); }

    struct Latest
    {
        qint64 timeMs = 0;
        ListPercents values;
    };
    using Items = QHash<QString, Latest>; // by node id
    // {interval_s, items: [{node_id, time, cpu_usage, memory_percent,
    // disk_percent}]} (a value the report lacked is left out), in the
    // order of `items`' iteration.
    static QJsonObject batchJson(const Items &items, int intervalMs);
    // The same, byte for byte what QJsonDocument writes compact for it.
    static QByteArray batchText(const Items &items, int intervalMs);

signals:
    // A batch is due: batchText(*items, intervalMs()) is its data, for
    // whoever is to get it.
    void batchReady(const std::shared_ptr<const Items> &items);

private:
    void flush();

    QTimer m_timer;
    Items m_pending;
};

} // namespace hm::server::fleet
