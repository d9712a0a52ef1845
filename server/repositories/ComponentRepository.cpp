#include "server/repositories/ComponentRepository.h"

#include "store/Database.h"
#include "store/Like.h"

#include <QJsonDocument>
#include <QUuid>
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
        QStringLiteral(
            "SELECT v.id, c.id, c.name, v.version, c.display_name, c.description, c.category, "
            "c.icon, v.endpoint, v.interface_def, v.status, v.health, v.health_checked_at, "
            "v.created_by, v.created_at, v.updated_at, v.deleted_at FROM component_versions v "
            "JOIN components c ON c.id = v.component_id WHERE ") +
            where + QStringLiteral(" ORDER BY c.name, v.version, v.created_at"),
        values, [&list](const store::Statement &s) {
            StoredComponent row;
            row.id = s.text(0);
            row.componentId = s.text(1);
            row.name = s.text(2);
            row.version = s.text(3);
            row.displayName = s.text(4);
            row.description = s.text(5);
            row.category = s.text(6);
            row.icon = s.text(7);
            row.endpoint = s.text(8);
            row.interfaceDef = QJsonDocument::fromJson(s.text(9).toUtf8()).object();
            row.status = s.text(10);
            row.health = s.text(11);
            row.healthCheckedAt = s.isNull(12) ? 0 : s.int64(12);
            row.createdBy = s.text(13);
            row.createdAt = s.int64(14);
            row.updatedAt = s.int64(15);
            row.deletedAt = s.isNull(16) ? 0 : s.int64(16);
            list.append(std::move(row));
        });
    if (!read)
        return read.error();
    return list;
}

} // namespace

Result<QList<StoredComponent>> liveComponents(store::Database &db)
{
    return rows(db, QStringLiteral("v.deleted_at IS NULL"), {});
}

Result<QList<StoredComponent>> liveComponentsAt(store::Database &db, const QString &endpoint)
{
    return rows(db, QStringLiteral("v.deleted_at IS NULL AND v.endpoint = ?"), {endpoint});
}

Result<QList<StoredComponent>> liveComponent(store::Database &db, const QString &name,
                                             const QString &version)
{
    return rows(db, QStringLiteral("v.deleted_at IS NULL AND c.name = ? AND v.version = ?"),
                {name, version});
}

Result<QList<StoredComponent>> componentById(store::Database &db, const QString &id)
{
    return rows(db, QStringLiteral("v.id = ?"), {id});
}

Result<QList<StoredComponent>> componentsByIds(store::Database &db, const QStringList &ids)
{
    QStringList marks;
    for (qsizetype i = 0; i < ids.size(); ++i)
        marks.append(QStringLiteral("?"));
    return rows(db, QStringLiteral("v.id IN (") + marks.join(u',') + u')', ids);
}

Result<QList<StoredComponent>> listedComponents(store::Database &db, const QString &name)
{
    QString where = QStringLiteral(
        "(v.deleted_at IS NULL OR (NOT EXISTS (SELECT 1 FROM component_versions l WHERE "
        "l.component_id = v.component_id AND l.version = v.version AND l.deleted_at IS NULL) "
        "AND v.deleted_at = (SELECT MAX(d.deleted_at) FROM component_versions d WHERE "
        "d.component_id = v.component_id AND d.version = v.version)))");
    QStringList binds;
    if (!name.isEmpty()) {
        where += QStringLiteral(" AND c.name = ?");
        binds.append(name);
    }
    return rows(db, where, binds);
}

