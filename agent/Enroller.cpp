#include "agent/Enroller.h"

#include "crypto/Signing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <memory>

namespace hm::agent {

Enroller::Enroller(QObject *parent) : QObject(parent) {}

QJsonObject Enroller::requestBody(const EnrolmentRequest &request)
{
    const SystemFacts &facts = request.facts;
    // Within what the server stores (a longer text is refused as a whole).
    const QByteArray systemInfo =
        QJsonDocument(QJsonObject{{QStringLiteral("uptime"), facts.uptimeSeconds},
                                  {QStringLiteral("kernel"), facts.kernel.left(256)}})
            .toJson(QJsonDocument::Compact);
    return QJsonObject{
        {QStringLiteral("name"), request.name},
        {QStringLiteral("ip"), facts.ip.left(64)},
        {QStringLiteral("os"), facts.os.left(64)},
        {QStringLiteral("arch"), facts.arch.left(32)},
        {QStringLiteral("cpu_cores"), facts.cpuCores},
        {QStringLiteral("cpu_model"), facts.cpuModel.left(255)},
        {QStringLiteral("memory_total"), facts.memoryTotal},
        {QStringLiteral("disk_total"), facts.diskTotal},
        {QStringLiteral("system_info"), QString::fromUtf8(systemInfo)},
        {QStringLiteral("agent_version"), request.agentVersion.left(64)},
        {QStringLiteral("public_key"), QString::fromLatin1(request.publicKey.toBase64())},
        {QStringLiteral("capabilities"), QJsonArray::fromStringList(request.capabilities)},
    };
}

void Enroller::enrol(const EnrolmentRequest &request,
                     std::function<void(Result<EnrolmentAnswer>)> done)
{
    QUrl url = request.server;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/v1/nodes/register"));

    QNetworkRequest httpRequest(url);
    httpRequest.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    httpRequest.setRawHeader("X-Secret-Key", request.secret.toUtf8());
    httpRequest.setTransferTimeout(request.timeoutMs);
    // Never follow a redirect: the secret would go wherever it points.
    httpRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
    if (url.scheme() == QLatin1String("https") && !request.tls.pinnedSha256.isEmpty()) {
        // With a pin, no CA decides: every certificate reaches sslErrors,
        // where only the pinned one passes (as in JsonWebSocket).
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates({});
        httpRequest.setSslConfiguration(ssl);
    }

    QNetworkReply *reply = m_network.post(
        httpRequest, QJsonDocument(requestBody(request)).toJson(QJsonDocument::Compact));
    auto tlsRefusal = std::make_shared<QString>();
    const client::TlsPolicy tls = request.tls;
    connect(reply, &QNetworkReply::sslErrors, reply,
            [reply, tls, tlsRefusal](const QList<QSslError> &errors) {
                QSslCertificate peer = reply->sslConfiguration().peerCertificate();
                if (peer.isNull() && !errors.isEmpty())
                    peer = errors.first().certificate();
                if (const auto refused = tls.judge(peer, errors))
                    *tlsRefusal = refused->message;
                else
                    reply->ignoreSslErrors();
            });
    connect(reply, &QNetworkReply::encrypted, reply, [reply, tls, tlsRefusal] {
        // Before any request byte (and so the secret) is sent.
        if (tls.pinnedSha256.isEmpty() || !tlsRefusal->isEmpty())
            return;
        if (const auto refused = tls.judge(reply->sslConfiguration().peerCertificate(), {})) {
            *tlsRefusal = refused->message;
            reply->abort();
        }
    });
    const QString expectedFingerprint = crypto::publicKeyFingerprint(request.publicKey);
    connect(
        reply, &QNetworkReply::finished, this,
        [reply, tlsRefusal, expectedFingerprint, done = std::move(done)] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (!tlsRefusal->isEmpty())
                return done(Error{ErrorCode::NetworkError, *tlsRefusal});
            if (status == 0)
                return done(Error{
                    ErrorCode::NetworkError,
                    QStringLiteral("no answer from %1: %2")
                        .arg(reply->url().toString(QUrl::RemoveUserInfo), reply->errorString())});
            const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
            const QJsonObject error = body.value(QStringLiteral("error")).toObject();
            const QString serverMessage = error.value(QStringLiteral("message")).toString();
            if (status == 401)
                return done(Error{ErrorCode::Unauthorized,
                                  QStringLiteral("the server refused the enrolment secret "
                                                 "(wrong, already used or expired); ask the "
                                                 "console for a new one")});
            const QJsonObject data = body.value(QStringLiteral("data")).toObject();
            if (status != 201 || !body.value(QStringLiteral("success")).toBool()) {
                const QString words =
                    serverMessage.isEmpty()
                        ? QStringLiteral("HTTP %1").arg(status)
                        : QStringLiteral("HTTP %1, %2: %3")
                              .arg(status)
                              .arg(error.value(QStringLiteral("code")).toString(), serverMessage);
                // Busy or broken servers are worth another try; a
                // request the server refuses is not.
                const ErrorCode code = status == 429   ? ErrorCode::RateLimitExceeded
                                       : status >= 500 ? ErrorCode::ServiceUnavailable
                                                       : ErrorCode::ValidationError;
                return done(Error{
                    code, QStringLiteral("the server refused the enrolment (%1)").arg(words)});
            }
            EnrolmentAnswer answer{data.value(QStringLiteral("node_id")).toString(),
                                   data.value(QStringLiteral("name")).toString(),
                                   data.value(QStringLiteral("fingerprint")).toString()};
            if (answer.nodeId.isEmpty() || answer.nodeId.size() > 64)
                return done(Error{ErrorCode::InternalError,
                                  QStringLiteral("the server's enrolment answer has no "
                                                 "usable node_id")});
            // The server must have registered the key this agent holds.
            if (!answer.fingerprint.isEmpty() && answer.fingerprint != expectedFingerprint)
                return done(Error{ErrorCode::InternalError,
                                  QStringLiteral("the server registered the key %1, but "
                                                 "this agent's key is %2")
                                      .arg(answer.fingerprint, expectedFingerprint)});
            // Pinned for good: later upgrades must be signed by this key.
            answer.releaseKey = QByteArray::fromBase64(
                data.value(QStringLiteral("release_key")).toString().toLatin1());
            if (answer.releaseKey.size() != 32)
                answer.releaseKey.clear();
            done(answer);
        });
}

} // namespace hm::agent
