#pragma once

// The machine's processes for remote operations (issue 38): list them and
// send them signals. Linux reads /proc (LinuxProcessTable.cpp); other
// systems answer NOT_SUPPORTED (FallbackProcessTable.cpp).
//
// Errors carry the wire reason in details["code"]: UNKNOWN_SIGNAL
// (ValidationError), PROTECTED_PROCESS and PERMISSION_DENIED (Forbidden),
// PROCESS_NOT_FOUND (ResourceNotFound), PROCESS_LIST_FAILED (IoError),
// NOT_SUPPORTED and KILL_FAILED (InternalError).

#include "common/Result.h"

#include <QList>
#include <QString>
#include <memory>

namespace hm::agent {

// One process as the operator sees it in a task manager.
struct ProcessInfo
{
    qint64 pid = 0;
    qint64 ppid = 0;
    QString user; // account name of uid, the number when it has no name
    uint uid = 0; // effective uid, as ps and top show it
    QString name; // the kernel's comm (at most 15 bytes on Linux)
    // argv joined by spaces; at most kMaxCommandLineChars characters, a
    // longer one ends in "…". Empty for kernel threads and zombies.
    QString commandLine;
    // Share of one core over the time since the previous list() of the
    // same ProcessTable (above 100 for several busy threads); 0 on the
    // first call and for processes new since then.
    double cpuPercent = 0;
    qint64 memoryRss = 0;     // bytes
    qint64 memoryVirtual = 0; // bytes
    QString state;            // one letter: R S D Z T t I X …
    qint64 startTimeMs = 0;   // ms since the epoch
    int threads = 0;
};

inline constexpr qsizetype kMaxCommandLineChars = 4096;
// A bound on one list(): a runaway fork bomb must not make the answer
// (and the agent's memory) unbounded.
inline constexpr qsizetype kMaxListedProcesses = 100000;

class ProcessTable
{
public:
    virtual ~ProcessTable() = default;
    // Processes that vanish while being read are left out, not errors.
    virtual Result<QList<ProcessInfo>> list() = 0;
    // Sends one of the signals signalFromName() knows. Refuses pid 1, the
    // agent itself, and pids ≤ 0 (which would signal process groups or
    // everything the agent may signal).
    virtual Status kill(qint64 pid, int signal) = 0;
};

std::unique_ptr<ProcessTable> makeProcessTable();

// TERM, KILL, HUP, INT, QUIT, USR1, USR2, STOP, CONT, with or without
// "SIG", in any case, or their numbers on this system ("15"); anything
// else is a ValidationError with code UNKNOWN_SIGNAL.
Result<int> signalFromName(const QString &name);
// Whether signal is one of the above (what kill() accepts).
bool isSupportedSignal(int signal);

} // namespace hm::agent
