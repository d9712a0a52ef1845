#pragma once

// WireGuard servers and clients (issue 36, points 1 to 4 and 8; docs/api.md
// "WireGuard"). Servers get a key pair on creation, clients a key pair, a
// preshared key and addresses from the server's subnets (core/vpn
// AddressPlan: the lowest free ones, or explicit ones checked). Private and
// preshared keys are sealed (EnvelopeCipher, CREDENTIAL data key, the
// record id as associated data) and never leave the service except inside
// a client's own config (its creation answer and the audited download).
// Every field that reaches a config file is checked (core/vpn WgFieldCheck)
// before anything is stored.
//
// Starting, stopping and re-syncing an interface go through a
// vpn::WireGuardBackend on a worker thread: the answers arrive on the
// service's thread later. Server thread otherwise.

#include "common/Result.h"
#include "server/repositories/WgPendingChangeRepository.h"
#include "server/repositories/WireGuardRepository.h"
#include "server/services/auth/TokenService.h"
#include "server/services/vpn/WgApplyPlan.h"
#include "server/services/vpn/WgPeerPlans.h"
#include "server/services/vpn/WgShareLinks.h"
#include "server/services/vpn/WgTrafficBook.h"
#include "vpn/backend/WireGuardBackend.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace hm::store {
class Database;
}
namespace hm::crypto {
class EnvelopeCipher;
}

namespace hm::server::auth {
struct Principal;
class AccountEvents;
} // namespace hm::server::auth

namespace hm::server::vpn {

// A change applied with a confirm deadline (docs/api.md "Commit-confirm"):
// unless confirmed within `withinSeconds` — by a person, or by the client
// `handshakeClientId` completing a handshake after the change — the row as
// it was is put back and applied.
struct WgConfirmRequest
{
    qint64 withinSeconds = 0; // kMinConfirmSeconds … kMaxConfirmSeconds
    std::optional<qint64> handshakeClientId;
};

// What a create or update gives (unset: keep, or the default on create).
// An empty ipv4/ipv6 address clears it.
struct WgServerDetails
{
    std::optional<QString> name;
    std::optional<QString> interfaceName;
    std::optional<int> listenPort;
    std::optional<QString> ipv4Address;
    std::optional<QString> ipv6Address;
    std::optional<QStringList> dnsServers;
    std::optional<int> mtu;
    std::optional<int> persistentKeepalive;
    std::optional<QStringList> allowedIps;
    std::optional<QString> endpointHost;
    std::optional<bool> autoStart;
    std::optional<QString> description;
    std::optional<WgConfirmRequest> confirm; // update only
};

struct WgClientDetails
{
    std::optional<qint64> serverId;
    std::optional<QString> name;
    std::optional<QString> addressFamily; // "ipv4", "ipv6", "dual"
    std::optional<QString> ipv4Address;   // explicit; empty: none / automatic
    std::optional<QString> ipv6Address;
    std::optional<QStringList> allowedIps;
    std::optional<QStringList> dnsServers;
    std::optional<int> persistentKeepalive;
    std::optional<bool> enabled;
    std::optional<std::optional<qint64>> expiresAt; // nullopt inside: no expiry
    std::optional<QString> description;
    bool presharedKey = true;                // on create: give the client a preshared key
    std::optional<WgConfirmRequest> confirm; // update only
};

// A client just made: its row and, this once, its config and QR code.
struct CreatedWgClient
{
    repositories::WgClientRow row;
    QString config;
    QString qrCode;
};

class WireGuardService : public QObject
{
    Q_OBJECT
public:
    // `backend` applies interfaces (null: none, start answers
    // SERVICE_UNAVAILABLE); with one, `workerDb` is a second connection to
    // the same database, used only on the worker: the interface's peers are
    // read there, off the server thread. `defaultEndpointHost` gives the
    // host in client configs of servers without an endpoint_host.
    WireGuardService(store::Database &db, crypto::EnvelopeCipher &cipher,
                     std::shared_ptr<hm::vpn::WireGuardBackend> backend,
                     std::unique_ptr<store::Database> workerDb,
                     std::function<QString()> defaultEndpointHost, QObject *parent = nullptr);
    ~WireGuardService() override;

    QString backendName() const;

