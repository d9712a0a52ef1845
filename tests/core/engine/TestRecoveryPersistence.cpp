#include "PersistenceTestSupport.h"
#include "engine_store/ExecutionRecovery.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::persistence;
using namespace hm::engine::test;

// recoverExecutions() on a database seeded as a crash would leave it.
class TestRecoveryPersistence : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 kNow = 50'000;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_db;

    void exec(const QString &sql, const QVariantList &params = {})
    {
        Result<store::Statement> stmt = m_db->prepare(sql);
        QVERIFY2(stmt.ok(), why(stmt));
        for (qsizetype i = 0; i < params.size(); ++i)
            stmt.value().bind(int(i) + 1, params.at(i));
        const Status ran = stmt.value().run();
        QVERIFY2(ran.ok(), why(ran));
    }

    void addExecution(const QString &id, const QString &status, const QVariant &startedAt,
                      const QVariant &endedAt = {})
    {
        exec(QStringLiteral("INSERT INTO executions (id, flow_id, flow_version, status,"
                            " created_at, started_at, ended_at) VALUES (?, 'f', '1', ?, 1, ?, ?)"),
             {id, status, startedAt, endedAt});
    }

    void addNode(const QString &executionId, const QString &nodeId, const QString &status,
                 const QVariant &startedAt = {})
    {
        exec(QStringLiteral("INSERT INTO node_executions (id, execution_id, node_id, component,"
                            " version, status, started_at) VALUES (?, ?, ?, 'delay', '1', ?, ?)"),
             {executionId + u'/' + nodeId, executionId, nodeId, status, startedAt});
    }

    void addQueued(const QString &executionId, qint64 sequence)
    {
        exec(QStringLiteral("INSERT INTO execution_queue (execution_id, flow_id, flow_version,"
                            " scope_key, inputs, triggered_by, queued_at, sequence)"
                            " VALUES (?, 'f', '1', 'k', ?, 'u', ?, ?)"),
             {executionId, QStringLiteral("{\"seq\":%1}").arg(sequence), 100 + sequence, sequence});
    }

    QString execution(const QString &id)
    {
        return one(*m_db,
                   QStringLiteral("SELECT status, cancel_reason, error_code, error_message,"
                                  " ended_at, duration_ms FROM executions WHERE id = ?"),
                   {id});
    }

    QString nodeStatus(const QString &executionId, const QString &nodeId)
    {
        return one(*m_db,
                   QStringLiteral("SELECT status, error_code, ended_at, duration_ms"
                                  " FROM node_executions WHERE execution_id = ? AND node_id = ?"),
                   {executionId, nodeId});
    }

    static QStringList ids(const QList<QueuedRequest> &queue)
    {
        QStringList out;
        for (const QueuedRequest &q : queue)
            out << q.executionId;
        return out;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = openMigrated(m_dir->filePath(QStringLiteral("recovery.db")), randomKey());
        QVERIFY(m_db);

        addExecution(QStringLiteral("running"), QStringLiteral("running"), 40'000);
        addNode(QStringLiteral("running"), QStringLiteral("done"), QStringLiteral("completed"),
                40'000);
        addNode(QStringLiteral("running"), QStringLiteral("busy"), QStringLiteral("running"),
                45'000);
        addNode(QStringLiteral("running"), QStringLiteral("next"), QStringLiteral("pending"));
        addExecution(QStringLiteral("cancelling"), QStringLiteral("cancelling"), 30'000);
        addNode(QStringLiteral("cancelling"), QStringLiteral("busy"), QStringLiteral("running"),
                30'000);
        addExecution(QStringLiteral("pending"), QStringLiteral("pending"), QVariant());
        addExecution(QStringLiteral("completed"), QStringLiteral("completed"), 10'000, 20'000);
        addNode(QStringLiteral("completed"), QStringLiteral("a"), QStringLiteral("completed"),
                10'000);
        addExecution(QStringLiteral("cancelled"), QStringLiteral("cancelled"), 10'000, 11'000);
        // Queued: three waiting in the queue (inserted out of order), one
        // whose queue row never reached the disk, one that ended meanwhile.
        addExecution(QStringLiteral("q-b"), QStringLiteral("queued"), QVariant());
        addExecution(QStringLiteral("q-a"), QStringLiteral("queued"), QVariant());
        addExecution(QStringLiteral("q-c"), QStringLiteral("queued"), QVariant());
        addExecution(QStringLiteral("q-orphan"), QStringLiteral("queued"), QVariant());
        addQueued(QStringLiteral("q-b"), 7);
        addQueued(QStringLiteral("q-a"), 3);
        addQueued(QStringLiteral("q-c"), 12);
        addQueued(QStringLiteral("cancelled"), 5);
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void endsExactlyTheUnfinishedExecutions()
    {
        const QString finishedBefore = execution(QStringLiteral("completed")) + u';' +
                                       execution(QStringLiteral("cancelled")) + u';' +
                                       nodeStatus(QStringLiteral("completed"), QStringLiteral("a"));

        Result<RecoveryReport> report = recoverExecutions(*m_db, kNow);
        QVERIFY2(report.ok(), why(report));
        QCOMPARE(report.value().interrupted,
                 (QStringList{QStringLiteral("cancelling"), QStringLiteral("pending"),
                              QStringLiteral("q-orphan"), QStringLiteral("running")}));
        QCOMPARE(report.value().staleQueued, QStringList{QStringLiteral("cancelled")});

        const QString ended =
            QStringLiteral("failed|system|SYSTEM|interrupted by a server restart|50000|");
        QCOMPARE(execution(QStringLiteral("running")), ended + QStringLiteral("10000"));
        QCOMPARE(execution(QStringLiteral("cancelling")), ended + QStringLiteral("20000"));
        QCOMPARE(execution(QStringLiteral("pending")), ended + u'~');
        QCOMPARE(execution(QStringLiteral("q-orphan")), ended + u'~');

        QCOMPARE(nodeStatus(QStringLiteral("running"), QStringLiteral("done")),
                 QStringLiteral("completed|~|~|~"));
        QCOMPARE(nodeStatus(QStringLiteral("running"), QStringLiteral("busy")),
                 QStringLiteral("failed|SYSTEM|50000|5000"));
        QCOMPARE(nodeStatus(QStringLiteral("running"), QStringLiteral("next")),
                 QStringLiteral("cancelled|~|50000|~"));
        QCOMPARE(nodeStatus(QStringLiteral("cancelling"), QStringLiteral("busy")),
                 QStringLiteral("failed|SYSTEM|50000|20000"));

        // Finished executions and their nodes are untouched.
        QCOMPARE(execution(QStringLiteral("completed")) + u';' +
                     execution(QStringLiteral("cancelled")) + u';' +
                     nodeStatus(QStringLiteral("completed"), QStringLiteral("a")),
                 finishedBefore);
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM executions WHERE status IN"
                                               " ('pending', 'running', 'cancelling')"))
                     .valueOr(-1),
                 0);
        QVERIFY(!m_db->inTransaction());
    }

    void returnsTheQueueInOrder()
    {
        Result<RecoveryReport> report = recoverExecutions(*m_db, kNow);
        QVERIFY2(report.ok(), why(report));
        const QList<QueuedRequest> &queue = report.value().queue;
        QCOMPARE(ids(queue), (QStringList{QStringLiteral("q-a"), QStringLiteral("q-b"),
                                          QStringLiteral("q-c")}));
        const QueuedRequest &first = queue.first();
        QCOMPARE(first.flowId, QStringLiteral("f"));
        QCOMPARE(first.flowVersion, QStringLiteral("1"));
        QCOMPARE(first.scopeKey, QStringLiteral("k"));
        QCOMPARE(first.inputs, (QJsonObject{{QStringLiteral("seq"), 3}}));
        QCOMPARE(first.triggeredBy, QStringLiteral("u"));
        QCOMPARE(first.queuedAtMs, 103);
        QCOMPARE(first.sequence, 3);
        // The queued executions wait: still queued, not ended.
        QCOMPARE(execution(QStringLiteral("q-a")), QStringLiteral("queued|~|~|~|~|~"));
    }

    void isIdempotent()
    {
        Result<RecoveryReport> first = recoverExecutions(*m_db, kNow);
        QVERIFY2(first.ok(), why(first));
        const QStringList snapshot =
            rows(*m_db, QStringLiteral("SELECT * FROM executions ORDER BY id")) +
            rows(*m_db, QStringLiteral("SELECT * FROM node_executions ORDER BY id")) +
            rows(*m_db, QStringLiteral("SELECT * FROM execution_queue ORDER BY sequence"));

        Result<RecoveryReport> second = recoverExecutions(*m_db, kNow + 1000);
        QVERIFY2(second.ok(), why(second));
        QVERIFY(second.value().interrupted.isEmpty());
        QVERIFY(second.value().staleQueued.isEmpty());
        QCOMPARE(ids(second.value().queue), ids(first.value().queue));
        QCOMPARE(rows(*m_db, QStringLiteral("SELECT * FROM executions ORDER BY id")) +
                     rows(*m_db, QStringLiteral("SELECT * FROM node_executions ORDER BY id")) +
                     rows(*m_db, QStringLiteral("SELECT * FROM execution_queue ORDER BY sequence")),
                 snapshot);
    }

    void emptyDatabaseRecoversNothing()
    {
        QVERIFY(
            m_db->exec(QStringLiteral("DELETE FROM execution_queue; DELETE FROM executions")).ok());
        Result<RecoveryReport> report = recoverExecutions(*m_db, kNow);
        QVERIFY2(report.ok(), why(report));
        QVERIFY(report.value().interrupted.isEmpty());
        QVERIFY(report.value().queue.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecoveryPersistence)
#include "TestRecoveryPersistence.moc"
