// hm_engine_crash_host: the child process of TestCrashRecovery. Journals
// executions through StoreExecutionJournal on a WriteBehindQueue, round
// after round, until it is killed:
//
//   hm_engine_crash_host <db>          journal mode (below)
//   hm_engine_crash_host <db> engine   a real Engine (further below)
//
// Round r (from 1) writes, in this order:
//   r-run     pending, then running, with node "a" completed and "b" running
//   r-done    pending, running, node "a" completed, then completed
//   r-cancel  (every 3rd round) running, then cancelling, node "a" running
//   r-queued  queued, plus its queue row with sequence r * 10
//   and on every 4th round the request queued two rounds earlier starts:
//   its queue row is removed and its execution becomes running.
// Then it flushes the queue and prints "flushed r": every op of rounds up
// to r is committed. The database must exist and be migrated.
//
// Engine mode stores flow kCrashFlowName (one delay node that outlasts the
// test, concurrency queue with one instance) through FlowRepository,
// publishes it, and triggers it again and again on a real Engine whose
// journal is StoreExecutionJournal. After each trigger is answered it
// flushes and prints "flushed k started|queued <execution id>".
//
// Test-only: the raw database key comes hex-encoded in HM_ENGINE_CRASH_KEY.

#include "crypto/SecureBytes.h"
#include "engine/Engine.h"
#include "engine/builtins/Builtins.h"
#include "engine_store/FlowRepository.h"
#include "engine_store/StoreExecutionJournal.h"
#include "store/Database.h"
#include "store/WriteBehindQueue.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QString>
#include <cstdio>
#include <optional>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::persistence;

namespace {

int fail(const QString &what)
{
    std::fprintf(stderr, "crash host: %s\n", qUtf8Printable(what));
    return 2;
}

ExecutionRecord execution(const QString &id, const QString &status, qint64 round)
{
    ExecutionRecord r;
    r.id = id;
    r.flowId = QStringLiteral("crash-flow");
    r.flowVersion = QStringLiteral("1");
    r.status = status;
    r.triggerInput = QJsonObject{{QStringLiteral("round"), double(round)}};
    r.triggeredBy = QStringLiteral("system");
    r.historyLevel = QStringLiteral("all");
    r.createdAtMs = round;
    return r;
}

NodeRecord node(const QString &executionId, const QString &nodeId, const QString &status,
                qint64 round)
{
    NodeRecord r;
    r.executionId = executionId;
    r.nodeId = nodeId;
    r.component = QStringLiteral("delay");
    r.version = QStringLiteral("1.0.0");
    r.status = status;
    r.attempt = 1;
    r.inputs = QJsonObject{{QStringLiteral("password"), QStringLiteral("hunter2-secret")}};
    r.startedAtMs = round;
    return r;
}

void writeRound(ExecutionJournal &journal, qint64 round)
{
    const QString prefix = QString::number(round);

    ExecutionRecord run =
        execution(prefix + QStringLiteral("-run"), QStringLiteral("pending"), round);
    journal.recordExecution(run);
    run.status = QStringLiteral("running");
    run.startedAtMs = round;
    journal.recordExecution(run);
    NodeRecord a = node(run.id, QStringLiteral("a"), QStringLiteral("completed"), round);
    a.endedAtMs = round + 1;
    journal.recordNode(a);
    journal.recordNode(node(run.id, QStringLiteral("b"), QStringLiteral("running"), round));

    ExecutionRecord done =
        execution(prefix + QStringLiteral("-done"), QStringLiteral("pending"), round);
    journal.recordExecution(done);
    done.status = QStringLiteral("running");
    done.startedAtMs = round;
    journal.recordExecution(done);
    journal.recordNode(node(done.id, QStringLiteral("a"), QStringLiteral("completed"), round));
    done.status = QStringLiteral("completed");
    done.endedAtMs = round + 5;
    journal.recordExecution(done);

    if (round % 3 == 0) {
        ExecutionRecord cancel =
            execution(prefix + QStringLiteral("-cancel"), QStringLiteral("running"), round);
        cancel.startedAtMs = round;
        journal.recordExecution(cancel);
        journal.recordNode(node(cancel.id, QStringLiteral("a"), QStringLiteral("running"), round));
        cancel.status = QStringLiteral("cancelling");
        cancel.cancelReason = QStringLiteral("user_requested");
        journal.recordExecution(cancel);
    }

    const QString queuedId = prefix + QStringLiteral("-queued");
    journal.recordExecution(execution(queuedId, QStringLiteral("queued"), round));
    QueuedRequest request;
    request.executionId = queuedId;
    request.flowId = QStringLiteral("crash-flow");
    request.flowVersion = QStringLiteral("1");
    request.inputs = QJsonObject{{QStringLiteral("round"), double(round)}};
    request.triggeredBy = QStringLiteral("system");
    request.queuedAtMs = round;
    request.sequence = round * 10;
    journal.recordQueued(request);

    if (round % 4 == 0) {
        const QString startedId = QString::number(round - 2) + QStringLiteral("-queued");
        journal.removeQueued(startedId);
        ExecutionRecord started = execution(startedId, QStringLiteral("running"), round - 2);
        started.startedAtMs = round;
        journal.recordExecution(started);
    }
    // A round is one engine turn: what the journal held back goes now.
    journal.endTurn();
}

// The published flow's id, or an error message.
std::optional<QString> storeFlow(store::Database &db, QString &error)
{
    NewFlow newFlow;
    newFlow.name = QStringLiteral("crash-engine");
    newFlow.ownerId = QStringLiteral("system");
    Result<flow::FlowDefinition> definition =
        flow::FlowDefinition::fromJson(QByteArray(R"({"nodes": [{"id": "wait",
            "component": "delay", "version": "1.0.0", "config": {"ms": 3600000}}]})"));
    if (!definition.ok()) {
        error = definition.error().toString();
        return std::nullopt;
    }
    newFlow.definition = definition.value();
    newFlow.settings.concurrency.mode = flow::ConcurrencyMode::Queue;
    newFlow.settings.concurrency.maxInstances = 1;
    FlowRepository repo(db);
    Result<FlowRecord> created = repo.createFlow(newFlow);
    if (!created.ok()) {
        error = created.error().toString();
        return std::nullopt;
    }
    const Status published = repo.publish(created.value().id, QStringLiteral("1"));
    if (!published.ok()) {
        error = published.error().toString();
        return std::nullopt;
    }
    return created.value().id;
}

