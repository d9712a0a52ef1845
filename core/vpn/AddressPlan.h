#pragma once

#include "vpn/Ip128RangeSet.h"
#include "vpn/IpPrefix.h"

namespace hm::vpn {

// Why a client address cannot be used. Each has its own reason text in
// Error::details["reason"] (addressProblemName) so the API and the console
// can tell them apart without parsing messages.
enum class AddressProblem
{
    InvalidAddress,      // "invalid_address" (null)
    FamilyNotConfigured, // "family_not_configured": no subnet of that family
    OutsideSubnet,       // "outside_subnet"
    NetworkAddress,      // "network_address"
    BroadcastAddress,    // "broadcast_address" (IPv4)
    ServerAddress,       // "server_address"
    AlreadyTaken,        // "address_taken"
    SubnetFull,          // "subnet_full"
};

QString addressProblemName(AddressProblem problem);

// One of a VPN server's subnets and the server's own address in it.
struct VpnSubnet
{
    IpPrefix prefix;
    IpAddress server;
};

struct ClientAddresses
{
    std::optional<IpAddress> ipv4;
    std::optional<IpAddress> ipv6;
};

// Client addresses of one VPN server: at most one IPv4 and one IPv6
// subnet. The network address, the server's address and (IPv4) the
// broadcast address are never given to a client; in a subnet of two
// addresses (/31, /127: point-to-point, RFC 3021 / RFC 6164) there is no
// network or broadcast address to skip. Taken addresses are kept as ranges,
// so finding the lowest free one is O(log n) however many are taken, and an
// IPv6 /64 is never enumerated.
class AddressPlan
{
public:
    // ValidationError (reason "no_subnet", "wrong_family",
    // "server_outside_subnet", "server_reserved_address") for a plan that
    // cannot work.
    static Result<AddressPlan> create(std::optional<VpnSubnet> ipv4, std::optional<VpnSubnet> ipv6);

    const std::optional<VpnSubnet> &ipv4() const { return m_v4.subnet; }
    const std::optional<VpnSubnet> &ipv6() const { return m_v6.subnet; }
    // Ipv4, Ipv6 or Dual: what the plan can hand out.
    AddressFamily family() const;

    // Whether `address` may be given to a new client; the first problem
    // found, in the order of AddressProblem.
    Status checkClientAddress(const IpAddress &address) const;
    // The lowest free client address of `family` (Ipv4 or Ipv6; Dual is a
    // ValidationError: ask nextFreeClientAddresses). Conflict with reason
    // "subnet_full" when none is left. Nothing is marked taken.
    Result<IpAddress> nextFreeClientAddress(AddressFamily family) const;
    // One address per family for Ipv4 / Ipv6, both for Dual.
    Result<ClientAddresses> nextFreeClientAddresses(AddressFamily family) const;

    // Marks an address taken after checkClientAddress accepted it.
    Status take(const IpAddress &address);
    // nextFreeClientAddress followed by take.
    Result<IpAddress> takeNextFree(AddressFamily family);
    // False when the address was not taken.
    bool release(const IpAddress &address);
    bool isTaken(const IpAddress &address) const;
    quint64 takenCount(AddressFamily family) const;

private:
    struct FamilyPlan
    {
        std::optional<VpnSubnet> subnet;
        Ip128RangeSet taken;
        // First and last address a client may get, before removing the
        // server's (the network / broadcast addresses are outside).
        Ip128 first;
        Ip128 last;
        bool reserveEnds = false;
    };

    const FamilyPlan *planFor(const IpAddress &address) const;
    FamilyPlan *planFor(AddressFamily family);
    const FamilyPlan *planFor(AddressFamily family) const;
    static Status setUp(FamilyPlan &plan, const VpnSubnet &subnet, AddressFamily family);

    FamilyPlan m_v4;
    FamilyPlan m_v6;
};

} // namespace hm::vpn
