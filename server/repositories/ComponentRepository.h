#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::store {
class Database;
}

// components: the registered HTTP components (ComponentService). One row
// per (name, version) and registration; deleting is soft (deleted_at).
namespace hm::server::repositories {

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
// The endpoint of the live row of name and version, if there is one.
Result<std::optional<QString>> liveComponentEndpoint(store::Database &db, const QString &name,
                                                     const QString &version);

Status insertComponent(store::Database &db, const StoredComponent &row);
Status setComponentHealth(store::Database &db, const QString &id, const QString &health,
                          qint64 checkedAt);
// Soft delete: sets the status and deleted_at.
Status markComponentDeleted(store::Database &db, const QString &id, const QString &status,
                            qint64 nowMs);

} // namespace hm::server::repositories
