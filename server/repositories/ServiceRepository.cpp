#include "server/repositories/ServiceRepository.h"

#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/Like.h"
#include "store/SelectOne.h"
#include "store/SelectPage.h"

namespace hm::server::repositories {

using store::textOrNull;

namespace {

QString serviceColumns()
{
    return QStringLiteral(
        "SELECT s.id, s.name, s.display_name, s.description, s.base_url, s.protocol, "
        "s.schema_url, s.schema_source, s.schema_info, s.credential_id, s.timeout_ms, s.status, "
        "s.created_by, u.username, s.created_at, s.updated_at, s.schema_refreshed_at, "
        "(SELECT COUNT(*) FROM service_endpoints e WHERE e.service_id = s.id AND "
        "e.status = 'active')");
}

const QString kServiceFrom =
    QStringLiteral(" FROM external_services s LEFT JOIN users u ON u.id = s.created_by");

QString textOf(const store::Statement &s, int column)
{
    return s.isNull(column) ? QString() : s.text(column);
}

ServiceRow readService(const store::Statement &s)
{
    ServiceRow row;
    row.id = s.text(0);
    row.name = s.text(1);
    row.displayName = s.text(2);
    row.description = textOf(s, 3);
    row.baseUrl = s.text(4);
    row.protocol = s.text(5);
    row.schemaUrl = textOf(s, 6);
    row.schemaSource = textOf(s, 7);
    row.schemaInfo = textOf(s, 8);
    row.credentialId = textOf(s, 9);
    row.timeoutMs = int(s.int64(10));
    row.status = s.text(11);
    row.createdBy = s.text(12);
    row.createdByName = textOf(s, 13);
    row.createdAt = s.int64(14);
    row.updatedAt = s.int64(15);
    row.schemaRefreshedAt = s.isNull(16) ? 0 : s.int64(16);
    row.endpointCount = int(s.int64(17));
    return row;
}

QString endpointColumns()
{
    return QStringLiteral(
        "SELECT id, service_id, name, operation_id, summary, description, method, path, "
        "parameters, request_body, request_content_type, responses, tags, definition, source, "
        "status, is_enabled, created_at, updated_at, removed_at FROM service_endpoints");
}

EndpointRow readEndpoint(const store::Statement &s)
{
    EndpointRow row;
    row.id = s.text(0);
    row.serviceId = s.text(1);
    row.name = s.text(2);
    row.operationId = textOf(s, 3);
    row.summary = textOf(s, 4);
    row.description = textOf(s, 5);
    row.method = s.text(6);
    row.path = s.text(7);
    row.parameters = s.text(8);
    row.requestBody = textOf(s, 9);
    row.requestContentType = textOf(s, 10);
    row.responses = s.text(11);
    row.tags = s.text(12);
    row.definition = s.text(13);
    row.source = s.text(14);
    row.status = s.text(15);
    row.enabled = s.int64(16) != 0;
    row.createdAt = s.int64(17);
    row.updatedAt = s.int64(18);
    row.removedAt = s.isNull(19) ? 0 : s.int64(19);
    return row;
}

QVariant timeOrNull(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : QVariant();
}

Result<QList<EndpointRow>> readEndpoints(store::Database &db, const QString &sql,
                                         const QVariantList &binds)
{
    QList<EndpointRow> rows;
    const Status read = db.forEachRow(
        sql, binds, [&rows](const store::Statement &s) { rows.append(readEndpoint(s)); });
    if (!read)
        return read.error();
    return rows;
}

} // namespace

Status insertService(store::Database &db, const ServiceRow &row)
{
    return db.execute(
        QStringLiteral("INSERT INTO external_services (id, name, display_name, description, "
                       "base_url, protocol, schema_url, schema_source, schema_info, "
                       "credential_id, timeout_ms, status, created_by, created_at, updated_at, "
                       "schema_refreshed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                       "?11, ?12, ?13, ?14, ?15, ?16)"),
        {row.id, row.name, row.displayName, textOrNull(row.description), row.baseUrl, row.protocol,
         textOrNull(row.schemaUrl), textOrNull(row.schemaSource), textOrNull(row.schemaInfo),
         textOrNull(row.credentialId), row.timeoutMs, row.status, row.createdBy, row.createdAt,
         row.updatedAt, timeOrNull(row.schemaRefreshedAt)});
}

Result<std::optional<ServiceRow>> serviceById(store::Database &db, const QString &id)
{
    return store::selectOneAs(db,
                              serviceColumns() + kServiceFrom + QStringLiteral(" WHERE s.id = ?1"),
                              {id}, readService);
}

Result<std::optional<ServiceRow>> serviceByName(store::Database &db, const QString &name)
{
    return store::selectOneAs(
        db, serviceColumns() + kServiceFrom + QStringLiteral(" WHERE s.name = ?1"), {name},
        readService);
}

Status updateService(store::Database &db, const ServiceRow &row)
{
    return db.execute(
        QStringLiteral("UPDATE external_services SET display_name = ?2, description = ?3, "
                       "base_url = ?4, protocol = ?5, schema_url = ?6, schema_source = ?7, "
                       "schema_info = ?8, credential_id = ?9, timeout_ms = ?10, status = ?11, "
                       "updated_at = ?12, schema_refreshed_at = ?13 WHERE id = ?1"),
        {row.id, row.displayName, textOrNull(row.description), row.baseUrl, row.protocol,
         textOrNull(row.schemaUrl), textOrNull(row.schemaSource), textOrNull(row.schemaInfo),
         textOrNull(row.credentialId), row.timeoutMs, row.status, row.updatedAt,
         timeOrNull(row.schemaRefreshedAt)});
}

Status deleteService(store::Database &db, const QString &id)
{
    return db.execute(QStringLiteral("DELETE FROM external_services WHERE id = ?1"), {id});
}

Result<QList<ServiceRow>> allServices(store::Database &db)
{
    QList<ServiceRow> rows;
    const Status read =
        db.forEachRow(serviceColumns() + kServiceFrom + QStringLiteral(" ORDER BY s.name"), {},
                      [&rows](const store::Statement &s) { rows.append(readService(s)); });
    if (!read)
        return read.error();
    return rows;
}

Result<store::Page<ServiceRow>> listServices(store::Database &db, const ServiceListFilter &filter,
                                             const Paging &paging)
{
    store::PagedQuery query;
    query.columns = serviceColumns();
    query.countFrom = QStringLiteral("FROM external_services s");
    query.from = kServiceFrom.trimmed();
    if (!filter.search.isEmpty()) {
        query.conditions.append(
            QStringLiteral("(%1 OR %2)")
                .arg(store::likeCondition(
                         QStringLiteral("substr(s.name, 1, %1)").arg(kMaxNameLength)),
                     store::likeCondition(
                         QStringLiteral("substr(s.display_name, 1, %1)").arg(kMaxNameLength))));
        query.binds.append(store::likePattern(filter.search));
        query.binds.append(store::likePattern(filter.search));
    }
    if (!filter.status.isEmpty()) {
        query.conditions.append(QStringLiteral("s.status = ?"));
        query.binds.append(filter.status);
    }
    query.orderBy = QStringLiteral("ORDER BY s.name, s.id");
    query.limit = paging.size;
    query.offset = paging.offset();
    return store::selectPageAs(db, query, readService);
}

Status insertEndpoint(store::Database &db, const EndpointRow &row)
{
    return db.execute(
        QStringLiteral("INSERT INTO service_endpoints (id, service_id, name, operation_id, "
                       "summary, description, method, path, parameters, request_body, "
                       "request_content_type, responses, tags, definition, source, status, "
                       "is_enabled, created_at, updated_at, removed_at) VALUES (?1, ?2, ?3, ?4, "
                       "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
                       "?20)"),
        {row.id,
         row.serviceId,
         row.name,
         textOrNull(row.operationId),
         textOrNull(row.summary),
         textOrNull(row.description),
         row.method,
         row.path,
         row.parameters,
         textOrNull(row.requestBody),
         textOrNull(row.requestContentType),
         row.responses,
         row.tags,
         row.definition,
         row.source,
         row.status,
         row.enabled ? 1 : 0,
         row.createdAt,
         row.updatedAt,
         timeOrNull(row.removedAt)});
}

Status updateEndpoint(store::Database &db, const EndpointRow &row)
{
    return db.execute(
        QStringLiteral("UPDATE service_endpoints SET name = ?2, operation_id = ?3, summary = ?4, "
                       "description = ?5, parameters = ?6, request_body = ?7, "
                       "request_content_type = ?8, responses = ?9, tags = ?10, definition = ?11, "
                       "source = ?12, status = ?13, is_enabled = ?14, updated_at = ?15, "
                       "removed_at = ?16 WHERE id = ?1"),
        {row.id, row.name, textOrNull(row.operationId), textOrNull(row.summary),
         textOrNull(row.description), row.parameters, textOrNull(row.requestBody),
         textOrNull(row.requestContentType), row.responses, row.tags, row.definition, row.source,
         row.status, row.enabled ? 1 : 0, row.updatedAt, timeOrNull(row.removedAt)});
}

Status deleteEndpoint(store::Database &db, const QString &id)
{
    return db.execute(QStringLiteral("DELETE FROM service_endpoints WHERE id = ?1"), {id});
}

Result<std::optional<EndpointRow>> endpointById(store::Database &db, const QString &serviceId,
                                                const QString &id)
{
    return store::selectOneAs(
        db, endpointColumns() + QStringLiteral(" WHERE service_id = ?1 AND id = ?2"),
        {serviceId, id}, readEndpoint);
}

Result<QList<EndpointRow>> endpointsOf(store::Database &db, const QString &serviceId,
                                       const QString &status)
{
    if (status.isEmpty())
        return readEndpoints(
            db, endpointColumns() + QStringLiteral(" WHERE service_id = ?1 ORDER BY path, method"),
            {serviceId});
    return readEndpoints(db,
                         endpointColumns() + QStringLiteral(" WHERE service_id = ?1 AND "
                                                            "status = ?2 ORDER BY path, method"),
                         {serviceId, status});
}

Result<QList<EndpointRow>> allEndpoints(store::Database &db)
{
    return readEndpoints(db, endpointColumns() + QStringLiteral(" ORDER BY service_id"), {});
}

} // namespace hm::server::repositories
