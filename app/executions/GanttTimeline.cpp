#include "executions/GanttTimeline.h"

#include "executions/ExecutionFormat.h"
#include "executions/ExecutionState.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <cmath>

namespace hm::app {

namespace {

constexpr int kBarInset = 5;
constexpr int kLabelPadding = 8;
constexpr int kIconSize = 12;

// The smallest "nice" span (1, 2 or 5 × 10^k ms) at or above `ms`, so the
// scale changes in steps while the execution grows.
qint64 niceSpan(qint64 ms)
{
    qint64 step = 1;
    while (true) {
        for (const qint64 m : {1, 2, 5}) {
            if (m * step >= ms)
                return m * step;
        }
        step *= 10;
    }
}

qint64 tickStep(qint64 span, int width)
{
    // About one tick per 90 px.
    const qint64 wanted = std::max<qint64>(1, span * 90 / std::max(1, width));
    return niceSpan(wanted);
}

} // namespace

int GanttTimeline::Scale::x(qint64 t) const
{
    return left + int(std::llround(double(t - t0) * width / double(span)));
}

GanttTimeline::GanttTimeline(ExecutionState *state, QWidget *parent)
    : QAbstractScrollArea(parent), m_state(state)
{
    setObjectName(QStringLiteral("execution.gantt"));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    verticalScrollBar()->setSingleStep(kRowHeight);
    connect(state, &ExecutionState::nodesChanged, this, &GanttTimeline::refresh);
    connect(state, &ExecutionState::executionChanged, this, &GanttTimeline::refresh);
}

void GanttTimeline::refresh()
{
    updateScrollBar();
    viewport()->update();
}

void GanttTimeline::updateScrollBar()
{
    const int content = int(m_state->nodeIds().size()) * kRowHeight;
    const int visible = std::max(0, viewport()->height() - kAxisHeight);
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setRange(0, std::max(0, content - visible));
}

void GanttTimeline::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

void GanttTimeline::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::PaletteChange) {
        m_labelWidth = -1;
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

int GanttTimeline::labelWidth() const
{
    if (m_labelRows == m_state->nodeIds().size() && m_labelWidth > 0)
        return m_labelWidth;
    const QFontMetrics fm(font());
    int widest = fm.horizontalAdvance(tr("Node"));
    for (const QString &id : m_state->nodeIds())
        widest = std::max(widest, fm.horizontalAdvance(id));
    m_labelRows = m_state->nodeIds().size();
    m_labelWidth = std::clamp(widest + kIconSize + 3 * kLabelPadding + 8, 120, 260);
    return m_labelWidth;
}

bool GanttTimeline::showsNowLine() const
{
    return m_state->isKnown() && !m_state->isFinal() && m_state->startedMs() > 0;
}

GanttTimeline::Scale GanttTimeline::scale() const
{
    Scale s;
    s.left = labelWidth() + kLabelPadding;
    s.width = std::max(1, viewport()->width() - s.left - 16);
    qint64 t0 = m_state->startedMs();
    qint64 t1 = m_state->endedMs();
    for (const QString &id : m_state->nodeIds()) {
        const NodeRun *n = m_state->node(id);
        for (const NodeAttempt &a : n->attempts) {
            if (a.startMs > 0 && (t0 == 0 || a.startMs < t0))
                t0 = a.startMs;
            t1 = std::max(t1, a.endMs);
        }
        t1 = std::max(t1, n->endedMs);
    }
    if (!m_state->isFinal())
        t1 = std::max(t1, m_state->serverNowMs());
    if (t0 == 0)
        t0 = t1 > 0 ? t1 : m_state->serverNowMs();
    s.t0 = t0;
    s.span = niceSpan(std::max<qint64>(100, t1 - t0));
    return s;
}

int GanttTimeline::rowAt(int y) const
{
    if (y < kAxisHeight)
        return -1;
    const int row = (y - kAxisHeight + verticalScrollBar()->value()) / kRowHeight;
    return row < m_state->nodeIds().size() ? row : -1;
}

QRect GanttTimeline::rowRect(const QString &nodeId) const
{
    const qsizetype row = m_state->nodeIds().indexOf(nodeId);
    if (row < 0)
        return {};
    return QRect(0, kAxisHeight + int(row) * kRowHeight - verticalScrollBar()->value(),
                 viewport()->width(), kRowHeight);
}

int GanttTimeline::barCount(const QString &nodeId) const
{
    const NodeRun *n = m_state->node(nodeId);
    return n ? int(n->attempts.size()) : 0;
}

QRect GanttTimeline::barRect(const QString &nodeId, int attemptIndex) const
{
    const NodeRun *n = m_state->node(nodeId);
    if (!n || attemptIndex < 0 || attemptIndex >= n->attempts.size())
        return {};
    return barRect(*n, attemptIndex, scale(), rowRect(nodeId).top());
}

QRect GanttTimeline::barRect(const NodeRun &node, int attemptIndex, const Scale &s, int top) const
{
    const NodeAttempt &a = node.attempts.at(attemptIndex);
    const qint64 start = a.startMs > 0 ? a.startMs : node.startedMs;
    const qint64 end = a.endMs > 0 ? a.endMs : m_state->serverNowMs();
    const int x0 = s.x(start);
    const int x1 = std::max(x0 + 3, s.x(end));
    return QRect(x0, top + kBarInset, x1 - x0, kRowHeight - 2 * kBarInset);
}

void GanttTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QPalette pal = palette();
    const bool dark = isDarkPalette(pal);
    const QRect area = viewport()->rect();
    p.fillRect(area, pal.color(QPalette::Base));
    const Scale s = scale();
    const int labels = labelWidth();
    const QStringList &ids = m_state->nodeIds();
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.10f);
    QColor muted = pal.color(QPalette::Text);
    muted.setAlphaF(0.6f);

    // Rows.
    const int scroll = verticalScrollBar()->value();
    const int firstRow = scroll / kRowHeight;
    const int lastRow =
        std::min<int>(int(ids.size()) - 1, (scroll + area.height() - kAxisHeight) / kRowHeight);
    const QFontMetrics fm(font());
    p.setClipRect(QRect(0, kAxisHeight, area.width(), area.height() - kAxisHeight));
    for (int row = firstRow; row <= lastRow; ++row) {
        const NodeRun *n = m_state->node(ids.at(row));
        const int top = kAxisHeight + row * kRowHeight - scroll;
        const QRect rowBox(0, top, area.width(), kRowHeight);
        if (n->id == m_selected) {
            QColor highlight = pal.color(QPalette::Highlight);
            highlight.setAlphaF(0.18f);
            p.fillRect(rowBox, highlight);
        } else if (row % 2 == 1) {
            p.fillRect(rowBox, pal.color(QPalette::AlternateBase));
        }
        // Label: status icon and node id.
        const QColor colour = runStatusColour(n->status, dark);
        paintRunStatusIcon(
            &p, QRectF(kLabelPadding, top + (kRowHeight - kIconSize) / 2.0, kIconSize, kIconSize),
            n->status, colour);
        p.setPen(pal.color(QPalette::Text));
        const QRect text(kLabelPadding * 2 + kIconSize, top, labels - kIconSize - 3 * kLabelPadding,
                         kRowHeight);
        p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(n->id, Qt::ElideMiddle, text.width()));

        // Bars, and the waits between attempts.
        p.setRenderHint(QPainter::Antialiasing);
        const int attempts = int(n->attempts.size());
        for (int i = 0; i < attempts; ++i) {
            const NodeAttempt &a = n->attempts.at(i);
            const QRect bar = barRect(*n, i, s, top);
            QColor fill = runStatusColour(a.outcome, dark);
            if (a.outcome == RunStatus::Failed && a.willRetry)
                fill.setAlphaF(0.6f);
            QBrush brush(fill);
            if (n->reused)
                brush.setStyle(Qt::BDiagPattern);
            p.setPen(Qt::NoPen);
            p.setBrush(brush);
            p.drawRoundedRect(bar, 3, 3);
            if (n->reused) {
                p.setPen(QPen(fill, 1));
                p.setBrush(Qt::NoBrush);
                p.drawRoundedRect(bar, 3, 3);
            }
            const bool last = i == attempts - 1;
            if (a.willRetry && a.endMs > 0) {
                // The wait before the next attempt (or until now).
                const qint64 until =
                    !last ? (n->attempts.at(i + 1).startMs > 0 ? n->attempts.at(i + 1).startMs
                                                               : a.endMs)
                          : (m_state->isFinal() ? a.endMs : m_state->serverNowMs());
                QPen wait(runStatusColour(RunStatus::Pending, dark), 1.5, Qt::DashLine);
                p.setPen(wait);
                const int y = bar.center().y();
                p.drawLine(bar.right() + 1, y, std::max(bar.right() + 1, s.x(until)), y);
            }
            // Attempts made while the viewer was away: their number.
            if (last && (n->unseenAttempts > 0 || attempts > 1)) {
                const QString count = tr("×%1").arg(n->unseenAttempts + attempts);
                p.setPen(pal.color(QPalette::Text));
                p.drawText(QRect(bar.right() + 4, top, 60, kRowHeight),
                           Qt::AlignLeft | Qt::AlignVCenter, count);
            }
        }
        if (n->status == RunStatus::Skipped || (n->status == RunStatus::Cancelled && !attempts)) {
            const qint64 at = n->endedMs > 0 ? n->endedMs : s.t0;
            const QRectF icon(s.x(at) - kIconSize / 2.0, top + (kRowHeight - kIconSize) / 2.0,
                              kIconSize, kIconSize);
            paintRunStatusIcon(&p, icon, n->status, colour);
        }
        p.setRenderHint(QPainter::Antialiasing, false);
    }
    p.setClipping(false);

    // Axis: ticks from the start, gridlines through the rows.
    p.fillRect(QRect(0, 0, area.width(), kAxisHeight), pal.color(QPalette::Window));
    p.setPen(grid);
    p.drawLine(0, kAxisHeight - 1, area.width(), kAxisHeight - 1);
    p.drawLine(labels, 0, labels, area.height());
    p.setPen(muted);
    p.drawText(QRect(kLabelPadding, 0, labels - kLabelPadding, kAxisHeight),
               Qt::AlignLeft | Qt::AlignVCenter, tr("Node"));
    const qint64 step = tickStep(s.span, s.width);
    for (qint64 t = 0; t <= s.span; t += step) {
        const int x = s.x(s.t0 + t);
        p.setPen(grid);
        p.drawLine(x, kAxisHeight - 6, x, area.height());
        const QString label = formatDuration(t);
        if (x + 3 + fm.horizontalAdvance(label) > area.width())
            continue; // a label that would be cut off is left out
        p.setPen(muted);
        p.drawText(QRect(x + 3, 0, fm.horizontalAdvance(label) + 2, kAxisHeight - 2),
                   Qt::AlignLeft | Qt::AlignVCenter, label);
    }

    // Now.
    if (showsNowLine()) {
        const int x = s.x(m_state->serverNowMs());
        p.setPen(QPen(runStatusColour(RunStatus::Running, dark), 1.5));
        p.drawLine(x, kAxisHeight - 4, x, area.height());
    }
    if (ids.isEmpty()) {
        p.setPen(muted);
        p.drawText(area.adjusted(0, kAxisHeight, 0, 0), Qt::AlignCenter,
                   tr("No node has run yet."));
    }
}

