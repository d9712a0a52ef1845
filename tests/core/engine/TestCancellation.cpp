// Cooperative cancel (cancelling -> cancelled), the grace period for runs
// that never answer, kill, and the errors for finished or unknown ones.

#include "EngineFixtures.h"

#include <QtTest>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::test;

class TestCancellation : public QObject
{
    Q_OBJECT
private slots:
    void cancelMidRunWithDelay();
    void cancelWaitsForRunningNodes();
    void graceAbandonsSilentRuns();
    void killEndsAtOnce();
    void errors();
};

void TestCancellation::cancelMidRunWithDelay()
{
    Harness h;
    auto flow = h.compile(FlowBuilder()
                              .node("A")
                              .node("wait", "delay", json(R"({"ms": 600000})"))
                              .node("B")
                              .node("C")
                              .edge("A", "wait")
                              .edge("wait", "B")
                              .edge("B", "C"));
    const QString id = h.start(flow);
    QCOMPARE(h.nodeStatus(id, "wait"), NodeStatus::Running);
    auto r = h.scheduler->cancel(id, {CancelReason::UserRequested, "no longer needed", "user:7"});
    QVERIFY(r.ok());
    QCOMPARE(r.value().affectedNodes, QStringList{"wait"});
    // delay answers its cancel() at once, so it is over already.
    QCOMPARE(r.value().status, ExecutionStatus::Cancelled);
    QCOMPARE(h.nodeStatus(id, "A"), NodeStatus::Completed);
    QCOMPARE(h.nodeStatus(id, "wait"), NodeStatus::Cancelled);
    QCOMPARE(h.nodeStatus(id, "B"), NodeStatus::Cancelled);
    QCOMPARE(h.nodeStatus(id, "C"), NodeStatus::Cancelled);
    const QJsonObject ev = h.events.last().toJson();
    QCOMPARE(ev["type"].toString(), "execution_cancelled");
    QCOMPARE(ev["reason"].toString(), "user_requested");
    QCOMPARE(ev["cancelled_by"].toString(), "user:7");
    QCOMPARE(h.scheduler->concurrency().totalLeases(), 0);
    QStringList statuses;
    for (const ExecutionRecord &rec : std::as_const(h.journal.executions))
        statuses.append(rec.status);
    QCOMPARE(statuses, (QStringList{"running", "cancelling", "cancelled"}));
}

void TestCancellation::cancelWaitsForRunningNodes()
{
    Harness h;
    h.ctl->honourCancel = false;
    auto flow = h.compile(
        FlowBuilder().node("X", "ctl").node("Y", "ctl").node("Z").edge("X", "Z").edge("Y", "Z"));
    const QString id = h.start(flow);
    auto r = h.scheduler->cancel(id, {});
    QCOMPARE(r.value().status, ExecutionStatus::Cancelling);
    QCOMPARE(r.value().affectedNodes, (QStringList{"X", "Y"}));
    QCOMPARE(h.ctl->cancels, 2);
    QCOMPARE(h.nodeStatus(id, "Z"), NodeStatus::Cancelled);
    QCOMPARE(h.scheduler->snapshot(id).value()["status"].toString(), "cancelling");
    QCOMPARE(h.scheduler->cancel(id, {}).error().code, ErrorCode::ExecutionAlreadyCancelled);
    // X still completes (its result is kept), Y reports cancelled.
    h.ctl->complete("X", {{"v", 1}});
    QCOMPARE(h.statusOf(id), ExecutionStatus::Cancelling);
    QCOMPARE(h.nodeStatus(id, "Z"), NodeStatus::Cancelled); // not started by X
    h.ctl->finish("Y", NodeOutcome::cancelled());
    QCOMPARE(h.statusOf(id), ExecutionStatus::Cancelled);
    QCOMPARE(h.nodeStatus(id, "X"), NodeStatus::Completed);
    QCOMPARE(h.nodeStatus(id, "Y"), NodeStatus::Cancelled);
    QCOMPARE(h.ctl->calls.value("Z"), 0);
}

