#pragma once

// External services on the server thread (seed 003 §7.4, §15,
// docs/services.md): validation, access checks and the writes of
// registering, changing and deleting services and endpoints, and applying
// a schema refresh. Every write is one transaction; the directory
// (ServiceDirectory) is reloaded after each commit. Linking a credential
// records the use in credential_usages (the vault then refuses to delete
// it: CREDENTIAL_IN_USE naming the service).

#include "common/Result.h"
#include "openapi/EndpointDiff.h"
#include "server/api/Roles.h"
#include "server/services/external/SchemaFetcher.h"
#include "server/services/external/ServiceModel.h"

#include <QJsonObject>
#include <optional>

namespace hm::store {
class Database;
}
namespace hm::server::credentials {
class CredentialVault;
}

namespace hm::server::external {

class ServiceDirectory;

// A registration checked and ready to store (after its document was read).
struct ServiceDraft
{
    ServiceRow row;
    QUrl baseUrl;
    // Endpoints given by hand ("endpoints"); none when a document is read.
    bool manual = false;
    QList<openapi::Endpoint> endpoints;
    // The document given as text ("document"), read instead of a URL.
    QByteArray document;
};

struct RefreshOutcome
{
    ServiceRow service;
    openapi::EndpointDiff diff;
    bool applied = false;
};

class ServiceCatalog
{
public:
    ServiceCatalog(store::Database &db, credentials::CredentialVault &vault,
                   ServiceDirectory &directory)
        : m_db(db), m_vault(vault), m_directory(directory)
    {}

    // Body {name, display_name?, description?, base_url, protocol?,
    // schema_url? | document? | endpoints?, credential_id?, timeout_ms?}.
    // VALIDATION_ERROR naming the field, RESOURCE_ALREADY_EXISTS for a
    // taken name, CREDENTIAL_NOT_FOUND / CREDENTIAL_ACCESS_DENIED /
    // INVALID_CREDENTIAL_TYPE for the credential.
    Result<ServiceDraft> prepare(const auth::Principal &caller, const QJsonObject &body);
    // Stores the draft with the document's endpoints (or its own).
    Result<ServiceRow> create(ServiceDraft draft, const std::optional<FetchedDocument> &document);

    // SERVICE_NOT_FOUND.
    Result<ServiceRow> get(const QString &id);
    // As get(), then FORBIDDEN unless the caller registered it or is an
    // administrator.
    Result<ServiceRow> getForChange(const auth::Principal &caller, const QString &id);
    // Body {display_name?, description?, base_url?, schema_url?,
    // credential_id? (null unlinks), timeout_ms?, status? (active,
    // inactive)}; `changed` gets the names of what changed.
    Result<ServiceRow> update(const auth::Principal &caller, const QString &id,
                              const QJsonObject &body, QStringList *changed);
    Result<ServiceRow> remove(const auth::Principal &caller, const QString &id);

    // `status` "", "active" or "removed".
    Result<QList<EndpointRow>> endpoints(const QString &serviceId, const QString &status);
    Result<EndpointRow> addEndpoint(const auth::Principal &caller, const QString &serviceId,
                                    const QJsonObject &body);
    Result<EndpointRow> removeEndpoint(const auth::Principal &caller, const QString &serviceId,
                                       const QString &endpointId);

    // The difference between the stored document endpoints and `document`'s;
    // stored when `apply`: new ones added, changed ones replaced, missing
    // ones kept with status "removed" (a returning one becomes active again).
    Result<RefreshOutcome> refresh(const QString &serviceId, const FetchedDocument &document,
                                   bool apply);

    // The URL to read the document from: schema_url, or none to probe.
    static QString schemaUrlOf(const ServiceRow &row) { return row.schemaUrl; }

private:
    Result<QString> checkCredential(const auth::Principal &caller, const QJsonValue &value);
    Status linkCredential(const ServiceRow &row);
    Status storeEndpoint(const QString &serviceId, const openapi::Endpoint &endpoint,
                         const QString &source, qint64 now);
    void reloadDirectory();

    store::Database &m_db;
    credentials::CredentialVault &m_vault;
    ServiceDirectory &m_directory;
};

} // namespace hm::server::external
