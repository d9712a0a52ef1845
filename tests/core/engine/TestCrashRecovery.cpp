#include "CrashSeed.h"
#include "PersistenceTestSupport.h"
#include "engine/Engine.h"
#include "engine/builtins/Builtins.h"
#include "engine_store/ExecutionRecovery.h"
#include "engine_store/StoreExecutionJournal.h"
#include "flow/FlowCompiler.h"
#include "store/WriteBehindQueue.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/types.h>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::persistence;
using namespace hm::engine::test;

// A real crash: hm_engine_crash_host journals executions until it is killed
// with SIGKILL after a random number of flushed rounds (CrashHost.cpp says
// what a round writes); recovery then runs on the file it left. No sleeps:
// the test waits on the host's output.
class TestCrashRecovery : public QObject
{
    Q_OBJECT

private:
    static constexpr int kCrashes = 6;
    static constexpr qint64 kNow = 1'000'000;

    // Rounds acknowledged by the host ("flushed N ..." lines), the last one.
    static qint64 lastFlushed(const QByteArray &output)
    {
        qint64 last = 0;
        const QList<QByteArray> lines = output.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QList<QByteArray> parts = lines[i].split(' ');
            if (parts.size() >= 2 && parts[0] == "flushed")
                last = parts[1].toLongLong();
        }
        return last;
    }

    // Round k's queued request is started (removed from the queue) in round
    // k + 2 when that is a multiple of 4.
    static bool startedBy(qint64 k, qint64 round) { return k + 2 <= round && (k + 2) % 4 == 0; }

    void runAndKill(const QString &path, const crypto::SecureBytes &key, qint64 &flushed,
                    const QStringList &extraArgs = {}, QByteArray *outputOut = nullptr,
                    int minTarget = 1)
    {
        QProcess host;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HM_ENGINE_CRASH_KEY"), QString::fromLatin1(key.toHex()));
        host.setProcessEnvironment(env);
        host.start(QStringLiteral(HIVEMIND_BIN_DIR "/hm_engine_crash_host"),
                   QStringList{path} + extraArgs);
        QVERIFY2(host.waitForStarted(), qPrintable(host.errorString()));

        const qint64 target = hm::test::crashRandom().bounded(minTarget, 40);
        QByteArray output;
        while (lastFlushed(output) < target) {
            if (!host.waitForReadyRead(60'000))
                QFAIL(qPrintable(QStringLiteral("host stalled or died: ") +
                                 QString::fromUtf8(host.readAllStandardError())));
            output += host.readAllStandardOutput();
        }
        QCOMPARE(::kill(pid_t(host.processId()), SIGKILL), 0);
        QVERIFY(host.waitForFinished(60'000));
        QCOMPARE(host.exitStatus(), QProcess::CrashExit);
        // Lines written before the kill landed are acknowledged too.
        output += host.readAllStandardOutput();
        flushed = lastFlushed(output);
        QVERIFY(flushed >= target);
        if (outputOut)
            *outputOut = output;
    }

    void verifyRecovered(store::Database &db, qint64 flushed)
    {
        Result<RecoveryReport> report = recoverExecutions(db, kNow);
        QVERIFY2(report.ok(), why(report));

        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM executions WHERE status IN"
                                            " ('pending', 'running', 'cancelling')"))
                     .valueOr(-1),
                 0);
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM node_executions WHERE status IN"
                                            " ('pending', 'running')"))
                     .valueOr(-1),
                 0);
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM node_executions"
                                            " WHERE inputs LIKE '%hunter2-secret%'"
                                            " OR outputs LIKE '%hunter2-secret%'"))
                     .valueOr(-1),
                 0);
        // Packed node states (executions that ended within one batch) are
        // masked the same way; so are execution outputs.
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM executions"
                                            " WHERE node_states LIKE '%hunter2-secret%'"
                                            " OR outputs LIKE '%hunter2-secret%'"))
                     .valueOr(-1),
                 0);

        // Every flushed round is there, ended as the rules say.
        const QString ended = QStringLiteral("failed|system|SYSTEM");
        for (qint64 k = 1; k <= flushed; ++k) {
            const QString p = QString::number(k);
            const auto status = [&](const QString &id) {
                return one(db,
                           QStringLiteral("SELECT status, coalesce(cancel_reason, '-'),"
                                          " coalesce(error_code, '-') FROM executions"
                                          " WHERE id = ?"),
                           {id});
            };
            QCOMPARE(status(p + QStringLiteral("-run")), ended);
            QCOMPARE(one(db,
                         QStringLiteral("SELECT group_concat(node_id || ':' || status, ',') FROM"
                                        " (SELECT * FROM node_executions WHERE execution_id = ?"
                                        " ORDER BY node_id)"),
                         {p + QStringLiteral("-run")}),
                     QStringLiteral("a:completed,b:failed"));
            QCOMPARE(status(p + QStringLiteral("-done")), QStringLiteral("completed|-|-"));
            if (k % 3 == 0)
                QCOMPARE(status(p + QStringLiteral("-cancel")), ended);
            const bool started = startedBy(k, flushed);
            const QString queuedStatus = status(p + QStringLiteral("-queued"));
            if (!started && startedBy(k, flushed + 1)) {
                // Started by the unacknowledged round flushed + 1, whose
                // committed prefix may or may not hold that record (as for
                // the queue below).
                QVERIFY2(queuedStatus == ended || queuedStatus == QStringLiteral("queued|-|-"),
                         qPrintable(queuedStatus));
            } else {
                QCOMPARE(queuedStatus, started ? ended : QStringLiteral("queued|-|-"));
            }
        }

        // The queue: the flushed rounds' requests not started yet, in order;
        // the unacknowledged round flushed + 1 may have committed a prefix,
        // which can start round flushed - 1 and queue round flushed + 1.
        QList<qint64> expected;
        for (qint64 k = 1; k <= flushed; ++k) {
            if (!startedBy(k, flushed))
                expected << k;
        }
        QList<qint64> got;
        for (const QueuedRequest &q : report.value().queue) {
            const qint64 k = q.executionId.section(u'-', 0, 0).toLongLong();
            QCOMPARE(q.sequence, k * 10);
            QCOMPARE(q.inputs.value(QStringLiteral("round")).toInteger(), k);
            got << k;
        }
        QList<qint64> allowed = expected;
        if (startedBy(flushed - 1, flushed + 1))
            allowed.removeOne(flushed - 1);
        for (const QList<qint64> &base : {expected, allowed}) {
            if (got == base || got == QList<qint64>(base) << flushed + 1)
                return;
        }
        QFAIL(qPrintable(QStringLiteral("queue after %1 flushed rounds is wrong").arg(flushed)));
    }

