// The signals an operator may send from the console: the usual ones for
// stopping, reloading and pausing a process. Others (SEGV, ABRT, …) would
// only fake crashes, so the wire does not carry them.

#include "agent/ProcessTable.h"

#include <QJsonObject>
#include <array>
#include <csignal>

namespace hm::agent {

namespace {

struct ProcessSignalName
{
    const char *name;
    int number;
};

#if defined(SIGUSR1) && defined(SIGKILL) && defined(SIGCONT)
constexpr std::array<ProcessSignalName, 9> kProcessSignalNames{{
    {"TERM", SIGTERM},
    {"KILL", SIGKILL},
    {"HUP", SIGHUP},
    {"INT", SIGINT},
    {"QUIT", SIGQUIT},
    {"USR1", SIGUSR1},
    {"USR2", SIGUSR2},
    {"STOP", SIGSTOP},
    {"CONT", SIGCONT},
}};
#else
// Systems without POSIX signals: nothing to send (their ProcessTable
// answers NOT_SUPPORTED anyway).
constexpr std::array<ProcessSignalName, 0> kProcessSignalNames{};
#endif

} // namespace

Result<int> signalFromName(const QString &name)
{
    bool numeric = false;
    const int number = name.toInt(&numeric);
    QString bare = name.toUpper();
    if (bare.startsWith(QLatin1String("SIG")))
        bare = bare.mid(3);
    for (const auto &entry : kProcessSignalNames) {
        if (numeric ? number == entry.number : bare == QLatin1String(entry.name))
            return entry.number;
    }
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("Unknown or unsupported signal \"%1\"").arg(name.left(32)),
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("UNKNOWN_SIGNAL")}}};
}

bool isSupportedSignal(int signal)
{
    for (const auto &entry : kProcessSignalNames) {
        if (entry.number == signal)
            return true;
    }
    return false;
}

} // namespace hm::agent
