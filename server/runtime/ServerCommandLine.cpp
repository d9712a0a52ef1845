#include "server/runtime/ServerCommandLine.h"

#include "server/http/HttpServer.h"
#include "server/runtime/DataDirectory.h"
#include "server/runtime/OptionTable.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QUrl>

namespace hm::server {
namespace {

using ServerRow = OptionRow<ServerCommandLine>;
using ServerApply = std::function<Status(const GivenOption &, ServerCommandLine &)>;

Error badValue(const QString &message)
{
    return Error{ErrorCode::ValidationError, message};
}

// A whole number from `min` to `max` ("--NAME must be MIN to MAX[ unit],
// not "VALUE""), handed to `store`.
ServerApply number(qint64 min, qint64 max, std::function<void(ServerCommandLine &, qint64)> store,
                   const QString &unit = {})
{
    return [=](const GivenOption &given, ServerCommandLine &line) -> Status {
        bool ok = false;
        const qint64 value = given.value.toLongLong(&ok);
        if (!ok || value < min || value > max)
            return badValue(QStringLiteral("--%1 must be %2 to %3%4, not \"%5\"")
                                .arg(given.name)
                                .arg(min)
                                .arg(max)
                                .arg(unit, given.value));
        store(line, value);
        return {};
    };
}

// Stores the value as given (file names).
ServerApply optionText(QString ServerOptions::*field)
{
    return [field](const GivenOption &given, ServerCommandLine &line) -> Status {
        line.options.*field = given.value;
        return {};
    };
}

Status applyTrustedProxies(const GivenOption &given, ServerCommandLine &line)
{
    for (const QString &cidr : given.values) {
        const auto subnet =
            QHostAddress::parseSubnet(cidr.contains(u'/')   ? cidr
                                      : cidr.contains(u':') ? cidr + QStringLiteral("/128")
                                                            : cidr + QStringLiteral("/32"));
        if (subnet.first.isNull())
            return badValue(QStringLiteral("--trusted-proxy must be an address or CIDR such as "
                                           "10.0.0.0/8, not \"%1\"")
                                .arg(cidr));
        line.options.trustedProxies.append(subnet);
    }
    return {};
}

Status applyPublicUrl(const GivenOption &given, ServerCommandLine &line)
{
    if (!given.isSet)
        return {};
    const QUrl url(given.value, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return badValue(QStringLiteral("--public-url must be an http or https URL such as "
                                       "http://10.0.0.2:8080, not \"%1\"")
                            .arg(given.value));
    line.options.publicUrl = url.toString();
    return {};
}

Status applyEngineThread(const GivenOption &given, ServerCommandLine &line)
{
    if (given.value == QLatin1String("own"))
        line.options.engineOwnThread = true;
    else if (given.value == QLatin1String("shared"))
        line.options.engineOwnThread = false;
    else if (given.value != QLatin1String("auto"))
        return badValue(QStringLiteral("--engine-thread must be own, shared or auto, not \"%1\"")
                            .arg(given.value));
    return {};
}

Status applyAllowedOrigins(const GivenOption &given, ServerCommandLine &line)
{
    for (const QString &origin : given.values) {
        if (http::HttpServer::originKey(QUrl(origin, QUrl::StrictMode)).isEmpty())
            return badValue(QStringLiteral("--ws-allowed-origin must be an origin such as "
                                           "https://console.example.com, not \"%1\"")
                                .arg(origin));
        line.options.webSockets.allowedOrigins.append(origin);
    }
    return {};
}

// HOST:PORT with a numeric address ([v6] in brackets; localhost is 127.0.0.1).
Status applyListen(const GivenOption &given, ServerCommandLine &line)
{
    const QString &hostPort = given.value;
    const qsizetype colon = hostPort.lastIndexOf(u':');
    bool portOk = false;
    const uint port = colon > 0 ? hostPort.mid(colon + 1).toUInt(&portOk) : 0;
    QString host = colon > 0 ? hostPort.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    const QHostAddress address(host);
    if (!portOk || port > 65535 || address.isNull())
        return badValue(QStringLiteral("--listen must be HOST:PORT with a numeric IP address and "
                                       "a port from 0 to 65535, not \"%1\"")
                            .arg(hostPort));
    line.options.listenAddress = address;
    line.options.port = static_cast<quint16>(port);
    return {};
}

// hivemind-server's options in --help order. Each row checks its own
// value; the pair --tls-cert/--tls-key is checked with the second.
QList<ServerRow> serverRows()
{
    return {
        {QStringLiteral("data-dir"), QStringLiteral("DIR"),
         QStringLiteral("Directory for the database and generated keys (default %1).")
             .arg(defaultDataDir()),
         defaultDataDir(),
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             line.options.dataDir = QDir(given.value).absolutePath();
             return {};
         }},
        {QStringLiteral("listen"), QStringLiteral("HOST:PORT"),
         QStringLiteral("Address and port to listen on (default 127.0.0.1:8080; use "
                        "0.0.0.0:8080 to accept remote consoles, [::]:8080 for IPv6)."),
         QStringLiteral("127.0.0.1:8080"), applyListen},
        {QStringLiteral("master-key-file"),
         QStringLiteral("FILE"),
         QStringLiteral(
             "File holding the base64 master key (HIVEMIND_MASTER_KEY takes precedence)."),
         {},
         optionText(&ServerOptions::masterKeyFile)},
        {QStringLiteral("log-format"), QStringLiteral("FORMAT"),
         QStringLiteral("Log line format: text or json."), QStringLiteral("text"),
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             if (!logging::parseFormat(given.value, &line.logFormat))
                 return badValue(QStringLiteral("--log-format must be text or json, not \"%1\"")
                                     .arg(given.value));
             return {};
         }},
        {QStringLiteral("log-file"), QStringLiteral("PATH"),
         QStringLiteral("Write the log to this file instead of stderr, rotated by size "
                        "(--log-max-size, --log-keep)."),
         {},
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             if (given.isSet && given.value.isEmpty())
                 return badValue(QStringLiteral("--log-file must name a file"));
             line.logFile = given.value.isEmpty() ? QString()
                                                  : QFileInfo(given.value).absoluteFilePath();
             return {};
         }},
        {QStringLiteral("log-max-size"), QStringLiteral("BYTES"),
         QStringLiteral("Size at which --log-file is rotated to FILE.1 (default 10485760)."),
         QStringLiteral("10485760"),
         number(
             4096, qint64(1) << 40,
             [](ServerCommandLine &line, qint64 value) { line.logMaxBytes = value; },
             QStringLiteral(" bytes"))},
        {QStringLiteral("log-keep"), QStringLiteral("N"),
         QStringLiteral("Rotated log files kept besides --log-file: FILE.1 (newest) to FILE.N "
                        "(default 5; 0 keeps none)."),
         QStringLiteral("5"),
         number(0, 1000,
                [](ServerCommandLine &line, qint64 value) { line.logKeep = int(value); })},
        {QStringLiteral("tls-cert"),
         QStringLiteral("FILE"),
         QStringLiteral("PEM certificate (chain) to serve HTTPS with; needs --tls-key."),
         {},
         optionText(&ServerOptions::tlsCertFile)},
        {QStringLiteral("tls-key"),
         QStringLiteral("FILE"),
         QStringLiteral("PEM private key (RSA or EC, unencrypted) of --tls-cert."),
         {},
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             line.options.tlsKeyFile = given.value;
             if (line.options.tlsCertFile.isEmpty() != line.options.tlsKeyFile.isEmpty())
                 return badValue(QStringLiteral("--tls-cert and --tls-key must be given together"));
             return {};
         }},
        {QStringLiteral("trusted-proxy"),
         QStringLiteral("CIDR"),
         QStringLiteral("Reverse proxy network (CIDR, repeatable) whose X-Forwarded-For header "
                        "names the client. Default: none, the header is ignored."),
         {},
         applyTrustedProxies},
        {QStringLiteral("access-token-ttl"), QStringLiteral("SECONDS"),
         QStringLiteral("Lifetime of access tokens in seconds (default 900)."),
         QStringLiteral("900"),
         number(
             1, 24 * 3600,
             [](ServerCommandLine &line, qint64 value) { line.options.accessTokenSeconds = value; },
             QStringLiteral(" seconds"))},
        {QStringLiteral("component-health-interval"), QStringLiteral("SECONDS"),
         QStringLiteral("Seconds between health checks of registered components (default 30; "
                        "0 = only at start and on demand)."),
         QStringLiteral("30"),
         number(
             0, 86400,
             [](ServerCommandLine &line, qint64 value) {
                 line.options.componentHealthIntervalSeconds = int(value);
             },
             QStringLiteral(" seconds"))},
        {QStringLiteral("public-url"),
         QStringLiteral("URL"),
         QStringLiteral("This server's URL as HTTP components reach it, for their blob "
                        "endpoint (default: the listen address; set it when components run on "
                        "other machines)."),
         {},
         applyPublicUrl},
        {QStringLiteral("sync"), QStringLiteral("normal|full"),
         QStringLiteral("When a commit counts as done: \"normal\" (default) survives the "
                        "server being killed; \"full\" fsyncs every commit, so it also "
                        "survives a power loss or an OS crash (slower)."),
         QStringLiteral("normal"),
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             if (given.value != QLatin1String("normal") && given.value != QLatin1String("full"))
                 return badValue(
                     QStringLiteral("--sync must be normal or full, not \"%1\"").arg(given.value));
             line.options.fullSync = given.value == QLatin1String("full");
             return {};
         }},
        {QStringLiteral("engine-thread"), QStringLiteral("own|shared|auto"),
         QStringLiteral("Where the flow engine runs: \"own\" (a thread of its own), \"shared\" "
                        "(the thread that serves requests; fewer hand-offs, best on two cores) "
                        "or \"auto\" (default: own with more than two cores)."),
         QStringLiteral("auto"), applyEngineThread},
        // The store (core/store, Database::setQueryTimeLimit).
        {QStringLiteral("db-query-timeout-ms"), QStringLiteral("MS"),
         QStringLiteral("Milliseconds a database query of a request may run before it is "
                        "stopped with TIMEOUT (default 2000)."),
         QString::number(store::kDefaultQueryTimeLimitMs),
         number(
             1, 3600 * 1000,
             [](ServerCommandLine &line, qint64 value) { line.options.dbQueryTimeoutMs = value; })},
        // HTTP connections (server/http).
        {QStringLiteral("http-idle-timeout"), QStringLiteral("SECONDS"),
         QStringLiteral("Seconds a keep-alive connection may wait for its next request "
                        "(default 60)."),
         QStringLiteral("60"),
         number(1, 86400,
                [](ServerCommandLine &line, qint64 value) {
                    line.options.httpIdleTimeoutSeconds = int(value);
                })},
        {QStringLiteral("http-header-timeout"), QStringLiteral("SECONDS"),
         QStringLiteral("Seconds a request's line and headers may take to arrive (default 30)."),
         QStringLiteral("30"),
         number(1, 3600,
                [](ServerCommandLine &line, qint64 value) {
                    line.options.httpHeaderTimeoutSeconds = int(value);
                })},
        {QStringLiteral("http-request-timeout"), QStringLiteral("SECONDS"),
         QStringLiteral("Seconds a whole request, head and body, may take to arrive from its "
                        "first byte (default 120)."),
         QStringLiteral("120"),
         number(1, 86400,
                [](ServerCommandLine &line, qint64 value) {
                    line.options.httpRequestTimeoutSeconds = int(value);
                })},
        // WebSockets (server/ws, docs/api.md "WebSockets").
        {QStringLiteral("ws-status-interval-ms"), QStringLiteral("MS"),
         QStringLiteral("Milliseconds between system_status messages on /ws/events "
                        "(default 5000)."),
         QStringLiteral("5000"),
         number(100, 3600 * 1000,
                [](ServerCommandLine &line, qint64 value) {
                    line.options.webSockets.statusIntervalMs = int(value);
                })},
        {QStringLiteral("ws-max-unsent-bytes"), QStringLiteral("BYTES"),
         QStringLiteral("Unsent bytes a WebSocket client may fall behind by before it is "
                        "closed as a slow consumer (default 4194304)."),
         QStringLiteral("4194304"),
         number(4096, qint64(1) << 30,
                [](ServerCommandLine &line, qint64 value) {
                    line.options.webSockets.maxUnsentBytes = value;
                })},
        {QStringLiteral("ws-ping-interval"), QStringLiteral("SECONDS"),
         QStringLiteral("Seconds between keep-alive pings; a client that answers none of two "
                        "is dropped (default 30; 0 = off)."),
         QStringLiteral("30"),
         number(0, 3600,
                [](ServerCommandLine &line, qint64 value) {
                    line.options.webSockets.pingIntervalMs = int(value * 1000);
                })},
        {QStringLiteral("ws-latency-marks"),
         {},
         QStringLiteral("Add \"emitted_ns\" (the engine's monotonic clock) to execution events, "
                        "for latency benchmarks."),
         {},
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             line.options.webSockets.latencyMarks = given.isSet;
             return {};
         }},
        // WireGuard (server/services/vpn, docs/api.md "WireGuard").
        {QStringLiteral("wireguard-backend"),
         QStringLiteral("auto|kernel|wireguard-go|config-only"),
         QStringLiteral("How WireGuard servers are applied: the kernel module, wireguard-go, "
                        "or config-only (files under DATA_DIR/wireguard, nothing runs); auto "
                        "(default) picks the first that works."),
         QStringLiteral("auto"),
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             const QStringList known{QStringLiteral("auto"), QStringLiteral("kernel"),
                                     QStringLiteral("wireguard-go"), QStringLiteral("config-only")};
             if (!known.contains(given.value))
                 return badValue(QStringLiteral("--wireguard-backend must be auto, kernel, "
                                                "wireguard-go or config-only, not \"%1\"")
                                     .arg(given.value));
             line.options.wireguardBackend = given.value;
             return {};
         }},
        {QStringLiteral("wireguard-netns"),
         QStringLiteral("NAME"),
         QStringLiteral("Tests only: run WireGuard commands in this network namespace."),
         {},
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             line.options.wireguardNetns = given.value;
             return {};
         },
         true},
        // Remote terminals (server/services/remote/TerminalService).
        {QStringLiteral("terminal-idle-seconds"),
         QStringLiteral("SECONDS"),
         QStringLiteral("Close remote terminals idle (no byte either way) for this long, 1 to "
                        "86400 (default 900)."),
         QStringLiteral("900"),
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             bool ok = false;
             const int seconds = given.value.toInt(&ok);
             if (!ok || seconds < 1 || seconds > 86400)
                 return badValue(QStringLiteral("--terminal-idle-seconds must be 1 to 86400, "
                                                "not \"%1\"")
                                     .arg(given.value));
             line.options.terminalIdleSeconds = seconds;
             return {};
         }},
        // The built-in agent release (remote/AgentReleases, docs/agent.md "Upgrades").
        {QStringLiteral("agent-binary"),
         QStringLiteral("PATH"),
         QStringLiteral("The hivemind-agent built with this server, offered to agents as a "
                        "built-in release (default: the one next to the server's binary; "
                        "\"none\": no built-in release)."),
         {},
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             // Empty (not given): the one next to the server's binary.
             line.options.agentBinary = given.value;
             return {};
         }},
        // BGP through BIRD 2 (server/services/vpn/BgpService, docs/api.md "BGP").
        {QStringLiteral("bird-socket"),
         QStringLiteral("PATH"),
         QStringLiteral("BIRD 2's control socket (bird -s PATH). Without it BGP sessions are "
                        "stored only and their status is \"unavailable\"."),
         {},
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             line.options.birdSocket = given.value;
             return {};
         }},
        {QStringLiteral("bird-config"),
         QStringLiteral("PATH"),
         QStringLiteral("The configuration file BIRD runs (bird -c PATH); HiveMind renders it, "
                        "and writes it at start when it is missing or empty."),
         {},
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             if (!given.value.isEmpty() && !QFileInfo(given.value).isAbsolute())
                 return badValue(QStringLiteral("--bird-config must be an absolute path"));
             line.options.birdConfig = given.value;
             return {};
         }},
        {QStringLiteral("bgp-router-id"),
         QStringLiteral("IPV4"),
         QStringLiteral("BIRD's router id (an IPv4 address unique among the BGP peers)."),
         QStringLiteral("10.255.255.1"),
         [](const GivenOption &given, ServerCommandLine &line) -> Status {
             const QHostAddress id(given.value);
             if (id.protocol() != QAbstractSocket::IPv4Protocol || id == QHostAddress::AnyIPv4)
                 return badValue(QStringLiteral("--bgp-router-id must be an IPv4 address"));
             line.options.bgpRouterId = given.value;
             return {};
         }},
        // Tests only: a pending two-factor login's lifetime, so its expiry
        // can be tested without waiting five minutes.
        {QStringLiteral("pending-login-ttl-ms"), QStringLiteral("MS"),
         QStringLiteral("Tests only: pending 2FA login lifetime."), QStringLiteral("300000"),
         number(1, 3600 * 1000,
                [](ServerCommandLine &line, qint64 value) { line.options.pendingLoginMs = value; }),
         true},
        // Tests only: reset and verification tokens' lifetime, so their
        // expiry can be tested without waiting an hour.
        {QStringLiteral("account-token-ttl-ms"), QStringLiteral("MS"),
         QStringLiteral("Tests only: account e-mail token lifetime."), QStringLiteral("0"),
         number(0, 24 * 3600 * 1000,
                [](ServerCommandLine &line, qint64 value) {
                    line.options.accountTokenTtlMs = value;
                }),
         true},
        {QStringLiteral("storage-reserve-mib"), QStringLiteral("MIB"),
         QStringLiteral("Free space (MiB) on the data directory's file system below which new "
                        "triggers are refused with 507 STORAGE_FULL while running executions "
                        "finish (default 256)."),
         QStringLiteral("256"),
         number(0, 1024 * 1024,
                [](ServerCommandLine &line, qint64 value) {
                    line.options.storageReserveMiB = value;
                })},
        {QStringLiteral("storage-warn-mib"), QStringLiteral("MIB"),
         QStringLiteral("Free space (MiB) below which consoles are warned (default 0: a tenth of "
                        "the file system, at least twice the reserve)."),
         QStringLiteral("0"),
         number(0, 1024 * 1024,
                [](ServerCommandLine &line, qint64 value) {
                    line.options.storageWarnMiB = value;
                })},
        // Tests only: history retention passes come this often.
        {QStringLiteral("retention-interval-ms"), QStringLiteral("MS"),
         QStringLiteral("Tests only: milliseconds between history retention passes."),
         QStringLiteral("600000"),
         number(100, 24 * 3600 * 1000,
                [](ServerCommandLine &line, qint64 value) {
                    line.options.retentionIntervalMs = int(value);
                }),
         true},
        {QStringLiteral("retention-grace-ms"), QStringLiteral("MS"),
         QStringLiteral("Tests only: how long after its end an execution is kept from "
                        "retention."),
         QStringLiteral("60000"),
         number(0, 24 * 3600 * 1000,
                [](ServerCommandLine &line, qint64 value) {
                    line.options.retentionGraceMs = value;
                }),
         true},
        // Tests only: credentials per re-encryption transaction of a key
        // rotation, so a test can kill the server part-way through one.
        {QStringLiteral("credential-rotation-batch"), QStringLiteral("N"),
         QStringLiteral("Tests only: credentials per rotation batch."), QStringLiteral("500"),
         number(1, 100000,
                [](ServerCommandLine &line, qint64 value) {
                    line.options.credentialRotationBatch = int(value);
                }),
         true},
        {QStringLiteral("ws-allowed-origin"),
         QStringLiteral("ORIGIN"),
         QStringLiteral("Origin (scheme://host[:port], repeatable) of web pages allowed to open "
                        "WebSockets besides the server's own (--listen, --public-url). Upgrades "
                        "without Origin (native clients) are always accepted."),
         {},
         applyAllowedOrigins},
    };
}

