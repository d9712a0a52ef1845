// Re-runs from the start and from the failed node, on the same version and
// on a newer one; completed nodes outside the failure are not executed again,
// and only when the node keeps its component and that component's version
// and every node above it is reused too; reused blobs are shared into the
// re-run.

#include "EngineFixtures.h"

#include <QtTest>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::test;

class TestRerun : public QObject
{
    Q_OBJECT
private slots:
    void fromStartRunsEverything();
    void fromFailedReusesOutputs();
    void ontoNewerVersion();
    void newComponentVersionRunsAgain();
    void insertedUpstreamNodeForcesDownstreamRerun();
    void reusedBlobsAreSharedIntoTheRerun();
    void errors();
};

namespace {
// A -> B -> C, A -> D. B fails the first time.
FlowBuilder chain()
{
    return FlowBuilder()
        .node("A", "ctl")
        .node("B", "ctl", {}, json(R"({"x": "$.nodes.A.output.x"})"))
        .node("C", "ctl")
        .node("D", "ctl")
        .edge("A", "B")
        .edge("B", "C")
        .edge("A", "D");
}
} // namespace

void TestRerun::fromStartRunsEverything()
{
    Harness h;
    h.ctl->immediate.insert("A", NodeOutcome::completed({{"x", 1}}));
    h.ctl->immediate.insert("C", NodeOutcome::completed({}));
    h.ctl->immediate.insert("D", NodeOutcome::completed({}));
    h.ctl->failFirst.insert("B", 1);
    h.ctl->immediate.insert("B", NodeOutcome::completed({}));
    auto flow = h.compile(chain());
    const QString first = h.start(flow);
    QCOMPARE(h.statusOf(first), ExecutionStatus::Failed);
    auto r = h.scheduler->rerun({first, RerunRequest::From::Start});
    QVERIFY(r.ok());
    const QString second = r.value().executionId;
    QCOMPARE(h.statusOf(second), ExecutionStatus::Completed);
    QCOMPARE(h.scheduler->execution(second)->rerunOf, first);
    QCOMPARE(h.ctl->calls.value("A"), 2);
    QCOMPARE(h.ctl->calls.value("D"), 2);
    QCOMPARE(h.ctl->calls.value("C"), 1);
}

void TestRerun::fromFailedReusesOutputs()
{
    Harness h;
    h.ctl->immediate.insert("A", NodeOutcome::completed({{"x", 41}}));
    h.ctl->immediate.insert("C", NodeOutcome::completed({}));
    h.ctl->immediate.insert("D", NodeOutcome::completed({{"d", true}}));
    h.ctl->failFirst.insert("B", 1);
    h.ctl->immediate.insert("B", NodeOutcome::completed({{"b", 2}}));
    auto flow = h.compile(chain());
    const QString first = h.start(flow);
    QCOMPARE(h.statusOf(first), ExecutionStatus::Failed);
    QCOMPARE(h.nodeStatus(first, "C"), NodeStatus::Skipped);

    auto r = h.scheduler->rerun({first, RerunRequest::From::Failed});
    QVERIFY(r.ok());
    const QString second = r.value().executionId;
    QCOMPARE(h.statusOf(second), ExecutionStatus::Completed);
    // A and D completed outside the failure: reused, not executed again.
    QCOMPARE(h.ctl->calls.value("A"), 1);
    QCOMPARE(h.ctl->calls.value("D"), 1);
    QCOMPARE(h.ctl->calls.value("B"), 2);
    QCOMPARE(h.ctl->calls.value("C"), 1);
    QVERIFY(h.node(second, "A").reused);
    QCOMPARE(h.node(second, "A").outputs["x"].toInt(), 41);
    // B read A's reused output.
    QCOMPARE(h.node(second, "B").inputs["x"].toInt(), 41);
    QCOMPARE(h.scheduler->snapshot(second).value()["rerun_of"].toString(), first);
}

