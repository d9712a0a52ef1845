#pragma once

// A ServiceResolver over fixed endpoint specs and a fixed credential, for
// the "service" node's tests and benchmark. It is the only test double
// there: the real resolver is the server's, over its services table and the
// credential vault (server/services/external), and is tested with it.

#include "engine/services/ServiceResolver.h"

#include <QHash>
#include <QTimer>
#include <atomic>
#include <mutex>
#include <optional>

namespace hm::test {

class FixedServiceResolver final : public engine::ServiceResolver
{
public:
    void setEndpoint(const engine::ServiceEndpointSpec &spec)
    {
        std::lock_guard lock(m_mutex);
        m_specs.insert(spec.serviceId + u'/' + spec.endpointId, spec);
    }
    // What authorize() answers; forceRefresh switches to `refreshed` when set.
    void setAuth(engine::ServiceAuth current,
                 std::optional<engine::ServiceAuth> refreshed = std::nullopt)
    {
        std::lock_guard lock(m_mutex);
        m_auth = std::move(current);
        m_refreshed = std::move(refreshed);
        m_authError.reset();
    }
    void failAuth(Error error)
    {
        std::lock_guard lock(m_mutex);
        m_authError = std::move(error);
    }

    std::atomic<int> authorizeCalls{0};
    std::atomic<int> forcedRefreshes{0};

    Result<engine::ServiceEndpointSpec> endpoint(const QString &serviceId,
                                                 const QString &endpointId) const override
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_specs.constFind(serviceId + u'/' + endpointId);
        if (it == m_specs.cend())
            return Error{ErrorCode::EndpointNotFound,
                         QStringLiteral("endpoint %1 of service %2 does not exist")
                             .arg(endpointId, serviceId)};
        return *it;
    }

    void authorize(const QString &serviceId, bool forceRefresh, QObject *context,
                   AuthDone done) override
    {
        Q_UNUSED(serviceId);
        ++authorizeCalls;
        std::optional<Result<engine::ServiceAuth>> answer;
        {
            std::lock_guard lock(m_mutex);
            if (forceRefresh) {
                ++forcedRefreshes;
                if (m_refreshed)
                    m_auth = *m_refreshed;
            }
            if (m_authError)
                answer.emplace(*m_authError);
            else
                answer.emplace(m_auth);
        }
        // Never inside this call, on the context's thread.
        QTimer::singleShot(0, context,
                           [done = std::move(done), answer = std::move(*answer)] { done(answer); });
    }

private:
    mutable std::mutex m_mutex;
    QHash<QString, engine::ServiceEndpointSpec> m_specs;
    engine::ServiceAuth m_auth;
    std::optional<engine::ServiceAuth> m_refreshed;
    std::optional<Error> m_authError;
};

} // namespace hm::test
