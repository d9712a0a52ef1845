#include "server/services/vpn/WireGuardService.h"

#include "common/Logging.h"
#include "crypto/Envelope.h"
#include "crypto/SecureBytes.h"
#include "crypto/WireGuardKeys.h"
#include "qr/QrPng.h"
#include "server/api/AuthCommon.h"
#include "server/api/Roles.h"
#include "server/repositories/Ipv6PoolRepository.h"
#include "server/repositories/WgPendingChangeRepository.h"
#include "server/repositories/WgTrafficRepository.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/system/Metrics.h"
#include "server/services/vpn/WgRowSnapshot.h"
#include "store/Database.h"
#include "vpn/AddressPlan.h"
#include "vpn/IpPrefix.h"
#include "vpn/SpecialPrefixes.h"
#include "vpn/WgDump.h"
#include "vpn/WgFieldCheck.h"
#include "vpn/WgQuickText.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMultiHash>
#include <QRegularExpression>
#include <QScopeGuard>
#include <algorithm>

namespace hm::server::vpn {

using namespace repositories;
using hm::vpn::AddressFamily;
using hm::vpn::AddressPlan;
using hm::vpn::IpAddress;
using hm::vpn::IpPrefix;
using hm::vpn::VpnSubnet;

namespace {

const QString kRedacted = QStringLiteral("***REDACTED***");
constexpr qsizetype kWgMaxName = 64;
constexpr qsizetype kWgMaxDescription = 256;
constexpr qsizetype kWgMaxListEntries = 32;

Error wgRuleError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError,
                 field + QStringLiteral(": ") + message,
                 {{QStringLiteral("field"), field}}};
}

// A core/vpn refusal under the API's field name; its reason text stays
// (it never echoes the value).
Error wgRenamed(const Error &error, const QString &field)
{
    QString reason = error.message;
    if (const qsizetype colon = reason.indexOf(QStringLiteral(": ")); colon >= 0 && colon < 20)
        reason = reason.mid(colon + 2);
    Error renamed{error.code == ErrorCode::Conflict ? ErrorCode::Conflict
                                                    : ErrorCode::ValidationError,
                  field + QStringLiteral(": ") + reason, error.details};
    renamed.details.insert(QStringLiteral("field"), field);
    return renamed;
}

Error wgServerNotFound()
{
    return Error{ErrorCode::ResourceNotFound, QStringLiteral("WireGuard server not found")};
}

Error wgClientNotFound()
{
    return Error{ErrorCode::ResourceNotFound, QStringLiteral("WireGuard client not found")};
}

Status requireWgAdmin(const auth::Principal &caller)
{
    if (caller.role != auth::Role::Admin)
        return Error{ErrorCode::InsufficientPermissions,
                     QStringLiteral("only administrators change WireGuard servers and clients")};
    return {};
}

QByteArray wgServerAad(qint64 id)
{
    return QByteArrayLiteral("wg_server:") + QByteArray::number(id);
}

QByteArray wgClientAad(qint64 id)
{
    return QByteArrayLiteral("wg_client:") + QByteArray::number(id);
}

QByteArray wgPresharedAad(qint64 id)
{
    return QByteArrayLiteral("wg_client_psk:") + QByteArray::number(id);
}

// Name and description: one line, none of the characters that could matter
// in a config file, a log line or a command.
Status wgCheckText(const QString &field, const QString &value, bool required, qsizetype max)
{
    if (value.isEmpty()) {
        if (required)
            return wgRuleError(field, QStringLiteral("required"));
        return {};
    }
    if (value.size() > max)
        return wgRuleError(field, QStringLiteral("at most %1 characters").arg(max));
    if (Status s = hm::vpn::checkApiField(u"Name", value); !s)
        return wgRenamed(s.error(), field);
    return {};
}

// "address/length" of a server's subnet in `family`; the address is the
// server's own. Canonical text.
Result<QString> wgServerAddress(const QString &field, const QString &text, AddressFamily family)
{
    auto parts = IpPrefix::parseParts(text.trimmed());
    if (!parts)
        return wgRuleError(field, QStringLiteral("an address with its prefix length, such as %1")
                                      .arg(family == AddressFamily::Ipv4
                                               ? QStringLiteral("10.8.0.1/24")
                                               : QStringLiteral("fd00:8::1/64")));
    const IpAddress &address = parts.value().first;
    if (address.family() != family)
        return wgRuleError(field, family == AddressFamily::Ipv4
                                      ? QStringLiteral("an IPv4 address")
                                      : QStringLiteral("an IPv6 address"));
    // Room for the server and at least one client, and not a whole family:
    // /8 to /30 (IPv4), /16 to /126 (IPv6).
    const int length = parts.value().second;
    const bool v4 = family == AddressFamily::Ipv4;
    if (length < (v4 ? 8 : 16) || length > (v4 ? 30 : 126))
        return wgRuleError(field, v4 ? QStringLiteral("a subnet of /8 to /30")
                                     : QStringLiteral("a subnet of /16 to /126"));
    const auto subnet = IpPrefix::fromAddress(address, length);
    if (subnet) {
        if (const auto special = hm::vpn::specialUseOverlap(*subnet))
            return wgRuleError(field, QStringLiteral("%1 overlaps %2, which hosts cannot use as a "
                                                     "VPN subnet")
                                          .arg(subnet->toString(), *special));
    }
    return QString(address.toString() + u'/' + QString::number(length));
}

std::optional<VpnSubnet> wgSubnetOf(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    auto parts = IpPrefix::parseParts(text);
    if (!parts)
        return std::nullopt;
    auto prefix = IpPrefix::fromAddress(parts.value().first, parts.value().second);
    if (!prefix)
        return std::nullopt;
    return VpnSubnet{*prefix, parts.value().first};
}

Result<AddressPlan> wgPlanOf(const WgServerRow &server)
{
    return AddressPlan::create(wgSubnetOf(server.ipv4Address), wgSubnetOf(server.ipv6Address));
}

// A server's subnets against the other servers': two servers sharing
// addresses would give the same address to two clients (and route it
// twice). 409 CONFLICT naming the field and the other server.
Status wgSubnetsFree(const WgServerRow &row, const QList<WgServerRow> &others)
{
    for (const WgServerRow &other : others) {
        if (other.id == row.id)
            continue;
        for (const auto &[mine, theirs, field] :
             {std::tuple{row.ipv4Address, other.ipv4Address, QStringLiteral("ipv4_address")},
              std::tuple{row.ipv6Address, other.ipv6Address, QStringLiteral("ipv6_address")}}) {
            const auto a = wgSubnetOf(mine);
            const auto b = wgSubnetOf(theirs);
            if (a && b && a->prefix.overlaps(b->prefix))
                return Error{
                    ErrorCode::Conflict,
                    QStringLiteral("%1: %2 overlaps the subnet %3 of WireGuard server "
                                   "\"%4\"")
                        .arg(field, a->prefix.toString(), b->prefix.toString(), other.name),
                    {{QStringLiteral("field"), field},
                     {QStringLiteral("reason"), QStringLiteral("overlapping")},
                     {QStringLiteral("server_id"), other.id}}};
        }
    }
    return {};
}

// A client's explicit address: "10.8.0.5" or "10.8.0.5/32".
Result<IpAddress> wgClientAddress(const QString &field, const QString &text, AddressFamily family)
{
    QString plain = text.trimmed();
    const int full = family == AddressFamily::Ipv4 ? 32 : 128;
    if (const qsizetype slash = plain.indexOf(u'/'); slash >= 0) {
        if (plain.mid(slash + 1) != QString::number(full))
            return wgRuleError(field, QStringLiteral("a single address (/%1)").arg(full));
        plain = plain.left(slash);
    }
    auto address = IpAddress::parse(plain);
    if (!address || address.value().family() != family)
        return wgRuleError(field, family == AddressFamily::Ipv4
                                      ? QStringLiteral("an IPv4 address")
                                      : QStringLiteral("an IPv6 address"));
    return address.value();
}

Result<QStringList> wgDnsList(const QString &field, const QStringList &entries)
{
    if (entries.size() > kWgMaxListEntries)
        return wgRuleError(field, QStringLiteral("at most %1 entries").arg(kWgMaxListEntries));
    QStringList out;
    for (const QString &entry : entries) {
        auto address = IpAddress::parse(entry.trimmed());
        if (!address)
            return wgRuleError(field, QStringLiteral("IP addresses of resolvers"));
        out << address.value().toString();
    }
    return out;
}

Result<QStringList> wgCidrList(const QString &field, const QStringList &entries)
{
    if (entries.size() > kWgMaxListEntries)
        return wgRuleError(field, QStringLiteral("at most %1 entries").arg(kWgMaxListEntries));
    QStringList out;
    for (const QString &entry : entries) {
        if (Status s = hm::vpn::checkCidr(field, entry.trimmed()); !s)
            return wgRenamed(s.error(), field);
        const auto cidr = hm::vpn::parseCidr(entry.trimmed());
        if (!cidr)
            return wgRuleError(field, QStringLiteral("CIDR prefixes such as 0.0.0.0/0"));
        out << cidr->toString();
    }
    return out;
}

hm::vpn::WgCidr wgCidr(const QString &address, int length)
{
    return hm::vpn::WgCidr{QHostAddress(address), length};
}

QList<hm::vpn::WgCidr> wgCidrs(const QStringList &texts)
{
    QList<hm::vpn::WgCidr> out;
    for (const QString &text : texts)
        if (const auto cidr = hm::vpn::parseCidr(text))
            out << *cidr;
    return out;
}

QJsonObject wgServerAuditDetails(const WgServerRow &row)
{
    return {{QStringLiteral("name"), row.name},
            {QStringLiteral("interface"), row.interfaceName},
            {QStringLiteral("listen_port"), row.listenPort},
            {QStringLiteral("ipv4_address"), row.ipv4Address},
            {QStringLiteral("ipv6_address"), row.ipv6Address}};
}

QJsonObject wgClientAuditDetails(const WgClientRow &row)
{
    return {{QStringLiteral("name"), row.name},
            {QStringLiteral("server_id"), row.serverId},
            {QStringLiteral("address_family"), row.addressFamily},
            {QStringLiteral("ipv4_address"), row.ipv4Address},
            {QStringLiteral("ipv6_address"), row.ipv6Address},
            {QStringLiteral("enabled"), row.enabled}};
}

QJsonValue wgOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

bool wgClientActive(const WgClientRow &row, qint64 nowMs)
{
    return row.enabled && (!row.expiresAt || *row.expiresAt > nowMs);
}

// "host:port", "[v6]:port"; empty before the peer's first packet.
QString wgEndpointText(const hm::vpn::WgDumpPeer &p)
{
    if (p.endpointHost.isEmpty())
        return {};
    return (p.endpointHost.contains(u':') ? u'[' + p.endpointHost + u']' : p.endpointHost) + u':' +
           QString::number(p.endpointPort);
}

