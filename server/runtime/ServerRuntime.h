#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "server/runtime/AdminBootstrap.h"
#include "server/runtime/DataDirectoryLock.h"
#include "server/runtime/ServerOptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <memory>

namespace hm::crypto {
class EnvelopeCipher;
}
namespace hm::store {
class Database;
class DekRepository;
} // namespace hm::store

namespace hm::server {

class ApiRouter;
class BackupService;
class ComponentService;
class FlowEngineHost;
class ExecutionCallbacks;
class FlowEvents;
class HistoryRetention;
class StorageGuard;
namespace auth {
struct AuthModule;
class AccountMailer;
class RateLimiter;
} // namespace auth
namespace ws {
class WebSocketHub;
}
namespace remote {
class NodeGrants;
class NodeActions;
class ProcessOps;
class RemoteTaskDispatcher;
class TaskService;
class DockerOps;
class RecentAuthentication;
class TerminalService;
class NodePower;
class ReleaseSigner;
class AgentReleases;
class AgentUpgrades;
class FileOps;
class NginxOps;
} // namespace remote
namespace fleet {
class AlertChannels;
class Monitoring;
class AlertDispatcher;
class AlertService;
class FleetService;
class ProbeService;
class PublicStatus;
} // namespace fleet
namespace vpn {
class WireGuardService;
class Ipv6PoolService;
class BgpService;
} // namespace vpn
namespace credentials {
class CredentialVault;
class CredentialRotation;
} // namespace credentials
namespace external {
class ServiceDirectory;
class ServiceCatalog;
} // namespace external

// The whole server in one object, living on the thread that created it:
// crypto self-test, master key, encrypted store and migrations, first-start
// administrator, then the HTTP API. Used by hivemind-server and, on its own
// thread, by the console's LocalServer.
class ServerRuntime : public QObject
{
    Q_OBJECT
public:
    explicit ServerRuntime(ServerOptions options, QObject *parent = nullptr);
    ~ServerRuntime() override;

    // Fails with DATA_DIR_IN_USE when another server holds the data
    // directory. A failed start releases what it took, the lock included.
    Result<QUrl> start();
    // Stops accepting requests, closes the store cleanly, then releases the
    // data directory. Idempotent.
    void stop();

    QUrl baseUrl() const { return m_baseUrl; }
    QString databasePath() const;
    // Where HTTP components reach this server (--public-url or the listen URL).
    QUrl publicUrl() const;
    const BootstrapOutcome &bootstrapOutcome() const { return m_bootstrap; }
    // The engine's hm::engine::ServiceResolver (external services and their
    // credentials); null before start(). Lives on this runtime's thread,
    // callable from any (docs/services.md).
    external::ServiceDirectory *serviceDirectory() const { return m_serviceDirectory.get(); }

private:
    Result<QUrl> startUp();
    Status openStore();
    // The origins whose pages may open WebSockets (see
    // http::HttpServer::setWebSocketOrigins).
    QStringList ownOrigins() const;
    // The listen URL, with loopback for a wildcard address.
    QUrl connectableUrl() const;

