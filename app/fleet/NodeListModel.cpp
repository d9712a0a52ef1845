#include "fleet/NodeListModel.h"

#include "client/ApiClient.h"
#include "client/NodesApi.h"
#include "fleet/NodeText.h"
#include "widgets/DateTimeText.h"

#include <QLocale>

namespace hm::app {

NodeListModel::NodeListModel(QObject *parent) : RemoteList(ColumnCount, {}, parent) {}

void NodeListModel::setSearch(const QString &search)
{
    if (m_filter.search == search)
        return;
    m_filter.search = search;
    reload();
}

void NodeListModel::setLabelFilter(const QString &label)
{
    if (m_filter.label == label)
        return;
    m_filter.label = label;
    reload();
}

void NodeListModel::requestPage(client::ApiClient &client, int page, int size, PageCallback done)
{
    client::NodeFilter filter = m_filter;
    filter.page = client::PageRequest{page, size};
    client::NodesApi(client).list(filter, std::move(done));
}

bool NodeListModel::sortsBefore(const client::NodeRow &a, const client::NodeRow &b) const
{
    // The server's ORDER BY name COLLATE NOCASE, id (ASCII case folding).
    const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
    return byName != 0 ? byName < 0 : a.id < b.id;
}

bool NodeListModel::matches(const client::NodeRow &node) const
{
    if (!m_filter.label.isEmpty() && !node.labels.contains(m_filter.label))
        return false;
    if (m_filter.search.isEmpty())
        return true;
    return node.name.contains(m_filter.search, Qt::CaseInsensitive) ||
           node.description.contains(m_filter.search, Qt::CaseInsensitive) ||
           node.ip.contains(m_filter.search, Qt::CaseInsensitive);
}

void NodeListModel::upsert(const client::NodeRow &node)
{
    const int row = rowOf(node.id);
    if (row >= 0) {
        if (!matches(node))
            return removeItem(row);
        const bool renamed = item(row)->name != node.name;
        if (!renamed)
            return replaceItem(row, node);
        // A new name moves the row to its place in the server's order.
        removeItem(row);
    } else if (!matches(node)) {
        return;
    }
    const int place = placeOf(node);
    // Behind the loaded rows while pages remain, its page will bring it.
    if (place == rowCount() && hasMore()) {
        adjustTotal(1);
        return;
    }
    insertItem(place, node, true);
}

void NodeListModel::remove(const QString &id)
{
    if (const int row = rowOf(id); row >= 0)
        removeItem(row);
}

void NodeListModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (state() != State::Ready) // a page on its way will have it
        return;
    const QString id = data.value(QStringLiteral("node_id")).toString();
    if (id.isEmpty())
        return;
    if (type == QLatin1String("node_deleted"))
        return remove(id);
    if (type != QLatin1String("node_created") && type != QLatin1String("node_updated") &&
        type != QLatin1String("node_status"))
        return;
    const client::NodeRow node = client::json::node(data.value(QStringLiteral("node")).toObject());
    if (node.id == id)
        upsert(node);
}

void NodeListModel::refreshLastSeen()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, LastSeenColumn), index(rowCount() - 1, LastSeenColumn),
                         {Qt::DisplayRole});
}

QVariant NodeListModel::cellData(const client::NodeRow &n, int column, int role) const
{
    switch (role) {
    case NodeIdRole:
        return n.id;
    case StatusNameRole:
        return n.status;
    case StatusColourRole:
        return NodeText::statusColour(n.status);
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return n.name;
        case StatusColumn:
            return NodeText::status(n.status);
        case AddressColumn:
            return n.ip;
        case SystemColumn:
            if (n.os.isEmpty() || n.arch.isEmpty())
                return n.os.isEmpty() ? n.arch : n.os;
            return tr("%1 / %2").arg(n.os, n.arch);
        case CpuColumn:
            return n.cpuCores > 0 ? QLocale().toString(n.cpuCores) : QString();
        case MemoryColumn:
            return NodeText::bytes(n.memoryTotal);
        case AgentColumn:
            return n.agentVersion;
        case LastSeenColumn:
            return NodeText::ago(n.lastHeartbeat,
                                 m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(),
                                 n.enrolled ? tr("Never") : QString());
        case LabelsColumn:
            return n.labels.join(QStringLiteral(", "));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == LastSeenColumn && n.lastHeartbeat.isValid())
            return dateTimeTextWithSeconds(n.lastHeartbeat);
        if (column == NameColumn && !n.description.isEmpty())
            return n.description;
        return {};
    case Qt::DecorationRole:
        // A dot beside the status word (never the colour alone).
        if (column == StatusColumn)
            return NodeText::statusDot(n.status);
        return {};
    case Qt::TextAlignmentRole:
        if (column == CpuColumn || column == MemoryColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant NodeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case AddressColumn:
        return tr("Address");
    case SystemColumn:
        return tr("OS / arch");
    case CpuColumn:
        return tr("CPU cores");
    case MemoryColumn:
        return tr("Memory");
    case AgentColumn:
        return tr("Agent version");
    case LastSeenColumn:
        return tr("Last seen");
    case LabelsColumn:
        return tr("Labels");
    default:
        return {};
    }
}

} // namespace hm::app
