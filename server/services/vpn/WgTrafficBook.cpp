#include "server/services/vpn/WgTrafficBook.h"

#include "common/Logging.h"
#include "server/api/AuthCommon.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <limits>

namespace hm::server::vpn {

using namespace repositories;

namespace {

constexpr qint64 kTrafficMinuteMs = 60'000;
constexpr qint64 kTrafficDayMs = 24 * 3600 * 1000LL;
// Per maintain() pass: how many buckets of a tier are rolled up, and how
// far back retention deletes (in buckets of the tier).
constexpr qint64 kTrafficRollupBuckets = 96;
constexpr qint64 kTrafficDeleteBuckets = 1440;

qint64 trafficFloor(qint64 ms, qint64 length)
{
    return ms - ((ms % length) + length) % length;
}

const WgTrafficTier *trafficTierByNumber(int number)
{
    for (const WgTrafficTier &t : wgTrafficTiers())
        if (t.number == number)
            return &t;
    return nullptr;
}

} // namespace

const QList<WgTrafficTier> &wgTrafficTiers()
{
    static const QList<WgTrafficTier> tiers{
        {1, QStringLiteral("1m"), kTrafficMinuteMs, 7 * kTrafficDayMs},
        {2, QStringLiteral("15m"), 15 * kTrafficMinuteMs, 90 * kTrafficDayMs},
        {3, QStringLiteral("1h"), 60 * kTrafficMinuteMs, 365 * kTrafficDayMs},
    };
    return tiers;
}

WgTrafficBook::WgTrafficBook(store::Database &db, store::Database *writer)
    : m_db(db), m_writer(writer ? *writer : db), m_now(&auth::nowMs)
{}

qint64 WgTrafficBook::now() const
{
    return m_now();
}

Status WgTrafficBook::load()
{
    QMutexLocker lock(&m_mutex);
    auto rows = wgTrafficStates(m_writer);
    if (!rows)
        return rows.error();
    m_entries.clear();
    for (const WgTrafficStateRow &r : rows.value()) {
        Entry e;
        e.serverId = r.serverId;
        e.ledger.instance = r.instance;
        e.ledger.present = r.present;
        e.ledger.lastRx = r.lastRx;
        e.ledger.lastTx = r.lastTx;
        e.ledger.totalRx = r.totalRx;
        e.ledger.totalTx = r.totalTx;
        e.minuteStart = r.minuteStart;
        e.minuteRx = r.minuteRx;
        e.minuteTx = r.minuteTx;
        e.persistedAt = now();
        m_entries.insert(r.clientId, e);
    }
    return {};
}

WgTrafficStateRow WgTrafficBook::rowOf(qint64 clientId, const Entry &e, qint64 at)
{
    WgTrafficStateRow r;
    r.clientId = clientId;
    r.instance = e.ledger.instance;
    r.present = e.ledger.present;
    r.lastRx = e.ledger.lastRx;
    r.lastTx = e.ledger.lastTx;
    r.totalRx = e.ledger.totalRx;
    r.totalTx = e.ledger.totalTx;
    r.minuteStart = e.minuteStart;
    r.minuteRx = e.minuteRx;
    r.minuteTx = e.minuteTx;
    r.updatedAt = at;
    return r;
}

bool WgTrafficBook::isDue(qint64 clientId, qint64 persistedAt, qint64 at)
{
    // Due once per kPersistMs, when the clock passes the client's own phase
    // (however its last write came about), so the rows of many busy
    // clients spread over the samples instead of all falling due at once.
    const qint64 phase = (clientId * 7919) % kPersistMs;
    const auto slot = [phase](qint64 t) { return trafficFloor(t - phase, kPersistMs); };
    return slot(at) > slot(persistedAt);
}

WgTrafficSample WgTrafficSample::absentBefore(const QSet<qint64> &clients)
{
    WgTrafficSample absent;
    absent.taken = true;
    absent.exists = true;
    absent.beforeChange = true;
    absent.changingClients = clients;
    return absent;
}

WgTrafficSample WgTrafficSample::lastOf(const WgTrafficSample &whole,
                                        const QHash<QString, qint64> &removed)
{
    WgTrafficSample last;
    last.taken = true;
    last.exists = true;
    last.instance = whole.instance;
    last.beforeChange = true;
    last.onlySome = true;
    for (auto it = removed.cbegin(); it != removed.cend(); ++it) {
        last.changingClients.insert(it.value());
        last.removedKeys.insert(it.key());
    }
    for (const Peer &peer : whole.peers)
        if (last.removedKeys.contains(peer.publicKey))
            last.peers << peer;
    return last;
}

Status WgTrafficBook::account(qint64 serverId, const WgTrafficSample &sample)
{
    QMutexLocker lock(&m_mutex);
    if (!sample.taken)
        return {};
    auto keys = keysOf(serverId, sample);
    if (!keys)
        return keys.error();
    const qint64 at = now();
    const qint64 minute = trafficFloor(at, kTrafficMinuteMs);

    // Worked on copies: the cache changes only once the store has it.
    QHash<qint64, Entry> updated;
    QList<qint64> toWrite;
    QList<WgEndpointSeen> seen;
    QSet<qint64> present;
    const auto entryFor = [&](qint64 id) {
        auto cached = m_entries.constFind(id);
        if (cached != m_entries.cend())
            return *cached;
        Entry fresh;
        fresh.persistedAt = at;
        return fresh;
    };
    // A sample before a change of some clients books only theirs: the other
    // peers stay on the interface with their counters, and their next
    // sample books them exactly (what a change costs stays flat however many
    // peers the server has).
    const bool onlyChanging = sample.beforeChange && !sample.changingClients.isEmpty();
    const auto settle = [&](qint64 id, Entry &e, bool structural) {
        const bool changing = sample.beforeChange && (sample.changingClients.isEmpty() ||
                                                      sample.changingClients.contains(id));
        if (e.dirty && (changing || structural || isDue(id, e.persistedAt, at)))
            toWrite.append(id);
        updated.insert(id, e);
    };
    if (sample.exists) {
        for (const WgTrafficSample::Peer &peer : sample.peers) {
            const qint64 id = keys.value()->value(peer.publicKey, 0);
            if (id == 0 || present.contains(id) ||
                (onlyChanging && !sample.changingClients.contains(id) &&
                 !sample.removedKeys.contains(peer.publicKey)))
                continue;
            present.insert(id);
            Entry e = entryFor(id);
            e.serverId = serverId;
            const hm::vpn::WgPeerLedger before = e.ledger;
            const hm::vpn::WgTrafficDelta d =
                hm::vpn::advanceLedger(e.ledger, sample.instance, peer.rx, peer.tx);
            if (d.counterReset)
                qCWarning(lcServer).noquote()
                    << "WireGuard client" << id
                    << "counters went down on the same interface: its peer was removed and "
                       "added back outside HiveMind; bytes since the previous sample are lost";
            const bool structural =
                before.instance != e.ledger.instance || before.present != e.ledger.present;
            if (structural || before.lastRx != e.ledger.lastRx || before.lastTx != e.ledger.lastTx)
                e.dirty = true;
            if (d.rx != 0 || d.tx != 0) {
                if (minute > e.minuteStart) {
                    if (e.minuteRx != 0 || e.minuteTx != 0)
                        e.pending.append({id, e.minuteStart, e.minuteRx, e.minuteTx});
                    e.minuteStart = minute;
                    e.minuteRx = 0;
                    e.minuteTx = 0;
                }
                e.minuteRx += d.rx;
                e.minuteTx += d.tx;
            }
            if (!peer.endpoint.isEmpty() &&
                (peer.endpoint != e.lastEndpoint || at - e.endpointWrittenAt >= kEndpointTouchMs)) {
                seen.append({id, peer.endpoint, at});
                // The next touch at this client's own phase.
                const bool first = e.lastEndpoint.isEmpty();
                e.lastEndpoint = peer.endpoint;
                e.endpointWrittenAt = first ? at - (id * 7919) % kEndpointTouchMs : at;
            }
            settle(id, e, structural);
        }
    }
    const auto markAbsent = [&](qint64 id) {
        if (present.contains(id) || !m_entries.contains(id))
            return;
        Entry e = m_entries.value(id);
        const bool structural = e.ledger.present;
        if (structural) {
            hm::vpn::markAbsent(e.ledger);
            e.dirty = true;
        }
        settle(id, e, structural);
    };
    if (onlyChanging) {
        for (const qint64 id : sample.changingClients) {
            const auto known = m_entries.constFind(id);
            if (known != m_entries.cend() && known->serverId == serverId)
                markAbsent(id);
        }
    } else {
        for (auto it = keys.value()->cbegin(); it != keys.value()->cend(); ++it)
            markAbsent(it.value());
    }
    if (toWrite.isEmpty() && seen.isEmpty()) {
        for (auto it = updated.cbegin(); it != updated.cend(); ++it)
            m_entries.insert(it.key(), it.value());
        return {};
    }
    return persist(updated, toWrite, seen, at);
}

Status WgTrafficBook::persist(QHash<qint64, Entry> &entries, const QList<qint64> &ids,
                              const QList<WgEndpointSeen> &seen, qint64 at)
{
    QList<WgTrafficStateRow> states;
    QList<WgTrafficBucket> closed;
    qint64 earliest = std::numeric_limits<qint64>::max();
    states.reserve(ids.size());
    for (const qint64 id : ids) {
        const Entry &e = entries[id];
        states.append(rowOf(id, e, at));
        for (const WgTrafficBucket &b : e.pending) {
            closed.append(b);
            earliest = qMin(earliest, b.bucket);
        }
    }
    // The memory is what the counters said: it goes on even when the store
    // cannot take it now (its rows stay dirty, the minutes pending, and the
    // next write takes them); otherwise the next sample would count from a
    // state that is already past.
    const auto keepInMemory = [&](Status failed) {
        for (auto it = entries.cbegin(); it != entries.cend(); ++it)
            m_entries.insert(it.key(), it.value());
        return failed;
    };
    auto tx = m_writer.begin();
    if (!tx)
        return keepInMemory(tx.error());
    if (Status s = saveWgTrafficStates(m_writer, states); !s)
        return keepInMemory(s);
    if (Status s = addWgTrafficBuckets(m_writer, 1, closed); !s)
        return keepInMemory(s);
    if (Status s = saveWgEndpoints(m_writer, seen, kEndpointsKept); !s)
        return keepInMemory(s);
    if (!closed.isEmpty())
        if (Status s = reopenMarks(earliest); !s)
            return keepInMemory(s);
    if (Status s = tx.value().commit(); !s)
        return keepInMemory(s);
    for (const qint64 id : ids) {
        Entry &e = entries[id];
        e.pending.clear();
        e.dirty = false;
        e.persistedAt = at;
    }
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        m_entries.insert(it.key(), it.value());
    return {};
}

Result<const QHash<QString, qint64> *> WgTrafficBook::keysOf(qint64 serverId,
                                                             const WgTrafficSample &sample)
{
    auto cached = m_keys.constFind(serverId);
    bool fresh = cached != m_keys.cend();
    if (fresh && sample.exists)
        for (const WgTrafficSample::Peer &peer : sample.peers)
            if (!cached->contains(peer.publicKey)) {
                fresh = false;
                break;
            }
    if (!fresh) {
        auto read = wgClientIdsByKey(m_writer, serverId);
        if (!read)
            return read.error();
        m_keys.insert(serverId, std::move(read.value()));
    }
    return &*m_keys.constFind(serverId);
}

void WgTrafficBook::forgetClient(qint64 clientId)
{
    QMutexLocker lock(&m_mutex);
    m_entries.remove(clientId);
    // Its key may come back on another client (deleted, then imported).
    for (auto &keys : m_keys)
        keys.removeIf([clientId](const auto &it) { return it.value() == clientId; });
}

void WgTrafficBook::forgetServer(qint64 serverId)
{
    QMutexLocker lock(&m_mutex);
    m_entries.removeIf([serverId](const auto &it) { return it.value().serverId == serverId; });
    m_keys.remove(serverId);
}

std::pair<qint64, qint64> WgTrafficBook::totals(qint64 clientId) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(clientId);
    if (it == m_entries.cend())
        return {0, 0};
    return {it->ledger.totalRx, it->ledger.totalTx};
}

