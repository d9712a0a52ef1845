#include "store/Migrations.h"

#include "common/Logging.h"
#include "store/Database.h"

#include <QDateTime>

namespace hm::store {

namespace {

const QString kCreateMigrationsTable =
    QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                   " version INTEGER PRIMARY KEY NOT NULL,"
                   " name TEXT NOT NULL,"
                   " applied_at INTEGER NOT NULL)");

Status validate(const QList<Migration> &migrations)
{
    int previous = 0;
    for (const Migration &migration : migrations) {
        if (migration.version <= previous)
            return Status(ErrorCode::InternalError,
                          QStringLiteral("migration versions must be positive and strictly "
                                         "increasing (%1 after %2)")
                              .arg(migration.version)
                              .arg(previous));
        previous = migration.version;
    }
    return {};
}

Result<bool> hasMigrationsTable(Database &db)
{
    const Result<qint64> count =
        db.queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master"
                                   " WHERE type = 'table' AND name = 'schema_migrations'"));
    if (!count.ok())
        return count.error();
    return count.value() > 0;
}

Result<int> recordedVersion(Database &db)
{
    const Result<qint64> version =
        db.queryInt(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    if (!version.ok())
        return version.error();
    return int(version.value());
}

} // namespace

Result<int> schemaVersion(Database &db)
{
    const Result<bool> exists = hasMigrationsTable(db);
    if (!exists.ok())
        return exists.error();
    if (!exists.value())
        return 0;
    return recordedVersion(db);
}

Status migrate(Database &db, const QList<Migration> &migrations)
{
    if (Status valid = validate(migrations); !valid.ok())
        return valid;
    const int latest = migrations.isEmpty() ? 0 : migrations.constLast().version;

    // BEGIN IMMEDIATE: a second process migrating concurrently waits here
    // and then finds nothing left to do.
    Result<Transaction> txn = db.begin();
    if (!txn.ok())
        return txn.error();
    if (Status created = db.exec(kCreateMigrationsTable); !created.ok())
        return created;
    const Result<int> current = recordedVersion(db);
    if (!current.ok())
        return current.error();
    if (current.value() > latest)
        return Status(ErrorCode::DbError,
                      QStringLiteral("the database %1 has schema version %2, newer than the %3 "
                                     "this HiveMind knows; use a newer HiveMind")
                          .arg(db.path())
                          .arg(current.value())
                          .arg(latest));
    if (current.value() == latest)
        return txn.value().commit();

    for (const Migration &migration : migrations) {
        if (migration.version <= current.value())
            continue;
        qCInfo(lcStore) << "applying migration" << migration.version << migration.name;
        if (Status applied = db.exec(migration.sql); !applied.ok()) {
            Error error = applied.error();
            error.message = QStringLiteral("migration %1 (%2) failed: %3")
                                .arg(migration.version)
                                .arg(migration.name, error.message);
            return error; // the transaction rolls back every migration of this run
        }
        Result<Statement> record = db.prepare(QStringLiteral(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
        if (!record.ok())
            return record.error();
        record.value()
            .bind(1, migration.version)
            .bind(2, migration.name)
            .bind(3, QDateTime::currentMSecsSinceEpoch());
        if (Status recorded = record.value().run(); !recorded.ok())
            return recorded;
    }
    return txn.value().commit();
}

} // namespace hm::store
