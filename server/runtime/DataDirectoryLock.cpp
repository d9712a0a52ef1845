#include "server/runtime/DataDirectoryLock.h"

#include "common/Logging.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>

namespace hm::server {

DataDirectoryLock::DataDirectoryLock(QString dataDir) : m_dataDir(std::move(dataDir)) {}

DataDirectoryLock::~DataDirectoryLock()
{
    release();
}

QString DataDirectoryLock::lockFilePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("hivemind.lock"));
}

QString DataDirectoryLock::serverUrlFilePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("server-url"));
}

bool DataDirectoryLock::isHeld() const
{
    return m_lock && m_lock->isLocked();
}

Status DataDirectoryLock::acquire()
{
    if (isHeld())
        return {};
    const QString path = lockFilePath(m_dataDir);
    auto lock = std::make_unique<QLockFile>(path);
    // Only a dead holder makes the lock stale: a server runs for months, so
    // the age of the file must never count.
    lock->setStaleLockTime(0);
    const std::optional<Holder> previous = holder(m_dataDir);
    if (lock->tryLock(0)) {
        m_lock = std::move(lock);
        if (previous)
            qCInfo(lcServer).noquote() << "took over the lock of" << m_dataDir << "from process"
                                       << previous->pid << "that did not stop cleanly";
        // Left by a holder that was killed: it names an address nobody
        // listens on (or, worse, someone else does).
        QFile::remove(serverUrlFilePath(m_dataDir));
        return {};
    }

    switch (lock->error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString hostname;
        QString application;
        // Fails when the holder has created the file but not yet written it.
        lock->getLockInfo(&pid, &hostname, &application);
        QString who = pid > 0 ? QStringLiteral("pid %1").arg(pid) : QStringLiteral("pid unknown");
        if (!hostname.isEmpty())
            who += QStringLiteral(" on %1").arg(hostname);
        return Error{ErrorCode::DataDirInUse,
                     QStringLiteral("the data directory %1 is in use by another HiveMind server "
                                    "(%2); stop it, or give this one another --data-dir")
                         .arg(QDir::toNativeSeparators(m_dataDir), who),
                     QJsonObject{{QStringLiteral("data_dir"), m_dataDir},
                                 {QStringLiteral("pid"), pid},
                                 {QStringLiteral("hostname"), hostname}}};
    }
    case QLockFile::PermissionError:
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot create the lock file %1: permission denied")
                         .arg(QDir::toNativeSeparators(path))};
    default:
        return Error{
            ErrorCode::IoError,
            QStringLiteral("cannot create the lock file %1").arg(QDir::toNativeSeparators(path))};
    }
}

Status DataDirectoryLock::publishServerUrl(const QUrl &url)
{
    if (!isHeld())
        return Error{ErrorCode::InternalError,
                     QStringLiteral("the data directory lock is not held")};
    const QString path = serverUrlFilePath(m_dataDir);
    // Whole or not at all: a reader never sees half a URL.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    file.write(url.toString(QUrl::FullyEncoded).toUtf8() + '\n');
    if (!file.commit())
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

void DataDirectoryLock::release()
{
    if (!isHeld())
        return;
    // The URL first: once the lock is gone the next holder may publish its own.
    QFile::remove(serverUrlFilePath(m_dataDir));
    m_lock->unlock();
    m_lock.reset();
}

std::optional<DataDirectoryLock::Holder> DataDirectoryLock::holder(const QString &dataDir)
{
    const QLockFile lock(lockFilePath(dataDir));
    Holder holder;
    if (!lock.getLockInfo(&holder.pid, &holder.hostname, &holder.application))
        return std::nullopt;
    return holder;
}

QUrl DataDirectoryLock::publishedServerUrl(const QString &dataDir)
{
    QFile file(serverUrlFilePath(dataDir));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // One line; a URL is far below this limit.
    const QUrl url(QString::fromUtf8(file.read(4096).trimmed()), QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() ? url : QUrl();
}

} // namespace hm::server
