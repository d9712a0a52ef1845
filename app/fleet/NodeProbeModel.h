#pragma once

#include "client/ProbeTypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <optional>

namespace hm::client {
struct NodeMetrics;
struct NodeRow;
} // namespace hm::client

namespace hm::app {

// The probes that run on one node and what each found last (node detail,
// "Probes"): a probe's results are the node's metrics `probe.<id>.up`,
// `.latency_ms`, `.status`, `.cert_days` and `.fallback`
// (docs/agent-protocol.md). setProbes() keeps those covering the node;
// addResults() reads the newest value of each from a history answer.
class NodeProbeModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        KindColumn,
        TargetColumn,
        ResultColumn,
        LatencyColumn,
        CertificateColumn,
        CheckedColumn,
        ColumnCount
    };
    enum Role
    {
        ProbeIdRole = Qt::UserRole + 1,
    };
    struct Result
    {
        std::optional<bool> up;
        std::optional<double> latencyMs;
        std::optional<int> httpStatus;
        std::optional<double> certificateDays;
        bool fallback = false; // ICMP answered by the TCP fallback
        QDateTime checkedAt;   // the report that carried `up`
    };

    explicit NodeProbeModel(QObject *parent = nullptr);

    // Does the probe run on the node (enabled, and its scope covers it)?
    static bool covers(const client::ProbeRow &probe, const client::NodeRow &node);
    // The probes covering `node`, by name; their results are cleared.
    void setProbes(const QList<client::ProbeRow> &probes, const client::NodeRow &node);
    void clear();
    // The metric names a history query asks for, for the probes [from, to).
    QStringList metricNames(int from, int to) const;
    // Takes the newest value of each probe metric in `history` that is
    // newer than what the row has.
    void addResults(const client::NodeMetrics &history);
    // "Checked" is relative: the view reads it again (a timer calls this).
    void refreshTimes();
    void setNow(const QDateTime &now) { m_now = now; } // tests; invalid: the clock

    const client::ProbeRow *probe(int row) const;
    const Result *result(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<client::ProbeRow> m_probes;
    QList<Result> m_results;
    QHash<QString, int> m_rowOf; // probe id -> row
    QDateTime m_now;
};

} // namespace hm::app
