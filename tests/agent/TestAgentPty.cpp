// The Linux pty against real programs: /bin/sh (non-interactive with -c,
// and interactive), env, yes for flow control, sleeps for terminate().

#include "agent/LinuxProcessFiles.h"
#include "agent/Pty.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hm;
using namespace hm::agent;

namespace {

constexpr int kPtyTestTimeoutMs = 30000;

// A started Pty and what it produced; the consumer reads until empty on
// every readyRead(), as the agent will.
struct PtyRun
{
    QByteArray output;
    qint64 bytesRead = 0;
    bool keepOutput = true; // off for yes: count only
    bool finished = false;
    int exitCode = 0;
    int signal = 0;
    QByteArray outputAtFinish;
    std::unique_ptr<Pty> pty; // last: destroyed first
};

void drainPty(PtyRun &run)
{
    for (;;) {
        const QByteArray chunk = run.pty->read(4096);
        if (chunk.isEmpty())
            return;
        run.bytesRead += chunk.size();
        if (run.keepOutput)
            run.output += chunk;
    }
}

std::unique_ptr<PtyRun> startPty(const PtyOptions &options, QString *error = nullptr)
{
    auto started = Pty::start(options);
    if (!started) {
        if (error)
            *error = started.error().toString();
        return nullptr;
    }
    auto run = std::make_unique<PtyRun>();
    run->pty = std::move(started).value();
    PtyRun *raw = run.get();
    QObject::connect(raw->pty.get(), &Pty::readyRead, raw->pty.get(), [raw] { drainPty(*raw); });
    QObject::connect(raw->pty.get(), &Pty::finished, raw->pty.get(),
                     [raw](int exitCode, int signal) {
                         raw->finished = true;
                         raw->exitCode = exitCode;
                         raw->signal = signal;
                         raw->outputAtFinish = raw->output;
                     });
    return run;
}

PtyOptions shellCommand(const QString &command)
{
    PtyOptions options;
    options.program = QStringLiteral("/bin/sh");
    options.arguments = {QStringLiteral("-c"), command};
    options.workingDirectory = QDir::tempPath();
    return options;
}

PtyOptions interactiveShell()
{
    PtyOptions options;
    options.program = QStringLiteral("/bin/sh");
    options.workingDirectory = QDir::tempPath();
    return options;
}

std::optional<procfs::PidStat> pidStat(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return procfs::parsePidStat(file.readAll());
}

// All processes with a stat line: pid → stat.
QList<procfs::PidStat> allProcesses()
{
    QList<procfs::PidStat> out;
    const QStringList entries =
        QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        if (auto stat = pidStat(pid))
            out.append(*stat);
    }
    return out;
}

QList<qint64> sleepsInSession(qint64 session)
{
    QList<qint64> pids;
    for (const auto &stat : allProcesses()) {
        if (stat.session == session && stat.comm == QLatin1String("sleep") && stat.state != 'Z')
            pids.append(stat.pid);
    }
    return pids;
}

// Gone, or dead and only waiting to be reaped. The test is the subreaper
// of what its sessions leave behind: it reaps those zombies itself.
bool isGone(qint64 pid)
{
    const auto stat = pidStat(pid);
    if (stat && stat->state == 'Z' && stat->ppid == ::getpid())
        ::waitpid(pid_t(pid), nullptr, WNOHANG);
    return !stat || stat->state == 'Z' || stat->state == 'X';
}

int childCount()
{
    int count = 0;
    for (const auto &stat : allProcesses())
        count += stat.ppid == ::getpid() ? 1 : 0;
    return count;
}

qint64 processWrittenBytes(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/io").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("wchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

qint64 ownRssBytes()
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

QString wireCode(const Error &error)
{
    return error.details.value(QStringLiteral("code")).toString();
}

} // namespace

