#include "PersistenceTestSupport.h"
#include "engine_store/JsonColumn.h"
#include "engine_store/StoreExecutionJournal.h"
#include "engine_store/StoredNodes.h"
#include "store/WriteBehindQueue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::persistence;
using namespace hm::engine::test;

// StoreExecutionJournal through a real WriteBehindQueue on a real SQLCipher
// file; rows are read back over a second connection after flush().
class TestJournal : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    crypto::SecureBytes m_key;
    std::unique_ptr<store::Database> m_db; // the reader
    std::unique_ptr<store::WriteBehindQueue> m_queue;
    std::unique_ptr<StoreExecutionJournal> m_journal;

    QString path() const { return m_dir->filePath(QStringLiteral("journal.db")); }

    // As the engine does before anyone waits: the turn ends (the journal
    // queues what it held back), then the queue is flushed.
    void endTurnAndFlush()
    {
        m_journal->endTurn();
        m_queue->flush();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_key = randomKey();
        m_db = openMigrated(path(), m_key);
        QVERIFY(m_db);
        m_queue = std::make_unique<store::WriteBehindQueue>(path(), copyOf(m_key));
        const Status started = m_queue->start();
        QVERIFY2(started.ok(), why(started));
        m_journal = std::make_unique<StoreExecutionJournal>(*m_queue);
    }

    void cleanup()
    {
        m_journal.reset();
        m_queue.reset();
        m_db.reset();
        m_dir.reset();
    }

    void executionStatusTransitionsArePersisted()
    {
        ExecutionRecord r = execution(QStringLiteral("e1"), QStringLiteral("pending"), 1000);
        r.triggerKey = QStringLiteral("customer-7");
        r.triggerInput = QJsonObject{{QStringLiteral("order"), 42}};
        m_journal->recordExecution(r);
        endTurnAndFlush();
        QCOMPARE(one(*m_db, QStringLiteral("SELECT status, trigger_key, trigger_input, started_at,"
                                           " ended_at, duration_ms FROM executions")),
                 QStringLiteral("pending|customer-7|{\"order\":42}|~|~|~"));

        r.status = QStringLiteral("running");
        r.startedAtMs = 1100;
        m_journal->recordExecution(r);
        endTurnAndFlush();
        QCOMPARE(one(*m_db, QStringLiteral("SELECT status, started_at FROM executions")),
                 QStringLiteral("running|1100"));

        // A node row must survive later execution updates (no REPLACE cascade).
        // (Its turn ends before the execution does, so it is a row.)
        m_journal->recordNode(
            node(QStringLiteral("e1"), QStringLiteral("n1"), QStringLiteral("completed")));
        m_journal->endTurn();
        r.status = QStringLiteral("failed");
        r.endedAtMs = 1350;
        r.errorCode = QStringLiteral("DEPENDENCY_FAILED");
        r.errorMessage = QStringLiteral("node n2 failed");
        r.outputs = QJsonObject{{QStringLiteral("result"), QStringLiteral("partial")}};
        m_journal->recordExecution(r);
        endTurnAndFlush();
        QCOMPARE(one(*m_db, QStringLiteral("SELECT status, created_at, started_at, ended_at,"
                                           " duration_ms, error_code, error_message, outputs"
                                           " FROM executions")),
                 QStringLiteral("failed|1000|1100|1350|250|DEPENDENCY_FAILED|node n2 failed|"
                                "{\"result\":\"partial\"}"));
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM executions")).valueOr(-1), 1);
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM node_executions")).valueOr(-1),
                 1);
        QCOMPARE(m_queue->stats().failed, 0);
    }

    void nodeRowsKeepTheLatestStatePerNode()
    {
        m_journal->recordExecution(
            execution(QStringLiteral("e1"), QStringLiteral("running"), 1000));
        NodeRecord a = node(QStringLiteral("e1"), QStringLiteral("a"), QStringLiteral("running"));
        a.startedAtMs = 2000;
        m_journal->recordNode(a);
        NodeRecord b = node(QStringLiteral("e1"), QStringLiteral("b"), QStringLiteral("skipped"));
        b.skipReason = QStringLiteral("DEPENDENCY_FAILED");
        m_journal->recordNode(b);
        endTurnAndFlush();
        const QString idOfA =
            one(*m_db, QStringLiteral("SELECT id FROM node_executions WHERE node_id = 'a'"));
        QCOMPARE(idOfA,
                 StoreExecutionJournal::nodeRowId(QStringLiteral("e1"), QStringLiteral("a")));

        a.status = QStringLiteral("failed");
        a.attempt = 3;
        a.endedAtMs = 2500;
        a.errorCode = QStringLiteral("EXECUTION_TIMEOUT");
        m_journal->recordNode(a);
        endTurnAndFlush();
        QCOMPARE(rows(*m_db, QStringLiteral("SELECT id, node_id, status, attempt, skip_reason,"
                                            " error_code, duration_ms FROM node_executions"
                                            " ORDER BY node_id")),
                 (QStringList{
                     idOfA + QStringLiteral("|a|failed|3|~|EXECUTION_TIMEOUT|500"),
                     StoreExecutionJournal::nodeRowId(QStringLiteral("e1"), QStringLiteral("b")) +
                         QStringLiteral("|b|skipped|1|DEPENDENCY_FAILED|~|~")}));
    }

    void secretsInNodeDataAreMasked()
    {
        const QString secret = QStringLiteral("s3cr3t-Very-Long-Password-Value");
        const QString token = QStringLiteral("tok_ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        m_journal->recordExecution(
            execution(QStringLiteral("e1"), QStringLiteral("running"), 1000));
        NodeRecord n =
            node(QStringLiteral("e1"), QStringLiteral("login"), QStringLiteral("completed"));
        n.inputs = QJsonObject{
            {QStringLiteral("user"), QStringLiteral("alice")},
            {QStringLiteral("password"), secret},
            {QStringLiteral("headers"),
             QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("Bearer ") + token}}}};
        n.outputs = QJsonObject{{QStringLiteral("accessToken"), token}};
        m_journal->recordNode(n);
        endTurnAndFlush();

        const QString stored =
            one(*m_db, QStringLiteral("SELECT inputs || ' ' || outputs FROM node_executions"));
        QVERIFY2(!stored.contains(secret), qPrintable(stored));
        QVERIFY2(!stored.contains(token), qPrintable(stored));
        QVERIFY2(stored.contains(QStringLiteral("alice")), qPrintable(stored));
        const QJsonObject inputs =
            QJsonDocument::fromJson(
                one(*m_db, QStringLiteral("SELECT inputs FROM node_executions")).toUtf8())
                .object();
        QVERIFY(inputs.contains(QStringLiteral("password")));
    }

    void oversizedJsonBecomesAMarker()
    {
        m_journal->recordExecution(
            execution(QStringLiteral("e1"), QStringLiteral("running"), 1000));
        NodeRecord n =
            node(QStringLiteral("e1"), QStringLiteral("big"), QStringLiteral("completed"));
        n.outputs = QJsonObject{{QStringLiteral("text"), QString(kMaxJsonColumnBytes, u'x')}};
        m_journal->recordNode(n);
        endTurnAndFlush();
        const QJsonObject stored =
            QJsonDocument::fromJson(
                one(*m_db, QStringLiteral("SELECT outputs FROM node_executions")).toUtf8())
                .object();
        QVERIFY(isTruncatedMarker(stored));
        QVERIFY(stored.value(QStringLiteral("originalBytes")).toDouble() > kMaxJsonColumnBytes);
    }

    void queueRowsAreAddedAndRemoved()
    {
        for (int i = 1; i <= 3; ++i)
            m_journal->recordQueued(queued(QStringLiteral("q%1").arg(i), i * 10));
        m_journal->removeQueued(QStringLiteral("q2"));
        endTurnAndFlush();
        QCOMPARE(rows(*m_db, QStringLiteral("SELECT execution_id, sequence, inputs, queued_at"
                                            " FROM execution_queue ORDER BY sequence")),
                 (QStringList{QStringLiteral("q1|10|{\"n\":10}|1010"),
                              QStringLiteral("q3|30|{\"n\":30}|1030")}));
    }

    // A queue row never silently replaces another request's: a sequence
    // clash is a failed write (counted, and the ticket range fails), and
    // the stored request stays as it was.
    void queueSequenceClashIsAnErrorNotAReplace()
    {
        m_journal->recordQueued(queued(QStringLiteral("first"), 7));
        endTurnAndFlush();
        const qint64 from = m_journal->durabilityTicket();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("dropping write")));
        m_journal->recordQueued(queued(QStringLiteral("second"), 7));
        endTurnAndFlush();
        QCOMPARE(m_queue->stats().failed, 1);
        QCOMPARE(m_journal->durability(from, m_journal->durabilityTicket()),
                 ExecutionJournal::Durability::Lost);
        QCOMPARE(rows(*m_db, QStringLiteral("SELECT execution_id, sequence FROM execution_queue")),
                 QStringList{QStringLiteral("first|7")});
    }

    // An execution that ends before the writer took any of its records
    // keeps its nodes in its own row: no node_executions rows, and every
    // reader sees the same states (masked, logs, errors, times, order).
    void executionEndingInOneBatchPacksItsNodes()
    {
        const QString secret = QStringLiteral("s3cr3t-Very-Long-Password-Value");
        ExecutionRecord r = execution(QStringLiteral("e1"), QStringLiteral("running"), 1000);
        m_journal->recordExecution(r);
        NodeRecord b = node(QStringLiteral("e1"), QStringLiteral("b"), QStringLiteral("running"));
        b.startedAtMs = 1200;
        b.inputs =
            QJsonObject{{QStringLiteral("password"), secret},
                        {QStringLiteral("text"), QStringLiteral("line 1\n\"quoted\" \\ \t")}};
        m_journal->recordNode(b);
        b.status = QStringLiteral("failed");
        b.endedAtMs = 1450;
        b.attempt = 2;
        b.errorCode = QStringLiteral("EXECUTION_TIMEOUT");
        b.errorMessage = QStringLiteral("took \"too\" long");
        b.logs = QStringList{QStringLiteral("first"), QStringLiteral("second")};
        m_journal->recordNode(b);
        NodeRecord a = node(QStringLiteral("e1"), QStringLiteral("a"), QStringLiteral("completed"));
        a.startedAtMs = 1100;
        a.endedAtMs = 1150;
        a.outputs =
            QJsonObject{{QStringLiteral("v"), 7}, {QStringLiteral("list"), QJsonArray{1, 2}}};
        m_journal->recordNode(a);
        NodeRecord c = node(QStringLiteral("e1"), QStringLiteral("c"), QStringLiteral("skipped"));
        c.skipReason = QStringLiteral("DEPENDENCY_FAILED");
        m_journal->recordNode(c);
        r.status = QStringLiteral("failed");
        r.endedAtMs = 1500;
        m_journal->recordExecution(r);
        endTurnAndFlush();

        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM node_executions")).valueOr(-1),
                 0);
        QCOMPARE(one(*m_db, QStringLiteral("SELECT status FROM executions")),
                 QStringLiteral("failed"));
        const QString packed = one(*m_db, QStringLiteral("SELECT node_states FROM executions"));
        QVERIFY2(!packed.contains(secret), qPrintable(packed));
        QVERIFY2(packed.startsWith(QStringLiteral("{\"format\":2,")), qPrintable(packed));
        QCOMPARE(packed.count(QStringLiteral("\"delay\"")), 1); // one component table entry
        QCOMPARE(m_queue->stats().packed, 3);

        const auto nodes = loadStoredNodes(*m_db, QStringLiteral("e1"));
        QVERIFY(nodes.ok());
        QCOMPARE(nodes.value().size(), 3);
        // Never started first, then by start time.
        QCOMPARE(nodes.value().at(0).nodeId, QStringLiteral("c"));
        QCOMPARE(nodes.value().at(0).skipReason, QStringLiteral("DEPENDENCY_FAILED"));
        QCOMPARE(nodes.value().at(0).startedAtMs, 0);
        QCOMPARE(nodes.value().at(0).durationMs, -1);
        QVERIFY(nodes.value().at(0).inputs.isNull());
        QCOMPARE(nodes.value().at(1).nodeId, QStringLiteral("a"));
        QCOMPARE(nodes.value().at(1).outputs.toObject(), a.outputs);
        QCOMPARE(nodes.value().at(1).durationMs, 50);
        const StoredNode &failed = nodes.value().at(2);
        QCOMPARE(failed.nodeId, QStringLiteral("b"));
        QCOMPARE(failed.status, QStringLiteral("failed"));
        QCOMPARE(failed.attempt, 2);
        QCOMPARE(failed.component, QStringLiteral("delay"));
        QCOMPARE(failed.version, QStringLiteral("1.0.0"));
        QCOMPARE(failed.errorCode, QStringLiteral("EXECUTION_TIMEOUT"));
        QCOMPARE(failed.errorMessage, QStringLiteral("took \"too\" long"));
        QCOMPARE(failed.startedAtMs, 1200);
        QCOMPARE(failed.endedAtMs, 1450);
        QCOMPARE(failed.durationMs, 250);
        QCOMPARE(failed.logs.toArray(),
                 (QJsonArray{QStringLiteral("first"), QStringLiteral("second")}));
        QCOMPARE(failed.inputs.toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("line 1\n\"quoted\" \\ \t"));
        QVERIFY(failed.inputs.toObject().contains(QStringLiteral("password")));
        QVERIFY(failed.inputs.toObject().value(QStringLiteral("password")).toString() != secret);

        const auto one = loadStoredNode(*m_db, QStringLiteral("e1"), QStringLiteral("b"));
        QVERIFY(one.ok() && one.value().has_value());
        QCOMPARE(one.value()->errorCode, QStringLiteral("EXECUTION_TIMEOUT"));
        const auto missing = loadStoredNode(*m_db, QStringLiteral("e1"), QStringLiteral("zz"));
        QVERIFY(missing.ok() && !missing.value().has_value());
    }

    // Rows packed by the first schema v6 builds (an array of keyed
    // objects) read as before, next to node rows.
    void firstPackedFormatStillReads()
    {
        ExecutionRecord r = execution(QStringLiteral("e1"), QStringLiteral("running"), 1000);
        m_journal->recordExecution(r);
        endTurnAndFlush();
        m_journal->recordNode(
            node(QStringLiteral("e1"), QStringLiteral("row"), QStringLiteral("completed")));
        m_journal->endTurn(); // the execution ends in a later turn: the node is a row
        r.status = QStringLiteral("completed");
        m_journal->recordExecution(r);
        endTurnAndFlush();
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM node_executions")).valueOr(-1),
                 1);
        QVERIFY(m_db->exec(QStringLiteral(
                               R"(UPDATE executions SET node_states = '[{"node_id":"old",)"
                               R"("component":"delay","version":"1.0.0","status":"completed",)"
                               R"("attempt":1,"outputs":{"v":7},"started_at":1100,)"
                               R"("ended_at":1150,"duration_ms":50}]')"))
                    .ok());
        const auto nodes = loadStoredNodes(*m_db, QStringLiteral("e1"));
        QVERIFY(nodes.ok());
        QCOMPARE(nodes.value().size(), 2);
        const auto old = loadStoredNode(*m_db, QStringLiteral("e1"), QStringLiteral("old"));
        QVERIFY(old.ok() && old.value().has_value());
        QCOMPARE(old.value()->outputs.toObject().value(QStringLiteral("v")).toInt(), 7);
        QCOMPARE(old.value()->durationMs, 50);
    }

    void packedOversizedJsonBecomesAMarker()
    {
        ExecutionRecord r = execution(QStringLiteral("e1"), QStringLiteral("running"), 1000);
        m_journal->recordExecution(r);
        NodeRecord n =
            node(QStringLiteral("e1"), QStringLiteral("big"), QStringLiteral("completed"));
        n.inputs = QJsonObject{{QStringLiteral("small"), 1}};
        // Non-ASCII: the cap counts UTF-8 bytes, not characters.
        n.outputs = QJsonObject{{QStringLiteral("text"), QString(kMaxJsonColumnBytes / 2, u'é')}};
        m_journal->recordNode(n);
        r.status = QStringLiteral("completed");
        m_journal->recordExecution(r);
        endTurnAndFlush();
        QCOMPARE(m_queue->stats().packed, 1);
        const auto big = loadStoredNode(*m_db, QStringLiteral("e1"), QStringLiteral("big"));
        QVERIFY(big.ok() && big.value().has_value());
        QVERIFY(isTruncatedMarker(big.value()->outputs.toObject()));
        QVERIFY(big.value()->outputs.toObject().value(QStringLiteral("originalBytes")).toDouble() >
                kMaxJsonColumnBytes);
        QCOMPARE(big.value()->inputs.toObject(), n.inputs);
    }

    // An execution that outlives an engine turn: the node records of that
    // turn go to the queue as rows, and so do all later ones (a node must
    // never be a row and packed at once); once the writer has stored the
    // first record, the final record's UPDATE must not depend on what it
    // missed.
    void executionOutlivingATurnKeepsNodeRows()
    {
        ExecutionRecord r = execution(QStringLiteral("e1"), QStringLiteral("running"), 1000);
        m_journal->recordExecution(r);
        m_journal->recordNode(
            node(QStringLiteral("e1"), QStringLiteral("a"), QStringLiteral("running")));
        endTurnAndFlush();
        m_journal->recordNode(
            node(QStringLiteral("e1"), QStringLiteral("a"), QStringLiteral("completed")));
        m_journal->recordNode(
            node(QStringLiteral("e1"), QStringLiteral("b"), QStringLiteral("completed")));
        r.status = QStringLiteral("completed");
        r.endedAtMs = 1500;
        m_journal->recordExecution(r);
        endTurnAndFlush();
        QCOMPARE(
            rows(*m_db, QStringLiteral("SELECT node_id FROM node_executions ORDER BY node_id")),
            (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(one(*m_db, QStringLiteral("SELECT status, node_states FROM executions")),
                 QStringLiteral("completed|~"));
        QCOMPARE(m_queue->stats().packed, 0);
        const auto nodes = loadStoredNodes(*m_db, QStringLiteral("e1"));
        QVERIFY(nodes.ok());
        QCOMPARE(nodes.value().size(), 2);
        QCOMPARE(nodes.value().at(0).status, QStringLiteral("completed"));
        QCOMPARE(nodes.value().at(1).status, QStringLiteral("completed"));
    }

    // The writer may store the running record before the final one comes
    // (it commits whenever it is free): when every node record of the
    // execution is still held by the journal in the final record's turn,
    // they ride in the final UPDATE.
    void nodesHeldInTheTurnRideInTheFinalUpdate()
    {
        ExecutionRecord r = execution(QStringLiteral("e1"), QStringLiteral("running"), 1000);
        m_journal->recordExecution(r);
        m_queue->flush(); // the running record is on disk
        for (const char *id : {"a", "b", "c"}) {
            NodeRecord n =
                node(QStringLiteral("e1"), QString::fromLatin1(id), QStringLiteral("running"));
            m_journal->recordNode(n);
            n.status = QStringLiteral("completed");
            n.outputs = QJsonObject{{QStringLiteral("id"), QString::fromLatin1(id)}};
            m_journal->recordNode(n); // replaces the held running record
        }
        r.status = QStringLiteral("completed");
        r.endedAtMs = 1500;
        m_journal->recordExecution(r);
        endTurnAndFlush();
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM node_executions")).valueOr(-1),
                 0);
        QCOMPARE(m_queue->stats().packed, 3);
        const auto nodes = loadStoredNodes(*m_db, QStringLiteral("e1"));
        QVERIFY(nodes.ok());
        QCOMPARE(nodes.value().size(), 3);
        for (const StoredNode &n : nodes.value()) {
            QCOMPARE(n.status, QStringLiteral("completed"));
            QCOMPARE(n.outputs.toObject().value(QStringLiteral("id")).toString(), n.nodeId);
        }
    }

    // A turn of more node records than the journal holds (a wide flow)
    // queues them as ops of their own: each node is stored once (a row, or
    // packed by the queue when they meet their host in a batch, as here),
    // and the final record brings none of its own.
    void wideTurnWritesRows()
    {
        ExecutionRecord r = execution(QStringLiteral("e1"), QStringLiteral("running"), 1000);
        m_journal->recordExecution(r);
        constexpr int kNodes = 70;
        for (int i = 0; i < kNodes; ++i)
            m_journal->recordNode(node(QStringLiteral("e1"), QStringLiteral("n%1").arg(i),
                                       QStringLiteral("completed")));
        r.status = QStringLiteral("completed");
        r.endedAtMs = 1500;
        m_journal->recordExecution(r);
        endTurnAndFlush();
        const qint64 rowsWritten =
            m_db->queryInt(QStringLiteral("SELECT count(*) FROM node_executions")).valueOr(-1);
        QCOMPARE(rowsWritten + m_queue->stats().packed, qint64(kNodes));
        QCOMPARE(m_queue->stats().written, qint64(kNodes) + 1); // the nodes and the execution
        const auto nodes = loadStoredNodes(*m_db, QStringLiteral("e1"));
        QVERIFY(nodes.ok());
        QCOMPARE(nodes.value().size(), kNodes);
        for (const StoredNode &n : nodes.value())
            QCOMPARE(n.status, QStringLiteral("completed"));
    }

    // Held records never wait past what the journal is told next: another
    // execution's record, the queue's records, a ticket, the turn's end.
    // Each of these puts them in the queue before its own record.
    void heldRecordsGoFirstWhenAnythingElseComes()
    {
        const auto heldThenCall = [&](const QString &id, const std::function<void()> &call) {
            m_journal->recordExecution(execution(id, QStringLiteral("running"), 1000));
            m_journal->recordNode(node(id, QStringLiteral("a"), QStringLiteral("running")));
            const qint64 before = m_queue->ticket();
            call();
            // The node's op is in the queue now (with whatever call() added).
            QVERIFY2(m_queue->ticket() > before, qPrintable(id));
        };
        heldThenCall(QStringLiteral("e1"), [&] { m_journal->endTurn(); });
        heldThenCall(QStringLiteral("e2"), [&] { m_journal->durabilityTicket(); });
        heldThenCall(QStringLiteral("e3"),
                     [&] { m_journal->recordQueued(queued(QStringLiteral("q3"), 3)); });
        heldThenCall(QStringLiteral("e4"), [&] { m_journal->removeQueued(QStringLiteral("q3")); });
        heldThenCall(QStringLiteral("e5"), [&] {
            m_journal->recordNode(
                node(QStringLiteral("e1"), QStringLiteral("b"), QStringLiteral("running")));
            m_journal->endTurn();
        });
        heldThenCall(QStringLiteral("e6"), [&] {
            m_journal->recordExecution(
                execution(QStringLiteral("e7"), QStringLiteral("running"), 1000));
        });
        endTurnAndFlush();
        QCOMPARE(
            rows(*m_db, QStringLiteral("SELECT execution_id || '/' || node_id FROM "
                                       "node_executions ORDER BY 1")),
            (QStringList{QStringLiteral("e1/a"), QStringLiteral("e1/b"), QStringLiteral("e2/a"),
                         QStringLiteral("e3/a"), QStringLiteral("e4/a"), QStringLiteral("e5/a"),
                         QStringLiteral("e6/a")}));
        // Their final records carry nothing: the nodes are rows already.
        for (const char *id : {"e1", "e2", "e3", "e4", "e5", "e6"}) {
            ExecutionRecord r =
                execution(QString::fromLatin1(id), QStringLiteral("completed"), 1000);
            r.endedAtMs = 1500;
            m_journal->recordExecution(r);
        }
        endTurnAndFlush();
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM executions WHERE"
                                               " node_states IS NOT NULL"))
                     .valueOr(-1),
                 0);
        QCOMPARE(m_queue->stats().packed, 0);
    }

    // A node record that comes after its execution's final one (a late
    // cancellation) is a row, and the row wins over the packed state.
    void lateNodeRowWinsOverPackedState()
    {
        ExecutionRecord r = execution(QStringLiteral("e1"), QStringLiteral("running"), 1000);
        m_journal->recordExecution(r);
        m_journal->recordNode(
            node(QStringLiteral("e1"), QStringLiteral("a"), QStringLiteral("running")));
        r.status = QStringLiteral("failed");
        m_journal->recordExecution(r);
        endTurnAndFlush();
        m_journal->recordNode(
            node(QStringLiteral("e1"), QStringLiteral("a"), QStringLiteral("cancelled")));
        endTurnAndFlush();
        QCOMPARE(one(*m_db, QStringLiteral("SELECT status FROM node_executions")),
                 QStringLiteral("cancelled"));
        const auto nodes = loadStoredNodes(*m_db, QStringLiteral("e1"));
        QVERIFY(nodes.ok());
        QCOMPARE(nodes.value().size(), 1);
        QCOMPARE(nodes.value().first().status, QStringLiteral("cancelled"));
        const auto a = loadStoredNode(*m_db, QStringLiteral("e1"), QStringLiteral("a"));
        QVERIFY(a.ok() && a.value().has_value());
        QCOMPARE(a.value()->status, QStringLiteral("cancelled"));
    }

    void nothingIsLostAfterStop()
    {
        constexpr int kExecutions = 500;
        for (int i = 0; i < kExecutions; ++i) {
            const QString id = QStringLiteral("e%1").arg(i);
            ExecutionRecord r = execution(id, QStringLiteral("running"), 1000 + i);
            m_journal->recordExecution(r);
            m_journal->recordNode(node(id, QStringLiteral("n"), QStringLiteral("completed")));
            r.status = QStringLiteral("completed");
            m_journal->recordExecution(r);
            m_journal->recordQueued(queued(QStringLiteral("q-") + id, i + 1));
        }
        m_queue->stop(); // no flush(): stop() must write what is queued
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM executions"
                                               " WHERE status = 'completed'"))
                     .valueOr(-1),
                 kExecutions);
        // Each node is stored once: as a row, or packed into its
        // execution's row when both met in one batch.
        for (int i = 0; i < kExecutions; ++i) {
            const auto nodes = loadStoredNodes(*m_db, QStringLiteral("e%1").arg(i));
            QVERIFY(nodes.ok());
            QCOMPARE(nodes.value().size(), 1);
            QCOMPARE(nodes.value().first().status, QStringLiteral("completed"));
        }
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM execution_queue")).valueOr(-1),
                 kExecutions);
        QCOMPARE(m_queue->stats().failed, 0);
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "TestJournal.moc"
