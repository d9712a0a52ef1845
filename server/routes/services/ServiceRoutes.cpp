// External services (seed 003 §7.4, §15, docs/services.md): register (the
// OpenAPI document read from the schema URL or found at the usual paths),
// preview, list, get, update, delete, endpoints by hand, schema refresh with
// its diff, and a test call with the linked credential injected. No answer,
// log line or audit entry carries a secret value of the credential.

#include "server/routes/services/ServiceRoutes.h"

#include "common/Logging.h"
#include "engine/services/ServicePorts.h"
#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/external/ServiceCaller.h"
#include "server/services/external/ServiceCatalog.h"
#include "server/services/external/ServiceDirectory.h"

#include <QJsonArray>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using external::ServiceCatalog;
using external::ServiceDirectory;
using Method = http::Method;

namespace {

const QString kServiceResource = QStringLiteral("service");

// Every audit row of a service names it.
QJsonObject serviceDetails(const external::ServiceRow &row, QJsonObject details = {})
{
    details.insert(QStringLiteral("name"), row.name);
    return details;
}

// service_created / service_updated / service_deleted on /ws/events, to
// every console (anyone signed in may list services): {service_id, name,
// service (GET /services/{id} without endpoints: a linked credential by
// id, never a secret), changed?}; service_deleted {service_id, name}.
void publishService(auth::AuthModule &auth, const QString &type, const external::ServiceRow &row,
                    const QStringList &changed = {})
{
    QJsonObject data{{QStringLiteral("service_id"), row.id}, {QStringLiteral("name"), row.name}};
    if (type != QLatin1String("service_deleted"))
        data.insert(QStringLiteral("service"), external::serviceJson(row));
    if (!changed.isEmpty())
        data.insert(QStringLiteral("changed"), QJsonArray::fromStringList(changed));
    auth.events.publish({type, data, false, {}, true});
}

// The routes that take a document as text ("document", up to the 16 MiB a
// download may have) accept a body that large: JSON string escaping can
// double a document's size, plus room for the other fields.
constexpr qsizetype kMaxDocumentBody = 2 * external::SchemaFetcher::kMaxDocumentBytes + 64 * 1024;

QJsonValue sourceJson(const external::FetchedDocument &doc)
{
    // A document given as text was read from no URL.
    return doc.source.isEmpty() ? QJsonValue() : QJsonValue(doc.source.toString());
}

// A service with all its endpoints (removed ones included, with their status).
Result<QJsonObject> serviceDetail(ServiceCatalog &catalog, const external::ServiceRow &row)
{
    auto endpoints = catalog.endpoints(row.id, {});
    if (!endpoints)
        return endpoints.error();
    QJsonArray list;
    for (const external::EndpointRow &e : std::as_const(endpoints.value()))
        list.append(external::endpointJson(e));
    QJsonObject out = external::serviceJson(row);
    out.insert(QStringLiteral("endpoints"), list);
    return out;
}

ApiReply registerService(auth::AuthModule &auth, ServiceCatalog &catalog,
                         external::SchemaFetcher &fetcher, const RequestContext &c,
                         const Principal &p)
{
    HM_TRY(body, c.jsonObject(kMaxDocumentBody));
    HM_TRY(draft, catalog.prepare(p, body.value()));
    const auth::ClientInfo client = auth::clientInfo(c);
    const auto finish = [&auth, &catalog, p,
                         client](external::ServiceDraft draft,
                                 const std::optional<external::FetchedDocument> &doc) -> ApiReply {
        const QString source = doc ? doc->source.toString() : QString();
        HM_TRY(row, catalog.create(std::move(draft), doc));
        QJsonObject details{{QStringLiteral("base_url"), row.value().baseUrl},
                            {QStringLiteral("endpoints"), row.value().endpointCount}};
        if (!source.isEmpty())
            details.insert(QStringLiteral("schema_source"), source);
        if (!row.value().credentialId.isEmpty())
            details.insert(QStringLiteral("credential_id"), row.value().credentialId);
        auth::auditAction(auth.db, client, p.userId, QStringLiteral("SERVICE_CREATED"),
                          kServiceResource, row.value().id, serviceDetails(row.value(), details));
        publishService(auth, QStringLiteral("service_created"), row.value());
        HM_TRY(detail, serviceDetail(catalog, row.value()));
        return ApiReply::ok(detail.value(), 201);
    };
    if (draft.value().manual)
        return finish(draft.value(), std::nullopt);
    const DeferredReply reply = c.defer();
    external::ServiceDraft pending = draft.value();
    QByteArray document = std::exchange(pending.document, {});
    auto stored = [reply, pending, finish](Result<external::FetchedDocument> doc) {
        if (!doc) {
            qCInfo(lcServer).noquote()
                << "services: registering" << pending.row.name << "failed:" << doc.error().message;
            return reply.send(ApiReply::failure(doc.error()));
        }
        reply.send(finish(pending, doc.value()));
    };
    if (!document.isEmpty())
        fetcher.importText(std::move(document), std::move(stored));
    else
        fetcher.fetch(pending.baseUrl, pending.row.schemaUrl, pending.row.timeoutMs,
                      std::move(stored));
    return ApiReply::deferred();
}

ApiReply previewService(external::SchemaFetcher &fetcher, const RequestContext &c)
{
    HM_TRY(body, c.jsonObject(kMaxDocumentBody));
    HM_TRY(baseText, auth::requiredString(body.value(), QStringLiteral("base_url")));
    HM_TRY(base, external::parseBaseUrl(baseText.value(), QStringLiteral("base_url")));
    HM_TRY(schemaText, auth::optionalString(body.value(), QStringLiteral("schema_url")));
    // As registering checks it: what the preview reads, Register accepts.
    HM_TRY(schemaUrl,
           external::checkSchemaUrl(schemaText.value().trimmed(), QStringLiteral("schema_url")));
    HM_TRY(document, external::documentField(body.value()));
    const DeferredReply reply = c.defer();
    auto answer = [reply](Result<external::FetchedDocument> doc) {
        if (!doc)
            return reply.send(ApiReply::failure(doc.error()));
        QJsonArray endpoints;
        for (const openapi::Endpoint &e : std::as_const(doc.value().document.endpoints))
            endpoints.append(external::importedEndpointJson(e));
        reply.send(ApiReply::ok(
            QJsonObject{{QStringLiteral("schema_source"), sourceJson(doc.value())},
                        {QStringLiteral("schema"), external::schemaInfo(doc.value().document)},
                        {QStringLiteral("endpoint_count"), endpoints.size()},
                        {QStringLiteral("endpoints"), endpoints}}));
    };
    if (!document.value().isEmpty())
        fetcher.importText(document.value().toUtf8(), std::move(answer));
    else
        fetcher.fetch(base.value(), schemaUrl.value(), 30000, std::move(answer));
    return ApiReply::deferred();
}

ApiReply listServices(auth::AuthModule &auth, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    HM_TRY(search, parseSearch(query));
    const QString status = queryValue(query, QStringLiteral("status"));
    if (!status.isEmpty() &&
        !QStringList{QStringLiteral("active"), QStringLiteral("inactive"), QStringLiteral("error")}
             .contains(status))
        return ApiReply::failure(auth::fieldError(
            QStringLiteral("status"), QStringLiteral("status must be active, inactive or error")));
    HM_TRY(page, repositories::listServices(auth.db, {search.value(), status}, paging.value()));
    QJsonArray items;
    for (const external::ServiceRow &row : std::as_const(page.value().items))
        items.append(external::serviceJson(row));
    return pagedReply(items, paging.value(), page.value().total);
}

ApiReply updateService(auth::AuthModule &auth, ServiceCatalog &catalog, const RequestContext &c,
                       const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    QStringList changed;
    HM_TRY(row, catalog.update(p, c.pathArgs.at(0), body.value(), &changed));
    if (!changed.isEmpty()) {
        auth::auditAction(auth.db, c, p.userId, QStringLiteral("SERVICE_UPDATED"), kServiceResource,
                          row.value().id,
                          serviceDetails(row.value(), {{QStringLiteral("changed"),
                                                        QJsonArray::fromStringList(changed)}}));
        publishService(auth, QStringLiteral("service_updated"), row.value(), changed);
    }
    HM_TRY(detail, serviceDetail(catalog, row.value()));
    return ApiReply::ok(detail.value());
}

ApiReply deleteService(auth::AuthModule &auth, ServiceCatalog &catalog, const RequestContext &c,
                       const Principal &p)
{
    HM_TRY(row, catalog.remove(p, c.pathArgs.at(0)));
    auth::auditAction(auth.db, c, p.userId, QStringLiteral("SERVICE_DELETED"), kServiceResource,
                      row.value().id, serviceDetails(row.value()));
    publishService(auth, QStringLiteral("service_deleted"), row.value());
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("id"), row.value().id}, {QStringLiteral("deleted"), true}});
}

