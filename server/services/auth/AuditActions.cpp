#include "server/services/auth/AuditActions.h"

#include <array>

namespace hm::server::auth {
namespace {

struct Category
{
    const char *name;
    QStringList prefixes;
};

// A code is matched against the categories in this order, its first match
// wins (no prefix here starts another category's prefix, so the order only
// matters for the reader). An exact code is its own prefix: ACCOUNT_LOCKED
// (the sign-in lockout) is auth, ACCOUNT_UNLOCKED (an administrator's
// action) users.
const std::array<Category, 9> &categories()
{
    static const std::array<Category, 9> table{{
        {"auth",
         {QStringLiteral("LOGIN"), QStringLiteral("LOGOUT"), QStringLiteral("ACCOUNT_LOCKED"),
          QStringLiteral("REFRESH_TOKEN_"), QStringLiteral("TWO_FACTOR_"),
          QStringLiteral("PASSWORD_CHANGED"), QStringLiteral("PASSWORD_CHECK_"),
          QStringLiteral("SESSION"), QStringLiteral("API_KEY_"), QStringLiteral("REAUTHENTICATED")}},
        {"users",
         {QStringLiteral("USER_"), QStringLiteral("ROLE_"), QStringLiteral("PASSWORD_RESET"),
          QStringLiteral("ACCOUNT_UNLOCKED"), QStringLiteral("EMAIL_"),
          QStringLiteral("LANGUAGE_CHANGED")}},
        {"flows", {QStringLiteral("FLOW_"), QStringLiteral("WEBHOOK_")}},
        {"credentials", {QStringLiteral("CREDENTIAL_")}},
        {"services", {QStringLiteral("SERVICE_")}},
        {"components", {QStringLiteral("COMPONENT_")}},
        {"system",
         {QStringLiteral("SYSTEM_"), QStringLiteral("SETTINGS_"), QStringLiteral("BACKUP_"),
          QStringLiteral("MAIL_")}},
        {"fleet", {QStringLiteral("NODE_"), QStringLiteral("ALERT_"), QStringLiteral("PROBE_")}},
        {"vpn",
         {QStringLiteral("WIREGUARD_"), QStringLiteral("IPV6_POOL_"), QStringLiteral("IPV6_PREFIX_"),
          QStringLiteral("BGP_")}},
    }};
    return table;
}

} // namespace

QStringList auditCategories()
{
    QStringList names;
    for (const Category &category : categories())
        names << QLatin1String(category.name);
    return names;
}

std::optional<QStringList> auditCategoryPrefixes(const QString &category)
{
    for (const Category &c : categories()) {
        if (category == QLatin1String(c.name))
            return c.prefixes;
    }
    return std::nullopt;
}

QString auditCategoryOf(const QString &action)
{
    for (const Category &category : categories()) {
        for (const QString &prefix : category.prefixes) {
            if (action.startsWith(prefix))
                return QLatin1String(category.name);
        }
    }
    return QStringLiteral("other");
}

} // namespace hm::server::auth
