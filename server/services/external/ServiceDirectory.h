#pragma once

// The server's hm::engine::ServiceResolver (core/engine/services): what the
// engine's service node asks about a service's endpoint and how to
// authenticate a call (docs/services.md).
//   endpoint()  any thread (the engine's): answered from an in-memory
//               snapshot of every service and endpoint, swapped under a
//               mutex whenever the services change (reload(), called by
//               ServiceCatalog after each committed write). An inactive
//               service's endpoints are SERVICE_UNAVAILABLE.
//   authorize() any thread: the work is posted to the directory's thread
//               (the server thread: the store and the vault live there), the
//               credential is decrypted through the vault, and `done` is
//               posted to `context`'s thread.

#include "common/Result.h"
#include "engine/services/ServiceResolver.h"
#include "server/repositories/ServiceRepository.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <memory>

namespace hm::store {
class Database;
}

namespace hm::server::credentials {
class CredentialVault;
}

namespace hm::server::external {

class OAuth2Tokens;

class ServiceDirectory : public QObject, public engine::ServiceResolver
{
    Q_OBJECT
public:
    ServiceDirectory(store::Database &db, credentials::CredentialVault &vault,
                     QObject *parent = nullptr);
    ~ServiceDirectory() override;

    // Reads every service and endpoint into a new snapshot. Owner's thread.
    Status reload();

    Result<engine::ServiceEndpointSpec> endpoint(const QString &serviceId,
                                                 const QString &endpointId) const override;
    // `context` must outlive the call or be deleted on the directory's
    // thread: when it is gone by the time the answer is ready, `done` is
    // dropped.
    void authorize(const QString &serviceId, bool forceRefresh, QObject *context,
                   AuthDone done) override;

    // What authorize() does, on the owner's thread, with `done` called on
    // it (possibly at once).
    void authorizeHere(const QString &serviceId, bool forceRefresh, AuthDone done);

    // Whether a new authentication can differ from the last (an oauth2
    // credential: a new token), i.e. whether a 401 is worth one retry.
    // Owner's thread.
    bool refreshable(const QString &serviceId);

    OAuth2Tokens &tokens() { return *m_tokens; }

private:
    struct Entry
    {
        engine::ServiceEndpointSpec spec;
        QString label; // "GET /pets/{id}"
        bool removed = false;
        bool enabled = true;
        qint64 removedAt = 0;
    };
    struct Snapshot
    {
        QHash<QString, repositories::ServiceRow> services;
        QHash<QString, Entry> endpoints; // serviceId + '/' + endpointId
    };

    store::Database &m_db;
    credentials::CredentialVault &m_vault;
    OAuth2Tokens *m_tokens;
    mutable QMutex m_mutex;
    std::shared_ptr<const Snapshot> m_snapshot;
};

} // namespace hm::server::external
