#include "server/services/external/ServiceCatalog.h"

#include "common/Logging.h"
#include "crypto/Random.h"
#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/repositories/CredentialRepository.h"
#include "server/services/credentials/CredentialVault.h"
#include "server/services/external/CredentialInjection.h"
#include "server/services/external/ServiceDirectory.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace hm::server::external {

using auth::Principal;
using auth::Role;

namespace {

constexpr int kMinTimeoutMs = 100;
constexpr int kMaxTimeoutMs = 300000;
constexpr qsizetype kMaxDescriptionLength = 4096;
constexpr int kMaxManualEndpoints = 1000;
const QString kUsageType = QStringLiteral("service");

Error notFound(const QString &id)
{
    return Error{ErrorCode::ServiceNotFound,
                 QStringLiteral("no external service %1").arg(id),
                 {{QStringLiteral("service_id"), id}}};
}

Result<QString> textField(const QJsonObject &body, const QString &field, bool required,
                          qsizetype maxLength)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || (value.isNull() && !required))
        return required ? Result<QString>(
                              auth::fieldError(field, QStringLiteral("%1 is required").arg(field)))
                        : Result<QString>(QString());
    if (!value.isString() || (required && value.toString().trimmed().isEmpty()))
        return auth::fieldError(
            field, QStringLiteral("%1 must be a %2string")
                       .arg(field, required ? QStringLiteral("non-empty ") : QString()));
    if (value.toString().size() > maxLength)
        return Error{
            ErrorCode::ValidationError,
            QStringLiteral("%1 is longer than %2 characters").arg(field).arg(maxLength),
            {{QStringLiteral("field"), field}, {QStringLiteral("max_length"), qint64(maxLength)}}};
    return value.toString().trimmed();
}

Result<int> timeoutField(const QJsonObject &body, int fallback)
{
    const QJsonValue value = body.value(QStringLiteral("timeout_ms"));
    if (value.isUndefined() || value.isNull())
        return fallback;
    const double ms = value.toDouble(-1);
    if (!value.isDouble() || ms != double(qint64(ms)) || ms < kMinTimeoutMs || ms > kMaxTimeoutMs)
        return auth::fieldError(QStringLiteral("timeout_ms"),
                                QStringLiteral("timeout_ms must be an integer from %1 to %2")
                                    .arg(kMinTimeoutMs)
                                    .arg(kMaxTimeoutMs));
    return int(ms);
}

Result<QString> schemaUrlField(const QJsonObject &body)
{
    auto text = textField(body, QStringLiteral("schema_url"), false, 500);
    if (!text)
        return text;
    return checkSchemaUrl(text.value(), QStringLiteral("schema_url"));
}

} // namespace

void ServiceCatalog::reloadDirectory()
{
    if (Status reloaded = m_directory.reload(); !reloaded)
        qCWarning(lcServer).noquote()
            << "services: the directory could not be reloaded:" << reloaded.error().message;
}

Result<QString> ServiceCatalog::checkCredential(const Principal &caller, const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString() || value.toString().isEmpty())
        return auth::fieldError(QStringLiteral("credential_id"),
                                QStringLiteral("credential_id must be a credential's id or null"));
    // Linking sends the secret to the service's base URL: only who may use
    // the credential may link it.
    auto row = m_vault.getForChange(caller, value.toString());
    if (!row) {
        Error error = row.error();
        error.details.insert(QStringLiteral("field"), QStringLiteral("credential_id"));
        return error;
    }
    if (!serviceCredentialTypes().contains(row.value().type))
        return Error{
            ErrorCode::InvalidCredentialType,
            QStringLiteral("a %1 credential cannot authenticate service calls; use one "
                           "of: %2")
                .arg(row.value().type, serviceCredentialTypes().join(QStringLiteral(", "))),
            {{QStringLiteral("field"), QStringLiteral("credential_id")}}};
    return row.value().id;
}

Status ServiceCatalog::linkCredential(const ServiceRow &row)
{
    if (Status removed = repositories::deleteCredentialUsagesBy(m_db, kUsageType, row.id); !removed)
        return removed;
    if (row.credentialId.isEmpty())
        return {};
    return repositories::insertCredentialUsage(m_db, row.credentialId,
                                               {kUsageType, row.id, row.name});
}