void GanttTimeline::select(int row, bool notify)
{
    const QStringList &ids = m_state->nodeIds();
    if (row < 0 || row >= ids.size())
        return;
    m_selected = ids.at(row);
    const int top = row * kRowHeight;
    const int visible = viewport()->height() - kAxisHeight;
    QScrollBar *bar = verticalScrollBar();
    if (top < bar->value())
        bar->setValue(top);
    else if (top + kRowHeight > bar->value() + visible)
        bar->setValue(top + kRowHeight - visible);
    viewport()->update();
    if (notify)
        emit nodeSelected(m_selected);
}

void GanttTimeline::setSelectedNode(const QString &nodeId)
{
    if (nodeId == m_selected)
        return;
    const qsizetype row = m_state->nodeIds().indexOf(nodeId);
    if (row < 0) {
        m_selected.clear();
        viewport()->update();
        return;
    }
    select(int(row), false);
}

void GanttTimeline::mousePressEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint().y());
    if (row >= 0 && event->button() == Qt::LeftButton)
        select(row, true);
    QAbstractScrollArea::mousePressEvent(event);
}

void GanttTimeline::keyPressEvent(QKeyEvent *event)
{
    const qsizetype current = m_state->nodeIds().indexOf(m_selected);
    if (event->key() == Qt::Key_Down) {
        select(int(current) + 1, true);
        return;
    }
    if (event->key() == Qt::Key_Up) {
        select(current < 0 ? 0 : int(current) - 1, true);
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

QString GanttTimeline::tooltipAt(QPoint pos) const
{
    const int row = rowAt(pos.y());
    if (row < 0)
        return {};
    const NodeRun *n = m_state->node(m_state->nodeIds().at(row));
    const Scale s = scale();
    const int top = rowRect(n->id).top();
    for (int i = 0; i < n->attempts.size(); ++i) {
        if (!barRect(*n, i, s, top).adjusted(-2, -kBarInset, 2, kBarInset).contains(pos))
            continue;
        const NodeAttempt &a = n->attempts.at(i);
        const qint64 end = a.endMs > 0 ? a.endMs : m_state->serverNowMs();
        const qint64 start = a.startMs > 0 ? a.startMs : n->startedMs;
        QString tip =
            tr("%1, attempt %2: %3").arg(n->id).arg(a.number).arg(runStatusLabel(a.outcome));
        tip += QLatin1Char('\n') +
               tr("Started %1, took %2").arg(formatClock(start, true), formatDuration(end - start));
        if (!a.errorMessage.isEmpty() || !a.errorCode.isEmpty())
            tip += QLatin1Char('\n') +
                   tr("Error: %1").arg(a.errorMessage.isEmpty() ? a.errorCode : a.errorMessage);
        if (a.willRetry)
            tip += QLatin1Char('\n') + tr("Retried after a wait.");
        if (n->unseenAttempts > 0 && i == 0)
            tip += QLatin1Char('\n') +
                   tr("%n earlier attempt(s) made while not connected.", "", n->unseenAttempts);
        if (n->reused)
            tip += QLatin1Char('\n') + tr("Outputs reused from the execution re-run.");
        return tip;
    }
    return tr("%1: %2").arg(n->id, runStatusLabel(n->status));
}

bool GanttTimeline::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = tooltipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace hm::app
