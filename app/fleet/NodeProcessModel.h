#pragma once

#include "client/RemoteTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace hm::app {

// A node's processes (node detail, "Processes") in the order the server
// sorted them. setProcesses() updates the rows in place: rows of processes
// that ended go, new ones come, the rest keep their persistent indexes and
// move to their new places, so a view keeps its selection (the same pid)
// and its scroll position across the 3-second refreshes. Sorting is the
// server's: sort() records the column and direction and emits
// sortRequested() for the view to read again.
class NodeProcessModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        PidColumn,
        UserColumn,
        NameColumn,
        CpuColumn,
        MemoryColumn,
        StateColumn,
        StartedColumn,
        CommandColumn,
        ColumnCount
    };
    enum Role
    {
        PidRole = Qt::UserRole + 1,
    };

    explicit NodeProcessModel(QObject *parent = nullptr);

    void setProcesses(const QList<client::ProcessRow> &processes);
    void clear();

    const client::ProcessRow *process(int row) const;
    int rowOfPid(qint64 pid) const;

    // The server's sort key of a column ("cpu", "pid" …); empty when the
    // server cannot sort by it.
    static QString sortKey(int column);
    QString sortKeyInUse() const { return sortKey(m_sortColumn); }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // A state letter of /proc in words ("S" → "Sleeping").
    static QString stateText(const QString &state);
    // Whether `column` holds numbers: right-aligned, its header too.
    static bool isNumber(int column);

signals:
    // The user asked for another order: read the list again with it.
    void sortRequested();

private:
    QVariant display(const client::ProcessRow &p, int column) const;

    QList<client::ProcessRow> m_rows;
    // CPU, busiest first: what a task manager opens on.
    int m_sortColumn = CpuColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace hm::app
