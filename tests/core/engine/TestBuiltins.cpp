// The in-process components: noop, delay, log, transform, condition.

#include "EngineFixtures.h"
#include "engine/builtins/SyncBuiltins.h"
#include "flow/FlowProblem.h"

#include <QtTest>
#include <limits>
#include <optional>

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
    void transformPreparedMatchesReference_data();
    void transformPreparedMatchesReference();
    void conditionPreparedMatchesReference_data();
    void conditionPreparedMatchesReference();
    void preparedStateIsPerNodeAndFlow();
};

namespace {

// The reference for built-in config expressions: parsed and evaluated on
// every run, as the built-ins did before they were prepared once per node
// ("$.inputs" read as "$.trigger" of the inputs).
Result<QJsonValue> referenceOnInputs(const QJsonValue &expression, const QJsonObject &inputs)
{
    QJsonValue value = expression;
    if (expression.isString() && expression.toString().startsWith("$.")) {
        const QString text = expression.toString();
        if (!text.startsWith("$.inputs") || (text.size() > 8 && text[8] != u'.' && text[8] != u'['))
            return Error{
                ErrorCode::InvalidInputMapping,
                QStringLiteral("built-in expressions read \"$.inputs...\", not %1").arg(text),
                {{"expression", text}}};
        value = "$.trigger" + text.mid(8);
    }
    Result<flow::Mapping> mapping = flow::parseMapping(value);
    if (!mapping)
        return mapping.error();
    flow::EvaluationContext context;
    context.trigger = inputs;
    return flow::evaluate(mapping.value(), context);
}

NodeOutcome referenceTransform(const QJsonObject &config, const QJsonObject &inputs)
{
    const QJsonObject spec = config.value("outputs").toObject();
    QJsonObject outputs;
    for (auto it = spec.begin(); it != spec.end(); ++it) {
        Result<QJsonValue> value = referenceOnInputs(it.value(), inputs);
        if (!value)
            return NodeOutcome::failed(value.error(), false);
        if (!value.value().isUndefined())
            outputs.insert(it.key(), value.value());
    }
    return NodeOutcome::completed(outputs);
}

// Runs a synchronous built-in once and returns what it reported.
NodeOutcome runOnce(NodeExecutor &executor, const QJsonObject &config, const QJsonObject &inputs,
                    const PreparedNode *prepared)
{
    NodeTask task;
    task.executionId = "e";
    task.nodeId = "n";
    task.config = config;
    task.inputs = inputs;
    task.prepared = prepared;
    std::optional<NodeOutcome> outcome;
    auto run = executor.start(task, [&outcome](NodeOutcome o) { outcome = std::move(o); });
    if (run || !outcome)
        qFatal("a synchronous built-in did not answer at once");
    return *std::move(outcome);
}

QByteArray describe(const NodeOutcome &o)
{
    if (o.kind == NodeOutcome::Kind::Failed)
        return "failed " + o.error.codeName().toUtf8() + " " + o.error.message.toUtf8() + " " +
               QJsonDocument(o.error.details).toJson(QJsonDocument::Compact) +
               (o.retryable ? " retryable" : "");
    return "completed " + o.handle.toUtf8() + " " +
           QJsonDocument(o.outputs).toJson(QJsonDocument::Compact);
}

// Every inputs object a prepared config is run with, in turn: the same
// prepared state must serve them all.
const QList<QJsonObject> kInputsSeries{
    json(R"({"v": 7, "list": [10, 20, 30], "obj": {"inner": {"x": "deep"}, "n": null},
             "odd key": {"a.b": 1}, "s": "text", "big": {"$ref": "blob:b-1"}})"),
    json(R"({"v": "seven", "list": [], "obj": 5, "s": ""})"),
    json(R"({})"),
    json(R"({"v": null, "list": {"1": "not an array"}, "obj": {"inner": [1, 2]}})"),
};

} // namespace

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

namespace {

// Every message while a CapturedMessages lives (the Harness runs the engine
// on the test's thread: one writer).
QStringList g_messages;

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages.append(message);
}

struct CapturedMessages
{
    CapturedMessages() : previous(qInstallMessageHandler(captureMessage)) { g_messages.clear(); }
    ~CapturedMessages() { qInstallMessageHandler(previous); }
    QtMessageHandler previous;
};

} // namespace

