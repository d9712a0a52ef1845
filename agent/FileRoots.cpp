#include "agent/FileRoots.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

namespace hm::agent {

namespace {

Error fileRootError(const QString &code, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), QStringLiteral("files_root")},
                             {QStringLiteral("code"), code}}};
}

} // namespace

Result<FileRoot> parseFileRoot(const QString &spec)
{
    QString path = spec;
    bool readOnly = false;
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    if (colon >= 0) {
        const QString suffix = spec.mid(colon + 1);
        if (suffix != QLatin1String("ro"))
            return fileRootError(
                QStringLiteral("PATH_INVALID"),
                QStringLiteral(
                    "--files-root %1: only \":ro\" may follow the directory, not \":%2\"")
                    .arg(spec, suffix));
        path = spec.left(colon);
        readOnly = true;
    }
    if (path.isEmpty())
        return fileRootError(QStringLiteral("PATH_INVALID"),
                             QStringLiteral("--files-root needs a directory"));
    // Relative paths would depend on the directory the agent happens to be
    // started from.
    if (!QDir::isAbsolutePath(path))
        return fileRootError(
            QStringLiteral("PATH_INVALID"),
            QStringLiteral("--files-root %1: the directory must be an absolute path").arg(path));
    const QFileInfo info(path);
    if (!info.exists())
        return fileRootError(QStringLiteral("NOT_FOUND"),
                             QStringLiteral("--files-root %1: no such directory").arg(path));
    if (!info.isDir())
        return fileRootError(QStringLiteral("NOT_A_DIRECTORY"),
                             QStringLiteral("--files-root %1: not a directory").arg(path));
    const QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty())
        return fileRootError(
            QStringLiteral("NOT_FOUND"),
            QStringLiteral("--files-root %1: cannot resolve the directory").arg(path));
    return FileRoot{canonical, readOnly};
}

} // namespace hm::agent