int runEngine(const QString &path, const QByteArray &key, store::WriteBehindQueue &queue,
              ExecutionJournal &journal)
{
    Result<std::unique_ptr<store::Database>> db =
        store::Database::open(path, crypto::SecureBytes::fromRaw(key), {false});
    if (!db.ok())
        return fail(db.error().toString());
    QString error;
    const std::optional<QString> flowId = storeFlow(*db.value(), error);
    if (!flowId)
        return fail(error);

    auto registry = std::make_shared<ExecutorRegistry>();
    registerBuiltins(*registry);
    FlowRepository repo(*db.value());
    Result<flow::CompiledFlowPtr> compiled =
        repo.loadCompiled(*flowId, QStringLiteral("1"), *registry);
    if (!compiled.ok())
        return fail(compiled.error().toString());
    // The loader would run on the engine thread; this host never restores,
    // so it is never called while the main thread uses the connection.
    Engine engine(registry, &journal, [&](const QString &id, const QString &version) {
        return repo.loadCompiled(id, version, *registry);
    });

    for (qint64 k = 1;; ++k) {
        TriggerRequest request;
        request.flowId = *flowId;
        request.version = QStringLiteral("1");
        request.flow = compiled.value();
        request.inputs = QJsonObject{{QStringLiteral("k"), double(k)}};
        request.triggeredBy = QStringLiteral("system");
        std::optional<Result<TriggerResult>> answer;
        QEventLoop loop;
        engine.trigger(request, &loop, [&](Result<TriggerResult> result) {
            answer.emplace(std::move(result));
            loop.quit();
        });
        if (!answer)
            loop.exec();
        if (!answer->ok())
            return fail(answer->error().toString());
        // The scheduler journals before it answers, so this covers the trigger.
        queue.flush();
        if (queue.stats().failed != 0)
            return fail(QStringLiteral("%1 writes failed").arg(queue.stats().failed));
        std::printf("flushed %lld %s %s\n", static_cast<long long>(k),
                    qPrintable(answer->value().statusName()),
                    qPrintable(answer->value().executionId));
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool engineMode = argc == 3 && QByteArray(argv[2]) == "engine";
    if (argc != 2 && !engineMode)
        return fail(QStringLiteral("usage: hm_engine_crash_host <db> [engine]"));
    const QByteArray keyHex = qgetenv("HM_ENGINE_CRASH_KEY");
    if (keyHex.size() != 64)
        return fail(QStringLiteral("HM_ENGINE_CRASH_KEY must hold 32 bytes as hex"));

    // Small batches so the writer commits mid-round too: the kill then
    // lands between commits of a round as well as between rounds.
    store::WriteBehindOptions options;
    options.maxBatch = 7;
    store::WriteBehindQueue queue(QString::fromLocal8Bit(argv[1]),
                                  crypto::SecureBytes::fromRaw(QByteArray::fromHex(keyHex)),
                                  options);
    const Status started = queue.start();
    if (!started.ok())
        return fail(started.error().toString());
    StoreExecutionJournal journal(queue);
    if (engineMode)
        return runEngine(QString::fromLocal8Bit(argv[1]), QByteArray::fromHex(keyHex), queue,
                         journal);

    for (qint64 round = 1;; ++round) {
        writeRound(journal, round);
        queue.flush();
        if (queue.stats().failed != 0)
            return fail(QStringLiteral("%1 writes failed").arg(queue.stats().failed));
        std::printf("flushed %lld\n", static_cast<long long>(round));
        std::fflush(stdout);
    }
}