std::pair<qint64, qint64> WgTrafficBook::grandTotals() const
{
    QMutexLocker lock(&m_mutex);
    std::pair<qint64, qint64> sum{0, 0};
    for (const Entry &entry : m_entries) {
        sum.first += entry.ledger.totalRx;
        sum.second += entry.ledger.totalTx;
    }
    return sum;
}

Status WgTrafficBook::reopenMarks(qint64 minuteMs)
{
    for (const int tier : {2, 3}) {
        const WgTrafficTier *t = trafficTierByNumber(tier);
        auto mark = wgTrafficMark(m_writer, tier);
        if (!mark)
            return mark.error();
        if (mark.value() && minuteMs < *mark.value())
            if (Status s = setWgTrafficMark(m_writer, tier, trafficFloor(minuteMs, t->lengthMs));
                !s)
                return s;
    }
    return {};
}

Status WgTrafficBook::maintain()
{
    QMutexLocker lock(&m_mutex);
    const qint64 at = now();
    const qint64 minute = trafficFloor(at, kTrafficMinuteMs);
    // Minutes of clients that went quiet are closed; rows that are dirty
    // and overdue (a server no longer sampled) are written.
    QHash<qint64, Entry> updated;
    QList<qint64> toWrite;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        const Entry &e = it.value();
        const bool quiet = e.minuteStart < minute && (e.minuteRx != 0 || e.minuteTx != 0);
        const bool overdue = e.dirty && at - e.persistedAt >= 2 * kPersistMs;
        if (!quiet && !overdue)
            continue;
        Entry next = e;
        if (quiet) {
            next.pending.append({it.key(), e.minuteStart, e.minuteRx, e.minuteTx});
            next.minuteStart = minute;
            next.minuteRx = 0;
            next.minuteTx = 0;
            next.dirty = true;
        }
        toWrite.append(it.key());
        updated.insert(it.key(), next);
    }
    if (!toWrite.isEmpty())
        if (Status s = persist(updated, toWrite, {}, at); !s)
            return s;
    std::optional<store::Transaction> tx;
    if (Status s = rollUp(at, tx); !s)
        return s;
    if (Status s = enforceRetention(at, tx); !s)
        return s;
    return tx ? tx->commit() : Status{};
}

