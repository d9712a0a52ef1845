#include "store/Snapshot.h"

#include "store/Database.h"

#include <QFile>
#include <QList>

namespace hm::store::snapshot {

namespace {

// A path as an SQL string snapshotLiteral: ATTACH takes no bound parameter here
// (Database::exec runs plain SQL text).
QString snapshotLiteral(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString snapshotIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

Status snapshotCreateEmptyFile(const QString &path)
{
    QFile file(path);
    if (file.exists())
        return Error{ErrorCode::IoError, QStringLiteral("%1 exists already").arg(path)};
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot create %1: %2").arg(path, file.errorString())};
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

} // namespace

Status begin(Database &db, const QString &plainPath)
{
    if (db.inTransaction())
        return Error{ErrorCode::InternalError,
                     QStringLiteral("a snapshot needs a connection without a transaction")};
    if (Status created = snapshotCreateEmptyFile(plainPath); !created)
        return created;
    // KEY '': the attached file is plain SQLite (compressible; the backup
    // file encrypts it afterwards).
    if (Status attached = db.exec(QStringLiteral("ATTACH DATABASE %1 AS hm_snapshot KEY ''")
                                      .arg(snapshotLiteral(plainPath)));
        !attached)
        return attached;
    // The plain copy is an intermediate file, removed once compressed: no
    // rollback journal and no sync. A sync at the commit would write the
    // whole copy (the database's size) to the device in one go, and on
    // ext4 every other fsync — the live database's WAL commits — waited
    // behind it (~430 ms for 1 GiB: every request waiting on a commit
    // stalled that long).
    for (const char *pragma : {"PRAGMA hm_snapshot.journal_mode = OFF", "PRAGMA hm_snapshot.synchronous = OFF"}) {
        if (Status set = db.exec(QString::fromLatin1(pragma)); !set) {
            (void)db.exec(QStringLiteral("DETACH DATABASE hm_snapshot"));
            return set;
        }
    }
    // A deferred transaction takes its read snapshot at the first read.
    if (Status begun = db.exec(QStringLiteral("BEGIN")); !begun) {
        (void)db.exec(QStringLiteral("DETACH DATABASE hm_snapshot"));
        return begun;
    }
    if (auto read = db.queryInt(QStringLiteral("SELECT count(*) FROM main.sqlite_master")); !read) {
        abandon(db);
        return read.error();
    }
    return {};
}

Status write(Database &db)
{
    Status exported = db.exec(QStringLiteral("SELECT sqlcipher_export('hm_snapshot')"));
    if (!exported) {
        abandon(db);
        return exported;
    }
    if (Status committed = db.exec(QStringLiteral("COMMIT")); !committed) {
        abandon(db);
        return committed;
    }
    return db.exec(QStringLiteral("DETACH DATABASE hm_snapshot"));
}

void abandon(Database &db)
{
    if (db.inTransaction())
        (void)db.exec(QStringLiteral("ROLLBACK"));
    (void)db.exec(QStringLiteral("DETACH DATABASE hm_snapshot"));
}

Status importPlain(Database &target, const QString &plainPath)
{
    if (Status attached = target.exec(QStringLiteral("ATTACH DATABASE %1 AS hm_import KEY ''")
                                          .arg(snapshotLiteral(plainPath)));
        !attached)
        return attached;
    struct Object
    {
        QString type, name, sql;
    };
    QList<Object> objects;
    Status listed = target.forEachRow(
        QStringLiteral("SELECT type, name, sql FROM hm_import.sqlite_master "
                       "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid"),
        {}, [&](const Statement &row) {
            objects.append({row.text(0), row.text(1), row.text(2)});
        });
    Status copied = listed;
    // The target is new and the caller removes it when the import fails, so
    // the copy needs no journal and no syncs while it runs: every page is
    // written (and encrypted) once, instead of into the WAL and again at its
    // checkpoint. Synced and back in WAL mode at the end.
    const qint64 synchronous = target.queryInt(QStringLiteral("PRAGMA synchronous")).valueOr(1);
    if (copied)
        copied = target.exec(QStringLiteral("PRAGMA journal_mode = OFF"));
    if (copied)
        copied = target.exec(QStringLiteral("PRAGMA synchronous = OFF"));
    if (copied)
        copied = target.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    if (copied)
        copied = target.exec(QStringLiteral("BEGIN IMMEDIATE"));
    // Tables first with their rows, then what refers to them: indexes,
    // views, and triggers last so that the copy fires none.
    for (const QString &kind :
         {QStringLiteral("table"), QStringLiteral("index"), QStringLiteral("view"),
          QStringLiteral("trigger")}) {
        for (const Object &o : std::as_const(objects)) {
            if (!copied || o.type != kind)
                continue;
            copied = target.exec(o.sql);
            if (copied && kind == QLatin1String("table"))
                copied = target.exec(QStringLiteral("INSERT INTO main.%1 SELECT * FROM hm_import.%1")
                                         .arg(snapshotIdentifier(o.name)));
        }
        if (copied && kind == QLatin1String("table")) {
            // AUTOINCREMENT counters; the table exists only when some table
            // uses AUTOINCREMENT.
            auto hasSequence = target.queryInt(QStringLiteral(
                "SELECT count(*) FROM hm_import.sqlite_master WHERE name = 'sqlite_sequence'"));
            if (!hasSequence)
                copied = hasSequence.error();
            else if (hasSequence.value() > 0)
                copied = target.exec(QStringLiteral(
                    "DELETE FROM main.sqlite_sequence; "
                    "INSERT INTO main.sqlite_sequence SELECT * FROM hm_import.sqlite_sequence"));
        }
    }
    if (copied) {
        auto version = target.queryInt(QStringLiteral("PRAGMA hm_import.user_version"));
        copied = version ? target.exec(QStringLiteral("PRAGMA main.user_version = %1")
                                           .arg(version.value()))
                         : Status(version.error());
    }
    if (copied)
        copied = target.exec(QStringLiteral("COMMIT"));
    else if (target.inTransaction())
        (void)target.exec(QStringLiteral("ROLLBACK"));
    (void)target.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    (void)target.exec(QStringLiteral("DETACH DATABASE hm_import"));
    // FULL for the switch back: its commit syncs the whole file.
    if (Status synced = target.exec(QStringLiteral("PRAGMA synchronous = FULL")); copied && !synced)
        copied = synced;
    QString mode;
    Status switched = target.forEachRow(QStringLiteral("PRAGMA journal_mode = WAL"), {},
                                        [&](const Statement &row) { mode = row.text(0); });
    if (copied && !switched)
        copied = switched;
    else if (copied && mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        copied = Error{ErrorCode::InternalError,
                       QStringLiteral("the imported database stays in journal mode %1").arg(mode)};
    (void)target.exec(QStringLiteral("PRAGMA synchronous = %1").arg(synchronous));
    return copied;
}

Status checkpointIntoFile(Database &db)
{
    return db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

} // namespace hm::store::snapshot