Result<QStringList> componentEndpoints(store::Database &db, const QString &exceptStatus)
{
    QStringList endpoints;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT DISTINCT e.endpoint FROM component_endpoints e JOIN "
                       "component_versions v ON v.id = e.version_id WHERE v.deleted_at IS NULL "
                       "AND v.status <> ?"),
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
        QStringLiteral("SELECT e.id, e.version_id, c.name, v.version, e.endpoint, e.health, "
                       "e.health_checked_at, e.health_message, e.created_by, e.created_at "
                       "FROM component_endpoints e JOIN component_versions v ON v.id = "
                       "e.version_id JOIN components c ON c.id = v.component_id WHERE ") +
            where +
            QStringLiteral(" ORDER BY c.name, v.version, e.version_id, e.created_at, e.rowid"),
        binds, [&list](const store::Statement &s) {
            StoredEndpoint row;
            row.id = s.text(0);
            row.versionId = s.text(1);
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

Result<QList<StoredEndpoint>> endpointsOf(store::Database &db, const QStringList &versionIds)
{
    if (versionIds.isEmpty())
        return QList<StoredEndpoint>{};
    QStringList marks;
    QVariantList binds;
    for (const QString &id : versionIds) {
        marks.append(QStringLiteral("?"));
        binds.append(id);
    }
    return endpointRows(db, QStringLiteral("e.version_id IN (") + marks.join(u',') + u')', binds);
}

Result<QList<StoredEndpoint>> liveEndpoints(store::Database &db)
{
    return endpointRows(db, QStringLiteral("v.deleted_at IS NULL"), {});
}

Result<QList<StoredEndpoint>> liveEndpointsAt(store::Database &db, const QString &endpoint)
{
    return endpointRows(db, QStringLiteral("v.deleted_at IS NULL AND e.endpoint = ?"), {endpoint});
}

Status insertComponentEndpoint(store::Database &db, const StoredEndpoint &row)
{
    return db.execute(
        QStringLiteral("INSERT INTO component_endpoints (id, version_id, endpoint, health, "
                       "health_checked_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {row.id, row.versionId, row.endpoint, row.health, row.healthCheckedAt, row.createdBy,
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
        QStringLiteral("UPDATE component_versions SET status = ?, updated_at = ? WHERE id = ?"),
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

namespace {

QVariant componentText(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

} // namespace

Status insertComponent(store::Database &db, StoredComponent &row)
{
    auto existing = db.selectOne(
        QStringLiteral("SELECT id, deleted_at FROM components WHERE name = ?"), {row.name});
    if (!existing)
        return existing.error();
    if (existing.value()) {
        row.componentId = existing.value()->text(0);
        if (!existing.value()->isNull(1)) {
            if (Status revived = db.execute(QStringLiteral("UPDATE components SET deleted_at = "
                                                           "NULL, updated_at = ? WHERE id = ?"),
                                            {row.updatedAt, row.componentId});
                !revived)
                return revived;
        }
    } else {
        row.componentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (Status inserted = db.execute(
                QStringLiteral("INSERT INTO components (id, name, display_name, description, "
                               "category, icon, created_by, created_at, updated_at) VALUES (?, "
                               "?, ?, ?, ?, ?, ?, ?, ?)"),
                {row.componentId, row.name, row.displayName.isEmpty() ? row.name : row.displayName,
                 componentText(row.description), componentText(row.category),
                 componentText(row.icon), row.createdBy, row.createdAt, row.updatedAt});
            !inserted)
            return inserted;
    }
    return db.execute(
        QStringLiteral("INSERT INTO component_versions (id, component_id, version, endpoint, "
                       "interface_def, status, health, health_checked_at, created_by, "
                       "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {row.id, row.componentId, row.version, row.endpoint,
         QString::fromUtf8(QJsonDocument(row.interfaceDef).toJson(QJsonDocument::Compact)),
         row.status, row.health, row.healthCheckedAt, row.createdBy, row.createdAt, row.updatedAt});
}

Status updateComponentInfo(store::Database &db, const QString &name, const ComponentInfo &info,
                           qint64 nowMs)
{
    QStringList sets;
    QVariantList binds;
    auto add = [&](const char *column, const std::optional<QString> &value, bool nullable) {
        if (!value)
            return;
        sets.append(QLatin1String(column) + QStringLiteral(" = ?"));
        binds.append(nullable ? componentText(*value) : QVariant(*value));
    };
    add("display_name", info.displayName, false);
    add("description", info.description, true);
    add("category", info.category, true);
    add("icon", info.icon, true);
    if (sets.isEmpty())
        return {};
    sets.append(QStringLiteral("updated_at = ?"));
    binds.append(nowMs);
    binds.append(name);
    return db.execute(QStringLiteral("UPDATE components SET ") + sets.join(QStringLiteral(", ")) +
                          QStringLiteral(" WHERE name = ?"),
                      binds);
}

Status setComponentHealth(store::Database &db, const QString &id, const QString &health,
                          qint64 checkedAt)
{
    return db.execute(QStringLiteral("UPDATE component_versions SET health = ?, "
                                     "health_checked_at = ? WHERE id = ?"),
                      {health, checkedAt, id});
}

Status markComponentDeleted(store::Database &db, const QString &id, const QString &status,
                            qint64 nowMs)
{
    if (Status written = db.execute(QStringLiteral("UPDATE component_versions SET status = ?, "
                                                   "deleted_at = ?, updated_at = ? WHERE id = ?"),
                                    {status, nowMs, nowMs, id});
        !written)
        return written;
    // The name goes when its last live version does.
    return db.execute(
        QStringLiteral("UPDATE components SET deleted_at = ?, updated_at = ? WHERE id = (SELECT "
                       "component_id FROM component_versions WHERE id = ?) AND NOT EXISTS "
                       "(SELECT 1 FROM component_versions l WHERE l.component_id = components.id "
                       "AND l.deleted_at IS NULL)"),
        {nowMs, nowMs, id});
}

} // namespace hm::server::repositories
