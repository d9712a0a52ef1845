#include "vpn/backend/WireGuardBackend.h"

namespace hm::vpn {

// Out of line: the vtable lives in this library.
WireGuardBackend::~WireGuardBackend() = default;

Result<bool> WireGuardBackend::patchPeers(const PeerPatch &)
{
    return false;
}

Status WireGuardBackend::forget(const QString &)
{
    return {};
}

} // namespace hm::vpn
