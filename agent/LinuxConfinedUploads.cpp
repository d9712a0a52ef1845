// ConfinedFiles on Linux: resumable chunked uploads. The partial file is
// ".hm-upload-<id>.part" in the target's directory, created and reopened
// through the resolved parent's descriptor with O_NOFOLLOW; finishing
// checks size and SHA-256 and renames it over the target name in that
// same directory. Its name follows from the id alone, so an upload
// survives an agent restart: beginUpload(..., resumeId) reopens it.

#include "agent/LinuxConfinedFilesImpl.h"

#include <QRegularExpression>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace hm::agent {

namespace {

constexpr int kUploadIdBytes = 16;

bool uploadIdWellFormed(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{32}$"));
    return pattern.match(id).hasMatch();
}

bool uploadShaWellFormed(const QString &sha)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-fA-F]{64}$"));
    return pattern.match(sha).hasMatch();
}

QByteArray uploadPartName(const QString &id)
{
    return ".hm-upload-" + id.toLatin1() + ".part";
}

Error uploadNotFound(const QString &id)
{
    return confinedFilesError(ErrorCode::ResourceNotFound, "UPLOAD_NOT_FOUND",
                              uploadIdWellFormed(id)
                                  ? QStringLiteral("no upload %1 in progress").arg(id)
                                  : QStringLiteral("not an upload id"));
}

Error uploadBadOffset(const ConfinedUpload &upload, const QString &why)
{
    return confinedFilesError(ErrorCode::ValidationError, "BAD_OFFSET",
                              QStringLiteral("%1: %2").arg(upload.path, why), upload.path);
}

// The target name as it is now: absent, or something a finished upload
// may replace (only with overwrite).
Status uploadCheckTarget(int dirFd, const QByteArray &name, bool overwrite, const QString &shown,
                         struct stat *existing = nullptr)
{
    struct stat st = {};
    if (::fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT)
            return {};
        return confinedErrnoError(errno, shown);
    }
    if (Status replaceable = confinedCheckReplaceable(st, shown); !replaceable)
        return replaceable;
    if (!overwrite)
        return confinedErrnoError(EEXIST, shown);
    if (existing)
        *existing = st;
    return {};
}

} // namespace

