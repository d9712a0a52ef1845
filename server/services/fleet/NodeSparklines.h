#pragma once

// The Nodes list's sparklines (console.md "Fleet: Nodes and Alerts";
// docs/api.md "Nodes", GET /nodes/sparklines): per node the last 15 minutes
// of CPU %, memory % and disk % (the root mount: disk_used / disk_total, as
// the agent reports them) in 30 buckets of 30 seconds, each the average of
// the reports in it.
//
// Kept in memory, a ring of 30 buckets per node (about 1 KB): a node's ring
// is filled from its raw minutes in the database the first time a console
// asks for it, then follows the stored reports, so a warm page of 100 nodes
// reads no history at all. Reports already in what was read (the same
// sequence number or lower) are not counted twice. Server thread.

#include "common/Result.h"
#include "fleet/AgentProtocol.h"
#include "server/repositories/MetricHistoryRepository.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <array>
#include <functional>

namespace hm::store {
class Database;
}

namespace hm::server::fleet {

// What the Nodes list shows of one report; -1 where the report lacks it.
struct ListPercents
{
    double cpu = -1;
    double memory = -1; // memory_used / memory_total
    double disk = -1;   // disk_used / disk_total (the root mount)
    bool isEmpty() const { return cpu < 0 && memory < 0 && disk < 0; }
};
ListPercents listPercents(const QList<hm::fleet::MetricValue> &metrics);

class NodeSparklines final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPoints = 30;
    static constexpr qint64 kStepMs = 30 * 1000;

    // One node's series, oldest first; -1 where no report fell in a bucket.
    struct Series
    {
        QString nodeId;
        std::array<double, kPoints> cpu;
        std::array<double, kPoints> memory;
        std::array<double, kPoints> disk;
    };

    // Reads a node's raw minutes in [from, to] (MetricHistory::minutes():
    // the stored ones with what memory holds over them).
    using MinutesReader = std::function<Result<QList<repositories::MetricBlob>>(
        const QString &nodeId, qint64 from, qint64 to)>;
    explicit NodeSparklines(MinutesReader minutes, QObject *parent = nullptr);
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    // A stored report (FleetService::reportStored).
    void noteReport(const QString &nodeId, const hm::fleet::ReportMessage &report);
    // The node is deleted or enrols anew: its history is gone.
    void forget(const QString &nodeId);

    // The series of these nodes (the caller checked they exist), ending
    // with the bucket that holds now; `*endMs` is that bucket's start.
    Result<QList<Series>> series(const QStringList &nodeIds, qint64 *endMs);

private:
    struct Bucket
    {
        qint64 index = -1; // timeMs / kStepMs of what is summed here
        double sum[3] = {0, 0, 0};
        int count[3] = {0, 0, 0};
    };
    struct Ring
    {
        bool loaded = false;
        qint64 lastSeq = 0; // what the database read held
        std::array<Bucket, kPoints> buckets;
    };

    Status load(const QString &nodeId, Ring &ring, qint64 nowMs);
    static void add(Ring &ring, qint64 timeMs, const ListPercents &values);
    qint64 now() const;

    MinutesReader m_minutes;
    std::function<qint64()> m_now;
    QHash<QString, Ring> m_rings;
};

} // namespace hm::server::fleet
