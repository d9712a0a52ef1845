// hivemind-agent: the remote agent. Registration, metrics and remote commands
// arrive with the fleet issue; this build prints its version and help.

#include "hivemind/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hivemind-agent"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(hm::version::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("HiveMind agent: registers a machine with a HiveMind server, streams its "
                       "metrics and runs remote commands.\n"
                       "This version only reports its version; enrolment comes in a later "
                       "release."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    parser.showHelp(0); // nothing else to do yet
}
