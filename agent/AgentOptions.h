#pragma once

// hivemind-agent's settings: the command line over the config file over the
// defaults. Parsing is a pure function of the argument list (and the file it
// names), so tests need no QCoreApplication::arguments.

#include "agent/FileRoots.h"
#include "agent/NginxSettings.h"
#include "common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace hm::agent {

// Exit codes (docs/agent.md). The systemd unit does not restart on 2 and 3:
// neither goes away by trying again.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;    // transient: network, disk; worth a restart
inline constexpr int kExitBadOptions = 2; // options, config, identity files, refused enrolment
inline constexpr int kExitRevoked = 3;    // the server refused this identity (4401/4403)

inline constexpr int kMinIntervalSeconds = 1;
inline constexpr int kMaxIntervalSeconds = 3600;

struct AgentOptions
{
    QString configFile = QStringLiteral("/etc/hivemind/agent.conf");
    QUrl server;         // http or https; empty when not given
    QString enrolSecret; // never logged
    QString dataDir = QStringLiteral("/var/lib/hivemind-agent");
    int intervalSeconds = 5;
    QString pinSha256; // hex SHA-256 of the server certificate (DER); empty: no pin
    QString name;      // defaults to the host name
    // The default install grants metrics and probes (issue 38, item 1).
    QStringList capabilities{QStringLiteral("metrics"), QStringLiteral("probes")};
    // What the "files" capability may reach (--files-root DIR[:ro], config
    // key files_roots). Empty: every file request is refused.
    QList<FileRoot> filesRoots;
    // The Docker Engine API socket the docker capability talks to
    // (--docker-socket, config key docker_socket).
    QString dockerSocket = QStringLiteral("/var/run/docker.sock");
    // The compose tool the docker capability runs (--compose-command, config
    // key compose_command; absolute). Empty: docker-compose, else
    // podman-compose, from PATH.
    QString composeCommand;
    // The directories compose projects may live in (--compose-root DIR,
    // repeatable; config key compose_roots, comma-separated; absolute,
    // existing). Each subdirectory with a compose file is a project; up and
    // down run only in directories under one of them. Empty: none run.
    QStringList composeRoots;
    // Where the "nginx" capability finds nginx (config keys nginx_*).
    NginxSettings nginx;
    // What the `reboot` capability runs (config key reboot_command only: an
    // operator's choice in a root-owned file, never the server's nor the
    // command line's). Program and arguments, split like a shell would but
    // never run through one.
    QStringList rebootCommand{QStringLiteral("/usr/bin/systemctl"), QStringLiteral("reboot")};
    // Set by a restarted upgrade's watchdog (internal, see AgentUpgrader.h):
    // the pending-upgrade file this process watches over instead of running
    // as an agent.
    QString upgradeWatchdog;
    bool printFingerprint = false;
    bool showHelp = false;
    bool showVersion = false;
};

// `arguments` as main() receives them (the first is the program).
// `defaultName` is the name when neither the command line nor the file sets
// one (the host name in main). ValidationError with a message for the
// operator (never containing the enrolment secret) on bad options.
Result<AgentOptions> parseAgentOptions(const QStringList &arguments, const QString &defaultName);

// What --help prints: every option, every config key, the capabilities.
QString agentHelpText();

} // namespace hm::agent
