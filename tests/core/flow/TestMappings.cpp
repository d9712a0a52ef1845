// (moc misreads raw strings holding backslashes, double slashes or an odd
// number of quotes, so those cases use plain string literals.)
//
// The mapping language: parsing every form, rejecting malformed ones at
// compile time, evaluating against a context, and resolveInputs()'s
// defaults, blob handling and type checks.

#include "FlowFixtures.h"
#include "flow/BlobRef.h"
#include "flow/FlowCompiler.h"
#include "flow/FlowProblem.h"
#include "flow/Mapping.h"
#include "flow/MappingEvaluator.h"

#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::flow;
using namespace hm::flow::fixtures;

Q_DECLARE_METATYPE(hm::flow::Mapping::Kind)

namespace {

const QJsonObject kTrigger = parseObject(R"({
    "image_url": "img.example.org/a.png",
    "order": {"id": 7, "items": [{"sku": "A1", "qty": 2}, {"sku": "B2", "qty": 1.5}],
              "note": null},
    "odd key": {"x.y": true},
    "count": 3
})");

EvaluationContext context()
{
    EvaluationContext ctx;
    ctx.trigger = kTrigger;
    ctx.nodeOutputs = [](const QString &id) -> std::optional<QJsonObject> {
        if (id == "fetch")
            return parseObject(R"({"status": 200, "body": {"rows": [[1, 2], [3, 4]]},
                                  "big": {"$ref": "blob:b-1"}})");
        if (id == "a.b")
            return QJsonObject{{"x", "dotted"}};
        return std::nullopt;
    };
    ctx.resolveBlob = resolveTestBlob;
    return ctx;
}

QJsonValue eval(const QJsonValue &mapping, const EvaluationContext &ctx = context())
{
    auto parsed = parseMapping(mapping);
    if (!parsed.ok())
        return QStringLiteral("PARSE ERROR ") + parsed.error().message;
    auto value = evaluate(parsed.value(), ctx);
    if (!value.ok())
        return QStringLiteral("EVAL ERROR ") + value.error().message;
    return value.value();
}

} // namespace

class TestMappings : public QObject
{
    Q_OBJECT

    InMemoryComponentCatalog m_catalog = builtinCatalog();

    // A flow whose node "r" is an image-resize fed by `mappings`, after a
    // "fetch" http-request and a "src" log node (which may output anything).
    CompiledFlowPtr resizeFlow(const QJsonObject &mappings)
    {
        const QJsonObject def =
            definition({node("fetch", "http-request", {{"url", "$.trigger.image_url"}}),
                        node("src", "log"), node("r", "image-resize", mappings)},
                       {edge("e1", "fetch", "r"), edge("e2", "src", "r")});
        auto compiled = compileJson(def, {}, m_catalog);
        if (!compiled.ok())
            qWarning().noquote() << compiled.error().toString();
        return compiled.ok() ? compiled.value() : nullptr;
    }

