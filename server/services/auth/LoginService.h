#pragma once

// Password login and the second factor after it (docs/api.md "Two-factor
// login"); what /api/v1/auth/login and /verify-2fa call.
//
// Lockout: failures count per account (or, for a login name no account has,
// per name) and client address (AttemptTracker): enough of them lock the
// pair for the lockout duration. The progressive delay counts per name as
// typed and address: after each failure the next check of that name from
// that address waits longer. A locked pair, an unknown name and a wrong
// password all cost one Argon2id check on the password worker and answer
// the same INVALID_CREDENTIALS, so neither the answer nor its time tells
// whether an account exists.
//
// Pending logins: a password accepted for an account with two-factor
// authentication yields a pending token, valid for AuthModule::pendingLoginMs
// and for five wrong codes; the code then completes the login.

#include "common/Result.h"
#include "server/services/auth/TokenService.h"

#include <QJsonObject>
#include <QString>
#include <functional>
#include <memory>

namespace hm::server::auth {

struct AuthModule;
struct UserRecord;

// A login attempt as the client sent it.
struct LoginRequest
{
    QString login; // username or e-mail address
    QString password;
    bool rememberMe = false;
    ClientInfo client;
};

class LoginService
{
public:
    // The outcome of a password login: the tokens and the user, or
    // {two_factor_required, pending_token, methods, expires_in}.
    using Done = std::function<void(Result<QJsonObject>)>;
    // False once nobody waits for the answer any more (the client left):
    // a login still queued behind its pair's delay is then dropped.
    using Wanted = std::function<bool()>;

    explicit LoginService(AuthModule &auth) : m_auth(auth) {}

    // Checks the password on the password worker, after the delay earlier
    // failures of the pair set. `done` is called once, on this thread,
    // always after login() returned (never when `wanted` said false).
    void login(LoginRequest request, Done done, Wanted wanted = {});

    // The second factor of a pending login: `method` "totp" or "recovery"
    // (a recovery code, used up when it is accepted; checkSecondFactor).
    // TOKEN_INVALID when the pending token is unknown, used up or expired;
    // INVALID_CREDENTIALS for a wrong code (the fifth ends the pending
    // login), a used recovery code or an account that changed.
    Result<QJsonObject> verifyTwoFactor(const QString &pendingToken, const QString &code,
                                        const ClientInfo &client,
                                        const QString &method = QStringLiteral("totp"));

    // The one answer to an unknown account, a wrong password and an account
    // locked for this address alike.
    static Error invalidCredentials();

    // AttemptTracker subjects (AuthModule::loginAttempts): the lock of an
    // account, of a name no account has, and the delay of a name as typed
    // (any case).
    static QString lockSubjectOf(const QString &userId);
    static QString unknownSubjectOf(const QString &login);
    static QString nameSubjectOf(const QString &login);

private:
    struct Attempt;
    using AttemptPtr = std::shared_ptr<Attempt>;
    // What one attempt counts on: the lock, and the delay.
    struct Subjects
    {
        QString lock;
        QString name;
    };

    void check(const AttemptPtr &attempt);
    void failed(const Attempt &attempt, const Subjects &subjects, const QString &userId,
                bool wasLocked);
    void succeeded(const Attempt &attempt, const Subjects &subjects, const QString &userId,
                   const QString &checkedHash);
    Result<QJsonObject> complete(const UserRecord &user, bool rememberMe, const ClientInfo &client);

    AuthModule &m_auth;
};

} // namespace hm::server::auth
