#pragma once

// Backups and restore (issue 37 item 1; docs/backup.md): consistent online
// snapshots of the database plus the files of the data directory that live
// outside it, compressed and encrypted under the BACKUP DEK (BackupFile.h),
// listed in the backups table; download, upload, restore (staged, applied
// at the next start) and scheduled backups with retention.
//
// Slow work (the snapshot copy, compression, encryption, hashing, reading
// and writing files) runs on worker threads; rows, audit entries and the
// /ws/events messages are written on the server thread.

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "server/repositories/BackupRepository.h"
#include "server/services/auth/TokenService.h"
#include "server/services/system/BackupFormatCache.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <memory>

class QThread;

namespace hm::crypto {
class EnvelopeCipher;
}
namespace hm::store {
class Database;
}

namespace hm::server {

class BackupTransfers;
class FlowEngineHost;
namespace auth {
class AccountEvents;
}

class BackupService : public QObject
{
    Q_OBJECT
public:
    // Data-directory entries (files or directories) a backup holds beside
    // the database. To back up a new file kept outside the database, add
    // its path here (relative to the data dir); a restore puts it back.
    // Never master.key: a backup must be useless without the master key.
    static const QStringList &dataDirEntries();

    BackupService(store::Database &db, crypto::EnvelopeCipher &envelope, FlowEngineHost &engine,
                  auth::AccountEvents &events, QString dataDir, QString databasePath,
                  crypto::SecureBytes databaseKey, crypto::SecureBytes dekWrappingKey);
    // Waits for the workers.
    ~BackupService() override;

    // Rows from the files (a restored database lists the backups of its
    // own past), the audit entry of a restore applied at this start, and
    // the schedule.
    void start();

    struct CreateRequest
    {
        QString name;
        QString description;
        bool includeLogs = false;
    };
    // Takes the snapshot now (the answer's snapshot_at) and writes the
    // file on a worker; progress, completion and failure go to the
    // administrators' /ws/events (backup_progress, backup_completed,
    // backup_failed). CONFLICT while another backup runs.
    Result<repositories::BackupRow> create(const QString &userId, const auth::ClientInfo &client,
                                           const CreateRequest &request,
                                           const QString &trigger = QStringLiteral("manual"));
    Result<store::Page<repositories::BackupRow>> list(const repositories::BackupFilter &filter);
    Result<repositories::BackupRow> get(const QString &id);
    // CONFLICT while it is being written.
    Status remove(const QString &userId, const auth::ClientInfo &client, const QString &id);

    // Streamed downloads and chunked uploads (BackupTransfers.h).
    BackupTransfers &transfers() { return *m_transfers; }

    using RowDone = std::function<void(Result<repositories::BackupRow>)>;
    // The whole file as one request body (POST …/upload): written to a
    // temporary file, then adopt().
    void upload(const QString &userId, const auth::ClientInfo &client, QByteArray file,
                QObject *context, RowDone done);
    // Takes `temporaryPath` (a file in backupsDirectory(), `size` bytes of
    // SHA-256 `checksum`) as an "uploaded" backup once the whole file checks
    // (header, master key, every chunk) on a worker; removes it otherwise.
    void adopt(const QString &userId, const auth::ClientInfo &client,
               const QString &temporaryPath, const QString &checksum, qint64 size,
               QObject *context, RowDone done);
    QString backupsDirectory() const { return backupsDir(); }
    QString backupFilePath(const QString &id) const { return filePath(id); }
    store::Database &database() { return m_db; }
    using JsonDone = std::function<void(Result<QJsonObject>)>;
    // Verifies the checksum, decrypts into a staging copy that must open
    // and migrate, and leaves it for the next start (restart_required).
    // CONFLICT (restore_running) while another restore is being staged.
    void restore(const QString &userId, const auth::ClientInfo &client, const QString &id,
                 QObject *context, JsonDone done);

    // What an operator needs besides the master key to restore elsewhere;
    // never a secret.
    QJsonObject recoveryInfo();

    // Scheduled backups: one if due now; retention after it.
    void runScheduleCheck();
    // Deletes scheduled backups beyond the retention of the system config.
    Status prune();

    // The row as the API answers it; `compression` is read from the file's
    // format (an uploaded backup may be an older format).
    QJsonObject json(const repositories::BackupRow &row) const;

    // At start-up, before the database is opened: a staged restore is
    // swapped in (the previous database kept as
    // hivemind.db.before-restore-<time>). Idempotent across crashes.
    static Status applyPendingRestore(const QString &dataDir, const QString &databasePath);

private:
    QString backupsDir() const;
    QString filePath(const QString &id) const;
    Result<QString> newId();
    void finishCreate(repositories::BackupRow row, Status outcome, qint64 size,
                      QString checksum, const auth::ClientInfo &client);
    void publish(const QString &type, const QJsonObject &data, bool transient = false);
    void writeSidecar(const repositories::BackupRow &row) const;
    Status removeFiles(const QString &id);
    void reconcile();
    void track(QThread *worker);

    store::Database &m_db;
    crypto::EnvelopeCipher &m_envelope;
    FlowEngineHost &m_engine;
    auth::AccountEvents &m_events;
    QString m_dataDir;
    QString m_databasePath;
    crypto::SecureBytes m_databaseKey;
    crypto::SecureBytes m_dekWrappingKey;
    QString m_running;       // id of the backup being written
    bool m_restoring = false; // a restore is being staged (one at a time)
    QList<QThread *> m_workers;
    QTimer m_schedule;
    std::unique_ptr<BackupTransfers> m_transfers;
    mutable backup::FormatCache m_formats; // what json() says of each file's format
};

} // namespace hm::server
