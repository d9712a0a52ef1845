#include "client/ServicesApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"

#include <QUrlQuery>
#include <memory>

namespace hm::client {
namespace {

const QString kServices = QStringLiteral("/api/v1/services");

QString servicePath(const QString &id)
{
    return kServices + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

ServiceInfo readServiceAnswer(const ApiResponse &r)
{
    return json::service(r.data.toObject());
}

QList<EndpointChange> readChanges(const QJsonValue &value)
{
    QList<EndpointChange> out;
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject o = item.toObject();
        out.append({o.value(QStringLiteral("method")).toString(),
                    o.value(QStringLiteral("path")).toString(),
                    o.value(QStringLiteral("name")).toString(),
                    json::strings(o.value(QStringLiteral("fields"))),
                    json::strings(o.value(QStringLiteral("details")))});
    }
    return out;
}

} // namespace

namespace json {

ServiceEndpoint serviceEndpoint(const QJsonObject &o)
{
    ServiceEndpoint e;
    e.id = o.value(QStringLiteral("id")).toString();
    e.serviceId = o.value(QStringLiteral("service_id")).toString();
    e.name = o.value(QStringLiteral("name")).toString();
    e.operationId = o.value(QStringLiteral("operation_id")).toString();
    e.summary = o.value(QStringLiteral("summary")).toString();
    e.description = o.value(QStringLiteral("description")).toString();
    e.method = o.value(QStringLiteral("method")).toString();
    e.path = o.value(QStringLiteral("path")).toString();
    e.parameters = o.value(QStringLiteral("parameters")).toArray();
    e.requestBody = o.value(QStringLiteral("request_body"));
    if (e.requestBody.isUndefined())
        e.requestBody = QJsonValue();
    e.requestContentType = o.value(QStringLiteral("request_content_type")).toString();
    e.responses = o.value(QStringLiteral("responses")).toArray();
    e.tags = strings(o.value(QStringLiteral("tags")));
    e.source = o.value(QStringLiteral("source")).toString();
    e.status = o.value(QStringLiteral("status")).toString(QStringLiteral("active"));
    e.enabled = o.value(QStringLiteral("enabled")).toBool(true);
    e.createdAt = time(o.value(QStringLiteral("created_at")));
    e.updatedAt = time(o.value(QStringLiteral("updated_at")));
    e.removedAt = time(o.value(QStringLiteral("removed_at")));
    return e;
}

ServiceInfo service(const QJsonObject &o)
{
    ServiceInfo s;
    s.id = o.value(QStringLiteral("id")).toString();
    s.name = o.value(QStringLiteral("name")).toString();
    s.displayName = o.value(QStringLiteral("display_name")).toString();
    s.description = o.value(QStringLiteral("description")).toString();
    s.baseUrl = o.value(QStringLiteral("base_url")).toString();
    s.protocol = o.value(QStringLiteral("protocol")).toString();
    s.schemaUrl = o.value(QStringLiteral("schema_url")).toString();
    s.schemaSource = o.value(QStringLiteral("schema_source")).toString();
    s.schema = o.value(QStringLiteral("schema")).toObject();
    s.credentialId = o.value(QStringLiteral("credential_id")).toString();
    s.timeoutMs = o.value(QStringLiteral("timeout_ms")).toInt();
    s.status = o.value(QStringLiteral("status")).toString();
    s.endpointCount = o.value(QStringLiteral("endpoint_count")).toInt();
    s.createdBy = o.value(QStringLiteral("created_by")).toString();
    s.createdByName = o.value(QStringLiteral("created_by_name")).toString();
    s.createdAt = time(o.value(QStringLiteral("created_at")));
    s.updatedAt = time(o.value(QStringLiteral("updated_at")));
    s.schemaRefreshedAt = time(o.value(QStringLiteral("schema_refreshed_at")));
    s.endpoints =
        list<ServiceEndpoint>(o.value(QStringLiteral("endpoints")).toArray(), serviceEndpoint);
    return s;
}

ServicePreview servicePreview(const QJsonObject &o)
{
    ServicePreview p;
    p.schemaSource = o.value(QStringLiteral("schema_source")).toString();
    p.schema = o.value(QStringLiteral("schema")).toObject();
    p.endpoints =
        list<ServiceEndpoint>(o.value(QStringLiteral("endpoints")).toArray(), serviceEndpoint);
    p.endpointCount = o.value(QStringLiteral("endpoint_count")).toInt(int(p.endpoints.size()));
    return p;
}

SchemaRefresh schemaRefresh(const QJsonObject &o)
{
    SchemaRefresh r;
    r.applied = o.value(QStringLiteral("applied")).toBool();
    r.message = o.value(QStringLiteral("message")).toString();
    r.schemaSource = o.value(QStringLiteral("schema_source")).toString();
    const QJsonObject diff = o.value(QStringLiteral("diff")).toObject();
    r.added = readChanges(diff.value(QStringLiteral("added")));
    r.changed = readChanges(diff.value(QStringLiteral("changed")));
    r.removed = readChanges(diff.value(QStringLiteral("removed")));
    r.unchanged = diff.value(QStringLiteral("unchanged"))
                      .toInt(o.value(QStringLiteral("unchanged_endpoints")).toInt());
    r.service = service(o.value(QStringLiteral("service")).toObject());
    return r;
}

ServiceCallResult serviceCall(const QJsonObject &o)
{
    ServiceCallResult c;
    c.success = o.value(QStringLiteral("success")).toBool();
    c.httpStatus = o.value(QStringLiteral("http_status")).toInt();
    for (const QJsonValue &h : o.value(QStringLiteral("headers")).toArray()) {
        const QJsonObject header = h.toObject();
        c.headers.append({header.value(QStringLiteral("name")).toString(),
                          header.value(QStringLiteral("value")).toString()});
    }
    c.contentType = o.value(QStringLiteral("content_type")).toString();
    c.body = o.value(QStringLiteral("body")).toString();
    c.bodyTruncated = o.value(QStringLiteral("body_truncated")).toBool();
    c.durationMs = o.value(QStringLiteral("duration_ms")).toInteger();
    c.authRefreshed = o.value(QStringLiteral("auth_refreshed")).toBool();
    const QJsonObject request = o.value(QStringLiteral("request")).toObject();
    c.requestMethod = request.value(QStringLiteral("method")).toString();
    c.requestUrl = request.value(QStringLiteral("url")).toString();
    const QJsonObject error = o.value(QStringLiteral("error")).toObject();
    c.errorCode = error.value(QStringLiteral("code")).toString();
    c.errorMessage = error.value(QStringLiteral("message")).toString();
    return c;
}

} // namespace json

void ServicesApi::list(const ServiceFilter &filter, Callback<Page<ServiceInfo>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    addIfSet(query, QStringLiteral("search"), filter.search);
    addIfSet(query, QStringLiteral("status"), filter.status);
    m_client.call<Page<ServiceInfo>>(
        ApiRequest::get(kServices, query),
        [](const ApiResponse &r) {
            return json::page<ServiceInfo>(r.data.toObject(), QStringLiteral("items"),
                                           json::service);
        },
        std::move(done));
}

void ServicesApi::get(const QString &id, Callback<ServiceInfo> done)
{
    m_client.call<ServiceInfo>(ApiRequest::get(servicePath(id)), readServiceAnswer,
                               std::move(done));
}

void ServicesApi::create(const NewService &service, Callback<ServiceInfo> done)
{
    QJsonObject body{{QStringLiteral("name"), service.name},
                     {QStringLiteral("base_url"), service.baseUrl}};
    if (!service.displayName.isEmpty())
        body.insert(QStringLiteral("display_name"), service.displayName);
    if (!service.description.isEmpty())
        body.insert(QStringLiteral("description"), service.description);
    if (!service.schemaUrl.isEmpty())
        body.insert(QStringLiteral("schema_url"), service.schemaUrl);
    if (!service.document.isEmpty())
        body.insert(QStringLiteral("document"), service.document);
    if (!service.credentialId.isEmpty())
        body.insert(QStringLiteral("credential_id"), service.credentialId);
    if (service.timeoutMs > 0)
        body.insert(QStringLiteral("timeout_ms"), service.timeoutMs);
    if (service.endpoints)
        body.insert(QStringLiteral("endpoints"), *service.endpoints);
    m_client.call<ServiceInfo>(ApiRequest::post(kServices, body), readServiceAnswer,
                               std::move(done));
}

void ServicesApi::preview(const QString &baseUrl, const QString &schemaUrl,
                          Callback<ServicePreview> done)
{
    QJsonObject body{{QStringLiteral("base_url"), baseUrl}};
    if (!schemaUrl.isEmpty())
        body.insert(QStringLiteral("schema_url"), schemaUrl);
    m_client.call<ServicePreview>(
        ApiRequest::post(kServices + QStringLiteral("/preview"), body),
        [](const ApiResponse &r) { return json::servicePreview(r.data.toObject()); },
        std::move(done));
}

void ServicesApi::previewDocument(const QString &baseUrl, const QString &document,
                                  Callback<ServicePreview> done)
{
    const QJsonObject body{{QStringLiteral("base_url"), baseUrl},
                           {QStringLiteral("document"), document}};
    m_client.call<ServicePreview>(
        ApiRequest::post(kServices + QStringLiteral("/preview"), body),
        [](const ApiResponse &r) { return json::servicePreview(r.data.toObject()); },
        std::move(done));
}

void ServicesApi::update(const QString &id, const QJsonObject &changes, Callback<ServiceInfo> done)
{
    m_client.call<ServiceInfo>(ApiRequest::put(servicePath(id), changes), readServiceAnswer,
                               std::move(done));
}

void ServicesApi::remove(const QString &id, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(servicePath(id)), [](const ApiResponse &) { return Status(); },
        std::move(done));
}

