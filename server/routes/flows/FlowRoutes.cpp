#include "engine_store/FlowRepository.h"
#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/FlowsRepository.h"
#include "server/repositories/ListRepositories.h"
#include "server/routes/EngineRoutes.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/engine/ComponentService.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/FlowDrafts.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/engine/FlowEvents.h"
#include "server/services/engine/FlowService.h"
#include "store/Database.h"
#include "store/Like.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <cmath>

namespace hm::server {

using namespace engine::persistence;
using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

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
            {QStringLiteral("revision"), f.revision},
            {QStringLiteral("created_at"), auth::isoOrNull(f.createdAtMs)},
            {QStringLiteral("updated_at"), auth::isoOrNull(f.updatedAtMs)}};
}

// Optimistic concurrency (docs/api.md, "Concurrent edits"). The flow's
// ETag is its revision, quoted: "12".
QByteArray etagOf(qint64 revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

ApiReply withEtag(ApiReply reply, qint64 revision)
{
    reply.headers.append({QByteArrayLiteral("ETag"), etagOf(revision)});
    return reply;
}

const QString kBaseRevision = QStringLiteral("base_revision");
const QString kBaseVersion = QStringLiteral("base_version");
const QString kIfMatch = QStringLiteral("If-Match");

// A revision or version number as the API shows them: 3 or "3", at least 1.
std::optional<qint64> positiveNumber(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d >= 1 && d <= 9007199254740991.0 && std::floor(d) == d)
            return static_cast<qint64>(d);
        return std::nullopt;
    }
    const QString text = value.toString();
    if (text.isEmpty() || text.size() > 15 ||
        !std::all_of(text.begin(), text.end(), [](QChar ch) { return ch.isDigit(); }))
        return std::nullopt;
    const qint64 number = text.toLongLong();
    return number >= 1 ? std::optional<qint64>(number) : std::nullopt;
}

// The body's base_revision / base_version (absent or null: not given).
Result<std::optional<qint64>> baseField(const QJsonObject &body, const QString &field)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return std::optional<qint64>();
    if (const auto number =
            (value.isDouble() || value.isString()) ? positiveNumber(value) : std::nullopt)
        return number;
    return auth::fieldError(
        field, QStringLiteral("%1 must be a whole number from 1 up, as the flow's answers give it "
                              "(\"3\" or 3)")
                   .arg(field));
}

// If-Match: the ETag of GET /api/v1/flows/{id} ("12"), or * (any: the flow
// must exist, which every write checks anyway). A weak tag, a list or
// anything else is refused rather than compared: one flow has one ETag.
Result<std::optional<qint64>> ifMatchRevision(const RequestContext &c)
{
    const QByteArray value = c.header("If-Match").trimmed();
    if (value.isEmpty() || value == "*")
        return std::optional<qint64>();
    if (value.size() > 2 && value.startsWith('"') && value.endsWith('"')) {
        if (const auto revision =
                positiveNumber(QString::fromLatin1(value.mid(1, value.size() - 2))))
            return revision;
    }
    return auth::fieldError(kIfMatch,
                            QStringLiteral("If-Match must be the flow's ETag exactly as GET "
                                           "/api/v1/flows/{id} sends it (e.g. \"12\"), or *"));
}

// What an edit is based on: base_revision or If-Match, and base_version
// (the write routes; `body` null for DELETE, which reads If-Match only).
// Nothing given: no check, the edit applies to whatever is current.
Result<FlowEditBase> parseEditBase(const RequestContext &c, const QJsonObject *body)
{
    FlowEditBase base;
    auto header = ifMatchRevision(c);
    if (!header)
        return header.error();
    base.revision = header.value();
    if (!body)
        return base;
    auto revision = baseField(*body, kBaseRevision);
    if (!revision)
        return revision.error();
    if (revision.value()) {
        if (base.revision && *base.revision != *revision.value())
            return auth::fieldError(kBaseRevision,
                                    QStringLiteral("If-Match and base_revision name different "
                                                   "revisions: send one of them"));
        base.revision = revision.value();
    }
    auto version = baseField(*body, kBaseVersion);
    if (!version)
        return version.error();
    base.latestVersion = version.value();
    return base;
}

