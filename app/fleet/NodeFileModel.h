#pragma once

#include "client/RemoteFileTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace hm::app {

// One directory of a node's files (node detail, "Files"): folders first,
// then files, each group sorted by the chosen column. The API answers a
// directory whole (at most 10,000 entries), so the model shows it lazily:
// rows come in batches of kBatch as the view scrolls (canFetchMore /
// fetchMore), and a view never lays out thousands of rows at once.
class NodeFileModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        SizeColumn,
        ModifiedColumn,
        ModeColumn,
        ColumnCount
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        TypeRole,
    };
    static constexpr int kBatch = 500;

    explicit NodeFileModel(QObject *parent = nullptr);

    void setEntries(const QList<client::FileEntry> &entries);
    void clear();

    // Every entry of the directory, shown or not yet.
    int entryCount() const { return int(m_entries.size()); }
    const client::FileEntry *entry(int row) const;
    // The row of `name`, fetching more rows if needed; -1 when absent.
    int rowOfName(const QString &name);

    // "rwxr-xr-x" with the type's letter first ("d", "l", "-").
    static QString modeText(const client::FileEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void sortEntries();

    // No fetchMore() inside a reset or an insertion (QAbstractItemModelTester
    // and views ask while the model's signals are on their way).
    bool m_changing = false;

    QList<client::FileEntry> m_entries;
    int m_shown = 0;
    int m_sortColumn = NameColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace hm::app
