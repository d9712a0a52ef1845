#include "server/services/fleet/NodeMetricsBatch.h"

#include "server/api/AuthCommon.h"

#include <QJsonArray>

namespace hm::server::fleet {

NodeMetricsBatch::NodeMetricsBatch(int intervalMs, QObject *parent) : QObject(parent)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &NodeMetricsBatch::flush);
}

void NodeMetricsBatch::noteReport(const QString &nodeId, const hm::fleet::ReportMessage &report)
{
    const ListPercents values = listPercents(report.metrics);
    if (values.isEmpty())
        return;
    Latest &latest = m_pending[nodeId];
    // A replayed report from an outage is older than what is news.
    if (report.timeMs < latest.timeMs)
        return;
    latest = Latest{report.timeMs, values};
    // Idle while nobody reports.
    if (!m_timer.isActive())
        m_timer.start();
}

void NodeMetricsBatch::forget(const QString &nodeId)
{
    m_pending.remove(nodeId);
}

void NodeMetricsBatch::flush()
{
    if (m_pending.isEmpty()) {
        m_timer.stop();
        return;
    }
    QJsonArray items;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        QJsonObject item{{QStringLiteral("node_id"), it.key()},
                         {QStringLiteral("time"), auth::isoOrNull(it->timeMs)}};
        if (it->values.cpu >= 0)
            item.insert(QStringLiteral("cpu_usage"), it->values.cpu);
        if (it->values.memory >= 0)
            item.insert(QStringLiteral("memory_percent"), it->values.memory);
        if (it->values.disk >= 0)
            item.insert(QStringLiteral("disk_percent"), it->values.disk);
        items.append(item);
    }
    m_pending.clear();
    emit batchReady(QJsonObject{{QStringLiteral("interval_s"), m_timer.interval() / 1000.0},
                                {QStringLiteral("items"), items}});
}

} // namespace hm::server::fleet
