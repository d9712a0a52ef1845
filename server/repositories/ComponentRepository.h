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

// components: the registered HTTP components (ComponentService). One row
// per (name, version) and registration; deleting is soft (deleted_at).
// component_endpoints: the endpoints serving each row, with their health.
namespace hm::server::repositories {

// One component_endpoints row; `name` and `version` are its component's.
struct StoredEndpoint
{
    QString id;
    QString componentId;
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

// One components row. Times are unix ms, 0 when NULL.
struct StoredComponent
{
    QString id;
    QString name;
    QString version;
    QString displayName;
    QString description;
    QString category;
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

// Endpoints of the given components, by component then created_at.
Result<QList<StoredEndpoint>> endpointsOf(store::Database &db, const QStringList &componentIds);
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
// `viewCondition` (FlowAccess's viewableFlowCondition on "f.id", may be
// empty) with its `binds` limits them to what the caller may see.
Result<QList<FlowVersionText>> flowVersionsMentioning(store::Database &db, const QString &name,
                                                      const QString &viewCondition,
                                                      const QVariantList &binds);

Status insertComponent(store::Database &db, const StoredComponent &row);
Status setComponentHealth(store::Database &db, const QString &id, const QString &health,
                          qint64 checkedAt);
// Soft delete: sets the status and deleted_at.
Status markComponentDeleted(store::Database &db, const QString &id, const QString &status,
                            qint64 nowMs);

} // namespace hm::server::repositories
