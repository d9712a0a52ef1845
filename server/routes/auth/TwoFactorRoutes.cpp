#include "crypto/Envelope.h"
#include "crypto/Totp.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/auth/AuthRoutes.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/TwoFactor.h"

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

Error wrongCode()
{
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("invalid two-factor code"),
                 {{QStringLiteral("field"), QStringLiteral("code")}}};
}

} // namespace

Result<bool> checkCode(AuthModule &auth, const UserRecord &user, const QString &code,
                       const ClientInfo &client)
{
    const QString subject = QStringLiteral("totp:") + user.id;
    const AttemptTracker::Policy policy = auth.checkPolicy();
    const qint64 now = nowMs();
    const AttemptTracker::State state = auth.checkAttempts.state(subject, {}, policy, now);
    if (state.locked(now))
        return attemptsLockedError(QStringLiteral("wrong two-factor codes"), policy.maxFailures,
                                   state.lockedUntilMs, now);
    if (matchingStep(auth, user, code)) {
        auth.checkAttempts.recordSuccess(subject, {});
        return true;
    }
    const AttemptTracker::State after = auth.checkAttempts.recordFailure(subject, {}, policy, now);
    audit(auth.db, QStringLiteral("TWO_FACTOR_CHECK_FAILED"), user.id, QStringLiteral("user"),
          user.id, client.ip, client.userAgent,
          {{QStringLiteral("attempts"), after.failures},
           {QStringLiteral("locked_until"), isoOrNull(after.lockedUntilMs)}});
    return false;
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
            HM_TRY_STATUS(
                UserRepository(auth.db).setTotp(user.value().id, user.value().totpSecretEnc, true));
            audit(auth.db, QStringLiteral("TWO_FACTOR_ENABLED"), p.userId, QStringLiteral("user"),
                  p.userId, c.clientIp(), QString::fromUtf8(c.header("User-Agent")));
            return ApiReply::ok(QJsonObject{{QStringLiteral("two_factor_enabled"), true}});
        });
    addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/auth/2fa/disable"), Role::Viewer,
        [&auth](const RequestContext &c, const Principal &p) {
            HM_TRY(body, c.jsonObject());
            HM_TRY(password, requiredString(body.value(), QStringLiteral("password")));
            HM_TRY(code, requiredString(body.value(), QStringLiteral("code")));
            HM_TRY(user, currentUser(auth, p));
            if (!user.value().twoFactorEnabled)
                return ApiReply::failure(
                    Error{ErrorCode::ValidationError,
                          QStringLiteral("two-factor authentication is not enabled")});
            const ClientInfo client = clientInfo(c);
            // The password first (on the password worker), then the code.
            return checkOwnPassword(
                auth, c, user.value(), password.value(), QStringLiteral("password is wrong"),
                [&auth, p, user = user.value(), code = code.value(),
                 client](const DeferredReply &reply) {
                    const Result<bool> matches = checkCode(auth, user, code, client);
                    if (!matches)
                        return reply.send(failureReply(matches.error()));
                    if (!matches.value())
                        return reply.send(ApiReply::failure(wrongCode()));
                    if (Status s = UserRepository(auth.db).setTotp(user.id, {}, false); !s)
                        return reply.send(ApiReply::failure(s.error()));
                    audit(auth.db, QStringLiteral("TWO_FACTOR_DISABLED"), p.userId,
                          QStringLiteral("user"), p.userId, client.ip, client.userAgent);
                    reply.send(
                        ApiReply::ok(QJsonObject{{QStringLiteral("two_factor_enabled"), false}}));
                });
        });
}

} // namespace hm::server::auth
