// A running terminal session: the master side of the pty read and written
// without blocking through QSocketNotifiers, the program's exit watched
// through a pidfd (polling waitpid where the kernel has none).
//
// The program is not reaped until the Pty is destroyed: its zombie keeps
// its pid, and so the session's id and process group id, from being reused,
// so signalling the session (terminate(), the destructor) can never reach
// an unrelated process.

#include "agent/LinuxProcessFiles.h"
#include "agent/LinuxPtySpawn.h"
#include "agent/Pty.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <thread>
#include <unistd.h>

namespace hm::agent {

namespace {

// Input waiting for a program that does not read it; beyond, write()
// accepts less.
constexpr qsizetype kPtyMaxPendingInput = 1 << 20;
constexpr qint64 kPtyMaxReadChunk = 64 * 1024;
// Between terminate()'s SIGHUP and SIGKILL: time for a shell to save its
// history and exit.
constexpr int kPtyTerminateGraceMs = 2000;
// After the program exited, how long its output may take to end (EIO)
// before finished() is emitted anyway: background processes may keep the
// terminal open.
constexpr int kPtyOutputEndGraceMs = 1000;
constexpr int kPtyExitPollMs = 200;

// The process groups of a session: the program's own, and those of the
// jobs an interactive shell started (each in a group of its own).
QSet<pid_t> ptySessionGroups(pid_t session)
{
    QSet<pid_t> groups{session};
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return groups;
    while (const dirent *entry = ::readdir(proc)) {
        if (entry->d_name[0] < '1' || entry->d_name[0] > '9')
            continue;
        QFile file(QStringLiteral("/proc/%1/stat").arg(QString::fromLatin1(entry->d_name)));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const auto stat = procfs::parsePidStat(file.read(4096));
        if (stat && stat->session == session && stat->pgrp > 0)
            groups.insert(pid_t(stat->pgrp));
    }
    ::closedir(proc);
    return groups;
}

class LinuxPty final : public Pty
{
public:
    explicit LinuxPty(const SpawnedPty &spawned);
    ~LinuxPty() override;

    qint64 write(QByteArrayView data) override;
    QByteArray read(qint64 maxBytes) override;
    void setReadPaused(bool paused) override;
    bool isReadPaused() const override { return m_paused; }
    Status resize(int rows, int cols) override;
    qint64 pid() const override { return m_pid; }
    void terminate() override;
    QString currentWorkingDirectory() const override;

private:
    void armReader();
    void flushInput();
    void checkExited();
    void outputEnded();
    void finishIfDone();
    void emitFinished();
    void signalSession(int signal) const;

    int m_master;
    pid_t m_pid;
    int m_pidfd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QSocketNotifier *m_exitNotifier = nullptr;
    QTimer *m_exitPoll = nullptr;
    QTimer m_killTimer;
    QTimer m_outputEndGrace;
    QByteArray m_pendingInput;
    bool m_paused = false;
    bool m_outputEnded = false;
    bool m_inputClosed = false;
    bool m_exited = false;
    bool m_finished = false;
    bool m_terminating = false;
    int m_exitCode = 0;
    int m_exitSignal = 0;
};

LinuxPty::LinuxPty(const SpawnedPty &spawned) : m_master(spawned.masterFd), m_pid(spawned.pid)
{
    m_readNotifier = new QSocketNotifier(m_master, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, [this] {
        // An edge: quiet until the consumer has read what is there.
        m_readNotifier->setEnabled(false);
        emit readyRead();
    });
    m_writeNotifier = new QSocketNotifier(m_master, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, [this] { flushInput(); });

    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(kPtyTerminateGraceMs);
    connect(&m_killTimer, &QTimer::timeout, this, [this] { signalSession(SIGKILL); });
    m_outputEndGrace.setSingleShot(true);
    m_outputEndGrace.setInterval(kPtyOutputEndGraceMs);
    connect(&m_outputEndGrace, &QTimer::timeout, this, [this] { emitFinished(); });

#ifdef SYS_pidfd_open
    m_pidfd = int(::syscall(SYS_pidfd_open, m_pid, 0));
#endif
    if (m_pidfd >= 0) {
        // Readable once the program has exited.
        m_exitNotifier = new QSocketNotifier(m_pidfd, QSocketNotifier::Read, this);
        connect(m_exitNotifier, &QSocketNotifier::activated, this, [this] { checkExited(); });
    } else {
        m_exitPoll = new QTimer(this);
        m_exitPoll->setInterval(kPtyExitPollMs);
        connect(m_exitPoll, &QTimer::timeout, this, [this] { checkExited(); });
        m_exitPoll->start();
    }
}

LinuxPty::~LinuxPty()
{
    // What still runs of the session goes with the Pty; the zombie still
    // holds the ids, so this cannot reach another process.
    signalSession(SIGKILL);
    delete m_readNotifier;
    delete m_writeNotifier;
    delete m_exitNotifier;
    ::close(m_master);
    if (m_pidfd >= 0)
        ::close(m_pidfd);
    int status = 0;
    pid_t reaped = 0;
    do {
        reaped = ::waitpid(m_pid, &status, WNOHANG);
    } while (reaped < 0 && errno == EINTR);
    if (reaped == 0) {
        // Killed but not yet dead: reap it without blocking the agent.
        std::thread([pid = m_pid] {
            while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
            }
        }).detach();
    }
}

qint64 LinuxPty::write(QByteArrayView data)
{
    if (m_inputClosed)
        return -1;
    qsizetype written = 0;
    if (m_pendingInput.isEmpty()) {
        while (written < data.size()) {
            const ssize_t n =
                ::write(m_master, data.data() + written, size_t(data.size() - written));
            if (n > 0) {
                written += n;
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && errno != EAGAIN) {
                // EIO: nobody has the terminal open any more.
                m_inputClosed = true;
                return written > 0 ? written : -1;
            }
            break;
        }
    }
    const qsizetype queued =
        std::min(data.size() - written, kPtyMaxPendingInput - m_pendingInput.size());
    if (queued > 0) {
        m_pendingInput.append(data.data() + written, queued);
        m_writeNotifier->setEnabled(true);
    }
    return written + queued;
}

void LinuxPty::flushInput()
{
    while (!m_pendingInput.isEmpty()) {
        const ssize_t n =
            ::write(m_master, m_pendingInput.constData(), size_t(m_pendingInput.size()));
        if (n > 0) {
            m_pendingInput.remove(0, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN) {
            m_inputClosed = true;
            m_pendingInput.clear();
        }
        break;
    }
    m_writeNotifier->setEnabled(!m_pendingInput.isEmpty());
}

QByteArray LinuxPty::read(qint64 maxBytes)
{
    if (maxBytes <= 0 || m_outputEnded)
        return {};
    const qint64 wanted = std::min(maxBytes, kPtyMaxReadChunk);
    QByteArray data(wanted, Qt::Uninitialized);
    ssize_t n = 0;
    do {
        n = ::read(m_master, data.data(), size_t(wanted));
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
        data.truncate(n);
        // Less than asked: this edge is drained, the next output signals.
        if (n < wanted)
            armReader();
        return data;
    }
    if (n < 0 && errno == EAGAIN) {
        armReader();
        return {};
    }
    // EIO (or 0): no process has the terminal open any more.
    outputEnded();
    return {};
}

void LinuxPty::armReader()
{
    m_readNotifier->setEnabled(!m_paused && !m_outputEnded);
}

void LinuxPty::setReadPaused(bool paused)
{
    m_paused = paused;
    armReader();
}

Status LinuxPty::resize(int rows, int cols)
{
    if (rows < 1 || rows > kMaxPtySize || cols < 1 || cols > kMaxPtySize)
        return Error{
            ErrorCode::ValidationError,
            QStringLiteral("The terminal size must be 1 … %1 rows and columns").arg(kMaxPtySize),
            QJsonObject{{QStringLiteral("code"), QStringLiteral("INVALID_SIZE")}}};
    struct winsize size
    {
    };
    size.ws_row = static_cast<unsigned short>(rows);
    size.ws_col = static_cast<unsigned short>(cols);
    if (::ioctl(m_master, TIOCSWINSZ, &size) != 0) {
        const int error = errno;
        return Error{ErrorCode::IoError,
                     QStringLiteral("Cannot resize the terminal: %1")
                         .arg(QString::fromLocal8Bit(std::strerror(error))),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("PTY_FAILED")}}};
    }
    return {};
}

