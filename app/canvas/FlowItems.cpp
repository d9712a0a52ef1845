#include "canvas/FlowItems.h"

#include "canvas/FlowCanvasStyle.h"
#include "canvas/FlowScene.h"
#include "flowgraph/FlowGraphModel.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>

namespace hm::app {

namespace {

// Below this level of detail (scale of the view) the items draw without
// antialiasing: ports as squares, edges as one-pixel lines, cards without
// rounded corners. The node cards drop their text below 0.25 already.
constexpr double kLowDetail = 0.25;

const FlowCanvasStyle &styleOf(const QGraphicsItem *item)
{
    return static_cast<FlowScene *>(item->scene())->canvasStyle();
}

QFont smallFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.85);
    return f;
}

QFont titleFont(const QFont &base)
{
    QFont f = base;
    f.setBold(true);
    return f;
}

double portCentreY(int row)
{
    return FlowCanvasStyle::kHeaderHeight + FlowCanvasStyle::kPadding / 2.0 +
           (row + 0.5) * FlowCanvasStyle::kPortRowHeight;
}

} // namespace

// --- FlowPortItem ------------------------------------------------------------

FlowPortItem::FlowPortItem(const QString &nodeId, const FlowPort &port, QGraphicsItem *parent)
    : QGraphicsItem(parent), m_nodeId(nodeId), m_port(port)
{
    const QString type = portTypeLabel(port.type);
    QString tip =
        port.required
            ? QCoreApplication::translate("hm::app::FlowItems", "%1 (%2, required)")
                  .arg(port.name, type)
            : QCoreApplication::translate("hm::app::FlowItems", "%1 (%2)").arg(port.name, type);
    if (!port.description.isEmpty())
        tip += QLatin1Char('\n') + port.description;
    setToolTip(tip);
    setAcceptHoverEvents(true);
}

void FlowPortItem::setHighlight(Highlight highlight)
{
    if (m_highlight == highlight)
        return;
    m_highlight = highlight;
    update();
}

QRectF FlowPortItem::boundingRect() const
{
    // Larger than the dot so that ports are easy to hit with a mouse.
    const double r = FlowCanvasStyle::kPortRadius + 5.0;
    return {-r, -r, 2 * r, 2 * r};
}

void FlowPortItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const FlowCanvasStyle &s = styleOf(this);
    double r = FlowCanvasStyle::kPortRadius;
    QColor colour = s.portColour(m_port.type);
    if (m_highlight == Highlight::Compatible)
        r += 2.0;
    else if (m_highlight == Highlight::Dimmed)
        colour.setAlphaF(0.25f);
    // Far out (a whole large flow in view) a port is a pixel or two: a
    // plain square, no antialiased ellipse (docs/benchmarks.md, Console).
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < kLowDetail) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(QRectF(-r, -r, 2 * r, 2 * r), colour);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(m_highlight == Highlight::Compatible ? s.accent : s.nodeFill, 1.5));
    // Derived ports (not in the component's interface) are hollow.
    painter->setBrush(m_port.declared ? QBrush(colour) : QBrush(s.nodeFill));
    if (!m_port.declared)
        painter->setPen(QPen(colour, 1.5));
    painter->drawEllipse(QPointF(0, 0), r, r);
}

// --- FlowNodeItem --------------------------------------------------------------

FlowNodeItem::FlowNodeItem(FlowScene *scene, const QString &nodeId) : m_scene(scene), m_id(nodeId)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(1.0);
    refresh();
}

