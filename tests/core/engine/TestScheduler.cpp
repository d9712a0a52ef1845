// Fan-in, fan-out, failure propagation, condition branches, events, the
// status snapshot, input mapping errors, blobs and history levels.

#include "EngineFixtures.h"

#include <QtTest>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::test;

class TestScheduler : public QObject
{
    Q_OBJECT
private slots:
    void diamondJoinWaitsForBothParents();
    void wideFanOutFanIn();
    void failureSkipsExactlyDescendants();
    void conditionBranches();
    void eventsInOrderWithSeedFields();
    void closedGateSkipsNodeEventsButNotTheirNumbers();
    void snapshotShape();
    void invalidInputMappingFailsWithoutRetry();
    void largeOutputsBecomeBlobs();
    void externalEffectsWaitForADurableStart();
    void cancelWhileWaitingForDurabilitySendsNothing();
    void lostStartFailsTheNodeWithoutRunningIt();
    void restoredQueueKeepsItsSequence();
    void historyLevels_data();
    void historyLevels();
};

void TestScheduler::diamondJoinWaitsForBothParents()
{
    Harness h;
    auto flow = h.compile(FlowBuilder()
                              .node("A", "ctl")
                              .node("B", "ctl")
                              .node("C", "ctl")
                              .node("D", "ctl")
                              .edge("A", "B")
                              .edge("A", "C")
                              .edge("B", "D")
                              .edge("C", "D"));
    const QString id = h.start(flow);
    QVERIFY(h.ctl->isRunning("A"));
    h.ctl->complete("A");
    QVERIFY(h.ctl->isRunning("B"));
    QVERIFY(h.ctl->isRunning("C"));
    QCOMPARE(h.ctl->calls.value("D"), 0);

    auto snap = h.scheduler->snapshot(id).value();
    const QJsonObject nodeD = snap["nodes"].toArray()[3].toObject();
    QCOMPARE(nodeD["status"].toString(), "pending");
    QCOMPARE(nodeD["waiting_for"].toArray(), (QJsonArray{"B", "C"}));

    h.ctl->complete("B");
    QCOMPARE(h.ctl->calls.value("D"), 0); // still waiting for C
    snap = h.scheduler->snapshot(id).value();
    QCOMPARE(snap["nodes"].toArray()[3].toObject()["waiting_for"].toArray(), (QJsonArray{"C"}));

    h.ctl->complete("C");
    QCOMPARE(h.ctl->calls.value("D"), 1);
    QCOMPARE(h.ctl->order.last(), "D");
    h.ctl->complete("D");
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    QCOMPARE(h.scheduler->concurrency().totalLeases(), 0);
    // No node could use a blob token, so none was drawn (and an empty one
    // never opens the blob endpoint).
    QVERIFY(h.scheduler->execution(id)->blobToken.isEmpty());
}

void TestScheduler::wideFanOutFanIn()
{
    Harness h;
    FlowBuilder b;
    b.node("root").node("join", "ctl");
    for (int i = 0; i < 1000; ++i) {
        const QString id = QStringLiteral("n%1").arg(i);
        b.node(id).edge("root", id).edge(id, "join");
    }
    auto flow = h.compile(b);
    QCOMPARE(flow->node(flow->indexOf("join")).inDegree, 1000);
    const QString id = h.start(flow);
    // Every middle node is synchronous, so by now all ran and join started.
    QCOMPARE(h.ctl->calls.value("join"), 1);
    // The join started only after the last middle node completed.
    const QStringList types = h.eventTypes(id);
    const qsizetype joinStarted = types.indexOf("node_started:join");
    QVERIFY(joinStarted > 0);
    for (int i = 0; i < 1000; ++i)
        QVERIFY(types.indexOf(QStringLiteral("node_completed:n%1").arg(i)) < joinStarted);
    h.ctl->complete("join");
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    const auto snap = h.scheduler->snapshot(id).value();
    QCOMPARE(snap["progress"].toObject()["completed"].toInt(), 1002);
    QCOMPARE(snap["progress"].toObject()["percent"].toInt(), 100);
}