class TestAgentPty : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Must not reach the program: the pty's environment is clean.
        qputenv("HM_SECRET_TEST", "1");
        // The sleeps a killed shell leaves are orphans: they come to this
        // process rather than to pid 1, which may never reap them.
        QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    }

    void cleanupTestCase()
    {
        while (::waitpid(-1, nullptr, WNOHANG) > 0) {
        }
    }

    void runsCommandWithSize()
    {
        PtyOptions options = shellCommand(QStringLiteral("echo hello; stty size"));
        options.rows = 30;
        options.cols = 100;
        QString error;
        auto run = startPty(options, &error);
        QVERIFY2(run, qPrintable(error));
        QVERIFY(run->pty->pid() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(run->finished, kPtyTestTimeoutMs);
        // finished() waits for the end of the output: all of it was read.
        QVERIFY2(run->outputAtFinish.contains("hello"), run->output.constData());
        QVERIFY2(run->outputAtFinish.contains("30 100"), run->output.constData());
        QCOMPARE(run->exitCode, 0);
        QCOMPARE(run->signal, 0);
    }

    void defaultSize()
    {
        auto run = startPty(shellCommand(QStringLiteral("stty size")));
        QVERIFY(run);
        QTRY_VERIFY_WITH_TIMEOUT(run->finished, kPtyTestTimeoutMs);
        QVERIFY2(run->output.contains("24 80"), run->output.constData());
    }

    void resizesInteractiveShell()
    {
        auto run = startPty(interactiveShell());
        QVERIFY(run);
        QVERIFY(run->pty->resize(40, 120).ok());
        QCOMPARE(run->pty->write("stty size\n"), qint64(10));
        QTRY_VERIFY2_WITH_TIMEOUT(run->output.contains("40 120"), run->output.constData(),
                                  kPtyTestTimeoutMs);
        for (const auto &[rows, cols] : {std::pair{0, 80}, {24, 0}, {1001, 80}, {24, 1001}}) {
            const Status refused = run->pty->resize(rows, cols);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, ErrorCode::ValidationError);
            QCOMPARE(wireCode(refused.error()), QStringLiteral("INVALID_SIZE"));
        }
        QVERIFY(run->pty->resize(1, 1000).ok());
        run->pty->write("exit 7\n");
        QTRY_VERIFY_WITH_TIMEOUT(run->finished, kPtyTestTimeoutMs);
        QCOMPARE(run->exitCode, 7);
        QCOMPARE(run->signal, 0);
    }

    void honoursWorkingDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = QDir(dir.path()).canonicalPath();
        PtyOptions options = shellCommand(QStringLiteral("pwd -P"));
        options.workingDirectory = dir.path();
        auto run = startPty(options);
        QVERIFY(run);
        QTRY_VERIFY_WITH_TIMEOUT(run->finished, kPtyTestTimeoutMs);
        QVERIFY2(run->output.contains(path.toLocal8Bit()), run->output.constData());
    }

    void reportsForegroundWorkingDirectory()
    {
        QTemporaryDir shellDir;
        QTemporaryDir jobDir;
        QVERIFY(shellDir.isValid() && jobDir.isValid());
        const QString shellPath = QDir(shellDir.path()).canonicalPath();
        const QString jobPath = QDir(jobDir.path()).canonicalPath();
        auto run = startPty(interactiveShell());
        QVERIFY(run);
        QTRY_COMPARE_WITH_TIMEOUT(run->pty->currentWorkingDirectory(),
                                  QDir(QDir::tempPath()).canonicalPath(), kPtyTestTimeoutMs);
        run->pty->write(QStringLiteral("cd '%1'\n").arg(shellPath).toLocal8Bit());
        QTRY_COMPARE_WITH_TIMEOUT(run->pty->currentWorkingDirectory(), shellPath,
                                  kPtyTestTimeoutMs);
        // A foreground job elsewhere: its directory, not the shell's.
        run->pty->write(QStringLiteral("(cd '%1' && exec sleep 300)\n").arg(jobPath).toLocal8Bit());
        QTRY_COMPARE_WITH_TIMEOUT(run->pty->currentWorkingDirectory(), jobPath, kPtyTestTimeoutMs);
        run->pty->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(run->finished, kPtyTestTimeoutMs);
    }

    void cleanEnvironment()
    {
        PtyOptions options;
        options.program = QStringLiteral("/usr/bin/env");
        options.workingDirectory = QDir::tempPath();
        options.environment.insert(QStringLiteral("HM_CUSTOM"), QStringLiteral("custom value"));
        options.environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        auto run = startPty(options);
        QVERIFY(run);
        QTRY_VERIFY_WITH_TIMEOUT(run->finished, kPtyTestTimeoutMs);
        QCOMPARE(run->exitCode, 0);
        QSet<QByteArray> names;
        QHash<QByteArray, QByteArray> values;
        for (QByteArray line : run->output.split('\n')) {
            line = line.trimmed(); // the terminal ends lines with \r\n
            const qsizetype equals = line.indexOf('=');
            if (equals > 0) {
                names.insert(line.left(equals));
                values.insert(line.left(equals), line.mid(equals + 1));
            }
        }
        QCOMPARE(values.value("TERM"), QByteArray("xterm-256color"));
        QCOMPARE(values.value("HM_CUSTOM"), QByteArray("custom value"));
        QCOMPARE(values.value("LANG"), QByteArray("C.UTF-8"));
        QVERIFY(values.value("PATH").contains("/usr/bin"));
        QVERIFY(!values.value("HOME").isEmpty());
        QVERIFY(!values.value("USER").isEmpty());
        QVERIFY(!values.value("SHELL").isEmpty());
        QVERIFY(!names.contains("HM_SECRET_TEST"));
        // Nothing but the minimal set and what was added.
        const QSet<QByteArray> allowed{"PATH", "HOME", "USER",     "SHELL",
                                       "LANG", "TERM", "HM_CUSTOM"};
        QVERIFY2((names - allowed).isEmpty(),
                 qPrintable(QStringList((names - allowed).values().begin(),
                                        (names - allowed).values().end())
                                .join(QLatin1Char(' '))));
    }

    void flowControl()
    {
        PtyOptions options;
        options.program = QStringLiteral("/usr/bin/yes");
        options.workingDirectory = QDir::tempPath();
        auto run = startPty(options);
        QVERIFY(run);
        run->keepOutput = false;
        const qint64 pid = run->pty->pid();
        QTRY_VERIFY_WITH_TIMEOUT(run->bytesRead > 100000, kPtyTestTimeoutMs);

        run->pty->setReadPaused(true);
        QVERIFY(run->pty->isReadPaused());
        const qint64 readAtPause = run->bytesRead;
        // Blocked: asleep in write() and writing nothing more between two
        // looks.
        qint64 lastWritten = -1;
        const auto blocked = [&] {
            const auto stat = pidStat(pid);
            const qint64 written = processWrittenBytes(pid);
            const bool still = stat && stat->state == 'S' && written >= 0 && written == lastWritten;
            lastWritten = written;
            return still;
        };
        QTRY_VERIFY_WITH_TIMEOUT(blocked(), kPtyTestTimeoutMs);

        // A while paused: neither the child nor our memory moves.
        const qint64 writtenWhenBlocked = processWrittenBytes(pid);
        const qint64 rssBefore = ownRssBytes();
        QVERIFY(rssBefore > 0);
        for (int turn = 0; turn < 200; ++turn)
            QTest::qWait(5);
        QCOMPARE(run->bytesRead, readAtPause);
        QCOMPARE(processWrittenBytes(pid), writtenWhenBlocked);
        const qint64 grown = ownRssBytes() - rssBefore;
        QVERIFY2(grown < 4 * 1024 * 1024, qPrintable(QString::number(grown)));

        run->pty->setReadPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(run->bytesRead > readAtPause + 100000, kPtyTestTimeoutMs);
        QVERIFY(processWrittenBytes(pid) > writtenWhenBlocked);

        run->pty->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(run->finished, kPtyTestTimeoutMs);
        QCOMPARE(run->exitCode, -1);
        QCOMPARE(run->signal, SIGHUP);
    }

    void terminateKillsProcessGroup_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("background and foreground") << QStringLiteral("sleep 300 & sleep 300; wait");
        // Deaf to SIGHUP: only the SIGKILL after the grace period ends them.
        QTest::newRow("ignoring SIGHUP")
            << QStringLiteral("trap '' HUP; sleep 300 & sleep 300; wait");
    }

    void terminateKillsProcessGroup()
    {
        QFETCH(QString, command);
        auto run = startPty(shellCommand(command));
        QVERIFY(run);
        const qint64 session = run->pty->pid();
        QList<qint64> sleeps;
        QTRY_VERIFY_WITH_TIMEOUT((sleeps = sleepsInSession(session)).size() == 2,
                                 kPtyTestTimeoutMs);
        run->pty->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(run->finished, kPtyTestTimeoutMs);
        QVERIFY(run->signal == SIGHUP || run->signal == SIGKILL);
        for (const qint64 pid : sleeps)
            QTRY_VERIFY_WITH_TIMEOUT(isGone(pid), kPtyTestTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(isGone(session), kPtyTestTimeoutMs);
    }

    void terminateKillsShellJobs()
    {
        // An interactive shell puts each job in a process group of its own.
        auto run = startPty(interactiveShell());
        QVERIFY(run);
        const qint64 session = run->pty->pid();
        run->pty->write("sleep 300 &\nsleep 300\n");
        QList<qint64> sleeps;
        QTRY_VERIFY_WITH_TIMEOUT((sleeps = sleepsInSession(session)).size() == 2,
                                 kPtyTestTimeoutMs);
        for (const qint64 pid : sleeps)
            QVERIFY(pidStat(pid).value_or(procfs::PidStat{}).pgrp != session);
        run->pty->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(run->finished, kPtyTestTimeoutMs);
        for (const qint64 pid : sleeps)
            QTRY_VERIFY_WITH_TIMEOUT(isGone(pid), kPtyTestTimeoutMs);
    }

    void destructionKillsSession()
    {
        auto run = startPty(shellCommand(QStringLiteral("sleep 300")));
        QVERIFY(run);
        const qint64 session = run->pty->pid();
        QList<qint64> sleeps;
        QTRY_VERIFY_WITH_TIMEOUT((sleeps = sleepsInSession(session)).size() == 1,
                                 kPtyTestTimeoutMs);
        run.reset();
        QTRY_VERIFY_WITH_TIMEOUT(isGone(sleeps.first()), kPtyTestTimeoutMs);
        // Reaped, not left as a zombie child of the agent.
        QTRY_VERIFY_WITH_TIMEOUT(!pidStat(session), kPtyTestTimeoutMs);
    }

    void finishedCarriesStatus_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("signal");
        QTest::newRow("exit 0") << QStringLiteral("exit 0") << 0 << 0;
        QTest::newRow("exit 3") << QStringLiteral("exit 3") << 3 << 0;
        QTest::newRow("killed by TERM") << QStringLiteral("kill -TERM $$") << -1 << int(SIGTERM);
    }

    void finishedCarriesStatus()
    {
        QFETCH(QString, command);
        QFETCH(int, exitCode);
        QFETCH(int, signal);
        auto run = startPty(shellCommand(command));
        QVERIFY(run);
        QTRY_VERIFY_WITH_TIMEOUT(run->finished, kPtyTestTimeoutMs);
        QCOMPARE(run->exitCode, exitCode);
        QCOMPARE(run->signal, signal);
        QCOMPARE(run->pty->write("late\n"), qint64(-1));
    }

    void refusesBadOptions_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("directory");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("envName");
        QTest::addColumn<int>("errorCode");
        QTest::addColumn<QString>("wire");
        const QString tmp = QDir::tempPath();
        const int validation = int(ErrorCode::ValidationError);
        const int notFound = int(ErrorCode::ResourceNotFound);
        QTest::newRow("missing program")
            << "/nonexistent/hm-program" << tmp << 24 << "A" << notFound << "PROGRAM_NOT_FOUND";
        QTest::newRow("relative program")
            << "sh" << tmp << 24 << "A" << validation << "INVALID_PROGRAM";
        QTest::newRow("empty program") << "" << tmp << 24 << "A" << validation << "INVALID_PROGRAM";
        QTest::newRow("directory as program")
            << "/tmp" << tmp << 24 << "A" << validation << "PROGRAM_NOT_EXECUTABLE";
        QTest::newRow("missing directory")
            << "/bin/sh"
            << "/nonexistent/hm-dir" << 24 << "A" << notFound << "WORKING_DIRECTORY_NOT_FOUND";
        QTest::newRow("file as directory")
            << "/bin/sh"
            << "/bin/sh" << 24 << "A" << notFound << "WORKING_DIRECTORY_NOT_FOUND";
        QTest::newRow("zero rows") << "/bin/sh" << tmp << 0 << "A" << validation << "INVALID_SIZE";
        QTest::newRow("too many rows")
            << "/bin/sh" << tmp << 1001 << "A" << validation << "INVALID_SIZE";
        QTest::newRow("bad variable name")
            << "/bin/sh" << tmp << 24 << "A=B" << validation << "INVALID_ENVIRONMENT";
    }

    void refusesBadOptions()
    {
        QFETCH(QString, program);
        QFETCH(QString, directory);
        QFETCH(int, rows);
        QFETCH(QString, envName);
        QFETCH(int, errorCode);
        QFETCH(QString, wire);
        const int children = childCount();
        PtyOptions options;
        options.program = program;
        options.workingDirectory = directory;
        options.rows = rows;
        options.environment.insert(envName, QStringLiteral("x"));
        const auto started = Pty::start(options);
        QVERIFY(!started.ok());
        QCOMPARE(int(started.error().code), errorCode);
        QCOMPARE(wireCode(started.error()), wire);
        QVERIFY(!started.error().message.isEmpty());
        QCOMPARE(childCount(), children);
    }

    void reportsExecFailure()
    {
        // Executable, but not a program execve can run (no #! line).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("not-a-program"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\x01\x02\x03\x04 not a program\n"));
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const int children = childCount();
        PtyOptions options;
        options.program = path;
        options.workingDirectory = dir.path();
        const auto started = Pty::start(options);
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code, ErrorCode::IoError);
        QCOMPARE(wireCode(started.error()), QStringLiteral("EXEC_FAILED"));
        QCOMPARE(childCount(), children);
    }
};

QTEST_GUILESS_MAIN(TestAgentPty)
#include "TestAgentPty.moc"
