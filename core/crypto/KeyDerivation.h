#pragma once

#include "crypto/SecureBytes.h"

#include <QtGlobal>

namespace hm::crypto {

// Each subsystem gets its own key so that a leak of one (e.g. the SQLCipher
// key, which passes through a pragma string) says nothing about the others.
// The numbers are part of the on-disk format: never renumber.
enum class Subkey : quint64
{
    Database = 1,
    DekWrapping = 2,
    TokenSigning = 3,
};

// 32-byte subkey via crypto_kdf_derive_from_key, context "HiveMind".
// Returns an empty SecureBytes if the master key is not 32 bytes.
SecureBytes deriveSubkey(const SecureBytes &masterKey, Subkey id);

} // namespace hm::crypto
