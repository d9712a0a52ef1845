#pragma once

#include "canvas/ComponentPalette.h"
#include "canvas/QuickAddPopup.h"

#include <QGraphicsView>
#include <QHash>
#include <QPointF>
#include <QPointer>
#include <QSize>
#include <optional>

namespace hm::app {

class FlowGraphModel;
class FlowMinimap;
class FlowPortItem;
struct FlowPort;
class FlowScene;

// The canvas's view (QtNodes v3's GraphicsView): it only handles
// interaction and turns it into model commands; what is drawn follows from
// the model's signals through FlowScene. objectName: editor.canvas.
//
// Mouse: click and rubber band select (Ctrl adds), drag a node to move the
// selection (one undo step per drag), drag from an output port to an input
// port to connect, middle button or Space + drag to pan, Ctrl + wheel or
// pinch to zoom, plain wheel to scroll, double-click on empty canvas for
// quick add. Keys: Delete, + / -, Tab or a letter for quick add; the
// editor's actions (FlowEditorWidget) call the public slots.
class FlowView final : public QGraphicsView
{
    Q_OBJECT

public:
    FlowView(FlowScene *scene, QWidget *parent = nullptr);
    ~FlowView() override;

    FlowScene *flowScene() const { return m_scene; }
    FlowGraphModel *model() const;
    FlowMinimap *minimap() const { return m_minimap; }
    // The operator's choice (the editor's Minimap action). The minimap is
    // shown only when wanted, the flow has nodes, the view leaves room
    // around it (kMinimapRoom times its size) and no connection or move is
    // being dragged, so that it never hides the ports a drag aims at.
    void setMinimapWanted(bool wanted);
    bool minimapWanted() const { return m_minimapWanted; }
    static constexpr QSize kMinimapSize{200, 130};
    static constexpr int kMinimapRoom = 3;
    QuickAddPopup *quickAddPopup() const { return m_quickAdd; }

    double zoom() const;
    static constexpr double kMinZoom = 0.1;
    static constexpr double kMaxZoom = 4.0;
    bool snapToGrid() const { return m_snap; }
    // The point a grid snap moves `p` to.
    static QPointF snapped(QPointF p);

    // Follows the model's read-only mode: selecting, panning, zooming and
    // copying still work; moving, connecting, deleting, pasting, quick add
    // and dropping components do nothing (the edit slots say why).
    bool isReadOnly() const;

    // Adds a node of the component with its top-left at `scenePos` (snapped
    // when snapping is on); its id, or empty with the reason shown.
    QString addComponent(const ComponentRef &component, QPointF scenePos);
    // Adds `component` where the canvas is looking (a free spot near the
    // view's centre) and, with one node selected, after it — as quick add
    // does, one undo step. The palette's double click and Enter.
    QString addComponentInView(const ComponentRef &component);

public slots:
    void zoomIn();
    void zoomOut();
    void setZoom(double zoom);
    void fitToView();
    void zoomToSelection();
    void setSnapToGrid(bool on);
    void selectAllNodes();
    void deleteSelection();
    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    // Opens quick add at a viewport position (the cursor or the centre).
    void openQuickAdd(const QString &text = {});
    // Quick add for a connection dragged from this output into empty
    // canvas: only what has an input the port's type feeds; the node
    // chosen is added where the drag ended and connected to that input.
    void openQuickAddFrom(const QString &nodeId, const QString &outputPort);

signals:
    void zoomChanged(double zoom);
    // What happened or why not (refused connection, paste error), translated.
    void statusMessage(const QString &message);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void zoomBy(double factor, std::optional<QPointF> viewportAnchor = std::nullopt);
    void beginConnection(FlowPortItem *port);
    void updateConnection(QPointF scenePos, QPoint globalPos);
    void finishConnection(QPointF scenePos, QPoint globalPos);
    void clearPortHighlights();
    void placeMinimap();
    void updateMinimapVisibility();
    QPoint quickAddPosition() const;
    // Adds `component` at `scenePos`, connected from `source` (a port of
    // `fromNode`) or after the one node in `selected`: one undo step.
    QString addAndConnect(const ComponentRef &component, QPointF scenePos,
                          const QStringList &selected, const QString &fromNode,
                          const std::optional<FlowPort> &source);
    void showQuickAdd(const QString &text, const QString &fromNode, const QString &fromPort);
    void pasteText(const QByteArray &text, QPointF offset);
    // True (with the reason as a status message) when read-only.
    bool refuseReadOnly();

    FlowScene *m_scene;
    FlowMinimap *m_minimap;
    bool m_minimapWanted = true;
    QPointer<QuickAddPopup> m_quickAdd;
    bool m_snap = false;

    // Moving nodes: the nodes' positions when the drag began.
    bool m_moving = false;
    QString m_moveAnchor; // the node under the pointer; its snapped position leads
    QPointF m_moveStart;
    QPointF m_pressViewPos;
    QHash<QString, QPointF> m_moveOrigins;
    int m_gesture = 0;
    int m_lastGesture = 0;

    // Connecting: the output port the drag began on.
    bool m_connecting = false;
    QString m_connectNode;
    QString m_connectPort;
    QPointF m_connectFrom;
    QPointF m_connectTo;
    bool m_connectRefused = false;

    // Panning: middle button, or Space held while dragging.
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_panLast;

    int m_pasteCount = 0;
    QPoint m_lastMouseViewPos{-1, -1};
};

} // namespace hm::app