    ServerOptions m_options;
    // Taken first in start(), released last in stop().
    DataDirectoryLock m_dataDirLock;
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<store::Database> m_wireguardDb; // until the WireGuard service takes it
    std::unique_ptr<store::DekRepository> m_dekRepository;
    std::unique_ptr<crypto::EnvelopeCipher> m_envelope;
    std::unique_ptr<auth::AuthModule> m_auth;
    // Password resets, e-mail verification, lockout notices.
    std::unique_ptr<auth::AccountMailer> m_accountMailer;
    // The credential vault and its key rotation (own thread and connection).
    std::unique_ptr<credentials::CredentialVault> m_credentials;
    std::unique_ptr<credentials::CredentialRotation> m_credentialRotation;
    // External services: the resolver the engine asks (snapshot under a
    // lock) and what the routes change them with.
    std::unique_ptr<external::ServiceDirectory> m_serviceDirectory;
    std::unique_ptr<external::ServiceCatalog> m_serviceCatalog;
    // Flow changes from the routes to /ws/events; outlives both.
    std::unique_ptr<FlowEvents> m_flowEvents;
    std::unique_ptr<ApiRouter> m_router;
    std::unique_ptr<FlowEngineHost> m_engine;
    std::unique_ptr<ExecutionCallbacks> m_callbacks; // trigger callback_url deliveries
    std::unique_ptr<ComponentService> m_components;            // registered HTTP components
    std::unique_ptr<fleet::FleetService> m_fleet;              // nodes, agents, reports
    std::unique_ptr<remote::NodeGrants> m_nodeGrants;          // who may act on which nodes
    std::unique_ptr<remote::NodeActions> m_nodeActions;        // remote operations, one way
    std::unique_ptr<remote::ProcessOps> m_processOps;          // nodes' processes
    std::unique_ptr<remote::RemoteTaskDispatcher> m_taskDispatcher; // task nodes' commands
    std::unique_ptr<remote::TaskService> m_tasks;               // seed 000's /api/tasks
    std::unique_ptr<remote::DockerOps> m_dockerOps;            // nodes' containers
    std::unique_ptr<remote::RecentAuthentication> m_recentAuth; // re-entered passwords
    std::unique_ptr<remote::TerminalService> m_terminals;      // remote terminals
    std::unique_ptr<remote::NodePower> m_nodePower;            // agent restart, reboot
    std::unique_ptr<remote::ReleaseSigner> m_releaseSigner;    // signs agent builds
    std::unique_ptr<remote::AgentReleases> m_agentReleases;    // stored agent builds
    std::unique_ptr<BackupService> m_backups;                  // backups and restore
    std::unique_ptr<StorageGuard> m_storageGuard;              // full disk: triggers refused
    std::unique_ptr<HistoryRetention> m_retention;             // history retention, store size
    std::unique_ptr<remote::AgentUpgrades> m_agentUpgrades;    // agents upgraded
    std::unique_ptr<remote::FileOps> m_fileOps;                // nodes' files
    std::unique_ptr<remote::NginxOps> m_nginxOps;              // nodes' nginx
    std::unique_ptr<fleet::PublicStatus> m_publicStatus;       // the public page
    std::shared_ptr<auth::RateLimiter> m_publicLimiter;        // its per-address limit
    std::unique_ptr<fleet::AlertService> m_alerts;             // rules and records over the fleet
    std::unique_ptr<fleet::ProbeService> m_probes;             // what the agents check
    std::unique_ptr<fleet::AlertChannels> m_alertChannels;     // where alerts go
    std::unique_ptr<fleet::Monitoring> m_monitoring;           // seed 001's monitoring routes
    std::unique_ptr<fleet::AlertDispatcher> m_alertDispatcher; // sends them there
    std::unique_ptr<vpn::WireGuardService> m_wireguard;        // WireGuard servers and clients
    std::unique_ptr<vpn::Ipv6PoolService> m_ipv6Pools;         // IPv6 prefix pools
    std::unique_ptr<vpn::BgpService> m_bgp;                    // BGP sessions through BIRD 2
    std::unique_ptr<ws::WebSocketHub> m_webSockets;            // /ws/… on the HTTP port
    // Derived from the master key in openStore(); moved into the auth module.
    crypto::SecureBytes m_tokenSigningKey;
    // Kept from openStore() until the engine opened its own connections.
    crypto::SecureBytes m_databaseKey;
    // Kept for BackupService (snapshots, staged restores, backup headers).
    crypto::SecureBytes m_backupDatabaseKey;
    crypto::SecureBytes m_backupWrappingKey;
    BootstrapOutcome m_bootstrap;
    QElapsedTimer m_uptime;
    QUrl m_baseUrl;
    // SHA-256 (hex) of a self-signed server certificate, for the agents'
    // install command; empty without TLS or with a CA-signed certificate.
    QString m_certificatePin;
};

} // namespace hm::server
