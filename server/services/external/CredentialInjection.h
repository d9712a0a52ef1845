#pragma once

// Credential injection (seed 003 §15.5, docs/services.md): what a call to an
// external service carries for the credential linked to the service.
//   http_basic   Authorization: Basic base64(username:password)
//   http_bearer  Authorization: Bearer <token>
//   api_key      header <name>: [<prefix> ]<key>, or query ?<name>=<key>
//   oauth2       Authorization: Bearer <access token> of a client-credentials
//                grant at tokenUrl (client authenticated with HTTP Basic,
//                RFC 6749 §2.3.1 / §4.4; scope from scopes), cached until
//                shortly before it expires (expires_in), fetched again when
//                the caller got a 401 with it (forceRefresh).
// Every value that carries a secret is listed in ServiceAuth::secrets so
// callers can mask it wherever it could surface.

#include "common/Result.h"
#include "engine/services/ServiceResolver.h"
#include "server/services/credentials/CredentialPayload.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <functional>

class QNetworkAccessManager;

namespace hm::server::external {

// The credential types a service may link.
const QStringList &serviceCredentialTypes();

// http_basic, http_bearer and api_key: the headers / query item. Other types
// are INVALID_CREDENTIAL_TYPE.
Result<engine::ServiceAuth> staticAuth(const QString &type,
                                       const credentials::CredentialData &data);

// oauth2 access tokens by credential, on the thread that owns it.
class OAuth2Tokens : public QObject
{
    Q_OBJECT
public:
    explicit OAuth2Tokens(QObject *parent = nullptr);

    // `key` names the credential and its version (id and updated_at), so a
    // changed credential never uses a token of its old secret. Concurrent
    // requests for one key share one token request. Failures:
    // SERVICE_AUTH_FAILED (the token endpoint refused, answered no
    // access_token, or could not be reached), never quoting its answer.
    using Done = std::function<void(Result<engine::ServiceAuth>)>;
    void authorize(const QString &key, const credentials::CredentialData &data, bool forceRefresh,
                   Done done);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Token requests made so far (diagnostics, logs).
    int requestsMade() const { return m_requests; }

private:
    struct Entry
    {
        QString token;
        qint64 expiresAt = 0; // m_clock ms; 0 = unknown lifetime
        bool fetching = false;
        QList<Done> waiting;
    };
    void fetch(const QString &key, const credentials::CredentialData &data);
    void finish(const QString &key, const Result<QString> &token, qint64 lifetimeMs);
    static engine::ServiceAuth authOf(const QString &token,
                                      const credentials::CredentialData &data);

    QNetworkAccessManager *m_network;
    QHash<QString, Entry> m_entries;
    QElapsedTimer m_clock;
    int m_timeoutMs = 10000;
    int m_requests = 0;
};

} // namespace hm::server::external
