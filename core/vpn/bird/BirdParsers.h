#pragma once

#include "common/Result.h"
#include "vpn/bird/BirdReply.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace hm::bird {

struct BirdRouteStats
{
    qint64 imported = 0;
    qint64 filtered = 0;
    qint64 exported = 0;
    qint64 preferred = 0;
    friend bool operator==(const BirdRouteStats &, const BirdRouteStats &) = default;
};

// A channel's "Route change stats": what the peer sent (the "received"
// column of the import rows) and what went out to it (the "accepted"
// column of the export rows). BIRD counts routes, not BGP messages: one
// UPDATE can carry many.
struct BirdUpdateStats
{
    qint64 updatesReceived = 0;
    qint64 withdrawsReceived = 0;
    qint64 updatesSent = 0;
    qint64 withdrawsSent = 0;
    friend bool operator==(const BirdUpdateStats &, const BirdUpdateStats &) = default;
};

struct BirdChannel
{
    QString name;  // "ipv4", "ipv6"
    QString state; // "UP", "DOWN"
    QString table;
    BirdRouteStats routes;
    BirdUpdateStats updates;
    // BGP only: the next hop this side announces ("BGP Next hop", its first
    // address); "::" or "0.0.0.0" when BIRD has none for the family.
    QString nextHop;
};

// One protocol of `show protocols all`. The configuration must pin
// `timeformat protocol iso long;` so that `since` parses.
struct BirdProtocol
{
    QString name;
    QString proto;   // "BGP", "Static", "Device"
    QString table;   // "---" for several channels
    QString state;   // "up", "down", "start", "stop"
    QDateTime since; // invalid when BIRD printed another time format
    QString info;    // "Established", "Active        Received: …"
    // BGP only
    QString bgpState; // "Established", "Active", "Connect", …
    QString neighborAddress;
    quint32 neighborAs = 0;
    quint32 localAs = 0;
    QString neighborId;
    QString lastError;
    QList<BirdChannel> channels;
    // Sum over the channels.
    BirdRouteStats routes;

    bool isEstablished() const { return bgpState == QLatin1String("Established"); }
};

struct BirdNextHop
{
    QString via; // gateway address; empty for a device route
    QString interfaceName;
    int weight = 0;
    friend bool operator==(const BirdNextHop &, const BirdNextHop &) = default;
};

// One route of `show route all`.
struct BirdRoute
{
    QString table;  // "master6"
    QString prefix; // "fd00:aaaa::/48"
    QString type;   // "unicast", "unreachable", "blackhole", "prohibit"
    QString protocol;
    QDateTime since;
    bool primary = false; // '*': the preferred route of its prefix
    int preference = 0;
    QString sourceType; // "BGP univ", "static univ"
    QList<BirdNextHop> nextHops;
    // BGP attributes
    QString origin;        // "IGP", "EGP", "Incomplete"
    QList<quint32> asPath; // AS numbers in order, sets flattened
    QString asPathText;
    QString bgpNextHop;
    std::optional<quint32> localPref;
    std::optional<quint32> med;
    QList<QPair<quint32, quint32>> communities;
    struct Large
    {
        quint32 global = 0, data1 = 0, data2 = 0;
        friend bool operator==(const Large &, const Large &) = default;
    };
    QList<Large> largeCommunities;
};

// A reply to `show protocols all [name]`; an error reply becomes an error
// (8003 "No protocols match" included).
Result<QList<BirdProtocol>> parseBirdProtocols(const BirdReply &reply);
// A reply to `show route all …`; 8001 (network not found) is an empty list.
Result<QList<BirdRoute>> parseBirdRoutes(const BirdReply &reply);

// BIRD's error reply in words: "BIRD refused …: <text> (code NNNN)".
Error birdReplyError(const BirdReply &reply, const QString &what);

} // namespace hm::bird
