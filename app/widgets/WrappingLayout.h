#pragma once

#include <QLayout>
#include <QList>

namespace hm::app {

// A layout that places its items in rows, left to right, and starts a new
// row when the next item does not fit the width (a filter bar, columns of
// forms): a narrow window gets more rows instead of a wider page. Its
// minimum width is its widest item's; its height follows the width
// (heightForWidth). With `fillRows`, a row's leftover width goes to its
// items that may grow (columns share the page); otherwise items keep their
// preferred width.
class WrappingLayout final : public QLayout
{
public:
    explicit WrappingLayout(QWidget *parent = nullptr, int horizontalSpacing = 10,
                            int verticalSpacing = 8);
    ~WrappingLayout() override;

    void setFillRows(bool fill) { m_fillRows = fill; }

    void addItem(QLayoutItem *item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Lays the items out in `rect` (or only measures, when `apply` is
    // false); returns the height used.
    int arrange(const QRect &rect, bool apply) const;

    QList<QLayoutItem *> m_items;
    int m_horizontalSpacing;
    int m_verticalSpacing;
    bool m_fillRows = false;
};

} // namespace hm::app
