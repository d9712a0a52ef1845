#include "server/repositories/ComponentRepository.h"

#include "store/Database.h"
#include "store/SelectOne.h"

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
        QStringLiteral(
            "SELECT DISTINCT endpoint FROM components WHERE deleted_at IS NULL AND status <> ?"),
        {exceptStatus}, [&endpoints](const store::Statement &s) { endpoints.append(s.text(0)); });
    if (!read)
        return read.error();
    return endpoints;
}

Result<std::optional<QString>> liveComponentEndpoint(store::Database &db, const QString &name,
                                                     const QString &version)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT endpoint FROM components WHERE name = "
                                             "? AND version = ? AND deleted_at IS NULL"),
                              {name, version}, [](const store::Statement &s) { return s.text(0); });
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
