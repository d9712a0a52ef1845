// /api/v1/nodes/{id}/docker/*: parse, authorise (the role here, the grant
// and the agent in the service), call DockerOps, render (docs/api.md
// "Node Docker"). Seed 002's /api/servers/{id}/docker/* are the same routes;
// its lists come as {containers}, {images} and {composes}.

#include "fleet/DockerNames.h"
#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/remote/RemoteRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/remote/DockerOps.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kDockerTag = QStringLiteral("Node Docker");
const QString kV1 = QStringLiteral("/api/v1/nodes/{id}/docker");
const QString kSeed = QStringLiteral("/api/servers/{id}/docker");

const QList<ErrorCode> kDockerErrors{ErrorCode::ResourceNotFound,   ErrorCode::Forbidden,
                                     ErrorCode::NodeOffline,        ErrorCode::CapabilityDisabled,
                                     ErrorCode::Timeout,            ErrorCode::RateLimitExceeded,
                                     ErrorCode::ServiceUnavailable};

QList<ErrorCode> withValidation(QList<ErrorCode> errors)
{
    errors.append(ErrorCode::ValidationError);
    return errors;
}

Result<bool> flagOf(const QUrlQuery &query, const QString &name)
{
    const QString value = queryValue(query, name);
    if (value.isEmpty() || value == u"false" || value == u"0")
        return false;
    if (value == u"true" || value == u"1")
        return true;
    return auth::fieldError(name, QStringLiteral("true or false"));
}

Result<remote::ContainerLogQuery> logQueryOf(const QUrlQuery &query)
{
    remote::ContainerLogQuery q;
    const QString tail = queryValue(query, QStringLiteral("tail"));
    if (!tail.isEmpty()) {
        bool ok = false;
        q.tail = tail.toInt(&ok);
        if (!ok || q.tail < 1 || q.tail > 5000)
            return auth::fieldError(QStringLiteral("tail"), QStringLiteral("1 to 5000 lines"));
    }
    const QString since = queryValue(query, QStringLiteral("since"));
    if (!since.isEmpty()) {
        bool ok = false;
        const double seconds = since.toDouble(&ok);
        const QDateTime time = QDateTime::fromString(since, Qt::ISODateWithMs);
        if (ok && seconds >= 0 && seconds < 1e11)
            q.since = seconds;
        else if (!ok && time.isValid())
            q.since = double(time.toMSecsSinceEpoch()) / 1000.0;
        else
            return auth::fieldError(QStringLiteral("since"),
                                    QStringLiteral("seconds since 1970 or an ISO-8601 time"));
        if (q.since < 0)
            return auth::fieldError(QStringLiteral("since"), QStringLiteral("after 1970"));
    }
    const auto timestamps = flagOf(query, QStringLiteral("timestamps"));
    if (!timestamps)
        return timestamps.error();
    q.timestamps = timestamps.value();
    return q;
}

Result<int> followTailOf(const QUrlQuery &query)
{
    const QString text = queryValue(query, QStringLiteral("tail"));
    if (text.isEmpty())
        return 200;
    bool ok = false;
    const int tail = text.toInt(&ok);
    if (!ok || tail < 0 || tail > remote::DockerLogFollows::kMaxTail)
        return auth::fieldError(QStringLiteral("tail"), QStringLiteral("0 to 5000 lines"));
    return tail;
}

// Sends the service's outcome; `seedKey` non-empty: {seedKey: items}.
remote::DockerOps::Done dockerSender(const DeferredReply &reply, const QString &seedKey = {})
{
    return [reply, seedKey](Result<QJsonObject> outcome) {
        if (!outcome)
            return reply.send(ApiReply::failure(outcome.error()));
        QJsonObject body = outcome.value();
        if (!seedKey.isEmpty())
            body = {{seedKey, body.value(QStringLiteral("items"))}};
        reply.send(ApiReply::ok(body));
    };
}