Status WgTrafficBook::beginWrite(std::optional<store::Transaction> &tx)
{
    // Only this thread writes the traffic tables, so what was read before
    // the transaction still holds inside it.
    if (tx)
        return {};
    auto begun = m_writer.begin();
    if (!begun)
        return begun.error();
    tx.emplace(std::move(begun.value()));
    return {};
}

Status WgTrafficBook::rollUp(qint64 nowMs, std::optional<store::Transaction> &tx)
{
    // Minutes this far back are closed and stored: a busy client's rows are
    // written at least every kPersistMs, a quiet one's by maintain().
    qint64 sourceDone = trafficFloor(nowMs - kRollupLagMs, kTrafficMinuteMs);
    for (const int tier : {2, 3}) {
        const WgTrafficTier *t = trafficTierByNumber(tier);
        auto mark = wgTrafficMark(m_writer, tier);
        if (!mark)
            return mark.error();
        qint64 from = 0;
        if (mark.value()) {
            from = *mark.value();
        } else {
            auto oldest = wgOldestTrafficBucket(m_writer, tier - 1);
            if (!oldest)
                return oldest.error();
            if (!oldest.value())
                return {}; // nothing yet, nor in the tiers above
            from = trafficFloor(*oldest.value(), t->lengthMs);
        }
        const qint64 limit = trafficFloor(sourceDone, t->lengthMs);
        // Skip what holds nothing (a server that was off for a month).
        auto next = wgNextTrafficBucket(m_writer, tier - 1, from);
        if (!next)
            return next.error();
        if (next.value())
            from = qMax(from, qMin(limit, trafficFloor(*next.value(), t->lengthMs)));
        else
            from = qMax(from, limit);
        const qint64 to = qMin(limit, from + kTrafficRollupBuckets * t->lengthMs);
        if (to > from) {
            if (Status s = beginWrite(tx); !s)
                return s;
            if (Status s = rollUpWgTraffic(m_writer, tier, t->lengthMs, tier - 1, from, to); !s)
                return s;
            from = to;
        }
        if (!mark.value() || from != *mark.value()) {
            if (Status s = beginWrite(tx); !s)
                return s;
            if (Status s = setWgTrafficMark(m_writer, tier, from); !s)
                return s;
        }
        sourceDone = from;
    }
    return {};
}

