// The engine keeps one InputsShape per node of a flow it runs and fills
// input objects from a JsonObjectTemplate instead of inserting key by key.
// These tests hold both to the plain way: a JsonObjectTemplate fill equals
// the object built by QJsonObject::insert(), and resolveInputs() with a
// shape made once and reused for many runs answers exactly what evaluating
// and inserting input by input answers (values, missing paths, defaults,
// type errors, blobs).

#include "FlowFixtures.h"
#include "flow/BlobRef.h"
#include "flow/FlowCompiler.h"
#include "flow/JsonObjectTemplate.h"
#include "flow/MappingEvaluator.h"
#include "flow/PortType.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace hm;
using namespace hm::flow;
using namespace hm::flow::fixtures;

namespace {

QByteArray text(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// What resolveInputs() did before shapes: every mapping evaluated and
// inserted, then defaults and the required check. Errors are reduced to
// code and port; the full error is compared between the shaped and the
// unshaped call.
struct Reference
{
    QJsonObject inputs;
    bool ok = true;
    QString port; // the failing port
};

Reference referenceInputs(const CompiledFlow &flow, int index, const EvaluationContext &ctx)
{
    const CompiledNode &node = flow.node(index);
    const ComponentInterface *iface = node.interface.get();
    Reference ref;
    auto fail = [&ref](const QString &port) {
        ref.ok = false;
        ref.port = port;
        return ref;
    };
    for (const InputBinding &binding : flow.inputs(index)) {
        Result<QJsonValue> value = evaluate(binding.mapping, ctx);
        if (!value)
            return fail(binding.input);
        if (value.value().isUndefined())
            continue;
        QJsonValue v = value.value();
        const PortDef *port = iface ? iface->input(binding.input) : nullptr;
        if (port) {
            if (isBlobRef(v) && port->type != PortType::Bytes && port->type != PortType::Any) {
                Result<QJsonValue> resolved = ctx.resolveBlob(blobRefId(v));
                if (!resolved)
                    return fail(port->name);
                v = resolved.value();
            }
            if (!valueMatchesPortType(v, port->type))
                return fail(port->name);
        }
        ref.inputs.insert(binding.input, v);
    }
    if (iface) {
        for (const PortDef &port : iface->inputs) {
            if (ref.inputs.contains(port.name))
                continue;
            if (port.defaultValue)
                ref.inputs.insert(port.name, *port.defaultValue);
            else if (port.required)
                return fail(port.name);
        }
    }
    return ref;
}

EvaluationContext contextWith(const QJsonObject &trigger, std::optional<QJsonObject> fetch,
                              std::optional<QJsonObject> src)
{
    EvaluationContext ctx;
    ctx.trigger = trigger;
    ctx.nodeOutputs = [fetch, src](const QString &id) -> std::optional<QJsonObject> {
        if (id == "fetch")
            return fetch;
        if (id == "src")
            return src;
        return std::nullopt;
    };
    ctx.resolveBlob = resolveTestBlob;
    return ctx;
}

} // namespace

class TestInputsShape : public QObject
{
    Q_OBJECT

    InMemoryComponentCatalog m_catalog = builtinCatalog();

    CompiledFlowPtr compileDef(const QJsonObject &def)
    {
        auto compiled = compileJson(def, {}, m_catalog);
        if (!compiled.ok())
            qWarning().noquote() << compiled.error().toString();
        return compiled.ok() ? compiled.value() : nullptr;
    }