WgTrafficSample wgSampleOf(const hm::vpn::LinkState &link, const hm::vpn::WgDump &dump)
{
    WgTrafficSample sample;
    sample.taken = true;
    sample.exists = link.exists;
    sample.instance = link.instance;
    for (const hm::vpn::WgDumpPeer &p : dump.peers)
        sample.peers.append({p.publicKey, qint64(p.transferRx), qint64(p.transferTx),
                             wgEndpointText(p), p.latestHandshake});
    return sample;
}

// What the interface's counters say now (worker). Not taken when the
// backend applies nothing or a tool failed: nothing is concluded then.
// `onlyKeys`: the sample holds those peers only (the ones a change of a few
// clients touches), read from the dump without parsing the others.
WgTrafficSample wgSampleTraffic(hm::vpn::WireGuardBackend &backend, const QString &name,
                                const QStringList *onlyKeys = nullptr)
{
    if (!backend.applies())
        return {};
    auto link = backend.linkState(name);
    if (!link)
        return {};
    if (!link.value().exists) {
        WgTrafficSample gone;
        gone.taken = true;
        return gone;
    }
    auto dumped = backend.dump(name);
    if (!dumped)
        return {};
    auto parsed = onlyKeys ? hm::vpn::parseWgDumpPeers(dumped.value(), name, *onlyKeys)
                           : hm::vpn::parseWgDump(dumped.value(), name);
    crypto::wipe(dumped.value());
    if (!parsed)
        return {};
    return wgSampleOf(link.value(), parsed.value());
}

// An interface named like the server's that exists on this host and is
// not this server's — another WireGuard interface (its key is another), or
// none at all (a bridge, a veth, an uplink) — is never configured over or
// removed: CONFLICT naming the interface. Ours is the one whose public key
// is the server's, which HiveMind generated. Worker thread (it runs `ip`
// and `wg`); a backend that applies nothing owns no interfaces.
Status wgOwnsInterface(hm::vpn::WireGuardBackend &backend, const WgServerRow &srv)
{
    if (!backend.applies())
        return {};
    auto state = backend.linkState(srv.interfaceName);
    if (!state)
        return state.error();
    if (!state.value().exists)
        return {};
    auto key = backend.publicKey(srv.interfaceName);
    if (key && key.value() == srv.publicKey)
        return {};
    return Error{ErrorCode::Conflict,
                 QStringLiteral("interface: %1 exists on this host and is not this server's "
                                "(another WireGuard interface or another kind of link); HiveMind "
                                "does not change or remove it. Choose another interface name.")
                     .arg(srv.interfaceName),
                 {{QStringLiteral("field"), QStringLiteral("interface")},
                  {QStringLiteral("reason"), QStringLiteral("foreign_interface")}}};
}

} // namespace

WireGuardService::WireGuardService(store::Database &db, crypto::EnvelopeCipher &cipher,
                                   std::shared_ptr<hm::vpn::WireGuardBackend> backend,
                                   std::unique_ptr<store::Database> workerDb,
                                   std::function<QString()> defaultEndpointHost, QObject *parent)
    : QObject(parent), m_db(db), m_cipher(cipher), m_backend(std::move(backend)),
      m_workerDb(std::move(workerDb)), m_defaultEndpointHost(std::move(defaultEndpointHost)),
      m_now(&auth::nowMs), m_traffic(db, m_workerDb.get())
{
    m_pool.setMaxThreadCount(1);
    m_shareLinks = std::make_unique<WgShareLinks>(db, *this);
    if (Status s = m_traffic.load(); !s)
        qCWarning(lcServer).noquote() << "WireGuard traffic not read:" << s.error().message;
    m_expiriesCheckedUntil = now();
    m_expiryTimer.setInterval(kExpiryCheckMs);
    connect(&m_expiryTimer, &QTimer::timeout, this, &WireGuardService::checkExpiries);
    m_expiryTimer.start();
}

void WireGuardService::checkExpiries()
{
    const qint64 until = now();
    auto servers = wgServersWithExpiries(m_db, m_expiriesCheckedUntil, until);
    if (!servers) {
        qCWarning(lcServer).noquote()
            << "WireGuard client expiries not checked:" << servers.error().message;
        return;
    }
    m_expiriesCheckedUntil = until;
    for (const qint64 id : servers.value())
        resync(id);
    rollBackOverdueChanges();
    sampleTraffic();
    pushStatus();
}

void WireGuardService::sampleTraffic()
{
    if (m_backend && m_backend->applies()) {
        auto rows = wgServersToRun(m_db);
        if (rows) {
            for (const WgServerRow &row : rows.value()) {
                // One periodic sample per server waits at a time: on a
                // machine so loaded that a tick's samples take longer than
                // the tick, they would pile up on the one worker, and every
                // change queued behind them would wait for the pile.
                if (row.desiredState != QLatin1String("running") || m_sampling.contains(row.id))
                    continue;
                m_sampling.insert(row.id);
                runSampled(
                    row.id, row.interfaceName,
                    [this, row, at = now()](WgTrafficSample &sample) {
                        takeOffParked(row, at, sample);
                        return QJsonObject{};
                    },
                    [this, id = row.id](Result<QJsonObject>) { m_sampling.remove(id); }, false);
            }
        }
    }
    if (++m_trafficTicks >= kTrafficMaintainTicks && !m_maintaining) {
        m_trafficTicks = 0;
        const auto maintain = [this] {
            if (Status s = m_traffic.maintain(); !s)
                qCWarning(lcServer).noquote()
                    << "WireGuard traffic history not maintained:" << s.error().message;
        };
        // Its writes go where the book writes (WgTrafficBook: the worker's
        // connection, when there is one).
        if (m_workerDb) {
            m_maintaining = true;
            runOnWorker(
                [maintain] {
                    maintain();
                    return Result<QJsonObject>(QJsonObject{});
                },
                [this](Result<QJsonObject>) { m_maintaining = false; });
        } else
            maintain();
    }
}

void WireGuardService::storeTraffic(qint64 serverId, const WgTrafficSample &sample)
{
    if (Status s = m_traffic.account(serverId, sample); !s)
        qCWarning(lcServer).noquote()
            << "WireGuard server" << serverId << "traffic not stored:" << s.error().message;
}

void WireGuardService::bookOnWorker(qint64 serverId, WgTrafficSample &sample)
{
    if (!m_workerDb || !sample.taken || sample.booked)
        return;
    storeTraffic(serverId, sample);
    sample.booked = true;
}

void WireGuardService::accountTraffic(qint64 serverId, const WgTrafficSample &sample)
{
    if (sample.taken && sample.exists) {
        QHash<QString, qint64> &handshakes = m_handshakes[serverId];
        for (const WgTrafficSample::Peer &peer : sample.peers) {
            if (peer.latestHandshake > 0)
                handshakes.insert(peer.publicKey, peer.latestHandshake);
        }
    }
    if (!sample.booked)
        storeTraffic(serverId, sample);
    confirmByHandshake(serverId, sample);
}

void WireGuardService::runSampled(qint64 serverId, const QString &interfaceName,
                                  std::function<Result<QJsonObject>(WgTrafficSample &)> work,
                                  Done done, bool beforeChange, const QSet<qint64> &changingClients)
{
    auto sample = std::make_shared<WgTrafficSample>();
    runOnWorker(
        [this, serverId, backend = m_backend, interfaceName, sample, work = std::move(work),
         beforeChange, changingClients]() {
            if (backend) {
                *sample = wgSampleTraffic(*backend, interfaceName);
                sample->beforeChange = beforeChange;
                sample->changingClients = changingClients;
                // Stored before `work` changes anything.
                bookOnWorker(serverId, *sample);
            }
            return work(*sample);
        },
        [this, serverId, sample, done = std::move(done)](Result<QJsonObject> result) {
            accountTraffic(serverId, *sample);
            done(std::move(result));
        });
}

Result<QJsonObject> WireGuardService::clientTraffic(qint64 id, qint64 startMs, qint64 endMs,
                                                    const QString &tier)
{
    if (auto row = clientRow(id); !row)
        return row.error();
    return m_traffic.history({id, std::nullopt}, startMs, endMs, tier);
}

Result<QJsonObject> WireGuardService::serverTraffic(qint64 id, qint64 startMs, qint64 endMs,
                                                    const QString &tier)
{
    if (auto row = server(id); !row)
        return row.error();
    return m_traffic.history({std::nullopt, id}, startMs, endMs, tier);
}

Result<QJsonObject> WireGuardService::clientEndpoints(qint64 id, int limit)
{
    if (auto row = clientRow(id); !row)
        return row.error();
    return m_traffic.endpoints(id, limit);
}

void WireGuardService::pushStatus()
{
    if (!m_events || m_statusPending)
        return;
    WgServerFilter all;
    all.limit = 1000;
    auto rows = listWgServers(m_db, all);
    if (!rows || rows.value().items.isEmpty())
        return;
    struct Entry
    {
        qint64 id;
        QString name;
        QString interfaceName;
        bool meantToRun;
        qint64 clients;
    };
    QList<Entry> entries;
    for (const WgServerRow &row : rows.value().items)
        entries.append({row.id, row.name, row.interfaceName,
                        row.desiredState == QLatin1String("running"), row.clientsCount});
    m_statusPending = true;
    runOnWorker(
        [backend = m_backend, entries]() -> Result<QJsonObject> {
            QJsonArray servers;
            for (const Entry &e : entries) {
                QString status =
                    e.meantToRun ? QStringLiteral("running") : QStringLiteral("stopped");
                qint64 rx = 0;
                qint64 tx = 0;
                if (e.meantToRun && backend && backend->applies()) {
                    auto link = backend->linkState(e.interfaceName);
                    if (link && link.value().exists && link.value().up) {
                        rx = link.value().rxBytes;
                        tx = link.value().txBytes;
                    } else {
                        status = QStringLiteral("error");
                    }
                }
                servers.append(QJsonObject{{QStringLiteral("id"), e.id},
                                           {QStringLiteral("name"), e.name},
                                           {QStringLiteral("status"), status},
                                           {QStringLiteral("clients_count"), e.clients},
                                           {QStringLiteral("bytes_received"), rx},
                                           {QStringLiteral("bytes_sent"), tx}});
            }
            return QJsonObject{{QStringLiteral("servers"), servers}};
        },
        [this](Result<QJsonObject> status) {
            m_statusPending = false;
            if (status) {
                m_failing.clear();
                for (const QJsonValue &server :
                     status.value().value(QStringLiteral("servers")).toArray()) {
                    if (server[QStringLiteral("status")].toString() == QLatin1String("error"))
                        m_failing.insert(server[QStringLiteral("id")].toInteger());
                }
            }
            if (!status || !m_events || status.value() == m_lastStatus)
                return;
            m_lastStatus = status.value();
            auth::AccountEvent event;
            event.type = QStringLiteral("wireguard_status");
            event.data = status.value();
            event.toEveryone = true;
            event.transient = true;
            m_events->publish(event);
        });
}

WireGuardService::~WireGuardService()
{
    m_pool.clear();
    m_pool.waitForDone();
}

