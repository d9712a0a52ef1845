// hivemind-server: the headless HiveMind server.

#include "allocator/Allocator.h"
#include "common/EventDispatcher.h"
#include "common/LogFormatter.h"
#include "common/LogOutput.h"
#include "common/Logging.h"
#include "crypto/SecureBytes.h"
#include "hivemind/Version.h"
#include "server/runtime/ExitCodes.h"
#include "server/runtime/ServerCommandLine.h"
#include "server/runtime/ServerRuntime.h"
#include "server/runtime/UnixSignalWatcher.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <cstdio>

using namespace hm;

namespace {

int fail(const Error &error)
{
    std::fprintf(stderr, "hivemind-server: error: %s (%s)\n", qPrintable(error.message),
                 qPrintable(error.codeName()));
    return server::exitCodeFor(error.code);
}

// hivemind-server rotate-master-key (docs/vault.md "Master-key rotation").
int rotateMasterKey(const QCoreApplication &app)
{
    auto options = server::parseRotateMasterKeyCommandLine(app);
    if (!options)
        return fail(options.error());
    logging::install(logging::Format::Text);
    const auto outcome = server::rotateMasterKey(options.value());
    crypto::wipe(options.value().masterKeyEnvironment);
    crypto::wipe(options.value().newMasterKeyEnvironment);
    if (!outcome)
        return fail(outcome.error());
    using Kind = server::MasterKeyRotationOutcome::Kind;
    switch (outcome.value().kind) {
    case Kind::Rotated:
        std::printf("Master key rotated: %d data keys re-wrapped, database re-encrypted.\n",
                    outcome.value().dataKeys);
        break;
    case Kind::Completed:
        std::printf("An interrupted master key rotation was completed.\n");
        break;
    case Kind::AlreadyDone:
        std::printf("Nothing to do: the data directory already uses this master key.\n");
        break;
    }
    if (outcome.value().keyFileReplaced)
        std::printf("The new master key is in %s - back this file up.\n",
                    qPrintable(outcome.value().keyLocation));
    else if (outcome.value().kind != Kind::AlreadyDone)
        std::printf("Start the server with the new key (%s) from now on; the old key no longer "
                    "opens the data directory.\n",
                    qPrintable(outcome.value().keyLocation));
    std::fflush(stdout);
    return server::ExitOk;
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt's own event dispatcher rather than GLib's: GLib re-links its poll
    // list each time a socket notifier is switched on or off, which every
    // write does, so a thousand WebSocket clients cost O(n²) per event
    // (BenchWsFanout: p99 latency about halved). An empty QT_NO_GLIB= keeps GLib.
    // It stays set: every QThread reads it when it starts (the engine's
    // thread runs after this), and the server starts no processes.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    // The HTTP thread (this one) watches every client connection: epoll
    // rather than a ppoll of all of them on each pass (EventDispatcher.h).
    if (QAbstractEventDispatcher *dispatcher = createScalableEventDispatcher())
        QCoreApplication::setEventDispatcher(dispatcher);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hivemind-server"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(version::kVersion));
    if (server::isRotateMasterKeyCommand(QCoreApplication::arguments()))
        return rotateMasterKey(app);

    const auto commandLine = server::parseServerCommandLine(app);
    if (!commandLine)
        return fail(commandLine.error());
    logging::install(commandLine.value().logFormat);
    if (const QString &logFile = commandLine.value().logFile; !logFile.isEmpty()) {
        const QString failure = logging::LogOutput::setFile(
            logFile, commandLine.value().logMaxBytes, commandLine.value().logKeep);
        if (!failure.isEmpty())
            return fail(Error{ErrorCode::IoError, failure});
    }
    qCInfo(lcServer).noquote() << "memory allocator:" << allocator::description();

    server::ServerRuntime runtime(commandLine.value().options);
    server::UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &server::UnixSignalWatcher::terminationRequested, &app,
                     [](int signalNumber) {
                         qCInfo(lcServer) << "signal" << signalNumber << "received, stopping";
                         QCoreApplication::quit();
                     });

    const auto started = runtime.start();
    if (!started) {
        qCCritical(lcServer).noquote() << started.error().toString();
        return fail(started.error());
    }
    // Plain lines on stdout for the person who started it (logs go to stderr).
    std::printf("HiveMind server %s listening on %s\n", version::kVersion,
                qPrintable(started.value().toString()));
    std::printf("Data directory: %s\n", qPrintable(commandLine.value().options.dataDir));
    const auto &bootstrap = runtime.bootstrapOutcome();
    if (!bootstrap.passwordFile.isEmpty())
        std::printf("Initial administrator \"%s\": password in %s\n",
                    qPrintable(bootstrap.username), qPrintable(bootstrap.passwordFile));
    std::fflush(stdout);

    const int code = app.exec();
    runtime.stop();
    qCInfo(lcServer) << "stopped cleanly";
    return code;
}
