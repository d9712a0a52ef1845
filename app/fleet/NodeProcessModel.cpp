#include "fleet/NodeProcessModel.h"

#include "fleet/NodeText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"
#include "widgets/MissingValue.h"

#include <QLocale>
#include <QSet>

namespace hm::app {

NodeProcessModel::NodeProcessModel(QObject *parent) : QAbstractTableModel(parent) {}

void NodeProcessModel::setProcesses(const QList<client::ProcessRow> &processes)
{
    QHash<qint64, int> wanted; // pid -> its row in the new order
    wanted.reserve(processes.size());
    for (int i = 0; i < processes.size(); ++i)
        wanted.insert(processes.at(i).pid, i);
    // Ended processes go, from the bottom so the rows above keep their
    // numbers.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_rows.at(row).pid))
            continue;
        int first = row;
        while (first > 0 && !wanted.contains(m_rows.at(first - 1).pid))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first;
    }
    // New ones come at the end; the move below puts them in place.
    QSet<qint64> present;
    present.reserve(m_rows.size());
    for (const client::ProcessRow &p : std::as_const(m_rows))
        present.insert(p.pid);
    QList<client::ProcessRow> added;
    for (const client::ProcessRow &p : processes)
        if (!present.contains(p.pid))
            added.append(p);
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
    // The same pids now: move each row to the server's place, persistent
    // indexes (the selection) with it.
    bool moved = false;
    for (int row = 0; row < m_rows.size() && !moved; ++row)
        moved = wanted.value(m_rows.at(row).pid) != row;
    if (moved) {
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex &index : before)
            after.append(index.isValid() ? this->index(wanted.value(m_rows.at(index.row()).pid),
                                                       index.column())
                                         : QModelIndex());
        m_rows = processes;
        changePersistentIndexList(before, after);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    } else {
        m_rows = processes;
    }
    // CPU, memory and state change on every read: the values are new.
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                         {Qt::DisplayRole, Qt::ToolTipRole});
}

void NodeProcessModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

const client::ProcessRow *NodeProcessModel::process(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int NodeProcessModel::rowOfPid(qint64 pid) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).pid == pid)
            return row;
    return -1;
}

QString NodeProcessModel::sortKey(int column)
{
    switch (column) {
    case PidColumn:
        return QStringLiteral("pid");
    case UserColumn:
        return QStringLiteral("user");
    case NameColumn:
        return QStringLiteral("name");
    case CpuColumn:
        return QStringLiteral("cpu");
    case MemoryColumn:
        return QStringLiteral("memory");
    case StartedColumn:
        return QStringLiteral("start_time");
    default:
        return {};
    }
}

int NodeProcessModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NodeProcessModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NodeProcessModel::stateText(const QString &state)
{
    if (state == u"R")
        return tr("Running");
    if (state == u"S")
        return tr("Sleeping");
    if (state == u"D")
        return tr("Waiting for I/O");
    if (state == u"Z")
        return tr("Zombie");
    if (state == u"T")
        return tr("Stopped");
    if (state == u"t")
        return tr("Traced");
    if (state == u"I")
        return tr("Idle");
    if (state == u"X" || state == u"x")
        return tr("Dead");
    return state;
}

bool NodeProcessModel::isNumber(int column)
{
    return column == PidColumn || column == CpuColumn || column == MemoryColumn;
}

QVariant NodeProcessModel::display(const client::ProcessRow &p, int column) const
{
    switch (column) {
    case PidColumn:
        return QString::number(p.pid);
    case UserColumn:
        // No name for the uid (a container's user): its number.
        return !p.user.isEmpty() ? p.user : p.uid >= 0 ? QString::number(p.uid) : missingValue();
    case NameColumn:
        return p.name;
    case CpuColumn:
        return QLocale().toString(p.cpuPercent, 'f', 1);
    case MemoryColumn:
        return NodeText::bytes(p.memoryRss);
    case StateColumn:
        return orMissing(stateText(p.state));
    case StartedColumn:
        return dateTimeText(p.startTime, QLocale::ShortFormat, TimeDetail::Minutes, missingValue());
    case CommandColumn:
        // Kernel threads have no command line: their name in brackets, as
        // ps shows them.
        return p.command.isEmpty() ? QStringLiteral("[%1]").arg(p.name) : p.command;
    default:
        return {};
    }
}

QVariant NodeProcessModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size() ||
        index.column() >= ColumnCount)
        return {};
    const client::ProcessRow &p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(p, index.column());
    case Qt::ToolTipRole:
        if (index.column() == CommandColumn || index.column() == NameColumn)
            return display(p, CommandColumn);
        if (index.column() == MemoryColumn)
            return tr("Resident %1, virtual %2")
                .arg(NodeText::bytes(p.memoryRss), NodeText::bytes(p.memoryVirtual));
        if (index.column() == StateColumn)
            return tr("%1 (%2), threads: %3")
                .arg(stateText(p.state), p.state, QLocale().toString(p.threads));
        if (index.column() == PidColumn)
            return tr("Process %1, parent %2").arg(p.pid).arg(p.ppid);
        return {};
    case Qt::TextAlignmentRole:
        return columnAlignment(isNumber(index.column()));
    case PidRole:
        return p.pid;
    default:
        return {};
    }
}

QVariant NodeProcessModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return columnAlignment(isNumber(section));
    if (role == Qt::ToolTipRole && sortKey(section).isEmpty())
        return tr("The list cannot be sorted by this column.");
    // A first click on a number (or the start time) shows the largest (the
    // newest) first: what an operator looks for; names go A to Z.
    if (role == Qt::InitialSortOrderRole)
        return int(section == PidColumn || section == CpuColumn || section == MemoryColumn ||
                           section == StartedColumn
                       ? Qt::DescendingOrder
                       : Qt::AscendingOrder);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PidColumn:
        return tr("PID");
    case UserColumn:
        return tr("User");
    case NameColumn:
        return tr("Name");
    case CpuColumn:
        return tr("CPU %");
    case MemoryColumn:
        return tr("Memory");
    case StateColumn:
        return tr("State");
    case StartedColumn:
        return tr("Started");
    case CommandColumn:
        return tr("Command");
    default:
        return {};
    }
}

void NodeProcessModel::sort(int column, Qt::SortOrder order)
{
    // The server sorts; the state and the command line it cannot.
    if (sortKey(column).isEmpty() || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    emit sortRequested();
}

} // namespace hm::app
