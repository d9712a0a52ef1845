#include "canvas/FlowView.h"

#include "canvas/FlowItems.h"
#include "canvas/FlowMinimap.h"
#include "canvas/FlowScene.h"
#include "canvas/QuickAddPopup.h"
#include "flowgraph/FlowFragment.h"
#include "flowgraph/FlowGraphModel.h"

#include <QApplication>
#include <QClipboard>
#include <QFontMetrics>
#include <QKeyEvent>
#include <QKeySequence>
#include <QMimeData>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QUndoStack>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace hm::app {

namespace {

FlowNodeItem *nodeItemOf(QGraphicsItem *item)
{
    for (; item; item = item->parentItem()) {
        if (item->type() == FlowNodeItem::Type)
            return static_cast<FlowNodeItem *>(item);
    }
    return nullptr;
}

// A new number per drag, as FlowGraphModel::moveNodes asks.
int nextGesture()
{
    static int gesture = 0;
    return ++gesture;
}

} // namespace

FlowView::FlowView(FlowScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent), m_scene(scene), m_minimap(new FlowMinimap(this))
{
    setObjectName(QStringLiteral("editor.canvas"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    m_scene->setCanvasPalette(palette());
    centerOn(0, 0);

    connect(m_scene, &QGraphicsScene::changed, this, [this] {
        updateMinimapVisibility();
        m_minimap->update();
    });
    updateMinimapVisibility();
}

FlowView::~FlowView() = default;

FlowGraphModel *FlowView::model() const
{
    return m_scene->model();
}

double FlowView::zoom() const
{
    return transform().m11();
}

QPointF FlowView::snapped(QPointF p)
{
    const double g = FlowCanvasStyle::kGrid;
    return {std::round(p.x() / g) * g, std::round(p.y() / g) * g};
}

// --- zoom --------------------------------------------------------------------

void FlowView::zoomBy(double factor, std::optional<QPointF> viewportAnchor)
{
    const double current = zoom();
    const double next = std::clamp(current * factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(next, current))
        return;
    // Keep the scene point under the anchor (pointer or centre) in place.
    const QPoint anchor = viewportAnchor ? viewportAnchor->toPoint() : viewport()->rect().center();
    const QPointF before = mapToScene(anchor);
    setTransform(QTransform::fromScale(next, next));
    const QPointF after = mapToScene(anchor);
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() +
                                    static_cast<int>(std::lround((before.x() - after.x()) * next)));
    verticalScrollBar()->setValue(verticalScrollBar()->value() +
                                  static_cast<int>(std::lround((before.y() - after.y()) * next)));
    m_minimap->update();
    emit zoomChanged(next);
}

void FlowView::zoomIn()
{
    zoomBy(1.25);
}

void FlowView::zoomOut()
{
    zoomBy(1 / 1.25);
}

void FlowView::setZoom(double zoom)
{
    zoomBy(zoom / this->zoom());
}

namespace {

// Fits `rect` into the view, never magnifying beyond `maxZoom` (a single
// small node should not fill the screen).
void fitRect(FlowView *view, const QRectF &rect, double maxZoom)
{
    view->fitInView(rect.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    const double z = std::clamp(view->transform().m11(), FlowView::kMinZoom, maxZoom);
    view->setTransform(QTransform::fromScale(z, z));
    view->centerOn(rect.center());
}

} // namespace

void FlowView::fitToView()
{
    const QRectF rect = m_scene->nodesRect();
    if (rect.isNull()) {
        setTransform(QTransform());
        centerOn(0, 0);
    } else {
        fitRect(this, rect, 1.0);
    }
    m_minimap->update();
    emit zoomChanged(zoom());
}

void FlowView::zoomToSelection()
{
    const QRectF rect = m_scene->nodesRect(m_scene->selectedNodeIds());
    if (rect.isNull()) {
        emit statusMessage(tr("Select the nodes to zoom to first."));
        return;
    }
    fitRect(this, rect, 2.0);
    m_minimap->update();
    emit zoomChanged(zoom());
}

void FlowView::setSnapToGrid(bool on)
{
    m_snap = on;
}

// --- edits -------------------------------------------------------------------

bool FlowView::isReadOnly() const
{
    return model()->isReadOnly();
}

bool FlowView::refuseReadOnly()
{
    if (!isReadOnly())
        return false;
    emit statusMessage(tr("This flow is open read-only: it cannot be changed here."));
    return true;
}

QString FlowView::addComponent(const ComponentRef &component, QPointF scenePos)
{
    if (refuseReadOnly())
        return {};
    const QPointF position = m_snap ? snapped(scenePos) : scenePos;
    Result<QString> added =
        model()->addNode(component.name, component.version, position, component.config);
    if (!added) {
        emit statusMessage(added.error().message);
        return {};
    }
    m_scene->selectNodes({added.value()});
    return added.value();
}

void FlowView::selectAllNodes()
{
    for (FlowNodeItem *item : m_scene->nodeItems())
        item->setSelected(true);
}

void FlowView::deleteSelection()
{
    if (refuseReadOnly())
        return;
    const QStringList nodes = m_scene->selectedNodeIds();
    QStringList edges;
    for (const QString &id : m_scene->selectedEdgeIds()) {
        const FlowEdge *edge = model()->edge(id);
        // Edges of deleted nodes go with them.
        if (edge && !nodes.contains(edge->source) && !nodes.contains(edge->target))
            edges.append(id);
    }
    if (nodes.isEmpty() && edges.isEmpty())
        return;
    QUndoStack *stack = model()->undoStack();
    const bool both = !nodes.isEmpty() && !edges.isEmpty();
    if (both)
        stack->beginMacro(tr("Delete"));
    Status status;
    if (!edges.isEmpty())
        status = model()->removeConnections(edges);
    if (status && !nodes.isEmpty())
        status = model()->removeNodes(nodes);
    if (both)
        stack->endMacro();
    if (!status)
        emit statusMessage(status.error().message);
}

void FlowView::copySelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    if (nodes.isEmpty()) {
        emit statusMessage(tr("Select the nodes to copy first."));
        return;
    }
    QGuiApplication::clipboard()->setMimeData(model()->mimeData(nodes));
    m_pasteCount = 0;
    emit statusMessage(tr("Copied %n node(s).", nullptr, static_cast<int>(nodes.size())));
}

void FlowView::cutSelection()
{
    if (refuseReadOnly())
        return;
    const QStringList nodes = m_scene->selectedNodeIds();
    if (nodes.isEmpty()) {
        emit statusMessage(tr("Select the nodes to cut first."));
        return;
    }
    QGuiApplication::clipboard()->setMimeData(model()->mimeData(nodes));
    // Pasting after a cut puts the nodes back where they were.
    m_pasteCount = -1;
    if (const Status removed = model()->removeNodes(nodes); !removed)
        emit statusMessage(removed.error().message);
}

void FlowView::paste()
{
    if (refuseReadOnly())
        return;
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QByteArray text;
    if (mime && mime->hasFormat(kFragmentMimeType))
        text = mime->data(kFragmentMimeType);
    else if (mime && mime->hasText())
        text = mime->text().toUtf8();
    if (text.isEmpty()) {
        emit statusMessage(tr("The clipboard holds no nodes."));
        return;
    }
    // Each paste lands a step further down and right, so copies stay visible.
    ++m_pasteCount;
    pasteText(text, QPointF(2, 2) * FlowCanvasStyle::kGrid * m_pasteCount);
}

void FlowView::duplicateSelection()
{
    if (refuseReadOnly())
        return;
    const QStringList nodes = m_scene->selectedNodeIds();
    if (nodes.isEmpty()) {
        emit statusMessage(tr("Select the nodes to duplicate first."));
        return;
    }
    pasteText(model()->copy(nodes), QPointF(2, 2) * FlowCanvasStyle::kGrid);
}

void FlowView::pasteText(const QByteArray &text, QPointF offset)
{
    Result<QStringList> pasted = model()->paste(text, offset);
    if (!pasted) {
        emit statusMessage(pasted.error().message);
        return;
    }
    m_scene->selectNodes(pasted.value());
    emit statusMessage(tr("Pasted %n node(s).", nullptr, static_cast<int>(pasted.value().size())));
}

QString FlowView::addAndConnect(const ComponentRef &component, QPointF scenePos,
                                const QStringList &selected, const QString &fromNode,
                                const std::optional<FlowPort> &source)
{
    // With one node selected, the new node is connected after it
    // (console.md, quick add); from a port, to the input its type feeds:
    // one undo step for both.
    QUndoStack *stack = model()->undoStack();
    stack->beginMacro(tr("Add %1").arg(component.name));
    const QString id = addComponent(component, scenePos);
    if (!id.isEmpty() && source) {
        QString input = kDefaultPort;
        if (source->type != flow::PortType::Any) {
            for (const FlowPort &p : model()->ports(id, PortDirection::In)) {
                if (p.name != kDefaultPort && p.declared && portTypeFeeds(source->type, p.type)) {
                    input = p.name;
                    break;
                }
            }
        }
        const EdgeSpec spec{fromNode, source->name, id, input};
        if (model()->connectionPossible(spec).ok())
            (void)model()->addConnection(spec);
    } else if (!id.isEmpty() && selected.size() == 1) {
        const QList<FlowPort> outputs = model()->ports(selected.first(), PortDirection::Out);
        if (!outputs.isEmpty()) {
            const EdgeSpec spec{selected.first(), outputs.first().name, id, kDefaultPort};
            if (model()->connectionPossible(spec).ok())
                (void)model()->addConnection(spec);
        }
    }
    stack->endMacro();
    return id;
}

QString FlowView::addComponentInView(const ComponentRef &component)
{
    if (refuseReadOnly())
        return {};
    // After the one selected node: to its right, as a flow reads (and
    // auto-layout lays it out); else the view's centre. Below that where a
    // node already sits (a second double click does not stack two nodes on
    // one spot).
    const qreal step = FlowCanvasStyle::kGrid * 5;
    const QStringList selected = m_scene->selectedNodeIds();
    const FlowNodeItem *after =
        selected.size() == 1 ? m_scene->nodeItem(selected.first()) : nullptr;
    QPointF at = after ? QPointF(after->sceneBoundingRect().right() + 2 * step,
                                 after->sceneBoundingRect().top())
                       : mapToScene(viewport()->rect().center());
    for (int tries = 0; tries < 20; ++tries) {
        const QRectF spot(at, QSizeF(step, step));
        const QList<FlowNodeItem *> items = m_scene->nodeItems();
        const bool taken = std::any_of(items.begin(), items.end(), [&](FlowNodeItem *item) {
            return item->sceneBoundingRect().intersects(spot);
        });
        if (!taken)
            break;
        at.ry() += step;
    }
    const QString id = addAndConnect(component, at, selected, {}, std::nullopt);
    if (!id.isEmpty()) {
        if (FlowNodeItem *item = m_scene->nodeItem(id))
            ensureVisible(item);
    }
    return id;
}

QPoint FlowView::quickAddPosition() const
{
    if (viewport()->rect().contains(m_lastMouseViewPos))
        return m_lastMouseViewPos;
    return viewport()->rect().center();
}

void FlowView::openQuickAdd(const QString &text)
{
    showQuickAdd(text, {}, {});
}

void FlowView::openQuickAddFrom(const QString &nodeId, const QString &outputPort)
{
    showQuickAdd({}, nodeId, outputPort);
}

void FlowView::showQuickAdd(const QString &text, const QString &fromNode, const QString &fromPort)
{
    if (refuseReadOnly())
        return;
    if (model()->catalogue().isEmpty()) {
        emit statusMessage(tr("No components are known yet: connect to a server first."));
        return;
    }
    std::optional<FlowPort> source;
    if (!fromNode.isEmpty()) {
        source = model()->port(fromNode, PortDirection::Out, fromPort);
        if (!source)
            return;
    }
    if (m_quickAdd)
        m_quickAdd->close();
    const QPoint at = quickAddPosition();
    const QPointF scenePos = mapToScene(at);
    const QStringList selected = m_scene->selectedNodeIds();
    m_quickAdd = new QuickAddPopup(model(), this);
    if (source)
        m_quickAdd->setSourceType(source->type);
    connect(m_quickAdd, &QuickAddPopup::componentChosen, this,
            [this, scenePos, selected, fromNode, source](const ComponentRef &component) {
                addAndConnect(component, scenePos, selected, fromNode, source);
                setFocus();
            });
    m_quickAdd->popup(viewport()->mapToGlobal(at), text);
}

// --- connecting --------------------------------------------------------------

void FlowView::beginConnection(FlowPortItem *port)
{
    m_connecting = true;
    m_connectNode = port->nodeId();
    m_connectPort = port->port().name;
    m_connectFrom = port->scenePos();
    m_connectTo = m_connectFrom;
    m_connectRefused = false;
    updateMinimapVisibility();
    // Compatible inputs stand out, the rest dims (console.md).
    for (FlowPortItem *p : m_scene->allPorts()) {
        if (p == port)
            continue;
        bool ok = false;
        if (p->port().direction == PortDirection::In)
            ok = model()
                     ->connectionPossible(
                         {m_connectNode, m_connectPort, p->nodeId(), p->port().name})
                     .ok();
        p->setHighlight(ok ? FlowPortItem::Highlight::Compatible : FlowPortItem::Highlight::Dimmed);
    }
    viewport()->update();
}

void FlowView::updateConnection(QPointF scenePos, QPoint globalPos)
{
    m_connectTo = scenePos;
    m_connectRefused = false;
    const FlowPortItem *target = m_scene->portAt(scenePos);
    if (target && target->port().direction == PortDirection::In) {
        m_connectTo = target->scenePos();
        const ConnectionCheck check = model()->connectionPossible(
            {m_connectNode, m_connectPort, target->nodeId(), target->port().name});
        if (!check.ok()) {
            m_connectRefused = true;
            QToolTip::showText(globalPos, check.message, this);
        } else {
            QToolTip::hideText();
        }
    } else {
        QToolTip::hideText();
    }
    viewport()->update();
}

void FlowView::finishConnection(QPointF scenePos, QPoint globalPos)
{
    m_connecting = false;
    updateMinimapVisibility();
    clearPortHighlights();
    viewport()->update();
    const FlowPortItem *target = m_scene->portAt(scenePos);
    if (!target && !nodeItemOf(m_scene->itemAt(scenePos, transform()))) {
        // Dropped on empty canvas: quick add offers what fits the port.
        m_lastMouseViewPos = mapFromScene(scenePos);
        openQuickAddFrom(m_connectNode, m_connectPort);
        return;
    }
    if (!target || target->port().direction != PortDirection::In)
        return;
    const EdgeSpec spec{m_connectNode, m_connectPort, target->nodeId(), target->port().name};
    const ConnectionCheck check = model()->connectionPossible(spec);
    if (!check.ok()) {
        // Said for a moment where it was dropped (and in the status line).
        QToolTip::showText(globalPos, check.message, this, QRect(), 5000);
        emit statusMessage(check.message);
        return;
    }
    if (Result<QString> added = model()->addConnection(spec); !added)
        emit statusMessage(added.error().message);
}

void FlowView::clearPortHighlights()
{
    for (FlowPortItem *p : m_scene->allPorts())
        p->setHighlight(FlowPortItem::Highlight::None);
}

// --- events ------------------------------------------------------------------

void FlowView::mousePressEvent(QMouseEvent *event)
{
    m_lastMouseViewPos = event->position().toPoint();
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    const QPointF scenePos = mapToScene(event->position().toPoint());
    // Read-only: click and rubber band select, nothing moves or connects.
    if (event->button() == Qt::LeftButton && !isReadOnly()) {
        if (FlowPortItem *port = m_scene->portAt(scenePos);
            port && port->port().direction == PortDirection::Out) {
            beginConnection(port);
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    const FlowNodeItem *node = nodeItemOf(itemAt(event->position().toPoint()));
    if (node && node->isSelected() && !isReadOnly()) {
        m_moving = true;
        m_gesture = 0;
        m_moveAnchor = node->nodeId();
        m_moveStart = scenePos;
        m_pressViewPos = event->position();
        m_moveOrigins.clear();
        for (const QString &id : m_scene->selectedNodeIds())
            m_moveOrigins.insert(id, model()->node(id)->position);
    }
}

void FlowView::mouseMoveEvent(QMouseEvent *event)
{
    m_lastMouseViewPos = event->position().toPoint();
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panLast;
        m_panLast = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    const QPointF scenePos = mapToScene(event->position().toPoint());
    if (m_connecting) {
        updateConnection(scenePos, event->globalPosition().toPoint());
        event->accept();
        return;
    }
    if (m_moving && (event->buttons() & Qt::LeftButton)) {
        if (m_gesture == 0) {
            // A click that wobbles a pixel is not a move.
            if ((event->position() - m_pressViewPos).manhattanLength() <
                QApplication::startDragDistance())
                return;
            m_gesture = nextGesture();
            updateMinimapVisibility();
        }
        const QPointF anchorOrigin = m_moveOrigins.value(m_moveAnchor);
        QPointF anchorTarget = anchorOrigin + (scenePos - m_moveStart);
        if (m_snap)
            anchorTarget = snapped(anchorTarget);
        const QPointF delta = anchorTarget - anchorOrigin;
        QHash<QString, QPointF> positions;
        for (auto it = m_moveOrigins.cbegin(); it != m_moveOrigins.cend(); ++it)
            positions.insert(it.key(), it.value() + delta);
        if (const Status moved = model()->moveNodes(positions, m_gesture); !moved)
            emit statusMessage(moved.error().message);
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void FlowView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    if (m_connecting && event->button() == Qt::LeftButton) {
        finishConnection(mapToScene(event->position().toPoint()),
                         event->globalPosition().toPoint());
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_moving = false;
        m_gesture = 0;
        updateMinimapVisibility();
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void FlowView::mouseDoubleClickEvent(QMouseEvent *event)
{
    m_lastMouseViewPos = event->position().toPoint();
    if (event->button() == Qt::LeftButton && !itemAt(event->position().toPoint()) &&
        !isReadOnly()) {
        openQuickAdd();
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void FlowView::wheelEvent(QWheelEvent *event)
{
    // Ctrl + wheel zooms at the pointer; the plain wheel scrolls, as in
    // other editors where the wheel moves through a long document.
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(1.0015, event->angleDelta().y()), event->position());
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
    m_minimap->update();
}

void FlowView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const bool plain = (mods & ~Qt::ShiftModifier) == 0;
    switch (event->key()) {
    case Qt::Key_Space:
        if (!event->isAutoRepeat() && !m_panning) {
            m_spaceHeld = true;
            viewport()->setCursor(Qt::OpenHandCursor);
        }
        event->accept();
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (!isReadOnly())
            deleteSelection();
        event->accept();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (plain) {
            zoomIn();
            event->accept();
            return;
        }
        break;
    case Qt::Key_Minus:
        if (plain) {
            zoomOut();
            event->accept();
            return;
        }
        break;
    case Qt::Key_Tab:
        if (mods == Qt::NoModifier && !isReadOnly()) {
            openQuickAdd();
            event->accept();
            return;
        }
        break;
    case Qt::Key_Escape:
        if (m_connecting) {
            m_connecting = false;
            updateMinimapVisibility();
            clearPortHighlights();
            viewport()->update();
        } else {
            m_scene->clearSelection();
        }
        event->accept();
        return;
    default:
        break;
    }
    // Typing a letter on the canvas starts quick add with that letter.
    const QString text = event->text();
    if (plain && text.size() == 1 && text.at(0).isLetter() && !isReadOnly()) {
        openQuickAdd(text);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void FlowView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        if (!m_panning)
            viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

bool FlowView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        const auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1.0 + gesture->value(), gesture->position());
            return true;
        }
        if (gesture->gestureType() == Qt::SmartZoomNativeGesture) {
            fitToView();
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

bool FlowView::focusNextPrevChild(bool)
{
    // Tab belongs to quick add (console.md), not to focus traversal.
    return false;
}

void FlowView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeMinimap();
}

void FlowView::placeMinimap()
{
    const QSize size = kMinimapSize;
    const int margin = 12;
    m_minimap->setGeometry(width() - size.width() - margin, height() - size.height() - margin,
                           size.width(), size.height());
    updateMinimapVisibility();
}

void FlowView::setMinimapWanted(bool wanted)
{
    m_minimapWanted = wanted;
    updateMinimapVisibility();
}

void FlowView::updateMinimapVisibility()
{
    // A narrow or short canvas has no corner to spare: the minimap would
    // sit on the nodes the operator works on (their ports under it cannot
    // be clicked), so it steps aside until the view grows again.
    const QSize view = size();
    const bool roomy = view.width() >= kMinimapRoom * kMinimapSize.width() &&
                       view.height() >= kMinimapRoom * kMinimapSize.height();
    // While a connection or a move is dragged the target may be under it.
    const bool dragging = m_connecting || (m_moving && m_gesture != 0);
    const bool show = m_minimapWanted && roomy && !dragging && model()->nodeCount() > 0;
    if (m_minimap->isHidden() == show)
        m_minimap->setVisible(show);
}

void FlowView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    m_minimap->update();
}

void FlowView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_scene->setCanvasPalette(palette());
    if (event->type() == QEvent::LanguageChange)
        viewport()->update(); // the empty canvas's hint
    QGraphicsView::changeEvent(event);
}

void FlowView::dragEnterEvent(QDragEnterEvent *event)
{
    if (!isReadOnly() && componentFromMimeData(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void FlowView::dragMoveEvent(QDragMoveEvent *event)
{
    if (!isReadOnly() && componentFromMimeData(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void FlowView::dropEvent(QDropEvent *event)
{
    const auto component = componentFromMimeData(event->mimeData());
    if (!component || isReadOnly()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    addComponent(*component, mapToScene(event->position().toPoint()));
    setFocus();
}

void FlowView::drawBackground(QPainter *painter, const QRectF &rect)
{
    const FlowCanvasStyle &s = m_scene->canvasStyle();
    painter->fillRect(rect, s.background);
    // Minor lines only when they are at least 8 px apart on screen.
    const double grid = FlowCanvasStyle::kGrid;
    const double major = grid * 5;
    auto drawLines = [&](double step, const QColor &colour) {
        QPen pen(colour, 0); // cosmetic: one device pixel at any zoom
        painter->setPen(pen);
        QList<QLineF> lines;
        for (double x = std::floor(rect.left() / step) * step; x <= rect.right(); x += step)
            lines.append(QLineF(x, rect.top(), x, rect.bottom()));
        for (double y = std::floor(rect.top() / step) * step; y <= rect.bottom(); y += step)
            lines.append(QLineF(rect.left(), y, rect.right(), y));
        painter->drawLines(lines);
    };
    painter->setRenderHint(QPainter::Antialiasing, false);
    if (grid * zoom() >= 8.0)
        drawLines(grid, s.gridMinor);
    if (major * zoom() >= 8.0)
        drawLines(major, s.gridMajor);
}

void FlowView::drawForeground(QPainter *painter, const QRectF &)
{
    const FlowCanvasStyle &s = m_scene->canvasStyle();
    if (m_connecting) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(
            QPen(m_connectRefused ? s.refused : s.accent, 2.0, Qt::DashLine, Qt::RoundCap));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(FlowEdgeItem::curve(m_connectFrom, m_connectTo));
    }
    if (model()->nodeCount() == 0) {
        // The empty state: what this is and how to fill it (console.md).
        painter->save();
        painter->resetTransform();
        const QRect area = viewport()->rect();
        const QString heading = tr("This flow has no nodes yet");
        const QString body = tr("Drag a component from the palette, or press %1 or start typing "
                                "to add one here.")
                                 .arg(QKeySequence(Qt::Key_Tab).toString(QKeySequence::NativeText));
        QFont title = font();
        title.setPointSizeF(title.pointSizeF() * 1.25);
        title.setBold(true);
        // The card fits its text (which is longer in some languages and
        // wraps on narrow canvases) with even padding.
        const int padding = 20;
        const int width = std::min(480, area.width() - 40);
        const int inner = width - 2 * padding;
        const QRect headingRect = QFontMetrics(title).boundingRect(
            QRect(0, 0, inner, 1000), Qt::AlignHCenter | Qt::TextWordWrap, heading);
        const QRect bodyRect = fontMetrics().boundingRect(
            QRect(0, 0, inner, 1000), Qt::AlignHCenter | Qt::TextWordWrap, body);
        const int gap = 8;
        QRect box(0, 0, width, headingRect.height() + gap + bodyRect.height() + 2 * padding);
        box.moveCenter(area.center());
        // A card behind the text, so the grid does not run through it.
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(s.nodeBorder, 1.0));
        painter->setBrush(s.nodeFill);
        painter->drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);
        const QRect content = box.adjusted(padding, padding, -padding, -padding);
        painter->setFont(title);
        painter->setPen(s.text);
        painter->drawText(QRect(content.left(), content.top(), inner, headingRect.height()),
                          Qt::AlignHCenter | Qt::TextWordWrap, heading);
        painter->setFont(font());
        painter->setPen(s.mutedText);
        painter->drawText(QRect(content.left(), content.top() + headingRect.height() + gap, inner,
                                bodyRect.height()),
                          Qt::AlignHCenter | Qt::TextWordWrap, body);
        painter->restore();
    }
}

} // namespace hm::app
