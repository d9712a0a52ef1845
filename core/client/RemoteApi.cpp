#include "client/RemoteApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"

#include <QJsonArray>

namespace hm::client {

namespace json {

ProcessRow processRow(const QJsonObject &o)
{
    ProcessRow p;
    p.pid = o.value(QStringLiteral("pid")).toInteger();
    p.ppid = o.value(QStringLiteral("ppid")).toInteger();
    p.user = o.value(QStringLiteral("user")).toString();
    p.uid = o.value(QStringLiteral("uid")).toInteger(-1);
    p.name = o.value(QStringLiteral("name")).toString();
    p.command = o.value(QStringLiteral("command")).toString();
    p.cpuPercent = o.value(QStringLiteral("cpu_percent")).toDouble();
    p.memoryRss = o.value(QStringLiteral("memory_rss")).toInteger();
    p.memoryVirtual = o.value(QStringLiteral("memory_virtual")).toInteger();
    p.state = o.value(QStringLiteral("state")).toString();
    p.startTime = time(o.value(QStringLiteral("start_time")));
    p.threads = o.value(QStringLiteral("threads")).toInt();
    return p;
}

NodeGrant nodeGrant(const QJsonObject &o)
{
    NodeGrant g;
    g.id = o.value(QStringLiteral("id")).toString();
    g.subjectKind = o.value(QStringLiteral("subject_kind")).toString();
    g.subject = o.value(QStringLiteral("subject")).toString();
    g.label = o.value(QStringLiteral("label")).toString();
    g.capability = o.value(QStringLiteral("capability")).toString();
    g.createdBy = o.value(QStringLiteral("created_by")).toString();
    g.createdAt = time(o.value(QStringLiteral("created_at")));
    return g;
}

} // namespace json

namespace {

const QString kRemoteNodes = QStringLiteral("/api/v1/nodes/");
const QString kRemoteGrants = QStringLiteral("/api/v1/nodes/grants");

} // namespace

void RemoteApi::access(const QString &nodeId, Callback<NodeAccess> done)
{
    m_client.call<NodeAccess>(
        ApiRequest::get(kRemoteNodes + nodeId + QStringLiteral("/access")),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            return NodeAccess{o.value(QStringLiteral("node_id")).toString(),
                              json::strings(o.value(QStringLiteral("agent_capabilities"))),
                              json::strings(o.value(QStringLiteral("granted"))),
                              json::strings(o.value(QStringLiteral("usable"))),
                              o.value(QStringLiteral("online")).toBool()};
        },
        std::move(done));
}

void RemoteApi::processes(const QString &nodeId, const ProcessQuery &query,
                          Callback<ProcessList> done)
{
    QUrlQuery q;
    if (!query.search.isEmpty())
        q.addQueryItem(QStringLiteral("search"), query.search);
    if (!query.sort.isEmpty()) {
        q.addQueryItem(QStringLiteral("sort"), query.sort);
        q.addQueryItem(QStringLiteral("order"),
                       query.descending ? QStringLiteral("desc") : QStringLiteral("asc"));
    }
    if (query.limit > 0)
        q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    m_client.call<ProcessList>(
        ApiRequest::get(kRemoteNodes + nodeId + QStringLiteral("/processes"), q),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            ProcessList list;
            for (const QJsonValue item : o.value(QStringLiteral("items")).toArray())
                list.items.append(json::processRow(item.toObject()));
            list.total = o.value(QStringLiteral("total")).toInt();
            list.matched = o.value(QStringLiteral("matched")).toInt();
            list.truncated = o.value(QStringLiteral("truncated")).toBool();
            return list;
        },
        std::move(done));
}

void RemoteApi::killProcess(const QString &nodeId, qint64 pid, const QString &signal,
                            Callback<KillResult> done)
{
    m_client.call<KillResult>(
        ApiRequest::post(kRemoteNodes + nodeId + QStringLiteral("/processes/") +
                             QString::number(pid) + QStringLiteral("/kill"),
                         QJsonObject{{QStringLiteral("signal"), signal}}),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            return KillResult{o.value(QStringLiteral("pid")).toInteger(),
                              o.value(QStringLiteral("signal")).toString(),
                              o.value(QStringLiteral("killed")).toBool()};
        },
        std::move(done));
}

void RemoteApi::grants(Callback<QList<NodeGrant>> done)
{
    m_client.call<QList<NodeGrant>>(
        ApiRequest::get(kRemoteGrants),
        [](const ApiResponse &r) {
            QList<NodeGrant> out;
            for (const QJsonValue item : r.data.toObject().value(QStringLiteral("items")).toArray())
                out.append(json::nodeGrant(item.toObject()));
            return out;
        },
        std::move(done));
}

void RemoteApi::createGrant(const NodeGrant &grant, Callback<NodeGrant> done)
{
    m_client.call<NodeGrant>(
        ApiRequest::post(kRemoteGrants,
                         QJsonObject{{QStringLiteral("subject_kind"), grant.subjectKind},
                                     {QStringLiteral("subject"), grant.subject},
                                     {QStringLiteral("label"), grant.label},
                                     {QStringLiteral("capability"), grant.capability}}),
        [](const ApiResponse &r) { return json::nodeGrant(r.data.toObject()); }, std::move(done));
}

void RemoteApi::removeGrant(const QString &id, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(kRemoteGrants + u'/' + id), [](const ApiResponse &) { return Status(); },
        std::move(done));
}

} // namespace hm::client
