#pragma once

// ConfinedFiles' state on Linux and the pieces its two source files share
// (LinuxConfinedFiles.cpp: browsing and editing; LinuxConfinedUploads.cpp:
// chunked uploads).

#include "agent/ConfinedFiles.h"
#include "agent/LinuxConfinedResolver.h"

#include <QElapsedTimer>
#include <map>
#include <memory>
#include <sys/stat.h>

namespace hm::agent {

// One upload in progress. The parent directory's descriptor is kept, so
// finishing renames into the directory resolved at the start, whatever
// happens to the path meanwhile.
struct ConfinedUpload
{
    QString id;
    QString root;
    QString path;
    qint64 totalSize = 0;
    QString sha256; // lower-case hex
    bool overwrite = false;
    ConfinedFd parent;
    ConfinedFd part;
    QByteArray partName;
    QByteArray targetName;
    qint64 received = 0;
    QElapsedTimer idle; // since it was begun, resumed or last written to
};

struct ConfinedFiles::Impl
{
    QList<FileRoot> roots;
    ConfinedFilesLimits limits;
    ConfinedResolver resolver;
    std::map<QString, std::unique_ptr<ConfinedUpload>> uploads;

    struct Target
    {
        const FileRoot *root = nullptr;
        ConfinedFd rootFd;
        ConfinedPath path;
    };
    // The checks every request starts with, in this order: the path's form,
    // the root's name, a write on a read-only root; then the root opened.
    Result<Target> prepare(const QString &root, const QString &path, ConfinedPathUse use,
                           bool write) const;

    // A target that must be a regular file with a single link, opened for
    // reading: read() and openForStreaming() refuse the same entries with
    // the same errors, in the same order.
    struct OpenFile
    {
        ConfinedFd fd;
        struct stat st = {};
    };
    Result<OpenFile> openRegular(const Target &target) const;
};

// SHA-256 (lower-case hex) of what `fd` holds from offset 0 to its end;
// IO_ERROR if more than `maxBytes` are there. *bytes: how many were hashed.
Result<QString> confinedHashFd(int fd, qint64 maxBytes, const QString &shown,
                               qint64 *bytes = nullptr);
// The version read() reports (see ConfinedChunk::version).
Result<QString> confinedContentVersion(int fd, const struct stat &st, qint64 editableLimit,
                                       const QString &shown);
// An existing entry a write would replace: refused unless a regular file
// with a single link (SYMLINK_REFUSED, IS_A_DIRECTORY, IO_ERROR,
// HARD_LINK_REFUSED).
Status confinedCheckReplaceable(const struct stat &st, const QString &shown);
// Refuses a regular file with more than one link (HARD_LINK_REFUSED).
Status confinedCheckSingleLink(const struct stat &st, const QString &shown);
Status confinedWriteAll(int fd, const QByteArray &bytes, qint64 offset, const QString &shown);
// Random lower-case hex for upload ids and temporary names.
QString confinedRandomHex(int bytes);
// Makes a rename in the directory durable; best effort (some file systems
// refuse fsync on a directory).
void confinedSyncDirectory(int dirFd);
// Gives a file that replaces another the old one's permission bits and,
// where allowed, its owner.
void confinedKeepAttributes(int fd, const struct stat &old);
// Moves `from` to `to` in one directory without replacing anything:
// renameat2(RENAME_NOREPLACE), or, where the file system lacks it, a link
// and an unlink (atomic as well, files only).
Status confinedRenameNoReplace(int dirFd, const QByteArray &from, const QByteArray &to,
                               const QString &shown);

} // namespace hm::agent
