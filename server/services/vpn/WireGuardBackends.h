#pragma once

// Which WireGuard backend the server applies interfaces with
// (--wireguard-backend, docs/api.md "WireGuard"): "kernel", "wireguard-go",
// "config-only" (files under DATA_DIR/wireguard, nothing runs) or "auto"
// (default): the kernel module when it can make an interface, else
// wireguard-go, else config-only. Auto detects on first use, on the
// worker thread, so starting the server never waits for `ip`.

#include "common/Result.h"
#include "vpn/backend/WireGuardBackend.h"

#include <QString>
#include <memory>

namespace hm::server::vpn {

// nullptr with a clear error for an unknown name. `netns`: run every
// command in that network namespace (tests).
Result<std::shared_ptr<hm::vpn::WireGuardBackend>>
makeWireGuardBackend(const QString &choice, const QString &dataDir, const QString &netns);

} // namespace hm::server::vpn
