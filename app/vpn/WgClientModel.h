#pragma once

#include "client/WireGuardTypes.h"

#include <QAbstractTableModel>
#include <QHash>

namespace hm::app {

// One server's clients with what its interface says about each (matched
// by public key from GET …/status): endpoint, latest handshake, bytes
// received and sent on the interface, and the client's totals since it was
// made (exact across restarts). Received is what the server received from
// the client (its upload), sent what it sent to it. Reads with the same
// clients in the same order change the rows in place, so the selection
// stays while the page refreshes.
class WgClientModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        AddressesColumn,
        StatusColumn,
        EndpointColumn,
        HandshakeColumn,
        ReceivedColumn,
        SentColumn,
        TotalReceivedColumn,
        TotalSentColumn,
        ColumnCount
    };

    explicit WgClientModel(QObject *parent = nullptr);

    void setClients(const QList<client::WgClientRow> &rows);
    void setStatus(const client::WgServerStatus &status);
    void upsert(const client::WgClientRow &row);
    void remove(qint64 id);
    void clear();
    const client::WgClientRow *clientAt(int row) const;
    int rowOf(qint64 id) const;
    // The handshake ages count on; the header follows a language change.
    void refreshTexts();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void changedAll();

    QList<client::WgClientRow> m_rows;
    QHash<QString, client::WgPeerStatus> m_peers; // by public key
};

} // namespace hm::app