    // Runs node `index` of `flow` in every context with one shape, made
    // before the first, and checks each answer against the reference and
    // against resolveInputs() without a shape.
    void compareAll(const CompiledFlow &flow, int index, const QList<EvaluationContext> &contexts)
    {
        const InputsShape shape = inputsShape(flow, index);
        for (qsizetype c = 0; c < contexts.size(); ++c) {
            const EvaluationContext &ctx = contexts[c];
            const QByteArray where = "context " + QByteArray::number(c);
            const Reference ref = referenceInputs(flow, index, ctx);
            const Result<QJsonObject> shaped = resolveInputs(flow, index, ctx, shape);
            const Result<QJsonObject> fresh = resolveInputs(flow, index, ctx);
            QVERIFY2(shaped.ok() == ref.ok, where.constData());
            QVERIFY2(fresh.ok() == ref.ok, where.constData());
            if (ref.ok) {
                QVERIFY2(
                    shaped.value() == ref.inputs,
                    (where + ": " + text(shaped.value()) + " != " + text(ref.inputs)).constData());
                // Same members in the same order, as the JSON text shows.
                QCOMPARE(text(shaped.value()), text(ref.inputs));
                QCOMPARE(text(fresh.value()), text(ref.inputs));
                continue;
            }
            QCOMPARE(shaped.error().code, ErrorCode::InvalidInputMapping);
            QCOMPARE(shaped.error().details.value("port").toString(), ref.port);
            QCOMPARE(shaped.error().code, fresh.error().code);
            QCOMPARE(shaped.error().message, fresh.error().message);
            QCOMPARE(shaped.error().details, fresh.error().details);
        }
    }

private slots:
    void templateFillEqualsInserts_data()
    {
        QTest::addColumn<QList<int>>("missing"); // slots left Undefined
        QTest::newRow("all present") << QList<int>{};
        QTest::newRow("first missing") << QList<int>{0};
        QTest::newRow("some missing") << QList<int>{1, 3, 6};
        QTest::newRow("last missing") << QList<int>{8};
        QTest::newRow("all missing") << QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8};
    }

    void templateFillEqualsInserts()
    {
        QFETCH(QList<int>, missing);
        // Keys whose order is easy to get wrong: case, prefixes, non-ASCII,
        // the empty key, keys sorting between the constants.
        const std::vector<QString> keys{"b",   "a",  "B", QString::fromUtf8("ä"), "aa", "",
                                        "a b", "zz", "m0"};
        const QJsonObject constants{{"m", 1}, {"A", "x"}, {"n", QJsonObject{{"k", true}}}};
        const QList<QJsonValue> values{QJsonValue(1),
                                       QJsonValue("text"),
                                       QJsonValue(QJsonValue::Null),
                                       QJsonValue(QJsonArray{1, "two", QJsonObject{}}),
                                       QJsonValue(QJsonObject{{"x", QJsonArray{}}}),
                                       QJsonValue(2.5),
                                       QJsonValue(false),
                                       QJsonValue(QString::fromUtf8("ünïcode")),
                                       QJsonValue(-7)};
        const JsonObjectTemplate tmpl(constants, keys);
        QCOMPARE(tmpl.slotCount(), 9);
        std::vector<QJsonValue> filled(values.begin(), values.end());
        QJsonObject expected = constants;
        for (size_t k = 0; k < keys.size(); ++k) {
            if (missing.contains(int(k)))
                filled[k] = QJsonValue(QJsonValue::Undefined);
            else
                expected.insert(keys[k], values[qsizetype(k)]);
        }
        const QJsonObject first = tmpl.fill(filled);
        QCOMPARE(first, expected);
        QCOMPARE(text(first), text(expected));
        QCOMPARE(first.keys(), expected.keys());

        // A second fill neither changes the first result nor the template.
        std::vector<QJsonValue> other(keys.size(), QJsonValue("other"));
        const QJsonObject second = tmpl.fill(other);
        QCOMPARE(text(first), text(expected));
        QJsonObject all = constants;
        for (const QString &key : keys)
            all.insert(key, "other");
        QCOMPARE(text(second), text(all));
        QCOMPARE(text(tmpl.fill(filled)), text(expected));
    }

    void templateWithoutSlots()
    {
        const JsonObjectTemplate none;
        QCOMPARE(none.slotCount(), 0);
        QVERIFY(none.fill({}).isEmpty());
        const QJsonObject constants{{"step", 3}, {"v", "x"}};
        QCOMPARE(JsonObjectTemplate(constants, {}).fill({}), constants);
    }

