#include "client/RawRequest.h"

#include "client/ApiClient.h"
#include "client/ApiError.h"
#include "client/TlsPolicy.h"

#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace hm::client {

QUrl rawRequestUrl(const ApiClient &client, const QString &path, const QUrlQuery &query)
{
    QUrl url = client.baseUrl();
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(query);
    return url;
}

QNetworkRequest rawRequest(const ApiClient &client, const QUrl &url, int transferTimeoutMs)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(transferTimeoutMs);
    // Secrets: never logged.
    const QByteArray credential = client.webSocketToken().toUtf8();
    if (client.credentialMode() == TokenStore::Mode::ApiKey)
        request.setRawHeader("X-API-Key", credential);
    else if (!credential.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + credential);
    return request;
}

void watchRawReplyTls(QObject *context, const QPointer<ApiClient> &client, QNetworkReply *reply,
                      std::optional<Error> *refusal)
{
    if (reply->url().scheme() != QLatin1String("https"))
        return;
    QObject::connect(reply, &QNetworkReply::sslErrors, context,
                     [client, reply, refusal](const QList<QSslError> &errors) {
                         if (!client)
                             return;
                         QSslCertificate peer = reply->sslConfiguration().peerCertificate();
                         if (peer.isNull() && !errors.isEmpty())
                             peer = errors.first().certificate();
                         if (const auto refused = client->tlsPolicy().judge(peer, errors))
                             *refusal = refused;
                         else
                             reply->ignoreSslErrors();
                     });
    QObject::connect(reply, &QNetworkReply::encrypted, context, [client, reply, refusal] {
        if (!client || client->tlsPolicy().pinnedSha256.isEmpty() || *refusal)
            return;
        if (const auto refused =
                client->tlsPolicy().judge(reply->sslConfiguration().peerCertificate(), {})) {
            *refusal = refused;
            reply->abort();
        }
    });
}

std::optional<Error> rawReplyError(QNetworkReply *reply, const QByteArray &body,
                                   const std::optional<Error> &tlsRefusal)
{
    if (tlsRefusal)
        return tlsRefusal;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300)
        return std::nullopt;
    const auto read = readEnvelope(status, body, reply->error(), reply->errorString(),
                                   QString::fromLatin1(reply->rawHeader("X-Request-Id")));
    if (read)
        return Error{ErrorCode::InternalError, QStringLiteral("unexpected answer"),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("UNEXPECTED_ANSWER")}}};
    return read.error();
}

} // namespace hm::client
