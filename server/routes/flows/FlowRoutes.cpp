#include "engine_store/FlowRepository.h"
#include "flow/FlowCompiler.h"
#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/FlowsRepository.h"
#include "server/repositories/ListRepositories.h"
#include "server/routes/EngineRoutes.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/FlowEngineHost.h"
#include "store/Database.h"
#include "store/Like.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace hm::server {

using namespace engine::persistence;
using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

struct Parsed
{
    flow::FlowDefinition definition;
    flow::FlowSettings settings;
};

// Compiles against the registry first so a flow that could never run is
// refused with every problem listed, and nothing is stored.
Result<Parsed> parseFlow(const QJsonObject &body, const engine::ExecutorRegistry &registry)
{
    const QJsonValue definition = body.value(QStringLiteral("definition"));
    if (!definition.isObject())
        return auth::fieldError(QStringLiteral("definition"), QStringLiteral("must be an object"));
    const QJsonObject settings = body.value(QStringLiteral("settings")).toObject();
    auto compiled = flow::compileJson(definition.toObject(), settings, registry);
    if (!compiled)
        return compiled.error();
    return Parsed{compiled.value()->definition(), compiled.value()->settings()};
}

QJsonObject versionJson(const FlowVersionRecord &v, bool withDefinition)
{
    QJsonObject json{{QStringLiteral("version"), v.version},
                     {QStringLiteral("status"), flow::flowVersionStatusName(v.status)},
                     {QStringLiteral("created_by"), v.createdBy},
                     {QStringLiteral("created_at"), auth::isoOrNull(v.createdAtMs)},
                     {QStringLiteral("published_at"), auth::isoOrNull(v.publishedAtMs)}};
    if (withDefinition) {
        json.insert(QStringLiteral("definition"), v.definition.toJson());
        json.insert(QStringLiteral("settings"), v.settings.toJson());
    }
    return json;
}

// Names are searched with LIKE (listFlows): their length bounds what one
// search costs per row.
Status checkFlowName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return auth::fieldError(QStringLiteral("name"), QStringLiteral("name must not be empty"));
    if (name.size() > kMaxNameLength)
        return auth::fieldError(
            QStringLiteral("name"),
            QStringLiteral("name must be at most %1 characters").arg(kMaxNameLength));
    return {};
}

QJsonObject flowJson(const FlowRecord &f)
{
    return {{QStringLiteral("id"), f.id},
            {QStringLiteral("name"), f.name},
            {QStringLiteral("description"), f.description},
            {QStringLiteral("owner_id"), f.ownerId},
            {QStringLiteral("created_at"), auth::isoOrNull(f.createdAtMs)},
            {QStringLiteral("updated_at"), auth::isoOrNull(f.updatedAtMs)}};
}

ApiReply createFlow(store::Database &db, FlowEngineHost &host, const RequestContext &c,
                    const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(name, auth::requiredString(body.value(), QStringLiteral("name")));
    HM_TRY_STATUS(checkFlowName(name.value()));
    HM_TRY(description, auth::optionalString(body.value(), QStringLiteral("description")));
    HM_TRY(parsed, parseFlow(body.value(), host.registry()));
    FlowRepository repo(db);
    invalidateFlowCaches(); // FlowAccess.h: every write that decides access or versions
    HM_TRY(flow, repo.createFlow(NewFlow{name.value(), description.value(), p.userId,
                                         parsed.value().definition, parsed.value().settings}));
    QJsonObject data = flowJson(flow.value());
    data.insert(QStringLiteral("version"), QStringLiteral("1"));
    data.insert(QStringLiteral("status"), QStringLiteral("draft"));
    return ApiReply::ok(data, 201);
}

// The caller's permission as the API shows it, from the row's owner and
// share columns (before the role).
QString permissionOf(const Principal &p, const QString &ownerId, const QString &share)
{
    FlowPermission granted = FlowPermission::None;
    if (ownerId == p.userId)
        granted = FlowPermission::Owner;
    else if (!share.isEmpty())
        granted = sharePermissionFromName(share).value_or(FlowPermission::None);
    return flowPermissionName(capByRole(p.role, granted));
}

