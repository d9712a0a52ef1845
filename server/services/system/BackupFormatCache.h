#pragma once

// What BackupService::json says of a backup file's format ("zstd" or
// "zlib", docs/backup.md "File format"), remembered per backup id while the
// file's size and modification time stay the same: listing a page of
// backups stats each file instead of opening it and reading its header
// (issue 37; the listing runs on the HTTP thread). A file written again
// under the same id (an upload replacing a failed one, a restore) has
// another mtime or size, so its header is read again.

#include <QHash>
#include <QMutex>
#include <QString>

namespace hm::server::backup {

class FormatCache
{
public:
    // compressionName(path) for backup `id`, from memory while the file is
    // unchanged; empty (and nothing remembered) when it cannot be read.
    QString compression(const QString &id, const QString &path);
    // Drops what is known of `id` (its file was deleted).
    void forget(const QString &id);
    // How many headers were read since construction (tests).
    int headerReads() const;

private:
    struct Entry
    {
        qint64 size = -1;
        qint64 mtimeMs = 0;
        QString compression;
    };

    mutable QMutex m_mutex; // json() is called from the HTTP and worker threads
    QHash<QString, Entry> m_entries;
    int m_headerReads = 0;
};

} // namespace hm::server::backup
