#pragma once

#include "vpn/IpAddress.h"

#include <map>
#include <optional>

namespace hm::vpn {

// A set of 128-bit values kept as disjoint, non-adjacent closed ranges, so
// a contiguous block of 60,000 taken addresses is one map entry and the
// lowest free value is found in O(log n) instead of walking the block.
class Ip128RangeSet
{
public:
    bool contains(Ip128 value) const;
    // False when already present.
    bool insert(Ip128 value);
    // False when absent.
    bool remove(Ip128 value);
    // The lowest value in [from, last] that is not in the set.
    std::optional<Ip128> lowestAbsent(Ip128 from, Ip128 last) const;
    quint64 size() const { return m_size; }
    qsizetype rangeCount() const { return qsizetype(m_ranges.size()); }

private:
    std::map<Ip128, Ip128> m_ranges; // first -> last, inclusive
    quint64 m_size = 0;
};

} // namespace hm::vpn
