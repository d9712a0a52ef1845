// compile(): one row per problem kind, several problems at once, and the
// graph facts of flows that compile (diamond, long chain, wide fan-in).

#include "FlowFixtures.h"
#include "flow/FlowCompiler.h"
#include "flow/FlowProblem.h"

#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::flow;
using namespace hm::flow::fixtures;

namespace {

QString problemsText(const FlowProblems &problems)
{
    QStringList lines;
    for (const FlowProblem &p : problems)
        lines.append(p.code + QStringLiteral(" ") + p.message);
    return lines.join(QStringLiteral("\n"));
}

QList<int> toList(std::span<const int> span)
{
    return QList<int>(span.begin(), span.end());
}

QList<int> indices(const CompiledFlow &flow, const QStringList &ids)
{
    QList<int> list;
    for (const QString &id : ids)
        list.append(flow.indexOf(id));
    return list;
}

} // namespace

class TestFlowValidation : public QObject
{
    Q_OBJECT

    InMemoryComponentCatalog m_catalog = builtinCatalog();

    CompiledFlowPtr compileOk(const QJsonObject &def, const QJsonObject &settings = {})
    {
        auto compiled = compileJson(def, settings, m_catalog);
        if (!compiled.ok())
            qWarning().noquote() << problemsText(problemsFromError(compiled.error()));
        return compiled.ok() ? compiled.value() : nullptr;
    }

private slots:
    void problemKinds_data()
    {
        QTest::addColumn<QJsonObject>("definition");
        QTest::addColumn<QJsonObject>("settings");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("edge");
        QTest::addColumn<QString>("extraKey"); // optional extra field to check
        QTest::addColumn<QString>("extraValue");

        const QJsonObject data{{"data", "$.trigger"}};
        const QJsonObject a = node("a", "transform", data);
        const QJsonObject b = node("b", "transform", {{"data", "$.nodes.a.output.result"}});
        const QJsonObject none;

        QTest::newRow("duplicate node id")
            << definition({a, node("a", "log")}, {}) << none << "DUPLICATE_NODE_ID"
            << "a"
            << ""
            << ""
            << "";
        QTest::newRow("duplicate edge id")
            << definition({a, b, node("c", "log")}, {edge("e1", "a", "b"), edge("e1", "b", "c")})
            << none << "DUPLICATE_EDGE_ID"
            << ""
            << "e1"
            << ""
            << "";
        QTest::newRow("edge from unknown node")
            << definition({a}, {edge("e1", "ghost", "a")}) << none << "UNKNOWN_EDGE_NODE"
            << "ghost"
            << "e1"
            << "end"
            << "source";
        QTest::newRow("edge to unknown node")
            << definition({a}, {edge("e1", "a", "ghost")}) << none << "UNKNOWN_EDGE_NODE"
            << "ghost"
            << "e1"
            << "end"
            << "target";
        QTest::newRow("unknown source handle")
            << definition({a, b}, {edge("e1", "a", "b", "true")}) << none << "UNKNOWN_SOURCE_HANDLE"
            << "a"
            << "e1"
            << "handle"
            << "true";
        QTest::newRow("default handle of a condition")
            << definition({node("cond", "condition", {{"value", "$.trigger"}}), node("x", "log")},
                          {edge("e1", "cond", "x")})
            << none << "UNKNOWN_SOURCE_HANDLE"
            << "cond"
            << "e1"
            << "handle"
            << "default";
        QTest::newRow("unknown target handle")
            << definition({a, b}, {edge("e1", "a", "b", "default", "nope")}) << none
            << "UNKNOWN_TARGET_HANDLE"
            << "b"
            << "e1"
            << "handle"
            << "nope";
        QTest::newRow("cycle") << definition({node("a", "log"), node("b", "log")},
                                             {edge("e1", "a", "b"), edge("e2", "b", "a")})
                               << none << "CYCLE"
                               << "a"
                               << ""
                               << ""
                               << "";
        QTest::newRow("self loop")
            << definition({node("a", "log")}, {edge("e1", "a", "a")}) << none << "CYCLE"
            << "a"
            << ""
            << ""
            << "";
        QTest::newRow("unknown component")
            << definition({node("a", "teleport")}, {}) << none << "UNKNOWN_COMPONENT"
            << "a"
            << ""
            << "component"
            << "teleport";
        QTest::newRow("unknown component version")
            << definition({node("a", "transform", data, {}, "9.9.9")}, {}) << none
            << "UNKNOWN_COMPONENT_VERSION"
            << "a"
            << ""
            << "version"
            << "9.9.9";
        QTest::newRow("required input missing")
            << definition({node("h", "http-request")}, {}) << none << "MISSING_REQUIRED_INPUT"
            << "h"
            << ""
            << "input"
            << "url";
        QTest::newRow("unknown input")
            << definition({node("a", "transform", {{"data", 1}, {"bogus", 2}})}, {}) << none
            << "UNKNOWN_INPUT"
            << "a"
            << ""
            << "input"
            << "bogus";
        QTest::newRow("unparsable mapping")
            << definition({node("a", "transform", {{"data", "$.nodes..x"}})}, {}) << none
            << "INVALID_MAPPING"
            << "a"
            << ""
            << "input"
            << "data";
        QTest::newRow("mapping to unknown node")
            << definition({node("a", "transform", {{"data", "$.nodes.ghost.output.result"}})}, {})
            << none << "MAPPING_UNKNOWN_NODE"
            << "a"
            << ""
            << "ref"
            << "ghost";
        QTest::newRow("mapping to a sibling")
            << definition({a, b, node("c", "transform", {{"data", "$.nodes.b.output.result"}})},
                          {edge("e1", "a", "b"), edge("e2", "a", "c")})
            << none << "MAPPING_NOT_ANCESTOR"
            << "c"
            << ""
            << "ref"
            << "b";
        QTest::newRow("mapping to a descendant")
            << definition({node("a", "transform", {{"data", "$.nodes.b.output.result"}}), b},
                          {edge("e1", "a", "b")})
            << none << "MAPPING_NOT_ANCESTOR"
            << "a"
            << ""
            << "ref"
            << "b";
        QTest::newRow("mapping to itself")
            << definition({node("a", "transform", {{"data", "$.nodes.a.output.result"}})}, {})
            << none << "MAPPING_NOT_ANCESTOR"
            << "a"
            << ""
            << "ref"
            << "a";
        QTest::newRow("mapping to an unknown output")
            << definition({a, node("b", "transform", {{"data", "$.nodes.a.output.nope"}})},
                          {edge("e1", "a", "b")})
            << none << "MAPPING_UNKNOWN_OUTPUT"
            << "b"
            << ""
            << "output"
            << "nope";
        QTest::newRow("literal of the wrong type")
            << definition({node("h", "http-request", {{"url", 42}})}, {}) << none
            << "MAPPING_TYPE_MISMATCH"
            << "h"
            << ""
            << "expected"
            << "string";
        QTest::newRow("config out of range")
            << definition({node("h", "http-request", {{"url", "$.trigger.url"}}, {{"timeout", 0}})},
                          {})
            << none << "INVALID_CONFIG"
            << "h"
            << ""
            << "path"
            << "config.timeout";
        QTest::newRow("config of the wrong type")
            << definition(
                   {node("h", "http-request", {{"url", "$.trigger.url"}}, {{"timeout", "soon"}})},
                   {})
            << none << "INVALID_CONFIG"
            << "h"
            << ""
            << "path"
            << "config.timeout";
        QTest::newRow("config not in enum")
            << definition(
                   {node("h", "http-request", {{"url", "$.trigger.url"}}, {{"mode", "xml"}})}, {})
            << none << "INVALID_CONFIG"
            << "h"
            << ""
            << "path"
            << "config.mode";
        QTest::newRow("config missing required")
            << definition({node("d", "delay")}, {}) << none << "INVALID_CONFIG"
            << "d"
            << ""
            << "path"
            << "config";
        QTest::newRow("unusable config schema")
            << definition({node("x", "broken")}, {}) << none << "INVALID_CONFIG_SCHEMA"
            << "x"
            << ""
            << "component"
            << "broken";
        QTest::newRow("settings mode")
            << definition({a}, {}) << parseObject(R"({"concurrency": {"mode": "maybe"}})")
            << "INVALID_SETTING"
            << ""
            << ""
            << "setting"
            << "concurrency.mode";
        QTest::newRow("settings scope")
            << definition({a}, {}) << parseObject(R"({"concurrency": {"scope": "tenant"}})")
            << "INVALID_SETTING"
            << ""
            << ""
            << "setting"
            << "concurrency.scope";
        QTest::newRow("settings maxInstances")
            << definition({a}, {}) << parseObject(R"({"concurrency": {"maxInstances": 0}})")
            << "INVALID_SETTING"
            << ""
            << ""
            << "setting"
            << "concurrency.maxInstances";
        QTest::newRow("settings scopeKey")
            << definition({a}, {}) << parseObject(R"({"concurrency": {"scope": "trigger_key"}})")
            << "INVALID_SETTING"
            << ""
            << ""
            << "setting"
            << "concurrency.scopeKey";
        QTest::newRow("newer schema version")
            << QJsonObject{{"schemaVersion", 3}, {"nodes", QJsonArray{a}}} << none
            << "UNSUPPORTED_SCHEMA_VERSION"
            << ""
            << ""
            << ""
            << "";
    }

