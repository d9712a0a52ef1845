#pragma once

// One external program (nginx, openssl) run for the nginx capability:
// from an argument list (never a shell), asynchronously on the agent's
// thread (QProcess's signals; nothing waits), bounded in time and in the
// output kept. `done` runs once, later, unless `context` is destroyed
// first (the process is then killed with it).

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>

class QObject;

namespace hm::agent {

struct ToolOutcome
{
    bool started = false; // false: the program could not be run at all
    bool timedOut = false;
    int exitCode = -1;  // -1 when it crashed, timed out or never started
    QByteArray output;  // stdout then stderr, at most kMaxToolOutputBytes
    QString startError; // why it did not start

    bool succeeded() const { return started && !timedOut && exitCode == 0; }
    // The output as text, trimmed, at most `limit` characters.
    QString text(qsizetype limit = 4000) const;
};

inline constexpr qsizetype kMaxToolOutputBytes = 64 * 1024;

void runTool(const QString &program, const QStringList &arguments, int timeoutMs, QObject *context,
             std::function<void(const ToolOutcome &)> done);

} // namespace hm::agent