void TestBuiltins::logMasksSecrets()
{
    Harness h;
    auto flow = h.compile(FlowBuilder().node(
        "l", "log", json(R"({"message": "got"})"),
        json(R"({"user": "$.trigger.user", "password": "$.trigger.password"})")));
    QString id;
    QStringList messages;
    {
        const CapturedMessages captured;
        id = h.start(flow, json(R"({"user": "ann", "password": "hunter22secret"})"));
        messages = g_messages;
    }
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    // The masked form SensitiveDataMasker documents: two characters of each
    // end of a value of 8 or more, "****" between, "..." after.
    const QString line = QStringLiteral(R"(got {"password":"hu****et...","user":"ann"})");
    QCOMPARE(h.node(id, "l").logs, QStringList{line});
    QVERIFY2(messages.filter("hunter22secret").isEmpty(), qPrintable(messages.join(u'\n')));
    // The component's own line and the engine's copy of the node log.
    const QStringList logged = messages.filter("got {");
    QVERIFY(!logged.isEmpty());
    for (const QString &message : logged)
        QVERIFY2(message.endsWith(" l " + line), qPrintable(message));
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
    // compile() refuses the config, so no flow reaches a run with it ...
    Harness h;
    const QJsonObject config = json(R"({"outputs": {"a": "$.trigger.x"}})");
    auto compiled = FlowBuilder().node("t", "transform", config).tryCompile(*h.registry);
    QVERIFY(!compiled);
    const flow::FlowProblems problems = flow::problemsFromError(compiled.error());
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0].code, flow::problem::InvalidBuiltinExpression);
    QCOMPARE(problems[0].node, "t");
    QCOMPARE(problems[0].extra.value("path").toString(), "outputs.a");
    // ... and the executor still refuses it on its own: the node fails at
    // its first attempt, not to be retried.
    builtins::TransformExecutor executor;
    const NodeOutcome outcome = runOnce(executor, config, {}, nullptr);
    QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
    QCOMPARE(outcome.error.code, ErrorCode::InvalidInputMapping);
    QVERIFY(!outcome.retryable);
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

void TestBuiltins::transformPreparedMatchesReference_data()
{
    QTest::addColumn<QString>("outputs");
    QTest::newRow("missing paths") << R"({"a": "$.inputs.nope", "b": "$.inputs.obj.nope.deeper",
                                          "c": "$.inputs.s.x", "d": "$.inputs.v"})";
    QTest::newRow("array index") << R"({"a": "$.inputs.list[1]", "b": "$.inputs.list[9]",
                                        "c": "$.inputs.list[0]", "d": "$.inputs.obj.inner[1]"})";
    // A plain literal: moc misreads raw strings holding backslashes.
    QTest::newRow("nested objects")
        << "{\"a\": \"$.inputs.obj\", \"b\": \"$.inputs.obj.inner.x\", "
           "\"c\": \"$.inputs[\\\"odd key\\\"][\\\"a.b\\\"]\", \"d\": \"$.inputs.obj.n\"}";
    QTest::newRow("non-string literals")
        << R"({"n": 5, "f": 2.5, "t": true, "z": null, "arr": [1, "$.inputs.v"],
              "o": {"k": "$.inputs.v"}, "v": "$.inputs.v"})";
    QTest::newRow("dollar alone")
        << R"({"d": "$", "e": "$x", "f": "$.inputs", "g": "", "h": "$$"})";
    QTest::newRow("references") << R"({"blob": {"$ref": "blob:abc"},
                                       "node": {"$ref": "node:a:output:b"},
                                       "v": "$.inputs.v"})";
    QTest::newRow("blob on the path") << R"({"a": "$.inputs.big", "b": "$.inputs.big.width"})";
    QTest::newRow("other root") << R"({"a": 1, "b": "$.trigger.v", "c": "$.inputs.v"})";
    QTest::newRow("unparsable") << R"({"a": "$.inputs.v", "b": "$.inputs[", "c": "$.inputs.v"})";
    QTest::newRow("inputs prefix only") << R"({"a": "$.inputsX"})";
    QTest::newRow("first error in key order") << R"({"b": "$.inputs..", "a": "$.nodes.x.output"})";
    QTest::newRow("bad ref") << R"({"a": {"$ref": "nothing"}, "b": "$.inputs.v"})";
    QTest::newRow("empty") << R"({})";
    QTest::newRow("not an object") << R"(3)";
}

void TestBuiltins::transformPreparedMatchesReference()
{
    QFETCH(QString, outputs);
    const QJsonObject config =
        QJsonDocument::fromJson(("{\"outputs\": " + outputs + "}").toUtf8()).object();
    QVERIFY(config.contains("outputs"));
    builtins::TransformExecutor executor;
    const std::shared_ptr<const PreparedNode> prepared = executor.prepare(config);
    QVERIFY(prepared);
    for (const QJsonObject &inputs : kInputsSeries) {
        const QByteArray expected = describe(referenceTransform(config, inputs));
        QCOMPARE(describe(runOnce(executor, config, inputs, prepared.get())), expected);
        QCOMPARE(describe(runOnce(executor, config, inputs, nullptr)), expected);
    }
}

