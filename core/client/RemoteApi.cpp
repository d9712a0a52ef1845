#include "client/RemoteApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"

#include <QJsonArray>
#include <QUrl>

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

ContainerRow containerRow(const QJsonObject &o)
{
    ContainerRow c;
    c.id = o.value(QStringLiteral("id")).toString();
    c.name = o.value(QStringLiteral("name")).toString();
    c.image = o.value(QStringLiteral("image")).toString();
    c.state = o.value(QStringLiteral("state")).toString();
    c.status = o.value(QStringLiteral("status")).toString();
    c.created = time(o.value(QStringLiteral("created")));
    QStringList ports;
    for (const QJsonValue value : o.value(QStringLiteral("ports")).toArray()) {
        const QJsonObject port = value.toObject();
        const QString inside = QString::number(port.value(QStringLiteral("private")).toInt()) + u'/'
                               + port.value(QStringLiteral("type")).toString();
        ports.append(port.contains(QStringLiteral("public"))
                         ? QString::number(port.value(QStringLiteral("public")).toInt())
                               + QStringLiteral("\u2192") + inside
                         : inside);
    }
    c.ports = ports.join(QStringLiteral(", "));
    c.composeProject = o.value(QStringLiteral("compose_project")).toString();
    c.health = o.value(QStringLiteral("health")).toString();
    return c;
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

TerminalSession terminalSession(const QJsonObject &o)
{
    TerminalSession t;
    t.id = o.value(QStringLiteral("id")).toString();
    t.nodeId = o.value(QStringLiteral("node_id")).toString();
    t.userId = o.value(QStringLiteral("user_id")).toString();
    t.username = o.value(QStringLiteral("username")).toString();
    t.shell = o.value(QStringLiteral("shell")).toString();
    t.pid = o.value(QStringLiteral("pid")).toInteger();
    t.attached = o.value(QStringLiteral("attached")).toBool();
    t.createdAt = time(o.value(QStringLiteral("created_at")));
    t.lastActivityAt = time(o.value(QStringLiteral("last_activity_at")));
    return t;
}

} // namespace json

namespace {

const QString kRemoteNodes = QStringLiteral("/api/v1/nodes/");
const QString kRemoteGrants = QStringLiteral("/api/v1/nodes/grants");

QString remoteTerminalSessions(const QString &nodeId)
{
    return kRemoteNodes + nodeId + QStringLiteral("/terminal/sessions");
}

TerminalOpened remoteTerminalOpened(const ApiResponse &r)
{
    const QJsonObject o = r.data.toObject();
    return TerminalOpened{json::terminalSession(o.value(QStringLiteral("session")).toObject()),
                          o.value(QStringLiteral("ticket")).toString(),
                          o.value(QStringLiteral("ticket_expires_in")).toInt(),
                          o.value(QStringLiteral("websocket")).toString()};
}

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

void RemoteApi::containers(const QString &nodeId, Callback<QList<ContainerRow>> done)
{
    m_client.call<QList<ContainerRow>>(
        ApiRequest::get(kRemoteNodes + nodeId + QStringLiteral("/docker/containers")),
        [](const ApiResponse &r) {
            QList<ContainerRow> rows;
            for (const QJsonValue item :
                 r.data.toObject().value(QStringLiteral("items")).toArray())
                rows.append(json::containerRow(item.toObject()));
            return rows;
        },
        std::move(done));
}

namespace {

// A container's stop, restart or forced remove waits for the engine's stop
// grace period (10 s by default, then SIGKILL): the agent gives Docker 60 s
// (DockerEngine::kTimeoutMs), the server gives the agent 45 s
// (DockerOps::kContainerActionTimeoutMs), and the console waits longer than
// the server, so that it hears the server's answer instead of guessing.
constexpr int kContainerActionTimeoutMs = 60'000;

} // namespace

void RemoteApi::containerAction(const QString &nodeId, const QString &container,
                                const QString &action, Callback<void> done)
{
    ApiRequest request =
        ApiRequest::post(kRemoteNodes + nodeId + QStringLiteral("/docker/containers/") +
                         QString::fromLatin1(QUrl::toPercentEncoding(container)) + u'/' + action);
    request.timeoutMs = kContainerActionTimeoutMs;
    m_client.call<void>(
        std::move(request), [](const ApiResponse &) { return Status(); }, std::move(done));
}

void RemoteApi::removeContainer(const QString &nodeId, const QString &container, bool force,
                                Callback<void> done)
{
    ApiRequest request = ApiRequest::del(kRemoteNodes + nodeId
                                         + QStringLiteral("/docker/containers/")
                                         + QString::fromLatin1(QUrl::toPercentEncoding(container)));
    if (force)
        request.query.addQueryItem(QStringLiteral("force"), QStringLiteral("true"));
    request.timeoutMs = kContainerActionTimeoutMs; // a running one is stopped first
    m_client.call<void>(
        std::move(request), [](const ApiResponse &) { return Status(); }, std::move(done));
}

void RemoteApi::containerLogs(const QString &nodeId, const QString &container, int tail,
                              qint64 since, bool timestamps, Callback<ContainerLog> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("tail"), QString::number(tail));
    if (since > 0)
        q.addQueryItem(QStringLiteral("since"), QString::number(since));
    if (timestamps)
        q.addQueryItem(QStringLiteral("timestamps"), QStringLiteral("true"));
    m_client.call<ContainerLog>(
        ApiRequest::get(kRemoteNodes + nodeId + QStringLiteral("/docker/containers/")
                            + QString::fromLatin1(QUrl::toPercentEncoding(container))
                            + QStringLiteral("/logs"),
                        q),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            return ContainerLog{o.value(QStringLiteral("logs")).toString(),
                                o.value(QStringLiteral("lines")).toInt(),
                                o.value(QStringLiteral("truncated")).toBool()};
        },
        std::move(done));
}

