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

} // namespace hm::server::auth
