#include "client/ApiClient.h"

#include "common/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace hm::client {

ApiClient::ApiClient(QObject *parent) : QObject(parent) {}

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
}

Result<QJsonValue> ApiClient::parseEnvelope(int httpStatus, const QByteArray &body,
                                            const QString &networkError)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString why = !networkError.isEmpty()
                                ? networkError
                                : QStringLiteral("HTTP %1 without a JSON envelope").arg(httpStatus);
        return Error{ErrorCode::NetworkError, why, {{QStringLiteral("http_status"), httpStatus}}};
    }
    const QJsonObject envelope = document.object();
    if (envelope.value(QStringLiteral("success")).toBool())
        return envelope.value(QStringLiteral("data"));
    const QJsonObject error = envelope.value(QStringLiteral("error")).toObject();
    Error result;
    result.code = errorCodeFromName(error.value(QStringLiteral("code")).toString());
    result.message = error.value(QStringLiteral("message")).toString();
    result.details = error.value(QStringLiteral("details")).toObject();
    result.details.insert(QStringLiteral("http_status"), httpStatus);
    result.details.insert(QStringLiteral("request_id"), error.value(QStringLiteral("request_id")));
    return result;
}

void ApiClient::getJson(const QString &path, std::function<void(Result<QJsonValue>)> done)
{
    QUrl url = m_baseUrl;
    url.setPath(url.path() + path);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (m_timeoutMs > 0)
        request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString networkError =
            reply->error() == QNetworkReply::NoError ? QString() : reply->errorString();
        auto result = parseEnvelope(status, reply->readAll(), networkError);
        if (!result)
            qCDebug(lcClient).noquote() << reply->url().toString() << result.error().toString();
        done(std::move(result));
    });
}

void ApiClient::fetchHealth(std::function<void(Result<HealthInfo>)> done)
{
    getJson(QStringLiteral("/api/v1/health"), [done = std::move(done)](Result<QJsonValue> result) {
        if (!result) {
            // An unhealthy server still describes itself in the details.
            done(result.error());
            return;
        }
        const QJsonObject data = result.value().toObject();
        done(HealthInfo{data.value(QStringLiteral("status")).toString(),
                        data.value(QStringLiteral("database")).toString(),
                        data.value(QStringLiteral("version")).toString(),
                        data.value(QStringLiteral("uptime_seconds")).toInteger()});
    });
}

void ApiClient::fetchVersion(std::function<void(Result<VersionInfo>)> done)
{
    getJson(QStringLiteral("/api/v1/version"), [done = std::move(done)](Result<QJsonValue> result) {
        if (!result) {
            done(result.error());
            return;
        }
        const QJsonObject data = result.value().toObject();
        QStringList features;
        for (const QJsonValue &feature : data.value(QStringLiteral("features")).toArray())
            features << feature.toString();
        done(VersionInfo{data.value(QStringLiteral("version")).toString(),
                         data.value(QStringLiteral("api_version")).toString(),
                         data.value(QStringLiteral("build_date")).toString(), features});
    });
}

} // namespace hm::client
