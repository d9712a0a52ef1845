#include "server/runtime/ServerRuntime.h"

#include "common/LogFormatter.h"
#include "common/Logging.h"
#include "crypto/Envelope.h"
#include "crypto/KeyDerivation.h"
#include "crypto/MasterKeyProvider.h"
#include "crypto/Sodium.h"
#include "hivemind/Version.h"
#include "server/api/ApiRouter.h"
#include "server/repositories/UserRepository.h"
#include "server/routes/AdminRoutes.h"
#include "server/routes/EngineRoutes.h"
#include "server/routes/auth/AuthRoutes.h"
#include "server/routes/credentials/CredentialRoutes.h"
#include "server/routes/fleet/FleetRoutes.h"
#include "server/routes/remote/RemoteRoutes.h"
#include "server/routes/services/ServiceRoutes.h"
#include "server/routes/system/BackupRoutes.h"
#include "server/routes/system/RetentionRoutes.h"
#include "server/routes/system/SystemRoutes.h"
#include "server/routes/vpn/BgpRoutes.h"
#include "server/routes/vpn/Ipv6PoolRoutes.h"
#include "server/routes/vpn/WireGuardRoutes.h"
#include "server/runtime/MasterKeyRotation.h"
#include "server/runtime/TlsFiles.h"
#include "server/services/auth/AccountMailer.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/AuthSettings.h"
#include "server/services/auth/InitialPassword.h"
#include "server/services/auth/RateLimiter.h"
#include "server/services/credentials/CredentialRotation.h"
#include "server/services/credentials/CredentialVault.h"
#include "server/services/engine/ComponentService.h"
#include "server/services/engine/ExecutionCallbacks.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/engine/FlowEvents.h"
#include "server/services/engine/HistoryRetention.h"
#include "server/services/engine/TriggerService.h"
#include "server/services/external/ServiceCatalog.h"
#include "server/services/external/ServiceDirectory.h"
#include "server/services/fleet/AlertChannels.h"
#include "server/services/fleet/AlertDispatcher.h"
#include "server/services/fleet/AlertService.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/fleet/Monitoring.h"
#include "server/services/fleet/ProbeService.h"
#include "server/services/fleet/PublicStatus.h"
#include "server/services/remote/AgentReleases.h"
#include "server/services/remote/AgentUpgrades.h"
#include "server/services/remote/DockerOps.h"
#include "server/services/remote/FileOps.h"
#include "server/services/remote/NginxOps.h"
#include "server/services/remote/NodeActions.h"
#include "server/services/remote/NodeGrants.h"
#include "server/services/remote/NodePower.h"
#include "server/services/remote/ProcessOps.h"
#include "server/services/remote/RecentAuthentication.h"
#include "server/services/remote/ReleaseSigner.h"
#include "server/services/remote/RemoteTaskDispatcher.h"
#include "server/services/remote/TaskService.h"
#include "server/services/remote/TerminalService.h"
#include "server/services/system/BackupService.h"
#include "server/services/system/LogBuffer.h"
#include "server/services/system/Metrics.h"
#include "server/services/system/StorageGuard.h"
#include "server/services/vpn/BgpService.h"
#include "server/services/vpn/Ipv6PoolService.h"
#include "server/services/vpn/WgEndpointHost.h"
#include "server/services/vpn/WireGuardBackends.h"
#include "server/services/vpn/WireGuardService.h"
#include "server/ws/WebSocketHub.h"
#include "store/Database.h"
#include "store/DekRepository.h"
#include "store/Migrations.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QNetworkInterface>
#include <QThread>
#include <optional>