    void problemKinds()
    {
        QFETCH(QJsonObject, definition);
        QFETCH(QJsonObject, settings);
        QFETCH(QString, code);
        QFETCH(QString, node);
        QFETCH(QString, edge);
        QFETCH(QString, extraKey);
        QFETCH(QString, extraValue);

        auto compiled = compileJson(definition, settings, m_catalog);
        QVERIFY(!compiled.ok());
        QCOMPARE(compiled.error().code, ErrorCode::InvalidFlowDefinition);
        const FlowProblems problems = problemsFromError(compiled.error());
        QVERIFY2(problems.size() == 1, qPrintable(problemsText(problems)));
        const FlowProblem &p = problems.first();
        QCOMPARE(p.code, code);
        QCOMPARE(p.node, node);
        QCOMPARE(p.edge, edge);
        if (!extraKey.isEmpty())
            QCOMPARE(p.extra.value(extraKey).toString(), extraValue);
        QVERIFY(!p.message.isEmpty());
        // The wire form carries the same.
        const QJsonObject wire =
            compiled.error().details.value("problems").toArray().first().toObject();
        QCOMPARE(wire.value("code").toString(), code);
        QCOMPARE(wire.contains("node"), !node.isEmpty());
        QCOMPARE(wire.contains("edge"), !edge.isEmpty());
    }

