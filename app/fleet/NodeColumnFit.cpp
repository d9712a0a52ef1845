#include "fleet/NodeColumnFit.h"

#include "fleet/NodeColumnChoice.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodeText.h"
#include "widgets/ColumnRefit.h"

#include <QHeaderView>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <algorithm>

namespace hm::app {

namespace {

// The widest a column measured by its values gets, in average characters.
constexpr int kMostEms = 22;

// The order in which columns give way to a narrow window.
constexpr int kGiveWay[] = {NodeListModel::AgentColumn,        NodeListModel::AddressColumn,
                            NodeListModel::CapabilitiesColumn, NodeListModel::SystemColumn,
                            NodeListModel::LastSeenColumn,     NodeListModel::LabelsColumn};

// Columns drawn by the delegate (sparklines with their value, chips,
// icons): their values have no width to measure, they get the width they
// are legible at (about the widths they had at 1,280 pixels).
int paintedColumnWidth(int column, int em)
{
    switch (column) {
    case NodeListModel::CpuColumn:
    case NodeListModel::MemoryColumn:
    case NodeListModel::DiskColumn:
        return 14 * em;
    case NodeListModel::LabelsColumn:
        return 18 * em;
    case NodeListModel::CapabilitiesColumn:
        return 12 * em;
    default:
        return 0;
    }
}

// The status column holds one of a few words with its dot: as wide as the
// longest of them, whichever rows are shown, so that "Pending enrolment"
// reads whole (the cap on measured values cut it) and the column keeps its
// width when a node enrols.
int statusWordsWidth(const QTableView *view)
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    option.fontMetrics = view->fontMetrics();
    option.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
    option.decorationPosition = QStyleOptionViewItem::Left;
    option.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    const int icon = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
    const QSize decoration = view->iconSize().isValid() ? view->iconSize() : QSize(icon, icon);
    int widest = 0;
    for (const QString &status :
         {QStringLiteral("online"), QStringLiteral("offline"), QStringLiteral("pending")}) {
        option.text = NodeText::status(status);
        option.icon = NodeText::statusDot(status);
        // As the delegate sizes its decoration (QStyledItemDelegate).
        option.decorationSize = option.icon.actualSize(decoration);
        widest =
            std::max(widest, view->style()
                                 ->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), view)
                                 .width());
    }
    return widest;
}

// What the header needs for a column's title: its text (measured bold, as
// a highlighted section shows it), the sort arrow and the margins, as
// QHeaderView measures a shown section (its size hint is 0 while hidden).
int columnTitleWidth(const QHeaderView *header, int column)
{
    QStyleOptionHeader option;
    option.initFrom(header);
    option.section = column;
    option.text = header->model()->headerData(column, header->orientation()).toString();
    QFont bold = header->font();
    bold.setBold(true);
    option.fontMetrics = QFontMetrics(bold);
    if (header->isSortIndicatorShown())
        option.sortIndicator = QStyleOptionHeader::SortDown;
    const QSize size =
        header->style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header);
    return std::max(size.width(), header->minimumSectionSize());
}

} // namespace

NodeColumnFit::NodeColumnFit(QTableView *view, const NodeColumnChoice *choice)
    : QObject(view), m_view(view), m_choice(choice)
{
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setSectionResizeMode(NodeListModel::NameColumn, QHeaderView::Stretch);
    view->setTextElideMode(Qt::ElideRight);
    // The metrics' cells change every few seconds and never widen theirs.
    auto *refit = new ColumnRefit(
        view, ColumnRefit::Values::Ignored, [this] { fit(); }, this);
    // A row changed as a whole (a node enrolled: its OS, address and agent
    // version arrive) may need more room: "Linux" stayed "L…" until the
    // window was resized. Live values (CPU to last seen) leave it be.
    connect(view->model(), &QAbstractItemModel::dataChanged, this,
            [refit](const QModelIndex &from, const QModelIndex &to) {
                if (from.column() < NodeListModel::CpuColumn ||
                    to.column() > NodeListModel::LastSeenColumn)
                    refit->request();
            });
    // At once: the menu that changed it shows the result.
    connect(choice, &NodeColumnChoice::changed, this, &NodeColumnFit::fit);
}

int NodeColumnFit::wanted(int column) const
{
    const int em = m_view->fontMetrics().averageCharWidth();
    const QHeaderView *header = m_view->horizontalHeader();
    const int title = columnTitleWidth(header, column);
    int values = paintedColumnWidth(column, em);
    // The rows shown (QTableView measures those in view), up to a width
    // that leaves the name its room: an IPv6 address is elided in the list
    // (the details show all of it).
    const auto measured = [this, column] {
        return static_cast<const QAbstractItemView *>(m_view)->sizeHintForColumn(column);
    };
    if (column == NodeListModel::StatusColumn)
        values = std::max(statusWordsWidth(m_view), measured());
    else if (values == 0)
        values = std::min(measured(), kMostEms * em);
    return std::max(title, values + em);
}

void NodeColumnFit::fit()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int available = m_view->viewport()->width();
    if (available <= 0)
        return;
    using Choice = NodeColumnChoice::Choice;
    int widths[NodeListModel::ColumnCount] = {};
    bool shown[NodeListModel::ColumnCount] = {};
    int total = 0;
    for (int c = 0; c < NodeListModel::ColumnCount; ++c) {
        widths[c] = c == NodeListModel::NameColumn
                        // A name of about 18 characters, or its header.
                        ? std::max(columnTitleWidth(header, c),
                                   18 * m_view->fontMetrics().averageCharWidth())
                        : wanted(c);
        shown[c] = m_choice->choice(c) != Choice::Hidden;
        total += shown[c] ? widths[c] : 0;
    }
    m_fittedAway.reset();
    for (const int column : kGiveWay) {
        if (total <= available)
            break;
        if (!shown[column] || m_choice->choice(column) != Choice::Fit)
            continue;
        shown[column] = false;
        m_fittedAway.set(std::size_t(column));
        total -= widths[column];
    }
    // Too wide only with columns the operator turned on: the list scrolls
    // sideways, and the name keeps its room rather than shrink to nothing.
    const bool overflows = total > available;
    header->setSectionResizeMode(NodeListModel::NameColumn,
                                 overflows ? QHeaderView::Fixed : QHeaderView::Stretch);
    for (int c = 0; c < NodeListModel::ColumnCount; ++c) {
        header->setSectionHidden(c, !shown[c]);
        if ((c != NodeListModel::NameColumn || overflows) && shown[c])
            header->resizeSection(c, widths[c]);
    }
}

} // namespace hm::app