void TestScheduler::failureSkipsExactlyDescendants()
{
    // A -> B -> C -> D, B -> G, E -> G, A -> E -> F. B fails: C, D, G are its
    // descendants; E and F are not and must finish.
    Harness h;
    auto flow = h.compile(FlowBuilder()
                              .node("A")
                              .node("B", "ctl")
                              .node("C")
                              .node("D")
                              .node("E", "ctl")
                              .node("F")
                              .node("G")
                              .edge("A", "B")
                              .edge("B", "C")
                              .edge("C", "D")
                              .edge("B", "G")
                              .edge("E", "G")
                              .edge("A", "E")
                              .edge("E", "F"));
    const QString id = h.start(flow);
    h.ctl->fail("B");
    QCOMPARE(h.statusOf(id), ExecutionStatus::Running); // E still running
    for (const char *n : {"C", "D", "G"}) {
        QCOMPARE(h.nodeStatus(id, n), NodeStatus::Skipped);
        QCOMPARE(h.node(id, n).skipReason, SkipReason::DependencyFailed);
    }
    h.ctl->complete("E");
    QCOMPARE(h.nodeStatus(id, "E"), NodeStatus::Completed);
    QCOMPARE(h.nodeStatus(id, "F"), NodeStatus::Completed);
    QCOMPARE(h.nodeStatus(id, "G"), NodeStatus::Skipped);
    QCOMPARE(h.nodeStatus(id, "B"), NodeStatus::Failed);
    QCOMPARE(h.statusOf(id), ExecutionStatus::Failed);
    const auto snap = h.scheduler->snapshot(id).value();
    QCOMPARE(snap["progress"].toObject()["skipped"].toInt(), 3);
    QCOMPARE(snap["progress"].toObject()["failed"].toInt(), 1);
    QCOMPARE(snap["error"].toObject()["code"].toString(), "INTERNAL_ERROR");
    QCOMPARE(h.journal.lastStatus(id), "failed");
}

void TestScheduler::conditionBranches()
{
    // cond -true-> T -> J, cond -false-> F -> F2 -> J. With x > 5, F and F2
    // are skipped by branch and J runs because T completed.
    Harness h;
    auto flow = h.compile(FlowBuilder()
                              .node("cond", "condition",
                                    json(R"({"left": "$.inputs.x", "op": ">", "right": 5})"),
                                    json(R"({"x": "$.trigger.x"})"))
                              .node("T")
                              .node("F")
                              .node("F2")
                              .node("J")
                              .node("after")
                              .edge("cond", "T", "true")
                              .edge("cond", "F", "false")
                              .edge("F", "F2")
                              .edge("T", "J")
                              .edge("F2", "J")
                              .edge("J", "after"));
    const QString big = h.start(flow, json(R"({"x": 10})"));
    QCOMPARE(h.statusOf(big), ExecutionStatus::Completed);
    QCOMPARE(h.nodeStatus(big, "T"), NodeStatus::Completed);
    QCOMPARE(h.nodeStatus(big, "F"), NodeStatus::Skipped);
    QCOMPARE(h.node(big, "F").skipReason, SkipReason::BranchNotTaken);
    QCOMPARE(h.nodeStatus(big, "F2"), NodeStatus::Skipped);
    QCOMPARE(h.nodeStatus(big, "J"), NodeStatus::Completed);
    QCOMPARE(h.nodeStatus(big, "after"), NodeStatus::Completed);

    // Both parents of a node skipped: skipped too.
    auto flow2 = h.compile(FlowBuilder()
                               .node("cond", "condition", json(R"({"op": "truthy"})"),
                                     json(R"({"value": "$.trigger.on"})"))
                               .node("T1")
                               .node("T2")
                               .node("J")
                               .edge("cond", "T1", "true")
                               .edge("cond", "T2", "true")
                               .edge("T1", "J")
                               .edge("T2", "J"));
    const QString off = h.start(flow2, json(R"({"on": false})"));
    QCOMPARE(h.statusOf(off), ExecutionStatus::Completed);
    QCOMPARE(h.nodeStatus(off, "J"), NodeStatus::Skipped);
    QCOMPARE(h.node(off, "J").skipReason, SkipReason::BranchNotTaken);
}