void TestBuiltins::conditionPreparedMatchesReference_data()
{
    QTest::addColumn<QString>("config");
    QTest::newRow("default left") << R"({})";
    QTest::newRow("exists on a missing path") << R"({"left": "$.inputs.obj.nope", "op": "exists"})";
    QTest::newRow("array index") << R"({"left": "$.inputs.list[1]", "op": "==", "right": 20})";
    QTest::newRow("nested") << R"({"left": "$.inputs.obj.inner.x", "op": ">=", "right": "d"})";
    QTest::newRow("literal left") << R"({"left": 3, "op": "<", "right": "$.inputs.v"})";
    QTest::newRow("dollar alone") << R"({"left": "$", "op": "==", "right": "$"})";
    QTest::newRow("right missing") << R"({"left": "$.inputs.v", "op": "=="})";
    QTest::newRow("bad left") << R"({"left": "$.trigger.v", "op": "==", "right": "$.inputs["})";
    QTest::newRow("bad right") << R"({"left": "$.inputs.v", "op": "==", "right": "$.inputs["})";
    QTest::newRow("unknown op") << R"({"left": "$.inputs.v", "op": "~", "right": 1})";
}

void TestBuiltins::conditionPreparedMatchesReference()
{
    QFETCH(QString, config);
    const QJsonObject cfg = QJsonDocument::fromJson(config.toUtf8()).object();
    builtins::ConditionExecutor executor;
    const std::shared_ptr<const PreparedNode> prepared = executor.prepare(cfg);
    QVERIFY(prepared);
    for (QJsonObject inputs : kInputsSeries) {
        inputs.insert("value", inputs.value("s"));
        // The reference: both sides evaluated, the left error first, then
        // the op applied (through an unprepared run, which parses per run).
        const QJsonValue leftSpec =
            cfg.contains("left") ? cfg.value("left") : QJsonValue("$.inputs.value");
        const Result<QJsonValue> left = referenceOnInputs(leftSpec, inputs);
        const Result<QJsonValue> right =
            cfg.contains("right") ? referenceOnInputs(cfg.value("right"), inputs)
                                  : Result<QJsonValue>(QJsonValue(QJsonValue::Undefined));
        const NodeOutcome unprepared = runOnce(executor, cfg, inputs, nullptr);
        if (!left || !right) {
            QCOMPARE(unprepared.kind, NodeOutcome::Kind::Failed);
            QCOMPARE(unprepared.error.message, (!left ? left.error() : right.error()).message);
        }
        QCOMPARE(describe(runOnce(executor, cfg, inputs, prepared.get())), describe(unprepared));
    }
}

// Prepared configs and input shapes are kept per node of a compiled flow:
// nodes with other expressions, and other flows (or versions) whose nodes
// have the same ids, never get another node's.
void TestBuiltins::preparedStateIsPerNodeAndFlow()
{
    Harness h;
    auto chain = [&h](const QString &firstOut, const QString &secondOut, const QString &firstIn) {
        return h.compile(
            FlowBuilder()
                .node("a", "transform", QJsonObject{{"outputs", QJsonObject{{"r", firstOut}}}},
                      QJsonObject{{"x", firstIn}})
                .node("b", "transform", QJsonObject{{"outputs", QJsonObject{{"r", secondOut}}}},
                      json(R"({"y": "$.nodes.a.output.r", "z": "$.trigger.z"})"))
                .edge("a", "b"));
    };
    auto v1 = chain("$.inputs.x", "$.inputs.y", "$.trigger.p");
    auto v2 = chain("$.inputs.x.k", "$.inputs.z", "$.trigger.q");
    const QJsonObject trigger = json(R"({"p": {"k": "P"}, "q": {"k": "Q"}, "z": "Z"})");
    for (int round = 0; round < 2; ++round) {
        const QString e1 = h.start(v1, trigger, "flow-1");
        const QString e2 = h.start(v2, trigger, "flow-2");
        QCOMPARE(h.statusOf(e1), ExecutionStatus::Completed);
        QCOMPARE(h.statusOf(e2), ExecutionStatus::Completed);
        QCOMPARE(h.node(e1, "a").outputs, json(R"({"r": {"k": "P"}})"));
        QCOMPARE(h.node(e1, "b").inputs, json(R"({"y": {"k": "P"}, "z": "Z"})"));
        QCOMPARE(h.node(e1, "b").outputs, json(R"({"r": {"k": "P"}})"));
        QCOMPARE(h.node(e2, "a").outputs, json(R"({"r": "Q"})"));
        QCOMPARE(h.node(e2, "b").inputs, json(R"({"y": "Q", "z": "Z"})"));
        QCOMPARE(h.node(e2, "b").outputs, json(R"({"r": "Z"})"));
        // The plans go with the executions; flows compiled afterwards (the
        // second one perhaps where the first one was) get their own.
        h.scheduler->purgeExpired(std::numeric_limits<qint64>::max() / 2);
        QCOMPARE(h.scheduler->executionCount(), 0);
        h.flows.clear();
        v1.reset();
        v2.reset();
        v2 = chain("$.inputs.x.k", "$.inputs.z", "$.trigger.q");
        v1 = chain("$.inputs.x", "$.inputs.y", "$.trigger.p");
    }
}

QTEST_GUILESS_MAIN(TestBuiltins)
#include "TestBuiltins.moc"
