#include "server/api/AuthCommon.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/auth/AuthRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/UserAdminService.h"
#include "server/services/auth/Validation.h"

#include <QUrlQuery>

namespace hm::server::auth {
namespace {

using Method = http::Method;

const QStringList kStatuses{QStringLiteral("pending"), QStringLiteral("active"),
                            QStringLiteral("suspended"), QStringLiteral("deleted")};

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
    UserAdminService service(auth);
    const AttemptTracker::Policy policy = auth.loginPolicy();
    for (const UserRecord &user : std::as_const(page.value().users))
        users.append(service.adminJson(user, policy));
    return pagedReply(users, Paging{list.page, list.size}, page.value().total,
                      QStringLiteral("users"));
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
    HM_TRY(mustChange,
           optionalBool(body.value(), QStringLiteral("password_change_required"), false));
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
    NewUser account{username.value(), email.value(), name.value(),      {}, {},
                    status.value(),   *role,         mustChange.value()};
    const DeferredReply reply = c.defer();
    const bool started = UserAdminService(auth).create(
        account, password.value(), p, clientInfo(c), [reply](Result<QJsonObject> user) {
            reply.send(user ? ApiReply::ok(user.value(), 201) : ApiReply::failure(user.error()));
        });
    if (!started)
        reply.send(ApiReply::failure(PasswordWorker::busyError()));
    return ApiReply::deferred();
}

ApiReply updateUser(AuthModule &auth, const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    UserUpdate update;
    update.fields = body.value().keys();
    // Absent or null: unchanged.
    const auto given = [&body](const QString &field) {
        const QJsonValue value = body.value().value(field);
        return !value.isUndefined() && !value.isNull();
    };
    if (given(QStringLiteral("email"))) {
        HM_TRY(email, optionalString(body.value(), QStringLiteral("email")));
        if (!plausibleEmail(email.value()))
            return ApiReply::failure(
                fieldError(QStringLiteral("email"), QStringLiteral("email is not valid")));
        update.email = email.value();
    }
    if (given(QStringLiteral("full_name"))) {
        HM_TRY(name, optionalString(body.value(), QStringLiteral("full_name")));
        update.name = name.value();
    }
    if (given(QStringLiteral("role"))) {
        HM_TRY(roleText, optionalString(body.value(), QStringLiteral("role")));
        const auto role = parseRole(roleText.value());
        if (!role)
            return ApiReply::failure(
                fieldError(QStringLiteral("role"), QStringLiteral("unknown role")));
        update.role = *role;
    }
    if (given(QStringLiteral("status"))) {
        HM_TRY(status, optionalString(body.value(), QStringLiteral("status")));
        if (!kStatuses.contains(status.value()))
            return ApiReply::failure(
                fieldError(QStringLiteral("status"), QStringLiteral("unknown status")));
        update.status = status.value();
    }
    HM_TRY(user, UserAdminService(auth).update(c.pathArgs.value(0), update, p, clientInfo(c)));
    return ApiReply::ok(user.value());
}

ApiReply deleteUser(AuthModule &auth, const RequestContext &c, const Principal &p)
{
    HM_TRY_STATUS(UserAdminService(auth).remove(c.pathArgs.value(0), p, clientInfo(c)));
    return ApiReply::ok(QJsonObject{{QStringLiteral("deleted"), true}});
}

ApiReply resetPassword(AuthModule &auth, const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(password, requiredString(body.value(), QStringLiteral("new_password")));
    HM_TRY(mustChange,
           optionalBool(body.value(), QStringLiteral("password_change_required"), false));
    HM_TRY(user, UserRepository(auth.db).requireById(c.pathArgs.value(0)));
    HM_TRY_STATUS(checkPassword(AuthSettings::load(auth.db).passwordPolicy, password.value()));
    const DeferredReply reply = c.defer();
    const bool started = UserAdminService(auth).resetPassword(
        user.value().id, password.value(), mustChange.value(), p, clientInfo(c),
        [reply](Status reset) {
            reply.send(reset ? ApiReply::ok(QJsonObject{{QStringLiteral("password_reset"), true}})
                             : ApiReply::failure(reset.error()));
        });
    if (!started)
        reply.send(ApiReply::failure(PasswordWorker::busyError()));
    return ApiReply::deferred();
}

// Lifts every lockout of the account, whatever the address: the failed
// logins, wrong current passwords and wrong two-factor codes counted.
ApiReply unlockUser(AuthModule &auth, const RequestContext &c, const Principal &p)
{
    const QString id = c.pathArgs.value(0);
    HM_TRY(locked, UserAdminService(auth).unlock(id, p, clientInfo(c)));
    return ApiReply::ok(QJsonObject{{QStringLiteral("id"), id},
                                    {QStringLiteral("unlocked"), true},
                                    {QStringLiteral("locked_addresses"), locked.value()}});
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
                          return ApiReply::ok(UserAdminService(auth).adminJson(user.value()));
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
