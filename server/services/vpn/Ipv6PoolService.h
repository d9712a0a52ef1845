#pragma once

// IPv6 prefix pools and the prefixes delegated from them (seed 001
// "IPv6管理"; docs/api.md "IPv6 prefix pools"). A pool is a canonical IPv6
// prefix handed out as prefixes of one length, the first N of them kept
// back; pools never overlap. Every allocation builds a core/vpn PrefixPool
// from the pool row and its stored allocations inside the transaction that
// inserts it, and the unique index on the allocated prefix is the last
// guard. Counts are computed from lengths, never by enumerating. Anyone
// signed in reads; only administrators change (audited). An allocation
// naming a WireGuard client puts the prefix into that client's peer on its
// server (AllowedIPs and a route), re-synced when the server runs.
// Server thread.

#include "common/Result.h"
#include "server/repositories/Ipv6PoolRepository.h"
#include "server/services/auth/TokenService.h"

#include <QJsonObject>
#include <QTimer>
#include <functional>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::auth {
struct Principal;
}

namespace hm::server::vpn {

class WireGuardService;

// What a create or update gives (unset: keep, or the default on create).
struct Ipv6PoolDetails
{
    std::optional<QString> name;
    std::optional<QString> prefix;
    std::optional<int> prefixLength;
    std::optional<QString> description;
    std::optional<bool> autoAssign;
    std::optional<qint64> reservedPrefixes;
    std::optional<QString> status; // "active" or "disabled"
};

struct Ipv6AllocationDetails
{
    std::optional<qint64> poolId;
    std::optional<qint64> clientId; // a WireGuard client: its name is used
    std::optional<QString> clientName;
    std::optional<QString> description;
    std::optional<bool> autoAssign;
    std::optional<QString> customPrefix;
    std::optional<qint64> expiresAt;
};

class Ipv6PoolService
{
public:
    explicit Ipv6PoolService(store::Database &db);

    // Re-synced when an allocation names one of its clients (null: none).
    void setWireGuard(WireGuardService *wireguard) { m_wireguard = wireguard; }
    // Called after a pool is created, changed or deleted (BgpService
    // re-applies BIRD's configuration: the active pools are announced).
    void setPoolsChanged(std::function<void()> changed) { m_poolsChanged = std::move(changed); }

    Result<store::Page<repositories::Ipv6PoolRow>>
    listPools(const repositories::Ipv6PoolFilter &filter);
    Result<repositories::Ipv6PoolRow> pool(qint64 id);
    Result<repositories::Ipv6PoolRow> createPool(const auth::Principal &caller,
                                                 const auth::ClientInfo &client,
                                                 const Ipv6PoolDetails &details);
    Result<repositories::Ipv6PoolRow> updatePool(const auth::Principal &caller,
                                                 const auth::ClientInfo &client, qint64 id,
                                                 const Ipv6PoolDetails &details);
    // CONFLICT while the pool holds allocations, unless `force` releases
    // them.
    Status removePool(const auth::Principal &caller, const auth::ClientInfo &client, qint64 id,
                      bool force);

    Result<store::Page<repositories::Ipv6AllocationRow>>
    listAllocations(const repositories::Ipv6AllocationFilter &filter);
    Result<repositories::Ipv6AllocationRow> allocation(qint64 id);
    Result<repositories::Ipv6AllocationRow> allocate(const auth::Principal &caller,
                                                     const auth::ClientInfo &client,
                                                     const Ipv6AllocationDetails &details);
    Status release(const auth::Principal &caller, const auth::ClientInfo &client, qint64 id);

    // As the API shows a pool: seed 001's fields, exact counts and the
    // newest kRecentAllocations allocations.
    Result<QJsonObject> poolJson(const repositories::Ipv6PoolRow &row);
    static QJsonObject allocationJson(const repositories::Ipv6AllocationRow &row);
    static constexpr int kRecentAllocations = 20;

    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    // Releases the allocations whose expires_at has come (audited as
    // IPV6_PREFIX_EXPIRED; the client's server re-synced without the
    // prefix). A timer calls it every kExpiryCheckMs; how many went.
    Result<int> releaseExpired();
    static constexpr int kExpiryCheckMs = 5000;

private:
    qint64 now() const;
    Result<repositories::Ipv6PoolRow> validatedPool(repositories::Ipv6PoolRow row,
                                                    const Ipv6PoolDetails &details,
                                                    bool hasAllocations);
    void resyncClient(const std::optional<qint64> &clientId);

    store::Database &m_db;
    WireGuardService *m_wireguard = nullptr;
    std::function<qint64()> m_now;
    std::function<void()> m_poolsChanged;
    QTimer m_expiryTimer;
};

} // namespace hm::server::vpn
