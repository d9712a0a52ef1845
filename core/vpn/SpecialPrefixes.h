#pragma once

#include "vpn/IpPrefix.h"

#include <QString>
#include <optional>

namespace hm::vpn {

// Address ranges no VPN subnet, delegated prefix pool or BGP announcement
// may overlap (RFC 6890): "this network" 0.0.0.0/8, loopback (127.0.0.0/8,
// ::1), link-local (169.254.0.0/16, fe80::/10), multicast (224.0.0.0/4,
// ff00::/8), the reserved 240.0.0.0/4 with the broadcast address, and the
// unspecified ::. A prefix overlapping one of them (a default route 0/0
// or ::/0 overlaps them all) would hand out, route or announce addresses a
// host cannot use as its own. Nullopt when `prefix` is clear; else the
// range it overlaps, as "loopback (127.0.0.0/8)".
std::optional<QString> specialUseOverlap(const IpPrefix &prefix);

} // namespace hm::vpn