qint64 WireGuardService::now() const
{
    return m_now ? m_now() : QDateTime::currentMSecsSinceEpoch();
}

QString WireGuardService::backendName() const
{
    return m_backend ? m_backend->name() : QStringLiteral("none");
}

// ---- servers ---------------------------------------------------------------

Result<store::Page<WgServerRow>> WireGuardService::listServers(const WgServerFilter &filter)
{
    // Seed 001's statuses: "error" is a server meant to run whose
    // interface was not up at the last check; "running" the others meant
    // to run.
    WgServerFilter stored = filter;
    if (filter.desiredState == QLatin1String("error")) {
        stored.desiredState = QStringLiteral("running");
        stored.onlyIds = failingServers();
    } else if (filter.desiredState == QLatin1String("running")) {
        stored.exceptIds = failingServers();
    }
    return listWgServers(m_db, stored);
}

Result<WgServerRow> WireGuardService::server(qint64 id)
{
    auto row = wgServerById(m_db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return wgServerNotFound();
    return *row.value();
}

Result<WgServerRow> WireGuardService::validatedServer(WgServerRow row,
                                                      const WgServerDetails &details)
{
    if (details.name)
        row.name = details.name->trimmed();
    if (Status s = wgCheckText(QStringLiteral("name"), row.name, true, kWgMaxName); !s)
        return s.error();
    if (details.interfaceName)
        row.interfaceName = details.interfaceName->trimmed();
    if (Status s = hm::vpn::checkInterfaceName(row.interfaceName); !s)
        return wgRenamed(s.error(), QStringLiteral("interface"));
    if (details.listenPort)
        row.listenPort = *details.listenPort;
    if (row.listenPort < 1 || row.listenPort > 65535)
        return wgRuleError(QStringLiteral("listen_port"), QStringLiteral("1 to 65535"));
    if (details.ipv4Address) {
        row.ipv4Address.clear();
        if (!details.ipv4Address->trimmed().isEmpty()) {
            auto a = wgServerAddress(QStringLiteral("ipv4_address"), *details.ipv4Address,
                                     AddressFamily::Ipv4);
            if (!a)
                return a.error();
            row.ipv4Address = a.value();
        }
    }
    if (details.ipv6Address) {
        row.ipv6Address.clear();
        if (!details.ipv6Address->trimmed().isEmpty()) {
            auto a = wgServerAddress(QStringLiteral("ipv6_address"), *details.ipv6Address,
                                     AddressFamily::Ipv6);
            if (!a)
                return a.error();
            row.ipv6Address = a.value();
        }
    }
    if (row.ipv4Address.isEmpty() && row.ipv6Address.isEmpty())
        return wgRuleError(QStringLiteral("ipv4_address"),
                           QStringLiteral("an IPv4 or an IPv6 address (or both) is required"));
    if (auto plan = wgPlanOf(row); !plan) {
        const bool v6 = plan.error().message.contains(QStringLiteral("IPv6"), Qt::CaseInsensitive);
        return wgRenamed(plan.error(), v6 || row.ipv4Address.isEmpty()
                                           ? QStringLiteral("ipv6_address")
                                           : QStringLiteral("ipv4_address"));
    }
    if (details.mtu)
        row.mtu = *details.mtu;
    const int leastMtu = row.ipv6Address.isEmpty() ? 576 : 1280;
    if (row.mtu < leastMtu || row.mtu > 9000)
        return wgRuleError(QStringLiteral("mtu"),
                           QStringLiteral("%1 to 9000 (1280 with IPv6)").arg(leastMtu));
    if (details.persistentKeepalive)
        row.persistentKeepalive = *details.persistentKeepalive;
    if (row.persistentKeepalive < 0 || row.persistentKeepalive > 65535)
        return wgRuleError(QStringLiteral("persistent_keepalive"), QStringLiteral("0 to 65535"));
    if (details.dnsServers) {
        auto dns = wgDnsList(QStringLiteral("dns_servers"), *details.dnsServers);
        if (!dns)
            return dns.error();
        row.dnsServers = dns.value();
    }
    if (details.allowedIps) {
        auto ips = wgCidrList(QStringLiteral("allowed_ips"), *details.allowedIps);
        if (!ips)
            return ips.error();
        row.allowedIps = ips.value();
    }
    if (details.endpointHost)
        row.endpointHost = details.endpointHost->trimmed();
    if (!row.endpointHost.isEmpty()) {
        if (Status s =
                hm::vpn::checkEndpointHost(QStringLiteral("endpoint_host"), row.endpointHost);
            !s)
            return wgRenamed(s.error(), QStringLiteral("endpoint_host"));
    }
    if (details.autoStart)
        row.autoStart = *details.autoStart;
    if (details.description)
        row.description = details.description->trimmed();
    if (Status s =
            wgCheckText(QStringLiteral("description"), row.description, false, kWgMaxDescription);
        !s)
        return s.error();
    return row;
}

Result<WgServerRow> WireGuardService::createServer(const auth::Principal &caller,
                                                   const auth::ClientInfo &client,
                                                   const WgServerDetails &details)
{
    if (Status s = requireWgAdmin(caller); !s)
        return s.error();
    for (const auto &[field, given] :
         {std::pair{QStringLiteral("name"), details.name.has_value()},
          std::pair{QStringLiteral("interface"), details.interfaceName.has_value()},
          std::pair{QStringLiteral("listen_port"), details.listenPort.has_value()}}) {
        if (!given)
            return wgRuleError(field, QStringLiteral("required"));
    }
    WgServerRow row;
    row.allowedIps = {};
    auto checked = validatedServer(row, details);
    if (!checked)
        return checked.error();
    row = checked.value();
    if (!details.allowedIps) {
        // What the clients route through the tunnel by default: all of
        // each family the server has.
        if (!row.ipv4Address.isEmpty())
            row.allowedIps << QStringLiteral("0.0.0.0/0");
        if (!row.ipv6Address.isEmpty())
            row.allowedIps << QStringLiteral("::/0");
    }
    row.createdAt = now();
    row.updatedAt = row.createdAt;
    crypto::WireGuardKeyPair keys = crypto::generateWireGuardKeyPair();
    row.publicKey = crypto::wireGuardKeyToBase64(keys.publicKey);
    {
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        auto taken = wgListenPortTaken(m_db, row.listenPort, 0);
        if (!taken)
            return taken.error();
        if (taken.value())
            return Error{ErrorCode::Conflict,
                         QStringLiteral("listen_port: another WireGuard server listens on it"),
                         {{QStringLiteral("field"), QStringLiteral("listen_port")}}};
        auto others = allWgServers(m_db);
        if (!others)
            return others.error();
        if (Status s = wgSubnetsFree(row, others.value()); !s)
            return s.error();
        auto id = insertWgServer(m_db, row);
        if (!id)
            return id.error();
        row.id = id.value();
        QByteArray secret = crypto::wireGuardSecretToBase64(keys.privateKey);
        auto sealed = m_cipher.encrypt(secret, crypto::DekPurpose::Credential, wgServerAad(row.id));
        crypto::wipe(secret);
        if (!sealed)
            return sealed.error();
        if (Status s = setWgServerPrivateKey(m_db, row.id, sealed.value()); !s)
            return s.error();
        if (Status s = txn.value().commit(); !s)
            return s.error();
        row.sealedPrivateKey = sealed.value();
    }
    auth::audit(m_db, QStringLiteral("WIREGUARD_SERVER_CREATED"), caller.userId,
                QStringLiteral("wireguard_server"), QString::number(row.id), client.ip,
                client.userAgent, wgServerAuditDetails(row));
    return row;
}

Result<WgServerRow> WireGuardService::updateServer(const auth::Principal &caller,
                                                   const auth::ClientInfo &client, qint64 id,
                                                   const WgServerDetails &details)
{
    if (Status s = requireWgAdmin(caller); !s)
        return s.error();
    auto existing = server(id);
    if (!existing)
        return existing.error();
    if (Status s = refuseWhilePending(QStringLiteral("server"), id); !s)
        return s.error();
    auto checked = validatedServer(existing.value(), details);
    if (!checked)
        return checked.error();
    WgServerRow row = checked.value();
    if (row.interfaceName != existing.value().interfaceName &&
        existing.value().desiredState == QLatin1String("running"))
        return Error{ErrorCode::Conflict,
                     QStringLiteral("interface: stop the server before renaming its interface"),
                     {{QStringLiteral("field"), QStringLiteral("interface")}}};
    auto clients = wgClientsOfServer(m_db, id);
    if (!clients)
        return clients.error();
    // Every client keeps its addresses: they must still fit the subnets.
    auto plan = wgPlanOf(row);
    if (!plan)
        return wgRenamed(plan.error(), QStringLiteral("ipv4_address"));
    for (const WgClientRow &c : clients.value()) {
        for (const auto &[text, field] :
             {std::pair{c.ipv4Address, QStringLiteral("ipv4_address")},
              std::pair{c.ipv6Address, QStringLiteral("ipv6_address")}}) {
            if (text.isEmpty())
                continue;
            auto address = IpAddress::parse(text);
            if (!address || !plan.value().take(address.value()))
                return wgRuleError(field, QStringLiteral("client %1 holds an address this subnet "
                                                         "does not give out")
                                              .arg(c.id));
        }
    }
    row.updatedAt = now();
    {
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        auto taken = wgListenPortTaken(m_db, row.listenPort, id);
        if (!taken)
            return taken.error();
        if (taken.value())
            return Error{ErrorCode::Conflict,
                         QStringLiteral("listen_port: another WireGuard server listens on it"),
                         {{QStringLiteral("field"), QStringLiteral("listen_port")}}};
        auto others = allWgServers(m_db);
        if (!others)
            return others.error();
        if (Status s = wgSubnetsFree(row, others.value()); !s)
            return s.error();
        if (Status s = updateWgServer(m_db, row); !s)
            return s.error();
        if (details.confirm)
            if (Status s =
                    openPendingChange(QStringLiteral("server"), id, id,
                                      wgServerSnapshot(existing.value()), *details.confirm, caller);
                !s)
                return s.error();
        if (Status s = txn.value().commit(); !s)
            return s.error();
    }
    auth::audit(m_db, QStringLiteral("WIREGUARD_SERVER_UPDATED"), caller.userId,
                QStringLiteral("wireguard_server"), QString::number(id), client.ip,
                client.userAgent, wgServerAuditDetails(row));
    resync(id);
    return server(id);
}

Status WireGuardService::removeServer(const auth::Principal &caller, const auth::ClientInfo &client,
                                      qint64 id)
{
    if (Status s = requireWgAdmin(caller); !s)
        return s.error();
    auto existing = server(id);
    if (!existing)
        return existing.error();
    auto deleted = deleteWgServer(m_db, id);
    if (!deleted)
        return deleted.error();
    if (deleted.value() == 0)
        return wgServerNotFound();
    m_traffic.forgetServer(id);
    m_handshakes.remove(id);
    m_failing.remove(id);
    auth::audit(m_db, QStringLiteral("WIREGUARD_SERVER_DELETED"), caller.userId,
                QStringLiteral("wireguard_server"), QString::number(id), client.ip,
                client.userAgent, wgServerAuditDetails(existing.value()));
    if (m_backend) {
        // The interface goes with its server, and so does whatever the
        // backend keeps of it (the config-only backend's file, with keys).
        const QString name = existing.value().interfaceName;
        const bool running = existing.value().desiredState == QLatin1String("running");
        runOnWorker(
            [backend = m_backend, row = existing.value(), name, running]() -> Result<QJsonObject> {
                if (running) {
                    if (Status s = wgOwnsInterface(*backend, row); !s)
                        return s.error();
                    if (Status s = backend->down(name); !s)
                        return s.error();
                }
                if (Status s = backend->forget(name); !s)
                    return s.error();
                return QJsonObject{};
            },
            [name](Result<QJsonObject> done) {
                if (!done)
                    qCWarning(lcServer).noquote()
                        << "WireGuard interface" << name << "not removed:" << done.error().message;
            });
    }
    return {};
}

// ---- clients ---------------------------------------------------------------

Result<store::Page<WgClientRow>> WireGuardService::listClients(const WgClientFilter &filter)
{
    WgClientFilter at = filter;
    at.nowMs = now(); // "active" and "expired" as clientJson() tells them
    return listWgClients(m_db, at);
}

Result<WgClientRow> WireGuardService::clientRow(qint64 id)
{
    auto row = wgClientById(m_db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return wgClientNotFound();
    return *row.value();
}

Result<WgClientRow> WireGuardService::validatedClient(const WgServerRow &server, WgClientRow row,
                                                      const WgClientDetails &details, bool creating)
{
    if (details.name)
        row.name = details.name->trimmed();
    if (Status s = wgCheckText(QStringLiteral("name"), row.name, true, kWgMaxName); !s)
        return s.error();
    if (details.description)
        row.description = details.description->trimmed();
    if (Status s =
            wgCheckText(QStringLiteral("description"), row.description, false, kWgMaxDescription);
        !s)
        return s.error();
    if (details.allowedIps) {
        auto ips = wgCidrList(QStringLiteral("allowed_ips"), *details.allowedIps);
        if (!ips)
            return ips.error();
        row.allowedIps = ips.value();
    }
    if (details.dnsServers) {
        auto dns = wgDnsList(QStringLiteral("dns_servers"), *details.dnsServers);
        if (!dns)
            return dns.error();
        row.dnsServers = dns.value();
    }
    if (details.persistentKeepalive)
        row.persistentKeepalive = *details.persistentKeepalive;
    if (row.persistentKeepalive < 0 || row.persistentKeepalive > 65535)
        return wgRuleError(QStringLiteral("persistent_keepalive"), QStringLiteral("0 to 65535"));
    if (details.enabled)
        row.enabled = *details.enabled;
    if (details.expiresAt)
        row.expiresAt = *details.expiresAt;

    // Addresses: the family decides which ones the client holds.
    auto plan = wgPlanOf(server);
    if (!plan)
        return plan.error();
    if (details.addressFamily) {
        const auto family = hm::vpn::addressFamilyFromName(*details.addressFamily);
        if (!family)
            return wgRuleError(QStringLiteral("address_family"),
                               QStringLiteral("one of ipv4, ipv6, dual"));
        row.addressFamily = hm::vpn::addressFamilyName(*family);
    } else if (creating) {
        // Explicit addresses say the family; otherwise what the server has.
        const bool v4 = details.ipv4Address && !details.ipv4Address->trimmed().isEmpty();
        const bool v6 = details.ipv6Address && !details.ipv6Address->trimmed().isEmpty();
        const AddressFamily family = v4 && !v6   ? AddressFamily::Ipv4
                                     : v6 && !v4 ? AddressFamily::Ipv6
                                                 : plan.value().family();
        row.addressFamily = hm::vpn::addressFamilyName(family);
    }
    const bool wantV4 = row.addressFamily != QLatin1String("ipv6");
    const bool wantV6 = row.addressFamily != QLatin1String("ipv4");
    if (wantV4 && !plan.value().ipv4())
        return wgRuleError(QStringLiteral("address_family"),
                           QStringLiteral("the server has no IPv4 subnet"));
    if (wantV6 && !plan.value().ipv6())
        return wgRuleError(QStringLiteral("address_family"),
                           QStringLiteral("the server has no IPv6 subnet"));

    // Every other client's addresses are taken; read only when an address
    // is placed or moved (not for a rename or a disable: at 10,000 clients
    // that read is most of such a change's time).
    bool takenKnown = false;
    const auto knowTaken = [&]() -> Status {
        if (takenKnown)
            return {};
        takenKnown = true;
        auto others = wgClientAddressesOfServer(m_db, server.id);
        if (!others)
            return others.error();
        for (const WgClientAddresses &other : others.value()) {
            if (other.id == row.id)
                continue;
            for (const QString &text : {other.ipv4Address, other.ipv6Address}) {
                if (text.isEmpty())
                    continue;
                if (auto address = IpAddress::parse(text))
                    (void)plan.value().take(address.value());
            }
        }
        return {};
    };
    for (const auto &[family, field, wanted, given, current] :
         {std::tuple{AddressFamily::Ipv4, QStringLiteral("ipv4_address"), wantV4,
                     details.ipv4Address, &row.ipv4Address},
          std::tuple{AddressFamily::Ipv6, QStringLiteral("ipv6_address"), wantV6,
                     details.ipv6Address, &row.ipv6Address}}) {
        if (!wanted) {
            if (given && !given->trimmed().isEmpty())
                return wgRuleError(field, QStringLiteral("the client's address family has none"));
            current->clear();
            continue;
        }
        if (given && !given->trimmed().isEmpty()) {
            auto address = wgClientAddress(field, *given, family);
            if (!address)
                return address.error();
            if (address.value().toString() != *current) {
                if (Status known = knowTaken(); !known)
                    return known.error();
                if (Status s = plan.value().checkClientAddress(address.value()); !s)
                    return wgRenamed(s.error(), field);
            }
            *current = address.value().toString();
            continue;
        }
        if (!current->isEmpty() && !given)
            continue; // kept
        // Automatic: the lowest free one.
        if (Status known = knowTaken(); !known)
            return known.error();
        auto next = plan.value().nextFreeClientAddress(family);
        if (!next)
            return wgRenamed(next.error(), field);
        *current = next.value().toString();
    }
    return row;
}

Result<QString> WireGuardService::renderClientConfig(const WgServerRow &server,
                                                     const WgClientRow &row)
{
    // An imported client's private key stayed with its owner (WgImport).
    if (row.sealedPrivateKey.isEmpty())
        return Error{ErrorCode::Conflict,
                     QStringLiteral("this client was imported without its private key; its "
                                    "owner keeps its config")};
    auto privateKey =
        m_cipher.decrypt(row.sealedPrivateKey, crypto::DekPurpose::Credential, wgClientAad(row.id));
    if (!privateKey)
        return privateKey.error();
    QByteArray preshared;
    if (!row.sealedPresharedKey.isEmpty()) {
        auto opened = m_cipher.decrypt(row.sealedPresharedKey, crypto::DekPurpose::Credential,
                                       wgPresharedAad(row.id));
        if (!opened) {
            crypto::wipe(privateKey.value());
            return opened.error();
        }
        preshared = opened.value();
    }
    hm::vpn::WgQuickConfig config;
    config.interface.privateKey = QString::fromLatin1(privateKey.value());
    if (!row.ipv4Address.isEmpty())
        config.interface.addresses << wgCidr(row.ipv4Address, 32);
    if (!row.ipv6Address.isEmpty())
        config.interface.addresses << wgCidr(row.ipv6Address, 128);
    const QStringList dns = row.dnsServers.isEmpty() ? server.dnsServers : row.dnsServers;
    for (const QString &entry : dns)
        config.interface.dns << QHostAddress(entry);
    hm::vpn::WgPeer peer;
    peer.publicKey = server.publicKey;
    peer.presharedKey = QString::fromLatin1(preshared);
    QStringList allowed = row.allowedIps.isEmpty() ? server.allowedIps : row.allowedIps;
    if (allowed.isEmpty()) {
        if (!row.ipv4Address.isEmpty())
            allowed << QStringLiteral("0.0.0.0/0");
        if (!row.ipv6Address.isEmpty())
            allowed << QStringLiteral("::/0");
    }
    peer.allowedIps = wgCidrs(allowed);
    peer.endpointHost = server.endpointHost;
    if (peer.endpointHost.isEmpty() && m_defaultEndpointHost)
        peer.endpointHost = m_defaultEndpointHost();
    if (!hm::vpn::isValidHostName(peer.endpointHost))
        peer.endpointHost = QStringLiteral("localhost");
    peer.endpointPort = quint16(server.listenPort);
    const int keepalive =
        row.persistentKeepalive > 0 ? row.persistentKeepalive : server.persistentKeepalive;
    if (keepalive > 0)
        peer.persistentKeepalive = quint16(keepalive);
    config.peers << peer;
    auto text = hm::vpn::wgquick::render(config);
    crypto::wipe(privateKey.value());
    crypto::wipe(preshared);
    return text;
}

Result<CreatedWgClient> WireGuardService::createClient(const auth::Principal &caller,
                                                       const auth::ClientInfo &client,
                                                       const WgClientDetails &details)
{
    if (Status s = requireWgAdmin(caller); !s)
        return s.error();
    if (!details.serverId)
        return wgRuleError(QStringLiteral("server_id"), QStringLiteral("required"));
    if (!details.name)
        return wgRuleError(QStringLiteral("name"), QStringLiteral("required"));
    auto serverRow = wgServerById(m_db, *details.serverId);
    if (!serverRow)
        return serverRow.error();
    if (!serverRow.value())
        return wgRuleError(QStringLiteral("server_id"), QStringLiteral("no such server"));
    const WgServerRow &srv = *serverRow.value();

    CreatedWgClient created;
    WgClientRow &row = created.row;
    row.serverId = srv.id;
    row.createdAt = now();
    row.updatedAt = row.createdAt;
    crypto::WireGuardKeyPair keys = crypto::generateWireGuardKeyPair();
    row.publicKey = crypto::wireGuardKeyToBase64(keys.publicKey);
    {
        // The address choice and the insert in one transaction; the unique
        // indexes answer CONFLICT if anything slipped past.
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        auto checked = validatedClient(srv, row, details, true);
        if (!checked)
            return checked.error();
        row = checked.value();
        auto id = insertWgClient(m_db, row);
        if (!id)
            return id.error();
        row.id = id.value();
        QByteArray secret = crypto::wireGuardSecretToBase64(keys.privateKey);
        auto sealed = m_cipher.encrypt(secret, crypto::DekPurpose::Credential, wgClientAad(row.id));
        crypto::wipe(secret);
        if (!sealed)
            return sealed.error();
        row.sealedPrivateKey = sealed.value();
        if (details.presharedKey) {
            QByteArray psk = crypto::wireGuardSecretToBase64(crypto::generatePresharedKey());
            auto sealedPsk =
                m_cipher.encrypt(psk, crypto::DekPurpose::Credential, wgPresharedAad(row.id));
            crypto::wipe(psk);
            if (!sealedPsk)
                return sealedPsk.error();
            row.sealedPresharedKey = sealedPsk.value();
        }
        if (Status s = setWgClientKeys(m_db, row.id, row.sealedPrivateKey, row.sealedPresharedKey);
            !s)
            return s.error();
        if (Status s = txn.value().commit(); !s)
            return s.error();
    }
    auth::audit(m_db, QStringLiteral("WIREGUARD_CLIENT_CREATED"), caller.userId,
                QStringLiteral("wireguard_client"), QString::number(row.id), client.ip,
                client.userAgent, wgClientAuditDetails(row));
    auto config = renderClientConfig(srv, row);
    if (!config)
        return config.error();
    created.config = config.value();
    auto qr = hm::qr::pngDataUrl(created.config.toUtf8());
    if (qr)
        created.qrCode = qr.value();
    resync(srv.id, {row.id});
    return created;
}

Result<WgClientRow> WireGuardService::updateClient(const auth::Principal &caller,
                                                   const auth::ClientInfo &client, qint64 id,
                                                   const WgClientDetails &details)
{
    if (Status s = requireWgAdmin(caller); !s)
        return s.error();
    auto existing = clientRow(id);
    if (!existing)
        return existing.error();
    if (details.serverId && *details.serverId != existing.value().serverId)
        return wgRuleError(QStringLiteral("server_id"),
                           QStringLiteral("a client stays on its server"));
    if (Status s = refuseWhilePending(QStringLiteral("client"), id); !s)
        return s.error();
    auto srv = server(existing.value().serverId);
    if (!srv)
        return srv.error();
    WgClientRow row;
    {
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        auto checked = validatedClient(srv.value(), existing.value(), details, false);
        if (!checked)
            return checked.error();
        row = checked.value();
        row.updatedAt = now();
        if (Status s = updateWgClient(m_db, row); !s)
            return s.error();
        if (details.confirm)
            if (Status s =
                    openPendingChange(QStringLiteral("client"), id, row.serverId,
                                      wgClientSnapshot(existing.value()), *details.confirm, caller);
                !s)
                return s.error();
        if (Status s = txn.value().commit(); !s)
            return s.error();
    }
    auth::audit(m_db, QStringLiteral("WIREGUARD_CLIENT_UPDATED"), caller.userId,
                QStringLiteral("wireguard_client"), QString::number(id), client.ip,
                client.userAgent, wgClientAuditDetails(row));
    resync(row.serverId, {id});
    return row;
}

Status WireGuardService::removeClient(const auth::Principal &caller, const auth::ClientInfo &client,
                                      qint64 id)
{
    if (Status s = requireWgAdmin(caller); !s)
        return s.error();
    auto existing = clientRow(id);
    if (!existing)
        return existing.error();
    auto deleted = deleteWgClient(m_db, id);
    if (!deleted)
        return deleted.error();
    if (deleted.value() == 0)
        return wgClientNotFound();
    m_traffic.forgetClient(id);
    m_handshakes[existing.value().serverId].remove(existing.value().publicKey);
    (void)deleteWgPendingChange(m_db, QStringLiteral("client"), id);
    auth::audit(m_db, QStringLiteral("WIREGUARD_CLIENT_DELETED"), caller.userId,
                QStringLiteral("wireguard_client"), QString::number(id), client.ip,
                client.userAgent, wgClientAuditDetails(existing.value()));
    resync(existing.value().serverId, {id});
    return {};
}

Result<WgClientRow> WireGuardService::setClientEnabled(const auth::Principal &caller,
                                                       const auth::ClientInfo &client, qint64 id,
                                                       bool enabled)
{
    WgClientDetails details;
    details.enabled = enabled;
    return updateClient(caller, client, id, details);
}

Result<QString> WireGuardService::clientConfigText(qint64 id)
{
    auto row = clientRow(id);
    if (!row)
        return row.error();
    auto srv = server(row.value().serverId);
    if (!srv)
        return srv.error();
    return renderClientConfig(srv.value(), row.value());
}

Result<QString> WireGuardService::downloadClientConfig(const auth::Principal &caller,
                                                       const auth::ClientInfo &client, qint64 id)
{
    if (caller.role == auth::Role::Viewer)
        return Error{ErrorCode::InsufficientPermissions,
                     QStringLiteral("a client's config holds its private key: viewers cannot "
                                    "download it")};
    auto row = clientRow(id);
    if (!row)
        return row.error();
    auto srv = server(row.value().serverId);
    if (!srv)
        return srv.error();
    auto text = renderClientConfig(srv.value(), row.value());
    if (!text)
        return text.error();
    auth::audit(m_db, QStringLiteral("WIREGUARD_CLIENT_CONFIG_DOWNLOADED"), caller.userId,
                QStringLiteral("wireguard_client"), QString::number(id), client.ip,
                client.userAgent, wgClientAuditDetails(row.value()));
    return text;
}

// ---- JSON ------------------------------------------------------------------

QJsonObject WireGuardService::serverJson(const WgServerRow &row)
{
    return {
        {QStringLiteral("id"), row.id},
        {QStringLiteral("name"), row.name},
        {QStringLiteral("interface"), row.interfaceName},
        {QStringLiteral("listen_port"), row.listenPort},
        {QStringLiteral("ipv4_address"), wgOrNull(row.ipv4Address)},
        {QStringLiteral("ipv6_address"), wgOrNull(row.ipv6Address)},
        {QStringLiteral("public_key"), row.publicKey},
        {QStringLiteral("private_key"), kRedacted},
        {QStringLiteral("status"), row.desiredState},
        {QStringLiteral("clients_count"), row.clientsCount},
        {QStringLiteral("endpoint_host"), row.endpointHost},
        {QStringLiteral("auto_start"), row.autoStart},
        {QStringLiteral("description"), row.description},
        {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
        {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("dns_servers"), QJsonArray::fromStringList(row.dnsServers)},
                     {QStringLiteral("mtu"), row.mtu},
                     {QStringLiteral("persistent_keepalive"), row.persistentKeepalive},
                     {QStringLiteral("allowed_ips"), QJsonArray::fromStringList(row.allowedIps)}}}};
}

QJsonObject WireGuardService::clientJson(const WgClientRow &row)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QString status = QStringLiteral("active");
    if (!row.enabled)
        status = QStringLiteral("disabled");
    else if (!wgClientActive(row, nowMs))
        status = QStringLiteral("expired");
    return {{QStringLiteral("id"), row.id},
            {QStringLiteral("name"), row.name},
            {QStringLiteral("server_id"), row.serverId},
            {QStringLiteral("address_family"), row.addressFamily},
            {QStringLiteral("ipv4_address"),
             row.ipv4Address.isEmpty() ? QJsonValue() : QJsonValue(row.ipv4Address + u"/32")},
            {QStringLiteral("ipv6_address"),
             row.ipv6Address.isEmpty() ? QJsonValue() : QJsonValue(row.ipv6Address + u"/128")},
            {QStringLiteral("public_key"), row.publicKey},
            {QStringLiteral("private_key"), kRedacted},
            {QStringLiteral("has_private_key"), !row.sealedPrivateKey.isEmpty()},
            {QStringLiteral("preshared_key"),
             row.sealedPresharedKey.isEmpty() ? QJsonValue() : QJsonValue(kRedacted)},
            {QStringLiteral("status"), status},
            {QStringLiteral("enabled"), row.enabled},
            {QStringLiteral("expires_at"),
             row.expiresAt ? auth::isoOrNull(*row.expiresAt) : QJsonValue()},
            {QStringLiteral("allowed_ips"), QJsonArray::fromStringList(row.allowedIps)},
            {QStringLiteral("dns_servers"), QJsonArray::fromStringList(row.dnsServers)},
            {QStringLiteral("persistent_keepalive"), row.persistentKeepalive},
            {QStringLiteral("description"), row.description},
            {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
            {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)}};
}

