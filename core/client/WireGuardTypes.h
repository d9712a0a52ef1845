#pragma once

// Typed answers of the WireGuard routes (/api/v1/wireguard, docs/api.md
// "WireGuard"). Ids are the server's integers. Private keys never come in
// these rows (the server sends "***REDACTED***"); the one answer holding a
// client's private key is WgCreatedClient::config / qrCode and the config
// download: show them, never log them.

#include "client/ApiTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::client {

// A server's or client's change that is put back at `deadline` unless it is
// confirmed (POST …/confirm, or a handshake of handshakeClientId after it).
struct WgPendingChange
{
    QString kind; // server, client; empty: nothing awaits confirmation
    qint64 id = 0;
    qint64 serverId = 0;
    QDateTime appliedAt;
    QDateTime deadline;
    qint64 handshakeClientId = 0; // 0: only a person confirms it

    bool isPending() const { return !kind.isEmpty(); }
};

// What a PUT may add: keep the change only if it is confirmed within the
// seconds (10–3,600), optionally by the given client's next handshake
// (a client of the same server; servers only).
struct WgConfirmRequest
{
    int withinSeconds = 0; // 0: no confirmation asked
    qint64 byHandshakeOf = 0;
};

struct WgServerRow
{
    qint64 id = 0;
    QString name;
    QString interfaceName;
    int listenPort = 0;
    QString ipv4Address; // "10.8.0.1/24"; empty: the server has no IPv4
    QString ipv6Address; // "fd00:8::1/64"; empty: no IPv6
    QString publicKey;
    QString status; // what it is meant to be: running, stopped
    int clientsCount = 0;
    QString endpointHost; // empty: the host of the server's public URL
    bool autoStart = false;
    QString description;
    QDateTime createdAt;
    QDateTime updatedAt;
    // Its "config" object.
    QStringList dnsServers;
    int mtu = 1420;
    int persistentKeepalive = 0;
    QStringList allowedIps;
    // Only in a PUT's answer when confirmation was asked for.
    WgPendingChange pendingConfirmation;

    bool hasIpv4() const { return !ipv4Address.isEmpty(); }
    bool hasIpv6() const { return !ipv6Address.isEmpty(); }
};

// What POST sends (every field set) and PUT sends (the fields set). An
// empty ipv4Address, ipv6Address, endpointHost or description goes as null
// (cleared).
struct WgServerChange
{
    std::optional<QString> name;
    std::optional<QString> interfaceName;
    std::optional<int> listenPort;
    std::optional<QString> ipv4Address;
    std::optional<QString> ipv6Address;
    std::optional<QStringList> dnsServers;
    std::optional<int> mtu;
    std::optional<int> persistentKeepalive;
    std::optional<QString> endpointHost;
    std::optional<bool> autoStart;
    std::optional<QString> description;
    WgConfirmRequest confirm; // PUT only
    QJsonObject toJson() const;
};

struct WgServerFilter
{
    QString status; // running, stopped; empty: any
    QString search;
    PageRequest page;
};

// The answer of start and stop.
struct WgRunState
{
    qint64 id = 0;
    QString status; // running, stopped
    QString backend;
    QDateTime at; // started_at or stopped_at
};

// One peer of `wg show <if> dump`.
struct WgPeerStatus
{
    QString publicKey;
    QString allowedIps;
    QString endpoint;          // "203.0.113.5:51820"; empty: never seen
    QDateTime latestHandshake; // invalid: none yet
    // WireGuard's counters: since the peer was added to this interface.
    qint64 transferRx = 0;
    qint64 transferTx = 0;
    qint64 clientId = 0; // 0: a peer HiveMind does not know
    // The client's exact totals, kept across restarts of the interface
    // and of the server (rx: what the server received from the client).
    qint64 totalRx = 0;
    qint64 totalTx = 0;
};

struct WgServerStatus
{
    qint64 id = 0;
    QString name;
    QString interfaceName;
    QString backend;
    QString status; // running, stopped, error (meant to run but not up)
    QList<WgPeerStatus> peers;
    qint64 rxBytes = 0;
    qint64 txBytes = 0;
    qint64 rxPackets = 0;
    qint64 txPackets = 0;
};

struct WgClientRow
{
    qint64 id = 0;
    qint64 serverId = 0;
    QString name;
    QString addressFamily; // ipv4, ipv6, dual
    QString ipv4Address;   // "10.8.0.2/32" or empty
    QString ipv6Address;   // "fd00:8::2/128" or empty
    QString publicKey;
    bool hasPresharedKey = false;
    // False for a client imported from a wg-quick file: its owner keeps its
    // config, which cannot be downloaded or shown as a QR code.
    bool hasPrivateKey = true;
    QString status; // active, disabled, expired
    bool enabled = true;
    QDateTime expiresAt; // invalid: never
    QStringList allowedIps;
    QStringList dnsServers;
    int persistentKeepalive = 0;
    QString description;
    QDateTime createdAt;
    QDateTime updatedAt;
    // Only in a PUT's answer when confirmation was asked for.
    WgPendingChange pendingConfirmation;
};

