#include "server/services/fleet/NodeJson.h"

#include "server/api/AuthCommon.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hm::server::fleet {

namespace {

QJsonArray jsonArrayOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue countOrNull(qint64 value)
{
    return value > 0 ? QJsonValue(double(value)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject nodeJson(const repositories::NodeRow &row, bool online)
{
    const QJsonArray labels = jsonArrayOf(row.labels);
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
        {QStringLiteral("fingerprint"), textOrNull(row.fingerprint)},
        {QStringLiteral("ip"), textOrNull(row.facts.ip)},
        {QStringLiteral("os"), textOrNull(row.facts.os)},
        {QStringLiteral("arch"), textOrNull(row.facts.arch)},
        {QStringLiteral("cpu_cores"), countOrNull(row.facts.cpuCores)},
        {QStringLiteral("cpu_model"), textOrNull(row.facts.cpuModel)},
        {QStringLiteral("memory_total"), countOrNull(row.facts.memoryTotal)},
        {QStringLiteral("disk_total"), countOrNull(row.facts.diskTotal)},
        {QStringLiteral("system_info"), textOrNull(row.facts.systemInfo)},
        {QStringLiteral("agent_version"), textOrNull(row.facts.agentVersion)},
        {QStringLiteral("capabilities"), jsonArrayOf(row.facts.capabilities)},
        {QStringLiteral("last_seq"), row.lastSeq},
        {QStringLiteral("last_heartbeat"), auth::isoOrNull(row.lastSeenAt.value_or(0))},
        {QStringLiteral("enrolled_at"), auth::isoOrNull(row.enrolledAt.value_or(0))},
        {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
    };
}

} // namespace hm::server::fleet
