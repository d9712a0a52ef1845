#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace hm::openapi {

// Which specification a document follows.
enum class SpecVersion
{
    Swagger20,
    OpenApi30,
    OpenApi31,
};
QString specVersionName(SpecVersion version); // "2.0", "3.0", "3.1"

// One parameter of an endpoint, after path-level and operation-level
// parameters were merged (operation-level wins for the same name + in).
struct Parameter
{
    QString name;
    QString in; // path, query, header, cookie
    bool required = false;
    bool deprecated = false;
    QString description;
    QJsonObject schema; // resolved JSON Schema (Swagger 2.0: built from type, format, items, ...)
    QString style;      // as written; empty when absent
    bool explodeSet = false;
    bool explode = false;

    QJsonObject toJson() const;
    bool operator==(const Parameter &other) const = default;
};

// One media type of a request body or a response with its resolved schema.
struct MediaType
{
    QString contentType;
    QJsonValue schema; // undefined when the media type has none

    QJsonObject toJson() const;
    bool operator==(const MediaType &other) const = default;
};

struct RequestBody
{
    bool present = false;
    bool required = false;
    QString description;
    QList<MediaType> content; // in content-type order

    QJsonObject toJson() const;
    bool operator==(const RequestBody &other) const = default;
};

struct Response
{
    QString status; // "200", "4XX", "default"
    QString description;
    QList<MediaType> content;
    QJsonObject headers; // name -> resolved header object

    QJsonObject toJson() const;
    bool operator==(const Response &other) const = default;
};

// One operation: a method on a path.
struct Endpoint
{
    QString method; // upper case: GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH, TRACE
    QString path;   // as in the document, e.g. /pets/{petId}
    QString operationId;
    QString summary;
    QString description;
    QStringList tags;
    bool deprecated = false;
    QList<Parameter> parameters; // path-level then operation-level order, merged
    RequestBody requestBody;
    QList<Response> responses; // in status order as the document sorts
    // Security requirements that apply (the operation's own, else the
    // document's): a list of alternatives, each {scheme: [scopes]}. An empty
    // array with securityDeclared: explicitly none.
    QJsonArray security;
    bool securityDeclared = false;
    QStringList servers; // the operation's, else the path's, else the document's

    // "METHOD path": what identifies an endpoint in a service (seed 003
    // service_endpoints: unique (service_id, method, path)).
    QString key() const { return method + QLatin1Char(' ') + path; }
    // operationId, else summary, else "METHOD path".
    QString name() const;
    // JSON Schema {type: object, properties, required} of the parameters in
    // one place (path, query, header, cookie): service_endpoints.path_params
    // and query_params.
    QJsonObject parametersSchema(const QString &in) const;
    QJsonObject toJson() const;
    bool operator==(const Endpoint &other) const = default;
};

struct ImportedDocument
{
    SpecVersion version = SpecVersion::OpenApi30;
    QString versionText; // "2.0", "3.0.3", "3.1.0", ...
    QString title;
    QString apiVersion; // info.version
    QString description;
    QStringList servers;         // OpenAPI servers (variables at their defaults) or
                                 // Swagger scheme://host/basePath
    QJsonObject securitySchemes; // name -> resolved scheme (Swagger securityDefinitions)
    QList<Endpoint> endpoints;   // by path, then method in the order GET PUT POST DELETE
                                 // OPTIONS HEAD PATCH TRACE

    QJsonObject toJson() const;
};

} // namespace hm::openapi
