#pragma once

// /ws/events' node_metrics (docs/api.md "/ws/events"): the latest CPU,
// memory and disk percentages of the nodes that reported since the last
// batch, at most once per interval (5 s), so a console's Nodes list follows
// a thousand agents reporting every second with one message, not a thousand
// per second. Only the newest report of each node in an interval is kept.
// Server thread.

#include "server/services/fleet/NodeSparklines.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

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

signals:
    // {interval_s, items: [{node_id, time, cpu_usage, memory_percent,
    // disk_percent}]} (a value the report lacked is left out).
    void batchReady(const QJsonObject &data);

private:
    struct Latest
    {
        qint64 timeMs = 0;
        ListPercents values;
    };
    void flush();

    QTimer m_timer;
    QHash<QString, Latest> m_pending;
};

} // namespace hm::server::fleet