void RemoteApi::dockerImages(const QString &nodeId, Callback<QList<DockerImage>> done)
{
    m_client.call<QList<DockerImage>>(
        ApiRequest::get(kRemoteNodes + nodeId + QStringLiteral("/docker/images")),
        [](const ApiResponse &r) {
            QList<DockerImage> images;
            for (const QJsonValue item :
                 r.data.toObject().value(QStringLiteral("items")).toArray()) {
                const QJsonObject o = item.toObject();
                images.append(DockerImage{o.value(QStringLiteral("id")).toString(),
                                          json::strings(o.value(QStringLiteral("tags"))),
                                          o.value(QStringLiteral("size")).toInteger(),
                                          json::time(o.value(QStringLiteral("created")))});
            }
            return images;
        },
        std::move(done));
}

void RemoteApi::composeProjects(const QString &nodeId, Callback<ComposeProjects> done)
{
    m_client.call<ComposeProjects>(
        ApiRequest::get(kRemoteNodes + nodeId + QStringLiteral("/docker/composes")),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            ComposeProjects projects;
            projects.composeAvailable = o.value(QStringLiteral("compose_available")).toBool();
            for (const QJsonValue item : o.value(QStringLiteral("items")).toArray()) {
                const QJsonObject p = item.toObject();
                projects.items.append(ComposeProject{p.value(QStringLiteral("name")).toString(),
                                                     p.value(QStringLiteral("working_dir")).toString(),
                                                     p.value(QStringLiteral("state")).toString(),
                                                     p.value(QStringLiteral("running")).toInt(),
                                                     p.value(QStringLiteral("total")).toInt(),
                                                     p.value(QStringLiteral("defined")).toBool(),
                                                     p.value(QStringLiteral("busy")).toBool()});
            }
            return projects;
        },
        std::move(done));
}

