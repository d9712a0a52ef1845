#include "server/ServerCommandLine.h"

#include "server/DataDirectory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

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
    parser.addOptions(
        {dataDir, listen, keyFile, logFormat, tlsCert, tlsKey, trustedProxy, accessTtl});
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

    bool ttlOk = false;
    result.options.accessTokenSeconds = parser.value(accessTtl).toLongLong(&ttlOk);
    if (!ttlOk || result.options.accessTokenSeconds < 1 ||
        result.options.accessTokenSeconds > 24 * 3600)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("--access-token-ttl must be 1 to 86400 seconds, not \"%1\"")
                         .arg(parser.value(accessTtl))};

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

} // namespace hm::server
