#include "common/Logging.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/UserRepository.h"
#include "server/routes/auth/AuthRoutes.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/auth/AuthLogging.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/AuthSettings.h"
#include "server/services/auth/TwoFactor.h"
#include "server/services/auth/Validation.h"

#include <QTimer>
#include <memory>

namespace hm::server::auth {
namespace {

using Method = http::Method;
// How often a login waiting for another check of its account and address
// looks again.
constexpr qint64 kBusyRetryMs = 25;

// The one answer to an unknown account, a wrong password and an account
// locked for this address alike, so none of them tells the others apart.
Error invalidCredentials()
{
    return Error{ErrorCode::InvalidCredentials,
                 QStringLiteral("Invalid username/email or password")};
}

ApiReply withHeaders(ApiReply reply, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    reply.headers += headers;
    return reply;
}

// A login on its way through the password worker and, after failures, the
// progressive delay: what the request said, kept past its handler.
struct LoginAttempt
{
    QString login;
    QString password;
    bool rememberMe = false;
    ClientInfo client;
    DeferredReply reply;
};
using Attempt = std::shared_ptr<LoginAttempt>;

// Tokens plus the user, after every factor has been checked.
ApiReply completeLogin(AuthModule &auth, const UserRecord &user, bool rememberMe,
                       const ClientInfo &client)
{
    UserRepository users(auth.db);
    const qint64 now = nowMs();
    HM_TRY_STATUS(users.recordSuccessfulLogin(user.id, now));
    HM_TRY(tokens, auth.tokens.startSession(user, rememberMe, client));
    UserRecord current = user;
    current.lastLoginAt = now;
    QJsonObject data = tokens.value();
    data.insert(QStringLiteral("user"), current.toJson());
    audit(auth.db, QStringLiteral("LOGIN"), user.id, QStringLiteral("user"), user.id, client.ip,
          client.userAgent,
          {{QStringLiteral("remember_me"), rememberMe},
           {QStringLiteral("two_factor"), user.twoFactorEnabled}});
    return ApiReply::ok(data);
}

void loginFailed(AuthModule &auth, const LoginAttempt &attempt, const QString &subject,
                 const QString &userId, bool wasLocked)
{
    const qint64 now = nowMs();
    QJsonObject details{{QStringLiteral("reason"), wasLocked ? QStringLiteral("locked")
                                                   : userId.isEmpty()
                                                       ? QStringLiteral("unknown_user")
                                                       : QStringLiteral("wrong_password")}};
    if (!wasLocked) {
        const AttemptTracker::State after =
            auth.loginAttempts.recordFailure(subject, attempt.client.ip, auth.loginPolicy(), now);
        details.insert(QStringLiteral("attempts"), after.failures);
        if (after.locked(now) && !userId.isEmpty()) {
            qCWarning(lcServerAuth).noquote()
                << "account" << userId << "locked for" << attempt.client.ip << "after"
                << after.failures << "failed logins";
            audit(auth.db, QStringLiteral("ACCOUNT_LOCKED"), userId, QStringLiteral("user"), userId,
                  attempt.client.ip, attempt.client.userAgent,
                  {{QStringLiteral("locked_until"), isoOrNull(after.lockedUntilMs)},
                   {QStringLiteral("attempts"), after.failures}});
        }
    }
    audit(auth.db, QStringLiteral("LOGIN_FAILED"), userId, QStringLiteral("user"), userId,
          attempt.client.ip, attempt.client.userAgent, details);
    attempt.reply.send(ApiReply::failure(invalidCredentials()));
}

void loginSucceeded(AuthModule &auth, const LoginAttempt &attempt, const QString &subject,
                    const QString &userId, const QString &checkedHash)
{
    auth.loginAttempts.recordSuccess(subject, attempt.client.ip);
    // The account may have changed while its password was checked.
    UserRepository users(auth.db);
    auto found = users.findById(userId);
    if (!found)
        return attempt.reply.send(ApiReply::failure(found.error()));
    if (!found.value() || found.value()->status == QLatin1String("deleted") ||
        found.value()->passwordHash != checkedHash)
        return attempt.reply.send(ApiReply::failure(invalidCredentials()));
    const UserRecord user = *found.value();
    if (user.status == QLatin1String("suspended"))
        return attempt.reply.send(ApiReply::failure(
            Error{ErrorCode::AccountSuspended, QStringLiteral("account is suspended")}));
    if (user.status != QLatin1String("active"))
        return attempt.reply.send(ApiReply::failure(
            Error{ErrorCode::EmailNotVerified, QStringLiteral("account is not activated yet")}));
    if (crypto::passwordNeedsRehash(user.passwordHash)) {
        // Best effort, after the answer: the old hash works until then.
        (void)auth.passwords.hash(
            attempt.password, [&auth, userId, checkedHash](Result<QString> rehashed) {
                if (!rehashed)
                    return;
                UserRepository again(auth.db);
                auto current = again.findById(userId);
                if (current && current.value() && current.value()->passwordHash == checkedHash)
                    (void)again.setPasswordHash(userId, rehashed.value());
            });
    }

    if (user.twoFactorEnabled) {
        const QString pending = crypto::randomToken(32);
        auth.pendingLogins.insert(
            crypto::sha256Hex(pending.toUtf8()),
            PendingLogin{user.id, attempt.rememberMe, nowMs() + auth.pendingLoginMs});
        return attempt.reply.send(ApiReply::ok(
            QJsonObject{{QStringLiteral("two_factor_required"), true},
                        {QStringLiteral("pending_token"), pending},
                        {QStringLiteral("methods"), QJsonArray{QStringLiteral("totp")}},
                        {QStringLiteral("expires_in"), (auth.pendingLoginMs + 999) / 1000}}));
    }
    attempt.reply.send(completeLogin(auth, user, attempt.rememberMe, attempt.client));
}

// Checks one login attempt, or waits for its turn. Failures count per
// account (or, for a login name no account has, per name) and client
// address: after each the next check of the pair waits longer, and enough
// of them lock the pair for the lockout duration. A locked pair, an unknown
// name and a wrong password all take one Argon2 check on the worker and
// answer INVALID_CREDENTIALS.
void checkLogin(AuthModule &auth, const Attempt &attempt)
{
    if (!attempt->reply.isPending())
        return; // the client left while it waited
    const qint64 now = nowMs();
    UserRepository users(auth.db);
    auto found = users.findByLogin(attempt->login);
    if (!found)
        return attempt->reply.send(ApiReply::failure(found.error()));
    const std::optional<UserRecord> &user = found.value();
    const QString userId = user ? user->id : QString();
    const QString subject = user ? QStringLiteral("account:") + user->id
                                 : QStringLiteral("login:") + attempt->login.toLower();
    const QString &ip = attempt->client.ip;
    const AttemptTracker::State state =
        auth.loginAttempts.state(subject, ip, auth.loginPolicy(), now);
    const bool locked = state.locked(now);
    if (!locked && (state.busy || state.nextAttemptMs > now)) {
        // One check per account and address at a time, the next one only
        // after the delay the last failure set: parallel guesses queue up.
        const qint64 waitMs = state.busy ? kBusyRetryMs : state.nextAttemptMs - now;
        QTimer::singleShot(std::chrono::milliseconds(waitMs), &auth.passwords,
                           [&auth, attempt] { checkLogin(auth, attempt); });
        return;
    }
    if (!locked)
        auth.loginAttempts.setBusy(subject, ip, true, now);
    const QString checkedHash = user && !locked ? user->passwordHash : QString();
    PasswordWorker::Verified done = [&auth, attempt, subject, userId, locked,
                                     checkedHash](bool matches) {
        if (!locked)
            auth.loginAttempts.setBusy(subject, attempt->client.ip, false, nowMs());
        if (matches)
            loginSucceeded(auth, *attempt, subject, userId, checkedHash);
        else
            loginFailed(auth, *attempt, subject, userId, locked);
    };
    const bool started =
        checkedHash.isEmpty()
            ? auth.passwords.verifyDummy(attempt->password, std::move(done))
            : auth.passwords.verify(checkedHash, attempt->password, std::move(done));
    if (!started) {
        if (!locked)
            auth.loginAttempts.setBusy(subject, ip, false, now);
        attempt->reply.send(ApiReply::failure(PasswordWorker::busyError()));
    }
}

ApiReply login(AuthModule &auth, const RequestContext &context)
{
    HM_TRY(body, context.jsonObject());
    HM_TRY(username, optionalString(body.value(), QStringLiteral("username")));
    HM_TRY(email, optionalString(body.value(), QStringLiteral("email")));
    HM_TRY(password, requiredString(body.value(), QStringLiteral("password")));
    HM_TRY(rememberMe, optionalBool(body.value(), QStringLiteral("remember_me"), false));
    const QString login = username.value().isEmpty() ? email.value() : username.value();
    if (login.isEmpty())
        return ApiReply::failure(fieldError(QStringLiteral("username"),
                                            QStringLiteral("username or email is required")));

    // Per client address only: a limit per login name would let anyone
    // anywhere keep an account's owner from logging in, a minute at a time.
    const AuthSettings settings = AuthSettings::load(auth.db);
    const auto byIp =
        auth.loginLimiter.hit(QStringLiteral("ip:") + context.clientIp(), settings.loginRateLimit,
                              settings.rateWindowSeconds * 1000LL, nowMs());
    if (!byIp.allowed)
        return withHeaders(ApiReply::failure(rateLimitError(byIp)), rateLimitHeaders(byIp));

    // The Argon2 check runs on the password worker; the answer follows.
    checkLogin(auth, std::make_shared<LoginAttempt>(
                         LoginAttempt{login, password.value(), rememberMe.value(),
                                      clientInfo(context), context.defer()}));
    return withHeaders(ApiReply::deferred(), rateLimitHeaders(byIp));
}

ApiReply verifyTwoFactorLogin(AuthModule &auth, const RequestContext &context)
{
    HM_TRY(body, context.jsonObject());
    HM_TRY(pendingToken, requiredString(body.value(), QStringLiteral("pending_token")));
    HM_TRY(code, requiredString(body.value(), QStringLiteral("code")));
    HM_TRY(method, optionalString(body.value(), QStringLiteral("method"), QStringLiteral("totp")));
    if (method.value() != QLatin1String("totp"))
        return ApiReply::failure(fieldError(QStringLiteral("method"),
                                            QStringLiteral("only method \"totp\" is supported")));
    const QString key = crypto::sha256Hex(pendingToken.value().toUtf8());
    auto it = auth.pendingLogins.find(key);
    const qint64 now = nowMs();
    if (it == auth.pendingLogins.end() || it->expiresAtMs <= now) {
        if (it != auth.pendingLogins.end())
            auth.pendingLogins.erase(it);
        return ApiReply::failure(Error{ErrorCode::TokenInvalid,
                                       QStringLiteral("pending login is invalid or has expired")});
    }
    UserRepository users(auth.db);
    HM_TRY(found, users.findById(it->userId));
    if (!found.value() || found.value()->status != QLatin1String("active")) {
        auth.pendingLogins.erase(it);
        return ApiReply::failure(invalidCredentials());
    }
    const UserRecord user = *found.value();
    if (!user.twoFactorEnabled) {
        auth.pendingLogins.erase(it);
        return ApiReply::failure(invalidCredentials());
    }
    // Wrong codes also count per account, over all pending logins.
    const ClientInfo client = clientInfo(context);
    const Result<bool> matches = checkCode(auth, user, code.value(), client);
    if (!matches)
        return failureReply(matches.error());
    if (!matches.value()) {
        // Five wrong codes end the pending login; the password is needed again.
        if (++it->attempts >= 5)
            auth.pendingLogins.erase(it);
        audit(auth.db, QStringLiteral("LOGIN_FAILED"), user.id, QStringLiteral("user"), user.id,
              client.ip, client.userAgent,
              {{QStringLiteral("reason"), QStringLiteral("wrong_totp_code")}});
        return ApiReply::failure(
            Error{ErrorCode::InvalidCredentials, QStringLiteral("invalid two-factor code")});
    }
    const bool rememberMe = it->rememberMe;
    auth.pendingLogins.erase(it);
    // Drop expired entries now and then so abandoned logins do not pile up.
    for (auto p = auth.pendingLogins.begin(); p != auth.pendingLogins.end();)
        p = p->expiresAtMs <= now ? auth.pendingLogins.erase(p) : std::next(p);
    ApiReply reply = completeLogin(auth, user, rememberMe, client);
    if (reply.status == 200) {
        QJsonObject data = reply.body.value(QStringLiteral("data")).toObject();
        data.insert(QStringLiteral("verified"), true);
        reply.body.insert(QStringLiteral("data"), data);
    }
    return reply;
}

ApiReply refresh(AuthModule &auth, const RequestContext &context)
{
    HM_TRY(body, context.jsonObject());
    HM_TRY(token, optionalString(body.value(), QStringLiteral("refresh_token")));
    QString refreshToken = token.value();
    if (refreshToken.isEmpty()) {
        // Seed 001 sends the refresh token as the bearer credential.
        const QByteArray authorization = context.header("Authorization").trimmed();
        if (authorization.size() > 7 &&
            authorization.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
            refreshToken = QString::fromLatin1(authorization.mid(7)).trimmed();
    }
    if (refreshToken.isEmpty())
        return ApiReply::failure(fieldError(QStringLiteral("refresh_token"),
                                            QStringLiteral("refresh_token is required")));
    QString reuseUser;
    auto rotated = auth.tokens.rotate(refreshToken, clientInfo(context), &reuseUser);
    if (!reuseUser.isEmpty())
        audit(auth.db, QStringLiteral("REFRESH_TOKEN_REUSE"), reuseUser, QStringLiteral("session"),
              {}, context.clientIp(), QString::fromUtf8(context.header("User-Agent")));
    if (!rotated)
        return ApiReply::failure(rotated.error());
    return ApiReply::ok(rotated.value());
}

ApiReply registerUser(AuthModule &auth, const RequestContext &context)
{
    const AuthSettings settings = AuthSettings::load(auth.db);
    if (!settings.selfRegistration)
        return ApiReply::failure(
            Error{ErrorCode::Forbidden, QStringLiteral("self-registration is disabled")});
    const auto decision = auth.loginLimiter.hit(QStringLiteral("register:") + context.clientIp(),
                                                settings.loginRateLimit,
                                                settings.rateWindowSeconds * 1000LL, nowMs());
    if (!decision.allowed)
        return withHeaders(ApiReply::failure(rateLimitError(decision)), rateLimitHeaders(decision));
    HM_TRY(body, context.jsonObject());
    HM_TRY(email, requiredString(body.value(), QStringLiteral("email")));
    HM_TRY(password, requiredString(body.value(), QStringLiteral("password")));
    HM_TRY(name, optionalString(body.value(), QStringLiteral("name")));
    HM_TRY(username, optionalString(body.value(), QStringLiteral("username"),
                                    email.value().section(QLatin1Char('@'), 0, 0)));
    HM_TRY(user, validateNewUser(settings, username.value(), email.value(), password.value()));
    Q_UNUSED(user);
    NewUser account{username.value(),
                    email.value(),
                    name.value().isEmpty() ? username.value() : name.value(),
                    {},
                    {},
                    QStringLiteral("active"),
                    Role::User};
    const DeferredReply reply = context.defer();
    const ClientInfo client = clientInfo(context);
    // Argon2 on the password worker; the account is written back here.
    const bool started = auth.passwords.hash(password.value(), [&auth, account, client, reply](
                                                                   Result<QString> hash) mutable {
        if (!hash)
            return reply.send(ApiReply::failure(hash.error()));
        account.passwordHash = hash.value();
        auto created = UserRepository(auth.db).create(account);
        if (!created)
            return reply.send(ApiReply::failure(created.error()));
        audit(auth.db, QStringLiteral("USER_REGISTERED"), created.value().id,
              QStringLiteral("user"), created.value().id, client.ip, client.userAgent);
        ApiReply answer = ApiReply::ok(created.value().toJson(), 201);
        answer.body.insert(QStringLiteral("message"), QStringLiteral("Registration successful"));
        reply.send(std::move(answer));
    });
    if (!started)
        reply.send(ApiReply::failure(PasswordWorker::busyError()));
    return withHeaders(ApiReply::deferred(), rateLimitHeaders(decision));
}

ApiReply noSmtp(const RequestContext &)
{
    return ApiReply::failure(
        Error{ErrorCode::ServiceUnavailable, QStringLiteral("no SMTP channel is configured")});
}

} // namespace

void registerLoginRoutes(ApiRouter &router, AuthModule &auth)
{
    router.addRoute(Method::Post, QStringLiteral("/api/v1/auth/login"),
                    [&auth](const RequestContext &c) { return login(auth, c); });
    router.addRoute(Method::Post, QStringLiteral("/api/v1/auth/verify-2fa"),
                    [&auth](const RequestContext &c) { return verifyTwoFactorLogin(auth, c); });
    router.addRoute(Method::Post, QStringLiteral("/api/v1/auth/refresh"),
                    [&auth](const RequestContext &c) { return refresh(auth, c); });
    router.addRoute(Method::Post, QStringLiteral("/api/v1/auth/register"),
                    [&auth](const RequestContext &c) { return registerUser(auth, c); });
    for (const char *path : {"/api/v1/auth/forgot-password", "/api/v1/auth/reset-password",
                             "/api/v1/auth/verify-email"})
        router.addRoute(Method::Post, QString::fromLatin1(path), noSmtp);

    addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/auth/logout"), Role::Viewer,
        [&auth](const RequestContext &c, const Principal &p) {
            HM_TRY(body, c.jsonObject());
            QString family = p.sessionId;
            const QString token = body.value().value(QStringLiteral("refresh_token")).toString();
            if (!token.isEmpty()) {
                HM_TRY(owned, auth.tokens.familyOf(token));
                family = owned.value();
            }
            if (family.isEmpty())
                return ApiReply::failure(
                    fieldError(QStringLiteral("refresh_token"),
                               QStringLiteral("refresh_token is required with an API key")));
            HM_TRY_STATUS(auth.tokens.revokeFamily(p.userId, family));
            audit(auth.db, QStringLiteral("LOGOUT"), p.userId, QStringLiteral("session"), family,
                  c.clientIp(), QString::fromUtf8(c.header("User-Agent")));
            return ApiReply::ok(QJsonObject{{QStringLiteral("logged_out"), true}});
        });
    addProtectedRoute(router, auth, Method::Post, QStringLiteral("/api/v1/auth/logout-all"),
                      Role::Viewer, [&auth](const RequestContext &c, const Principal &p) {
                          HM_TRY_STATUS(auth.tokens.revokeAllFamilies(p.userId));
                          audit(auth.db, QStringLiteral("LOGOUT_ALL"), p.userId,
                                QStringLiteral("user"), p.userId, c.clientIp(),
                                QString::fromUtf8(c.header("User-Agent")));
                          return ApiReply::ok(QJsonObject{{QStringLiteral("logged_out"), true}});
                      });

