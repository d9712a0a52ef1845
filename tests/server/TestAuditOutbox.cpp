// Audit entries of hot paths through audit_outbox (schema 45,
// TriggerAuditLog): a row in one B-tree with the hot path's own writes,
// moved into audit_logs later, many at once. On a real SQLCipher file, the
// writes going through the real write-behind queue where the server sends
// them there:
// - a move writes the oldest outbox rows into audit_logs as they were
//   (every column), in order, deletes them, and never writes one twice;
// - an entry already in audit_logs (a batch retried directly under the
//   same id) is kept as it was, and its outbox row still goes;
// - the flush moves everything in chunks, and an empty outbox is one read;
// - the queue runs a move as one op between other producers' writes.

#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "server/repositories/AuditRepository.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/WriteBehindQueue.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::server::repositories;

namespace {

// A row of audit_logs: its id and the entry it holds (a NULL user agent
// read as "<null>").
struct AuditRow
{
    QString id;
    AuditEntry entry;
};

AuditEntry entryFor(int n)
{
    return AuditEntry{QStringLiteral("user-1"),
                      QStringLiteral("FLOW_TRIGGERED"),
                      QStringLiteral("flow"),
                      QStringLiteral("flow-%1").arg(n % 2),
                      QStringLiteral("10.0.0.%1").arg(n),
                      n == 3 ? QString() : QStringLiteral("agent/%1").arg(n),
                      QStringLiteral(R"({"n":%1})").arg(n),
                      1'700'000'000'000 + n};
}

} // namespace

