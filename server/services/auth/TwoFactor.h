#pragma once

#include "common/Result.h"
#include "server/services/auth/TokenService.h"
#include "server/repositories/UserRepository.h"

namespace hm::server::auth {

struct AuthModule;

// True when code is the user's current TOTP code (±1 step) and newer than
// the last one accepted, so a code seen over a shoulder cannot be replayed.
// Wrong codes count per account (all routes together, audited as
// TWO_FACTOR_CHECK_FAILED): after auth.lockout.max_attempts of them the
// account's code checks answer RATE_LIMIT_EXCEEDED for the lockout
// duration, so the million codes cannot be tried through fresh logins.
Result<bool> checkCode(AuthModule &auth, const UserRecord &user, const QString &code,
                       const ClientInfo &client);

// The second factor by method: "totp" is checkCode; "recovery" is one of
// the user's recovery codes (RecoveryCodes.h), deleted by the check that
// accepts it (audited as TWO_FACTOR_RECOVERY_USED), so it works once. A
// wrong or used recovery code counts as a wrong code, like a wrong TOTP code.
Result<bool> checkSecondFactor(AuthModule &auth, const UserRecord &user, const QString &method,
                               const QString &code, const ClientInfo &client);
// True for "totp" and "recovery".
bool isSecondFactorMethod(const QString &method);

} // namespace hm::server::auth
