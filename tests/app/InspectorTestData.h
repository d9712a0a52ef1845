// Shared by the inspector tests: components as GET /api/v1/components
// answers them, one (image-resize, after seed 003's POST /api/components
// example) with a config schema that uses every JSON Schema type the form
// generates fields for. Kept out of the test source: moc misreads \" inside
// raw strings.
#pragma once

#include "flowgraph/ComponentCatalogue.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace inspectortest {

inline const char kComponentsAnswer[] = R"({"success": true, "data": {"items": [
  {"name": "noop", "version": "1.0.0", "builtin": true, "status": "active", "inputs": [], "outputs": []},
  {"name": "log", "version": "1.0.0", "builtin": true, "status": "active", "inputs": [], "outputs": [],
   "configSchema": {"type": "object", "properties": {"message": {"type": "string"}}}},
  {"name": "delay", "version": "1.0.0", "builtin": true, "status": "active", "inputs": [], "outputs": [],
   "configSchema": {"type": "object", "properties": {"ms": {"type": "integer", "minimum": 0}}}},
  {"name": "condition", "version": "1.0.0", "builtin": true, "status": "active", "inputs": [],
   "outputs": [{"name": "result", "type": "boolean"}], "outputHandles": ["true", "false"],
   "configSchema": {"type": "object", "properties": {
       "op": {"enum": ["==", "!=", "<", "<=", ">", ">=", "exists", "truthy"]}}}},
  {"name": "image-download", "version": "1.0.0", "builtin": false, "status": "active",
   "inputs": [{"name": "url", "type": "string", "required": true, "description": "Where the image is"}],
   "outputs": [{"name": "image", "type": "bytes"}, {"name": "contentType", "type": "string"}],
   "configSchema": {"type": "object", "properties": {
       "timeout": {"type": "integer", "minimum": 1, "default": 30,
                   "description": "Seconds to wait for the server"}}}},
  {"name": "image-resize", "version": "1.0.0", "builtin": false, "status": "active",
   "inputs": [{"name": "image", "type": "bytes", "required": true, "description": "The original image"},
              {"name": "width", "type": "integer", "default": 800, "description": "Target width"}],
   "outputs": [{"name": "resized", "type": "bytes"}, {"name": "metadata", "type": "object"}],
   "configSchema": {"type": "object", "required": ["quality", "format"], "properties": {
       "quality": {"type": "integer", "minimum": 1, "maximum": 100, "default": 85,
                   "description": "JPEG quality"},
       "format": {"type": "string", "enum": ["jpeg", "png", "webp"],
                  "description": "Format of the resized image"},
       "callbackUrl": {"type": "string", "format": "uri", "description": "Called when done"},
       "scale": {"type": "number", "minimum": 0.1, "maximum": 10},
       "keepAspect": {"type": "boolean", "default": true},
       "watermark": {"type": "object", "required": ["text"], "properties": {
           "text": {"type": "string", "maxLength": 40},
           "opacity": {"type": "number", "minimum": 0, "maximum": 1}}},
       "sizes": {"type": "array", "maxItems": 4, "description": "Extra widths to produce",
                 "items": {"type": "integer", "minimum": 16}}}}},
  {"name": "image-resize", "version": "1.10.0", "builtin": false, "status": "active",
   "inputs": [{"name": "image", "type": "bytes", "required": true}], "outputs": []},
  {"name": "image-resize", "version": "1.9.0", "builtin": false, "status": "active",
   "inputs": [{"name": "image", "type": "bytes", "required": true}], "outputs": []},
  {"name": "text", "version": "1.0.0", "inputs": [], "outputs": [{"name": "s", "type": "string"}]}
]}})";

inline hm::app::ComponentCatalogue catalogue()
{
    auto parsed = hm::app::ComponentCatalogue::fromServerAnswer(
        QJsonDocument::fromJson(QByteArray(kComponentsAnswer)).object());
    if (!parsed)
        qFatal("test catalogue: %s", qPrintable(parsed.error().message));
    return parsed.value();
}

inline QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

// fetch → resize → store, plus "text" on its own and "other" (a second
// image-resize) whose width reads a trigger field: for completion.
inline const char kChainFlow[] = R"({"schemaVersion": 1, "nodes": [
  {"id": "fetch", "component": "image-download", "version": "1.0.0", "position": {"x": 0, "y": 0},
   "config": {}, "inputMappings": {"url": "$.trigger.image_url"}},
  {"id": "resize", "component": "image-resize", "version": "1.0.0", "position": {"x": 300, "y": 0},
   "config": {"quality": 85, "format": "png"}, "inputMappings": {"image": "$.nodes.fetch.output.image"}},
  {"id": "store", "component": "log", "version": "1.0.0", "position": {"x": 600, "y": 0},
   "config": {}, "inputMappings": {}},
  {"id": "caption", "component": "text", "version": "1.0.0", "position": {"x": 0, "y": 250},
   "config": {}, "inputMappings": {}},
  {"id": "other", "component": "image-resize", "version": "1.0.0", "position": {"x": 300, "y": 250},
   "config": {"quality": 50, "format": "jpeg"},
   "inputMappings": {"image": "$.nodes.caption.output.s", "width": "$.trigger.size.width"}}
], "edges": [
  {"id": "e1", "source": "fetch", "target": "resize"},
  {"id": "e2", "source": "resize", "target": "store"},
  {"id": "e3", "source": "caption", "target": "other"}
]})";

// The settings editor's expected document after every field was set.
inline const char kEditedSettings[] = R"({
  "concurrency": {"mode": "queue", "scope": "trigger_key", "scopeKey": "customer_id",
                  "maxInstances": 3},
  "timeout": {"flowTimeoutMs": 120000, "nodeTimeoutMs": 5000},
  "retry": {"maxAttempts": 5, "backoffMs": 500, "backoffMultiplier": 1.5},
  "historyLevel": "summary",
  "notification": {"onFail": [{"channel": "ops"}]}
})";

} // namespace inspectortest