// Only flows the caller may view (ADMIN: all), narrowed by search, owner
// (me or a user id) and shared_with_me=true.
ApiReply listFlows(store::Database &db, const RequestContext &c, const Principal &p)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    repositories::FlowListFilter filter;
    HM_TRY(search, parseSearch(query));
    filter.search = search.value();
    const QString owner = queryValue(query, QStringLiteral("owner"));
    filter.ownerId = owner == QLatin1String("me") ? p.userId : owner;
    const QString shared = queryValue(query, QStringLiteral("shared_with_me"));
    if (!shared.isEmpty() && shared != QLatin1String("true") && shared != QLatin1String("false"))
        return ApiReply::failure(
            Error{ErrorCode::ValidationError,
                  QStringLiteral("shared_with_me must be true or false"),
                  {{QStringLiteral("field"), QStringLiteral("shared_with_me")}}});
    filter.sharedWithMe = shared == QLatin1String("true");

    HM_TRY(page, repositories::listFlows(db, p, filter, paging.value()));
    QJsonArray items;
    for (const repositories::FlowListRow &flow : std::as_const(page.value().items))
        items.append(
            QJsonObject{{QStringLiteral("id"), flow.id},
                        {QStringLiteral("name"), flow.name},
                        {QStringLiteral("description"), flow.description},
                        {QStringLiteral("owner_id"), flow.ownerId},
                        {QStringLiteral("created_at"), auth::isoOrNull(flow.createdAt)},
                        {QStringLiteral("updated_at"), auth::isoOrNull(flow.updatedAt)},
                        {QStringLiteral("latest_version"), QString::number(flow.latestVersion)},
                        {QStringLiteral("published_version"),
                         flow.publishedVersion ? QJsonValue(*flow.publishedVersion) : QJsonValue()},
                        {QStringLiteral("my_permission"),
                         permissionOf(p, flow.ownerId, flow.sharePermission)}});
    return ApiReply::ok(QJsonObject{
        {QStringLiteral("items"), items},
        {QStringLiteral("pagination"), paginationJson(paging.value(), page.value().total)}});
}

ApiReply getFlow(store::Database &db, const RequestContext &c, const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, id, FlowPermission::View));
    HM_TRY(permission, flowPermission(db, p, id));
    FlowRepository repo(db);
    HM_TRY(flow, repo.flow(id));
    HM_TRY(versions, repo.versions(flow.value().id));
    QJsonObject data = flowJson(flow.value());
    QJsonValue published;
    for (const FlowVersionRecord &v : std::as_const(versions.value())) {
        if (v.status == flow::FlowVersionStatus::Published)
            published = versionJson(v, false);
    }
    if (!versions.value().isEmpty())
        data.insert(QStringLiteral("latest_version"), versionJson(versions.value().last(), true));
    data.insert(QStringLiteral("published_version"), published);
    data.insert(QStringLiteral("my_permission"), flowPermissionName(permission.value()));
    return ApiReply::ok(data);
}

// Name and description; the definition changes through new versions.
ApiReply updateFlow(store::Database &db, const RequestContext &c, const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, id, FlowPermission::Edit));
    HM_TRY(body, c.jsonObject());
    for (const QString &field : {QStringLiteral("definition"), QStringLiteral("settings")}) {
        if (body.value().contains(field))
            return ApiReply::failure(auth::fieldError(
                field,
                QStringLiteral("%1 changes with POST /api/v1/flows/{id}/versions").arg(field)));
    }
    FlowRepository repo(db);
    HM_TRY(flow, repo.flow(id));
    HM_TRY(name, auth::optionalString(body.value(), QStringLiteral("name"), flow.value().name));
    HM_TRY(description, auth::optionalString(body.value(), QStringLiteral("description"),
                                             flow.value().description));
    // An unchanged name stays even if it is older than the length limit.
    if (name.value() != flow.value().name)
        HM_TRY_STATUS(checkFlowName(name.value()));
    {
        HM_TRY(txn, db.begin());
        HM_TRY(taken, repositories::flowNameTaken(db, name.value(), id));
        if (taken.value())
            return ApiReply::failure(
                Error{ErrorCode::ResourceAlreadyExists,
                      QStringLiteral("a flow named \"%1\" already exists").arg(name.value()),
                      {{QStringLiteral("field"), QStringLiteral("name")}}});
        invalidateFlowCaches();
        HM_TRY_STATUS(repositories::updateFlowDetails(db, id, name.value(), description.value(),
                                                      auth::nowMs()));
        HM_TRY_STATUS(txn.value().commit());
    }
    HM_TRY(updated, repo.flow(id));
    return ApiReply::ok(flowJson(updated.value()));
}

void auditFlow(store::Database &db, const RequestContext &c, const Principal &p,
               const QString &action, const QString &flowId, const QJsonObject &details)
{
    auth::audit(db, action, p.userId, QStringLiteral("flow"), flowId, c.clientIp(),
                QString::fromUtf8(c.header("User-Agent")), details);
}