void ServicesApi::endpoints(const QString &id, const QString &status,
                            Callback<QList<ServiceEndpoint>> done)
{
    QUrlQuery query;
    addIfSet(query, QStringLiteral("status"), status.isEmpty() ? QStringLiteral("all") : status);
    m_client.call<QList<ServiceEndpoint>>(
        ApiRequest::get(servicePath(id) + QStringLiteral("/endpoints"), query),
        [](const ApiResponse &r) {
            return json::list<ServiceEndpoint>(
                r.data.toObject().value(QStringLiteral("items")).toArray(), json::serviceEndpoint);
        },
        std::move(done));
}

void ServicesApi::addEndpoint(const QString &id, const QJsonObject &endpoint,
                              Callback<ServiceEndpoint> done)
{
    m_client.call<ServiceEndpoint>(
        ApiRequest::post(servicePath(id) + QStringLiteral("/endpoints"), endpoint),
        [](const ApiResponse &r) { return json::serviceEndpoint(r.data.toObject()); },
        std::move(done));
}

void ServicesApi::removeEndpoint(const QString &id, const QString &endpointId, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(servicePath(id) + QStringLiteral("/endpoints/") +
                        QString::fromLatin1(QUrl::toPercentEncoding(endpointId))),
        [](const ApiResponse &) { return Status(); }, std::move(done));
}

