#include "server/services/system/ClusterStatus.h"

#include "common/IsoTime.h"
#include "hivemind/Version.h"
#include "server/services/system/ServedFeatures.h"

#include <QFile>
#include <QJsonArray>
#include <QSysInfo>
#include <QThread>
#include <cmath>

namespace hm::server {

QJsonValue loadPerCore()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QJsonValue::Null;
    bool ok = false;
    const double oneMinute = file.readAll().simplified().split(' ').value(0).toDouble(&ok);
    const int cores = QThread::idealThreadCount();
    if (!ok || cores < 1)
        return QJsonValue::Null;
    // Two decimals, as the seed shows it: a ratio, not a measurement.
    return std::round(oneMinute / cores * 100.0) / 100.0;
}

QJsonObject clusterStatus(const QUrl &ownUrl, qint64 uptimeMs)
{
    // The node is named after its host: the one name that stays the same
    // across restarts and that an operator recognises.
    QString nodeId = QSysInfo::machineHostName();
    if (nodeId.isEmpty())
        nodeId = QStringLiteral("hivemind-server");
    const QString now = isoUtcNowMs();
    const int defaultPort = ownUrl.scheme() == QLatin1String("https") ? 443 : 80;
    const QJsonObject node{
        {QStringLiteral("id"), nodeId},
        {QStringLiteral("host"), ownUrl.host()},
        {QStringLiteral("port"), ownUrl.port(defaultPort)},
        {QStringLiteral("status"), QStringLiteral("healthy")},
        {QStringLiteral("last_heartbeat"), now},
        {QStringLiteral("load_factor"), loadPerCore()},
        {QStringLiteral("capabilities"), QJsonArray::fromStringList(servedFeatures())},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("version"), QString::fromLatin1(version::kVersion)},
                     {QStringLiteral("api_version"), QString::fromLatin1(version::kApiVersion)},
                     {QStringLiteral("qt_version"), QString::fromLatin1(qVersion())},
                     {QStringLiteral("uptime_seconds"), uptimeMs / 1000}}}};
    return {{QStringLiteral("current_node_id"), nodeId},
            {QStringLiteral("is_leader"), true},
            {QStringLiteral("total_nodes"), 1},
            {QStringLiteral("healthy_nodes"), 1},
            {QStringLiteral("nodes"), QJsonArray{node}},
            {QStringLiteral("services"),
             QJsonObject{{QStringLiteral("hivemind-server"),
                          QJsonObject{{QStringLiteral("nodes"), QJsonArray{nodeId}},
                                      {QStringLiteral("metadata"), QJsonObject{}},
                                      {QStringLiteral("last_updated"), now}}}}},
            {QStringLiteral("load_balancer"),
             QJsonObject{{QStringLiteral("strategy"), QStringLiteral("single")},
                         {QStringLiteral("node_weights"), QJsonObject{{nodeId, 1}}}}}};
}

} // namespace hm::server
