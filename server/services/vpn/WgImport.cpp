#include "server/services/vpn/WgImport.h"

#include "crypto/Envelope.h"
#include "crypto/SecureBytes.h"
#include "crypto/WireGuardKeys.h"
#include "server/api/AuthCommon.h"
#include "server/api/Roles.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/vpn/WgImportLayout.h"
#include "server/services/vpn/WireGuardService.h"
#include "store/Database.h"
#include "vpn/AddressPlan.h"
#include "vpn/IpPrefix.h"
#include "vpn/WgFieldCheck.h"
#include "vpn/WgQuickText.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace hm::server::vpn {

using namespace repositories;
using hm::vpn::AddressFamily;
using hm::vpn::AddressPlan;
using hm::vpn::IpAddress;
using hm::vpn::IpPrefix;
using hm::vpn::VpnSubnet;
using hm::vpn::WgCidr;

namespace {

constexpr qsizetype kWgImpMaxName = 64;
constexpr qsizetype kWgImpMaxDns = 32;

Error wgImpError(const QString &field, const QString &message,
                 ErrorCode code = ErrorCode::ValidationError)
{
    return Error{code, field + QStringLiteral(": ") + message, {{QStringLiteral("field"), field}}};
}

// A core/vpn refusal under the import's field name, its reason kept (it
// never echoes the value) and its details (e.g. "reason") too.
Error wgImpRenamed(const Error &error, const QString &field,
                   ErrorCode code = ErrorCode::ValidationError)
{
    QString reason = error.message;
    if (const qsizetype colon = reason.lastIndexOf(QStringLiteral(": ")); colon >= 0)
        reason = reason.mid(colon + 2);
    Error renamed{code, field + QStringLiteral(": ") + reason, error.details};
    renamed.details.insert(QStringLiteral("field"), field);
    return renamed;
}

QByteArray wgImpServerAad(qint64 id)
{
    return QByteArrayLiteral("wg_server:") + QByteArray::number(id);
}

QByteArray wgImpPresharedAad(qint64 id)
{
    return QByteArrayLiteral("wg_client_psk:") + QByteArray::number(id);
}

// wg-quick's key names as the API's field names.
QString wgImpFieldName(const QString &key)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("PrivateKey"), QStringLiteral("private_key")},
        {QStringLiteral("Address"), QStringLiteral("address")},
        {QStringLiteral("ListenPort"), QStringLiteral("listen_port")},
        {QStringLiteral("DNS"), QStringLiteral("dns")},
        {QStringLiteral("MTU"), QStringLiteral("mtu")},
        {QStringLiteral("Table"), QStringLiteral("table")},
        {QStringLiteral("FwMark"), QStringLiteral("fw_mark")},
        {QStringLiteral("SaveConfig"), QStringLiteral("save_config")},
        {QStringLiteral("PublicKey"), QStringLiteral("public_key")},
        {QStringLiteral("PresharedKey"), QStringLiteral("preshared_key")},
        {QStringLiteral("AllowedIPs"), QStringLiteral("allowed_ips")},
        {QStringLiteral("Endpoint"), QStringLiteral("endpoint")},
        {QStringLiteral("PersistentKeepalive"), QStringLiteral("persistent_keepalive")},
        {QStringLiteral("PreUp"), QStringLiteral("pre_up")},
        {QStringLiteral("PostUp"), QStringLiteral("post_up")},
        {QStringLiteral("PreDown"), QStringLiteral("pre_down")},
        {QStringLiteral("PostDown"), QStringLiteral("post_down")},
        {QStringLiteral("comment"), QStringLiteral("comment")},
    };
    return names.value(key, key.toLower());
}

// A parse refusal ("line N: Key: reason") under "peers[2].allowed_ips".
Error wgImpParseError(const Error &error, const WgImportLayout &layout)
{
    const int line = error.details.value(QStringLiteral("line")).toInt();
    const QString key = error.details.value(QStringLiteral("field")).toString();
    QString section = wgImportSectionOfLine(layout, line);
    if (section.isEmpty())
        section = QStringLiteral("config");
    const QString field = key.isEmpty() ? section : section + u'.' + wgImpFieldName(key);
    QString reason = error.message;
    if (const qsizetype colon = reason.lastIndexOf(QStringLiteral(": ")); colon >= 0)
        reason = reason.mid(colon + 2);
    return Error{ErrorCode::ValidationError,
                 field + QStringLiteral(": line %1: ").arg(line) + reason,
                 {{QStringLiteral("field"), field}, {QStringLiteral("line"), line}}};
}

