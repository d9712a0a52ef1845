#include "agent/NginxTool.h"

#include <QProcess>
#include <QTimer>
#include <csignal>
#include <memory>

namespace hm::agent {

QString ToolOutcome::text(qsizetype limit) const
{
    QString out = QString::fromUtf8(output).trimmed();
    if (!started && out.isEmpty())
        out = startError;
    if (out.size() > limit)
        out = out.left(limit) + QStringLiteral("…");
    return out;
}

void runTool(const QString &program, const QStringList &arguments, int timeoutMs, QObject *context,
             std::function<void(const ToolOutcome &)> done)
{
    // Owned by `context`: gone (and killed) with it, deleted after it ends.
    auto *process = new QProcess(context);
    auto outcome = std::make_shared<ToolOutcome>();
    auto finish = std::make_shared<std::function<void(const ToolOutcome &)>>(std::move(done));
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    const auto complete = [process, outcome, finish] {
        if (!*finish)
            return;
        const auto callback = std::exchange(*finish, nullptr);
        process->disconnect();
        process->deleteLater();
        callback(*outcome);
    };
    process->setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_UNIX
    // The agent's blocked and ignored signals must not carry over (as for
    // terminals, LinuxPtySpawn.cpp): an nginx master started with them
    // reloads but never reaps nor retires its old workers, which go on
    // serving the old config. Async-signal-safe calls only.
    process->setChildProcessModifier([] {
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        struct sigaction defaultAction
        {
        };
        defaultAction.sa_handler = SIG_DFL;
        sigemptyset(&defaultAction.sa_mask);
        for (int signal = 1; signal < NSIG; ++signal)
            ::sigaction(signal, &defaultAction, nullptr); // EINVAL for KILL, STOP: fine
    });
#endif
    // Nothing to read from the agent.
    process->setStandardInputFile(QProcess::nullDevice());
    QObject::connect(process, &QProcess::readyReadStandardOutput, process, [process, outcome] {
        const QByteArray chunk = process->readAllStandardOutput();
        const qsizetype room = kMaxToolOutputBytes - outcome->output.size();
        if (room > 0)
            outcome->output.append(chunk.left(room));
    });
    QObject::connect(process, &QProcess::finished, process,
                     [process, outcome, complete](int exitCode, QProcess::ExitStatus status) {
                         const QByteArray rest = process->readAllStandardOutput();
                         const qsizetype room = kMaxToolOutputBytes - outcome->output.size();
                         if (room > 0)
                             outcome->output.append(rest.left(room));
                         if (!outcome->timedOut)
                             outcome->exitCode = status == QProcess::NormalExit ? exitCode : -1;
                         complete();
                     });
    QObject::connect(process, &QProcess::errorOccurred, process,
                     [process, outcome, complete](QProcess::ProcessError error) {
                         if (error != QProcess::FailedToStart)
                             return; // a crash or a kill ends in finished()
                         outcome->started = false;
                         outcome->startError = process->errorString();
                         complete();
                     });
    QObject::connect(timer, &QTimer::timeout, process, [process, outcome] {
        outcome->timedOut = true;
        process->kill(); // finished() follows
    });
    outcome->started = true;
    timer->start(timeoutMs);
    process->start(program, arguments, QIODevice::ReadOnly);
}

} // namespace hm::agent
