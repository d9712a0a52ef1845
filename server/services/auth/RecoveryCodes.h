#pragma once

// Two-factor recovery codes (docs/api.md "Two-factor authentication"): ten
// single-use codes "xxxxx-xxxxx" (base32, lower case, 50 random bits each),
// made when two-factor authentication is turned on and on request, shown
// once and stored only as hashes (UserRepository). Each one may stand in
// for a TOTP code once (checkSecondFactor, TwoFactor.h).

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace hm::store {
class Database;
}

namespace hm::server::auth {

inline constexpr int kRecoveryCodeCount = 10;

// What is stored for `code` of `userId`: the SHA-256 (hex) of the user id
// and the code with dashes and spaces removed, in lower case, so a code
// typed in upper case or without its dash still matches.
QString recoveryCodeHash(const QString &userId, const QString &code);

// kRecoveryCodeCount new codes for the user; they replace every code it had.
Result<QStringList> regenerateRecoveryCodes(store::Database &db, const QString &userId);

} // namespace hm::server::auth