ApiReply listEndpoints(ServiceCatalog &catalog, const RequestContext &c)
{
    QString status = queryValue(c.request.query(), QStringLiteral("status"));
    if (status == QLatin1String("all"))
        status.clear();
    if (!status.isEmpty() && status != QLatin1String("active") &&
        status != QLatin1String("removed"))
        return ApiReply::failure(auth::fieldError(
            QStringLiteral("status"), QStringLiteral("status must be active, removed or all")));
    HM_TRY(endpoints, catalog.endpoints(c.pathArgs.at(0), status));
    QJsonArray items;
    for (const external::EndpointRow &e : std::as_const(endpoints.value()))
        items.append(external::endpointJson(e));
    return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items}});
}

// The ports a service node calling this endpoint has, exactly as the engine
// computes them when it validates and runs the flow (serviceNodeInterface()
// over the same directory): the flow editor draws its typed ports from it.
ApiReply endpointInterface(ServiceDirectory &directory, const RequestContext &c)
{
    const QJsonObject config{{QStringLiteral("serviceId"), c.pathArgs.at(0)},
                             {QStringLiteral("endpointId"), c.pathArgs.at(1)}};
    HM_TRY(iface, engine::serviceNodeInterface(directory, config));
    return ApiReply::ok(iface.value().toJson());
}

