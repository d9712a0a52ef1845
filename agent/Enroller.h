#pragma once

// Enrolment: POST {server}/api/v1/nodes/register with the single-use secret
// in X-Secret-Key (never in the URL) and the machine's facts and public key;
// the answer names the node. The secret appears in no log or error.

#include "agent/MetricsCollector.h"
#include "client/TlsPolicy.h"
#include "common/Result.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <functional>

namespace hm::agent {

struct EnrolmentRequest
{
    QUrl server;
    QString secret;
    QString name;
    QStringList capabilities;
    QString agentVersion;
    QByteArray publicKey; // raw 32 bytes
    SystemFacts facts;
    client::TlsPolicy tls;
    int timeoutMs = 30000;
};

struct EnrolmentAnswer
{
    QString nodeId;
    QString name;
    QString fingerprint;
    QByteArray releaseKey; // 32 bytes, or empty when the server sent none
};

class Enroller : public QObject
{
    Q_OBJECT
public:
    explicit Enroller(QObject *parent = nullptr);

    // The body the server receives (without the secret, which is a header).
    static QJsonObject requestBody(const EnrolmentRequest &request);

    // `done` runs once, later, with the answer or: Unauthorized (the secret
    // was refused: wrong, used or expired), ValidationError (the server
    // refused the request), RateLimitExceeded (429) or ServiceUnavailable
    // (5xx), NetworkError (no answer, TLS refused), or InternalError (an
    // answer that is not the API's).
    void enrol(const EnrolmentRequest &request, std::function<void(Result<EnrolmentAnswer>)> done);

private:
    QNetworkAccessManager m_network;
};

} // namespace hm::agent
