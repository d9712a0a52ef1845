#include "agent/LinuxPtySpawn.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace hm::agent {

namespace {

Error ptySpawnError(ErrorCode code, const QString &wireCode, const QString &message)
{
    return Error{code, message, QJsonObject{{QStringLiteral("code"), wireCode}}};
}

QString ptyErrnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// The agent's account, for HOME, USER and SHELL.
struct PtyAccount
{
    QString home;
    QString user;
    QString shell;
};

PtyAccount ptyAccount()
{
    PtyAccount account{QStringLiteral("/"), QString::number(::geteuid()),
                       QStringLiteral("/bin/sh")};
    std::vector<char> buffer(16384);
    struct passwd entry
    {
    };
    struct passwd *found = nullptr;
    if (::getpwuid_r(::geteuid(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return account;
    if (found->pw_dir && *found->pw_dir)
        account.home = QFile::decodeName(found->pw_dir);
    if (found->pw_name && *found->pw_name)
        account.user = QString::fromLocal8Bit(found->pw_name);
    if (found->pw_shell && *found->pw_shell)
        account.shell = QFile::decodeName(found->pw_shell);
    return account;
}

bool isValidPtyEnvironmentName(const QString &name)
{
    return !name.isEmpty() && !name.contains(QLatin1Char('=')) && !name.contains(QChar(0));
}

// What fails in the child before execve, reported through the pipe.
enum PtyChildStage : int
{
    PtyChildSession = 1,
    PtyChildTerminal,
    PtyChildDirectory,
    PtyChildExec,
};

struct PtyChildFailure
{
    int stage = 0;
    int error = 0;
};

// In the forked child of a threaded process: async-signal-safe calls only
// (no allocation, no locks) until execve.
[[noreturn]] void runPtyChild(const char *slaveName, const char *directory, const char *program,
                              char *const argv[], char *const envp[], int reportFd, int maxFd)
{
    const auto fail = [reportFd](int stage) {
        const PtyChildFailure failure{stage, errno};
        [[maybe_unused]] const ssize_t written = ::write(reportFd, &failure, sizeof failure);
        ::_exit(127);
    };
    // The agent's blocked and ignored signals must not carry over.
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

    if (::setsid() < 0)
        fail(PtyChildSession);
    const int slave = ::open(slaveName, O_RDWR);
    if (slave < 0 || ::ioctl(slave, TIOCSCTTY, 0) < 0)
        fail(PtyChildTerminal);
    // The report pipe moves to fd 3 (close-on-exec): 0 … 2 become the
    // terminal, everything above 3 is closed.
    int report = reportFd;
    if (report < 3)
        report = ::fcntl(report, F_DUPFD_CLOEXEC, 3);
    for (int fd = 0; fd < 3; ++fd) {
        if (::dup2(slave, fd) < 0)
            fail(PtyChildTerminal);
    }
    if (slave > 2 && slave != report)
        ::close(slave);
    if (report != 3) {
        ::dup2(report, 3);
        ::fcntl(3, F_SETFD, FD_CLOEXEC);
    }
    const auto failReported = [](int stage) {
        const PtyChildFailure failure{stage, errno};
        [[maybe_unused]] const ssize_t written = ::write(3, &failure, sizeof failure);
        ::_exit(127);
    };
    bool closed = false;
#ifdef SYS_close_range
    closed = ::syscall(SYS_close_range, 4U, ~0U, 0U) == 0;
#endif
    if (!closed) {
        for (int fd = 4; fd <= maxFd; ++fd)
            ::close(fd);
    }
    if (::chdir(directory) < 0)
        failReported(PtyChildDirectory);
    ::execve(program, argv, envp);
    failReported(PtyChildExec);
    ::_exit(127); // not reached
}

Status validatePtyOptions(const PtyOptions &options, const QString &directory)
{
    const QFileInfo program(options.program);
    if (options.program.isEmpty() || !program.isAbsolute())
        return ptySpawnError(ErrorCode::ValidationError, QStringLiteral("INVALID_PROGRAM"),
                             QStringLiteral("The program must be an absolute path"));
    if (options.program.contains(QChar(0)))
        return ptySpawnError(ErrorCode::ValidationError, QStringLiteral("INVALID_PROGRAM"),
                             QStringLiteral("The program path contains a NUL character"));
    if (!program.exists())
        return ptySpawnError(ErrorCode::ResourceNotFound, QStringLiteral("PROGRAM_NOT_FOUND"),
                             QStringLiteral("No program %1").arg(options.program));
    if (!program.isFile() || ::access(QFile::encodeName(options.program).constData(), X_OK) != 0)
        return ptySpawnError(ErrorCode::ValidationError, QStringLiteral("PROGRAM_NOT_EXECUTABLE"),
                             QStringLiteral("%1 is not an executable file").arg(options.program));
    for (const QString &argument : options.arguments) {
        if (argument.contains(QChar(0)))
            return ptySpawnError(ErrorCode::ValidationError, QStringLiteral("INVALID_ARGUMENT"),
                                 QStringLiteral("An argument contains a NUL character"));
    }
    for (auto it = options.environment.cbegin(); it != options.environment.cend(); ++it) {
        if (!isValidPtyEnvironmentName(it.key()) || it.value().contains(QChar(0)))
            return ptySpawnError(
                ErrorCode::ValidationError, QStringLiteral("INVALID_ENVIRONMENT"),
                QStringLiteral("Invalid environment variable \"%1\"").arg(it.key().left(64)));
    }
    if (options.rows < 1 || options.rows > kMaxPtySize || options.cols < 1 ||
        options.cols > kMaxPtySize)
        return ptySpawnError(
            ErrorCode::ValidationError, QStringLiteral("INVALID_SIZE"),
            QStringLiteral("The terminal size must be 1 … %1 rows and columns").arg(kMaxPtySize));
    const QFileInfo dir(directory);
    if (directory.contains(QChar(0)) || !dir.isAbsolute() || !dir.isDir())
        return ptySpawnError(ErrorCode::ResourceNotFound,
                             QStringLiteral("WORKING_DIRECTORY_NOT_FOUND"),
                             QStringLiteral("No directory %1").arg(directory));
    return {};
}

// Owns a file descriptor until released.
class PtyFd
{
public:
    explicit PtyFd(int fd = -1) : m_fd(fd) {}
    PtyFd(const PtyFd &) = delete;
    PtyFd &operator=(const PtyFd &) = delete;
    ~PtyFd() { reset(); }
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }
    void reset(int fd = -1)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }

private:
    int m_fd;
};

std::vector<char *> ptyPointers(QByteArrayList &strings)
{
    std::vector<char *> pointers;
    pointers.reserve(size_t(strings.size()) + 1);
    for (QByteArray &string : strings)
        pointers.push_back(string.data());
    pointers.push_back(nullptr);
    return pointers;
}

} // namespace

QByteArrayList ptyEnvironment(const QMap<QString, QString> &added)
{
    const PtyAccount account = ptyAccount();
    QMap<QString, QString> environment{
        {QStringLiteral("PATH"),
         QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")},
        {QStringLiteral("HOME"), account.home},
        {QStringLiteral("USER"), account.user},
        {QStringLiteral("SHELL"), account.shell},
        {QStringLiteral("TERM"), QStringLiteral("xterm-256color")},
    };
    // The agent's locale, so that the terminal's characters decode the same.
    const QString lang = qEnvironmentVariable("LANG");
    environment.insert(QStringLiteral("LANG"), lang.isEmpty() ? QStringLiteral("C.UTF-8") : lang);
    environment.insert(added);
    QByteArrayList entries;
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        entries.append(it.key().toLocal8Bit() + '=' + it.value().toLocal8Bit());
    return entries;
}

Result<SpawnedPty> spawnOnPty(const PtyOptions &options)
{
    const QString directory =
        options.workingDirectory.isEmpty() ? ptyAccount().home : options.workingDirectory;
    if (Status valid = validatePtyOptions(options, directory); !valid)
        return valid.error();

    // Everything the child needs, prepared before fork: it may not allocate.
    const QByteArray program = QFile::encodeName(options.program);
    const QByteArray directoryBytes = QFile::encodeName(directory);
    QByteArrayList arguments{program};
    for (const QString &argument : options.arguments)
        arguments.append(argument.toLocal8Bit());
    QByteArrayList environment = ptyEnvironment(options.environment);
    const std::vector<char *> argv = ptyPointers(arguments);
    const std::vector<char *> envp = ptyPointers(environment);
    struct rlimit files
    {
    };
    const int maxFd = ::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY
                          ? int(std::min<rlim_t>(files.rlim_cur, 1 << 20))
                          : 65536;

    PtyFd master(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC));
    char slaveName[128] = {};
    if (master.get() < 0 || ::grantpt(master.get()) != 0 || ::unlockpt(master.get()) != 0 ||
        ::ptsname_r(master.get(), slaveName, sizeof slaveName) != 0) {
        const int error = errno;
        return ptySpawnError(ErrorCode::IoError, QStringLiteral("PTY_FAILED"),
                             QStringLiteral("Cannot open a terminal: %1").arg(ptyErrnoText(error)));
    }
    struct winsize size
    {
    };
    size.ws_row = static_cast<unsigned short>(options.rows);
    size.ws_col = static_cast<unsigned short>(options.cols);
    const int flags = ::fcntl(master.get(), F_GETFL);
    if (::ioctl(master.get(), TIOCSWINSZ, &size) != 0 || flags < 0 ||
        ::fcntl(master.get(), F_SETFL, flags | O_NONBLOCK) != 0) {
        const int error = errno;
        return ptySpawnError(
            ErrorCode::IoError, QStringLiteral("PTY_FAILED"),
            QStringLiteral("Cannot set up the terminal: %1").arg(ptyErrnoText(error)));
    }

    int reportPipe[2] = {-1, -1};
    if (::pipe2(reportPipe, O_CLOEXEC) != 0) {
        const int error = errno;
        return ptySpawnError(
            ErrorCode::IoError, QStringLiteral("SPAWN_FAILED"),
            QStringLiteral("Cannot start the program: %1").arg(ptyErrnoText(error)));
    }
    PtyFd reportRead(reportPipe[0]);
    PtyFd reportWrite(reportPipe[1]);

    const pid_t pid = ::fork();
    if (pid < 0) {
        const int error = errno;
        return ptySpawnError(
            ErrorCode::IoError, QStringLiteral("SPAWN_FAILED"),
            QStringLiteral("Cannot start the program: %1").arg(ptyErrnoText(error)));
    }
    if (pid == 0)
        runPtyChild(slaveName, directoryBytes.constData(), program.constData(), argv.data(),
                    envp.data(), reportWrite.get(), maxFd);

    // The child's report: nothing (the pipe closes on execve) or why it
    // failed. A short blocking read: the child only runs up to execve.
    reportWrite.reset();
    PtyChildFailure failure;
    ssize_t got = 0;
    do {
        got = ::read(reportRead.get(), &failure, sizeof failure);
    } while (got < 0 && errno == EINTR);
    if (got <= 0)
        return SpawnedPty{master.release(), pid};

    // It exits at once: reap it, no zombie left.
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
    const QString reason = ptyErrnoText(failure.error);
    switch (failure.stage) {
    case PtyChildDirectory:
        return ptySpawnError(ErrorCode::ResourceNotFound,
                             QStringLiteral("WORKING_DIRECTORY_NOT_FOUND"),
                             QStringLiteral("Cannot enter %1: %2").arg(directory, reason));
    case PtyChildExec:
        return ptySpawnError(ErrorCode::IoError, QStringLiteral("EXEC_FAILED"),
                             QStringLiteral("Cannot run %1: %2").arg(options.program, reason));
    default:
        return ptySpawnError(ErrorCode::IoError, QStringLiteral("SPAWN_FAILED"),
                             QStringLiteral("Cannot start a terminal session: %1").arg(reason));
    }
}

} // namespace hm::agent
