#include "engine/EngineEvent.h"

#include "common/IsoTime.h"

#include <QDateTime>

namespace hm::engine {

QString isoTimestamp(qint64 msSinceEpoch)
{
    return formatIsoUtcMs(msSinceEpoch);
}

QString EngineEvent::typeName() const
{
    switch (type) {
    case Type::ExecutionStarted:
        return QStringLiteral("execution_started");
    case Type::NodeStarted:
        return QStringLiteral("node_started");
    case Type::NodeCompleted:
        return QStringLiteral("node_completed");
    case Type::NodeFailed:
        return QStringLiteral("node_failed");
    case Type::ExecutionCompleted:
        return QStringLiteral("execution_completed");
    case Type::ExecutionCancelled:
        return QStringLiteral("execution_cancelled");
    case Type::ExecutionQueued:
        return QStringLiteral("execution_queued");
    }
    return {};
}

QJsonObject EngineEvent::toJson() const
{
    QJsonObject json{{QStringLiteral("type"), typeName()},
                     {QStringLiteral("execution_id"), executionId},
                     {QStringLiteral("timestamp"), isoTimestamp(timestampMs)}};
    if (sequence > 0)
        json.insert(QStringLiteral("seq"), sequence);
    auto errorJson = [this] {
        return QJsonObject{{QStringLiteral("code"), error.codeName()},
                           {QStringLiteral("message"), error.message}};
    };
    switch (type) {
    case Type::ExecutionStarted:
        json.insert(QStringLiteral("flow_id"), flowId);
        json.insert(QStringLiteral("flow_version"), flowVersion);
        break;
    case Type::NodeStarted:
        json.insert(QStringLiteral("node_id"), nodeId);
        json.insert(QStringLiteral("component"), component);
        json.insert(QStringLiteral("attempt"), attempt);
        break;
    case Type::NodeCompleted:
        json.insert(QStringLiteral("node_id"), nodeId);
        json.insert(QStringLiteral("duration_ms"), durationMs);
        json.insert(QStringLiteral("attempt"), attempt);
        break;
    case Type::NodeFailed:
        json.insert(QStringLiteral("node_id"), nodeId);
        json.insert(QStringLiteral("error"), errorJson());
        json.insert(QStringLiteral("attempt"), attempt);
        json.insert(QStringLiteral("will_retry"), willRetry);
        break;
    case Type::ExecutionCompleted:
        json.insert(QStringLiteral("status"), status);
        json.insert(QStringLiteral("total_duration_ms"), durationMs);
        if (status == QLatin1StringView("failed"))
            json.insert(QStringLiteral("error"), errorJson());
        break;
    case Type::ExecutionCancelled:
        json.insert(QStringLiteral("reason"), reason);
        json.insert(QStringLiteral("cancelled_by"), cancelledBy);
        if (!message.isEmpty())
            json.insert(QStringLiteral("message"), message);
        if (killed)
            json.insert(QStringLiteral("killed"), true);
        break;
    case Type::ExecutionQueued:
        json.insert(QStringLiteral("flow_id"), flowId);
        json.insert(QStringLiteral("flow_version"), flowVersion);
        json.insert(QStringLiteral("queue_position"), queuePosition);
        break;
    }
    return json;
}

} // namespace hm::engine
