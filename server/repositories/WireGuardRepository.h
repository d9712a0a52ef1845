#pragma once

// Every SQL string of wg_servers and wg_clients (schema 25; docs/api.md
// "WireGuard"). The rules (what a field may hold, address assignment, keys)
// are server/services/vpn/WireGuardService. Keys arrive here sealed: the
// repository never sees a private or preshared key in the clear.

#include "common/Result.h"
#include "store/PagedQuery.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct WgServerRow
{
    qint64 id = 0;
    QString name;
    QString interfaceName;
    int listenPort = 51820;
    QString ipv4Address; // "10.0.0.1/24"; empty: none
    QString ipv6Address; // "fd00::1/64"; empty: none
    QString publicKey;
    QString sealedPrivateKey;
    QStringList dnsServers;
    int mtu = 1420;
    int persistentKeepalive = 0;
    QStringList allowedIps;
    QString endpointHost;
    bool autoStart = false;
    QString description;
    QString desiredState = QStringLiteral("stopped"); // "running" or "stopped"
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 clientsCount = 0; // read only: the server's clients
};

struct WgClientRow
{
    qint64 id = 0;
    qint64 serverId = 0;
    QString name;
    QString addressFamily = QStringLiteral("dual"); // "ipv4", "ipv6", "dual"
    QString ipv4Address;                            // "10.0.0.2"; empty: none
    QString ipv6Address;                            // "fd00::2"; empty: none
    QString publicKey;
    QString sealedPrivateKey;
    QString sealedPresharedKey; // empty: none
    QStringList allowedIps;
    QStringList dnsServers;
    int persistentKeepalive = 0;
    bool enabled = true;
    std::optional<qint64> expiresAt;
    QString description;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

struct WgServerFilter
{
    QString search;       // name, interface or description contains it
    QString desiredState; // "running" / "stopped"; empty: any
    std::optional<QList<qint64>> onlyIds; // set: only these servers
    QList<qint64> exceptIds;
    qint64 limit = 20;
    qint64 offset = 0;
};

struct WgClientFilter
{
    std::optional<qint64> serverId;
    // "active" (enabled, not expired at nowMs), "expired" (enabled, its
    // expires_at passed), "disabled"; empty: any.
    QString status;
    qint64 nowMs = 0;
    QString search; // name, addresses or description contains it
    qint64 limit = 20;
    qint64 offset = 0;
};

// Ordered by id.
Result<store::Page<WgServerRow>> listWgServers(store::Database &db, const WgServerFilter &filter);
Result<std::optional<WgServerRow>> wgServerById(store::Database &db, qint64 id);
// Conflict (details.field "interface") when the interface name is taken.
// The new id.
Result<qint64> insertWgServer(store::Database &db, const WgServerRow &row);
// Everything but id and created_at; Conflict as insertWgServer.
Status updateWgServer(store::Database &db, const WgServerRow &row);
Status setWgServerPrivateKey(store::Database &db, qint64 id, const QString &sealed);
Status setWgServerState(store::Database &db, qint64 id, const QString &state, qint64 now);
// 0 when there was no such server; its clients go with it.
Result<int> deleteWgServer(store::Database &db, qint64 id);
// Servers that are to be running (started, or auto_start), by id.
Result<QList<WgServerRow>> wgServersToRun(store::Database &db);
// True when another server than `exceptId` listens on `port`.
Result<bool> wgListenPortTaken(store::Database &db, int port, qint64 exceptId);
// Every server, by id: the import checks interface, port and subnets
// against all of them at once.
Result<QList<WgServerRow>> allWgServers(store::Database &db);

Result<store::Page<WgClientRow>> listWgClients(store::Database &db, const WgClientFilter &filter);
Result<std::optional<WgClientRow>> wgClientById(store::Database &db, qint64 id);
// Every client of a server, by id.
Result<QList<WgClientRow>> wgClientsOfServer(store::Database &db, qint64 serverId);

// What an interface's [Peer] needs of a client, for the clients that are
// in it (enabled, not expired at `nowMs`), by id: the apply's read, on the
// server thread at every change, so no more than that (issue 36).
struct WgPeerRow
{
    qint64 id = 0;
    QString name;
    QString publicKey;
    QString sealedPresharedKey; // empty: none
    QString ipv4Address;
    QString ipv6Address;
};
Result<QList<WgPeerRow>> wgActivePeersOfServer(store::Database &db, qint64 serverId, qint64 nowMs);
// One client's peer as wgActivePeersOfServer() would give it; nullopt when
// the client is gone, on another server, disabled or expired at `nowMs`.
Result<std::optional<WgPeerRow>> wgActivePeerOfServer(store::Database &db, qint64 serverId,
                                                      qint64 clientId, qint64 nowMs);

// Every client's addresses on a server (taken when another is placed).
struct WgClientAddresses
{
    qint64 id = 0;
    QString ipv4Address; // empty: none
    QString ipv6Address;
};
Result<QList<WgClientAddresses>> wgClientAddressesOfServer(store::Database &db, qint64 serverId);
// Conflict (details.field "name", "ipv4_address" or "ipv6_address") when the
// name or an address is taken on the server. The new id.
Result<qint64> insertWgClient(store::Database &db, const WgClientRow &row);
Status updateWgClient(store::Database &db, const WgClientRow &row);
Status setWgClientKeys(store::Database &db, qint64 id, const QString &sealedPrivate,
                       const QString &sealedPreshared);
Result<int> deleteWgClient(store::Database &db, qint64 id);
// Servers with an enabled client whose expiry fell in (fromMs, toMs].
Result<QList<qint64>> wgServersWithExpiries(store::Database &db, qint64 fromMs, qint64 toMs);

// The list encoding of the text columns: comma-separated, no blanks.
QString encodeWgList(const QStringList &items);
QStringList decodeWgList(const QString &text);

} // namespace hm::server::repositories
