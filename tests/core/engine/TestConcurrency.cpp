// Concurrency modes and scopes, queue positions and FIFO, replace, restore
// after restart, and a seeded randomized run checking that leases always
// match running executions.

#include "EngineFixtures.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::test;

namespace {

FlowBuilder oneNode(const char *settings)
{
    return FlowBuilder().node("w", "ctl").settings(json(settings));
}

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT
private slots:
    void allowIsUnlimited();
    void denyReportsRunningExecutions();
    void queueKeepsFifoWithPositions();
    void cancelQueuedRemovesIt();
    void replaceCancelsRunningAndStarts();
    void replaceWaitsForTheSlot();
    void triggerKeyScopes();
    void missingTriggerKeyIsRejected();
    void restoredQueueStartsInOrder();
    void randomizedLeases();
};

void TestConcurrency::allowIsUnlimited()
{
    Harness h;
    auto flow = h.compile(oneNode(R"({"concurrency": {"mode": "allow", "maxInstances": 1}})"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(h.trigger(flow).value().status, TriggerResult::Status::Started);
    QCOMPARE(h.scheduler->concurrency().holderCount("flow-1"), 3);
}

void TestConcurrency::denyReportsRunningExecutions()
{
    Harness h;
    auto flow = h.compile(oneNode(R"({"concurrency": {"mode": "deny", "maxInstances": 2}})"));
    const QString a = h.trigger(flow).value().executionId;
    const QString b = h.trigger(flow).value().executionId;
    auto denied = h.trigger(flow);
    QVERIFY(!denied);
    QCOMPARE(denied.error().code, ErrorCode::ConcurrentDenied);
    QCOMPARE(denied.error().details["running_executions"].toArray(), (QJsonArray{a, b}));
    QCOMPARE(h.scheduler->executionCount(), 2); // a denied trigger leaves nothing behind
    h.ctl->complete(a + "/w");
    QVERIFY(h.trigger(flow).ok());
}

void TestConcurrency::queueKeepsFifoWithPositions()
{
    Harness h;
    auto flow = h.compile(oneNode(R"({"concurrency": {"mode": "queue", "maxInstances": 1}})"));
    const auto first = h.trigger(flow).value();
    QCOMPARE(first.status, TriggerResult::Status::Started);
    QStringList queued;
    for (int i = 1; i <= 3; ++i) {
        const auto r = h.trigger(flow).value();
        QCOMPARE(r.status, TriggerResult::Status::Queued);
        QCOMPARE(r.queuePosition, i);
        QCOMPARE(h.statusOf(r.executionId), ExecutionStatus::Queued);
        queued.append(r.executionId);
    }
    QCOMPARE(h.journal.queued.size(), 3);
    QCOMPARE(h.scheduler->snapshot(queued[1]).value()["queue_position"].toInt(), 2);

    QString current = first.executionId;
    for (const QString &next : queued) {
        h.ctl->complete(current + "/w");
        QCOMPARE(h.statusOf(current), ExecutionStatus::Completed);
        QCOMPARE(h.statusOf(next), ExecutionStatus::Running);
        QVERIFY(!h.journal.queued.contains(next));
        current = next;
    }
    h.ctl->complete(current + "/w");
    QCOMPARE(h.ctl->startOrder, (QStringList{first.executionId} + queued));
    QCOMPARE(h.scheduler->concurrency().totalLeases(), 0);
}

void TestConcurrency::cancelQueuedRemovesIt()
{
    Harness h;
    auto flow = h.compile(oneNode(R"({"concurrency": {"mode": "queue"}})"));
    const QString a = h.trigger(flow).value().executionId;
    const QString b = h.trigger(flow).value().executionId;
    const QString c = h.trigger(flow).value().executionId;
    auto r = h.scheduler->cancel(b, {});
    QVERIFY(r.ok());
    QCOMPARE(r.value().status, ExecutionStatus::Cancelled);
    QVERIFY(!h.journal.queued.contains(b));
    QCOMPARE(h.scheduler->snapshot(c).value()["queue_position"].toInt(), 1);
    h.ctl->complete(a + "/w");
    QCOMPARE(h.statusOf(c), ExecutionStatus::Running);
    QCOMPARE(h.ctl->startsByExec.value(b), 0);
}

void TestConcurrency::replaceCancelsRunningAndStarts()
{
    Harness h;
    auto flow = h.compile(oneNode(R"({"concurrency": {"mode": "replace"}})"));
    const QString a = h.trigger(flow).value().executionId;
    const auto b = h.trigger(flow).value();
    QCOMPARE(b.status, TriggerResult::Status::Started);
    QCOMPARE(h.statusOf(a), ExecutionStatus::Cancelled);
    QCOMPARE(h.scheduler->execution(a)->cancelReason, CancelReason::Replaced);
    QCOMPARE(h.scheduler->concurrency().holders("flow-1"), QStringList{b.executionId});
}

void TestConcurrency::replaceWaitsForTheSlot()
{
    Harness h;
    h.ctl->honourCancel = false;
    auto flow = h.compile(oneNode(R"({"concurrency": {"mode": "replace"}})"));
    const QString a = h.trigger(flow).value().executionId;
    const auto b = h.trigger(flow).value();
    QCOMPARE(h.statusOf(a), ExecutionStatus::Cancelling);
    QCOMPARE(b.status, TriggerResult::Status::Queued);
    QCOMPARE(b.queuePosition, 1);
    // A third replace supersedes the waiting second one.
    const auto c = h.trigger(flow).value();
    QCOMPARE(h.statusOf(b.executionId), ExecutionStatus::Cancelled);
    QCOMPARE(c.status, TriggerResult::Status::Queued);
    // The old run finally stops: its slot goes to the newest.
    h.ctl->finish(a + "/w", NodeOutcome::cancelled());
    QCOMPARE(h.statusOf(a), ExecutionStatus::Cancelled);
    QCOMPARE(h.statusOf(c.executionId), ExecutionStatus::Running);
    QCOMPARE(h.ctl->startsByExec.value(b.executionId), 0);
}

void TestConcurrency::triggerKeyScopes()
{
    Harness h;
    auto flow = h.compile(oneNode(
        R"({"concurrency": {"mode": "queue", "scope": "trigger_key", "scopeKey": "customer"}})"));
    const auto a1 = h.trigger(flow, json(R"({"customer": "a"})")).value();
    const auto b1 = h.trigger(flow, json(R"({"customer": "b"})")).value();
    const auto a2 = h.trigger(flow, json(R"({"customer": "a"})")).value();
    const auto n1 = h.trigger(flow, json(R"({"customer": 12})")).value();
    QCOMPARE(a1.status, TriggerResult::Status::Started);
    QCOMPARE(b1.status, TriggerResult::Status::Started);
    QCOMPARE(n1.status, TriggerResult::Status::Started);
    QCOMPARE(a2.status, TriggerResult::Status::Queued);
    QCOMPARE(h.scheduler->execution(a2.executionId)->scopeKey, "a");
    QCOMPARE(h.scheduler->execution(n1.executionId)->scopeKey, "12");
    QCOMPARE(h.journal.queued.value(a2.executionId).scopeKey, "a");
    h.ctl->complete(b1.executionId + "/w");
    QCOMPARE(h.statusOf(a2.executionId), ExecutionStatus::Queued);
    h.ctl->complete(a1.executionId + "/w");
    QCOMPARE(h.statusOf(a2.executionId), ExecutionStatus::Running);

    auto deny = h.compile(oneNode(R"({"concurrency": {"mode": "deny", "scope": "trigger_key",
                                                       "scopeKey": "$.trigger.k.id"}})"));
    QVERIFY(h.trigger(deny, json(R"({"k": {"id": "x"}})"), "flow-2").ok());
    QVERIFY(h.trigger(deny, json(R"({"k": {"id": "y"}})"), "flow-2").ok());
    auto denied = h.trigger(deny, json(R"({"k": {"id": "x"}})"), "flow-2");
    QCOMPARE(denied.error().code, ErrorCode::ConcurrentDenied);
    QCOMPARE(denied.error().details["running_executions"].toArray().size(), 1);
}

void TestConcurrency::missingTriggerKeyIsRejected()
{
    Harness h;
    auto flow = h.compile(oneNode(
        R"({"concurrency": {"mode": "queue", "scope": "trigger_key", "scopeKey": "customer"}})"));
    auto r = h.trigger(flow, json(R"({"other": 1})"));
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::ValidationError);
    QCOMPARE(h.scheduler->executionCount(), 0);
}

