#pragma once

#include "canvas/FlowCanvasStyle.h"
#include "canvas/FlowItems.h"
#include "canvas/FlowLayout.h"
#include "flowgraph/FlowGraphTypes.h"

#include <QGraphicsScene>
#include <QHash>

namespace hm::app {

class FlowEdgeItem;
class FlowGraphModel;
class FlowNodeItem;
class FlowPortItem;

// The canvas's scene (QtNodes v3's BasicGraphicsScene): it creates, updates
// and removes graphics items only in response to FlowGraphModel's signals,
// and never changes the model. Selection lives here, as item state.
class FlowScene final : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit FlowScene(FlowGraphModel *model, QObject *parent = nullptr);
    ~FlowScene() override;

    FlowGraphModel *model() const { return m_model; }
    const FlowCanvasStyle &canvasStyle() const { return m_style; }
    // The view hands its palette over when it (or the theme) changes.
    void setCanvasPalette(const QPalette &palette);

    FlowNodeItem *nodeItem(const QString &nodeId) const { return m_nodes.value(nodeId); }
    FlowEdgeItem *edgeItem(const QString &edgeId) const { return m_edges.value(edgeId); }
    QList<FlowNodeItem *> nodeItems() const { return m_nodes.values(); }
    // The port whose hit area holds the scene point, or null.
    FlowPortItem *portAt(QPointF scenePos) const;
    QList<FlowPortItem *> allPorts() const;

    // Selected node and edge ids, in the model's definition order.
    QStringList selectedNodeIds() const;
    QStringList selectedEdgeIds() const;
    // Selects exactly these nodes.
    void selectNodes(const QStringList &nodeIds);

    // The nodes' bounding rectangle (null when the flow is empty).
    QRectF nodesRect() const;
    QRectF nodesRect(const QStringList &nodeIds) const;
    // The flow as an automatic layout sees it: sizes as drawn here.
    LayoutGraph layoutGraph() const;

    // Problem badges, by node id (what the Problems list says; nodes not
    // named get none). Kept for nodes created later.
    void setNodeProblems(const QHash<QString, NodeProblems> &problems);
    NodeProblems nodeProblems(const QString &nodeId) const { return m_problems.value(nodeId); }

private:
    void onNodeCreated(const QString &nodeId);
    void onNodeDeleted(const QString &nodeId);
    void onNodeUpdated(const QString &nodeId);
    void onNodePositionUpdated(const QString &nodeId);
    void onConnectionCreated(const QString &edgeId);
    void onConnectionDeleted(const hm::app::FlowEdge &edge);
    void onModelReset();
    void updateEdge(const QString &edgeId);
    void updateEdgesOf(const QString &nodeId);

    FlowGraphModel *m_model;
    FlowCanvasStyle m_style;
    QHash<QString, FlowNodeItem *> m_nodes;
    QHash<QString, FlowEdgeItem *> m_edges;
    QHash<QString, NodeProblems> m_problems;
};

} // namespace hm::app