ApiReply createFlow(FlowService service, const engine::ExecutorRegistry &registry,
                    const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(name, auth::requiredString(body.value(), QStringLiteral("name")));
    HM_TRY_STATUS(FlowService::checkName(name.value()));
    HM_TRY(description, auth::optionalString(body.value(), QStringLiteral("description")));
    HM_TRY(parsed, flowdrafts::parseDraft(body.value(), registry));
    HM_TRY(flow, service.create(p, auth::clientInfo(c), name.value(), description.value(),
                                parsed.value()));
    QJsonObject data = flowJson(flow.value());
    data.insert(QStringLiteral("version"), QStringLiteral("1"));
    data.insert(QStringLiteral("status"), QStringLiteral("draft"));
    data.insert(QStringLiteral("problems"), parsed.value().problems);
    data.insert(QStringLiteral("warnings"), ComponentService::deprecationWarnings(
                                                registry, parsed.value().definition.toJson()));
    return withEtag(ApiReply::ok(data, 201), flow.value().revision);
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
    for (const repositories::FlowListRow &flow : std::as_const(page.value().items)) {
        QJsonObject item(
            QJsonObject{{QStringLiteral("id"), flow.id},
                        {QStringLiteral("name"), flow.name},
                        {QStringLiteral("description"), flow.description},
                        {QStringLiteral("owner_id"), flow.ownerId},
                        {QStringLiteral("revision"), flow.revision},
                        {QStringLiteral("created_at"), auth::isoOrNull(flow.createdAt)},
                        {QStringLiteral("updated_at"), auth::isoOrNull(flow.updatedAt)},
                        {QStringLiteral("latest_version"), QString::number(flow.latestVersion)},
                        {QStringLiteral("published_version"),
                         flow.publishedVersion ? QJsonValue(*flow.publishedVersion) : QJsonValue()},
                        {QStringLiteral("my_permission"),
                         permissionOf(p, flow.ownerId, flow.sharePermission)}});
        QJsonValue last; // null: never run
        if (flow.lastExecutionId)
            last =
                QJsonObject{{QStringLiteral("id"), *flow.lastExecutionId},
                            {QStringLiteral("status"), flow.lastExecutionStatus},
                            {QStringLiteral("created_at"), auth::isoOrNull(flow.lastExecutionAt)}};
        item.insert(QStringLiteral("last_execution"), last);
        items.append(item);
    }
    return pagedReply(items, paging.value(), page.value().total);
}

ApiReply getFlow(store::Database &db, const engine::ExecutorRegistry &registry,
                 const RequestContext &c, const Principal &p)
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
    if (!versions.value().isEmpty()) {
        // The draft's problems, as publish and trigger would see them now.
        const FlowVersionRecord &latest = versions.value().last();
        QJsonObject json = versionJson(latest, true);
        json.insert(QStringLiteral("problems"),
                    flowdrafts::problemsOf(latest.definition, latest.settings, registry));
        data.insert(QStringLiteral("latest_version"), json);
    }
    data.insert(QStringLiteral("published_version"), published);
    data.insert(QStringLiteral("my_permission"), flowPermissionName(permission.value()));
    return withEtag(ApiReply::ok(data), flow.value().revision);
}

// A field of an update: absent or null keeps what is stored.
Result<std::optional<QString>> detailField(const QJsonObject &body, const QString &field)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return std::optional<QString>();
    auto text = auth::optionalString(body, field);
    if (!text)
        return text.error();
    return std::optional<QString>(text.value());
}

