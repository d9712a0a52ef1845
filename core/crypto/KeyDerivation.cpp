#include "crypto/KeyDerivation.h"

#include "common/Logging.h"
#include "crypto/Sodium.h"

#include <sodium.h>

namespace hm::crypto {
namespace {
// Exactly crypto_kdf_CONTEXTBYTES (8) characters.
constexpr char kContext[] = "HiveMind";
static_assert(sizeof kContext - 1 == crypto_kdf_CONTEXTBYTES);
constexpr qsizetype kSubkeyBytes = 32;
} // namespace

SecureBytes deriveSubkey(const SecureBytes &masterKey, Subkey id)
{
    if (masterKey.size() != crypto_kdf_KEYBYTES || !initialize()) {
        qCCritical(lcCrypto) << "cannot derive a subkey: the master key must be"
                             << crypto_kdf_KEYBYTES << "bytes";
        return {};
    }
    SecureBytes subkey(kSubkeyBytes);
    crypto_kdf_derive_from_key(subkey.data(), static_cast<size_t>(subkey.size()),
                               static_cast<uint64_t>(id), kContext, masterKey.data());
    return subkey;
}

} // namespace hm::crypto