QJsonObject WireGuardService::serverView(const WgServerRow &row) const
{
    QJsonObject json = serverJson(row);
    if (row.desiredState == QLatin1String("running") && m_failing.contains(row.id))
        json.insert(QStringLiteral("status"), QStringLiteral("error"));
    qint64 rx = 0;
    qint64 tx = 0;
    qint64 handshake = 0;
    if (auto clients = wgClientIdsByKey(m_db, row.id)) {
        for (const qint64 clientId : clients.value()) {
            const auto [clientRx, clientTx] = m_traffic.totals(clientId);
            rx += clientRx;
            tx += clientTx;
        }
    }
    for (const qint64 at : m_handshakes.value(row.id))
        handshake = std::max(handshake, at);
    json.insert(QStringLiteral("bytes_received"), rx);
    json.insert(QStringLiteral("bytes_sent"), tx);
    json.insert(QStringLiteral("last_handshake"),
                handshake > 0 ? auth::isoOrNull(handshake * 1000) : QJsonValue());
    return json;
}

QJsonObject WireGuardService::clientView(const WgClientRow &row) const
{
    QJsonObject json = clientJson(row);
    const auto [rx, tx] = m_traffic.totals(row.id);
    const qint64 handshake = m_handshakes.value(row.serverId).value(row.publicKey);
    json.insert(QStringLiteral("bytes_received"), rx);
    json.insert(QStringLiteral("bytes_sent"), tx);
    json.insert(QStringLiteral("last_handshake"),
                handshake > 0 ? auth::isoOrNull(handshake * 1000) : QJsonValue());
    return json;
}

