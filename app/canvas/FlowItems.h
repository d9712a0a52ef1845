#pragma once

#include "flowgraph/FlowGraphTypes.h"
#include "widgets/RunStatus.h"

#include <QGraphicsItem>
#include <QGraphicsPathItem>
#include <QList>
#include <QString>
#include <QStringList>

namespace hm::app {

class FlowBadgeItem;
class FlowScene;
struct FlowCanvasStyle;

// How the version diff marks a node or an edge (none: unchanged).
enum class DiffMark
{
    None,
    Added,
    Removed,
    Changed,
};

// What the Problems list says about one node, for its badge.
struct NodeProblems
{
    int errors = 0;
    int warnings = 0;
    QStringList messages;
    bool operator==(const NodeProblems &) const = default;
};

// A typed port on a node's side. A child of FlowNodeItem so that hit tests
// find it before the node, and it carries its own tooltip (name, type,
// description).
class FlowPortItem final : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 2
    };
    // While a connection is dragged: which ports could take it.
    enum class Highlight
    {
        None,
        Compatible,
        Dimmed,
    };

    FlowPortItem(const QString &nodeId, const FlowPort &port, QGraphicsItem *parent);

    int type() const override { return Type; }
    const QString &nodeId() const { return m_nodeId; }
    const FlowPort &port() const { return m_port; }
    void setHighlight(Highlight highlight);
    Highlight highlight() const { return m_highlight; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_nodeId;
    FlowPort m_port;
    Highlight m_highlight = Highlight::None;
};

// A node: a rounded card with the node id as title, the component and
// version below it, inputs on the left and outputs on the right. Drawn with
// QPainter paths only, so it is crisp at any devicePixelRatio and zoom.
// Not movable by itself: FlowView moves nodes through the model.
class FlowNodeItem final : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 1
    };

    FlowNodeItem(FlowScene *scene, const QString &nodeId);

    int type() const override { return Type; }
    const QString &nodeId() const { return m_id; }
    // Re-reads the node and its ports from the model and re-measures.
    void refresh();
    QSizeF size() const { return m_size; }
    // Scene position of a port's centre (the node's top-left when unknown).
    QPointF portScenePos(PortDirection direction, const QString &name) const;
    const QList<FlowPortItem *> &ports() const { return m_ports; }
    // The node's problems as a badge on its top-right corner (none: no
    // badge).
    void setProblems(const NodeProblems &problems);
    FlowBadgeItem *problemBadge() const { return m_badge; }

    // The execution viewer's status of the node: a strip in the status's
    // colour on the card's left edge and its icon in the header (dashed
    // border when skipped). Unknown (the default) draws the editor's card.
    void setRunStatus(RunStatus status);
    RunStatus runStatus() const { return m_runStatus; }
    // Turns a running node's spinner and pulses its strip (0..1).
    void setRunPhase(qreal phase);
    // The version diff's mark: a thick border in the mark's colour and a
    // sign in the header ("+", "−", "~"), removed nodes dashed and faded.
    void setDiffMark(DiffMark mark);
    DiffMark diffMark() const { return m_diffMark; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void paintRunStatus(QPainter *painter, const QPainterPath &outline, double lod) const;

    FlowScene *m_scene;
    FlowBadgeItem *m_badge = nullptr;
    QString m_id;
    RunStatus m_runStatus = RunStatus::Unknown;
    DiffMark m_diffMark = DiffMark::None;
    qreal m_runPhase = 0.0;
    QString m_subtitle;
    bool m_known = true;
    QList<FlowPortItem *> m_ports;
    int m_inputs = 0;
    int m_outputs = 0;
    QSizeF m_size;
};

// A node's problem count on the card's top-right corner: a red disc for
// errors, an amber one when there are only warnings, with the number in it
// (colour is never the only signal); the tooltip lists the problems. A child
// of the node, so the card's own painting stays as it is.
class FlowBadgeItem final : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 4
    };
    explicit FlowBadgeItem(QGraphicsItem *parent);

    int type() const override { return Type; }
    void setProblems(const NodeProblems &problems);
    const NodeProblems &problems() const { return m_problems; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    NodeProblems m_problems;
};

// An edge: a cubic curve from an output port to an input port, coloured by
// the output's type. Selectable, so Delete can disconnect it.
class FlowEdgeItem final : public QGraphicsPathItem
{
public:
    enum
    {
        Type = UserType + 3
    };

    explicit FlowEdgeItem(const QString &edgeId);

    int type() const override { return Type; }
    const QString &edgeId() const { return m_id; }
    void setEnds(QPointF from, QPointF to, flow::PortType type);
    // The version diff's mark: added edges in the added colour, removed
    // ones dashed in the removed colour.
    void setDiffMark(DiffMark mark);
    DiffMark diffMark() const { return m_diffMark; }

    // The curve the canvas draws between two points (also for the
    // connection being dragged).
    static QPainterPath curve(QPointF from, QPointF to);

    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_id;
    flow::PortType m_type = flow::PortType::Any;
    DiffMark m_diffMark = DiffMark::None;
};

} // namespace hm::app
