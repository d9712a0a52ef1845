#include "client/AccountApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"

namespace hm::client {
namespace {

Status ignoreData(const ApiResponse &)
{
    return {};
}

} // namespace

void AccountApi::me(Callback<UserInfo> done)
{
    m_client.call<UserInfo>(
        ApiRequest::get(QStringLiteral("/api/v1/users/me")),
        [](const ApiResponse &r) { return json::user(r.data.toObject()); }, std::move(done));
}

void AccountApi::changePassword(const QString &currentPassword, const QString &newPassword,
                                Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::put(QStringLiteral("/api/v1/users/me/password"),
                        QJsonObject{{QStringLiteral("current_password"), currentPassword},
                                    {QStringLiteral("new_password"), newPassword}}),
        ignoreData, std::move(done));
}

void AccountApi::sessions(Callback<QList<SessionInfo>> done)
{
    m_client.call<QList<SessionInfo>>(
        ApiRequest::get(QStringLiteral("/api/v1/users/me/sessions")),
        [](const ApiResponse &r) {
            return json::list<SessionInfo>(r.data.toArray(), json::session);
        },
        std::move(done));
}

void AccountApi::revokeSession(const QString &sessionId, Callback<void> done)
{
    m_client.call<void>(ApiRequest::del(QStringLiteral("/api/v1/users/me/sessions/") + sessionId),
                        ignoreData, std::move(done));
}

void AccountApi::revokeOtherSessions(Callback<void> done)
{
    m_client.call<void>(ApiRequest::del(QStringLiteral("/api/v1/users/me/sessions")), ignoreData,
                        std::move(done));
}

void AccountApi::logoutAll(Callback<void> done)
{
    m_client.call<void>(ApiRequest::post(QStringLiteral("/api/v1/auth/logout-all")), ignoreData,
                        std::move(done));
}

void AccountApi::enrollTwoFactor(Callback<TwoFactorEnrollment> done)
{
    m_client.call<TwoFactorEnrollment>(
        ApiRequest::post(QStringLiteral("/api/v1/auth/2fa/enroll")),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            return TwoFactorEnrollment{o.value(QStringLiteral("secret")).toString(),
                                       o.value(QStringLiteral("otpauth_uri")).toString()};
        },
        std::move(done));
}

void AccountApi::confirmTwoFactor(const QString &code, Callback<void> done)
{
    m_client.call<void>(ApiRequest::post(QStringLiteral("/api/v1/auth/2fa/verify"),
                                         QJsonObject{{QStringLiteral("code"), code}}),
                        ignoreData, std::move(done));
}

void AccountApi::enableTwoFactor(const QString &code, Callback<QStringList> done)
{
    m_client.call<QStringList>(
        ApiRequest::post(QStringLiteral("/api/v1/auth/2fa/verify"),
                         QJsonObject{{QStringLiteral("code"), code}}),
        [](const ApiResponse &r) -> Result<QStringList> {
            return json::strings(r.data.toObject().value(QStringLiteral("recovery_codes")));
        },
        std::move(done));
}

void AccountApi::regenerateRecoveryCodes(const QString &password, const QString &code,
                                         Callback<QStringList> done)
{
    m_client.call<QStringList>(
        ApiRequest::post(QStringLiteral("/api/v1/auth/2fa/recovery-codes"),
                         QJsonObject{{QStringLiteral("password"), password},
                                     {QStringLiteral("code"), code}}),
        [](const ApiResponse &r) -> Result<QStringList> {
            return json::strings(r.data.toObject().value(QStringLiteral("recovery_codes")));
        },
        std::move(done));
}

void AccountApi::disableTwoFactor(const QString &password, const QString &code, Callback<void> done)
{
    m_client.call<void>(ApiRequest::post(QStringLiteral("/api/v1/auth/2fa/disable"),
                                         QJsonObject{{QStringLiteral("password"), password},
                                                     {QStringLiteral("code"), code}}),
                        ignoreData, std::move(done));
}

void AccountApi::createApiKey(const NewApiKey &key, Callback<ApiKeyInfo> done)
{
    QJsonObject body{{QStringLiteral("name"), key.name},
                     {QStringLiteral("access_level"), key.accessLevel}};
    if (!key.description.isEmpty())
        body.insert(QStringLiteral("description"), key.description);
    if (!key.permissions.isEmpty())
        body.insert(QStringLiteral("permissions"), QJsonArray::fromStringList(key.permissions));
    if (!key.allowedIps.isEmpty())
        body.insert(QStringLiteral("allowed_ips"), QJsonArray::fromStringList(key.allowedIps));
    if (!key.allowedEndpoints.isEmpty())
        body.insert(QStringLiteral("allowed_endpoints"),
                    QJsonArray::fromStringList(key.allowedEndpoints));
    if (key.requestsPerMinute > 0) {
        QJsonObject rate{{QStringLiteral("requests_per_minute"), key.requestsPerMinute}};
        if (key.burstLimit > 0)
            rate.insert(QStringLiteral("burst_limit"), key.burstLimit);
        body.insert(QStringLiteral("rate_limit"), rate);
    }
    if (key.expiresAt.isValid())
        body.insert(QStringLiteral("expires_at"),
                    key.expiresAt.toUTC().toString(Qt::ISODateWithMs));
    m_client.call<ApiKeyInfo>(
        ApiRequest::post(QStringLiteral("/api/v1/auth/api-keys"), body),
        [](const ApiResponse &r) { return json::apiKey(r.data.toObject()); }, std::move(done));
}

void AccountApi::apiKeys(Callback<QList<ApiKeyInfo>> done)
{
    m_client.call<QList<ApiKeyInfo>>(
        ApiRequest::get(QStringLiteral("/api/v1/auth/api-keys")),
        [](const ApiResponse &r) { return json::list<ApiKeyInfo>(r.data.toArray(), json::apiKey); },
        std::move(done));
}

void AccountApi::revokeApiKey(const QString &id, Callback<void> done)
{
    m_client.call<void>(ApiRequest::del(QStringLiteral("/api/v1/auth/api-keys/") + id), ignoreData,
                        std::move(done));
}

} // namespace hm::client
