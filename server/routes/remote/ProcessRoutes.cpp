// /api/v1/nodes/{id}/processes*: parse, authorise (the role here, the grant
// and the agent in the service), call ProcessOps, render (docs/api.md
// "Node processes"). Seed 002's /api/servers/{id}/processes* are the same
// routes with the seed's list shape.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/remote/RemoteRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/remote/ProcessOps.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kProcessesTag = QStringLiteral("Node processes");

Result<remote::ProcessQuery> processQueryOf(const QUrlQuery &query)
{
    remote::ProcessQuery q;
    auto search = parseSearch(query, QStringLiteral("search"));
    if (!search)
        return search.error();
    q.search = search.value();
    const QString sort = queryValue(query, QStringLiteral("sort"));
    if (!sort.isEmpty()) {
        static const QStringList sorts{QStringLiteral("cpu"),  QStringLiteral("memory"),
                                       QStringLiteral("pid"),  QStringLiteral("name"),
                                       QStringLiteral("user"), QStringLiteral("start_time")};
        if (!sorts.contains(sort))
            return auth::fieldError(QStringLiteral("sort"),
                                    QStringLiteral("one of %1").arg(sorts.join(u", ")));
        q.sort = sort;
        // Names read best A→Z; numbers biggest first.
        q.descending = !(sort == u"name" || sort == u"user" || sort == u"pid");
    }
    const QString order = queryValue(query, QStringLiteral("order"));
    if (!order.isEmpty()) {
        if (order != u"asc" && order != u"desc")
            return auth::fieldError(QStringLiteral("order"), QStringLiteral("asc or desc"));
        q.descending = order == u"desc";
    }
    const QString limit = queryValue(query, QStringLiteral("limit"));
    if (!limit.isEmpty()) {
        bool ok = false;
        const int value = limit.toInt(&ok);
        if (!ok || value < 1 || value > 5000)
            return auth::fieldError(QStringLiteral("limit"), QStringLiteral("1 to 5000"));
        q.limit = value;
    }
    return q;
}

// A pid in the path: a whole number from 1 to 2^22 (Linux's pid_max).
Result<qint64> pidOf(const QString &text)
{
    bool ok = false;
    const qint64 pid = text.toLongLong(&ok);
    if (!ok || pid < 1 || pid > (qint64(1) << 22))
        return auth::fieldError(QStringLiteral("pid"), QStringLiteral("a process id"));
    return pid;
}

QJsonObject processSchema()
{
    return object({{QStringLiteral("pid"), integer()},
                   {QStringLiteral("ppid"), integer()},
                   {QStringLiteral("user"), string()},
                   {QStringLiteral("uid"), integer()},
                   {QStringLiteral("name"), string()},
                   {QStringLiteral("command"), string(QStringLiteral("the command line"))},
                   {QStringLiteral("cpu_percent"), QJsonObject{{QStringLiteral("type"), QStringLiteral("number")}}},
                   {QStringLiteral("memory_rss"), integer()},
                   {QStringLiteral("memory_virtual"), integer()},
                   {QStringLiteral("state"), string(QStringLiteral("R, S, D, Z, T, …"))},
                   {QStringLiteral("start_time"), string(QStringLiteral("ISO-8601"))},
                   {QStringLiteral("threads"), integer()}});
}

ApiReply replyProcessList(remote::ProcessOps &processes, const RequestContext &c,
                          const Principal &p, bool seedShape)
{
    HM_TRY(query, processQueryOf(c.request.query()));
    const DeferredReply reply = c.defer();
    processes.list(p, auth::clientInfo(c), c.pathArgs.at(0), query.value(), nullptr,
                   [reply, seedShape](Result<QJsonObject> outcome) {
                       if (!outcome)
                           return reply.send(ApiReply::failure(outcome.error()));
                       QJsonObject body = outcome.value();
                       if (seedShape)
                           body = {{QStringLiteral("processes"),
                                    body.value(QStringLiteral("items"))}};
                       reply.send(ApiReply::ok(body));
                   });
    return ApiReply::deferred();
}

