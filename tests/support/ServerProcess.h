#pragma once

// Starts a real hivemind-server process for tests and waits (event-driven,
// no sleeps) until it prints the URL it listens on, or exits. On Linux the
// server dies with the test process, also when that crashes or is killed
// (a leftover server would hold its port and data directory).

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStringList>
#include <QThread>
#include <QUrl>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace hm::test {

inline QString binaryPath(const char *name)
{
    return QString::fromUtf8(HIVEMIND_BIN_DIR) + QLatin1Char('/') + QString::fromUtf8(name);
}

inline QByteArray randomMasterKeyBase64()
{
    QByteArray key(32, '\0');
    for (auto &byte : key)
        byte = static_cast<char>(QRandomGenerator::global()->generate() & 0xff);
    return key.toBase64();
}

class ServerProcess
{
public:
    explicit ServerProcess(QString dataDir, QByteArray masterKey = randomMasterKeyBase64())
        : m_dataDir(std::move(dataDir)), m_masterKey(std::move(masterKey))
    {
        m_process.setProgram(binaryPath("hivemind-server"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HIVEMIND_MASTER_KEY"), QString::fromLatin1(m_masterKey));
        env.remove(QStringLiteral("HIVEMIND_ADMIN_PASSWORD"));
        m_process.setProcessEnvironment(env);
    }
    ~ServerProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
        reportSanitizerFindings();
    }

    QProcess &process() { return m_process; }
    QByteArray masterKey() const { return m_masterKey; }
    void setEnv(const QString &name, const QString &value)
    {
        auto env = m_process.processEnvironment();
        if (value.isNull())
            env.remove(name);
        else
            env.insert(name, value);
        m_process.setProcessEnvironment(env);
    }

    // Starts with --data-dir and --listen 127.0.0.1:<port> (0 = any free
    // port) plus extra arguments. Returns the base URL, or an empty URL when
    // the process exited first.
    // HIVEMIND_TEST_ENGINE_THREAD=own|shared in the test's environment adds
    // --engine-thread (tests/server/CMakeLists.txt runs some tests again with
    // the mode the machine would not pick by itself).
    QUrl start(const QStringList &extra = {}, quint16 port = 0, int timeoutMs = 30000)
    {
        QStringList engineThread;
        if (const QString mode = qEnvironmentVariable("HIVEMIND_TEST_ENGINE_THREAD");
            !mode.isEmpty())
            engineThread = {QStringLiteral("--engine-thread"), mode};
        m_process.setArguments(QStringList{QStringLiteral("--data-dir"), m_dataDir,
                                           QStringLiteral("--listen"),
                                           QStringLiteral("127.0.0.1:%1").arg(port)} +
                               engineThread + extra);
        dieWithParent();
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return {};
        static const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            m_stdout += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(m_stdout));
            if (match.hasMatch())
                return QUrl(match.captured(1));
            if (m_process.state() == QProcess::NotRunning)
                break;
            m_process.waitForReadyRead(500);
        }
        m_stdout += m_process.readAllStandardOutput();
        return {};
    }

    // Runs to completion (for start-up failures); returns the exit code.
    int runToExit(const QStringList &extra = {}, quint16 port = 0)
    {
        start(extra, port);
        m_process.waitForFinished(30000);
        m_stdout += m_process.readAllStandardOutput();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QByteArray standardOutput() const { return m_stdout; }
    QByteArray standardError() { return m_stderr += m_process.readAllStandardError(); }

private:
    // A server built with the sanitizers that died of a report said why on
    // its standard error, which the tests read only now and then: the
    // report goes to the test's output, or a failing CI run would show
    // only the requests that failed after it.
    void reportSanitizerFindings()
    {
        const QByteArray errors = standardError();
        for (const char *marker :
             {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:"}) {
            const qsizetype at = errors.indexOf(marker);
            if (at < 0)
                continue;
            const qsizetype from = qMax<qsizetype>(0, errors.lastIndexOf('\n', at) + 1);
            qWarning("hivemind-server (pid %lld) reported:\n%s", qint64(m_process.processId()),
                     errors.mid(from, 12000).constData());
            return;
        }
    }

    // The server gets SIGKILL when the test process dies, however it dies
    // (the destructor's kill() covers only an orderly end). Linux sends it
    // when the *thread* that forked exits, so only a server started from
    // the main thread (every test's and tool's) asks for it: one started
    // from a worker thread would die with that thread.
    void dieWithParent()
    {
#ifdef Q_OS_LINUX
        const QCoreApplication *app = QCoreApplication::instance();
        if (!app || QThread::currentThread() != app->thread()) {
            m_process.setChildProcessModifier({});
            return;
        }
        const pid_t parent = getpid();
        // Runs in the child between fork and exec: system calls only.
        m_process.setChildProcessModifier([parent] {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            // The parent died before prctl: no signal will come.
            if (getppid() != parent)
                _exit(127);
        });
#endif
    }

    QString m_dataDir;
    QByteArray m_masterKey;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

} // namespace hm::test