// Name and description; the definition changes through new versions.
ApiReply updateFlow(FlowService service, store::Database &db, const RequestContext &c,
                    const Principal &p)
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
    HM_TRY(base, parseEditBase(c, &body.value()));
    HM_TRY(name, detailField(body.value(), QStringLiteral("name")));
    HM_TRY(description, detailField(body.value(), QStringLiteral("description")));
    HM_TRY(flow, service.update(p, auth::clientInfo(c), id,
                                FlowDetails{name.value(), description.value()}, base.value()));
    return withEtag(ApiReply::ok(flowJson(flow.value())), flow.value().revision);
}

ApiReply deleteFlow(FlowService service, store::Database &db, const RequestContext &c,
                    const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, id, FlowPermission::Owner));
    HM_TRY(base, parseEditBase(c, nullptr));
    HM_TRY(flow, service.remove(p, auth::clientInfo(c), id, base.value()));
    return ApiReply::ok(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}});
}

ApiReply addVersion(FlowService service, store::Database &db,
                    const engine::ExecutorRegistry &registry, const RequestContext &c,
                    const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, id, FlowPermission::Edit));
    HM_TRY(body, c.jsonObject());
    HM_TRY(base, parseEditBase(c, &body.value()));
    HM_TRY(parsed, flowdrafts::parseDraft(body.value(), registry));
    HM_TRY(saved, service.addVersion(p, auth::clientInfo(c), id, parsed.value(), base.value()));
    const FlowVersionRecord &v = saved.value().version;
    QJsonObject data = versionJson(v, false);
    data.insert(QStringLiteral("flow_revision"), saved.value().revision);
    data.insert(QStringLiteral("problems"), parsed.value().problems);
    data.insert(QStringLiteral("warnings"),
                ComponentService::deprecationWarnings(registry, v.definition.toJson()));
    return withEtag(ApiReply::ok(data, 201), saved.value().revision);
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

ApiReply publish(FlowService service, store::Database &db, const engine::ExecutorRegistry &registry,
                 const RequestContext &c, const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, id, FlowPermission::Edit));
    HM_TRY(body, c.jsonObject());
    HM_TRY(version, auth::requiredString(body.value(), QStringLiteral("version")));
    HM_TRY(base, parseEditBase(c, &body.value()));
    HM_TRY(published, service.publish(p, auth::clientInfo(c), id, version.value(), base.value()));
    const FlowVersionRecord &record = published.value().version;
    QJsonObject data = versionJson(record, false);
    data.insert(QStringLiteral("flow_revision"), published.value().revision);
    data.insert(QStringLiteral("warnings"),
                ComponentService::deprecationWarnings(registry, record.definition.toJson()));
    return withEtag(ApiReply::ok(data), published.value().revision);
}

const QJsonObject kFlowBody = object({{QStringLiteral("name"), string()},
                                      {QStringLiteral("description"), string()},
                                      {QStringLiteral("definition"), object({}, {}, false)},
                                      {QStringLiteral("settings"), object({}, {}, false)}},
                                     {QStringLiteral("name"), QStringLiteral("definition")});

const QString kFlowsTag = QStringLiteral("Flows");

// Nodes using deprecated component versions (ComponentService).
QJsonObject warningsSchema()
{
    return arrayOf(
        object({{QStringLiteral("code"), enumOf({QStringLiteral("DEPRECATED_COMPONENT_VERSION")})},
                {QStringLiteral("message"), string()},
                {QStringLiteral("node"), string()},
                {QStringLiteral("component"), string()},
                {QStringLiteral("version"), string()}},
               {QStringLiteral("code"), QStringLiteral("message")}));
}

// A draft's problems (flowdrafts::problemsOf): empty when it may be
// published.
QJsonObject problemsSchema()
{
    return arrayOf(object({{QStringLiteral("code"), string()},
                           {QStringLiteral("message"), string()},
                           {QStringLiteral("node"), string()},
                           {QStringLiteral("edge"), string()}},
                          {QStringLiteral("code"), QStringLiteral("message")}));
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
            {QStringLiteral("revision"),
             integer(QStringLiteral("counts the flow's changes; the ETag is this number, "
                                    "quoted; send it back as base_revision or If-Match"))},
            {QStringLiteral("created_at"), string()},
            {QStringLiteral("updated_at"), string()},
            {QStringLiteral("my_permission"), string(QStringLiteral("view, edit or admin"))}};
}

