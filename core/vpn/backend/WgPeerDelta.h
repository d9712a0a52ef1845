#pragma once

// What changed between two `wg setconf` texts of one interface, so a
// re-sync can touch only the peers that changed (`wg set … peer …`) instead
// of handing `wg syncconf` all 10,000 of them (issue 36: "changing one peer
// < 150 ms p95 and flat from 10 to 10,000 peers").
//
// Only digests of what was applied are kept (SHA-256 of the [Interface]
// section and of each [Peer] block): the texts hold the private and
// preshared keys and are wiped after use. The changed peers' settings are
// read from the new text, which the caller still holds.
//
// One pass over the new text computes its digest and the delta together,
// with fixed-size keys and digests (no allocation per unchanged peer): at
// 10,000 peers the pass is a few milliseconds of CPU, flat next to the
// `wg set` and `ip` processes of a change.

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QStringList>
#include <array>
#include <cstring>

namespace hm::vpn {

// A peer's public key as written in the text: base64 of 32 bytes is always
// 44 characters (anything else makes the digest unusable, see below).
struct WgPeerId
{
    std::array<char, 44> text{};
    friend bool operator==(const WgPeerId &a, const WgPeerId &b) { return a.text == b.text; }
};
size_t qHash(const WgPeerId &id, size_t seed = 0) noexcept;

struct WgSectionDigest
{
    std::array<char, 32> sha256{};
    friend bool operator==(const WgSectionDigest &a, const WgSectionDigest &b)
    {
        return a.sha256 == b.sha256;
    }
};

struct WgSetconfDigest
{
    // Empty when the text is not in the form core/vpn wgquick::renderStripped
    // writes (no [Interface], a key that is not 44 characters, a peer twice):
    // a delta against it always says the interface changed, so the caller
    // hands the whole text to `wg syncconf`.
    QByteArray interfaceHash;
    QHash<WgPeerId, WgSectionDigest> peerHashes;
};

// A peer as `wg set` takes it.
struct WgPeerSetting
{
    QString publicKey;
    QByteArray presharedKey; // base64; empty: none (a secret: wiped by the caller)
    QStringList allowedIps;
    QString endpoint;  // empty: not given
    int keepalive = 0; // 0: off
};

struct WgPeerDelta
{
    bool interfaceChanged = false;
    QList<WgPeerSetting> changed; // new or different
    QStringList removed;          // public keys
};

WgSetconfDigest digestOfSetconf(QByteArrayView setconf);
// The delta from `before` to the text `afterSetconf`; the text's own digest
// goes to `after` (the same as digestOfSetconf(afterSetconf)).
WgPeerDelta peerDelta(const WgSetconfDigest &before, QByteArrayView afterSetconf,
                      WgSetconfDigest &after);

// A patch of some peers against what was applied: `patchSetconf` holds the
// [Interface] section and only the peers that may have changed (the form
// renderStripped writes), `removed` the public keys to take off. The delta
// names the patch's peers that differ from `before` and the removed keys
// `before` has; every other peer of `before` stays. `patch` gets the
// text's own digest, for applyPatch(). Held against peerDelta() of the
// whole new text (TestLinuxWireGuardBackend).
WgPeerDelta peerPatch(const WgSetconfDigest &before, QByteArrayView patchSetconf,
                      const QStringList &removed, WgSetconfDigest &patch);
// `applied` brought to what it is after the patch: the removed peers out,
// the patch's peers in. Equal to digestOfSetconf() of the whole new text.
void applyPatch(WgSetconfDigest &applied, const WgSetconfDigest &patch, const QStringList &removed);

} // namespace hm::vpn