Status ServiceCatalog::storeEndpoint(const QString &serviceId, const openapi::Endpoint &endpoint,
                                     const QString &source, qint64 now)
{
    EndpointRow row = endpointRow(endpoint, source);
    row.id = crypto::uuid();
    row.serviceId = serviceId;
    row.createdAt = row.updatedAt = now;
    return repositories::insertEndpoint(m_db, row);
}

Result<ServiceDraft> ServiceCatalog::prepare(const Principal &caller, const QJsonObject &body)
{
    ServiceDraft draft;
    ServiceRow &row = draft.row;
    auto name = textField(body, QStringLiteral("name"), true, kMaxNameLength);
    if (!name)
        return name.error();
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    if (!namePattern.match(name.value()).hasMatch())
        return auth::fieldError(QStringLiteral("name"),
                                QStringLiteral("name must be letters, digits, \"-\", \"_\" or "
                                               "\".\", starting with a letter or digit "
                                               "(e.g. user-service)"));
    row.name = name.value();
    auto displayName = textField(body, QStringLiteral("display_name"), false, kMaxNameLength);
    if (!displayName)
        return displayName.error();
    row.displayName = displayName.value().isEmpty() ? row.name : displayName.value();
    auto description = textField(body, QStringLiteral("description"), false, kMaxDescriptionLength);
    if (!description)
        return description.error();
    row.description = description.value();
    auto baseText = textField(body, QStringLiteral("base_url"), true, 500);
    if (!baseText)
        return baseText.error();
    auto base = parseBaseUrl(baseText.value(), QStringLiteral("base_url"));
    if (!base)
        return base.error();
    draft.baseUrl = base.value();
    row.baseUrl = base.value().toString();
    const QJsonValue protocol = body.value(QStringLiteral("protocol"));
    if (!protocol.isUndefined() && !protocol.isNull() && protocol != QJsonValue(u"REST"_qs))
        return auth::fieldError(QStringLiteral("protocol"),
                                QStringLiteral("protocol must be REST (GraphQL and gRPC services "
                                               "are not supported yet)"));
    auto schemaUrl = schemaUrlField(body);
    if (!schemaUrl)
        return schemaUrl.error();
    row.schemaUrl = schemaUrl.value();
    auto document = documentField(body);
    if (!document)
        return document.error();
    draft.document = document.value().toUtf8();
    auto timeout = timeoutField(body, 30000);
    if (!timeout)
        return timeout.error();
    row.timeoutMs = timeout.value();
    auto credential = checkCredential(caller, body.value(QStringLiteral("credential_id")));
    if (!credential)
        return credential.error();
    row.credentialId = credential.value();

    const QJsonValue endpoints = body.value(QStringLiteral("endpoints"));
    if (!endpoints.isUndefined() && !endpoints.isNull()) {
        if (!endpoints.isArray() || endpoints.toArray().size() > kMaxManualEndpoints)
            return auth::fieldError(QStringLiteral("endpoints"),
                                    QStringLiteral("endpoints must be an array of at most %1 "
                                                   "endpoints")
                                        .arg(kMaxManualEndpoints));
        if (!row.schemaUrl.isEmpty() || !draft.document.isEmpty())
            return auth::fieldError(QStringLiteral("endpoints"),
                                    QStringLiteral("give one of schema_url, document or "
                                                   "endpoints, not several"));
        draft.manual = true;
        QSet<QString> keys;
        int i = 0;
        for (const QJsonValue &v : endpoints.toArray()) {
            const QString field = QStringLiteral("endpoints[%1]").arg(i++);
            if (!v.isObject())
                return auth::fieldError(field, QStringLiteral("an endpoint must be an object"));
            auto endpoint = parseManualEndpoint(v.toObject(), field);
            if (!endpoint)
                return endpoint.error();
            if (keys.contains(endpoint.value().key()))
                return auth::fieldError(
                    field, QStringLiteral("%1 is listed twice").arg(endpoint.value().key()));
            keys.insert(endpoint.value().key());
            draft.endpoints.append(endpoint.value());
        }
    }
    auto taken = repositories::serviceByName(m_db, row.name);
    if (!taken)
        return taken.error();
    if (taken.value())
        return Error{ErrorCode::ResourceAlreadyExists,
                     QStringLiteral("a service named %1 exists already").arg(row.name),
                     {{QStringLiteral("field"), QStringLiteral("name")}}};
    row.id = crypto::uuid();
    row.createdBy = caller.userId;
    row.createdByName = caller.username;
    return draft;
}

