#include "vpn/Ip128RangeSet.h"

namespace hm::vpn {

namespace {
constexpr Ip128 kOne = Ip128::fromU64(1);
}

bool Ip128RangeSet::contains(Ip128 value) const
{
    auto it = m_ranges.upper_bound(value);
    if (it == m_ranges.begin())
        return false;
    --it;
    return value <= it->second;
}

bool Ip128RangeSet::insert(Ip128 value)
{
    if (contains(value))
        return false;
    auto next = m_ranges.upper_bound(value); // first range starting above value
    const bool joinsNext =
        next != m_ranges.end() && value != Ip128::max() && next->first == value + kOne;
    auto prev = next == m_ranges.begin() ? m_ranges.end() : std::prev(next);
    const bool joinsPrev = prev != m_ranges.end() && prev->second + kOne == value;
    if (joinsPrev && joinsNext) {
        prev->second = next->second;
        m_ranges.erase(next);
    } else if (joinsPrev) {
        prev->second = value;
    } else if (joinsNext) {
        const Ip128 last = next->second;
        m_ranges.erase(next);
        m_ranges.emplace(value, last);
    } else {
        m_ranges.emplace(value, value);
    }
    ++m_size;
    return true;
}

bool Ip128RangeSet::remove(Ip128 value)
{
    auto it = m_ranges.upper_bound(value);
    if (it == m_ranges.begin())
        return false;
    --it;
    if (value > it->second)
        return false;
    const Ip128 first = it->first;
    const Ip128 last = it->second;
    m_ranges.erase(it);
    if (first < value)
        m_ranges.emplace(first, value - kOne);
    if (value < last)
        m_ranges.emplace(value + kOne, last);
    --m_size;
    return true;
}

std::optional<Ip128> Ip128RangeSet::lowestAbsent(Ip128 from, Ip128 last) const
{
    if (from > last)
        return std::nullopt;
    Ip128 candidate = from;
    auto it = m_ranges.upper_bound(candidate);
    if (it != m_ranges.begin()) {
        --it;
        if (candidate <= it->second) {
            // Ranges never touch, so the value after this one is free.
            if (it->second == Ip128::max())
                return std::nullopt;
            candidate = it->second + kOne;
        }
    }
    if (candidate > last)
        return std::nullopt;
    return candidate;
}

} // namespace hm::vpn
