#include "vpn/WgEndpointModel.h"

#include "widgets/DateTimeText.h"
#include "widgets/MissingValue.h"

namespace hm::app {

WgEndpointModel::WgEndpointModel(QObject *parent) : QAbstractTableModel(parent) {}

void WgEndpointModel::setEndpoints(const QList<client::WgEndpointSeen> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void WgEndpointModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

const client::WgEndpointSeen *WgEndpointModel::endpointAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int WgEndpointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WgEndpointModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WgEndpointModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::WgEndpointSeen &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case EndpointColumn:
            return row.endpoint;
        case FirstSeenColumn:
            return dateTimeText(row.firstSeen, QLocale::ShortFormat, TimeDetail::Minutes,
                                missingValue());
        case LastSeenColumn:
            return dateTimeText(row.lastSeen, QLocale::ShortFormat, TimeDetail::Minutes,
                                missingValue());
        default:
            return {};
        }
    }
    // The exact moments on hover (the cells show minutes).
    if (role == Qt::ToolTipRole && index.column() != EndpointColumn) {
        const QDateTime &at = index.column() == FirstSeenColumn ? row.firstSeen : row.lastSeen;
        return dateTimeText(at, QLocale::LongFormat, TimeDetail::Seconds);
    }
    return {};
}

QVariant WgEndpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EndpointColumn:
        return tr("Endpoint");
    case FirstSeenColumn:
        return tr("First seen");
    case LastSeenColumn:
        return tr("Last seen");
    default:
        return {};
    }
}

} // namespace hm::app