    EvaluationContext outputsOf(const QJsonObject &src)
    {
        EvaluationContext ctx = context();
        ctx.nodeOutputs = [src](const QString &id) -> std::optional<QJsonObject> {
            if (id == "src")
                return src;
            if (id == "fetch")
                return QJsonObject{{"body", "aGVsbG8="}, {"status", 200}};
            return std::nullopt;
        };
        return ctx;
    }

private slots:
    void parsesExpressions_data()
    {
        QTest::addColumn<QJsonValue>("source");
        QTest::addColumn<Mapping::Kind>("kind");
        QTest::addColumn<QString>("nodeId");
        QTest::addColumn<QString>("output");
        QTest::addColumn<int>("pathLength");
        QTest::addColumn<QString>("canonical");
        using K = Mapping::Kind;
        QTest::newRow("trigger field") << QJsonValue("$.trigger.image_url") << K::Trigger << ""
                                       << "" << 1 << "$.trigger.image_url";
        QTest::newRow("whole trigger") << QJsonValue("$.trigger") << K::Trigger << ""
                                       << "" << 0 << "$.trigger";
        QTest::newRow("nested with index")
            << QJsonValue("$.trigger.order.items[1].sku") << K::Trigger << ""
            << "" << 4 << "$.trigger.order.items[1].sku";
        QTest::newRow("quoted names")
            << QJsonValue(R"($.trigger["odd key"]["x.y"])") << K::Trigger << ""
            << "" << 2 << R"($.trigger["odd key"]["x.y"])";
        QTest::newRow("escapes") << QJsonValue("$.trigger[\"a\\\"b\\\\c\"]") << K::Trigger << ""
                                 << "" << 1 << "$.trigger[\"a\\\"b\\\\c\"]";
        QTest::newRow("node output")
            << QJsonValue("$.nodes.node-1.output.image") << K::NodeOutput << "node-1"
            << "image" << 0 << "$.nodes.node-1.output.image";
        QTest::newRow("node output path")
            << QJsonValue("$.nodes.fetch.output.body.rows[1][0]") << K::NodeOutput << "fetch"
            << "body" << 3 << "$.nodes.fetch.output.body.rows[1][0]";
        QTest::newRow("all outputs")
            << QJsonValue("$.nodes.fetch.output") << K::NodeOutput << "fetch"
            << "" << 0 << "$.nodes.fetch.output";
        QTest::newRow("quoted node id")
            << QJsonValue(R"($.nodes["a.b"].output.x)") << K::NodeOutput << "a.b"
            << "x" << 0 << R"($.nodes["a.b"].output.x)";
        QTest::newRow("node ref") << QJsonValue(QJsonObject{{"$ref", "node:A:output:image_data"}})
                                  << K::NodeOutput << "A"
                                  << "image_data" << 0 << "$.nodes.A.output.image_data";
        QTest::newRow("node ref, colon in id")
            << QJsonValue(QJsonObject{{"$ref", "node:x:y:output:z"}}) << K::NodeOutput << "x:y"
            << "z" << 0 << R"($.nodes["x:y"].output.z)";
        QTest::newRow("blob ref") << QJsonValue(QJsonObject{{"$ref", "blob:xyz789"}}) << K::BlobRef
                                  << ""
                                  << "" << 0 << R"({"$ref":"blob:xyz789"})";
    }

    void parsesExpressions()
    {
        QFETCH(QJsonValue, source);
        QFETCH(Mapping::Kind, kind);
        QFETCH(QString, nodeId);
        QFETCH(QString, output);
        QFETCH(int, pathLength);
        QFETCH(QString, canonical);
        auto m = parseMapping(source);
        QVERIFY2(m.ok(), errorText(m).constData());
        QCOMPARE(m.value().kind, kind);
        QCOMPARE(m.value().nodeId, nodeId);
        QCOMPARE(m.value().output, output);
        QCOMPARE(m.value().path.size(), pathLength);
        QCOMPARE(m.value().toString(), canonical);
        if (kind == Mapping::Kind::BlobRef)
            QCOMPARE(m.value().blobId, "xyz789");
        // The canonical text parses back to the same reference.
        if (kind != Mapping::Kind::BlobRef) {
            auto again = parseMapping(canonical);
            QVERIFY(again.ok());
            QCOMPARE(again.value().path, m.value().path);
            QCOMPARE(again.value().nodeId, m.value().nodeId);
        }
    }

    void pathSegments()
    {
        auto m = parseMapping("$.trigger.order.items[12]");
        QVERIFY(m.ok());
        const auto &path = m.value().path;
        QCOMPARE(path[0].kind, PathSegment::Kind::Key);
        QCOMPARE(path[0].key, "order");
        QCOMPARE(path[2].kind, PathSegment::Kind::Index);
        QCOMPARE(path[2].index, 12);
    }

