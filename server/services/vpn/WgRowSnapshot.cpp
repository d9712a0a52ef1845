#include "server/services/vpn/WgRowSnapshot.h"

#include <QJsonArray>

namespace hm::server::vpn {

namespace {

QJsonArray snapshotList(const QStringList &items)
{
    return QJsonArray::fromStringList(items);
}

QStringList snapshotListOf(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out << item.toString();
    return out;
}

} // namespace

QJsonObject wgServerSnapshot(const repositories::WgServerRow &r)
{
    return {{QStringLiteral("name"), r.name},
            {QStringLiteral("interface"), r.interfaceName},
            {QStringLiteral("listen_port"), r.listenPort},
            {QStringLiteral("ipv4_address"), r.ipv4Address},
            {QStringLiteral("ipv6_address"), r.ipv6Address},
            {QStringLiteral("dns_servers"), snapshotList(r.dnsServers)},
            {QStringLiteral("mtu"), r.mtu},
            {QStringLiteral("persistent_keepalive"), r.persistentKeepalive},
            {QStringLiteral("allowed_ips"), snapshotList(r.allowedIps)},
            {QStringLiteral("endpoint_host"), r.endpointHost},
            {QStringLiteral("auto_start"), r.autoStart},
            {QStringLiteral("description"), r.description}};
}

repositories::WgServerRow wgServerFromSnapshot(repositories::WgServerRow r, const QJsonObject &s)
{
    r.name = s.value(QStringLiteral("name")).toString();
    r.interfaceName = s.value(QStringLiteral("interface")).toString();
    r.listenPort = s.value(QStringLiteral("listen_port")).toInt();
    r.ipv4Address = s.value(QStringLiteral("ipv4_address")).toString();
    r.ipv6Address = s.value(QStringLiteral("ipv6_address")).toString();
    r.dnsServers = snapshotListOf(s.value(QStringLiteral("dns_servers")));
    r.mtu = s.value(QStringLiteral("mtu")).toInt();
    r.persistentKeepalive = s.value(QStringLiteral("persistent_keepalive")).toInt();
    r.allowedIps = snapshotListOf(s.value(QStringLiteral("allowed_ips")));
    r.endpointHost = s.value(QStringLiteral("endpoint_host")).toString();
    r.autoStart = s.value(QStringLiteral("auto_start")).toBool();
    r.description = s.value(QStringLiteral("description")).toString();
    return r;
}

QJsonObject wgClientSnapshot(const repositories::WgClientRow &r)
{
    return {{QStringLiteral("name"), r.name},
            {QStringLiteral("address_family"), r.addressFamily},
            {QStringLiteral("ipv4_address"), r.ipv4Address},
            {QStringLiteral("ipv6_address"), r.ipv6Address},
            {QStringLiteral("allowed_ips"), snapshotList(r.allowedIps)},
            {QStringLiteral("dns_servers"), snapshotList(r.dnsServers)},
            {QStringLiteral("persistent_keepalive"), r.persistentKeepalive},
            {QStringLiteral("enabled"), r.enabled},
            {QStringLiteral("expires_at"), r.expiresAt ? QJsonValue(double(*r.expiresAt))
                                                       : QJsonValue()},
            {QStringLiteral("description"), r.description}};
}

repositories::WgClientRow wgClientFromSnapshot(repositories::WgClientRow r, const QJsonObject &s)
{
    r.name = s.value(QStringLiteral("name")).toString();
    r.addressFamily = s.value(QStringLiteral("address_family")).toString();
    r.ipv4Address = s.value(QStringLiteral("ipv4_address")).toString();
    r.ipv6Address = s.value(QStringLiteral("ipv6_address")).toString();
    r.allowedIps = snapshotListOf(s.value(QStringLiteral("allowed_ips")));
    r.dnsServers = snapshotListOf(s.value(QStringLiteral("dns_servers")));
    r.persistentKeepalive = s.value(QStringLiteral("persistent_keepalive")).toInt();
    r.enabled = s.value(QStringLiteral("enabled")).toBool();
    const QJsonValue expires = s.value(QStringLiteral("expires_at"));
    r.expiresAt = expires.isDouble() ? std::optional<qint64>(qint64(expires.toDouble()))
                                     : std::nullopt;
    r.description = s.value(QStringLiteral("description")).toString();
    return r;
}

} // namespace hm::server::vpn
