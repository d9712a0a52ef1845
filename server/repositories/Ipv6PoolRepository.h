#pragma once

// Every SQL string of ipv6_pools and ipv6_allocations (schema 26; docs/api.md
// "IPv6 prefix pools"). The rules (canonical prefixes, overlaps, which
// prefix is handed out) are server/services/vpn/Ipv6PoolService.

#include "common/Result.h"
#include "store/PagedQuery.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct Ipv6PoolRow
{
    qint64 id = 0;
    QString name;
    QString prefix;        // canonical, "2001:db8::/32"
    int prefixLength = 64; // of the delegated prefixes
    qint64 reservedPrefixes = 0;
    bool autoAssign = true;
    QString status = QStringLiteral("active"); // "active" or "disabled"
    QString description;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 allocatedCount = 0; // read only: the pool's allocations
};

struct Ipv6AllocationRow
{
    qint64 id = 0;
    qint64 poolId = 0;
    std::optional<qint64> clientId; // a WireGuard client
    QString clientName;
    QString prefix; // canonical, "2001:db8:0:1::/64"
    QString status = QStringLiteral("active");
    QString description;
    qint64 allocatedAt = 0;
    std::optional<qint64> expiresAt;
};

struct Ipv6PoolFilter
{
    QString search; // name, prefix or description contains it
    QString status; // "active" / "disabled"; empty: any
    qint64 limit = 20;
    qint64 offset = 0;
};

struct Ipv6AllocationFilter
{
    std::optional<qint64> poolId;
    std::optional<qint64> clientId;
    QString status; // "active"; empty: any
    QString search; // client name, prefix or description contains it
    qint64 limit = 20;
    qint64 offset = 0;
};

// Ordered by id.
Result<store::Page<Ipv6PoolRow>> listIpv6Pools(store::Database &db, const Ipv6PoolFilter &filter);
Result<std::optional<Ipv6PoolRow>> ipv6PoolById(store::Database &db, qint64 id);
// Every pool (for the overlap check), by id.
Result<QList<Ipv6PoolRow>> allIpv6Pools(store::Database &db);
// Conflict (details.field "name" or "prefix") when taken. The new id.
Result<qint64> insertIpv6Pool(store::Database &db, const Ipv6PoolRow &row);
// Everything but id and created_at; Conflict as insertIpv6Pool.
Status updateIpv6Pool(store::Database &db, const Ipv6PoolRow &row);
// 0 when there was no such pool; its allocations go with it.
Result<int> deleteIpv6Pool(store::Database &db, qint64 id);

Result<store::Page<Ipv6AllocationRow>> listIpv6Allocations(store::Database &db,
                                                           const Ipv6AllocationFilter &filter);
Result<std::optional<Ipv6AllocationRow>> ipv6AllocationById(store::Database &db, qint64 id);
// Every allocation of a pool, by id.
Result<QList<Ipv6AllocationRow>> ipv6AllocationsOfPool(store::Database &db, qint64 poolId);
// The pool's newest `limit` allocations, newest first.
Result<QList<Ipv6AllocationRow>> recentIpv6Allocations(store::Database &db, qint64 poolId,
                                                       int limit);
// Every allocation naming a client of the WireGuard server, by id.
Result<QList<Ipv6AllocationRow>> ipv6AllocationsOfWgServer(store::Database &db, qint64 serverId);
// Every allocation naming the client, by id.
Result<QList<Ipv6AllocationRow>> ipv6AllocationsOfClient(store::Database &db, qint64 clientId);
// Allocations whose expiry is at or before `nowMs`, oldest expiry first.
Result<QList<Ipv6AllocationRow>> expiredIpv6Allocations(store::Database &db, qint64 nowMs,
                                                        int limit);
// Conflict (details.field "custom_prefix", reason "overlapping") when the
// prefix is taken. The new id.
Result<qint64> insertIpv6Allocation(store::Database &db, const Ipv6AllocationRow &row);
Result<int> deleteIpv6Allocation(store::Database &db, qint64 id);

} // namespace hm::server::repositories
