#include "server/services/auth/PasswordPolicy.h"

namespace hm::server::auth {
namespace {

bool readBool(const QJsonObject &json, const QString &name, const QString &alias, bool fallback)
{
    if (json.value(name).isBool())
        return json.value(name).toBool();
    if (json.value(alias).isBool())
        return json.value(alias).toBool();
    return fallback;
}

} // namespace

PasswordPolicy PasswordPolicy::fromJson(const QJsonObject &json)
{
    PasswordPolicy policy;
    if (json.value(QStringLiteral("min_length")).isDouble())
        policy.minLength = qBound(1, json.value(QStringLiteral("min_length")).toInt(), kMaxLength);
    policy.requireUppercase =
        readBool(json, QStringLiteral("require_uppercase"), QStringLiteral("require_uppercase"),
                 policy.requireUppercase);
    policy.requireLowercase =
        readBool(json, QStringLiteral("require_lowercase"), QStringLiteral("require_lowercase"),
                 policy.requireLowercase);
    policy.requireNumbers = readBool(json, QStringLiteral("require_numbers"),
                                     QStringLiteral("require_digits"), policy.requireNumbers);
    policy.requireSymbols = readBool(json, QStringLiteral("require_symbols"),
                                     QStringLiteral("require_special"), policy.requireSymbols);
    return policy;
}

QJsonObject PasswordPolicy::toJson() const
{
    return {{QStringLiteral("min_length"), minLength},
            {QStringLiteral("require_uppercase"), requireUppercase},
            {QStringLiteral("require_lowercase"), requireLowercase},
            {QStringLiteral("require_numbers"), requireNumbers},
            {QStringLiteral("require_symbols"), requireSymbols}};
}

QStringList PasswordPolicy::failedRules(const QString &password) const
{
    QStringList failed;
    if (password.size() < minLength)
        failed << QStringLiteral("min_length");
    if (password.size() > kMaxLength)
        failed << QStringLiteral("max_length");
    bool upper = false, lower = false, digit = false, symbol = false;
    for (const QChar c : password) {
        if (c.isUpper())
            upper = true;
        else if (c.isLower())
            lower = true;
        else if (c.isDigit())
            digit = true;
        else if (!c.isSpace())
            symbol = true;
    }
    if (requireUppercase && !upper)
        failed << QStringLiteral("require_uppercase");
    if (requireLowercase && !lower)
        failed << QStringLiteral("require_lowercase");
    if (requireNumbers && !digit)
        failed << QStringLiteral("require_numbers");
    if (requireSymbols && !symbol)
        failed << QStringLiteral("require_symbols");
    return failed;
}

} // namespace hm::server::auth
