#pragma once

// The files an nginx change touches, kept as they were so that a refused
// change (nginx -t, or a reload, said no) is undone exactly: a file's
// bytes and permissions, a symlink's target, or its absence. New contents
// are written beside the old and renamed over it (QSaveFile), so nginx
// never reads half a file.

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QFileDevice>
#include <QString>

namespace hm::agent {

struct NginxFileBackup
{
    QString path;
    enum class Kind
    {
        Missing,
        File,
        Link
    } kind = Kind::Missing;
    QByteArray content; // Kind::File
    QFileDevice::Permissions permissions;
    QString linkTarget; // Kind::Link, as stored in the link
};

// Reads what is at `path` now (a file of at most `maxBytes`).
Result<NginxFileBackup> backUpNginxFile(const QString &path, qint64 maxBytes);
// Puts it back: the same bytes and permissions, the same link, or nothing.
Status restoreNginxFile(const NginxFileBackup &backup);

// Writes `content` to `path` atomically (existing permissions kept; new
// files 0644: nginx's workers may need to read them).
Status writeNginxFile(const QString &path, const QByteArray &content);
// A file's whole content, refused beyond `maxBytes` (PAYLOAD_TOO_LARGE).
Result<QByteArray> readNginxFile(const QString &path, qint64 maxBytes);

} // namespace hm::agent
