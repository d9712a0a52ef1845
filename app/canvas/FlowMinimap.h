#pragma once

#include <QTransform>
#include <QWidget>

namespace hm::app {

class FlowView;

// An overview of the whole flow in a corner of the canvas: the nodes as
// small cards and the part the view shows as a rectangle. Clicking or
// dragging in it centres the view there. Painted from the scene's items
// (no second QGraphicsView), so it stays cheap with many nodes.
// objectName: editor.minimap.
class FlowMinimap final : public QWidget
{
    Q_OBJECT

public:
    explicit FlowMinimap(FlowView *view);

    // The scene area the minimap shows, and the mapping between the two.
    QRectF world() const;
    QPointF toScene(QPointF widgetPos) const;
    QPointF toWidget(QPointF scenePos) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRectF viewportSceneRect() const;
    QTransform transform() const;

    FlowView *m_view;
    // Fixed for one drag: the world grows with the viewport, and a moving
    // mapping would make the view drift under the pointer.
    QTransform m_dragTransform;
};

} // namespace hm::app
