#pragma once

// external_services and service_endpoints (schema v9, docs/services.md): the
// registered external REST services and their endpoints. Every SQL string
// about them is here.

#include "common/Result.h"
#include "server/api/QueryParams.h"
#include "store/PagedQuery.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct ServiceRow
{
    QString id;
    QString name;
    QString displayName;
    QString description; // "" = none (NULL)
    QString baseUrl;
    QString protocol = QStringLiteral("REST");
    QString schemaUrl;    // "" = none
    QString schemaSource; // "" = none
    QString schemaInfo;   // JSON object text, "" = none
    QString credentialId; // "" = none
    int timeoutMs = 30000;
    QString status = QStringLiteral("active");
    QString createdBy;
    QString createdByName; // users.username; read only
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 schemaRefreshedAt = 0; // 0 = never
    int endpointCount = 0;        // active endpoints; read only
};

struct EndpointRow
{
    QString id;
    QString serviceId;
    QString name;
    QString operationId;
    QString summary;
    QString description;
    QString method;
    QString path;
    QString parameters = QStringLiteral("[]"); // JSON array text
    QString requestBody;                       // JSON Schema text, "" = no body
    QString requestContentType;
    QString responses = QStringLiteral("[]");  // JSON array text
    QString tags = QStringLiteral("[]");       // JSON array text
    QString definition = QStringLiteral("{}"); // JSON object text
    QString source = QStringLiteral("manual"); // document, manual
    QString status = QStringLiteral("active"); // active, removed
    bool enabled = true;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 removedAt = 0; // 0 = not removed
};

Status insertService(store::Database &db, const ServiceRow &row);
Result<std::optional<ServiceRow>> serviceById(store::Database &db, const QString &id);
Result<std::optional<ServiceRow>> serviceByName(store::Database &db, const QString &name);
// Everything but id, name, created_by and created_at.
Status updateService(store::Database &db, const ServiceRow &row);
// Its endpoints go with it (ON DELETE CASCADE).
Status deleteService(store::Database &db, const QString &id);
// Every service (the resolver's snapshot), by name.
Result<QList<ServiceRow>> allServices(store::Database &db);

struct ServiceListFilter
{
    QString search; // part of the name or display name, "" = any
    QString status; // "" = any
};
// GET /api/v1/services: by name.
Result<store::Page<ServiceRow>> listServices(store::Database &db, const ServiceListFilter &filter,
                                             const Paging &paging);

Status insertEndpoint(store::Database &db, const EndpointRow &row);
// Everything but id, service_id, method, path and created_at.
Status updateEndpoint(store::Database &db, const EndpointRow &row);
Status deleteEndpoint(store::Database &db, const QString &id);
Result<std::optional<EndpointRow>> endpointById(store::Database &db, const QString &serviceId,
                                                const QString &id);
// A service's endpoints by path then method; `status` "" = all.
Result<QList<EndpointRow>> endpointsOf(store::Database &db, const QString &serviceId,
                                       const QString &status = {});
// Every endpoint of every service (the resolver's snapshot).
Result<QList<EndpointRow>> allEndpoints(store::Database &db);

} // namespace hm::server::repositories
