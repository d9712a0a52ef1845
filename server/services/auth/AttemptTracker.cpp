#include "server/services/auth/AttemptTracker.h"

#include <algorithm>

namespace hm::server::auth {

bool AttemptTracker::counts(const Entry &entry, const Policy &policy, qint64 nowMs)
{
    if (entry.lockedUntilMs > 0)
        return entry.lockedUntilMs > nowMs; // a lapsed lock starts a fresh count
    return entry.failures > 0 && entry.lastFailureMs + policy.lockMs > nowMs;
}

AttemptTracker::State AttemptTracker::stateOf(const Entry &entry, const Policy &policy,
                                              qint64 nowMs)
{
    State state;
    state.busy = entry.busy;
    if (!counts(entry, policy, nowMs))
        return state;
    state.failures = entry.failures;
    state.lockedUntilMs = entry.lockedUntilMs;
    if (entry.failures > 0 && policy.baseDelayMs > 0) {
        // base, 2 × base, 4 × base, … up to maxDelayMs.
        const int doublings = std::min(entry.failures - 1, 30);
        const qint64 delay = std::min(policy.baseDelayMs << doublings, policy.maxDelayMs);
        state.nextAttemptMs = entry.lastFailureMs + delay;
    }
    return state;
}

AttemptTracker::State AttemptTracker::state(const QString &subject, const QString &address,
                                            const Policy &policy, qint64 nowMs)
{
    const auto outer = m_entries.constFind(subject);
    if (outer == m_entries.cend())
        return {};
    const auto inner = outer->constFind(address);
    if (inner == outer->cend())
        return {};
    return stateOf(*inner, policy, nowMs);
}

void AttemptTracker::setBusy(const QString &subject, const QString &address, bool busy,
                             qint64 nowMs)
{
    if (busy) {
        auto &byAddress = m_entries[subject];
        if (!byAddress.contains(address))
            ++m_size;
        byAddress[address].busy = true;
        prune(nowMs);
        return;
    }
    auto outer = m_entries.find(subject);
    if (outer == m_entries.end())
        return;
    auto inner = outer->find(address);
    if (inner != outer->end())
        inner->busy = false;
}

AttemptTracker::State AttemptTracker::recordFailure(const QString &subject, const QString &address,
                                                    const Policy &policy, qint64 nowMs)
{
    m_longestLockMs = std::max(m_longestLockMs, policy.lockMs);
    auto &byAddress = m_entries[subject];
    if (!byAddress.contains(address))
        ++m_size;
    Entry &entry = byAddress[address];
    if (!counts(entry, policy, nowMs))
        entry = Entry{0, 0, 0, entry.busy};
    if (entry.lockedUntilMs == 0) {
        ++entry.failures;
        entry.lastFailureMs = nowMs;
        if (entry.failures >= policy.maxFailures)
            entry.lockedUntilMs = nowMs + policy.lockMs;
    }
    const State state = stateOf(entry, policy, nowMs);
    prune(nowMs);
    return state;
}

void AttemptTracker::recordSuccess(const QString &subject, const QString &address)
{
    auto outer = m_entries.find(subject);
    if (outer == m_entries.end())
        return;
    if (outer->remove(address) > 0)
        --m_size;
    if (outer->isEmpty())
        m_entries.erase(outer);
}

int AttemptTracker::clear(const QString &subject, qint64 nowMs)
{
    const auto outer = m_entries.constFind(subject);
    if (outer == m_entries.cend())
        return 0;
    const int locked = int(std::count_if(outer->cbegin(), outer->cend(),
                                         [&](const Entry &e) { return e.lockedUntilMs > nowMs; }));
    // A check that runs keeps its entry, so that it still ends as one.
    QHash<QString, Entry> running;
    for (auto it = outer->cbegin(); it != outer->cend(); ++it) {
        if (it->busy)
            running.insert(it.key(), Entry{0, 0, 0, true});
    }
    m_size -= outer->size() - running.size();
    if (running.isEmpty())
        m_entries.remove(subject);
    else
        m_entries[subject] = std::move(running);
    return locked;
}

AttemptTracker::State AttemptTracker::summary(const QString &subject, const Policy &policy,
                                              qint64 nowMs) const
{
    State total;
    const auto outer = m_entries.constFind(subject);
    if (outer == m_entries.cend())
        return total;
    for (const Entry &entry : *outer) {
        const State one = stateOf(entry, policy, nowMs);
        total.failures += one.failures;
        total.lockedUntilMs = std::max(total.lockedUntilMs, one.lockedUntilMs);
        total.busy = total.busy || one.busy;
    }
    return total;
}

void AttemptTracker::prune(qint64 nowMs)
{
    if (m_size <= kMaxEntries)
        return;
    // First whatever no longer means anything under the longest lock seen.
    Policy longest;
    longest.lockMs = std::max<qint64>(m_longestLockMs, 1);
    for (auto outer = m_entries.begin(); outer != m_entries.end();) {
        for (auto inner = outer->begin(); inner != outer->end();) {
            if (!inner->busy && !counts(*inner, longest, nowMs)) {
                inner = outer->erase(inner);
                --m_size;
            } else {
                ++inner;
            }
        }
        outer = outer->isEmpty() ? m_entries.erase(outer) : std::next(outer);
    }
    if (m_size <= kMaxEntries * 9 / 10)
        return;
    // Still full (a flood of addresses or names): drop the entries with the
    // oldest failures that are neither locked nor running, down to 90 %.
    QList<qint64> times;
    times.reserve(m_size);
    for (const auto &byAddress : std::as_const(m_entries)) {
        for (const Entry &entry : byAddress) {
            if (!entry.busy && entry.lockedUntilMs <= nowMs)
                times.append(entry.lastFailureMs);
        }
    }
    const qsizetype drop = std::min<qsizetype>(times.size(), m_size - kMaxEntries * 9 / 10);
    if (drop <= 0)
        return;
    std::nth_element(times.begin(), times.begin() + (drop - 1), times.end());
    const qint64 cutoff = times.at(drop - 1);
    for (auto outer = m_entries.begin(); outer != m_entries.end();) {
        for (auto inner = outer->begin(); inner != outer->end();) {
            if (!inner->busy && inner->lockedUntilMs <= nowMs && inner->lastFailureMs <= cutoff) {
                inner = outer->erase(inner);
                --m_size;
            } else {
                ++inner;
            }
        }
        outer = outer->isEmpty() ? m_entries.erase(outer) : std::next(outer);
    }
}

} // namespace hm::server::auth