private slots:
    void killedHostIsRecovered()
    {
        for (int crash = 0; crash < kCrashes; ++crash) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const QString path = dir.filePath(QStringLiteral("crash.db"));
            const crypto::SecureBytes key = randomKey();
            QVERIFY(openMigrated(path, key)); // created, migrated, closed

            qint64 flushed = 0;
            runAndKill(path, key, flushed);
            if (QTest::currentTestFailed())
                return;

            std::unique_ptr<store::Database> db = openMigrated(path, key);
            QVERIFY(db);
            verifyRecovered(*db, flushed);
            if (QTest::currentTestFailed()) {
                qWarning("crash %d after %lld flushed rounds", crash, qlonglong(flushed));
                return;
            }
        }
    }

    // The same with a real Engine: a queue-mode flow with one slot whose
    // only node is a delay that outlasts the test, triggered until the kill.
    // Recovery ends the running execution; its queue, restored into a new
    // Engine running a fast version of the flow, starts in FIFO order and
    // leaves no slot behind.
    void killedEngineIsRecoveredAndQueueRestored()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        const crypto::SecureBytes key = randomKey();
        QVERIFY(openMigrated(path, key));

        qint64 flushed = 0;
        QByteArray output;
        // At least three triggers: one running, two or more queued.
        runAndKill(path, key, flushed, {QStringLiteral("engine")}, &output, 3);
        if (QTest::currentTestFailed())
            return;
        // "flushed k started|queued <id>": the first starts, the rest queue.
        QStringList started;
        QStringList queuedIds;
        const QList<QByteArray> lines = output.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QList<QByteArray> parts = lines[i].split(' ');
            QCOMPARE(parts.size(), 4);
            (parts[2] == "started" ? started : queuedIds) << QString::fromLatin1(parts[3]);
        }
        QCOMPARE(started.size(), 1);
        QCOMPARE(queuedIds.size(), flushed - 1);

        std::unique_ptr<store::Database> db = openMigrated(path, key);
        QVERIFY(db);
        Result<RecoveryReport> report = recoverExecutions(*db, kNow);
        QVERIFY2(report.ok(), why(report));
        QCOMPARE(report.value().interrupted, started);
        QCOMPARE(one(*db,
                     QStringLiteral("SELECT e.status, e.cancel_reason, n.status, n.error_code"
                                    " FROM executions e JOIN node_executions n"
                                    " ON n.execution_id = e.id WHERE e.id = ?"),
                     {started.first()}),
                 QStringLiteral("failed|system|failed|SYSTEM"));
        QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM executions WHERE status IN"
                                             " ('pending', 'running', 'cancelling')"))
                     .valueOr(-1),
                 0);
        QList<QueuedRequest> queue = report.value().queue;
        QStringList restoredIds;
        for (const QueuedRequest &q : queue)
            restoredIds << q.executionId;
        // An unacknowledged last trigger may have reached the disk too.
        if (restoredIds.size() == queuedIds.size() + 1)
            restoredIds.removeLast();
        QCOMPARE(restoredIds, queuedIds);
        db.reset();

        // A new Engine (the restarted server) with a fast version of the flow.
        auto registry = std::make_shared<ExecutorRegistry>();
        registerBuiltins(*registry);
        Result<flow::CompiledFlowPtr> fast = flow::compileJson(
            QJsonDocument::fromJson(R"({"nodes": [{"id": "wait", "component": "delay",
                "version": "1.0.0", "config": {"ms": 0}}]})")
                .object(),
            QJsonObject{{QStringLiteral("concurrency"),
                         QJsonObject{{QStringLiteral("mode"), QStringLiteral("queue")},
                                     {QStringLiteral("maxInstances"), 1}}}},
            *registry);
        QVERIFY2(fast.ok(), why(fast));
        store::WriteBehindQueue writes(path, copyOf(key));
        QVERIFY(writes.start().ok());
        persistence::StoreExecutionJournal journal(writes);
        QStringList startOrder;
        int completed = 0;
        {
            Engine engine(registry, &journal,
                          [&](const QString &, const QString &) { return fast; });
            connect(&engine, &Engine::engineEvent, this, [&](const EngineEvent &event) {
                if (event.type == EngineEvent::Type::ExecutionStarted)
                    startOrder << event.executionId;
                if (event.type == EngineEvent::Type::ExecutionCompleted &&
                    event.status == QStringLiteral("completed"))
                    ++completed;
            });
            std::optional<bool> restored;
            engine.restoreQueue(queue, this, [&](Result<bool> r) { restored = r.ok(); });
            QTRY_VERIFY_WITH_TIMEOUT(restored.has_value(), 30'000);
            QVERIFY(*restored);
            QTRY_COMPARE_WITH_TIMEOUT(completed, int(queue.size()), 30'000);

            QStringList expectedOrder;
            for (const QueuedRequest &q : queue)
                expectedOrder << q.executionId;
            QCOMPARE(startOrder, expectedOrder);

            // No slot leaks: nothing active, no holder left in the flow's scope.
            std::optional<int> active;
            std::optional<int> holders;
            const QString scope = ConcurrencyManager::scopeId(queue.first().flowId, QString());
            engine.post([&, scope](Scheduler &s) {
                const int a = s.activeCount();
                const int h = s.concurrency().holderCount(scope);
                QMetaObject::invokeMethod(this, [&, a, h] {
                    active = a;
                    holders = h;
                });
            });
            QTRY_VERIFY_WITH_TIMEOUT(active.has_value(), 30'000);
            QCOMPARE(*active, 0);
            QCOMPARE(*holders, 0);
        }
        writes.stop();

        // And the store agrees: every restored request completed, queue empty.
        db = openMigrated(path, key);
        QVERIFY(db);
        QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM execution_queue")).valueOr(-1),
                 0);
        QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM executions"
                                             " WHERE status = 'completed'"))
                     .valueOr(-1),
                 qint64(queue.size()));
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "TestCrashRecovery.moc"