Status WgTrafficBook::enforceRetention(qint64 nowMs, std::optional<store::Transaction> &tx)
{
    for (const WgTrafficTier &t : wgTrafficTiers()) {
        qint64 cutoff = nowMs - t.keepMs;
        // Only what the next tier holds already.
        if (t.number < 3) {
            auto next = wgTrafficMark(m_writer, t.number + 1);
            if (!next)
                return next.error();
            cutoff = qMin(cutoff, next.value().value_or(0));
        }
        auto oldest = wgOldestTrafficBucket(m_writer, t.number);
        if (!oldest)
            return oldest.error();
        if (!oldest.value() || *oldest.value() >= cutoff)
            continue;
        cutoff = qMin(cutoff, *oldest.value() + kTrafficDeleteBuckets * t.lengthMs);
        if (Status s = beginWrite(tx); !s)
            return s;
        if (auto gone = deleteWgTrafficBefore(m_writer, t.number, cutoff); !gone)
            return gone.error();
    }
    const qint64 endpointCutoff = nowMs - 365 * kTrafficDayMs;
    auto oldestEndpoint = wgOldestEndpointSeen(m_writer);
    if (!oldestEndpoint)
        return oldestEndpoint.error();
    if (!oldestEndpoint.value() || *oldestEndpoint.value() >= endpointCutoff)
        return {};
    if (Status s = beginWrite(tx); !s)
        return s;
    if (auto gone = deleteWgEndpointsBefore(m_writer, endpointCutoff); !gone)
        return gone.error();
    return {};
}

