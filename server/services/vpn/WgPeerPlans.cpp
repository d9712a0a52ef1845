#include "server/services/vpn/WgPeerPlans.h"

#include "vpn/WgFieldCheck.h"

namespace hm::server::vpn {

using repositories::WgPeerRow;
using repositories::WgServerRow;

WgPlannedPeer wgPlannedPeer(const WgPeerRow &c, const QStringList &prefixes)
{
    WgPlannedPeer planned;
    planned.clientId = c.id;
    planned.sealedPresharedKey = c.sealedPresharedKey;
    hm::vpn::WgPeer &peer = planned.peer;
    peer.comments << QStringLiteral("Name = ") + c.name;
    peer.publicKey = c.publicKey;
    if (!c.ipv4Address.isEmpty())
        peer.allowedIps << hm::vpn::WgCidr{QHostAddress(c.ipv4Address), 32};
    if (!c.ipv6Address.isEmpty())
        peer.allowedIps << hm::vpn::WgCidr{QHostAddress(c.ipv6Address), 128};
    for (const QString &prefix : prefixes) {
        if (const auto cidr = hm::vpn::parseCidr(prefix)) {
            peer.allowedIps << *cidr;
            planned.routes << prefix;
        }
    }
    return planned;
}

QString WgPeerPlans::fingerprintOf(const WgServerRow &row)
{
    return QStringList{row.interfaceName,        row.ipv4Address,
                       row.ipv6Address,          QString::number(row.listenPort),
                       QString::number(row.mtu), row.sealedPrivateKey}
        .join(u'\n');
}

WgPeerPlans::Plan *WgPeerPlans::find(qint64 serverId, const QString &fingerprint)
{
    auto it = m_plans.find(serverId);
    if (it == m_plans.end() || it->fingerprint != fingerprint)
        return nullptr;
    return &it.value();
}

void WgPeerPlans::remember(qint64 serverId, QString fingerprint, const QList<WgPlannedPeer> &peers)
{
    Plan plan;
    plan.fingerprint = std::move(fingerprint);
    plan.peers.reserve(peers.size());
    for (const WgPlannedPeer &p : peers)
        plan.peers.insert(p.clientId, p);
    m_plans.insert(serverId, std::move(plan));
}

} // namespace hm::server::vpn
