#pragma once

// Flows and components for the flow-model tests and BenchFlowParse: a small
// built-in-like catalogue and generators for large DAGs.

#include "common/Result.h"
#include "flow/ComponentCatalog.h"
#include "flow/ComponentInterface.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace hm::flow::fixtures {

// The error of a failed Result for QVERIFY2 messages (which are evaluated
// even when the check passes, so error() must not be called on success).
template <typename R> QByteArray errorText(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

inline QJsonObject parseObject(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// The one blob the mapping tests know, "b-1"; any other id is not found.
inline Result<QJsonValue> resolveTestBlob(const QString &id)
{
    if (id == QLatin1String("b-1"))
        return QJsonValue(parseObject(R"({"width": 800, "tags": ["x"]})"));
    return Error{ErrorCode::ResourceNotFound, "no blob " + id, {}};
}

inline ComponentInterface component(const char *interfaceJson)
{
    auto parsed = ComponentInterface::fromJson(parseObject(interfaceJson));
    Q_ASSERT_X(parsed.ok(), "fixtures", qPrintable(parsed.error().toString()));
    return parsed.value();
}

// Components shaped like the engine's built-ins (http-request, transform,
// delay, log, condition) and the seed's image-resize example.
inline InMemoryComponentCatalog builtinCatalog()
{
    InMemoryComponentCatalog catalog;
    catalog.add(component(R"({
        "name": "http-request", "version": "1.0.0",
        "inputs": [
            {"name": "url", "type": "string", "required": true},
            {"name": "method", "type": "string", "default": "GET"},
            {"name": "body", "type": "any"},
            {"name": "retries", "type": "integer", "default": 0}
        ],
        "outputs": [
            {"name": "status", "type": "integer"},
            {"name": "body", "type": "any"},
            {"name": "headers", "type": "object"}
        ],
        "configSchema": {
            "type": "object",
            "properties": {
                "timeout": {"type": "integer", "minimum": 1, "maximum": 600},
                "mode": {"enum": ["json", "text"]}
            }
        }
    })"));
    catalog.add(component(R"({
        "name": "transform", "version": "1.0.0",
        "inputs": [
            {"name": "data", "type": "any", "required": true},
            {"name": "extra", "type": "any"}
        ],
        "outputs": [{"name": "result", "type": "any"}]
    })"));
    catalog.add(component(R"({
        "name": "transform", "version": "2.0.0",
        "inputs": [{"name": "data", "type": "any", "required": true}],
        "outputs": [{"name": "result", "type": "any"}]
    })"));
    catalog.add(component(R"({
        "name": "delay", "version": "1.0.0",
        "inputs": [{"name": "ms", "type": "integer", "default": 1000}],
        "outputs": [],
        "configSchema": {"type": "object", "required": ["ms"],
                         "properties": {"ms": {"type": "integer", "minimum": 0}}}
    })"));
    // A catalogue mistake: "type" must be a string or an array.
    catalog.add(
        component(R"({"name": "broken", "version": "1.0.0", "configSchema": {"type": 12}})"));
    // Declares no inputs or outputs: accepts any input, produces anything.
    catalog.add(component(R"({"name": "log", "version": "1.0.0"})"));
    catalog.add(component(R"({
        "name": "condition", "version": "1.0.0",
        "inputs": [{"name": "value", "type": "any", "required": true}],
        "outputs": [{"name": "result", "type": "boolean"}],
        "outputHandles": ["true", "false"]
    })"));
    catalog.add(component(R"({
        "name": "image-resize", "version": "1.0.0",
        "inputs": [
            {"name": "image", "type": "bytes", "required": true, "description": "source"},
            {"name": "width", "type": "integer", "required": false, "default": 800},
            {"name": "ratio", "type": "number", "default": 1.5},
            {"name": "keepAspect", "type": "boolean", "default": true},
            {"name": "tags", "type": "array"},
            {"name": "meta", "type": "object"},
            {"name": "label", "type": "string"}
        ],
        "outputs": [
            {"name": "resized", "type": "bytes"},
            {"name": "metadata", "type": "object"}
        ]
    })"));
    return catalog;
}

inline QJsonObject node(const QString &id, const QString &component,
                        const QJsonObject &inputMappings = {}, const QJsonObject &config = {},
                        const QString &version = QStringLiteral("1.0.0"))
{
    return QJsonObject{{"id", id},           {"component", component},
                       {"version", version}, {"position", QJsonObject{{"x", 0}, {"y", 0}}},
                       {"config", config},   {"inputMappings", inputMappings}};
}

inline QJsonObject edge(const QString &id, const QString &source, const QString &target,
                        const QString &sourceHandle = QStringLiteral("default"),
                        const QString &targetHandle = QStringLiteral("default"))
{
    return QJsonObject{{"id", id},
                       {"source", source},
                       {"target", target},
                       {"sourceHandle", sourceHandle},
                       {"targetHandle", targetHandle}};
}

inline QJsonObject definition(const QJsonArray &nodes, const QJsonArray &edges)
{
    return QJsonObject{{"schemaVersion", 1}, {"nodes", nodes}, {"edges", edges}};
}

inline QString nodeId(int i)
{
    return QStringLiteral("n") + QString::number(i);
}

inline QJsonObject fromParent(int parent, const QString &output = QStringLiteral("result"))
{
    return QJsonObject{
        {"data", QStringLiteral("$.nodes.%1.output.%2").arg(nodeId(parent), output)}};
}

// n0 -> n1 -> ... -> n(count-1), each mapping its parent's result.
inline QJsonObject chain(int count)
{
    QJsonArray nodes, edges;
    nodes.append(node(nodeId(0), "transform", {{"data", "$.trigger.payload"}}));
    for (int i = 1; i < count; ++i) {
        nodes.append(node(nodeId(i), "transform", fromParent(i - 1)));
        edges.append(edge(QStringLiteral("e") + QString::number(i), nodeId(i - 1), nodeId(i)));
    }
    return definition(nodes, edges);
}

// n0 fans out to `width` nodes that all fan in to the last one.
inline QJsonObject fanOutFanIn(int width)
{
    QJsonArray nodes, edges;
    nodes.append(node(nodeId(0), "transform", {{"data", "$.trigger"}}));
    const int sink = width + 1;
    QJsonObject sinkInputs{{"data", QStringLiteral("$.nodes.n1.output.result")}};
    for (int i = 1; i <= width; ++i) {
        nodes.append(node(nodeId(i), "transform", fromParent(0)));
        edges.append(edge(QStringLiteral("out") + QString::number(i), nodeId(0), nodeId(i)));
        edges.append(edge(QStringLiteral("in") + QString::number(i), nodeId(i), nodeId(sink)));
    }
    nodes.append(node(nodeId(sink), "transform", sinkInputs));
    return definition(nodes, edges);
}

// A layered DAG of `count` nodes, `width` per layer; every node after the
// first layer has 1-3 parents in the previous layer and maps the first of
// them. Built-in-like components, an http-request with config every 7th node.
// Deterministic (a fixed LCG), so runs compare.
inline QJsonObject layeredDag(int count, int width = 100)
{
    quint32 state = 12345;
    auto next = [&state](quint32 bound) {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % bound;
    };
    // Every 7th node past the first layer is an http-request, whose output
    // is "body"; the rest are transforms with "result".
    auto isHttp = [width](int i) { return i >= width && i % 7 == 0; };
    auto outputOf = [&](int i) {
        return isHttp(i) ? QStringLiteral("body") : QStringLiteral("result");
    };
    QJsonArray nodes, edges;
    int edgeCount = 0;
    for (int i = 0; i < count; ++i) {
        const int layer = i / width;
        if (layer == 0) {
            nodes.append(node(nodeId(i), "transform", {{"data", "$.trigger.items[0]"}}));
            continue;
        }
        const int layerStart = (layer - 1) * width;
        const int parents = 1 + static_cast<int>(next(3));
        int first = -1;
        for (int p = 0; p < parents; ++p) {
            const int parent = layerStart + static_cast<int>(next(static_cast<quint32>(width)));
            if (first < 0)
                first = parent;
            edges.append(edge(QStringLiteral("e") + QString::number(edgeCount++), nodeId(parent),
                              nodeId(i)));
        }
        if (isHttp(i)) {
            nodes.append(node(nodeId(i), "http-request",
                              {{"url", "$.trigger.url"},
                               {"body", QStringLiteral("$.nodes.%1.output.%2.items[2]")
                                            .arg(nodeId(first), outputOf(first))}},
                              {{"timeout", 30}}));
        } else {
            nodes.append(node(nodeId(i), "transform", fromParent(first, outputOf(first))));
        }
    }
    return definition(nodes, edges);
}

} // namespace hm::flow::fixtures
