#include "server/services/system/BackupFormatCache.h"

#include "server/services/system/BackupFile.h"

#include <QDateTime>
#include <QFileInfo>
#include <QMutexLocker>

namespace hm::server::backup {

QString FormatCache::compression(const QString &id, const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile()) {
        forget(id);
        return {};
    }
    const qint64 size = info.size();
    const qint64 mtimeMs = info.lastModified().toMSecsSinceEpoch();
    {
        QMutexLocker lock(&m_mutex);
        const auto known = m_entries.constFind(id);
        if (known != m_entries.cend() && known->size == size && known->mtimeMs == mtimeMs)
            return known->compression;
    }
    // Read outside the lock: another thread's listing does not wait on
    // this file.
    const QString name = compressionName(path);
    QMutexLocker lock(&m_mutex);
    ++m_headerReads;
    if (name.isEmpty())
        m_entries.remove(id);
    else
        m_entries.insert(id, Entry{size, mtimeMs, name});
    return name;
}

void FormatCache::forget(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    m_entries.remove(id);
}

int FormatCache::headerReads() const
{
    QMutexLocker lock(&m_mutex);
    return m_headerReads;
}

} // namespace hm::server::backup
