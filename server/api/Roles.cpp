#include "server/api/Roles.h"

namespace hm::server::auth {

QString roleDbName(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("ADMIN");
    case Role::User:
        return QStringLiteral("USER");
    case Role::Viewer:
        break;
    }
    return QStringLiteral("VIEWER");
}

QString roleApiName(Role role)
{
    return roleDbName(role).toLower();
}

std::optional<Role> parseRole(const QString &text)
{
    const QString upper = text.toUpper();
    if (upper == QLatin1String("ADMIN"))
        return Role::Admin;
    if (upper == QLatin1String("USER"))
        return Role::User;
    if (upper == QLatin1String("VIEWER"))
        return Role::Viewer;
    return std::nullopt;
}

QJsonArray rolePermissions(Role role)
{
    switch (role) {
    case Role::Admin:
        return {QStringLiteral("*")};
    case Role::User:
        return {QStringLiteral("read"), QStringLiteral("write")};
    case Role::Viewer:
        break;
    }
    return {QStringLiteral("read")};
}

} // namespace hm::server::auth
