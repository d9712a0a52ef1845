#pragma once

#include "client/WireGuardTypes.h"

#include <QAbstractTableModel>

namespace hm::app {

// Where a WireGuard client connected from (GET …/endpoints): the address
// and port, first and last seen, most recently seen first as the server
// answers. A read replaces the rows.
class WgEndpointModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        EndpointColumn,
        FirstSeenColumn,
        LastSeenColumn,
        ColumnCount
    };

    explicit WgEndpointModel(QObject *parent = nullptr);

    void setEndpoints(const QList<client::WgEndpointSeen> &rows);
    void clear();
    const client::WgEndpointSeen *endpointAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<client::WgEndpointSeen> m_rows;
};

} // namespace hm::app
