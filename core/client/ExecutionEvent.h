#pragma once

#include <QJsonObject>
#include <QString>

namespace hm::client {

// One event message of /ws/executions/{id} (seed 003 §7.3; the server writes
// them with engine::EngineEvent::toJson), read once here so that the viewer
// does not read messages by field name. Fields a type does not carry keep
// their defaults. toJson() writes the server's shape back: TestClientRows
// holds fromJson -> toJson against the engine's own writer and against what
// a real server sends.
struct ExecutionEvent
{
    enum class Type
    {
        Unknown, // a type this client does not know (typeName says which)
        ExecutionQueued,
        ExecutionStarted,
        NodeStarted,
        NodeCompleted,
        NodeFailed,
        ExecutionCompleted,
        ExecutionCancelled,
    };

    Type type = Type::Unknown;
    QString typeName;
    QString executionId;
    qint64 timestampMs = 0; // 0: none
    qint64 seq = 0;         // 0: unnumbered

    QString flowId;      // execution_started, execution_queued
    QString flowVersion; // execution_started, execution_queued
    int queuePosition = 0;

    QString nodeId;         // node_*
    QString component;      // node_started
    int attempt = 0;        // node_*
    qint64 durationMs = -1; // node_completed; total_duration_ms of execution_completed
    bool willRetry = false; // node_failed

    QString status;        // execution_completed: completed | failed
    bool hasError = false; // node_failed, a failed execution_completed
    QString errorCode;
    QString errorMessage;

    QString reason;      // execution_cancelled
    QString cancelledBy; // execution_cancelled
    QString message;     // execution_cancelled, when the server says more
    bool killed = false; // execution_cancelled

    static ExecutionEvent fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
};

} // namespace hm::client
