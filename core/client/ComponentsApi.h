#pragma once

#include "client/ApiTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace hm::client {

class ApiClient;

struct ComponentEndpointInfo
{
    QString url;
    QString health; // healthy / degraded / unhealthy / unknown
    QString healthMessage;
};

// One component version of GET /api/v1/components (docs/api.md
// "Components"): its interface plus registry fields.
struct ComponentInfo
{
    QString name;
    QString version;
    QString description;
    QString status; // active / deprecated / disabled
    QString health;
    QString healthMessage;
    bool builtin = false;
    bool deprecated = false;
    QList<ComponentEndpointInfo> endpoints;
    QJsonArray inputs;
    QJsonArray outputs;
    QJsonObject configSchema;
    QJsonObject json; // the whole item

    static ComponentInfo fromJson(const QJsonObject &json);
};

// The component registry: list, register an endpoint (ADMIN), deprecate
// (ADMIN), which flows use a version.
class ComponentsApi
{
public:
    explicit ComponentsApi(ApiClient &client) : m_client(client) {}

    // Built-ins and registered versions, by name then version precedence.
    void list(Callback<QList<ComponentInfo>> done);
    // GET /components/{name}: every version of one component (deleted ones
    // as "disabled"); COMPONENT_NOT_FOUND when there is none.
    void versions(const QString &name, Callback<QList<ComponentInfo>> done);
    // POST /components {endpoint, name?}: the versions stored or given
    // this endpoint.
    void registerEndpoint(const QString &endpoint, const QString &name,
                          Callback<QList<ComponentInfo>> done);
    void setDeprecated(const QString &name, const QString &version, bool deprecated,
                       Callback<ComponentInfo> done);
    // {flow_id, flow_name, flow_version, flow_version_status,
    // component_versions, nodes} per flow version using it.
    void usage(const QString &name, const QString &version, Callback<QJsonArray> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
