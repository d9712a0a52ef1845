#pragma once

#include <QLayout>

class QStackedWidget;

namespace hm::app {

// The layout of the widget the window's page scroll area scrolls: it holds
// the stacked section pages and asks the scroll area for room by the shown
// page's minimum alone.
//
// Why not the stack itself as the scroll area's widget: QScrollArea sizes a
// widget whose layout has a height-for-width (any word-wrapped label deep in
// any page) to that height, and a box layout computes it from its items'
// *preferred* heights. A page grew as soon as something with a tall
// preference appeared in it (a terminal asks for 24 rows, a log for its
// lines) and stayed taller than the window, its lower part under the status
// bar. And QStackedWidget's minimum is the largest of every page's, so one
// page's needs made every other page scroll.
class ShownPageLayout final : public QLayout
{
    Q_OBJECT

public:
    // Lays out `pages` over the whole of `parent`.
    ShownPageLayout(QWidget *parent, QStackedWidget *pages);
    ~ShownPageLayout() override;

    void addItem(QLayoutItem *item) override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    int count() const override;

    QSize sizeHint() const override;
    QSize minimumSize() const override;
    QSize maximumSize() const override;
    bool hasHeightForWidth() const override { return false; }
    Qt::Orientations expandingDirections() const override;
    void setGeometry(const QRect &rect) override;

private:
    QStackedWidget *m_pages;
    QLayoutItem *m_item = nullptr;
};

} // namespace hm::app
