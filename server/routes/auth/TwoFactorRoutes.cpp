#include "crypto/Envelope.h"
#include "crypto/Totp.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/auth/AuthRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/RecoveryCodes.h"
#include "server/services/auth/TwoFactor.h"

#include <functional>

namespace hm::server::auth {
namespace {

using Method = http::Method;

// The secret is sealed under the CREDENTIAL DEK with the user id as
// associated data, so a ciphertext copied to another user's row fails.
Result<QByteArray> decryptSecret(AuthModule &auth, const UserRecord &user)
{
    if (user.totpSecretEnc.isEmpty())
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("two-factor authentication is not enrolled")};
    return auth.envelope.decrypt(user.totpSecretEnc, crypto::DekPurpose::Credential,
                                 user.id.toUtf8());
}

std::optional<qint64> matchingStep(AuthModule &auth, const UserRecord &user, const QString &code)
{
    auto secret = decryptSecret(auth, user);
    if (!secret)
        return std::nullopt;
    const auto step = crypto::totpMatchingStep(secret.value(), code, nowMs() / 1000);
    crypto::wipe(secret.value());
    if (!step || *step <= auth.lastTotpStep.value(user.id, -1))
        return std::nullopt;
    auth.lastTotpStep.insert(user.id, *step);
    return step;
}

Result<UserRecord> currentUser(AuthModule &auth, const Principal &principal)
{
    auto user = UserRepository(auth.db).findById(principal.userId);
    if (!user)
        return user.error();
    if (!user.value())
        return Error{ErrorCode::UserNotFound, QStringLiteral("user not found")};
    return *user.value();
}

// The optional "method" of a body that carries a second factor's code.
Result<QString> secondFactorMethod(const QJsonObject &body)
{
    auto method = optionalString(body, QStringLiteral("method"), QStringLiteral("totp"));
    if (!method)
        return method.error();
    if (!isSecondFactorMethod(method.value()))
        return fieldError(QStringLiteral("method"),
                          QStringLiteral("method must be \"totp\" or \"recovery\""));
    return method.value();
}

Error wrongCode()
{
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("invalid two-factor code"),
                 {{QStringLiteral("field"), QStringLiteral("code")}}};
}

// What changes the account's second factor once it is on (disable it, new
// recovery codes) takes both: the password (on the password worker) and
// then a code. `then` runs once both matched, and answers.
using AfterBothFactors = std::function<ApiReply(const UserRecord &user, const ClientInfo &client)>;
ApiReply withBothFactors(AuthModule &auth, const RequestContext &c, const Principal &p,
                         AfterBothFactors then)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(password, requiredString(body.value(), QStringLiteral("password")));
    HM_TRY(code, requiredString(body.value(), QStringLiteral("code")));
    HM_TRY(method, secondFactorMethod(body.value()));
    HM_TRY(user, currentUser(auth, p));
    if (!user.value().twoFactorEnabled)
        return ApiReply::failure(Error{ErrorCode::ValidationError,
                                       QStringLiteral("two-factor authentication is not enabled")});
    const ClientInfo client = clientInfo(c);
    return checkOwnPassword(
        auth, c, user.value(), password.value(), QStringLiteral("password is wrong"),
        [&auth, user = user.value(), code = code.value(), method = method.value(), client,
         then = std::move(then)](const DeferredReply &reply) {
            const Result<bool> matches = checkSecondFactor(auth, user, method, code, client);
            if (!matches)
                return reply.send(failureReply(matches.error()));
            if (!matches.value())
                return reply.send(ApiReply::failure(wrongCode()));
            reply.send(then(user, client));
        });
}

// One second-factor check against the account's count of wrong codes:
// `matches` runs only while the account is not locked.
Result<bool> countedCheck(AuthModule &auth, const UserRecord &user, const ClientInfo &client,
                          const std::function<Result<bool>()> &matches)
{
    const QString subject = QStringLiteral("totp:") + user.id;
    const AttemptTracker::Policy policy = auth.checkPolicy();
    const qint64 now = nowMs();
    const AttemptTracker::State state = auth.checkAttempts.state(subject, {}, policy, now);
    if (state.locked(now))
        return attemptsLockedError(QStringLiteral("wrong two-factor codes"), policy.maxFailures,
                                   state.lockedUntilMs, now);
    const Result<bool> matched = matches();
    if (!matched)
        return matched.error();
    if (matched.value()) {
        auth.checkAttempts.recordSuccess(subject, {});
        return true;
    }
    const AttemptTracker::State after = auth.checkAttempts.recordFailure(subject, {}, policy, now);
    auditAction(auth.db, client, user.id, QStringLiteral("TWO_FACTOR_CHECK_FAILED"),
                QStringLiteral("user"), user.id,
                {{QStringLiteral("attempts"), after.failures},
                 {QStringLiteral("locked_until"), isoOrNull(after.lockedUntilMs)}});
    return false;
}

} // namespace

Result<bool> checkCode(AuthModule &auth, const UserRecord &user, const QString &code,
                       const ClientInfo &client)
{
    return countedCheck(auth, user, client, [&]() -> Result<bool> {
        return matchingStep(auth, user, code).has_value();
    });
}

bool isSecondFactorMethod(const QString &method)
{
    return method == QLatin1String("totp") || method == QLatin1String("recovery");
}

