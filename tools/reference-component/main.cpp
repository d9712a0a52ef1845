// hivemind-reference-component: serves the reference components over the
// component protocol. Prints "listening on http://HOST:PORT" once ready so
// a parent process can pick the port when started with port 0.

#include "Components.h"
#include "ReferenceServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hivemind-reference-component"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Reference implementation of the HiveMind component protocol."));
    parser.addHelpOption();
    const QCommandLineOption listenOption(
        QStringLiteral("listen"), QStringLiteral("Address and port (0 = any free port)."),
        QStringLiteral("host:port"), QStringLiteral("127.0.0.1:0"));
    parser.addOption(listenOption);
    const QCommandLineOption exitWithParent(
        QStringLiteral("exit-with-parent"),
        QStringLiteral("Exit when the parent process dies (Linux), so a crashed test "
                       "leaves no server behind."));
    parser.addOption(exitWithParent);
    const QCommandLineOption versionOption(
        QStringLiteral("component-version"),
        QStringLiteral("Serve every component under this version (default 1.0.0)."),
        QStringLiteral("version"));
    parser.addOption(versionOption);
    const QCommandLineOption interfaceOption(
        QStringLiteral("interface-file"),
        QStringLiteral("Serve the interface list (a JSON array) in this file instead."),
        QStringLiteral("path"));
    parser.addOption(interfaceOption);
    parser.process(app);
    if (parser.isSet(versionOption))
        refcomp::setServedVersion(parser.value(versionOption));
    if (parser.isSet(interfaceOption)) {
        QFile file(parser.value(interfaceOption));
        const QJsonDocument defs = file.open(QIODevice::ReadOnly)
                                       ? QJsonDocument::fromJson(file.readAll())
                                       : QJsonDocument();
        if (!defs.isArray()) {
            std::fprintf(stderr, "--interface-file: not a readable JSON array\n");
            return 2;
        }
        refcomp::setInterfaceOverride(defs.array());
    }
#ifdef Q_OS_LINUX
    if (parser.isSet(exitWithParent))
        prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif

    const QString listen = parser.value(listenOption);
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    const QHostAddress address(listen.left(colon));
    if (colon <= 0 || !portOk || port > 65535 || address.isNull()) {
        std::fprintf(stderr, "invalid --listen value \"%s\"\n", qUtf8Printable(listen));
        return 2;
    }

    refcomp::ReferenceServer server;
    const quint16 bound = server.listen(address, static_cast<quint16>(port));
    if (bound == 0) {
        std::fprintf(stderr, "cannot listen on %s\n", qUtf8Printable(listen));
        return 1;
    }
    std::printf("listening on http://%s:%u\n", qUtf8Printable(address.toString()), bound);
    std::fflush(stdout);
    return app.exec();
}
