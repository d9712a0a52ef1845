// One server per data directory (issue 14, item 7): DataDirectoryLock
// between objects and processes, and the real hivemind-server refusing a
// directory another server uses, without disturbing that server's running
// execution, while the lock of a killed server does not block the next one.

#include "FlowTestSupport.h"
#include "server/runtime/DataDirectoryLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <cstdio>
#include <cstring>

using namespace hm::test;
using hm::ErrorCode;
using hm::Status;
using hm::server::DataDirectoryLock;

namespace {

const char kHoldArgument[] = "--hold-lock";
const QUrl kHolderUrl(QStringLiteral("http://127.0.0.1:1234"));

// The child process of the cross-process tests: takes the lock of `dir`,
// publishes kHolderUrl, says "locked" and holds on until its stdin closes
// (or it is killed).
int holdLock(const QString &dir)
{
    DataDirectoryLock lock(dir);
    if (!lock.acquire() || !lock.publishServerUrl(kHolderUrl))
        return 1;
    std::printf("locked\n");
    std::fflush(stdout);
    while (std::getchar() != EOF) {
    }
    return 0;
}

// A second process holding dir's lock, running until released or killed.
class LockHolder
{
public:
    explicit LockHolder(const QString &dir)
    {
        m_process.start(QCoreApplication::applicationFilePath(),
                        {QString::fromLatin1(kHoldArgument), dir});
    }
    ~LockHolder()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }
    // Waits (on output, not time) until it holds the lock.
    bool waitLocked()
    {
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(10000))
                return false;
        }
        return m_process.readLine().trimmed() == "locked";
    }
    qint64 pid() const { return m_process.processId(); }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
};

QString lockFile(const QTemporaryDir &dir)
{
    return DataDirectoryLock::lockFilePath(dir.path());
}

QString urlFile(const QTemporaryDir &dir)
{
    return DataDirectoryLock::serverUrlFilePath(dir.path());
}

} // namespace

class TestDataDirectoryLock : public QObject
{
    Q_OBJECT
private slots:
    void oneHolderAtATime()
    {
        QTemporaryDir dir;
        DataDirectoryLock first(dir.path());
        QVERIFY(first.acquire().ok());
        QVERIFY(first.isHeld());
        QVERIFY(first.acquire().ok()); // again: still held, not refused
        QVERIFY(QFile::exists(lockFile(dir)));

        DataDirectoryLock second(dir.path());
        const Status refused = second.acquire();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::DataDirInUse);
        QVERIFY2(refused.error().message.contains(dir.path()), qPrintable(refused.error().message));
        const QString pid = QString::number(QCoreApplication::applicationPid());
        QVERIFY2(refused.error().message.contains(QStringLiteral("pid ") + pid),
                 qPrintable(refused.error().message));
        QCOMPARE(refused.error().details.value(QStringLiteral("pid")).toInteger(),
                 QCoreApplication::applicationPid());
        QVERIFY(!second.isHeld());
        // A refused lock publishes and removes nothing.
        QVERIFY(!second.publishServerUrl(kHolderUrl).ok());
        QVERIFY(first.publishServerUrl(kHolderUrl).ok());
        second.release();
        QCOMPARE(DataDirectoryLock::publishedServerUrl(dir.path()), kHolderUrl);

