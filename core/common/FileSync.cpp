#include "common/FileSync.h"

#include <QFile>
#include <cerrno>
#include <cstring>

#if defined(Q_OS_WIN)
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace hm::filesync {

namespace {

Error syncError(const QString &what, const QString &path, int error)
{
    return Error{ErrorCode::IoError,
                 QStringLiteral("cannot sync %1 %2: %3")
                     .arg(what, path, QString::fromLocal8Bit(std::strerror(error)))};
}

} // namespace

Status syncFile(QFile &file)
{
    if (!file.flush())
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString())};
    const int fd = file.handle();
#if defined(Q_OS_WIN)
    if (::_commit(fd) != 0)
        return syncError(QStringLiteral("file"), file.fileName(), errno);
#elif defined(Q_OS_MACOS)
    // fsync on macOS leaves the data in the drive's cache.
    if (::fcntl(fd, F_FULLFSYNC) != 0 && ::fsync(fd) != 0)
        return syncError(QStringLiteral("file"), file.fileName(), errno);
#else
    if (::fsync(fd) != 0)
        return syncError(QStringLiteral("file"), file.fileName(), errno);
#endif
    return {};
}

Status syncDirectory(const QString &dir)
{
#if defined(Q_OS_WIN)
    Q_UNUSED(dir);
    return {};
#else
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return syncError(QStringLiteral("directory"), dir, errno);
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    if (rc != 0)
        return syncError(QStringLiteral("directory"), dir, saved);
    return {};
#endif
}

void WriteBehind::wrote(QFile &file)
{
#if defined(Q_OS_LINUX)
    const qint64 end = file.pos();
    if (end - m_started < m_step)
        return;
    if (!file.flush())
        return;
    const int fd = file.handle();
    // Wait for the step before the newest (started one call ago), then
    // start the newest: the device always has one step in flight.
    if (m_previous >= 0)
        (void)::sync_file_range(fd, m_previous, m_started - m_previous,
                                SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE |
                                    SYNC_FILE_RANGE_WAIT_AFTER);
    (void)::sync_file_range(fd, m_started, end - m_started, SYNC_FILE_RANGE_WRITE);
    m_previous = m_started;
    m_started = end;
#else
    Q_UNUSED(file);
#endif
}

} // namespace hm::filesync
