#include "server/services/fleet/FleetSummary.h"

#include "server/repositories/NodeRepository.h"

#include <QJsonArray>
#include <algorithm>

namespace hm::server::fleet {

namespace {

struct Ranked
{
    QString nodeId;
    double value;
};

// The `count` largest, largest first; ties by node id (a stable answer).
QList<Ranked> topOf(QList<Ranked> values, int count)
{
    std::sort(values.begin(), values.end(), [](const Ranked &a, const Ranked &b) {
        return a.value != b.value ? a.value > b.value : a.nodeId < b.nodeId;
    });
    if (values.size() > count)
        values.resize(count);
    return values;
}

QJsonValue averageOrNull(double sum, int count)
{
    return count > 0 ? QJsonValue(sum / count) : QJsonValue(QJsonValue::Null);
}

} // namespace

FleetSummary::FleetSummary(store::Database &db, const QSet<QString> &online, QObject *parent)
    : QObject(parent), m_db(db), m_online(online)
{}

void FleetSummary::noteReport(const QString &nodeId, const hm::fleet::ReportMessage &report)
{
    Latest &latest = m_latest[nodeId];
    // A replayed report from an outage is older than what is known.
    if (report.timeMs < latest.timeMs)
        return;
    latest.timeMs = report.timeMs;
    // One pass over the report for the few values kept (every report of
    // every agent comes here: no hash of all its values).
    double cpu = -1, memoryUsed = -1, memoryTotal = 0, diskUsed = -1, diskTotal = 0;
    double load1 = -1, networkIn = -1, networkOut = -1, uptime = -1;
    double load5 = -1, load15 = -1, diskRead = -1, diskWrite = -1;
    bool hasMemoryUsed = false;
    bool hasDiskUsed = false;
    const struct
    {
        QLatin1String name;
        double *target;
        bool *seen;
    } wanted[] = {{QLatin1String("cpu_usage"), &cpu, nullptr},
                  {QLatin1String("memory_used"), &memoryUsed, &hasMemoryUsed},
                  {QLatin1String("memory_total"), &memoryTotal, nullptr},
                  {QLatin1String("disk_used"), &diskUsed, &hasDiskUsed},
                  {QLatin1String("disk_total"), &diskTotal, nullptr},
                  {QLatin1String("load_avg_1"), &load1, nullptr},
                  {QLatin1String("network_in"), &networkIn, nullptr},
                  {QLatin1String("network_out"), &networkOut, nullptr},
                  {QLatin1String("uptime"), &uptime, nullptr},
                  {QLatin1String("load_avg_5"), &load5, nullptr},
                  {QLatin1String("load_avg_15"), &load15, nullptr},
                  {QLatin1String("disk_read_bps"), &diskRead, nullptr},
                  {QLatin1String("disk_write_bps"), &diskWrite, nullptr}};
    for (const hm::fleet::MetricValue &m : report.metrics) {
        for (const auto &w : wanted) {
            if (m.name == w.name) {
                // The last one when a name repeats, as a hash insert kept.
                *w.target = m.value;
                if (w.seen)
                    *w.seen = true;
                break;
            }
        }
    }
    const auto percent = [](bool hasUsed, double used, double of) {
        return hasUsed && of > 0 ? 100.0 * used / of : -1.0;
    };
    latest.cpu = cpu;
    latest.memory = percent(hasMemoryUsed, memoryUsed, memoryTotal);
    latest.disk = percent(hasDiskUsed, diskUsed, diskTotal);
    latest.load1 = load1;
    latest.networkIn = networkIn;
    latest.networkOut = networkOut;
    latest.uptime = uptime;
    latest.load5 = load5;
    latest.load15 = load15;
    latest.memoryTotal = memoryTotal > 0 ? memoryTotal : -1;
    latest.memoryUsed = hasMemoryUsed ? memoryUsed : -1;
    latest.diskTotal = diskTotal > 0 ? diskTotal : -1;
    latest.diskUsed = hasDiskUsed ? diskUsed : -1;
    latest.diskReadBps = diskRead;
    latest.diskWriteBps = diskWrite;
}

QHash<QString, FleetSummary::Latest> FleetSummary::onlineLatest() const
{
    QHash<QString, Latest> out;
    for (auto it = m_latest.cbegin(); it != m_latest.cend(); ++it) {
        if (m_online.contains(it.key()))
            out.insert(it.key(), it.value());
    }
    return out;
}

std::optional<FleetSummary::Latest> FleetSummary::latest(const QString &nodeId) const
{
    const auto it = m_latest.constFind(nodeId);
    if (it == m_latest.cend())
        return std::nullopt;
    return *it;
}

void FleetSummary::forget(const QString &nodeId)
{
    m_latest.remove(nodeId);
}

Result<QJsonObject> FleetSummary::summary(int topCount) const
{
    auto counts = repositories::nodeCounts(m_db);
    if (!counts)
        return counts.error();
    topCount = std::clamp(topCount, 0, kMaxTop);

    int reporting = 0;
    double sums[4] = {};
    int counted[4] = {};
    double networkIn = 0;
    double networkOut = 0;
    QList<Ranked> cpu, memory, disk, network;
    for (auto it = m_latest.begin(); it != m_latest.end(); ++it) {
        if (!m_online.contains(it.key()))
            continue; // an offline node's last values are history, not now
        const Latest &l = it.value();
        ++reporting;
        const double values[4] = {l.cpu, l.memory, l.disk, l.load1};
        for (int i = 0; i < 4; ++i) {
            if (values[i] >= 0) {
                sums[i] += values[i];
                ++counted[i];
            }
        }
        if (l.cpu >= 0)
            cpu.append({it.key(), l.cpu});
        if (l.memory >= 0)
            memory.append({it.key(), l.memory});
        if (l.disk >= 0)
            disk.append({it.key(), l.disk});
        if (l.networkIn >= 0 || l.networkOut >= 0) {
            networkIn += std::max(0.0, l.networkIn);
            networkOut += std::max(0.0, l.networkOut);
            network.append({it.key(), std::max(0.0, l.networkIn) + std::max(0.0, l.networkOut)});
        }
    }
    QStringList ids;
    const QList<QList<Ranked>> tops{topOf(cpu, topCount), topOf(memory, topCount),
                                    topOf(disk, topCount), topOf(network, topCount)};
    for (const QList<Ranked> &top : tops) {
        for (const Ranked &r : top)
            ids.append(r.nodeId);
    }
    ids.removeDuplicates();
    auto rows = repositories::nodesByIds(m_db, ids);
    if (!rows)
        return rows.error();
    QHash<QString, QString> names;
    for (const repositories::NodeRow &row : rows.value())
        names.insert(row.id, row.name);
    const auto render = [&names](const QList<Ranked> &top) {
        QJsonArray out;
        for (const Ranked &r : top) {
            if (names.contains(r.nodeId)) // deleted meanwhile
                out.append(QJsonObject{{QStringLiteral("node_id"), r.nodeId},
                                       {QStringLiteral("name"), names.value(r.nodeId)},
                                       {QStringLiteral("value"), r.value}});
        }
        return out;
    };
    const qint64 pending = counts.value().total - counts.value().enrolled;
    const int online = int(m_online.size());
    return QJsonObject{
        {QStringLiteral("total"), counts.value().total},
        {QStringLiteral("online"), online},
        {QStringLiteral("offline"), std::max<qint64>(0, counts.value().enrolled - online)},
        {QStringLiteral("pending"), pending},
        {QStringLiteral("reporting"), reporting},
        {QStringLiteral("averages"),
         QJsonObject{{QStringLiteral("cpu_usage"), averageOrNull(sums[0], counted[0])},
                     {QStringLiteral("memory_percent"), averageOrNull(sums[1], counted[1])},
                     {QStringLiteral("disk_percent"), averageOrNull(sums[2], counted[2])},
                     {QStringLiteral("load_avg_1"), averageOrNull(sums[3], counted[3])}}},
        {QStringLiteral("network"),
         QJsonObject{{QStringLiteral("in"), networkIn}, {QStringLiteral("out"), networkOut}}},
        {QStringLiteral("top"), QJsonObject{{QStringLiteral("cpu_usage"), render(tops.at(0))},
                                            {QStringLiteral("memory_percent"), render(tops.at(1))},
                                            {QStringLiteral("disk_percent"), render(tops.at(2))},
                                            {QStringLiteral("network"), render(tops.at(3))}}}};
}

} // namespace hm::server::fleet