void TestScheduler::eventsInOrderWithSeedFields()
{
    Harness h;
    auto flow = h.compile(FlowBuilder().node("A").node("B", "ctl").edge("A", "B"));
    const QString id = h.start(flow);
    h.ctl->fail("B");
    QCOMPARE(h.eventTypes(id),
             (QStringList{"execution_started", "node_started:A", "node_completed:A",
                          "node_started:B", "node_failed:B", "execution_completed"}));
    const QJsonObject started = h.events[1].toJson();
    QCOMPARE(started["type"].toString(), "node_started");
    QCOMPARE(started["node_id"].toString(), "A");
    QCOMPARE(started["component"].toString(), "noop");
    QVERIFY(started["timestamp"].toString().endsWith('Z'));
    const QJsonObject completed = h.events[2].toJson();
    QVERIFY(completed.contains("duration_ms"));
    const QJsonObject failed = h.events[4].toJson();
    QCOMPARE(failed["error"].toObject()["code"].toString(), "INTERNAL_ERROR");
    QCOMPARE(failed["error"].toObject()["message"].toString(), "failed");
    const QJsonObject end = h.events[5].toJson();
    QCOMPARE(end["type"].toString(), "execution_completed");
    QCOMPARE(end["status"].toString(), "failed");
    QVERIFY(end.contains("total_duration_ms"));
    QCOMPARE(end["execution_id"].toString(), id);
}

void TestScheduler::closedGateSkipsNodeEventsButNotTheirNumbers()
{
    Harness h;
    bool wanted = false;
    h.scheduler->setNodeEventGate([&wanted] { return wanted; });
    auto flow = h.compile(FlowBuilder().node("A").node("B", "ctl").edge("A", "B"));
    const QString id = h.start(flow);
    QCOMPARE(h.eventTypes(id), (QStringList{"execution_started"}));
    // A watcher arrives: from now on node events are built.
    wanted = true;
    h.ctl->complete("B");
    QCOMPARE(h.eventTypes(id),
             (QStringList{"execution_started", "node_completed:B", "execution_completed"}));
    // A's two events and B's start were numbered though not built.
    QCOMPARE(h.events.at(0).sequence, 1);
    QCOMPARE(h.events.at(1).sequence, 5);
    QCOMPARE(h.events.at(2).sequence, 6);
}

void TestScheduler::snapshotShape()
{
    Harness h;
    auto flow =
        h.compile(FlowBuilder().node("A").node("B", "ctl").node("C").edge("A", "B").edge("B", "C"));
    const QString id = h.start(flow, {}, "flow-9");
    const QJsonObject snap = h.scheduler->snapshot(id).value();
    QCOMPARE(snap["execution_id"].toString(), id);
    QCOMPARE(snap["flow_id"].toString(), "flow-9");
    QCOMPARE(snap["flow_version"].toString(), "1");
    QCOMPARE(snap["status"].toString(), "running");
    QCOMPARE(snap["can_cancel"].toBool(), true);
    const QJsonObject progress = snap["progress"].toObject();
    QCOMPARE(progress["total_nodes"].toInt(), 3);
    QCOMPARE(progress["completed"].toInt(), 1);
    QCOMPARE(progress["running"].toInt(), 1);
    QCOMPARE(progress["pending"].toInt(), 1);
    QCOMPARE(progress["failed"].toInt(), 0);
    QCOMPARE(progress["percent"].toInt(), 33);
    const QJsonObject timing = snap["timing"].toObject();
    QVERIFY(timing["started_at"].isString());
    QVERIFY(timing.contains("elapsed_ms"));
    QVERIFY(timing.contains("estimated_remaining_ms"));
    const QJsonArray nodes = snap["nodes"].toArray();
    QCOMPARE(nodes.size(), 3);
    const QJsonObject a = nodes[0].toObject();
    QCOMPARE(a["node_id"].toString(), "A");
    QCOMPARE(a["status"].toString(), "completed");
    QVERIFY(a.contains("started_at"));
    QVERIFY(a.contains("ended_at"));
    QVERIFY(a.contains("duration_ms"));
    QCOMPARE(a["attempt"].toInt(), 1);
    QCOMPARE(nodes[1].toObject()["status"].toString(), "running");
    QVERIFY(nodes[1].toObject().contains("elapsed_ms"));
    QCOMPARE(nodes[2].toObject()["waiting_for"].toArray(), QJsonArray{"B"});
    QCOMPARE(h.scheduler->snapshot("nope").error().code, ErrorCode::ExecutionNotFound);
    h.ctl->complete("B");
    QCOMPARE(h.scheduler->snapshot(id).value()["can_cancel"].toBool(), false);
}