QJsonObject flowListSchema()
{
    QJsonObject item = flowProperties();
    item.insert(QStringLiteral("latest_version"), string(QStringLiteral("the highest version")));
    item.insert(QStringLiteral("published_version"), nullable(string()));
    item.insert(QStringLiteral("last_execution"),
                nullable(object({{QStringLiteral("id"), string()},
                                 {QStringLiteral("status"), string()},
                                 {QStringLiteral("created_at"), string()}},
                                {QStringLiteral("id"), QStringLiteral("status"),
                                 QStringLiteral("created_at")})));
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
    QJsonObject latest = versionSchema(true);
    QJsonObject latestProperties = latest.value(QStringLiteral("properties")).toObject();
    latestProperties.insert(QStringLiteral("problems"), problemsSchema());
    latest.insert(QStringLiteral("properties"), latestProperties);
    flow.insert(QStringLiteral("latest_version"), latest);
    flow.insert(QStringLiteral("published_version"), nullable(versionSchema(false)));
    return object(flow, {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("revision"),
                         QStringLiteral("latest_version"), QStringLiteral("published_version"),
                         QStringLiteral("my_permission")});
}

// The answer of a write that leaves a version: the version and the flow's
// revision after the write.
QJsonObject versionWriteSchema()
{
    QJsonObject schema = versionSchema(false);
    QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    properties.insert(QStringLiteral("flow_revision"),
                      integer(QStringLiteral("the flow's revision after this write (its ETag)")));
    properties.insert(QStringLiteral("warnings"), warningsSchema());
    properties.insert(QStringLiteral("problems"),
                      problemsSchema()); // saves only: a draft is stored with them
    schema.insert(QStringLiteral("properties"), properties);
    return schema;
}

// Optimistic concurrency in the route descriptions: the optional base
// fields of a body, the If-Match header and the ETag of the answer.
QJsonObject withBaseFields(QJsonObject body)
{
    QJsonObject properties = body.value(QStringLiteral("properties")).toObject();
    properties.insert(kBaseRevision,
                      integer(QStringLiteral(
                          "optional: the flow's revision this edit is based on (GET's revision "
                          "or ETag; also as a string); any change since answers 409 CONFLICT")));
    properties.insert(
        kBaseVersion,
        string(QStringLiteral("optional: the latest version this edit is based on (\"3\"); a "
                              "newer version since answers 409 CONFLICT")));
    body.insert(QStringLiteral("properties"), properties);
    return body;
}

QJsonObject etagHeader()
{
    return {{QStringLiteral("ETag"),
             QJsonObject{{QStringLiteral("description"),
                          QStringLiteral("The flow's revision, quoted (\"12\"): If-Match of a "
                                         "later edit")},
                         {QStringLiteral("schema"), string()}}}};
}

// A write with optimistic concurrency; `etag`: its answer carries the
// flow's new ETag (not DELETE's: the flow is gone).
RouteDoc concurrent(RouteDoc d, bool etag = true)
{
    d.headerParameters.append(header(
        kIfMatch, string(),
        QStringLiteral("Optional: the flow's ETag (GET /api/v1/flows/{id}) this edit is based on, "
                       "or *; a flow changed since answers 409 CONFLICT and stores nothing")));
    if (etag)
        d.responseHeaders = etagHeader();
    d.errors.append(ErrorCode::Conflict);
    return d;
}

} // namespace

void registerFlowRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                        FlowEngineHost &host, FlowEvents &events)
{
    const QJsonObject versionBody = object(
        {{QStringLiteral("definition"), object({})}, {QStringLiteral("settings"), object({})}},
        {QStringLiteral("definition")});
    RouteDoc createDoc =
        routeDoc(kFlowsTag,
                 QStringLiteral("Create a flow (version 1, a draft stored with its problems)"),
                 {ErrorCode::InvalidFlowDefinition, ErrorCode::ResourceAlreadyExists})
            .request(kFlowBody)
            .status(201);
    createDoc.responseHeaders = etagHeader();
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/flows"), Role::User,
        [&db, &host, &events](const RequestContext &c, const Principal &p) {
            return createFlow(FlowService(db, host.registry(), events), host.registry(), c, p);
        },
        std::move(createDoc));
    RouteDoc listDoc = routeDoc(kFlowsTag, QStringLiteral("List the flows the caller may view"))
                           .response(flowListSchema());
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
    RouteDoc getDoc =
        routeDoc(kFlowsTag, QStringLiteral("A flow with its latest and published versions (view)"),
                 {ErrorCode::FlowNotFound})
            .response(flowSchema());
    getDoc.responseHeaders = etagHeader();
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/flows/{id}"), Role::Viewer,
        [&db, &host](const RequestContext &c, const Principal &p) {
            return getFlow(db, host.registry(), c, p);
        },
        std::move(getDoc));
    QJsonObject renamed = flowProperties();
    auth::addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/flows/{id}"), Role::User,
        [&db, &host, &events](const RequestContext &c, const Principal &p) {
            return updateFlow(FlowService(db, host.registry(), events), db, c, p);
        },
        concurrent(
            routeDoc(
                kFlowsTag, QStringLiteral("Rename a flow or change its description (edit)"),
                {ErrorCode::FlowNotFound, ErrorCode::Forbidden, ErrorCode::ResourceAlreadyExists})
                .request(withBaseFields(object({{QStringLiteral("name"), string()},
                                                {QStringLiteral("description"), string()}})))
                .response(object(renamed, {QStringLiteral("id"), QStringLiteral("revision")}))));
    auth::addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/v1/flows/{id}"), Role::User,
        [&db, &host, &events](const RequestContext &c, const Principal &p) {
            return deleteFlow(FlowService(db, host.registry(), events), db, c, p);
        },
        concurrent(routeDoc(kFlowsTag,
                            QStringLiteral("Delete a flow (soft; history stays; owner or ADMIN)"),
                            {ErrorCode::FlowNotFound, ErrorCode::Forbidden}),
                   false));
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/flows/{id}/versions"), Role::User,
        [&db, &host, &events](const RequestContext &c, const Principal &p) {
            return addVersion(FlowService(db, host.registry(), events), db, host.registry(), c, p);
        },
        concurrent(routeDoc(kFlowsTag,
                            QStringLiteral("Add a draft version (edit; stored with its problems)"),
                            {ErrorCode::FlowNotFound, ErrorCode::Forbidden,
                             ErrorCode::InvalidFlowDefinition})
                       .request(withBaseFields(versionBody))
                       .response(versionWriteSchema())
                       .status(201)));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/flows/{id}/versions"), Role::Viewer,
        [&db](const RequestContext &c, const Principal &p) { return listVersions(db, c, p); },
        routeDoc(kFlowsTag, QStringLiteral("All versions of a flow, oldest first (view)"),
                 {ErrorCode::FlowNotFound})
            .response(object({{QStringLiteral("items"), arrayOf(versionSchema(true))}},
                             {QStringLiteral("items")})));
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/flows/{id}/publish"), Role::User,
        [&db, &host, &events](const RequestContext &c, const Principal &p) {
            return publish(FlowService(db, host.registry(), events), db, host.registry(), c, p);
        },
        concurrent(routeDoc(kFlowsTag,
                            QStringLiteral(
                                "Publish a version (edit; the previous one becomes deprecated)"),
                            {ErrorCode::FlowNotFound, ErrorCode::FlowVersionNotFound,
                             ErrorCode::Forbidden, ErrorCode::InvalidFlowDefinition})
                       .request(withBaseFields(object({{QStringLiteral("version"), string()}},
                                                      {QStringLiteral("version")})))
                       .response(versionWriteSchema())));
}

} // namespace hm::server
