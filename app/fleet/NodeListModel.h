#pragma once

#include "client/NodeTypes.h"
#include "widgets/RemoteListModel.h"

#include <QDateTime>
#include <QJsonObject>

namespace hm::app {

// The Nodes list: a lazy, paged remote model over GET /nodes in the
// server's order (name, any case). Search and the label filter are the
// server's (a change asks again from page 1); /ws/events' node_created,
// node_updated, node_status and node_deleted change the loaded rows in
// place, without a reload, so selection and scroll position stay.
class NodeListModel final : public RemoteList<client::NodeRow>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        AddressColumn,
        SystemColumn, // OS / arch
        CpuColumn,
        MemoryColumn,
        AgentColumn,
        LastSeenColumn,
        LabelsColumn,
        ColumnCount
    };
    enum Role
    {
        NodeIdRole = Qt::UserRole + 1,
        StatusNameRole,   // "online" / "offline" / "pending"
        StatusColourRole, // the colour of the status dot (QColor)
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
    // "Last seen" is relative: the view reads it again (a timer calls this).
    void refreshLastSeen();
    // The time "Last seen" counts from; the current time when invalid (tests).
    void setNow(const QDateTime &now) { m_now = now; }

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QString idOf(const client::NodeRow &node) const override { return node.id; }
    QVariant cellData(const client::NodeRow &node, int column, int role) const override;
    bool sortsBefore(const client::NodeRow &a, const client::NodeRow &b) const override;
    void updateFromPage(int row, const client::NodeRow &node) override { replaceItem(row, node); }
    bool matches(const client::NodeRow &node) const;

    client::NodeFilter m_filter;
    QDateTime m_now;
};

} // namespace hm::app
