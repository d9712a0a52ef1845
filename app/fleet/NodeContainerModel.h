#pragma once

#include "client/RemoteTypes.h"

#include <QAbstractTableModel>

namespace hm::app {

// A node's containers for NodeDockerView: name, state (in words, with the
// health), image, Docker's status text (in words), ports, compose project. Rows are
// replaced in one reset per read; the view keeps the selection by id.
class NodeContainerModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        ImageColumn,
        StatusColumn,
        PortsColumn,
        ProjectColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole, // Docker's state word
    };

    explicit NodeContainerModel(QObject *parent = nullptr);

    void setContainers(const QList<client::ContainerRow> &rows);
    void clear() { setContainers({}); }
    const client::ContainerRow *container(int row) const;
    int rowOfId(const QString &id) const;

    // "running" → "Running", in the console's language.
    static QString stateText(const QString &state, const QString &health = {});

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<client::ContainerRow> m_rows;
};

} // namespace hm::app
