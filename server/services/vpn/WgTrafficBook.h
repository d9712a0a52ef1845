#pragma once

// WireGuard traffic kept exact, in tiers (issue 36 point 5; docs/api.md
// "WireGuard traffic").
//
// Every `wg show dump` the server takes of an interface becomes a sample
// (the periodic one, the one before each start, re-sync or stop, the one
// behind GET …/status), and account() adds what is new in it to each
// client's totals by the rule of core/vpn WgTrafficLedger — the interface's
// instance and the peer's presence, never a guess from the numbers. The
// bytes of the minute in progress ride in the client's state row; when the
// minute is over they become its 1-minute bucket. maintain() closes the
// minutes of clients that went quiet, rolls 1-minute buckets up into
// 15-minute and 1-hour ones (a mark per tier says how far), and deletes
// what is past each tier's retention, a bounded amount per pass. Buckets
// exist only for minutes with traffic.
//
// What is stored is always a consistent snapshot: a client's state row
// (its last counters, totals, the open minute) and the buckets written with
// it. The memory may be ahead: a client's row is written when its interface
// is about to change (a sample taken before a start, re-sync or stop:
// committed before the change is made, so a stop answers after its last
// bytes are stored), when the interface's instance or the peer's presence
// changed, and otherwise at most once a minute, each client at its own
// phase (10,000 busy peers write about 800 rows per sample, not 10,000).
// A server killed at any moment finds on restart the counters of the last
// snapshot, and the interface, still running on the same instance, counts
// on from there: nothing is lost or counted twice; at most a minute of
// bytes moves into the minute of the restart.
//
// Threads: with a `writer` connection, load(), account() and maintain()
// (every write) run on the thread that owns it — the WireGuard service's
// worker, where the samples are taken, so a sample is stored before the
// change behind it is applied and 10,000 rows are never written on the
// server thread — and the reads (history, endpoints, totals) on the server
// thread through `db`. One mutex makes each call see the other's work
// whole (a history never sees a minute both pending and stored).

#include "common/Result.h"
#include "server/repositories/WgTrafficRepository.h"
#include "store/Transaction.h"
#include "vpn/WgTrafficLedger.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QString>
#include <functional>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::vpn {

// What one `wg show dump` saw of an interface.
struct WgTrafficSample
{
    bool taken = false;  // false: nothing was read (no backend, an error)
    bool exists = false; // the interface was there
    // Taken just before the interface or its peers change: what it shows is
    // stored before account() returns, whatever the phase.
    bool beforeChange = false;
    // With beforeChange: the clients whose peers the change may remove (a
    // change of those clients); empty: any (a change of the interface).
    // Only their counters are stored at once: the other peers stay, with
    // their counters, and keep their own cadence (issue 36: one client
    // changed among 10,000 busy ones writes its row, not 10,000).
    QSet<qint64> changingClients;
    // With changingClients: the other peers the change's apply removes, by
    // public key. The worker applies what is stored when it comes to the
    // change, so changes stored meanwhile go with it (a second client
    // disabled right behind the first): their peers' counters are stored
    // before they go too.
    QSet<QString> removedKeys;
    // Already given to WgTrafficBook::account() (on the worker).
    bool booked = false;
    // Holds only the peers of the changing clients (read out of the dump
    // for a change that removes a few), not every peer of the interface.
    bool onlySome = false;
    QString instance; // vpn::LinkState::instance
    struct Peer
    {
        QString publicKey;
        qint64 rx = 0;
        qint64 tx = 0;
        QString endpoint;           // "host:port" ("[v6]:port"); empty: none yet
        qint64 latestHandshake = 0; // unix seconds; 0: never
    };
    QList<Peer> peers;

    // Just before the peers of `clients` are added: they are not on the
    // interface, as a sample would show without reading it (their new
    // counters start from zero, not on from the old ones).
    static WgTrafficSample absentBefore(const QSet<qint64> &clients);
    // Just before the peers `removed` (public key → client) are taken off:
    // their last counters as `whole` (a sample of every peer) read them.
    static WgTrafficSample lastOf(const WgTrafficSample &whole,
                                  const QHash<QString, qint64> &removed);
};

// A tier of the history: its number in wg_traffic_buckets, its bucket
// length and how long it is kept.
struct WgTrafficTier
{
    int number;
    QString name; // "1m", "15m", "1h"
    qint64 lengthMs;
    qint64 keepMs;
};
const QList<WgTrafficTier> &wgTrafficTiers();

