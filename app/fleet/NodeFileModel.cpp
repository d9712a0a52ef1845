#include "fleet/NodeFileModel.h"

#include "widgets/ByteSizeText.h"
#include "widgets/DateTimeText.h"

#include <QApplication>
#include <QCollator>
#include <QHash>
#include <QLocale>
#include <QStyle>
#include <algorithm>

namespace hm::app {

NodeFileModel::NodeFileModel(QObject *parent) : QAbstractTableModel(parent) {}

void NodeFileModel::setEntries(const QList<client::FileEntry> &entries)
{
    m_changing = true;
    beginResetModel();
    m_entries = entries;
    sortEntries();
    m_shown = int(qMin<qsizetype>(m_entries.size(), kBatch));
    endResetModel();
    m_changing = false;
}

void NodeFileModel::clear()
{
    setEntries({});
}

const client::FileEntry *NodeFileModel::entry(int row) const
{
    return row >= 0 && row < m_shown ? &m_entries.at(row) : nullptr;
}

int NodeFileModel::rowOfName(const QString &name)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).name != name)
            continue;
        while (row >= m_shown && canFetchMore({}))
            fetchMore({});
        return row;
    }
    return -1;
}

QString NodeFileModel::modeText(const client::FileEntry &entry)
{
    QString text = entry.isDirectory()                      ? QStringLiteral("d")
                   : entry.type == QLatin1String("symlink") ? QStringLiteral("l")
                   : entry.isFile()                         ? QStringLiteral("-")
                                                            : QStringLiteral("?");
    static const char kLetters[] = "rwxrwxrwx";
    for (int bit = 0; bit < 9; ++bit)
        text += (entry.mode & (0400 >> bit)) ? QLatin1Char(kLetters[bit]) : QLatin1Char('-');
    return text;
}

int NodeFileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

int NodeFileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeFileModel::data(const QModelIndex &index, int role) const
{
    const client::FileEntry *e = index.isValid() ? entry(index.row()) : nullptr;
    if (!e)
        return {};
    if (role == NameRole)
        return e->name;
    if (role == TypeRole)
        return e->type;
    if (role == Qt::DecorationRole && index.column() == NameColumn) {
        QStyle *style = QApplication::style();
        return style->standardIcon(e->isDirectory()                      ? QStyle::SP_DirIcon
                                   : e->type == QLatin1String("symlink") ? QStyle::SP_FileLinkIcon
                                                                         : QStyle::SP_FileIcon);
    }
    if (role == Qt::TextAlignmentRole && index.column() == SizeColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return e->name;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return e->name;
    case SizeColumn:
        // A folder's size says nothing about what it holds.
        return e->isDirectory() ? QString() : ByteSizeText::format(e->size);
    case ModifiedColumn:
        return dateTimeText(e->modified);
    case ModeColumn:
        return modeText(*e);
    default:
        return {};
    }
}

QVariant NodeFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ModifiedColumn:
        return tr("Modified");
    case ModeColumn:
        return tr("Mode");
    default:
        return {};
    }
}

bool NodeFileModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_changing && m_shown < m_entries.size();
}

void NodeFileModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int more = int(qMin<qsizetype>(m_entries.size() - m_shown, kBatch));
    m_changing = true;
    beginInsertRows({}, m_shown, m_shown + more - 1);
    m_shown += more;
    endInsertRows();
    m_changing = false;
}

void NodeFileModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // The persistent indexes (a view's selection) follow their entries:
    // names are unique in a directory.
    const QModelIndexList before = persistentIndexList();
    QStringList names;
    for (const QModelIndex &index : before)
        names.append(m_entries.at(index.row()).name);
    sortEntries();
    QHash<QString, int> rows;
    for (int row = 0; row < m_shown; ++row)
        rows.insert(m_entries.at(row).name, row);
    QModelIndexList after;
    for (int i = 0; i < before.size(); ++i) {
        const int row = rows.value(names.at(i), -1);
        after.append(row < 0 ? QModelIndex() : index(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void NodeFileModel::sortEntries()
{
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    const int column = m_sortColumn;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [&](const client::FileEntry &a, const client::FileEntry &b) {
                         // Folders first whatever the order.
                         if (a.isDirectory() != b.isDirectory())
                             return a.isDirectory();
                         int c = 0;
                         if (column == SizeColumn)
                             c = a.size < b.size ? -1 : a.size > b.size ? 1 : 0;
                         else if (column == ModifiedColumn)
                             c = a.modified < b.modified ? -1 : a.modified > b.modified ? 1 : 0;
                         else if (column == ModeColumn)
                             c = a.mode - b.mode;
                         if (c == 0)
                             c = collator.compare(a.name, b.name);
                         return ascending ? c < 0 : c > 0;
                     });
}

} // namespace hm::app