ApiReply addEndpoint(auth::AuthModule &auth, ServiceCatalog &catalog, const RequestContext &c,
                     const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(row, catalog.addEndpoint(p, c.pathArgs.at(0), body.value()));
    HM_TRY(service, catalog.get(c.pathArgs.at(0)));
    auth::auditAction(
        auth.db, c, p.userId, QStringLiteral("SERVICE_ENDPOINT_ADDED"), kServiceResource,
        service.value().id,
        serviceDetails(service.value(), {{QStringLiteral("endpoint_id"), row.value().id},
                                         {QStringLiteral("endpoint"),
                                          QString(row.value().method + u' ' + row.value().path)}}));
    publishService(auth, QStringLiteral("service_updated"), service.value(),
                   {QStringLiteral("endpoints")});
    return ApiReply::ok(external::endpointJson(row.value()), 201);
}

ApiReply deleteEndpoint(auth::AuthModule &auth, ServiceCatalog &catalog, const RequestContext &c,
                        const Principal &p)
{
    HM_TRY(row, catalog.removeEndpoint(p, c.pathArgs.at(0), c.pathArgs.at(1)));
    HM_TRY(service, catalog.get(c.pathArgs.at(0)));
    auth::auditAction(
        auth.db, c, p.userId, QStringLiteral("SERVICE_ENDPOINT_DELETED"), kServiceResource,
        service.value().id,
        serviceDetails(service.value(), {{QStringLiteral("endpoint_id"), row.value().id},
                                         {QStringLiteral("endpoint"),
                                          QString(row.value().method + u' ' + row.value().path)}}));
    publishService(auth, QStringLiteral("service_updated"), service.value(),
                   {QStringLiteral("endpoints")});
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("id"), row.value().id}, {QStringLiteral("deleted"), true}});
}

ApiReply refreshSchema(auth::AuthModule &auth, ServiceCatalog &catalog,
                       external::SchemaFetcher &fetcher, const RequestContext &c,
                       const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(dryRun, auth::optionalBool(body.value(), QStringLiteral("dry_run"), false));
    HM_TRY(service, catalog.getForChange(p, c.pathArgs.at(0)));
    const DeferredReply reply = c.defer();
    const auth::ClientInfo client = auth::clientInfo(c);
    const QString id = service.value().id;
    const bool apply = !dryRun.value();
    fetcher.fetch(
        QUrl(service.value().baseUrl), service.value().schemaUrl, service.value().timeoutMs,
        [reply, &auth, &catalog, p, client, id, apply](Result<external::FetchedDocument> doc) {
            if (!doc)
                return reply.send(ApiReply::failure(doc.error()));
            auto outcome = catalog.refresh(id, doc.value(), apply);
            if (!outcome)
                return reply.send(ApiReply::failure(outcome.error()));
            const openapi::EndpointDiff &diff = outcome.value().diff;
            const QJsonObject counts{
                {QStringLiteral("added_endpoints"), int(diff.added.size())},
                {QStringLiteral("updated_endpoints"), int(diff.changed.size())},
                {QStringLiteral("removed_endpoints"), int(diff.removed.size())},
                {QStringLiteral("unchanged_endpoints"), diff.unchanged}};
            if (apply) {
                QJsonObject details = counts;
                details.insert(QStringLiteral("schema_source"), doc.value().source.toString());
                auth::auditAction(auth.db, client, p.userId,
                                  QStringLiteral("SERVICE_SCHEMA_REFRESHED"), kServiceResource,
                                  outcome.value().service.id,
                                  serviceDetails(outcome.value().service, details));
                publishService(auth, QStringLiteral("service_updated"), outcome.value().service,
                               {QStringLiteral("schema"), QStringLiteral("endpoints")});
            }
            QJsonObject answer = counts;
            answer.insert(QStringLiteral("applied"), outcome.value().applied);
            answer.insert(QStringLiteral("message"),
                          apply ? QStringLiteral("Schema refreshed successfully")
                                : QStringLiteral("Schema compared, nothing stored"));
            answer.insert(QStringLiteral("schema_source"), doc.value().source.toString());
            answer.insert(QStringLiteral("diff"), diff.toJson());
            answer.insert(QStringLiteral("service"),
                          external::serviceJson(outcome.value().service));
            reply.send(ApiReply::ok(answer));
        });
    return ApiReply::deferred();
}