Result<ServiceRow> ServiceCatalog::create(ServiceDraft draft,
                                          const std::optional<FetchedDocument> &document)
{
    ServiceRow row = draft.row;
    const qint64 now = auth::nowMs();
    row.createdAt = row.updatedAt = now;
    if (document) {
        row.schemaSource = document->source.toString();
        row.schemaInfo = compactJson(schemaInfo(document->document));
        row.schemaRefreshedAt = now;
    }
    auto transaction = m_db.begin();
    if (!transaction)
        return transaction.error();
    // The name may have been taken while the document was read.
    auto taken = repositories::serviceByName(m_db, row.name);
    if (!taken)
        return taken.error();
    if (taken.value())
        return Error{ErrorCode::ResourceAlreadyExists,
                     QStringLiteral("a service named %1 exists already").arg(row.name),
                     {{QStringLiteral("field"), QStringLiteral("name")}}};
    if (Status inserted = repositories::insertService(m_db, row); !inserted)
        return inserted.error();
    const QList<openapi::Endpoint> &endpoints =
        document ? document->document.endpoints : draft.endpoints;
    const QString source = document ? QStringLiteral("document") : QStringLiteral("manual");
    for (const openapi::Endpoint &endpoint : endpoints)
        if (Status stored = storeEndpoint(row.id, endpoint, source, now); !stored)
            return stored.error();
    if (Status linked = linkCredential(row); !linked)
        return linked.error();
    if (Status committed = transaction.value().commit(); !committed)
        return committed.error();
    reloadDirectory();
    qCInfo(lcServer).noquote() << "services: registered" << row.name << "with" << endpoints.size()
                               << "endpoints";
    return get(row.id);
}

