#pragma once

// What a task's command may hold (issue 38 item 8), held in one place for
// the two that check it: the server before it stores and starts a task
// (engine/tasks/TaskExecutor parseTaskConfig) and the agent before it runs
// one (agent/TaskRunner), which never trusts the server's check.

#include <QRegularExpression>
#include <QString>

namespace hm {

inline constexpr int kTaskMaxArguments = 1024;
inline constexpr int kTaskMaxEnvironment = 128;
inline constexpr qsizetype kTaskMaxEnvironmentValue = 32 * 1024;

// A POSIX shell's variable name: a letter or '_', then letters, digits and
// '_' (no '=', which would split it, and no NUL).
inline bool isValidEnvironmentName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,127}$"));
    return pattern.match(name).hasMatch();
}

} // namespace hm
