#pragma once

// Every SQL string of the WireGuard traffic tables (schema 28; docs/api.md
// "WireGuard traffic"). The rules — what counts as new bytes, when a minute
// closes, which tier answers a range — are
// server/services/vpn/WgTrafficBook.

#include "common/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct WgTrafficStateRow
{
    qint64 clientId = 0;
    qint64 serverId = 0; // read only (the client's server)
    QString instance;
    bool present = false;
    qint64 lastRx = 0;
    qint64 lastTx = 0;
    qint64 totalRx = 0;
    qint64 totalTx = 0;
    qint64 minuteStart = 0; // ms; the minute whose bytes minuteRx/Tx hold
    qint64 minuteRx = 0;
    qint64 minuteTx = 0;
    qint64 updatedAt = 0;
};

// Bytes of one client in one bucket of a tier.
struct WgTrafficBucket
{
    qint64 clientId = 0;
    qint64 bucket = 0; // ms, the bucket's start
    qint64 rx = 0;
    qint64 tx = 0;
};

// A tier's bytes per bucket start over the clients asked for.
struct WgTrafficPoint
{
    qint64 bucket = 0;
    qint64 rx = 0;
    qint64 tx = 0;
};

// Which clients a traffic query covers: one client, or every client of a
// server.
struct WgTrafficScope
{
    std::optional<qint64> clientId;
    std::optional<qint64> serverId;
};

struct WgEndpointRow
{
    QString endpoint;
    qint64 firstSeen = 0;
    qint64 lastSeen = 0;
};

// Every client's state, with its server.
Result<QList<WgTrafficStateRow>> wgTrafficStates(store::Database &db);
// public key -> client id, for the clients of a server.
Result<QHash<QString, qint64>> wgClientIdsByKey(store::Database &db, qint64 serverId);
// Writes the states (a client deleted meanwhile is skipped). Inside the
// caller's transaction.
Status saveWgTrafficStates(store::Database &db, const QList<WgTrafficStateRow> &rows);
// Adds the bytes to the buckets of `tier` (creating them; a client deleted
// meanwhile is skipped). Inside the caller's transaction.
Status addWgTrafficBuckets(store::Database &db, int tier, const QList<WgTrafficBucket> &buckets);
// Records that clients were seen at endpoints at a time; each client keeps
// its `keep` most recently seen endpoints. Inside the caller's transaction.
struct WgEndpointSeen
{
    qint64 clientId = 0;
    QString endpoint;
    qint64 at = 0;
};
Status saveWgEndpoints(store::Database &db, const QList<WgEndpointSeen> &seen, int keep);

// A rollup tier's mark (how far it is rolled up, ms), if set.
Result<std::optional<qint64>> wgTrafficMark(store::Database &db, int tier);
Status setWgTrafficMark(store::Database &db, int tier, qint64 doneUntil);
// The oldest bucket start of a tier, if any.
Result<std::optional<qint64>> wgOldestTrafficBucket(store::Database &db, int tier);
// The oldest last_seen of the endpoint history (none: empty); a scan, once
// a maintenance pass, so that the pass takes no write lock for nothing.
Result<std::optional<qint64>> wgOldestEndpointSeen(store::Database &db);
// The first bucket start of a tier at or after `fromMs`, if any.
Result<std::optional<qint64>> wgNextTrafficBucket(store::Database &db, int tier, qint64 fromMs);
// Rebuilds the buckets of `tier` (length `lengthMs`) whose starts lie in
// [fromMs, toMs) from the buckets of `sourceTier`. Inside the caller's
// transaction.
Status rollUpWgTraffic(store::Database &db, int tier, qint64 lengthMs, int sourceTier,
                       qint64 fromMs, qint64 toMs);
// Deletes a tier's buckets that start before `beforeMs`. How many.
Result<int> deleteWgTrafficBefore(store::Database &db, int tier, qint64 beforeMs);
Result<int> deleteWgEndpointsBefore(store::Database &db, qint64 beforeMs);

// The bytes per bucket of `tier` in [fromMs, toMs], oldest first. With
// `regroupMs` the buckets are summed into spans of that length (a coarser
// tier computed from a finer one).
Result<QList<WgTrafficPoint>> wgTrafficPoints(store::Database &db, const WgTrafficScope &scope,
                                              int tier, qint64 fromMs, qint64 toMs,
                                              qint64 regroupMs = 0);
// A client's endpoints, most recently seen first.
Result<QList<WgEndpointRow>> wgEndpointsOf(store::Database &db, qint64 clientId, int limit);

} // namespace hm::server::repositories
