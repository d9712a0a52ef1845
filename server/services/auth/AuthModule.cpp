#include "server/services/auth/AuthModule.h"

#include "common/LogFormatter.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteDoc.h"
#include "server/repositories/UserRepository.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/auth/AuthSettings.h"
#include "server/services/auth/Jwt.h"
#include "server/services/auth/LoginService.h"
#include "store/Database.h"

#include <limits>

namespace hm::server::auth {
namespace {

Result<Principal> principalFor(UserRepository &users, const QString &userId)
{
    auto user = users.findById(userId);
    if (!user)
        return user.error();
    if (!user.value())
        return Error{ErrorCode::TokenInvalid, QStringLiteral("the token's user no longer exists")};
    if (user.value()->status == QLatin1String("suspended"))
        return Error{ErrorCode::AccountSuspended, QStringLiteral("account is suspended")};
    if (user.value()->status != QLatin1String("active"))
        return Error{ErrorCode::TokenInvalid, QStringLiteral("account is not active")};
    Principal principal;
    principal.userId = user.value()->id;
    principal.username = user.value()->username;
    principal.role = user.value()->role;
    principal.passwordChangeRequired = user.value()->passwordChangeRequired;
    return principal;
}

} // namespace

bool answersBeforePasswordChange(http::Method method, const QString &path)
{
    using M = http::Method;
    return (method == M::Get && path == QLatin1String("/api/v1/users/me")) ||
           (method == M::Put && path == QLatin1String("/api/v1/users/me/password")) ||
           (method == M::Post && (path == QLatin1String("/api/v1/auth/logout") ||
                                  path == QLatin1String("/api/v1/auth/logout-all")));
}

Error passwordChangeRequiredError()
{
    return Error{ErrorCode::PasswordChangeRequired,
                 QStringLiteral("this account's password was set by somebody else: change it "
                                "first (PUT /api/v1/users/me/password)")};
}

Result<Principal> AuthModule::authenticate(const RequestContext &context)
{
    QString apiKey = QString::fromLatin1(context.header("X-API-Key")).trimmed();
    QString bearer;
    const QByteArray authorization = context.header("Authorization").trimmed();
    if (authorization.size() > 7 &&
        authorization.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        bearer = QString::fromLatin1(authorization.mid(7)).trimmed();
    if (apiKey.isEmpty() && bearer.startsWith(QLatin1String("hm_")))
        apiKey = bearer;

    if (!apiKey.isEmpty())
        return authenticateApiKey(
            apiKey,
            {methodName(context.request.method()), context.request.path(), context.clientAddress()},
            nullptr);
    if (bearer.isEmpty())
        return Error{ErrorCode::Unauthorized, QStringLiteral("authentication required")};
    return authenticateJwt(bearer, nullptr);
}

Result<Principal> AuthModule::authenticateToken(const QString &token,
                                                const ApiKeyService::Request &request,
                                                qint64 *expiresAtMs)
{
    const QString trimmed = token.trimmed();
    if (trimmed.isEmpty())
        return Error{ErrorCode::Unauthorized, QStringLiteral("authentication required")};
    if (trimmed.startsWith(QLatin1String("hm_")))
        return authenticateApiKey(trimmed, request, expiresAtMs);
    return authenticateJwt(trimmed, expiresAtMs);
}

Result<Principal> AuthModule::authenticateApiKey(const QString &key,
                                                 const ApiKeyService::Request &request,
                                                 qint64 *expiresAtMs)
{
    const qint64 now = nowMs();
    const quint64 generation = authDataGeneration();
    const AuthCache::ApiKey *cached = cache.apiKey(key, now);
    std::optional<ApiKeyService::KeyRecord> loaded;
    if (!cached) {
        auto found = apiKeys.find(key);
        if (!found)
            return found.error();
        loaded = std::move(found.value());
    }
    const ApiKeyService::KeyRecord &record = cached ? cached->record : *loaded;
    // The request-dependent checks run every time, cached or not.
    auto grant = apiKeys.admit(record, request, now);
    if (!grant)
        return grant.error();
    Principal principal;
    if (cached) {
        principal = cached->stored.principal;
    } else {
        UserRepository users(db);
        auto owner = principalFor(users, record.userId);
        if (!owner)
            return owner.error();
        principal = owner.value();
        cache.insertApiKey(key, {*loaded, AuthCache::stamp(principal, generation, now,
                                                           std::numeric_limits<qint64>::max())});
    }
    principal.role = std::min(principal.role, grant.value().maxRole);
    principal.apiKeyId = grant.value().keyId;
    principal.keyRate = {grant.value().rate.limit, grant.value().rate.remaining,
                         grant.value().rate.resetEpochSeconds};
    if (expiresAtMs)
        *expiresAtMs = grant.value().expiresAtMs;
    return principal;
}

Result<AuthCache::Stored> AuthModule::checkSession(const QString &userId, const QString &sessionId,
                                                   qint64 nowMs)
{
    const quint64 generation = authDataGeneration();
    UserRepository users(db);
    auto principal = principalFor(users, userId);
    if (!principal)
        return principal.error();
    // Logout and session revocation end access tokens at once, not after
    // their 15 minutes: the session (refresh-token family) must still live.
    auto aliveUntil = tokens.familyAliveUntil(sessionId);
    if (!aliveUntil)
        return aliveUntil.error();
    if (aliveUntil.value() <= nowMs)
        return Error{ErrorCode::TokenInvalid, QStringLiteral("the session has ended")};
    principal.value().sessionId = sessionId;
    return AuthCache::stamp(principal.value(), generation, nowMs, aliveUntil.value());
}

Result<Principal> AuthModule::authenticateJwt(const QString &bearer, qint64 *expiresAtMs)
{
    const qint64 now = nowMs();
    AuthCache::AccessToken *token = cache.accessToken(bearer);
    if (!token) {
        // Only tokens that pass verification are cached: this server signed
        // them, so a flood of forged ones never gets here.
        auto claims = verifyJwt(tokens.signingKey(), bearer, now / 1000);
        if (!claims)
            return claims.error();
        token = cache.insertAccessToken(
            bearer, {claims.value().value(QStringLiteral("sub")).toString(),
                     claims.value().value(QStringLiteral("sid")).toString(),
                     static_cast<qint64>(claims.value().value(QStringLiteral("exp")).toDouble()),
                     {}});
    } else if (token->expSeconds <= now / 1000) {
        // As verifyJwt answers for an expired token.
        cache.removeAccessToken(bearer);
        return Error{ErrorCode::TokenExpired, QStringLiteral("access token has expired")};
    }
    if (!token->stored.currentAt(now)) {
        auto stored = checkSession(token->userId, token->sessionId, now);
        if (!stored) {
            token->stored = {};
            return stored.error();
        }
        token->stored = std::move(stored.value());
    }
    if (expiresAtMs)
        *expiresAtMs = token->expSeconds * 1000;
    return token->stored.principal;
}

AttemptTracker::Policy AuthModule::loginPolicy()
{
    const AuthSettings settings = AuthSettings::load(db);
    AttemptTracker::Policy policy;
    policy.maxFailures = settings.lockoutMaxAttempts;
    policy.lockMs = settings.lockoutDurationSeconds * 1000LL;
    policy.baseDelayMs = settings.lockoutDelayMs;
    return policy;
}

AttemptTracker::Policy AuthModule::checkPolicy()
{
    AttemptTracker::Policy policy = loginPolicy();
    policy.baseDelayMs = 0;
    return policy;
}

int AuthModule::clearLockouts(const QString &userId)
{
    const qint64 now = nowMs();
    const int locked = loginAttempts.clear(LoginService::lockSubjectOf(userId), now);
    // And the delays its names collected (LoginService.h), so the owner's
    // next login does not wait for them.
    if (auto user = UserRepository(db).findById(userId); user && user.value()) {
        loginAttempts.clear(LoginService::nameSubjectOf(user.value()->username), now);
        loginAttempts.clear(LoginService::nameSubjectOf(user.value()->email), now);
    }
    checkAttempts.clear(QStringLiteral("password:") + userId, now);
    checkAttempts.clear(QStringLiteral("totp:") + userId, now);
    return locked;
}

QJsonObject AuthModule::lockoutJson(const QString &userId, const AttemptTracker::Policy &policy)
{
    const AttemptTracker::State state =
        loginAttempts.summary(LoginService::lockSubjectOf(userId), policy, nowMs());
    return {{QStringLiteral("login_attempts"), state.failures},
            {QStringLiteral("locked_until"), isoOrNull(state.lockedUntilMs)}};
}

Error attemptsLockedError(const QString &what, int maxFailures, qint64 lockedUntilMs, qint64 nowMs)
{
    RateLimiter::Decision decision;
    decision.allowed = false;
    decision.limit = maxFailures;
    decision.resetEpochSeconds = (lockedUntilMs + 999) / 1000;
    decision.retryAfterSeconds = int(std::max<qint64>(1, (lockedUntilMs - nowMs + 999) / 1000));
    Error error = rateLimitError(decision);
    error.message =
        QStringLiteral("too many %1; try again in %2 s").arg(what).arg(decision.retryAfterSeconds);
    return error;
}

ApiReply checkOwnPassword(AuthModule &auth, const RequestContext &context, const UserRecord &user,
                          const QString &password, const QString &wrongMessage,
                          std::function<void(const DeferredReply &)> onMatch)
{
    const QString subject = QStringLiteral("password:") + user.id;
    const AttemptTracker::Policy policy = auth.checkPolicy();
    const qint64 now = nowMs();
    const AttemptTracker::State state = auth.checkAttempts.state(subject, {}, policy, now);
    if (state.locked(now))
        return failureReply(attemptsLockedError(QStringLiteral("wrong passwords"),
                                                policy.maxFailures, state.lockedUntilMs, now));
    // One check per account at a time: parallel guesses cost no Argon2.
    if (state.busy)
        return failureReply(attemptsLockedError(
            QStringLiteral("password checks at once for this account"), 1, now + 1000, now));
    auth.checkAttempts.setBusy(subject, {}, true, now);
    const DeferredReply reply = context.defer();
    const ClientInfo client{context.clientIp(), QString::fromUtf8(context.header("User-Agent"))};
    const QString userId = user.id;
    const bool started = auth.passwords.verify(
        user.passwordHash, password,
        [&auth, reply, subject, userId, client, wrongMessage,
         onMatch = std::move(onMatch)](bool matches) {
            const qint64 at = nowMs();
            auth.checkAttempts.setBusy(subject, {}, false, at);
            if (matches) {
                auth.checkAttempts.recordSuccess(subject, {});
                return onMatch(reply);
            }
            const AttemptTracker::Policy current = auth.checkPolicy();
            const AttemptTracker::State after =
                auth.checkAttempts.recordFailure(subject, {}, current, at);
            audit(auth.db, QStringLiteral("PASSWORD_CHECK_FAILED"), userId, QStringLiteral("user"),
                  userId, client.ip, client.userAgent,
                  {{QStringLiteral("attempts"), after.failures},
                   {QStringLiteral("locked_until"), isoOrNull(after.lockedUntilMs)}});
            reply.send(
                ApiReply::failure(Error{ErrorCode::CurrentPasswordWrong,
                                        wrongMessage,
                                        {{QStringLiteral("attempts_left"),
                                          std::max(0, current.maxFailures - after.failures)}}}));
        });
    if (!started) {
        auth.checkAttempts.setBusy(subject, {}, false, now);
        reply.send(ApiReply::failure(PasswordWorker::busyError()));
    }
    return ApiReply::deferred();
}

Role defaultRoleFor(http::Method method)
{
    return method == http::Method::Get ? Role::Viewer : Role::User;
}

ApiReply failureReply(const Error &error)
{
    ApiReply reply = ApiReply::failure(error);
    if (error.code == ErrorCode::RateLimitExceeded) {
        RateLimiter::Decision decision;
        decision.allowed = false;
        decision.limit = error.details.value(QStringLiteral("limit")).toInt();
        decision.retryAfterSeconds = error.details.value(QStringLiteral("retry_after")).toInt();
        decision.resetEpochSeconds =
            parseIsoMs(error.details.value(QStringLiteral("reset_time")).toString()) / 1000;
        reply.headers = rateLimitHeaders(decision);
    }
    return reply;
}

namespace {

ApiReply withRateHeaders(ApiReply reply, const RateLimiter::Decision &decision)
{
    if (decision.limit > 0 && !reply.hasHeader("X-RateLimit-Limit"))
        reply.headers += rateLimitHeaders(decision);
    return reply;
}

ApiReply refused(const RateLimiter::Decision &decision)
{
    ApiReply reply = ApiReply::failure(rateLimitError(decision));
    reply.headers = rateLimitHeaders(decision);
    return reply;
}

} // namespace

void addProtectedRoute(ApiRouter &router, AuthModule &auth, http::Method method,
                       const QString &path, Role minRole, AuthedHandler handler, RouteDoc doc)
{
    doc.auth = roleApiName(minRole);
    for (const ErrorCode code :
         {ErrorCode::Unauthorized, ErrorCode::TokenInvalid, ErrorCode::TokenExpired,
          ErrorCode::InsufficientPermissions, ErrorCode::RateLimitExceeded}) {
        if (!doc.errors.contains(code))
            doc.errors.append(code);
    }
    const bool beforeChange = answersBeforePasswordChange(method, path);
    if (!beforeChange)
        doc.errors.append(ErrorCode::PasswordChangeRequired);
    router.addRoute(
        method, path,
        [&auth, &router, minRole, beforeChange,
         handler = std::move(handler)](const RequestContext &context) {
            // The queries of the request, authentication included, share
            // one time limit (Database::QueryBudget).
            const store::Database::QueryBudget budget = auth.db.budget();
            RequestRateLimits &limits = router.rateLimits();
            auto principal = auth.authenticate(context);
            if (!principal) {
                // Guessing tokens costs the guesser's IP its anonymous budget.
                const auto byIp = limits.hitAnonymous(context.clientIp());
                if (!byIp.allowed)
                    return refused(byIp);
                return withRateHeaders(failureReply(principal.error()), byIp);
            }
            const Principal &p = principal.value();
            auto byPrincipal =
                limits.hitPrincipal(p.apiKeyId.isEmpty() ? QStringLiteral("user:") + p.userId
                                                         : QStringLiteral("key:") + p.apiKeyId);
            if (!byPrincipal.allowed)
                return refused(byPrincipal);
            // A key's own limit, when it leaves fewer requests, is the one
            // its headers tell (docs/api.md, "Rate limits").
            if (p.keyRate.limit > 0 && p.keyRate.remaining < byPrincipal.remaining) {
                byPrincipal.limit = p.keyRate.limit;
                byPrincipal.remaining = p.keyRate.remaining;
                byPrincipal.resetEpochSeconds = p.keyRate.resetEpochSeconds;
            }
            if (p.passwordChangeRequired && !beforeChange)
                return withRateHeaders(ApiReply::failure(passwordChangeRequiredError()),
                                       byPrincipal);
            if (p.role < minRole)
                return withRateHeaders(
                    ApiReply::failure(Error{
                        ErrorCode::InsufficientPermissions,
                        QStringLiteral("this action needs the %1 role").arg(roleApiName(minRole)),
                        {{QStringLiteral("required_role"), roleApiName(minRole)},
                         {QStringLiteral("role"), roleApiName(p.role)}}}),
                    byPrincipal);
            // The handler's log lines name the caller (JSON "user").
            const logging::UserScope user(p.username);
            return withRateHeaders(handler(context, p), byPrincipal);
        },
        std::move(doc));
}

} // namespace hm::server::auth