Result<QString> ConfinedFiles::beginUpload(const QString &root, const QString &path,
                                           qint64 totalSize, const QString &sha256Hex,
                                           bool overwrite, const QString &resumeId)
{
    auto target = d->prepare(root, path, ConfinedPathUse::Entry, true);
    if (!target)
        return target.error();
    const QString &shown = target->path.shown;
    if (target->path.isRoot())
        return confinedErrnoError(EISDIR, shown);
    if (totalSize < 0)
        return confinedFilesError(ErrorCode::ValidationError, "BAD_OFFSET",
                                  QStringLiteral("the upload's size cannot be negative"), shown);
    if (totalSize > d->limits.maxUploadSize)
        return confinedFilesError(
            ErrorCode::PayloadTooLarge, "TOO_LARGE",
            QStringLiteral("%1: %2 bytes is more than the %3 an upload may have")
                .arg(shown)
                .arg(totalSize)
                .arg(d->limits.maxUploadSize),
            shown);
    // No code of its own in the wire list: a checksum that cannot match.
    if (!uploadShaWellFormed(sha256Hex))
        return confinedFilesError(ErrorCode::ValidationError, "CHECKSUM_MISMATCH",
                                  QStringLiteral("the upload's SHA-256 must be 64 hex digits"),
                                  shown);
    const QString sha = sha256Hex.toLower();
    if (!resumeId.isEmpty()) {
        if (!uploadIdWellFormed(resumeId))
            return uploadNotFound(resumeId);
        if (const auto open = d->uploads.find(resumeId); open != d->uploads.end()) {
            const ConfinedUpload &upload = *open->second;
            if (upload.root != root || upload.path != path || upload.totalSize != totalSize ||
                upload.sha256 != sha || upload.overwrite != overwrite)
                return confinedFilesError(
                    ErrorCode::Conflict, "CONFLICT",
                    QStringLiteral("upload %1 was begun for another file, size "
                                   "or checksum")
                        .arg(resumeId),
                    shown);
            open->second->idle.start();
            return resumeId;
        }
    }
    if (qsizetype(d->uploads.size()) >= d->limits.maxOpenUploads) {
        // The longest idle one past the idle limit makes room (its part
        // file stays for a resume).
        auto stalest = d->uploads.end();
        for (auto it = d->uploads.begin(); it != d->uploads.end(); ++it)
            if (it->second->idle.hasExpired(d->limits.uploadIdleMs) &&
                (stalest == d->uploads.end() ||
                 it->second->idle.elapsed() > stalest->second->idle.elapsed()))
                stalest = it;
        if (stalest != d->uploads.end())
            d->uploads.erase(stalest);
    }
    if (qsizetype(d->uploads.size()) >= d->limits.maxOpenUploads)
        return confinedFilesError(
            ErrorCode::Conflict, "TOO_MANY_UPLOADS",
            QStringLiteral("too many uploads in progress (%1); finish or abort "
                           "one first, or wait until one has been idle for %2 minutes")
                .arg(d->limits.maxOpenUploads)
                .arg(d->limits.uploadIdleMs / 60000),
            shown);

    auto parent = d->resolver.openParent(target->rootFd.get(), target->path);
    if (!parent)
        return parent.error();
    const QByteArray name = target->path.name();
    if (Status targetFree = uploadCheckTarget(parent->get(), name, overwrite, shown); !targetFree)
        return targetFree.error();

    auto upload = std::make_unique<ConfinedUpload>();
    upload->id = resumeId.isEmpty() ? confinedRandomHex(kUploadIdBytes) : resumeId;
    upload->root = root;
    upload->path = path;
    upload->totalSize = totalSize;
    upload->sha256 = sha;
    upload->overwrite = overwrite;
    upload->partName = uploadPartName(upload->id);
    upload->targetName = name;
    if (resumeId.isEmpty()) {
        upload->part.reset(::openat(parent->get(), upload->partName.constData(),
                                    O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
        if (!upload->part.valid())
            return confinedErrnoError(errno, shown);
    } else {
        upload->part.reset(::openat(parent->get(), upload->partName.constData(),
                                    O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
        if (!upload->part.valid()) {
            if (errno == ENOENT)
                return uploadNotFound(resumeId);
            if (errno == ELOOP)
                return confinedFilesError(
                    ErrorCode::Forbidden, "SYMLINK_REFUSED",
                    QStringLiteral("upload %1's partial file is a symbolic link").arg(resumeId),
                    shown);
            return confinedErrnoError(errno, shown);
        }
        struct stat st = {};
        if (::fstat(upload->part.get(), &st) != 0)
            return confinedErrnoError(errno, shown);
        if (Status replaceable = confinedCheckReplaceable(st, shown); !replaceable)
            return replaceable.error();
        if (qint64(st.st_size) > totalSize)
            return uploadBadOffset(*upload, QStringLiteral("the partial file is larger than the "
                                                           "upload; abort it and start again"));
        upload->received = qint64(st.st_size);
    }
    upload->parent = std::move(*parent);
    upload->idle.start();
    const QString id = upload->id;
    d->uploads.emplace(id, std::move(upload));
    return id;
}

Result<qint64> ConfinedFiles::uploadChunk(const QString &id, qint64 offset, const QByteArray &bytes)
{
    const auto found = d->uploads.find(id);
    if (found == d->uploads.end())
        return uploadNotFound(id);
    ConfinedUpload &upload = *found->second;
    upload.idle.start();
    const qint64 size = bytes.size();
    if (offset == upload.received) {
        if (upload.received + size > upload.totalSize)
            return confinedFilesError(
                ErrorCode::PayloadTooLarge, "TOO_LARGE",
                QStringLiteral("%1: the chunk goes beyond the upload's %2 bytes")
                    .arg(upload.path)
                    .arg(upload.totalSize),
                upload.path);
        if (Status wrote = confinedWriteAll(upload.part.get(), bytes, offset, upload.path);
            !wrote) {
            // Keep "size of the partial file == bytes received" true, as a
            // resume after a restart relies on it.
            if (::ftruncate(upload.part.get(), off_t(upload.received)) != 0) {
                // Then the size no longer matches and a resume would see
                // BAD_OFFSET; nothing better is left to do here.
            }
            return wrote.error();
        }
        upload.received += size;
        return upload.received;
    }
    // A chunk sent again (its answer was lost): harmless if it is what
    // arrived the first time.
    if (offset >= 0 && offset < upload.received && size <= upload.received - offset) {
        QByteArray stored(qsizetype(size), Qt::Uninitialized);
        qint64 done = 0;
        while (done < size) {
            const ssize_t got = ::pread(upload.part.get(), stored.data() + done,
                                        size_t(size - done), off_t(offset + done));
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                break;
            done += got;
        }
        if (done == size && stored == bytes)
            return upload.received;
        return uploadBadOffset(upload,
                               QStringLiteral("the chunk at %1 differs from the one received "
                                              "before")
                                   .arg(offset));
    }
    return uploadBadOffset(
        upload,
        QStringLiteral("expected the chunk at offset %1, not %2").arg(upload.received).arg(offset));
}

Result<ConfinedUploadStatus> ConfinedFiles::uploadStatus(const QString &id) const
{
    const auto found = d->uploads.find(id);
    if (found == d->uploads.end())
        return uploadNotFound(id);
    const ConfinedUpload &upload = *found->second;
    return ConfinedUploadStatus{upload.id, upload.received, upload.totalSize};
}

Status ConfinedFiles::finishUpload(const QString &id)
{
    const auto found = d->uploads.find(id);
    if (found == d->uploads.end())
        return uploadNotFound(id);
    ConfinedUpload &upload = *found->second;
    const QString shown = upload.path; // a copy: a refusal below drops the upload first
    const int dirFd = upload.parent.get();
    if (upload.totalSize > d->limits.maxUploadSize)
        return confinedFilesError(ErrorCode::PayloadTooLarge, "TOO_LARGE",
                                  QStringLiteral("%1: larger than the %2 bytes an upload may have")
                                      .arg(shown)
                                      .arg(d->limits.maxUploadSize),
                                  shown);
    if (upload.received != upload.totalSize)
        return uploadBadOffset(
            upload,
            QStringLiteral("received %1 of %2 bytes").arg(upload.received).arg(upload.totalSize));
    qint64 hashed = 0;
    auto sha = confinedHashFd(upload.part.get(), upload.totalSize, shown, &hashed);
    if (!sha || hashed != upload.totalSize || *sha != upload.sha256) {
        // Bad data cannot be repaired by resuming: the upload is dropped.
        (void)::unlinkat(dirFd, upload.partName.constData(), 0);
        d->uploads.erase(found);
        return confinedFilesError(ErrorCode::ValidationError, "CHECKSUM_MISMATCH",
                                  QStringLiteral("%1: the uploaded bytes do not match the SHA-256 "
                                                 "given; the upload was discarded")
                                      .arg(shown),
                                  shown);
    }
    if (::fsync(upload.part.get()) != 0)
        return confinedErrnoError(errno, shown);

    struct stat existing = {};
    existing.st_nlink = 0;
    if (Status targetFree =
            uploadCheckTarget(dirFd, upload.targetName, upload.overwrite, shown, &existing);
        !targetFree)
        return targetFree;
    if (existing.st_nlink > 0) {
        confinedKeepAttributes(upload.part.get(), existing);
        // Replaces the entry, whatever it has become since the check: a
        // rename follows nothing.
        if (::renameat(dirFd, upload.partName.constData(), dirFd, upload.targetName.constData()) !=
            0)
            return confinedErrnoError(errno, shown);
    } else if (Status moved =
                   confinedRenameNoReplace(dirFd, upload.partName, upload.targetName, shown);
               !moved) {
        return moved;
    }
    confinedSyncDirectory(dirFd);
    d->uploads.erase(found);
    return {};
}

Status ConfinedFiles::abortUpload(const QString &id)
{
    const auto found = d->uploads.find(id);
    if (found == d->uploads.end())
        return uploadNotFound(id);
    const ConfinedUpload &upload = *found->second;
    if (::unlinkat(upload.parent.get(), upload.partName.constData(), 0) != 0 && errno != ENOENT)
        return confinedErrnoError(errno, upload.path);
    d->uploads.erase(found);
    return {};
}

} // namespace hm::agent
