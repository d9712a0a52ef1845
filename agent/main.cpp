// hivemind-agent: enrols this machine with a HiveMind server and streams its
// metrics (docs/agent.md). main() only parses the options and hands over to
// AgentRunner.

#include "agent/AgentIdentity.h"
#include "agent/AgentOptions.h"
#include "agent/AgentRunner.h"
#include "agent/UpgradeWatchdog.h"
#ifdef Q_OS_UNIX
#include "agent/TerminationSignals.h"
#endif
#include "common/LogFormatter.h"
#include "hivemind/Version.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QTextStream>
#include <QTimer>

using namespace hm::agent;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hivemind-agent"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(hm::version::kVersion));

    QTextStream out(stdout);
    QTextStream err(stderr);
    auto options = parseAgentOptions(QCoreApplication::arguments(), QSysInfo::machineHostName());
    if (!options) {
        err << QStringLiteral("hivemind-agent: %1\nTry hivemind-agent --help.\n")
                   .arg(options.error().message);
        return kExitBadOptions;
    }
    if (options->showHelp) {
        out << agentHelpText();
        return kExitOk;
    }
    if (options->showVersion) {
        out << QStringLiteral("hivemind-agent %1\n").arg(QCoreApplication::applicationVersion());
        return kExitOk;
    }
    if (options->printFingerprint) {
        const auto identity = AgentIdentity::loadOrCreate(options->dataDir);
        if (!identity) {
            err << QStringLiteral("hivemind-agent: %1\n").arg(identity.error().message);
            return kExitBadOptions;
        }
        out << identity->fingerprint() << u'\n';
        return kExitOk;
    }

    // Timestamped lines on stderr (the journal under systemd), with
    // anything that looks like a secret masked.
    hm::logging::install(hm::logging::Format::Text);
    if (!options->upgradeWatchdog.isEmpty())
        return runUpgradeWatchdog(options->upgradeWatchdog);
    AgentRunner runner(std::move(*options));
    QObject::connect(&runner, &AgentRunner::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
#ifdef Q_OS_UNIX
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::terminationRequested, &runner,
                     &AgentRunner::shutdown);
#endif
    QTimer::singleShot(0, &runner, &AgentRunner::start);
    return app.exec();
}
