#pragma once

#include "vpn/Ip128RangeSet.h"
#include "vpn/IpPrefix.h"

#include <QJsonObject>

namespace hm::vpn {

// Why a delegated prefix cannot be allocated or released; the text goes
// into Error::details["reason"] (prefixPoolProblemName).
enum class PrefixPoolProblem
{
    InvalidPool,  // "invalid_pool": lengths or reserved count impossible
    OutsidePool,  // "outside_pool" (also another address family)
    WrongLength,  // "wrong_length": not the pool's delegated length
    Misaligned,   // "misaligned": bits set below the delegated length
    Reserved,     // "reserved": one of the first N reserved prefixes
    Overlapping,  // "overlapping": overlaps an existing allocation
    Exhausted,    // "exhausted": no free prefix left
    NotAllocated, // "not_allocated": release of a prefix not handed out
};

QString prefixPoolProblemName(PrefixPoolProblem problem);

// A pool of delegated prefixes (seed 001's IPv6 pools, e.g. 2001:db8::/32
// handed out as /48s): the first `reservedCount` delegated prefixes are
// kept back, the rest are allocated lowest-first or by an explicit choice.
// Prefixes are numbered by their index in the pool; allocations are kept
// as index ranges, and every count is computed from lengths, never by
// enumerating (a /32 of /64s holds 2^32 prefixes, ::/0 of /128s 2^128).
class PrefixPool
{
public:
    // `delegatedLength` between the pool's length and the family's width.
    static Result<PrefixPool> create(const IpPrefix &pool, int delegatedLength,
                                     quint64 reservedCount = 0);

    const IpPrefix &pool() const { return m_pool; }
    int delegatedLength() const { return m_delegatedLength; }
    quint64 reservedCount() const { return m_reservedCount; }

    // The lowest free prefix after the reserved ones; Conflict "exhausted".
    Result<IpPrefix> allocateNext();
    // An explicit prefix "address/length": inside the pool, of the
    // delegated length, aligned to it, not reserved, not allocated.
    Result<IpPrefix> allocate(QStringView text);
    Result<IpPrefix> allocate(const IpAddress &address, int length);
    // Whether `prefix` could be allocated now (the checks of allocate).
    Status check(const IpAddress &address, int length) const;
    Status release(const IpPrefix &prefix);
    bool isAllocated(const IpPrefix &prefix) const;

    // Delegated prefixes in the pool: 2^(delegated - pool length).
    IpCount totalCount() const;
    quint64 allocatedCount() const { return m_allocated.size(); }
    // total - reserved - allocated.
    IpCount availableCount() const;
    // {"total": "<exact>", "allocated": ..., "available": "<exact>", and
    // "totalNumber"/"availableNumber" as JSON numbers (doubles, exact up to
    // 2^53), "reserved"}.
    QJsonObject countsJson() const;

    // The delegated prefix with this index (0-based); null beyond the pool.
    IpPrefix prefixAt(Ip128 index) const;

private:
    Ip128 lastIndex() const;
    Ip128 indexOf(const IpAddress &address) const;

    IpPrefix m_pool;
    int m_delegatedLength = 0;
    quint64 m_reservedCount = 0;
    Ip128RangeSet m_allocated; // indices
};

} // namespace hm::vpn
