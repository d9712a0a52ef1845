#include "agent/LinuxConfinedResolver.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace hm::agent {

namespace {

// Debian 12's glibc has no openat2 wrapper.
int resolverOpenat2(int dirFd, const char *path, int flags)
{
    open_how how{};
    how.flags = quint64(flags);
    // RESOLVE_BENEATH: no absolute path, no ".." above the start, no
    // symlink leading outside it (EXDEV), checked by the kernel during the
    // one lookup, so nothing can be swapped in between. Magic links
    // (/proc/<pid>/fd/...) would jump anywhere: refused too.
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    return int(::syscall(SYS_openat2, dirFd, path, &how, sizeof how));
}

// The kernel answers EAGAIN when a rename anywhere raced with a ".."
// inside a followed symlink: it cannot prove the lookup stayed beneath.
// Trying again is what it asks for.
constexpr int kResolverEagainRetries = 16;

// The walk refuses every symlink, which is stricter than openat2 (that
// follows symlinks staying beneath the root): without the kernel's help a
// symlink's target cannot be resolved without the race this class exists
// to avoid.
Error resolverSymlinkRefused(const QString &shown)
{
    return confinedFilesError(ErrorCode::Forbidden, "SYMLINK_REFUSED",
                              QStringLiteral("%1: goes through a symbolic link; symbolic links are "
                                             "not followed here (the kernel cannot confine them "
                                             "without openat2)")
                                  .arg(shown),
                              shown);
}

} // namespace

void ConfinedFd::reset(int fd)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = fd;
}

Error confinedErrnoError(int error, const QString &path)
{
    const QString why = QString::fromLocal8Bit(std::strerror(error));
    switch (error) {
    case ENOENT:
        return confinedFilesError(ErrorCode::ResourceNotFound, "NOT_FOUND",
                                  QStringLiteral("%1: no such file or directory").arg(path), path);
    case ENOTDIR:
        return confinedFilesError(ErrorCode::ValidationError, "NOT_A_DIRECTORY",
                                  QStringLiteral("%1: not a directory").arg(path), path);
    case EISDIR:
        return confinedFilesError(ErrorCode::ValidationError, "IS_A_DIRECTORY",
                                  QStringLiteral("%1: is a directory").arg(path), path);
    case EXDEV:
        return confinedFilesError(ErrorCode::Forbidden, "PATH_OUTSIDE_ROOT",
                                  QStringLiteral("%1: leads outside the files root").arg(path),
                                  path);
    case ELOOP:
        return confinedFilesError(
            ErrorCode::Forbidden, "SYMLINK_REFUSED",
            QStringLiteral("%1: a symbolic link that cannot be followed here (a loop, too many "
                           "links, or a link into /proc)")
                .arg(path),
            path);
    case EEXIST:
        return confinedFilesError(ErrorCode::ResourceAlreadyExists, "ALREADY_EXISTS",
                                  QStringLiteral("%1: already exists").arg(path), path);
    case ENOTEMPTY:
        return confinedFilesError(ErrorCode::Conflict, "CONFLICT",
                                  QStringLiteral("%1: the directory is not empty").arg(path), path);
    case ENAMETOOLONG:
        return confinedFilesError(ErrorCode::ValidationError, "PATH_INVALID",
                                  QStringLiteral("%1: name too long").arg(path), path);
    case EACCES:
    case EPERM:
        return confinedFilesError(ErrorCode::Forbidden, "IO_ERROR",
                                  QStringLiteral("%1: permission denied").arg(path), path);
    case EFBIG:
    case ENOSPC:
    case EDQUOT:
        return confinedFilesError(ErrorCode::PayloadTooLarge, "IO_ERROR",
                                  QStringLiteral("%1: %2").arg(path, why), path);
    default:
        break;
    }
    return confinedFilesError(ErrorCode::IoError, "IO_ERROR",
                              QStringLiteral("%1: %2").arg(path, why), path);
}

bool ConfinedResolver::kernelHasOpenat2()
{
    static const bool available = [] {
        const int fd = resolverOpenat2(AT_FDCWD, ".", O_PATH | O_CLOEXEC);
        if (fd >= 0) {
            ::close(fd);
            return true;
        }
        return errno != ENOSYS && errno != E2BIG && errno != EPERM;
    }();
    return available;
}

Result<ConfinedFd> ConfinedResolver::openRoot(const FileRoot &root)
{
    const QByteArray path = QFile::encodeName(root.path);
    ConfinedFd fd(::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.valid()) {
        const int error = errno;
        return confinedFilesError(
            ErrorCode::IoError, "IO_ERROR",
            QStringLiteral("the files root %1 cannot be opened: %2")
                .arg(root.path, QString::fromLocal8Bit(std::strerror(error))));
    }
    return fd;
}

Result<ConfinedFd> ConfinedResolver::openat2Beneath(int rootFd, const QByteArray &path, int flags,
                                                    const QString &shown) const
{
    for (int attempt = 0;; ++attempt) {
        const int fd = resolverOpenat2(rootFd, path.constData(), flags | O_CLOEXEC | O_NOCTTY);
        if (fd >= 0)
            return ConfinedFd(fd);
        if (errno == EINTR || (errno == EAGAIN && attempt < kResolverEagainRetries))
            continue;
        return confinedErrnoError(errno, shown);
    }
}

Result<ConfinedFd> ConfinedResolver::openDirectory(int rootFd, const QList<QByteArray> &components,
                                                   const QString &shown) const
{
    if (m_openat2)
        return openat2Beneath(rootFd, ConfinedPath::join(components), O_RDONLY | O_DIRECTORY,
                              shown);

    // The walk: one component at a time, each opened relative to the
    // descriptor of the one before with O_PATH | O_NOFOLLOW, which gives
    // the entry itself whatever it is: what fstat then says about that
    // descriptor cannot have changed since (a symlink swapped in after the
    // open does not affect it).
    ConfinedFd current(::fcntl(rootFd, F_DUPFD_CLOEXEC, 0));
    if (!current.valid())
        return confinedErrnoError(errno, shown);
    if (components.isEmpty())
        return current;
    for (const QByteArray &component : components) {
        ConfinedFd next(
            ::openat(current.get(), component.constData(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
        if (!next.valid())
            return confinedErrnoError(errno, shown);
        struct stat st = {};
        if (::fstat(next.get(), &st) != 0)
            return confinedErrnoError(errno, shown);
        if (S_ISLNK(st.st_mode))
            return resolverSymlinkRefused(shown);
        if (!S_ISDIR(st.st_mode))
            return confinedErrnoError(ENOTDIR, shown);
        current = std::move(next);
    }
    // The directory reached, opened for reading through its own
    // descriptor ("." is no symlink).
    ConfinedFd dir(::openat(current.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir.valid())
        return confinedErrnoError(errno, shown);
    return dir;
}

Result<ConfinedFd> ConfinedResolver::openEntry(int rootFd, const ConfinedPath &path,
                                               int flags) const
{
    if (m_openat2)
        return openat2Beneath(rootFd, path.joined(), flags, path.shown);
    auto parent = openParent(rootFd, path);
    if (!parent)
        return parent.error();
    const QByteArray name = path.name();
    // O_NOFOLLOW: a final symlink fails with ELOOP, decided by the kernel
    // on the entry as it is at the open.
    const int fd =
        ::openat(parent->get(), name.constData(), flags | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return errno == ELOOP ? resolverSymlinkRefused(path.shown)
                              : confinedErrnoError(errno, path.shown);
    return ConfinedFd(fd);
}

} // namespace hm::agent
