// The Linux process table against real children (sleep, a busy shell
// loop) started by this test, and its /proc parsers on fixed texts.

#include "agent/LinuxProcessFiles.h"
#include "agent/ProcessTable.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <algorithm>
#include <csignal>
#include <optional>
#include <pwd.h>
#include <unistd.h>

using namespace hm;
using namespace hm::agent;

namespace {

// SIGCONT is harmless to any running process, so the refusal tests use it:
// if a refusal failed, this process would count it and nothing else suffers.
volatile std::sig_atomic_t g_continueSignals = 0;

void countContinueSignal(int)
{
    g_continueSignals = g_continueSignals + 1;
}

std::optional<ProcessInfo> findProcess(ProcessTable &table, qint64 pid)
{
    auto processes = table.list();
    if (!processes)
        return std::nullopt;
    for (const ProcessInfo &info : *processes) {
        if (info.pid == pid)
            return info;
    }
    return std::nullopt;
}

QString wireCode(const Error &error)
{
    return error.details.value(QStringLiteral("code")).toString();
}

QString currentUserName()
{
    const passwd *entry = ::getpwuid(::getuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString::number(::getuid());
}

// A started child, or a failed test.
bool startChild(QProcess &process, const QString &program, const QStringList &arguments)
{
    process.start(program, arguments);
    return process.waitForStarted(30000);
}

} // namespace

class TestProcessTable : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        struct sigaction action
        {
        };
        action.sa_handler = countContinueSignal;
        sigemptyset(&action.sa_mask);
        QCOMPARE(::sigaction(SIGCONT, &action, nullptr), 0);
    }

    void listsSleepingChild()
    {
        const QString sleep = QStandardPaths::findExecutable(QStringLiteral("sleep"));
        QVERIFY(!sleep.isEmpty());
        QProcess child;
        QVERIFY(startChild(child, sleep, {QStringLiteral("300")}));
        const qint64 pid = child.processId();
        const auto table = makeProcessTable();

        // Right after exec the child may still be running; it settles into S.
        std::optional<ProcessInfo> info;
        QTRY_VERIFY_WITH_TIMEOUT((info = findProcess(*table, pid)) && info->state == "S", 30000);
        QCOMPARE(info->ppid, qint64(::getpid()));
        QCOMPARE(info->name, QStringLiteral("sleep"));
        QCOMPARE(info->commandLine, sleep + QStringLiteral(" 300"));
        QCOMPARE(info->uid, uint(::geteuid()));
        QCOMPARE(info->user, currentUserName());
        QVERIFY2(qAbs(info->startTimeMs - QDateTime::currentMSecsSinceEpoch()) < 60000,
                 qPrintable(QString::number(info->startTimeMs)));
        QVERIFY(info->memoryRss > 0);
        QVERIFY(info->memoryVirtual >= info->memoryRss);
        QCOMPARE(info->threads, 1);
        QCOMPARE(info->cpuPercent, 0.0);
        child.kill();
        QVERIFY(child.waitForFinished(30000));
    }

    void killsWithUsr1()
    {
        QProcess child;
        QVERIFY(startChild(child, QStringLiteral("sleep"), {QStringLiteral("300")}));
        const auto table = makeProcessTable();
        const Status killed = table->kill(child.processId(), SIGUSR1);
        QVERIFY2(killed.ok(), qPrintable(killed.ok() ? QString() : killed.error().toString()));
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // Qt reports the terminating signal as the exit code of a crash.
        QCOMPARE(child.exitCode(), SIGUSR1);
    }

    void killsWithTermByName()
    {
        QProcess child;
        QVERIFY(startChild(child, QStringLiteral("sleep"), {QStringLiteral("300")}));
        const auto signal = signalFromName(QStringLiteral("term"));
        QVERIFY(signal.ok());
        const auto table = makeProcessTable();
        QVERIFY(table->kill(child.processId(), *signal).ok());
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QCOMPARE(child.exitCode(), SIGTERM);
    }

    void busyChildUsesCpu()
    {
        QProcess child;
        QVERIFY(startChild(child, QStringLiteral("sh"),
                           {QStringLiteral("-c"), QStringLiteral("while :; do :; done")}));
        const qint64 pid = child.processId();
        const auto table = makeProcessTable();
        const auto first = findProcess(*table, pid);
        QVERIFY(first);
        QCOMPARE(first->cpuPercent, 0.0); // nothing to compare with yet
        // Each evaluation lists again: the share over the time since the
        // previous evaluation. QTRY evaluates once more right after a
        // success, over an interval too short to measure, so the first
        // share above 10 % is kept.
        double busiest = 0;
        const auto busy = [&] {
            busiest =
                std::max(busiest, findProcess(*table, pid).value_or(ProcessInfo{}).cpuPercent);
            return busiest > 10;
        };
        QTRY_VERIFY_WITH_TIMEOUT(busy(), 60000);
        child.kill();
        QVERIFY(child.waitForFinished(30000));
    }

    void refusesProtectedPids()
    {
        const auto table = makeProcessTable();
        g_continueSignals = 0;
        const QList<qint64> pids{1, qint64(::getpid()), 0, -5, -qint64(::getpgrp())};
        for (const qint64 pid : pids) {
            const Status refused = table->kill(pid, SIGCONT);
            QVERIFY2(!refused.ok(), qPrintable(QString::number(pid)));
            QCOMPARE(refused.error().code, ErrorCode::Forbidden);
            QCOMPARE(wireCode(refused.error()), QStringLiteral("PROTECTED_PROCESS"));
        }
        // Any signal sent would have reached this process by now: a
        // process's own pending unblocked signals are delivered before
        // kill() returns, and a group's members include this one.
        QCOMPARE(int(g_continueSignals), 0);
        // The check itself: a SIGCONT to ourselves is counted.
        QCOMPARE(::kill(::getpid(), SIGCONT), 0);
        QTRY_COMPARE_WITH_TIMEOUT(int(g_continueSignals), 1, 30000);
    }

    void unknownPidNotFound()
    {
        const auto table = makeProcessTable();
        QFile pidMax(QStringLiteral("/proc/sys/kernel/pid_max"));
        QVERIFY(pidMax.open(QIODevice::ReadOnly));
        // Pids are below pid_max: this one never exists.
        const qint64 missing = pidMax.readAll().trimmed().toLongLong();
        QVERIFY(missing > 1);
        // 2^32 + 2 would be pid 2 if cut to pid_t.
        for (const qint64 pid : {missing, (qint64(1) << 32) + 2}) {
            const Status result = table->kill(pid, SIGCONT);
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, ErrorCode::ResourceNotFound);
            QCOMPARE(wireCode(result.error()), QStringLiteral("PROCESS_NOT_FOUND"));
        }
    }

    void unsupportedSignalRefused()
    {
        QProcess child;
        QVERIFY(startChild(child, QStringLiteral("sleep"), {QStringLiteral("300")}));
        const auto table = makeProcessTable();
        const Status result = table->kill(child.processId(), SIGSEGV);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::ValidationError);
        QCOMPARE(wireCode(result.error()), QStringLiteral("UNKNOWN_SIGNAL"));
        QCOMPARE(child.state(), QProcess::Running);
        child.kill();
        QVERIFY(child.waitForFinished(30000));
    }

    void signalNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("expected"); // -1: refused
        QTest::newRow("TERM") << "TERM" << int(SIGTERM);
        QTest::newRow("SIGTERM") << "SIGTERM" << int(SIGTERM);
        QTest::newRow("sigterm") << "sigterm" << int(SIGTERM);
        QTest::newRow("Kill") << "Kill" << int(SIGKILL);
        QTest::newRow("hup") << "hup" << int(SIGHUP);
        QTest::newRow("SIGINT") << "SIGINT" << int(SIGINT);
        QTest::newRow("quit") << "quit" << int(SIGQUIT);
        QTest::newRow("usr1") << "usr1" << int(SIGUSR1);
        QTest::newRow("SigUsr2") << "SigUsr2" << int(SIGUSR2);
        QTest::newRow("STOP") << "STOP" << int(SIGSTOP);
        QTest::newRow("cont") << "cont" << int(SIGCONT);
        QTest::newRow("15") << "15" << int(SIGTERM);
        QTest::newRow("9") << "9" << int(SIGKILL);
        QTest::newRow("number of USR1") << QString::number(SIGUSR1) << int(SIGUSR1);
        QTest::newRow("empty") << "" << -1;
        QTest::newRow("SIG") << "SIG" << -1;
        QTest::newRow("SEGV") << "SEGV" << -1;
        QTest::newRow("SIGABRT") << "SIGABRT" << -1;
        QTest::newRow("0") << "0" << -1;
        QTest::newRow("11") << "11" << -1;
        QTest::newRow("64") << "64" << -1;
        QTest::newRow("-15") << "-15" << -1;
        QTest::newRow("TERMINATE") << "TERMINATE" << -1;
        QTest::newRow("SIGSIGTERM") << "SIGSIGTERM" << -1;
    }

    void signalNames()
    {
        QFETCH(QString, name);
        QFETCH(int, expected);
        const Result<int> signal = signalFromName(name);
        if (expected < 0) {
            QVERIFY(!signal.ok());
            QCOMPARE(signal.error().code, ErrorCode::ValidationError);
            QCOMPARE(wireCode(signal.error()), QStringLiteral("UNKNOWN_SIGNAL"));
        } else {
            QVERIFY2(signal.ok(), qPrintable(signal.ok() ? QString() : signal.error().toString()));
            QCOMPARE(*signal, expected);
            QVERIFY(isSupportedSignal(*signal));
        }
    }

    void parsesStatWithAwkwardComm()
    {
        const QByteArray text = "1234 (we ird) (name) S 1 1234 1235 0 -1 4194304 100 0 0 0 7 3 0 0 "
                                "20 0 2 0 5000 123456789 250 18446744073709551615 1 1 0 0 0\n";
        const auto stat = procfs::parsePidStat(text);
        QVERIFY(stat);
        QCOMPARE(stat->pid, qint64(1234));
        QCOMPARE(stat->comm, QStringLiteral("we ird) (name"));
        QCOMPARE(stat->state, 'S');
        QCOMPARE(stat->ppid, qint64(1));
        QCOMPARE(stat->pgrp, qint64(1234));
        QCOMPARE(stat->session, qint64(1235));
        QCOMPARE(stat->utime, quint64(7));
        QCOMPARE(stat->stime, quint64(3));
        QCOMPARE(stat->threads, 2);
        QCOMPARE(stat->startTicks, quint64(5000));
        QCOMPARE(stat->vsizeBytes, quint64(123456789));
        QCOMPARE(stat->rssPages, qint64(250));

        QVERIFY(!procfs::parsePidStat(""));
        QVERIFY(!procfs::parsePidStat("12 (short) S 1 2 3"));
        QVERIFY(!procfs::parsePidStat("x (name) S 1 1234 1234 0 -1 4194304 100 0 0 0 7 3 0 0 "
                                      "20 0 2 0 5000 123456789 250"));
    }

    void parsesStatusUid()
    {
        QCOMPARE(
            procfs::parseStatusEffectiveUid("Name:\tx\nUid:\t1000\t1001\t1002\t1003\nGid:\t5\n"),
            std::optional<uint>(1001));
        QCOMPARE(procfs::parseStatusEffectiveUid("Name:\tx\n"), std::nullopt);
    }

    void joinsCommandLine()
    {
        QCOMPARE(procfs::joinCommandLine(QByteArray("sleep\0"
                                                    "300\0",
                                                    10),
                                         4096),
                 QStringLiteral("sleep 300"));
        QCOMPARE(procfs::joinCommandLine(QByteArray("a\0\0\0", 4), 4096), QStringLiteral("a"));
        QCOMPARE(procfs::joinCommandLine({}, 4096), QString());
        const QString cut = procfs::joinCommandLine(QByteArray(5000, 'x'), 4096);
        QCOMPARE(cut.size(), 4096);
        QVERIFY(cut.endsWith(QChar(0x2026)));
        QCOMPARE(procfs::joinCommandLine(QByteArray(4096, 'y'), 4096),
                 QString(4096, QLatin1Char('y')));
    }
};

QTEST_GUILESS_MAIN(TestProcessTable)
#include "TestProcessTable.moc"
