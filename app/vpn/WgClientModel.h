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
//
// A server may have 10,000 clients (issue 36): the model holds the pages
// read so far and asks for the next one when the view scrolls near its end
// (canFetchMore/fetchMore emit moreWanted(); the pane reads the page and
// appends it). A refresh changes the rows of a page in place
// (updateClients); the interface's view (setStatus) changes only the live
// columns, in one dataChanged for all rows.
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

    // The first page of a server's `total` clients (total < 0: all of them).
    void setClients(const QList<client::WgClientRow> &rows, qint64 total = -1);
    // The next page, read after moreWanted(rowCount()).
    void appendClients(const QList<client::WgClientRow> &rows);
    // The page asked for did not come: asked for again on the next scroll.
    void fetchFailed();
    // A page read again: its rows changed in place when they are the same
    // clients as held from `offset` on; false (nothing changed) when not.
    bool updateClients(int offset, const QList<client::WgClientRow> &rows);
    // The server's count of clients as its last read said.
    qint64 total() const { return m_total; }
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
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

signals:
    // The view wants the rows from `offset` on (a page is on its way until
    // appendClients() or setClients()).
    void moreWanted(int offset);

private:
    void changedAll();
    void changedLive();

    QList<client::WgClientRow> m_rows;
    QHash<QString, client::WgPeerStatus> m_peers; // by public key
    qint64 m_total = 0;
    bool m_fetching = false;
};

} // namespace hm::app