Result<bool> checkSecondFactor(AuthModule &auth, const UserRecord &user, const QString &method,
                               const QString &code, const ClientInfo &client)
{
    if (method != QLatin1String("recovery"))
        return checkCode(auth, user, code, client);
    return countedCheck(auth, user, client, [&]() -> Result<bool> {
        UserRepository users(auth.db);
        const Result<bool> used =
            users.consumeRecoveryCode(user.id, recoveryCodeHash(user.id, code));
        if (used && used.value()) {
            const Result<qint64> left = users.countRecoveryCodes(user.id);
            auditAction(auth.db, client, user.id, QStringLiteral("TWO_FACTOR_RECOVERY_USED"),
                        QStringLiteral("user"), user.id,
                        {{QStringLiteral("recovery_codes_remaining"), left ? left.value() : -1}});
        }
        return used;
    });
}

void registerTwoFactorRoutes(ApiRouter &router, AuthModule &auth)
{
    addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/auth/2fa/enroll"), Role::Viewer,
        [&auth](const RequestContext &, const Principal &p) {
            HM_TRY(user, currentUser(auth, p));
            if (user.value().twoFactorEnabled)
                return ApiReply::failure(
                    Error{ErrorCode::ValidationError,
                          QStringLiteral("two-factor authentication is already "
                                         "enabled; disable it first")});
            QByteArray secret = crypto::generateTotpSecret();
            auto sealed = auth.envelope.encrypt(secret, crypto::DekPurpose::Credential,
                                                user.value().id.toUtf8());
            if (!sealed) {
                crypto::wipe(secret);
                return ApiReply::failure(sealed.error());
            }
            HM_TRY_STATUS(UserRepository(auth.db).setTotp(user.value().id, sealed.value(), false));
            // Shown once, to put into an authenticator app.
            const QJsonObject data{
                {QStringLiteral("secret"), crypto::base32Encode(secret)},
                {QStringLiteral("otpauth_uri"),
                 crypto::otpauthUri(QStringLiteral("HiveMind"), user.value().username, secret)}};
            crypto::wipe(secret);
            return ApiReply::ok(data);
        });
    addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/auth/2fa/verify"), Role::Viewer,
        [&auth](const RequestContext &c, const Principal &p) {
            HM_TRY(body, c.jsonObject());
            HM_TRY(code, requiredString(body.value(), QStringLiteral("code")));
            HM_TRY(user, currentUser(auth, p));
            if (user.value().twoFactorEnabled)
                return ApiReply::failure(
                    Error{ErrorCode::ValidationError,
                          QStringLiteral("two-factor authentication is already enabled")});
            const Result<bool> matches = checkCode(auth, user.value(), code.value(), clientInfo(c));
            if (!matches)
                return failureReply(matches.error());
            if (!matches.value())
                return ApiReply::failure(wrongCode());
            // The recovery codes first: 2FA is never on without them.
            HM_TRY(codes, regenerateRecoveryCodes(auth.db, user.value().id));
            HM_TRY_STATUS(
                UserRepository(auth.db).setTotp(user.value().id, user.value().totpSecretEnc, true));
            auditAction(auth.db, c, p.userId, QStringLiteral("TWO_FACTOR_ENABLED"),
                        QStringLiteral("user"), p.userId);
            // The codes are shown in this answer only.
            return ApiReply::ok(QJsonObject{
                {QStringLiteral("two_factor_enabled"), true},
                {QStringLiteral("recovery_codes"), QJsonArray::fromStringList(codes.value())}});
        });
    addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/auth/2fa/disable"), Role::Viewer,
        [&auth](const RequestContext &c, const Principal &p) {
            return withBothFactors(
                auth, c, p, [&auth, p](const UserRecord &user, const ClientInfo &client) {
                    HM_TRY_STATUS(UserRepository(auth.db).replaceRecoveryCodes(user.id, {}));
                    HM_TRY_STATUS(UserRepository(auth.db).setTotp(user.id, {}, false));
                    auditAction(auth.db, client, p.userId, QStringLiteral("TWO_FACTOR_DISABLED"),
                                QStringLiteral("user"), p.userId);
                    return ApiReply::ok(QJsonObject{{QStringLiteral("two_factor_enabled"), false}});
                });
        });
    // New recovery codes for old ones: the same proof as disable (password
    // and a code). The old codes stop working; the new ones are shown once.
    addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/auth/2fa/recovery-codes"), Role::Viewer,
        [&auth](const RequestContext &c, const Principal &p) {
            return withBothFactors(
                auth, c, p, [&auth, p](const UserRecord &user, const ClientInfo &client) {
                    HM_TRY(codes, regenerateRecoveryCodes(auth.db, user.id));
                    auditAction(auth.db, client, p.userId,
                                QStringLiteral("TWO_FACTOR_RECOVERY_CODES_REGENERATED"),
                                QStringLiteral("user"), p.userId);
                    return ApiReply::ok(QJsonObject{{QStringLiteral("recovery_codes"),
                                                     QJsonArray::fromStringList(codes.value())}});
                });
        });
    // How many recovery codes are left (never the codes).
    addProtectedRoute(router, auth, Method::Get, QStringLiteral("/api/v1/auth/2fa/recovery-codes"),
                      Role::Viewer, [&auth](const RequestContext &, const Principal &p) {
                          HM_TRY(user, currentUser(auth, p));
                          HM_TRY(left, UserRepository(auth.db).countRecoveryCodes(p.userId));
                          return ApiReply::ok(QJsonObject{
                              {QStringLiteral("two_factor_enabled"), user.value().twoFactorEnabled},
                              {QStringLiteral("recovery_codes_remaining"), left.value()}});
                      });
}

} // namespace hm::server::auth