ApiReply deleteFlow(store::Database &db, const RequestContext &c, const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, id, FlowPermission::Owner));
    FlowRepository repo(db);
    HM_TRY(flow, repo.flow(id));
    invalidateFlowCaches();
    HM_TRY_STATUS(repo.softDelete(id));
    auditFlow(db, c, p, QStringLiteral("FLOW_DELETED"), id,
              {{QStringLiteral("name"), flow.value().name}});
    return ApiReply::ok(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}});
}

ApiReply addVersion(store::Database &db, FlowEngineHost &host, const RequestContext &c,
                    const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, id, FlowPermission::Edit));
    HM_TRY(body, c.jsonObject());
    HM_TRY(parsed, parseFlow(body.value(), host.registry()));
    FlowRepository repo(db);
    invalidateFlowCaches();
    HM_TRY(version,
           repo.addVersion(id, parsed.value().definition, parsed.value().settings, p.userId));
    return ApiReply::ok(versionJson(version.value(), false), 201);
}

ApiReply listVersions(store::Database &db, const RequestContext &c, const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, id, FlowPermission::View));
    FlowRepository repo(db);
    HM_TRY(versions, repo.versions(id));
    QJsonArray items;
    for (const FlowVersionRecord &v : std::as_const(versions.value()))
        items.append(versionJson(v, true));
    return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items}});
}

ApiReply publish(store::Database &db, const RequestContext &c, const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, id, FlowPermission::Edit));
    HM_TRY(body, c.jsonObject());
    HM_TRY(version, auth::requiredString(body.value(), QStringLiteral("version")));
    FlowRepository repo(db);
    HM_TRY(before, repo.version(id, version.value()));
    invalidateFlowCaches();
    HM_TRY_STATUS(repo.publish(id, version.value()));
    HM_TRY(record, repo.version(id, version.value()));
    // Publishing the published version again changes nothing: no entry.
    if (before.value().status != flow::FlowVersionStatus::Published)
        auditFlow(db, c, p, QStringLiteral("FLOW_PUBLISHED"), id,
                  {{QStringLiteral("version"), version.value()}});
    return ApiReply::ok(versionJson(record.value(), false));
}

const QJsonObject kFlowBody = object({{QStringLiteral("name"), string()},
                                      {QStringLiteral("description"), string()},
                                      {QStringLiteral("definition"), object({}, {}, false)},
                                      {QStringLiteral("settings"), object({}, {}, false)}},
                                     {QStringLiteral("name"), QStringLiteral("definition")});

RouteDoc flowDoc(const QString &summary, QList<ErrorCode> errors, QJsonObject request = {},
                 int success = 200, QJsonObject response = {})
{
    RouteDoc d;
    d.summary = summary;
    d.tag = QStringLiteral("Flows");
    d.errors = std::move(errors);
    d.requestSchema = std::move(request);
    d.responseSchema = std::move(response);
    d.successStatus = success;
    return d;
}

// versionJson
QJsonObject versionSchema(bool withDefinition)
{
    QJsonObject properties{
        {QStringLiteral("version"), string()},
        {QStringLiteral("status"), enumOf({QStringLiteral("draft"), QStringLiteral("published"),
                                           QStringLiteral("deprecated")})},
        {QStringLiteral("created_by"), string()},
        {QStringLiteral("created_at"), string()},
        {QStringLiteral("published_at"), nullable(string())}};
    QStringList required{QStringLiteral("version"), QStringLiteral("status")};
    if (withDefinition) {
        properties.insert(QStringLiteral("definition"), object({}));
        properties.insert(QStringLiteral("settings"), object({}));
        required += {QStringLiteral("definition"), QStringLiteral("settings")};
    }
    return object(properties, required);
}

// flowJson and what listFlows / getFlow add to it.
QJsonObject flowProperties()
{
    return {{QStringLiteral("id"), string()},
            {QStringLiteral("name"), string()},
            {QStringLiteral("description"), string()},
            {QStringLiteral("owner_id"), string()},
            {QStringLiteral("created_at"), string()},
            {QStringLiteral("updated_at"), string()},
            {QStringLiteral("my_permission"), string(QStringLiteral("view, edit or admin"))}};
}