void TestConcurrency::restoredQueueStartsInOrder()
{
    Harness h;
    auto flow = h.compile(oneNode(R"({"concurrency": {"mode": "queue", "maxInstances": 1}})"));
    h.flows["flow-1@1"] = flow;
    QList<QueuedRequest> restored;
    for (int i = 3; i >= 1; --i)
        restored.append(
            QueuedRequest{QStringLiteral("q%1").arg(i), "flow-1", "1", "", {}, "user:1", 1000, i});
    restored.append(QueuedRequest{"lost", "gone-flow", "1", "", {}, "user:1", 1000, 4});
    QVERIFY(h.scheduler->restoreQueue(restored).ok());
    QCOMPARE(h.statusOf("q1"), ExecutionStatus::Running);
    QCOMPARE(h.statusOf("q2"), ExecutionStatus::Queued);
    QCOMPARE(h.statusOf("lost"), ExecutionStatus::Failed); // its flow cannot be loaded
    h.ctl->complete("q1/w");
    QCOMPARE(h.statusOf("q2"), ExecutionStatus::Running);
    h.ctl->complete("q2/w");
    h.ctl->complete("q3/w");
    QCOMPARE(h.ctl->startOrder, (QStringList{"q1", "q2", "q3"}));
    QCOMPARE(h.scheduler->concurrency().totalLeases(), 0);
}

