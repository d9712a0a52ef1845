#include "crypto/Sodium.h"

#include "common/Logging.h"

#include <sodium.h>

namespace hm::crypto {

bool initialize()
{
    // A function-local static is initialised exactly once even under
    // concurrent first calls; sodium_init returns 1 when already initialised.
    static const bool initialised = [] {
        const bool ok = sodium_init() >= 0;
        if (!ok)
            qCCritical(lcCrypto) << "libsodium failed to initialise";
        return ok;
    }();
    return initialised;
}

} // namespace hm::crypto
