// The process table from /proc: one pass over /proc/[pid]/stat, status and
// cmdline per list(), CPU shares from the difference to the previous pass.

#include "agent/LinuxProcessFiles.h"
#include "agent/ProcessTable.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <limits>
#include <optional>
#include <pwd.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#include <vector>

namespace hm::agent {

namespace {

Error processTableError(ErrorCode code, const QString &wireCode, const QString &message,
                        qint64 pid = 0)
{
    QJsonObject details{{QStringLiteral("code"), wireCode}};
    if (pid != 0)
        details.insert(QStringLiteral("pid"), pid);
    return Error{code, message, details};
}

// Up to limit bytes of a /proc file; nothing when it cannot be opened (the
// process is gone, or hides it).
std::optional<QByteArray> readProcessFile(const QByteArray &path, qsizetype limit)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    QByteArray data;
    char chunk[4096];
    while (data.size() < limit) {
        const ssize_t n =
            ::read(fd, chunk, size_t(std::min<qsizetype>(sizeof chunk, limit - data.size())));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            // ESRCH: the process exited between open and read.
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0)
            break;
        data.append(chunk, n);
    }
    ::close(fd);
    return data;
}

QString processUserName(uint uid)
{
    std::vector<char> buffer(16384);
    struct passwd entry
    {
    };
    struct passwd *found = nullptr;
    if (::getpwuid_r(uid_t(uid), &entry, buffer.data(), buffer.size(), &found) == 0 && found &&
        found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
    return QString::number(uid);
}

qint64 processClockNs(clockid_t clock)
{
    timespec now{};
    ::clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

class LinuxProcessTable : public ProcessTable
{
public:
    Result<QList<ProcessInfo>> list() override;
    Status kill(qint64 pid, int signal) override;

private:
    struct CpuSample
    {
        quint64 startTicks = 0; // tells a reused pid from the process before
        quint64 cpuTicks = 0;   // utime + stime
    };
    QHash<qint64, CpuSample> m_previous;
    QElapsedTimer m_sinceLast; // invalid before the first list()
};

Result<QList<ProcessInfo>> LinuxProcessTable::list()
{
    DIR *proc = ::opendir("/proc");
    if (!proc) {
        const int error = errno;
        return processTableError(ErrorCode::IoError, QStringLiteral("PROCESS_LIST_FAILED"),
                                 QStringLiteral("Cannot read /proc: %1")
                                     .arg(QString::fromLocal8Bit(std::strerror(error))));
    }

    const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    // starttime counts from boot (CLOCK_BOOTTIME, as /proc/uptime does).
    const qint64 bootMs =
        QDateTime::currentMSecsSinceEpoch() - processClockNs(CLOCK_BOOTTIME) / 1000000;
    const double elapsedTicks =
        m_sinceLast.isValid() ? double(m_sinceLast.nsecsElapsed()) * double(ticksPerSecond) / 1e9
                              : 0.0;
    m_sinceLast.start();

    QHash<qint64, CpuSample> current;
    QHash<uint, QString> userNames;
    QList<ProcessInfo> processes;
    while (const dirent *entry = ::readdir(proc)) {
        if (processes.size() >= kMaxListedProcesses)
            break;
        const char *name = entry->d_name;
        if (*name < '1' || *name > '9' || std::strspn(name, "0123456789") != std::strlen(name))
            continue;
        const QByteArray dir = QByteArray("/proc/") + name;
        // A process may exit between any two reads: skip it then.
        const auto statText = readProcessFile(dir + "/stat", 4096);
        const auto stat = statText ? procfs::parsePidStat(*statText) : std::nullopt;
        const auto statusText = readProcessFile(dir + "/status", 16384);
        const auto uid = statusText ? procfs::parseStatusEffectiveUid(*statusText) : std::nullopt;
        const auto cmdline = readProcessFile(dir + "/cmdline", 4 * kMaxCommandLineChars);
        if (!stat || !uid || !cmdline)
            continue;

        ProcessInfo info;
        info.pid = stat->pid;
        info.ppid = stat->ppid;
        info.uid = *uid;
        auto user = userNames.find(*uid);
        if (user == userNames.end())
            user = userNames.insert(*uid, processUserName(*uid));
        info.user = *user;
        info.name = stat->comm;
        info.commandLine = procfs::joinCommandLine(*cmdline, kMaxCommandLineChars);
        info.memoryRss = stat->rssPages * pageSize;
        info.memoryVirtual = qint64(stat->vsizeBytes);
        info.state = QString(QLatin1Char(stat->state));
        info.startTimeMs = bootMs + qint64(stat->startTicks * 1000 / quint64(ticksPerSecond));
        info.threads = stat->threads;

        const CpuSample sample{stat->startTicks, stat->utime + stat->stime};
        const auto before = m_previous.constFind(info.pid);
        if (elapsedTicks > 0 && before != m_previous.cend() &&
            before->startTicks == sample.startTicks && sample.cpuTicks >= before->cpuTicks)
            info.cpuPercent = double(sample.cpuTicks - before->cpuTicks) * 100.0 / elapsedTicks;
        current.insert(info.pid, sample);
        processes.append(std::move(info));
    }
    ::closedir(proc);
    m_previous = std::move(current);
    return processes;
}

Status LinuxProcessTable::kill(qint64 pid, int signal)
{
    // 0 and negative pids address process groups (or everything), pid 1
    // takes the machine down, and the agent must not be stopped by itself.
    if (pid <= 1 || pid == qint64(::getpid()))
        return processTableError(ErrorCode::Forbidden, QStringLiteral("PROTECTED_PROCESS"),
                                 QStringLiteral("Process %1 may not be signalled").arg(pid), pid);
    // pid_t is narrower than the wire's number: a cast would signal another
    // process.
    if (pid > std::numeric_limits<pid_t>::max())
        return processTableError(ErrorCode::ResourceNotFound, QStringLiteral("PROCESS_NOT_FOUND"),
                                 QStringLiteral("No process %1").arg(pid), pid);
    if (!isSupportedSignal(signal))
        return processTableError(ErrorCode::ValidationError, QStringLiteral("UNKNOWN_SIGNAL"),
                                 QStringLiteral("Unknown or unsupported signal %1").arg(signal),
                                 pid);
    if (::kill(pid_t(pid), signal) == 0)
        return {};
    const int error = errno;
    switch (error) {
    case ESRCH:
        return processTableError(ErrorCode::ResourceNotFound, QStringLiteral("PROCESS_NOT_FOUND"),
                                 QStringLiteral("No process %1").arg(pid), pid);
    case EPERM:
        return processTableError(ErrorCode::Forbidden, QStringLiteral("PERMISSION_DENIED"),
                                 QStringLiteral("Not allowed to signal process %1").arg(pid), pid);
    default:
        return processTableError(ErrorCode::InternalError, QStringLiteral("KILL_FAILED"),
                                 QStringLiteral("Cannot signal process %1: %2")
                                     .arg(pid)
                                     .arg(QString::fromLocal8Bit(std::strerror(error))),
                                 pid);
    }
}

} // namespace

std::unique_ptr<ProcessTable> makeProcessTable()
{
    return std::make_unique<LinuxProcessTable>();
}

} // namespace hm::agent
