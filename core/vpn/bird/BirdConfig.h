#pragma once

#include "common/Result.h"
#include "vpn/bird/BirdSyntax.h"

#include <QHostAddress>
#include <QList>
#include <QString>

namespace hm::bird {

// What a BGP channel (ipv4 / ipv6) takes in.
enum class BirdImport
{
    All,
    None,
    Prefixes, // only routes inside importPrefixes (or more specific)
};

struct BirdChannelPolicy
{
    bool enabled = false;
    BirdImport import = BirdImport::All;
    QList<BirdPrefix> importPrefixes;
    // Exports the announced prefixes of the channel's family (and nothing else).
    bool exportAnnounced = true;
};

struct BirdBgpSession
{
    QString name; // BIRD protocol name
    QHostAddress neighbor;
    quint32 remoteAs = 0;
    quint32 localAs = 0;       // 0: BirdConfig::localAs
    QHostAddress localAddress; // null: BIRD chooses
    QString password;          // TCP-MD5; empty: none
    int holdTime = 0;          // seconds, 0: BIRD's default (240); else 3..65535
    int keepaliveTime = 0;     // 0: default (hold / 3); else 1..65535, below hold time
    int connectRetryTime = 0;  // 0: default (120); else 1..65535
    int startDelayTime = 0;    // 0: default (5); else 1..65535: first connect attempt after start
    int multihopTtl = 0;       // 0: direct (neighbor on a shared link); 1..255: multihop TTL
    bool ttlSecurity = false;  // GTSM (RFC 5082)
    bool enabled = true;       // false: `disabled;`
    BirdChannelPolicy ipv4;
    BirdChannelPolicy ipv6;
    // The IPv6 next hop announced on the ipv6 channel (`next hop address`).
    // Null: BIRD's choice, which on an IPv4 session is the IPv6 address of
    // the interface towards a direct neighbor and "::" for a multihop one
    // (its routes are then ignored by the peer): set it for those.
    QHostAddress ipv6NextHop;
};

enum class BirdAnnounceKind
{
    Unreachable,
    Blackhole,
};

struct BirdAnnounced
{
    BirdPrefix prefix; // an IPv6 pool prefix or a chosen IPv4 prefix
    BirdAnnounceKind kind = BirdAnnounceKind::Unreachable;
};

struct BirdConfig
{
    QHostAddress routerId; // IPv4, not 0.0.0.0
    quint32 localAs = 0;
    QList<BirdAnnounced> announced;
    QList<BirdBgpSession> sessions;
};

// Protocol names the rendered configuration uses itself (session names must differ).
inline constexpr char BirdDeviceProtocol[] = "hm_device";
inline constexpr char BirdStaticIPv4[] = "hm_announce4";
inline constexpr char BirdStaticIPv6[] = "hm_announce6";

// Validates every field and renders a complete BIRD 2 configuration file
// (it pins `timeformat protocol iso long;`, which BirdParsers need). Errors
// are ValidationErrors naming the field; a password never appears in them.
Result<QString> renderBirdConfig(const BirdConfig &config);
Status validateBirdConfig(const BirdConfig &config);

} // namespace hm::bird
