// Descriptions of the auth routes for the route table / OpenAPI document,
// kept in one place so the route files stay about behaviour.

#include "server/api/ApiRouter.h"
#include "server/routes/auth/AuthRoutes.h"

namespace hm::server::auth {
namespace {

using Method = http::Method;
using namespace schema;

QJsonObject userSchema()
{
    return object({{QStringLiteral("id"), string()},
                   {QStringLiteral("username"), string()},
                   {QStringLiteral("email"), string()},
                   {QStringLiteral("full_name"), string()},
                   {QStringLiteral("role"), enumOf({QStringLiteral("admin"), QStringLiteral("user"),
                                                    QStringLiteral("viewer")})},
                   {QStringLiteral("permissions"), arrayOf(string())},
                   {QStringLiteral("status"), string()},
                   {QStringLiteral("two_factor_enabled"), boolean()},
                   {QStringLiteral("last_login"), nullable(string(QStringLiteral("ISO-8601")))},
                   {QStringLiteral("created_at"), string()},
                   {QStringLiteral("updated_at"), string()}});
}

QJsonObject tokenSchema()
{
    return object({{QStringLiteral("access_token"), string()},
                   {QStringLiteral("refresh_token"), string()},
                   {QStringLiteral("token_type"), string()},
                   {QStringLiteral("expires_in"), integer()},
                   {QStringLiteral("user"), userSchema()}});
}

QJsonObject passwordPolicySchema()
{
    return object({{QStringLiteral("min_length"), integer()},
                   {QStringLiteral("require_uppercase"), boolean()},
                   {QStringLiteral("require_lowercase"), boolean()},
                   {QStringLiteral("require_numbers"), boolean()},
                   {QStringLiteral("require_symbols"), boolean()}});
}

QJsonObject flag(const QString &name)
{
    return object({{name, boolean()}});
}

} // namespace

void describeAuthRoutes(ApiRouter &router)
{
    const QString authTag = QStringLiteral("auth");
    const QString usersTag = QStringLiteral("users");
    const QString keysTag = QStringLiteral("api-keys");
    const QString s = QStringLiteral("/api/v1");

    router.describe(Method::Post, s + QStringLiteral("/auth/login"),
                    routeDoc(authTag, QStringLiteral("Log in with username or email and password"),
                             {ErrorCode::InvalidCredentials, ErrorCode::AccountSuspended,
                              ErrorCode::EmailNotVerified, ErrorCode::ValidationError,
                              ErrorCode::RateLimitExceeded, ErrorCode::ServiceUnavailable})
                        .request(object({{QStringLiteral("username"), string()},
                                         {QStringLiteral("email"), string()},
                                         {QStringLiteral("password"), string()},
                                         {QStringLiteral("remember_me"), boolean()}},
                                        {QStringLiteral("password")}))
                        .response(tokenSchema()));
    router.describe(
        Method::Post, s + QStringLiteral("/auth/verify-2fa"),
        routeDoc(
            authTag, QStringLiteral("Complete a login with a TOTP code or a recovery code"),
            {ErrorCode::TokenInvalid, ErrorCode::InvalidCredentials, ErrorCode::RateLimitExceeded})
            .request(object({{QStringLiteral("pending_token"), string()},
                             {QStringLiteral("code"), string()},
                             {QStringLiteral("method"),
                              enumOf({QStringLiteral("totp"), QStringLiteral("recovery")})}},
                            {QStringLiteral("pending_token"), QStringLiteral("code")}))
            .response(tokenSchema()));
    router.describe(
        Method::Post, s + QStringLiteral("/auth/refresh"),
        routeDoc(authTag,
                 QStringLiteral("Rotate a refresh token (body or Bearer header) into new "
                                "tokens"),
                 {ErrorCode::TokenInvalid, ErrorCode::RefreshTokenExpired})
            .request(object({{QStringLiteral("refresh_token"), string()}}))
            .response(tokenSchema()));
    router.describe(Method::Post, s + QStringLiteral("/auth/register"),
                    routeDoc(authTag, QStringLiteral("Self-registration (when enabled)"),
                             {ErrorCode::Forbidden, ErrorCode::EmailExists,
                              ErrorCode::ResourceAlreadyExists, ErrorCode::InvalidPassword,
                              ErrorCode::RateLimitExceeded, ErrorCode::ServiceUnavailable})
                        .request(object({{QStringLiteral("email"), string()},
                                         {QStringLiteral("password"), string()},
                                         {QStringLiteral("name"), string()},
                                         {QStringLiteral("username"), string()}},
                                        {QStringLiteral("email"), QStringLiteral("password")}))
                        .response(userSchema())
                        .status(201));
    // forgot-password, reset-password, verify-email: AccountMailRoutes.cpp.
    router.describe(Method::Post, s + QStringLiteral("/auth/logout"),
                    routeDoc(authTag, QStringLiteral("End the current session (or the given one)"))
                        .request(object({{QStringLiteral("refresh_token"), string()}}))
                        .response(flag(QStringLiteral("logged_out"))));
    router.describe(Method::Post, s + QStringLiteral("/auth/logout-all"),
                    routeDoc(authTag, QStringLiteral("End every session of the caller"))
                        .response(flag(QStringLiteral("logged_out"))));
    const QJsonObject settings =
        object({{QStringLiteral("auth.self_registration"), boolean()},
                {QStringLiteral("password_policy"), passwordPolicySchema()},
                {QStringLiteral("auth.lockout"),
                 object({{QStringLiteral("max_attempts"), integer()},
                         {QStringLiteral("duration_seconds"), integer()},
                         {QStringLiteral("progressive_delay_ms"), integer()}})},
                {QStringLiteral("auth.rate_limits"),
                 object({{QStringLiteral("login_per_minute"), integer()},
                         {QStringLiteral("window_seconds"), integer()}})}},
               {}, true);
    router.describe(
        Method::Get, s + QStringLiteral("/auth/settings"),
        routeDoc(authTag, QStringLiteral("Authentication settings")).response(settings));
    router.describe(Method::Put, s + QStringLiteral("/auth/settings"),
                    routeDoc(authTag, QStringLiteral("Change authentication settings"))
                        .request(settings)
                        .response(settings));
    router.describe(Method::Post, s + QStringLiteral("/auth/2fa/enroll"),
                    routeDoc(authTag,
                             QStringLiteral("Start TOTP enrolment (secret and otpauth URI)"),
                             {ErrorCode::CurrentPasswordWrong})
                        .request(object({{QStringLiteral("password"), string()}})));
    router.describe(
        Method::Post, s + QStringLiteral("/auth/2fa/verify"),
        routeDoc(authTag,
                 QStringLiteral("Confirm TOTP enrolment with a code; answers the "
                                "recovery codes, once"),
                 {ErrorCode::ValidationError, ErrorCode::RateLimitExceeded})
            .request(object({{QStringLiteral("code"), string()}}, {QStringLiteral("code")}))
            .response(object({{QStringLiteral("two_factor_enabled"), boolean()},
                              {QStringLiteral("recovery_codes"), arrayOf(string())}})));
    const QJsonObject secondFactorProof = object(
        {{QStringLiteral("password"), string()},
         {QStringLiteral("code"), string()},
         {QStringLiteral("method"), enumOf({QStringLiteral("totp"), QStringLiteral("recovery")})}},
        {QStringLiteral("password"), QStringLiteral("code")});
    router.describe(Method::Post, s + QStringLiteral("/auth/2fa/disable"),
                    routeDoc(authTag,
                             QStringLiteral("Turn two-factor authentication off (deletes the "
                                            "recovery codes)"),
                             {ErrorCode::CurrentPasswordWrong, ErrorCode::ValidationError,
                              ErrorCode::RateLimitExceeded, ErrorCode::ServiceUnavailable})
                        .request(secondFactorProof));
    router.describe(Method::Post, s + QStringLiteral("/auth/2fa/recovery-codes"),
                    routeDoc(authTag,
                             QStringLiteral("Replace the recovery codes; answers the new ones, "
                                            "once"),
                             {ErrorCode::CurrentPasswordWrong, ErrorCode::ValidationError,
                              ErrorCode::RateLimitExceeded, ErrorCode::ServiceUnavailable})
                        .request(secondFactorProof)
                        .response(object({{QStringLiteral("recovery_codes"), arrayOf(string())}})));
    router.describe(
        Method::Get, s + QStringLiteral("/auth/2fa/recovery-codes"),
        routeDoc(authTag, QStringLiteral("How many recovery codes are left"))
            .response(object({{QStringLiteral("two_factor_enabled"), boolean()},
                              {QStringLiteral("recovery_codes_remaining"), integer()}})));

    const QJsonObject keyRequest = object(
        {{QStringLiteral("name"), string()},
         {QStringLiteral("description"), string()},
         {QStringLiteral("access_level"),
          enumOf({QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("admin")})},
         {QStringLiteral("permissions"), arrayOf(string())},
         {QStringLiteral("allowed_ips"), arrayOf(string(QStringLiteral("IP or CIDR")))},
         {QStringLiteral("allowed_endpoints"), arrayOf(string(QStringLiteral("path glob")))},
         {QStringLiteral("rate_limit"),
          object({{QStringLiteral("requests_per_minute"), integer()}})},
         {QStringLiteral("expires_at"), string(QStringLiteral("ISO-8601"))}},
        {QStringLiteral("name")});
    const QJsonObject keySchema =
        object({{QStringLiteral("id"), string()},
                {QStringLiteral("name"), string()},
                {QStringLiteral("api_key"), string(QStringLiteral("only in the creation answer"))},
                {QStringLiteral("access_level"), string()},
                {QStringLiteral("expires_at"), string()},
                {QStringLiteral("last_used"), string()}});
    router.describe(Method::Post, s + QStringLiteral("/auth/api-keys"),
                    routeDoc(keysTag, QStringLiteral("Create an API key (shown once)"),
                             {ErrorCode::ValidationError})
                        .request(keyRequest)
                        .response(keySchema)
                        .status(201));
    router.describe(Method::Get, s + QStringLiteral("/auth/api-keys"),
                    routeDoc(keysTag, QStringLiteral("List the caller's API keys"))
                        .response(arrayOf(keySchema)));
    router.describe(
        Method::Delete, s + QStringLiteral("/auth/api-keys/{id}"),
        routeDoc(keysTag, QStringLiteral("Revoke an API key"), {ErrorCode::ResourceNotFound})
            .response(flag(QStringLiteral("revoked"))));

    QJsonObject meSchema = userSchema();
    QJsonObject meProperties = meSchema.value(QStringLiteral("properties")).toObject();
    meProperties.insert(QStringLiteral("recovery_codes_remaining"), integer());
    meSchema.insert(QStringLiteral("properties"), meProperties);
    router.describe(Method::Get, s + QStringLiteral("/users/me"),
                    routeDoc(usersTag, QStringLiteral("The caller's profile")).response(meSchema));
    router.describe(
        Method::Put, s + QStringLiteral("/users/me/password"),
        routeDoc(usersTag, QStringLiteral("Change the caller's password (ends other sessions)"),
                 {ErrorCode::CurrentPasswordWrong, ErrorCode::InvalidPassword,
                  ErrorCode::RateLimitExceeded, ErrorCode::ServiceUnavailable})
            .request(object({{QStringLiteral("current_password"), string()},
                             {QStringLiteral("new_password"), string()}},
                            {QStringLiteral("current_password"), QStringLiteral("new_password")}))
            .response(flag(QStringLiteral("password_changed"))));
    router.describe(Method::Get, s + QStringLiteral("/users/me/sessions"),
                    routeDoc(usersTag, QStringLiteral("The caller's active sessions"))
                        .response(arrayOf(object(
                            {{QStringLiteral("id"), string()},
                             {QStringLiteral("device_info"), string(QStringLiteral("User-Agent"))},
                             {QStringLiteral("ip_address"), string()},
                             {QStringLiteral("created_at"), string()},
                             {QStringLiteral("last_used_at"), string()},
                             {QStringLiteral("expires_at"), string()},
                             {QStringLiteral("current"), boolean()}},
                            {QStringLiteral("id"), QStringLiteral("current")}))));
    router.describe(Method::Delete, s + QStringLiteral("/users/me/sessions"),
                    routeDoc(usersTag, QStringLiteral("End every other session of the caller"))
                        .response(flag(QStringLiteral("revoked"))));
    router.describe(Method::Delete, s + QStringLiteral("/users/me/sessions/{id}"),
                    routeDoc(usersTag, QStringLiteral("End one session of the caller"),
                             {ErrorCode::ResourceNotFound})
                        .response(flag(QStringLiteral("revoked"))));

    const QJsonObject roles =
        enumOf({QStringLiteral("admin"), QStringLiteral("user"), QStringLiteral("viewer")});
    const QJsonObject statuses =
        enumOf({QStringLiteral("active"), QStringLiteral("inactive"), QStringLiteral("suspended")});
    RouteDoc list = routeDoc(usersTag, QStringLiteral("List users (paged, filtered)"),
                             {ErrorCode::ValidationError})
                        .response(object({{QStringLiteral("users"), arrayOf(userSchema())},
                                          {QStringLiteral("pagination"), pagination()}}));
    list.queryParameters = paging();
    for (const auto &[name, valueSchema] :
         {std::pair{QStringLiteral("search"), string()}, std::pair{QStringLiteral("role"), roles},
          std::pair{QStringLiteral("status"), statuses},
          std::pair{QStringLiteral("sort"), string()},
          std::pair{QStringLiteral("order"),
                    enumOf({QStringLiteral("asc"), QStringLiteral("desc")})}})
        list.queryParameters.append(query(name, valueSchema));
    router.describe(Method::Get, s + QStringLiteral("/users"), list);
    router.describe(Method::Post, s + QStringLiteral("/users"),
                    routeDoc(usersTag, QStringLiteral("Create a user"),
                             {ErrorCode::ValidationError, ErrorCode::ResourceAlreadyExists,
                              ErrorCode::EmailExists, ErrorCode::InvalidPassword,
                              ErrorCode::ServiceUnavailable})
                        .request(object({{QStringLiteral("username"), string()},
                                         {QStringLiteral("email"), string()},
                                         {QStringLiteral("password"), string()},
                                         {QStringLiteral("full_name"), string()},
                                         {QStringLiteral("role"), roles},
                                         {QStringLiteral("status"), statuses}},
                                        {QStringLiteral("username"), QStringLiteral("email"),
                                         QStringLiteral("password")}))
                        .response(userSchema())
                        .status(201));
    router.describe(Method::Get, s + QStringLiteral("/users/{id}"),
                    routeDoc(usersTag, QStringLiteral("One user"), {ErrorCode::UserNotFound})
                        .response(userSchema()));
    router.describe(Method::Put, s + QStringLiteral("/users/{id}"),
                    routeDoc(usersTag, QStringLiteral("Update a user"),
                             {ErrorCode::UserNotFound, ErrorCode::ValidationError,
                              ErrorCode::ResourceAlreadyExists})
                        .request(object({{QStringLiteral("username"), string()},
                                         {QStringLiteral("email"), string()},
                                         {QStringLiteral("full_name"), string()},
                                         {QStringLiteral("role"), roles},
                                         {QStringLiteral("status"), statuses}}))
                        .response(userSchema()));
    router.describe(Method::Delete, s + QStringLiteral("/users/{id}"),
                    routeDoc(usersTag, QStringLiteral("Delete a user"), {ErrorCode::UserNotFound})
                        .response(flag(QStringLiteral("deleted"))));
    router.describe(Method::Post, s + QStringLiteral("/users/{id}/reset-password"),
                    routeDoc(usersTag, QStringLiteral("Set a new password for a user (admin)"),
                             {ErrorCode::UserNotFound, ErrorCode::InvalidPassword,
                              ErrorCode::ServiceUnavailable})
                        .request(object({{QStringLiteral("new_password"), string()}},
                                        {QStringLiteral("new_password")})));
    router.describe(
        Method::Post, s + QStringLiteral("/users/{id}/unlock"),
        routeDoc(usersTag,
                 QStringLiteral("Lift every lockout of a user: failed logins from every address, "
                                "wrong current passwords, wrong two-factor codes (admin)"),
                 {ErrorCode::UserNotFound})
            .response(object({{QStringLiteral("id"), string()},
                              {QStringLiteral("unlocked"), boolean()},
                              {QStringLiteral("locked_addresses"),
                               integer(QStringLiteral("addresses whose lock was lifted"))}})));
}

} // namespace hm::server::auth
