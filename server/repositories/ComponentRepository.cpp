#include "server/repositories/ComponentRepository.h"

#include "store/Database.h"
#include "store/Like.h"

#include <QJsonDocument>
#include <QVariant>

namespace hm::server::repositories {
namespace {

Result<QList<StoredComponent>> rows(store::Database &db, const QString &where,
                                    const QStringList &binds)
{
    QVariantList values;
    for (const QString &bind : binds)
        values.append(bind);
    QList<StoredComponent> list;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT id, name, version, display_name, description, category, endpoint, "
                       "interface_def, status, health, health_checked_at, created_by, created_at, "
                       "updated_at, deleted_at FROM components c WHERE ") +
            where + QStringLiteral(" ORDER BY name, version, created_at"),
        values, [&list](const store::Statement &s) {
            StoredComponent row;
            row.id = s.text(0);
            row.name = s.text(1);
            row.version = s.text(2);
            row.displayName = s.text(3);
            row.description = s.text(4);
            row.category = s.text(5);
            row.endpoint = s.text(6);
            row.interfaceDef = QJsonDocument::fromJson(s.text(7).toUtf8()).object();
            row.status = s.text(8);
            row.health = s.text(9);
            row.healthCheckedAt = s.isNull(10) ? 0 : s.int64(10);
            row.createdBy = s.text(11);
            row.createdAt = s.int64(12);
            row.updatedAt = s.int64(13);
            row.deletedAt = s.isNull(14) ? 0 : s.int64(14);
            list.append(std::move(row));
        });
    if (!read)
        return read.error();
    return list;
}

} // namespace

Result<QList<StoredComponent>> liveComponents(store::Database &db)
{
    return rows(db, QStringLiteral("deleted_at IS NULL"), {});
}

Result<QList<StoredComponent>> liveComponentsAt(store::Database &db, const QString &endpoint)
{
    return rows(db, QStringLiteral("deleted_at IS NULL AND endpoint = ?"), {endpoint});
}

Result<QList<StoredComponent>> liveComponent(store::Database &db, const QString &name,
                                             const QString &version)
{
    return rows(db, QStringLiteral("deleted_at IS NULL AND name = ? AND version = ?"),
                {name, version});
}

Result<QList<StoredComponent>> componentById(store::Database &db, const QString &id)
{
    return rows(db, QStringLiteral("id = ?"), {id});
}

Result<QList<StoredComponent>> componentsByIds(store::Database &db, const QStringList &ids)
{
    QStringList marks;
    for (qsizetype i = 0; i < ids.size(); ++i)
        marks.append(QStringLiteral("?"));
    return rows(db, QStringLiteral("id IN (") + marks.join(u',') + u')', ids);
}

Result<QList<StoredComponent>> listedComponents(store::Database &db, const QString &name)
{
    QString where = QStringLiteral(
        "(deleted_at IS NULL OR (NOT EXISTS (SELECT 1 FROM components l WHERE l.name = c.name "
        "AND l.version = c.version AND l.deleted_at IS NULL) AND deleted_at = (SELECT "
        "MAX(d.deleted_at) FROM components d WHERE d.name = c.name AND d.version = c.version)))");
    QStringList binds;
    if (!name.isEmpty()) {
        where += QStringLiteral(" AND name = ?");
        binds.append(name);
    }
    return rows(db, where, binds);
}

Result<QStringList> componentEndpoints(store::Database &db, const QString &exceptStatus)
{
    QStringList endpoints;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT DISTINCT e.endpoint FROM component_endpoints e JOIN components c "
                       "ON c.id = e.component_id WHERE c.deleted_at IS NULL AND c.status <> ?"),
        {exceptStatus}, [&endpoints](const store::Statement &s) { endpoints.append(s.text(0)); });
    if (!read)
        return read.error();
    return endpoints;
}

namespace {

Result<QList<StoredEndpoint>> endpointRows(store::Database &db, const QString &where,
                                           const QVariantList &binds)
{
    QList<StoredEndpoint> list;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT e.id, e.component_id, c.name, c.version, e.endpoint, e.health, "
                       "e.health_checked_at, e.health_message, e.created_by, e.created_at "
                       "FROM component_endpoints e JOIN components c ON c.id = e.component_id "
                       "WHERE ") +
            where +
            QStringLiteral(" ORDER BY c.name, c.version, e.component_id, e.created_at, e.rowid"),
        binds, [&list](const store::Statement &s) {
            StoredEndpoint row;
            row.id = s.text(0);
            row.componentId = s.text(1);
            row.name = s.text(2);
            row.version = s.text(3);
            row.endpoint = s.text(4);
            row.health = s.text(5);
            row.healthCheckedAt = s.isNull(6) ? 0 : s.int64(6);
            row.healthMessage = s.isNull(7) ? QString() : s.text(7);
            row.createdBy = s.text(8);
            row.createdAt = s.int64(9);
            list.append(std::move(row));
        });
    if (!read)
        return read.error();
    return list;
}

} // namespace

