#include "client/ExecutionEvent.h"

#include "common/IsoTime.h"

#include <QDateTime>

namespace hm::client {

namespace {

using Type = ExecutionEvent::Type;

struct TypeName
{
    Type type;
    const char *name;
};

constexpr TypeName kTypeNames[] = {
    {Type::ExecutionQueued, "execution_queued"},
    {Type::ExecutionStarted, "execution_started"},
    {Type::NodeStarted, "node_started"},
    {Type::NodeCompleted, "node_completed"},
    {Type::NodeFailed, "node_failed"},
    {Type::ExecutionCompleted, "execution_completed"},
    {Type::ExecutionCancelled, "execution_cancelled"},
};

Type typeOf(const QString &name)
{
    for (const TypeName &t : kTypeNames) {
        if (name == QLatin1String(t.name))
            return t.type;
    }
    return Type::Unknown;
}

qint64 msOf(const QJsonValue &value)
{
    if (!value.isString())
        return 0;
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

} // namespace

ExecutionEvent ExecutionEvent::fromJson(const QJsonObject &o)
{
    ExecutionEvent e;
    e.typeName = o.value(QStringLiteral("type")).toString();
    e.type = typeOf(e.typeName);
    e.executionId = o.value(QStringLiteral("execution_id")).toString();
    e.timestampMs = msOf(o.value(QStringLiteral("timestamp")));
    e.seq = o.value(QStringLiteral("seq")).toInteger();
    e.flowId = o.value(QStringLiteral("flow_id")).toString();
    e.flowVersion = o.value(QStringLiteral("flow_version")).toString();
    e.queuePosition = o.value(QStringLiteral("queue_position")).toInt();
    e.nodeId = o.value(QStringLiteral("node_id")).toString();
    e.component = o.value(QStringLiteral("component")).toString();
    e.attempt = o.value(QStringLiteral("attempt")).toInt();
    const QJsonValue duration = o.contains(QStringLiteral("total_duration_ms"))
                                    ? o.value(QStringLiteral("total_duration_ms"))
                                    : o.value(QStringLiteral("duration_ms"));
    e.durationMs = duration.toInteger(-1);
    e.willRetry = o.value(QStringLiteral("will_retry")).toBool();
    e.status = o.value(QStringLiteral("status")).toString();
    const QJsonValue error = o.value(QStringLiteral("error"));
    e.hasError = error.isObject();
    e.errorCode = error.toObject().value(QStringLiteral("code")).toString();
    e.errorMessage = error.toObject().value(QStringLiteral("message")).toString();
    e.reason = o.value(QStringLiteral("reason")).toString();
    e.cancelledBy = o.value(QStringLiteral("cancelled_by")).toString();
    e.message = o.value(QStringLiteral("message")).toString();
    e.killed = o.value(QStringLiteral("killed")).toBool();
    return e;
}

QJsonObject ExecutionEvent::toJson() const
{
    QJsonObject json{{QStringLiteral("type"), typeName},
                     {QStringLiteral("execution_id"), executionId},
                     {QStringLiteral("timestamp"), formatIsoUtcMs(timestampMs)}};
    if (seq > 0)
        json.insert(QStringLiteral("seq"), seq);
    const QJsonObject error{{QStringLiteral("code"), errorCode},
                            {QStringLiteral("message"), errorMessage}};
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
        json.insert(QStringLiteral("error"), error);
        json.insert(QStringLiteral("attempt"), attempt);
        json.insert(QStringLiteral("will_retry"), willRetry);
        break;
    case Type::ExecutionCompleted:
        json.insert(QStringLiteral("status"), status);
        json.insert(QStringLiteral("total_duration_ms"), durationMs);
        if (hasError)
            json.insert(QStringLiteral("error"), error);
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
    case Type::Unknown:
        break;
    }
    return json;
}

} // namespace hm::client
