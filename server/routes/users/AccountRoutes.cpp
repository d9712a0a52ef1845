#include "server/api/AuthCommon.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/auth/AuthRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/AuthSettings.h"
#include "server/repositories/AccountTokenRepository.h"
#include "server/services/auth/InitialPassword.h"
#include "server/services/auth/Validation.h"

namespace hm::server::auth {
using Method = http::Method;

// The caller's own account: profile, password, sessions. Open to VIEWER —
// they change nothing shared.
void registerAccountRoutes(ApiRouter &router, AuthModule &auth)
{
    addProtectedRoute(router, auth, Method::Get, QStringLiteral("/api/v1/users/me"), Role::Viewer,
                      [&auth](const RequestContext &, const Principal &p) {
                          HM_TRY(user, UserRepository(auth.db).requireById(p.userId));
                          HM_TRY(left, UserRepository(auth.db).countRecoveryCodes(p.userId));
                          QJsonObject me = user.value().toJson();
                          me.insert(QStringLiteral("recovery_codes_remaining"), left.value());
                          // Account e-mail: the mails' language, the address confirmed.
                          HM_TRY(language, repositories::userLanguage(auth.db, p.userId));
                          HM_TRY(verified, repositories::emailVerified(auth.db, p.userId));
                          me.insert(QStringLiteral("language"), language.value().isEmpty()
                                                                    ? QStringLiteral("en")
                                                                    : language.value());
                          me.insert(QStringLiteral("email_verified"), verified.value());
                          return ApiReply::ok(me);
                      });

    addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/users/me/password"), Role::Viewer,
        [&auth](const RequestContext &c, const Principal &p) {
            HM_TRY(body, c.jsonObject());
            HM_TRY(current, requiredString(body.value(), QStringLiteral("current_password")));
            HM_TRY(next, requiredString(body.value(), QStringLiteral("new_password")));
            HM_TRY(user, UserRepository(auth.db).requireById(p.userId));
            const ClientInfo client = clientInfo(c);
            // Both Argon2 steps (check, new hash) run on the password worker.
            return checkOwnPassword(
                auth, c, user.value(), current.value(), QStringLiteral("current password is wrong"),
                [&auth, p, next = next.value(), client](const DeferredReply &reply) {
                    if (Status s = checkPassword(AuthSettings::load(auth.db).passwordPolicy, next);
                        !s)
                        return reply.send(ApiReply::failure(s.error()));
                    const bool started = auth.passwords.hash(next, [&auth, p, client,
                                                                    reply](Result<QString> hash) {
                        if (!hash)
                            return reply.send(ApiReply::failure(hash.error()));
                        if (Status s =
                                UserRepository(auth.db).setPasswordHash(p.userId, hash.value());
                            !s)
                            return reply.send(ApiReply::failure(s.error()));
                        // Other sessions may belong to whoever knew the old password.
                        if (Status s = auth.tokens.revokeAllFamilies(p.userId, p.sessionId); !s)
                            return reply.send(ApiReply::failure(s.error()));
                        // A generated first password no longer works: its file goes.
                        retireInitialPassword(auth.db, auth.initialPasswordFile, p.userId);
                        auditAction(auth.db, client, p.userId, QStringLiteral("PASSWORD_CHANGED"),
                                    QStringLiteral("user"), p.userId);
                        reply.send(
                            ApiReply::ok(QJsonObject{{QStringLiteral("password_changed"), true}}));
                    });
                    if (!started)
                        reply.send(ApiReply::failure(PasswordWorker::busyError()));
                });
        });

