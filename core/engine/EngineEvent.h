#pragma once

// What the engine tells the world while executions run. The server forwards
// these to /ws/executions/{id}; toJson() is the seed 003 §7.3 wire shape.

#include "common/Error.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace hm::engine {

struct EngineEvent
{
    enum class Type : quint8
    {
        ExecutionStarted,
        NodeStarted,
        NodeCompleted,
        NodeFailed,
        ExecutionCompleted, // completed or failed, see status
        ExecutionCancelled,
        // Waiting for a concurrency slot (queue mode); execution_started
        // follows when it gets one. /ws/events only: seed 003 §7.3's
        // per-execution stream has no such message.
        ExecutionQueued,
    };

    Type type = Type::ExecutionStarted;
    bool isNodeEvent() const
    {
        return type == Type::NodeStarted || type == Type::NodeCompleted || type == Type::NodeFailed;
    }
    QString executionId;
    QString flowId;
    QString flowVersion;
    QString nodeId;         // node events
    QString component;      // node_started
    int attempt = 0;        // node events
    int queuePosition = 0;  // execution_queued: 1 = next to start
    bool willRetry = false; // node_failed: another attempt follows
    qint64 timestampMs = 0;
    qint64 durationMs = 0; // node_completed; execution_completed total
    QString status;        // execution_completed: completed|failed
    Error error;           // node_failed; execution end: the execution's error (if any)
    QString reason;        // execution_cancelled
    QString cancelledBy;   // execution_cancelled
    QString message;       // execution_cancelled
    // execution_started, execution_queued: who started it (user id, API key
    // id, "webhook", "system") and when it was requested, for list rows on
    // /ws/events; toJson() leaves them out (seed 003 §7.3 has neither).
    QString triggeredBy;
    qint64 createdAtMs = 0;
    bool killed = false; // execution_cancelled by kill()
    // Execution end (completed, failed, cancelled): the leaf nodes' outputs
    // by node id, as ?wait=true answers them. Server-side only: toJson()
    // leaves them out (the WebSocket messages of seed 003 §7.3 carry none).
    // Implicitly shared with the nodes' own outputs, so filling it costs
    // one small object per execution, not a deep copy.
    QJsonObject outputs;
    // Set by the Scheduler when it emits the event: 1, 2, … per execution,
    // in emission order. Its snapshot carries the last one given
    // ("event_sequence"), so a subscriber that takes a snapshot and then
    // forwards only later events neither loses nor repeats one. "seq" on
    // the wire.
    qint64 sequence = 0;
    // std::chrono::steady_clock at emission, in ns (CLOCK_MONOTONIC on
    // Linux, comparable across processes): delivery-latency measurements.
    qint64 emittedNs = 0;

    // "node_started", ...
    QString typeName() const;
    QJsonObject toJson() const;
};

// ISO-8601 UTC with milliseconds, "2024-01-13T10:00:00.000Z".
QString isoTimestamp(qint64 msSinceEpoch);

} // namespace hm::engine

Q_DECLARE_METATYPE(hm::engine::EngineEvent)
