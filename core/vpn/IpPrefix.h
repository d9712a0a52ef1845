#pragma once

#include "vpn/IpAddress.h"

namespace hm::vpn {

// A CIDR prefix ("10.0.0.0/24", "fd00::/64"): a network address with its
// host bits zero and a length of 0..32 (IPv4) or 0..128 (IPv6).
class IpPrefix
{
public:
    IpPrefix() = default;
    // Nullopt when `length` is out of range; host bits of `address` are
    // cleared.
    static std::optional<IpPrefix> fromAddress(const IpAddress &address, int length);

    // "address/length". Refuses host bits ("10.0.0.1/24": ValidationError
    // with reason "host_bits_set", naming 10.0.0.0/24), a missing or
    // non-decimal length, and a length beyond the family's width. An
    // address without "/length" is refused too: a VPN subnet is always
    // written with its length. IPv4-mapped IPv6 prefixes of length >= 96
    // become the IPv4 prefix (length - 96); shorter ones are refused.
    static Result<IpPrefix> parse(QStringView text);
    // The two halves of "address/length" without the host-bit check, for
    // callers that report misalignment in their own terms (PrefixPool).
    static Result<std::pair<IpAddress, int>> parseParts(QStringView text);

    bool isNull() const { return m_network.isNull(); }
    AddressFamily family() const { return m_network.family(); }
    int length() const { return m_length; }
    int bitWidth() const { return m_network.bitWidth(); }
    IpAddress network() const { return m_network; }
    // The highest address; for IPv4 the broadcast address.
    IpAddress lastAddress() const;
    // Number of addresses: 2^(width - length), exact up to 2^128.
    IpCount size() const;

    bool contains(const IpAddress &address) const;
    // True when `other` lies wholly inside this prefix (or equals it).
    bool contains(const IpPrefix &other) const;
    bool overlaps(const IpPrefix &other) const;

    // Canonical text, e.g. "10.0.0.0/24", "fd00::/64".
    QString toString() const;

    bool operator==(const IpPrefix &other) const = default;

private:
    IpAddress m_network;
    int m_length = 0;
};

} // namespace hm::vpn
