#pragma once

// A WireGuard server's interface as the backend will apply it: gathered,
// its keys opened and its texts rendered on the service's worker (the rows
// read on the worker's own connection: WireGuardService::plannedPeers), just
// before the backend takes it. At 10,000 clients reading the peers, opening
// the preshared keys and rendering the wg-quick texts are tens of
// milliseconds, which must not hold the HTTP event loop (issue 36, "nothing
// slow runs on the HTTP event loop"); and the keys are open only for the
// moment they are used.

#include "common/Result.h"
#include "vpn/WgQuickConfig.h"
#include "vpn/backend/WireGuardBackend.h"

namespace hm::crypto {
class EnvelopeCipher;
}

namespace hm::server::vpn {

struct WgApplyPlan
{
    // A key still sealed (CREDENTIAL DEK) and where it goes.
    struct SealedKey
    {
        QString sealed;
        QByteArray associatedData;
        qsizetype peer = -1; // index in config.peers (its preshared key); -1: the interface's
    };

    crypto::EnvelopeCipher *cipher = nullptr; // thread-safe (crypto/Envelope.h)
    hm::vpn::WgQuickConfig config;            // without its keys
    QList<SealedKey> keys;
    hm::vpn::InterfaceSpec spec; // name, addresses, MTU, routes; no texts yet

    // `spec` with its setconf and wg-quick texts, the keys opened into
    // them. The caller wipes the texts after use.
    Result<hm::vpn::InterfaceSpec> render() &&;
};

} // namespace hm::server::vpn
