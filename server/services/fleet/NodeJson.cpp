#include "server/services/fleet/NodeJson.h"

#include "server/api/AuthCommon.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hm::server::fleet {

namespace {

QJsonArray nodeJsonArrayOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QJsonValue nodeTextOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue nodeCountOrNull(qint64 value)
{
    return value > 0 ? QJsonValue(double(value)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QStringList nodeLabelList(const repositories::NodeRow &row)
{
    QStringList labels;
    for (const QJsonValue label : nodeJsonArrayOf(row.labels))
        labels << label.toString();
    return labels;
}

QJsonObject nodeJson(const repositories::NodeRow &row, bool online)
{
    const QJsonArray labels = nodeJsonArrayOf(row.labels);
    QStringList tags;
    for (const QJsonValue label : labels)
        tags << label.toString();
    const QString status = !row.enrolled() ? QStringLiteral("pending")
                           : online        ? QStringLiteral("online")
                                           : QStringLiteral("offline");
    return QJsonObject{
        {QStringLiteral("id"), row.id},
        {QStringLiteral("name"), row.name},
        {QStringLiteral("description"), row.description},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("tags"), tags.join(QLatin1Char(','))},
        {QStringLiteral("status"), status},
        {QStringLiteral("online"), online && row.enrolled()},
        {QStringLiteral("enrolled"), row.enrolled()},
        {QStringLiteral("fingerprint"), nodeTextOrNull(row.fingerprint)},
        {QStringLiteral("ip"), nodeTextOrNull(row.facts.ip)},
        {QStringLiteral("os"), nodeTextOrNull(row.facts.os)},
        {QStringLiteral("arch"), nodeTextOrNull(row.facts.arch)},
        {QStringLiteral("cpu_cores"), nodeCountOrNull(row.facts.cpuCores)},
        {QStringLiteral("cpu_model"), nodeTextOrNull(row.facts.cpuModel)},
        {QStringLiteral("memory_total"), nodeCountOrNull(row.facts.memoryTotal)},
        {QStringLiteral("disk_total"), nodeCountOrNull(row.facts.diskTotal)},
        {QStringLiteral("system_info"), nodeTextOrNull(row.facts.systemInfo)},
        {QStringLiteral("agent_version"), nodeTextOrNull(row.facts.agentVersion)},
        {QStringLiteral("capabilities"), nodeJsonArrayOf(row.facts.capabilities)},
        {QStringLiteral("last_seq"), row.lastSeq},
        {QStringLiteral("last_heartbeat"), auth::isoOrNull(row.lastSeenAt.value_or(0))},
        {QStringLiteral("enrolled_at"), auth::isoOrNull(row.enrolledAt.value_or(0))},
        {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
    };
}

} // namespace hm::server::fleet
