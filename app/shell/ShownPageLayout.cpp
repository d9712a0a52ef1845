#include "shell/ShownPageLayout.h"

#include <QStackedWidget>
#include <QWidgetItem>

namespace hm::app {

ShownPageLayout::ShownPageLayout(QWidget *parent, QStackedWidget *pages)
    : QLayout(parent), m_pages(pages)
{
    setContentsMargins(0, 0, 0, 0);
    addWidget(pages);
    // Another page shown: another minimum for the scroll area to honour.
    connect(pages, &QStackedWidget::currentChanged, this, &QLayout::invalidate);
}

ShownPageLayout::~ShownPageLayout()
{
    delete m_item;
}

void ShownPageLayout::addItem(QLayoutItem *item)
{
    // One item only: the stack the constructor adds.
    Q_ASSERT(!m_item);
    delete m_item;
    m_item = item;
}

QLayoutItem *ShownPageLayout::itemAt(int index) const
{
    return index == 0 ? m_item : nullptr;
}

QLayoutItem *ShownPageLayout::takeAt(int index)
{
    if (index != 0)
        return nullptr;
    return std::exchange(m_item, nullptr);
}

int ShownPageLayout::count() const
{
    return m_item ? 1 : 0;
}

QSize ShownPageLayout::minimumSize() const
{
    QWidget *page = m_pages->currentWidget();
    if (!page)
        return {0, 0};
    // What the page's own layout insists on (minimum sizes, fixed sizes and
    // size policies as a layout reads them), never its preference.
    return QWidgetItem(page).minimumSize();
}

QSize ShownPageLayout::sizeHint() const
{
    QWidget *page = m_pages->currentWidget();
    return page ? QWidgetItem(page).sizeHint() : QSize(0, 0);
}

QSize ShownPageLayout::maximumSize() const
{
    return {QWIDGETSIZE_MAX, QWIDGETSIZE_MAX};
}

Qt::Orientations ShownPageLayout::expandingDirections() const
{
    return Qt::Horizontal | Qt::Vertical;
}

void ShownPageLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    if (m_item)
        m_item->setGeometry(rect);
}

} // namespace hm::app