QJsonObject containerSchema()
{
    return object(
        {{QStringLiteral("id"), string(QStringLiteral("the full container id"))},
         {QStringLiteral("name"), string(QStringLiteral("the first of names"))},
         {QStringLiteral("names"), arrayOf(string())},
         {QStringLiteral("image"), string()},
         {QStringLiteral("state"), string(QStringLiteral("created, running, paused, restarting, "
                                                         "exited, dead"))},
         {QStringLiteral("status"), string(QStringLiteral("Docker's text, e.g. \"Up 5 minutes\""))},
         {QStringLiteral("created"), string(QStringLiteral("ISO-8601"))},
         {QStringLiteral("ports"),
          arrayOf(object({{QStringLiteral("private"), integer()},
                          {QStringLiteral("public"), integer()},
                          {QStringLiteral("type"), string()},
                          {QStringLiteral("ip"), string()}}))},
         {QStringLiteral("compose_project"), string()},
         {QStringLiteral("health"), string(QStringLiteral("healthy, unhealthy, starting or empty"))}});
}

QJsonObject imageSchema()
{
    return object({{QStringLiteral("id"), string()},
                   {QStringLiteral("tags"), arrayOf(string())},
                   {QStringLiteral("size"), integer()},
                   {QStringLiteral("created"), string(QStringLiteral("ISO-8601"))}});
}

QJsonObject composeSchema()
{
    return object({{QStringLiteral("name"), string()},
                   {QStringLiteral("working_dir"), string()},
                   {QStringLiteral("state"),
                    string(QStringLiteral("running, partial, exited, down (no containers)"))},
                   {QStringLiteral("running"), integer()},
                   {QStringLiteral("total"), integer()},
                   {QStringLiteral("defined"),
                    boolean(QStringLiteral("a directory with a compose file under the agent's "
                                           "compose roots"))},
                   {QStringLiteral("busy"), boolean(QStringLiteral("compose up or down running"))},
                   {QStringLiteral("containers"),
                    arrayOf(object({{QStringLiteral("id"), string()},
                                    {QStringLiteral("name"), string()},
                                    {QStringLiteral("state"), string()}}))}});
}

// A list route at v1 and its seed 002 alias.
void addDockerList(ApiRouter &router, auth::AuthModule &auth, const QString &suffix,
                   const QString &seedKey, const QString &summary, const QJsonObject &itemSchema,
                   QJsonObject extra,
                   std::function<void(const RequestContext &, const Principal &,
                                      remote::DockerOps::Done)>
                       call)
{
    QJsonObject fields{{QStringLiteral("items"), arrayOf(itemSchema)},
                       {QStringLiteral("truncated"), boolean()}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        fields.insert(it.key(), it.value());
    RouteDoc doc = routeDoc(kDockerTag, summary, kDockerErrors).response(object(fields));
    RouteDoc seedDoc = doc;
    seedDoc.summary = QStringLiteral("Seed 002: ") + summary + QStringLiteral(" as {")
                      + seedKey + u'}';
    seedDoc.responseSchema = object({{seedKey, arrayOf(itemSchema)}});
    auth::addProtectedRoute(
        router, auth, Method::Get, kV1 + suffix, Role::User,
        [call](const RequestContext &c, const Principal &p) {
            call(c, p, dockerSender(c.defer()));
            return ApiReply::deferred();
        },
        std::move(doc));
    auth::addProtectedRoute(
        router, auth, Method::Get, kSeed + suffix, Role::User,
        [call, seedKey](const RequestContext &c, const Principal &p) {
            call(c, p, dockerSender(c.defer(), seedKey));
            return ApiReply::deferred();
        },
        std::move(seedDoc));
}

} // namespace