void FlowNodeItem::refresh()
{
    prepareGeometryChange();
    const FlowGraphModel *model = m_scene->model();
    const FlowNode *node = model->node(m_id);
    if (!node)
        return;
    m_known = node->isKnown();
    m_subtitle = node->version.isEmpty()
                     ? node->component
                     : QCoreApplication::translate("hm::app::FlowItems", "%1 · %2")
                           .arg(node->component, node->version);
    if (node->state == ComponentState::UnknownComponent)
        setToolTip(QCoreApplication::translate("hm::app::FlowItems",
                                               "The component %1 is not known to the server.")
                       .arg(node->component));
    else if (node->state == ComponentState::UnknownVersion)
        setToolTip(
            QCoreApplication::translate("hm::app::FlowItems", "The server has no version %2 of %1.")
                .arg(node->component, node->version));
    else
        setToolTip({});

    qDeleteAll(m_ports);
    m_ports.clear();
    const QList<FlowPort> inputs = model->ports(m_id, PortDirection::In);
    const QList<FlowPort> outputs = model->ports(m_id, PortDirection::Out);
    m_inputs = static_cast<int>(inputs.size());
    m_outputs = static_cast<int>(outputs.size());

    // Width: the widest of title, subtitle and an input label beside an
    // output label, so no text is ever clipped.
    const QFont base = m_scene->font();
    const QFontMetricsF title(titleFont(base));
    const QFontMetricsF small(smallFont(base));
    auto labelWidth = [&](const FlowPort &p) {
        return small.horizontalAdvance(p.name) + 6.0 +
               small.horizontalAdvance(portTypeLabel(p.type));
    };
    double inWidth = 0.0, outWidth = 0.0;
    for (const FlowPort &p : inputs)
        inWidth = std::max(inWidth, labelWidth(p));
    for (const FlowPort &p : outputs)
        outWidth = std::max(outWidth, labelWidth(p));
    const double pad = FlowCanvasStyle::kPadding;
    double width =
        std::max({FlowCanvasStyle::kNodeMinWidth, title.horizontalAdvance(m_id) + 2 * pad,
                  small.horizontalAdvance(m_subtitle) + 2 * pad, inWidth + outWidth + 3 * pad});
    // Whole grid cells, so snapped nodes line up on both sides.
    width = std::ceil(width / FlowCanvasStyle::kGrid) * FlowCanvasStyle::kGrid;
    const int rows = std::max(m_inputs, m_outputs);
    double height = FlowCanvasStyle::kHeaderHeight + pad + rows * FlowCanvasStyle::kPortRowHeight;
    height = std::ceil(height / FlowCanvasStyle::kGrid) * FlowCanvasStyle::kGrid;
    m_size = QSizeF(width, height);

    for (int i = 0; i < m_inputs; ++i) {
        auto *item = new FlowPortItem(m_id, inputs[i], this);
        item->setPos(0.0, portCentreY(i));
        m_ports.append(item);
    }
    for (int i = 0; i < m_outputs; ++i) {
        auto *item = new FlowPortItem(m_id, outputs[i], this);
        item->setPos(width, portCentreY(i));
        m_ports.append(item);
    }
    if (m_badge)
        m_badge->setPos(width, 0.0);
    update();
}

void FlowNodeItem::setProblems(const NodeProblems &problems)
{
    if (problems.errors + problems.warnings == 0) {
        delete m_badge;
        m_badge = nullptr;
        return;
    }
    if (!m_badge)
        m_badge = new FlowBadgeItem(this);
    m_badge->setPos(m_size.width(), 0.0);
    m_badge->setProblems(problems);
}

QPointF FlowNodeItem::portScenePos(PortDirection direction, const QString &name) const
{
    for (const FlowPortItem *p : m_ports) {
        if (p->port().direction == direction && p->port().name == name)
            return p->scenePos();
    }
    return direction == PortDirection::In ? mapToScene(0, portCentreY(0))
                                          : mapToScene(m_size.width(), portCentreY(0));
}

QRectF FlowNodeItem::boundingRect() const
{
    // The selection outline is drawn 2 px outside the card.
    return QRectF(QPointF(0, 0), m_size).adjusted(-3, -3, 3, 3);
}

QPainterPath FlowNodeItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(QRectF(QPointF(0, 0), m_size), FlowCanvasStyle::kCornerRadius,
                        FlowCanvasStyle::kCornerRadius);
    return path;
}

void FlowNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const FlowCanvasStyle &s = styleOf(this);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF card(QPointF(0, 0), m_size);
    const double radius = FlowCanvasStyle::kCornerRadius;
    // Far out the corners are under a pixel: no antialiasing.
    painter->setRenderHint(QPainter::Antialiasing, lod >= kLowDetail);

    QPainterPath outline;
    outline.addRoundedRect(card, radius, radius);
    painter->fillPath(outline, s.nodeFill);

    if (lod >= 0.25) {
        // The header: the card's top clipped to a band, so its corners
        // follow the card's.
        QPainterPath band;
        band.addRect(QRectF(0, 0, m_size.width(), FlowCanvasStyle::kHeaderHeight));
        painter->fillPath(outline.intersected(band), s.nodeHeader);

        const double pad = FlowCanvasStyle::kPadding;
        const QFont base = m_scene->font();
        painter->setPen(s.text);
        painter->setFont(titleFont(base));
        const QRectF titleRect(pad, 4, m_size.width() - 2 * pad, 20);
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, m_id);
        painter->setFont(smallFont(base));
        painter->setPen(m_known ? s.mutedText : s.warning);
        painter->drawText(QRectF(pad, 23, m_size.width() - 2 * pad, 17),
                          Qt::AlignLeft | Qt::AlignVCenter, m_subtitle);

        if (lod >= 0.5) {
            const QFontMetricsF small(painter->font());
            for (const FlowPortItem *p : m_ports) {
                const FlowPort &port = p->port();
                const double y = p->pos().y();
                const QString type = portTypeLabel(port.type);
                const double nameWidth = small.horizontalAdvance(port.name);
                const double typeWidth = small.horizontalAdvance(type);
                const double h = FlowCanvasStyle::kPortRowHeight;
                if (port.direction == PortDirection::In) {
                    painter->setPen(s.text);
                    painter->drawText(QRectF(pad, y - h / 2, nameWidth + 1, h),
                                      Qt::AlignLeft | Qt::AlignVCenter, port.name);
                    painter->setPen(s.portColour(port.type));
                    painter->drawText(QRectF(pad + nameWidth + 6, y - h / 2, typeWidth + 1, h),
                                      Qt::AlignLeft | Qt::AlignVCenter, type);
                } else {
                    const double right = m_size.width() - pad;
                    painter->setPen(s.text);
                    painter->drawText(QRectF(right - nameWidth - 1, y - h / 2, nameWidth + 1, h),
                                      Qt::AlignRight | Qt::AlignVCenter, port.name);
                    painter->setPen(s.portColour(port.type));
                    painter->drawText(
                        QRectF(right - nameWidth - 6 - typeWidth - 1, y - h / 2, typeWidth + 1, h),
                        Qt::AlignRight | Qt::AlignVCenter, type);
                }
            }
        }
    }

    if (m_runStatus != RunStatus::Unknown)
        paintRunStatus(painter, outline, lod);

    if (m_diffMark != DiffMark::None) {
        const QColor colour = m_diffMark == DiffMark::Added     ? s.diffAdded
                              : m_diffMark == DiffMark::Removed ? s.diffRemoved
                                                                : s.diffChanged;
        QColor wash = colour;
        wash.setAlphaF(m_diffMark == DiffMark::Removed ? 0.16f : 0.10f);
        painter->fillPath(outline, wash);
        QPen pen(colour, 3.0);
        if (m_diffMark == DiffMark::Removed)
            pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card.adjusted(1.5, 1.5, -1.5, -1.5), radius, radius);
        if (lod >= 0.25) {
            // The sign, so colour is not the only signal.
            const QString sign = m_diffMark == DiffMark::Added     ? QStringLiteral("+")
                                 : m_diffMark == DiffMark::Removed ? QStringLiteral("\u2212")
                                                                   : QStringLiteral("~");
            const QRectF disc(m_size.width() - 26, 6, 18, 18);
            painter->setPen(Qt::NoPen);
            painter->setBrush(colour);
            painter->drawEllipse(disc);
            QFont f = titleFont(m_scene->font());
            f.setBold(true);
            painter->setFont(f);
            painter->setPen(s.dark ? QColor(0x10, 0x10, 0x10) : QColor(Qt::white));
            painter->drawText(disc, Qt::AlignCenter, sign);
        }
        // The diff's border replaces the plain one; selection stays visible.
        if (isSelected()) {
            painter->setPen(QPen(s.accent, 2.0));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(card.adjusted(-1, -1, 1, 1), radius, radius);
        }
        return;
    }

    QPen border(isSelected() ? s.accent : (m_known ? s.nodeBorder : s.warning),
                isSelected() ? 2.0 : 1.0);
    if (!m_known || m_runStatus == RunStatus::Skipped)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(isSelected() ? card.adjusted(-1, -1, 1, 1) : card, radius, radius);
}

// --- FlowBadgeItem ---------------------------------------------------------------

FlowBadgeItem::FlowBadgeItem(QGraphicsItem *parent) : QGraphicsItem(parent)
{
    setZValue(2.0);
    setAcceptHoverEvents(true);
}

void FlowBadgeItem::setProblems(const NodeProblems &problems)
{
    if (problems == m_problems)
        return;
    prepareGeometryChange();
    m_problems = problems;
    setToolTip(m_problems.messages.join(QLatin1Char('\n')));
    update();
}

QRectF FlowBadgeItem::boundingRect() const
{
    const double r = 10.0;
    return {-r - 1, -r - 1, 2 * r + 2, 2 * r + 2};
}

void FlowBadgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const FlowCanvasStyle &s = styleOf(this);
    const int count = m_problems.errors + m_problems.warnings;
    const QColor fill = m_problems.errors > 0 ? s.refused : s.warning;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(s.nodeFill, 2.0));
    painter->setBrush(fill);
    const double r = 9.0;
    painter->drawEllipse(QPointF(0, 0), r, r);
    QFont f = static_cast<FlowScene *>(scene())->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.8);
    painter->setFont(f);
    painter->setPen(m_problems.errors > 0 || s.dark ? QColor(Qt::white) : QColor(0x1f, 0x1f, 0x1f));
    const QString text = count > 9 ? QStringLiteral("9+") : QString::number(count);
    painter->drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt::AlignCenter, text);
}

void FlowNodeItem::setDiffMark(DiffMark mark)
{
    if (m_diffMark == mark)
        return;
    m_diffMark = mark;
    update();
}

void FlowNodeItem::setRunStatus(RunStatus status)
{
    if (m_runStatus == status)
        return;
    m_runStatus = status;
    update();
}

void FlowNodeItem::setRunPhase(qreal phase)
{
    m_runPhase = phase;
    if (m_runStatus == RunStatus::Running)
        update();
}

void FlowNodeItem::paintRunStatus(QPainter *painter, const QPainterPath &outline, double lod) const
{
    const FlowCanvasStyle &s = styleOf(this);
    QColor colour = runStatusColour(m_runStatus, s.dark);
    if (m_runStatus == RunStatus::Running) {
        // A pulse of the strip, one per turn of the spinner.
        const qreal wave = 0.5 + 0.5 * std::cos(m_runPhase * 2.0 * M_PI);
        colour.setAlphaF(float(0.55 + 0.45 * wave));
    }
    constexpr double kStrip = 6.0;
    QPainterPath strip;
    strip.addRect(QRectF(0, 0, kStrip, m_size.height()));
    painter->fillPath(outline.intersected(strip), colour);
    if (lod < 0.25)
        return;
    constexpr double kIcon = 16.0;
    const QRectF icon(m_size.width() - FlowCanvasStyle::kPadding - kIcon,
                      (FlowCanvasStyle::kHeaderHeight - kIcon) / 2.0, kIcon, kIcon);
    // On the header's colour, so a long title runs under it, not through it.
    painter->setPen(Qt::NoPen);
    painter->setBrush(s.nodeHeader);
    painter->drawRect(icon.adjusted(-4, -2, 2, 2));
    paintRunStatusIcon(painter, icon, m_runStatus, runStatusColour(m_runStatus, s.dark),
                       m_runPhase);
}

// --- FlowEdgeItem ----------------------------------------------------------------

FlowEdgeItem::FlowEdgeItem(const QString &edgeId) : m_id(edgeId)
{
    setFlag(ItemIsSelectable);
    setZValue(0.0);
}

QPainterPath FlowEdgeItem::curve(QPointF from, QPointF to)
{
    // Horizontal tangents at both ends; the handles grow with the distance
    // so that backward edges loop around instead of cutting through nodes.
    const double dx = std::max(40.0, std::abs(to.x() - from.x()) / 2.0);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    return path;
}

void FlowEdgeItem::setEnds(QPointF from, QPointF to, flow::PortType type)
{
    m_type = type;
    setPath(curve(from, to));
}

QPainterPath FlowEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10.0);
    return stroker.createStroke(path());
}

void FlowEdgeItem::setDiffMark(DiffMark mark)
{
    if (m_diffMark == mark)
        return;
    m_diffMark = mark;
    update();
}

void FlowEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const FlowCanvasStyle &s = styleOf(this);
    // Far out a 2-unit pen is a fraction of a pixel: a cosmetic one-pixel
    // line, not an antialiased stroke of the curve.
    const bool far = option->levelOfDetailFromTransform(painter->worldTransform()) < kLowDetail;
    painter->setRenderHint(QPainter::Antialiasing, !far);
    QColor colour = m_type == flow::PortType::Any ? s.edge : s.portColour(m_type);
    double width = 2.0;
    Qt::PenStyle style = Qt::SolidLine;
    if (m_diffMark == DiffMark::Added) {
        colour = s.diffAdded;
        width = 3.0;
    } else if (m_diffMark == DiffMark::Removed) {
        colour = s.diffRemoved;
        width = 3.0;
        style = Qt::DashLine;
    }
    if (far) {
        // Cosmetic, and about as light as the thin stroke it stands for.
        width = 0;
        colour.setAlphaF(colour.alphaF() * 0.4f);
    }
    painter->setPen(QPen(isSelected() ? s.accent : colour, isSelected() && !far ? 3.0 : width,
                         style, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
}

} // namespace hm::app