namespace hm::server {

ServerRuntime::ServerRuntime(ServerOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_dataDirLock(m_options.dataDir)
{}

ServerRuntime::~ServerRuntime()
{
    stop();
}

QUrl ServerRuntime::publicUrl() const
{
    if (!m_options.publicUrl.isEmpty())
        return QUrl(m_options.publicUrl);
    // Local components reach the server over loopback (set --public-url
    // for remote ones).
    return connectableUrl();
}

QUrl ServerRuntime::connectableUrl() const
{
    // A wildcard address is not somewhere to connect to.
    QUrl url = m_baseUrl;
    const QHostAddress host(url.host());
    if (host == QHostAddress::AnyIPv4 || host == QHostAddress::Any)
        url.setHost(QStringLiteral("127.0.0.1"));
    else if (host == QHostAddress::AnyIPv6)
        url.setHost(QStringLiteral("::1"));
    return url;
}

QStringList ServerRuntime::ownOrigins() const
{
    // Pages served from where this server is reached: its listen URL (for a
    // loopback or wildcard address also "localhost" and, for a wildcard,
    // every local address), --public-url, and --ws-allowed-origin.
    QList<QUrl> urls{m_baseUrl, publicUrl()};
    const QHostAddress listen(m_baseUrl.host());
    const bool wildcard = listen == QHostAddress::AnyIPv4 || listen == QHostAddress::AnyIPv6 ||
                          listen == QHostAddress::Any;
    if (wildcard || listen.isLoopback()) {
        QUrl localhost = m_baseUrl;
        localhost.setHost(QStringLiteral("localhost"));
        urls.append(localhost);
    }
    if (wildcard) {
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            QUrl local = m_baseUrl;
            local.setHost(address.toString());
            urls.append(local);
        }
    }
    for (const QString &origin : m_options.webSockets.allowedOrigins)
        urls.append(QUrl(origin));
    QStringList origins;
    for (const QUrl &url : std::as_const(urls)) {
        const QString key = http::HttpServer::originKey(url);
        if (!key.isEmpty() && !origins.contains(key))
            origins.append(key);
    }
    return origins;
}

QString ServerRuntime::databasePath() const
{
    return QDir(m_options.dataDir).filePath(QStringLiteral("hivemind.db"));
}

Status ServerRuntime::openStore()
{
    auto keyOptions =
        crypto::MasterKeyOptions::fromEnvironment(m_options.dataDir, m_options.masterKeyFile);
    keyOptions.keychainRead = m_options.keychainRead;
    keyOptions.keychainWrite = m_options.keychainWrite;
    auto masterKey = crypto::MasterKeyProvider::resolve(keyOptions);
    if (!masterKey)
        return masterKey.error();
    qCInfo(lcCrypto).noquote() << "master key from"
                               << crypto::describeMasterKeySource(masterKey.value());

    const crypto::SecureBytes databaseKey =
        crypto::deriveSubkey(masterKey.value().key, crypto::Subkey::Database);
    auto database = store::Database::open(databasePath(), databaseKey,
                                          store::OpenOptions{.fullSync = m_options.fullSync});
    if (!database) {
        Error error = database.error();
        if (error.code == ErrorCode::DbKeyInvalid &&
            QFileInfo::exists(masterKeyRotationMarkerPath(m_options.dataDir)))
            error.message += QStringLiteral(
                " - a master key rotation of this directory was interrupted after the database "
                "was re-encrypted: run \"hivemind-server rotate-master-key\" again with the same "
                "options to finish it, or start with the new key");
        return error;
    }
    m_database = std::move(database.value());
    Metrics::instance().setDatabaseFile(databasePath());
    if (Status migrated = store::migrate(*m_database); !migrated)
        return migrated.error();

    m_tokenSigningKey = crypto::deriveSubkey(masterKey.value().key, crypto::Subkey::TokenSigning);
    m_databaseKey = crypto::SecureBytes::fromRaw(databaseKey.view());
    m_backupDatabaseKey = crypto::SecureBytes::fromRaw(databaseKey.view());
    m_backupWrappingKey = crypto::deriveSubkey(masterKey.value().key, crypto::Subkey::DekWrapping);
    m_dekRepository = std::make_unique<store::DekRepository>(*m_database);
    m_envelope = std::make_unique<crypto::EnvelopeCipher>(
        crypto::deriveSubkey(masterKey.value().key, crypto::Subkey::DekWrapping), *m_dekRepository);
    if (Status loaded = m_envelope->load(); !loaded)
        return loaded.error();

    // The rotation's worker re-encrypts on a connection of its own.
    auto rotationDb = store::Database::open(databasePath(), databaseKey,
                                            store::OpenOptions{.fullSync = m_options.fullSync});
    if (!rotationDb)
        return rotationDb.error();
    // The WireGuard service's worker reads a server's peers on its own.
    auto wireguardDb = store::Database::open(
        databasePath(), databaseKey,
        store::OpenOptions{.createIfMissing = false, .fullSync = m_options.fullSync});
    if (!wireguardDb)
        return wireguardDb.error();
    m_wireguardDb = std::move(wireguardDb.value());
    m_credentials = std::make_unique<credentials::CredentialVault>(*m_database, *m_envelope);
    m_credentialRotation = std::make_unique<credentials::CredentialRotation>(
        *m_database, *m_envelope, std::move(rotationDb.value()),
        crypto::deriveSubkey(masterKey.value().key, crypto::Subkey::DekWrapping),
        m_options.credentialRotationBatch);
    m_serviceDirectory = std::make_unique<external::ServiceDirectory>(*m_database, *m_credentials);
    if (Status loaded = m_serviceDirectory->reload(); !loaded)
        return loaded.error();
    m_serviceCatalog = std::make_unique<external::ServiceCatalog>(*m_database, *m_credentials,
                                                                  *m_serviceDirectory);
    return {};
}

Result<QUrl> ServerRuntime::start()
{
    auto started = startUp();
    if (!started)
        stop(); // a console keeps a failed runtime: the directory must not stay locked
    return started;
}

Result<QUrl> ServerRuntime::startUp()
{
    // Before anything reads or writes the directory (master key, database,
    // recovery): another server may be using it.
    if (!QDir().mkpath(m_options.dataDir))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot create the data directory %1").arg(m_options.dataDir)};
    if (Status locked = m_dataDirLock.acquire(); !locked)
        return locked.error();
    // The data dir holds the database and possibly the key file: owner only.
    QFile::setPermissions(m_options.dataDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    m_uptime.start();
    // Recent log records for GET /api/v1/logs (when the process installed
    // HiveMind's log handler, as hivemind-server does, or tapped the one it
    // keeps, as the console's LocalServer does).
    logging::setRecordSink(&LogBuffer::sink);
    std::optional<TlsIdentity> tls;
    if (!m_options.tlsCertFile.isEmpty()) {
        // Before the store: a typo in a path must not cost a database open.
        auto identity = loadTlsIdentity(m_options.tlsCertFile, m_options.tlsKeyFile);
        if (!identity)
            return identity.error();
        tls = identity.value();
        if (tls->certificate.isSelfSigned())
            m_certificatePin = QString::fromLatin1(
                QCryptographicHash::hash(tls->certificate.toDer(), QCryptographicHash::Sha256)
                    .toHex());
    }
    if (!crypto::initialize())
        return Error{ErrorCode::CryptoSelfTestFailed,
                     QStringLiteral("libsodium failed to initialise")};
    if (Status selfTest = crypto::selfTest(); !selfTest)
        return selfTest.error();

    // A restore staged by the previous run replaces the database before
    // anything opens it (BackupService, docs/backup.md).
    if (Status restored = BackupService::applyPendingRestore(m_options.dataDir, databasePath());
        !restored)
        return restored.error();
    if (Status store = openStore(); !store)
        return store.error();

    auto bootstrap = bootstrapAdmin(*m_database, m_options.dataDir);
    if (!bootstrap)
        return bootstrap.error();
    m_bootstrap = bootstrap.value();

    // Recovery and the persisted queue are dealt with before the first
    // request can trigger anything.
    m_engine = std::make_unique<FlowEngineHost>();
    m_engine->setFullSync(m_options.fullSync);
    m_engine->setEngineOwnThread(
        m_options.engineOwnThread.value_or(QThread::idealThreadCount() > 2));
    m_engine->setServiceResolver(m_serviceDirectory.get());
    // The `task` node's commands reach the agents through NodeActions,
    // which exists only once the fleet does (below): until then, and after
    // shutdown begins, the dispatcher refuses.
    m_taskDispatcher = std::make_unique<remote::RemoteTaskDispatcher>(*m_database);
    m_engine->setTaskDispatcher(m_taskDispatcher.get());
    m_components = std::make_unique<ComponentService>(
        *m_database, *m_engine, m_options.componentHealthIntervalSeconds * 1000);
    // Registered components before the persisted queue: restored requests
    // may use them.
    const Status engineStarted = m_engine->start(*m_database, databasePath(), m_databaseKey,
                                                 [this] { return m_components->loadRegistered(); });
    m_databaseKey = crypto::SecureBytes();
    if (!engineStarted)
        return engineStarted.error();

    // From here on this connection serves requests on the server's one
    // thread: no query may hold it (and every other request) for long.
    // Start-up work above (migrations, recovery) ran without a limit.
    m_database->setQueryTimeLimit(m_options.dbQueryTimeoutMs);

    m_router = std::make_unique<ApiRouter>();
    m_router->setTrustedProxies(m_options.trustedProxies);
    m_router->httpServer().setTimeouts({m_options.httpIdleTimeoutSeconds * 1000,
                                        m_options.httpHeaderTimeoutSeconds * 1000,
                                        m_options.httpRequestTimeoutSeconds * 1000});
    if (tls)
        m_router->setTls(tls->certificate, tls->key);
    registerSystemRoutes(*m_router, *m_database, m_uptime,
                         [this] { return m_fleet ? m_fleet->onlineCount() : 0; });
    m_auth =
        std::make_unique<auth::AuthModule>(*m_database, *m_envelope, std::move(m_tokenSigningKey));
    m_auth->tokens.setAccessTokenSeconds(m_options.accessTokenSeconds);
    m_auth->pendingLoginMs = m_options.pendingLoginMs;
    m_auth->initialPasswordFile = auth::initialPasswordFileIn(m_options.dataDir);
    // Each audit entry to the administrators' /ws/events (audit_logged), so
    // that the consoles' audit lists follow without asking again.
    m_accountMailer = std::make_unique<auth::AccountMailer>(*m_database, *m_envelope);
    if (m_options.accountTokenTtlMs > 0)
        m_accountMailer->setTokenLifetimeMs(m_options.accountTokenTtlMs);
    auth::setAuditListener(*m_database, [events = &m_auth->events, mailer = m_accountMailer.get(),
                                         db = m_database.get()](const auth::AuditNotice &n) {
        events->publish(
            {QStringLiteral("audit_logged"), auth::auditNoticeJson(n), true, {}, false});
        // Account e-mail follows two events wherever they happen: a lock
        // (the lockout notice) and a self-registration (the verification
        // mail). Queued: the audit entry's writer finishes first.
        if (n.action == QLatin1String("ACCOUNT_LOCKED") && !n.userId.isEmpty()) {
            QMetaObject::invokeMethod(
                mailer,
                [mailer, db, userId = n.userId] {
                    mailer->sendLockoutNotice(userId,
                                              auth::AuthSettings::load(*db).lockoutDurationSeconds);
                },
                Qt::QueuedConnection);
        } else if (n.action == QLatin1String("USER_REGISTERED") && !n.userId.isEmpty()) {
            QMetaObject::invokeMethod(
                mailer,
                [mailer, db, userId = n.userId] {
                    auto user = auth::UserRepository(*db).findById(userId);
                    if (user && user.value())
                        mailer->sendVerification(*user.value());
                },
                Qt::QueuedConnection);
        }
    });
    auth::registerAuthRoutes(*m_router, *m_auth);
    auth::registerAccountMailRoutes(*m_router, *m_auth, *m_accountMailer);
    registerSystemAdminRoutes(*m_router, *m_auth, *m_database, m_options.dataDir, m_uptime);
    registerClusterRoutes(
        *m_router, *m_auth, [this] { return publicUrl(); }, m_uptime);
    registerAuditRoutes(*m_router, *m_auth, *m_database, &m_engine->triggers().audit());
    registerLogRoutes(*m_router, *m_auth);
    m_flowEvents = std::make_unique<FlowEvents>();
    registerShareRoutes(*m_router, *m_auth, *m_database, *m_flowEvents);
    registerFlowRoutes(*m_router, *m_auth, *m_database, *m_engine, *m_flowEvents);
    // Trigger callbacks: what the last run left pending is tried again.
    m_callbacks = std::make_unique<ExecutionCallbacks>(*m_database, *m_envelope, *m_engine,
                                                       outbound::OutboundPolicy(m_database.get()));
    if (Status s = m_callbacks->start(); !s)
        return s.error();
    m_engine->triggers().setCallbacks(m_callbacks.get());
    registerExecutionRoutes(*m_router, *m_auth, *m_database, *m_engine);
    registerWebhookRoutes(*m_router, *m_auth, *m_database, *m_engine);
    registerExecutionDetailRoutes(*m_router, *m_auth, *m_database, *m_engine);
    registerBlobRoutes(*m_router, *m_engine);
    registerComponentRoutes(*m_router, *m_auth, *m_database, *m_components);
    // Component changes (registration, deprecation, deletion, a changed
    // health summary) go to every console's /ws/events: anyone signed in
    // may list components.
    QObject::connect(m_components.get(), &ComponentService::changed, &m_auth->events,
                     [events = &m_auth->events](const QString &type, const QJsonObject &data) {
                         events->publish({type, data, false, {}, true});
                     });
    registerCredentialRoutes(*m_router, *m_auth, *m_credentials);
    registerCredentialKeyRoutes(*m_router, *m_auth, *m_credentialRotation);
    registerCredentialTestRoutes(*m_router, *m_auth, *m_credentials);
    registerServiceRoutes(*m_router, *m_auth, *m_serviceCatalog, *m_serviceDirectory);
    m_fleet = std::make_unique<fleet::FleetService>(*m_database, *m_engine, m_auth->events);
    m_fleet->setAgentAddress([this] { return publicUrl().toString(); },
                             [this] { return m_certificatePin; });
    // Rollups and retention of the metric history (MetricHistory.h).
    m_fleet->history().startMaintenance(30 * 1000);
    registerNodeRoutes(*m_router, *m_auth, *m_fleet);
    // Remote operations through the agents (issue 38).
    m_nodeGrants = std::make_unique<remote::NodeGrants>(*m_database);
    m_nodeActions = std::make_unique<remote::NodeActions>(*m_database, *m_fleet, *m_nodeGrants);
    m_processOps = std::make_unique<remote::ProcessOps>(*m_nodeActions);
    m_taskDispatcher->setActions(m_nodeActions.get());
    m_tasks = std::make_unique<remote::TaskService>(*m_database, *m_engine, *m_nodeActions);
    registerTaskRoutes(*m_router, *m_auth, *m_tasks);
    registerNodeGrantRoutes(*m_router, *m_auth, *m_nodeActions);
    registerProcessRoutes(*m_router, *m_auth, *m_processOps);
    m_recentAuth = std::make_unique<remote::RecentAuthentication>();
    m_terminals =
        std::make_unique<remote::TerminalService>(*m_database, *m_nodeActions, *m_recentAuth);
    if (m_options.terminalIdleSeconds > 0)
        m_terminals->setIdleTimeoutMs(qint64(m_options.terminalIdleSeconds) * 1000);
    registerTerminalRoutes(*m_router, *m_auth, *m_terminals, *m_recentAuth);
    m_nodePower = std::make_unique<remote::NodePower>(*m_nodeActions, *m_recentAuth);
    registerNodePowerRoutes(*m_router, *m_auth, *m_nodePower);
    auto releaseSigner = remote::ReleaseSigner::loadOrCreate(m_options.dataDir, *m_envelope);
    if (!releaseSigner)
        return releaseSigner.error();
    m_releaseSigner = std::move(releaseSigner.value());
    m_fleet->setReleaseKey(m_releaseSigner->publicKey());
    m_agentReleases =
        std::make_unique<remote::AgentReleases>(*m_database, *m_releaseSigner, m_options.dataDir);
    m_agentUpgrades =
        std::make_unique<remote::AgentUpgrades>(*m_nodeActions, *m_agentReleases, *m_recentAuth);
    registerAgentReleaseRoutes(*m_router, *m_auth, *m_agentReleases, *m_agentUpgrades);
    // The agent built with this server is a release agents can be upgraded
    // (or rolled forward) to without an upload; read and hashed on a worker.
    if (m_options.agentBinary != QLatin1String("none"))
        m_agentReleases->registerBuiltIn(m_options.agentBinary.isEmpty()
                                             ? QDir(QCoreApplication::applicationDirPath())
                                                   .filePath(QStringLiteral("hivemind-agent"))
                                             : m_options.agentBinary,
                                         QString::fromLatin1(version::kVersion), m_fleet.get());
    m_backups = std::make_unique<BackupService>(
        *m_database, *m_envelope, *m_engine, m_auth->events, m_options.dataDir, databasePath(),
        std::move(m_backupDatabaseKey), std::move(m_backupWrappingKey));
    m_backups->start();
    registerBackupRoutes(*m_router, *m_auth, *m_backups);
    m_fileOps = std::make_unique<remote::FileOps>(*m_nodeActions);
    registerFileRoutes(*m_router, *m_auth, *m_fileOps);
    m_dockerOps = std::make_unique<remote::DockerOps>(*m_nodeActions);
    registerDockerRoutes(*m_router, *m_auth, *m_dockerOps);
    m_nginxOps = std::make_unique<remote::NginxOps>(*m_nodeActions);
    registerNginxRoutes(*m_router, *m_auth, *m_nginxOps);
    m_publicStatus = std::make_unique<fleet::PublicStatus>(*m_database, *m_fleet);
    m_publicLimiter = std::make_shared<auth::RateLimiter>();
    registerPublicStatusRoutes(*m_router, *m_auth, *m_fleet, *m_publicStatus, m_publicLimiter);
    m_probes = std::make_unique<fleet::ProbeService>(*m_database, *m_fleet, m_auth->events);
    registerProbeRoutes(*m_router, *m_auth, *m_probes);
    m_alerts = std::make_unique<fleet::AlertService>(*m_database, *m_fleet, m_auth->events);
    if (Status s = m_alerts->start(); !s)
        return s.error();
    registerAlertRoutes(*m_router, *m_auth, *m_alerts);
    // Where alerts go: every record that opens or resolves, to each enabled
    // channel, with the pending deliveries of the last run picked up.
    m_alertDispatcher = std::make_unique<fleet::AlertDispatcher>(
        *m_database, outbound::OutboundPolicy(m_database.get()));
    m_alertChannels = std::make_unique<fleet::AlertChannels>(*m_database, *m_envelope,
                                                             *m_alertDispatcher, m_auth->events);
    m_alertDispatcher->setChannels(m_alertChannels.get());
    if (Status s = m_alertDispatcher->start(); !s)
        return s.error();
    QObject::connect(
        m_alerts.get(), &fleet::AlertService::recordChanged, m_alertDispatcher.get(),
        [dispatcher = m_alertDispatcher.get()](const repositories::AlertRecordRow &record) {
            dispatcher->recordChanged(record, fleet::AlertService::alertMessage(record));
        });
    QObject::connect(
        m_alerts.get(), &fleet::AlertService::recordReminded, m_alertDispatcher.get(),
        [dispatcher = m_alertDispatcher.get()](const repositories::AlertRecordRow &record) {
            QJsonObject alert = fleet::AlertService::alertMessage(record);
            alert.insert(QStringLiteral("reminder"), true);
            dispatcher->recordReminded(record, alert);
        });
    registerAlertChannelRoutes(*m_router, *m_auth, *m_alertChannels);
    auto wgBackend = vpn::makeWireGuardBackend(m_options.wireguardBackend, m_options.dataDir,
                                               m_options.wireguardNetns);
    if (!wgBackend)
        return wgBackend.error();
    m_wireguard = std::make_unique<vpn::WireGuardService>(
        *m_database, *m_envelope, std::move(wgBackend.value()), std::move(m_wireguardDb), [this] {
            return vpn::wgReachableEndpointHost(publicUrl().host(),
                                                QNetworkInterface::allAddresses());
        });
    m_wireguard->setEvents(&m_auth->events);
    registerWireGuardRoutes(*m_router, *m_auth, *m_wireguard);
    m_ipv6Pools = std::make_unique<vpn::Ipv6PoolService>(*m_database);
    m_ipv6Pools->setWireGuard(m_wireguard.get());
    registerIpv6PoolRoutes(*m_router, *m_auth, *m_ipv6Pools);
    {
        vpn::BgpBirdOptions bird;
        bird.socketPath = m_options.birdSocket;
        bird.configPath = m_options.birdConfig;
        bird.routerId = m_options.bgpRouterId;
        m_bgp = std::make_unique<vpn::BgpService>(*m_database, *m_envelope, bird);
        if (Status s = m_bgp->writeInitialConfig(); !s)
            return s.error();
        registerBgpRoutes(*m_router, *m_auth, *m_bgp);
        m_ipv6Pools->setPoolsChanged([bgp = m_bgp.get()] { bgp->resync(); });
    }
    m_monitoring = std::make_unique<fleet::Monitoring>(*m_fleet, *m_alerts, *m_alertChannels);
    registerMonitoringRoutes(*m_router, *m_auth, *m_monitoring, *m_wireguard, *m_bgp);
    // The servers that ran before (or start by themselves) come back up.
    m_wireguard->startMarkedServers();
    m_storageGuard = std::make_unique<StorageGuard>(
        m_options.dataDir,
        StorageGuard::Options{m_options.storageReserveMiB * 1024 * 1024,
                              m_options.storageWarnMiB * 1024 * 1024},
        &m_auth->events);
    m_engine->triggers().setStorageGuard(m_storageGuard.get());
    m_agentReleases->setRoomCheck(
        [guard = m_storageGuard.get()](qint64 bytes) { return guard->admitFile(bytes); });
    m_retention = std::make_unique<HistoryRetention>(*m_database, *m_engine, databasePath());
    m_retention->setGraceMs(m_options.retentionGraceMs);
    m_retention->setLowSpace(
        [guard = m_storageGuard.get()] { return guard->state() != StorageGuard::State::Ok; });
    m_retention->start(m_options.retentionIntervalMs);
    registerRetentionRoutes(*m_router, *m_auth, *m_database, *m_retention, *m_storageGuard);
    Metrics::instance().setStoreSource(
        [retention = m_retention.get(), guard = m_storageGuard.get()] {
            Metrics::StoreFigures f;
            f.usedBytes = retention->usedBytes();
            f.growthPerHour = retention->growthPerHour();
            f.deletedTotal = retention->deletedTotal();
            f.freeBytes = guard->freeBytes();
            f.storageState = int(guard->state());
            return f;
        });
    registerMetricsAndDocsRoutes(*m_router, [this] { return publicUrl().toString(); });
    m_webSockets = std::make_unique<ws::WebSocketHub>(*m_router, *m_auth, *m_database, *m_engine,
                                                      *m_flowEvents, *m_fleet, *m_probes,
                                                      m_options.dataDir, m_options.webSockets);
    m_webSockets->servePublicStatus(*m_publicStatus, m_publicLimiter);
    m_webSockets->serveTerminals(*m_terminals);
    auto port = m_router->listen(m_options.listenAddress, m_options.port);
    if (!port && port.error().code == ErrorCode::PortInUse && m_options.freePortWhenTaken &&
        m_options.port != 0) {
        qCInfo(lcServer).noquote()
            << QStringLiteral("port %1 is taken; listening on a free port").arg(m_options.port);
        port = m_router->listen(m_options.listenAddress, 0);
    }
    if (!port)
        return port.error();

    QUrl url;
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_options.listenAddress.toString());
    url.setPort(port.value());
    m_baseUrl = url;
    m_router->httpServer().setWebSocketOrigins(ownOrigins());
    m_engine->setPublicUrl(publicUrl());
    m_components->startHealthChecks();
    // A rotation a previous run left unfinished goes on in the background.
    m_credentialRotation->resumeIfNeeded();
    qCInfo(lcServer).noquote() << "listening on" << m_baseUrl.toString();
    // For a console that finds the directory locked and connects here instead.
    if (Status published = m_dataDirLock.publishServerUrl(connectableUrl()); !published)
        qCWarning(lcServer).noquote() << published.error().message;
    return m_baseUrl;
}

void ServerRuntime::stop()
{
    logging::setRecordSink(nullptr);
    // First: its connections refer to the router, the engine and auth.
    m_webSockets.reset();
    if (m_router) {
        m_router->close();
        m_router.reset();
        qCInfo(lcServer) << "stopped accepting requests";
    }
    m_flowEvents.reset();
    // After the agents' connections, before the engine whose queue it writes to.
    m_monitoring.reset();      // reads the fleet, alerts and channels
    m_alertDispatcher.reset(); // follows the alerts, uses the channels
    m_alertChannels.reset();
    m_alerts.reset(); // listens to the fleet
    m_probes.reset(); // asks the fleet about nodes
    if (m_ipv6Pools)
        m_ipv6Pools->setPoolsChanged({});
    m_bgp.reset();        // waits for its birdc call in progress
    m_ipv6Pools.reset();  // re-syncs through the WireGuard servers
    m_wireguard.reset();  // waits for its backend call in progress
    m_terminals.reset();  // closes its sessions on the agents, audits them
    m_processOps.reset(); // over the fleet's agent calls
    m_nodePower.reset();
    m_agentUpgrades.reset();
    m_backups.reset(); // waits for a backup or restore being written
    m_fileOps.reset(); // its calls' answers are dropped with it
    if (m_taskDispatcher)
        m_taskDispatcher->setActions(nullptr);
    m_tasks.reset();     // its pending answers go with it
    m_dockerOps.reset(); // the same
    m_nginxOps.reset();  // likewise
    m_nodeActions.reset();
    m_nodeGrants.reset();
    m_fleet.reset();
    // Before the engine: its health checks reach into the engine's registry.
    m_components.reset();
    if (m_engine && m_callbacks)
        m_engine->triggers().setCallbacks(nullptr);
    m_callbacks.reset(); // tries in flight are picked up by the next start
    if (m_engine) {
        // Before the database: stopping flushes the journal's queue.
        m_engine.reset();
    }
    m_taskDispatcher.reset(); // the engine's task nodes called it until now
    if (m_database)
        auth::setAuditListener(*m_database, {});
    m_accountMailer.reset(); // waits for its sends
    m_auth.reset();
    // Waits for the rotation's worker between two batches.
    m_credentialRotation.reset();
    // Before the vault they decrypt with (the routes that used them are gone).
    m_serviceCatalog.reset();
    m_serviceDirectory.reset();
    m_credentials.reset();
    m_envelope.reset();
    m_dekRepository.reset();
    m_wireguardDb.reset(); // a start that failed before the service took it
    if (m_database) {
        // Closing the last connection checkpoints the WAL into the main file.
        m_database.reset();
        qCInfo(lcStore) << "database closed";
    }
    // Last: the next server may open the store as soon as this is gone.
    m_dataDirLock.release();
}

} // namespace hm::server