Status wgImpCheckName(const QString &field, const QString &name)
{
    if (name.isEmpty())
        return wgImpError(field, QStringLiteral("required"));
    if (name.size() > kWgImpMaxName)
        return wgImpError(field, QStringLiteral("at most %1 characters").arg(kWgImpMaxName));
    if (Status s = hm::vpn::checkApiField(u"Name", name); !s)
        return wgImpRenamed(s.error(), field);
    return {};
}

std::optional<VpnSubnet> wgImpSubnet(const WgCidr &cidr)
{
    const auto address = IpAddress::fromQHostAddress(cidr.address);
    if (!address)
        return std::nullopt;
    const auto prefix = IpPrefix::fromAddress(*address, cidr.prefixLength);
    if (!prefix)
        return std::nullopt;
    return VpnSubnet{*prefix, *address};
}

// What the [Interface] section gives, checked like a create's fields.
struct WgImpServerPlan
{
    WgServerRow row;
    std::optional<VpnSubnet> v4;
    std::optional<VpnSubnet> v6;
};

Result<WgImpServerPlan> wgImpServer(const hm::vpn::WgInterface &in, const WgImportRequest &request,
                                    QList<WgImportWarning> &warnings)
{
    WgImpServerPlan plan;
    WgServerRow &row = plan.row;
    row.interfaceName = request.interfaceName.trimmed();
    if (Status s = hm::vpn::checkInterfaceName(row.interfaceName); !s)
        return wgImpRenamed(s.error(), QStringLiteral("interface"));
    row.name = request.name.trimmed().isEmpty() ? row.interfaceName : request.name.trimmed();
    if (Status s = wgImpCheckName(QStringLiteral("name"), row.name); !s)
        return s.error();
    row.endpointHost = request.endpointHost.trimmed();
    if (!row.endpointHost.isEmpty()) {
        if (Status s =
                hm::vpn::checkEndpointHost(QStringLiteral("endpoint_host"), row.endpointHost);
            !s)
            return wgImpRenamed(s.error(), QStringLiteral("endpoint_host"));
    }

    if (!in.listenPort || *in.listenPort == 0)
        return wgImpError(QStringLiteral("interface.listen_port"),
                          QStringLiteral("required: a server listens on a fixed port"));
    row.listenPort = *in.listenPort;

    const QString addressField = QStringLiteral("interface.address");
    for (const WgCidr &cidr : in.addresses) {
        const auto subnet = wgImpSubnet(cidr);
        if (!subnet)
            return wgImpError(addressField,
                              QStringLiteral("not an address with its prefix length"));
        std::optional<VpnSubnet> &slot =
            subnet->server.family() == AddressFamily::Ipv4 ? plan.v4 : plan.v6;
        if (slot)
            return wgImpError(addressField,
                              QStringLiteral("at most one IPv4 and one IPv6 address"));
        slot = subnet;
        (subnet->server.family() == AddressFamily::Ipv4 ? row.ipv4Address : row.ipv6Address) =
            subnet->server.toString() + u'/' + QString::number(cidr.prefixLength);
    }
    if (!plan.v4 && !plan.v6)
        return wgImpError(addressField,
                          QStringLiteral("an IPv4 or an IPv6 address (or both) is required"));
    if (auto addresses = AddressPlan::create(plan.v4, plan.v6); !addresses)
        return wgImpRenamed(addresses.error(), addressField);

    row.mtu = in.mtu.value_or(1420);
    const int leastMtu = plan.v6 ? 1280 : 576;
    if (row.mtu < leastMtu || row.mtu > 9000)
        return wgImpError(QStringLiteral("interface.mtu"),
                          QStringLiteral("%1 to 9000 (1280 with IPv6)").arg(leastMtu));
    if (in.dns.size() > kWgImpMaxDns)
        return wgImpError(QStringLiteral("interface.dns"),
                          QStringLiteral("at most %1 entries").arg(kWgImpMaxDns));
    for (const QHostAddress &dns : in.dns) {
        const auto address = IpAddress::fromQHostAddress(dns);
        if (!address)
            return wgImpError(QStringLiteral("interface.dns"),
                              QStringLiteral("IP addresses of resolvers"));
        row.dnsServers << address->toString();
    }
    // What the clients route through the tunnel, as on create.
    if (plan.v4)
        row.allowedIps << QStringLiteral("0.0.0.0/0");
    if (plan.v6)
        row.allowedIps << QStringLiteral("::/0");

    if (!in.dnsSearch.isEmpty())
        warnings << WgImportWarning{
            QStringLiteral("DNS_SEARCH_NOT_IMPORTED"),
            QStringLiteral("interface: DNS search domains are not imported"),
            {}};
    if (!in.table.isEmpty())
        warnings << WgImportWarning{QStringLiteral("TABLE_NOT_IMPORTED"),
                                    QStringLiteral("interface: Table is not imported"),
                                    {}};
    if (in.fwMark)
        warnings << WgImportWarning{QStringLiteral("FWMARK_NOT_IMPORTED"),
                                    QStringLiteral("interface: FwMark is not imported"),
                                    {}};
    if (in.saveConfig)
        warnings << WgImportWarning{QStringLiteral("SAVECONFIG_NOT_IMPORTED"),
                                    QStringLiteral("interface: SaveConfig is not imported"),
                                    {}};
    return plan;
}

