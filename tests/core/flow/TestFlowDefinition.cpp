// Definition, settings and interface_def JSON: round trips, defaults and
// the errors bad shapes produce.

#include "FlowFixtures.h"
#include "flow/ComponentInterface.h"
#include "flow/FlowDefinition.h"
#include "flow/FlowProblem.h"
#include "flow/FlowSettings.h"
#include "flow/FlowVersionStatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace hm;
using namespace hm::flow;
using namespace hm::flow::fixtures;

namespace {

// seed 003 §4.3, verbatim.
const char *kSeedDefinition = R"({
    "nodes": [
        {
            "id": "node-1",
            "component": "image-download",
            "version": "1.0.0",
            "position": { "x": 100, "y": 100 },
            "config": {
                "timeout": 30
            },
            "inputMappings": {
                "url": "$.trigger.image_url"
            }
        }
    ],
    "edges": [
        {
            "id": "edge-1",
            "source": "node-1",
            "target": "node-2",
            "sourceHandle": "default",
            "targetHandle": "default"
        }
    ]
})";

const char *kSeedSettings = R"({
    "concurrency": {
        "mode": "deny",
        "scope": "flow",
        "maxInstances": 1,
        "scopeKey": null
    },
    "timeout": {
        "flowTimeoutMs": 300000,
        "nodeTimeoutMs": 60000
    },
    "retry": {
        "maxAttempts": 3,
        "backoffMs": 1000,
        "backoffMultiplier": 2
    },
    "notification": {
        "onComplete": [],
        "onFail": []
    }
})";

const char *kSeedInterface = R"({
    "inputs": [
        {"name": "image", "type": "bytes", "required": true, "description": "原始圖片資料"},
        {"name": "width", "type": "integer", "required": false, "default": 800,
         "description": "目標寬度"}
    ],
    "outputs": [
        {"name": "resized", "type": "bytes", "description": "縮放後的圖片"},
        {"name": "metadata", "type": "object", "description": "圖片元資料"}
    ]
})";

QStringList problemCodes(const Error &error)
{
    QStringList codes;
    for (const FlowProblem &p : problemsFromError(error))
        codes.append(p.code);
    return codes;
}

QStringList problemValues(const Error &error, const char *key)
{
    QStringList values;
    for (const FlowProblem &p : problemsFromError(error))
        values.append(p.extra.value(QLatin1String(key)).toString());
    return values;
}

} // namespace

class TestFlowDefinition : public QObject
{
    Q_OBJECT

private slots:
    void seedDefinitionRoundTrips()
    {
        const QJsonObject seed = parseObject(kSeedDefinition);
        auto def = FlowDefinition::fromJson(seed);
        QVERIFY2(def.ok(), errorText(def).constData());
        QCOMPARE(def.value().schemaVersion, 1);
        QCOMPARE(def.value().nodes.size(), 1);
        const NodeDef &n = def.value().nodes.first();
        QCOMPARE(n.id, "node-1");
        QCOMPARE(n.component, "image-download");
        QCOMPARE(n.version, "1.0.0");
        QCOMPARE(n.position, (Position{100, 100}));
        QCOMPARE(n.config.value("timeout").toInt(), 30);
        QCOMPARE(n.inputMappings.value("url").toString(), "$.trigger.image_url");
        const EdgeDef &e = def.value().edges.first();
        QCOMPARE(e.id, "edge-1");
        QCOMPARE(e.source, "node-1");
        QCOMPARE(e.target, "node-2");
        QCOMPARE(e.sourceHandle, "default");
        QCOMPARE(e.targetHandle, "default");

        // Written back: the seed document plus the schemaVersion.
        QJsonObject expected = seed;
        expected.insert("schemaVersion", 1);
        QCOMPARE(def.value().toJson(), expected);
        auto again = FlowDefinition::fromJson(def.value().toJson());
        QVERIFY(again.ok());
        QCOMPARE(again.value(), def.value());
    }