    void literals_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("integer") << QJsonValue(42);
        QTest::newRow("negative number") << QJsonValue(-1.25);
        QTest::newRow("true") << QJsonValue(true);
        QTest::newRow("false") << QJsonValue(false);
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("object") << QJsonValue(parseObject(R"({"a": "$.trigger.x", "b": [1]})"));
        QTest::newRow("array") << QJsonValue(QJsonArray{1, "two", QJsonObject{}});
        QTest::newRow("string") << QJsonValue("hello");
        QTest::newRow("empty string") << QJsonValue("");
        QTest::newRow("dollar without dot") << QJsonValue("$trigger.x");
        QTest::newRow("lone dollar") << QJsonValue("$");
        QTest::newRow("price") << QJsonValue("$5.00");
    }

    void literals()
    {
        QFETCH(QJsonValue, value);
        auto m = parseMapping(value);
        QVERIFY2(m.ok(), errorText(m).constData());
        QCOMPARE(m.value().kind, Mapping::Kind::Literal);
        QCOMPARE(m.value().literal, value);
        QCOMPARE(eval(value), value);
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty node id") << QJsonValue("$.nodes..x") << "node id";
        QTest::newRow("open bracket") << QJsonValue("$.trigger[") << "after \"[\"";
        QTest::newRow("unknown root") << QJsonValue("$.unknown.x") << "unknown root";
        QTest::newRow("no root") << QJsonValue("$.") << "expected \"trigger\"";
        QTest::newRow("trailing dot") << QJsonValue("$.trigger.") << "name after";
        QTest::newRow("negative index") << QJsonValue("$.trigger.a[-1]") << "non-negative";
        QTest::newRow("name in brackets") << QJsonValue("$.trigger[x]") << "non-negative";
        QTest::newRow("unclosed index") << QJsonValue("$.trigger.a[1") << "expected \"]\"";
        QTest::newRow("unterminated quote") << QJsonValue("$.trigger[\"abc") << "unterminated";
        QTest::newRow("bad escape") << QJsonValue("$.trigger[\"a\\n\"]") << "escaped";
        QTest::newRow("node without output") << QJsonValue("$.nodes.a") << ".output";
        QTest::newRow("outputs typo") << QJsonValue("$.nodes.a.outputs.x") << ".output";
        QTest::newRow("output trailing dot") << QJsonValue("$.nodes.a.output.") << "output name";
        QTest::newRow("space") << QJsonValue("$.trigger.a b") << "unexpected \" \"";
        QTest::newRow("stray bracket") << QJsonValue("$.trigger]") << "unexpected \"]\"";
        QTest::newRow("index too large") << QJsonValue("$.trigger[99999999999]") << "too large";
        QTest::newRow("bad node ref")
            << QJsonValue(QJsonObject{{"$ref", "node:A:x"}}) << "node:<id>:output:<name>";
        QTest::newRow("node ref without output")
            << QJsonValue(QJsonObject{{"$ref", "node:A:output:"}}) << "node:<id>:output:<name>";
        QTest::newRow("unknown ref")
            << QJsonValue(QJsonObject{{"$ref", "file:/etc/passwd"}}) << "invalid $ref";
        QTest::newRow("empty blob id")
            << QJsonValue(QJsonObject{{"$ref", "blob:"}}) << "invalid $ref";
        QTest::newRow("ref not a string")
            << QJsonValue(QJsonObject{{"$ref", 1}}) << "must be a string";
        QTest::newRow("ref with more members")
            << QJsonValue(QJsonObject{{"$ref", "blob:x"}, {"y", 1}}) << "no other members";
    }

    void rejectsMalformed()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, fragment);
        auto m = parseMapping(value);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, ErrorCode::InvalidInputMapping);
        QVERIFY2(m.error().message.contains(fragment), qPrintable(m.error().message));

        // And compile() refuses a flow that uses it.
        auto compiled =
            compileJson(definition({node("a", "transform", {{"data", value}})}, {}), {}, m_catalog);
        QVERIFY(!compiled.ok());
        const FlowProblems problems = problemsFromError(compiled.error());
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0].code, "INVALID_MAPPING");
        QCOMPARE(problems[0].node, "a");
        QCOMPARE(problems[0].extra.value("input").toString(), "data");
    }

    void parseErrorsSayWhere()
    {
        auto m = parseMapping("$.nodes..x");
        QVERIFY(!m.ok());
        QCOMPARE(m.error().details.value("expression").toString(), "$.nodes..x");
        QCOMPARE(m.error().details.value("position").toInt(), 8);
    }

    void evaluatesTrigger()
    {
        QCOMPARE(eval("$.trigger.image_url"), QJsonValue("img.example.org/a.png"));
        QCOMPARE(eval("$.trigger.order.id"), QJsonValue(7));
        QCOMPARE(eval("$.trigger.order.items[1].sku"), QJsonValue("B2"));
        QCOMPARE(eval("$.trigger.order.items[0]"),
                 QJsonValue(parseObject(R"({"sku": "A1", "qty": 2})")));
        QCOMPARE(eval(R"($.trigger["odd key"]["x.y"])"), QJsonValue(true));
        QCOMPARE(eval("$.trigger"), QJsonValue(kTrigger));
        // null is a value, not a missing one.
        QCOMPARE(eval("$.trigger.order.note"), QJsonValue(QJsonValue::Null));
    }

    void missingPathsAreUndefined_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("absent member") << "$.trigger.nope";
        QTest::newRow("absent nested") << "$.trigger.order.customer.name";
        QTest::newRow("index out of range") << "$.trigger.order.items[2]";
        QTest::newRow("index into object") << "$.trigger.order[0]";
        QTest::newRow("member of scalar") << "$.trigger.count.value";
        QTest::newRow("member of null") << "$.trigger.order.note.text";
        QTest::newRow("node without outputs") << "$.nodes.skipped.output.x";
        QTest::newRow("absent output") << "$.nodes.fetch.output.nope";
    }

    void missingPathsAreUndefined()
    {
        QFETCH(QString, expression);
        const QJsonValue v = eval(expression);
        QVERIFY2(v.isUndefined(), qPrintable(v.toString()));
    }

    void evaluatesNodeOutputs()
    {
        QCOMPARE(eval("$.nodes.fetch.output.status"), QJsonValue(200));
        QCOMPARE(eval("$.nodes.fetch.output.body.rows[1][0]"), QJsonValue(3));
        QCOMPARE(eval(R"($.nodes["a.b"].output.x)"), QJsonValue("dotted"));
        QCOMPARE(eval("$.nodes.fetch.output").toObject().value("status"), QJsonValue(200));
        QCOMPARE(eval(QJsonObject{{"$ref", "node:fetch:output:status"}}), QJsonValue(200));
        // A context without a node lookup has no outputs.
        EvaluationContext bare;
        QVERIFY(eval("$.nodes.fetch.output.status", bare).isUndefined());
    }

    void blobs()
    {
        // A blob ref as the result is returned as it is...
        QCOMPARE(eval("$.nodes.fetch.output.big"), makeBlobRef("b-1"));
        QCOMPARE(eval(QJsonObject{{"$ref", "blob:xyz"}}), makeBlobRef("xyz"));
        // ...but a path through one resolves it.
        QCOMPARE(eval("$.nodes.fetch.output.big.width"), QJsonValue(800));
        QCOMPARE(eval("$.nodes.fetch.output.big.tags[0]"), QJsonValue("x"));
        EvaluationContext noBlobs = context();
        noBlobs.resolveBlob = nullptr;
        QVERIFY(
            eval("$.nodes.fetch.output.big.width", noBlobs).toString().startsWith("EVAL ERROR"));
        QCOMPARE(kBlobThresholdBytes, 65536);
        QVERIFY(isBlobRef(makeBlobRef("id")));
        QVERIFY(!isBlobRef(QJsonObject{{"$ref", "blob:"}}));
        QVERIFY(!isBlobRef(QJsonObject{{"$ref", "node:a:output:b"}}));
    }

    void defaultsApply()
    {
        // width unmapped -> 800; ratio mapped to a missing path -> 1.5.
        CompiledFlowPtr flow =
            resizeFlow({{"image", "$.nodes.fetch.output.body"}, {"ratio", "$.trigger.nope"}});
        QVERIFY(flow);
        auto inputs = resolveInputs(*flow, flow->indexOf("r"), outputsOf({}));
        QVERIFY2(inputs.ok(), errorText(inputs).constData());
        QCOMPARE(inputs.value(), parseObject(R"({"image": "aGVsbG8=", "width": 800,
                                                 "ratio": 1.5, "keepAspect": true})"));
    }

    void requiredInputMissingAtRunTime()
    {
        CompiledFlowPtr flow = resizeFlow({{"image", "$.nodes.src.output.data"}});
        QVERIFY(flow);
        auto inputs = resolveInputs(*flow, flow->indexOf("r"), outputsOf({}));
        QVERIFY(!inputs.ok());
        QCOMPARE(inputs.error().code, ErrorCode::InvalidInputMapping);
        QCOMPARE(inputs.error().details.value("node").toString(), "r");
        QCOMPARE(inputs.error().details.value("port").toString(), "image");
        QCOMPARE(inputs.error().details.value("reason").toString(), "missing");
    }

    void typeChecks_data()
    {
        QTest::addColumn<QString>("port");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("actual");
        QTest::newRow("integer takes whole double") << "width" << QJsonValue(3.0) << true << "";
        QTest::newRow("integer refuses fraction")
            << "width" << QJsonValue(3.5) << false << "number";
        QTest::newRow("integer refuses string") << "width" << QJsonValue("3") << false << "string";
        QTest::newRow("number takes integer") << "ratio" << QJsonValue(2) << true << "";
        QTest::newRow("number takes fraction") << "ratio" << QJsonValue(0.25) << true << "";
        QTest::newRow("number refuses bool") << "ratio" << QJsonValue(true) << false << "boolean";
        QTest::newRow("boolean") << "keepAspect" << QJsonValue(false) << true << "";
        QTest::newRow("boolean refuses 0") << "keepAspect" << QJsonValue(0) << false << "integer";
        QTest::newRow("string") << "label" << QJsonValue("x") << true << "";
        QTest::newRow("string refuses null")
            << "label" << QJsonValue(QJsonValue::Null) << false << "null";
        QTest::newRow("array") << "tags" << QJsonValue(QJsonArray{1}) << true << "";
        QTest::newRow("array refuses object")
            << "tags" << QJsonValue(QJsonObject{}) << false << "object";
        QTest::newRow("object") << "meta" << QJsonValue(QJsonObject{{"a", 1}}) << true << "";
        QTest::newRow("object refuses array")
            << "meta" << QJsonValue(QJsonArray{}) << false << "array";
        QTest::newRow("bytes takes base64") << "image" << QJsonValue("aGk=") << true << "";
        QTest::newRow("bytes takes blob ref") << "image" << makeBlobRef("b-9") << true << "";
        QTest::newRow("bytes refuses number") << "image" << QJsonValue(1) << false << "integer";
    }

    void typeChecks()
    {
        QFETCH(QString, port);
        QFETCH(QJsonValue, value);
        QFETCH(bool, accepted);
        QFETCH(QString, actual);
        QJsonObject mappings{{"image", "$.nodes.fetch.output.body"}};
        mappings.insert(port, "$.nodes.src.output.v");
        CompiledFlowPtr flow = resizeFlow(mappings);
        QVERIFY(flow);
        auto inputs = resolveInputs(*flow, flow->indexOf("r"), outputsOf({{"v", value}}));
        QCOMPARE(inputs.ok(), accepted);
        if (accepted) {
            QCOMPARE(inputs.value().value(port), value); // blob refs pass through to bytes
            return;
        }
        const Error &e = inputs.error();
        QCOMPARE(e.code, ErrorCode::InvalidInputMapping);
        QCOMPARE(e.details.value("node").toString(), "r");
        QCOMPARE(e.details.value("port").toString(), port);
        QCOMPARE(e.details.value("actual").toString(), actual);
        QVERIFY(!e.details.value("expected").toString().isEmpty());
        QCOMPARE(e.details.value("mapping").toString(), "$.nodes.src.output.v");
        QVERIFY2(e.message.contains("\"r\"") && e.message.contains(port), qPrintable(e.message));
    }

    void blobResolvedForNonBytesPorts()
    {
        CompiledFlowPtr flow = resizeFlow(
            {{"image", "$.nodes.fetch.output.body"}, {"meta", "$.nodes.src.output.big"}});
        QVERIFY(flow);
        EvaluationContext ctx = outputsOf({{"big", makeBlobRef("b-1")}});
        auto inputs = resolveInputs(*flow, flow->indexOf("r"), ctx);
        QVERIFY2(inputs.ok(), errorText(inputs).constData());
        QCOMPARE(inputs.value().value("meta").toObject().value("width"), QJsonValue(800));

        ctx = outputsOf({{"big", makeBlobRef("gone")}});
        inputs = resolveInputs(*flow, flow->indexOf("r"), ctx);
        QVERIFY(!inputs.ok());
        QCOMPARE(inputs.error().code, ErrorCode::InvalidInputMapping);
        QCOMPARE(inputs.error().details.value("port").toString(), "meta");
    }

    void literalsAndAnyPorts()
    {
        // transform's inputs are `any`; the log node declares none and
        // takes whatever it is given.
        const QJsonObject def = definition(
            {node("t", "transform",
                  {{"data", QJsonObject{{"k", QJsonArray{1, 2}}}}, {"extra", makeBlobRef("b-1")}}),
             node("l", "log", {{"message", "done"}, {"count", "$.trigger.count"}})},
            {edge("e", "t", "l")});
        auto compiled = compileJson(def, {}, m_catalog);
        QVERIFY2(compiled.ok(), errorText(compiled).constData());
        const CompiledFlow &flow = *compiled.value();
        auto t = resolveInputs(flow, 0, context());
        QVERIFY(t.ok());
        QCOMPARE(t.value().value("data"), QJsonValue(QJsonObject{{"k", QJsonArray{1, 2}}}));
        QCOMPARE(t.value().value("extra"), makeBlobRef("b-1")); // any: passed through
        auto l = resolveInputs(flow, 1, context());
        QVERIFY(l.ok());
        QCOMPARE(l.value(), parseObject(R"({"message": "done", "count": 3})"));
        QVERIFY(!resolveInputs(flow, 5, context()).ok());
    }
};

QTEST_GUILESS_MAIN(TestMappings)
#include "TestMappings.moc"
