#pragma once

#include <QStyledItemDelegate>

namespace hm::app {

// How the Nodes list draws its cells (console.md "Fleet: Nodes and
// Alerts"): CPU, memory and disk as sparklines of the last 15 minutes on a
// fixed 0–100 % scale (rows compare at a glance) with the current value as
// text; labels as chips; capabilities as small icons (the tooltip names
// them). Everything is drawn as vectors in the palette's colours, so it is
// sharp at any device pixel ratio and follows the dark theme; a node
// without data shows a dotted baseline and a dash, an offline node's line
// is muted. Other columns are drawn as usual.
class NodeListDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // How many of `count` capability icons a cell `width` pixels wide
    // draws; the rest are counted after them ("+4") in `font`.
    static int capabilityIconsShown(int width, int count, const QFont &font);

private:
    void paintBackground(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const;
    void paintSparkline(QPainter *painter, const QStyleOptionViewItem &option,
                        const QModelIndex &index) const;
    void paintChips(QPainter *painter, const QStyleOptionViewItem &option,
                    const QModelIndex &index) const;
    void paintCapabilities(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const;
};

} // namespace hm::app
