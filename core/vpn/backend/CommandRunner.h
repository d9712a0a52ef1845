#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace hm::vpn {

// How one external program ended.
struct CommandResult
{
    bool started = false;
    bool timedOut = false;
    bool truncated = false; // output over the limit: the rest was dropped
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    bool succeeded() const { return started && !timedOut && exitCode == 0; }
    // The first line of stderr (else stdout), trimmed and bounded: what a
    // tool said went wrong, for an error message. Tools given a config on
    // stdin never echo it, and the callers never pass secrets as arguments.
    QString firstErrorLine() const;
};

// Runs `program` with `arguments` (an argument list, never a shell), writes
// `input` to its stdin and closes it, and waits at most `timeoutMs` (then
// kills it). Blocks: call it from a worker thread. Output past
// `outputLimit` bytes per stream is dropped and the result says so.
CommandResult runCommand(const QString &program, const QStringList &arguments,
                         const QByteArray &input = {}, int timeoutMs = 10'000,
                         qsizetype outputLimit = 64 * 1024 * 1024);

} // namespace hm::vpn
