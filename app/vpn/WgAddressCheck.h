#pragma once

#include <QString>
#include <QStringList>

namespace hm::app::wgcheck {

// What the console checks as typed before the server does (docs/api.md
// "WireGuard"): the server repeats every check.

// ^[A-Za-z0-9_=+.-]{1,15}$, the kernel's limit for an interface name.
bool isInterfaceName(const QString &text);
// "10.8.0.1/24" (protocol 4) or "fd00:8::1/64" (6): an address of that
// family with its prefix length.
bool isAddressWithPrefix(const QString &text, int protocol);
// "10.8.0.9", "10.8.0.9/32" of that family (a client's explicit address).
bool isHostAddress(const QString &text, int protocol);
// Comma- or space-separated, empty parts dropped.
QStringList splitList(const QString &text);
// Each an IP address.
bool areAddresses(const QStringList &items);

} // namespace hm::app::wgcheck
