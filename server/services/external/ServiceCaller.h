#pragma once

// POST /api/v1/services/{id}/test (docs/services.md): one call of a service's
// endpoint with the parameters given and the linked credential injected
// (through the ServiceDirectory, as the engine's calls are), answered with
// the status, headers and body of the service (bounded), every secret value
// of the credential masked. A 401 answer with an oauth2 credential fetches
// a new token once and calls again. Redirects are not followed: the secret
// only goes where it was aimed. Asynchronous on the server thread.

#include "common/Result.h"
#include "engine/services/ServiceResolver.h"

#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <functional>

class QNetworkAccessManager;

namespace hm::server::external {

class ServiceDirectory;

struct CallInput
{
    QJsonObject path;   // {name: value}
    QJsonObject query;  // {name: value or [values]}
    QJsonObject header; // {name: value}
    QJsonValue body;    // undefined / null: no body
};

// The request of one call (URL with path and query parameters, headers,
// body), the credential's headers and query items added last.
// VALIDATION_ERROR naming "parameters.path.<name>" for a missing required
// parameter.
Result<QNetworkRequest> buildRequest(const engine::ServiceEndpointSpec &spec,
                                     const CallInput &input, const engine::ServiceAuth &auth,
                                     QByteArray *body);

class ServiceCaller : public QObject
{
    Q_OBJECT
public:
    ServiceCaller(ServiceDirectory &directory, QObject *parent = nullptr);

    // {success, http_status?, headers [{name, value}], body, body_truncated,
    //  content_type, duration_ms, auth_refreshed, request {method, url},
    //  error? {code, message}}: failures of the service or of its
    // authentication are success:false with `error`, not errors of the
    // route; VALIDATION_ERROR for the parameters.
    using Done = std::function<void(Result<QJsonObject>)>;
    void call(const engine::ServiceEndpointSpec &spec, const CallInput &input, Done done);

    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

private:
    struct Attempt;
    void send(std::shared_ptr<Attempt> attempt);

    ServiceDirectory &m_directory;
    QNetworkAccessManager *m_network;
    qint64 m_maxBodyBytes = 64 * 1024;
};

} // namespace hm::server::external
