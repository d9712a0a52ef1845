#include "server/services/vpn/WgEndpointHost.h"

namespace hm::server::vpn {

namespace {

bool unreachable(const QHostAddress &address)
{
    return address.isNull() || address.isLoopback() || address.isLinkLocal() ||
           address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6 ||
           address.isMulticast();
}

} // namespace

QString wgReachableEndpointHost(const QString &urlHost, const QList<QHostAddress> &addresses)
{
    const QHostAddress given(urlHost);
    const bool local = urlHost.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
                       urlHost.isEmpty() || (!given.isNull() && unreachable(given));
    if (!local)
        return urlHost;
    for (const QAbstractSocket::NetworkLayerProtocol family :
         {QAbstractSocket::IPv4Protocol, QAbstractSocket::IPv6Protocol}) {
        for (const QHostAddress &address : addresses) {
            if (address.protocol() == family && !unreachable(address) &&
                address.scopeId().isEmpty())
                return address.toString();
        }
    }
    return urlHost;
}

} // namespace hm::server::vpn