Result<ServiceRow> ServiceCatalog::get(const QString &id)
{
    auto row = repositories::serviceById(m_db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return notFound(id);
    return *row.value();
}

Result<ServiceRow> ServiceCatalog::getForChange(const Principal &caller, const QString &id)
{
    auto row = get(id);
    if (row && caller.role != Role::Admin && row.value().createdBy != caller.userId)
        return Error{ErrorCode::Forbidden,
                     QStringLiteral("only who registered the service or an administrator may "
                                    "change it"),
                     {}};
    return row;
}

Result<ServiceRow> ServiceCatalog::update(const Principal &caller, const QString &id,
                                          const QJsonObject &body, QStringList *changed)
{
    auto transaction = m_db.begin();
    if (!transaction)
        return transaction.error();
    auto found = getForChange(caller, id);
    if (!found)
        return found.error();
    ServiceRow row = found.value();
    for (const char *fixed : {"name", "protocol", "endpoints"})
        if (body.contains(QLatin1String(fixed)) &&
            !(QLatin1String(fixed) == QLatin1String("name") &&
              body.value(QLatin1String(fixed)) == QJsonValue(row.name)) &&
            !(QLatin1String(fixed) == QLatin1String("protocol") &&
              body.value(QLatin1String(fixed)) == QJsonValue(row.protocol)))
            return auth::fieldError(
                QLatin1String(fixed),
                QStringLiteral("%1 cannot be changed here").arg(QLatin1String(fixed)));
    if (body.contains(QStringLiteral("display_name"))) {
        auto displayName = textField(body, QStringLiteral("display_name"), true, kMaxNameLength);
        if (!displayName)
            return displayName.error();
        if (displayName.value() != row.displayName) {
            row.displayName = displayName.value();
            changed->append(QStringLiteral("display_name"));
        }
    }
    if (body.contains(QStringLiteral("description"))) {
        auto description =
            textField(body, QStringLiteral("description"), false, kMaxDescriptionLength);
        if (!description)
            return description.error();
        if (description.value() != row.description) {
            row.description = description.value();
            changed->append(QStringLiteral("description"));
        }
    }
    if (body.contains(QStringLiteral("base_url"))) {
        auto text = textField(body, QStringLiteral("base_url"), true, 500);
        if (!text)
            return text.error();
        auto base = parseBaseUrl(text.value(), QStringLiteral("base_url"));
        if (!base)
            return base.error();
        if (base.value().toString() != row.baseUrl) {
            row.baseUrl = base.value().toString();
            changed->append(QStringLiteral("base_url"));
        }
    }
    if (body.contains(QStringLiteral("schema_url"))) {
        auto schemaUrl = schemaUrlField(body);
        if (!schemaUrl)
            return schemaUrl.error();
        if (schemaUrl.value() != row.schemaUrl) {
            row.schemaUrl = schemaUrl.value();
            changed->append(QStringLiteral("schema_url"));
        }
    }
    if (body.contains(QStringLiteral("timeout_ms"))) {
        auto timeout = timeoutField(body, row.timeoutMs);
        if (!timeout)
            return timeout.error();
        if (timeout.value() != row.timeoutMs) {
            row.timeoutMs = timeout.value();
            changed->append(QStringLiteral("timeout_ms"));
        }
    }
    if (body.contains(QStringLiteral("status"))) {
        const QJsonValue status = body.value(QStringLiteral("status"));
        if (status != QJsonValue(u"active"_qs) && status != QJsonValue(u"inactive"_qs))
            return auth::fieldError(QStringLiteral("status"),
                                    QStringLiteral("status must be active or inactive"));
        if (status.toString() != row.status) {
            row.status = status.toString();
            changed->append(QStringLiteral("status"));
        }
    }
    bool relink = false;
    if (body.contains(QStringLiteral("credential_id"))) {
        auto credential = checkCredential(caller, body.value(QStringLiteral("credential_id")));
        if (!credential)
            return credential.error();
        if (credential.value() != row.credentialId) {
            row.credentialId = credential.value();
            changed->append(QStringLiteral("credential_id"));
            relink = true;
        }
    }
    if (changed->isEmpty())
        return row;
    row.updatedAt = auth::nowMs();
    if (Status updated = repositories::updateService(m_db, row); !updated)
        return updated.error();
    if (relink)
        if (Status linked = linkCredential(row); !linked)
            return linked.error();
    if (Status committed = transaction.value().commit(); !committed)
        return committed.error();
    reloadDirectory();
    return get(id);
}

Result<ServiceRow> ServiceCatalog::remove(const Principal &caller, const QString &id)
{
    auto transaction = m_db.begin();
    if (!transaction)
        return transaction.error();
    auto row = getForChange(caller, id);
    if (!row)
        return row.error();
    if (Status unlinked = repositories::deleteCredentialUsagesBy(m_db, kUsageType, id); !unlinked)
        return unlinked.error();
    if (Status deleted = repositories::deleteService(m_db, id); !deleted)
        return deleted.error();
    if (Status committed = transaction.value().commit(); !committed)
        return committed.error();
    reloadDirectory();
    qCInfo(lcServer).noquote() << "services: deleted" << row.value().name;
    return row;
}

Result<QList<EndpointRow>> ServiceCatalog::endpoints(const QString &serviceId,
                                                     const QString &status)
{
    auto service = get(serviceId);
    if (!service)
        return service.error();
    return repositories::endpointsOf(m_db, serviceId, status);
}

Result<EndpointRow> ServiceCatalog::addEndpoint(const Principal &caller, const QString &serviceId,
                                                const QJsonObject &body)
{
    auto endpoint = parseManualEndpoint(body);
    if (!endpoint)
        return endpoint.error();
    auto transaction = m_db.begin();
    if (!transaction)
        return transaction.error();
    auto service = getForChange(caller, serviceId);
    if (!service)
        return service.error();
    auto existing = repositories::endpointsOf(m_db, serviceId);
    if (!existing)
        return existing.error();
    const qint64 now = auth::nowMs();
    EndpointRow row = endpointRow(endpoint.value(), QStringLiteral("manual"));
    row.serviceId = serviceId;
    row.createdAt = row.updatedAt = now;
    bool replaced = false;
    for (const EndpointRow &old : std::as_const(existing.value())) {
        if (old.method != row.method || old.path != row.path)
            continue;
        if (old.status == QLatin1String("active"))
            return Error{ErrorCode::ResourceAlreadyExists,
                         QStringLiteral("the service has an endpoint %1 %2 already")
                             .arg(row.method, row.path),
                         {{QStringLiteral("endpoint_id"), old.id}}};
        // A removed one comes back under its id: flows pointing at it work again.
        row.id = old.id;
        row.createdAt = old.createdAt;
        if (Status updated = repositories::updateEndpoint(m_db, row); !updated)
            return updated.error();
        replaced = true;
    }
    if (!replaced) {
        row.id = crypto::uuid();
        if (Status inserted = repositories::insertEndpoint(m_db, row); !inserted)
            return inserted.error();
    }
    if (Status committed = transaction.value().commit(); !committed)
        return committed.error();
    reloadDirectory();
    return row;
}

Result<EndpointRow> ServiceCatalog::removeEndpoint(const Principal &caller,
                                                   const QString &serviceId,
                                                   const QString &endpointId)
{
    auto service = getForChange(caller, serviceId);
    if (!service)
        return service.error();
    auto row = repositories::endpointById(m_db, serviceId, endpointId);
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::EndpointNotFound,
                     QStringLiteral("the service %1 has no endpoint %2")
                         .arg(service.value().name, endpointId),
                     {{QStringLiteral("endpoint_id"), endpointId}}};
    if (Status deleted = repositories::deleteEndpoint(m_db, endpointId); !deleted)
        return deleted.error();
    reloadDirectory();
    return *row.value();
}

