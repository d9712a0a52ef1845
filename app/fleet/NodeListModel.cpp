#include "fleet/NodeListModel.h"

#include "client/ApiClient.h"
#include "client/NodesApi.h"
#include "client/Within.h"
#include "fleet/NodeText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"
#include "widgets/MissingValue.h"

#include <QLocale>
#include <QPointer>

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
    // The page's enrolled nodes' sparklines follow the page (one call of
    // at most a page's ids; pending nodes have nothing to draw).
    client::NodesApi(client).list(
        filter,
        [this, guard = QPointer<NodeListModel>(this), api = QPointer<client::ApiClient>(&client),
         done = std::move(done)](Result<client::Page<client::NodeRow>> r) {
            QStringList ids;
            if (r) {
                for (const client::NodeRow &node : r->items) {
                    if (node.enrolled)
                        ids << node.id;
                }
            }
            done(std::move(r));
            if (guard && api && !ids.isEmpty())
                requestSparklines(*api, ids);
        });
}

void NodeListModel::requestSparklines(client::ApiClient &client, const QStringList &ids)
{
    client::NodesApi(client).sparklines(
        ids, client::within(this, [this](Result<client::NodeSparklines> r) {
            // Without them the cells show no data; the live values fill in.
            if (r)
                applySparklines(*r);
        }));
}

QHash<QString, int> NodeListModel::rowsById() const
{
    QHash<QString, int> rows;
    rows.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row)
        rows.insert(item(row)->id, row);
    return rows;
}

void NodeListModel::applySparklines(const client::NodeSparklines &sparklines)
{
    const qint64 endMs = sparklines.end.toMSecsSinceEpoch();
    const QHash<QString, int> rows = rowsById();
    for (const client::NodeSparkline &line : sparklines.items) {
        Sparks &sparks = m_sparks[line.nodeId];
        sparks.cpu.setSeries(endMs, line.cpu);
        sparks.memory.setSeries(endMs, line.memory);
        sparks.disk.setSeries(endMs, line.disk);
        if (const auto row = rows.constFind(line.nodeId); row != rows.cend())
            emit dataChanged(index(*row, CpuColumn), index(*row, DiskColumn),
                             {Qt::DisplayRole, SparklineRole, CurrentValueRole});
    }
}

void NodeListModel::applyLiveValues(const QList<client::NodeLiveValues> &values)
{
    const QHash<QString, int> rows = rowsById();
    for (const client::NodeLiveValues &v : values) {
        const auto row = rows.constFind(v.nodeId);
        // Rows not loaded yet get their series with their page.
        if (row == rows.cend())
            continue;
        const qint64 at = v.time.toMSecsSinceEpoch();
        Sparks &sparks = m_sparks[v.nodeId];
        bool changed = sparks.cpu.addLive(at, v.cpu);
        changed = sparks.memory.addLive(at, v.memory) || changed;
        changed = sparks.disk.addLive(at, v.disk) || changed;
        // It reported: "Last seen" moves on with it.
        client::NodeRow node = *item(*row);
        const bool seen = v.time.isValid() && v.time > node.lastHeartbeat;
        if (seen) {
            node.lastHeartbeat = v.time;
            setItemQuietly(*row, node);
        }
        if (changed || seen)
            emit dataChanged(index(*row, changed ? CpuColumn : LastSeenColumn),
                             index(*row, seen ? LastSeenColumn : DiskColumn),
                             {Qt::DisplayRole, Qt::ToolTipRole, SparklineRole, CurrentValueRole});
    }
}

const NodeSparkSeries *NodeListModel::seriesOf(const QString &id, int column) const
{
    const auto it = m_sparks.constFind(id);
    if (it == m_sparks.cend())
        return nullptr;
    return column == CpuColumn ? &it->cpu : column == MemoryColumn ? &it->memory : &it->disk;
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
    m_sparks.remove(id);
    if (const int row = rowOf(id); row >= 0)
        removeItem(row);
}

void NodeListModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (state() != State::Ready) // a page on its way will have it
        return;
    if (type == QLatin1String("node_metrics"))
        return applyLiveValues(client::json::nodeMetricsBatch(data));
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
    const bool spark = column == CpuColumn || column == MemoryColumn || column == DiskColumn;
    switch (role) {
    case NodeIdRole:
        return n.id;
    case StatusNameRole:
        return n.status;
    case StatusColourRole:
        return NodeText::statusColour(n.status);
    case LabelsRole:
        return n.labels;
    case CapabilitiesRole:
        return n.capabilities;
    case SparklineRole:
        if (const NodeSparkSeries *series = spark ? seriesOf(n.id, column) : nullptr)
            return QVariant::fromValue(series->points());
        return {};
    case CurrentValueRole:
        if (const NodeSparkSeries *series = spark ? seriesOf(n.id, column) : nullptr)
            return series->current();
        return spark ? QVariant(-1.0) : QVariant();
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return n.name;
        case StatusColumn:
            return NodeText::status(n.status);
        case AddressColumn:
            return orMissing(n.ip);
        case SystemColumn:
            // The architecture is in the tooltip (and the details).
            return orMissing(n.os.isEmpty() ? n.arch : n.os);
        case CpuColumn:
        case MemoryColumn:
        case DiskColumn: {
            const NodeSparkSeries *series = seriesOf(n.id, column);
            return series && series->current() >= 0 ? NodeText::percent(series->current())
                                                    : QString();
        }
        case AgentColumn:
            return orMissing(n.agentVersion);
        case LastSeenColumn:
            return NodeText::ago(n.lastHeartbeat,
                                 m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(),
                                 n.enrolled ? tr("Never") : missingValue());
        case LabelsColumn:
            return n.labels.join(QStringLiteral(", "));
        case CapabilitiesColumn: {
            QStringList names;
            for (const QString &capability : n.capabilities)
                names << NodeText::capability(capability);
            return names.join(QStringLiteral(", "));
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (column) {
        case LastSeenColumn:
            return n.lastHeartbeat.isValid() ? dateTimeTextWithSeconds(n.lastHeartbeat)
                                             : QVariant();
        case NameColumn:
            return n.description.isEmpty() ? QVariant() : n.description;
        case SystemColumn:
            if (n.os.isEmpty() || n.arch.isEmpty())
                return QVariant();
            return tr("%1 / %2").arg(n.os, n.arch);
        case CpuColumn: {
            // The facts that left the list's columns, where they are asked for.
            if (n.cpuCores <= 0)
                return tr("CPU use, the last 15 minutes");
            QString tip = tr("CPU use, the last 15 minutes: %n core(s)", "", n.cpuCores);
            if (!n.cpuModel.isEmpty())
                tip += QStringLiteral(" · ") + n.cpuModel;
            return tip;
        }
        case MemoryColumn:
            return n.memoryTotal > 0 ? tr("Memory use, the last 15 minutes: of %1")
                                           .arg(NodeText::bytes(n.memoryTotal))
                                     : tr("Memory use, the last 15 minutes");
        case DiskColumn:
            return n.diskTotal > 0 ? tr("Root file system use, the last 15 minutes: of %1")
                                         .arg(NodeText::bytes(n.diskTotal))
                                   : tr("Root file system use, the last 15 minutes");
        case CapabilitiesColumn: {
            QStringList lines;
            for (const QString &capability : n.capabilities)
                lines << NodeText::capability(capability);
            return lines.isEmpty() ? QVariant() : lines.join(u'\n');
        }
        default:
            return {};
        }
    case Qt::DecorationRole:
        // A dot beside the status word (never the colour alone).
        if (column == StatusColumn)
            return NodeText::statusDot(n.status);
        return {};
    case Qt::TextAlignmentRole:
        return columnAlignment(isNumber(column));
    default:
        return {};
    }
}

bool NodeListModel::isNumber(int column)
{
    // The sparklines' columns end in the current value, drawn on the right.
    return column == CpuColumn || column == MemoryColumn || column == DiskColumn;
}

QVariant NodeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return columnAlignment(isNumber(section));
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
        return tr("OS");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case DiskColumn:
        return tr("Disk");
    case CapabilitiesColumn:
        return tr("Capabilities");
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
