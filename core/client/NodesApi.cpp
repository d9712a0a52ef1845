#include "client/NodesApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"

#include <QJsonArray>

namespace hm::client {

namespace json {

NodeRow node(const QJsonObject &o)
{
    NodeRow n;
    n.id = o.value(QStringLiteral("id")).toString();
    n.name = o.value(QStringLiteral("name")).toString();
    n.description = o.value(QStringLiteral("description")).toString();
    n.labels = strings(o.value(QStringLiteral("labels")));
    n.status = o.value(QStringLiteral("status")).toString();
    n.online = o.value(QStringLiteral("online")).toBool();
    n.enrolled = o.value(QStringLiteral("enrolled")).toBool();
    n.fingerprint = o.value(QStringLiteral("fingerprint")).toString();
    n.ip = o.value(QStringLiteral("ip")).toString();
    n.os = o.value(QStringLiteral("os")).toString();
    n.arch = o.value(QStringLiteral("arch")).toString();
    n.cpuCores = o.value(QStringLiteral("cpu_cores")).toInt();
    n.cpuModel = o.value(QStringLiteral("cpu_model")).toString();
    n.memoryTotal = o.value(QStringLiteral("memory_total")).toInteger();
    n.diskTotal = o.value(QStringLiteral("disk_total")).toInteger();
    n.systemInfo = o.value(QStringLiteral("system_info")).toString();
    n.agentVersion = o.value(QStringLiteral("agent_version")).toString();
    n.capabilities = strings(o.value(QStringLiteral("capabilities")));
    n.lastSeq = o.value(QStringLiteral("last_seq")).toInteger();
    n.lastHeartbeat = time(o.value(QStringLiteral("last_heartbeat")));
    n.enrolledAt = time(o.value(QStringLiteral("enrolled_at")));
    n.createdAt = time(o.value(QStringLiteral("created_at")));
    return n;
}

EnrolmentTicket enrolmentTicket(const QJsonObject &o)
{
    return EnrolmentTicket{o.value(QStringLiteral("secret")).toString(),
                           time(o.value(QStringLiteral("expires_at"))),
                           o.value(QStringLiteral("command")).toString()};
}

FleetSummary fleetSummary(const QJsonObject &o)
{
    const auto average = [](const QJsonValue &v) { return v.isDouble() ? v.toDouble() : -1.0; };
    const auto ranked = [](const QJsonValue &v) {
        QList<FleetSummary::Ranked> out;
        for (const QJsonValue item : v.toArray()) {
            const QJsonObject r = item.toObject();
            out.append({r.value(QStringLiteral("node_id")).toString(),
                        r.value(QStringLiteral("name")).toString(),
                        r.value(QStringLiteral("value")).toDouble()});
        }
        return out;
    };
    FleetSummary s;
    s.total = o.value(QStringLiteral("total")).toInt();
    s.online = o.value(QStringLiteral("online")).toInt();
    s.offline = o.value(QStringLiteral("offline")).toInt();
    s.pending = o.value(QStringLiteral("pending")).toInt();
    s.reporting = o.value(QStringLiteral("reporting")).toInt();
    const QJsonObject averages = o.value(QStringLiteral("averages")).toObject();
    s.cpu = average(averages.value(QStringLiteral("cpu_usage")));
    s.memory = average(averages.value(QStringLiteral("memory_percent")));
    s.disk = average(averages.value(QStringLiteral("disk_percent")));
    s.load1 = average(averages.value(QStringLiteral("load_avg_1")));
    const QJsonObject network = o.value(QStringLiteral("network")).toObject();
    s.networkIn = network.value(QStringLiteral("in")).toDouble();
    s.networkOut = network.value(QStringLiteral("out")).toDouble();
    const QJsonObject top = o.value(QStringLiteral("top")).toObject();
    s.topCpu = ranked(top.value(QStringLiteral("cpu_usage")));
    s.topMemory = ranked(top.value(QStringLiteral("memory_percent")));
    s.topDisk = ranked(top.value(QStringLiteral("disk_percent")));
    s.topNetwork = ranked(top.value(QStringLiteral("network")));
    return s;
}

NodeMetrics nodeMetrics(const QJsonObject &o)
{
    NodeMetrics metrics;
    metrics.tier = o.value(QStringLiteral("tier")).toString();
    for (const QJsonValue v : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = v.toObject();
        metrics.items.append({item.value(QStringLiteral("seq")).toInteger(),
                              time(item.value(QStringLiteral("time"))),
                              item.value(QStringLiteral("metrics")).toObject(),
                              item.value(QStringLiteral("min")).toObject(),
                              item.value(QStringLiteral("max")).toObject()});
    }
    return metrics;
}

NodeSparklines nodeSparklines(const QJsonObject &o)
{
    const auto series = [](const QJsonValue &v) {
        QList<double> out;
        const QJsonArray values = v.toArray();
        out.reserve(values.size());
        for (const QJsonValue value : values)
            out.append(value.isDouble() ? value.toDouble() : -1.0);
        return out;
    };
    NodeSparklines s;
    s.stepSeconds = o.value(QStringLiteral("step_s")).toInt(30);
    s.end = time(o.value(QStringLiteral("end")));
    for (const QJsonValue v : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = v.toObject();
        s.items.append({item.value(QStringLiteral("node_id")).toString(),
                        series(item.value(QStringLiteral("cpu_usage"))),
                        series(item.value(QStringLiteral("memory_percent"))),
                        series(item.value(QStringLiteral("disk_percent")))});
    }
    return s;
}

QList<NodeLiveValues> nodeMetricsBatch(const QJsonObject &data)
{
    const auto value = [](const QJsonObject &item, const QString &name) {
        const QJsonValue v = item.value(name);
        return v.isDouble() ? v.toDouble() : -1.0;
    };
    QList<NodeLiveValues> out;
    const QJsonArray items = data.value(QStringLiteral("items")).toArray();
    out.reserve(items.size());
    for (const QJsonValue v : items) {
        const QJsonObject item = v.toObject();
        out.append({item.value(QStringLiteral("node_id")).toString(),
                    time(item.value(QStringLiteral("time"))),
                    value(item, QStringLiteral("cpu_usage")),
                    value(item, QStringLiteral("memory_percent")),
                    value(item, QStringLiteral("disk_percent"))});
    }
    return out;
}

} // namespace json

namespace {

const QString kNodes = QStringLiteral("/api/v1/nodes");

NodeRow readNode(const ApiResponse &r)
{
    return json::node(r.data.toObject());
}

QJsonObject hoursBody(int hours)
{
    QJsonObject body;
    if (hours > 0)
        body.insert(QStringLiteral("expires_in_hours"), hours);
    return body;
}

} // namespace

void NodesApi::list(const NodeFilter &filter, Callback<Page<NodeRow>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    addIfSet(query, QStringLiteral("search"), filter.search);
    addIfSet(query, QStringLiteral("label"), filter.label);
    m_client.call<Page<NodeRow>>(
        ApiRequest::get(kNodes, query),
        [](const ApiResponse &r) {
            return json::page<NodeRow>(r.data.toObject(), QStringLiteral("items"), json::node);
        },
        std::move(done));
}

void NodesApi::get(const QString &id, Callback<NodeRow> done)
{
    m_client.call<NodeRow>(ApiRequest::get(kNodes + u'/' + id), readNode, std::move(done));
}

void NodesApi::create(const NewNode &node, Callback<EnrolledNode> done)
{
    QJsonObject body = hoursBody(node.expiresInHours);
    body.insert(QStringLiteral("name"), node.name);
    if (!node.description.isEmpty())
        body.insert(QStringLiteral("description"), node.description);
    if (!node.labels.isEmpty())
        body.insert(QStringLiteral("labels"), QJsonArray::fromStringList(node.labels));
    m_client.call<EnrolledNode>(
        ApiRequest::post(kNodes, body),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            return EnrolledNode{
                json::node(o.value(QStringLiteral("node")).toObject()),
                json::enrolmentTicket(o.value(QStringLiteral("enrolment")).toObject())};
        },
        std::move(done));
}

