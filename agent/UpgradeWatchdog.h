#pragma once

// The watchdog an installed upgrade leaves behind (AgentUpgrader.h): a
// process of its own, run from the PREVIOUS binary with
// `--upgrade-watchdog <data dir>/upgrade-pending.json`. It waits for the
// new agent to remove that file (the server accepted its hello). When the
// agent's process ends first, or the probation deadline passes, it rolls
// back: kills what runs (SIGKILL), renames <binary>.previous back over
// <binary> (rename(2), atomic), restores the previous release sidecar,
// writes upgrade-rolled-back.json and execs the restored binary with the
// agent's own arguments — the watchdog becomes the agent again (a new
// pid). On SIGTERM — systemd stopping what is left of the unit once a
// failed build's process ended — it puts the files back the same way and
// exits, so the unit's restart starts the restored binary.
// Returns the exit code when there is nothing left to do.

#include <QString>

namespace hm::agent {

int runUpgradeWatchdog(const QString &pendingPath);

} // namespace hm::agent
