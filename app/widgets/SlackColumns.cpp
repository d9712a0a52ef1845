#include "widgets/SlackColumns.h"

#include <QEvent>
#include <QHeaderView>
#include <QResizeEvent>
#include <QTableView>
#include <QTimer>
#include <algorithm>

namespace hm::app {

SlackColumns::SlackColumns(QTableView *view, QList<int> slack)
    : QObject(view), m_view(view), m_slack(std::move(slack))
{
    m_later = new QTimer(this);
    m_later->setSingleShot(true);
    m_later->setInterval(0);
    connect(m_later, &QTimer::timeout, this, &SlackColumns::fit);
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Fixed);
    // A value is one line: a date squeezed onto two was cut in half.
    view->setWordWrap(false);
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
    QAbstractItemModel *model = view->model();
    const auto later = [this] { m_later->start(); };
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::rowsRemoved, this, later);
    connect(model, &QAbstractItemModel::dataChanged, this, later);
    connect(model, &QAbstractItemModel::layoutChanged, this, later);
    connect(model, &QAbstractItemModel::headerDataChanged, this, later);
}

bool SlackColumns::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    // Only a change of width: the height comes and goes with the scroll
    // bars, which a layout itself may show for a moment.
    const bool widthChanged =
        type == QEvent::Resize && static_cast<QResizeEvent *>(event)->size().width() !=
                                      static_cast<QResizeEvent *>(event)->oldSize().width();
    if ((watched == m_view->viewport() && widthChanged) ||
        (watched == m_view && (type == QEvent::LanguageChange || type == QEvent::FontChange ||
                               type == QEvent::StyleChange || type == QEvent::Show)))
        m_later->start();
    return QObject::eventFilter(watched, event);
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
