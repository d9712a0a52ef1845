#pragma once

// Importing an existing wg-quick server file with its peers (issue 36,
// "Configs: import an existing wg0.conf with its peers"; docs/api.md
// "WireGuard"). The [Interface] becomes a server (its private key sealed as
// a generated one would be), each [Peer] a client holding the host
// addresses its AllowedIPs give inside the server's subnets. The clients'
// private keys stayed on their devices: such a client has none, and its
// config cannot be downloaded. What the model has no place for (hooks,
// Table, FwMark, SaveConfig, routed prefixes behind a peer) is not
// imported but named in warnings: a stable code with its parameters (for
// consoles to say in their language) and the English words, never with a
// secret.
//
// The file's fields pass the same checks as a create's; the first one that
// fails refuses the whole import, naming its section ("peers[2].
// allowed_ips", peers counted from 1). All or nothing: the server and
// every client in one transaction. A dry run checks everything and stores
// nothing.

#include "common/Result.h"
#include "server/repositories/WireGuardRepository.h"
#include "server/services/auth/TokenService.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace hm::store {
class Database;
}
namespace hm::crypto {
class EnvelopeCipher;
}
namespace hm::server::auth {
struct Principal;
}

namespace hm::server::vpn {

class WireGuardService;

inline constexpr qsizetype kWgImportMaxBytes = 1024 * 1024;
inline constexpr qsizetype kWgImportMaxPeers = 10000;

struct WgImportRequest
{
    QString config;        // the whole wg-quick text
    QString name;          // empty: the interface name
    QString interfaceName; // required
    QString endpointHost;  // optional
    bool dryRun = false;
};

// One thing the file holds that is not imported. `code` is stable (see
// docs/api.md "WireGuard"); `params` name the hook, the peer (its number
// from 1 and its client's name) or the routed prefixes; `message` is the
// English sentence consoles showed before codes existed.
struct WgImportWarning
{
    QString code;
    QString message;
    QJsonObject params;
};

struct WgImportResult
{
    repositories::WgServerRow server;         // id 0 on a dry run
    QList<repositories::WgClientRow> clients; // likewise
    QList<bool> clientHasPresharedKey;        // one per client (dry run)
    QList<WgImportWarning> warnings;
};

class WgImporter
{
public:
    WgImporter(store::Database &db, crypto::EnvelopeCipher &cipher);

    // ADMIN only. Audited as WIREGUARD_SERVER_IMPORTED (names and counts).
    Result<WgImportResult> run(const auth::Principal &caller, const auth::ClientInfo &client,
                               const WgImportRequest &request);

    // {server, clients, warnings, warning_details}: warnings the English
    // sentences (as before codes), warning_details [{code, message, …params}]
    // in the same order; the server and a real import's clients as GET
    // answers them (WireGuardService::serverView / clientView, with their
    // traffic fields, so a console reads one shape), a dry run's clients as
    // {name, address_family, ipv4_address, ipv6_address, public_key,
    // has_preshared_key} and its server without id.
    static QJsonObject answer(const WireGuardService &wg, const WgImportResult &result,
                              bool dryRun);

private:
    store::Database &m_db;
    crypto::EnvelopeCipher &m_cipher;
};

} // namespace hm::server::vpn
