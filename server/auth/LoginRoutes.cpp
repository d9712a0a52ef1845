#include "common/Logging.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"
#include "server/auth/AuditLog.h"
#include "server/auth/AuthCommon.h"
#include "server/auth/AuthModule.h"
#include "server/auth/AuthRoutes.h"
#include "server/auth/AuthSettings.h"
#include "server/auth/RouteHelpers.h"
#include "server/auth/TwoFactor.h"
#include "server/auth/UserRepository.h"
#include "server/auth/Validation.h"

namespace hm::server::auth {
namespace {

using Method = QHttpServerRequest::Method;
constexpr qint64 kPendingLoginMs = 5 * 60 * 1000;

// Verified against for unknown users so a miss costs as much as a wrong
// password and response times do not tell which usernames exist.
const QString &dummyHash()
{
    static const QString hash = crypto::hashPassword(crypto::randomToken(16)).valueOr(QString());
    return hash;
}

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

// Tokens plus the user, after every factor has been checked.
ApiReply completeLogin(AuthModule &auth, const UserRecord &user, bool rememberMe,
                       const RequestContext &context)
{
    UserRepository users(auth.db);
    const qint64 now = nowMs();
    HM_TRY_STATUS(users.recordSuccessfulLogin(user.id, now));
    HM_TRY(tokens, auth.tokens.startSession(user, rememberMe, clientInfo(context)));
    UserRecord current = user;
    current.lastLoginAt = now;
    QJsonObject data = tokens.value();
    data.insert(QStringLiteral("user"), current.toJson());
    audit(auth.db, QStringLiteral("LOGIN"), user.id, QStringLiteral("user"), user.id,
          context.clientIp(), QString::fromUtf8(context.header("User-Agent")),
          {{QStringLiteral("remember_me"), rememberMe},
           {QStringLiteral("two_factor"), user.twoFactorEnabled}});
    return ApiReply::ok(data);
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

    const AuthSettings settings = AuthSettings::load(auth.db);
    const qint64 now = nowMs();
    const qint64 window = settings.rateWindowSeconds * 1000LL;
    const auto byIp = auth.loginLimiter.hit(QStringLiteral("ip:") + context.clientIp(),
                                            settings.loginRateLimit, window, now);
    if (!byIp.allowed)
        return withHeaders(ApiReply::failure(rateLimitError(byIp)), rateLimitHeaders(byIp));
    const auto byName = auth.loginLimiter.hit(QStringLiteral("user:") + login.toLower(),
                                              settings.loginRateLimit, window, now);
    if (!byName.allowed)
        return withHeaders(ApiReply::failure(rateLimitError(byName)), rateLimitHeaders(byName));
    const auto headers = rateLimitHeaders(byIp.remaining <= byName.remaining ? byIp : byName);

    const QString ip = context.clientIp();
    const QString agent = QString::fromUtf8(context.header("User-Agent"));
    UserRepository users(auth.db);
    HM_TRY(found, users.findByLogin(login));
    if (!found.value()) {
        (void)crypto::verifyPassword(dummyHash(), password.value());
        audit(auth.db, QStringLiteral("LOGIN_FAILED"), {}, QStringLiteral("user"), {}, ip, agent,
              {{QStringLiteral("reason"), QStringLiteral("unknown_user")}});
        return withHeaders(ApiReply::failure(invalidCredentials()), headers);
    }
    UserRecord user = *found.value();
    if (user.lockedAt(now))
        return withHeaders(ApiReply::failure(Error{
                               ErrorCode::AccountLocked,
                               QStringLiteral("Account is locked due to too many failed attempts"),
                               {{QStringLiteral("locked_until"), isoOrNull(user.lockedUntil)}}}),
                           headers);
    // A lock that has run out starts a fresh count.
    const int previous = user.lockedUntil > 0 ? 0 : user.loginAttempts;

    if (!crypto::verifyPassword(user.passwordHash, password.value())) {
        const int attempts = previous + 1;
        const bool lock = attempts >= settings.lockoutMaxAttempts;
        const qint64 lockedUntil = lock ? now + settings.lockoutDurationSeconds * 1000LL : 0;
        HM_TRY_STATUS(users.recordFailedLogin(user.id, lock ? 0 : attempts, lockedUntil));
        audit(auth.db, QStringLiteral("LOGIN_FAILED"), user.id, QStringLiteral("user"), user.id, ip,
              agent,
              {{QStringLiteral("reason"), QStringLiteral("wrong_password")},
               {QStringLiteral("attempts"), attempts}});
        if (lock) {
            qCWarning(lcServer).noquote()
                << "account" << user.username << "locked after" << attempts << "failed logins";
            audit(auth.db, QStringLiteral("ACCOUNT_LOCKED"), user.id, QStringLiteral("user"),
                  user.id, ip, agent, {{QStringLiteral("locked_until"), isoOrNull(lockedUntil)}});
            return withHeaders(
                ApiReply::failure(
                    Error{ErrorCode::AccountLocked,
                          QStringLiteral("Account is locked due to too many failed attempts"),
                          {{QStringLiteral("locked_until"), isoOrNull(lockedUntil)}}}),
                headers);
        }
        return withHeaders(ApiReply::failure(invalidCredentials()), headers);
    }
    if (user.status == QLatin1String("suspended"))
        return withHeaders(ApiReply::failure(Error{ErrorCode::AccountSuspended,
                                                   QStringLiteral("account is suspended")}),
                           headers);
    if (user.status != QLatin1String("active"))
        return withHeaders(ApiReply::failure(Error{ErrorCode::EmailNotVerified,
                                                   QStringLiteral("account is not activated yet")}),
                           headers);
    if (crypto::passwordNeedsRehash(user.passwordHash)) {
        if (auto rehashed = crypto::hashPassword(password.value()))
            (void)users.setPasswordHash(user.id, rehashed.value());
    }

    if (user.twoFactorEnabled) {
        const QString pending = crypto::randomToken(32);
        auth.pendingLogins.insert(crypto::sha256Hex(pending.toUtf8()),
                                  PendingLogin{user.id, rememberMe.value(), now + kPendingLoginMs});
        return withHeaders(ApiReply::ok(QJsonObject{
                               {QStringLiteral("two_factor_required"), true},
                               {QStringLiteral("pending_token"), pending},
                               {QStringLiteral("methods"), QJsonArray{QStringLiteral("totp")}},
                               {QStringLiteral("expires_in"), kPendingLoginMs / 1000}}),
                           headers);
    }
    return withHeaders(completeLogin(auth, user, rememberMe.value(), context), headers);
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
    if (!checkTotp(auth, user, code.value())) {
        // Five wrong codes end the pending login; the password is needed again.
        if (++it->attempts >= 5)
            auth.pendingLogins.erase(it);
        audit(auth.db, QStringLiteral("LOGIN_FAILED"), user.id, QStringLiteral("user"), user.id,
              context.clientIp(), QString::fromUtf8(context.header("User-Agent")),
              {{QStringLiteral("reason"), QStringLiteral("wrong_totp_code")}});
        return ApiReply::failure(
            Error{ErrorCode::InvalidCredentials, QStringLiteral("invalid two-factor code")});
    }
    const bool rememberMe = it->rememberMe;
    auth.pendingLogins.erase(it);
    // Drop expired entries now and then so abandoned logins do not pile up.
    for (auto p = auth.pendingLogins.begin(); p != auth.pendingLogins.end();)
        p = p->expiresAtMs <= now ? auth.pendingLogins.erase(p) : std::next(p);
    ApiReply reply = completeLogin(auth, user, rememberMe, context);
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
    HM_TRY(created, UserRepository(auth.db).create(
                        NewUser{username.value(), email.value(),
                                name.value().isEmpty() ? username.value() : name.value(),
                                password.value(), QStringLiteral("active"), Role::User}));
    audit(auth.db, QStringLiteral("USER_REGISTERED"), created.value().id, QStringLiteral("user"),
          created.value().id, context.clientIp(), QString::fromUtf8(context.header("User-Agent")));
    ApiReply reply = ApiReply::ok(created.value().toJson(), 201);
    reply.body.insert(QStringLiteral("message"), QStringLiteral("Registration successful"));
    return reply;
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
