#include "StoreTestSupport.h"
#include "crypto/Random.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::store;
using namespace hm::store::test;
using namespace Qt::StringLiterals;

namespace {

QStringList column(Database &db, const QString &sql)
{
    QStringList values;
    Result<Statement> stmt = db.prepare(sql);
    if (!stmt.ok())
        return {QStringLiteral("<error %1>").arg(stmt.error().toString())};
    while (stmt.value().step().valueOr(false))
        values << stmt.value().text(0);
    return values;
}

// The schema's migrations up to and including `version`.
QList<Migration> migrationsUpTo(int version)
{
    QList<Migration> list;
    for (const Migration &m : schemaMigrations()) {
        if (m.version <= version)
            list << m;
    }
    return list;
}

QStringList migrationRows(Database &db)
{
    return column(db, QStringLiteral("SELECT version || '|' || name || '|' || applied_at"
                                     " FROM schema_migrations ORDER BY version"));
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    const crypto::SecureBytes m_key = randomKey();
    std::unique_ptr<Database> m_db;

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        Result<std::unique_ptr<Database>> db =
            Database::open(m_dir->filePath(QStringLiteral("m.db")), m_key);
        QVERIFY2(db.ok(), why(db));
        m_db = std::move(db.value());
    }

    void cleanup()
    {
        m_db.reset();
        delete m_dir;
        m_dir = nullptr;
    }

