// The retry back-off as the scheduler runs it: during the back-off the node
// stays running with its next attempt's number, a cancel then ends the
// execution at once, EngineOptions::maxBackoffMs caps the delay, and a
// queued execution's flow timeout starts only when the execution does.
// What was scheduled is read from the scheduler's timer queue
// (TimerQueue::remainingMs), not from how long anything took.

#include "EngineFixtures.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::test;

class TestRetryBackoff : public QObject
{
    Q_OBJECT
private slots:
    void nodeStaysRunningWithItsNextAttemptDuringBackoff();
    void cancelDuringBackoffEndsAtOnce();
    void backoffIsCappedByMaxBackoffMs();
    void flowTimeoutStartsWhenTheExecutionDoes();
};

namespace {

// n -> after; n retried up to 3 times, 60 s apart (± 20 % jitter).
FlowBuilder retriedSlowly()
{
    return FlowBuilder()
        .node("n", "ctl")
        .node("after")
        .edge("n", "after")
        .settings(json(R"({"retry": {"maxAttempts": 3, "backoffMs": 60000,
                                      "backoffMultiplier": 1}})"));
}

} // namespace

void TestRetryBackoff::nodeStaysRunningWithItsNextAttemptDuringBackoff()
{
    Harness h;
    const QString id = h.start(h.compile(retriedSlowly()));
    QCOMPARE(h.node(id, "n").attempt, 1);
    h.ctl->fail("n"); // retryable

    const NodeState &n = h.node(id, "n");
    QCOMPARE(n.status, NodeStatus::Running);
    QCOMPARE(n.attempt, 2);
    QCOMPARE(h.ctl->calls.value("n"), 1); // the second attempt has not gone out
    QCOMPARE(h.statusOf(id), ExecutionStatus::Running);
    QCOMPARE(h.nodeStatus(id, "after"), NodeStatus::Pending);
    const qint64 left = h.scheduler->timers().remainingMs(n.timer);
    QVERIFY2(left > 47000 && left <= 72000, qPrintable(QString::number(left)));

    // The snapshot shows the same: running, attempt 2.
    const QJsonObject snap = h.scheduler->snapshot(id).value();
    const QJsonObject node = snap["nodes"].toArray()[0].toObject();
    QCOMPARE(node["node_id"].toString(), "n");
    QCOMPARE(node["status"].toString(), "running");
    QCOMPARE(node["attempt"].toInt(), 2);
    QCOMPARE(snap["progress"].toObject()["failed"].toInt(), 0);
    // The failure was announced as one that will be retried.
    const EngineEvent &failed = h.events.last();
    QCOMPARE(failed.type, EngineEvent::Type::NodeFailed);
    QVERIFY(failed.willRetry);
}

void TestRetryBackoff::cancelDuringBackoffEndsAtOnce()
{
    Harness h;
    const QString id = h.start(h.compile(retriedSlowly()));
    h.ctl->fail("n");
    QCOMPARE(h.nodeStatus(id, "n"), NodeStatus::Running);
    const TimerQueue::Id backoff = h.node(id, "n").timer;
    QVERIFY(h.scheduler->timers().remainingMs(backoff) > 0);

    // Nothing runs to be told: the cancel completes in its own call, without
    // the cancel grace period or the back-off.
    auto r = h.scheduler->cancel(id, {CancelReason::UserRequested, {}, "user:1"});
    QVERIFY(r.ok());
    QCOMPARE(r.value().status, ExecutionStatus::Cancelled);
    QVERIFY(r.value().affectedNodes.isEmpty());
    QCOMPARE(h.statusOf(id), ExecutionStatus::Cancelled);
    QCOMPARE(h.nodeStatus(id, "n"), NodeStatus::Cancelled);
    QCOMPARE(h.nodeStatus(id, "after"), NodeStatus::Cancelled);
    QCOMPARE(h.scheduler->execution(id)->cancelReason, CancelReason::UserRequested);
    QCOMPARE(h.scheduler->timers().remainingMs(backoff), -1); // the retry is dropped
    QCOMPARE(h.scheduler->concurrency().totalLeases(), 0);
    QCOMPARE(h.ctl->calls.value("n"), 1);
}