Result<QJsonObject> WireGuardService::overview() const
{
    WgServerFilter servers;
    servers.limit = 1;
    auto serverPage = listWgServers(m_db, servers);
    if (!serverPage)
        return serverPage.error();
    WgClientFilter clients;
    clients.limit = 1;
    auto clientPage = listWgClients(m_db, clients);
    if (!clientPage)
        return clientPage.error();
    const auto [rx, tx] = m_traffic.grandTotals();
    const qint64 since = now() / 1000 - kActiveHandshakeSeconds;
    qint64 active = 0;
    for (const QHash<QString, qint64> &server : m_handshakes) {
        for (const qint64 at : server)
            active += at >= since ? 1 : 0;
    }
    return QJsonObject{{QStringLiteral("servers_count"), serverPage.value().total},
                       {QStringLiteral("clients_count"), clientPage.value().total},
                       {QStringLiteral("total_traffic"), rx + tx},
                       {QStringLiteral("active_connections"), active}};
}

// ---- applying --------------------------------------------------------------

void WireGuardService::later(Done done, Result<QJsonObject> result)
{
    // Always after the caller returned, like the worker's answers.
    QMetaObject::invokeMethod(
        this,
        [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

void WireGuardService::runOnWorker(std::function<Result<QJsonObject>()> work, Done done)
{
    QPointer<WireGuardService> self(this);
    m_pool.start([self, work = std::move(work), done = std::move(done)]() mutable {
        Result<QJsonObject> result = work();
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [done = std::move(done), result = std::move(result)]() mutable {
                done(std::move(result));
            },
            Qt::QueuedConnection);
    });
}

namespace {

// The interface of `srv` with `peers`: all of its active clients, or only
// those a patch sets. Keys stay sealed until WgApplyPlan::render().
WgApplyPlan wgInterfacePlan(crypto::EnvelopeCipher &cipher, const WgServerRow &srv,
                            const QList<WgPlannedPeer> &peers)
{
    WgApplyPlan plan;
    plan.cipher = &cipher;
    plan.keys.append({srv.sealedPrivateKey, wgServerAad(srv.id)});
    hm::vpn::WgQuickConfig &config = plan.config;
    hm::vpn::InterfaceSpec &spec = plan.spec;
    spec.name = srv.interfaceName;
    for (const QString &address : {srv.ipv4Address, srv.ipv6Address}) {
        if (address.isEmpty())
            continue;
        if (const auto cidr = hm::vpn::parseCidr(address))
            config.interface.addresses << *cidr;
        spec.addresses << address;
    }
    config.interface.listenPort = quint16(srv.listenPort);
    config.interface.mtu = srv.mtu;
    spec.mtu = srv.mtu;
    config.peers.reserve(peers.size());
    for (const WgPlannedPeer &p : peers) {
        if (p.parked) {
            // No allowed IPs: nothing goes in or out; a preshared key no
            // client has: no new session. render() wipes the key.
            hm::vpn::WgPeer cut;
            cut.publicKey = p.peer.publicKey;
            QByteArray psk = crypto::wireGuardSecretToBase64(crypto::generatePresharedKey());
            cut.presharedKey = QString::fromLatin1(psk);
            crypto::wipe(psk);
            config.peers << std::move(cut);
            continue;
        }
        if (!p.sealedPresharedKey.isEmpty())
            plan.keys.append(
                {p.sealedPresharedKey, wgPresharedAad(p.clientId), qsizetype(config.peers.size())});
        // Prefixes delegated to the clients (IPv6 pools): in the peer's
        // AllowedIPs and routed into the interface.
        spec.routes << p.routes;
        config.peers << p.peer;
    }
    return plan;
}

} // namespace

Result<QJsonObject> WireGuardService::applyOnWorker(const WgServerRow &srv, qint64 nowMs,
                                                    bool syncOnly, WgTrafficSample &sample)
{
    if (!m_workerDb)
        return Error{ErrorCode::InternalError,
                     QStringLiteral("the WireGuard worker has no database connection")};
    // Whatever happens below, the interface is no longer what the kept
    // plan says until this apply succeeds.
    m_plans.forget(srv.id);
    auto peers = plannedPeers(*m_workerDb, srv, nowMs);
    if (!peers)
        return peers.error();
    if (sample.exists && sample.beforeChange && !sample.changingClients.isEmpty()) {
        QSet<QString> kept;
        kept.reserve(peers.value().size());
        for (const WgPlannedPeer &p : std::as_const(peers.value()))
            kept.insert(p.peer.publicKey);
        for (const WgTrafficSample::Peer &peer : std::as_const(sample.peers))
            if (!kept.contains(peer.publicKey))
                sample.removedKeys.insert(peer.publicKey);
    }
    // Stored before the interface changes.
    bookOnWorker(srv.id, sample);
    auto spec = wgInterfacePlan(m_cipher, srv, peers.value()).render();
    if (!spec)
        return spec.error();
    Status s;
    if (syncOnly) {
        s = m_backend->sync(spec.value());
    } else if (Status owned = wgOwnsInterface(*m_backend, srv); !owned) {
        s = owned;
    } else {
        auto state = m_backend->linkState(spec.value().name);
        s = state && state.value().exists ? m_backend->sync(spec.value())
                                          : m_backend->up(spec.value());
    }
    crypto::wipe(spec.value().setconf);
    crypto::wipe(spec.value().quickConfig);
    if (!s)
        return s.error();
    Metrics::instance().wireguardWholeApplies.inc();
    if (m_backend->applies())
        m_plans.remember(srv.id, WgPeerPlans::fingerprintOf(srv), peers.value());
    return QJsonObject{};
}

Result<bool> WireGuardService::patchOnWorker(const WgServerRow &srv, qint64 nowMs,
                                             const QSet<qint64> &changingClients,
                                             WgTrafficSample &sample)
{
    if (!m_workerDb || !m_backend->applies() || changingClients.isEmpty() ||
        changingClients.size() > kPatchClients)
        return false;
    WgPeerPlans::Plan *plan = m_plans.find(srv.id, WgPeerPlans::fingerprintOf(srv));
    if (!plan)
        return false;
    // The changing clients as stored now, against the plan.
    QList<WgPlannedPeer> set;
    QList<qint64> gone;
    QSet<qint64> added;             // clients whose peer the interface does not have yet
    QHash<QString, qint64> parking; // peers cut off by this patch (Plan::parked)
    QStringList unparked;           // parked peers set back as they were
    hm::vpn::PeerPatch patch;
    patch.name = srv.interfaceName;
    for (const qint64 id : changingClients) {
        auto row = wgActivePeerOfServer(*m_workerDb, srv.id, id, nowMs);
        if (!row)
            return row.error();
        std::optional<WgPlannedPeer> now;
        if (row.value()) {
            auto allocations = ipv6AllocationsOfClient(*m_workerDb, id);
            if (!allocations)
                return allocations.error();
            QStringList prefixes;
            for (const Ipv6AllocationRow &a : std::as_const(allocations.value()))
                prefixes << a.prefix;
            now = wgPlannedPeer(*row.value(), prefixes);
        }
        const auto before = plan->peers.constFind(id);
        const bool had = before != plan->peers.cend();
        const QStringList routesBefore = had ? before->routes : QStringList{};
        const QStringList routesNow = now ? now->routes : QStringList{};
        for (const QString &route : routesNow)
            if (!routesBefore.contains(route))
                patch.routesAdded << route;
        for (const QString &route : routesBefore)
            if (!routesNow.contains(route))
                patch.routesRemoved << route;
        const bool keyChanged = had && now && now->peer.publicKey != before->peer.publicKey;
        if (had && !now) {
            parking.insert(before->peer.publicKey, id);
            WgPlannedPeer cut;
            cut.clientId = id;
            cut.peer.publicKey = before->peer.publicKey;
            cut.parked = true;
            set << cut;
        } else if (keyChanged) {
            patch.removed << before->peer.publicKey; // rare: taken off at once, below
        }
        if (!now) {
            gone << id;
            continue;
        }
        if (const auto parked = plan->parked.constFind(now->peer.publicKey);
            parked != plan->parked.cend()) {
            if (parked.value() != id)
                return false; // another client's parked peer: the whole config sorts it out
            unparked << now->peer.publicKey; // never left: its counters go on
        } else if (!had || keyChanged) {
            added.insert(id);
        }
        set << *now;
    }
    // A peer taken off takes its counters with it: sampled just before, as
    // a whole change would (WgTrafficSample::removedKeys), with only the
    // changing clients' peers read out of the dump. Only a client's new key
    // takes its old peer off at once; a client that goes is parked instead
    // (its peer read and taken off by the next periodic sample), so the
    // dump, which grows with the interface, stays out of the usual change.
    if (!patch.removed.isEmpty() && !sample.taken) {
        QStringList keys;
        for (const qint64 id : changingClients)
            if (const auto before = plan->peers.constFind(id); before != plan->peers.cend())
                keys << before->peer.publicKey;
        sample = wgSampleTraffic(*m_backend, srv.interfaceName, &keys);
        sample.onlySome = true;
        sample.beforeChange = true;
        sample.changingClients = changingClients;
        for (const QString &key : std::as_const(patch.removed))
            sample.removedKeys.insert(key);
        bookOnWorker(srv.id, sample); // stored before the peers go
    }
    if (!added.isEmpty()) {
        // A peer added starts its counters from zero. The book has to hear
        // that the peer is not there before it is added, or a client
        // disabled and enabled again between two samples would have its
        // new counters read as the old ones going on: what a sample just
        // before the change would show, without reading the interface.
        WgTrafficSample absent = WgTrafficSample::absentBefore(added);
        bookOnWorker(srv.id, absent);
    }
    auto spec = wgInterfacePlan(m_cipher, srv, set).render();
    if (!spec)
        return spec.error();
    patch.setconf = std::move(spec.value().setconf);
    crypto::wipe(spec.value().quickConfig);
    auto patched = m_backend->patchPeers(patch);
    crypto::wipe(patch.setconf);
    if (!patched || !patched.value()) {
        m_plans.forget(srv.id);
        return patched;
    }
    Metrics::instance().wireguardPatches.inc();
    for (const qint64 id : std::as_const(gone))
        plan->peers.remove(id);
    for (const WgPlannedPeer &p : std::as_const(set))
        if (!p.parked)
            plan->peers.insert(p.clientId, p);
    for (const QString &key : std::as_const(unparked))
        plan->parked.remove(key);
    for (auto it = parking.cbegin(); it != parking.cend(); ++it)
        plan->parked.insert(it.key(), it.value());
    return true;
}

void WireGuardService::takeOffParked(const WgServerRow &srv, qint64 nowMs, WgTrafficSample &sample)
{
    WgPeerPlans::Plan *plan = m_plans.find(srv.id, WgPeerPlans::fingerprintOf(srv));
    if (!plan || plan->parked.isEmpty() || !sample.taken || !sample.exists || !m_workerDb)
        return;
    // `sample` (every peer, booked at each client's own cadence) has their
    // last counters: stored now, before the peers go.
    WgTrafficSample last = WgTrafficSample::lastOf(sample, plan->parked);
    bookOnWorker(srv.id, last);
    hm::vpn::PeerPatch patch;
    patch.name = srv.interfaceName;
    patch.removed = plan->parked.keys();
    auto spec = wgInterfacePlan(m_cipher, srv, {}).render(); // the [Interface] section alone
    if (spec) {
        patch.setconf = std::move(spec.value().setconf);
        crypto::wipe(spec.value().quickConfig);
        auto done = m_backend->patchPeers(patch);
        crypto::wipe(patch.setconf);
        if (done && done.value()) {
            plan->parked.clear();
            return;
        }
    }
    // The whole config, which has none of them, takes them off.
    qCWarning(lcServer).noquote() << "WireGuard server" << srv.id
                                  << "parked peers not taken off one by one; applying it whole";
    if (auto applied = applyOnWorker(srv, nowMs, true, sample); !applied)
        qCWarning(lcServer).noquote()
            << "WireGuard server" << srv.id << "not re-synced:" << applied.error().message;
}

Result<QList<WgPlannedPeer>> WireGuardService::plannedPeers(store::Database &db,
                                                            const WgServerRow &srv, qint64 nowMs)
{
    // Enabled, unexpired clients only, and only what their [Peer] needs.
    auto clients = wgActivePeersOfServer(db, srv.id, nowMs);
    if (!clients)
        return clients.error();
    auto delegated = ipv6AllocationsOfWgServer(db, srv.id);
    if (!delegated)
        return delegated.error();
    QHash<qint64, QStringList> delegatedTo; // client id -> prefixes, in allocation order
    for (const Ipv6AllocationRow &a : delegated.value())
        if (a.clientId)
            delegatedTo[*a.clientId] << a.prefix;
    QList<WgPlannedPeer> peers;
    peers.reserve(clients.value().size());
    for (const WgPeerRow &c : clients.value())
        peers << wgPlannedPeer(c, delegatedTo.value(c.id));
    return peers;
}

void WireGuardService::resyncServerOfClient(qint64 clientId)
{
    auto row = wgClientById(m_db, clientId);
    if (row && row.value())
        resync(row.value()->serverId, {clientId});
}

void WireGuardService::resync(qint64 serverId, const QSet<qint64> &changingClients)
{
    if (!m_backend)
        return;
    auto srv = server(serverId);
    if (!srv || srv.value().desiredState != QLatin1String("running"))
        return;
    // A change of some clients patches their peers (the interface's other
    // peers untouched and unread: flat in the server's size); anything else,
    // or a patch the backend cannot take, samples the counters and applies
    // the whole stored state.
    auto sample = std::make_shared<WgTrafficSample>();
    QElapsedTimer stored; // the change is stored: its time to applied starts
    stored.start();
    runOnWorker(
        [this, row = srv.value(), at = now(), sample, changingClients, stored,
         slowMs = m_slowChangeMs]() -> Result<QJsonObject> {
            const qint64 queuedMs = stored.elapsed();
            auto patched = patchOnWorker(row, at, changingClients, *sample);
            if (!patched)
                qCWarning(lcServer).noquote()
                    << "WireGuard server" << row.id
                    << "not patched; applying it whole:" << patched.error().message;
            if (!patched || !patched.value()) {
                if (!sample->taken || sample->onlySome) {
                    *sample = wgSampleTraffic(*m_backend, row.interfaceName);
                    sample->beforeChange = true;
                    sample->changingClients = changingClients;
                }
                auto applied = applyOnWorker(row, at, true, *sample);
                if (!applied)
                    return applied;
            }
            if (!changingClients.isEmpty())
                Metrics::instance().wireguardChangeApplied.observe(double(stored.nsecsElapsed()) /
                                                                   1e9);
            // A change an operator waits for: say where the time went.
            if (const qint64 tookMs = stored.elapsed(); tookMs >= slowMs)
                qCWarning(lcServer).noquote()
                    << "WireGuard server" << row.id << "change applied after" << tookMs
                    << "ms:" << queuedMs << "ms waiting for the worker,"
                    << (patched && patched.value() ? "patched" : "applied whole");
            return QJsonObject{};
        },
        [this, serverId, sample](Result<QJsonObject> done) {
            accountTraffic(serverId, *sample);
            if (!done) {
                Metrics::instance().wireguardApplyFailures.inc();
                qCWarning(lcServer).noquote()
                    << "WireGuard server" << serverId << "not re-synced:" << done.error().message;
            }
        });
}

void WireGuardService::startServer(const auth::Principal &caller, const auth::ClientInfo &client,
                                   qint64 id, Done done)
{
    if (Status s = requireWgAdmin(caller); !s)
        return later(std::move(done), s.error());
    auto srv = server(id);
    if (!srv)
        return later(std::move(done), srv.error());
    if (!m_backend)
        return later(std::move(done), Error{ErrorCode::ServiceUnavailable,
                                            QStringLiteral("no WireGuard backend is configured")});
    const auth::Principal who = caller;
    const auth::ClientInfo from = client;
    runSampled(
        id, srv.value().interfaceName,
        [this, row = srv.value(), at = now()](WgTrafficSample &sample) {
            return applyOnWorker(row, at, false, sample);
        },
        [this, id, who, from, done = std::move(done)](Result<QJsonObject> result) {
            const QString backendName = this->backendName();
            if (!result) {
                auth::audit(m_db, QStringLiteral("WIREGUARD_SERVER_START_FAILED"), who.userId,
                            QStringLiteral("wireguard_server"), QString::number(id), from.ip,
                            from.userAgent, {{QStringLiteral("error"), result.error().message}});
                return done(result.error());
            }
            const qint64 at = now();
            if (Status s = setWgServerState(m_db, id, QStringLiteral("running"), at); !s)
                return done(s.error());
            // Up now, whatever the last check found.
            m_failing.remove(id);
            auth::audit(m_db, QStringLiteral("WIREGUARD_SERVER_STARTED"), who.userId,
                        QStringLiteral("wireguard_server"), QString::number(id), from.ip,
                        from.userAgent, {{QStringLiteral("backend"), backendName}});
            pushStatus();
            done(QJsonObject{{QStringLiteral("id"), id},
                             {QStringLiteral("status"), QStringLiteral("running")},
                             {QStringLiteral("backend"), backendName},
                             {QStringLiteral("started_at"), auth::isoOrNull(at)}});
        });
}

void WireGuardService::stopServer(const auth::Principal &caller, const auth::ClientInfo &client,
                                  qint64 id, Done done)
{
    if (Status s = requireWgAdmin(caller); !s)
        return later(std::move(done), s.error());
    auto srv = server(id);
    if (!srv)
        return later(std::move(done), srv.error());
    if (!m_backend)
        return later(std::move(done), Error{ErrorCode::ServiceUnavailable,
                                            QStringLiteral("no WireGuard backend is configured")});
    const auth::Principal who = caller;
    const auth::ClientInfo from = client;
    // Its peers go with it: what they count next starts at 0.
    auto gone = std::make_shared<WgTrafficSample>();
    runSampled(
        id, srv.value().interfaceName,
        [this, id, gone, backend = m_backend,
         row = srv.value()](WgTrafficSample &) -> Result<QJsonObject> {
            if (Status s = wgOwnsInterface(*backend, row); !s)
                return s.error();
            m_plans.forget(id);
            if (Status s = backend->down(row.interfaceName); !s)
                return s.error();
            gone->taken = backend->applies();
            gone->beforeChange = true;
            bookOnWorker(id, *gone);
            return QJsonObject{};
        },
        [this, id, gone, who, from, done = std::move(done)](Result<QJsonObject> result) {
            const QString backendName = this->backendName();
            if (!result)
                return done(result.error());
            accountTraffic(id, *gone);
            const qint64 at = now();
            if (Status s = setWgServerState(m_db, id, QStringLiteral("stopped"), at); !s)
                return done(s.error());
            auth::audit(m_db, QStringLiteral("WIREGUARD_SERVER_STOPPED"), who.userId,
                        QStringLiteral("wireguard_server"), QString::number(id), from.ip,
                        from.userAgent, {{QStringLiteral("backend"), backendName}});
            pushStatus();
            done(QJsonObject{{QStringLiteral("id"), id},
                             {QStringLiteral("status"), QStringLiteral("stopped")},
                             {QStringLiteral("backend"), backendName},
                             {QStringLiteral("stopped_at"), auth::isoOrNull(at)}});
        });
}

void WireGuardService::serverStatus(qint64 id, Done done)
{
    auto srv = server(id);
    if (!srv)
        return later(std::move(done), srv.error());
    QJsonObject base{{QStringLiteral("id"), id},
                     {QStringLiteral("name"), srv.value().name},
                     {QStringLiteral("interface"), srv.value().interfaceName},
                     {QStringLiteral("backend"), backendName()}};
    if (!m_backend) {
        base.insert(QStringLiteral("status"), QStringLiteral("stopped"));
        base.insert(QStringLiteral("clients"), QJsonArray());
        return later(std::move(done), base);
    }
    const QString desired = srv.value().desiredState;
    // The dump behind the answer is a traffic sample too: accounted before
    // the answer, whose peers then carry their clients' totals.
    auto sample = std::make_shared<WgTrafficSample>();
    runOnWorker(
        [this, id, backend = m_backend, row = srv.value(), base, desired,
         sample]() mutable -> Result<QJsonObject> {
            const QString &name = row.interfaceName;
            const auto book = qScopeGuard([&] { bookOnWorker(id, *sample); });
            QJsonObject answer = base;
            auto link = backend->linkState(name);
            if (!link)
                return link.error();
            // The config-only backend runs nothing: its server "runs" when
            // its file was written (started), as far as anyone can tell.
            const bool running = backend->applies() ? link.value().exists && link.value().up
                                                    : desired == QLatin1String("running");
            answer.insert(QStringLiteral("backend"), backend->name());
            answer.insert(QStringLiteral("status"), running ? QStringLiteral("running")
                                                            : (desired == QLatin1String("running")
                                                                   ? QStringLiteral("error")
                                                                   : QStringLiteral("stopped")));
            answer.insert(QStringLiteral("interface_stats"),
                          QJsonObject{{QStringLiteral("rx_bytes"), link.value().rxBytes},
                                      {QStringLiteral("tx_bytes"), link.value().txBytes},
                                      {QStringLiteral("rx_packets"), link.value().rxPackets},
                                      {QStringLiteral("tx_packets"), link.value().txPackets}});
            QJsonArray peers;
            if (backend->applies() && !link.value().exists) {
                sample->taken = true; // gone: its peers are absent
            } else if (link.value().exists && backend->applies()) {
                auto dumped = backend->dump(name);
                if (!dumped)
                    return dumped.error();
                auto parsed = hm::vpn::parseWgDump(dumped.value(), name);
                crypto::wipe(dumped.value());
                if (!parsed)
                    return parsed.error();
                *sample = wgSampleOf(link.value(), parsed.value());
                if (running) {
                    // A parked peer (its client gone, the peer cut off) is
                    // not the server's any more, only not yet taken off.
                    const WgPeerPlans::Plan *plan =
                        m_plans.find(id, WgPeerPlans::fingerprintOf(row));
                    for (const hm::vpn::WgDumpPeer &p : parsed.value().peers) {
                        if (plan && plan->parked.contains(p.publicKey))
                            continue;
                        QStringList allowed;
                        for (const hm::vpn::WgCidr &cidr : p.allowedIps)
                            allowed << cidr.toString();
                        peers.append(QJsonObject{
                            {QStringLiteral("public_key"), p.publicKey},
                            {QStringLiteral("allowed_ips"), allowed.join(QStringLiteral(", "))},
                            {QStringLiteral("endpoint"), wgOrNull(wgEndpointText(p))},
                            {QStringLiteral("latest_handshake"),
                             p.latestHandshake > 0 ? auth::isoOrNull(p.latestHandshake * 1000)
                                                   : QJsonValue()},
                            {QStringLiteral("transfer_rx"), double(p.transferRx)},
                            {QStringLiteral("transfer_tx"), double(p.transferTx)}});
                    }
                }
            }
            answer.insert(QStringLiteral("clients"), peers);
            return answer;
        },
        [this, id, sample, done = std::move(done)](Result<QJsonObject> result) {
            accountTraffic(id, *sample);
            if (!result)
                return done(std::move(result));
            // Each peer's client and everything it has carried (exact across
            // restarts: docs/api.md "WireGuard traffic").
            auto ids = wgClientIdsByKey(m_db, id);
            QJsonObject answer = result.value();
            QJsonArray peers = answer.value(QStringLiteral("clients")).toArray();
            for (qsizetype i = 0; i < peers.size(); ++i) {
                QJsonObject peer = peers.at(i).toObject();
                const qint64 clientId =
                    ids ? ids.value().value(peer.value(QStringLiteral("public_key")).toString(), 0)
                        : 0;
                const auto [rx, tx] = m_traffic.totals(clientId);
                peer.insert(QStringLiteral("client_id"),
                            clientId > 0 ? QJsonValue(clientId) : QJsonValue());
                peer.insert(QStringLiteral("total_rx_bytes"), double(rx));
                peer.insert(QStringLiteral("total_tx_bytes"), double(tx));
                peers.replace(i, peer);
            }
            answer.insert(QStringLiteral("clients"), peers);
            done(answer);
        });
}

void WireGuardService::startMarkedServers()
{
    // A change left unconfirmed while the server was down is put back
    // before anything is brought up.
    rollBackOverdueChanges();
    if (!m_backend)
        return;
    auto rows = wgServersToRun(m_db);
    if (!rows) {
        qCWarning(lcServer).noquote() << "WireGuard servers not started:" << rows.error().message;
        return;
    }
    for (const WgServerRow &srv : rows.value()) {
        const qint64 id = srv.id;
        // The interface is read before it is applied: one that outlived
        // hivemind-server (the kernel's link, or wireguard-go, which runs on
        // its own) still knows its peers' handshakes, so a restarted server
        // answers the handshake it had as soon as this sample is in, without
        // waiting for the 5-s tick. Persisting handshakes is not needed: the
        // interface is the record, and one that did not outlive the server
        // (a reboot) has seen no handshake since it came up.
        runSampled(
            id, srv.interfaceName,
            [this, row = srv, at = now()](WgTrafficSample &sample) {
                return applyOnWorker(row, at, false, sample);
            },
            [this, id](Result<QJsonObject> result) {
                if (!result) {
                    qCWarning(lcServer).noquote()
                        << "WireGuard server" << id << "not started:" << result.error().message;
                    return;
                }
                (void)setWgServerState(m_db, id, QStringLiteral("running"), now());
            });
    }
}

} // namespace hm::server::vpn

namespace hm::server::vpn {

// ---- commit-confirm ---------------------------------------------------------

namespace {

QJsonObject wgPendingJson(const WgPendingChangeRow &r)
{
    return {{QStringLiteral("kind"), r.kind},
            {QStringLiteral("id"), r.objectId},
            {QStringLiteral("server_id"), r.serverId},
            {QStringLiteral("applied_at"), auth::isoOrNull(r.appliedAt)},
            {QStringLiteral("deadline"), auth::isoOrNull(r.deadline)},
            {QStringLiteral("handshake_client_id"),
             r.handshakeClientId ? QJsonValue(*r.handshakeClientId) : QJsonValue()}};
}

} // namespace

Status WireGuardService::refuseWhilePending(const QString &kind, qint64 id)
{
    auto pending = wgPendingChange(m_db, kind, id);
    if (!pending)
        return pending.error();
    if (pending.value())
        return Error{ErrorCode::Conflict,
                     QStringLiteral("a change of this %1 awaits confirmation: confirm it or let "
                                    "it roll back first")
                         .arg(kind)};
    return {};
}

Status WireGuardService::openPendingChange(const QString &kind, qint64 objectId, qint64 serverId,
                                           const QJsonObject &previous,
                                           const WgConfirmRequest &request,
                                           const auth::Principal &caller)
{
    if (request.withinSeconds < kMinConfirmSeconds || request.withinSeconds > kMaxConfirmSeconds)
        return wgRuleError(
            QStringLiteral("confirm_within_seconds"),
            QStringLiteral("%1 to %2").arg(kMinConfirmSeconds).arg(kMaxConfirmSeconds));
    if (request.handshakeClientId) {
        auto c = wgClientById(m_db, *request.handshakeClientId);
        if (!c)
            return c.error();
        if (!c.value() || c.value()->serverId != serverId)
            return wgRuleError(QStringLiteral("confirm_by_handshake_of"),
                               QStringLiteral("a client of this server"));
    }
    WgPendingChangeRow row;
    row.kind = kind;
    row.objectId = objectId;
    row.serverId = serverId;
    row.previous = QString::fromUtf8(QJsonDocument(previous).toJson(QJsonDocument::Compact));
    row.appliedAt = now();
    row.deadline = row.appliedAt + request.withinSeconds * 1000;
    row.handshakeClientId = request.handshakeClientId;
    row.createdBy = caller.userId;
    if (Status s = insertWgPendingChange(m_db, row); !s)
        return s;
    // On time, not only on the next tick.
    QTimer::singleShot(std::chrono::milliseconds(row.deadline - row.appliedAt + 100), this,
                       &WireGuardService::rollBackOverdueChanges);
    return {};
}

Status WireGuardService::confirmChange(const auth::Principal &caller,
                                       const auth::ClientInfo &client, const QString &kind,
                                       qint64 id)
{
    if (Status s = requireWgAdmin(caller); !s)
        return s.error();
    auto gone = deleteWgPendingChange(m_db, kind, id);
    if (!gone)
        return gone.error();
    if (gone.value() == 0)
        return Error{ErrorCode::ResourceNotFound,
                     QStringLiteral("no change of this %1 awaits confirmation").arg(kind)};
    auth::audit(m_db, QStringLiteral("WIREGUARD_CHANGE_CONFIRMED"), caller.userId,
                QStringLiteral("wireguard_") + kind, QString::number(id), client.ip,
                client.userAgent, {{QStringLiteral("by"), QStringLiteral("user")}});
    return {};
}

Result<std::optional<QJsonObject>> WireGuardService::pendingChange(const QString &kind, qint64 id)
{
    auto pending = wgPendingChange(m_db, kind, id);
    if (!pending)
        return pending.error();
    if (!pending.value())
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(wgPendingJson(*pending.value()));
}

Result<QJsonArray> WireGuardService::pendingChanges()
{
    auto rows = wgPendingChanges(m_db);
    if (!rows)
        return rows.error();
    QJsonArray items;
    for (const WgPendingChangeRow &r : rows.value())
        items.append(wgPendingJson(r));
    return items;
}

void WireGuardService::confirmByHandshake(qint64 serverId, const WgTrafficSample &sample)
{
    if (!sample.taken || !sample.exists)
        return;
    auto rows = wgPendingChanges(m_db);
    if (!rows)
        return;
    for (const WgPendingChangeRow &r : rows.value()) {
        if (r.serverId != serverId || !r.handshakeClientId)
            continue;
        auto c = wgClientById(m_db, *r.handshakeClientId);
        if (!c || !c.value())
            continue;
        qint64 handshake = 0;
        bool seen = false;
        for (const WgTrafficSample::Peer &peer : sample.peers) {
            if (peer.publicKey == c.value()->publicKey) {
                handshake = peer.latestHandshake;
                seen = true;
            }
        }
        // A sample of a few peers says nothing of the others.
        if (sample.onlySome && !seen)
            continue;
        if (!r.baselineHandshake) {
            // The first sample taken just before a change is applied gives
            // the baseline (handshake times are whole seconds: comparing
            // with the change's time would miss a handshake in its second).
            if (sample.beforeChange) {
                (void)setWgPendingBaseline(m_db, r.kind, r.objectId, handshake);
                continue;
            }
            // No sample was taken before the change (it failed or came
            // late on a busy machine): a handshake of a later second than
            // the change's is the peer's answer to it; an older one (or one
            // in the change's own second, which may be either) becomes the
            // baseline. Without this the change was rolled back at its
            // deadline although the peer followed it.
            if (handshake <= r.appliedAt / 1000) {
                (void)setWgPendingBaseline(m_db, r.kind, r.objectId, handshake);
                continue;
            }
        } else if (handshake <= *r.baselineHandshake) {
            continue;
        }
        auto gone = deleteWgPendingChange(m_db, r.kind, r.objectId);
        if (gone && gone.value() > 0)
            auth::audit(m_db, QStringLiteral("WIREGUARD_CHANGE_CONFIRMED"), QString(),
                        QStringLiteral("wireguard_") + r.kind, QString::number(r.objectId),
                        QString(), QString(),
                        {{QStringLiteral("by"), QStringLiteral("handshake")},
                         {QStringLiteral("client_id"), *r.handshakeClientId}});
    }
}

void WireGuardService::rollBackOverdueChanges()
{
    auto rows = wgPendingChanges(m_db);
    if (!rows) {
        qCWarning(lcServer).noquote()
            << "WireGuard changes awaiting confirmation not read:" << rows.error().message;
        return;
    }
    const qint64 at = now();
    for (const WgPendingChangeRow &r : rows.value())
        if (r.deadline <= at)
            rollBack(r);
}

void WireGuardService::rollBack(const WgPendingChangeRow &pending)
{
    const QJsonObject previous = QJsonDocument::fromJson(pending.previous.toUtf8()).object();
    Status restored;
    {
        auto txn = m_db.begin();
        if (!txn) {
            restored = txn.error();
        } else {
            if (pending.kind == QLatin1String("server")) {
                auto current = wgServerById(m_db, pending.objectId);
                if (current && current.value()) {
                    WgServerRow row = wgServerFromSnapshot(*current.value(), previous);
                    row.updatedAt = now();
                    restored = updateWgServer(m_db, row);
                }
            } else {
                auto current = wgClientById(m_db, pending.objectId);
                if (current && current.value()) {
                    WgClientRow row = wgClientFromSnapshot(*current.value(), previous);
                    row.updatedAt = now();
                    restored = updateWgClient(m_db, row);
                }
            }
            if (restored) {
                auto gone = deleteWgPendingChange(m_db, pending.kind, pending.objectId);
                if (!gone)
                    restored = gone.error();
            }
            if (restored)
                restored = txn.value().commit();
        }
    }
    if (!restored) {
        qCWarning(lcServer).noquote() << "WireGuard" << pending.kind << pending.objectId
                                      << "not rolled back:" << restored.error().message;
        return;
    }
    qCInfo(lcServer).noquote() << "WireGuard" << pending.kind << pending.objectId
                               << "change not confirmed in time: rolled back";
    auth::audit(m_db, QStringLiteral("WIREGUARD_CHANGE_ROLLED_BACK"), QString(),
                QStringLiteral("wireguard_") + pending.kind, QString::number(pending.objectId),
                QString(), QString(),
                {{QStringLiteral("applied_at"), auth::isoOrNull(pending.appliedAt)},
                 {QStringLiteral("deadline"), auth::isoOrNull(pending.deadline)}});
    resync(pending.serverId);
}

} // namespace hm::server::vpn
