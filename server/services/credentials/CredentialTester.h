#pragma once

// POST /api/v1/credentials/{id}/test (docs/vault.md "Testing"): uses a
// credential the way a service call would and says how it went, without
// ever putting a secret value in its answer or in a log line.
//   http_basic, http_bearer, api_key: one request to the URL given, with the
//   secret injected (seed 003 §15.5); the answer has the status it returned.
//   oauth2: a client-credentials token request to tokenUrl (RFC 6749 §4.4,
//   client authenticated with HTTP Basic, §2.3.1); success when it answers
//   2xx with an access_token (which is dropped).
//   database: a Qt SQL connection (QPSQL, QMYSQL) that signs in, on a
//   thread of the tester's pool (connecting blocks); a failure says why in
//   "error" when the driver's code tells (SERVICE_AUTH_FAILED, NETWORK_ERROR).
//   ssh: a libssh login with the private key (SshCheck), on the same pool.
// Redirects are not followed: a secret is only ever sent where it was aimed.
// The host it is aimed at must pass the OutboundPolicy first (public
// addresses only unless an administrator allows private networks).

#include "common/Result.h"
#include "server/services/credentials/CredentialPayload.h"
#include "server/services/outbound/OutboundPolicy.h"

#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QThreadPool>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace hm::server::credentials {

// Puts the secret of an http_basic, http_bearer or api_key credential on
// a request (the Authorization header, the api_key's header, or its query
// parameter on `url`), by the rules of service calls
// (external::staticAuth). False for the other types.
bool injectCredential(const QString &type, const CredentialData &data, QNetworkRequest &request,
                      QUrl &url);

class CredentialTester : public QObject
{
    Q_OBJECT
public:
    explicit CredentialTester(QObject *parent = nullptr);
    // Waits for the database checks under way.
    ~CredentialTester() override;

    // {success, message, http_status (absent when no answer came),
    //  duration_ms}; failures of the check itself are success:false, not
    // errors. VALIDATION_ERROR (field "url") when the type needs a URL and
    // none (or not an http/https one) is given; INVALID_CREDENTIAL_TYPE for
    // an unknown type; SERVICE_UNAVAILABLE without the Qt SQL driver;
    // VALIDATION_ERROR with details.reason PRIVATE_ADDRESS for a host the
    // outbound policy refuses (details.field url, tokenUrl or host).
    using Done = std::function<void(Result<QJsonObject>)>;
    void test(const QString &type, CredentialData data, const QString &url, Done done);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setOutboundPolicy(outbound::OutboundPolicy policy) { m_policy = policy; }

private:
    void run(const QString &type, CredentialData data, const QString &url, Done done);
    void testDatabase(const CredentialData &data, Done done);
    void testSsh(const CredentialData &data, Done done);
    void send(QNetworkRequest request, const QByteArray &verb, const QByteArray &body,
              std::function<void(QNetworkReply *)> finished);

    QNetworkAccessManager *m_network;
    QThreadPool m_pool; // blocking database connections
    int m_timeoutMs = 10000;
    outbound::OutboundPolicy m_policy;
};

} // namespace hm::server::credentials
