#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/auth/AuthRoutes.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/Validation.h"
#include "store/Database.h"

#include <QUrlQuery>

namespace hm::server::auth {
namespace {

using Method = http::Method;

const QStringList kStatuses{QStringLiteral("pending"), QStringLiteral("active"),
                            QStringLiteral("suspended"), QStringLiteral("deleted")};

// The administrator's view of a user: the lockout comes from the
// per-address counts in memory (AuthModule::lockoutJson).
QJsonObject adminJson(AuthModule &auth, const UserRecord &user,
                      const AttemptTracker::Policy &policy)
{
    QJsonObject json = user.toJson(true);
    const QJsonObject lockout = auth.lockoutJson(user.id, policy);
    for (auto it = lockout.begin(); it != lockout.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject adminJson(AuthModule &auth, const UserRecord &user)
{
    return adminJson(auth, user, auth.loginPolicy());
}

// To the administrators' consoles (their Users lists), after the commit.
void publishUser(AuthModule &auth, const QString &type, const QJsonObject &user)
{
    auth.events.publish({type,
                         {{QStringLiteral("user_id"), user.value(QStringLiteral("id"))},
                          {QStringLiteral("user"), user}},
                         true,
                         {}});
}

Error lastAdmin()
{
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("this would leave the system without an active administrator")};
}

ApiReply listUsers(AuthModule &auth, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    UserRepository::ListQuery list;
    bool ok = true;
    if (query.hasQueryItem(QStringLiteral("page")))
        list.page = query.queryItemValue(QStringLiteral("page")).toInt(&ok);
    if (!ok || list.page < 1)
        return ApiReply::failure(
            fieldError(QStringLiteral("page"), QStringLiteral("page must be >= 1")));
    if (query.hasQueryItem(QStringLiteral("size")))
        list.size = query.queryItemValue(QStringLiteral("size")).toInt(&ok);
    if (!ok || list.size < 1 || list.size > 100)
        return ApiReply::failure(
            fieldError(QStringLiteral("size"), QStringLiteral("size must be between 1 and 100")));
    HM_TRY(search, parseSearch(query));
    list.search = search.value();
    if (const QString role = query.queryItemValue(QStringLiteral("role")); !role.isEmpty()) {
        const auto parsed = parseRole(role);
        if (!parsed)
            return ApiReply::failure(
                fieldError(QStringLiteral("role"), QStringLiteral("unknown role")));
        list.role = roleDbName(*parsed);
    }
    list.status = query.queryItemValue(QStringLiteral("status"));
    if (!list.status.isEmpty() && !kStatuses.contains(list.status))
        return ApiReply::failure(
            fieldError(QStringLiteral("status"), QStringLiteral("unknown status")));
    list.sort = query.queryItemValue(QStringLiteral("sort"));
    list.descending =
        query.queryItemValue(QStringLiteral("order")).toLower() == QLatin1String("desc");
    HM_TRY(page, UserRepository(auth.db).list(list));
    QJsonArray users;
    const AttemptTracker::Policy policy = auth.loginPolicy();
    for (const UserRecord &user : std::as_const(page.value().users))
        users.append(adminJson(auth, user, policy));
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("users"), users},
                    {QStringLiteral("pagination"),
                     paginationJson(Paging{list.page, list.size}, page.value().total)}});
}

ApiReply createUser(AuthModule &auth, const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(username, requiredString(body.value(), QStringLiteral("username")));
    HM_TRY(email, requiredString(body.value(), QStringLiteral("email")));
    HM_TRY(password, requiredString(body.value(), QStringLiteral("password")));
    HM_TRY(name, optionalString(body.value(), QStringLiteral("full_name"), username.value()));
    HM_TRY(roleText, optionalString(body.value(), QStringLiteral("role"), QStringLiteral("user")));
    HM_TRY(status,
           optionalString(body.value(), QStringLiteral("status"), QStringLiteral("active")));
    const auto role = parseRole(roleText.value());
    if (!role)
        return ApiReply::failure(
            fieldError(QStringLiteral("role"), QStringLiteral("unknown role")));
    if (status.value() != QLatin1String("active") && status.value() != QLatin1String("suspended") &&
        status.value() != QLatin1String("pending"))
        return ApiReply::failure(
            fieldError(QStringLiteral("status"), QStringLiteral("unknown status")));
    HM_TRY(valid, validateNewUser(AuthSettings::load(auth.db), username.value(), email.value(),
                                  password.value()));
    NewUser account{username.value(), email.value(), name.value(), {}, {}, status.value(), *role};
    const DeferredReply reply = c.defer();
    const ClientInfo client = clientInfo(c);
    const QString adminId = p.userId;
    // Argon2 on the password worker; the account is written back here.
    const bool started = auth.passwords.hash(
        password.value(), [&auth, account, client, reply, adminId](Result<QString> hash) mutable {
            if (!hash)
                return reply.send(ApiReply::failure(hash.error()));
            account.passwordHash = hash.value();
            auto created = UserRepository(auth.db).create(account);
            if (!created)
                return reply.send(ApiReply::failure(created.error()));
            audit(auth.db, QStringLiteral("USER_CREATED"), adminId, QStringLiteral("user"),
                  created.value().id, client.ip, client.userAgent,
                  {{QStringLiteral("username"), created.value().username},
                   {QStringLiteral("role"), roleApiName(account.role)}});
            const QJsonObject user = adminJson(auth, created.value());
            publishUser(auth, QStringLiteral("user_created"), user);
            reply.send(ApiReply::ok(user, 201));
        });
    if (!started)
        reply.send(ApiReply::failure(PasswordWorker::busyError()));
    return ApiReply::deferred();
}

