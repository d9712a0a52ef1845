#pragma once

#include "common/Result.h"

#include <QHostAddress>
#include <QString>
#include <QStringView>
#include <QtGlobal>
#include <compare>
#include <optional>
#include <utility>

namespace hm::vpn {

// Which address families a VPN server (or a client) uses.
enum class AddressFamily
{
    Ipv4,
    Ipv6,
    Dual,
};

// "ipv4", "ipv6", "dual".
QString addressFamilyName(AddressFamily family);
std::optional<AddressFamily> addressFamilyFromName(QStringView name);

// An unsigned 128-bit integer as two 64-bit halves: portable where
// unsigned __int128 is not (MSVC), and all the address arithmetic needs is
// add, subtract, compare, masks and shifts. Arithmetic wraps modulo 2^128.
struct Ip128
{
    quint64 hi = 0;
    quint64 lo = 0;

    constexpr Ip128() = default;
    constexpr Ip128(quint64 high, quint64 low) : hi(high), lo(low) {}
    static constexpr Ip128 fromU64(quint64 value) { return Ip128(0, value); }
    static constexpr Ip128 max() { return Ip128(~quint64(0), ~quint64(0)); }

    constexpr bool isZero() const { return hi == 0 && lo == 0; }
    // Members are declared high first, so the default is numeric order.
    constexpr auto operator<=>(const Ip128 &) const = default;

    friend constexpr Ip128 operator+(Ip128 a, Ip128 b)
    {
        const quint64 lo = a.lo + b.lo;
        return Ip128(a.hi + b.hi + (lo < a.lo ? 1 : 0), lo);
    }
    friend constexpr Ip128 operator-(Ip128 a, Ip128 b)
    {
        return Ip128(a.hi - b.hi - (a.lo < b.lo ? 1 : 0), a.lo - b.lo);
    }
    friend constexpr Ip128 operator&(Ip128 a, Ip128 b) { return Ip128(a.hi & b.hi, a.lo & b.lo); }
    friend constexpr Ip128 operator|(Ip128 a, Ip128 b) { return Ip128(a.hi | b.hi, a.lo | b.lo); }
    constexpr Ip128 operator~() const { return Ip128(~hi, ~lo); }
    // Shifts by 128 or more give zero (unlike the built-in shifts).
    friend constexpr Ip128 operator<<(Ip128 a, int n)
    {
        if (n <= 0)
            return a;
        if (n >= 128)
            return {};
        if (n >= 64)
            return Ip128(a.lo << (n - 64), 0);
        return Ip128((a.hi << n) | (a.lo >> (64 - n)), a.lo << n);
    }
    friend constexpr Ip128 operator>>(Ip128 a, int n)
    {
        if (n <= 0)
            return a;
        if (n >= 128)
            return {};
        if (n >= 64)
            return Ip128(0, a.hi >> (n - 64));
        return Ip128(a.hi >> n, (a.lo >> n) | (a.hi << (64 - n)));
    }

    // Exact decimal text.
    QString toString() const;
};

// A count of addresses or prefixes: 0 .. 2^128 inclusive (an IPv6 /0 holds
// 2^128 addresses, one more than Ip128 holds), exact, never enumerated.
class IpCount
{
public:
    constexpr IpCount() = default;
    constexpr explicit IpCount(Ip128 value) : m_value(value) {}
    static constexpr IpCount fromU64(quint64 value) { return IpCount(Ip128::fromU64(value)); }
    // 2^exponent for 0 <= exponent <= 128.
    static IpCount powerOfTwo(int exponent);

    bool isTwoTo128() const { return m_twoTo128; }
    // The value when below 2^128 (Ip128::max() for 2^128).
    Ip128 value() const { return m_twoTo128 ? Ip128::max() : m_value; }
    // this - other, zero when other is larger.
    IpCount minusSaturated(const IpCount &other) const;
    // this + other, saturating at 2^128.
    IpCount plusSaturated(const IpCount &other) const;

    bool operator==(const IpCount &other) const = default;
    std::strong_ordering operator<=>(const IpCount &other) const;

    // Exact decimal text, e.g. "4294967296" or the 39 digits of 2^128.
    QString toString() const;
    // For JSON: the value, or UINT64_MAX when it does not fit.
    quint64 toSaturatedU64() const;
    // For JSON numbers: nearest double (exact up to 2^53).
    double toDouble() const;

private:
    Ip128 m_value;
    bool m_twoTo128 = false;
};

// An IPv4 or IPv6 address as a 128-bit number: IPv4 uses the low 32 bits.
class IpAddress
{
public:
    IpAddress() = default;
    static IpAddress ipv4(quint32 value) { return IpAddress(false, Ip128::fromU64(value)); }
    static IpAddress ipv6(Ip128 value) { return IpAddress(true, value); }
    // Dotted quad or RFC 4291 text. Refuses scope ids ("fe80::1%eth0"),
    // short IPv4 forms ("10.1") and anything but one address; an
    // IPv4-mapped IPv6 address (::ffff:10.0.0.1) is normalised to IPv4 so
    // the same client cannot hold it twice under two spellings.
    static Result<IpAddress> parse(QStringView text);
    static std::optional<IpAddress> fromQHostAddress(const QHostAddress &address);

    bool isNull() const { return !m_valid; }
    bool isIpv4() const { return m_valid && !m_v6; }
    bool isIpv6() const { return m_valid && m_v6; }
    // Ipv4 or Ipv6 (never Dual); Ipv4 for a null address.
    AddressFamily family() const { return m_v6 ? AddressFamily::Ipv6 : AddressFamily::Ipv4; }
    // 32 or 128.
    int bitWidth() const { return m_v6 ? 128 : 32; }
    Ip128 value() const { return m_value; }
    // The address `offset` above this one, in the same family; nullopt on
    // leaving the family's range.
    std::optional<IpAddress> plus(Ip128 offset) const;

    QHostAddress toQHostAddress() const;
    // Canonical text: dotted quad, or RFC 5952 lower-case compressed IPv6.
    QString toString() const;

    bool operator==(const IpAddress &other) const = default;
    // IPv4 before IPv6, then numeric.
    std::strong_ordering operator<=>(const IpAddress &other) const;

private:
    IpAddress(bool v6, Ip128 value) : m_value(value), m_v6(v6), m_valid(true) {}

    Ip128 m_value;
    bool m_v6 = false;
    bool m_valid = false;
};

// All ones in the low `bitWidth - length` bits: the host part of a prefix.
Ip128 hostMask(int bitWidth, int length);

} // namespace hm::vpn
