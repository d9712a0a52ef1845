#pragma once

// Every SQL string of the backups table (schema 35; docs/backup.md).

#include "common/Result.h"
#include "store/PagedQuery.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct BackupRow
{
    QString id; // backup_YYYYMMDD_HHMMSS[_n]
    QString name;
    QString description;
    QString type = QStringLiteral("full");
    QString trigger = QStringLiteral("manual"); // manual | scheduled | uploaded
    QString status = QStringLiteral("running"); // running | completed | failed
    int progress = 0;
    qint64 sizeBytes = 0;
    qint64 databaseSize = 0;
    qint64 filesSize = 0;
    QString checksum; // SHA-256 hex of the whole file
    QString fileName;
    bool includesLogs = false;
    int schemaVersion = 0;
    std::optional<qint64> snapshotAt;
    QString error;
    QString createdBy;
    qint64 createdAt = 0;
    std::optional<qint64> completedAt;
};

struct BackupFilter
{
    QString type;   // empty: any
    QString status; // empty: any
    QString trigger;
    qint64 limit = 20;
    qint64 offset = 0;
};

Status insertBackup(store::Database &db, const BackupRow &row);
// Status, progress, sizes, checksum, snapshot point, error and completion.
Status updateBackup(store::Database &db, const BackupRow &row);
Status deleteBackup(store::Database &db, const QString &id);
Result<std::optional<BackupRow>> backup(store::Database &db, const QString &id);
// Newest first.
Result<store::Page<BackupRow>> listBackups(store::Database &db, const BackupFilter &filter);
// Every backup of one trigger kind and status, newest first (retention).
Result<QList<BackupRow>> backupsOf(store::Database &db, const QString &trigger,
                                   const QString &status);
// Whether an id is taken (ids carry the second they were made in).
Result<bool> backupExists(store::Database &db, const QString &id);
// Whether a user id exists (a restored database may not know the
// administrator who made or restored a backup).
Result<bool> backupUserExists(store::Database &db, const QString &userId);
// Rows left "running" by a process that stopped: failed with `why`.
Status failRunningBackups(store::Database &db, const QString &why);

} // namespace hm::server::repositories
