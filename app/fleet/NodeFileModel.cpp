#include "fleet/NodeFileModel.h"

#include "widgets/ByteSizeText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"
#include "widgets/MissingValue.h"
#include "widgets/ThemeManager.h"

#include <QApplication>
#include <QCollator>
#include <QGuiApplication>
#include <QHash>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPointer>
#include <QStyle>
#include <algorithm>

namespace hm::app {

namespace {

// The style's icon, and for a selected row the same drawing in the colour
// the theme writes on the accent. Without a Selected pixmap QIcon makes one
// up, tinted with the highlight colour, and on the highlight the icon faded
// (the file's outline all but gone); the line icons drawn unchanged were a
// grey at 2:1 on the accent's blue.
QIcon nfmEntryIcon(QStyle::StandardPixmap which)
{
    static QPointer<QStyle> cachedFor;
    static QRgb cachedOnAccent = 0;
    static QHash<int, QIcon> cache;
    QStyle *style = QApplication::style();
    const QColor onAccent = ThemeManager::tokenColour("onAccent", QGuiApplication::palette());
    if (cachedFor != style || cachedOnAccent != onAccent.rgba()) {
        cache.clear();
        cachedFor = style;
        cachedOnAccent = onAccent.rgba();
    }
    if (const auto it = cache.constFind(which); it != cache.cend())
        return *it;
    const QIcon base = style->standardIcon(which);
    QList<QSize> sizes = base.availableSizes();
    if (sizes.isEmpty())
        sizes = {QSize(16, 16), QSize(32, 32)};
    QIcon icon;
    for (const QSize &size : std::as_const(sizes)) {
        for (const qreal ratio : {1.0, 2.0}) {
            const QPixmap pixmap = base.pixmap(size, ratio);
            icon.addPixmap(pixmap, QIcon::Normal);
            QPixmap selected = pixmap;
            {
                QPainter painter(&selected);
                painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
                painter.fillRect(QRectF(QPointF(), QSizeF(selected.size())), onAccent);
            }
            icon.addPixmap(selected, QIcon::Selected);
        }
    }
    cache.insert(which, icon);
    return icon;
}

} // namespace

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
    if (role == Qt::DecorationRole && index.column() == NameColumn)
        return nfmEntryIcon(e->isDirectory()                      ? QStyle::SP_DirIcon
                            : e->type == QLatin1String("symlink") ? QStyle::SP_FileLinkIcon
                                                                  : QStyle::SP_FileIcon);
    if (role == Qt::TextAlignmentRole)
        return columnAlignment(index.column() == SizeColumn);
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return e->name;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return e->name;
    case SizeColumn:
        // A folder's size says nothing about what it holds.
        return e->isDirectory() ? missingValue() : ByteSizeText::format(e->size);
    case ModifiedColumn:
        return dateTimeText(e->modified, QLocale::ShortFormat, TimeDetail::Minutes, missingValue());
    case ModeColumn:
        return modeText(*e);
    default:
        return {};
    }
}

QVariant NodeFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return columnAlignment(section == SizeColumn);
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