void TestRerun::ontoNewerVersion()
{
    Harness h;
    h.ctl->immediate.insert("A", NodeOutcome::completed({{"x", 1}}));
    h.ctl->immediate.insert("D", NodeOutcome::completed({}));
    h.ctl->immediate.insert("C", NodeOutcome::completed({}));
    h.ctl->immediate.insert("E", NodeOutcome::completed({}));
    h.ctl->failFirst.insert("B", 1);
    h.ctl->immediate.insert("B", NodeOutcome::completed({}));
    auto v1 = h.compile(chain());
    const QString first = h.start(v1);
    QCOMPARE(h.statusOf(first), ExecutionStatus::Failed);
    // v2: D becomes a noop (other component: not reused), E is new after A.
    auto v2 = h.compile(FlowBuilder()
                            .node("A", "ctl")
                            .node("B", "ctl")
                            .node("C", "ctl")
                            .node("D", "noop")
                            .node("E", "ctl")
                            .edge("A", "B")
                            .edge("B", "C")
                            .edge("A", "D")
                            .edge("A", "E"));
    auto r = h.scheduler->rerun({first, RerunRequest::From::Failed, v2, "2"});
    QVERIFY(r.ok());
    const QString second = r.value().executionId;
    QCOMPARE(r.value().flowVersion, "2");
    QCOMPARE(h.statusOf(second), ExecutionStatus::Completed);
    QCOMPARE(h.ctl->calls.value("A"), 1); // reused across versions
    QVERIFY(h.node(second, "A").reused);
    QVERIFY(!h.node(second, "D").reused);
    QCOMPARE(h.ctl->calls.value("E"), 1);
    QCOMPARE(h.ctl->calls.value("B"), 2);
}

void TestRerun::newComponentVersionRunsAgain()
{
    Harness h;
    // "ctl" 2.0.0: the same executor under a newer component version.
    flow::ComponentInterface ctl2 = *h.registry->find(QStringLiteral("ctl"), "1.0.0");
    ctl2.version = QStringLiteral("2.0.0");
    h.registryMut()->add(ctl2, h.ctl);
    h.ctl->immediate.insert("A", NodeOutcome::completed({{"x", 1}}));
    h.ctl->immediate.insert("C", NodeOutcome::completed({}));
    h.ctl->immediate.insert("D", NodeOutcome::completed({}));
    h.ctl->failFirst.insert("B", 1);
    h.ctl->immediate.insert("B", NodeOutcome::completed({}));
    const QString first = h.start(h.compile(chain()));
    QCOMPARE(h.statusOf(first), ExecutionStatus::Failed);
    // v2: the same graph, D on ctl 2.0.0 (same component, same id).
    auto v2 = h.compile(FlowBuilder()
                            .node("A", "ctl")
                            .node("B", "ctl", {}, json(R"({"x": "$.nodes.A.output.x"})"))
                            .node("C", "ctl")
                            .node("D", "ctl")
                            .version("2.0.0")
                            .edge("A", "B")
                            .edge("B", "C")
                            .edge("A", "D"));
    auto r = h.scheduler->rerun({first, RerunRequest::From::Failed, v2, "2"});
    QVERIFY(r.ok());
    const QString second = r.value().executionId;
    QCOMPARE(h.statusOf(second), ExecutionStatus::Completed);
    QVERIFY(h.node(second, "A").reused);
    QCOMPARE(h.ctl->calls.value("A"), 1);
    QVERIFY(!h.node(second, "D").reused);
    QCOMPARE(h.ctl->calls.value("D"), 2);
}

