// /api/v1/agents/releases* and the upgrades (docs/api.md "Agent
// releases"): parse, authorise (administrators for the releases; the
// upgrade grant per node through AgentUpgrades), call, render. Seed 002's
// GET /api/agents/releases/latest and POST /api/servers/upgrade keep the
// seed's shapes.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/remote/RemoteRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/remote/AgentReleases.h"
#include "server/services/remote/AgentUpgrades.h"
#include "server/services/system/StorageGuard.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <cmath>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kReleasesTag = QStringLiteral("Agent releases");

QJsonObject releaseSchema()
{
    return object({{QStringLiteral("id"), string()},
                   {QStringLiteral("version"), string()},
                   {QStringLiteral("protocol"), integer()},
                   {QStringLiteral("os"), string()},
                   {QStringLiteral("arch"), string()},
                   {QStringLiteral("size"), integer()},
                   {QStringLiteral("sha256"), string(QStringLiteral("hex"))},
                   {QStringLiteral("signature"),
                    string(QStringLiteral("base64 Ed25519 over the canonical manifest"))},
                   {QStringLiteral("uploaded_by"),
                    string(QStringLiteral("user id; empty for the built-in release"))},
                   {QStringLiteral("built_in"),
                    boolean(QStringLiteral("the agent built with this server, registered at "
                                           "start"))},
                   {QStringLiteral("created_at"), string(QStringLiteral("ISO-8601"))}});
}

QJsonObject rolloutSchema()
{
    const QJsonObject ids = arrayOf(string());
    return object({{QStringLiteral("success"), ids},
                   {QStringLiteral("failure"), ids},
                   {QStringLiteral("offline"), ids},
                   {QStringLiteral("missing"), ids},
                   {QStringLiteral("skipped"), ids},
                   {QStringLiteral("errors"), object({})},
                   {QStringLiteral("stages"), arrayOf(ids)},
                   {QStringLiteral("version"), string()}});
}

// {release_id, version, probation_s} of an upgrade request.
Result<remote::UpgradeTarget> upgradeTargetOf(const QJsonObject &body, const char *versionKey)
{
    remote::UpgradeTarget target;
    const QJsonValue release = body.value(QStringLiteral("release_id"));
    if (!release.isUndefined() && !release.isNull()) {
        if (!release.isString() || release.toString().isEmpty())
            return auth::fieldError(QStringLiteral("release_id"), QStringLiteral("a release id"));
        target.releaseId = release.toString();
    }
    const QJsonValue version = body.value(QLatin1String(versionKey));
    if (!version.isUndefined() && !version.isNull()) {
        if (!version.isString() || !hm::fleet::isReleaseVersion(version.toString()))
            return auth::fieldError(QLatin1String(versionKey),
                                    QStringLiteral("a version such as 1.4.0"));
        target.version = version.toString();
    }
    const QJsonValue probation = body.value(QStringLiteral("probation_s"));
    if (!probation.isUndefined() && !probation.isNull()) {
        if (!probation.isDouble() || probation.toDouble() < 10 || probation.toDouble() > 600
            || probation.toDouble() != std::floor(probation.toDouble()))
            return auth::fieldError(QStringLiteral("probation_s"), QStringLiteral("10 to 600"));
        target.probationSeconds = probation.toInt();
    }
    return target;
}

// Node ids as strings; seed 002 sends numbers.
Result<QStringList> nodeIdsOf(const QJsonValue &value, const QString &field)
{
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > 1000)
        return auth::fieldError(field, QStringLiteral("a list of 1 to 1000 node ids"));
    QStringList ids;
    for (const QJsonValue &id : value.toArray()) {
        if (id.isString() && !id.toString().isEmpty() && id.toString().size() <= 64)
            ids.append(id.toString());
        else if (id.isDouble() && id.toDouble() == std::floor(id.toDouble()))
            ids.append(QString::number(qint64(id.toDouble())));
        else
            return auth::fieldError(field, QStringLiteral("node ids are strings"));
    }
    return ids;
}

