#pragma once

// Whether an ssh credential's private key is one the server can sign in
// with: parsed by libssh (with the passphrase when there is one) when the
// credential is saved, so garbage is refused then rather than found out at
// the first connection. No I/O, no prompt.

#include "common/Result.h"

#include <QString>

namespace hm::server::credentials {

// VALIDATION_ERROR saying why the key is refused, with details.field
// ("data.privateKey", or "data.passphrase" for a missing or wrong
// passphrase) and details.reason: "not_a_private_key", "public_key",
// "passphrase_required", "wrong_passphrase", "unsupported_key_type" or
// "unreadable_key". Messages never quote the key or the passphrase. The
// bytes handed to libssh are wiped after use.
Status checkSshPrivateKey(const QString &privateKey, const QString &passphrase);

} // namespace hm::server::credentials