        first.release();
        QVERIFY(!first.isHeld());
        QVERIFY(!QFile::exists(lockFile(dir)));
        QVERIFY(!QFile::exists(urlFile(dir)));
        QVERIFY(DataDirectoryLock::publishedServerUrl(dir.path()).isEmpty());
        first.release(); // idempotent
        QVERIFY(second.acquire().ok());
    }

    void anotherProcessHoldsIt()
    {
        QTemporaryDir dir;
        LockHolder holder(dir.path());
        QVERIFY(holder.waitLocked());
        // Old enough for QLockFile's default stale time (30 s): a live
        // holder must still count.
        QFile file(lockFile(dir));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600),
                                 QFileDevice::FileModificationTime));
        file.close();

        DataDirectoryLock lock(dir.path());
        const Status refused = lock.acquire();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::DataDirInUse);
        QVERIFY2(refused.error().message.contains(QStringLiteral("pid %1").arg(holder.pid())),
                 qPrintable(refused.error().message));
        const auto named = DataDirectoryLock::holder(dir.path());
        QVERIFY(named.has_value());
        QCOMPARE(named->pid, holder.pid());
        QCOMPARE(DataDirectoryLock::publishedServerUrl(dir.path()), kHolderUrl);

        // A clean stop removes both files.
        holder.process().closeWriteChannel();
        QVERIFY(holder.process().waitForFinished(10000));
        QCOMPARE(holder.process().exitCode(), 0);
        QVERIFY(!QFile::exists(lockFile(dir)));
        QVERIFY(!QFile::exists(urlFile(dir)));
        QVERIFY(!DataDirectoryLock::holder(dir.path()).has_value());
        QVERIFY(lock.acquire().ok());
    }

    void deadHoldersLockIsTakenOver()
    {
        QTemporaryDir dir;
        LockHolder holder(dir.path());
        QVERIFY(holder.waitLocked());
        holder.process().kill();
        QVERIFY(holder.process().waitForFinished(10000));
        // Left behind, naming a process that no longer exists.
        QVERIFY(QFile::exists(lockFile(dir)));
        QVERIFY(QFile::exists(urlFile(dir)));

        DataDirectoryLock lock(dir.path());
        const Status taken = lock.acquire();
        QVERIFY2(taken.ok(), qPrintable(taken.error().toString()));
        QCOMPARE(DataDirectoryLock::holder(dir.path())->pid, QCoreApplication::applicationPid());
        // The dead holder's address is not offered to consoles.
        QVERIFY(!QFile::exists(urlFile(dir)));
        QVERIFY(DataDirectoryLock::publishedServerUrl(dir.path()).isEmpty());
    }

    // The real server: a second one on the same directory exits with 2,
    // naming the directory and the first one's pid, before it touches the
    // store; the first one's execution runs on to completion.
    void secondServerIsRefusedAndTheFirstRunsOn()
    {
        QTemporaryDir dir;
        std::unique_ptr<ServerProcess> first;
        std::unique_ptr<Http> http;
        QString admin;
        const QString problem = startWithAdmin(dir, first, http, admin);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const qint64 firstPid = first->process().processId();
        QCOMPARE(DataDirectoryLock::publishedServerUrl(dir.path()), http->base());

        QString why;
        const QString flowId =
            createPublishedFlow(*http, admin, QStringLiteral("slow"), delayFlow(3000), {}, &why);
        QVERIFY2(!flowId.isEmpty(), qPrintable(why));
        const Answer triggered = triggerFlow(*http, admin, flowId);
        QCOMPARE(triggered.status, 200);
        const QString executionId = triggered.data().value("execution_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(executionStatus(*http, admin, executionId),
                                  QStringLiteral("running"), 10000);

        // Same master key: without the lock it would open the store and
        // fail the running execution in its crash recovery.
        ServerProcess second(dir.path(), first->masterKey());
        QCOMPARE(second.runToExit(), 2);
        const QByteArray err = second.standardError();
        QVERIFY2(err.contains("DATA_DIR_IN_USE"), err.constData());
        QVERIFY2(err.contains(QFile::encodeName(QDir::toNativeSeparators(dir.path()))),
                 err.constData());
        QVERIFY2(err.contains("pid " + QByteArray::number(firstPid)), err.constData());
        QVERIFY2(!second.standardOutput().contains("listening on"),
                 second.standardOutput().constData());

        QCOMPARE(executionStatus(*http, admin, executionId), QStringLiteral("running"));
        QCOMPARE(DataDirectoryLock::publishedServerUrl(dir.path()), http->base());
        QTRY_COMPARE_WITH_TIMEOUT(executionStatus(*http, admin, executionId),
                                  QStringLiteral("completed"), 15000);

        // Killed: its lock file stays, and must not block the next server.
        ::kill(static_cast<pid_t>(firstPid), SIGKILL);
        QVERIFY(first->process().waitForFinished(10000));
        QVERIFY(QFile::exists(lockFile(dir)));
        ServerProcess third(dir.path(), first->masterKey());
        const QUrl url = third.start();
        QVERIFY2(!url.isEmpty(), third.standardError().constData());
        QCOMPARE(DataDirectoryLock::publishedServerUrl(dir.path()), url);
        QCOMPARE(DataDirectoryLock::holder(dir.path())->pid, third.process().processId());

        // A clean stop leaves neither file behind.
        ::kill(static_cast<pid_t>(third.process().processId()), SIGTERM);
        QVERIFY(third.process().waitForFinished(15000));
        QCOMPARE(third.process().exitCode(), 0);
        QVERIFY(!QFile::exists(lockFile(dir)));
        QVERIFY(!QFile::exists(urlFile(dir)));
    }
};

int main(int argc, char *argv[])
{
    if (argc == 3 && std::strcmp(argv[1], kHoldArgument) == 0) {
        QCoreApplication app(argc, argv);
        return holdLock(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestDataDirectoryLock test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestDataDirectoryLock.moc"
