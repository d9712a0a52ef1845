#include "server/runtime/ServerCommandLine.h"

#include "server/http/HttpServer.h"
#include "server/runtime/DataDirectory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QUrl>

namespace hm::server {

Result<ServerCommandLine> parseServerCommandLine(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("HiveMind headless server: REST API, scheduler and encrypted store.\n"
                       "Exit codes: 0 clean stop, 1 failure, 2 bad arguments or port in use, "
                       "3 database cannot be opened (wrong master key or corrupt file)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("Directory for the database and generated keys (default %1).")
            .arg(defaultDataDir()),
        QStringLiteral("DIR"), defaultDataDir());
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Address and port to listen on (default 127.0.0.1:8080; use "
                       "0.0.0.0:8080 to accept remote consoles, [::]:8080 for IPv6)."),
        QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption keyFile(
        QStringLiteral("master-key-file"),
        QStringLiteral(
            "File holding the base64 master key (HIVEMIND_MASTER_KEY takes precedence)."),
        QStringLiteral("FILE"));
    const QCommandLineOption logFormat(QStringLiteral("log-format"),
                                       QStringLiteral("Log line format: text or json."),
                                       QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption tlsCert(
        QStringLiteral("tls-cert"),
        QStringLiteral("PEM certificate (chain) to serve HTTPS with; needs --tls-key."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QStringLiteral("PEM private key (RSA or EC, unencrypted) "
                                                   "of --tls-cert."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption trustedProxy(
        QStringLiteral("trusted-proxy"),
        QStringLiteral("Reverse proxy network (CIDR, repeatable) whose X-Forwarded-For header "
                       "names the client. Default: none, the header is ignored."),
        QStringLiteral("CIDR"));
    const QCommandLineOption accessTtl(
        QStringLiteral("access-token-ttl"),
        QStringLiteral("Lifetime of access tokens in seconds (default 900)."),
        QStringLiteral("SECONDS"), QStringLiteral("900"));
    const QCommandLineOption healthInterval(
        QStringLiteral("component-health-interval"),
        QStringLiteral("Seconds between health checks of registered components (default 30; "
                       "0 = only at start and on demand)."),
        QStringLiteral("SECONDS"), QStringLiteral("30"));
    const QCommandLineOption publicUrl(
        QStringLiteral("public-url"),
        QStringLiteral("This server's URL as HTTP components reach it, for their blob "
                       "endpoint (default: the listen address; set it when components run on "
                       "other machines)."),
        QStringLiteral("URL"));
    const QCommandLineOption sync(
        QStringLiteral("sync"),
        QStringLiteral("When a commit counts as done: \"normal\" (default) survives the "
                       "server being killed; \"full\" fsyncs every commit, so it also "
                       "survives a power loss or an OS crash (slower)."),
        QStringLiteral("normal|full"), QStringLiteral("normal"));
    const QCommandLineOption engineThread(
        QStringLiteral("engine-thread"),
        QStringLiteral("Where the flow engine runs: \"own\" (a thread of its own), \"shared\" "
                       "(the thread that serves requests; fewer hand-offs, best on two cores) "
                       "or \"auto\" (default: own with more than two cores)."),
        QStringLiteral("own|shared|auto"), QStringLiteral("auto"));
    parser.addOptions({dataDir, listen, keyFile, logFormat, tlsCert, tlsKey, trustedProxy,
                       accessTtl, healthInterval, publicUrl, sync, engineThread});
    // The store (core/store, Database::setQueryTimeLimit).
    const QCommandLineOption dbQueryTimeout(
        QStringLiteral("db-query-timeout-ms"),
        QStringLiteral("Milliseconds a database query of a request may run before it is "
                       "stopped with TIMEOUT (default 2000)."),
        QStringLiteral("MS"), QString::number(store::kDefaultQueryTimeLimitMs));
    parser.addOption(dbQueryTimeout);
    // HTTP connections (server/http).
    const QCommandLineOption httpIdleTimeout(
        QStringLiteral("http-idle-timeout"),
        QStringLiteral("Seconds a keep-alive connection may wait for its next request "
                       "(default 60)."),
        QStringLiteral("SECONDS"), QStringLiteral("60"));
    const QCommandLineOption httpHeaderTimeout(
        QStringLiteral("http-header-timeout"),
        QStringLiteral("Seconds a request's line and headers may take to arrive (default 30)."),
        QStringLiteral("SECONDS"), QStringLiteral("30"));
    const QCommandLineOption httpRequestTimeout(
        QStringLiteral("http-request-timeout"),
        QStringLiteral("Seconds a whole request, head and body, may take to arrive from its "
                       "first byte (default 120)."),
        QStringLiteral("SECONDS"), QStringLiteral("120"));
    parser.addOption(httpIdleTimeout);
    parser.addOption(httpHeaderTimeout);
    parser.addOption(httpRequestTimeout);
    // WebSockets (server/ws, docs/api.md "WebSockets").
    const QCommandLineOption wsStatusInterval(
        QStringLiteral("ws-status-interval-ms"),
        QStringLiteral("Milliseconds between system_status messages on /ws/events "
                       "(default 5000)."),
        QStringLiteral("MS"), QStringLiteral("5000"));
    const QCommandLineOption wsMaxUnsent(
        QStringLiteral("ws-max-unsent-bytes"),
        QStringLiteral("Unsent bytes a WebSocket client may fall behind by before it is "
                       "closed as a slow consumer (default 4194304)."),
        QStringLiteral("BYTES"), QStringLiteral("4194304"));
    const QCommandLineOption wsPing(
        QStringLiteral("ws-ping-interval"),
        QStringLiteral("Seconds between keep-alive pings; a client that answers none of two "
                       "is dropped (default 30; 0 = off)."),
        QStringLiteral("SECONDS"), QStringLiteral("30"));
    const QCommandLineOption wsLatencyMarks(
        QStringLiteral("ws-latency-marks"),
        QStringLiteral("Add \"emitted_ns\" (the engine's monotonic clock) to execution events, "
                       "for latency benchmarks."));
    parser.addOption(wsStatusInterval);
    parser.addOption(wsMaxUnsent);
    parser.addOption(wsPing);
    const QCommandLineOption wsAllowedOrigin(
        QStringLiteral("ws-allowed-origin"),
        QStringLiteral("Origin (scheme://host[:port], repeatable) of web pages allowed to open "
                       "WebSockets besides the server's own (--listen, --public-url). Upgrades "
                       "without Origin (native clients) are always accepted."),
        QStringLiteral("ORIGIN"));
    parser.addOption(wsLatencyMarks);
    // For tests only (hidden from --help): a pending two-factor login's
    // lifetime, so its expiry can be tested without waiting five minutes.
    QCommandLineOption pendingLoginTtl(QStringLiteral("pending-login-ttl-ms"),
                                       QStringLiteral("Tests only: pending 2FA login lifetime."),
                                       QStringLiteral("MS"), QStringLiteral("300000"));
    pendingLoginTtl.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(pendingLoginTtl);
    // For tests only: credentials per re-encryption transaction of a key
    // rotation, so a test can kill the server part-way through one.
    QCommandLineOption rotationBatch(QStringLiteral("credential-rotation-batch"),
                                     QStringLiteral("Tests only: credentials per rotation batch."),
                                     QStringLiteral("N"), QStringLiteral("500"));
    rotationBatch.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(rotationBatch);
    parser.addOption(wsAllowedOrigin);
    parser.process(app);

    ServerCommandLine result;
    result.options.dataDir = QDir(parser.value(dataDir)).absolutePath();
    result.options.masterKeyFile = parser.value(keyFile);
    result.options.tlsCertFile = parser.value(tlsCert);
    result.options.tlsKeyFile = parser.value(tlsKey);
    if (result.options.tlsCertFile.isEmpty() != result.options.tlsKeyFile.isEmpty())
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("--tls-cert and --tls-key must be given together")};
    for (const QString &cidr : parser.values(trustedProxy)) {
        const auto subnet =
            QHostAddress::parseSubnet(cidr.contains(u'/')   ? cidr
                                      : cidr.contains(u':') ? cidr + QStringLiteral("/128")
                                                            : cidr + QStringLiteral("/32"));
        if (subnet.first.isNull())
            return Error{ErrorCode::ValidationError,
                         QStringLiteral("--trusted-proxy must be an address or CIDR such as "
                                        "10.0.0.0/8, not \"%1\"")
                             .arg(cidr)};
        result.options.trustedProxies.append(subnet);
    }

    if (parser.value(sync) != QLatin1String("normal") &&
        parser.value(sync) != QLatin1String("full"))
        return Error{
            ErrorCode::ValidationError,
            QStringLiteral("--sync must be normal or full, not \"%1\"").arg(parser.value(sync))};
    result.options.fullSync = parser.value(sync) == QLatin1String("full");

    const QString engineThreadValue = parser.value(engineThread);
    if (engineThreadValue == QLatin1String("own"))
        result.options.engineOwnThread = true;
    else if (engineThreadValue == QLatin1String("shared"))
        result.options.engineOwnThread = false;
    else if (engineThreadValue != QLatin1String("auto"))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("--engine-thread must be own, shared or auto, not \"%1\"")
                         .arg(engineThreadValue)};

    bool ttlOk = false;
    result.options.accessTokenSeconds = parser.value(accessTtl).toLongLong(&ttlOk);
    if (!ttlOk || result.options.accessTokenSeconds < 1 ||
        result.options.accessTokenSeconds > 24 * 3600)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("--access-token-ttl must be 1 to 86400 seconds, not \"%1\"")
                         .arg(parser.value(accessTtl))};

    bool intervalOk = false;
    result.options.componentHealthIntervalSeconds = parser.value(healthInterval).toInt(&intervalOk);
    if (!intervalOk || result.options.componentHealthIntervalSeconds < 0 ||
        result.options.componentHealthIntervalSeconds > 86400)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("--component-health-interval must be 0 to 86400 seconds, "
                                    "not \"%1\"")
                         .arg(parser.value(healthInterval))};
    if (parser.isSet(publicUrl)) {
        const QUrl url(parser.value(publicUrl), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return Error{ErrorCode::ValidationError,
                         QStringLiteral("--public-url must be an http or https URL such as "
                                        "http://10.0.0.2:8080, not \"%1\"")
                             .arg(parser.value(publicUrl))};
        result.options.publicUrl = url.toString();
    }

    const auto wsNumber = [&](const QCommandLineOption &option, qint64 min, qint64 max,
                              qint64 *out) -> Status {
        bool ok = false;
        *out = parser.value(option).toLongLong(&ok);
        if (!ok || *out < min || *out > max)
            return Error{ErrorCode::ValidationError,
                         QStringLiteral("--%1 must be %2 to %3, not \"%4\"")
                             .arg(option.names().constFirst())
                             .arg(min)
                             .arg(max)
                             .arg(parser.value(option))};
        return {};
    };
    qint64 wsValue = 0;
    if (Status ok = wsNumber(wsStatusInterval, 100, 3600 * 1000, &wsValue); !ok)
        return ok.error();
    result.options.webSockets.statusIntervalMs = int(wsValue);
    if (Status ok = wsNumber(wsMaxUnsent, 4096, qint64(1) << 30, &wsValue); !ok)
        return ok.error();
    result.options.webSockets.maxUnsentBytes = wsValue;
    if (Status ok = wsNumber(wsPing, 0, 3600, &wsValue); !ok)
        return ok.error();
    result.options.webSockets.pingIntervalMs = int(wsValue * 1000);
    result.options.webSockets.latencyMarks = parser.isSet(wsLatencyMarks);
    for (const QString &origin : parser.values(wsAllowedOrigin)) {
        if (http::HttpServer::originKey(QUrl(origin, QUrl::StrictMode)).isEmpty())
            return Error{ErrorCode::ValidationError,
                         QStringLiteral("--ws-allowed-origin must be an origin such as "
                                        "https://console.example.com, not \"%1\"")
                             .arg(origin)};
        result.options.webSockets.allowedOrigins.append(origin);
    }
    if (Status ok = wsNumber(httpIdleTimeout, 1, 86400, &wsValue); !ok)
        return ok.error();
    result.options.httpIdleTimeoutSeconds = int(wsValue);
    if (Status ok = wsNumber(httpHeaderTimeout, 1, 3600, &wsValue); !ok)
        return ok.error();
    result.options.httpHeaderTimeoutSeconds = int(wsValue);
    if (Status ok = wsNumber(httpRequestTimeout, 1, 86400, &wsValue); !ok)
        return ok.error();
    result.options.httpRequestTimeoutSeconds = int(wsValue);

    if (Status ok = wsNumber(pendingLoginTtl, 1, 3600 * 1000, &wsValue); !ok)
        return ok.error();
    result.options.pendingLoginMs = wsValue;
    if (Status ok = wsNumber(rotationBatch, 1, 100000, &wsValue); !ok)
        return ok.error();
    result.options.credentialRotationBatch = int(wsValue);
    if (Status ok = wsNumber(dbQueryTimeout, 1, 3600 * 1000, &wsValue); !ok)
        return ok.error();
    result.options.dbQueryTimeoutMs = wsValue;

    if (!logging::parseFormat(parser.value(logFormat), &result.logFormat))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("--log-format must be text or json, not \"%1\"")
                         .arg(parser.value(logFormat))};

    const QString hostPort = parser.value(listen);
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
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("--listen must be HOST:PORT with a numeric IP address and a "
                                    "port from 0 to 65535, not \"%1\"")
                         .arg(hostPort)};
    result.options.listenAddress = address;
    result.options.port = static_cast<quint16>(port);
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
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("The data directory (default %1).").arg(defaultDataDir()),
        QStringLiteral("DIR"), defaultDataDir());
    const QCommandLineOption keyFile(
        QStringLiteral("master-key-file"),
        QStringLiteral("File holding the current base64 master key (HIVEMIND_MASTER_KEY takes "
                       "precedence)."),
        QStringLiteral("FILE"));
    const QCommandLineOption newKeyFile(
        QStringLiteral("new-master-key-file"),
        QStringLiteral("File holding the new base64 master key (HIVEMIND_NEW_MASTER_KEY takes "
                       "precedence). The file is only read: point the server at it afterwards."),
        QStringLiteral("FILE"));
    const QCommandLineOption generate(
        QStringLiteral("generate-new-key"),
        QStringLiteral("Generate the new key and store it in DATA_DIR/master.key (only when "
                       "the current key is that file)."));
    parser.addOptions({dataDir, keyFile, newKeyFile, generate});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("rotate-master-key takes no arguments besides its options")};

    MasterKeyRotationOptions options;
    options.dataDir = QDir(parser.value(dataDir)).absolutePath();
    options.masterKeyFile = parser.value(keyFile);
    options.newMasterKeyFile = parser.value(newKeyFile);
    options.generateNewKey = parser.isSet(generate);
    options.masterKeyEnvironment = qgetenv("HIVEMIND_MASTER_KEY");
    options.newMasterKeyEnvironment = qgetenv("HIVEMIND_NEW_MASTER_KEY");
    options.testHookStopAt = qEnvironmentVariable("HIVEMIND_TEST_HOOK_ROTATION_STOP_AT");
    return options;
}

} // namespace hm::server