ApiReply replyDeferred(const RequestContext &c,
                       const std::function<void(remote::AgentUpgrades::Done)> &call,
                       std::function<QJsonObject(const QJsonObject &)> shape = {})
{
    const DeferredReply reply = c.defer();
    call([reply, shape](Result<QJsonObject> outcome) {
        if (!outcome)
            return reply.send(ApiReply::failure(outcome.error()));
        reply.send(ApiReply::ok(shape ? shape(outcome.value()) : outcome.value()));
    });
    return ApiReply::deferred();
}

const QList<ErrorCode> kUpgradeErrors{
    ErrorCode::ResourceNotFound,   ErrorCode::Forbidden, ErrorCode::NodeOffline,
    ErrorCode::CapabilityDisabled, ErrorCode::Timeout,   ErrorCode::ValidationError,
    ErrorCode::Conflict,           ErrorCode::ReauthenticationRequired};

} // namespace

void registerAgentReleaseRoutes(ApiRouter &router, auth::AuthModule &auth,
                                remote::AgentReleases &releases, remote::AgentUpgrades &upgrades)
{
    const QString uploadPath = QStringLiteral("/api/v1/agents/releases");
    RouteDoc uploadDoc =
        routeDoc(kReleasesTag,
                 QStringLiteral("Upload an agent build (the body is the binary, "
                                "application/octet-stream, up to 128 MiB); the server signs its "
                                "manifest with its release key; audited"),
                 {ErrorCode::ValidationError, ErrorCode::ResourceAlreadyExists,
                  ErrorCode::PayloadTooLarge})
            .refusedOnFullDisk()
            .response(releaseSchema())
            .status(201);
    uploadDoc.queryParameters = QJsonArray{
        query(QStringLiteral("version"), string(), QStringLiteral("required, e.g. 1.4.0")),
        query(QStringLiteral("os"), string(), QStringLiteral("default: the server's (linux)")),
        query(QStringLiteral("arch"), string(), QStringLiteral("default: the server's (amd64)")),
        query(QStringLiteral("protocol"), integer(),
              QStringLiteral("the agent protocol the build speaks, 1 to 1000; default: the "
                             "server's. Upgrades offer it only to agents whose range holds it "
                             "(PROTOCOL_INCOMPATIBLE)"))};
    auth::addProtectedRoute(
        router, auth, Method::Post, uploadPath, Role::Admin,
        [&releases, &router](const RequestContext &c, const Principal &p) -> ApiReply {
            const QUrlQuery q = c.request.query();
            int protocol = 0; // the server's
            if (const QString given = queryValue(q, QStringLiteral("protocol"));
                !given.isEmpty()) {
                bool ok = false;
                protocol = given.toInt(&ok);
                if (!ok || protocol < 1 || protocol > 1000)
                    return ApiReply::failure(
                        Error{ErrorCode::ValidationError,
                              QStringLiteral("protocol: a whole number from 1 to 1000"),
                              QJsonObject{{QStringLiteral("field"), QStringLiteral("protocol")}}});
            }
            const DeferredReply reply = c.defer();
            releases.upload(p, auth::clientInfo(c), queryValue(q, QStringLiteral("version")),
                            queryValue(q, QStringLiteral("os")),
                            queryValue(q, QStringLiteral("arch")), protocol, c.request.body(),
                            &router, [reply](Result<repositories::AgentReleaseRow> row) {
                                if (!row) // 507 when there is no room for it
                                    return reply.send(StorageGuard::reply(row.error()));
                                reply.send(
                                    ApiReply::ok(remote::AgentReleases::json(row.value()), 201));
                            });
            return ApiReply::deferred();
        },
        std::move(uploadDoc));
    router.setMaxBodyBytes(Method::Post, uploadPath, hm::fleet::kMaxAgentReleaseBytes);

    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/agents/releases"), Role::Admin,
        [&releases](const RequestContext &, const Principal &) -> ApiReply {
            HM_TRY(rows, releases.list());
            QJsonArray items;
            for (const auto &row : rows.value())
                items.append(remote::AgentReleases::json(row));
            return ApiReply::ok(QJsonObject{
                {QStringLiteral("items"), items},
                {QStringLiteral("release_key"),
                 QString::fromLatin1(releases.publicKey().toBase64())}});
        },
        routeDoc(kReleasesTag,
                 QStringLiteral("The stored agent builds, newest first, and the release public "
                                "key agents pin at enrolment"))
            .response(object({{QStringLiteral("items"), arrayOf(releaseSchema())},
                              {QStringLiteral("release_key"), string(QStringLiteral("base64"))}})));

    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/agents/releases/latest"), Role::Admin,
        [&releases](const RequestContext &c, const Principal &) -> ApiReply {
            const QUrlQuery q = c.request.query();
            HM_TRY(row, releases.latest(queryValue(q, QStringLiteral("os")),
                                        queryValue(q, QStringLiteral("arch"))));
            return ApiReply::ok(remote::AgentReleases::json(row.value()));
        },
        routeDoc(kReleasesTag, QStringLiteral("The newest agent build for os/arch (query "
                                              "parameters; default the server's)"),
                 {ErrorCode::ResourceNotFound})
            .response(releaseSchema()));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/agents/releases/latest"), Role::Admin,
        [&releases](const RequestContext &, const Principal &) -> ApiReply {
            HM_TRY(rows, releases.list());
            if (rows.value().isEmpty())
                return ApiReply::failure(
                    Error{ErrorCode::ResourceNotFound, QStringLiteral("no agent release yet")});
            const QString version = rows.value().constFirst().manifest.version;
            QJsonArray assets;
            for (const auto &row : rows.value()) {
                if (row.manifest.version != version)
                    continue;
                assets.append(QJsonObject{
                    {QStringLiteral("name"), QStringLiteral("hivemind-agent-%1-%2-%3")
                                                 .arg(row.manifest.version, row.manifest.os,
                                                      row.manifest.arch)},
                    {QStringLiteral("download_url"),
                     QStringLiteral("/api/v1/agents/releases/%1/download").arg(row.manifest.id)},
                    {QStringLiteral("os"), row.manifest.os},
                    {QStringLiteral("arch"), row.manifest.arch}});
            }
            return ApiReply::ok(QJsonObject{
                {QStringLiteral("version"), version},
                {QStringLiteral("releasedAt"),
                 remote::AgentReleases::json(rows.value().constFirst())
                     .value(QStringLiteral("created_at"))},
                {QStringLiteral("release_repo"), QString()},
                {QStringLiteral("assets"), assets}});
        },
        routeDoc(kReleasesTag, QStringLiteral("Seed 002: the newest version and its builds"),
                 {ErrorCode::ResourceNotFound})
            .response(object({{QStringLiteral("version"), string()},
                              {QStringLiteral("releasedAt"), string()},
                              {QStringLiteral("release_repo"), string()},
                              {QStringLiteral("assets"), arrayOf(object({}))}})));

    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/agents/releases/{id}/download"),
        Role::Admin,
        [&releases, &router](const RequestContext &c, const Principal &) -> ApiReply {
            const DeferredReply reply = c.defer();
            releases.readAll(c.pathArgs.at(0), &router, [reply](Result<QByteArray> bytes) {
                reply.send(bytes ? ApiReply::raw(bytes.value(),
                                                 QByteArrayLiteral("application/octet-stream"))
                                 : ApiReply::failure(bytes.error()));
            });
            return ApiReply::deferred();
        },
        routeDoc(kReleasesTag,
                 QStringLiteral("The build's bytes, for installing an agent by hand (agents "
                                "receive upgrades over their own connection, never here)"),
                 {ErrorCode::ResourceNotFound}));

    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/nodes/{id}/upgrade"), Role::User,
        [&upgrades](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(target, upgradeTargetOf(body.value(), "version"));
            return replyDeferred(c, [&](remote::AgentUpgrades::Done done) {
                upgrades.upgradeNode(p, auth::clientInfo(c), c.pathArgs.at(0), target.value(),
                                     nullptr, std::move(done));
            });
        },
        routeDoc(kReleasesTag,
                 QStringLiteral("Upgrade the node's agent (needs a recent re-authentication, the "
                                "upgrade grant and an agent that grants upgrade); answers once "
                                "the agent is back on the new version; audited"),
                 kUpgradeErrors)
            .request(object({{QStringLiteral("release_id"), string()},
                             {QStringLiteral("version"),
                              string(QStringLiteral("default: the latest"))},
                             {QStringLiteral("probation_s"),
                              integer(QStringLiteral("10 to 600, default 60"))}}))
            .response(object({{QStringLiteral("node_id"), string()},
                              {QStringLiteral("upgraded"), boolean()},
                              {QStringLiteral("version"), string()},
                              {QStringLiteral("from_version"), string()}})));

    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/agents/upgrade"), Role::User,
        [&upgrades](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(target, upgradeTargetOf(body.value(), "version"));
            HM_TRY(ids, nodeIdsOf(body.value().value(QStringLiteral("node_ids")),
                                  QStringLiteral("node_ids")));
            const QJsonValue shareValue = body.value().value(QStringLiteral("share"));
            int share = 25;
            if (!shareValue.isUndefined() && !shareValue.isNull()) {
                if (!shareValue.isDouble() || shareValue.toDouble() < 1
                    || shareValue.toDouble() > 100)
                    return ApiReply::failure(
                        auth::fieldError(QStringLiteral("share"), QStringLiteral("1 to 100")));
                share = shareValue.toInt();
            }
            return replyDeferred(c, [&](remote::AgentUpgrades::Done done) {
                upgrades.upgradeMany(p, auth::clientInfo(c), ids.value(), target.value(), share,
                                     nullptr, std::move(done));
            });
        },
        routeDoc(kReleasesTag,
                 QStringLiteral("Upgrade many nodes in stages: one node, then `share` percent "
                                "of the rest (default 25), then the rest; the first failure "
                                "stops it"),
                 kUpgradeErrors)
            .request(object({{QStringLiteral("node_ids"), arrayOf(string())},
                             {QStringLiteral("release_id"), string()},
                             {QStringLiteral("version"), string()},
                             {QStringLiteral("share"), integer(QStringLiteral("1 to 100"))},
                             {QStringLiteral("probation_s"), integer()}},
                            {QStringLiteral("node_ids")}))
            .response(rolloutSchema()));

    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/servers/upgrade"), Role::User,
        [&upgrades](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(target, upgradeTargetOf(body.value(), "targetVersion"));
            HM_TRY(ids, nodeIdsOf(body.value().value(QStringLiteral("serverIds")),
                                  QStringLiteral("serverIds")));
            return replyDeferred(
                c,
                [&](remote::AgentUpgrades::Done done) {
                    upgrades.upgradeMany(p, auth::clientInfo(c), ids.value(), target.value(), 25,
                                         nullptr, std::move(done));
                },
                [](const QJsonObject &rollout) {
                    return QJsonObject{
                        {QStringLiteral("message"),
                         QStringLiteral("upgrade finished, target version %1")
                             .arg(rollout.value(QStringLiteral("version")).toString())},
                        {QStringLiteral("result"),
                         QJsonObject{{QStringLiteral("success"),
                                      rollout.value(QStringLiteral("success"))},
                                     {QStringLiteral("failure"),
                                      rollout.value(QStringLiteral("failure"))},
                                     {QStringLiteral("offline"),
                                      rollout.value(QStringLiteral("offline"))},
                                     {QStringLiteral("missing"),
                                      rollout.value(QStringLiteral("missing"))}}}};
                });
        },
        routeDoc(kReleasesTag,
                 QStringLiteral("Seed 002: upgrade {serverIds, targetVersion} in stages; "
                                "{message, result{success, failure, offline, missing}}"),
                 kUpgradeErrors)
            .request(object({{QStringLiteral("serverIds"), arrayOf(string())},
                             {QStringLiteral("targetVersion"), string()},
                             {QStringLiteral("channel"), string(QStringLiteral("ignored"))}},
                            {QStringLiteral("serverIds")})));
}

} // namespace hm::server
