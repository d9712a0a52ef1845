#pragma once

#include "client/WireGuardTypes.h"

#include <QAbstractTableModel>

namespace hm::app {

// The WireGuard servers, as the last read of the list answered (a handful:
// read whole, not lazily). A new read with the same servers in the same
// order changes the rows in place, so the selection stays.
class WgServerModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        InterfaceColumn,
        StatusColumn,
        AddressesColumn,
        PortColumn,
        ClientsColumn,
        ColumnCount
    };

    explicit WgServerModel(QObject *parent = nullptr);

    void setRows(const QList<client::WgServerRow> &rows);
    // One server as an answer brought it (created, changed): replaced or added.
    void upsert(const client::WgServerRow &row);
    void remove(qint64 id);
    // A wireguard_status event's entry.
    void applyStatus(qint64 id, const QString &status, int clientsCount);
    const client::WgServerRow *server(int row) const;
    int rowOf(qint64 id) const;
    // The header in the current language (after a language change).
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<client::WgServerRow> m_rows;
};

} // namespace hm::app