Result<QJsonObject> objectField(const QJsonObject &body, const QString &field)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return QJsonObject();
    if (!value.isObject())
        return auth::fieldError(field, QStringLiteral("%1 must be an object").arg(field));
    return value.toObject();
}

ApiReply testService(auth::AuthModule &auth, ServiceCatalog &catalog, ServiceDirectory &directory,
                     external::ServiceCaller &caller, const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(endpointId, auth::optionalString(body.value(), QStringLiteral("endpoint_id")));
    HM_TRY(parameters, objectField(body.value(), QStringLiteral("parameters")));
    external::CallInput input;
    for (const QString &place :
         {QStringLiteral("path"), QStringLiteral("query"), QStringLiteral("header")}) {
        HM_TRY(values, objectField(parameters.value(), place));
        (place == QLatin1String("path")    ? input.path
         : place == QLatin1String("query") ? input.query
                                           : input.header) = values.value();
    }
    input.body = body.value().value(QStringLiteral("body"));
    HM_TRY(service, catalog.get(c.pathArgs.at(0)));
    engine::ServiceEndpointSpec spec;
    QString label;
    if (endpointId.value().isEmpty()) {
        // No endpoint: can the base URL be reached with the credential?
        spec.serviceId = service.value().id;
        spec.method = QStringLiteral("GET");
        spec.baseUrl = QUrl(service.value().baseUrl);
        spec.timeoutMs = service.value().timeoutMs;
        label = QStringLiteral("GET /");
    } else {
        // The engine's way to the endpoint: removed ones are ENDPOINT_NOT_FOUND.
        HM_TRY(resolved, directory.endpoint(service.value().id, endpointId.value()));
        spec = resolved.value();
        label = spec.method + u' ' + spec.path;
    }
    const DeferredReply reply = c.defer();
    const auth::ClientInfo client = auth::clientInfo(c);
    const external::ServiceRow row = service.value();
    const QString endpoint = endpointId.value();
    caller.call(spec, input,
                [reply, &auth, p, client, row, endpoint, label](Result<QJsonObject> outcome) {
                    if (!outcome)
                        return reply.send(ApiReply::failure(outcome.error()));
                    QJsonObject details{{QStringLiteral("endpoint"), label},
                                        {QStringLiteral("success"),
                                         outcome.value().value(QStringLiteral("success"))}};
                    if (!endpoint.isEmpty())
                        details.insert(QStringLiteral("endpoint_id"), endpoint);
                    if (outcome.value().contains(QStringLiteral("http_status")))
                        details.insert(QStringLiteral("http_status"),
                                       outcome.value().value(QStringLiteral("http_status")));
                    auth::auditAction(auth.db, client, p.userId, QStringLiteral("SERVICE_TESTED"),
                                      kServiceResource, row.id, serviceDetails(row, details));
                    reply.send(ApiReply::ok(outcome.value()));
                });
    return ApiReply::deferred();
}

const QString kServicesTag = QStringLiteral("Services");

QJsonObject anyObject(const QString &description = {})
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("object")}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    return o;
}

QJsonObject serviceSchema()
{
    return object(
        {{QStringLiteral("id"), string()},
         {QStringLiteral("name"), string()},
         {QStringLiteral("display_name"), string()},
         {QStringLiteral("description"), nullable(string())},
         {QStringLiteral("base_url"), string()},
         {QStringLiteral("protocol"),
          enumOf({QStringLiteral("REST"), QStringLiteral("GraphQL"), QStringLiteral("gRPC")})},
         {QStringLiteral("schema_url"), nullable(string())},
         {QStringLiteral("schema_source"), nullable(string())},
         {QStringLiteral("schema"),
          nullable(object({{QStringLiteral("spec_version"), string()},
                           {QStringLiteral("title"), string()},
                           {QStringLiteral("version"), string()},
                           {QStringLiteral("servers"), arrayOf(string())},
                           {QStringLiteral("security_schemes"), anyObject()}}))},
         {QStringLiteral("credential_id"), nullable(string())},
         {QStringLiteral("timeout_ms"), integer()},
         {QStringLiteral("status"),
          enumOf({QStringLiteral("active"), QStringLiteral("inactive"), QStringLiteral("error")})},
         {QStringLiteral("endpoint_count"), integer(QStringLiteral("active endpoints"))},
         {QStringLiteral("created_by"), string()},
         {QStringLiteral("created_by_name"), nullable(string())},
         {QStringLiteral("created_at"), string()},
         {QStringLiteral("updated_at"), string()},
         {QStringLiteral("schema_refreshed_at"), nullable(string())}},
        {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("base_url"),
         QStringLiteral("status"), QStringLiteral("endpoint_count")});
}

