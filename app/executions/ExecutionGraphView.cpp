#include "executions/ExecutionGraphView.h"

#include "canvas/FlowItems.h"
#include "canvas/FlowLayout.h"
#include "canvas/FlowScene.h"
#include "common/Logging.h"
#include "executions/ExecutionState.h"
#include "flowgraph/FlowGraphModel.h"

#include <QUndoStack>
#include <QWheelEvent>

namespace hm::app {

ExecutionGraphView::ExecutionGraphView(ExecutionState *state, QWidget *parent)
    : QGraphicsView(parent), m_state(state), m_model(std::make_unique<FlowGraphModel>()),
      m_scene(std::make_unique<FlowScene>(m_model.get()))
{
    setObjectName(QStringLiteral("execution.graph"));
    setScene(m_scene.get());
    m_model->setReadOnly(true);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    m_scene->setCanvasPalette(palette());
    connect(m_scene.get(), &QGraphicsScene::selectionChanged, this, [this] {
        if (m_selecting)
            return;
        const QStringList ids = m_scene->selectedNodeIds();
        if (!ids.isEmpty())
            emit nodeSelected(ids.first());
    });
    connect(state, &ExecutionState::nodesChanged, this, &ExecutionGraphView::updateNodes);
    // A service node whose endpoint is gone (or cannot be fetched) is drawn
    // with a warning saying why, after the scene has redrawn it.
    connect(m_model.get(), &FlowGraphModel::nodeUpdated, this,
            &ExecutionGraphView::updateInterfaceProblems);
    connect(m_model.get(), &FlowGraphModel::nodeCreated, this,
            &ExecutionGraphView::updateInterfaceProblems);
    connect(m_model.get(), &FlowGraphModel::modelReset, this,
            &ExecutionGraphView::updateInterfaceProblems);
}

ExecutionGraphView::~ExecutionGraphView()
{
    // The scene's items go with it and change the selection on their way:
    // nothing of that is a user's choice.
    m_scene->disconnect(this);
    setScene(nullptr);
}

void ExecutionGraphView::setDefinition(const QJsonObject &definition)
{
    if (const Status loaded = m_model->load(definition); !loaded) {
        qCWarning(lcApp) << "execution viewer: the flow version does not load:"
                         << loaded.error().toString();
        return;
    }
    // Nodes made without positions all sit at one point: lay them out.
    QSet<QPair<qreal, qreal>> positions;
    for (const QString &id : m_model->nodeIds()) {
        const QPointF p = m_model->node(id)->position;
        positions.insert({p.x(), p.y()});
    }
    if (m_model->nodeCount() > 1 && positions.size() < m_model->nodeCount()) {
        m_model->setReadOnly(false); // only for this layout
        const auto layout = FlowLayout::create();
        if (const Status laid = m_model->applyLayout(layout->layout(m_scene->layoutGraph())); !laid)
            qCWarning(lcApp) << "execution viewer: layout failed:" << laid.error().toString();
        m_model->undoStack()->clear();
    }
    // An execution's graph is looked at, never edited (the editor's
    // read-only mode: the model refuses every edit).
    m_model->setReadOnly(true);
    updateAll();
    m_fitPending = true;
    if (isVisible())
        fitToView();
}

void ExecutionGraphView::setCatalogue(const ComponentCatalogue &catalogue)
{
    m_model->setCatalogue(catalogue);
    updateAll();
}

void ExecutionGraphView::updateInterfaceProblems()
{
    const ComponentCatalogue &catalogue = m_model->catalogue();
    QHash<QString, NodeProblems> problems;
    for (const QString &id : m_model->nodeIds()) {
        const FlowNode *node = m_model->node(id);
        if (!catalogue.portsFollowConfig(node->component, node->version) ||
            !catalogue.hasNodeInterface(node->component, node->version, node->config))
            continue;
        const Result<flow::ComponentInterface> interface =
            catalogue.nodeInterface(node->component, node->version, node->config);
        if (interface.ok())
            continue;
        NodeProblems &p = problems[id];
        p.warnings = 1;
        p.messages.append(
            tr("The ports of node “%1” are not known: %2").arg(id, interface.error().message));
    }
    if (problems != m_interfaceProblems) {
        m_interfaceProblems = problems;
        m_scene->setNodeProblems(problems);
        emit nodeWarningsChanged();
    }
}

QStringList ExecutionGraphView::allNodeWarnings() const
{
    QStringList ids = m_interfaceProblems.keys();
    ids.sort();
    QStringList all;
    for (const QString &id : std::as_const(ids))
        all += m_interfaceProblems.value(id).messages;
    return all;
}

void ExecutionGraphView::updateAll()
{
    QSet<QString> all;
    for (const QString &id : m_model->nodeIds())
        all.insert(id);
    updateNodes(all);
}

void ExecutionGraphView::updateNodes(const QSet<QString> &nodeIds)
{
    for (const QString &id : nodeIds) {
        FlowNodeItem *item = m_scene->nodeItem(id);
        const NodeRun *run = m_state->node(id);
        if (!item || !run)
            continue;
        item->setRunStatus(run->status);
        if (run->status == RunStatus::Running)
            m_running.insert(id);
        else
            m_running.remove(id);
    }
}

void ExecutionGraphView::setPhase(qreal phase)
{
    for (const QString &id : std::as_const(m_running)) {
        if (FlowNodeItem *item = m_scene->nodeItem(id))
            item->setRunPhase(phase);
    }
}

QString ExecutionGraphView::selectedNode() const
{
    const QStringList ids = m_scene->selectedNodeIds();
    return ids.isEmpty() ? QString() : ids.first();
}

void ExecutionGraphView::setSelectedNode(const QString &nodeId)
{
    if (selectedNode() == nodeId)
        return;
    m_selecting = true;
    m_scene->selectNodes(nodeId.isEmpty() ? QStringList() : QStringList{nodeId});
    m_selecting = false;
    if (const FlowNodeItem *item = m_scene->nodeItem(nodeId))
        ensureVisible(item, 40, 40);
}

void ExecutionGraphView::fitToView()
{
    m_fitPending = false;
    const QRectF rect = m_scene->nodesRect();
    if (rect.isNull())
        return;
    fitInView(rect.adjusted(-30, -30, 30, 30), Qt::KeepAspectRatio);
    const double zoom = std::clamp(transform().m11(), 0.1, 1.0);
    setTransform(QTransform::fromScale(zoom, zoom));
    centerOn(rect.center());
}

void ExecutionGraphView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (m_fitPending)
        fitToView();
}

void ExecutionGraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double factor = event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15;
        const double zoom = std::clamp(transform().m11() * factor, 0.1, 4.0);
        setTransform(QTransform::fromScale(zoom, zoom));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void ExecutionGraphView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_scene->setCanvasPalette(palette());
    QGraphicsView::changeEvent(event);
}

} // namespace hm::app