void ServicesApi::refreshSchema(const QString &id, bool dryRun, Callback<SchemaRefresh> done)
{
    m_client.call<SchemaRefresh>(
        ApiRequest::post(servicePath(id) + QStringLiteral("/refresh-schema"),
                         QJsonObject{{QStringLiteral("dry_run"), dryRun}}),
        [](const ApiResponse &r) { return json::schemaRefresh(r.data.toObject()); },
        std::move(done));
}

void ServicesApi::test(const QString &id, const ServiceCallInput &input,
                       Callback<ServiceCallResult> done)
{
    QJsonObject body;
    if (!input.endpointId.isEmpty())
        body.insert(QStringLiteral("endpoint_id"), input.endpointId);
    QJsonObject parameters;
    if (!input.path.isEmpty())
        parameters.insert(QStringLiteral("path"), input.path);
    if (!input.query.isEmpty())
        parameters.insert(QStringLiteral("query"), input.query);
    if (!input.header.isEmpty())
        parameters.insert(QStringLiteral("header"), input.header);
    if (!parameters.isEmpty())
        body.insert(QStringLiteral("parameters"), parameters);
    if (!input.body.isUndefined())
        body.insert(QStringLiteral("body"), input.body);
    m_client.call<ServiceCallResult>(
        ApiRequest::post(servicePath(id) + QStringLiteral("/test"), body),
        [](const ApiResponse &r) { return json::serviceCall(r.data.toObject()); }, std::move(done));
}

// --- the flow editor's calls ---------------------------------------------