Result<QJsonObject> WgTrafficBook::history(const WgTrafficScope &scope, qint64 startMs,
                                           qint64 endMs, const QString &tierName)
{
    QMutexLocker lock(&m_mutex);
    if (endMs < startMs)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("end: before start"),
                     {{QStringLiteral("field"), QStringLiteral("end")}}};
    const qint64 at = now();
    const WgTrafficTier *tier = nullptr;
    if (!tierName.isEmpty()) {
        for (const WgTrafficTier &t : wgTrafficTiers())
            if (t.name == tierName)
                tier = &t;
        if (!tier)
            return Error{ErrorCode::ValidationError,
                         QStringLiteral("tier: one of 1m, 15m, 1h"),
                         {{QStringLiteral("field"), QStringLiteral("tier")}}};
    } else {
        for (const WgTrafficTier &t : wgTrafficTiers()) {
            tier = &t;
            if (startMs >= at - t.keepMs && (endMs - startMs) / t.lengthMs <= kMaxPoints)
                break;
        }
    }
    const qint64 from = trafficFloor(startMs, tier->lengthMs);

    // Each tier holds what is rolled up into it (before its mark); what is
    // newer is summed from the tier below, down to the 1-minute buckets and
    // the minutes in progress.
    QMap<qint64, std::pair<qint64, qint64>> sums;
    const auto addPoints = [&sums](const QList<WgTrafficPoint> &points) {
        for (const WgTrafficPoint &p : points) {
            auto &slot = sums[p.bucket];
            slot.first += p.rx;
            slot.second += p.tx;
        }
    };
    qint64 lower = from;
    for (int number = tier->number; number >= 1; --number) {
        qint64 upper = endMs + 1; // exclusive
        if (number > 1) {
            auto mark = wgTrafficMark(m_db, number);
            if (!mark)
                return mark.error();
            upper = qMin(upper, mark.value().value_or(lower));
        }
        if (upper > lower) {
            auto points = wgTrafficPoints(m_db, scope, number, lower, upper - 1,
                                          number == tier->number ? 0 : tier->lengthMs);
            if (!points)
                return points.error();
            addPoints(points.value());
        }
        lower = qMax(lower, upper);
    }
    qint64 totalRx = 0;
    qint64 totalTx = 0;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        const bool inScope = scope.clientId ? it.key() == *scope.clientId
                                            : it.value().serverId == scope.serverId.value_or(-1);
        if (!inScope)
            continue;
        totalRx += it.value().ledger.totalRx;
        totalTx += it.value().ledger.totalTx;
        // What is not stored yet: closed minutes waiting for their row, and
        // the minute in progress.
        const Entry &e = it.value();
        QList<WgTrafficPoint> unsaved;
        for (const WgTrafficBucket &b : e.pending)
            unsaved.append({b.bucket, b.rx, b.tx});
        if (e.minuteRx != 0 || e.minuteTx != 0)
            unsaved.append({e.minuteStart, e.minuteRx, e.minuteTx});
        for (const WgTrafficPoint &p : unsaved)
            if (p.bucket >= from && p.bucket <= endMs)
                addPoints({{trafficFloor(p.bucket, tier->lengthMs), p.rx, p.tx}});
    }
    QJsonArray items;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        items.append(QJsonObject{{QStringLiteral("time"), auth::isoOrNull(it.key())},
                                 {QStringLiteral("rx_bytes"), double(it.value().first)},
                                 {QStringLiteral("tx_bytes"), double(it.value().second)}});
    return QJsonObject{{QStringLiteral("tier"), tier->name},
                       {QStringLiteral("bucket_seconds"), double(tier->lengthMs / 1000)},
                       {QStringLiteral("start"), auth::isoOrNull(startMs)},
                       {QStringLiteral("end"), auth::isoOrNull(endMs)},
                       {QStringLiteral("total_rx_bytes"), double(totalRx)},
                       {QStringLiteral("total_tx_bytes"), double(totalTx)},
                       {QStringLiteral("items"), items}};
}

Result<QJsonObject> WgTrafficBook::endpoints(qint64 clientId, int limit)
{
    auto rows = wgEndpointsOf(m_db, clientId, limit);
    if (!rows)
        return rows.error();
    QJsonArray items;
    for (const WgEndpointRow &r : rows.value())
        items.append(QJsonObject{{QStringLiteral("endpoint"), r.endpoint},
                                 {QStringLiteral("first_seen"), auth::isoOrNull(r.firstSeen)},
                                 {QStringLiteral("last_seen"), auth::isoOrNull(r.lastSeen)}});
    return QJsonObject{{QStringLiteral("items"), items}};
}

} // namespace hm::server::vpn
