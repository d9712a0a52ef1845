#pragma once

// Replacing this process's image with `program` (execv: same pid, so a
// supervisor — systemd, a test's QProcess — keeps watching the same
// process). The agent's restart and upgrade use it; it needs no systemd.

#include "common/Result.h"

#include <QStringList>

namespace hm::agent {

// Returns only when exec failed (IoError with the reason). `arguments`
// starts with argv[0].
Status execProgram(const QString &program, const QStringList &arguments);

} // namespace hm::agent
