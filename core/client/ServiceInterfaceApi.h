#pragma once

// What the flow editor asks about external services (docs/services.md,
// "The flow editor"): the endpoints its palette lists and the interface of
// a service node calling one. The Services section's own calls live in
// ServicesApi.

#include "client/ApiTypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace hm::client {

class ApiClient;

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

class ServiceInterfaceApi
{
public:
    explicit ServiceInterfaceApi(ApiClient &client) : m_client(client) {}

    // Every active service (by name, all pages) and its active, enabled
    // endpoints (by path, method).
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
