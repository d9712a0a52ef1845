#pragma once

// Restarting the agent and rebooting the machine (issue 38 item 10):
//   reboot/reboot    {}  → {rebooting: true}  runs the config's
//                         reboot_command (an argument list, never a shell;
//                         default /usr/bin/systemctl reboot) and answers
//                         once it exited 0; REBOOT_FAILED otherwise.
//   upgrade/restart  {}  → {restarting: true}  answers, then `restart`
//                         runs (the runner closes the session and execs
//                         its own binary again, same pid).
// Restart lives under `upgrade`: whoever may replace the agent may restart
// it; rebooting the machine is a capability of its own.

#include <QStringList>
#include <functional>

namespace hm::agent {

class RemoteDispatcher;

void addPowerHandlers(RemoteDispatcher &dispatcher, const QStringList &rebootCommand,
                      std::function<void()> restart);

} // namespace hm::agent
