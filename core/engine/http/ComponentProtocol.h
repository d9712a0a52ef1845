#pragma once

// The engine's side of docs/component-protocol.md, kept free of any network
// code so every rule (what a reply means, which failures are retryable) can
// be read and tested in one place.

#include "common/Result.h"
#include "engine/NodeExecutor.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrl>

namespace hm::engine::http {

// Protocol revision, sent as X-HiveMind-Protocol. Bumped only for changes a
// component must know about; additions to JSON bodies do not bump it.
inline constexpr int kProtocolVersion = 1;
// Largest reply body the engine reads from a component.
inline constexpr qint64 kMaxReplyBytes = 16 * 1024 * 1024;
// Deadline of the discovery and health calls.
inline constexpr int kDiscoveryTimeoutMs = 10000;

namespace header {
inline constexpr char kExecution[] = "X-HiveMind-Execution";
inline constexpr char kNode[] = "X-HiveMind-Node";
inline constexpr char kAttempt[] = "X-HiveMind-Attempt";
inline constexpr char kProtocol[] = "X-HiveMind-Protocol";
inline constexpr char kExecutionToken[] = "X-Execution-Token";
} // namespace header

// <endpoint>/<path>, keeping any path prefix of the endpoint
// ("http://h/tools" + "execute" = "http://h/tools/execute").
QUrl endpointUrl(const QUrl &endpoint, const QString &path);

// The body of POST <endpoint>/execute. `blobBaseUrl` empty leaves out "blob".
QJsonObject executeRequestBody(const NodeTask &task, const QUrl &blobBaseUrl);
// The body of POST <endpoint>/cancel.
QJsonObject cancelRequestBody(const NodeTask &task);

// What a finished /execute exchange means for the node. `label` names the
// component in messages ("echo 1.0.0 at http://...").
NodeOutcome outcomeFromExecuteReply(int httpStatus, const QByteArray &body, const QString &label);
// What a transport failure (no HTTP status at all) means for the node.
NodeOutcome outcomeFromNetworkError(QNetworkReply::NetworkError error, const QString &errorText,
                                    const QString &label);

} // namespace hm::engine::http