Result<QList<StoredEndpoint>> endpointsOf(store::Database &db, const QStringList &componentIds)
{
    if (componentIds.isEmpty())
        return QList<StoredEndpoint>{};
    QStringList marks;
    QVariantList binds;
    for (const QString &id : componentIds) {
        marks.append(QStringLiteral("?"));
        binds.append(id);
    }
    return endpointRows(db, QStringLiteral("e.component_id IN (") + marks.join(u',') + u')', binds);
}

Result<QList<StoredEndpoint>> liveEndpoints(store::Database &db)
{
    return endpointRows(db, QStringLiteral("c.deleted_at IS NULL"), {});
}

Result<QList<StoredEndpoint>> liveEndpointsAt(store::Database &db, const QString &endpoint)
{
    return endpointRows(db, QStringLiteral("c.deleted_at IS NULL AND e.endpoint = ?"), {endpoint});
}

Status insertComponentEndpoint(store::Database &db, const StoredEndpoint &row)
{
    return db.execute(
        QStringLiteral("INSERT INTO component_endpoints (id, component_id, endpoint, health, "
                       "health_checked_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {row.id, row.componentId, row.endpoint, row.health, row.healthCheckedAt, row.createdBy,
         row.createdAt});
}

Status setEndpointHealth(store::Database &db, const QString &id, const QString &health,
                         const QString &message, qint64 checkedAt)
{
    return db.execute(QStringLiteral("UPDATE component_endpoints SET health = ?, health_message = "
                                     "?, health_checked_at = ? WHERE id = ?"),
                      {health, message.isEmpty() ? QVariant() : QVariant(message), checkedAt, id});
}

Status setComponentStatus(store::Database &db, const QString &id, const QString &status,
                          qint64 nowMs)
{
    return db.execute(
        QStringLiteral("UPDATE components SET status = ?, updated_at = ? WHERE id = ?"),
        {status, nowMs, id});
}

Result<QList<FlowVersionText>> flowVersionsMentioning(store::Database &db, const QString &name,
                                                      const QString &viewCondition,
                                                      const QVariantList &binds)
{
    QString sql = QStringLiteral("SELECT f.id, f.name, v.version, v.status, v.definition FROM "
                                 "flow_versions v JOIN flows f "
                                 "ON f.id = v.flow_id WHERE f.deleted_at IS NULL AND ") +
                  store::likeCondition(u"v.definition");
    const QString quoted = QLatin1Char('"') + name + QLatin1Char('"');
    QVariantList values{store::likePattern(quoted)};
    if (!viewCondition.isEmpty()) {
        sql += QStringLiteral(" AND ") + viewCondition;
        values += binds;
    }
    sql += QStringLiteral(" ORDER BY f.name, f.id, CAST(v.version AS INTEGER)");
    QList<FlowVersionText> list;
    const Status read = db.forEachRow(sql, values, [&list](const store::Statement &s) {
        list.append({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4)});
    });
    if (!read)
        return read.error();
    return list;
}

Status insertComponent(store::Database &db, const StoredComponent &row)
{
    return db.execute(
        QStringLiteral(
            "INSERT INTO components (id, name, version, display_name, endpoint, interface_def, "
            "status, health, health_checked_at, created_by, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {row.id, row.name, row.version, row.displayName, row.endpoint,
         QString::fromUtf8(QJsonDocument(row.interfaceDef).toJson(QJsonDocument::Compact)),
         row.status, row.health, row.healthCheckedAt, row.createdBy, row.createdAt, row.updatedAt});
}

Status setComponentHealth(store::Database &db, const QString &id, const QString &health,
                          qint64 checkedAt)
{
    return db.execute(
        QStringLiteral("UPDATE components SET health = ?, health_checked_at = ? WHERE id = ?"),
        {health, checkedAt, id});
}

Status markComponentDeleted(store::Database &db, const QString &id, const QString &status,
                            qint64 nowMs)
{
    return db.execute(
        QStringLiteral(
            "UPDATE components SET status = ?, deleted_at = ?, updated_at = ? WHERE id = ?"),
        {status, nowMs, nowMs, id});
}

} // namespace hm::server::repositories
