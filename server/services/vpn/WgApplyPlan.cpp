#include "server/services/vpn/WgApplyPlan.h"

#include "crypto/Envelope.h"
#include "crypto/SecureBytes.h"
#include "vpn/WgQuickText.h"

namespace hm::server::vpn {

Result<hm::vpn::InterfaceSpec> WgApplyPlan::render() &&
{
    for (const SealedKey &key : std::as_const(keys)) {
        auto opened =
            cipher->decrypt(key.sealed, crypto::DekPurpose::Credential, key.associatedData);
        if (!opened)
            return opened.error();
        const QString text = QString::fromLatin1(opened.value());
        crypto::wipe(opened.value());
        if (key.peer < 0)
            config.interface.privateKey = text;
        else
            config.peers[key.peer].presharedKey = text;
    }
    auto full = hm::vpn::wgquick::render(config);
    auto stripped = hm::vpn::wgquick::renderStripped(config);
    // What held the keys as UTF-16 is overwritten before it is freed.
    config.interface.privateKey.fill(u'\0');
    for (hm::vpn::WgPeer &peer : config.peers)
        peer.presharedKey.fill(u'\0');
    if (!full)
        return full.error();
    if (!stripped)
        return stripped.error();
    hm::vpn::InterfaceSpec rendered = std::move(spec);
    rendered.quickConfig = full.value().toUtf8();
    rendered.setconf = stripped.value().toUtf8();
    full.value().fill(u'\0');
    stripped.value().fill(u'\0');
    return rendered;
}

} // namespace hm::server::vpn
