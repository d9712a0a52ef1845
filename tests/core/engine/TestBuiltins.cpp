// The in-process components: noop, delay, log, transform, condition.

#include "EngineFixtures.h"

#include <QtTest>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::test;

class TestBuiltins : public QObject
{
    Q_OBJECT
private slots:
    void registered();
    void noopPassesInputs();
    void delayWaitsAndPasses();
    void logMasksSecrets();
    void transformMapsInputs();
    void transformRejectsOtherRoots();
    void conditionOps_data();
    void conditionOps();
};

void TestBuiltins::registered()
{
    ExecutorRegistry reg;
    registerBuiltins(reg);
    for (const char *name : {"noop", "delay", "log", "transform", "condition"}) {
        QVERIFY2(reg.find(name, "1.0.0"), name);
        QVERIFY(reg.executor(name, "1.0.0"));
    }
    QCOMPARE(reg.find("condition", "1.0.0")->outputHandles, (QStringList{"true", "false"}));
    QVERIFY(!reg.find("http-request", "1.0.0")); // engine/http registers it
}

void TestBuiltins::noopPassesInputs()
{
    Harness h;
    auto flow = h.compile(FlowBuilder().node("n", "noop", {}, json(R"({"a": "$.trigger.a"})")));
    const QString id = h.start(flow, json(R"({"a": [1, 2]})"));
    QCOMPARE(h.node(id, "n").outputs, json(R"({"a": [1, 2]})"));
}

void TestBuiltins::delayWaitsAndPasses()
{
    Harness h;
    auto flow = h.compile(
        FlowBuilder().node("d", "delay", json(R"({"ms": 1})"), json(R"({"v": "$.trigger.v"})")));
    const QString id = h.start(flow, json(R"({"v": 3})"));
    QCOMPARE(h.nodeStatus(id, "d"), NodeStatus::Running);
    QVERIFY(h.waitEnded(id));
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    QCOMPARE(h.node(id, "d").outputs["v"].toInt(), 3);
}

void TestBuiltins::logMasksSecrets()
{
    Harness h;
    auto flow = h.compile(FlowBuilder().node(
        "l", "log", json(R"({"message": "got"})"),
        json(R"({"user": "$.trigger.user", "password": "$.trigger.password"})")));
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression("got"));
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression("got"));
    const QString id = h.start(flow, json(R"({"user": "ann", "password": "hunter22secret"})"));
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    // Outputs are the inputs unmasked: masking is for the log only.
    QCOMPARE(h.node(id, "l").outputs["password"].toString(), "hunter22secret");
}

void TestBuiltins::transformMapsInputs()
{
    Harness h;
    auto flow = h.compile(FlowBuilder().node(
        "t", "transform", json(R"({"outputs": {"sku": "$.inputs.order.items[0].sku", "n": 5,
                             "whole": "$.inputs.order", "missing": "$.inputs.nope"}})"),
        json(R"({"order": "$.trigger.order"})")));
    const QString id = h.start(flow, json(R"({"order": {"items": [{"sku": "X-1"}]}})"));
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    const QJsonObject out = h.node(id, "t").outputs;
    QCOMPARE(out["sku"].toString(), "X-1");
    QCOMPARE(out["n"].toInt(), 5);
    QCOMPARE(out["whole"].toObject()["items"].toArray().size(), 1);
    QVERIFY(!out.contains("missing"));
}

void TestBuiltins::transformRejectsOtherRoots()
{
    Harness h;
    auto flow = h.compile(FlowBuilder()
                              .node("t", "transform", json(R"({"outputs": {"a": "$.trigger.x"}})"))
                              .settings(json(R"({"retry": {"maxAttempts": 3, "backoffMs": 0}})")));
    const QString id = h.start(flow);
    QCOMPARE(h.statusOf(id), ExecutionStatus::Failed);
    QCOMPARE(h.node(id, "t").error.code, ErrorCode::InvalidInputMapping);
    QCOMPARE(h.node(id, "t").attempt, 1);
}

void TestBuiltins::conditionOps_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("handle");
    QTest::newRow("== true") << R"({"left": "$.inputs.v", "op": "==", "right": "a"})"
                             << R"({"v": "a"})"
                             << "true";
    QTest::newRow("!=") << R"({"left": "$.inputs.v", "op": "!=", "right": "a"})"
                        << R"({"v": "a"})"
                        << "false";
    QTest::newRow("<") << R"({"left": "$.inputs.v", "op": "<", "right": 3})"
                       << R"({"v": 2})"
                       << "true";
    QTest::newRow(">= strings") << R"({"left": "$.inputs.v", "op": ">=", "right": "b"})"
                                << R"({"v": "a"})"
                                << "false";
    QTest::newRow("exists") << R"({"left": "$.inputs.v", "op": "exists"})"
                            << R"({"v": null})"
                            << "true";
    QTest::newRow("not exists") << R"({"left": "$.inputs.w", "op": "exists"})"
                                << R"({"v": 1})"
                                << "false";
    QTest::newRow("truthy default") << R"({})"
                                    << R"({"value": "x"})"
                                    << "true";
    QTest::newRow("falsy 0") << R"({"op": "truthy"})"
                             << R"({"value": 0})"
                             << "false";
    QTest::newRow("input vs input") << R"({"left": "$.inputs.a", "op": ">", "right": "$.inputs.b"})"
                                    << R"({"a": 5, "b": 4})"
                                    << "true";
}

void TestBuiltins::conditionOps()
{
    QFETCH(QString, config);
    QFETCH(QString, input);
    QFETCH(QString, handle);
    Harness h;
    auto flow = h.compile(
        FlowBuilder()
            .node("c", "condition", QJsonDocument::fromJson(config.toUtf8()).object(),
                  json(R"({"value": "$.trigger.value", "v": "$.trigger.v", "a": "$.trigger.a",
                           "b": "$.trigger.b"})"))
            .node("T")
            .node("F")
            .edge("c", "T", "true")
            .edge("c", "F", "false"));
    const QString id = h.start(flow, QJsonDocument::fromJson(input.toUtf8()).object());
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    QCOMPARE(h.node(id, "c").handle, handle);
    QCOMPARE(h.nodeStatus(id, handle == "true" ? "T" : "F"), NodeStatus::Completed);
    QCOMPARE(h.nodeStatus(id, handle == "true" ? "F" : "T"), NodeStatus::Skipped);
    QCOMPARE(h.node(id, "c").outputs["result"].toBool(), handle == "true");
}

QTEST_GUILESS_MAIN(TestBuiltins)
#include "TestBuiltins.moc"