namespace serviceinterface_detail {

struct ServicePage
{
    QList<QPair<QString, QString>> services; // id, shown name
    bool hasNext = false;
};

// Gathers the pages of services, then each one's endpoints, one request
// after the other (a handful of services; the palette fills once).
struct PaletteFetch : std::enable_shared_from_this<PaletteFetch>
{
    ApiClient *client = nullptr;
    Callback<QList<ServiceEndpointRef>> done;
    QList<QPair<QString, QString>> services;
    QList<ServiceEndpointRef> endpoints;
    int page = 1;
    int next = 0;

    void fetchPage()
    {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("page"), QString::number(page));
        query.addQueryItem(QStringLiteral("size"), QStringLiteral("100"));
        query.addQueryItem(QStringLiteral("status"), QStringLiteral("active"));
        auto self = shared_from_this();
        client->call<ServicePage>(
            ApiRequest::get(kServices, query),
            [](const ApiResponse &r) -> Result<ServicePage> {
                ServicePage p;
                const QJsonObject data = r.data.toObject();
                for (const QJsonValue v : data.value(QStringLiteral("items")).toArray()) {
                    const QJsonObject s = v.toObject();
                    QString shown = s.value(QStringLiteral("display_name")).toString();
                    if (shown.isEmpty())
                        shown = s.value(QStringLiteral("name")).toString();
                    p.services.append({s.value(QStringLiteral("id")).toString(), shown});
                }
                p.hasNext = data.value(QStringLiteral("pagination"))
                                .toObject()
                                .value(QStringLiteral("has_next"))
                                .toBool();
                return p;
            },
            [self](Result<ServicePage> r) {
                if (!r)
                    return self->done(r.error());
                self->services += r->services;
                if (r->hasNext && self->page < 50) {
                    ++self->page;
                    return self->fetchPage();
                }
                self->fetchEndpoints();
            });
    }

    void fetchEndpoints()
    {
        if (next >= services.size())
            return done(endpoints);
        const auto [id, shown] = services.at(next++);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("status"), QStringLiteral("active"));
        auto self = shared_from_this();
        client->call<QList<ServiceEndpointRef>>(
            ApiRequest::get(servicePath(id) + QStringLiteral("/endpoints"), query),
            [id, shown](const ApiResponse &r) -> Result<QList<ServiceEndpointRef>> {
                QList<ServiceEndpointRef> list;
                for (const QJsonValue v :
                     r.data.toObject().value(QStringLiteral("items")).toArray()) {
                    const QJsonObject e = v.toObject();
                    if (!e.value(QStringLiteral("enabled")).toBool(true))
                        continue;
                    // An endpoint entered by hand has a description only.
                    QString summary = e.value(QStringLiteral("summary")).toString();
                    if (summary.isEmpty())
                        summary = e.value(QStringLiteral("description")).toString();
                    list.append({id, shown, e.value(QStringLiteral("id")).toString(),
                                 e.value(QStringLiteral("name")).toString(),
                                 e.value(QStringLiteral("method")).toString(),
                                 e.value(QStringLiteral("path")).toString(),
                                 summary.section(QLatin1Char('\n'), 0, 0).trimmed()});
                }
                return list;
            },
            [self](Result<QList<ServiceEndpointRef>> r) {
                // A service deleted meanwhile leaves nothing to list.
                if (r)
                    self->endpoints += *r;
                self->fetchEndpoints();
            });
    }
};

} // namespace serviceinterface_detail

void ServicesApi::paletteEndpoints(Callback<QList<ServiceEndpointRef>> done)
{
    auto fetch = std::make_shared<serviceinterface_detail::PaletteFetch>();
    fetch->client = &m_client;
    fetch->done = std::move(done);
    fetch->fetchPage();
}

void ServicesApi::endpointInterface(const QString &serviceId, const QString &endpointId,
                                    Callback<QJsonObject> done)
{
    m_client.call<QJsonObject>(
        ApiRequest::get(servicePath(serviceId) + QStringLiteral("/endpoints/") +
                        QString::fromLatin1(QUrl::toPercentEncoding(endpointId)) +
                        QStringLiteral("/interface")),
        [](const ApiResponse &r) -> Result<QJsonObject> { return r.data.toObject(); },
        std::move(done));
}

} // namespace hm::client