    // `filter.desiredState` takes seed 001's statuses: "running", "stopped"
    // or "error" (meant to run, not up at the last check).
    Result<store::Page<repositories::WgServerRow>>
    listServers(const repositories::WgServerFilter &filter);
    Result<repositories::WgServerRow> server(qint64 id);
    Result<repositories::WgServerRow> createServer(const auth::Principal &caller,
                                                   const auth::ClientInfo &client,
                                                   const WgServerDetails &details);
    Result<repositories::WgServerRow> updateServer(const auth::Principal &caller,
                                                   const auth::ClientInfo &client, qint64 id,
                                                   const WgServerDetails &details);
    Status removeServer(const auth::Principal &caller, const auth::ClientInfo &client, qint64 id);

    Result<store::Page<repositories::WgClientRow>>
    listClients(const repositories::WgClientFilter &filter);
    Result<repositories::WgClientRow> clientRow(qint64 id);
    Result<CreatedWgClient> createClient(const auth::Principal &caller,
                                         const auth::ClientInfo &client,
                                         const WgClientDetails &details);
    Result<repositories::WgClientRow> updateClient(const auth::Principal &caller,
                                                   const auth::ClientInfo &client, qint64 id,
                                                   const WgClientDetails &details);
    Status removeClient(const auth::Principal &caller, const auth::ClientInfo &client, qint64 id);
    Result<repositories::WgClientRow> setClientEnabled(const auth::Principal &caller,
                                                       const auth::ClientInfo &client, qint64 id,
                                                       bool enabled);
    // The client's wg-quick file, rendered for a caller that checked and
    // audits the access itself (WgShareLinks). Never hand it out otherwise.
    Result<QString> clientConfigText(qint64 id);
    WgShareLinks &shareLinks() { return *m_shareLinks; }
    // The client's wg-quick file (holds its private key); audited as
    // WIREGUARD_CLIENT_CONFIG_DOWNLOADED.
    Result<QString> downloadClientConfig(const auth::Principal &caller,
                                         const auth::ClientInfo &client, qint64 id);

    using Done = std::function<void(Result<QJsonObject>)>;
    // Brings the interface up (or re-syncs it when it runs already) and
    // marks the server running; `done` on this thread with {id, status,
    // backend, started_at}.
    void startServer(const auth::Principal &caller, const auth::ClientInfo &client, qint64 id,
                     Done done);
    void stopServer(const auth::Principal &caller, const auth::ClientInfo &client, qint64 id,
                    Done done);
    // Seed 001's status: peers from `wg show dump`, interface statistics.
    void serverStatus(qint64 id, Done done);
    // Brings up the servers marked running or auto_start (server start).
    void startMarkedServers();
    // Re-syncs the running servers whose clients expired since the last
    // check (a timer calls it every kExpiryCheckMs), so an expired client
    // loses its peer on time.
    void checkExpiries();
    static constexpr int kExpiryCheckMs = 5000;
    // /ws/events "wireguard_status" (seed 001: {servers: [{id, name, status,
    // clients_count, bytes_received, bytes_sent}]}) to everyone signed in,
    // checked on the same tick and after each start or stop, sent when it
    // changed.
    void setEvents(auth::AccountEvents *events) { m_events = events; }
    void pushStatus();

    // Traffic (docs/api.md "WireGuard traffic"): RESOURCE_NOT_FOUND for an
    // unknown client or server, else WgTrafficBook::history()/endpoints().
    Result<QJsonObject> clientTraffic(qint64 id, qint64 startMs, qint64 endMs, const QString &tier);
    Result<QJsonObject> serverTraffic(qint64 id, qint64 startMs, qint64 endMs, const QString &tier);
    Result<QJsonObject> clientEndpoints(qint64 id, int limit);
    // Commit-confirm (docs/api.md "Commit-confirm"). kind: "server" or
    // "client". RESOURCE_NOT_FOUND when nothing awaits confirmation.
    Status confirmChange(const auth::Principal &caller, const auth::ClientInfo &client,
                         const QString &kind, qint64 id);
    // {kind, id, server_id, applied_at, deadline, handshake_client_id}, or
    // nullopt.
    Result<std::optional<QJsonObject>> pendingChange(const QString &kind, qint64 id);
    Result<QJsonArray> pendingChanges();
    // Puts back every change whose deadline passed (the timer and startup
    // call it).
    void rollBackOverdueChanges();
    static constexpr qint64 kMinConfirmSeconds = 10;
    static constexpr qint64 kMaxConfirmSeconds = 3600;