void NodesApi::update(const QString &id, const QJsonObject &changes, Callback<NodeRow> done)
{
    m_client.call<NodeRow>(
        ApiRequest::withBody(QByteArrayLiteral("PATCH"), kNodes + u'/' + id, changes), readNode,
        std::move(done));
}

void NodesApi::remove(const QString &id, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(kNodes + u'/' + id), [](const ApiResponse &) { return Status(); },
        std::move(done));
}

void NodesApi::renewEnrolment(const QString &id, int expiresInHours, Callback<EnrolmentTicket> done)
{
    m_client.call<EnrolmentTicket>(
        ApiRequest::post(kNodes + u'/' + id + QStringLiteral("/enrolment"),
                         hoursBody(expiresInHours)),
        [](const ApiResponse &r) { return json::enrolmentTicket(r.data.toObject()); },
        std::move(done));
}

void NodesApi::metrics(const QString &id, const NodeMetricsQuery &query, Callback<NodeMetrics> done)
{
    QUrlQuery q;
    if (query.start.isValid())
        q.addQueryItem(QStringLiteral("start"), query.start.toUTC().toString(Qt::ISODateWithMs));
    if (query.end.isValid())
        q.addQueryItem(QStringLiteral("end"), query.end.toUTC().toString(Qt::ISODateWithMs));
    if (query.limit > 0)
        q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    if (!query.tier.isEmpty())
        q.addQueryItem(QStringLiteral("tier"), query.tier);
    if (!query.names.isEmpty())
        q.addQueryItem(QStringLiteral("metrics"), query.names.join(u','));
    m_client.call<NodeMetrics>(
        ApiRequest::get(kNodes + u'/' + id + QStringLiteral("/metrics"), q),
        [](const ApiResponse &r) { return json::nodeMetrics(r.data.toObject()); }, std::move(done));
}

void NodesApi::sparklines(const QStringList &ids, Callback<NodeSparklines> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("ids"), ids.join(u','));
    m_client.call<NodeSparklines>(
        ApiRequest::get(kNodes + QStringLiteral("/sparklines"), q),
        [](const ApiResponse &r) { return json::nodeSparklines(r.data.toObject()); },
        std::move(done));
}

void NodesApi::summary(int top, Callback<FleetSummary> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("top"), QString::number(top));
    m_client.call<FleetSummary>(
        ApiRequest::get(kNodes + QStringLiteral("/summary"), q),
        [](const ApiResponse &r) { return json::fleetSummary(r.data.toObject()); },
        std::move(done));
}

} // namespace hm::client