// ~2,000 seeded operations over flows in every mode and scope; after each
// one the leases must match the running executions exactly.
void TestConcurrency::randomizedLeases()
{
    Harness h;
    struct FlowCase
    {
        QString id;
        flow::CompiledFlowPtr flow;
        bool allow;
        bool timeout;
    };
    QList<FlowCase> flows{
        {"allow", h.compile(oneNode(R"({"concurrency": {"mode": "allow"}})")), true, false},
        {"deny", h.compile(oneNode(R"({"concurrency": {"mode": "deny", "maxInstances": 2}})")),
         false, false},
        {"queue", h.compile(oneNode(R"({"concurrency": {"mode": "queue"}})")), false, false},
        {"queue-key", h.compile(oneNode(R"({"concurrency": {"mode": "queue", "scope": "trigger_key",
                                               "scopeKey": "k", "maxInstances": 2}})")),
         false, false},
        {"replace", h.compile(oneNode(R"({"concurrency": {"mode": "replace"}})")), false, false},
        {"replace-key",
         h.compile(oneNode(R"({"concurrency": {"mode": "replace", "scope": "trigger_key",
                                               "scopeKey": "k"}})")),
         false, false},
        {"deny-key", h.compile(oneNode(R"({"concurrency": {"mode": "deny", "scope": "trigger_key",
                                               "scopeKey": "k"}})")),
         false, false},
        {"timeout", h.compile(oneNode(R"({"concurrency": {"mode": "queue"},
                               "timeout": {"flowTimeoutMs": 1}})")),
         false, true},
    };
    const QStringList keys{"k1", "k2", "k3"};
    QRandomGenerator rng(20240113);
    QStringList all;
    QHash<QString, QStringList> queuedOrder; // scope -> ids in the order they queued
    QSet<QString> everQueued;

    auto check = [&](int step) {
        QHash<QString, QSet<QString>> running;
        QSet<QString> queuedNow;
        for (const QString &id : std::as_const(all)) {
            const Execution *e = h.scheduler->execution(id);
            QVERIFY(e);
            if (e->status == ExecutionStatus::Running || e->status == ExecutionStatus::Cancelling)
                running[e->scope].insert(id);
            if (e->status == ExecutionStatus::Queued)
                queuedNow.insert(id);
            QVERIFY2(h.ctl->startsByExec.value(id) <= 1, qPrintable(id));
        }
        const ConcurrencyManager &cm = h.scheduler->concurrency();
        int leases = 0;
        for (auto it = running.cbegin(); it != running.cend(); ++it) {
            const QStringList holders = cm.holders(it.key());
            QCOMPARE(QSet<QString>(holders.begin(), holders.end()), it.value());
            leases += static_cast<int>(it.value().size());
        }
        QVERIFY2(cm.totalLeases() == leases, qPrintable(QString::number(step)));
        for (const QString &scope : cm.scopes()) {
            const QStringList q = cm.queued(scope);
            if (q.isEmpty())
                continue;
            const Execution *head = h.scheduler->execution(q.first());
            // Nobody waits while a slot is free.
            QVERIFY2(cm.holderCount(scope) >= head->flow->settings().concurrency.maxInstances,
                     qPrintable(QStringLiteral("step %1 scope %2").arg(step).arg(scope)));
        }
        QCOMPARE(QSet<QString>(h.journal.queued.keyBegin(), h.journal.queued.keyEnd()), queuedNow);
    };

    auto activeIds = [&] {
        QStringList ids;
        for (const QString &id : std::as_const(all))
            if (!isTerminal(h.statusOf(id)))
                ids.append(id);
        return ids;
    };

    for (int step = 0; step < 2000; ++step) {
        const int op = static_cast<int>(rng.bounded(100));
        h.ctl->honourCancel = rng.bounded(3) != 0;
        if (op < 40) {
            const FlowCase &f = flows[static_cast<int>(rng.bounded(flows.size()))];
            QJsonObject inputs{{"k", keys[static_cast<int>(rng.bounded(keys.size()))]}};
            auto r = h.trigger(f.flow, inputs, f.id);
            if (r) {
                all.append(r.value().executionId);
                if (r.value().status == TriggerResult::Status::Queued) {
                    const Execution *e = h.scheduler->execution(r.value().executionId);
                    queuedOrder[e->scope].append(e->id);
                    everQueued.insert(e->id);
                }
            } else {
                QCOMPARE(r.error().code, ErrorCode::ConcurrentDenied);
            }
        } else if (op < 65 || op < 75) {
            const QStringList live = h.ctl->live();
            if (!live.isEmpty()) {
                const QString key = live[static_cast<int>(rng.bounded(live.size()))];
                if (op < 65)
                    h.ctl->complete(key);
                else
                    h.ctl->fail(key);
            }
        } else if (op < 88) {
            const QStringList ids = activeIds();
            if (!ids.isEmpty()) {
                const QString id = ids[static_cast<int>(rng.bounded(ids.size()))];
                auto r = h.scheduler->cancel(id, {CancelReason::UserRequested, {}, "user:1"});
                if (!r)
                    QCOMPARE(r.error().code, ErrorCode::ExecutionAlreadyCancelled);
            }
        } else if (op < 95) {
            const QStringList ids = activeIds();
            if (!ids.isEmpty())
                QVERIFY(h.scheduler->kill(ids[static_cast<int>(rng.bounded(ids.size()))]).ok());
        } else {
            // Let the flow timeouts of the "timeout" flow fire.
            QString target;
            for (const QString &id : activeIds())
                if (h.scheduler->execution(id)->flowId == "timeout" &&
                    h.statusOf(id) == ExecutionStatus::Running)
                    target = id;
            if (!target.isEmpty()) {
                QVERIFY(QTest::qWaitFor(
                    [&] { return h.statusOf(target) != ExecutionStatus::Running; }));
                if (h.statusOf(target) == ExecutionStatus::Cancelling &&
                    h.ctl->isRunning(target + "/w"))
                    h.ctl->finish(target + "/w", NodeOutcome::cancelled());
                QCOMPARE(h.statusOf(target), ExecutionStatus::Cancelled);
                QCOMPARE(h.scheduler->execution(target)->cancelReason, CancelReason::Timeout);
            }
        }
        check(step);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("invariant broken at step %1").arg(step)));
    }

    // Drain: finish whatever still runs until nothing is active.
    h.ctl->honourCancel = true;
    for (int guard = 0; guard < 10000 && !activeIds().isEmpty(); ++guard) {
        const QStringList live = h.ctl->live();
        if (!live.isEmpty()) {
            h.ctl->complete(live.first());
        } else {
            for (const QString &id : activeIds())
                (void)h.scheduler->kill(id);
        }
        check(-1);
    }
    QVERIFY(activeIds().isEmpty());
    QCOMPARE(h.scheduler->concurrency().totalLeases(), 0);
    QCOMPARE(h.scheduler->concurrency().totalQueued(), 0);
    QVERIFY(h.journal.queued.isEmpty());

    // Every queued request ran exactly once or was cancelled without running.
    for (const QString &id : std::as_const(everQueued)) {
        const Execution *e = h.scheduler->execution(id);
        const int starts = h.ctl->startsByExec.value(id);
        if (e->startedAtMs > 0)
            QVERIFY(starts == 1 || e->status == ExecutionStatus::Cancelled);
        else
            QVERIFY(e->status == ExecutionStatus::Cancelled && starts == 0);
    }
    // FIFO per scope: queued executions started in the order they queued.
    for (auto it = queuedOrder.cbegin(); it != queuedOrder.cend(); ++it) {
        qsizetype last = -1;
        for (const QString &id : h.ctl->startOrder) {
            const qsizetype pos = it.value().indexOf(id);
            if (pos < 0)
                continue;
            QVERIFY2(pos > last, qPrintable(it.key()));
            last = pos;
        }
    }
    QVERIFY(all.size() > 300);
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "TestConcurrency.moc"
