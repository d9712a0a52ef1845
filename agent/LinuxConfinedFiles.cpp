// ConfinedFiles on Linux: browsing and editing (uploads are in
// LinuxConfinedUploads.cpp). Every operation resolves its path with
// ConfinedResolver and then acts only through the descriptors it got:
// fstatat/openat/unlinkat/renameat on the resolved parent, never a path
// string.

#include "agent/LinuxConfinedFilesImpl.h"
#include "crypto/Random.h"

#include <QCryptographicHash>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <dirent.h>
#include <fcntl.h>
#include <functional>
#include <queue>
#include <unistd.h>

namespace hm::agent {

namespace {

// Recursive removal keeps one descriptor per level.
constexpr int kConfinedMaxRemoveDepth = 256;
constexpr qint64 kConfinedHashBlock = 64 * 1024;

ConfinedFileType confinedTypeOf(mode_t mode)
{
    if (S_ISREG(mode))
        return ConfinedFileType::File;
    if (S_ISDIR(mode))
        return ConfinedFileType::Directory;
    if (S_ISLNK(mode))
        return ConfinedFileType::Symlink;
    return ConfinedFileType::Other;
}

ConfinedFileEntry confinedEntryOf(const QByteArray &name, const struct stat &st)
{
    ConfinedFileEntry entry;
    entry.name = QString::fromUtf8(name);
    entry.type = confinedTypeOf(st.st_mode);
    entry.size = qint64(st.st_size);
    entry.mode = quint32(st.st_mode & 07777);
    entry.mtimeMs = qint64(st.st_mtim.tv_sec) * 1000 + qint64(st.st_mtim.tv_nsec) / 1000000;
    entry.nlink = qint64(st.st_nlink);
    return entry;
}

Error confinedNotRegular(const QString &shown)
{
    // The caller's choice of path, not a failure of the node: 422.
    return confinedFilesError(
        ErrorCode::ValidationError, "NOT_A_REGULAR_FILE",
        QStringLiteral("%1: not a regular file (a device, socket or FIFO)").arg(shown), shown);
}

Error confinedTooLarge(const QString &shown, qint64 limit)
{
    return confinedFilesError(ErrorCode::PayloadTooLarge, "TOO_LARGE",
                              QStringLiteral("%1: larger than the %2 bytes that can be edited here")
                                  .arg(shown)
                                  .arg(limit),
                              shown);
}

// Calls `each` with every name in `dirFd` but "." and "..", as readdir
// yields them. The stream reads a duplicate, so the caller's descriptor
// stays usable.
Status confinedForEachName(int dirFd, const QString &shown,
                           const std::function<void(QByteArray &&)> &each)
{
    const int dup = ::fcntl(dirFd, F_DUPFD_CLOEXEC, 0);
    if (dup < 0)
        return confinedErrnoError(errno, shown);
    DIR *dir = ::fdopendir(dup);
    if (!dir) {
        const int error = errno;
        ::close(dup);
        return confinedErrnoError(error, shown);
    }
    ::rewinddir(dir);
    errno = 0;
    while (const dirent *entry = ::readdir(dir)) {
        QByteArray name(entry->d_name);
        if (name != "." && name != "..")
            each(std::move(name));
        errno = 0;
    }
    const int error = errno;
    ::closedir(dir);
    if (error != 0)
        return confinedErrnoError(error, shown);
    return {};
}

Result<QList<QByteArray>> confinedReadNames(int dirFd, const QString &shown)
{
    QList<QByteArray> names;
    if (Status read = confinedForEachName(
            dirFd, shown, [&](QByteArray &&name) { names.append(std::move(name)); });
        !read)
        return read.error();
    return names;
}

// Empties and removes the directory `name` in `parentFd`. Each level is
// opened with O_NOFOLLOW | O_DIRECTORY relative to the one above, and
// entries are removed with unlinkat on that descriptor, so a symlink
// swapped in anywhere is removed itself, never followed.
Status confinedRemoveTree(int parentFd, const QByteArray &name, int depth, const QString &shown)
{
    ConfinedFd dir(
        ::openat(parentFd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir.valid()) {
        const int error = errno;
        if (error == ENOENT)
            return {};
        // No longer a directory (swapped meanwhile): remove the entry itself.
        if (error == ELOOP || error == ENOTDIR) {
            if (::unlinkat(parentFd, name.constData(), 0) != 0 && errno != ENOENT)
                return confinedErrnoError(errno, shown);
            return {};
        }
        return confinedErrnoError(error, shown);
    }
    if (depth > kConfinedMaxRemoveDepth)
        return confinedFilesError(ErrorCode::IoError, "IO_ERROR",
                                  QStringLiteral("%1: nested too deeply to remove").arg(shown),
                                  shown);
    auto names = confinedReadNames(dir.get(), shown);
    if (!names)
        return names.error();
    for (const QByteArray &child : *names) {
        struct stat st = {};
        if (::fstatat(dir.get(), child.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno == ENOENT)
                continue;
            return confinedErrnoError(errno, shown);
        }
        if (S_ISDIR(st.st_mode)) {
            if (Status removed = confinedRemoveTree(dir.get(), child, depth + 1, shown); !removed)
                return removed;
            continue;
        }
        if (::unlinkat(dir.get(), child.constData(), 0) != 0) {
            const int error = errno;
            if (error == ENOENT)
                continue;
            // A directory swapped in since the fstatat.
            if (error == EISDIR) {
                if (Status removed = confinedRemoveTree(dir.get(), child, depth + 1, shown);
                    !removed)
                    return removed;
                continue;
            }
            return confinedErrnoError(error, shown);
        }
    }
    if (::unlinkat(parentFd, name.constData(), AT_REMOVEDIR) != 0) {
        const int error = errno;
        if (error == ENOENT)
            return {};
        if (error == ENOTDIR) { // swapped for a file or symlink at the last moment
            if (::unlinkat(parentFd, name.constData(), 0) != 0 && errno != ENOENT)
                return confinedErrnoError(errno, shown);
            return {};
        }
        if (error == EEXIST)
            return confinedErrnoError(ENOTEMPTY, shown);
        return confinedErrnoError(error, shown);
    }
    return {};
}

Result<struct stat> confinedStatFd(int fd, const QString &shown)
{
    struct stat st = {};
    if (::fstat(fd, &st) != 0)
        return confinedErrnoError(errno, shown);
    return st;
}

} // namespace

// ---- shared helpers (LinuxConfinedFilesImpl.h) ----

Result<QString> confinedHashFd(int fd, qint64 maxBytes, const QString &shown, qint64 *bytes)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray block(kConfinedHashBlock, Qt::Uninitialized);
    qint64 offset = 0;
    for (;;) {
        const ssize_t got = ::pread(fd, block.data(), size_t(block.size()), off_t(offset));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return confinedErrnoError(errno, shown);
        }
        if (got == 0)
            break;
        offset += got;
        if (offset > maxBytes)
            return confinedFilesError(ErrorCode::PayloadTooLarge, "TOO_LARGE",
                                      QStringLiteral("%1: grew beyond %2 bytes while being read")
                                          .arg(shown)
                                          .arg(maxBytes),
                                      shown);
        hash.addData(QByteArrayView(block.constData(), qsizetype(got)));
    }
    if (bytes)
        *bytes = offset;
    return QString::fromLatin1(hash.result().toHex());
}

