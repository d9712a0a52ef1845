#pragma once

// The peers each running WireGuard server's interface was last given, kept
// on the service's worker so that a change of one client re-reads that
// client only and hands the backend only its peer (vpn::PeerPatch): the
// work of a change stays flat from 10 to 10,000 peers (issue 36). A server
// whose interface fields changed (fingerprintOf), a failed apply, a stop or
// a change of the whole server goes back to reading every peer, which
// fills the plan again. Worker thread only.

#include "server/repositories/WireGuardRepository.h"
#include "vpn/WgQuickConfig.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace hm::server::vpn {

// One client's peer as the interface has it.
struct WgPlannedPeer
{
    qint64 clientId = 0;
    hm::vpn::WgPeer peer;       // its preshared key still sealed, below
    QString sealedPresharedKey; // empty: none
    QStringList routes;         // the client's delegated prefixes, in allocation order
    // Cut off, not yet taken off (WgPeerPlans::Plan::parked): only the
    // public key; render() gives it no allowed IPs and a fresh random
    // preshared key.
    bool parked = false;
};

// `row` (an active client) with its delegated prefixes, as its [Peer] goes
// into the interface: the name as a comment, its addresses as /32 and /128,
// then the prefixes (also routed into the interface).
WgPlannedPeer wgPlannedPeer(const repositories::WgPeerRow &row, const QStringList &prefixes);

class WgPeerPlans
{
public:
    struct Plan
    {
        QString fingerprint;
        QHash<qint64, WgPlannedPeer> peers; // by client id
        // Peers of clients that went (disabled, expired, deleted), by public
        // key -> client id: cut off at once (no allowed IPs, so no traffic
        // in or out; a random preshared key, so no new handshake) and taken
        // off by the next periodic sample, which reads every peer's counters
        // anyway. Taking a peer off at once would mean reading the whole
        // interface first (wg cannot read one peer), the one part of a
        // change that grew with the interface (issue 36: flat from 10 to
        // 10,000 peers). Still on the interface, a parked peer's counters go
        // on: enabled again before it is taken off, it is set back as it
        // was, with nothing lost or counted twice.
        QHash<QString, qint64> parked;
    };

    // What the server's interface takes from its row (name, addresses,
    // port, MTU, key): a plan kept under another fingerprint is stale.
    static QString fingerprintOf(const repositories::WgServerRow &row);

    // The plan last applied to `serverId`, when it is still for
    // `fingerprint`; null otherwise.
    Plan *find(qint64 serverId, const QString &fingerprint);
    void remember(qint64 serverId, QString fingerprint, const QList<WgPlannedPeer> &peers);
    void forget(qint64 serverId) { m_plans.remove(serverId); }

private:
    QHash<qint64, Plan> m_plans;
};

} // namespace hm::server::vpn
