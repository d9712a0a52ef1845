#include "server/services/fleet/NodeSparklines.h"

#include "common/Logging.h"
#include "fleet/MetricPack.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/MetricHistoryRepository.h"

#include <algorithm>

namespace hm::server::fleet {

namespace {

constexpr qint64 kSparkMinuteMs = 60 * 1000;

qint64 floorDiv(qint64 value, qint64 step)
{
    const qint64 q = value / step;
    return value % step != 0 && value < 0 ? q - 1 : q;
}

} // namespace

ListPercents listPercents(const QList<hm::fleet::MetricValue> &metrics)
{
    double memoryUsed = -1, memoryTotal = 0, diskUsed = -1, diskTotal = 0;
    ListPercents out;
    for (const hm::fleet::MetricValue &m : metrics) {
        if (m.name == QLatin1String("cpu_usage"))
            out.cpu = m.value;
        else if (m.name == QLatin1String("memory_used"))
            memoryUsed = m.value;
        else if (m.name == QLatin1String("memory_total"))
            memoryTotal = m.value;
        else if (m.name == QLatin1String("disk_used"))
            diskUsed = m.value;
        else if (m.name == QLatin1String("disk_total"))
            diskTotal = m.value;
    }
    if (memoryUsed >= 0 && memoryTotal > 0)
        out.memory = 100.0 * memoryUsed / memoryTotal;
    if (diskUsed >= 0 && diskTotal > 0)
        out.disk = 100.0 * diskUsed / diskTotal;
    return out;
}

NodeSparklines::NodeSparklines(MinutesReader minutes, QObject *parent)
    : QObject(parent), m_minutes(std::move(minutes)), m_now(&auth::nowMs)
{}

qint64 NodeSparklines::now() const
{
    return m_now ? m_now() : auth::nowMs();
}

void NodeSparklines::add(Ring &ring, qint64 timeMs, const ListPercents &values)
{
    const qint64 index = floorDiv(timeMs, kStepMs);
    Bucket &bucket = ring.buckets[size_t(((index % kPoints) + kPoints) % kPoints)];
    if (bucket.index > index)
        return; // older than the ring holds
    if (bucket.index != index)
        bucket = Bucket{index, {0, 0, 0}, {0, 0, 0}};
    const double v[3] = {values.cpu, values.memory, values.disk};
    for (int i = 0; i < 3; ++i) {
        if (v[i] >= 0) {
            bucket.sum[i] += v[i];
            ++bucket.count[i];
        }
    }
}

void NodeSparklines::noteReport(const QString &nodeId, const hm::fleet::ReportMessage &report)
{
    // A ring not read yet reads these from the database when asked.
    auto it = m_rings.find(nodeId);
    if (it == m_rings.end() || !it->loaded || report.seq <= it->lastSeq)
        return;
    add(*it, report.timeMs, listPercents(report.metrics));
}

void NodeSparklines::forget(const QString &nodeId)
{
    m_rings.remove(nodeId);
}

Status NodeSparklines::load(const QString &nodeId, Ring &ring, qint64 nowMs)
{
    const qint64 fromMs = (floorDiv(nowMs, kStepMs) - kPoints + 1) * kStepMs;
    auto minutes = m_minutes(nodeId, floorDiv(fromMs, kSparkMinuteMs),
                                           floorDiv(nowMs, kSparkMinuteMs) + 1);
    if (!minutes)
        return minutes.error();
    Ring fresh;
    for (const repositories::MetricBlob &row : minutes.value()) {
        auto samples = hm::fleet::unpackMinute(row.data);
        if (!samples) {
            qCWarning(lcServer).noquote()
                << "fleet: minute" << row.key << "of node" << nodeId
                << "left out of the sparklines:" << samples.error().message;
            continue;
        }
        for (const hm::fleet::PackedSample &s : samples.value()) {
            fresh.lastSeq = std::max(fresh.lastSeq, s.seq);
            if (s.timeMs >= fromMs)
                add(fresh, s.timeMs, listPercents(s.metrics));
        }
    }
    fresh.loaded = true;
    ring = fresh;
    return {};
}

Result<QList<NodeSparklines::Series>> NodeSparklines::series(const QStringList &nodeIds,
                                                             qint64 *endMs)
{
    const qint64 nowMs = now();
    const qint64 last = floorDiv(nowMs, kStepMs);
    if (endMs)
        *endMs = last * kStepMs;
    QList<Series> out;
    out.reserve(nodeIds.size());
    for (const QString &id : nodeIds) {
        Ring &ring = m_rings[id];
        if (!ring.loaded) {
            if (Status s = load(id, ring, nowMs); !s) {
                m_rings.remove(id);
                return s.error();
            }
        }
        Series series;
        series.nodeId = id;
        for (int i = 0; i < kPoints; ++i) {
            const qint64 index = last - kPoints + 1 + i;
            const Bucket &b = ring.buckets[size_t(((index % kPoints) + kPoints) % kPoints)];
            const bool here = b.index == index;
            series.cpu[size_t(i)] = here && b.count[0] > 0 ? b.sum[0] / b.count[0] : -1;
            series.memory[size_t(i)] = here && b.count[1] > 0 ? b.sum[1] / b.count[1] : -1;
            series.disk[size_t(i)] = here && b.count[2] > 0 ? b.sum[2] / b.count[2] : -1;
        }
        out.append(series);
    }
    return out;
}

} // namespace hm::server::fleet
