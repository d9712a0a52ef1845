// Node timeouts with the retry policy, retry back-off computation, and the
// flow timeout cancelling with reason timeout.

#include "EngineFixtures.h"
#include "engine/RetryPolicy.h"

#include <QtTest>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::test;

class TestTimeouts : public QObject
{
    Q_OBJECT
private slots:
    void nodeTimeoutRetriesThenFails();
    void retryAfterFailureSucceeds();
    void nonRetryableFailureStopsRetries();
    void backoffGrowsWithJitterAndCap();
    void flowTimeoutCancels();
};

void TestTimeouts::nodeTimeoutRetriesThenFails()
{
    Harness h;
    auto flow = h.compile(FlowBuilder()
                              .node("slow", "delay", json(R"({"ms": 600000})"))
                              .node("after")
                              .edge("slow", "after")
                              .settings(json(R"({"timeout": {"nodeTimeoutMs": 5},
                                                 "retry": {"maxAttempts": 3, "backoffMs": 1}})")));
    const QString id = h.start(flow);
    QVERIFY(h.waitEnded(id));
    QCOMPARE(h.statusOf(id), ExecutionStatus::Failed);
    const NodeState &slow = h.node(id, "slow");
    QCOMPARE(slow.status, NodeStatus::Failed);
    QCOMPARE(slow.attempt, 3);
    QCOMPARE(slow.error.code, ErrorCode::ExecutionTimeout);
    QVERIFY(slow.error.message.contains("node timeout"));
    QCOMPARE(h.nodeStatus(id, "after"), NodeStatus::Skipped);
    int failedEvents = 0;
    int retried = 0;
    for (const EngineEvent &e : std::as_const(h.events)) {
        if (e.type == EngineEvent::Type::NodeFailed && e.executionId == id) {
            ++failedEvents;
            retried += e.willRetry ? 1 : 0;
            QCOMPARE(e.toJson()["error"].toObject()["code"].toString(), "EXECUTION_TIMEOUT");
        }
    }
    QCOMPARE(failedEvents, 3);
    QCOMPARE(retried, 2);
}

void TestTimeouts::retryAfterFailureSucceeds()
{
    Harness h;
    h.ctl->failFirst.insert("flaky", 2);
    h.ctl->immediate.insert("flaky", NodeOutcome::completed({{"ok", true}}));
    auto flow = h.compile(FlowBuilder()
                              .node("flaky", "ctl")
                              .settings(json(R"({"retry": {"maxAttempts": 3, "backoffMs": 0}})")));
    const QString id = h.start(flow);
    QVERIFY(h.waitEnded(id));
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    QCOMPARE(h.ctl->calls.value("flaky"), 3);
    QCOMPARE(h.node(id, "flaky").attempt, 3);
}

void TestTimeouts::nonRetryableFailureStopsRetries()
{
    Harness h;
    auto flow = h.compile(FlowBuilder()
                              .node("n", "ctl")
                              .settings(json(R"({"retry": {"maxAttempts": 5, "backoffMs": 0}})")));
    const QString id = h.start(flow);
    h.ctl->fail("n", false);
    QCOMPARE(h.statusOf(id), ExecutionStatus::Failed);
    QCOMPARE(h.ctl->calls.value("n"), 1);
}

void TestTimeouts::backoffGrowsWithJitterAndCap()
{
    flow::RetrySettings retry;
    retry.backoffMs = 1000;
    retry.backoffMultiplier = 2.0;
    QCOMPARE(retryDelayMs(retry, 1, 0.0, 60000), 1000);
    QCOMPARE(retryDelayMs(retry, 2, 0.0, 60000), 2000);
    QCOMPARE(retryDelayMs(retry, 3, 0.0, 60000), 4000);
    QCOMPARE(retryDelayMs(retry, 3, 1.0, 60000), 4800);   // +20 %
    QCOMPARE(retryDelayMs(retry, 3, -1.0, 60000), 3200);  // -20 %
    QCOMPARE(retryDelayMs(retry, 20, 0.0, 60000), 60000); // capped
    retry.backoffMs = 0;
    QCOMPARE(retryDelayMs(retry, 4, 1.0, 60000), 0);
}

void TestTimeouts::flowTimeoutCancels()
{
    Harness h;
    auto flow = h.compile(FlowBuilder()
                              .node("slow", "delay", json(R"({"ms": 600000})"))
                              .node("after")
                              .edge("slow", "after")
                              .settings(json(R"({"timeout": {"flowTimeoutMs": 5}})")));
    const QString id = h.start(flow);
    QVERIFY(h.waitEnded(id));
    QCOMPARE(h.statusOf(id), ExecutionStatus::Cancelled);
    QCOMPARE(h.scheduler->execution(id)->cancelReason, CancelReason::Timeout);
    QCOMPARE(h.nodeStatus(id, "slow"), NodeStatus::Cancelled);
    QCOMPARE(h.nodeStatus(id, "after"), NodeStatus::Cancelled);
    const EngineEvent &last = h.events.last();
    QCOMPARE(last.toJson()["type"].toString(), "execution_cancelled");
    QCOMPARE(last.toJson()["reason"].toString(), "timeout");
    QCOMPARE(h.journal.executions.last().cancelReason, "timeout");
    QCOMPARE(h.scheduler->concurrency().totalLeases(), 0);
}

QTEST_GUILESS_MAIN(TestTimeouts)
#include "TestTimeouts.moc"