using RotationRow = OptionRow<MasterKeyRotationOptions>;

QList<RotationRow> rotationRows()
{
    return {
        {QStringLiteral("data-dir"), QStringLiteral("DIR"),
         QStringLiteral("The data directory (default %1).").arg(defaultDataDir()), defaultDataDir(),
         [](const GivenOption &given, MasterKeyRotationOptions &options) -> Status {
             options.dataDir = QDir(given.value).absolutePath();
             return {};
         }},
        {QStringLiteral("master-key-file"),
         QStringLiteral("FILE"),
         QStringLiteral("File holding the current base64 master key (HIVEMIND_MASTER_KEY takes "
                        "precedence)."),
         {},
         storeValue(&MasterKeyRotationOptions::masterKeyFile)},
        {QStringLiteral("new-master-key-file"),
         QStringLiteral("FILE"),
         QStringLiteral("File holding the new base64 master key (HIVEMIND_NEW_MASTER_KEY takes "
                        "precedence). The file is only read: point the server at it afterwards."),
         {},
         storeValue(&MasterKeyRotationOptions::newMasterKeyFile)},
        {QStringLiteral("generate-new-key"),
         {},
         QStringLiteral("Generate the new key and store it in DATA_DIR/master.key (only when "
                        "the current key is that file)."),
         {},
         storeFlag(&MasterKeyRotationOptions::generateNewKey)},
    };
}

} // namespace

