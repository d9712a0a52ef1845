#include "server/api/AuthCommon.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/UserRepository.h"
#include "server/repositories/WriteGenerations.h"
#include "server/routes/auth/AuthRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/AuthSettings.h"
#include "server/services/auth/LoginService.h"
#include "server/services/auth/TwoFactor.h"
#include "server/services/auth/Validation.h"

namespace hm::server::auth {
namespace {

using Method = http::Method;

ApiReply withHeaders(ApiReply reply, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    reply.headers += headers;
    return reply;
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
    const DeferredReply reply = context.defer();
    LoginService(auth).login(
        LoginRequest{login, password.value(), rememberMe.value(), clientInfo(context)},
        [reply](Result<QJsonObject> outcome) {
            reply.send(outcome ? ApiReply::ok(outcome.value())
                               : ApiReply::failure(outcome.error()));
        },
        [reply] { return reply.isPending(); });
    return withHeaders(ApiReply::deferred(), rateLimitHeaders(byIp));
}

ApiReply verifyTwoFactorLogin(AuthModule &auth, const RequestContext &context)
{
    HM_TRY(body, context.jsonObject());
    HM_TRY(pendingToken, requiredString(body.value(), QStringLiteral("pending_token")));
    HM_TRY(code, requiredString(body.value(), QStringLiteral("code")));
    HM_TRY(method, optionalString(body.value(), QStringLiteral("method"), QStringLiteral("totp")));
    if (!isSecondFactorMethod(method.value()))
        return ApiReply::failure(fieldError(
            QStringLiteral("method"), QStringLiteral("method must be \"totp\" or \"recovery\"")));
    auto verified = LoginService(auth).verifyTwoFactor(pendingToken.value(), code.value(),
                                                       clientInfo(context), method.value());
    if (!verified)
        return failureReply(verified.error());
    return ApiReply::ok(verified.value());
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
        auditAction(auth.db, context, reuseUser, QStringLiteral("REFRESH_TOKEN_REUSE"),
                    QStringLiteral("session"), {});
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
        invalidateFlowCaches(); // the invitations accepted are shares now
        auditAction(auth.db, client, created.value().id, QStringLiteral("USER_REGISTERED"),
                    QStringLiteral("user"), created.value().id);
        ApiReply answer = ApiReply::ok(created.value().toJson(), 201);
        answer.body.insert(QStringLiteral("message"), QStringLiteral("Registration successful"));
        reply.send(std::move(answer));
    });
    if (!started)
        reply.send(ApiReply::failure(PasswordWorker::busyError()));
    return withHeaders(ApiReply::deferred(), rateLimitHeaders(decision));
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

    addProtectedRoute(router, auth, Method::Post, QStringLiteral("/api/v1/auth/logout"),
                      Role::Viewer, [&auth](const RequestContext &c, const Principal &p) {
                          HM_TRY(body, c.jsonObject());
                          QString family = p.sessionId;
                          const QString token =
                              body.value().value(QStringLiteral("refresh_token")).toString();
                          if (!token.isEmpty()) {
                              HM_TRY(owned, auth.tokens.familyOf(token));
                              family = owned.value();
                          }
                          if (family.isEmpty())
                              return ApiReply::failure(fieldError(
                                  QStringLiteral("refresh_token"),
                                  QStringLiteral("refresh_token is required with an API key")));
                          HM_TRY_STATUS(auth.tokens.revokeFamily(p.userId, family));
                          auditAction(auth.db, c, p.userId, QStringLiteral("LOGOUT"),
                                      QStringLiteral("session"), family);
                          return ApiReply::ok(QJsonObject{{QStringLiteral("logged_out"), true}});
                      });
    addProtectedRoute(router, auth, Method::Post, QStringLiteral("/api/v1/auth/logout-all"),
                      Role::Viewer, [&auth](const RequestContext &c, const Principal &p) {
                          HM_TRY_STATUS(auth.tokens.revokeAllFamilies(p.userId));
                          auditAction(auth.db, c, p.userId, QStringLiteral("LOGOUT_ALL"),
                                      QStringLiteral("user"), p.userId);
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
            auditAction(
                auth.db, c, p.userId, QStringLiteral("SETTINGS_CHANGED"),
                QStringLiteral("settings"), {},
                {{QStringLiteral("keys"), QJsonArray::fromStringList(body.value().keys())}});
            return ApiReply::ok(AuthSettings::load(auth.db).toJson());
        });
}

} // namespace hm::server::auth
