#include "engine/persistence/FlowRepository.h"
#include "flow/FlowCompiler.h"
#include "server/ApiRouter.h"
#include "server/QueryParams.h"
#include "server/auth/AuthCommon.h"
#include "server/auth/AuthModule.h"
#include "server/auth/RouteHelpers.h"
#include "server/engine/EngineRoutes.h"
#include "server/engine/FlowEngineHost.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace hm::server {

using namespace engine::persistence;
using namespace schema;
using auth::Principal;
using auth::Role;
using Method = QHttpServerRequest::Method;

bool mayModifyFlow(const Principal &principal, const QString &ownerId)
{
    return principal.role == Role::Admin || principal.userId == ownerId;
}

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

QJsonObject flowJson(const FlowRecord &f)
{
    return {{QStringLiteral("id"), f.id},
            {QStringLiteral("name"), f.name},
            {QStringLiteral("description"), f.description},
            {QStringLiteral("owner_id"), f.ownerId},
            {QStringLiteral("created_at"), auth::isoOrNull(f.createdAtMs)},
            {QStringLiteral("updated_at"), auth::isoOrNull(f.updatedAtMs)}};
}

// The flow, FORBIDDEN unless the caller may change it.
Result<FlowRecord> modifiableFlow(FlowRepository &repo, const QString &id, const Principal &p)
{
    auto flow = repo.flow(id);
    if (!flow)
        return flow.error();
    if (!mayModifyFlow(p, flow.value().ownerId))
        return Error{ErrorCode::Forbidden,
                     QStringLiteral("only the owner or an admin may do this")};
    return flow;
}

ApiReply createFlow(store::Database &db, FlowEngineHost &host, const RequestContext &c,
                    const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(name, auth::requiredString(body.value(), QStringLiteral("name")));
    HM_TRY(description, auth::optionalString(body.value(), QStringLiteral("description")));
    HM_TRY(parsed, parseFlow(body.value(), host.registry()));
    FlowRepository repo(db);
    HM_TRY(flow, repo.createFlow(NewFlow{name.value(), description.value(), p.userId,
                                         parsed.value().definition, parsed.value().settings}));
    QJsonObject data = flowJson(flow.value());
    data.insert(QStringLiteral("version"), QStringLiteral("1"));
    data.insert(QStringLiteral("status"), QStringLiteral("draft"));
    return ApiReply::ok(data, 201);
}

ApiReply listFlows(store::Database &db, const RequestContext &c)
{
    const QUrlQuery query(c.request.url());
    HM_TRY(paging, parsePaging(query));
    const QString search = queryValue(query, QStringLiteral("search"));
    const QString where = QStringLiteral(" FROM flows f WHERE f.deleted_at IS NULL") +
                          (search.isEmpty() ? QString() : QStringLiteral(" AND f.name LIKE ?"));
    const QString pattern = u'%' + search + u'%';
    HM_TRY(count, db.prepare(QStringLiteral("SELECT COUNT(*)") + where));
    if (!search.isEmpty())
        count.value().bind(1, pattern);
    HM_TRY(counted, count.value().step());
    const qint64 total = counted.value() ? count.value().int64(0) : 0;

    HM_TRY(select,
           db.prepare(QStringLiteral("SELECT f.id, f.name, f.description, f.owner_id, "
                                     "f.created_at, f.updated_at, "
                                     "(SELECT MAX(CAST(version AS INTEGER)) FROM flow_versions v "
                                     "WHERE v.flow_id = f.id), "
                                     "(SELECT version FROM flow_versions v WHERE v.flow_id = f.id "
                                     "AND v.status = 'published')") +
                      where +
                      QStringLiteral(" ORDER BY f.created_at DESC, f.id LIMIT ? OFFSET ?")));
    int bind = 1;
    if (!search.isEmpty())
        select.value().bind(bind++, pattern);
    select.value().bind(bind++, paging.value().size);
    select.value().bind(bind++, paging.value().offset());
    QJsonArray items;
    while (true) {
        HM_TRY(row, select.value().step());
        if (!row.value())
            break;
        const auto &s = select.value();
        items.append(QJsonObject{{QStringLiteral("id"), s.text(0)},
                                 {QStringLiteral("name"), s.text(1)},
                                 {QStringLiteral("description"), s.text(2)},
                                 {QStringLiteral("owner_id"), s.text(3)},
                                 {QStringLiteral("created_at"), auth::isoOrNull(s.int64(4))},
                                 {QStringLiteral("updated_at"), auth::isoOrNull(s.int64(5))},
                                 {QStringLiteral("latest_version"), QString::number(s.int64(6))},
                                 {QStringLiteral("published_version"),
                                  s.isNull(7) ? QJsonValue() : QJsonValue(s.text(7))}});
    }
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("items"), items},
                    {QStringLiteral("pagination"), paginationJson(paging.value(), total)}});
}