void wgImpHookWarnings(const hm::vpn::WgHooks &hooks, QList<WgImportWarning> &warnings)
{
    for (const auto &[key, lines] : {std::pair{QStringLiteral("PreUp"), &hooks.preUp},
                                     std::pair{QStringLiteral("PostUp"), &hooks.postUp},
                                     std::pair{QStringLiteral("PreDown"), &hooks.preDown},
                                     std::pair{QStringLiteral("PostDown"), &hooks.postDown}}) {
        if (!lines->isEmpty())
            warnings << WgImportWarning{
                QStringLiteral("HOOK_NOT_IMPORTED"),
                QStringLiteral("interface: %1 hooks are not imported (the server never "
                               "runs commands from an imported file)")
                    .arg(key),
                {{QStringLiteral("hook"), key}}};
    }
}

// The file's server against the stored ones: interface, port, subnets.
Status wgImpCheckAgainst(const WgImpServerPlan &plan, const QList<WgServerRow> &existing)
{
    for (const WgServerRow &other : existing) {
        if (other.interfaceName == plan.row.interfaceName)
            return wgImpError(QStringLiteral("interface"),
                              QStringLiteral("another WireGuard server has this interface"),
                              ErrorCode::Conflict);
        if (other.listenPort == plan.row.listenPort)
            return wgImpError(QStringLiteral("interface.listen_port"),
                              QStringLiteral("another WireGuard server listens on it"),
                              ErrorCode::Conflict);
        for (const auto &[mine, theirs] :
             {std::pair{plan.v4, other.ipv4Address}, std::pair{plan.v6, other.ipv6Address}}) {
            if (!mine || theirs.isEmpty())
                continue;
            const auto parts = IpPrefix::parseParts(theirs);
            if (!parts)
                continue;
            const auto prefix = IpPrefix::fromAddress(parts.value().first, parts.value().second);
            if (prefix && prefix->overlaps(mine->prefix))
                return wgImpError(QStringLiteral("interface.address"),
                                  QStringLiteral("overlaps the subnet of another WireGuard server"),
                                  ErrorCode::Conflict);
        }
    }
    return {};
}

struct WgImpPeerPlan
{
    WgClientRow row;
    QString presharedKey; // a secret; sealed once the client has its id
};

// A name unique within the server: "laptop", "laptop-2", …
QString wgImpUniqueName(const QString &wanted, QSet<QString> &taken)
{
    QString name = wanted;
    for (int n = 2; taken.contains(name); ++n) {
        const QString suffix = u'-' + QString::number(n);
        name = wanted.left(kWgImpMaxName - suffix.size()) + suffix;
    }
    taken.insert(name);
    return name;
}

