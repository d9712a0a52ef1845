#pragma once

// External services (/services, seed 003 §7.4, §15; docs/services.md): REST
// services registered by base URL, their endpoints imported from an OpenAPI
// document (or added by hand), the document read again with a diff, and a
// test call of one endpoint with the linked credential injected.

#include "client/ApiTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace hm::client {

class ApiClient;

struct ServiceEndpoint
{
    QString id; // empty in a preview
    QString serviceId;
    QString name;
    QString operationId;
    QString summary;
    QString description;
    QString method;
    QString path;
    QJsonArray parameters;  // [{name, in, required, schema, description?}]
    QJsonValue requestBody; // JSON Schema of the body, null without one
    QString requestContentType;
    QJsonArray responses; // [{status, description, content [{contentType, schema}]}]
    QStringList tags;
    QString source; // "document" / "manual"
    QString status; // "active" / "removed"
    bool enabled = true;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime removedAt;

    bool isRemoved() const { return status == QLatin1String("removed"); }
};

struct ServiceInfo
{
    QString id;
    QString name;
    QString displayName;
    QString description;
    QString baseUrl;
    QString protocol;
    QString schemaUrl;    // as given (empty: probe)
    QString schemaSource; // where the document was last read from
    QJsonObject schema;   // {spec_version, title, version, servers, security_schemes}
    QString credentialId;
    int timeoutMs = 0;
    QString status;        // active / inactive / error
    int endpointCount = 0; // active endpoints
    QString createdBy;
    QString createdByName;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime schemaRefreshedAt;
    // Only in the answers of get, register and update (all of them,
    // removed ones included).
    QList<ServiceEndpoint> endpoints;
};

struct ServiceFilter
{
    QString search; // part of the name or display name
    QString status; // empty = all
    PageRequest page;
};

struct NewService
{
    QString name;
    QString displayName;
    QString description;
    QString baseUrl;
    QString schemaUrl; // empty: the server probes the usual paths
    // The OpenAPI document's text (a local file read by the console), sent
    // instead of a schema URL: the server never reads local files.
    QString document;
    QString credentialId; // empty: none
    int timeoutMs = 0;    // 0: the server's default
    // Given (even empty): nothing is fetched, these are the endpoints.
    std::optional<QJsonArray> endpoints;
};

// POST /services/preview: what registering would import.
struct ServicePreview
{
    QString schemaSource;
    QJsonObject schema;
    int endpointCount = 0;
    QList<ServiceEndpoint> endpoints;
};

struct EndpointChange
{
    QString method;
    QString path;
    QString name;
    QStringList fields;  // changed only
    QStringList details; // changed only
};

// POST /services/{id}/refresh-schema.
struct SchemaRefresh
{
    bool applied = false;
    QString message;
    QString schemaSource;
    QList<EndpointChange> added;
    QList<EndpointChange> changed;
    QList<EndpointChange> removed;
    int unchanged = 0;
    ServiceInfo service; // without endpoints
};

struct ServiceCallInput
{
    QString endpointId; // empty: GET the base URL
    QJsonObject path;
    QJsonObject query;
    QJsonObject header;
    QJsonValue body = QJsonValue::Undefined; // undefined: none
};

// POST /services/{id}/test: the service's answer.
struct ServiceCallResult
{
    bool success = false;
    int httpStatus = 0; // 0 without an HTTP answer
    QList<QPair<QString, QString>> headers;
    QString contentType;
    QString body;
    bool bodyTruncated = false;
    qint64 durationMs = 0;
    bool authRefreshed = false;
    QString requestMethod;
    QString requestUrl;
    QString errorCode; // when the service could not be reached
    QString errorMessage;
};

namespace json {
ServiceEndpoint serviceEndpoint(const QJsonObject &o);
ServiceInfo service(const QJsonObject &o);
ServicePreview servicePreview(const QJsonObject &o);
SchemaRefresh schemaRefresh(const QJsonObject &o);
ServiceCallResult serviceCall(const QJsonObject &o);
} // namespace json

// One active endpoint of an active service, as the palette lists it.
struct ServiceEndpointRef
{
    QString serviceId;
    QString serviceName; // display name, or the name
    QString endpointId;
    QString name;
    QString method;  // "GET", ...
    QString path;    // "/pets/{petId}"
    QString summary; // its summary, else the first line of its description
};

class ServicesApi
{
public:
    explicit ServicesApi(ApiClient &client) : m_client(client) {}

    // By name, a page at a time.
    void list(const ServiceFilter &filter, Callback<Page<ServiceInfo>> done);
    // The service with all its endpoints.
    void get(const QString &id, Callback<ServiceInfo> done);
    // Reads the document (schema URL or probing) unless endpoints are given;
    // SERVICE_UNAVAILABLE / SCHEMA_PARSE_ERROR with details.reason.
    void create(const NewService &service, Callback<ServiceInfo> done);
    // Nothing stored: where the document is and what it would import.
    void preview(const QString &baseUrl, const QString &schemaUrl, Callback<ServicePreview> done);
    // The same for a document given as its text (schemaSource is empty).
    void previewDocument(const QString &baseUrl, const QString &document,
                         Callback<ServicePreview> done);
    // Any of display_name, description, base_url, schema_url,
    // credential_id (null unlinks), timeout_ms, status.
    void update(const QString &id, const QJsonObject &changes, Callback<ServiceInfo> done);
    void remove(const QString &id, Callback<void> done);
    // status: "active", "removed" or empty (all).
    void endpoints(const QString &id, const QString &status, Callback<QList<ServiceEndpoint>> done);
    // The seed's manual endpoint: {method, path, name?, description?,
    // path_params?, query_params?, request_body?, ...}.
    void addEndpoint(const QString &id, const QJsonObject &endpoint,
                     Callback<ServiceEndpoint> done);
    void removeEndpoint(const QString &id, const QString &endpointId, Callback<void> done);
    void refreshSchema(const QString &id, bool dryRun, Callback<SchemaRefresh> done);
    void test(const QString &id, const ServiceCallInput &input, Callback<ServiceCallResult> done);

    // What the flow editor asks (docs/services.md, "The flow editor"):
    // every active service (by name, all pages) and its active, enabled
    // endpoints (by path, method), as the palette lists them.
    void paletteEndpoints(Callback<QList<ServiceEndpointRef>> done);
    // GET /api/v1/services/{id}/endpoints/{endpointId}/interface: the
    // component interface JSON ({name, version, inputs, outputs,
    // configSchema, outputHandles}) the engine gives a node with config
    // {serviceId, endpointId}.
    void endpointInterface(const QString &serviceId, const QString &endpointId,
                           Callback<QJsonObject> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