    addProtectedRoute(router, auth, Method::Get, QStringLiteral("/api/v1/users/me/sessions"),
                      Role::Viewer, [&auth](const RequestContext &, const Principal &p) {
                          HM_TRY(sessions, auth.tokens.sessions(p.userId, p.sessionId));
                          return ApiReply::ok(sessions.value());
                      });
    addProtectedRoute(router, auth, Method::Delete, QStringLiteral("/api/v1/users/me/sessions"),
                      Role::Viewer, [&auth](const RequestContext &c, const Principal &p) {
                          HM_TRY_STATUS(auth.tokens.revokeAllFamilies(p.userId, p.sessionId));
                          auditAction(auth.db, c, p.userId, QStringLiteral("SESSIONS_REVOKED"),
                                      QStringLiteral("user"), p.userId);
                          return ApiReply::ok(QJsonObject{{QStringLiteral("revoked"), true}});
                      });
    addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/v1/users/me/sessions/{id}"),
        Role::Viewer, [&auth](const RequestContext &c, const Principal &p) {
            const QString family = c.pathArgs.value(0);
            HM_TRY(sessions, auth.tokens.sessions(p.userId, p.sessionId));
            const bool owned = std::any_of(
                sessions.value().begin(), sessions.value().end(), [&](const QJsonValue &s) {
                    return s.toObject().value(QStringLiteral("id")).toString() == family;
                });
            if (!owned)
                return ApiReply::failure(
                    Error{ErrorCode::ResourceNotFound, QStringLiteral("session not found")});
            HM_TRY_STATUS(auth.tokens.revokeFamily(p.userId, family));
            auditAction(auth.db, c, p.userId, QStringLiteral("SESSION_REVOKED"),
                        QStringLiteral("session"), family);
            return ApiReply::ok(QJsonObject{{QStringLiteral("revoked"), true}});
        });
}

void registerApiKeyRoutes(ApiRouter &router, AuthModule &auth)
{
    addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/auth/api-keys"), Role::User,
        [&auth](const RequestContext &c, const Principal &p) {
            HM_TRY(body, c.jsonObject());
            const QString level = body.value().value(QStringLiteral("access_level")).toString();
            // A key never grants more than its owner has.
            if (level == QLatin1String("admin") && p.role != Role::Admin)
                return ApiReply::failure(
                    Error{ErrorCode::InsufficientPermissions,
                          QStringLiteral("only administrators may create admin keys")});
            HM_TRY(key, auth.apiKeys.create(p.userId, body.value()));
            auditAction(auth.db, c, p.userId, QStringLiteral("API_KEY_CREATED"),
                        QStringLiteral("api_key"),
                        key.value().value(QStringLiteral("id")).toString(),
                        {{QStringLiteral("name"), key.value().value(QStringLiteral("name"))},
                         {QStringLiteral("access_level"),
                          key.value().value(QStringLiteral("access_level"))}});
            // The owner's other consoles list it at once; without the secret.
            QJsonObject listed = key.value();
            listed.remove(QStringLiteral("api_key"));
            auth.events.publish({QStringLiteral("api_key_created"),
                                 {{QStringLiteral("key_id"), listed.value(QStringLiteral("id"))},
                                  {QStringLiteral("key"), listed}},
                                 false,
                                 p.userId});
            return ApiReply::ok(key.value(), 201);
        });
    addProtectedRoute(router, auth, Method::Get, QStringLiteral("/api/v1/auth/api-keys"),
                      Role::Viewer, [&auth](const RequestContext &, const Principal &p) {
                          HM_TRY(keys, auth.apiKeys.list(p.userId));
                          return ApiReply::ok(keys.value());
                      });
    addProtectedRoute(router, auth, Method::Delete, QStringLiteral("/api/v1/auth/api-keys/{id}"),
                      Role::User, [&auth](const RequestContext &c, const Principal &p) {
                          HM_TRY_STATUS(auth.apiKeys.revoke(p.userId, c.pathArgs.value(0)));
                          auditAction(auth.db, c, p.userId, QStringLiteral("API_KEY_REVOKED"),
                                      QStringLiteral("api_key"), c.pathArgs.value(0));
                          auth.events.publish({QStringLiteral("api_key_revoked"),
                                               {{QStringLiteral("key_id"), c.pathArgs.value(0)}},
                                               false,
                                               p.userId});
                          return ApiReply::ok(QJsonObject{{QStringLiteral("revoked"), true}});
                      });
}

} // namespace hm::server::auth