QJsonObject flowListSchema()
{
    QJsonObject item = flowProperties();
    item.insert(QStringLiteral("latest_version"), string(QStringLiteral("the highest version")));
    item.insert(QStringLiteral("published_version"), nullable(string()));
    return object(
        {{QStringLiteral("items"),
          arrayOf(object(
              item, {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("latest_version"),
                     QStringLiteral("published_version"), QStringLiteral("my_permission")}))},
         {QStringLiteral("pagination"), pagination()}},
        {QStringLiteral("items"), QStringLiteral("pagination")});
}

QJsonObject flowSchema()
{
    QJsonObject flow = flowProperties();
    flow.insert(QStringLiteral("latest_version"), versionSchema(true));
    flow.insert(QStringLiteral("published_version"), nullable(versionSchema(false)));
    return object(flow,
                  {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("latest_version"),
                   QStringLiteral("published_version"), QStringLiteral("my_permission")});
}

} // namespace

void registerFlowRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                        FlowEngineHost &host)
{
    const QJsonObject versionBody = object(
        {{QStringLiteral("definition"), object({})}, {QStringLiteral("settings"), object({})}},
        {QStringLiteral("definition")});
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/flows"), Role::User,
        [&db, &host](const RequestContext &c, const Principal &p) {
            return createFlow(db, host, c, p);
        },
        flowDoc(QStringLiteral("Create a flow (version 1, draft)"),
                {ErrorCode::InvalidFlowDefinition, ErrorCode::ResourceAlreadyExists}, kFlowBody,
                201));
    RouteDoc listDoc = flowDoc(QStringLiteral("List the flows the caller may view"), {}, {}, 200,
                               flowListSchema());
    listDoc.queryParameters = paging();
    listDoc.queryParameters.append(
        query(QStringLiteral("search"), string(), QStringLiteral("Substring of the flow name")));
    listDoc.queryParameters.append(
        query(QStringLiteral("owner"), string(), QStringLiteral("\"me\" or a user id")));
    listDoc.queryParameters.append(query(QStringLiteral("shared_with_me"), boolean(),
                                         QStringLiteral("Only flows shared with the caller")));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/flows"), Role::Viewer,
        [&db](const RequestContext &c, const Principal &p) { return listFlows(db, c, p); },
        std::move(listDoc));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/flows/{id}"), Role::Viewer,
        [&db](const RequestContext &c, const Principal &p) { return getFlow(db, c, p); },
        flowDoc(QStringLiteral("A flow with its latest and published versions (view)"),
                {ErrorCode::FlowNotFound}, {}, 200, flowSchema()));
    auth::addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/flows/{id}"), Role::User,
        [&db](const RequestContext &c, const Principal &p) { return updateFlow(db, c, p); },
        flowDoc(QStringLiteral("Rename a flow or change its description (edit)"),
                {ErrorCode::FlowNotFound, ErrorCode::Forbidden, ErrorCode::ResourceAlreadyExists},
                object({{QStringLiteral("name"), string()},
                        {QStringLiteral("description"), string()}})));
    auth::addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/v1/flows/{id}"), Role::User,
        [&db](const RequestContext &c, const Principal &p) { return deleteFlow(db, c, p); },
        flowDoc(QStringLiteral("Delete a flow (soft; history stays; owner or ADMIN)"),
                {ErrorCode::FlowNotFound, ErrorCode::Forbidden}));
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/flows/{id}/versions"), Role::User,
        [&db, &host](const RequestContext &c, const Principal &p) {
            return addVersion(db, host, c, p);
        },
        flowDoc(QStringLiteral("Add a draft version (edit)"),
                {ErrorCode::FlowNotFound, ErrorCode::Forbidden, ErrorCode::InvalidFlowDefinition},
                versionBody, 201));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/flows/{id}/versions"), Role::Viewer,
        [&db](const RequestContext &c, const Principal &p) { return listVersions(db, c, p); },
        flowDoc(QStringLiteral("All versions of a flow, oldest first (view)"),
                {ErrorCode::FlowNotFound}, {}, 200,
                object({{QStringLiteral("items"), arrayOf(versionSchema(true))}},
                       {QStringLiteral("items")})));
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/flows/{id}/publish"), Role::User,
        [&db](const RequestContext &c, const Principal &p) { return publish(db, c, p); },
        flowDoc(QStringLiteral("Publish a version (edit; the previous one becomes deprecated)"),
                {ErrorCode::FlowNotFound, ErrorCode::FlowVersionNotFound, ErrorCode::Forbidden},
                object({{QStringLiteral("version"), string()}}, {QStringLiteral("version")})));
}

} // namespace hm::server