    // Samples every running server's counters now (the timer does it every
    // kExpiryCheckMs) and, every kTrafficMaintainTicks ticks, closes
    // minutes, rolls up and enforces retention.
    void sampleTraffic();
    static constexpr int kTrafficMaintainTicks = 12;
    // Tests: a client change slower than this is logged (kSlowChangeMs
    // unless lowered), so the log shows without a 2-s wait.
    void setSlowChangeMs(qint64 ms) { m_slowChangeMs = ms; }

    // Re-syncs the running server of a client whose delegated IPv6
    // prefixes changed (Ipv6PoolService); nothing when it is not running.
    void resyncServerOfClient(qint64 clientId);

    // As the API shows them (docs/api.md "WireGuard"); private keys are
    // "***REDACTED***".
    static QJsonObject serverJson(const repositories::WgServerRow &row);
    static QJsonObject clientJson(const repositories::WgClientRow &row);
    // The same with what the interface showed: seed 001's last_handshake,
    // bytes_received and bytes_sent (the client's exact totals, seen from
    // the server: received from the client, sent to it; a server's, its
    // clients' summed) and a server's status "error" while it is meant to
    // run but its interface was not up at the last check.
    QJsonObject serverView(const repositories::WgServerRow &row) const;
    QJsonObject clientView(const repositories::WgClientRow &row) const;
    // Seed 001's monitoring dashboard "service_metrics.wireguard":
    // {servers_count, clients_count, total_traffic (bytes both ways, every
    // client's totals), active_connections (clients with a handshake in
    // the last kActiveHandshakeSeconds)}.
    Result<QJsonObject> overview() const;
    // A WireGuard session lives at most 180 s without a new handshake
    // (REJECT_AFTER_TIME): a peer past that has no session.
    static constexpr qint64 kActiveHandshakeSeconds = 180;
    // The servers whose interface was not up at the last check though
    // they are meant to run (seed 001's status "error").
    QList<qint64> failingServers() const { return m_failing.values(); }

    void setClock(std::function<qint64()> nowMs)
    {
        m_now = std::move(nowMs);
        m_traffic.setClock([this] { return now(); });
        m_shareLinks->setClock([this] { return now(); });
    }

