#include "canvas/FlowScene.h"

#include "canvas/FlowItems.h"
#include "flowgraph/FlowGraphModel.h"

#include <QGuiApplication>

namespace hm::app {

FlowScene::FlowScene(FlowGraphModel *model, QObject *parent)
    : QGraphicsScene(parent), m_model(model),
      m_style(FlowCanvasStyle::fromPalette(QGuiApplication::palette()))
{
    // A fixed, large scene rectangle: the view pans freely around the
    // nodes and adding a node never makes the scroll position jump.
    setSceneRect(-50000, -50000, 100000, 100000);
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(model, &FlowGraphModel::nodeCreated, this, &FlowScene::onNodeCreated);
    connect(model, &FlowGraphModel::nodeDeleted, this, &FlowScene::onNodeDeleted);
    connect(model, &FlowGraphModel::nodeUpdated, this, &FlowScene::onNodeUpdated);
    connect(model, &FlowGraphModel::nodePositionUpdated, this, &FlowScene::onNodePositionUpdated);
    connect(model, &FlowGraphModel::connectionCreated, this, &FlowScene::onConnectionCreated);
    connect(model, &FlowGraphModel::connectionDeleted, this, &FlowScene::onConnectionDeleted);
    connect(model, &FlowGraphModel::modelReset, this, &FlowScene::onModelReset);
    onModelReset();
}

FlowScene::~FlowScene() = default;

void FlowScene::setCanvasPalette(const QPalette &palette)
{
    m_style = FlowCanvasStyle::fromPalette(palette);
    update();
}

void FlowScene::onNodeCreated(const QString &nodeId)
{
    if (m_nodes.contains(nodeId))
        return;
    auto *item = new FlowNodeItem(this, nodeId);
    addItem(item);
    m_nodes.insert(nodeId, item);
    item->setProblems(m_problems.value(nodeId));
    onNodePositionUpdated(nodeId);
    // A node that comes back (undo of a delete) takes its edges back too,
    // once they are recreated; those that exist already are redrawn.
    updateEdgesOf(nodeId);
}

void FlowScene::onNodeDeleted(const QString &nodeId)
{
    delete m_nodes.take(nodeId);
}

void FlowScene::onNodeUpdated(const QString &nodeId)
{
    if (FlowNodeItem *item = m_nodes.value(nodeId)) {
        item->refresh();
        updateEdgesOf(nodeId);
    }
}

void FlowScene::onNodePositionUpdated(const QString &nodeId)
{
    FlowNodeItem *item = m_nodes.value(nodeId);
    const FlowNode *node = m_model->node(nodeId);
    if (!item || !node)
        return;
    item->setPos(node->position);
    updateEdgesOf(nodeId);
}

void FlowScene::onConnectionCreated(const QString &edgeId)
{
    if (!m_edges.contains(edgeId)) {
        auto *item = new FlowEdgeItem(edgeId);
        addItem(item);
        m_edges.insert(edgeId, item);
    }
    updateEdge(edgeId);
}

void FlowScene::onConnectionDeleted(const FlowEdge &edge)
{
    delete m_edges.take(edge.id);
    // A derived port may have gone with the edge; the model says so with
    // nodeUpdated, which re-measures the node.
}

void FlowScene::onModelReset()
{
    clearSelection();
    qDeleteAll(m_edges);
    m_edges.clear();
    qDeleteAll(m_nodes);
    m_nodes.clear();
    for (const QString &id : m_model->nodeIds())
        onNodeCreated(id);
    for (const QString &id : m_model->edgeIds())
        onConnectionCreated(id);
}

void FlowScene::updateEdge(const QString &edgeId)
{
    FlowEdgeItem *item = m_edges.value(edgeId);
    const FlowEdge *edge = m_model->edge(edgeId);
    if (!item || !edge)
        return;
    const FlowNodeItem *source = m_nodes.value(edge->source);
    const FlowNodeItem *target = m_nodes.value(edge->target);
    // Dangling edges (a hand-made document) have nothing to attach to.
    item->setVisible(source && target);
    if (!source || !target)
        return;
    const auto port = m_model->port(edge->source, PortDirection::Out, edge->sourceHandle);
    item->setEnds(source->portScenePos(PortDirection::Out, edge->sourceHandle),
                  target->portScenePos(PortDirection::In, edge->targetHandle),
                  port ? port->type : flow::PortType::Any);
}

void FlowScene::updateEdgesOf(const QString &nodeId)
{
    for (const QString &id : m_model->edgesOf(nodeId, PortDirection::Out))
        updateEdge(id);
    for (const QString &id : m_model->edgesOf(nodeId, PortDirection::In))
        updateEdge(id);
}

FlowPortItem *FlowScene::portAt(QPointF scenePos) const
{
    const QList<QGraphicsItem *> hits = items(scenePos);
    for (QGraphicsItem *item : hits) {
        if (item->type() == FlowPortItem::Type)
            return static_cast<FlowPortItem *>(item);
    }
    return nullptr;
}

QList<FlowPortItem *> FlowScene::allPorts() const
{
    QList<FlowPortItem *> ports;
    for (const FlowNodeItem *node : m_nodes)
        ports += node->ports();
    return ports;
}

QStringList FlowScene::selectedNodeIds() const
{
    QStringList ids;
    for (const QString &id : m_model->nodeIds()) {
        if (const FlowNodeItem *item = m_nodes.value(id); item && item->isSelected())
            ids.append(id);
    }
    return ids;
}

QStringList FlowScene::selectedEdgeIds() const
{
    QStringList ids;
    for (const QString &id : m_model->edgeIds()) {
        if (const FlowEdgeItem *item = m_edges.value(id); item && item->isSelected())
            ids.append(id);
    }
    return ids;
}

void FlowScene::selectNodes(const QStringList &nodeIds)
{
    clearSelection();
    for (const QString &id : nodeIds) {
        if (FlowNodeItem *item = m_nodes.value(id))
            item->setSelected(true);
    }
}

QRectF FlowScene::nodesRect() const
{
    return nodesRect(m_nodes.keys());
}

QRectF FlowScene::nodesRect(const QStringList &nodeIds) const
{
    QRectF rect;
    for (const QString &id : nodeIds) {
        if (const FlowNodeItem *item = m_nodes.value(id))
            rect = rect.united(item->sceneBoundingRect());
    }
    return rect;
}

void FlowScene::setNodeProblems(const QHash<QString, NodeProblems> &problems)
{
    m_problems = problems;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        it.value()->setProblems(m_problems.value(it.key()));
}

LayoutGraph FlowScene::layoutGraph() const
{
    LayoutGraph graph;
    for (const QString &id : m_model->nodeIds()) {
        if (const FlowNodeItem *item = m_nodes.value(id))
            graph.nodes.append({id, item->size()});
    }
    for (const QString &id : m_model->edgeIds()) {
        const FlowEdge *edge = m_model->edge(id);
        if (m_nodes.contains(edge->source) && m_nodes.contains(edge->target))
            graph.edges.append({edge->source, edge->target});
    }
    return graph;
}

} // namespace hm::app