class TestAuditOutbox : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    crypto::SecureBytes m_key = crypto::SecureBytes::fromRaw(crypto::randomBytes(32));
    std::unique_ptr<store::Database> m_db;

    // Runs a queue op here as the writer does: in a transaction.
    void apply(const store::WriteOp &op)
    {
        auto txn = m_db->begin();
        QVERIFY(txn.ok());
        QVERIFY(m_db->execute(op.sql, op.params).ok());
        QVERIFY(txn.value().commit().ok());
    }

    QString add(int n)
    {
        QString id;
        apply(auditOutboxWrite(entryFor(n), &id));
        return id;
    }

    int move(int limit)
    {
        auto txn = m_db->begin();
        if (!txn)
            return -1;
        auto moved = moveAuditOutbox(*m_db, limit);
        if (!moved || !txn.value().commit())
            return -1;
        return moved.value();
    }

    QList<AuditRow> auditRows()
    {
        QList<AuditRow> rows;
        const Status read = m_db->forEachRow(
            QStringLiteral("SELECT id, user_id, action, resource_type, resource_id, ip_address, "
                           "user_agent, details, created_at FROM audit_logs ORDER BY created_at"),
            {}, [&rows](const store::Statement &s) {
                rows.append(
                    {s.text(0),
                     {s.text(1), s.text(2), s.text(3), s.text(4), s.text(5),
                      s.isNull(6) ? QStringLiteral("<null>") : s.text(6), s.text(7), s.int64(8)}});
            });
        if (!read)
            qWarning() << read.error().toString();
        return rows;
    }

    qint64 outboxRows()
    {
        return m_db->queryInt(QStringLiteral("SELECT count(*) FROM audit_outbox")).value();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db.reset();
        QFile::remove(m_dir.filePath("h.db"));
        auto db = store::Database::open(m_dir.filePath("h.db"), m_key);
        if (!db)
            QFAIL(qPrintable(db.error().toString()));
        m_db = std::move(db.value());
        QVERIFY(store::migrate(*m_db).ok());
        QVERIFY(m_db->execute(QStringLiteral("INSERT INTO users (id, username, email, "
                                             "password_hash, name) VALUES ('user-1', 'u', "
                                             "'u@example.com', 'x', 'U')"))
                    .ok());
    }

    void aMoveWritesTheOldestRowsOnce()
    {
        QStringList ids;
        for (int n = 1; n <= 5; ++n)
            ids << add(n);
        QCOMPARE(auditRows().size(), 0); // nothing in audit_logs yet
        QCOMPARE(outboxRows(), 5);

        QCOMPARE(move(2), 2);
        QCOMPARE(auditRows().size(), 2);
        QCOMPARE(outboxRows(), 3);
        QCOMPARE(move(2), 2);
        QCOMPARE(move(2), 1);
        QCOMPARE(move(2), 0);
        QCOMPARE(outboxRows(), 0);

        const QList<AuditRow> rows = auditRows();
        QCOMPARE(rows.size(), 5);
        for (int n = 1; n <= 5; ++n) {
            const AuditRow &row = rows.at(n - 1);
            const AuditEntry entry = entryFor(n);
            QCOMPARE(row.id, ids.at(n - 1));
            QCOMPARE(row.entry.userId, entry.userId);
            QCOMPARE(row.entry.action, entry.action);
            QCOMPARE(row.entry.resourceType, entry.resourceType);
            QCOMPARE(row.entry.resourceId, entry.resourceId);
            QCOMPARE(row.entry.ip, entry.ip);
            QCOMPARE(row.entry.userAgent, n == 3 ? QStringLiteral("<null>") : entry.userAgent);
            QCOMPARE(row.entry.details, entry.details);
            QCOMPARE(row.entry.createdAt, entry.createdAt);
        }
    }

    void aMoveOnlyTakesItsLimitInRowidOrder()
    {
        // Rows added after a partial move wait behind the ones before them.
        const QString first = add(1);
        const QString second = add(2);
        QCOMPARE(move(1), 1);
        const QString third = add(3);
        QCOMPARE(move(1), 1);
        QCOMPARE(auditRows().size(), 2);
        QCOMPARE(auditRows().at(1).id, second);
        QCOMPARE(move(10), 1);
        QCOMPARE(auditRows().at(2).id, third);
        QVERIFY(!first.isEmpty());
    }

    void anEntryAlreadyThereIsKept()
    {
        AuditEntry entry = entryFor(1);
        QString id;
        apply(auditOutboxWrite(entry, &id));
        // Its batch was thought lost and written directly (TriggerAuditLog).
        AuditEntry retried = entryFor(2);
        QVERIFY(insertAuditEntryIfMissing(*m_db, id, retried).ok());
        QCOMPARE(move(100), 1); // the outbox row goes …
        QCOMPARE(outboxRows(), 0);
        const QList<AuditRow> rows = auditRows();
        QCOMPARE(rows.size(), 1); // … and the row there stays as it was
        QCOMPARE(rows.first().id, id);
        QCOMPARE(rows.first().entry.ip, retried.ip);
        // Written directly once more: still one.
        QVERIFY(insertAuditEntryIfMissing(*m_db, id, entry).ok());
        QCOMPARE(auditRows().size(), 1);
    }

    void theFlushMovesEverythingInChunks()
    {
        QCOMPARE(flushAuditOutbox(*m_db).value(), 0); // empty: nothing to do
        for (int n = 1; n <= 25; ++n)
            add(n);
        QCOMPARE(flushAuditOutbox(*m_db, 7).value(), 25);
        QCOMPARE(outboxRows(), 0);
        QCOMPARE(auditRows().size(), 25);
        QCOMPARE(flushAuditOutbox(*m_db, 7).value(), 0);
        QCOMPARE(auditRows().size(), 25);
    }

    void theQueueRunsAMoveBetweenOtherWrites()
    {
        // The queue's own connection (the server's writer).
        store::WriteBehindQueue queue(m_dir.filePath("h.db"),
                                      crypto::SecureBytes::fromRaw(m_key.view()));
        QVERIFY(queue.start().ok());
        QStringList ids;
        for (int n = 1; n <= 3; ++n) {
            QString id;
            QVERIFY(queue.enqueue(auditOutboxWrite(entryFor(n), &id)).ok());
            ids << id;
        }
        auto moved = std::make_shared<std::atomic<int>>(-1);
        QVERIFY(queue.enqueue(moveAuditOutboxWrite(2, moved)).ok());
        // A row written after the move waits for the next one.
        QString late;
        QVERIFY(queue.enqueue(auditOutboxWrite(entryFor(4), &late)).ok());
        queue.flush();
        QCOMPARE(moved->load(), 2);
        QCOMPARE(queue.stats().failed, 0);
        QCOMPARE(auditRows().size(), 2);
        QCOMPARE(outboxRows(), 2);
        auto rest = std::make_shared<std::atomic<int>>(-1);
        QVERIFY(queue.enqueue(moveAuditOutboxWrite(100, rest)).ok());
        queue.flush();
        QCOMPARE(rest->load(), 2);
        queue.stop();
        QStringList stored;
        for (const AuditRow &row : auditRows())
            stored << row.id;
        ids << late;
        QCOMPARE(stored, ids);
        QCOMPARE(outboxRows(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditOutbox)
#include "TestAuditOutbox.moc"