Result<QList<WgImpPeerPlan>> wgImpPeers(const hm::vpn::WgQuickConfig &config,
                                        const WgImportLayout &layout, const WgImpServerPlan &server,
                                        qint64 nowMs, QList<WgImportWarning> &warnings)
{
    auto addresses = AddressPlan::create(server.v4, server.v6);
    if (!addresses)
        return addresses.error();
    AddressPlan &plan = addresses.value();
    QList<WgImpPeerPlan> peers;
    QHash<QString, int> keys{{server.row.publicKey, 0}};
    QSet<QString> names;
    for (qsizetype i = 0; i < config.peers.size(); ++i) {
        const hm::vpn::WgPeer &peer = config.peers[i];
        const int number = int(i) + 1;
        const QString section = QStringLiteral("peers[%1]").arg(number);
        if (const auto seen = keys.constFind(peer.publicKey); seen != keys.constEnd())
            return wgImpError(section + QStringLiteral(".public_key"),
                              seen.value() == 0
                                  ? QStringLiteral("the server's own public key")
                                  : QStringLiteral("the same key as peers[%1]").arg(seen.value()));
        keys.insert(peer.publicKey, number);

        WgImpPeerPlan out;
        WgClientRow &row = out.row;
        row.publicKey = peer.publicKey;
        out.presharedKey = peer.presharedKey;
        row.persistentKeepalive = peer.persistentKeepalive.value_or(0);
        row.createdAt = nowMs;
        row.updatedAt = nowMs;

        QString wanted;
        if (i < layout.peerComments.size())
            wanted = wgImportPeerName(layout.peerComments[i]);
        if (!wanted.isEmpty() && !wgImpCheckName(section + QStringLiteral(".name"), wanted)) {
            warnings << WgImportWarning{
                QStringLiteral("PEER_NAME_UNUSABLE"),
                QStringLiteral("%1: the name in its comment is not a usable name; it "
                               "is named peer-%2")
                    .arg(section)
                    .arg(number),
                {{QStringLiteral("peer"), number},
                 {QStringLiteral("name"), QStringLiteral("peer-%1").arg(number)}}};
            wanted.clear();
        }
        if (wanted.isEmpty())
            wanted = QStringLiteral("peer-%1").arg(number);
        row.name = wgImpUniqueName(wanted, names);

        // The host addresses inside the server's subnets are the client's;
        // anything else was routed behind the peer.
        const QString allowedField = section + QStringLiteral(".allowed_ips");
        QStringList routed;
        for (const WgCidr &cidr : peer.allowedIps) {
            const auto address = IpAddress::fromQHostAddress(cidr.address);
            if (!address) {
                routed << cidr.toString();
                continue;
            }
            const bool v4 = address->family() == AddressFamily::Ipv4;
            const std::optional<VpnSubnet> &subnet = v4 ? server.v4 : server.v6;
            QString &slot = v4 ? row.ipv4Address : row.ipv6Address;
            const bool host = cidr.prefixLength == address->bitWidth();
            if (!host || !subnet || !subnet->prefix.contains(*address) || !slot.isEmpty()) {
                routed << cidr.toString();
                continue;
            }
            if (Status s = plan.checkClientAddress(*address); !s)
                return wgImpRenamed(s.error(), allowedField);
            (void)plan.take(*address);
            slot = address->toString();
        }
        if (row.ipv4Address.isEmpty() && row.ipv6Address.isEmpty())
            return wgImpError(allowedField, QStringLiteral("no single address (/32 or /128) "
                                                           "inside the server's subnets"));
        row.addressFamily = row.ipv4Address.isEmpty()   ? QStringLiteral("ipv6")
                            : row.ipv6Address.isEmpty() ? QStringLiteral("ipv4")
                                                        : QStringLiteral("dual");
        if (!routed.isEmpty())
            warnings << WgImportWarning{
                QStringLiteral("PEER_ROUTES_NOT_IMPORTED"),
                QStringLiteral("%1 (%2): routed prefixes not imported (a client holds "
                               "only its own addresses): %3")
                    .arg(section, row.name, routed.join(QStringLiteral(", "))),
                {{QStringLiteral("peer"), number},
                 {QStringLiteral("name"), row.name},
                 {QStringLiteral("prefixes"), QJsonArray::fromStringList(routed)}}};
        if (!peer.endpointHost.isEmpty())
            warnings << WgImportWarning{
                QStringLiteral("PEER_ENDPOINT_NOT_IMPORTED"),
                QStringLiteral("%1 (%2): Endpoint not imported (the client connects "
                               "to the server)")
                    .arg(section, row.name),
                {{QStringLiteral("peer"), number}, {QStringLiteral("name"), row.name}}};
        peers << out;
    }
    return peers;
}

