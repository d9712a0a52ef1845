#pragma once

#include "common/Result.h"

#include <QString>
#include <QUrl>
#include <memory>
#include <optional>

class QLockFile;

namespace hm::server {

// One server per data directory. A second server on a directory in use
// would run crash recovery on the first one's running executions (marking
// them failed while they still run) and run its queued requests again, so
// ServerRuntime holds DATA_DIR/hivemind.lock for its whole life, from before
// the master key or the database is touched until after the store is closed.
//
// QLockFile does the portable work: an O_EXCL file holding the owner's pid,
// host and boot id, flock()ed on Unix and kept open without delete sharing
// on Windows. A lock left behind by a dead process on this host (or from
// before a reboot) is taken over; a live holder is never timed out.
//
// The holder also publishes the URL it listens on in DATA_DIR/server-url,
// so a console that finds the directory taken can connect to it instead.
class DataDirectoryLock
{
public:
    // The process named in a lock file.
    struct Holder
    {
        qint64 pid = 0;
        QString hostname;
        QString application; // executable name
    };

    explicit DataDirectoryLock(QString dataDir);
    ~DataDirectoryLock(); // release()
    DataDirectoryLock(const DataDirectoryLock &) = delete;
    DataDirectoryLock &operator=(const DataDirectoryLock &) = delete;

    // Takes the lock without waiting; the directory must exist. A live
    // holder makes it DATA_DIR_IN_USE, naming the directory and the holder's
    // pid (details: data_dir, pid, hostname). Removes a server-url file left
    // by a holder that died.
    Status acquire();
    bool isHeld() const;
    // Writes `url` to DATA_DIR/server-url; only while the lock is held.
    Status publishServerUrl(const QUrl &url);
    // Removes the server-url file, then the lock. Idempotent.
    void release();

    static QString lockFilePath(const QString &dataDir);
    static QString serverUrlFilePath(const QString &dataDir);
    // Who the lock file of dataDir names; std::nullopt when there is none.
    // After acquire() failed with DATA_DIR_IN_USE that process is alive.
    static std::optional<Holder> holder(const QString &dataDir);
    // The URL the holder of dataDir published; empty when there is none
    // (no holder, or it is still starting).
    static QUrl publishedServerUrl(const QString &dataDir);

private:
    QString m_dataDir;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace hm::server
