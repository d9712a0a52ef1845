#pragma once

// NetLab: two network namespaces joined by a veth pair, for tests that run
// real routing daemons (TestBirdSession). Needs root (CAP_NET_ADMIN/SYS_ADMIN).
//
//   [ nsA: ifA fd00:1::1/64 10.99.0.1/30 ] <--veth--> [ nsB: ifB fd00:1::2/64 10.99.0.2/30 ]
//
// Names are unique per process (pid-based, plus a counter), so parallel test
// runs do not collide. Every command runs from a QProcess argument list
// (`ip netns exec NAME program args...`), never through a shell. The
// destructor stops the processes started with start() and deletes both
// namespaces (which removes the veth pair), also after a failed test.
// Started processes get SIGKILL if the test process dies.

#include <QCoreApplication>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>
#include <vector>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace hm::test {

class NetLab
{
public:
    struct Run
    {
        int exitCode = -1;
        QString output; // stdout and stderr
        bool ok() const { return exitCode == 0; }
    };

    NetLab()
    {
        static std::atomic<int> counter{0};
        const QString tag = QStringLiteral("%1%2")
                                .arg(QCoreApplication::applicationPid())
                                .arg(counter.fetch_add(1));
        m_nsA = QStringLiteral("hmlabA") + tag;
        m_nsB = QStringLiteral("hmlabB") + tag;
        // Interface names: at most 15 characters.
        m_ifA = (QStringLiteral("hmva") + tag).left(15);
        m_ifB = (QStringLiteral("hmvb") + tag).left(15);
    }
    ~NetLab() { tearDown(); }
    NetLab(const NetLab &) = delete;
    NetLab &operator=(const NetLab &) = delete;

    QString nsA() const { return m_nsA; }
    QString nsB() const { return m_nsB; }
    QString ifA() const { return m_ifA; }
    QString ifB() const { return m_ifB; }
    static QString ipv6A() { return QStringLiteral("fd00:1::1"); }
    static QString ipv6B() { return QStringLiteral("fd00:1::2"); }
    static QString ipv4A() { return QStringLiteral("10.99.0.1"); }
    static QString ipv4B() { return QStringLiteral("10.99.0.2"); }

    // Creates the namespaces and the link. false with the failing command's
    // output in *error (e.g. "ip netns add" without root).
    bool setUp(QString *error)
    {
        const QList<QStringList> steps = {
            {QStringLiteral("netns"), QStringLiteral("add"), m_nsA},
            {QStringLiteral("netns"), QStringLiteral("add"), m_nsB},
            {QStringLiteral("link"), QStringLiteral("add"), m_ifA, QStringLiteral("type"),
             QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), m_ifB},
            {QStringLiteral("link"), QStringLiteral("set"), m_ifA, QStringLiteral("netns"), m_nsA},
            {QStringLiteral("link"), QStringLiteral("set"), m_ifB, QStringLiteral("netns"), m_nsB},
            {QStringLiteral("-n"), m_nsA, QStringLiteral("addr"), QStringLiteral("add"),
             ipv6A() + QStringLiteral("/64"), QStringLiteral("dev"), m_ifA,
             QStringLiteral("nodad")},
            {QStringLiteral("-n"), m_nsB, QStringLiteral("addr"), QStringLiteral("add"),
             ipv6B() + QStringLiteral("/64"), QStringLiteral("dev"), m_ifB,
             QStringLiteral("nodad")},
            {QStringLiteral("-n"), m_nsA, QStringLiteral("addr"), QStringLiteral("add"),
             ipv4A() + QStringLiteral("/30"), QStringLiteral("dev"), m_ifA},
            {QStringLiteral("-n"), m_nsB, QStringLiteral("addr"), QStringLiteral("add"),
             ipv4B() + QStringLiteral("/30"), QStringLiteral("dev"), m_ifB},
            {QStringLiteral("-n"), m_nsA, QStringLiteral("link"), QStringLiteral("set"),
             QStringLiteral("lo"), QStringLiteral("up")},
            {QStringLiteral("-n"), m_nsB, QStringLiteral("link"), QStringLiteral("set"),
             QStringLiteral("lo"), QStringLiteral("up")},
            {QStringLiteral("-n"), m_nsA, QStringLiteral("link"), QStringLiteral("set"), m_ifA,
             QStringLiteral("up")},
            {QStringLiteral("-n"), m_nsB, QStringLiteral("link"), QStringLiteral("set"), m_ifB,
             QStringLiteral("up")},
        };
        for (const QStringList &args : steps) {
            const Run r = runProgram(QStringLiteral("ip"), args);
            if (args.size() == 3 && args[0] == QLatin1String("netns") && r.ok())
                m_created.append(args[2]);
            if (args.size() > 2 && args[0] == QLatin1String("link") &&
                args[1] == QLatin1String("add"))
                m_linkCreated = r.ok();
            if (args.size() > 3 && args[2] == m_ifB && args[3] == QLatin1String("netns") && r.ok())
                m_linkCreated = false; // both ends are in namespaces now: deleted with them
            if (!r.ok()) {
                if (error)
                    *error = QStringLiteral("ip %1 failed (exit %2): %3")
                                 .arg(args.join(QLatin1Char(' ')))
                                 .arg(r.exitCode)
                                 .arg(r.output.trimmed());
                return false;
            }
        }
        return true;
    }

    // Runs a program inside a namespace and waits for it.
    Run run(const QString &ns, const QString &program, const QStringList &args,
            int timeoutMs = 10000)
    {
        return runProgram(QStringLiteral("ip"), netnsExec(ns, program, args), timeoutMs);
    }

    // Starts a long-running program inside a namespace; stopped by the destructor.
    QProcess *start(const QString &ns, const QString &program, const QStringList &args)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->setProgram(QStringLiteral("ip"));
        p->setArguments(netnsExec(ns, program, args));
#ifdef Q_OS_LINUX
        const pid_t parent = getpid();
        p->setChildProcessModifier([parent] {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent)
                _exit(127);
        });
#endif
        p->start();
        m_processes.push_back(std::move(p));
        return m_processes.back().get();
    }

    void tearDown()
    {
        for (auto &p : m_processes) {
            if (p->state() != QProcess::NotRunning) {
                p->terminate();
                if (!p->waitForFinished(3000)) {
                    p->kill();
                    p->waitForFinished(3000);
                }
            }
        }
        m_processes.clear();
        for (const QString &ns : std::as_const(m_created))
            runProgram(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("del"), ns});
        m_created.clear();
        // A veth pair that never reached its namespace is still in ours.
        if (m_linkCreated) {
            runProgram(QStringLiteral("ip"),
                       {QStringLiteral("link"), QStringLiteral("del"), m_ifA});
            m_linkCreated = false;
        }
    }

    static Run runProgram(const QString &program, const QStringList &args, int timeoutMs = 10000)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        Run r;
        if (!p.waitForStarted(timeoutMs)) {
            r.output = p.errorString();
            return r;
        }
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished(1000);
            r.output = QStringLiteral("timed out");
            return r;
        }
        r.output = QString::fromLocal8Bit(p.readAll());
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return r;
    }

private:
    static QStringList netnsExec(const QString &ns, const QString &program, const QStringList &args)
    {
        return QStringList{QStringLiteral("netns"), QStringLiteral("exec"), ns, program} + args;
    }

    QString m_nsA, m_nsB, m_ifA, m_ifB;
    QStringList m_created;
    bool m_linkCreated = false;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

} // namespace hm::test