    void freshDatabaseReachesLatest()
    {
        QCOMPARE(schemaVersion(*m_db).valueOr(-1), 0);
        const Status migrated = migrate(*m_db);
        QVERIFY2(migrated.ok(), why(migrated));
        QCOMPARE(schemaVersion(*m_db).valueOr(-1), schemaMigrations().constLast().version);

        const QStringList tables = column(
            *m_db,
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        for (const char *table :
             {"api_keys", "audit_logs", "data_encryption_keys", "fleet_probes", "refresh_tokens",
              "schema_migrations", "settings", "user_roles", "users"})
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        const QStringList indexes = column(
            *m_db,
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"));
        for (const char *index :
             {"idx_users_status", "idx_user_roles_user_id", "idx_refresh_tokens_user_id",
              "idx_refresh_tokens_expires", "idx_audit_logs_user_id", "idx_audit_logs_action",
              "idx_audit_logs_created_at", "idx_dek_active", "idx_api_keys_prefix"})
            QVERIFY2(indexes.contains(QLatin1String(index)), index);

        const QStringList rows = migrationRows(*m_db);
        QCOMPARE(rows.size(), schemaMigrations().size());
        QVERIFY(rows.first().startsWith(QStringLiteral("1|initial schema|")));
        // applied_at is unix milliseconds.
        const qint64 appliedAt = rows.first().section(QLatin1Char('|'), 2).toLongLong();
        QVERIFY(qAbs(appliedAt - QDateTime::currentMSecsSinceEpoch()) < 60'000);
    }

    void schemaDefaultsAndConstraints()
    {
        QVERIFY(migrate(*m_db).ok());
        QVERIFY(
            m_db->exec(QStringLiteral("INSERT INTO users (id, username, email, password_hash, name)"
                                      " VALUES ('u1', 'Alice', 'Alice@Example.com', 'h', 'Alice')"))
                .ok());
        // Defaults: status pending, booleans 0, created_at now in ms.
        QCOMPARE(column(*m_db, QStringLiteral("SELECT status FROM users")),
                 QStringList{QStringLiteral("pending")});
        const qint64 createdAt =
            m_db->queryInt(QStringLiteral("SELECT created_at FROM users")).valueOr(0);
        QVERIFY(qAbs(createdAt - QDateTime::currentMSecsSinceEpoch()) < 60'000);
        // Username and email are unique regardless of ASCII case, and lookups
        // by either ignore case.
        QVERIFY(!m_db->exec(QStringLiteral(
                                "INSERT INTO users (id, username, email, password_hash, name)"
                                " VALUES ('u2', 'alice', 'other@example.com', 'h', 'A')"))
                     .ok());
        QVERIFY(!m_db->exec(QStringLiteral(
                                "INSERT INTO users (id, username, email, password_hash, name)"
                                " VALUES ('u3', 'bob', 'alice@example.com', 'h', 'B')"))
                     .ok());
        QCOMPARE(m_db->queryInt(QStringLiteral(
                                    "SELECT count(*) FROM users WHERE email = 'ALICE@example.COM'"))
                     .valueOr(-1),
                 1);
        // CHECK constraints.
        QVERIFY(!m_db->exec(QStringLiteral("UPDATE users SET status = 'zombie'")).ok());
        QVERIFY(!m_db->exec(QStringLiteral("INSERT INTO user_roles (id, user_id, role)"
                                           " VALUES ('r1', 'u1', 'GOD')"))
                     .ok());
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO user_roles (id, user_id, role)"
                                          " VALUES ('r1', 'u1', 'ADMIN')"))
                    .ok());
        // ON DELETE CASCADE.
        QVERIFY(m_db->exec(QStringLiteral("DELETE FROM users WHERE id = 'u1'")).ok());
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM user_roles")).valueOr(-1), 0);
    }

    void migratingTwiceIsANoOp()
    {
        QVERIFY(migrate(*m_db).ok());
        const QStringList before = migrationRows(*m_db);
        const QString schemaBefore =
            column(*m_db, QStringLiteral("SELECT sql FROM sqlite_master ORDER BY name"))
                .join(u'\n');
        QTest::qWait(5); // a second run must not re-record with a new applied_at
        const Status again = migrate(*m_db);
        QVERIFY2(again.ok(), why(again));
        QCOMPARE(migrationRows(*m_db), before);
        QCOMPARE(column(*m_db, QStringLiteral("SELECT sql FROM sqlite_master ORDER BY name"))
                     .join(u'\n'),
                 schemaBefore);
    }

    void failingMigrationRollsBackAllOfIt()
    {
        QVERIFY(migrate(*m_db).ok());
        const QStringList before = migrationRows(*m_db);

        const int latest = schemaMigrations().constLast().version;
        QList<Migration> migrations = schemaMigrations();
        migrations.append({latest + 1, QStringLiteral("good part"),
                           QStringLiteral("CREATE TABLE extra (x INTEGER);"
                                          "INSERT INTO settings (key, value) VALUES ('k', '1')")});
        migrations.append({latest + 2, QStringLiteral("broken"),
                           QStringLiteral("CREATE TABLE more (y INTEGER); THIS IS NOT SQL")});
        const Status failed = migrate(*m_db, migrations);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, ErrorCode::DbError);
        QVERIFY(failed.error().message.contains(QStringLiteral("migration %1").arg(latest + 2)));

        QCOMPARE(schemaVersion(*m_db).valueOr(-1), latest);
        QCOMPARE(migrationRows(*m_db), before);
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master"
                                               " WHERE name IN ('extra', 'more')"))
                     .valueOr(-1),
                 0);
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM settings")).valueOr(-1), 0);
        QVERIFY(!m_db->inTransaction());

        // Fixed, the same list applies cleanly.
        migrations.last().sql = QStringLiteral("CREATE TABLE more (y INTEGER)");
        QVERIFY(migrate(*m_db, migrations).ok());
        QCOMPARE(schemaVersion(*m_db).valueOr(-1), latest + 2);
    }

    void newerDatabaseIsRefused()
    {
        const int latest = schemaMigrations().constLast().version;
        QList<Migration> future = schemaMigrations();
        future.append(
            {latest + 1, QStringLiteral("from the future"), QStringLiteral("CREATE TABLE f (x)")});
        QVERIFY(migrate(*m_db, future).ok());
        QCOMPARE(schemaVersion(*m_db).valueOr(-1), latest + 1);
        const QStringList before = migrationRows(*m_db);

        const Status refused = migrate(*m_db);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::DbError);
        QVERIFY(refused.error().message.contains(QStringLiteral("newer")));
        QCOMPARE(migrationRows(*m_db), before);
    }

    void badMigrationListIsRefused()
    {
        const QList<Migration> unordered{{2, QStringLiteral("b"), QStringLiteral("SELECT 1")},
                                         {1, QStringLiteral("a"), QStringLiteral("SELECT 1")}};
        QCOMPARE(migrate(*m_db, unordered).error().code, ErrorCode::InternalError);
        QCOMPARE(schemaVersion(*m_db).valueOr(-1), 0);
    }

    // Version 5 rebuilds node_executions without its text primary key: the
    // rows of an older database come through whole, (execution_id, node_id)
    // stays unique, and only that key's index is left.
    void nodeExecutionsRekeyKeepsTheirRows()
    {
        QVERIFY(migrate(*m_db, migrationsUpTo(4)).ok());
        QCOMPARE(schemaVersion(*m_db).valueOr(-1), 4);
        QVERIFY(
            m_db->exec(QStringLiteral("INSERT INTO executions (id, flow_id, flow_version, status)"
                                      " VALUES ('e1', 'f1', '1', 'completed')"))
                .ok());
        QVERIFY(m_db->exec(QStringLiteral(
                               "INSERT INTO node_executions (id, execution_id, node_id, component,"
                               " version, status, attempt, inputs, outputs, started_at, ended_at,"
                               " duration_ms, logs) VALUES"
                               " ('6f1c3a52-8d0e-5b7a-9c55-2f64e1d0b7a3', 'e1', 'a', 'noop',"
                               " '1.0.0', 'completed', 1, '{\"x\":1}', '{\"y\":2}', 10, 15, 5,"
                               " '[\"line\"]'),"
                               " ('e1/b', 'e1', 'b', 'noop', '1.0.0', 'failed', 2, NULL, NULL,"
                               " 16, 20, 4, NULL)"))
                    .ok());

        QVERIFY(migrate(*m_db).ok());
        QCOMPARE(schemaVersion(*m_db).valueOr(-1), schemaMigrations().constLast().version);
        Result<Statement> rows = m_db->prepare(
            QStringLiteral("SELECT id, node_id, status, attempt, inputs, outputs, duration_ms, logs"
                           " FROM node_executions WHERE execution_id = 'e1' ORDER BY node_id"));
        QVERIFY(rows.ok());
        QVERIFY(rows.value().step().valueOr(false));
        QCOMPARE(rows.value().text(0), QStringLiteral("6f1c3a52-8d0e-5b7a-9c55-2f64e1d0b7a3"));
        QCOMPARE(rows.value().text(2), QStringLiteral("completed"));
        QCOMPARE(rows.value().text(4), QStringLiteral("{\"x\":1}"));
        QCOMPARE(rows.value().text(5), QStringLiteral("{\"y\":2}"));
        QCOMPARE(rows.value().int64(6), 5);
        QCOMPARE(rows.value().text(7), QStringLiteral("[\"line\"]"));
        QVERIFY(rows.value().step().valueOr(false));
        QCOMPARE(rows.value().text(0), QStringLiteral("e1/b"));
        QCOMPARE(rows.value().text(2), QStringLiteral("failed"));
        QCOMPARE(rows.value().int64(3), 2);
        QVERIFY(!rows.value().step().valueOr(true));

        // The pair is still the key; the cascade from executions still holds.
        QVERIFY(!m_db->exec(QStringLiteral(
                                "INSERT INTO node_executions (id, execution_id, node_id, component,"
                                " version, status) VALUES ('other', 'e1', 'a', 'noop', '1.0.0',"
                                " 'pending')"))
                     .ok());
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE"
                                               " type = 'index' AND tbl_name = 'node_executions'"))
                     .valueOr(-1),
                 1);
        QVERIFY(m_db->exec(QStringLiteral("DELETE FROM executions WHERE id = 'e1'")).ok());
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM node_executions")).valueOr(-1),
                 0);
    }

    // Version 11 splits the registry's rows (version 3/10: one components
    // row per name, version and registration) into components (one per
    // name) and component_versions (same ids), the endpoints following.
    // When a later migration of the same run fails, the version-10 tables
    // are left exactly as they were.
    void componentSplitKeepsEveryRowOrNothing()
    {
        const QList<Migration> upToEleven = migrationsUpTo(11);
        QVERIFY(migrate(*m_db, migrationsUpTo(10)).ok());
        const char *rows[] = {
            "INSERT INTO components (id, name, version, display_name, description, category,"
            " endpoint, interface_def, status, health, health_checked_at, created_by, created_at,"
            " updated_at, deleted_at) VALUES"
            " ('v1', 'legacy', '1.0.0', 'Legacy', 'Old one', 'text', 'http://a', '{\"n\":1}',"
            "  'active', 'healthy', 50, 'u1', 10, 20, NULL),"
            " ('v2', 'legacy', '1.1.0', 'Legacy', NULL, NULL, 'http://a', '{\"n\":2}',"
            "  'deprecated', 'unhealthy', 60, 'u2', 30, 40, NULL),"
            " ('v3', 'legacy', '0.9.0', 'Older name', NULL, NULL, 'http://b', '{\"n\":3}',"
            "  'disabled', 'unknown', NULL, 'u1', 5, 7, 7),"
            " ('v4', 'gone', '2.0.0', 'gone', NULL, NULL, 'http://c', '{\"n\":4}',"
            "  'disabled', 'healthy', 8, 'u3', 1, 9, 9)",
            "INSERT INTO component_endpoints (id, component_id, endpoint, health, health_message,"
            " created_by, created_at) VALUES ('e1', 'v1', 'http://a', 'healthy', NULL, 'u1', 10),"
            " ('e1b', 'v1', 'http://z', 'unhealthy', 'refused', 'u1', 11),"
            " ('e2', 'v2', 'http://a', 'unhealthy', 'down', 'u2', 30),"
            " ('e3', 'v3', 'http://b', 'unknown', NULL, 'u1', 5),"
            " ('e4', 'v4', 'http://c', 'healthy', NULL, 'u3', 1)"};
        for (const char *sql : rows)
            QVERIFY2(m_db->exec(QString::fromUtf8(sql)).ok(), sql);
        const QString endpointsBefore =
            column(*m_db, QStringLiteral("SELECT id || '|' || component_id || '|' || endpoint ||"
                                         " '|' || health || '|' || coalesce(health_message, '')"
                                         " FROM component_endpoints ORDER BY rowid"))
                .join(u'\n');
        QCOMPARE(endpointsBefore.count(u'\n'), 4);
        const QString schemaBefore =
            column(*m_db, QStringLiteral("SELECT sql FROM sqlite_master ORDER BY name"))
                .join(u'\n');

        // Failing after version 11 applied: everything of it rolls back.
        QList<Migration> broken = upToEleven;
        broken.append({12, QStringLiteral("broken"), QStringLiteral("NOT SQL")});
        QVERIFY(!migrate(*m_db, broken).ok());
        QCOMPARE(schemaVersion(*m_db).valueOr(-1), 10);
        QCOMPARE(column(*m_db, QStringLiteral("SELECT sql FROM sqlite_master ORDER BY name"))
                     .join(u'\n'),
                 schemaBefore);
        QCOMPARE(column(*m_db, QStringLiteral("SELECT id FROM components ORDER BY id")),
                 (QStringList{"v1", "v2", "v3", "v4"}));
        QCOMPARE(column(*m_db, QStringLiteral("SELECT id || '|' || component_id || '|' ||"
                                              " endpoint || '|' || health || '|' ||"
                                              " coalesce(health_message, '') FROM"
                                              " component_endpoints ORDER BY rowid"))
                     .join(u'\n'),
                 endpointsBefore);

        QVERIFY(migrate(*m_db, upToEleven).ok());
        QCOMPARE(schemaVersion(*m_db).valueOr(-1), 11);
        // One row per name; the latest live row's fields, the earliest
        // creator, deleted only when no version is live.
        QCOMPARE(column(*m_db, QStringLiteral("SELECT name || '|' || display_name || '|' ||"
                                              " coalesce(description, '-') || '|' ||"
                                              " coalesce(category, '-') || '|' || created_by ||"
                                              " '|' || created_at || '|' || updated_at || '|' ||"
                                              " coalesce(deleted_at, '-') FROM components"
                                              " ORDER BY name")),
                 (QStringList{"gone|gone|-|-|u3|1|9|9", "legacy|Legacy|Old one|text|u1|5|40|-"}));
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM components WHERE"
                                               " length(id) = 36"))
                     .valueOr(-1),
                 2);
        // Every registration keeps its id and its own fields.
        QCOMPARE(column(*m_db, QStringLiteral(
                                   "SELECT v.id || '|' || c.name || '|' || v.version || '|' ||"
                                   " v.endpoint || '|' || v.interface_def || '|' || v.status ||"
                                   " '|' || v.health || '|' || coalesce(v.health_checked_at, '-')"
                                   " || '|' || v.created_by || '|' || v.created_at || '|' ||"
                                   " v.updated_at || '|' || coalesce(v.deleted_at, '-') FROM"
                                   " component_versions v JOIN components c ON c.id ="
                                   " v.component_id ORDER BY v.id")),
                 (QStringList{"v1|legacy|1.0.0|http://a|{\"n\":1}|active|healthy|50|u1|10|20|-",
                              "v2|legacy|1.1.0|http://a|{\"n\":2}|deprecated|unhealthy|60|u2|30|"
                              "40|-",
                              "v3|legacy|0.9.0|http://b|{\"n\":3}|disabled|unknown|-|u1|5|7|7",
                              "v4|gone|2.0.0|http://c|{\"n\":4}|disabled|healthy|8|u3|1|9|9"}));
        QCOMPARE(column(*m_db, QStringLiteral("SELECT id || '|' || version_id || '|' || endpoint"
                                              " || '|' || health || '|' ||"
                                              " coalesce(health_message, '') FROM"
                                              " component_endpoints ORDER BY rowid"))
                     .join(u'\n'),
                 endpointsBefore);
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name ="
                                               " 'components_v10' OR sql LIKE"
                                               " '%components_v10%'"))
                     .valueOr(-1),
                 0);

        // One live row per name and version; deleted ones may repeat.
        const QString legacy = column(*m_db, QStringLiteral("SELECT id FROM components WHERE"
                                                            " name = 'legacy'"))
                                   .value(0);
        QVERIFY(!m_db->exec(QStringLiteral("INSERT INTO component_versions (id, component_id,"
                                           " version, endpoint, interface_def, created_by)"
                                           " VALUES ('dup', '%1', '1.0.0', 'x', '{}', 'u')")
                                .arg(legacy))
                     .ok());
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO component_versions (id, component_id,"
                                          " version, endpoint, interface_def, created_by,"
                                          " status, deleted_at) VALUES ('old', '%1', '0.9.0',"
                                          " 'x', '{}', 'u', 'disabled', 3)")
                               .arg(legacy))
                    .ok());
        QVERIFY(!m_db->exec(QStringLiteral("INSERT INTO components (id, name, display_name,"
                                           " created_by) VALUES ('x', 'legacy', 'L', 'u')"))
                     .ok());
        // Endpoints go with their version row; a version needs its name.
        QVERIFY(m_db->exec(QStringLiteral("DELETE FROM component_versions WHERE id = 'v1'")).ok());
        QCOMPARE(
            m_db->queryInt(QStringLiteral("SELECT count(*) FROM component_endpoints")).valueOr(-1),
            3);
        QVERIFY(!m_db->exec(QStringLiteral("INSERT INTO component_versions (id, component_id,"
                                           " version, endpoint, interface_def, created_by)"
                                           " VALUES ('orphan', 'nobody', '1.0.0', 'x', '{}',"
                                           " 'u')"))
                     .ok());
    }

    // Versions 13 and 14 touch the history of an existing database: its
    // rows stay, the indexes become ascending, and the constraints of the
    // two tables the journal writes are rewritten without IN lists (which
    // SQLite 3.15 evaluates through a temporary B-tree per statement) but
    // still refuse what they refused.
    void historyConstraintsKeepTheirMeaningWithoutInLists()
    {
        QVERIFY(migrate(*m_db, migrationsUpTo(12)).ok());
        QVERIFY(
            m_db->exec(QStringLiteral("INSERT INTO executions (id, flow_id, flow_version, status,"
                                      " history_level, created_at) VALUES"
                                      " ('e1', 'f1', '1', 'completed', 'all', 10),"
                                      " ('e2', 'f1', '1', 'queued', 'summary', 20)"))
                .ok());
        QVERIFY(m_db->exec(QStringLiteral(
                               "INSERT INTO node_executions (id, execution_id, node_id, component,"
                               " version, status) VALUES ('e1/a', 'e1', 'a', 'noop', '1.0.0',"
                               " 'skipped')"))
                    .ok());
        QVERIFY(migrate(*m_db).ok());
        const QString path = m_db->path();
        m_db.reset();

        // A connection opened afterwards (like the history writer's) reads
        // the rewritten text.
        std::unique_ptr<Database> db = openOrFail(path, m_key);
        QVERIFY(db);
        for (const char *table : {"executions", "node_executions"}) {
            const QStringList sql = column(*db, u"SELECT sql FROM sqlite_master WHERE name = '"_s +
                                                    QLatin1String(table) + u"'"_s);
            QCOMPARE(sql.size(), 1);
            QVERIFY2(!sql.first().contains(QRegularExpression(u"\\bIN\\s*\\("_s)),
                     qPrintable(sql.first()));
            QVERIFY2(sql.first().contains(u"status = 'cancelled'"), qPrintable(sql.first()));
        }
        QCOMPARE(
            column(*db, QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'index'"
                                       " AND tbl_name = 'executions' AND sql IS NOT NULL"
                                       " ORDER BY name")),
            (QStringList{
                "CREATE INDEX idx_executions_created ON executions(created_at)",
                "CREATE INDEX idx_executions_flow_created ON executions(flow_id, created_at,"
                " status)",
                "CREATE INDEX idx_executions_status_created ON executions(status, created_at)"}));
        QCOMPARE(column(*db, QStringLiteral("SELECT id || '|' || status || '|' || history_level"
                                            " FROM executions ORDER BY created_at DESC")),
                 (QStringList{"e2|queued|summary", "e1|completed|all"}));
        QCOMPARE(column(*db, QStringLiteral("SELECT id || '|' || status FROM node_executions")),
                 QStringList{"e1/a|skipped"});
        QCOMPARE(column(*db, QStringLiteral("PRAGMA integrity_check")), QStringList{"ok"});

        // The same values pass and fail as before, on both tables.
        const auto insertExecution = [&](const QString &status, const QString &level) {
            return db->execute(
                QStringLiteral("INSERT INTO executions (id, flow_id, flow_version,"
                               " status, history_level) VALUES (?, 'f1', '1', ?, ?)"),
                {crypto::uuid(), status, level});
        };
        for (const char *status :
             {"pending", "queued", "running", "completed", "failed", "cancelling", "cancelled"})
            QVERIFY2(insertExecution(QLatin1String(status), QStringLiteral("all")).ok(), status);
        for (const char *level : {"summary", "none"})
            QVERIFY2(insertExecution(QStringLiteral("completed"), QLatin1String(level)).ok(),
                     level);
        const Status badStatus = insertExecution(QStringLiteral("skipped"), QStringLiteral("all"));
        QVERIFY(!badStatus.ok());
        QVERIFY2(badStatus.error().message.contains(u"chk_execution_status"),
                 qPrintable(badStatus.error().toString()));
        const Status badLevel = insertExecution(QStringLiteral("completed"), QStringLiteral("ALL"));
        QVERIFY(!badLevel.ok());
        QVERIFY2(badLevel.error().message.contains(u"chk_execution_history_level"),
                 qPrintable(badLevel.error().toString()));
        QVERIFY(!db->exec(QStringLiteral("UPDATE executions SET status = 'done' WHERE id = 'e1'"))
                     .ok());
        int node = 0;
        const auto insertNode = [&](const QString &status) {
            ++node;
            return db->execute(
                QStringLiteral("INSERT INTO node_executions (id, execution_id,"
                               " node_id, component, version, status)"
                               " VALUES (?, 'e2', ?, 'noop', '1.0.0', ?)"),
                {QStringLiteral("e2/n%1").arg(node), QStringLiteral("n%1").arg(node), status});
        };
        for (const char *status :
             {"pending", "running", "completed", "failed", "cancelled", "skipped"})
            QVERIFY2(insertNode(QLatin1String(status)).ok(), status);
        const Status badNode = insertNode(QStringLiteral("queued"));
        QVERIFY(!badNode.ok());
        QVERIFY2(badNode.error().message.contains(u"chk_node_status"),
                 qPrintable(badNode.error().toString()));

        // What it is for: checking the constraints builds no temporary
        // B-tree any more.
        QStringList program;
        QVERIFY(db->forEachRow(QStringLiteral("EXPLAIN INSERT INTO executions (id, flow_id,"
                                              " flow_version, status) VALUES (?, ?, ?, ?)"),
                               {}, [&](const Statement &s) { program << s.text(1); })
                    .ok());
        QVERIFY(program.contains(u"Insert"_s));
        QVERIFY2(!program.contains(u"OpenEphemeral"_s), qPrintable(program.join(u' ')));
    }

    void foreignKeysAreEnforced()
    {
        QVERIFY(migrate(*m_db).ok());
        const Status orphan = m_db->exec(QStringLiteral(
            "INSERT INTO user_roles (id, user_id, role) VALUES ('r', 'no-such-user', 'USER')"));
        QVERIFY(!orphan.ok());
        QVERIFY(orphan.error().message.contains(QStringLiteral("FOREIGN KEY")));
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM user_roles")).valueOr(-1), 0);
    }

    void survivesReopen()
    {
        const QString path = m_db->path();
        const crypto::SecureBytes key = randomKey();
        m_db.reset();
        QVERIFY(QFile::remove(path));
        QFile::remove(path + QStringLiteral(".keycheck"));
        {
            Result<std::unique_ptr<Database>> db = Database::open(path, key);
            QVERIFY(db.ok());
            QVERIFY(migrate(*db.value()).ok());
        }
        Result<std::unique_ptr<Database>> db = Database::open(path, key);
        QVERIFY(db.ok());
        QCOMPARE(schemaVersion(*db.value()).valueOr(-1), schemaMigrations().constLast().version);
        QVERIFY(migrate(*db.value()).ok());
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
