#pragma once

// Starting a program on a new pseudo-terminal: the options checked, the
// clean environment built, then posix_openpt + fork + setsid + execve.
// LinuxPty runs the result.

#include "agent/Pty.h"

#include <QByteArrayList>
#include <sys/types.h>

namespace hm::agent {

struct SpawnedPty
{
    int masterFd = -1; // O_NONBLOCK | O_CLOEXEC
    pid_t pid = -1;    // session leader, its own process group
};

// The environment the program gets, as "NAME=value" entries.
QByteArrayList ptyEnvironment(const QMap<QString, QString> &added);

// On an error nothing is left: no terminal, no child (reaped).
Result<SpawnedPty> spawnOnPty(const PtyOptions &options);

} // namespace hm::agent