ApiReply updateUser(AuthModule &auth, const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(user, UserRepository(auth.db).requireById(c.pathArgs.value(0)));
    HM_TRY(email, optionalString(body.value(), QStringLiteral("email"), user.value().email));
    HM_TRY(name, optionalString(body.value(), QStringLiteral("full_name"), user.value().name));
    HM_TRY(roleText,
           optionalString(body.value(), QStringLiteral("role"), roleApiName(user.value().role)));
    HM_TRY(status, optionalString(body.value(), QStringLiteral("status"), user.value().status));
    const auto role = parseRole(roleText.value());
    if (!role)
        return ApiReply::failure(
            fieldError(QStringLiteral("role"), QStringLiteral("unknown role")));
    if (!kStatuses.contains(status.value()))
        return ApiReply::failure(
            fieldError(QStringLiteral("status"), QStringLiteral("unknown status")));
    if (!plausibleEmail(email.value()))
        return ApiReply::failure(
            fieldError(QStringLiteral("email"), QStringLiteral("email is not valid")));
    const bool losesAdmin = user.value().role == Role::Admin &&
                            (*role != Role::Admin || status.value() != QLatin1String("active"));
    if (losesAdmin) {
        HM_TRY(others, UserRepository(auth.db).countActiveAdmins(user.value().id));
        if (others.value() == 0)
            return ApiReply::failure(lastAdmin());
    }
    UserRepository users(auth.db);
    HM_TRY(transaction, auth.db.begin());
    if (email.value() != user.value().email || name.value() != user.value().name) {
        if (Status s = users.setProfile(user.value().id, email.value(), name.value()); !s) {
            if (s.error().code == ErrorCode::DbError ||
                s.error().code == ErrorCode::ResourceAlreadyExists)
                return ApiReply::failure(
                    Error{ErrorCode::EmailExists, QStringLiteral("email is already registered")});
            return ApiReply::failure(s.error());
        }
    }
    if (*role != user.value().role)
        HM_TRY_STATUS(users.setRole(user.value().id, *role));
    // Setting "active" again also lifts a lockout.
    if (body.value().contains(QStringLiteral("status")))
        HM_TRY_STATUS(users.setStatus(user.value().id, status.value()));
    HM_TRY_STATUS(transaction.value().commit());
    if (body.value().contains(QStringLiteral("status")) &&
        status.value() == QLatin1String("active"))
        auth.clearLockouts(user.value().id);
    if (status.value() != QLatin1String("active"))
        HM_TRY_STATUS(auth.tokens.revokeAllFamilies(user.value().id));
    if (*role != user.value().role)
        audit(auth.db, QStringLiteral("ROLE_CHANGED"), p.userId, QStringLiteral("user"),
              user.value().id, c.clientIp(), QString::fromUtf8(c.header("User-Agent")),
              {{QStringLiteral("from"), roleApiName(user.value().role)},
               {QStringLiteral("to"), roleApiName(*role)}});
    audit(auth.db, QStringLiteral("USER_UPDATED"), p.userId, QStringLiteral("user"),
          user.value().id, c.clientIp(), QString::fromUtf8(c.header("User-Agent")),
          {{QStringLiteral("fields"), QJsonArray::fromStringList(body.value().keys())}});
    HM_TRY(updated, UserRepository(auth.db).requireById(user.value().id));
    const QJsonObject json = adminJson(auth, updated.value());
    publishUser(auth, QStringLiteral("user_updated"), json);
    return ApiReply::ok(json);
}