// What POST sends and PUT sends (the fields set). An empty ipv4Address,
// ipv6Address or description and an invalid expiresAt go as null.
struct WgClientChange
{
    std::optional<qint64> serverId; // creating only
    std::optional<QString> name;
    std::optional<QString> addressFamily;
    std::optional<QString> ipv4Address;
    std::optional<QString> ipv6Address;
    std::optional<QStringList> allowedIps;
    std::optional<QStringList> dnsServers;
    std::optional<int> persistentKeepalive;
    std::optional<bool> enabled;
    std::optional<QDateTime> expiresAt;
    std::optional<bool> presharedKey; // creating only
    std::optional<QString> description;
    WgConfirmRequest confirm; // PUT only; byHandshakeOf is not sent
    QJsonObject toJson() const;
};

struct WgClientFilter
{
    qint64 serverId = 0; // 0: every server's
    QString status;      // active, disabled; empty: any
    QString search;
    PageRequest page;
};

// A created client and the only copy of its wg-quick file and QR code
// (data:image/png;base64,…): both hold its private key.
struct WgCreatedClient
{
    WgClientRow client;
    QString config;
    QString qrCode;
};

// POST /wireguard/servers/import: a wg-quick server file with its peers.
struct WgImportRequest
{
    QString config; // the file's text (a secret: it holds the private key)
    QString name;
    QString interfaceName;
    QString endpointHost; // empty: not sent
    bool dryRun = false;
    QJsonObject toJson() const;
};

// A client the import made (or would make, on a dry run).
struct WgImportedClient
{
    qint64 id = 0; // 0 on a dry run
    QString name;
    QString addressFamily;
    QString ipv4Address; // "10.8.0.2/32" or empty
    QString ipv6Address;
    QString publicKey;
    bool hasPresharedKey = false;
};

// Something of the file that is not imported: a stable code, its
// parameters (hook, peer, name, prefixes) and the server's English words.
struct WgImportWarning
{
    QString code;    // empty: an older server that sent words only
    QString message; // English
    QJsonObject params;
};

struct WgImportResult
{
    WgServerRow server; // id 0 on a dry run
    QList<WgImportedClient> clients;
    QStringList warnings;                  // the English words, as every server sends them
    QList<WgImportWarning> warningDetails; // one per warning; codes when the server sends them
};

// GET …/traffic: the range, and the tier to read (empty: the server picks
// the finest that holds the range).
struct WgTrafficQuery
{
    QDateTime start; // invalid: the server's default (end - 24 h)
    QDateTime end;   // invalid: now
    QString tier;    // 1m, 15m, 1h; empty: auto
};

// One bucket with traffic. rx is what the server received from the client
// (the client's upload), tx what it sent to it (the client's download).
struct WgTrafficBucket
{
    QDateTime time; // the bucket's start
    qint64 rxBytes = 0;
    qint64 txBytes = 0;
};

// A client's (or a server's clients' summed) traffic per bucket; buckets
// without traffic are left out (they are zero), oldest first.
struct WgTraffic
{
    QString tier; // 1m, 15m, 1h
    qint64 bucketSeconds = 0;
    QDateTime start;
    QDateTime end;
    // Everything since the client was made, not only this range.
    qint64 totalRxBytes = 0;
    qint64 totalTxBytes = 0;
    QList<WgTrafficBucket> items;
};

// An address a client connected from, and when.
struct WgEndpointSeen
{
    QString endpoint; // "203.0.113.5:51820", "[2001:db8::5]:51820"
    QDateTime firstSeen;
    QDateTime lastSeen;
};

// A new one-time link to a client's config. The token is the credential
// (whoever opens path once gets the client's private key): show it, never
// log it; it is not shown again.
struct WgShareLinkCreated
{
    qint64 id = 0;
    QString token;
    QString path; // "/api/v1/wireguard/shared/<token>"
    QDateTime expiresAt;
};

// A link as listed (never its token).
struct WgShareLink
{
    qint64 id = 0;
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime usedAt; // invalid: not opened
    QString usedFrom; // the address that opened it
    QString state;    // active, used, expired
};

namespace json {
WgPendingChange wgPendingChange(const QJsonObject &o);
QList<WgShareLink> wgShareLinks(const QJsonObject &o);
WgTraffic wgTraffic(const QJsonObject &o);
QList<WgEndpointSeen> wgEndpoints(const QJsonObject &o);
WgImportResult wgImportResult(const QJsonObject &o);
WgServerRow wgServer(const QJsonObject &o);
WgClientRow wgClient(const QJsonObject &o);
WgServerStatus wgServerStatus(const QJsonObject &o);
WgRunState wgRunState(const QJsonObject &o);
} // namespace json

} // namespace hm::client