    // image-resize declares typed inputs with defaults and a required one.
    void declaredInputs()
    {
        CompiledFlowPtr flow = compileDef(definition(
            {node("fetch", "http-request", {{"url", "$.trigger.url"}}), node("src", "log"),
             node("r", "image-resize",
                  {{"image", "$.nodes.fetch.output.body"},
                   {"width", "$.nodes.src.output.w"},
                   {"tags", "$.nodes.src.output.list"},
                   {"meta", "$.nodes.src.output.obj.inner"},
                   {"label", "$"}})},
            {edge("e1", "fetch", "r"), edge("e2", "src", "r")}));
        QVERIFY(flow);
        const QJsonObject trigger{{"url", "u"}};
        const QJsonObject fetch{{"body", "aGVsbG8="}};
        const QList<EvaluationContext> contexts{
            contextWith(trigger, fetch, QJsonObject{}), // defaults, missing paths
            contextWith(trigger, fetch, parseObject(R"({"w": 640, "list": [1, 2],
                                        "obj": {"inner": {"a": {"b": [3]}}}})")),
            contextWith(trigger, fetch, parseObject(R"({"w": 3.5})")),  // not an integer
            contextWith(trigger, fetch, parseObject(R"({"w": null})")), // null is not missing
            contextWith(trigger, fetch, parseObject(R"({"obj": {"inner": [1]}})")), // not an object
            contextWith(trigger, fetch, parseObject(R"({"obj": 5})")), // path through a scalar
            contextWith(trigger, fetch,
                        QJsonObject{{"obj", QJsonObject{{"inner", makeBlobRef("b-1")}}}}),
            contextWith(trigger, fetch,
                        QJsonObject{{"obj", QJsonObject{{"inner", makeBlobRef("gone")}}}}),
            contextWith(trigger, std::nullopt, QJsonObject{}), // required image missing
            contextWith(trigger, QJsonObject{{"body", makeBlobRef("b-9")}}, QJsonObject{{"w", 1}}),
            contextWith(trigger, fetch, parseObject(R"({"w": 10, "list": {"no": 1}})")),
        };
        compareAll(*flow, flow->indexOf("r"), contexts);
    }

    // log declares no inputs: anything goes through as evaluated.
    void undeclaredInputs()
    {
        CompiledFlowPtr flow =
            compileDef(definition({node("l", "log",
                                        {{"idx", "$.trigger.order.items[1].sku"},
                                         {"oob", "$.trigger.order.items[9]"},
                                         {"nested", "$.trigger.order"},
                                         {"deep", "$.trigger.order.items[0].tags[0]"},
                                         {"n", 5},
                                         {"t", true},
                                         {"z", QJsonValue::Null},
                                         {"dollar", "$"},
                                         {"dollarx", "$x"},
                                         {"arr", QJsonArray{1, "$.trigger.count"}},
                                         {"obj", QJsonObject{{"k", "$.trigger.count"}}},
                                         {"missing", "$.trigger.nope.deeper"},
                                         {"scalarStep", "$.trigger.count.x"},
                                         {"whole", "$.trigger"},
                                         {"blob", makeBlobRef("b-1")}})},
                                  {}));
        QVERIFY(flow);
        const QList<EvaluationContext> contexts{
            contextWith(parseObject(R"({"order": {"items": [{"sku": "A", "tags": ["t"]},
                                                         {"sku": "B"}]}, "count": 3})"),
                        std::nullopt, std::nullopt),
            contextWith(parseObject(R"({"order": {"items": []}, "count": {"x": 1}})"), std::nullopt,
                        std::nullopt),
            contextWith(QJsonObject{}, std::nullopt, std::nullopt),
            contextWith(parseObject(R"({"order": [1, 2], "count": null})"), std::nullopt,
                        std::nullopt),
        };
        compareAll(*flow, 0, contexts);
    }

    // One shape per node: each node's shape fills that node's inputs only,
    // and two flows with the same node id but other mappings do not mix.
    void shapesArePerNodeAndFlow()
    {
        CompiledFlowPtr a = compileDef(definition(
            {node("x", "log", {{"v", "$.trigger.a"}}), node("y", "log", {{"w", "$.trigger.b"}})},
            {}));
        CompiledFlowPtr b =
            compileDef(definition({node("x", "log", {{"v", "$.trigger.b"}, {"extra", 1}})}, {}));
        QVERIFY(a && b);
        const EvaluationContext ctx =
            contextWith(QJsonObject{{"a", 1}, {"b", 2}}, std::nullopt, std::nullopt);
        const InputsShape ax = inputsShape(*a, 0);
        const InputsShape ay = inputsShape(*a, 1);
        const InputsShape bx = inputsShape(*b, 0);
        QCOMPARE(resolveInputs(*a, 0, ctx, ax).value(), (QJsonObject{{"v", 1}}));
        QCOMPARE(resolveInputs(*a, 1, ctx, ay).value(), (QJsonObject{{"w", 2}}));
        QCOMPARE(resolveInputs(*b, 0, ctx, bx).value(), (QJsonObject{{"v", 2}, {"extra", 1}}));
        QCOMPARE(resolveInputs(*a, 0, ctx, ax).value(), (QJsonObject{{"v", 1}}));
        QVERIFY(!resolveInputs(*a, 7, ctx, ax).ok());
    }
};

QTEST_GUILESS_MAIN(TestInputsShape)
#include "TestInputsShape.moc"
