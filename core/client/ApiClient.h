#pragma once

#include "client/ApiTypes.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <functional>

namespace hm::client {

// Asynchronous client of /api/v1. Every call ends in exactly one callback on
// the caller's thread with either the typed data or an Error whose code is
// the server's error.code (or NETWORK_ERROR when no envelope came back).
class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    // Per-request timeout; 0 = none.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void fetchHealth(std::function<void(Result<HealthInfo>)> done);
    void fetchVersion(std::function<void(Result<VersionInfo>)> done);

    // Low level: GET a path under the base URL and hand back `data`.
    void getJson(const QString &path, std::function<void(Result<QJsonValue>)> done);

    // Reads an envelope; exposed for tests.
    static Result<QJsonValue> parseEnvelope(int httpStatus, const QByteArray &body,
                                            const QString &networkError);

private:
    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    int m_timeoutMs = 10000;
};

} // namespace hm::client