QJsonValue wgImpOrNull(const QString &text, const char *suffix)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text + QLatin1String(suffix));
}

} // namespace

WgImporter::WgImporter(store::Database &db, crypto::EnvelopeCipher &cipher)
    : m_db(db), m_cipher(cipher)
{}

Result<WgImportResult> WgImporter::run(const auth::Principal &caller,
                                       const auth::ClientInfo &client,
                                       const WgImportRequest &request)
{
    if (caller.role != auth::Role::Admin)
        return Error{ErrorCode::InsufficientPermissions,
                     QStringLiteral("only administrators import WireGuard servers")};
    if (request.config.size() > kWgImportMaxBytes ||
        request.config.toUtf8().size() > kWgImportMaxBytes)
        return wgImpError(QStringLiteral("config"), QStringLiteral("at most 1 MiB"));
    if (request.interfaceName.trimmed().isEmpty())
        return wgImpError(QStringLiteral("interface"), QStringLiteral("required"));

    const WgImportLayout layout = wgImportLayout(request.config);
    if (layout.peerLines.size() > kWgImportMaxPeers)
        return wgImpError(QStringLiteral("config"),
                          QStringLiteral("at most %1 peers").arg(kWgImportMaxPeers));
    auto parsed = hm::vpn::wgquick::parse(request.config);
    if (!parsed)
        return wgImpParseError(parsed.error(), layout);
    const hm::vpn::WgQuickConfig &config = parsed.value().config;

    WgImportResult result;
    auto server = wgImpServer(config.interface, request, result.warnings);
    if (!server)
        return server.error();
    wgImpHookWarnings(parsed.value().importedHooks, result.warnings);

    // The server's key pair: the file's private key, its public key derived.
    QByteArray secret = config.interface.privateKey.toLatin1();
    {
        auto key = crypto::wireGuardSecretFromBase64(secret);
        if (!key) {
            crypto::wipe(secret);
            return wgImpError(QStringLiteral("interface.private_key"),
                              QStringLiteral("not a WireGuard key"));
        }
        server.value().row.publicKey =
            crypto::wireGuardKeyToBase64(crypto::publicKeyOf(key.value()));
    }

    // Checked and stored in one transaction: no other server takes the
    // interface, port or subnet in between.
    auto txn = m_db.begin();
    if (!txn) {
        crypto::wipe(secret);
        return txn.error();
    }
    auto existing = allWgServers(m_db);
    if (!existing) {
        crypto::wipe(secret);
        return existing.error();
    }
    if (Status s = wgImpCheckAgainst(server.value(), existing.value()); !s) {
        crypto::wipe(secret);
        return s.error();
    }
    const qint64 nowMs = auth::nowMs();
    auto peers = wgImpPeers(config, layout, server.value(), nowMs, result.warnings);
    if (!peers) {
        crypto::wipe(secret);
        return peers.error();
    }

    WgServerRow &row = server.value().row;
    row.createdAt = request.dryRun ? 0 : nowMs;
    row.updatedAt = row.createdAt;
    row.clientsCount = peers.value().size();
    for (const WgImpPeerPlan &peer : peers.value())
        result.clientHasPresharedKey << !peer.presharedKey.isEmpty();

    if (request.dryRun) {
        crypto::wipe(secret);
        result.server = row;
        for (const WgImpPeerPlan &peer : peers.value())
            result.clients << peer.row;
        return result; // the transaction rolls back: nothing was written anyway
    }

    auto id = insertWgServer(m_db, row);
    if (!id) {
        crypto::wipe(secret);
        return id.error();
    }
    row.id = id.value();
    auto sealed = m_cipher.encrypt(secret, crypto::DekPurpose::Credential, wgImpServerAad(row.id));
    crypto::wipe(secret);
    if (!sealed)
        return sealed.error();
    if (Status s = setWgServerPrivateKey(m_db, row.id, sealed.value()); !s)
        return s.error();
    for (WgImpPeerPlan &peer : peers.value()) {
        peer.row.serverId = row.id;
        // No private key: the client's owner has it (the column is NOT NULL).
        peer.row.sealedPrivateKey.clear();
        auto clientId = insertWgClient(m_db, peer.row);
        if (!clientId)
            return wgImpRenamed(clientId.error(), QStringLiteral("peers"));
        peer.row.id = clientId.value();
        if (!peer.presharedKey.isEmpty()) {
            QByteArray psk = peer.presharedKey.toLatin1();
            auto sealedPsk = m_cipher.encrypt(psk, crypto::DekPurpose::Credential,
                                              wgImpPresharedAad(peer.row.id));
            crypto::wipe(psk);
            if (!sealedPsk)
                return sealedPsk.error();
            peer.row.sealedPresharedKey = sealedPsk.value();
            if (Status s = setWgClientKeys(m_db, peer.row.id, QString(), sealedPsk.value()); !s)
                return s.error();
        }
    }
    if (Status s = txn.value().commit(); !s)
        return s.error();

    auto stored = wgServerById(m_db, row.id);
    if (!stored || !stored.value())
        return stored ? Error{ErrorCode::InternalError, QStringLiteral("imported server not found")}
                      : stored.error();
    result.server = *stored.value();
    auto clients = wgClientsOfServer(m_db, row.id);
    if (!clients)
        return clients.error();
    result.clients = clients.value();
    auth::audit(m_db, QStringLiteral("WIREGUARD_SERVER_IMPORTED"), caller.userId,
                QStringLiteral("wireguard_server"), QString::number(row.id), client.ip,
                client.userAgent,
                {{QStringLiteral("name"), row.name},
                 {QStringLiteral("interface"), row.interfaceName},
                 {QStringLiteral("clients"), qint64(result.clients.size())},
                 {QStringLiteral("warnings"), qint64(result.warnings.size())}});
    return result;
}