ApiReply deleteUser(AuthModule &auth, const RequestContext &c, const Principal &p)
{
    HM_TRY(user, UserRepository(auth.db).requireById(c.pathArgs.value(0)));
    if (user.value().status == QLatin1String("deleted"))
        return ApiReply::failure(Error{ErrorCode::UserNotFound, QStringLiteral("user not found")});
    if (user.value().role == Role::Admin) {
        HM_TRY(others, UserRepository(auth.db).countActiveAdmins(user.value().id));
        if (others.value() == 0)
            return ApiReply::failure(lastAdmin());
    }
    HM_TRY_STATUS(UserRepository(auth.db).setStatus(user.value().id, QStringLiteral("deleted")));
    HM_TRY_STATUS(auth.tokens.revokeAllFamilies(user.value().id));
    HM_TRY_STATUS(auth.apiKeys.revokeAllOf(user.value().id));
    audit(auth.db, QStringLiteral("USER_DELETED"), p.userId, QStringLiteral("user"),
          user.value().id, c.clientIp(), QString::fromUtf8(c.header("User-Agent")));
    auth.events.publish(
        {QStringLiteral("user_deleted"), {{QStringLiteral("user_id"), user.value().id}}, true, {}});
    return ApiReply::ok(QJsonObject{{QStringLiteral("deleted"), true}});
}

ApiReply resetPassword(AuthModule &auth, const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(password, requiredString(body.value(), QStringLiteral("new_password")));
    HM_TRY(user, UserRepository(auth.db).requireById(c.pathArgs.value(0)));
    HM_TRY_STATUS(checkPassword(AuthSettings::load(auth.db).passwordPolicy, password.value()));
    const DeferredReply reply = c.defer();
    const ClientInfo client = clientInfo(c);
    const QString adminId = p.userId;
    const QString userId = user.value().id;
    const bool started = auth.passwords.hash(
        password.value(), [&auth, client, reply, adminId, userId](Result<QString> hash) {
            if (!hash)
                return reply.send(ApiReply::failure(hash.error()));
            if (Status s = UserRepository(auth.db).setPasswordHash(userId, hash.value()); !s)
                return reply.send(ApiReply::failure(s.error()));
            if (Status s = auth.tokens.revokeAllFamilies(userId); !s)
                return reply.send(ApiReply::failure(s.error()));
            audit(auth.db, QStringLiteral("PASSWORD_RESET"), adminId, QStringLiteral("user"),
                  userId, client.ip, client.userAgent);
            reply.send(ApiReply::ok(QJsonObject{{QStringLiteral("password_reset"), true}}));
        });
    if (!started)
        reply.send(ApiReply::failure(PasswordWorker::busyError()));
    return ApiReply::deferred();
}

// Lifts every lockout of the account, whatever the address: the failed
// logins, wrong current passwords and wrong two-factor codes counted.
ApiReply unlockUser(AuthModule &auth, const RequestContext &c, const Principal &p)
{
    HM_TRY(user, UserRepository(auth.db).requireById(c.pathArgs.value(0)));
    const int locked = auth.clearLockouts(user.value().id);
    HM_TRY_STATUS(UserRepository(auth.db).clearStoredLockout(user.value().id));
    audit(auth.db, QStringLiteral("ACCOUNT_UNLOCKED"), p.userId, QStringLiteral("user"),
          user.value().id, c.clientIp(), QString::fromUtf8(c.header("User-Agent")),
          {{QStringLiteral("locked_addresses"), locked}});
    if (auto unlocked = UserRepository(auth.db).requireById(user.value().id))
        publishUser(auth, QStringLiteral("user_updated"), adminJson(auth, unlocked.value()));
    return ApiReply::ok(QJsonObject{{QStringLiteral("id"), user.value().id},
                                    {QStringLiteral("unlocked"), true},
                                    {QStringLiteral("locked_addresses"), locked}});
}

} // namespace

void registerUserAdminRoutes(ApiRouter &router, AuthModule &auth)
{
    addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/users"), Role::Admin,
        [&auth](const RequestContext &c, const Principal &) { return listUsers(auth, c); });
    addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/users"), Role::Admin,
        [&auth](const RequestContext &c, const Principal &p) { return createUser(auth, c, p); });
    addProtectedRoute(router, auth, Method::Get, QStringLiteral("/api/v1/users/{id}"), Role::Admin,
                      [&auth](const RequestContext &c, const Principal &) {
                          HM_TRY(user, UserRepository(auth.db).requireById(c.pathArgs.value(0)));
                          return ApiReply::ok(adminJson(auth, user.value()));
                      });
    addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/users/{id}"), Role::Admin,
        [&auth](const RequestContext &c, const Principal &p) { return updateUser(auth, c, p); });
    addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/v1/users/{id}"), Role::Admin,
        [&auth](const RequestContext &c, const Principal &p) { return deleteUser(auth, c, p); });
    addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/users/{id}/reset-password"),
        Role::Admin,
        [&auth](const RequestContext &c, const Principal &p) { return resetPassword(auth, c, p); });
    addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/users/{id}/unlock"), Role::Admin,
        [&auth](const RequestContext &c, const Principal &p) { return unlockUser(auth, c, p); });
}

} // namespace hm::server::auth