    // Auth settings (admin): self-registration, password policy, lockout,
    // login rate limits.
    addProtectedRoute(router, auth, Method::Get, QStringLiteral("/api/v1/auth/settings"),
                      Role::Admin, [&auth](const RequestContext &, const Principal &) {
                          return ApiReply::ok(AuthSettings::load(auth.db).toJson());
                      });
    addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/auth/settings"), Role::Admin,
        [&auth](const RequestContext &c, const Principal &p) {
            HM_TRY(body, c.jsonObject());
            const QStringList known{
                QStringLiteral("auth.self_registration"), QStringLiteral("password_policy"),
                QStringLiteral("auth.lockout"), QStringLiteral("auth.rate_limits")};
            for (auto it = body.value().begin(); it != body.value().end(); ++it) {
                if (!known.contains(it.key()))
                    return ApiReply::failure(
                        fieldError(it.key(), QStringLiteral("unknown setting %1").arg(it.key())));
                const bool wantBool = it.key() == QLatin1String("auth.self_registration");
                if (wantBool ? !it.value().isBool() : !it.value().isObject())
                    return ApiReply::failure(fieldError(
                        it.key(), QStringLiteral("%1 has the wrong type").arg(it.key())));
            }
            for (auto it = body.value().begin(); it != body.value().end(); ++it)
                HM_TRY_STATUS(saveSetting(auth.db, it.key(), it.value(), p.userId));
            audit(auth.db, QStringLiteral("SETTINGS_CHANGED"), p.userId, QStringLiteral("settings"),
                  {}, c.clientIp(), QString::fromUtf8(c.header("User-Agent")),
                  {{QStringLiteral("keys"), QJsonArray::fromStringList(body.value().keys())}});
            return ApiReply::ok(AuthSettings::load(auth.db).toJson());
        });
}

} // namespace hm::server::auth
