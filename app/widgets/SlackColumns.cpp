#include "widgets/SlackColumns.h"

#include "widgets/ColumnRefit.h"

#include <QHeaderView>
#include <QTableView>
#include <algorithm>

namespace hm::app {

SlackColumns::SlackColumns(QTableView *view, QList<int> slack)
    : QObject(view), m_view(view), m_slack(std::move(slack))
{
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Fixed);
    // A value is one line: a date squeezed onto two was cut in half.
    view->setWordWrap(false);
    // Dates and names change with the rows' values.
    new ColumnRefit(
        view, ColumnRefit::Values::Followed, [this] { fit(); }, this);
}

void SlackColumns::fit()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int count = header->count();
    QList<int> widths(count, 0);
    int total = 0;
    int slackShown = 0;
    for (int c = 0; c < count; ++c) {
        if (header->isSectionHidden(c))
            continue;
        // sizeHintForColumn is public on the item view (QTableView hides it).
        widths[c] = std::max(static_cast<const QAbstractItemView *>(m_view)->sizeHintForColumn(c),
                             header->sectionSizeHint(c));
        total += widths[c];
        slackShown += m_slack.contains(c) ? 1 : 0;
    }
    const int left = std::max(0, m_view->viewport()->width() - total);
    const int share = slackShown > 0 ? left / slackShown : 0;
    int given = 0;
    for (int c = 0; c < count; ++c) {
        if (header->isSectionHidden(c))
            continue;
        int width = widths[c];
        if (m_slack.contains(c)) {
            // The last slack column takes the rounding's few pixels.
            const int extra = --slackShown == 0 ? left - given : share;
            width += extra;
            given += extra;
        }
        header->resizeSection(c, width);
    }
}

} // namespace hm::app
