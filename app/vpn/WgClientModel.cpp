#include "vpn/WgClientModel.h"

#include "vpn/WgText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/MissingValue.h"

namespace hm::app {

WgClientModel::WgClientModel(QObject *parent) : QAbstractTableModel(parent) {}

void WgClientModel::setClients(const QList<client::WgClientRow> &rows, qint64 total)
{
    m_total = total < 0 ? rows.size() : qMax<qint64>(total, rows.size());
    m_fetching = false;
    bool sameIds = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows.at(i).id == m_rows.at(i).id;
    if (sameIds) {
        m_rows = rows;
        changedAll();
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void WgClientModel::fetchFailed()
{
    m_fetching = false;
}

void WgClientModel::appendClients(const QList<client::WgClientRow> &rows)
{
    m_fetching = false;
    if (rows.isEmpty()) {
        // The server has fewer than it said: stop asking.
        m_total = m_rows.size();
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
    m_total = qMax<qint64>(m_total, m_rows.size());
}

bool WgClientModel::updateClients(int offset, const QList<client::WgClientRow> &rows)
{
    if (offset < 0 || offset + rows.size() > m_rows.size())
        return false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i).id != m_rows.at(offset + i).id)
            return false;
    }
    if (rows.isEmpty())
        return true;
    for (qsizetype i = 0; i < rows.size(); ++i)
        m_rows[offset + i] = rows.at(i);
    emit dataChanged(index(offset, 0), index(offset + int(rows.size()) - 1, ColumnCount - 1));
    return true;
}

bool WgClientModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetching && m_rows.size() < m_total;
}

void WgClientModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    emit moreWanted(int(m_rows.size()));
}

void WgClientModel::setStatus(const client::WgServerStatus &status)
{
    m_peers.clear();
    m_peers.reserve(status.peers.size());
    for (const client::WgPeerStatus &peer : status.peers)
        m_peers.insert(peer.publicKey, peer);
    // Only the interface's columns moved: one signal for every row (the
    // view repaints what it shows, whatever the count).
    changedLive();
}

void WgClientModel::upsert(const client::WgClientRow &row)
{
    if (const int at = rowOf(row.id); at >= 0) {
        m_rows[at] = row;
        emit dataChanged(index(at, 0), index(at, ColumnCount - 1));
        return;
    }
    // A new client is the server's newest, the last of its pages: shown at
    // once when every page is held, else when the view pages down to it.
    ++m_total;
    if (m_rows.size() + 1 < m_total)
        return;
    beginInsertRows({}, rowCount(), rowCount());
    m_rows.append(row);
    endInsertRows();
}

void WgClientModel::remove(qint64 id)
{
    const int at = rowOf(id);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    endRemoveRows();
    m_total = qMax<qint64>(m_rows.size(), m_total - 1);
}

void WgClientModel::clear()
{
    m_peers.clear();
    m_total = 0;
    m_fetching = false;
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

const client::WgClientRow *WgClientModel::clientAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int WgClientModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

void WgClientModel::refreshTexts()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    changedAll();
}

void WgClientModel::changedLive()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, EndpointColumn), index(rowCount() - 1, TotalSentColumn));
}

void WgClientModel::changedAll()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int WgClientModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WgClientModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WgClientModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::WgClientRow &row = m_rows.at(index.row());
    const auto peer = m_peers.constFind(row.publicKey);
    const bool known = peer != m_peers.constEnd();
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case AddressesColumn: {
            QStringList addresses;
            for (const QString &address : {row.ipv4Address, row.ipv6Address}) {
                if (!address.isEmpty())
                    addresses << address;
            }
            return addresses.join(QStringLiteral(", "));
        }
        case StatusColumn:
            return WgText::clientStatus(row.status);
        case EndpointColumn:
            return known ? orMissing(peer->endpoint) : missingValue();
        case HandshakeColumn:
            return WgText::handshakeAge(known ? peer->latestHandshake : QDateTime(),
                                        QDateTime::currentDateTimeUtc());
        case ReceivedColumn:
            return WgText::bytes(known ? peer->transferRx : 0);
        case SentColumn:
            return WgText::bytes(known ? peer->transferTx : 0);
        case TotalReceivedColumn:
            return WgText::bytes(known ? peer->totalRx : 0);
        case TotalSentColumn:
            return WgText::bytes(known ? peer->totalTx : 0);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn && !row.description.isEmpty())
        return row.description;
    if (role == Qt::TextAlignmentRole)
        return columnAlignment(index.column() >= ReceivedColumn &&
                               index.column() <= TotalSentColumn);
    return {};
}

QVariant WgClientModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return columnAlignment(section >= ReceivedColumn && section <= TotalSentColumn);
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        // Whose point of view: the server's, as WireGuard counts.
        switch (section) {
        case ReceivedColumn:
            return tr("What the server received from the client (its upload) since the client "
                      "was last added to the running interface.");
        case SentColumn:
            return tr("What the server sent to the client (its download) since the client was "
                      "last added to the running interface.");
        case TotalReceivedColumn:
            return tr("Everything the server received from the client since it was made, kept "
                      "across restarts.");
        case TotalSentColumn:
            return tr("Everything the server sent to the client since it was made, kept across "
                      "restarts.");
        default:
            return {};
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case AddressesColumn:
        return tr("Addresses");
    case StatusColumn:
        return tr("Status");
    case EndpointColumn:
        return tr("Endpoint");
    case HandshakeColumn:
        return tr("Latest handshake");
    case ReceivedColumn:
        return tr("Received");
    case SentColumn:
        return tr("Sent");
    case TotalReceivedColumn:
        return tr("Total received");
    case TotalSentColumn:
        return tr("Total sent");
    default:
        return {};
    }
}

} // namespace hm::app
