#pragma once

#include "common/Result.h"
#include "server/services/auth/AuthSettings.h"

namespace hm::server::auth {

// INVALID_PASSWORD with details.failed_rules when the policy refuses it.
Status checkPassword(const PasswordPolicy &policy, const QString &password);
// The username rule of common/Username.h (checked on the NFC form, which
// is what UserRepository stores), an email with one '@', and the policy.
// A refused username: VALIDATION_ERROR with details.field "username",
// details.reason "length", "character" or "mixed_scripts" and the message
// usernameRule().
Result<bool> validateNewUser(const AuthSettings &settings, const QString &username,
                             const QString &email, const QString &password);
bool plausibleEmail(const QString &email);
QString usernameRule();

} // namespace hm::server::auth
