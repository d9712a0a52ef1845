#pragma once

#include "server/ws/WebSocketOptions.h"
#include "store/Database.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>
#include <optional>

namespace hm::server {

struct ServerOptions
{
    QString dataDir;
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8080; // 0 = any free port
    // When `port` is taken, listen on a free one instead of failing (the
    // console's local server: it prefers the port it had, LocalServerPort.h).
    bool freePortWhenTaken = false;
    QString masterKeyFile;
    // HTTPS when both are set (PEM files); see docs/api.md "TLS".
    QString tlsCertFile;
    QString tlsKeyFile;
    // CIDRs of reverse proxies whose X-Forwarded-For is believed.
    QList<QPair<QHostAddress, int>> trustedProxies;
    // Lifetime of access tokens in seconds (short values for tests and
    // high-security setups; refresh keeps sessions going).
    qint64 accessTokenSeconds = 15 * 60;
    // Lifetime of a login waiting for its second factor, in ms (5 minutes;
    // the hidden --pending-login-ttl-ms shortens it for tests).
    qint64 pendingLoginMs = 5 * 60 * 1000;
    // Lifetime of password reset and e-mail verification tokens in ms; 0:
    // their own (1 h, 24 h). The hidden --account-token-ttl-ms, for tests.
    qint64 accountTokenTtlMs = 0;
    // /ws/… tunables: status interval, slow-consumer limit, keep-alive.
    ws::WebSocketOptions webSockets;
    // HTTP connections: an idle keep-alive connection is closed after
    // httpIdleTimeoutSeconds, a request head that has not fully arrived
    // httpHeaderTimeoutSeconds after its first byte, a whole request (head
    // and body) httpRequestTimeoutSeconds after it.
    int httpIdleTimeoutSeconds = 60;
    int httpHeaderTimeoutSeconds = 30;
    int httpRequestTimeoutSeconds = 120;
    // How long one database query of a request may run (the store's limit
    // on the server thread's connection; TIMEOUT after it).
    qint64 dbQueryTimeoutMs = store::kDefaultQueryTimeLimitMs;
    // How often registered components' /health is checked (0 = only at
    // start and on demand).
    int componentHealthIntervalSeconds = 30;
    // The server's URL as HTTP components reach it (their blob endpoint);
    // empty = the listen URL, with loopback for a wildcard address.
    QString publicUrl;
    // --sync full: every commit fsynced (survives power loss, slower); the
    // default survives the process being killed (docs/engine-persistence.md).
    bool fullSync = false;
    // --engine-thread: whether the flow engine runs on a thread of its own
    // or on the server's thread. Unset (auto) = its own thread when the
    // machine has more than two cores: with two, each hand-off between the
    // server's thread and the engine's wakes the other core, which costs a
    // short flow more than running it where the request arrived
    // (docs/benchmarks.md, "One thread for requests and the engine").
    std::optional<bool> engineOwnThread;
    // Credentials re-encrypted per transaction by a key rotation (hidden
    // --credential-rotation-batch; tests make it small to stop a rotation
    // part-way).
    int credentialRotationBatch = 500;
    // --storage-reserve-mib: new triggers are refused (507 STORAGE_FULL)
    // once the data directory's file system has less free; what runs
    // finishes into it. --storage-warn-mib: consoles are warned below this
    // (0 = a tenth of the file system, at least twice the reserve).
    qint64 storageReserveMiB = 256;
    qint64 storageWarnMiB = 0;
    // Hidden --retention-interval-ms: time between history retention
    // passes (tests shorten it).
    int retentionIntervalMs = 10 * 60 * 1000;
    // Hidden --retention-grace-ms: how long after its end an execution is
    // safe from retention (HistoryRetention::kGraceMs; tests use 0).
    qint64 retentionGraceMs = 60 * 1000;
    // --wireguard-backend: auto (default), kernel, wireguard-go or
    // config-only (server/services/vpn/WireGuardBackends.h); the hidden
    // --wireguard-netns runs its commands in a network namespace (tests).
    QString wireguardBackend = QStringLiteral("auto");
    QString wireguardNetns;
    // --terminal-idle-seconds: remote terminals with no byte either way for
    // this long close (remote/TerminalService); 0 keeps its default (900).
    int terminalIdleSeconds = 0;
    // --agent-binary: the hivemind-agent built with this server, offered as
    // a built-in agent release (AgentReleases::registerBuiltIn). Empty: the
    // one next to the server's own binary; "none": no built-in release.
    QString agentBinary;
    // --bird-socket, --bird-config, --bgp-router-id (BgpService): BIRD 2's
    // control socket (empty: sessions stored only, status "unavailable"),
    // the configuration file it runs, its router id.
    QString birdSocket;
    QString birdConfig;
    QString bgpRouterId = QStringLiteral("10.255.255.1");
    // Console only: OS keychain access for the master key (see MasterKeyOptions).
    std::function<std::optional<QByteArray>()> keychainRead;
    std::function<bool(const QByteArray &)> keychainWrite;
};

} // namespace hm::server
