// The Engine facade: state lives on the engine thread, answers and events
// come back on the caller's thread. Includes the synchronous test helper.

#include "EngineFixtures.h"
#include "engine/Engine.h"

#include <QSignalSpy>
#include <QtTest>
#include <atomic>

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

} // namespace

class TestEngineThread : public QObject
{
    Q_OBJECT
private slots:
    void runsOnItsOwnThread();
};

void TestEngineThread::runsOnItsOwnThread()
{
    auto registry = std::make_shared<ExecutorRegistry>();
    registerBuiltins(*registry);
    flow::ComponentInterface whereIface;
    whereIface.name = QStringLiteral("where");
    whereIface.version = QStringLiteral("1.0.0");
    auto where = std::make_shared<ThreadRecordingExecutor>();
    registry->add(whereIface, where);
    RecordingJournal journal;
    Engine engine(registry, &journal, {});
    QSignalSpy events(&engine, &Engine::engineEvent);
    QThread *callerThread = QThread::currentThread();
    QThread *seenOn = nullptr;

    auto flow = FlowBuilder()
                    .node("a")
                    .node("d", "delay", json(R"({"ms": 1})"))
                    .node("b", "where")
                    .edge("a", "d")
                    .edge("d", "b")
                    .compile(*registry);
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

QTEST_GUILESS_MAIN(TestEngineThread)
#include "TestEngineThread.moc"
