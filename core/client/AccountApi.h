#pragma once

#include "client/ApiTypes.h"

namespace hm::client {

class ApiClient;

// The caller's own account: profile, password, sessions, two-factor
// enrolment and API keys (/users/me…, /auth/2fa/…, /auth/api-keys…).
// Login and logout are on ApiClient, which owns the session.
class AccountApi
{
public:
    explicit AccountApi(ApiClient &client) : m_client(client) {}

    void me(Callback<UserInfo> done);
    // Other sessions of the user end; this one stays.
    void changePassword(const QString &currentPassword, const QString &newPassword,
                        Callback<void> done);
    void sessions(Callback<QList<SessionInfo>> done);
    void revokeSession(const QString &sessionId, Callback<void> done);
    void revokeOtherSessions(Callback<void> done);
    // Ends every session of the user, this client's included.
    void logoutAll(Callback<void> done);

    void enrollTwoFactor(Callback<TwoFactorEnrollment> done);
    // Confirms the enrolment with a current code: 2FA is on from then.
    void confirmTwoFactor(const QString &code, Callback<void> done);
    void disableTwoFactor(const QString &password, const QString &code, Callback<void> done);
    // confirmTwoFactor that hands over the ten recovery codes the answer
    // holds (the only time they are seen).
    void enableTwoFactor(const QString &code, Callback<QStringList> done);
    // New recovery codes for the old ones (the password and a current code).
    void regenerateRecoveryCodes(const QString &password, const QString &code,
                                 Callback<QStringList> done);

    // The answer's `key` is the only time the whole key is seen.
    void createApiKey(const NewApiKey &key, Callback<ApiKeyInfo> done);
    void apiKeys(Callback<QList<ApiKeyInfo>> done);
    void revokeApiKey(const QString &id, Callback<void> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