Result<ServerCommandLine> parseServerCommandLine(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("HiveMind headless server: REST API, scheduler and encrypted store.\n"
                       "Exit codes: 0 clean stop, 1 failure, 2 bad arguments or port in use, "
                       "3 database cannot be opened (wrong master key or corrupt file)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<ServerRow> rows = serverRows();
    const QList<QCommandLineOption> options = addOptionRows(parser, rows);
    parser.process(app);

    ServerCommandLine result;
    if (Status applied = applyOptionRows(parser, rows, options, result); !applied)
        return applied.error();
    return result;
}

bool isRotateMasterKeyCommand(const QStringList &arguments)
{
    return arguments.size() > 1 && arguments.at(1) == QLatin1String("rotate-master-key");
}

Result<MasterKeyRotationOptions> parseRotateMasterKeyCommandLine(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "hivemind-server rotate-master-key: moves a stopped server's data directory to a new "
        "master key (re-wraps the data keys, re-encrypts the database). The current key is "
        "found as the server finds it (HIVEMIND_MASTER_KEY, --master-key-file, "
        "DATA_DIR/master.key); the new one comes from HIVEMIND_NEW_MASTER_KEY, "
        "--new-master-key-file or --generate-new-key. Interrupted, run it again with the same "
        "options: it finishes or does nothing.\n"
        "Exit codes: 0 done, 1 failure, 2 bad arguments, same key or a server holds the "
        "directory, 3 neither key opens the database."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("rotate-master-key"),
                                 QStringLiteral("The command."));
    const QList<RotationRow> rows = rotationRows();
    const QList<QCommandLineOption> options = addOptionRows(parser, rows);
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("rotate-master-key takes no arguments besides its options")};

    MasterKeyRotationOptions result;
    if (Status applied = applyOptionRows(parser, rows, options, result); !applied)
        return applied.error();
    result.masterKeyEnvironment = qgetenv("HIVEMIND_MASTER_KEY");
    result.newMasterKeyEnvironment = qgetenv("HIVEMIND_NEW_MASTER_KEY");
    result.testHookStopAt = qEnvironmentVariable("HIVEMIND_TEST_HOOK_ROTATION_STOP_AT");
    return result;
}

} // namespace hm::server
