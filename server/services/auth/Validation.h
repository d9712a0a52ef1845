#pragma once

#include "common/Result.h"
#include "server/services/auth/AuthSettings.h"

namespace hm::server::auth {

// INVALID_PASSWORD with details.failed_rules when the policy refuses it.
Status checkPassword(const PasswordPolicy &policy, const QString &password);
// Username 3–64 of [A-Za-z0-9_.-], an email with one '@', and the policy.
Result<bool> validateNewUser(const AuthSettings &settings, const QString &username,
                             const QString &email, const QString &password);
bool plausibleEmail(const QString &email);

} // namespace hm::server::auth