QJsonObject endpointProperties(bool stored)
{
    QJsonObject p{
        {QStringLiteral("name"), string()},
        {QStringLiteral("operation_id"), nullable(string())},
        {QStringLiteral("summary"), nullable(string())},
        {QStringLiteral("description"), nullable(string())},
        {QStringLiteral("method"), string()},
        {QStringLiteral("path"), string()},
        {QStringLiteral("parameters"),
         arrayOf(object(
             {{QStringLiteral("name"), string()},
              {QStringLiteral("in"), enumOf({QStringLiteral("path"), QStringLiteral("query"),
                                             QStringLiteral("header"), QStringLiteral("cookie")})},
              {QStringLiteral("required"), boolean()},
              {QStringLiteral("schema"), anyObject()}},
             {QStringLiteral("name"), QStringLiteral("in")}))},
        {QStringLiteral("path_params"), anyObject(QStringLiteral("JSON Schema"))},
        {QStringLiteral("query_params"), anyObject(QStringLiteral("JSON Schema"))},
        {QStringLiteral("request_body"), nullable(anyObject(QStringLiteral("JSON Schema")))},
        {QStringLiteral("request_content_type"), nullable(string())},
        {QStringLiteral("responses"), arrayOf(anyObject())},
        {QStringLiteral("tags"), arrayOf(string())},
        {QStringLiteral("source"), enumOf({QStringLiteral("document"), QStringLiteral("manual")})},
        {QStringLiteral("status"), enumOf({QStringLiteral("active"), QStringLiteral("removed")})},
        {QStringLiteral("enabled"), boolean()}};
    if (stored) {
        p.insert(QStringLiteral("id"), string());
        p.insert(QStringLiteral("service_id"), string());
        p.insert(QStringLiteral("created_at"), string());
        p.insert(QStringLiteral("updated_at"), string());
        p.insert(QStringLiteral("removed_at"), nullable(string()));
    }
    return p;
}

QJsonObject endpointSchema(bool stored = true)
{
    QStringList required{QStringLiteral("name"), QStringLiteral("method"), QStringLiteral("path"),
                         QStringLiteral("status")};
    if (stored)
        required.prepend(QStringLiteral("id"));
    return object(endpointProperties(stored), required);
}

QJsonObject serviceDetailSchema()
{
    QJsonObject s = serviceSchema();
    QJsonObject properties = s.value(QStringLiteral("properties")).toObject();
    properties.insert(QStringLiteral("endpoints"), arrayOf(endpointSchema()));
    s.insert(QStringLiteral("properties"), properties);
    return s;
}

QJsonObject manualEndpointRequest()
{
    return object(
        {{QStringLiteral("name"), string()},
         {QStringLiteral("description"), string()},
         {QStringLiteral("method"),
          enumOf({QStringLiteral("GET"), QStringLiteral("PUT"), QStringLiteral("POST"),
                  QStringLiteral("DELETE"), QStringLiteral("OPTIONS"), QStringLiteral("HEAD"),
                  QStringLiteral("PATCH"), QStringLiteral("TRACE")})},
         {QStringLiteral("path"), string(QStringLiteral("path template, e.g. /users/{id}"))},
         {QStringLiteral("parameters"), arrayOf(anyObject())},
         {QStringLiteral("path_params"), anyObject(QStringLiteral("JSON Schema (pathParams)"))},
         {QStringLiteral("query_params"), anyObject(QStringLiteral("JSON Schema (queryParams)"))},
         {QStringLiteral("header_params"), anyObject(QStringLiteral("JSON Schema"))},
         {QStringLiteral("request_body"), anyObject(QStringLiteral("JSON Schema (requestBody)"))},
         {QStringLiteral("request_content_type"), string()},
         {QStringLiteral("response_schema"),
          anyObject(QStringLiteral("JSON Schema (responseSchema)"))},
         {QStringLiteral("tags"), arrayOf(string())}},
        {QStringLiteral("method"), QStringLiteral("path")});
}

} // namespace

