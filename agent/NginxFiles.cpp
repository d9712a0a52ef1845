#include "agent/NginxFiles.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>
#include <unistd.h>

namespace hm::agent {

namespace {

Error nginxFileError(const QString &path, const QString &what)
{
    return Error{ErrorCode::IoError, QStringLiteral("%1: %2").arg(path, what),
                 QJsonObject{{QStringLiteral("path"), path}}};
}

} // namespace

Result<QByteArray> readNginxFile(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!QFileInfo::exists(path))
            return Error{ErrorCode::ResourceNotFound,
                         QStringLiteral("%1 does not exist").arg(path)};
        return nginxFileError(path, file.errorString());
    }
    if (file.size() > maxBytes)
        return Error{ErrorCode::PayloadTooLarge,
                     QStringLiteral("%1 is larger than %2 KiB").arg(path).arg(maxBytes / 1024)};
    QByteArray content = file.read(maxBytes + 1);
    if (content.size() > maxBytes)
        return Error{ErrorCode::PayloadTooLarge,
                     QStringLiteral("%1 is larger than %2 KiB").arg(path).arg(maxBytes / 1024)};
    return content;
}

Status writeNginxFile(const QString &path, const QByteArray &content)
{
    const bool existed = QFileInfo::exists(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return nginxFileError(path, file.errorString());
    if (file.write(content) != content.size())
        return nginxFileError(path, file.errorString());
    if (!existed)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                            QFileDevice::ReadGroup | QFileDevice::ReadOther);
    if (!file.commit())
        return nginxFileError(path, file.errorString());
    return {};
}

Result<NginxFileBackup> backUpNginxFile(const QString &path, qint64 maxBytes)
{
    NginxFileBackup backup;
    backup.path = path;
    const QFileInfo info(path);
    if (info.isSymLink()) {
        backup.kind = NginxFileBackup::Kind::Link;
        // The link's own text (QFileInfo would make it absolute).
        const QByteArray raw = QFile::encodeName(path);
        QByteArray target(4096, Qt::Uninitialized);
        const ssize_t length = ::readlink(raw.constData(), target.data(), target.size());
        if (length < 0)
            return nginxFileError(path, QStringLiteral("cannot read the link"));
        backup.linkTarget = QFile::decodeName(target.left(length));
        return backup;
    }
    if (!info.exists())
        return backup;
    auto content = readNginxFile(path, maxBytes);
    if (!content)
        return content.error();
    backup.kind = NginxFileBackup::Kind::File;
    backup.content = std::move(content.value());
    backup.permissions = info.permissions();
    return backup;
}

Status restoreNginxFile(const NginxFileBackup &backup)
{
    const QFileInfo now(backup.path);
    switch (backup.kind) {
    case NginxFileBackup::Kind::Missing:
        if ((now.exists() || now.isSymLink()) && !QFile::remove(backup.path))
            return nginxFileError(backup.path, QStringLiteral("cannot remove"));
        return {};
    case NginxFileBackup::Kind::Link:
        if ((now.exists() || now.isSymLink()) && !QFile::remove(backup.path))
            return nginxFileError(backup.path, QStringLiteral("cannot remove"));
        if (::symlink(QFile::encodeName(backup.linkTarget).constData(),
                      QFile::encodeName(backup.path).constData()) != 0)
            return nginxFileError(backup.path, QStringLiteral("cannot restore the link"));
        return {};
    case NginxFileBackup::Kind::File:
        // A link put where the file was would be written through: gone first.
        if (now.isSymLink() && !QFile::remove(backup.path))
            return nginxFileError(backup.path, QStringLiteral("cannot remove"));
        if (Status written = writeNginxFile(backup.path, backup.content); !written)
            return written;
        QFile::setPermissions(backup.path, backup.permissions);
        return {};
    }
    return {};
}

} // namespace hm::agent
