#pragma once

// The host a client's config names as the server's Endpoint when the
// server has no endpoint_host of its own: the host of the console's public
// URL, unless that is an address no other machine can reach (loopback,
// unspecified, "localhost"), as it is for a console's local server or a
// headless one on 0.0.0.0 without --public-url. Then the first address of
// this machine another one can reach (global IPv4, else global IPv6) —
// what an operator would type — and the loopback host only when the
// machine has none. Pure: the addresses are given (QNetworkInterface's in
// the runtime, a list in the test).

#include <QHostAddress>
#include <QList>
#include <QString>

namespace hm::server::vpn {

QString wgReachableEndpointHost(const QString &urlHost, const QList<QHostAddress> &addresses);

} // namespace hm::server::vpn