Result<QString> confinedContentVersion(int fd, const struct stat &st, qint64 editableLimit,
                                       const QString &shown)
{
    if (qint64(st.st_size) <= editableLimit)
        return confinedHashFd(fd, editableLimit, shown);
    return QStringLiteral("meta:%1:%2:%3:%4")
        .arg(qint64(st.st_size))
        .arg(qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec)
        .arg(qint64(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec)
        .arg(quint64(st.st_ino));
}

Status confinedCheckSingleLink(const struct stat &st, const QString &shown)
{
    // Another link to the same file may be a name outside the root (a hard
    // link can be made to any file on the same file system one can reach),
    // and nothing tells the names apart: reading it could disclose, writing
    // it could change, a file outside the root. Replacing it would leave the
    // other names with the old content, which nobody asked for either.
    if (S_ISREG(st.st_mode) && st.st_nlink > 1)
        return confinedFilesError(ErrorCode::Forbidden, "HARD_LINK_REFUSED",
                                  QStringLiteral("%1: has other hard links (possibly outside the "
                                                 "files root), so it is not read or written here")
                                      .arg(shown),
                                  shown);
    return {};
}

Status confinedCheckReplaceable(const struct stat &st, const QString &shown)
{
    if (S_ISLNK(st.st_mode))
        return confinedFilesError(ErrorCode::Forbidden, "SYMLINK_REFUSED",
                                  QStringLiteral("%1: is a symbolic link; writes replace the entry "
                                                 "and do not follow links")
                                      .arg(shown),
                                  shown);
    if (S_ISDIR(st.st_mode))
        return confinedErrnoError(EISDIR, shown);
    if (!S_ISREG(st.st_mode))
        return confinedNotRegular(shown);
    return confinedCheckSingleLink(st, shown);
}

Status confinedWriteAll(int fd, const QByteArray &bytes, qint64 offset, const QString &shown)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t wrote = ::pwrite(fd, bytes.constData() + done, size_t(bytes.size() - done),
                                       off_t(offset + done));
        if (wrote < 0) {
            if (errno == EINTR)
                continue;
            return confinedErrnoError(errno, shown);
        }
        done += wrote;
    }
    return {};
}