class WgTrafficBook
{
public:
    // `writer`: the connection the writes go through (null: `db`).
    explicit WgTrafficBook(store::Database &db, store::Database *writer = nullptr);

    // Reads every client's state (construction does not touch the store).
    Status load();
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    // Adds what `sample` of server `serverId`'s interface shows (stored as
    // the class comment says).
    Status account(qint64 serverId, const WgTrafficSample &sample);
    // A client or server is gone (its rows went with it).
    void forgetClient(qint64 clientId);
    void forgetServer(qint64 serverId);

    // Closes quiet minutes, rolls up, enforces retention.
    Status maintain();

    // Everything counted for a client so far: {rx, tx}.
    std::pair<qint64, qint64> totals(qint64 clientId) const;
    // The same summed over every client there is: {rx, tx}.
    std::pair<qint64, qint64> grandTotals() const;

    // GET …/traffic: the bytes per bucket in [startMs, endMs] for a client
    // or a server's clients, from `tierName` or (empty) the finest tier that
    // keeps `startMs` with at most kMaxPoints buckets.
    // {tier, bucket_seconds, start, end, total_rx_bytes, total_tx_bytes,
    // items: [{time, rx_bytes, tx_bytes}]}; VALIDATION_ERROR for a tier that
    // does not exist.
    Result<QJsonObject> history(const repositories::WgTrafficScope &scope, qint64 startMs,
                                qint64 endMs, const QString &tierName);
    static constexpr qint64 kMaxPoints = 1500;
    // GET …/endpoints: {items: [{endpoint, first_seen, last_seen}]}.
    Result<QJsonObject> endpoints(qint64 clientId, int limit);

    // How many endpoints a client keeps, and how often an unchanged one's
    // last_seen is written (each client at its own phase, so 10,000 of
    // them do not all write in the same sample).
    static constexpr int kEndpointsKept = 100;
    static constexpr qint64 kEndpointTouchMs = 300'000;
    // How often a busy client's state row is written at least, and how far
    // behind the clock rollups stay so its closed minutes are stored first.
    static constexpr qint64 kPersistMs = 60'000;
    static constexpr qint64 kRollupLagMs = 3 * 60'000;

private:
    struct Entry
    {
        qint64 serverId = 0;
        hm::vpn::WgPeerLedger ledger;
        qint64 minuteStart = 0;
        qint64 minuteRx = 0;
        qint64 minuteTx = 0;
        QString lastEndpoint;
        qint64 endpointWrittenAt = 0;
        // Closed minutes not stored yet (they go with the next row written).
        QList<repositories::WgTrafficBucket> pending;
        bool dirty = false; // differs from its stored row
        qint64 persistedAt = 0;
    };
    // Whether a busy client's row, last written at `persistedAt`, is due.
    static bool isDue(qint64 clientId, qint64 persistedAt, qint64 at);
    // Writes the entries' rows and their pending buckets in one transaction;
    // on success they are clean and in the cache.
    Status persist(QHash<qint64, Entry> &entries, const QList<qint64> &ids,
                   const QList<repositories::WgEndpointSeen> &seen, qint64 at);
    qint64 now() const;
    // public key -> client id of a server's clients, read once and again
    // when a sample shows a key it does not know.
    Result<const QHash<QString, qint64> *> keysOf(qint64 serverId, const WgTrafficSample &sample);
    static repositories::WgTrafficStateRow rowOf(qint64 clientId, const Entry &entry, qint64 at);
    // Moves the marks of the rollup tiers back to cover `minuteMs` (a
    // minute closed after its span was rolled up).
    Status reopenMarks(qint64 minuteMs);
    // The write transaction of a maintain() pass, begun at its first
    // write: most passes find nothing to roll up or delete (no WireGuard
    // at all, or a quiet minute), and then no write lock is taken on the
    // server thread, where BEGIN IMMEDIATE waited behind the writer's
    // batches (up to 250 ms at 10,000 agents reporting).
    Status beginWrite(std::optional<store::Transaction> &tx);
    Status rollUp(qint64 nowMs, std::optional<store::Transaction> &tx);
    Status enforceRetention(qint64 nowMs, std::optional<store::Transaction> &tx);

    store::Database &m_db;     // reads
    store::Database &m_writer; // load, account, maintain
    std::function<qint64()> m_now;
    mutable QMutex m_mutex;                       // m_entries, m_keys
    QHash<qint64, Entry> m_entries;               // by client id
    QHash<qint64, QHash<QString, qint64>> m_keys; // by server id
};

} // namespace hm::server::vpn