ApiReply replyKill(remote::ProcessOps &processes, const RequestContext &c, const Principal &p)
{
    HM_TRY(pid, pidOf(c.pathArgs.at(1)));
    HM_TRY(body, c.jsonObject());
    HM_TRY(signal, remote::killSignalName(body.value().value(QStringLiteral("signal"))));
    const DeferredReply reply = c.defer();
    processes.kill(p, auth::clientInfo(c), c.pathArgs.at(0), pid.value(), signal.value(), nullptr,
                   [reply](Result<QJsonObject> outcome) {
                       reply.send(outcome ? ApiReply::ok(outcome.value())
                                          : ApiReply::failure(outcome.error()));
                   });
    return ApiReply::deferred();
}

const QList<ErrorCode> kRemoteErrors{ErrorCode::ResourceNotFound, ErrorCode::Forbidden,
                                     ErrorCode::NodeOffline,      ErrorCode::CapabilityDisabled,
                                     ErrorCode::Timeout,          ErrorCode::RateLimitExceeded};

} // namespace

void registerProcessRoutes(ApiRouter &router, auth::AuthModule &auth, remote::ProcessOps &processes)
{
    RouteDoc listDoc =
        routeDoc(kProcessesTag,
                 QStringLiteral("The node's processes, from its agent now (needs the processes "
                                "grant and an agent that grants processes)"),
                 kRemoteErrors)
            .response(object({{QStringLiteral("items"), arrayOf(processSchema())},
                              {QStringLiteral("total"), integer()},
                              {QStringLiteral("matched"), integer()},
                              {QStringLiteral("truncated"), boolean()}}));
    listDoc.queryParameters = QJsonArray{
        query(QStringLiteral("search"), string(),
              QStringLiteral("a pid, or text in the name, command line or user")),
        query(QStringLiteral("sort"),
              enumOf({QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("pid"),
                      QStringLiteral("name"), QStringLiteral("user"),
                      QStringLiteral("start_time")})),
        query(QStringLiteral("order"), enumOf({QStringLiteral("asc"), QStringLiteral("desc")})),
        query(QStringLiteral("limit"), integer(), QStringLiteral("1 to 5000, default 500"))};
    RouteDoc seedListDoc = listDoc;
    seedListDoc.summary = QStringLiteral("Seed 002: the node's processes as {processes}");
    seedListDoc.responseSchema = object({{QStringLiteral("processes"), arrayOf(processSchema())}});
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/nodes/{id}/processes"), Role::User,
        [&processes](const RequestContext &c, const Principal &p) {
            return replyProcessList(processes, c, p, false);
        },
        std::move(listDoc));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/servers/{id}/processes"), Role::User,
        [&processes](const RequestContext &c, const Principal &p) {
            return replyProcessList(processes, c, p, true);
        },
        std::move(seedListDoc));

    QList<ErrorCode> killErrors = kRemoteErrors;
    killErrors.append(ErrorCode::ValidationError);
    const RouteDoc killDoc =
        routeDoc(kProcessesTag,
                 QStringLiteral("Send a signal to a process of the node (default TERM; the agent "
                                "refuses pid 1 and itself); audited"),
                 killErrors)
            .request(object({{QStringLiteral("signal"),
                              string(QStringLiteral("TERM, KILL, HUP, INT, QUIT, USR1, USR2, "
                                                    "STOP, CONT or the number"))}}))
            .response(object({{QStringLiteral("pid"), integer()},
                              {QStringLiteral("signal"), string()},
                              {QStringLiteral("killed"), boolean()}}));
    for (const QString &path : {QStringLiteral("/api/v1/nodes/{id}/processes/{pid}/kill"),
                                QStringLiteral("/api/servers/{id}/processes/{pid}/kill")})
        auth::addProtectedRoute(
            router, auth, Method::Post, path, Role::User,
            [&processes](const RequestContext &c, const Principal &p) {
                return replyKill(processes, c, p);
            },
            killDoc);
}

} // namespace hm::server