QString confinedRandomHex(int bytes)
{
    return QString::fromLatin1(crypto::randomBytes(bytes).toHex());
}

void confinedSyncDirectory(int dirFd)
{
    (void)::fsync(dirFd);
}

void confinedKeepAttributes(int fd, const struct stat &old)
{
    // Permission bits only: like a write by the kernel, an edit drops
    // set-user-ID and set-group-ID.
    (void)::fchmod(fd, old.st_mode & 0777);
    // Only root may give a file away; otherwise the new file keeps the
    // agent's user, which is all it can do.
    if (::fchown(fd, old.st_uid, old.st_gid) != 0) {
    }
}

Status confinedRenameNoReplace(int dirFd, const QByteArray &from, const QByteArray &to,
                               const QString &shown)
{
    if (::renameat2(dirFd, from.constData(), dirFd, to.constData(), RENAME_NOREPLACE) == 0)
        return {};
    if (errno != EINVAL)
        return confinedErrnoError(errno, shown);
    if (::linkat(dirFd, from.constData(), dirFd, to.constData(), 0) != 0)
        return confinedErrnoError(errno, shown);
    (void)::unlinkat(dirFd, from.constData(), 0);
    return {};
}

// ---- ConfinedFiles ----

ConfinedFiles::ConfinedFiles(QList<FileRoot> roots, ConfinedFilesLimits limits, Resolver resolver)
    : d(std::make_unique<Impl>(Impl{
          std::move(roots),
          limits,
          ConfinedResolver(resolver == Resolver::Automatic && ConfinedResolver::kernelHasOpenat2()),
          {}}))
{}

ConfinedFiles::~ConfinedFiles() = default;

bool ConfinedFiles::usesOpenat2() const
{
    return d->resolver.usesOpenat2();
}

const ConfinedFilesLimits &ConfinedFiles::limits() const
{
    return d->limits;
}

Result<ConfinedFiles::Impl::Target> ConfinedFiles::Impl::prepare(const QString &root,
                                                                 const QString &path,
                                                                 ConfinedPathUse use,
                                                                 bool write) const
{
    auto parsed = parseConfinedPath(path, use);
    if (!parsed)
        return parsed.error();
    const auto found = std::find_if(roots.cbegin(), roots.cend(), [&](const FileRoot &candidate) {
        return candidate.path == root;
    });
    if (found == roots.cend())
        return confinedFilesError(ErrorCode::ResourceNotFound, "UNKNOWN_ROOT",
                                  QStringLiteral("%1 is not a files root of this agent").arg(root));
    if (write && found->readOnly)
        return confinedFilesError(ErrorCode::Forbidden, "READ_ONLY_ROOT",
                                  QStringLiteral("the files root %1 is read-only").arg(root),
                                  parsed->shown);
    auto rootFd = ConfinedResolver::openRoot(*found);
    if (!rootFd)
        return rootFd.error();
    return Target{&*found, std::move(*rootFd), std::move(*parsed)};
}

