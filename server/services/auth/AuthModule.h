#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "server/api/ApiRouter.h"
#include "server/api/Roles.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/auth/ApiKeyService.h"
#include "server/services/auth/AttemptTracker.h"
#include "server/services/auth/AuthCache.h"
#include "server/services/auth/PasswordWorker.h"
#include "server/services/auth/RateLimiter.h"
#include "server/services/auth/TokenService.h"

#include <QHash>

namespace hm::crypto {
class EnvelopeCipher;
}
namespace hm::store {
class Database;
}

namespace hm::server::auth {

struct UserRecord;

// A pending login's default lifetime (docs/api.md "Two-factor login").
inline constexpr qint64 kDefaultPendingLoginMs = 5 * 60 * 1000;

// A login waiting for its second factor.
struct PendingLogin
{
    QString userId;
    bool rememberMe = false;
    qint64 expiresAtMs = 0;
    int attempts = 0;
};

// Everything the auth routes share, owned by ServerRuntime. All of it is used
// from the server's one thread, so the in-memory maps need no locks.
struct AuthModule
{
    AuthModule(store::Database &database, crypto::EnvelopeCipher &envelope,
               crypto::SecureBytes signingKey)
        : db(database), envelope(envelope), tokens(database, std::move(signingKey)),
          apiKeys(database)
    {}

    store::Database &db;
    crypto::EnvelopeCipher &envelope;
    TokenService tokens;
    ApiKeyService apiKeys;
    RateLimiter loginLimiter;
    QHash<QString, PendingLogin> pendingLogins; // SHA-256 of the pending token -> login
    // How long a pending login waits for its second factor (5 minutes;
    // tests shorten it with the hidden --pending-login-ttl-ms option).
    qint64 pendingLoginMs = kDefaultPendingLoginMs;
    // <dataDir>/initial-admin-password, deleted once the password it holds
    // is changed (InitialPassword.h).
    QString initialPasswordFile;
    QHash<QString, qint64> lastTotpStep; // user id -> last accepted time step
    AuthCache cache;                     // what authenticate() learnt per credential
    // Users and API keys changed, for /ws/events (after the commit).
    AccountEvents events;
    // Failed logins per (account or unknown login name, client address):
    // the lockout; and per (login name as typed, client address): the
    // progressive delay (LoginService.h).
    AttemptTracker loginAttempts;
    // Failed checks of a signed-in user's password ("password:<user id>")
    // and two-factor codes ("totp:<user id>").
    AttemptTracker checkAttempts;
    // Argon2 off the server thread. Last, so it goes first: its pending
    // callbacks refer to the members above.
    PasswordWorker passwords;

    // From the auth.lockout settings, read now (changes apply at once).
    AttemptTracker::Policy loginPolicy();
    // The same counts for password and code checks, without the delay.
    AttemptTracker::Policy checkPolicy();
    // Administrator's unlock: every lock and failure count of the account,
    // for every address; how many addresses were locked.
    int clearLockouts(const QString &userId);
    // The account's lockout as the user administration shows it
    // (login_attempts: failures counted over all addresses, locked_until:
    // the latest end of a lock of one of them).
    QJsonObject lockoutJson(const QString &userId, const AttemptTracker::Policy &policy);

    // The caller of a request: a JWT (Authorization: Bearer) or an API key
    // (X-API-Key, or Authorization: Bearer hm_…). UNAUTHORIZED without either.
    Result<Principal> authenticate(const RequestContext &context);

    // A bare credential, as WebSocket upgrades carry it (?token=): an API
    // key when it starts with "hm_", otherwise a JWT access token; the same
    // checks as authenticate() (the key's IP and endpoint allow-lists and
    // access level apply to `request`). UNAUTHORIZED when empty.
    // `expiresAtMs`, when given, receives when the credential stops being
    // valid (the JWT's exp, the key's expires_at; 0 = never).
    Result<Principal> authenticateToken(const QString &token, const ApiKeyService::Request &request,
                                        qint64 *expiresAtMs = nullptr);

private:
    Result<Principal> authenticateApiKey(const QString &key, const ApiKeyService::Request &request,
                                         qint64 *expiresAtMs);
    Result<Principal> authenticateJwt(const QString &token, qint64 *expiresAtMs);
    // The user's principal and the session's liveness, from the store.
    Result<AuthCache::Stored> checkSession(const QString &userId, const QString &sessionId,
                                           qint64 nowMs);
};

using AuthedHandler = std::function<ApiReply(const RequestContext &, const Principal &)>;

// The one authorization helper every protected route goes through:
// authenticates, then requires at least minRole (INSUFFICIENT_PERMISSIONS).
// VIEWER is read-only because every route that changes shared state asks for
// USER or ADMIN; "me" routes that only touch the caller's own account admit
// VIEWER. It also applies the general per-principal rate limit (a failed
// authentication counts against the anonymous per-IP one) and records the
// role and the errors this adds in the route's description.
void addProtectedRoute(ApiRouter &router, AuthModule &auth, http::Method method,
                       const QString &path, Role minRole, AuthedHandler handler, RouteDoc doc = {});
// The default policy: GET needs VIEWER, anything else USER.
Role defaultRoleFor(http::Method method);

// The routes a principal whose password must change may call: its own
// account (GET /users/me, PUT /users/me/password) and signing out. Every
// other protected route and every WebSocket answers
// PASSWORD_CHANGE_REQUIRED until the password is changed.
bool answersBeforePasswordChange(http::Method method, const QString &path);
Error passwordChangeRequiredError();

// Error reply that carries rate-limit headers when the error is a 429.
ApiReply failureReply(const Error &error);

// RATE_LIMIT_EXCEEDED (429) for an attempt counter that is locked until
// `lockedUntilMs`: `what` names the attempts ("wrong passwords").
Error attemptsLockedError(const QString &what, int maxFailures, qint64 lockedUntilMs, qint64 nowMs);

// Checks a signed-in user's own password (password change, turning 2FA
// off) on the password worker, at most one check per account at a time and
// auth.lockout.max_attempts wrong ones per lockout duration (429 after).
// On a match `onMatch` continues on the server thread and must answer
// through the reply it gets; a wrong password answers CURRENT_PASSWORD_WRONG
// with `wrongMessage`. Returns what the handler returns.
ApiReply checkOwnPassword(AuthModule &auth, const RequestContext &context, const UserRecord &user,
                          const QString &password, const QString &wrongMessage,
                          std::function<void(const DeferredReply &)> onMatch);

} // namespace hm::server::auth
