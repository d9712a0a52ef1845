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

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QStringList>

namespace hm::vpn {

struct WgSetconfDigest
{
    QByteArray interfaceHash;
    QHash<QString, QByteArray> peerHashes; // by public key
};

// A peer as `wg set` takes it.
struct WgPeerSetting
{
    QString publicKey;
    QByteArray presharedKey; // base64; empty: none (a secret: wiped by the caller)
    QStringList allowedIps;
    QString endpoint;      // empty: not given
    int keepalive = 0;     // 0: off
};

struct WgPeerDelta
{
    bool interfaceChanged = false;
    QList<WgPeerSetting> changed; // new or different
    QStringList removed;          // public keys
};

// Digest of a setconf text; nullopt-like empty interfaceHash when the text
// is not in the form core/vpn wgquick::renderStripped writes.
WgSetconfDigest digestOfSetconf(QByteArrayView setconf);
WgPeerDelta peerDelta(const WgSetconfDigest &before, const WgSetconfDigest &after,
                      QByteArrayView afterSetconf);

} // namespace hm::vpn