Result<RefreshOutcome> ServiceCatalog::refresh(const QString &serviceId,
                                               const FetchedDocument &document, bool apply)
{
    auto transaction = m_db.begin();
    if (!transaction)
        return transaction.error();
    auto service = get(serviceId);
    if (!service)
        return service.error();
    auto stored = repositories::endpointsOf(m_db, serviceId);
    if (!stored)
        return stored.error();
    QList<openapi::Endpoint> before;
    QHash<QString, EndpointRow> byKey;
    for (const EndpointRow &row : std::as_const(stored.value())) {
        byKey.insert(row.method + u' ' + row.path, row);
        if (row.status == QLatin1String("active") && row.source == QLatin1String("document"))
            before.append(endpointOf(row));
    }
    RefreshOutcome outcome;
    outcome.diff = openapi::diffEndpoints(before, document.document.endpoints);
    outcome.service = service.value();
    if (!apply)
        return outcome;

    const qint64 now = auth::nowMs();
    QSet<QString> present;
    for (const openapi::Endpoint &endpoint : document.document.endpoints) {
        present.insert(endpoint.key());
        const auto old = byKey.constFind(endpoint.key());
        if (old == byKey.constEnd()) {
            if (Status inserted =
                    storeEndpoint(serviceId, endpoint, QStringLiteral("document"), now);
                !inserted)
                return inserted.error();
            continue;
        }
        EndpointRow row = endpointRow(endpoint, QStringLiteral("document"));
        row.id = old->id;
        row.serviceId = serviceId;
        row.enabled = old->enabled;
        row.createdAt = old->createdAt;
        if (row.definition == old->definition && old->status == QLatin1String("active") &&
            old->source == row.source)
            continue;
        row.updatedAt = now;
        if (Status updated = repositories::updateEndpoint(m_db, row); !updated)
            return updated.error();
    }
    for (const EndpointRow &old : std::as_const(stored.value())) {
        if (old.source != QLatin1String("document") || old.status != QLatin1String("active") ||
            present.contains(old.method + u' ' + old.path))
            continue;
        EndpointRow row = old;
        row.status = QStringLiteral("removed");
        row.removedAt = row.updatedAt = now;
        if (Status updated = repositories::updateEndpoint(m_db, row); !updated)
            return updated.error();
    }
    ServiceRow row = service.value();
    row.schemaSource = document.source.toString();
    row.schemaInfo = compactJson(schemaInfo(document.document));
    row.schemaRefreshedAt = row.updatedAt = now;
    if (Status updated = repositories::updateService(m_db, row); !updated)
        return updated.error();
    if (Status committed = transaction.value().commit(); !committed)
        return committed.error();
    reloadDirectory();
    auto refreshed = get(serviceId);
    if (!refreshed)
        return refreshed.error();
    outcome.service = refreshed.value();
    outcome.applied = true;
    qCInfo(lcServer).noquote() << "services: schema of" << row.name
                               << "refreshed:" << outcome.diff.added.size() << "added,"
                               << outcome.diff.changed.size() << "changed,"
                               << outcome.diff.removed.size() << "removed";
    return outcome;
}

} // namespace hm::server::external