Result<ConfinedFiles::Impl::OpenFile> ConfinedFiles::Impl::openRegular(const Target &target) const
{
    const QString &shown = target.path.shown;
    // O_NONBLOCK: opening a FIFO must not hang the worker; it is refused
    // below anyway.
    auto fd = resolver.openEntry(target.rootFd.get(), target.path, O_RDONLY | O_NONBLOCK);
    if (!fd)
        return fd.error();
    auto st = confinedStatFd(fd->get(), shown);
    if (!st)
        return st.error();
    if (S_ISDIR(st->st_mode))
        return confinedErrnoError(EISDIR, shown);
    if (!S_ISREG(st->st_mode))
        return confinedNotRegular(shown);
    if (Status single = confinedCheckSingleLink(*st, shown); !single)
        return single.error();
    return OpenFile{std::move(*fd), *st};
}

Result<ConfinedListing> ConfinedFiles::list(const QString &root, const QString &path)
{
    auto target = d->prepare(root, path, ConfinedPathUse::Directory, false);
    if (!target)
        return target.error();
    const QString &shown = target->path.shown;
    auto dir = d->resolver.openDirectory(target->rootFd.get(), target->path.components, shown);
    if (!dir)
        return dir.error();
    // The first maxListEntries names in order, kept in a bounded max-heap
    // while the directory is read, so that a huge directory costs no more
    // memory than the limit.
    const size_t limit = size_t(qMax(0, d->limits.maxListEntries));
    std::priority_queue<QByteArray> smallest;
    qint64 seen = 0;
    const Status read = confinedForEachName(dir->get(), shown, [&](QByteArray &&name) {
        ++seen;
        if (smallest.size() < limit) {
            smallest.push(std::move(name));
        } else if (limit > 0 && name < smallest.top()) {
            smallest.pop();
            smallest.push(std::move(name));
        }
    });
    if (!read)
        return read.error();
    ConfinedListing listing;
    listing.truncated = size_t(seen) > limit;
    QList<QByteArray> kept;
    kept.reserve(qsizetype(smallest.size()));
    while (!smallest.empty()) {
        kept.append(smallest.top());
        smallest.pop();
    }
    std::reverse(kept.begin(), kept.end());
    for (const QByteArray &name : kept) {
        struct stat st = {};
        if (::fstatat(dir->get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; // removed since it was read
        listing.entries.append(confinedEntryOf(name, st));
    }
    return listing;
}

Result<ConfinedFileEntry> ConfinedFiles::stat(const QString &root, const QString &path)
{
    auto target = d->prepare(root, path, ConfinedPathUse::Entry, false);
    if (!target)
        return target.error();
    const ConfinedPath &cpath = target->path;
    if (cpath.isRoot()) {
        auto st = confinedStatFd(target->rootFd.get(), cpath.shown);
        if (!st)
            return st.error();
        return confinedEntryOf(QByteArray(), *st);
    }
    auto parent = d->resolver.openParent(target->rootFd.get(), cpath);
    if (!parent)
        return parent.error();
    struct stat st = {};
    if (::fstatat(parent->get(), cpath.name().constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return confinedErrnoError(errno, cpath.shown);
    return confinedEntryOf(cpath.name(), st);
}

Result<ConfinedChunk> ConfinedFiles::read(const QString &root, const QString &path, qint64 offset,
                                          qint64 length)
{
    auto target = d->prepare(root, path, ConfinedPathUse::Entry, false);
    if (!target)
        return target.error();
    const QString &shown = target->path.shown;
    if (target->path.isRoot())
        return confinedErrnoError(EISDIR, shown);
    if (offset < 0 || length < 0)
        return confinedFilesError(ErrorCode::ValidationError, "BAD_OFFSET",
                                  QStringLiteral("offset and length cannot be negative"), shown);
    auto file = d->openRegular(*target);
    if (!file)
        return file.error();
    const int fd = file->fd.get();
    const qint64 size = qint64(file->st.st_size);
    if (offset > size)
        return confinedFilesError(ErrorCode::ValidationError, "BAD_OFFSET",
                                  QStringLiteral("%1: offset %2 is beyond the end (%3 bytes)")
                                      .arg(shown)
                                      .arg(offset)
                                      .arg(size),
                                  shown);
    const qint64 wanted = qMin(qMin(length, d->limits.maxReadChunk), size - offset);
    ConfinedChunk chunk;
    chunk.offset = offset;
    chunk.fileSize = size;
    chunk.data.resize(qsizetype(wanted));
    qint64 done = 0;
    while (done < wanted) {
        const ssize_t got =
            ::pread(fd, chunk.data.data() + done, size_t(wanted - done), off_t(offset + done));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return confinedErrnoError(errno, shown);
        }
        if (got == 0)
            break; // truncated meanwhile
        done += got;
    }
    chunk.data.truncate(qsizetype(done));
    auto version = confinedContentVersion(fd, file->st, d->limits.maxEditableSize, shown);
    if (!version)
        return version.error();
    chunk.version = *version;
    return chunk;
}

Result<std::unique_ptr<ConfinedReadFile>> ConfinedFiles::openForStreaming(const QString &root,
                                                                          const QString &path)
{
    auto target = d->prepare(root, path, ConfinedPathUse::Entry, false);
    if (!target)
        return target.error();
    const QString &shown = target->path.shown;
    if (target->path.isRoot())
        return confinedErrnoError(EISDIR, shown);
    auto opened = d->openRegular(*target);
    if (!opened)
        return opened.error();
    auto version =
        confinedContentVersion(opened->fd.get(), opened->st, d->limits.maxEditableSize, shown);
    if (!version)
        return version.error();
    auto file = std::make_unique<ConfinedReadFile>(opened->fd.release(), qint64(opened->st.st_size),
                                                   *version, shown);
    file->m_editableLimit = d->limits.maxEditableSize;
    return file;
}

ConfinedReadFile::ConfinedReadFile(int descriptor, qint64 size, QString version, QString shown)
    : m_fd(descriptor), m_size(size), m_version(std::move(version)), m_shown(std::move(shown))
{}

ConfinedReadFile::~ConfinedReadFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<QString> ConfinedReadFile::currentVersion() const
{
    auto st = confinedStatFd(m_fd, m_shown);
    if (!st)
        return st.error();
    return confinedContentVersion(m_fd, *st, m_editableLimit, m_shown);
}

Result<QString> ConfinedFiles::writeText(const QString &root, const QString &path,
                                         const QByteArray &bytes, const QString &expectedVersion)
{
    auto target = d->prepare(root, path, ConfinedPathUse::Entry, true);
    if (!target)
        return target.error();
    const QString &shown = target->path.shown;
    if (target->path.isRoot())
        return confinedErrnoError(EISDIR, shown);
    if (bytes.size() > d->limits.maxEditableSize)
        return confinedTooLarge(shown, d->limits.maxEditableSize);
    auto parent = d->resolver.openParent(target->rootFd.get(), target->path);
    if (!parent)
        return parent.error();
    const int dirFd = parent->get();
    const QByteArray name = target->path.name();

    // The file as it is now, through one descriptor: its version is
    // checked, and the same inode must still be the one replaced below.
    ConfinedFd old;
    struct stat oldSt = {};
    if (::fstatat(dirFd, name.constData(), &oldSt, AT_SYMLINK_NOFOLLOW) == 0) {
        if (Status replaceable = confinedCheckReplaceable(oldSt, shown); !replaceable)
            return replaceable.error();
        if (expectedVersion.isEmpty())
            return confinedErrnoError(EEXIST, shown);
        old.reset(::openat(dirFd, name.constData(),
                           O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
        if (!old.valid())
            return confinedErrnoError(errno, shown);
        auto st = confinedStatFd(old.get(), shown);
        if (!st)
            return st.error();
        oldSt = *st;
        if (Status replaceable = confinedCheckReplaceable(oldSt, shown); !replaceable)
            return replaceable.error();
        if (qint64(oldSt.st_size) > d->limits.maxEditableSize)
            return confinedTooLarge(shown, d->limits.maxEditableSize);
        auto current = confinedHashFd(old.get(), d->limits.maxEditableSize, shown);
        if (!current)
            return current.error();
        if (current->compare(expectedVersion, Qt::CaseInsensitive) != 0)
            return confinedFilesError(ErrorCode::Conflict, "CONFLICT",
                                      QStringLiteral("%1: changed since it was read; nothing was "
                                                     "written")
                                          .arg(shown),
                                      shown);
    } else if (errno != ENOENT) {
        return confinedErrnoError(errno, shown);
    } else if (!expectedVersion.isEmpty()) {
        return confinedFilesError(
            ErrorCode::Conflict, "CONFLICT",
            QStringLiteral("%1: removed since it was read; nothing was written").arg(shown), shown);
    }

    // The new content in a temporary file next to it, made durable before
    // it takes the name, so the name always holds one whole version.
    const QByteArray tempName = ".hm-edit-" + confinedRandomHex(8).toLatin1() + ".tmp";
    ConfinedFd temp(::openat(dirFd, tempName.constData(),
                             O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                             old.valid() ? 0600 : 0666));
    if (!temp.valid())
        return confinedErrnoError(errno, shown);
    const auto discardTemp = [&] { (void)::unlinkat(dirFd, tempName.constData(), 0); };
    if (Status wrote = confinedWriteAll(temp.get(), bytes, 0, shown); !wrote) {
        discardTemp();
        return wrote.error();
    }
    if (old.valid())
        confinedKeepAttributes(temp.get(), oldSt);
    if (::fsync(temp.get()) != 0) {
        const int error = errno;
        discardTemp();
        return confinedErrnoError(error, shown);
    }

    if (!old.valid()) {
        if (Status moved = confinedRenameNoReplace(dirFd, tempName, name, shown); !moved) {
            discardTemp();
            return moved.error();
        }
    } else {
        // Exchange, then make sure what left the name is the inode that was
        // checked: anything else (another writer's rename, a symlink or a
        // directory swapped in) is put back and reported as a conflict. An
        // in-place change of that inode since it was hashed shows in its
        // size or ctime (checked just before: the rename itself moves the
        // ctime).
        const auto sameInode = [&](const struct stat &now) {
            return now.st_dev == oldSt.st_dev && now.st_ino == oldSt.st_ino;
        };
        const Error conflict = confinedFilesError(
            ErrorCode::Conflict, "CONFLICT",
            QStringLiteral("%1: changed while being written; nothing was written").arg(shown),
            shown);
        struct stat fdNow = {};
        if (::fstat(old.get(), &fdNow) != 0 || fdNow.st_size != oldSt.st_size ||
            fdNow.st_ctim.tv_sec != oldSt.st_ctim.tv_sec ||
            fdNow.st_ctim.tv_nsec != oldSt.st_ctim.tv_nsec) {
            discardTemp();
            return conflict;
        }
        if (::renameat2(dirFd, tempName.constData(), dirFd, name.constData(), RENAME_EXCHANGE) ==
            0) {
            struct stat displaced = {};
            if (::fstatat(dirFd, tempName.constData(), &displaced, AT_SYMLINK_NOFOLLOW) != 0 ||
                !sameInode(displaced)) {
                (void)::renameat2(dirFd, tempName.constData(), dirFd, name.constData(),
                                  RENAME_EXCHANGE);
                discardTemp();
                return conflict;
            }
            discardTemp(); // now the old file
        } else if (errno == EINVAL) {
            // No RENAME_EXCHANGE on this file system: check, then rename.
            // The window between them only risks losing a concurrent edit;
            // rename replaces the entry and follows nothing.
            struct stat now = {};
            if (::fstatat(dirFd, name.constData(), &now, AT_SYMLINK_NOFOLLOW) != 0 ||
                !sameInode(now)) {
                discardTemp();
                return conflict;
            }
            if (::renameat(dirFd, tempName.constData(), dirFd, name.constData()) != 0) {
                const int error = errno;
                discardTemp();
                return confinedErrnoError(error, shown);
            }
        } else {
            const int error = errno;
            discardTemp();
            return confinedErrnoError(error, shown);
        }
    }
    confinedSyncDirectory(dirFd);
    return crypto::sha256Hex(bytes);
}

Status ConfinedFiles::makeDirectory(const QString &root, const QString &path)
{
    auto target = d->prepare(root, path, ConfinedPathUse::Directory, true);
    if (!target)
        return target.error();
    if (target->path.isRoot())
        return confinedErrnoError(EEXIST, target->path.shown);
    auto parent = d->resolver.openParent(target->rootFd.get(), target->path);
    if (!parent)
        return parent.error();
    if (::mkdirat(parent->get(), target->path.name().constData(), 0777) != 0)
        return confinedErrnoError(errno, target->path.shown);
    return {};
}

Status ConfinedFiles::rename(const QString &root, const QString &from, const QString &to)
{
    auto source = d->prepare(root, from, ConfinedPathUse::Entry, true);
    if (!source)
        return source.error();
    auto destination = d->prepare(root, to, ConfinedPathUse::Entry, true);
    if (!destination)
        return destination.error();
    if (source->path.isRoot() || destination->path.isRoot())
        return confinedFilesError(
            ErrorCode::ValidationError, "PATH_INVALID",
            QStringLiteral("the files root itself cannot be renamed or replaced"));
    auto fromParent = d->resolver.openParent(source->rootFd.get(), source->path);
    if (!fromParent)
        return fromParent.error();
    auto toParent = d->resolver.openParent(destination->rootFd.get(), destination->path);
    if (!toParent)
        return toParent.error();
    const QByteArray fromName = source->path.name();
    const QByteArray toName = destination->path.name();
    if (::renameat2(fromParent->get(), fromName.constData(), toParent->get(), toName.constData(),
                    RENAME_NOREPLACE) == 0)
        return {};
    if (errno != EINVAL)
        return confinedErrnoError(errno,
                                  errno == EEXIST ? destination->path.shown : source->path.shown);
    // EINVAL: a directory moved into itself, or a file system without
    // RENAME_NOREPLACE; for the latter, check and rename (the window only
    // risks replacing an entry created meanwhile, never leaving the root).
    struct stat st = {};
    if (::fstatat(toParent->get(), toName.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0)
        return confinedErrnoError(EEXIST, destination->path.shown);
    if (::renameat(fromParent->get(), fromName.constData(), toParent->get(), toName.constData()) !=
        0) {
        if (errno == EINVAL)
            return confinedFilesError(
                ErrorCode::ValidationError, "PATH_INVALID",
                QStringLiteral("%1 cannot be moved into itself").arg(source->path.shown),
                source->path.shown);
        return confinedErrnoError(errno, source->path.shown);
    }
    return {};
}

Status ConfinedFiles::remove(const QString &root, const QString &path, bool recursive)
{
    auto target = d->prepare(root, path, ConfinedPathUse::Entry, true);
    if (!target)
        return target.error();
    const QString &shown = target->path.shown;
    if (target->path.isRoot())
        return confinedFilesError(ErrorCode::ValidationError, "PATH_INVALID",
                                  QStringLiteral("the files root itself cannot be removed"), shown);
    auto parent = d->resolver.openParent(target->rootFd.get(), target->path);
    if (!parent)
        return parent.error();
    const QByteArray name = target->path.name();
    struct stat st = {};
    if (::fstatat(parent->get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return confinedErrnoError(errno, shown);
    if (!S_ISDIR(st.st_mode)) {
        // The entry itself: a symlink is removed, not its target.
        if (::unlinkat(parent->get(), name.constData(), 0) == 0)
            return {};
        if (errno != EISDIR)
            return confinedErrnoError(errno, shown);
    }
    if (recursive)
        return confinedRemoveTree(parent->get(), name, 0, shown);
    if (::unlinkat(parent->get(), name.constData(), AT_REMOVEDIR) != 0)
        return confinedErrnoError(errno == EEXIST ? ENOTEMPTY : errno, shown);
    return {};
}

} // namespace hm::agent