void TestScheduler::invalidInputMappingFailsWithoutRetry()
{
    Harness h;
    auto typed = flow::ComponentInterface::fromJson(json(R"({"name": "typed", "version": "1.0.0",
                 "inputs": [{"name": "n", "type": "integer", "required": true}]})"));
    h.registryMut()->add(typed.value(), h.ctl);
    auto flow = h.compile(FlowBuilder()
                              .node("T", "typed", {}, json(R"({"n": "$.trigger.n"})"))
                              .settings(json(R"({"retry": {"maxAttempts": 3, "backoffMs": 0}})")));
    const QString id = h.start(flow, json(R"({"n": "not a number"})"));
    QCOMPARE(h.statusOf(id), ExecutionStatus::Failed);
    QCOMPARE(h.ctl->calls.value("T"), 0);
    QCOMPARE(h.node(id, "T").attempt, 1);
    QCOMPARE(h.node(id, "T").error.code, ErrorCode::InvalidInputMapping);
}

void TestScheduler::largeOutputsBecomeBlobs()
{
    Harness h;
    auto flow = h.compile(FlowBuilder()
                              .node("A", "ctl")
                              .node("B", "noop", {}, json(R"({"n": "$.nodes.A.output.big.n",
                                             "whole": "$.nodes.A.output.big"})"))
                              .edge("A", "B"));
    const QString id = h.start(flow);
    const QString payload(70 * 1024, QChar('x'));
    h.ctl->complete("A",
                    QJsonObject{{"big", QJsonObject{{"data", payload}, {"n", 7}}}, {"small", 1}});
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    const QJsonObject outA = h.node(id, "A").outputs;
    QVERIFY(flow::isBlobRef(outA["big"]));
    QCOMPARE(outA["small"].toInt(), 1);
    QCOMPARE(h.scheduler->blobs().blobCount(id), 1);
    const QJsonObject inB = h.node(id, "B").inputs;
    QCOMPARE(inB["n"].toInt(), 7);          // read through the blob
    QVERIFY(flow::isBlobRef(inB["whole"])); // passed on as a reference
}

void TestScheduler::historyLevels_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<int>("nodeRows");
    // 3 nodes, one fails, one skipped. all: a running row for B, the only
    // node still running when its engine turn ended (A, a synchronous
    // built-in, ended within its turn: only its final row), + 3 final rows;
    // summary: the failed one; none: nothing.
    QTest::newRow("all") << "all" << 4;
    QTest::newRow("summary") << "summary" << 1;
    QTest::newRow("none") << "none" << 0;
}

void TestScheduler::historyLevels()
{
    QFETCH(QString, level);
    QFETCH(int, nodeRows);
    Harness h;
    auto flow = h.compile(FlowBuilder()
                              .node("A")
                              .node("B", "ctl")
                              .node("C")
                              .edge("A", "B")
                              .edge("B", "C")
                              .settings(QJsonObject{{"historyLevel", level}}));
    const QString id = h.start(flow);
    h.ctl->fail("B");
    QCOMPARE(h.statusOf(id), ExecutionStatus::Failed);
    QCOMPARE(h.journal.nodes.size(), nodeRows);
    if (level == QLatin1String("all")) {
        QStringList written;
        for (const NodeRecord &r : h.journal.nodes)
            written << r.nodeId + u'=' + r.status;
        QCOMPARE(written, QStringList({"A=completed", "B=running", "B=failed", "C=skipped"}));
    }
    // The execution row is written whatever the level, ending "failed".
    QCOMPARE(h.journal.lastStatus(id), "failed");
    QCOMPARE(h.journal.executions.first().status, "running");
}

