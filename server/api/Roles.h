#pragma once

#include <QJsonArray>
#include <QString>
#include <optional>

namespace hm::server::auth {

// Ordered by power: a route needing USER admits ADMIN too.
enum class Role
{
    Viewer = 0,
    User = 1,
    Admin = 2
};

// "ADMIN" etc., as in user_roles.role.
QString roleDbName(Role role);
// "admin" etc., as the API shows it (seed 001).
QString roleApiName(Role role);
// Accepts either spelling, any case.
std::optional<Role> parseRole(const QString &text);
// Coarse permission names the API reports for a role: admin "*", user
// "read"+"write", viewer "read". Fine-grained permissions come with later modules.
QJsonArray rolePermissions(Role role);

// Who made the request: a user by access token, or an API key of a user.
struct Principal
{
    QString userId;
    QString username;
    Role role = Role::Viewer; // for API keys already capped by the key's level
    QString sessionId;        // refresh-token family of the access token
    QString apiKeyId;         // set when authenticated by API key
    // The account's password was chosen by somebody else: only the routes
    // answersBeforePasswordChange() names answer (AuthModule.h).
    bool passwordChangeRequired = false;
    // An API key's own rate limit, as this request left it (limit 0: the
    // key has none): its X-RateLimit-* headers when it is the stricter.
    struct KeyRate
    {
        int limit = 0;
        int remaining = 0;
        qint64 resetEpochSeconds = 0;
    } keyRate;
};

} // namespace hm::server::auth
