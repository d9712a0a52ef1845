// The Engine facade: state lives on the engine thread, answers and events
// come back on the caller's thread. Includes the synchronous test helper.
// The engine may also share its creator's thread (EngineOptions::ownThread
// false): then calls are still queued, never run inside the call.

#include "EngineFixtures.h"
#include "engine/Engine.h"

#include <QSignalSpy>
#include <QtTest>
#include <atomic>
#include <optional>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::test;

namespace {

// Synchronous wrapper for tests: runs a call and waits for its answer.
template <typename T, typename Call> Result<T> await(Call call)
{
    std::optional<Result<T>> answer;
    QObject context;
    call(&context, [&](Result<T> r) { answer.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
        return Error{ErrorCode::InternalError, QStringLiteral("no answer"), {}};
    return std::move(*answer);
}

// Completes at once, remembering the thread its start() ran on.
class ThreadRecordingExecutor final : public NodeExecutor
{
public:
    std::atomic<QThread *> startedOn{nullptr};
    std::atomic<int> starts{0};

    std::unique_ptr<NodeRun> start(const NodeTask &task, NodeDone done) override
    {
        startedOn = QThread::currentThread();
        ++starts;
        done(NodeOutcome::completed(task.inputs));
        return nullptr;
    }
};

// The built-ins plus "where" 1.0.0, which records the thread it ran on.
std::shared_ptr<ThreadRecordingExecutor> addWhere(ExecutorRegistry &registry)
{
    flow::ComponentInterface whereIface;
    whereIface.name = QStringLiteral("where");
    whereIface.version = QStringLiteral("1.0.0");
    auto where = std::make_shared<ThreadRecordingExecutor>();
    registry.add(whereIface, where);
    return where;
}

// a -> delay 1 ms (a timer of the engine's thread) -> where
flow::CompiledFlowPtr throughDelayToWhere(const ExecutorRegistry &registry)
{
    return FlowBuilder()
        .node("a")
        .node("d", "delay", json(R"({"ms": 1})"))
        .node("b", "where")
        .edge("a", "d")
        .edge("d", "b")
        .compile(registry);
}

} // namespace

class TestEngineThread : public QObject
{
    Q_OBJECT
private slots:
    void runsOnItsOwnThread();
    void sharesItsCreatorsThread();
    void sharedEngineStopsWithWorkPending();
};

void TestEngineThread::runsOnItsOwnThread()
{
    auto registry = std::make_shared<ExecutorRegistry>();
    registerBuiltins(*registry);
    auto where = addWhere(*registry);
    RecordingJournal journal;
    Engine engine(registry, &journal, {});
    QSignalSpy events(&engine, &Engine::engineEvent);
    QThread *callerThread = QThread::currentThread();
    QThread *seenOn = nullptr;

    auto flow = throughDelayToWhere(*registry);
    auto started = await<TriggerResult>([&](QObject *ctx, auto cb) {
        engine.trigger({"f", "1", flow, {}, "user:1"}, ctx, [&, cb](Result<TriggerResult> r) {
            seenOn = QThread::currentThread();
            cb(std::move(r));
        });
    });
    QVERIFY(started.ok());
    QCOMPARE(seenOn, callerThread);
    const QString id = started.value().executionId;
    QTRY_VERIFY(!events.isEmpty() && events.last().at(0).value<EngineEvent>().type ==
                                         EngineEvent::Type::ExecutionCompleted);
    auto snap = await<QJsonObject>([&](QObject *ctx, auto cb) { engine.snapshot(id, ctx, cb); });
    QCOMPARE(snap.value()["status"].toString(), "completed");
    QCOMPARE(events.size(), 8); // started, 3x (node started, completed), completed
    // Node attempts start on the engine's thread, never the caller's.
    QCOMPARE(where->starts.load(), 1);
    QVERIFY(engine.engineThread() != nullptr);
    QVERIFY(engine.engineThread() != callerThread);
    QCOMPARE(where->startedOn.load(), engine.engineThread());

    auto cancelled =
        await<CancelResult>([&](QObject *ctx, auto cb) { engine.cancel(id, {}, ctx, cb); });
    QCOMPARE(cancelled.error().code, ErrorCode::ExecutionAlreadyCompleted);
    auto rerun = await<TriggerResult>([&](QObject *ctx, auto cb) { engine.rerun({id}, ctx, cb); });
    QVERIFY(rerun.ok());
    auto killed = await<CancelResult>(
        [&](QObject *ctx, auto cb) { engine.kill(rerun.value().executionId, ctx, cb); });
    QVERIFY(killed.ok() || killed.error().code == ErrorCode::ExecutionAlreadyCompleted);
    auto restored = await<bool>([&](QObject *ctx, auto cb) { engine.restoreQueue({}, ctx, cb); });
    QVERIFY(restored.ok());
    auto purged = await<int>([&](QObject *ctx, auto cb) { engine.purgeExpired(0, ctx, cb); });
    QCOMPARE(purged.value(), 0);
}

void TestEngineThread::sharesItsCreatorsThread()
{
    auto registry = std::make_shared<ExecutorRegistry>();
    registerBuiltins(*registry);
    auto where = addWhere(*registry);
    RecordingJournal journal;
    Engine engine(registry, &journal, {}, EngineOptions{.ownThread = false});
    QThread *callerThread = QThread::currentThread();
    QCOMPARE(engine.engineThread(), callerThread);
    QSignalSpy events(&engine, &Engine::engineEvent);

    auto flow = throughDelayToWhere(*registry);
    // Queued like a call to another thread: nothing runs inside trigger(),
    // neither the work nor its answer.
    bool answered = false;
    std::optional<Result<TriggerResult>> started;
    QObject context;
    engine.trigger({"f", "1", flow, {}, "user:1"}, &context, [&](Result<TriggerResult> r) {
        answered = true;
        started.emplace(std::move(r));
    });
    QVERIFY(!answered);
    QVERIFY(journal.executions.isEmpty());
    QTRY_VERIFY(answered);
    QVERIFY(started->ok());
    const QString id = started->value().executionId;
    QTRY_VERIFY(!events.isEmpty() && events.last().at(0).value<EngineEvent>().type ==
                                         EngineEvent::Type::ExecutionCompleted);
    QCOMPARE(events.size(), 8);
    // Node attempts start on the shared thread.
    QCOMPARE(where->starts.load(), 1);
    QCOMPARE(where->startedOn.load(), callerThread);

    // runHere() runs at once on the engine's thread (the host's blocking
    // calls use it when they share the thread).
    std::optional<ExecutionStatus> status;
    engine.runHere([&](Scheduler &s) { status = s.status(id); });
    QCOMPARE(status, std::optional(ExecutionStatus::Completed));

    auto snap = await<QJsonObject>([&](QObject *ctx, auto cb) { engine.snapshot(id, ctx, cb); });
    QCOMPARE(snap.value()["status"].toString(), "completed");
    auto rerun = await<TriggerResult>([&](QObject *ctx, auto cb) { engine.rerun({id}, ctx, cb); });
    QVERIFY(rerun.ok());
    QTRY_COMPARE(where->starts.load(), 2);
    auto cancelled =
        await<CancelResult>([&](QObject *ctx, auto cb) { engine.cancel(id, {}, ctx, cb); });
    QCOMPARE(cancelled.error().code, ErrorCode::ExecutionAlreadyCompleted);
}

void TestEngineThread::sharedEngineStopsWithWorkPending()
{
    // An execution waiting in a delay node, and a call still queued, when
    // the engine is destroyed on its shared thread: no answer and no crash
    // afterwards, and the thread's event loop goes on.
    auto registry = std::make_shared<ExecutorRegistry>();
    registerBuiltins(*registry);
    RecordingJournal journal;
    auto flow = FlowBuilder().node("d", "delay", json(R"({"ms": 50})")).compile(*registry);
    bool answered = false;
    {
        Engine engine(registry, &journal, {}, EngineOptions{.ownThread = false});
        auto started = await<TriggerResult>([&](QObject *ctx, auto cb) {
            engine.trigger({"f", "1", flow, {}, "user:1"}, ctx, cb);
        });
        QVERIFY(started.ok());
        QObject context;
        engine.snapshot(started.value().executionId, &context,
                        [&](Result<QJsonObject>) { answered = true; });
    }
    QTest::qWait(100);
    QVERIFY(!answered);
}

QTEST_GUILESS_MAIN(TestEngineThread)
#include "TestEngineThread.moc"
