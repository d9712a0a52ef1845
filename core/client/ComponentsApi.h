#pragma once

#include "client/ApiTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

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
    // The name-level fields (every version of a name shares them; empty for
    // built-ins but the description). displayName is empty when not set.
    QString displayName;
    QString description;
    QString category;
    QString icon;   // one of componentIconNames() (common/ComponentIcons.h), or anything stored
                    // before; the console draws a neutral box for what it does not know
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
    // The display name, else the name.
    QString title() const { return displayName.isEmpty() ? name : displayName; }
};

// The name-level fields to set (PATCH /components/{name}, or with a named
// registration); an unset one is left alone, an empty one cleared.
struct ComponentDetails
{
    std::optional<QString> displayName;
    std::optional<QString> description;
    std::optional<QString> category;
    std::optional<QString> icon;

    QJsonObject toJson() const;
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
    // With `name`, `details` sets its name-level fields too.
    void registerEndpoint(const QString &endpoint, const QString &name,
                          Callback<QList<ComponentInfo>> done);
    void registerEndpoint(const QString &endpoint, const QString &name,
                          const ComponentDetails &details, Callback<QList<ComponentInfo>> done);
    // PATCH /components/{name} (ADMIN): every version of the name as the
    // server now has them.
    void updateDetails(const QString &name, const ComponentDetails &details,
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
