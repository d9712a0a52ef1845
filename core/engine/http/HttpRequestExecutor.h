#pragma once

// The built-in "http-request" component: one HTTP call from the engine, its
// answer as node outputs. docs/component-protocol.md ("Built-in
// http-request") describes the ports and how bodies are encoded.

#include "engine/NodeExecutor.h"
#include "flow/ComponentInterface.h"

#include <QByteArray>
#include <QJsonValue>
#include <memory>

class QNetworkAccessManager;

namespace hm::engine {

inline constexpr char kHttpRequestComponent[] = "http-request";
inline constexpr char kHttpRequestVersion[] = "1.0.0";
// Largest response body read; larger answers fail with PAYLOAD_TOO_LARGE.
inline constexpr qint64 kHttpRequestMaxResponseBytes = 16 * 1024 * 1024;

// inputs: method (string, "GET"), url (string, required), headers (object,
// {}), body (any), timeout_ms (integer); outputs: status (integer), headers
// (object), body (any), body_encoding (string: "json", "text", "base64" or
// "none"). config: {"failOnHttpError": bool}.
flow::ComponentInterface httpRequestInterface();

// `network` is not owned and must live on the engine thread. Runs are
// cancellable: cancel() aborts the call and reports Cancelled from the event
// loop.
std::unique_ptr<NodeExecutor> makeHttpRequestExecutor(QNetworkAccessManager *network);

// How a response body becomes the "body" output: parsed JSON for JSON
// media types, text for textual ones (or untyped valid UTF-8), base64
// otherwise. `encoding` receives "json", "text", "base64" or "none".
QJsonValue decodeHttpBody(const QByteArray &body, const QByteArray &contentType, QString *encoding);

} // namespace hm::engine
