#include "widgets/WrappingLayout.h"

#include <QWidget>
#include <algorithm>

namespace hm::app {

WrappingLayout::WrappingLayout(QWidget *parent, int horizontalSpacing, int verticalSpacing)
    : QLayout(parent), m_horizontalSpacing(horizontalSpacing), m_verticalSpacing(verticalSpacing)
{
    setContentsMargins(0, 0, 0, 0);
}

WrappingLayout::~WrappingLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void WrappingLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

QLayoutItem *WrappingLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    return m_items.takeAt(index);
}

int WrappingLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize WrappingLayout::minimumSize() const
{
    // As narrow as the widest item: then every item has a row of its own.
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize WrappingLayout::sizeHint() const
{
    // Everything in one row.
    int width = 0;
    int height = 0;
    int shown = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        width += hint.width();
        height = std::max(height, hint.height());
        ++shown;
    }
    if (shown > 1)
        width += (shown - 1) * m_horizontalSpacing;
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right(), height + margins.top() + margins.bottom()};
}

void WrappingLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int WrappingLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int available = std::max(area.width(), 0);
    const auto preferredWidth = [available](const QLayoutItem *item) {
        return std::max(std::min(item->sizeHint().width(), available),
                        std::min(item->minimumSize().width(), available));
    };

    // Places one row of items at `top` (their preferred widths add up to
    // `preferred`) and returns its height.
    const auto placeRow = [&](const QList<QLayoutItem *> &items, int preferred, int top) {
        int growing = 0;
        for (const QLayoutItem *item : items)
            growing += (item->expandingDirections() & Qt::Horizontal) ? 1 : 0;
        const int extra = m_fillRows && growing > 0 ? std::max(available - preferred, 0) : 0;
        QList<int> widths;
        int given = 0;
        int grown = 0;
        int height = 0;
        for (const QLayoutItem *item : items) {
            int width = preferredWidth(item);
            if (extra > 0 && (item->expandingDirections() & Qt::Horizontal)) {
                ++grown;
                // The last growing item takes the rounding.
                const int share = grown == growing ? extra - given : extra / growing;
                width += share;
                given += share;
            }
            widths.append(width);
            height = std::max(height, item->hasHeightForWidth() ? item->heightForWidth(width)
                                                                : item->sizeHint().height());
        }
        if (apply) {
            int x = area.x();
            for (int i = 0; i < items.size(); ++i) {
                items.at(i)->setGeometry(QRect(x, top, widths.at(i), height));
                x += widths.at(i) + m_horizontalSpacing;
            }
        }
        return height;
    };

    int y = area.y();
    bool first = true;
    QList<QLayoutItem *> row;
    int rowWidth = 0; // the preferred widths of `row` with their spacing
    const auto flush = [&] {
        if (!first)
            y += m_verticalSpacing;
        y += placeRow(row, rowWidth, y);
        first = false;
        row.clear();
        rowWidth = 0;
    };
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const int width = preferredWidth(item);
        if (!row.isEmpty() && rowWidth + m_horizontalSpacing + width > available)
            flush();
        rowWidth += (row.isEmpty() ? 0 : m_horizontalSpacing) + width;
        row.append(item);
    }
    if (!row.isEmpty())
        flush();
    return y - area.y() + contentsMargins().top() + contentsMargins().bottom();
}

} // namespace hm::app