    // For WgImport, which stores a whole server with its clients through
    // the same database and cipher.
    store::Database &database() { return m_db; }
    crypto::EnvelopeCipher &cipher() { return m_cipher; }

private:
    qint64 now() const;
    Result<repositories::WgServerRow> validatedServer(repositories::WgServerRow row,
                                                      const WgServerDetails &details);
    Result<repositories::WgClientRow> validatedClient(const repositories::WgServerRow &server,
                                                      repositories::WgClientRow row,
                                                      const WgClientDetails &details,
                                                      bool creating);
    Result<QString> renderClientConfig(const repositories::WgServerRow &server,
                                       const repositories::WgClientRow &row);
    // The interface as the backend applies it (server config and enabled,
    // unexpired at `nowMs` clients), its secrets to be opened by render():
    // read on the worker's connection, so the server thread never reads a
    // whole server's peers for a change of one.
    static Result<QList<WgPlannedPeer>>
    plannedPeers(store::Database &db, const repositories::WgServerRow &server, qint64 nowMs);
    // On the worker: the plan of `server` read there, then the interface
    // brought to it: sync() when it exists (or `syncOnly`), else up(). The
    // texts are wiped after. The peers of `sample` (taken just before) that
    // the plan leaves out are its removedKeys.
    Result<QJsonObject> applyOnWorker(const repositories::WgServerRow &server, qint64 nowMs,
                                      bool syncOnly, WgTrafficSample &sample);
    // On the worker: the peers of `changingClients` read as stored and
    // handed to the backend as a patch against the plan last applied
    // (m_plans). False when there is no such plan, the backend cannot take
    // the patch, or more than kPatchClients change: the caller applies the
    // whole server. A client that goes has its peer parked (cut off, taken
    // off by takeOffParked()); a key that changes takes the old peer off at
    // once, sampling the interface into `sample` first.
    Result<bool> patchOnWorker(const repositories::WgServerRow &server, qint64 nowMs,
                               const QSet<qint64> &changingClients, WgTrafficSample &sample);
    static constexpr qsizetype kPatchClients = 64;
    // A client change that took this long from stored to applied is logged
    // with where the time went (waiting for the worker, or the apply).
    static constexpr qint64 kSlowChangeMs = 2000;
    qint64 m_slowChangeMs = kSlowChangeMs;
    // On the worker, after a periodic `sample` of `server` was booked: the
    // peers parked since the last one (WgPeerPlans::Plan::parked) taken
    // off, their last counters stored first; the whole config applied when
    // the patch cannot be.
    void takeOffParked(const repositories::WgServerRow &server, qint64 nowMs,
                       WgTrafficSample &sample);
    // Re-syncs a running server after a change; errors are logged.
    // `changingClients`: the clients changed (their traffic is stored before
    // the change, WgTrafficSample::changingClients); empty: the server's.
    void resync(qint64 serverId, const QSet<qint64> &changingClients = {});
    void later(Done done, Result<QJsonObject> result);
    void runOnWorker(std::function<Result<QJsonObject>()> work, Done done);
    // As runOnWorker, with the traffic of `serverId`'s interface sampled on
    // the worker just before `work` (which may remove peers or the
    // interface: `beforeChange`, stored before `done` runs) and accounted
    // before `done` runs.
    void runSampled(qint64 serverId, const QString &interfaceName,
                    std::function<Result<QJsonObject>(WgTrafficSample &)> work, Done done,
                    bool beforeChange = true, const QSet<qint64> &changingClients = {});
    // WgTrafficBook::account(), its failure logged.
    void storeTraffic(qint64 serverId, const WgTrafficSample &sample);
    // On the worker, with a connection of its own: `sample` stored now
    // (before the change it precedes), then marked booked. Nothing without
    // m_workerDb (accountTraffic stores it then, on this thread).
    void bookOnWorker(qint64 serverId, WgTrafficSample &sample);
    // On this thread after the worker: `sample` stored unless booked, and
    // the handshakes it shows confirm pending changes.
    void accountTraffic(qint64 serverId, const WgTrafficSample &sample);
    // A change on a running server with a confirm request: checked, and the
    // previous row kept in the same transaction as the change.
    Status openPendingChange(const QString &kind, qint64 objectId, qint64 serverId,
                             const QJsonObject &previous, const WgConfirmRequest &request,
                             const auth::Principal &caller);
    Status refuseWhilePending(const QString &kind, qint64 id);
    // Confirms changes on `serverId` whose handshake client shows a
    // handshake after the change.
    void confirmByHandshake(qint64 serverId, const WgTrafficSample &sample);
    void rollBack(const repositories::WgPendingChangeRow &pending);

    store::Database &m_db;
    crypto::EnvelopeCipher &m_cipher;
    std::shared_ptr<hm::vpn::WireGuardBackend> m_backend;
    std::unique_ptr<store::Database> m_workerDb; // worker only (m_pool's one thread)
    WgPeerPlans m_plans;                         // worker only
    std::function<QString()> m_defaultEndpointHost;
    std::function<qint64()> m_now;
    QThreadPool m_pool; // one thread: backend calls run in order
    QTimer m_expiryTimer;
    auth::AccountEvents *m_events = nullptr;
    QJsonObject m_lastStatus;
    // From the samples (server thread): each client's latest handshake
    // (unix seconds) by server and public key; the servers found not up.
    QHash<qint64, QHash<QString, qint64>> m_handshakes;
    QSet<qint64> m_failing;
    bool m_statusPending = false;
    qint64 m_expiriesCheckedUntil = 0;
    WgTrafficBook m_traffic;
    std::unique_ptr<WgShareLinks> m_shareLinks;
    int m_trafficTicks = 0;
    // Periodic work queued on the worker and not done yet (main thread):
    // the servers being sampled, and the history's maintenance.
    QSet<qint64> m_sampling;
    bool m_maintaining = false;
};

} // namespace hm::server::vpn
