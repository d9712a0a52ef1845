#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringView>

namespace hm::crypto {

// Argon2id (crypto_pwhash_str_alg, ALG_ARGON2ID13) with libsodium's
// INTERACTIVE limits. The encoded string carries salt and parameters, so it
// is all the store keeps.
Result<QString> hashPassword(QStringView password);
// False for a wrong password and for anything that is not an encoded hash.
bool verifyPassword(const QString &encodedHash, QStringView password);
// True when the hash was made with other parameters or another algorithm
// (or is unreadable): rehash after the next successful login.
bool passwordNeedsRehash(const QString &encodedHash);

} // namespace hm::crypto
