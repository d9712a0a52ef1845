#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QSizeF>
#include <QString>
#include <memory>

namespace hm::app {

// What an automatic layout needs of a flow: the nodes with the size the
// scene draws them at, and the edges between them. Kept apart from the
// model and the scene so a layout engine sees nothing else.
struct LayoutGraph
{
    struct Node
    {
        QString id;
        QSizeF size;
    };
    struct Edge
    {
        QString source;
        QString target;
    };
    QList<Node> nodes; // in definition order, which breaks ties
    QList<Edge> edges;
};

// An automatic layout, left to right: sources on the left, every edge
// pointing right. Positions are the nodes' top-left corners in scene
// coordinates, none overlapping.
class FlowLayout
{
public:
    virtual ~FlowLayout() = default;
    // Shown to the user after a layout ("Graphviz dot 2.43.0"), hence not
    // translated: it is a product name or comes from tr() in the subclass.
    virtual QString name() const = 0;
    // Runs on a worker thread (LayoutRunner): no state between calls, no
    // Qt objects of the GUI.
    virtual QHash<QString, QPointF> layout(const LayoutGraph &graph) const = 0;

    // Graphviz when the console was built with it, else the layered layout.
    static std::unique_ptr<FlowLayout> create();
    // Gaps between ranks (horizontal) and between nodes of a rank.
    static constexpr double kRankGap = 60.0;
    static constexpr double kNodeGap = 40.0;
};

// The fallback: longest-path ranks from the sources, nodes of a rank
// stacked top to bottom in the order of their parents' mean position (one
// barycentre pass), each rank as wide as its widest node.
class LayeredLayout final : public FlowLayout
{
public:
    QString name() const override;
    QHash<QString, QPointF> layout(const LayoutGraph &graph) const override;
};

#ifdef HIVEMIND_HAVE_GRAPHVIZ
// Graphviz's dot with rankdir=LR, fixed-size boxes of the nodes' sizes.
class GraphvizLayout final : public FlowLayout
{
public:
    QString name() const override;
    QHash<QString, QPointF> layout(const LayoutGraph &graph) const override;
};
#endif

} // namespace hm::app