    void everyProblemReported()
    {
        const QJsonObject def =
            definition({node("a", "transform", {{"data", "$.trigger"}}), node("a", "log"),
                        node("b", "teleport"), node("c", "transform", {{"data", "$.trigger["}})},
                       {});
        auto compiled = compileJson(def, {}, m_catalog);
        QVERIFY(!compiled.ok());
        const FlowProblems problems = problemsFromError(compiled.error());
        QCOMPARE(problems.size(), 3);
        QCOMPARE(problems[0].code, "DUPLICATE_NODE_ID");
        QCOMPARE(problems[0].node, "a");
        QCOMPARE(problems[1].code, "UNKNOWN_COMPONENT");
        QCOMPARE(problems[1].node, "b");
        QCOMPARE(problems[2].code, "INVALID_MAPPING");
        QCOMPARE(problems[2].node, "c");
        QVERIFY(compiled.error().message.contains("and 2 more"));
    }

    // The built-ins' config expressions (transform outputs, condition left
    // and right) are checked as their executors parse them: each one that
    // would fail every run is an INVALID_BUILTIN_EXPRESSION on its node.
    void builtinExpressions_data()
    {
        QTest::addColumn<QString>("component");
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QStringList>("problems"); // "path expression", in report order

        const auto outputs = [](const char *json) {
            return QJsonObject{{"outputs", parseObject(json)}};
        };
        QTest::newRow("trigger root") << "transform" << outputs(R"({"x": "$.trigger.name"})")
                                      << QStringList{"outputs.x $.trigger.name"};
        QTest::newRow("node output") << "transform" << outputs(R"({"x": "$.nodes.a.x"})")
                                     << QStringList{"outputs.x $.nodes.a.x"};
        QTest::newRow("inputs path")
            << "transform" << outputs(R"({"x": "$.inputs.name"})") << QStringList{};
        QTest::newRow("inputs forms")
            << "transform"
            << QJsonObject{{"outputs", QJsonObject{{"a", "$.inputs"},
                                                   {"b", "$.inputs[0]"},
                                                   {"c", "$.inputs[\"odd key\"].v"}}}}
            << QStringList{};
        QTest::newRow("literals")
            << "transform"
            << outputs(R"({"n": 5, "s": "text", "dollar": "$", "null": null, "b": true,
                           "nested": {"a": "$.trigger.x"}, "list": ["$.nodes.a.x"],
                           "blob": {"$ref": "blob:abc"}})")
            << QStringList{};
        QTest::newRow("malformed")
            << "transform" << QJsonObject{{"outputs", QJsonObject{{"x", "$.inputs["}}}}
            << QStringList{"outputs.x $.inputs["};
        QTest::newRow("inputs prefix only") << "transform" << outputs(R"({"x": "$.inputsX"})")
                                            << QStringList{"outputs.x $.inputsX"};
        QTest::newRow("several, in key order")
            << "transform"
            << outputs(R"({"b": "$.trigger.b", "c": "$.inputs.c", "a": "$.nodes.x.output"})")
            << QStringList{"outputs.a $.nodes.x.output", "outputs.b $.trigger.b"};
        QTest::newRow("no outputs") << "transform" << QJsonObject{} << QStringList{};
        QTest::newRow("condition left")
            << "condition" << parseObject(R"({"left": "$.trigger.v", "op": "==", "right": 1})")
            << QStringList{"left $.trigger.v"};
        QTest::newRow("condition right")
            << "condition"
            << parseObject(R"({"left": "$.inputs.v", "op": "==", "right": "$.nodes.a.output"})")
            << QStringList{"right $.nodes.a.output"};
        QTest::newRow("condition both")
            << "condition"
            << parseObject(R"({"left": "$.inputs..v", "op": "<", "right": "$.trigger.w"})")
            << QStringList{"left $.inputs..v", "right $.trigger.w"};
        QTest::newRow("condition fine")
            << "condition" << parseObject(R"({"left": 3, "op": "<", "right": "$.inputs.v"})")
            << QStringList{};
        QTest::newRow("condition defaults") << "condition" << QJsonObject{} << QStringList{};
        // Only the built-ins read expressions from their config.
        QTest::newRow("other component")
            << "log" << parseObject(R"({"outputs": {"x": "$.trigger.name"}, "left": "$.nodes"})")
            << QStringList{};
    }

    void builtinExpressions()
    {
        QFETCH(QString, component);
        QFETCH(QJsonObject, config);
        QFETCH(QStringList, problems);

        const QJsonObject mappings{{component == "condition" ? "value" : "data", "$.trigger"}};
        auto compiled =
            compileJson(definition({node("n", component, mappings, config)}, {}), {}, m_catalog);
        QStringList reported;
        if (!compiled.ok()) {
            QCOMPARE(compiled.error().code, ErrorCode::InvalidFlowDefinition);
            const QJsonArray wire = compiled.error().details.value("problems").toArray();
            for (const QJsonValue &v : wire) {
                const QJsonObject p = v.toObject();
                QCOMPARE(p.value("code").toString(), "INVALID_BUILTIN_EXPRESSION");
                QCOMPARE(p.value("node").toString(), "n");
                const QString path = p.value("path").toString();
                QVERIFY2(p.value("message").toString().contains(path),
                         qPrintable(p.value("message").toString()));
                reported.append(path + " " + p.value("expression").toString());
            }
        }
        QCOMPARE(reported, problems);
    }

    // The message speaks of the expression as written: its position in
    // "$.inputs[", not in the "$.trigger[" the executors parse.
    void builtinExpressionMessageNamesWhatWasWritten()
    {
        const QJsonObject config{{"outputs", QJsonObject{{"x", "$.inputs.a["}}}};
        auto compiled =
            compileJson(definition({node("t", "transform", {{"data", "$.trigger"}}, config)}, {}),
                        {}, m_catalog);
        QVERIFY(!compiled.ok());
        const FlowProblems problems = problemsFromError(compiled.error());
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems[0].message.startsWith(
                     "node \"t\" config outputs.x: invalid expression \"$.inputs.a[\" at position "
                     "11: "),
                 qPrintable(problems[0].message));
        QVERIFY2(!problems[0].message.contains("$.trigger"), qPrintable(problems[0].message));
    }

    void badSettingsDoNotHideGraphProblems()
    {
        auto compiled = compileJson(definition({node("a", "teleport")}, {}),
                                    parseObject(R"({"retry": {"maxAttempts": 0}})"), m_catalog);
        QVERIFY(!compiled.ok());
        QStringList codes;
        for (const FlowProblem &p : problemsFromError(compiled.error()))
            codes.append(p.code);
        QCOMPARE(codes, (QStringList{"INVALID_SETTING", "UNKNOWN_COMPONENT"}));
    }

    void typedSettingsChecked()
    {
        auto def = FlowDefinition::fromJson(definition({node("a", "log")}, {}));
        QVERIFY(def.ok());
        FlowSettings settings;
        settings.concurrency.maxInstances = 0;
        settings.retry.backoffMultiplier = 0.5;
        auto compiled = compile(def.value(), settings, m_catalog);
        QVERIFY(!compiled.ok());
        QCOMPARE(problemsFromError(compiled.error()).size(), 2);
    }

    void cycleListsItsNodesInOrder()
    {
        // x -> a -> b -> c -> a: the cycle is a, b, c, whatever leads into it.
        const QJsonObject def =
            definition({node("x", "log"), node("a", "log"), node("b", "log"), node("c", "log")},
                       {edge("e0", "x", "a"), edge("e1", "a", "b"), edge("e2", "b", "c"),
                        edge("e3", "c", "a")});
        auto compiled = compileJson(def, {}, m_catalog);
        QVERIFY(!compiled.ok());
        const FlowProblems problems = problemsFromError(compiled.error());
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0].code, "CYCLE");
        QCOMPARE(problems[0].extra.value("nodes").toArray(), (QJsonArray{"a", "b", "c"}));
        QVERIFY2(problems[0].message.contains("a -> b -> c -> a"), qPrintable(problems[0].message));
    }

    void mappingChecksStillRunWithACycle()
    {
        const QJsonObject def =
            definition({node("a", "transform", {{"data", "$.nodes.b.output.result"}}),
                        node("b", "transform", {{"data", "$.nodes.a.output.result"}}),
                        node("c", "transform", {{"data", "$.nodes.a.output.result"}})},
                       {edge("e1", "a", "b"), edge("e2", "b", "a")});
        auto compiled = compileJson(def, {}, m_catalog);
        QVERIFY(!compiled.ok());
        const FlowProblems problems = problemsFromError(compiled.error());
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems[0].code, "CYCLE");
        QCOMPARE(problems[1].code, "MAPPING_NOT_ANCESTOR");
        QCOMPARE(problems[1].node, "c");
    }

    void diamondCompiles()
    {
        // a -> b, a -> c, b -> d, c -> d
        const QJsonObject def = definition(
            {node("a", "transform", {{"data", "$.trigger.order"}}),
             node("b", "transform", {{"data", "$.nodes.a.output.result"}}),
             node("c", "http-request", {{"url", "$.nodes.a.output.result.url"}}),
             node("d", "transform",
                  {{"data", "$.nodes.b.output.result"}, {"extra", "$.nodes.a.output.result"}})},
            {edge("ab", "a", "b"), edge("ac", "a", "c"), edge("bd", "b", "d"),
             QJsonObject{{"id", "cd"}, {"source", "c"}, {"target", "d"}}});
        CompiledFlowPtr flow = compileOk(def, parseObject(R"({"concurrency":
            {"scope": "trigger_key", "scopeKey": "customer"}})"));
        QVERIFY(flow);
        QCOMPARE(flow->nodeCount(), 4);
        const QList<int> abcd = indices(*flow, {"a", "b", "c", "d"});
        QCOMPARE(abcd, (QList<int>{0, 1, 2, 3}));
        QCOMPARE(flow->node(0).inDegree, 0);
        QCOMPARE(flow->node(1).inDegree, 1);
        QCOMPARE(flow->node(2).inDegree, 1);
        QCOMPARE(flow->node(3).inDegree, 2);
        QCOMPARE(toList(flow->dependencies(3)), (QList<int>{1, 2}));
        QCOMPARE(toList(flow->dependents(0)), (QList<int>{1, 2}));
        QCOMPARE(flow->roots(), QList<int>{0});
        QCOMPARE(flow->leaves(), QList<int>{3});
        QCOMPARE(flow->topologicalOrder(), (QList<int>{0, 1, 2, 3}));
        QCOMPARE(flow->topologicalPosition(3), 3);

        QVERIFY(flow->isAncestor(0, 3));
        QVERIFY(flow->isAncestor(1, 3));
        QVERIFY(!flow->isAncestor(1, 2));
        QVERIFY(!flow->isAncestor(3, 0));
        QVERIFY(!flow->isAncestor(0, 0));

        QCOMPARE(flow->edgeCount(), 4);
        QCOMPARE(flow->edge(3).id, "cd");
        QCOMPARE(flow->edge(3).sourceHandle, "default"); // absent in the JSON
        QCOMPARE(flow->edge(3).targetHandle, "default");
        QCOMPARE(toList(flow->incomingEdges(3)), (QList<int>{2, 3}));
        QCOMPARE(toList(flow->outgoingEdges(0)), (QList<int>{0, 1}));

        const auto inputs = flow->inputs(3);
        QCOMPARE(inputs.size(), 2u);
        QCOMPARE(inputs[0].input, "data");
        QCOMPARE(inputs[0].mapping.kind, Mapping::Kind::NodeOutput);
        QCOMPARE(inputs[0].mapping.nodeId, "b");
        QCOMPARE(inputs[1].input, "extra");
        QCOMPARE(flow->node(3).interface->name, "transform");
        QCOMPARE(flow->node(2).interface->name, "http-request");

        QVERIFY(flow->scopeKey().has_value());
        QCOMPARE(flow->scopeKey()->toString(), "$.trigger.customer");
        QCOMPARE(flow->settings().concurrency.scope, ConcurrencyScope::TriggerKey);
        QCOMPARE(flow->definition().nodes.size(), 4);
    }

    void conditionBranches()
    {
        // Both branches of a condition into one node: two edges, one parent.
        const QJsonObject def =
            definition({node("cond", "condition", {{"value", "$.trigger.ok"}}), node("yes", "log"),
                        node("join", "log")},
                       {edge("t", "cond", "yes", "true"), edge("f", "cond", "join", "false"),
                        edge("t2", "cond", "join", "true"), edge("y", "yes", "join")});
        CompiledFlowPtr flow = compileOk(def);
        QVERIFY(flow);
        QCOMPARE(flow->edge(0).sourceHandle, "true");
        QCOMPARE(flow->edge(1).sourceHandle, "false");
        const int join = flow->indexOf("join");
        QCOMPARE(flow->node(join).inDegree, 2);
        QCOMPARE(flow->dependencies(join).size(), 2u);
        QCOMPARE(flow->incomingEdges(join).size(), 3u);
    }

    void edgeToAnInputDoesNotSatisfyIt()
    {
        // The documented decision: edges order, mappings move data.
        const QJsonObject def =
            definition({node("a", "transform", {{"data", 1}}), node("h", "http-request")},
                       {edge("e", "a", "h", "default", "url")});
        auto compiled = compileJson(def, {}, m_catalog);
        QVERIFY(!compiled.ok());
        const FlowProblems problems = problemsFromError(compiled.error());
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0].code, "MISSING_REQUIRED_INPUT");
        // With the mapping the same edge is fine.
        QJsonObject fixed =
            definition({node("a", "transform", {{"data", 1}}),
                        node("h", "http-request", {{"url", "$.nodes.a.output.result"}})},
                       {edge("e", "a", "h", "default", "url")});
        QVERIFY(compileOk(fixed));
    }

    void emptyFlowCompiles()
    {
        CompiledFlowPtr flow = compileOk(definition({}, {}));
        QVERIFY(flow);
        QCOMPARE(flow->nodeCount(), 0);
        QVERIFY(flow->roots().isEmpty());
    }

    void longChainCompiles()
    {
        CompiledFlowPtr flow = compileOk(chain(10000));
        QVERIFY(flow);
        QCOMPARE(flow->nodeCount(), 10000);
        QCOMPARE(flow->roots(), QList<int>{0});
        QCOMPARE(flow->leaves(), QList<int>{9999});
        QCOMPARE(flow->topologicalOrder().size(), 10000);
        QCOMPARE(flow->topologicalOrder().last(), 9999);
        QVERIFY(flow->isAncestor(0, 9999));
        QVERIFY(!flow->isAncestor(9999, 0));
    }

    void longCycleIsFoundWithoutRecursion()
    {
        QJsonObject def = chain(10000);
        QJsonArray edges = def.value("edges").toArray();
        edges.append(edge("back", nodeId(9999), nodeId(0)));
        def.insert("edges", edges);
        auto compiled = compileJson(def, {}, m_catalog);
        QVERIFY(!compiled.ok());
        const FlowProblems problems = problemsFromError(compiled.error());
        QCOMPARE(problems.first().code, "CYCLE");
        QCOMPARE(problems.first().extra.value("nodes").toArray().size(), 10000);
    }

    void wideFanOutFanInCompiles()
    {
        CompiledFlowPtr flow = compileOk(fanOutFanIn(1000));
        QVERIFY(flow);
        QCOMPARE(flow->nodeCount(), 1002);
        QCOMPARE(flow->roots(), QList<int>{0});
        QCOMPARE(flow->leaves(), QList<int>{1001});
        QCOMPARE(flow->node(1001).inDegree, 1000);
        QCOMPARE(flow->dependents(0).size(), 1000u);
        QCOMPARE(flow->topologicalOrder().first(), 0);
        QCOMPARE(flow->topologicalOrder().last(), 1001);
    }

    void layeredDagCompiles()
    {
        CompiledFlowPtr flow = compileOk(layeredDag(10000));
        QVERIFY(flow);
        QCOMPARE(flow->nodeCount(), 10000);
        QCOMPARE(flow->roots().size(), 100); // the first layer
        // Every node comes after its dependencies.
        for (int i = 0; i < flow->nodeCount(); ++i) {
            for (int parent : flow->dependencies(i))
                QVERIFY(flow->topologicalPosition(parent) < flow->topologicalPosition(i));
        }
    }
};

QTEST_GUILESS_MAIN(TestFlowValidation)
#include "TestFlowValidation.moc"
