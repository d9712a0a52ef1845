#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <optional>

namespace hm::store {
class Database;
}

// components: one row per registered name with the name-level fields
// (display name, description, category, icon); component_versions: one row
// per (name, version) and registration, deleting is soft (deleted_at);
// component_endpoints: the endpoints serving each version row, with their
// health (schema version 11, core/store/SchemaMigrations.cpp).
namespace hm::server::repositories {

// One component_endpoints row; `name` and `version` are its version's.
struct StoredEndpoint
{
    QString id;
    QString versionId; // component_versions.id
    QString name;
    QString version;
    QString endpoint;
    QString health;
    qint64 healthCheckedAt = 0;
    QString healthMessage;
    QString createdBy;
    qint64 createdAt = 0;
};

// A flow version whose definition mentions a component's name (a cheap
// LIKE filter; the caller parses the definition to be sure).
struct FlowVersionText
{
    QString flowId;
    QString flowName;
    QString version;
    QString status;
    QString definition;
};

// One component_versions row with its components row's fields. `id` is the
// version row's (the API's "id"), `componentId` the name's. Times are the
// version's, unix ms, 0 when NULL.
struct StoredComponent
{
    QString id;
    QString componentId;
    QString name;
    QString version;
    QString displayName;
    QString description;
    QString category;
    QString icon;
    QString endpoint;
    QJsonObject interfaceDef;
    QString status;
    QString health;
    qint64 healthCheckedAt = 0;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 deletedAt = 0;
};

// Lists are ordered by name, version, created_at.
Result<QList<StoredComponent>> liveComponents(store::Database &db);
Result<QList<StoredComponent>> liveComponentsAt(store::Database &db, const QString &endpoint);
Result<QList<StoredComponent>> liveComponent(store::Database &db, const QString &name,
                                             const QString &version);
Result<QList<StoredComponent>> componentById(store::Database &db, const QString &id);
Result<QList<StoredComponent>> componentsByIds(store::Database &db, const QStringList &ids);
// Live rows, and for a name and version without one its latest deleted
// row; only `name`'s when not empty.
Result<QList<StoredComponent>> listedComponents(store::Database &db, const QString &name);

// The endpoints of live rows whose status is not `exceptStatus`.
Result<QStringList> componentEndpoints(store::Database &db, const QString &exceptStatus);

// Endpoints of the given version rows, by version then created_at.
Result<QList<StoredEndpoint>> endpointsOf(store::Database &db, const QStringList &versionIds);
// Endpoints of every live component, the same order.
Result<QList<StoredEndpoint>> liveEndpoints(store::Database &db);
// The endpoint rows of live components at one URL.
Result<QList<StoredEndpoint>> liveEndpointsAt(store::Database &db, const QString &endpoint);
Status insertComponentEndpoint(store::Database &db, const StoredEndpoint &row);
Status setEndpointHealth(store::Database &db, const QString &id, const QString &health,
                         const QString &message, qint64 checkedAt);
// active <-> deprecated.
Status setComponentStatus(store::Database &db, const QString &id, const QString &status,
                          qint64 nowMs);

// Versions of live flows whose definition text contains `"<name>"`;
// `viewCondition` (viewableFlowCondition, FlowsRepository.h, on "f.id", may be
// empty) with its `binds` limits them to what the caller may see.
Result<QList<FlowVersionText>> flowVersionsMentioning(store::Database &db, const QString &name,
                                                      const QString &viewCondition,
                                                      const QVariantList &binds);

// The name-level fields a registration may set; an unset one is left alone
// (a new name gets its name as display name).
struct ComponentInfo
{
    std::optional<QString> displayName;
    std::optional<QString> description;
    std::optional<QString> category;
    std::optional<QString> icon;

    bool isEmpty() const { return !displayName && !description && !category && !icon; }
};

// Inserts a version row, creating the name's components row when there is
// none (with `info`, else the row's display name, description and category)
// or bringing a deleted one back; sets row.componentId. Run it in a
// transaction.
Status insertComponent(store::Database &db, StoredComponent &row);
// Sets the given name-level fields of the components row of `name`.
Status updateComponentInfo(store::Database &db, const QString &name, const ComponentInfo &info,
                           qint64 nowMs);
Status setComponentHealth(store::Database &db, const QString &id, const QString &health,
                          qint64 checkedAt);
// Soft delete of a version row: sets the status and deleted_at, and the
// components row's deleted_at when no live version is left. Run it in a
// transaction.
Status markComponentDeleted(store::Database &db, const QString &id, const QString &status,
                            qint64 nowMs);

} // namespace hm::server::repositories
