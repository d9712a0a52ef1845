#pragma once

#include <QJsonObject>
#include <QStringList>

namespace hm::server::auth {

// Settings key "password_policy" (seed 001 field names; seed 001's config
// spelling require_digits/require_special is read too). Defaults follow seed
// 003 §7.2: at least 8 characters with upper, lower, digit and symbol.
struct PasswordPolicy
{
    int minLength = 8;
    bool requireUppercase = true;
    bool requireLowercase = true;
    bool requireNumbers = true;
    bool requireSymbols = true;

    // Argon2 cost does not grow with length, but an upper bound stops
    // multi-megabyte "passwords" anyway.
    static constexpr int kMaxLength = 256;

    static PasswordPolicy fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    // Names of the rules the password breaks ("min_length", …); empty = ok.
    QStringList failedRules(const QString &password) const;
};

} // namespace hm::server::auth