void TestRerun::insertedUpstreamNodeForcesDownstreamRerun()
{
    Harness h;
    h.ctl->immediate.insert("A", NodeOutcome::completed({{"x", 1}}));
    h.ctl->immediate.insert("C", NodeOutcome::completed({}));
    h.ctl->immediate.insert("D", NodeOutcome::completed({}));
    h.ctl->immediate.insert("N", NodeOutcome::completed({}));
    h.ctl->failFirst.insert("B", 1);
    h.ctl->immediate.insert("B", NodeOutcome::completed({}));
    const QString first = h.start(h.compile(chain()));
    QCOMPARE(h.statusOf(first), ExecutionStatus::Failed);
    QCOMPARE(h.nodeStatus(first, "D"), NodeStatus::Completed);
    // v2: N inserted between A and D. D is unchanged and completed in the
    // original, but what it reads may now differ: it runs again.
    auto v2 = h.compile(FlowBuilder()
                            .node("A", "ctl")
                            .node("B", "ctl")
                            .node("C", "ctl")
                            .node("N", "ctl")
                            .node("D", "ctl")
                            .edge("A", "B")
                            .edge("B", "C")
                            .edge("A", "N")
                            .edge("N", "D"));
    auto r = h.scheduler->rerun({first, RerunRequest::From::Failed, v2, "2"});
    QVERIFY(r.ok());
    const QString second = r.value().executionId;
    QCOMPARE(h.statusOf(second), ExecutionStatus::Completed);
    QVERIFY(h.node(second, "A").reused);
    QCOMPARE(h.ctl->calls.value("A"), 1);
    QCOMPARE(h.ctl->calls.value("N"), 1);
    QVERIFY(!h.node(second, "D").reused);
    QCOMPARE(h.ctl->calls.value("D"), 2);
    // D ran after N in the re-run.
    const QStringList order = h.ctl->order.mid(h.ctl->order.lastIndexOf("A") + 1);
    QVERIFY2(order.indexOf("N") < order.lastIndexOf("D"), qPrintable(order.join(u' ')));
}

void TestRerun::reusedBlobsAreSharedIntoTheRerun()
{
    Harness h;
    // A's output is large enough to become a blob; B reads through it.
    const QString payload(70 * 1024, QChar('x'));
    h.ctl->immediate.insert(
        "A", NodeOutcome::completed({{"big", QJsonObject{{"data", payload}, {"n", 7}}}}));
    h.ctl->failFirst.insert("B", 1);
    h.ctl->immediate.insert("B", NodeOutcome::completed({}));
    auto flow = h.compile(FlowBuilder()
                              .node("A", "ctl")
                              .node("B", "ctl", {}, json(R"({"n": "$.nodes.A.output.big.n"})"))
                              .edge("A", "B"));
    const QString first = h.start(flow);
    QCOMPARE(h.statusOf(first), ExecutionStatus::Failed);
    const QJsonValue ref = h.node(first, "A").outputs["big"];
    QVERIFY(flow::isBlobRef(ref));
    QCOMPARE(h.scheduler->blobs().blobCount(first), 1);

    auto r = h.scheduler->rerun({first, RerunRequest::From::Failed});
    QVERIFY(r.ok());
    const QString second = r.value().executionId;
    QCOMPARE(h.statusOf(second), ExecutionStatus::Completed);
    QVERIFY(h.node(second, "A").reused);
    QCOMPARE(h.ctl->calls.value("A"), 1);
    QCOMPARE(h.node(second, "A").outputs["big"], ref);
    // The re-run holds the blob itself and B read through it there.
    QCOMPARE(h.scheduler->blobs().blobCount(second), 1);
    QCOMPARE(h.node(second, "B").inputs["n"].toInt(), 7);
}

void TestRerun::errors()
{
    Harness h;
    QCOMPARE(h.scheduler->rerun({"nope"}).error().code, ErrorCode::ExecutionNotFound);
    auto flow = h.compile(FlowBuilder().node("X", "ctl"));
    const QString id = h.start(flow);
    QCOMPARE(h.scheduler->rerun({id}).error().code, ErrorCode::ValidationError);
}

QTEST_GUILESS_MAIN(TestRerun)
#include "TestRerun.moc"