ApiReply getFlow(store::Database &db, const RequestContext &c)
{
    FlowRepository repo(db);
    HM_TRY(flow, repo.flow(c.pathArgs.at(0)));
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
    return ApiReply::ok(data);
}

ApiReply deleteFlow(store::Database &db, const RequestContext &c, const Principal &p)
{
    FlowRepository repo(db);
    HM_TRY(flow, modifiableFlow(repo, c.pathArgs.at(0), p));
    HM_TRY_STATUS(repo.softDelete(flow.value().id));
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("id"), flow.value().id}, {QStringLiteral("deleted"), true}});
}

ApiReply addVersion(store::Database &db, FlowEngineHost &host, const RequestContext &c,
                    const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    FlowRepository repo(db);
    HM_TRY(flow, modifiableFlow(repo, c.pathArgs.at(0), p));
    HM_TRY(parsed, parseFlow(body.value(), host.registry()));
    HM_TRY(version, repo.addVersion(flow.value().id, parsed.value().definition,
                                    parsed.value().settings, p.userId));
    return ApiReply::ok(versionJson(version.value(), false), 201);
}

ApiReply listVersions(store::Database &db, const RequestContext &c)
{
    FlowRepository repo(db);
    HM_TRY(versions, repo.versions(c.pathArgs.at(0)));
    QJsonArray items;
    for (const FlowVersionRecord &v : std::as_const(versions.value()))
        items.append(versionJson(v, true));
    return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items}});
}

ApiReply publish(store::Database &db, const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(version, auth::requiredString(body.value(), QStringLiteral("version")));
    FlowRepository repo(db);
    HM_TRY(flow, modifiableFlow(repo, c.pathArgs.at(0), p));
    HM_TRY_STATUS(repo.publish(flow.value().id, version.value()));
    HM_TRY(record, repo.version(flow.value().id, version.value()));
    return ApiReply::ok(versionJson(record.value(), false));
}

const QJsonObject kFlowBody = object({{QStringLiteral("name"), string()},
                                      {QStringLiteral("description"), string()},
                                      {QStringLiteral("definition"), object({}, {}, false)},
                                      {QStringLiteral("settings"), object({}, {}, false)}},
                                     {QStringLiteral("name"), QStringLiteral("definition")});

RouteDoc doc(const QString &summary, QList<ErrorCode> errors, QJsonObject request = {},
             int success = 200)
{
    RouteDoc d;
    d.summary = summary;
    d.tag = QStringLiteral("Flows");
    d.errors = std::move(errors);
    d.requestSchema = std::move(request);
    d.successStatus = success;
    return d;
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
        doc(QStringLiteral("Create a flow (version 1, draft)"),
            {ErrorCode::InvalidFlowDefinition, ErrorCode::ResourceAlreadyExists}, kFlowBody, 201));
    RouteDoc listDoc = doc(QStringLiteral("List flows"), {});
    listDoc.queryParameters = paging();
    listDoc.queryParameters.append(
        query(QStringLiteral("search"), string(), QStringLiteral("Substring of the flow name")));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/flows"), Role::Viewer,
        [&db](const RequestContext &c, const Principal &) { return listFlows(db, c); },
        std::move(listDoc));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/flows/{id}"), Role::Viewer,
        [&db](const RequestContext &c, const Principal &) { return getFlow(db, c); },
        doc(QStringLiteral("A flow with its latest and published versions"),
            {ErrorCode::FlowNotFound}));
    auth::addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/v1/flows/{id}"), Role::User,
        [&db](const RequestContext &c, const Principal &p) { return deleteFlow(db, c, p); },
        doc(QStringLiteral("Delete a flow (soft; history stays)"),
            {ErrorCode::FlowNotFound, ErrorCode::Forbidden}));
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/flows/{id}/versions"), Role::User,
        [&db, &host](const RequestContext &c, const Principal &p) {
            return addVersion(db, host, c, p);
        },
        doc(QStringLiteral("Add a draft version"),
            {ErrorCode::FlowNotFound, ErrorCode::Forbidden, ErrorCode::InvalidFlowDefinition},
            versionBody, 201));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/flows/{id}/versions"), Role::Viewer,
        [&db](const RequestContext &c, const Principal &) { return listVersions(db, c); },
        doc(QStringLiteral("All versions of a flow, oldest first"), {ErrorCode::FlowNotFound}));
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/flows/{id}/publish"), Role::User,
        [&db](const RequestContext &c, const Principal &p) { return publish(db, c, p); },
        doc(QStringLiteral("Publish a version (the previous one becomes deprecated)"),
            {ErrorCode::FlowNotFound, ErrorCode::FlowVersionNotFound, ErrorCode::Forbidden},
            object({{QStringLiteral("version"), string()}}, {QStringLiteral("version")})));
}

} // namespace hm::server
