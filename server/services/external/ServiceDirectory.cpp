#include "server/services/external/ServiceDirectory.h"

#include "common/Logging.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/CredentialRepository.h"
#include "server/services/credentials/CredentialVault.h"
#include "server/services/external/CredentialInjection.h"
#include "server/services/external/ServiceModel.h"

#include <QPointer>

namespace hm::server::external {

ServiceDirectory::ServiceDirectory(store::Database &db, credentials::CredentialVault &vault,
                                   QObject *parent)
    : QObject(parent), m_db(db), m_vault(vault), m_tokens(new OAuth2Tokens(this)),
      m_snapshot(std::make_shared<Snapshot>())
{}

ServiceDirectory::~ServiceDirectory() = default;

Status ServiceDirectory::reload()
{
    auto services = repositories::allServices(m_db);
    if (!services)
        return services.error();
    auto endpoints = repositories::allEndpoints(m_db);
    if (!endpoints)
        return endpoints.error();
    auto next = std::make_shared<Snapshot>();
    for (const repositories::ServiceRow &row : std::as_const(services.value()))
        next->services.insert(row.id, row);
    for (const repositories::EndpointRow &row : std::as_const(endpoints.value())) {
        const auto service = next->services.constFind(row.serviceId);
        if (service == next->services.constEnd())
            continue;
        next->endpoints.insert(row.serviceId + u'/' + row.id,
                               Entry{endpointSpec(*service, row), row.method + u' ' + row.path,
                                     row.status == QLatin1String("removed"), row.enabled,
                                     row.removedAt});
    }
    qCDebug(lcServer).noquote() << "services: directory holds" << next->services.size()
                                << "services and" << next->endpoints.size() << "endpoints";
    QMutexLocker lock(&m_mutex);
    m_snapshot = std::move(next);
    return {};
}

Result<engine::ServiceEndpointSpec> ServiceDirectory::endpoint(const QString &serviceId,
                                                               const QString &endpointId) const
{
    std::shared_ptr<const Snapshot> snapshot;
    {
        QMutexLocker lock(&m_mutex);
        snapshot = m_snapshot;
    }
    const auto service = snapshot->services.constFind(serviceId);
    if (service == snapshot->services.constEnd())
        return Error{
            ErrorCode::ServiceNotFound,
            QStringLiteral("the external service %1 does not exist (deleted?)").arg(serviceId),
            {{QStringLiteral("service_id"), serviceId}}};
    if (service->status != QLatin1String("active"))
        return Error{ErrorCode::ServiceUnavailable,
                     QStringLiteral("the external service %1 is %2; set it active to call it")
                         .arg(service->name, service->status),
                     {{QStringLiteral("service_id"), serviceId},
                      {QStringLiteral("status"), service->status}}};
    const auto entry = snapshot->endpoints.constFind(serviceId + u'/' + endpointId);
    // The names too: a console words the refusal in its own language.
    const QJsonObject details{{QStringLiteral("service_id"), serviceId},
                              {QStringLiteral("endpoint_id"), endpointId},
                              {QStringLiteral("service"), service->name}};
    if (entry == snapshot->endpoints.constEnd())
        return Error{
            ErrorCode::EndpointNotFound,
            QStringLiteral("the service %1 has no endpoint %2").arg(service->name, endpointId),
            details};
    if (entry->removed) {
        QJsonObject removed = details;
        removed.insert(QStringLiteral("status"), QStringLiteral("removed"));
        removed.insert(QStringLiteral("endpoint"), entry->label);
        removed.insert(QStringLiteral("removed_at"), auth::isoOrNull(entry->removedAt));
        return Error{ErrorCode::EndpointNotFound,
                     QStringLiteral("the endpoint %1 of the service %2 was removed from its "
                                    "OpenAPI document by a schema refresh; choose another "
                                    "endpoint")
                         .arg(entry->label, service->name),
                     removed};
    }
    if (!entry->enabled) {
        QJsonObject disabled = details;
        disabled.insert(QStringLiteral("status"), QStringLiteral("disabled"));
        disabled.insert(QStringLiteral("endpoint"), entry->label);
        return Error{ErrorCode::EndpointNotFound,
                     QStringLiteral("the endpoint %1 of the service %2 is disabled")
                         .arg(entry->label, service->name),
                     disabled};
    }
    return entry->spec;
}

void ServiceDirectory::authorize(const QString &serviceId, bool forceRefresh, QObject *context,
                                 AuthDone done)
{
    QPointer<QObject> target(context);
    QMetaObject::invokeMethod(
        this,
        [this, serviceId, forceRefresh, target, done = std::move(done)]() mutable {
            authorizeHere(serviceId, forceRefresh,
                          [target, done = std::move(done)](Result<engine::ServiceAuth> auth) {
                              if (!target)
                                  return;
                              QMetaObject::invokeMethod(
                                  target.data(), [done, auth] { done(auth); },
                                  Qt::QueuedConnection);
                          });
        },
        Qt::QueuedConnection);
}

bool ServiceDirectory::refreshable(const QString &serviceId)
{
    std::shared_ptr<const Snapshot> snapshot;
    {
        QMutexLocker lock(&m_mutex);
        snapshot = m_snapshot;
    }
    const auto service = snapshot->services.constFind(serviceId);
    if (service == snapshot->services.constEnd() || service->credentialId.isEmpty())
        return false;
    auto row = repositories::credentialById(m_db, service->credentialId);
    return row && row.value() && row.value()->type == QLatin1String("oauth2");
}

void ServiceDirectory::authorizeHere(const QString &serviceId, bool forceRefresh, AuthDone done)
{
    std::shared_ptr<const Snapshot> snapshot;
    {
        QMutexLocker lock(&m_mutex);
        snapshot = m_snapshot;
    }
    const auto service = snapshot->services.constFind(serviceId);
    if (service == snapshot->services.constEnd())
        return done(Error{ErrorCode::ServiceNotFound,
                          QStringLiteral("the external service %1 does not exist").arg(serviceId),
                          {{QStringLiteral("service_id"), serviceId}}});
    if (service->credentialId.isEmpty())
        return done(engine::ServiceAuth{});
    auto row = repositories::credentialById(m_db, service->credentialId);
    if (!row)
        return done(row.error());
    if (!row.value())
        return done(Error{
            ErrorCode::ServiceAuthFailed,
            QStringLiteral("the credential of the service %1 no longer exists").arg(service->name),
            {{QStringLiteral("service_id"), serviceId}}});
    const credentials::CredentialRow &credential = *row.value();
    auto data = m_vault.open(credential);
    if (!data)
        return done(data.error());
    qCDebug(lcServer).noquote() << "services: authenticating a call of" << service->name
                                << "with the" << credential.type << "credential" << credential.id;
    if (credential.type == QLatin1String("oauth2"))
        return m_tokens->authorize(credential.id + u':' + QString::number(credential.updatedAt),
                                   data.value(), forceRefresh, std::move(done));
    done(staticAuth(credential.type, data.value()));
}

} // namespace hm::server::external