    void configAndPositionKeptExactly()
    {
        const QJsonObject json = parseObject(R"({"schemaVersion": 1, "nodes": [{
            "id": "a", "component": "c", "version": "1",
            "position": {"x": -12.75, "y": 3e5},
            "config": {"n": 1.25, "big": 9007199254740991, "s": "ü€𝄞", "nil": null,
                       "arr": [1, [2, {"k": false}]], "obj": {"deep": {"deeper": []}}},
            "inputMappings": {"lit": {"a": [1, 2]}, "num": 5, "expr": "$.trigger.x"}
        }], "edges": []})");
        auto def = FlowDefinition::fromJson(json);
        QVERIFY2(def.ok(), errorText(def).constData());
        QCOMPARE(def.value().toJson(), json);
        QCOMPARE(QJsonDocument(def.value().toJson()).toJson(), QJsonDocument(json).toJson());
    }

    void defaults()
    {
        auto def = FlowDefinition::fromJson(parseObject(R"({"nodes": [
            {"id": "a", "component": "c", "version": "1"}],
            "edges": [{"id": "e", "source": "a", "target": "a"}]})"));
        QVERIFY2(def.ok(), errorText(def).constData());
        QCOMPARE(def.value().schemaVersion, kCurrentSchemaVersion);
        const NodeDef &n = def.value().nodes.first();
        QCOMPARE(n.position, Position{});
        QVERIFY(n.config.isEmpty());
        QVERIFY(n.inputMappings.isEmpty());
        const EdgeDef &e = def.value().edges.first();
        QVERIFY(e.sourceHandle.isEmpty());
        QCOMPARE(e.effectiveSourceHandle(), "default");
        QCOMPARE(e.effectiveTargetHandle(), "default");
        // Absent handles stay absent.
        const QJsonObject edge = def.value().toJson().value("edges").toArray().first().toObject();
        QVERIFY(!edge.contains("sourceHandle"));
        QVERIFY(!edge.contains("targetHandle"));

        auto noEdges = FlowDefinition::fromJson(parseObject(R"({"nodes": []})"));
        QVERIFY(noEdges.ok());
        QVERIFY(noEdges.value().edges.isEmpty());
    }

    void unknownFieldsIgnored()
    {
        auto def = FlowDefinition::fromJson(parseObject(R"({"nodes": [
            {"id": "a", "component": "c", "version": "1", "label": "x", "data": {}}],
            "edges": [], "viewport": {"zoom": 2}})"));
        QVERIFY(def.ok());
        QVERIFY(!def.value().toJson().contains("viewport"));
        QVERIFY(!def.value().toJson()["nodes"][0].toObject().contains("label"));
    }

    void newerSchemaVersionRefused()
    {
        auto def = FlowDefinition::fromJson(parseObject(R"({"schemaVersion": 2, "nodes": []})"));
        QVERIFY(!def.ok());
        QCOMPARE(def.error().code, ErrorCode::InvalidFlowDefinition);
        QCOMPARE(problemCodes(def.error()), QStringList{"UNSUPPORTED_SCHEMA_VERSION"});
        QVERIFY(def.error().message.contains("newer"));
    }

    void badShapes_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("no nodes") << R"({"edges": []})"
                                  << "nodes";
        QTest::newRow("nodes not array") << R"({"nodes": {}})"
                                         << "nodes";
        QTest::newRow("node not object") << R"({"nodes": [7]})"
                                         << "nodes[0]";
        QTest::newRow("id a number")
            << R"({"nodes": [{"id": 1, "component": "c", "version": "1"}]})"
            << "nodes[0].id";
        QTest::newRow("id empty") << R"({"nodes": [{"id": "", "component": "c", "version": "1"}]})"
                                  << "nodes[0].id";
        QTest::newRow("component missing") << R"({"nodes": [{"id": "a", "version": "1"}]})"
                                           << "nodes[0].component";
        QTest::newRow("version missing") << R"({"nodes": [{"id": "a", "component": "c"}]})"
                                         << "nodes[0].version";
        QTest::newRow("config an array")
            << R"({"nodes": [{"id": "a", "component": "c", "version": "1", "config": []}]})"
            << "nodes[0].config";
        QTest::newRow("inputMappings a string")
            << R"({"nodes": [{"id": "a", "component": "c", "version": "1", "inputMappings": "x"}]})"
            << "nodes[0].inputMappings";
        QTest::newRow("position.x a string")
            << R"({"nodes": [{"id": "a", "component": "c", "version": "1",
                   "position": {"x": "1", "y": 2}}]})"
            << "nodes[0].position.x";
        QTest::newRow("edges not array") << R"({"nodes": [], "edges": 3})"
                                         << "edges";
        QTest::newRow("edge source missing")
            << R"({"nodes": [], "edges": [{"id": "e", "target": "b"}]})"
            << "edges[0].source";
        QTest::newRow("sourceHandle a number")
            << R"({"nodes": [], "edges": [{"id": "e", "source": "a", "target": "b",
                   "sourceHandle": 1}]})"
            << "edges[0].sourceHandle";
        QTest::newRow("schemaVersion a string") << R"({"schemaVersion": "1", "nodes": []})"
                                                << "schemaVersion";
        QTest::newRow("schemaVersion zero") << R"({"schemaVersion": 0, "nodes": []})"
                                            << "schemaVersion";
        QTest::newRow("schemaVersion fraction") << R"({"schemaVersion": 1.5, "nodes": []})"
                                                << "schemaVersion";
    }

    void badShapes()
    {
        QFETCH(QString, json);
        QFETCH(QString, path);
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError,
                 qPrintable(parseError.errorString()));
        auto def = FlowDefinition::fromJson(doc.object());
        QVERIFY(!def.ok());
        QCOMPARE(def.error().code, ErrorCode::InvalidFlowDefinition);
        QCOMPARE(problemCodes(def.error()), QStringList{"INVALID_SHAPE"});
        QCOMPARE(problemValues(def.error(), "path"), QStringList{path});
        QVERIFY2(def.error().message.startsWith(path), qPrintable(def.error().message));
    }

    void everyShapeProblemReported()
    {
        auto def = FlowDefinition::fromJson(parseObject(R"({"nodes": [
            {"id": 1, "component": "c", "version": "1"},
            {"id": "b", "component": [], "version": "1"}],
            "edges": [{"id": "e", "source": "a"}]})"));
        QVERIFY(!def.ok());
        QCOMPARE(problemValues(def.error(), "path"),
                 (QStringList{"nodes[0].id", "nodes[1].component", "edges[0].target"}));
        QVERIFY(def.error().message.contains("and 2 more"));
    }

    void invalidJsonText()
    {
        auto def = FlowDefinition::fromJson(QByteArray(R"({"nodes": [)"));
        QVERIFY(!def.ok());
        QCOMPARE(def.error().code, ErrorCode::InvalidFlowDefinition);
        QVERIFY2(def.error().message.contains("offset"), qPrintable(def.error().message));
        auto notObject = FlowDefinition::fromJson(QByteArray("[1]"));
        QVERIFY(!notObject.ok());
        QVERIFY(notObject.error().message.contains("object"));
        auto text = FlowDefinition::fromJson(QByteArray(kSeedDefinition));
        QVERIFY(text.ok());
    }

    void seedSettingsRoundTrip()
    {
        const QJsonObject seed = parseObject(kSeedSettings);
        auto settings = FlowSettings::fromJson(seed);
        QVERIFY2(settings.ok(), errorText(settings).constData());
        const FlowSettings &s = settings.value();
        QCOMPARE(s.concurrency.mode, ConcurrencyMode::Deny);
        QCOMPARE(s.concurrency.scope, ConcurrencyScope::Flow);
        QCOMPARE(s.concurrency.maxInstances, 1);
        QVERIFY(s.concurrency.scopeKey.isEmpty());
        QCOMPARE(s.timeout.flowTimeoutMs, 300000);
        QCOMPARE(s.timeout.nodeTimeoutMs, 60000);
        QCOMPARE(s.retry.maxAttempts, 3);
        QCOMPARE(s.retry.backoffMs, 1000);
        QCOMPARE(s.retry.backoffMultiplier, 2.0);
        QVERIFY(s.notification.onComplete.isEmpty());
        QCOMPARE(s.historyLevel, HistoryLevel::All);

        QJsonObject expected = seed;
        expected.insert("historyLevel", "all");
        QCOMPARE(s.toJson(), expected);
        auto again = FlowSettings::fromJson(s.toJson());
        QVERIFY(again.ok());
        QCOMPARE(again.value(), s);
    }

    void settingsDefaults()
    {
        auto settings = FlowSettings::fromJson(QJsonObject{});
        QVERIFY(settings.ok());
        const FlowSettings &s = settings.value();
        QCOMPARE(s, FlowSettings{});
        QCOMPARE(s.concurrency.mode, ConcurrencyMode::Allow);
        QCOMPARE(s.concurrency.scope, ConcurrencyScope::Flow);
        QCOMPARE(s.concurrency.maxInstances, 1);
        QCOMPARE(s.timeout.flowTimeoutMs, 300000);
        QCOMPARE(s.timeout.nodeTimeoutMs, 60000);
        QCOMPARE(s.retry.maxAttempts, 1);
        QCOMPARE(s.retry.backoffMs, 1000);
        QCOMPARE(s.retry.backoffMultiplier, 2.0);
        QCOMPARE(s.historyLevel, HistoryLevel::All);
        QVERIFY(validateSettings(s).isEmpty());
    }

    void settingsFullRoundTrip()
    {
        const QJsonObject json = parseObject(R"({
            "concurrency": {"mode": "queue", "scope": "trigger_key", "maxInstances": 4,
                            "scopeKey": "$.trigger.customer.id"},
            "timeout": {"flowTimeoutMs": 5000, "nodeTimeoutMs": 250},
            "retry": {"maxAttempts": 5, "backoffMs": 0, "backoffMultiplier": 1.5},
            "notification": {"onComplete": [{"email": "a@example.org"}], "onFail": ["ops"]},
            "historyLevel": "summary"})");
        auto s = FlowSettings::fromJson(json);
        QVERIFY2(s.ok(), errorText(s).constData());
        QCOMPARE(s.value().concurrency.mode, ConcurrencyMode::Queue);
        QCOMPARE(s.value().concurrency.scope, ConcurrencyScope::TriggerKey);
        QCOMPARE(s.value().historyLevel, HistoryLevel::Summary);
        QCOMPARE(s.value().toJson(), json);
        for (auto mode : {"allow", "deny", "queue", "replace"})
            QCOMPARE(concurrencyModeName(*concurrencyModeFromName(mode)), mode);
        for (auto level : {"all", "summary", "none"})
            QCOMPARE(historyLevelName(*historyLevelFromName(level)), level);
    }

    void badSettings_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("setting");
        QTest::newRow("mode") << R"({"concurrency": {"mode": "sometimes"}})"
                              << "concurrency.mode";
        QTest::newRow("scope") << R"({"concurrency": {"scope": "user"}})"
                               << "concurrency.scope";
        QTest::newRow("maxInstances 0") << R"({"concurrency": {"maxInstances": 0}})"
                                        << "concurrency.maxInstances";
        QTest::newRow("maxInstances text") << R"({"concurrency": {"maxInstances": "2"}})"
                                           << "concurrency.maxInstances";
        QTest::newRow("scopeKey missing") << R"({"concurrency": {"scope": "trigger_key"}})"
                                          << "concurrency.scopeKey";
        QTest::newRow("scopeKey from a node")
            << R"({"concurrency": {"scope": "trigger_key", "scopeKey": "$.nodes.a.output.x"}})"
            << "concurrency.scopeKey";
        QTest::newRow("scopeKey malformed")
            << R"({"concurrency": {"scope": "trigger_key", "scopeKey": "a..b"}})"
            << "concurrency.scopeKey";
        QTest::newRow("concurrency not object") << R"({"concurrency": 1})"
                                                << "concurrency";
        QTest::newRow("flowTimeoutMs 0") << R"({"timeout": {"flowTimeoutMs": 0}})"
                                         << "timeout.flowTimeoutMs";
        QTest::newRow("nodeTimeoutMs fraction") << R"({"timeout": {"nodeTimeoutMs": 1.5}})"
                                                << "timeout.nodeTimeoutMs";
        QTest::newRow("maxAttempts 0") << R"({"retry": {"maxAttempts": 0}})"
                                       << "retry.maxAttempts";
        QTest::newRow("backoffMs negative") << R"({"retry": {"backoffMs": -1}})"
                                            << "retry.backoffMs";
        QTest::newRow("backoffMultiplier < 1") << R"({"retry": {"backoffMultiplier": 0.5}})"
                                               << "retry.backoffMultiplier";
        QTest::newRow("onFail not array") << R"({"notification": {"onFail": "x"}})"
                                          << "notification.onFail";
        QTest::newRow("historyLevel") << R"({"historyLevel": "most"})"
                                      << "historyLevel";
    }

    void badSettings()
    {
        QFETCH(QString, json);
        QFETCH(QString, setting);
        auto s = FlowSettings::fromJson(QJsonDocument::fromJson(json.toUtf8()).object());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::InvalidFlowDefinition);
        QCOMPARE(problemCodes(s.error()), QStringList{"INVALID_SETTING"});
        QCOMPARE(problemValues(s.error(), "setting"), QStringList{setting});
    }

    void scopeKeyPlainName()
    {
        auto s = FlowSettings::fromJson(
            parseObject(R"({"concurrency": {"scope": "trigger_key", "scopeKey": "customer_id"}})"));
        QVERIFY(s.ok());
    }

    void versionStatusNames()
    {
        QCOMPARE(flowVersionStatusName(FlowVersionStatus::Draft), "draft");
        QCOMPARE(flowVersionStatusName(FlowVersionStatus::Published), "published");
        QCOMPARE(flowVersionStatusName(FlowVersionStatus::Deprecated), "deprecated");
        QCOMPARE(flowVersionStatusFromName("published"), FlowVersionStatus::Published);
        QVERIFY(!flowVersionStatusFromName("archived").has_value());
    }

    void seedInterfaceParses()
    {
        auto iface =
            ComponentInterface::fromJson(parseObject(kSeedInterface), "image-resize", "1.0.0");
        QVERIFY2(iface.ok(), errorText(iface).constData());
        const ComponentInterface &c = iface.value();
        QCOMPARE(c.name, "image-resize");
        QCOMPARE(c.inputs.size(), 2);
        QCOMPARE(c.inputs[0].name, "image");
        QCOMPARE(c.inputs[0].type, PortType::Bytes);
        QVERIFY(c.inputs[0].required);
        QVERIFY(!c.inputs[0].defaultValue.has_value());
        QCOMPARE(c.inputs[0].description, QString::fromUtf8("原始圖片資料"));
        QCOMPARE(c.inputs[1].type, PortType::Integer);
        QCOMPARE(c.inputs[1].defaultValue->toInt(), 800);
        QCOMPARE(c.outputs.size(), 2);
        QCOMPARE(c.output("metadata")->type, PortType::Object);
        QCOMPARE(c.outputHandles, QStringList{"default"});
        QVERIFY(c.configSchema.isEmpty());
        auto again = ComponentInterface::fromJson(c.toJson());
        QVERIFY(again.ok());
        QCOMPARE(again.value(), c);
    }

    void badInterfaces_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unknown type") << R"({"inputs": [{"name": "a", "type": "float"}]})"
                                      << "unknown port type";
        QTest::newRow("default of wrong type")
            << R"({"inputs": [{"name": "a", "type": "integer", "default": "x"}]})"
            << "default is string";
        QTest::newRow("duplicate port")
            << R"({"inputs": [{"name": "a", "type": "any"}, {"name": "a", "type": "any"}]})"
            << "duplicate port";
        QTest::newRow("no handles") << R"({"outputHandles": []})"
                                    << "at least one";
        QTest::newRow("inputs not array") << R"({"inputs": {}})"
                                          << "inputs";
    }

    void badInterfaces()
    {
        QFETCH(QString, json);
        QFETCH(QString, fragment);
        auto iface =
            ComponentInterface::fromJson(QJsonDocument::fromJson(json.toUtf8()).object(), "c", "1");
        QVERIFY(!iface.ok());
        QCOMPARE(iface.error().code, ErrorCode::ValidationError);
        QVERIFY2(iface.error().message.contains(fragment), qPrintable(iface.error().message));
    }

    void portTypeNames()
    {
        for (auto name :
             {"string", "integer", "number", "boolean", "bytes", "object", "array", "any"})
            QCOMPARE(portTypeName(*portTypeFromName(name)), name);
        QVERIFY(!portTypeFromName("float"));
    }
};

QTEST_GUILESS_MAIN(TestFlowDefinition)
#include "TestFlowDefinition.moc"
