#include "canvas/FlowMinimap.h"

#include "canvas/FlowItems.h"
#include "canvas/FlowScene.h"
#include "canvas/FlowView.h"

#include <QMouseEvent>
#include <QPainter>

namespace hm::app {

FlowMinimap::FlowMinimap(FlowView *view) : QWidget(view), m_view(view)
{
    setObjectName(QStringLiteral("editor.minimap"));
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click to move there"));
}

QRectF FlowMinimap::viewportSceneRect() const
{
    return m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
}

QRectF FlowMinimap::world() const
{
    QRectF world = m_view->flowScene()->nodesRect();
    world = world.united(viewportSceneRect());
    return world.adjusted(-40, -40, 40, 40);
}

QTransform FlowMinimap::transform() const
{
    const QRectF w = world();
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    const double scale = std::min(area.width() / w.width(), area.height() / w.height());
    // Centred in the widget, same scale on both axes.
    const QPointF offset = area.center() - QPointF(w.center().x() * scale, w.center().y() * scale);
    return QTransform(scale, 0, 0, scale, offset.x(), offset.y());
}

QPointF FlowMinimap::toScene(QPointF widgetPos) const
{
    return transform().inverted().map(widgetPos);
}

QPointF FlowMinimap::toWidget(QPointF scenePos) const
{
    return transform().map(scenePos);
}

void FlowMinimap::paintEvent(QPaintEvent *)
{
    const FlowCanvasStyle &s = m_view->flowScene()->canvasStyle();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor fill = s.nodeFill;
    fill.setAlphaF(0.92f);
    painter.setPen(QPen(s.nodeBorder, 1.0));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    const QTransform t = transform();
    painter.setRenderHint(QPainter::Antialiasing, false); // a thousand small boxes
    painter.setPen(Qt::NoPen);
    for (const FlowNodeItem *node : m_view->flowScene()->nodeItems()) {
        painter.setBrush(node->isSelected() ? s.accent : s.nodeBorder);
        painter.drawRect(t.mapRect(QRectF(node->pos(), node->size())));
    }
    painter.setPen(QPen(s.accent, 1.5));
    QColor shade = s.accent;
    shade.setAlphaF(0.12f);
    painter.setBrush(shade);
    painter.drawRect(t.mapRect(viewportSceneRect()));
}

void FlowMinimap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragTransform = transform().inverted();
        m_view->centerOn(m_dragTransform.map(event->position()));
    }
    event->accept();
}

void FlowMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        m_view->centerOn(m_dragTransform.map(event->position()));
    event->accept();
}

} // namespace hm::app
