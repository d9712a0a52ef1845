#include "server/repositories/BackupRepository.h"

#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/SelectOne.h"
#include "store/SelectPage.h"

#include <QVariant>

namespace hm::server::repositories {

namespace {

const QString kBackupColumns = QStringLiteral(
    "SELECT id, name, description, type, trigger_kind, status, progress, size_bytes, "
    "database_size, files_size, checksum, file_name, includes_logs, schema_version, "
    "snapshot_at, error, created_by, created_at, completed_at");

QVariant backupOptional(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant();
}

BackupRow backupRowOf(const store::Statement &s)
{
    BackupRow row;
    row.id = s.text(0);
    row.name = s.text(1);
    row.description = s.text(2);
    row.type = s.text(3);
    row.trigger = s.text(4);
    row.status = s.text(5);
    row.progress = int(s.int64(6));
    row.sizeBytes = s.int64(7);
    row.databaseSize = s.int64(8);
    row.filesSize = s.int64(9);
    row.checksum = s.text(10);
    row.fileName = s.text(11);
    row.includesLogs = s.int64(12) != 0;
    row.schemaVersion = int(s.int64(13));
    row.snapshotAt = store::optionalInt(s, 14);
    row.error = s.text(15);
    row.createdBy = s.text(16);
    row.createdAt = s.int64(17);
    row.completedAt = store::optionalInt(s, 18);
    return row;
}

} // namespace

Status insertBackup(store::Database &db, const BackupRow &row)
{
    return db.execute(
        QStringLiteral("INSERT INTO backups (id, name, description, type, trigger_kind, status, "
                       "progress, size_bytes, database_size, files_size, checksum, file_name, "
                       "includes_logs, schema_version, snapshot_at, error, created_by, "
                       "created_at, completed_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                       "?16, ?17, ?18, ?19)"),
        {row.id, row.name, row.description, row.type, row.trigger, row.status, row.progress,
         row.sizeBytes, row.databaseSize, row.filesSize, row.checksum, row.fileName,
         row.includesLogs ? 1 : 0, row.schemaVersion, backupOptional(row.snapshotAt),
         store::textOrNull(row.error), store::textOrNull(row.createdBy), row.createdAt,
         backupOptional(row.completedAt)});
}

Status updateBackup(store::Database &db, const BackupRow &row)
{
    return db.execute(
        QStringLiteral("UPDATE backups SET status = ?2, progress = ?3, size_bytes = ?4, "
                       "database_size = ?5, files_size = ?6, checksum = ?7, schema_version = ?8, "
                       "snapshot_at = ?9, error = ?10, completed_at = ?11 WHERE id = ?1"),
        {row.id, row.status, row.progress, row.sizeBytes, row.databaseSize, row.filesSize,
         row.checksum, row.schemaVersion, backupOptional(row.snapshotAt),
         store::textOrNull(row.error), backupOptional(row.completedAt)});
}

Status deleteBackup(store::Database &db, const QString &id)
{
    return db.execute(QStringLiteral("DELETE FROM backups WHERE id = ?1"), {id});
}

Result<std::optional<BackupRow>> backup(store::Database &db, const QString &id)
{
    return store::selectOneAs(db, kBackupColumns + QStringLiteral(" FROM backups WHERE id = ?1"),
                              {id}, backupRowOf);
}

Result<store::Page<BackupRow>> listBackups(store::Database &db, const BackupFilter &filter)
{
    store::PagedQuery query;
    query.columns = kBackupColumns;
    query.from = QStringLiteral("FROM backups");
    if (!filter.type.isEmpty()) {
        query.conditions << QStringLiteral("type = ?");
        query.binds << filter.type;
    }
    if (!filter.status.isEmpty()) {
        query.conditions << QStringLiteral("status = ?");
        query.binds << filter.status;
    }
    if (!filter.trigger.isEmpty()) {
        query.conditions << QStringLiteral("trigger_kind = ?");
        query.binds << filter.trigger;
    }
    query.orderBy = QStringLiteral("ORDER BY created_at DESC, id DESC");
    query.limit = filter.limit;
    query.offset = filter.offset;
    return store::selectPageAs(db, query, backupRowOf);
}

Result<QList<BackupRow>> backupsOf(store::Database &db, const QString &trigger,
                                   const QString &status)
{
    QList<BackupRow> rows;
    const Status read = db.forEachRow(
        kBackupColumns + QStringLiteral(" FROM backups WHERE trigger_kind = ?1 AND status = ?2 "
                                        "ORDER BY created_at DESC, id DESC"),
        {trigger, status}, [&rows](const store::Statement &s) { rows.append(backupRowOf(s)); });
    if (!read)
        return read.error();
    return rows;
}

Result<bool> backupExists(store::Database &db, const QString &id)
{
    auto found = db.selectOne(QStringLiteral("SELECT 1 FROM backups WHERE id = ?1"), {id});
    if (!found)
        return found.error();
    return found.value().has_value();
}

Result<bool> backupUserExists(store::Database &db, const QString &userId)
{
    if (userId.isEmpty())
        return false;
    auto found = db.selectOne(QStringLiteral("SELECT 1 FROM users WHERE id = ?1"), {userId});
    if (!found)
        return found.error();
    return found.value().has_value();
}

Status failRunningBackups(store::Database &db, const QString &why)
{
    return db.execute(QStringLiteral("UPDATE backups SET status = 'failed', error = ?1 "
                                     "WHERE status = 'running'"),
                      {why});
}

} // namespace hm::server::repositories
