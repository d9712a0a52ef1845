#pragma once

#include "server/auth/UserRepository.h"

namespace hm::server::auth {

struct AuthModule;

// True when code is the user's current TOTP code (±1 step) and newer than
// the last one accepted, so a code seen over a shoulder cannot be replayed.
bool checkTotp(AuthModule &auth, const UserRecord &user, const QString &code);

} // namespace hm::server::auth
