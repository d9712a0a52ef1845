#pragma once

#include "openapi/OpenApiTypes.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace hm::openapi {

// What refresh-schema shows: how the endpoints of a service's new document
// differ from the stored ones. Endpoints are matched by method + path
// (Endpoint::key()); an endpoint whose key stays is "changed" when any of its
// fields differ.
struct EndpointChange
{
    Endpoint before;
    Endpoint after;
    // Which fields differ, in this order: operationId, summary, description,
    // tags, deprecated, parameters, requestBody, responses, security, servers.
    QStringList fields;
    // Finer detail, one line each: "parameter added: query limit",
    // "parameter removed: header X-Trace", "parameter changed: path id",
    // "request body content added: application/xml",
    // "response added: 404", "response removed: 200", "response changed: 200".
    QStringList details;
};

struct EndpointDiff
{
    QList<Endpoint> added;   // in the new document only (its order)
    QList<Endpoint> removed; // in the old one only (its order)
    QList<EndpointChange> changed;
    int unchanged = 0;

    bool isEmpty() const { return added.isEmpty() && removed.isEmpty() && changed.isEmpty(); }
    // {added: [{method, path, name}], removed: [...], changed: [{method, path,
    // fields, details}], unchanged}
    QJsonObject toJson() const;
};

EndpointDiff diffEndpoints(const QList<Endpoint> &before, const QList<Endpoint> &after);

} // namespace hm::openapi
