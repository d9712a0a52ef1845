#include "agent/UpgradeWatchdog.h"

#include "agent/ReleaseVerifier.h"
#include "agent/SelfExec.h"
#include "common/Logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <csignal>
#include <cstdio>
#ifdef Q_OS_UNIX
#include <sys/types.h>
#endif

namespace hm::agent {

namespace {

// Alive and not a zombie waiting for its parent to reap it.
bool processAlive(qint64 pid)
{
#ifdef Q_OS_UNIX
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) != "Z";
#else
    Q_UNUSED(pid);
    return false;
#endif
}

void renameBack(const QString &from, const QString &to)
{
    std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData());
}

// SIGTERM: systemd stops what is left of the unit when its main process
// (a new build that failed) ended. The files are put back before leaving,
// so the unit's restart finds the previous binary.
volatile std::sig_atomic_t g_watchdogStopping = 0;

void onWatchdogTerm(int)
{
    g_watchdogStopping = 1;
}

} // namespace

int runUpgradeWatchdog(const QString &pendingPath)
{
    QFile file(pendingPath);
    if (!file.open(QIODevice::ReadOnly))
        return 0; // confirmed before we even looked
    const QJsonObject pending = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    const QString binary = pending.value(QStringLiteral("binary")).toString();
    const QString previous = pending.value(QStringLiteral("previous")).toString();
    const qint64 pid = qint64(pending.value(QStringLiteral("pid")).toDouble());
    const qint64 deadline = qint64(pending.value(QStringLiteral("deadline_ms")).toDouble());
    const QString version = pending.value(QStringLiteral("version")).toString();
    QStringList arguments;
    for (const QJsonValue &argument : pending.value(QStringLiteral("arguments")).toArray())
        arguments.append(argument.toString());
    if (binary.isEmpty() || previous.isEmpty() || arguments.isEmpty()) {
        qCCritical(lcAgent).noquote() << QStringLiteral("%1 is damaged").arg(pendingPath);
        return 2;
    }

#ifdef Q_OS_UNIX
    std::signal(SIGTERM, onWatchdogTerm);
#endif
    // Nothing else to do in this process: a plain polling loop.
    while (QFile::exists(pendingPath)) {
        const bool expired = QDateTime::currentMSecsSinceEpoch() > deadline;
        const bool stopping = g_watchdogStopping != 0;
        if (expired || stopping || !processAlive(pid)) {
            qCCritical(lcAgent).noquote()
                << QStringLiteral("agent %1 %2 without reaching the server: rolling back")
                       .arg(version, expired    ? QStringLiteral("ran out of probation")
                                     : stopping ? QStringLiteral("was stopped")
                                                : QStringLiteral("ended"));
#ifdef Q_OS_UNIX
            if (processAlive(pid)) {
                ::kill(pid_t(pid), SIGKILL);
                for (int i = 0; i < 100 && processAlive(pid); ++i)
                    QThread::msleep(50);
            }
#endif
            renameBack(previous, binary);
            const QString sidecar = releaseSidecarPath(binary);
            if (pending.value(QStringLiteral("had_sidecar")).toBool())
                renameBack(releaseSidecarPath(previous), sidecar);
            else
                QFile::remove(sidecar);
            QFile marker(QFileInfo(pendingPath).dir().filePath(
                QStringLiteral("upgrade-rolled-back.json")));
            if (marker.open(QIODevice::WriteOnly))
                marker.write(QJsonDocument(
                                 QJsonObject{{QStringLiteral("version"), version},
                                             {QStringLiteral("at_ms"),
                                              QDateTime::currentMSecsSinceEpoch()}})
                                 .toJson());
            marker.close();
            QFile::remove(pendingPath);
            if (stopping)
                return 1; // the supervisor starts the restored binary
            const Status execd = execProgram(binary, arguments);
            qCCritical(lcAgent).noquote() << execd.error().message;
            return 1;
        }
        QThread::msleep(200);
    }
    return 0;
}

} // namespace hm::agent