void TestCancellation::graceAbandonsSilentRuns()
{
    EngineOptions options;
    options.cancelGraceMs = 5;
    Harness h(options);
    h.ctl->honourCancel = false;
    auto flow = h.compile(FlowBuilder().node("X", "ctl"));
    const QString id = h.start(flow);
    QCOMPARE(h.scheduler->cancel(id, {}).value().status, ExecutionStatus::Cancelling);
    QVERIFY(h.waitEnded(id));
    QCOMPARE(h.statusOf(id), ExecutionStatus::Cancelled);
    QCOMPARE(h.nodeStatus(id, "X"), NodeStatus::Cancelled);
    QVERIFY(QTest::qWaitFor([&] { return h.ctl->running.value(id + "/X")->destroyed; }));
    QCOMPARE(h.scheduler->concurrency().totalLeases(), 0);
}

void TestCancellation::killEndsAtOnce()
{
    Harness h;
    h.ctl->honourCancel = false;
    auto flow = h.compile(FlowBuilder().node("X", "ctl").node("Y").edge("X", "Y"));
    const QString id = h.start(flow);
    auto r = h.scheduler->kill(id);
    QVERIFY(r.ok());
    QCOMPARE(r.value().status, ExecutionStatus::Cancelled);
    QCOMPARE(r.value().affectedNodes, QStringList{"X"});
    QCOMPARE(h.ctl->cancels, 0); // not asked: abandoned
    QCOMPARE(h.nodeStatus(id, "X"), NodeStatus::Cancelled);
    QCOMPARE(h.nodeStatus(id, "Y"), NodeStatus::Cancelled);
    QVERIFY(QTest::qWaitFor([&] { return h.ctl->running.value(id + "/X")->destroyed; }));
    const QJsonObject ev = h.events.last().toJson();
    QCOMPARE(ev["reason"].toString(), "user_requested");
    QCOMPARE(ev["killed"].toBool(), true);
    QCOMPARE(h.journal.executions.last().errorMessage, "killed");
    QCOMPARE(h.scheduler->concurrency().totalLeases(), 0);

    // Kill during a cooperative cancel keeps the cancel's reason.
    const QString id2 = h.start(flow);
    QVERIFY(h.scheduler->cancel(id2, {CancelReason::Replaced, {}, "system"}).ok());
    QCOMPARE(h.statusOf(id2), ExecutionStatus::Cancelling);
    QVERIFY(h.scheduler->kill(id2).ok());
    QCOMPARE(h.statusOf(id2), ExecutionStatus::Cancelled);
    QCOMPARE(h.scheduler->execution(id2)->cancelReason, CancelReason::Replaced);
}

void TestCancellation::errors()
{
    Harness h;
    auto flow = h.compile(FlowBuilder().node("A"));
    const QString done = h.start(flow);
    QCOMPARE(h.statusOf(done), ExecutionStatus::Completed);
    QCOMPARE(h.scheduler->cancel(done, {}).error().code, ErrorCode::ExecutionAlreadyCompleted);
    QCOMPARE(h.scheduler->kill(done).error().code, ErrorCode::ExecutionAlreadyCompleted);
    QCOMPARE(h.scheduler->cancel("unknown", {}).error().code, ErrorCode::ExecutionNotFound);
    QCOMPARE(h.scheduler->kill("unknown").error().code, ErrorCode::ExecutionNotFound);

    auto slow = h.compile(FlowBuilder().node("X", "ctl"));
    const QString c = h.start(slow);
    QVERIFY(h.scheduler->cancel(c, {}).ok());
    QCOMPARE(h.statusOf(c), ExecutionStatus::Cancelled);
    QCOMPARE(h.scheduler->cancel(c, {}).error().code, ErrorCode::ExecutionAlreadyCancelled);
    QCOMPARE(h.scheduler->kill(c).error().code, ErrorCode::ExecutionAlreadyCancelled);
}

QTEST_GUILESS_MAIN(TestCancellation)
#include "TestCancellation.moc"