void RemoteApi::composeRun(const QString &nodeId, const QString &project, bool up,
                           Callback<ComposeRun> done)
{
    ApiRequest request = ApiRequest::post(
        kRemoteNodes + nodeId + QStringLiteral("/docker/composes/")
        + QString::fromLatin1(QUrl::toPercentEncoding(project))
        + (up ? QStringLiteral("/up") : QStringLiteral("/down")));
    // Compose pulls and starts containers: the server allows it minutes
    // (DockerOps), and nothing moves on the connection meanwhile.
    request.timeoutMs = 0;
    m_client.call<ComposeRun>(
        std::move(request),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            return ComposeRun{o.value(QStringLiteral("project")).toString(),
                              o.value(QStringLiteral("action")).toString(),
                              o.value(QStringLiteral("exit_code")).toInt(),
                              o.value(QStringLiteral("output")).toString()};
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

namespace {

// The server answers once the agent is back: longer than a plain request.
constexpr int kAgentRestartTimeoutMs = 3 * 60 * 1000;

} // namespace

void RemoteApi::restartAgent(const QString &nodeId, Callback<void> done)
{
    ApiRequest request = ApiRequest::post(kRemoteNodes + nodeId + QStringLiteral("/restart-agent"),
                                          QJsonObject{});
    request.timeoutMs = kAgentRestartTimeoutMs;
    m_client.call<void>(request, [](const ApiResponse &) { return Status(); }, std::move(done));
}

void RemoteApi::reboot(const QString &nodeId, Callback<void> done)
{
    ApiRequest request =
        ApiRequest::post(kRemoteNodes + nodeId + QStringLiteral("/reboot"), QJsonObject{});
    request.timeoutMs = kAgentRestartTimeoutMs;
    m_client.call<void>(request, [](const ApiResponse &) { return Status(); }, std::move(done));
}

void RemoteApi::upgradeAgent(const QString &nodeId, const QString &version,
                             Callback<QString> done)
{
    QJsonObject body;
    if (!version.isEmpty())
        body.insert(QStringLiteral("version"), version);
    ApiRequest request =
        ApiRequest::post(kRemoteNodes + nodeId + QStringLiteral("/upgrade"), body);
    request.timeoutMs = kAgentRestartTimeoutMs;
    m_client.call<QString>(
        request,
        [](const ApiResponse &r) {
            return r.data.toObject().value(QStringLiteral("version")).toString();
        },
        std::move(done));
}

void RemoteApi::reauthenticate(const QString &secret, bool isTotpCode, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::post(QStringLiteral("/api/v1/auth/reauthenticate"),
                         QJsonObject{{isTotpCode ? QStringLiteral("totp_code")
                                                 : QStringLiteral("password"),
                                      secret}}),
        [](const ApiResponse &) { return Status(); }, std::move(done));
}

void RemoteApi::openTerminal(const QString &nodeId, const TerminalOptions &options,
                             Callback<TerminalOpened> done)
{
    QJsonObject body;
    if (!options.shell.isEmpty())
        body.insert(QStringLiteral("shell"), options.shell);
    if (!options.workingDir.isEmpty())
        body.insert(QStringLiteral("working_dir"), options.workingDir);
    if (options.rows > 0 && options.cols > 0) {
        body.insert(QStringLiteral("rows"), options.rows);
        body.insert(QStringLiteral("cols"), options.cols);
    }
    m_client.call<TerminalOpened>(ApiRequest::post(remoteTerminalSessions(nodeId), body),
                                  remoteTerminalOpened, std::move(done));
}

void RemoteApi::closeTerminal(const QString &nodeId, const QString &sessionId,
                              Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(remoteTerminalSessions(nodeId) + u'/' + sessionId),
        [](const ApiResponse &) { return Status(); }, std::move(done));
}

void RemoteApi::terminalTicket(const QString &nodeId, const QString &sessionId,
                               Callback<TerminalOpened> done)
{
    m_client.call<TerminalOpened>(
        ApiRequest::post(remoteTerminalSessions(nodeId) + u'/' + sessionId +
                         QStringLiteral("/ticket")),
        remoteTerminalOpened, std::move(done));
}

void RemoteApi::terminalWorkingDirectory(const QString &nodeId, const QString &sessionId,
                                         Callback<QString> done)
{
    m_client.call<QString>(
        ApiRequest::get(remoteTerminalSessions(nodeId) + u'/' + sessionId +
                        QStringLiteral("/working-directory")),
        [](const ApiResponse &r) {
            return r.data.toObject().value(QStringLiteral("working_dir")).toString();
        },
        std::move(done));
}

void RemoteApi::terminalSessions(const QString &nodeId, Callback<QList<TerminalSession>> done)
{
    m_client.call<QList<TerminalSession>>(
        ApiRequest::get(remoteTerminalSessions(nodeId)),
        [](const ApiResponse &r) {
            QList<TerminalSession> out;
            for (const QJsonValue item : r.data.toObject().value(QStringLiteral("items")).toArray())
                out.append(json::terminalSession(item.toObject()));
            return out;
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
