// Account e-mail (seed 003 §7.2, issue 37 item 2; docs/api.md "Account
// e-mail"): forgot/reset password and e-mail verification with single-use
// tokens, the public settings the sign-in dialog reads, the user's mail
// language, and the administrator's SMTP settings with a test send.

#include "server/api/AuthCommon.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/AccountTokenRepository.h"
#include "server/repositories/UserRepository.h"
#include "server/routes/auth/AuthRoutes.h"
#include "server/services/auth/AccountMailer.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/AuthSettings.h"
#include "server/services/auth/InitialPassword.h"
#include "server/services/auth/Validation.h"
#include "server/services/mail/AccountMailSettings.h"
#include "server/services/mail/AccountMailText.h"
#include "server/services/mail/MailMessage.h"

#include <optional>

namespace hm::server::auth {
namespace {

using Method = http::Method;
using namespace schema;

const QString kAccountMailTag = QStringLiteral("auth");

Error notConfigured()
{
    return Error{ErrorCode::ServiceUnavailable,
                 QStringLiteral("account e-mail is not configured"),
                 {{QStringLiteral("code"), QStringLiteral("SMTP_NOT_CONFIGURED")}}};
}

ApiReply limited(const RateLimiter::Decision &decision)
{
    ApiReply reply = ApiReply::failure(rateLimitError(decision));
    reply.headers += rateLimitHeaders(decision);
    return reply;
}

// Per client address, by the login limit: token guessing and mail
// flooding cost as much as password guessing.
std::optional<RateLimiter::Decision> refusedByLimit(AuthModule &auth, const RequestContext &c,
                                                    const QString &what)
{
    const AuthSettings settings = AuthSettings::load(auth.db);
    const auto decision = auth.loginLimiter.hit(what + u':' + c.clientIp(), settings.loginRateLimit,
                                                settings.rateWindowSeconds * 1000LL, nowMs());
    if (decision.allowed)
        return std::nullopt;
    return decision;
}

QJsonObject publicSettings(AuthModule &auth, AccountMailer &mailer)
{
    const bool mail = mailer.configured();
    return {{QStringLiteral("self_registration"), AuthSettings::load(auth.db).selfRegistration},
            {QStringLiteral("password_reset"), mail},
            {QStringLiteral("email_verification"), mail}};
}

ApiReply forgotPassword(AuthModule &auth, AccountMailer &mailer, const RequestContext &c)
{
    if (auto refused = refusedByLimit(auth, c, QStringLiteral("forgot")))
        return limited(*refused);
    HM_TRY(body, c.jsonObject());
    HM_TRY(email, requiredString(body.value(), QStringLiteral("email")));
    if (!plausibleEmail(email.value()))
        return ApiReply::failure(
            fieldError(QStringLiteral("email"), QStringLiteral("an e-mail address")));
    if (!mailer.configured())
        return ApiReply::failure(notConfigured());
    // The same answer whether an account has the address or not.
    const ApiReply same = ApiReply::ok(QJsonObject{
        {QStringLiteral("message"),
         QStringLiteral("If the address belongs to an account, a reset e-mail is on its way.")}});
    auto found = UserRepository(auth.db).findByLogin(email.value());
    if (!found || !found.value())
        return same;
    const UserRecord &user = *found.value();
    if (user.email.compare(email.value(), Qt::CaseInsensitive) != 0 ||
        user.status == QLatin1String("deleted"))
        return same;
    mailer.sendPasswordReset(user);
    auditAction(auth.db, c, user.id, QStringLiteral("PASSWORD_RESET_REQUESTED"),
                QStringLiteral("user"), user.id);
    return same;
}

ApiReply resetPassword(AuthModule &auth, AccountMailer &mailer, const RequestContext &c)
{
    if (auto refused = refusedByLimit(auth, c, QStringLiteral("reset")))
        return limited(*refused);
    HM_TRY(body, c.jsonObject());
    HM_TRY(token, requiredString(body.value(), QStringLiteral("token")));
    HM_TRY(password, requiredString(body.value(), QStringLiteral("new_password")));
    // A wrong token is said before the password is judged or hashed.
    if (auto checked = mailer.checkToken(token.value(), QStringLiteral("reset")); !checked)
        return ApiReply::failure(checked.error());
    HM_TRY_STATUS(checkPassword(AuthSettings::load(auth.db).passwordPolicy, password.value()));
    const DeferredReply reply = c.defer();
    const ClientInfo client = clientInfo(c);
    // Argon2 on the password worker; the token is spent with the write, so
    // two requests with one token cannot both set a password.
    const bool started =
        auth.passwords.hash(password.value(), [&auth, &mailer, token = token.value(), client,
                                               reply](Result<QString> hash) {
            if (!hash)
                return reply.send(ApiReply::failure(hash.error()));
            auto spent = mailer.spendToken(token, QStringLiteral("reset"));
            if (!spent)
                return reply.send(ApiReply::failure(spent.error()));
            const QString userId = spent.value();
            UserRepository users(auth.db);
            if (Status s = users.setPasswordHash(userId, hash.value()); !s)
                return reply.send(ApiReply::failure(s.error()));
            // Whoever had the old password, or a session, is out.
            if (Status s = auth.tokens.revokeAllFamilies(userId); !s)
                return reply.send(ApiReply::failure(s.error()));
            (void)auth.clearLockouts(userId);
            (void)users.clearStoredLockout(userId);
            retireInitialPassword(auth.db, auth.initialPasswordFile, userId);
            auditAction(auth.db, client, userId, QStringLiteral("PASSWORD_RESET"),
                        QStringLiteral("user"), userId);
            reply.send(ApiReply::ok(QJsonObject{{QStringLiteral("password_reset"), true}}));
        });
    if (!started)
        reply.send(ApiReply::failure(PasswordWorker::busyError()));
    return ApiReply::deferred();
}

ApiReply verifyEmail(AuthModule &auth, AccountMailer &mailer, const RequestContext &c,
                     const QString &token)
{
    if (auto refused = refusedByLimit(auth, c, QStringLiteral("verify")))
        return limited(*refused);
    if (token.isEmpty())
        return ApiReply::failure(
            fieldError(QStringLiteral("token"), QStringLiteral("token is required")));
    HM_TRY(userId, mailer.spendToken(token, QStringLiteral("verify")));
    HM_TRY_STATUS(repositories::setEmailVerified(auth.db, userId.value()));
    HM_TRY(user, UserRepository(auth.db).requireById(userId.value()));
    // A self-registered account waiting for its address becomes active.
    if (user.value().status == QLatin1String("pending")) {
        HM_TRY_STATUS(UserRepository(auth.db).setStatus(userId.value(), QStringLiteral("active")));
    }
    auditAction(auth.db, c, userId.value(), QStringLiteral("EMAIL_VERIFIED"),
                QStringLiteral("user"), userId.value());
    return ApiReply::ok(QJsonObject{{QStringLiteral("email_verified"), true}});
}

ApiReply putMailSettings(AuthModule &auth, const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(next, mail::AccountMailSettings::merge(mail::AccountMailSettings::load(auth.db),
                                                  body.value(), auth.db, auth.envelope));
    HM_TRY_STATUS(next.value().save(auth.db, p.userId));
    // The fields changed, never their values (the password among them).
    auditAction(auth.db, c, p.userId, QStringLiteral("MAIL_SETTINGS_CHANGED"),
                QStringLiteral("settings"), QStringLiteral("mail.smtp"),
                {{QStringLiteral("keys"), QJsonArray::fromStringList(body.value().keys())}});
    return ApiReply::ok(next.value().toJson());
}

ApiReply testMail(AuthModule &auth, AccountMailer &mailer, const RequestContext &c,
                  const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(to, requiredString(body.value(), QStringLiteral("to")));
    HM_TRY(language,
           optionalString(body.value(), QStringLiteral("language"), QStringLiteral("en")));
    if (!mail::isMailAddress(to.value()))
        return ApiReply::failure(
            fieldError(QStringLiteral("to"), QStringLiteral("an e-mail address")));
    const auto parsed = i18n::parseLanguageTag(language.value());
    if (!parsed)
        return ApiReply::failure(
            fieldError(QStringLiteral("language"), QStringLiteral("en, zh-TW or zh-CN")));
    if (!mailer.configured())
        return ApiReply::failure(notConfigured());
    const DeferredReply reply = c.defer();
    const ClientInfo client = clientInfo(c);
    mailer.sendTest(to.value(), *parsed,
                    [&auth, reply, client, userId = p.userId](const mail::SmtpOutcome &outcome) {
                        QJsonObject result{{QStringLiteral("success"), outcome.sent},
                                           {QStringLiteral("duration_ms"), outcome.durationMs}};
                        if (outcome.replyCode > 0)
                            result.insert(QStringLiteral("smtp_code"), outcome.replyCode);
                        if (!outcome.sent)
                            result.insert(QStringLiteral("error"), outcome.error);
                        auditAction(auth.db, client, userId, QStringLiteral("MAIL_TEST_SENT"),
                                    QStringLiteral("settings"), QStringLiteral("mail.smtp"),
                                    {{QStringLiteral("success"), outcome.sent}});
                        reply.send(ApiReply::ok(result));
                    });
    return ApiReply::deferred();
}

// The mailed link carries its token in the query: logs show the pattern.
RouteDoc verifyLinkDoc()
{
    RouteDoc doc =
        routeDoc(kAccountMailTag, QStringLiteral("The mailed verification link (seed path)"),
                 {ErrorCode::TokenInvalid, ErrorCode::VerificationTokenExpired,
                  ErrorCode::RateLimitExceeded})
            .response(object({{QStringLiteral("email_verified"), boolean()}}));
    doc.secretInPath = true;
    doc.queryParameters.append(query(QStringLiteral("token"), string()));
    return doc;
}

void describeAccountMailRoutes(ApiRouter &router)
{
    const QString s = QStringLiteral("/api/v1");
    const QJsonObject message = object({{QStringLiteral("message"), string()}});
    router.describe(
        Method::Get, s + QStringLiteral("/auth/public-settings"),
        routeDoc(kAccountMailTag,
                 QStringLiteral("What the sign-in dialog may offer (no sign-in needed)"))
            .response(object({{QStringLiteral("self_registration"), boolean()},
                              {QStringLiteral("password_reset"), boolean()},
                              {QStringLiteral("email_verification"), boolean()}})));
    router.describe(
        Method::Post, s + QStringLiteral("/auth/forgot-password"),
        routeDoc(kAccountMailTag,
                 QStringLiteral("Mail a password reset token (the same answer for any address)"),
                 {ErrorCode::ValidationError, ErrorCode::RateLimitExceeded,
                  ErrorCode::ServiceUnavailable})
            .request(object({{QStringLiteral("email"), string()}}, {QStringLiteral("email")}))
            .response(message));
    router.describe(
        Method::Post, s + QStringLiteral("/auth/reset-password"),
        routeDoc(kAccountMailTag,
                 QStringLiteral("Set a new password with a mailed reset token (single use)"),
                 {ErrorCode::TokenInvalid, ErrorCode::TokenExpired, ErrorCode::InvalidPassword,
                  ErrorCode::ValidationError, ErrorCode::RateLimitExceeded,
                  ErrorCode::ServiceUnavailable})
            .request(object(
                {{QStringLiteral("token"), string()}, {QStringLiteral("new_password"), string()}},
                {QStringLiteral("token"), QStringLiteral("new_password")}))
            .response(object({{QStringLiteral("password_reset"), boolean()}})));
    const RouteDoc verify =
        routeDoc(kAccountMailTag, QStringLiteral("Confirm an e-mail address with a mailed token"),
                 {ErrorCode::TokenInvalid, ErrorCode::VerificationTokenExpired,
                  ErrorCode::ValidationError, ErrorCode::RateLimitExceeded})
            .request(object({{QStringLiteral("token"), string()}}, {QStringLiteral("token")}))
            .response(object({{QStringLiteral("email_verified"), boolean()}}));
    router.describe(Method::Post, s + QStringLiteral("/auth/verify-email"), verify);
}

const QJsonObject &mailSettingsSchema()
{
    static const QJsonObject settings = object(
        {{QStringLiteral("smtp_host"), string()},
         {QStringLiteral("smtp_port"), integer()},
         {QStringLiteral("security"),
          enumOf({QStringLiteral("starttls"), QStringLiteral("tls"), QStringLiteral("none")})},
         {QStringLiteral("username"), string()},
         {QStringLiteral("password"), string(QStringLiteral("write-only"))},
         {QStringLiteral("from"), string()},
         {QStringLiteral("ca_pem"), nullable(string())},
         {QStringLiteral("public_url"), nullable(string())},
         {QStringLiteral("password_set"), boolean()},
         {QStringLiteral("configured"), boolean()}});
    return settings;
}

} // namespace

void registerAccountMailRoutes(ApiRouter &router, AuthModule &auth, AccountMailer &mailer)
{
    const QString s = QStringLiteral("/api/v1");
    router.addRoute(Method::Get, s + QStringLiteral("/auth/public-settings"),
                    [&auth, &mailer](const RequestContext &) {
                        return ApiReply::ok(publicSettings(auth, mailer));
                    });
    router.addRoute(
        Method::Post, s + QStringLiteral("/auth/forgot-password"),
        [&auth, &mailer](const RequestContext &c) { return forgotPassword(auth, mailer, c); });
    router.addRoute(
        Method::Post, s + QStringLiteral("/auth/reset-password"),
        [&auth, &mailer](const RequestContext &c) { return resetPassword(auth, mailer, c); });
    router.addRoute(Method::Post, s + QStringLiteral("/auth/verify-email"),
                    [&auth, &mailer](const RequestContext &c) -> ApiReply {
                        HM_TRY(body, c.jsonObject());
                        HM_TRY(token, optionalString(body.value(), QStringLiteral("token")));
                        return verifyEmail(auth, mailer, c, token.value());
                    });
    // The mailed link: the token in the query (a link cannot carry a body).
    for (const QString &path : {QString(s + QStringLiteral("/auth/verify-email")),
                                QStringLiteral("/api/auth/verify-email")})
        router.addRoute(
            Method::Get, path,
            [&auth, &mailer](const RequestContext &c) {
                return verifyEmail(auth, mailer, c,
                                   c.request.queryValue(QLatin1StringView("token")));
            },
            verifyLinkDoc());
    describeAccountMailRoutes(router);

    addProtectedRoute(
        router, auth, Method::Post, s + QStringLiteral("/users/me/verify-email"), Role::Viewer,
        [&auth, &mailer](const RequestContext &c, const Principal &p) {
            if (!mailer.configured())
                return ApiReply::failure(notConfigured());
            HM_TRY(verified, repositories::emailVerified(auth.db, p.userId));
            if (verified.value())
                return ApiReply::failure(
                    Error{ErrorCode::Conflict,
                          QStringLiteral("the address is verified already"),
                          {{QStringLiteral("code"), QStringLiteral("ALREADY_VERIFIED")}}});
            HM_TRY(user, UserRepository(auth.db).requireById(p.userId));
            mailer.sendVerification(user.value());
            auditAction(auth.db, c, p.userId, QStringLiteral("EMAIL_VERIFICATION_SENT"),
                        QStringLiteral("user"), p.userId);
            return ApiReply::ok(QJsonObject{{QStringLiteral("sent"), true}});
        },
        routeDoc(QStringLiteral("users"),
                 QStringLiteral("Mail the caller a verification token for their address"),
                 {ErrorCode::Conflict, ErrorCode::ServiceUnavailable})
            .response(object({{QStringLiteral("sent"), boolean()}})));
    addProtectedRoute(
        router, auth, Method::Put, s + QStringLiteral("/users/me/language"), Role::Viewer,
        [&auth](const RequestContext &c, const Principal &p) {
            HM_TRY(body, c.jsonObject());
            HM_TRY(language, requiredString(body.value(), QStringLiteral("language")));
            if (language.value() != QLatin1String("en") &&
                language.value() != QLatin1String("zh-TW") &&
                language.value() != QLatin1String("zh-CN"))
                return ApiReply::failure(
                    fieldError(QStringLiteral("language"), QStringLiteral("en, zh-TW or zh-CN")));
            HM_TRY_STATUS(repositories::setUserLanguage(auth.db, p.userId, language.value()));
            auditAction(auth.db, c, p.userId, QStringLiteral("LANGUAGE_CHANGED"),
                        QStringLiteral("user"), p.userId,
                        {{QStringLiteral("language"), language.value()}});
            return ApiReply::ok(QJsonObject{{QStringLiteral("language"), language.value()}});
        },
        routeDoc(QStringLiteral("users"),
                 QStringLiteral("The language of the caller's account e-mail"),
                 {ErrorCode::ValidationError})
            .request(object(
                {{QStringLiteral("language"), enumOf({QStringLiteral("en"), QStringLiteral("zh-TW"),
                                                      QStringLiteral("zh-CN")})}},
                {QStringLiteral("language")}))
            .response(object({{QStringLiteral("language"), string()}})));

    addProtectedRoute(
        router, auth, Method::Get, s + QStringLiteral("/system/mail"), Role::Admin,
        [&auth](const RequestContext &, const Principal &) {
            return ApiReply::ok(mail::AccountMailSettings::load(auth.db).toJson());
        },
        routeDoc(QStringLiteral("system"),
                 QStringLiteral("Account e-mail SMTP settings (never the password)"))
            .response(mailSettingsSchema()));
    addProtectedRoute(
        router, auth, Method::Put, s + QStringLiteral("/system/mail"), Role::Admin,
        [&auth](const RequestContext &c, const Principal &p) {
            return putMailSettings(auth, c, p);
        },
        routeDoc(QStringLiteral("system"),
                 QStringLiteral("Change the account e-mail SMTP settings (partial)"),
                 {ErrorCode::ValidationError})
            .request(mailSettingsSchema())
            .response(mailSettingsSchema()));
    addProtectedRoute(
        router, auth, Method::Post, s + QStringLiteral("/system/mail/test"), Role::Admin,
        [&auth, &mailer](const RequestContext &c, const Principal &p) {
            return testMail(auth, mailer, c, p);
        },
        routeDoc(QStringLiteral("system"),
                 QStringLiteral("Send a test message with the stored SMTP settings"),
                 {ErrorCode::ValidationError, ErrorCode::ServiceUnavailable})
            .request(object(
                {{QStringLiteral("to"), string()},
                 {QStringLiteral("language"), enumOf({QStringLiteral("en"), QStringLiteral("zh-TW"),
                                                      QStringLiteral("zh-CN")})}},
                {QStringLiteral("to")}))
            .response(object({{QStringLiteral("success"), boolean()},
                              {QStringLiteral("smtp_code"), integer()},
                              {QStringLiteral("error"), string()},
                              {QStringLiteral("duration_ms"), integer()}})));
}

} // namespace hm::server::auth
