#pragma once

// The seam between the engine's "service" node (an endpoint of an external
// REST service imported from its OpenAPI document, seed 003 §15) and the
// server that stores services, endpoints and credentials. The engine never
// reads the store or the vault: it asks a ServiceResolver for the endpoint's
// description and for what to add to the request to authenticate it.
//
// The server implements it over its services table and the credential vault
// (server/services/external); tests may implement it over a fixed endpoint.

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>

namespace hm::engine {

// One parameter of an endpoint, as imported (core/openapi) or entered by hand.
struct ServiceParameter
{
    QString name;
    QString in;   // "path", "query", "header" or "cookie"
    QString type; // JSON Schema type of the value: "string", "integer", ...
    bool required = false;
    QJsonObject schema; // the parameter's schema, refs resolved
};

// What a service node calls.
struct ServiceEndpointSpec
{
    QString serviceId;
    QString endpointId;
    QString method; // "GET", "POST", ...
    QUrl baseUrl;   // the service's base URL (scheme, host, port, optional path prefix)
    QString path;   // the endpoint's path template, e.g. "/pets/{petId}"
    QList<ServiceParameter> parameters;
    bool hasBody = false;
    QString bodyContentType; // e.g. "application/json" when hasBody
    QJsonObject bodySchema;
    int timeoutMs = 0; // the service's default call timeout; 0 = none
};

// What authenticates one call: headers and query items to add, and the
// secret values they carry so the caller can mask them wherever they could
// surface (logs, errors, echoed headers).
struct ServiceAuth
{
    QList<QPair<QByteArray, QByteArray>> headers;
    QList<QPair<QString, QString>> query;
    QStringList secrets;
};

class ServiceResolver
{
public:
    virtual ~ServiceResolver() = default;

    // The endpoint's current description. Called on the engine thread;
    // implementations must be thread-safe. SERVICE_NOT_FOUND /
    // ENDPOINT_NOT_FOUND (error catalogue) when it no longer exists.
    virtual Result<ServiceEndpointSpec> endpoint(const QString &serviceId,
                                                 const QString &endpointId) const = 0;

    using AuthDone = std::function<void(Result<ServiceAuth>)>;
    // What to add to a call of `serviceId`'s endpoints (nothing when the
    // service links no credential). May be asynchronous (an oauth2 token
    // fetched and cached until shortly before it expires); `forceRefresh`
    // drops a cached token first (the caller got a 401 with it). `done` runs
    // exactly once, on `context`'s thread, never inside this call.
    virtual void authorize(const QString &serviceId, bool forceRefresh, QObject *context,
                           AuthDone done) = 0;
};

} // namespace hm::engine
