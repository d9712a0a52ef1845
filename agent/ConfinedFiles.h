#pragma once

// File access for the "Files" capability, confined to the configured roots
// (--files-root). Every request names a root by its exact configured path
// and a path RELATIVE to it; nothing outside the roots is ever read,
// written, listed or removed, even while someone on the machine swaps
// directories and symlinks under the agent's feet.
//
// How (LinuxConfinedFiles.cpp): paths are checked as strings first (no
// "..", no "." components but a lone ".", no empty components, no control
// characters), then resolved by the kernel from a descriptor of the root:
// openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS) where the kernel has it,
// else a component-by-component walk with O_NOFOLLOW that refuses every
// symlink. Each operation then acts through the descriptors that resolution
// returned (…at() calls on the resolved parent), never through a path
// string again, so a symlink swapped in afterwards redirects nothing.
// Elsewhere than Linux (FallbackConfinedFiles.cpp) every call is refused.
//
// Choices worth knowing:
// - With openat2, symlinks are followed while they stay beneath the root;
//   an absolute symlink is refused even when it points into the root
//   (RESOLVE_BENEATH cannot tell). The walk refuses every symlink
//   (SYMLINK_REFUSED).
// - writeText and uploads replace the final entry (rename), so a final
//   symlink is refused for them in both modes rather than replaced.
// - A regular file with more than one hard link is not read, written or
//   replaced (HARD_LINK_REFUSED): another name may be outside the root.
// - Only regular files are read; a FIFO, socket or device is IO_ERROR
//   (opened non-blocking, so a FIFO cannot hang the worker).
// - A non-empty directory removed without `recursive` is CONFLICT.
// - Names are UTF-8; a name that is not valid UTF-8 is listed with
//   replacement characters and cannot be addressed.
// - The resolved descriptor is what is used: a directory moved out of the
//   root by someone else AFTER it was resolved is not noticed (nothing is
//   ever resolved through it again).
//
// Errors carry a catalogue ErrorCode and the precise reason in
// details["code"]: PATH_INVALID, UNKNOWN_ROOT, PATH_OUTSIDE_ROOT,
// SYMLINK_REFUSED, HARD_LINK_REFUSED, NOT_FOUND, NOT_A_DIRECTORY,
// IS_A_DIRECTORY, ALREADY_EXISTS, READ_ONLY_ROOT, CONFLICT, TOO_LARGE,
// CHECKSUM_MISMATCH, UPLOAD_NOT_FOUND, BAD_OFFSET, IO_ERROR. Messages are
// for people and never hold file contents.
//
// Synchronous; meant for a worker thread. Not thread-safe: call it from one
// thread at a time.

#include "agent/FileRoots.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>

namespace hm::agent {

struct ConfinedFilesLimits
{
    // read() returns at most this many bytes per call.
    qint64 maxReadChunk = 256 * 1024;
    // writeText() handles files up to this size, and read() versions them
    // by their SHA-256 up to it.
    qint64 maxEditableSize = 4 * 1024 * 1024;
    qint64 maxUploadSize = qint64(1) << 30;
    // list() returns at most this many entries (the first by name).
    int maxListEntries = 10000;
    // Uploads open at once in one object (each holds two descriptors).
    int maxOpenUploads = 32;
    // An upload untouched for this long gives up its place when a new one
    // needs it: its descriptors close, its partial file stays, and a
    // resume (the same id) opens it again. Abandoned uploads never block
    // the node's uploads for good.
    qint64 uploadIdleMs = 10 * 60 * 1000;
};

enum class ConfinedFileType
{
    File,
    Directory,
    Symlink,
    Other, // FIFO, socket, device
};

inline QString confinedFileTypeName(ConfinedFileType type)
{
    switch (type) {
    case ConfinedFileType::File:
        return QStringLiteral("file");
    case ConfinedFileType::Directory:
        return QStringLiteral("dir");
    case ConfinedFileType::Symlink:
        return QStringLiteral("symlink");
    case ConfinedFileType::Other:
        break;
    }
    return QStringLiteral("other");
}

struct ConfinedFileEntry
{
    QString name; // the last path component ("" for a root itself)
    ConfinedFileType type = ConfinedFileType::Other;
    qint64 size = 0;
    quint32 mode = 0;   // permission bits (st_mode & 07777)
    qint64 mtimeMs = 0; // ms since the epoch
    qint64 nlink = 0;
};

struct ConfinedListing
{
    QList<ConfinedFileEntry> entries; // sorted by name (byte order of UTF-8)
    bool truncated = false;           // more than maxListEntries entries existed
};

struct ConfinedChunk
{
    QByteArray data;
    qint64 offset = 0;
    qint64 fileSize = 0;
    // Changes whenever the content changes. Up to maxEditableSize: the hex
    // SHA-256 of the whole content (what writeText() expects back). Above:
    // "meta:<size>:<mtime ns>:<ctime ns>:<inode>", hashing a large file for
    // every chunk would cost too much; ctime cannot be set from user space
    // and moves on every write, so this still changes with the content.
    QString version;
};

// A regular file opened for a streamed read (FileStreams' data
// connections): resolved and checked as read() does, then kept open while
// its bytes go out, so nothing renamed or swapped in afterwards changes
// what is sent. Closes its descriptor.
class ConfinedReadFile
{
public:
    ConfinedReadFile(int descriptor, qint64 size, QString version, QString shown);
    ~ConfinedReadFile();
    ConfinedReadFile(const ConfinedReadFile &) = delete;
    ConfinedReadFile &operator=(const ConfinedReadFile &) = delete;

