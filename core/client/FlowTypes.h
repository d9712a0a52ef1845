#pragma once

// Typed answers of the flow, execution and component routes.

#include "client/ApiTypes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::client {

struct NewFlow
{
    QString name;
    QString description;
    QJsonObject definition;
    QJsonObject settings; // empty = defaults
};

struct FlowVersion
{
    QString version;
    QString status; // "draft" / "published" / "deprecated"
    QString createdBy;
    QDateTime createdAt;
    QDateTime publishedAt;
    QJsonObject definition; // only where the route sends it
    QJsonObject settings;
    // The flow's revision after a save or publish (flow_revision); 0 where
    // the route does not send it (lists of versions).
    qint64 flowRevision = 0;
    // A draft's problems ({code, message, node?, edge?, ...}): answered by
    // saves and for GET /flows/{id}'s latest version; empty when it may be
    // published (or where the route does not send them).
    QJsonArray problems;
};

// Optimistic concurrency: what a save or publish is based on, as the
// console read it (FlowDetail::revision, FlowDetail::latestVersion.version,
// or a later write's FlowVersion). Unset members are not sent, and the
// server then does not check them. A stale base fails with CONFLICT
// (isConflict() in ApiError.h) and nothing is stored.
struct FlowEditBase
{
    qint64 revision = 0; // base_revision; 0 = not sent. Any change since is a conflict.
    QString version;     // base_version; "" = not sent. Only a newer version is.
};

// A row of GET /flows (and the answer of POST /flows, whose version 1 is
// the latest and not yet published).
struct FlowSummary
{
    QString id;
    QString name;
    QString description;
    QString ownerId;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString latestVersion;
    QString publishedVersion; // empty when none is
    qint64 revision = 0;      // the flow's revision (its ETag), for FlowEditBase
    // The caller's permission: "view", "edit", "admin" or "owner" (empty
    // when the answer did not say: the creation answer, older servers).
    QString myPermission;
    // The flow's most recent execution (list rows only; empty id = none).
    QString lastExecutionId;
    QString lastExecutionStatus;
    QDateTime lastExecutionAt; // when it was created (triggered)
};

// GET /flows/{id}: the flow with its latest version (definition included)
// and its published one.
struct FlowDetail
{
    QString id;
    QString name;
    QString description;
    QString ownerId;
    QDateTime createdAt;
    QDateTime updatedAt;
    FlowVersion latestVersion;
    std::optional<FlowVersion> publishedVersion;
    qint64 revision = 0;  // the flow's revision (its ETag), for FlowEditBase
    QString myPermission; // "view" / "edit" / "admin" / "owner"
};

// GET /flows narrowed on the server: a name substring, the owner ("me" or a
// user id) and/or only the flows shared with the caller.
struct FlowListFilter
{
    QString search;
    QString owner;
    bool sharedWithMe = false;
    PageRequest page;
};

// A change of a flow's name and/or description (PUT /flows/{id}); an empty
// optional leaves the field as it is.
struct FlowChanges
{
    std::optional<QString> name;
    std::optional<QString> description;
};

// One share of a flow or pending invitation (seed 003 §14.4).
struct FlowShare
{
    QString id;
    QString flowId;
    QString userId; // empty while pending
    QString userName;
    QString userEmail;
    QString invitedEmail;
    QString permission; // "view" / "edit" / "admin"
    bool pending = false;
    QString sharedBy;
    QString sharedByName;
    QDateTime createdAt;
    QDateTime acceptedAt;
};

// A flow's webhook. `token` and `path` only in the answer that created or
// rotated it: the server keeps a hash and never shows the token again.
struct FlowWebhook
{
    QString flowId;
    bool enabled = false;
    QString token;
    QString path; // "/api/v1/hooks/<flow id>/<token>"
    bool rotated = false;
};

struct TriggerOptions
{
    QJsonObject inputs;
    QString version; // empty = the published version
    // Answer when the execution ends (?wait=true) or after waitTimeoutMs
    // (0 = the server's default of 30 s).
    bool wait = false;
    int waitTimeoutMs = 0;
    // The per-call options (docs/api.md "Trigger options"), each sent only
    // when set: priority -100..100 (0 = normal, not sent), a timeout
    // override in ms (0 = the flow's own), a callback URL and the secret
    // that signs its POST (kept only until the request is sent).
    int priority = 0;
    qint64 timeoutOverrideMs = 0;
    QString callbackUrl;
    QString callbackSecret;
};

// What a trigger or a re-run did. A CONCURRENT_DENIED refusal is an
// outcome too (state Denied), not an error: it is the flow's configured
// behaviour, and the caller wants the running executions it names.
struct TriggerOutcome
{
    enum class State
    {
        Started,
        Queued,
        Denied,
        Ended // a ?wait=true trigger whose execution finished
    };
    State state = State::Started;
    QString status; // the server's word: "started", "queued", "completed", "running", …
    QString executionId;
    QString flowId;
    QString flowVersion;
    QDateTime startedAt;
    QString websocketUrl;
    int queuePosition = 0;
    QJsonArray runningExecutions; // Denied
    QString message;              // Denied: the server's explanation
    QJsonObject outputs;          // wait=true: leaf node id -> outputs
    QJsonObject error;            // wait=true: {code, message} of a failed run
};

struct CancelOutcome
{
    QString executionId;
    QString status; // "cancelling" / "cancelled" / …
    QStringList affectedNodes;
};

struct ExecutionFilter
{
    QString flowId;
    QString status;
    int page = 0;
    int size = 0;
    QDateTime from; // created at or after; invalid = no bound
    QDateTime to;   // created before; invalid = no bound
};

// A row of GET /executions.
struct ExecutionSummary
{
    QString executionId;
    QString flowId;
    QString flowName; // empty when the server did not send it
    QString flowVersion;
    QString status;
    QString triggeredBy;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime endedAt;
    qint64 durationMs = -1; // -1 while running
    QString errorCode;
};

} // namespace hm::client
