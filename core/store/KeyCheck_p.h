#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QString>

namespace hm::store::detail {

// The key-check sidecar "<db>.keycheck": one line holding SHA-256 of a fixed
// label followed by the database key. SQLCipher answers "not a database"
// both for a wrong key and for a damaged file; this commitment to the key
// tells the two apart, and lets a wrong key be refused before SQLCipher
// touches the file at all. It reveals nothing usable about the key (a
// preimage of SHA-256 over a 256-bit secret).
enum class KeyCheck
{
    Missing,  // no sidecar, or one we cannot read or parse
    Matches,  // the key is the one the database was created with
    Mismatch, // the key is wrong
};

QString keyCheckPath(const QString &databasePath);
KeyCheck verifyKeyCheck(const QString &databasePath, const crypto::SecureBytes &key);
// Atomic replace (write a temporary file, then rename); owner-only permissions.
Status writeKeyCheck(const QString &databasePath, const crypto::SecureBytes &key);

} // namespace hm::store::detail