void LinuxPty::terminate()
{
    if (m_terminating)
        return;
    m_terminating = true;
    signalSession(SIGHUP);
    // Stopped jobs act on SIGHUP only once continued.
    signalSession(SIGCONT);
    m_killTimer.start();
}

void LinuxPty::signalSession(int signal) const
{
    for (const pid_t group : ptySessionGroups(m_pid))
        ::killpg(group, signal);
}

QString LinuxPty::currentWorkingDirectory() const
{
    // The master answers for the terminal: its foreground process group.
    const pid_t foreground = ::tcgetpgrp(m_master);
    for (const pid_t pid : {foreground, m_pid}) {
        if (pid <= 0)
            continue;
        const QString cwd = QFile::symLinkTarget(QStringLiteral("/proc/%1/cwd").arg(pid));
        if (!cwd.isEmpty())
            return cwd;
    }
    return {};
}

void LinuxPty::checkExited()
{
    if (m_exited)
        return;
    // WNOWAIT: learn the status but leave the zombie (see the top).
    siginfo_t info{};
    int result = 0;
    do {
        result = ::waitid(P_PID, id_t(m_pid), &info, WEXITED | WNOHANG | WNOWAIT);
    } while (result < 0 && errno == EINTR);
    if (result == 0 && info.si_pid == 0)
        return; // still running
    m_exited = true;
    if (result < 0) {
        // ECHILD: someone else reaped it (SIGCHLD ignored); status unknown.
        m_exitCode = -1;
    } else if (info.si_code == CLD_EXITED) {
        m_exitCode = info.si_status;
    } else {
        m_exitCode = -1;
        m_exitSignal = info.si_status;
    }
    if (m_exitNotifier)
        m_exitNotifier->setEnabled(false);
    if (m_exitPoll)
        m_exitPoll->stop();
    finishIfDone();
}

void LinuxPty::outputEnded()
{
    if (m_outputEnded)
        return;
    m_outputEnded = true;
    m_readNotifier->setEnabled(false);
    // Nobody would read input either (the kernel would still take some).
    m_inputClosed = true;
    m_pendingInput.clear();
    m_writeNotifier->setEnabled(false);
    // Not from inside the consumer's read().
    QTimer::singleShot(0, this, [this] { finishIfDone(); });
}

void LinuxPty::finishIfDone()
{
    if (!m_exited || m_finished)
        return;
    if (m_outputEnded)
        emitFinished();
    else if (!m_outputEndGrace.isActive())
        m_outputEndGrace.start();
}

void LinuxPty::emitFinished()
{
    if (m_finished)
        return;
    m_finished = true;
    m_outputEndGrace.stop();
    emit finished(m_exitCode, m_exitSignal);
}

} // namespace

Result<std::unique_ptr<Pty>> Pty::start(const PtyOptions &options)
{
    Result<SpawnedPty> spawned = spawnOnPty(options);
    if (!spawned)
        return spawned.error();
    return std::unique_ptr<Pty>(std::make_unique<LinuxPty>(*spawned));
}

} // namespace hm::agent
