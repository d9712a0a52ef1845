#include "server/services/fleet/Monitoring.h"

#include "server/api/AuthCommon.h"
#include "server/services/fleet/AlertChannels.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/fleet/FleetSummary.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace hm::server::fleet {

namespace {

// How one seed metric is read from a report's values (percentages from
// used / total, as the alert rules compute them).
struct SeedMetric
{
    QString name;
    QString unit;
    QString value; // the report's metric
    QString total; // with it: value / total * 100
};

const QList<SeedMetric> &seedMetrics()
{
    static const QList<SeedMetric> metrics{
        {QStringLiteral("cpu.usage"), QStringLiteral("percent"), QStringLiteral("cpu_usage"), {}},
        {QStringLiteral("memory.usage"), QStringLiteral("percent"), QStringLiteral("memory_used"),
         QStringLiteral("memory_total")},
        {QStringLiteral("disk.usage"), QStringLiteral("percent"), QStringLiteral("disk_used"),
         QStringLiteral("disk_total")},
        // Agents report network rates, not counters since boot.
        {QStringLiteral("network.bytes_sent"),
         QStringLiteral("bytes_per_second"),
         QStringLiteral("network_out"),
         {}},
        {QStringLiteral("network.bytes_recv"),
         QStringLiteral("bytes_per_second"),
         QStringLiteral("network_in"),
         {}},
        {QStringLiteral("load.average"), QStringLiteral("load"), QStringLiteral("load_avg_1"), {}}};
    return metrics;
}

const SeedMetric *seedMetric(const QString &name)
{
    for (const SeedMetric &m : seedMetrics()) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

// Sums (and counts) of the values that were reported (-1: not reported).
struct Tally
{
    double sum = 0;
    int count = 0;
    void add(double v)
    {
        if (v >= 0) {
            sum += v;
            ++count;
        }
    }
    QJsonValue total() const { return count ? QJsonValue(sum) : QJsonValue(QJsonValue::Null); }
    QJsonValue average() const
    {
        return count ? QJsonValue(sum / count) : QJsonValue(QJsonValue::Null);
    }
};

QJsonValue usagePercent(const Tally &used, const Tally &total)
{
    if (!used.count || !total.count || total.sum <= 0)
        return QJsonValue::Null;
    return 100.0 * used.sum / total.sum;
}

QJsonValue freeBytes(const Tally &used, const Tally &total)
{
    if (!used.count || !total.count)
        return QJsonValue::Null;
    return std::max(0.0, total.sum - used.sum);
}

// Seed 001's rule metrics and the fleet rule types they are.
QString ruleTypeOf(const QString &metricName)
{
    static const QHash<QString, QString> types{
        {QStringLiteral("system.cpu.usage"), QStringLiteral("cpu")},
        {QStringLiteral("system.memory.usage"), QStringLiteral("memory")},
        {QStringLiteral("system.disk.usage"), QStringLiteral("disk")},
        {QStringLiteral("cpu.usage"), QStringLiteral("cpu")},
        {QStringLiteral("memory.usage"), QStringLiteral("memory")},
        {QStringLiteral("disk.usage"), QStringLiteral("disk")}};
    return types.value(metricName);
}

} // namespace

Monitoring::Monitoring(FleetService &fleet, AlertService &alerts, AlertChannels &channels)
    : m_fleet(fleet), m_alerts(alerts), m_channels(channels)
{}

const QStringList &Monitoring::timeRanges()
{
    static const QStringList ranges{QStringLiteral("1h"), QStringLiteral("6h"),
                                    QStringLiteral("24h"), QStringLiteral("7d"),
                                    QStringLiteral("30d")};
    return ranges;
}

qint64 Monitoring::timeRangeMs(const QString &range)
{
    static const QHash<QString, qint64> ms{{QStringLiteral("1h"), 3600'000LL},
                                           {QStringLiteral("6h"), 6 * 3600'000LL},
                                           {QStringLiteral("24h"), 24 * 3600'000LL},
                                           {QStringLiteral("7d"), 7 * 24 * 3600'000LL},
                                           {QStringLiteral("30d"), 30 * 24 * 3600'000LL}};
    return ms.value(range);
}

const QStringList &Monitoring::systemMetricNames()
{
    static const QStringList names = [] {
        QStringList out;
        for (const SeedMetric &m : seedMetrics())
            out << m.name;
        return out;
    }();
    return names;
}

const QStringList &Monitoring::intervals()
{
    static const QStringList list{QStringLiteral("1m"), QStringLiteral("5m"), QStringLiteral("15m"),
                                  QStringLiteral("1h")};
    return list;
}

Result<QJsonObject> Monitoring::systemMetrics(const QString &nodeId)
{
    QHash<QString, FleetSummary::Latest> latest;
    Tally cores;
    if (!nodeId.isEmpty()) {
        auto node = m_fleet.get(nodeId);
        if (!node)
            return node.error();
        if (auto values = m_fleet.latestValues().latest(nodeId))
            latest.insert(nodeId, *values);
        if (node.value().facts.cpuCores > 0)
            cores.add(double(node.value().facts.cpuCores));
    } else {
        latest = m_fleet.latestValues().onlineLatest();
        repositories::NodeFilter all;
        all.limit = std::numeric_limits<int>::max();
        auto online = m_fleet.list(all, QStringLiteral("online"));
        if (!online)
            return online.error();
        for (const repositories::NodeRow &row : online.value().items) {
            if (latest.contains(row.id) && row.facts.cpuCores > 0)
                cores.add(double(row.facts.cpuCores));
        }
    }
    Tally cpu, load1, load5, load15, memTotal, memUsed, diskTotal, diskUsed, diskRead, diskWrite,
        netIn, netOut;
    for (const FleetSummary::Latest &l : std::as_const(latest)) {
        cpu.add(l.cpu);
        load1.add(l.load1);
        load5.add(l.load5);
        load15.add(l.load15);
        memTotal.add(l.memoryTotal);
        memUsed.add(l.memoryUsed);
        diskTotal.add(l.diskTotal);
        diskUsed.add(l.diskUsed);
        diskRead.add(l.diskReadBps);
        diskWrite.add(l.diskWriteBps);
        netIn.add(l.networkIn);
        netOut.add(l.networkOut);
    }
    const QJsonValue loadAverage =
        load1.count && load5.count && load15.count
            ? QJsonValue(QJsonArray{load1.average(), load5.average(), load15.average()})
            : QJsonValue(QJsonValue::Null);
    QJsonObject metrics{
        {QStringLiteral("scope"),
         nodeId.isEmpty() ? QStringLiteral("fleet") : QStringLiteral("node")},
        {QStringLiteral("nodes"), latest.size()},
        {QStringLiteral("cpu"), QJsonObject{{QStringLiteral("usage"), cpu.average()},
                                            {QStringLiteral("cores"), cores.total()},
                                            {QStringLiteral("load_average"), loadAverage}}},
        {QStringLiteral("memory"),
         QJsonObject{{QStringLiteral("total"), memTotal.total()},
                     {QStringLiteral("used"), memUsed.total()},
                     {QStringLiteral("free"), freeBytes(memUsed, memTotal)},
                     {QStringLiteral("usage_percent"), usagePercent(memUsed, memTotal)}}},
        {QStringLiteral("disk"),
         QJsonObject{{QStringLiteral("total"), diskTotal.total()},
                     {QStringLiteral("used"), diskUsed.total()},
                     {QStringLiteral("free"), freeBytes(diskUsed, diskTotal)},
                     {QStringLiteral("usage_percent"), usagePercent(diskUsed, diskTotal)},
                     {QStringLiteral("read_bytes_per_second"), diskRead.total()},
                     {QStringLiteral("write_bytes_per_second"), diskWrite.total()}}},
        {QStringLiteral("network"),
         QJsonObject{{QStringLiteral("bytes_recv_per_second"), netIn.total()},
                     {QStringLiteral("bytes_sent_per_second"), netOut.total()}}}};
    if (!nodeId.isEmpty())
        metrics.insert(QStringLiteral("node_id"), nodeId);
    return metrics;
}

Result<QJsonObject> Monitoring::alertsSummary(qint64 sinceMs)
{
    repositories::AlertRecordFilter open;
    open.onlyOpen = true;
    open.limit = 1;
    auto active = m_alerts.records(open);
    if (!active)
        return active.error();
    repositories::AlertRecordFilter newest;
    newest.limit = 10;
    auto recent = m_alerts.records(newest);
    if (!recent)
        return recent.error();
    QJsonArray items;
    for (const repositories::AlertRecordRow &row : recent.value().items) {
        if (row.startedAt >= sinceMs)
            items.append(AlertService::alertMessage(row));
    }
    const qint64 count = active.value().total;
    // Every HiveMind alert has the level "warning" (AlertService::alertMessage).
    return QJsonObject{{QStringLiteral("active"), count},
                       {QStringLiteral("critical"), 0},
                       {QStringLiteral("warning"), count},
                       {QStringLiteral("info"), 0},
                       {QStringLiteral("recent"), items}};
}

Result<QJsonObject> Monitoring::systemMetricHistory(const SystemMetricQuery &query)
{
    const SeedMetric *metric = seedMetric(query.metric);
    if (!metric)
        return auth::fieldError(QStringLiteral("metric"),
                                QStringLiteral("one of ") + systemMetricNames().join(u", "));
    QList<repositories::NodeRow> nodes;
    if (!query.nodeId.isEmpty()) {
        auto node = m_fleet.get(query.nodeId);
        if (!node)
            return node.error();
        nodes.append(node.value());
    } else {
        repositories::NodeFilter all;
        all.enrolment = QStringLiteral("enrolled");
        all.limit = std::numeric_limits<int>::max();
        auto list = m_fleet.list(all);
        if (!list)
            return list.error();
        nodes = list.value().items;
    }
    // The interval picks the tier; 5 minutes are 1-minute buckets merged in
    // fives (MetricHistory merges neighbours to fit the limit).
    const qint64 spanMs = std::max<qint64>(1, query.endMs - query.startMs);
    QString tier;
    qint64 limit = 1000;
    const auto pointsOf = [spanMs](qint64 stepMs) {
        return std::clamp<qint64>((spanMs + stepMs - 1) / stepMs, 1, 10000);
    };
    if (query.interval == QLatin1String("1m")) {
        tier = QStringLiteral("1m");
        limit = pointsOf(60'000);
    } else if (query.interval == QLatin1String("5m")) {
        tier = QStringLiteral("1m");
        limit = pointsOf(300'000);
    } else if (query.interval == QLatin1String("15m")) {
        tier = QStringLiteral("15m");
        limit = pointsOf(900'000);
    } else if (query.interval == QLatin1String("1h")) {
        tier = QStringLiteral("1h");
        limit = pointsOf(3600'000);
    }
    QSet<QString> names{metric->value};
    if (!metric->total.isEmpty())
        names.insert(metric->total);
    QJsonArray points;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    double sum = 0;
    qint64 count = 0;
    QString tierUsed = tier;
    for (const repositories::NodeRow &node : nodes) {
        auto history = m_fleet.metrics(node.id, query.startMs, query.endMs, limit, tier, names);
        if (!history)
            return history.error();
        tierUsed = history.value().value(QStringLiteral("tier")).toString();
        for (const QJsonValue &item : history.value().value(QStringLiteral("items")).toArray()) {
            const QJsonObject values = item.toObject().value(QStringLiteral("metrics")).toObject();
            if (!values.contains(metric->value))
                continue;
            double value = values.value(metric->value).toDouble();
            if (!metric->total.isEmpty()) {
                const double total = values.value(metric->total).toDouble();
                if (total <= 0)
                    continue;
                value = 100.0 * value / total;
            }
            points.append(QJsonObject{
                {QStringLiteral("timestamp"), item.toObject().value(QStringLiteral("time"))},
                {QStringLiteral("value"), value},
                {QStringLiteral("tags"), QJsonObject{{QStringLiteral("host"), node.name},
                                                     {QStringLiteral("node_id"), node.id}}}});
            min = std::min(min, value);
            max = std::max(max, value);
            sum += value;
            ++count;
        }
    }
    return QJsonObject{
        {QStringLiteral("metric"), metric->name},
        {QStringLiteral("unit"), metric->unit},
        {QStringLiteral("tier"), tierUsed},
        {QStringLiteral("data_points"), points},
        {QStringLiteral("statistics"),
         QJsonObject{
             {QStringLiteral("min"), count ? QJsonValue(min) : QJsonValue(QJsonValue::Null)},
             {QStringLiteral("max"), count ? QJsonValue(max) : QJsonValue(QJsonValue::Null)},
             {QStringLiteral("avg"),
              count ? QJsonValue(sum / count) : QJsonValue(QJsonValue::Null)},
             {QStringLiteral("count"), count}}}};
}

Result<QJsonObject> Monitoring::createSeedRule(const auth::Principal &caller,
                                               const auth::ClientInfo &client,
                                               const SeedAlertRule &rule)
{
    if (ruleTypeOf(rule.metricName).isEmpty())
        return auth::fieldError(QStringLiteral("metric_name"),
                                QStringLiteral("system.cpu.usage, system.memory.usage or "
                                               "system.disk.usage"));
    if (!rule.channels.isEmpty()) {
        auto channels = m_channels.channels();
        if (!channels)
            return channels.error();
        for (const QString &wanted : rule.channels) {
            const bool known =
                std::any_of(channels.value().cbegin(), channels.value().cend(),
                            [&wanted](const repositories::AlertChannelRow &c) {
                                return c.enabled && (c.name == wanted || c.type == wanted);
                            });
            if (!known) {
                Error e = auth::fieldError(
                    QStringLiteral("notification_channels"),
                    QStringLiteral("no enabled alert channel has this name or type"));
                e.details.insert(QStringLiteral("channel"), wanted);
                return e;
            }
        }
    }
    AlertRuleDetails details = rule.details;
    details.type = ruleTypeOf(rule.metricName);
    auto created = m_alerts.createRule(caller, client, details);
    if (!created)
        return created.error();
    const QJsonObject stored = AlertService::ruleJson(created.value());
    return QJsonObject{
        {QStringLiteral("id"), stored.value(QStringLiteral("id"))},
        {QStringLiteral("name"), stored.value(QStringLiteral("name"))},
        {QStringLiteral("metric_name"), rule.metricName},
        {QStringLiteral("condition"), rule.condition},
        {QStringLiteral("threshold"), stored.value(QStringLiteral("threshold"))},
        {QStringLiteral("level"), QStringLiteral("warning")},
        {QStringLiteral("duration"), stored.value(QStringLiteral("duration"))},
        {QStringLiteral("enabled"), stored.value(QStringLiteral("enabled"))},
        {QStringLiteral("notification_channels"), QJsonArray::fromStringList(rule.channels)},
        {QStringLiteral("ignored_fields"), QJsonArray::fromStringList(rule.ignoredFields)},
        {QStringLiteral("rule"), stored},
        {QStringLiteral("created_at"), stored.value(QStringLiteral("created_at"))},
        {QStringLiteral("updated_at"), stored.value(QStringLiteral("updated_at"))}};
}

} // namespace hm::server::fleet