void registerServiceRoutes(ApiRouter &router, auth::AuthModule &auth, ServiceCatalog &catalog,
                           ServiceDirectory &directory)
{
    auto *fetcher = new external::SchemaFetcher(&router);
    fetcher->setOutboundPolicy(outbound::OutboundPolicy(&auth.db));
    auto *caller = new external::ServiceCaller(directory, &router);
    const QList<ErrorCode> fetchErrors{ErrorCode::ServiceUnavailable, ErrorCode::SchemaParseError};

    RouteDoc createDoc =
        routeDoc(kServicesTag,
                 QStringLiteral("Register an external service: its OpenAPI document is given as "
                                "text (document), read from schema_url, or found at the usual "
                                "paths under base_url, unless endpoints are given by hand"),
                 {ErrorCode::ResourceAlreadyExists, ErrorCode::ServiceUnavailable,
                  ErrorCode::SchemaParseError, ErrorCode::CredentialNotFound,
                  ErrorCode::CredentialAccessDenied, ErrorCode::InvalidCredentialType})
            .status(201);
    createDoc.requestSchema = object(
        {{QStringLiteral("name"), string(QStringLiteral("unique, e.g. user-service"))},
         {QStringLiteral("display_name"), string()},
         {QStringLiteral("description"), nullable(string())},
         {QStringLiteral("base_url"), string(QStringLiteral("absolute http or https URL"))},
         {QStringLiteral("protocol"), enumOf({QStringLiteral("REST")})},
         {QStringLiteral("schema_url"),
          string(QStringLiteral("path under base_url (e.g. /v3/api-docs) or absolute http or "
                                "https URL; no other scheme (VALIDATION_ERROR, reason SCHEME)"))},
         {QStringLiteral("document"),
          string(QStringLiteral("the OpenAPI document's text (JSON or YAML, at most 16 MiB), "
                                "e.g. a local file; instead of schema_url"))},
         {QStringLiteral("credential_id"), nullable(string())},
         {QStringLiteral("timeout_ms"), integer(QStringLiteral("100 to 300000, default 30000"))},
         {QStringLiteral("endpoints"), arrayOf(manualEndpointRequest())}},
        {QStringLiteral("name"), QStringLiteral("base_url")});
    createDoc.responseSchema = serviceDetailSchema();
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/services"), Role::User,
        [&auth, &catalog, fetcher](const RequestContext &c, const Principal &p) {
            return registerService(auth, catalog, *fetcher, c, p);
        },
        std::move(createDoc));

    RouteDoc previewDoc = routeDoc(
        kServicesTag,
        QStringLiteral("Read a service's OpenAPI document (given as text, from schema_url, or at "
                       "the usual paths) and show its endpoints without storing anything"),
        fetchErrors);
    previewDoc.requestSchema = object(
        {{QStringLiteral("base_url"), string(QStringLiteral("absolute http or https URL"))},
         {QStringLiteral("schema_url"),
          string(QStringLiteral("path under base_url or absolute http or https URL; no other "
                                "scheme (VALIDATION_ERROR, reason SCHEME)"))},
         {QStringLiteral("document"),
          string(QStringLiteral("the OpenAPI document's text (JSON or YAML, at most 16 MiB), "
                                "e.g. a local file; instead of schema_url"))}},
        {QStringLiteral("base_url")});
    previewDoc.responseSchema =
        object({{QStringLiteral("schema_source"),
                 nullable(string(QStringLiteral("null for a document given as text")))},
                {QStringLiteral("schema"), anyObject()},
                {QStringLiteral("endpoint_count"), integer()},
                {QStringLiteral("endpoints"), arrayOf(endpointSchema(false))}},
               {QStringLiteral("schema_source"), QStringLiteral("endpoints")});
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/services/preview"), Role::User,
        [fetcher](const RequestContext &c, const Principal &) {
            return previewService(*fetcher, c);
        },
        std::move(previewDoc));
    router.setMaxBodyBytes(Method::Post, QStringLiteral("/api/v1/services"), kMaxDocumentBody);
    router.setMaxBodyBytes(Method::Post, QStringLiteral("/api/v1/services/preview"),
                           kMaxDocumentBody);

    RouteDoc listDoc = routeDoc(kServicesTag, QStringLiteral("External services, by name"));
    listDoc.queryParameters = paging();
    listDoc.queryParameters.append(query(QStringLiteral("search"), string(),
                                         QStringLiteral("Part of the name or display name")));
    listDoc.queryParameters.append(query(
        QStringLiteral("status"),
        enumOf({QStringLiteral("active"), QStringLiteral("inactive"), QStringLiteral("error")})));
    listDoc.responseSchema = object({{QStringLiteral("items"), arrayOf(serviceSchema())},
                                     {QStringLiteral("pagination"), pagination()}});
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/services"), Role::Viewer,
        [&auth](const RequestContext &c, const Principal &) { return listServices(auth, c); },
        std::move(listDoc));

    RouteDoc getDoc = routeDoc(
        kServicesTag,
        QStringLiteral("One external service with all its endpoints (removed ones included)"),
        {ErrorCode::ServiceNotFound});
    getDoc.responseSchema = serviceDetailSchema();
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/services/{id}"), Role::Viewer,
        [&catalog](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(row, catalog.get(c.pathArgs.at(0)));
            HM_TRY(detail, serviceDetail(catalog, row.value()));
            return ApiReply::ok(detail.value());
        },
        std::move(getDoc));

    RouteDoc updateDoc = routeDoc(
        kServicesTag,
        QStringLiteral("Change a service (who registered it or an administrator); credential_id "
                       "null unlinks the credential"),
        {ErrorCode::ServiceNotFound, ErrorCode::Forbidden, ErrorCode::CredentialNotFound,
         ErrorCode::CredentialAccessDenied, ErrorCode::InvalidCredentialType});
    updateDoc.requestSchema =
        object({{QStringLiteral("display_name"), string()},
                {QStringLiteral("description"), nullable(string())},
                {QStringLiteral("base_url"), string()},
                {QStringLiteral("schema_url"), nullable(string())},
                {QStringLiteral("credential_id"), nullable(string())},
                {QStringLiteral("timeout_ms"), integer()},
                {QStringLiteral("status"),
                 enumOf({QStringLiteral("active"), QStringLiteral("inactive")})}});
    updateDoc.responseSchema = serviceDetailSchema();
    auth::addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/services/{id}"), Role::User,
        [&auth, &catalog](const RequestContext &c, const Principal &p) {
            return updateService(auth, catalog, c, p);
        },
        std::move(updateDoc));

    RouteDoc deleteDoc = routeDoc(
        kServicesTag, QStringLiteral("Delete a service and its endpoints (unlinks its credential)"),
        {ErrorCode::ServiceNotFound, ErrorCode::Forbidden});
    deleteDoc.responseSchema =
        object({{QStringLiteral("id"), string()}, {QStringLiteral("deleted"), boolean()}});
    auth::addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/v1/services/{id}"), Role::User,
        [&auth, &catalog](const RequestContext &c, const Principal &p) {
            return deleteService(auth, catalog, c, p);
        },
        std::move(deleteDoc));

    RouteDoc endpointsDoc =
        routeDoc(kServicesTag, QStringLiteral("A service's endpoints, by path and method"),
                 {ErrorCode::ServiceNotFound});
    endpointsDoc.queryParameters.append(
        query(QStringLiteral("status"),
              enumOf({QStringLiteral("active"), QStringLiteral("removed"), QStringLiteral("all")}),
              QStringLiteral("default all")));
    endpointsDoc.responseSchema = object({{QStringLiteral("items"), arrayOf(endpointSchema())}});
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/services/{id}/endpoints"), Role::Viewer,
        [&catalog](const RequestContext &c, const Principal &) {
            return listEndpoints(catalog, c);
        },
        std::move(endpointsDoc));

    RouteDoc addDoc =
        routeDoc(
            kServicesTag,
            QStringLiteral("Add an endpoint by hand (services without an OpenAPI document)"),
            {ErrorCode::ServiceNotFound, ErrorCode::Forbidden, ErrorCode::ResourceAlreadyExists})
            .status(201);
    addDoc.requestSchema = manualEndpointRequest();
    addDoc.responseSchema = endpointSchema();
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/services/{id}/endpoints"), Role::User,
        [&auth, &catalog](const RequestContext &c, const Principal &p) {
            return addEndpoint(auth, catalog, c, p);
        },
        std::move(addDoc));

    RouteDoc removeDoc =
        routeDoc(kServicesTag, QStringLiteral("Delete one endpoint of a service"),
                 {ErrorCode::ServiceNotFound, ErrorCode::Forbidden, ErrorCode::EndpointNotFound});
    removeDoc.responseSchema =
        object({{QStringLiteral("id"), string()}, {QStringLiteral("deleted"), boolean()}});
    auth::addProtectedRoute(
        router, auth, Method::Delete,
        QStringLiteral("/api/v1/services/{id}/endpoints/{endpointId}"), Role::User,
        [&auth, &catalog](const RequestContext &c, const Principal &p) {
            return deleteEndpoint(auth, catalog, c, p);
        },
        std::move(removeDoc));

    RouteDoc interfaceDoc = routeDoc(
        kServicesTag,
        QStringLiteral("The interface of a service node calling this endpoint (config "
                       "{serviceId, endpointId}): one input per parameter with its type, body "
                       "when the endpoint takes one, outputs status, headers and body; as the "
                       "engine checks and runs the node"),
        {ErrorCode::ServiceNotFound, ErrorCode::EndpointNotFound, ErrorCode::ServiceUnavailable});
    interfaceDoc.responseSchema = object({{QStringLiteral("name"), string()},
                                          {QStringLiteral("version"), string()},
                                          {QStringLiteral("inputs"), arrayOf(anyObject())},
                                          {QStringLiteral("outputs"), arrayOf(anyObject())},
                                          {QStringLiteral("configSchema"), anyObject()},
                                          {QStringLiteral("outputHandles"), arrayOf(string())}},
                                         {QStringLiteral("name"), QStringLiteral("version"),
                                          QStringLiteral("inputs"), QStringLiteral("outputs")});
    auth::addProtectedRoute(
        router, auth, Method::Get,
        QStringLiteral("/api/v1/services/{id}/endpoints/{endpointId}/interface"), Role::Viewer,
        [&directory](const RequestContext &c, const Principal &) {
            return endpointInterface(directory, c);
        },
        std::move(interfaceDoc));

    QList<ErrorCode> refreshErrors = fetchErrors;
    refreshErrors += {ErrorCode::ServiceNotFound, ErrorCode::Forbidden};
    RouteDoc refreshDoc = routeDoc(
        kServicesTag,
        QStringLiteral("Read the service's OpenAPI document again and show how its endpoints "
                       "changed; stored unless dry_run (removed endpoints are kept as removed)"),
        refreshErrors);
    refreshDoc.requestSchema = object({{QStringLiteral("dry_run"), boolean()}});
    refreshDoc.responseSchema =
        object({{QStringLiteral("applied"), boolean()},
                {QStringLiteral("message"), string()},
                {QStringLiteral("schema_source"), string()},
                {QStringLiteral("added_endpoints"), integer()},
                {QStringLiteral("updated_endpoints"), integer()},
                {QStringLiteral("removed_endpoints"), integer()},
                {QStringLiteral("unchanged_endpoints"), integer()},
                {QStringLiteral("diff"), object({{QStringLiteral("added"), arrayOf(anyObject())},
                                                 {QStringLiteral("removed"), arrayOf(anyObject())},
                                                 {QStringLiteral("changed"), arrayOf(anyObject())},
                                                 {QStringLiteral("unchanged"), integer()}})},
                {QStringLiteral("service"), serviceSchema()}},
               {QStringLiteral("applied"), QStringLiteral("diff")});
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/services/{id}/refresh-schema"),
        Role::User,
        [&auth, &catalog, fetcher](const RequestContext &c, const Principal &p) {
            return refreshSchema(auth, catalog, *fetcher, c, p);
        },
        std::move(refreshDoc));

    RouteDoc testDoc = routeDoc(
        kServicesTag,
        QStringLiteral("Call one endpoint (or GET the base URL) with the parameters given and the "
                       "linked credential injected; the service's answer, bounded, secrets "
                       "masked"),
        {ErrorCode::ServiceNotFound, ErrorCode::EndpointNotFound, ErrorCode::ServiceUnavailable,
         ErrorCode::DecryptionError});
    testDoc.requestSchema = object(
        {{QStringLiteral("endpoint_id"), string(QStringLiteral("none: GET the base URL"))},
         {QStringLiteral("parameters"), object({{QStringLiteral("path"), anyObject()},
                                                {QStringLiteral("query"), anyObject()},
                                                {QStringLiteral("header"), anyObject()}})},
         {QStringLiteral("body"), QJsonObject{{QStringLiteral("description"),
                                               QStringLiteral("the request body, any JSON")}}}});
    testDoc.responseSchema = object(
        {{QStringLiteral("success"), boolean()},
         {QStringLiteral("http_status"), integer()},
         {QStringLiteral("headers"), arrayOf(object({{QStringLiteral("name"), string()},
                                                     {QStringLiteral("value"), string()}}))},
         {QStringLiteral("content_type"), string()},
         {QStringLiteral("body"), string(QStringLiteral("the first 64 KiB"))},
         {QStringLiteral("body_truncated"), boolean()},
         {QStringLiteral("duration_ms"), integer()},
         {QStringLiteral("auth_refreshed"), boolean()},
         {QStringLiteral("request"),
          object({{QStringLiteral("method"), string()}, {QStringLiteral("url"), string()}})},
         {QStringLiteral("error"),
          object({{QStringLiteral("code"), string()}, {QStringLiteral("message"), string()}})}},
        {QStringLiteral("success")});
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/services/{id}/test"), Role::User,
        [&auth, &catalog, &directory, caller](const RequestContext &c, const Principal &p) {
            return testService(auth, catalog, directory, *caller, c, p);
        },
        std::move(testDoc));
}

} // namespace hm::server
