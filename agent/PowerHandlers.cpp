#include "agent/PowerHandlers.h"

#include "agent/RemoteDispatcher.h"
#include "common/Logging.h"

#include <QProcess>
#include <QTimer>
#include <memory>
#include <utility>

namespace hm::agent {

namespace {

// A reboot command that neither finishes nor fails within this long is
// taken as under way (systemctl returns at once; a plain reboot may not).
constexpr int kRebootAnswerMs = 20000;

Error rebootFailed(const QString &message)
{
    return Error{ErrorCode::InternalError, message,
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("REBOOT_FAILED")}}};
}

void runRebootCommand(const QStringList &command, const RemoteDispatcher::Reply &reply)
{
    auto *process = new QProcess;
    process->setProgram(command.constFirst());
    process->setArguments(command.mid(1));
    process->setStandardInputFile(QProcess::nullDevice());
    process->setStandardOutputFile(QProcess::nullDevice());
    process->setStandardErrorFile(QProcess::nullDevice());
    // One answer, whichever comes first; the process object goes with it.
    auto answered = std::make_shared<bool>(false);
    const auto answer = [process, answered, reply](Result<QJsonObject> outcome) {
        if (std::exchange(*answered, true))
            return;
        reply(std::move(outcome));
        process->deleteLater();
    };
    QObject::connect(process, &QProcess::finished, process,
                     [answer, process](int exitCode, QProcess::ExitStatus status) {
                         if (status == QProcess::NormalExit && exitCode == 0)
                             return answer(QJsonObject{{QStringLiteral("rebooting"), true}});
                         answer(rebootFailed(QStringLiteral("the reboot command %1 exited with %2")
                                                 .arg(process->program())
                                                 .arg(exitCode)));
                     });
    QObject::connect(process, &QProcess::errorOccurred, process,
                     [answer, process](QProcess::ProcessError error) {
                         if (error == QProcess::FailedToStart)
                             answer(rebootFailed(QStringLiteral("cannot run the reboot command %1")
                                                     .arg(process->program())));
                     });
    QTimer::singleShot(kRebootAnswerMs, process, [answer] {
        answer(QJsonObject{{QStringLiteral("rebooting"), true}});
    });
    qCWarning(lcAgent).noquote() << QStringLiteral("rebooting the machine as the server asked: %1")
                                        .arg(command.join(u' '));
    process->start();
}

} // namespace

void addPowerHandlers(RemoteDispatcher &dispatcher, const QStringList &rebootCommand,
                      std::function<void()> restart)
{
    dispatcher.addHandler(QStringLiteral("reboot"), QStringLiteral("reboot"),
                          [rebootCommand](const QJsonObject &, const RemoteDispatcher::Reply &reply) {
                              runRebootCommand(rebootCommand, reply);
                          });
    dispatcher.addHandler(
        QStringLiteral("upgrade"), QStringLiteral("restart"),
        [restart = std::move(restart)](const QJsonObject &, const RemoteDispatcher::Reply &reply) {
            reply(QJsonObject{{QStringLiteral("restarting"), true}});
            // After the answer is on its way.
            QTimer::singleShot(0, restart);
        });
}

} // namespace hm::agent