    int descriptor() const { return m_fd; }
    qint64 size() const { return m_size; }
    // As read() gives it (metadata for files above maxEditableSize).
    const QString &version() const { return m_version; }
    // The version now: it moves once the file is written to.
    Result<QString> currentVersion() const;
    // The path as errors show it.
    const QString &shown() const { return m_shown; }

private:
    int m_fd;
    qint64 m_size;
    QString m_version;
    QString m_shown;
    qint64 m_editableLimit = -1;
    friend class ConfinedFiles;
};

struct ConfinedUploadStatus
{
    QString id;
    qint64 received = 0;
    qint64 totalSize = 0;
};

class ConfinedFiles
{
public:
    enum class Resolver
    {
        // openat2 where the kernel has it (probed once per process), else
        // the walk.
        Automatic,
        // Always the component walk (tests; the behaviour of old kernels).
        ForceWalk,
    };

    explicit ConfinedFiles(QList<FileRoot> roots, ConfinedFilesLimits limits = {},
                           Resolver resolver = Resolver::Automatic);
    ~ConfinedFiles();
    ConfinedFiles(const ConfinedFiles &) = delete;
    ConfinedFiles &operator=(const ConfinedFiles &) = delete;

    // True when paths are resolved with openat2 (in-root symlinks are
    // followed), false for the walk (every symlink component refused).
    bool usesOpenat2() const;
    const ConfinedFilesLimits &limits() const;

    // A directory's entries; symlinks are listed as symlinks, never followed.
    Result<ConfinedListing> list(const QString &root, const QString &path);
    // One entry, the final component not followed (a symlink is reported as
    // one).
    Result<ConfinedFileEntry> stat(const QString &root, const QString &path);
    // Up to min(length, maxReadChunk) bytes from `offset` (offset == size
    // gives none; beyond it is BAD_OFFSET).
    Result<ConfinedChunk> read(const QString &root, const QString &path, qint64 offset,
                               qint64 length);
    // The file read() would read, opened for a stream of its bytes; the
    // same refusals as read() (offset 0).
    Result<std::unique_ptr<ConfinedReadFile>> openForStreaming(const QString &root,
                                                               const QString &path);
    // Replaces the content atomically (temp file, fsync, rename), keeping
    // the permission bits. expectedVersion: the version read() returned,
    // CONFLICT (and nothing written) if the file changed since; empty means
    // create, ALREADY_EXISTS if it exists. Returns the new version.
    Result<QString> writeText(const QString &root, const QString &path, const QByteArray &bytes,
                              const QString &expectedVersion);
    // One directory (its parent must exist).
    Status makeDirectory(const QString &root, const QString &path);
    // Within one root; never replaces an existing target (ALREADY_EXISTS).
    Status rename(const QString &root, const QString &from, const QString &to);
    // A symlink is removed itself. A directory only when empty unless
    // `recursive` (CONFLICT otherwise).
    Status remove(const QString &root, const QString &path, bool recursive);

    // Resumable chunked upload to `path`. Returns the upload's id (32 hex
    // digits). totalSize above maxUploadSize is TOO_LARGE; a sha256Hex that
    // is not 64 hex digits is CHECKSUM_MISMATCH (ValidationError). To
    // resume after the agent restarted (this object recreated), call it
    // again with the same arguments and `resumeId`: the partial file
    // (".hm-upload-<id>.part" next to the target) is reopened and
    // uploadStatus() tells how much of it arrived.
    Result<QString> beginUpload(const QString &root, const QString &path, qint64 totalSize,
                                const QString &sha256Hex, bool overwrite,
                                const QString &resumeId = {});
    // Appends `bytes` at `offset`, which must be the bytes received so far.
    // A chunk that was already received (within what arrived and equal to
    // it: a retry after a lost answer) is accepted as a no-op. Returns the
    // bytes received.
    Result<qint64> uploadChunk(const QString &id, qint64 offset, const QByteArray &bytes);
    Result<ConfinedUploadStatus> uploadStatus(const QString &id) const;
    // Checks size and SHA-256, then renames the partial file into place.
    // A checksum mismatch discards the upload.
    Status finishUpload(const QString &id);
    // Discards the upload and its partial file. A partial file whose upload
    // is never resumed nor aborted stays (hidden) in the target directory.
    Status abortUpload(const QString &id);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hm::agent