void registerDockerRoutes(ApiRouter &router, auth::AuthModule &auth, remote::DockerOps &docker)
{
    addDockerList(router, auth, QStringLiteral("/containers"), QStringLiteral("containers"),
                  QStringLiteral("The node's containers, running or not, from its agent now "
                                 "(needs the docker grant and an agent that grants docker)"),
                  containerSchema(), {},
                  [&docker](const RequestContext &c, const Principal &p,
                            remote::DockerOps::Done done) {
                      docker.containers(p, auth::clientInfo(c), c.pathArgs.at(0), nullptr,
                                        std::move(done));
                  });
    addDockerList(router, auth, QStringLiteral("/images"), QStringLiteral("images"),
                  QStringLiteral("The node's Docker images"), imageSchema(), {},
                  [&docker](const RequestContext &c, const Principal &p,
                            remote::DockerOps::Done done) {
                      docker.images(p, auth::clientInfo(c), c.pathArgs.at(0), nullptr,
                                    std::move(done));
                  });
    addDockerList(router, auth, QStringLiteral("/composes"), QStringLiteral("composes"),
                  QStringLiteral("The node's compose projects (its containers grouped by the "
                                 "label com.docker.compose.project)"),
                  composeSchema(),
                  {{QStringLiteral("compose_available"),
                    boolean(QStringLiteral("a compose tool is installed on the node"))}},
                  [&docker](const RequestContext &c, const Principal &p,
                            remote::DockerOps::Done done) {
                      docker.composes(p, auth::clientInfo(c), c.pathArgs.at(0), nullptr,
                                      std::move(done));
                  });

    const QJsonObject actionResponse = object({{QStringLiteral("container"), string()},
                                               {QStringLiteral("action"), string()},
                                               {QStringLiteral("changed"), boolean()}});
    for (const QString &verb :
         {QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("restart")}) {
        const RouteDoc doc =
            routeDoc(kDockerTag,
                     QStringLiteral("%1 a container (id or name); audited. changed false: it "
                                    "already was")
                         .arg(verb == u"start" ? QStringLiteral("Start")
                              : verb == u"stop" ? QStringLiteral("Stop (SIGKILL after the container's stop timeout, 10 s by default)")
                                                : QStringLiteral("Restart")),
                     withValidation(kDockerErrors) << ErrorCode::Conflict)
                .response(actionResponse);
        for (const QString &base : {kV1, kSeed})
            auth::addProtectedRoute(
                router, auth, Method::Post, base + QStringLiteral("/containers/{cid}/") + verb,
                Role::User,
                [&docker, verb](const RequestContext &c, const Principal &p) {
                    HM_TRY(container, ::hm::fleet::dockerContainerRef(c.pathArgs.at(1)));
                    docker.containerAction(p, auth::clientInfo(c), c.pathArgs.at(0),
                                           container.value(), verb, nullptr, dockerSender(c.defer()));
                    return ApiReply::deferred();
                },
                doc);
    }

    RouteDoc removeDoc =
        routeDoc(kDockerTag,
                 QStringLiteral("Remove a container; a running one only with force=true "
                                "(CONFLICT otherwise); audited"),
                 withValidation(kDockerErrors) << ErrorCode::Conflict)
            .response(object({{QStringLiteral("container"), string()},
                              {QStringLiteral("removed"), boolean()}}));
    removeDoc.queryParameters =
        QJsonArray{query(QStringLiteral("force"), boolean(),
                         QStringLiteral("stop a running container first (default false)"))};
    for (const QString &base : {kV1, kSeed})
        auth::addProtectedRoute(
            router, auth, Method::Delete, base + QStringLiteral("/containers/{cid}"), Role::User,
            [&docker](const RequestContext &c, const Principal &p) {
                HM_TRY(container, ::hm::fleet::dockerContainerRef(c.pathArgs.at(1)));
                HM_TRY(force, flagOf(c.request.query(), QStringLiteral("force")));
                docker.remove(p, auth::clientInfo(c), c.pathArgs.at(0), container.value(),
                              force.value(), nullptr, dockerSender(c.defer()));
                return ApiReply::deferred();
            },
            removeDoc);

    RouteDoc logsDoc =
        routeDoc(kDockerTag,
                 QStringLiteral("A container's log (stdout and stderr), the newest lines within "
                                "~900 KiB; poll with since for more"),
                 withValidation(kDockerErrors))
            .response(object({{QStringLiteral("container"), string()},
                              {QStringLiteral("logs"), string()},
                              {QStringLiteral("lines"), integer()},
                              {QStringLiteral("truncated"), boolean()}}));
    logsDoc.queryParameters = QJsonArray{
        query(QStringLiteral("tail"), integer(), QStringLiteral("the last N lines, 1 to 5000, "
                                                                "default 200")),
        query(QStringLiteral("since"), string(),
              QStringLiteral("only lines after: seconds since 1970 or ISO-8601")),
        query(QStringLiteral("timestamps"), boolean(),
              QStringLiteral("each line starts with its RFC 3339 time"))};
    for (const QString &base : {kV1, kSeed})
        auth::addProtectedRoute(
            router, auth, Method::Get, base + QStringLiteral("/containers/{cid}/logs"), Role::User,
            [&docker](const RequestContext &c, const Principal &p) {
                HM_TRY(container, ::hm::fleet::dockerContainerRef(c.pathArgs.at(1)));
                HM_TRY(query, logQueryOf(c.request.query()));
                docker.logs(p, auth::clientInfo(c), c.pathArgs.at(0), container.value(),
                            query.value(), nullptr, dockerSender(c.defer()));
                return ApiReply::deferred();
            },
            logsDoc);

    RouteDoc followDoc = routeDoc(
        kDockerTag,
        QStringLiteral("A container's log followed live: text/plain, chunked, each line with its "
                       "RFC 3339 time (stdout and stderr), the last `tail` lines first. It ends "
                       "when the container stops, after 15 minutes without a line or after "
                       "64 MiB (open it again to go on); a client that stops reading slows the "
                       "node's agent, never the server's memory; the opening is audited "
                       "(NODE_CONTAINER_LOGS_FOLLOWED)"),
        withValidation(kDockerErrors));
    followDoc.contentType = "text/plain; charset=utf-8";
    followDoc.queryParameters = QJsonArray{query(
        QStringLiteral("tail"), integer(),
        QStringLiteral("the last N lines before the live ones, 0 to 5000, default 200"))};
    for (const QString &base : {kV1, kSeed})
        auth::addProtectedRoute(
            router, auth, Method::Get, base + QStringLiteral("/containers/{cid}/logs/follow"),
            Role::User,
            [&docker](const RequestContext &c, const Principal &p) {
                HM_TRY(container, ::hm::fleet::dockerContainerRef(c.pathArgs.at(1)));
                HM_TRY(tail, followTailOf(c.request.query()));
                const DeferredReply reply = c.defer();
                docker.follows().open(
                    p, auth::clientInfo(c), c.pathArgs.at(0), container.value(), tail.value(),
                    [reply](Result<remote::DockerLogFollows::Opened> opened) {
                        if (!opened)
                            return reply.send(ApiReply::failure(opened.error()));
                        ApiReply stream = ApiReply::stream(-1, "text/plain; charset=utf-8",
                                                           std::move(opened->attach));
                        stream.headers.append(
                            {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
                        reply.send(std::move(stream));
                    });
                return ApiReply::deferred();
            },
            followDoc);

    for (const bool up : {true, false}) {
        const RouteDoc doc =
            routeDoc(kDockerTag,
                     up ? QStringLiteral("compose up -d for a project (docker-compose or "
                                         "podman-compose on the node; SERVICE_UNAVAILABLE "
                                         "COMPOSE_UNAVAILABLE without one); audited")
                        : QStringLiteral("compose down for a project; audited"),
                     withValidation(kDockerErrors) << ErrorCode::Conflict)
                .response(object({{QStringLiteral("project"), string()},
                                  {QStringLiteral("action"), string()},
                                  {QStringLiteral("exit_code"), integer()},
                                  {QStringLiteral("output"), string()},
                                  {QStringLiteral("output_truncated"), boolean()}}));
        for (const QString &base : {kV1, kSeed})
            auth::addProtectedRoute(
                router, auth, Method::Post,
                base + QStringLiteral("/composes/{project}/")
                    + (up ? QStringLiteral("up") : QStringLiteral("down")),
                Role::User,
                [&docker, up](const RequestContext &c, const Principal &p) {
                    HM_TRY(project, ::hm::fleet::composeProjectName(c.pathArgs.at(1)));
                    docker.compose(p, auth::clientInfo(c), c.pathArgs.at(0), project.value(), up,
                                   nullptr, dockerSender(c.defer()));
                    return ApiReply::deferred();
                },
                doc);
    }
}

} // namespace hm::server
