// A test process that crashes must not leave the hivemind-server it started
// running (ServerProcess asks Linux for SIGKILL when its parent dies). The
// test starts itself as a stand-in test process, which starts a server
// through ServerProcess and names its pid; the stand-in is then killed with
// SIGKILL (no destructor runs), and the server must die of SIGKILL too.

#include "ServerProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/prctl.h>
#include <sys/wait.h>

using hm::test::ServerProcess;

namespace {

const char kStartArgument[] = "--start-server";

// The stand-in test process: starts a server on `dir`, says "server <pid>"
// and holds on until its stdin closes (or it is killed).
int startServer(const QString &dir)
{
    ServerProcess server(dir);
    if (server.start().isEmpty()) {
        std::printf("failed\n");
        return 1;
    }
    // Start-up log lines still on their way (info lines are flushed in
    // batches, up to 50 ms late) are read first: written once the stand-in
    // is dead, they would kill the server with SIGPIPE before the
    // parent-death signal arrives.
    QElapsedTimer quiet;
    quiet.start();
    while (quiet.elapsed() < 300) {
        server.process().waitForReadyRead(50);
        server.process().readAll();
    }
    std::printf("server %lld\n", static_cast<long long>(server.process().processId()));
    std::fflush(stdout);
    while (std::getchar() != EOF) {
    }
    return 0;
}

// The parent of `pid`, from /proc/<pid>/stat ("pid (comm) state ppid …");
// 0 when it cannot be read.
qint64 parentOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : 0;
}

} // namespace

class TestServerDiesWithTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The server, orphaned by the stand-in, becomes this process's
        // child: its wait status tells how it died. Writing to the dead
        // stand-in's pipes kills it too (SIGPIPE), so only SIGKILL proves
        // the parent-death signal.
        QVERIFY(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
    }

    void serverDiesWithItsTestProcess()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess standIn;
        standIn.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        standIn.start(QCoreApplication::applicationFilePath(),
                      {QString::fromLatin1(kStartArgument), dir.path()});
        QVERIFY(standIn.waitForStarted(10000));
        while (!standIn.canReadLine()) {
            QVERIFY2(standIn.waitForReadyRead(60000), "the stand-in said nothing");
        }
        const QByteArray line = standIn.readLine().trimmed();
        QVERIFY2(line.startsWith("server "), line.constData());
        const auto server = static_cast<pid_t>(line.mid(7).toLongLong());
        QVERIFY(server > 0);
        QCOMPARE(parentOf(server), standIn.processId());
        int status = 0;
        bool reaped = false;
        // Should the server outlive the check, it must not outlive the test.
        const auto cleanup = qScopeGuard([&] {
            if (!reaped && ::kill(server, SIGKILL) == 0)
                ::waitpid(server, nullptr, 0);
        });

        // A crash of the test process: nothing of it runs any more.
        standIn.kill();
        QVERIFY(standIn.waitForFinished(10000));
        QCOMPARE(standIn.exitStatus(), QProcess::CrashExit);
        pid_t waited = 0;
        int waitError = 0;
        // QTRY_ asks once more after it held: a reaped server stays so.
        const auto reap = [&] {
            if (reaped)
                return true;
            waited = ::waitpid(server, &status, WNOHANG);
            waitError = waited < 0 ? errno : 0;
            return reaped = waited == server;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
            reap(),
            qPrintable(QStringLiteral("waitpid: %1 (%2)")
                           .arg(waited)
                           .arg(QString::fromLocal8Bit(std::strerror(waitError)))),
            10000);
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGKILL);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && std::strcmp(argv[1], kStartArgument) == 0)
        return startServer(QString::fromLocal8Bit(argv[2]));
    TestServerDiesWithTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestServerDiesWithTest.moc"
