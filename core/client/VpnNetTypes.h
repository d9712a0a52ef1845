#pragma once

// Typed answers of the IPv6 prefix pool routes (/api/v1/ipv6, docs/api.md
// "IPv6 prefix pools") and the BGP routes and announced prefixes
// (/api/v1/bgp, docs/api.md "BGP").
// Pool counts keep the server's exact decimal text: a pool can hold 2^128
// prefixes, beyond any integer or double.

#include "client/ApiTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::client {

struct Ipv6AllocationRow
{
    qint64 id = 0;
    qint64 poolId = 0;
    qint64 clientId = 0; // 0: none (free name, or the client was deleted)
    QString clientName;
    QString allocatedPrefix;
    QString status; // active
    QDateTime allocatedAt;
    QDateTime expiresAt; // invalid: never
    QString description;
};

struct Ipv6PoolRow
{
    qint64 id = 0;
    QString name;
    QString prefix;        // canonical, "2001:db8::/32"
    int prefixLength = 0;  // the length handed out
    QString totalExact;     // total_prefixes_exact
    QString availableExact; // available_prefixes_exact
    qint64 allocatedPrefixes = 0;
    qint64 reservedPrefixes = 0;
    bool autoAssign = true;
    QString status; // active, disabled
    QString description;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<Ipv6AllocationRow> allocations; // the newest 20 only
};

// POST sends the fields set; PUT the fields set. An empty description goes
// as null.
struct Ipv6PoolChange
{
    std::optional<QString> name;
    std::optional<QString> prefix;
    std::optional<int> prefixLength;
    std::optional<QString> description;
    std::optional<QString> status;
    std::optional<bool> autoAssign;
    std::optional<qint64> reservedPrefixes;
    QJsonObject toJson() const;
};

struct Ipv6PoolFilter
{
    QString status;
    QString search;
    PageRequest page;
};

// A delegation: clientId (a WireGuard client) or clientName; customPrefix
// empty: the lowest free one.
struct Ipv6AllocationRequest
{
    qint64 poolId = 0;
    qint64 clientId = 0;
    QString clientName;
    QString customPrefix;
    QString description;
    QDateTime expiresAt; // invalid: not sent
    QJsonObject toJson() const;
};

struct Ipv6AllocationFilter
{
    qint64 poolId = 0;
    qint64 clientId = 0;
    QString status;
    QString search;
    PageRequest page;
};

struct BgpSessionRow
{
    qint64 id = 0;
    QString name;
    QString neighbor;
    qint64 remoteAs = 0;
    qint64 localAs = 0;
    QString status; // established, idle, active, …, unavailable
    qint64 uptime = 0; // seconds while established
    qint64 routesReceived = 0;
    qint64 routesAdvertised = 0;
    QDateTime lastUpdate;
    QString lastError;
    // While unavailable, why as a code (BIRD_NOT_CONFIGURED, BIRD_UNREACHABLE,
    // NOT_IN_BIRD, STARTING, BIRD_ERROR); empty from an older server.
    QString unavailableReason;
    bool enabled = true;
    QString description;
    QString birdProtocol;
    bool hasPassword = false; // the password itself never comes
    int holdTime = 90;
    int keepalive = 30;
    int connectRetry = 120;
    int multihop = 0; // 0: direct, else the TTL
    bool ttlSecurity = false;
    QString ipv6NextHop; // empty: BIRD chooses
    qint64 routesImported = 0;
    qint64 routesFiltered = 0;
    qint64 routesExported = 0;
    qint64 routesPreferred = 0;
    qint64 updatesReceived = 0; // BIRD's route change counters
    qint64 updatesSent = 0;
    QStringList warnings; // codes, e.g. IPV6_NEXT_HOP_MISSING
    QDateTime createdAt;
    QDateTime updatedAt;
};

// The fields set. password: an empty text removes it (PUT); unset keeps it.
struct BgpSessionChange
{
    std::optional<QString> name;
    std::optional<QString> neighbor;
    std::optional<qint64> remoteAs;
    std::optional<qint64> localAs;
    std::optional<QString> password;
    std::optional<int> holdTime;
    std::optional<int> keepalive;
    std::optional<int> connectRetry;
    std::optional<int> multihop;
    std::optional<bool> ttlSecurity;
    std::optional<bool> enabled;
    std::optional<QString> description;
    std::optional<QString> ipv6NextHop; // empty: BIRD chooses
    QJsonObject toJson() const;
};

struct BgpSessionFilter
{
    QString status;
    QString neighbor;
    QString search;
    PageRequest page;
};

struct BgpRunState
{
    qint64 id = 0;
    bool enabled = false;
};

struct BgpRouteRow
{
    QString prefix;
    QString nextHop;
    QString asPath;
    QString origin;
    std::optional<qint64> localPref;
    std::optional<qint64> med;
    QStringList communities;
    QString protocol;
    qint64 sessionId = 0; // 0: HiveMind's own static route
    QString type;
    QString since;
    bool primary = false;
};

// A prefix announced on every session besides the active IPv6 pools'
// (GET /api/v1/bgp/announcements).
struct BgpAnnouncement
{
    qint64 id = 0;
    QString prefix; // canonical, "198.51.100.0/24"
    QString family; // ipv4, ipv6
    QString description;
    QDateTime createdAt;
};

struct BgpRouteFilter
{
    qint64 sessionId = 0;
    QString prefix;
    PageRequest page;
};

namespace json {
Ipv6PoolRow ipv6Pool(const QJsonObject &o);
Ipv6AllocationRow ipv6Allocation(const QJsonObject &o);
BgpSessionRow bgpSession(const QJsonObject &o);
BgpRouteRow bgpRoute(const QJsonObject &o);
BgpAnnouncement bgpAnnouncement(const QJsonObject &o);
} // namespace json

} // namespace hm::client
