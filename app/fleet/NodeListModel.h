#pragma once

#include "client/NodeTypes.h"
#include "fleet/NodeSparkSeries.h"
#include "widgets/RemoteListModel.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>

namespace hm::app {

// The Nodes list: a lazy, paged remote model over GET /nodes in the
// server's order (name, any case). Search and the label filter are the
// server's (a change asks again from page 1); /ws/events' node_created,
// node_updated, node_status and node_deleted change the loaded rows in
// place, without a reload, so selection and scroll position stay.
// CPU, memory and disk are sparklines of the last 15 minutes: each page's
// nodes' series come from GET /nodes/sparklines as the page loads, and
// node_metrics batches extend them (dataChanged for those cells and "Last
// seen" of the rows in the batch only; never a reset).
class NodeListModel final : public RemoteList<client::NodeRow>
{
    Q_OBJECT

public:
    // The design's order (console.md): status, name, labels, OS, the three
    // sparklines, last seen, capabilities; then address and agent.
    enum Column
    {
        StatusColumn,
        NameColumn,
        LabelsColumn,
        SystemColumn, // OS / arch
        CpuColumn,    // sparklines: CPU, memory, disk (%)
        MemoryColumn,
        DiskColumn,
        LastSeenColumn,
        CapabilitiesColumn,
        AddressColumn,
        AgentColumn,
        ColumnCount
    };
    enum Role
    {
        NodeIdRole = Qt::UserRole + 1,
        StatusNameRole,   // "online" / "offline" / "pending"
        StatusColourRole, // the colour of the status dot (QColor)
        SparklineRole,    // CPU/Memory/Disk: QList<double>, oldest first, -1 = none
        CurrentValueRole, // CPU/Memory/Disk: the newest percentage (double, -1 = none)
        LabelsRole,       // QStringList
        CapabilitiesRole, // QStringList ("metrics", "probes")
    };

    explicit NodeListModel(QObject *parent = nullptr);

    void setSearch(const QString &search);
    void setLabelFilter(const QString &label);
    QString search() const { return m_filter.search; }
    QString labelFilter() const { return m_filter.label; }
    bool isFiltered() const { return !m_filter.search.isEmpty() || !m_filter.label.isEmpty(); }

    const client::NodeRow *node(int row) const { return item(row); }
    // A node as the server now has it (created or changed here, or by an
    // event): its row changes, goes to its place, or leaves when it no
    // longer matches the filters.
    void upsert(const client::NodeRow &node);
    void remove(const QString &id);
    // A /ws/events message; anything but the node_* types is ignored.
    void applyEvent(const QString &type, const QJsonObject &data);
    // GET /nodes/sparklines' answer: the series of the rows it names.
    void applySparklines(const client::NodeSparklines &sparklines);
    // A node_metrics batch: the named rows' series move on.
    void applyLiveValues(const QList<client::NodeLiveValues> &values);
    // "Last seen" is relative: the view reads it again (a timer calls this).
    void refreshLastSeen();
    // The time "Last seen" counts from; the current time when invalid (tests).
    void setNow(const QDateTime &now) { m_now = now; }

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Whether `column` holds numbers: right-aligned, its header too.
    static bool isNumber(int column);

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QString idOf(const client::NodeRow &node) const override { return node.id; }
    QVariant cellData(const client::NodeRow &node, int column, int role) const override;
    bool sortsBefore(const client::NodeRow &a, const client::NodeRow &b) const override;
    void updateFromPage(int row, const client::NodeRow &node) override { replaceItem(row, node); }
    bool matches(const client::NodeRow &node) const;
    void requestSparklines(client::ApiClient &client, const QStringList &ids);
    // Row of each loaded node, for a batch (one pass, not one per node).
    QHash<QString, int> rowsById() const;

    struct Sparks
    {
        NodeSparkSeries cpu;
        NodeSparkSeries memory;
        NodeSparkSeries disk;
    };
    const NodeSparkSeries *seriesOf(const QString &id, int column) const;

    client::NodeFilter m_filter;
    QDateTime m_now;
    QHash<QString, Sparks> m_sparks; // by node id
};

} // namespace hm::app
