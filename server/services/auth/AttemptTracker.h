#pragma once

#include <QHash>
#include <QString>

namespace hm::server::auth {

// Failed attempts per (subject, address), in memory on the server thread.
//
// Logins count per account and client address, so that wrong passwords
// from one place lock that place out and no other: an attacker elsewhere
// cannot lock the administrator out (the subject of a login for which no
// account exists is the login name, so both answer alike). Each failure
// also delays the next check of the same pair, doubling each time. Password
// and two-factor code checks of a signed-in user count per account (address
// empty).
//
// Failures older than the lock duration are forgotten, and so is everything
// after a lock lapsed: a fresh count starts. A restart forgets all of it.
class AttemptTracker
{
public:
    struct Policy
    {
        int maxFailures = 5;            // consecutive failures that lock
        qint64 lockMs = 30 * 60 * 1000; // how long a lock lasts
        qint64 baseDelayMs = 0;         // wait after the first failure, doubled per further one
        qint64 maxDelayMs = 30 * 1000;
    };
    struct State
    {
        int failures = 0;
        qint64 lockedUntilMs = 0; // 0 = not locked
        qint64 nextAttemptMs = 0; // earliest start of the next check (0 = now)
        bool busy = false;        // a check of this pair is running
        bool locked(qint64 nowMs) const { return lockedUntilMs > nowMs; }
    };

    State state(const QString &subject, const QString &address, const Policy &policy, qint64 nowMs);
    // One check of a pair at a time: marks the pair while its check runs.
    void setBusy(const QString &subject, const QString &address, bool busy, qint64 nowMs);
    // Counts a failure; the state afterwards (lockedUntilMs set when it locked).
    State recordFailure(const QString &subject, const QString &address, const Policy &policy,
                        qint64 nowMs);
    void recordSuccess(const QString &subject, const QString &address);

    // Forgets every address of `subject` (an administrator's unlock); how
    // many addresses were locked.
    int clear(const QString &subject, qint64 nowMs);
    // Over all addresses of `subject`: the failures counted and the latest
    // end of a lock (for the administrator's view of an account).
    State summary(const QString &subject, const Policy &policy, qint64 nowMs) const;

    qsizetype size() const { return m_size; }

private:
    struct Entry
    {
        int failures = 0;
        qint64 lastFailureMs = 0;
        qint64 lockedUntilMs = 0;
        bool busy = false;
    };
    // Whether the failures or lock of `entry` still count at `nowMs`.
    static bool counts(const Entry &entry, const Policy &policy, qint64 nowMs);
    static State stateOf(const Entry &entry, const Policy &policy, qint64 nowMs);
    // Keeps memory bounded when many addresses or unknown names are tried.
    void prune(qint64 nowMs);

    // Entries beyond which idle ones are dropped (about 100 bytes each).
    static constexpr qsizetype kMaxEntries = 100000;

    QHash<QString, QHash<QString, Entry>> m_entries; // subject -> address -> entry
    qsizetype m_size = 0;
    qint64 m_longestLockMs = 0; // of any policy used, for prune()
};

} // namespace hm::server::auth
