#pragma once

#include "common/Result.h"

namespace hm::crypto {

// Runs sodium_init once. Idempotent and thread-safe; every entry point of
// this library calls it, so callers only need it to fail start-up early.
bool initialize();

// Known-answer tests of the primitives HiveMind relies on (XChaCha20-Poly1305,
// SHA-256, Argon2id, X25519). Start-up refuses to run when this fails:
// CryptoSelfTestFailed names the primitive that disagreed.
Status selfTest();

} // namespace hm::crypto
