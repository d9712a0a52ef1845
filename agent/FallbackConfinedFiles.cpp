// ConfinedFiles where there is no implementation (everywhere but Linux):
// confinement relies on openat2/O_PATH/renameat2, so rather than a weaker
// imitation every request is refused.

#include "agent/ConfinedFiles.h"
#include "agent/ConfinedPath.h"

namespace hm::agent {

namespace {

Error fallbackConfinedUnsupported()
{
    return confinedFilesError(ErrorCode::IoError, "IO_ERROR",
                              QStringLiteral("file access is only available on Linux agents"));
}

} // namespace

struct ConfinedFiles::Impl
{
    ConfinedFilesLimits limits;
};

ConfinedFiles::ConfinedFiles(QList<FileRoot>, ConfinedFilesLimits limits, Resolver)
    : d(std::make_unique<Impl>(Impl{limits}))
{}

ConfinedFiles::~ConfinedFiles() = default;

bool ConfinedFiles::usesOpenat2() const
{
    return false;
}

const ConfinedFilesLimits &ConfinedFiles::limits() const
{
    return d->limits;
}

Result<ConfinedListing> ConfinedFiles::list(const QString &, const QString &)
{
    return fallbackConfinedUnsupported();
}

Result<ConfinedFileEntry> ConfinedFiles::stat(const QString &, const QString &)
{
    return fallbackConfinedUnsupported();
}

Result<ConfinedChunk> ConfinedFiles::read(const QString &, const QString &, qint64, qint64)
{
    return fallbackConfinedUnsupported();
}

Result<std::unique_ptr<ConfinedReadFile>> ConfinedFiles::openForStreaming(const QString &,
                                                                          const QString &)
{
    return fallbackConfinedUnsupported();
}

ConfinedReadFile::ConfinedReadFile(int descriptor, qint64 size, QString version, QString shown)
    : m_fd(descriptor), m_size(size), m_version(std::move(version)), m_shown(std::move(shown))
{}

ConfinedReadFile::~ConfinedReadFile() = default; // never opened here

Result<QString> ConfinedReadFile::currentVersion() const
{
    return fallbackConfinedUnsupported();
}

Result<QString> ConfinedFiles::writeText(const QString &, const QString &, const QByteArray &,
                                         const QString &)
{
    return fallbackConfinedUnsupported();
}

Status ConfinedFiles::makeDirectory(const QString &, const QString &)
{
    return fallbackConfinedUnsupported();
}

Status ConfinedFiles::rename(const QString &, const QString &, const QString &)
{
    return fallbackConfinedUnsupported();
}

Status ConfinedFiles::remove(const QString &, const QString &, bool)
{
    return fallbackConfinedUnsupported();
}

Result<QString> ConfinedFiles::beginUpload(const QString &, const QString &, qint64,
                                           const QString &, bool, const QString &)
{
    return fallbackConfinedUnsupported();
}

Result<qint64> ConfinedFiles::uploadChunk(const QString &, qint64, const QByteArray &)
{
    return fallbackConfinedUnsupported();
}

Result<ConfinedUploadStatus> ConfinedFiles::uploadStatus(const QString &) const
{
    return fallbackConfinedUnsupported();
}

Status ConfinedFiles::finishUpload(const QString &)
{
    return fallbackConfinedUnsupported();
}

Status ConfinedFiles::abortUpload(const QString &)
{
    return fallbackConfinedUnsupported();
}

} // namespace hm::agent