void TestRetryBackoff::backoffIsCappedByMaxBackoffMs()
{
    EngineOptions options;
    options.maxBackoffMs = 200;
    Harness h(options);
    h.ctl->failFirst.insert("n", 1);
    h.ctl->immediate.insert("n", NodeOutcome::completed({{"ok", true}}));
    // Ten minutes asked for, 200 ms allowed.
    const QString id = h.start(
        h.compile(FlowBuilder()
                      .node("n", "ctl")
                      .settings(json(R"({"retry": {"maxAttempts": 2, "backoffMs": 600000}})"))));
    const NodeState &n = h.node(id, "n");
    QCOMPARE(n.status, NodeStatus::Running);
    QCOMPARE(n.attempt, 2);
    const qint64 left = h.scheduler->timers().remainingMs(n.timer);
    QVERIFY2(left >= 0 && left <= 200, qPrintable(QString::number(left)));
    // And the capped back-off is the one that runs: the retry completes.
    QVERIFY(h.waitEnded(id));
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    QCOMPARE(h.ctl->calls.value("n"), 2);
}

void TestRetryBackoff::flowTimeoutStartsWhenTheExecutionDoes()
{
    Harness h;
    // Version 1 (no flow timeout) holds the flow's one slot; version 2, with
    // a 300 ms flow timeout, queues behind it in the same scope.
    auto holder = h.compile(
        FlowBuilder().node("w", "ctl").settings(json(R"({"concurrency": {"mode": "queue"}})")));
    auto timed = h.compile(
        FlowBuilder()
            .node("w", "ctl")
            .settings(
                json(R"({"concurrency": {"mode": "queue"}, "timeout": {"flowTimeoutMs": 300}})")));
    auto first = h.trigger(holder, {}, "flow-1", "1");
    QVERIFY(first.ok());
    QCOMPARE(first.value().status, TriggerResult::Status::Started);
    auto second = h.trigger(timed, {}, "flow-1", "2");
    QVERIFY(second.ok());
    QCOMPARE(second.value().status, TriggerResult::Status::Queued);
    const QString firstId = first.value().executionId;
    const QString id = second.value().executionId;
    QCOMPARE(h.scheduler->execution(id)->flowTimer, TimerQueue::Id(0));

    // Longer than its timeout in the queue: still queued, not timed out.
    QElapsedTimer queued;
    queued.start();
    QTRY_VERIFY_WITH_TIMEOUT(queued.hasExpired(400), 5000);
    QCOMPARE(h.statusOf(id), ExecutionStatus::Queued);
    QCOMPARE(h.scheduler->execution(id)->flowTimer, TimerQueue::Id(0));

    // It starts when the slot frees, and only then its timeout runs.
    h.ctl->complete(firstId + "/w");
    QCOMPARE(h.statusOf(firstId), ExecutionStatus::Completed);
    QCOMPARE(h.statusOf(id), ExecutionStatus::Running);
    const TimerQueue::Id timeout = h.scheduler->execution(id)->flowTimer;
    QVERIFY(timeout != 0);
    // Scheduled just now for its full 300 ms (one counted from the trigger
    // would already be due).
    const qint64 left = h.scheduler->timers().remainingMs(timeout);
    QVERIFY2(left > 0 && left <= 300, qPrintable(QString::number(left)));
    QVERIFY(h.waitEnded(id));
    QCOMPARE(h.statusOf(id), ExecutionStatus::Cancelled);
    QCOMPARE(h.scheduler->execution(id)->cancelReason, CancelReason::Timeout);
}

QTEST_GUILESS_MAIN(TestRetryBackoff)
#include "TestRetryBackoff.moc"
