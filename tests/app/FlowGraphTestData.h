// Shared by the flow graph model tests: a component catalogue as the
// server's GET /api/v1/components answers it, and the seed's example flow.
#pragma once

#include "flowgraph/ComponentCatalogue.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace flowgraphtest {

// The built-ins as core/engine/builtins/Builtins.cpp declares them, plus
// registered components with typed ports for the type rules.
inline const char kComponentsAnswer[] = R"({"success": true, "data": {"items": [
  {"name": "noop", "version": "1.0.0", "builtin": true, "status": "active", "health": "healthy",
   "endpoint": null, "inputs": [], "outputs": []},
  {"name": "log", "version": "1.0.0", "builtin": true, "status": "active", "inputs": [], "outputs": [],
   "configSchema": {"type": "object", "properties": {"message": {"type": "string"}}}},
  {"name": "condition", "version": "1.0.0", "builtin": true, "status": "active", "inputs": [],
   "outputs": [{"name": "result", "type": "boolean"}], "outputHandles": ["true", "false"]},
  {"name": "image-download", "version": "1.0.0", "builtin": false, "status": "active",
   "inputs": [{"name": "url", "type": "string", "required": true}],
   "outputs": [{"name": "image", "type": "bytes"}]},
  {"name": "image-resize", "version": "1.0.0", "builtin": false, "status": "active",
   "inputs": [{"name": "image", "type": "bytes", "required": true},
              {"name": "width", "type": "integer", "default": 800}],
   "outputs": [{"name": "resized", "type": "bytes"}, {"name": "metadata", "type": "object"}]},
  {"name": "count", "version": "1.0.0", "inputs": [], "outputs": [{"name": "n", "type": "integer"}]},
  {"name": "average", "version": "1.0.0", "inputs": [], "outputs": [{"name": "mean", "type": "number"}]},
  {"name": "sum", "version": "1.0.0", "inputs": [{"name": "total", "type": "number"}], "outputs": []},
  {"name": "text", "version": "1.0.0", "inputs": [], "outputs": [{"name": "s", "type": "string"}]},
  {"name": "flag", "version": "1.0.0", "inputs": [], "outputs": [{"name": "b", "type": "boolean"}]},
  {"name": "broken", "version": "1.0.0", "inputs": [{"name": "x", "type": "no-such-type"}], "outputs": []}
]}})";

inline hm::app::ComponentCatalogue catalogue()
{
    auto parsed = hm::app::ComponentCatalogue::fromServerAnswer(
        QJsonDocument::fromJson(QByteArray(kComponentsAnswer)).object());
    if (!parsed)
        qFatal("test catalogue: %s", qPrintable(parsed.error().message));
    return parsed.value();
}

// Seed 003 §4.3, flow_versions.definition, verbatim (its edge names a
// node-2 that the example leaves out).
inline const char kSeedDefinition[] = R"({
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

// Seed 003 §4.3, flow_versions.settings, verbatim.
inline const char kSeedSettings[] = R"({
    "concurrency": {"mode": "deny", "scope": "flow", "maxInstances": 1, "scopeKey": null},
    "timeout": {"flowTimeoutMs": 300000, "nodeTimeoutMs": 60000},
    "retry": {"maxAttempts": 3, "backoffMs": 1000, "backoffMultiplier": 2},
    "notification": {"onComplete": [], "onFail": []}
})";

// For the paste tests (kept out of the test source: moc misreads \" inside
// raw strings). fetch → parse → store, and other (not copied) feeding parse's mapping.
inline const char kPasteFlow[] = R"({"schemaVersion": 1, "nodes": [
  {"id": "fetch", "component": "image-download", "version": "1.0.0",
   "position": {"x": 0, "y": 0}, "config": {"timeout": 5},
   "inputMappings": {"url": "$.trigger.url"}, "note": "kept"},
  {"id": "parse", "component": "image-resize", "version": "1.0.0",
   "position": {"x": 200, "y": 0},
   "inputMappings": {"image": "$.nodes.fetch.output.image",
                     "width": "$.nodes[\"other\"].output.w",
                     "whole": {"$ref": "node:fetch:output:image"},
                     "quoted": "$.nodes[\"fetch\"].output[\"odd key\"][0]",
                     "literal": "nodes.fetch is text"}},
  {"id": "store", "component": "log", "version": "1.0.0", "position": {"x": 400, "y": 0},
   "inputMappings": {"what": "$.nodes.parse.output"}},
  {"id": "other", "component": "noop", "version": "1.0.0", "position": {"x": 0, "y": 200}}
], "edges": [
  {"id": "e1", "source": "fetch", "target": "parse", "sourceHandle": "default",
   "targetHandle": "image", "label": "bytes"},
  {"id": "e2", "source": "parse", "target": "store"},
  {"id": "e3", "source": "other", "target": "parse"}
]})";

inline QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace flowgraphtest
