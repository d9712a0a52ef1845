#include "server/services/fleet/NodeMetricsBatch.h"

#include "common/IsoTime.h"
#include "server/api/AuthCommon.h"
#include "server/services/fleet/BucketItemsText.h"

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
    emit batchReady(std::make_shared<const Items>(std::exchange(m_pending, {})));
}

QJsonObject NodeMetricsBatch::batchJson(const Items &items, int intervalMs)
{
    QJsonArray list;
    for (auto it = items.cbegin(); it != items.cend(); ++it) {
        QJsonObject item{{QStringLiteral("node_id"), it.key()},
                         {QStringLiteral("time"), auth::isoOrNull(it->timeMs)}};
        if (it->values.cpu >= 0)
            item.insert(QStringLiteral("cpu_usage"), it->values.cpu);
        if (it->values.memory >= 0)
            item.insert(QStringLiteral("memory_percent"), it->values.memory);
        if (it->values.disk >= 0)
            item.insert(QStringLiteral("disk_percent"), it->values.disk);
        list.append(item);
    }
    return QJsonObject{{QStringLiteral("interval_s"), intervalMs / 1000.0},
                       {QStringLiteral("items"), list}};
}

QByteArray NodeMetricsBatch::batchText(const Items &items, int intervalMs)
{
    QByteArray out;
    // An item is about 150 bytes.
    out.reserve(64 + items.size() * 160);
    out += "{\"interval_s\":";
    appendJsonNumber(out, intervalMs / 1000.0);
    out += ",\"items\":[";
    bool first = true;
    for (auto it = items.cbegin(); it != items.cend(); ++it) {
        if (!first)
            out += ',';
        first = false;
        // QJsonObject's order: its keys sorted.
        out += '{';
        if (it->values.cpu >= 0) {
            out += "\"cpu_usage\":";
            appendJsonNumber(out, it->values.cpu);
            out += ',';
        }
        if (it->values.disk >= 0) {
            out += "\"disk_percent\":";
            appendJsonNumber(out, it->values.disk);
            out += ',';
        }
        if (it->values.memory >= 0) {
            out += "\"memory_percent\":";
            appendJsonNumber(out, it->values.memory);
            out += ',';
        }
        out += "\"node_id\":";
        appendJsonString(out, it.key());
        out += ",\"time\":";
        char iso[kIsoUtcMsLength];
        if (it->timeMs > 0 && writeIsoUtcMs(it->timeMs, iso)) {
            out += '"';
            out.append(iso, kIsoUtcMsLength);
            out += '"';
        } else if (it->timeMs > 0) {
            appendJsonString(out, formatIsoUtcMs(it->timeMs));
        } else {
            out += "null";
        }
        out += '}';
    }
    out += "]}";
    return out;
}

} // namespace hm::server::fleet
