#pragma once

#include <QJsonObject>
#include <QString>

namespace hm::server::ws {

// The data of seed 001's "system_status" message for this host:
// {cpu_usage, memory_usage, disk_usage (percentages, one decimal),
// network_traffic {bytes_sent, bytes_recv}} plus memory and disk totals.
// CPU usage is the busy share since the previous sample (since boot for the
// first); disk is the filesystem of the data directory; network counts
// every interface but loopback, cumulative since boot. Linux reads /proc;
// elsewhere the /proc values are null.
class SystemStatusSampler
{
public:
    explicit SystemStatusSampler(QString dataDir) : m_dataDir(std::move(dataDir)) {}

    QJsonObject sample();

private:
    QString m_dataDir;
    quint64 m_lastBusy = 0;
    quint64 m_lastTotal = 0;
};

} // namespace hm::server::ws
