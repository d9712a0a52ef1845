#pragma once

// The fleet at a glance for the Dashboard (GET /nodes/summary; seed 000's
// node statistics, seed 001's monitoring dashboard): how many nodes are
// online, offline and waiting to enrol, the averages over the online ones'
// latest reports and the top consumers of CPU, memory, disk and network.
// The latest values are kept in memory as reports are stored (a few
// numbers per node), so the answer costs one COUNT and no history read;
// after a restart they fill in with each agent's next report. Server thread.

#include "common/Result.h"
#include "fleet/AgentProtocol.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::fleet {

class FleetSummary final : public QObject
{
    Q_OBJECT
public:
    // `online`: the nodes whose agent is connected now (the fleet
    // service's set, which outlives this).
    FleetSummary(store::Database &db, const QSet<QString> &online, QObject *parent = nullptr);

    // A stored report's values become the node's latest.
    void noteReport(const QString &nodeId, const hm::fleet::ReportMessage &report);
    // The node is gone (deleted, key revoked).
    void forget(const QString &nodeId);

    // {total, online, offline, pending, reporting, averages: {cpu_usage,
    // memory_percent, disk_percent, load_avg_1}, network: {in, out} (bytes/s
    // summed over the fleet), top: {cpu_usage, memory_percent, disk_percent,
    // network: [{node_id, name, value}]}}; averages are null while no online
    // node has reported one. `topCount` is 0 to kMaxTop.
    Result<QJsonObject> summary(int topCount = 5) const;

    static constexpr int kMaxTop = 20;

    // -1: not reported.
    struct Latest
    {
        qint64 timeMs = 0;
        double cpu = -1;
        double memory = -1; // percent of memory_total
        double disk = -1;   // percent of disk_total
        double load1 = -1;
        double networkIn = -1;
        double networkOut = -1;
        double uptime = -1; // seconds since the host booted
        double load5 = -1;
        double load15 = -1;
        double memoryTotal = -1; // bytes
        double memoryUsed = -1;
        double diskTotal = -1; // bytes, the root mount
        double diskUsed = -1;
        double diskReadBps = -1;
        double diskWriteBps = -1;
    };
    // The node's latest values (the public status page); nullopt while it
    // has not reported since the server started.
    std::optional<Latest> latest(const QString &nodeId) const;
    // The latest values of every node online now that reported since the
    // server started (seed 001's monitoring dashboard adds them up).
    QHash<QString, Latest> onlineLatest() const;

private:
    store::Database &m_db;
    const QSet<QString> &m_online;
    QHash<QString, Latest> m_latest;
};

} // namespace hm::server::fleet