// Write-ahead start: a node whose attempt leaves the server (here "ctl",
// which keeps the default hasExternalEffects) is handed to its executor
// only once the records saying it started are durable; pure built-ins do
// not wait.
void TestScheduler::externalEffectsWaitForADurableStart()
{
    Harness h;
    h.journal.holdDurability = true;
    auto flow = h.compile(FlowBuilder()
                              .node("A", "transform", json(R"({"outputs": {"x": 1}})"))
                              .node("B", "ctl")
                              .edge("A", "B"));
    const QString id = h.start(flow, QJsonObject{{"x", 1}});
    QVERIFY(!id.isEmpty());
    QCOMPARE(h.nodeStatus(id, "A"), NodeStatus::Completed); // did not wait
    QCOMPARE(h.nodeStatus(id, "B"), NodeStatus::Running);
    QCOMPARE(h.ctl->calls.value("B"), 0);
    QCOMPARE(h.journal.requested.size(), 1);
    const qint64 ticket = h.journal.requested.first();
    // At history `all` the node's own "running" record is inside the ticket.
    bool startRecorded = false;
    for (const NodeRecord &r : std::as_const(h.journal.nodes))
        startRecorded = startRecorded || (r.nodeId == "B" && r.status == "running");
    QVERIFY(startRecorded);
    QCOMPARE(ticket, h.journal.records);

    h.journal.durableUpTo = ticket - 1; // not quite
    h.scheduler->journalProgressed();
    QCOMPARE(h.ctl->calls.value("B"), 0);
    h.journal.durableUpTo = ticket;
    h.scheduler->journalProgressed();
    QCOMPARE(h.ctl->calls.value("B"), 1);
    h.ctl->complete("B");
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    // The running record was written once, not again at the end of the turn.
    int running = 0;
    for (const NodeRecord &r : std::as_const(h.journal.nodes))
        running += r.nodeId == "B" && r.status == "running" ? 1 : 0;
    QCOMPARE(running, 1);
}

void TestScheduler::cancelWhileWaitingForDurabilitySendsNothing()
{
    Harness h;
    h.journal.holdDurability = true;
    auto flow = h.compile(FlowBuilder().node("B", "ctl"));
    const QString id = h.start(flow);
    QVERIFY(!id.isEmpty());
    QVERIFY(h.scheduler->cancel(id, CancelRequest{CancelReason::UserRequested, "stop", "user:1"}));
    QCOMPARE(h.statusOf(id), ExecutionStatus::Cancelled);
    h.journal.durableUpTo = h.journal.records;
    h.scheduler->journalProgressed();
    QCOMPARE(h.ctl->calls.value("B"), 0);
}

void TestScheduler::lostStartFailsTheNodeWithoutRunningIt()
{
    Harness h;
    h.journal.holdDurability = true;
    h.journal.lostFrom = 0;
    auto flow = h.compile(FlowBuilder().node("B", "ctl").node("C").edge("B", "C"));
    const QString id = h.start(flow);
    h.journal.durableUpTo = h.journal.records;
    h.scheduler->journalProgressed();
    QCOMPARE(h.ctl->calls.value("B"), 0);
    QCOMPARE(h.statusOf(id), ExecutionStatus::Failed);
    QCOMPARE(h.nodeStatus(id, "B"), NodeStatus::Failed);
    QVERIFY(h.node(id, "B").error.message.contains("could not be recorded"));
}

// Restored requests keep their stored sequence, and later requests get
// higher ones: the order survives a second restart, and no new number can
// collide with a stored one.
void TestScheduler::restoredQueueKeepsItsSequence()
{
    Harness h;
    auto flow = h.compile(
        FlowBuilder().node("B", "ctl").settings(json(R"({"concurrency": {"mode": "queue"}})")));
    h.flows["flow-1@1"] = flow;
    QList<QueuedRequest> stored;
    for (int i = 0; i < 3; ++i)
        stored.append(QueuedRequest{QStringLiteral("restored-%1").arg(i),
                                    "flow-1",
                                    "1",
                                    {},
                                    {},
                                    "user:1",
                                    1000 + i,
                                    5000 + i * 7});
    QVERIFY(h.scheduler->restoreQueue(stored));
    // The first runs, the others wait with their own numbers.
    QCOMPARE(h.ctl->startOrder, QStringList{"restored-0"});
    QCOMPARE(h.scheduler->execution("restored-1")->sequence, 5007);
    QCOMPARE(h.scheduler->execution("restored-2")->sequence, 5014);
    auto fresh = h.trigger(flow);
    QVERIFY(fresh);
    QCOMPARE(fresh.value().status, TriggerResult::Status::Queued);
    QVERIFY(h.journal.queued.contains(fresh.value().executionId));
    QVERIFY(h.journal.queued.value(fresh.value().executionId).sequence > 5014);
    // And they start in that order.
    h.ctl->complete("restored-0/B");
    h.ctl->complete("restored-1/B");
    h.ctl->complete("restored-2/B");
    QCOMPARE(h.ctl->startOrder,
             (QStringList{"restored-0", "restored-1", "restored-2", fresh.value().executionId}));
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "TestScheduler.moc"