QJsonObject WgImporter::answer(const WireGuardService &wg, const WgImportResult &result,
                               bool dryRun)
{
    QJsonObject server = wg.serverView(result.server);
    QJsonArray clients;
    if (dryRun) {
        server.remove(QStringLiteral("id"));
        for (qsizetype i = 0; i < result.clients.size(); ++i) {
            const WgClientRow &row = result.clients[i];
            clients.append(QJsonObject{
                {QStringLiteral("name"), row.name},
                {QStringLiteral("address_family"), row.addressFamily},
                {QStringLiteral("ipv4_address"), wgImpOrNull(row.ipv4Address, "/32")},
                {QStringLiteral("ipv6_address"), wgImpOrNull(row.ipv6Address, "/128")},
                {QStringLiteral("public_key"), row.publicKey},
                {QStringLiteral("has_preshared_key"),
                 i < result.clientHasPresharedKey.size() && result.clientHasPresharedKey[i]}});
        }
    } else {
        for (const WgClientRow &row : result.clients)
            clients.append(wg.clientView(row));
    }
    // The sentences as before, and beside them the codes consoles translate.
    QJsonArray sentences;
    QJsonArray details;
    for (const WgImportWarning &w : result.warnings) {
        sentences.append(w.message);
        QJsonObject detail = w.params;
        detail.insert(QStringLiteral("code"), w.code);
        detail.insert(QStringLiteral("message"), w.message);
        details.append(detail);
    }
    return {{QStringLiteral("server"), server},
            {QStringLiteral("clients"), clients},
            {QStringLiteral("warnings"), sentences},
            {QStringLiteral("warning_details"), details}};
}

} // namespace hm::server::vpn
