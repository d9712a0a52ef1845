#include "vpn/WgServerModel.h"

#include "vpn/WgText.h"
#include "widgets/ColumnAlignment.h"

#include <QLocale>

namespace hm::app {

WgServerModel::WgServerModel(QObject *parent) : QAbstractTableModel(parent) {}

void WgServerModel::setRows(const QList<client::WgServerRow> &rows)
{
    bool sameIds = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows.at(i).id == m_rows.at(i).id;
    if (sameIds) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void WgServerModel::upsert(const client::WgServerRow &row)
{
    if (const int at = rowOf(row.id); at >= 0) {
        m_rows[at] = row;
        emit dataChanged(index(at, 0), index(at, ColumnCount - 1));
        return;
    }
    // The list is by id: a new server goes last.
    beginInsertRows({}, rowCount(), rowCount());
    m_rows.append(row);
    endInsertRows();
}

void WgServerModel::remove(qint64 id)
{
    const int at = rowOf(id);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    endRemoveRows();
}

void WgServerModel::applyStatus(qint64 id, const QString &status, int clientsCount)
{
    const int at = rowOf(id);
    if (at < 0)
        return;
    client::WgServerRow &row = m_rows[at];
    // The event says "error" for a server meant to run but not up; the row
    // keeps what it is meant to be and shows that.
    if (row.status == status && row.clientsCount == clientsCount)
        return;
    row.status = status;
    row.clientsCount = clientsCount;
    emit dataChanged(index(at, 0), index(at, ColumnCount - 1));
}

const client::WgServerRow *WgServerModel::server(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int WgServerModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

void WgServerModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int WgServerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WgServerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WgServerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::WgServerRow &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case InterfaceColumn:
            return row.interfaceName;
        case StatusColumn:
            return WgText::serverStatus(row.status);
        case AddressesColumn: {
            QStringList addresses;
            for (const QString &address : {row.ipv4Address, row.ipv6Address}) {
                if (!address.isEmpty())
                    addresses << address;
            }
            return addresses.join(QStringLiteral(", "));
        }
        case PortColumn:
            return QString::number(row.listenPort); // a port, never grouped
        case ClientsColumn:
            return QLocale().toString(row.clientsCount);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn && !row.description.isEmpty())
        return row.description;
    if (role == Qt::TextAlignmentRole)
        return columnAlignment(index.column() == PortColumn || index.column() == ClientsColumn);
    return {};
}

QVariant WgServerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return columnAlignment(section == PortColumn || section == ClientsColumn);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case InterfaceColumn:
        return tr("Interface");
    case StatusColumn:
        return tr("Status");
    case AddressesColumn:
        return tr("Addresses");
    case PortColumn:
        return tr("Listen port");
    case ClientsColumn:
        return tr("Clients");
    default:
        return {};
    }
}

} // namespace hm::app
