#include "widgets/RunStatus.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QtMath>

namespace hm::app {

namespace {

struct Entry
{
    RunStatus status;
    const char *name;
    const char *label;
};

const Entry kEntries[] = {
    {RunStatus::Pending, "pending", QT_TRANSLATE_NOOP("hm::app::RunStatus", "Pending")},
    {RunStatus::Queued, "queued", QT_TRANSLATE_NOOP("hm::app::RunStatus", "Queued")},
    {RunStatus::Running, "running", QT_TRANSLATE_NOOP("hm::app::RunStatus", "Running")},
    {RunStatus::Completed, "completed", QT_TRANSLATE_NOOP("hm::app::RunStatus", "Completed")},
    {RunStatus::Failed, "failed", QT_TRANSLATE_NOOP("hm::app::RunStatus", "Failed")},
    {RunStatus::Cancelling, "cancelling", QT_TRANSLATE_NOOP("hm::app::RunStatus", "Cancelling")},
    {RunStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("hm::app::RunStatus", "Cancelled")},
    {RunStatus::Skipped, "skipped", QT_TRANSLATE_NOOP("hm::app::RunStatus", "Skipped")},
};

constexpr int kBadgeIcon = 12;
constexpr int kBadgePadding = 8;
constexpr int kBadgeGap = 5;

} // namespace

RunStatus runStatusFromName(const QString &name)
{
    for (const Entry &e : kEntries) {
        if (name == QLatin1String(e.name))
            return e.status;
    }
    return RunStatus::Unknown;
}

QString runStatusName(RunStatus status)
{
    for (const Entry &e : kEntries) {
        if (e.status == status)
            return QString::fromLatin1(e.name);
    }
    return {};
}

QString runStatusLabel(RunStatus status)
{
    for (const Entry &e : kEntries) {
        if (e.status == status)
            return QCoreApplication::translate("hm::app::RunStatus", e.label);
    }
    return QCoreApplication::translate("hm::app::RunStatus", "Unknown");
}

bool isFinalRunStatus(RunStatus status)
{
    return status == RunStatus::Completed || status == RunStatus::Failed ||
           status == RunStatus::Cancelled || status == RunStatus::Skipped;
}

QColor runStatusColour(RunStatus status, bool dark)
{
    // Tailwind-like 700 shades on light backgrounds (AA on #f8f9fb and
    // white), 400 shades on dark ones.
    switch (status) {
    case RunStatus::Pending:
        return dark ? QColor(0x9c, 0xa3, 0xaf) : QColor(0x6b, 0x72, 0x80);
    case RunStatus::Queued:
        return dark ? QColor(0x94, 0xa3, 0xb8) : QColor(0x47, 0x55, 0x69);
    case RunStatus::Running:
        return dark ? QColor(0x60, 0xa5, 0xfa) : QColor(0x1d, 0x4e, 0xd8);
    case RunStatus::Completed:
        return dark ? QColor(0x4a, 0xde, 0x80) : QColor(0x15, 0x80, 0x3d);
    case RunStatus::Failed:
        return dark ? QColor(0xf8, 0x71, 0x71) : QColor(0xb9, 0x1c, 0x1c);
    case RunStatus::Cancelling:
    case RunStatus::Cancelled:
        return dark ? QColor(0xfb, 0xbf, 0x24) : QColor(0xb4, 0x53, 0x09);
    case RunStatus::Skipped:
        return dark ? QColor(0x9c, 0xa3, 0xaf) : QColor(0x6b, 0x72, 0x80);
    case RunStatus::Unknown:
        break;
    }
    return dark ? QColor(0x9c, 0xa3, 0xaf) : QColor(0x6b, 0x72, 0x80);
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

void paintRunStatusIcon(QPainter *painter, const QRectF &rect, RunStatus status,
                        const QColor &colour, qreal phase)
{
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF box(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);
    const qreal stroke = std::max<qreal>(1.2, side / 8.0);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(colour, stroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QRectF inner = box.adjusted(stroke / 2, stroke / 2, -stroke / 2, -stroke / 2);
    const QPointF c = box.center();
    const qreal r = inner.width() / 2;
    switch (status) {
    case RunStatus::Unknown:
    case RunStatus::Pending:
        painter->drawEllipse(inner);
        break;
    case RunStatus::Queued: // clock
        painter->drawEllipse(inner);
        painter->drawLine(c, c + QPointF(0, -r * 0.6));
        painter->drawLine(c, c + QPointF(r * 0.45, 0));
        break;
    case RunStatus::Running: { // a 270° arc turning with the phase
        QColor faint = colour;
        faint.setAlphaF(0.25f);
        painter->setPen(QPen(faint, stroke));
        painter->drawEllipse(inner);
        painter->setPen(pen);
        const int start = int(-phase * 360.0 * 16.0) % (360 * 16);
        painter->drawArc(inner, start, 100 * 16);
        break;
    }
    case RunStatus::Completed: {
        QPainterPath check;
        check.moveTo(box.left() + side * 0.18, box.top() + side * 0.52);
        check.lineTo(box.left() + side * 0.42, box.top() + side * 0.76);
        check.lineTo(box.left() + side * 0.84, box.top() + side * 0.26);
        painter->setPen(QPen(colour, stroke * 1.3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->drawPath(check);
        break;
    }
    case RunStatus::Failed: {
        const qreal d = side * 0.28;
        painter->setPen(QPen(colour, stroke * 1.3, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(c + QPointF(-d, -d), c + QPointF(d, d));
        painter->drawLine(c + QPointF(-d, d), c + QPointF(d, -d));
        break;
    }
    case RunStatus::Cancelling:
    case RunStatus::Cancelled: {
        const qreal d = side * 0.3;
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawRoundedRect(QRectF(c.x() - d, c.y() - d, 2 * d, 2 * d), side * 0.08,
                                 side * 0.08);
        break;
    }
    case RunStatus::Skipped: { // ⏭: two triangles and a bar
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        const qreal h = side * 0.3;
        const qreal w = side * 0.24;
        const qreal x0 = box.left() + side * 0.16;
        for (int i = 0; i < 2; ++i) {
            const qreal x = x0 + i * w;
            QPainterPath tri;
            tri.moveTo(x, c.y() - h);
            tri.lineTo(x + w, c.y());
            tri.lineTo(x, c.y() + h);
            tri.closeSubpath();
            painter->drawPath(tri);
        }
        painter->drawRect(QRectF(x0 + 2 * w + side * 0.02, c.y() - h, side * 0.1, 2 * h));
        break;
    }
    }
    painter->restore();
}

// --- RunStatusBadge ------------------------------------------------------------

RunStatusBadge::RunStatusBadge(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void RunStatusBadge::setStatus(RunStatus status)
{
    if (m_status == status)
        return;
    m_status = status;
    setAccessibleName(text());
    updateGeometry();
    update();
}

void RunStatusBadge::setPhase(qreal phase)
{
    m_phase = phase;
    if (m_status == RunStatus::Running)
        update();
}

QSize RunStatusBadge::sizeHint() const
{
    const QFontMetrics fm(font());
    const int height = std::max(fm.height(), kBadgeIcon) + 6;
    return {kBadgePadding * 2 + kBadgeIcon + kBadgeGap + fm.horizontalAdvance(text()), height};
}

void RunStatusBadge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const bool dark = isDarkPalette(palette());
    const QColor colour = runStatusColour(m_status, dark);
    QColor fill = colour;
    fill.setAlphaF(dark ? 0.22f : 0.12f);
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setBrush(fill);
    QPen border(colour, 1.0);
    if (m_status == RunStatus::Skipped)
        border.setStyle(Qt::DashLine);
    else
        border.setColor(Qt::transparent);
    painter.setPen(border);
    painter.drawRoundedRect(frame, frame.height() / 2, frame.height() / 2);
    const QRectF icon(kBadgePadding, (height() - kBadgeIcon) / 2.0, kBadgeIcon, kBadgeIcon);
    paintRunStatusIcon(&painter, icon, m_status, colour, m_phase);
    painter.setPen(colour);
    QFont f = font();
    f.setWeight(QFont::DemiBold);
    painter.setFont(f);
    painter.drawText(QRectF(icon.right() + kBadgeGap, 0, width(), height()),
                     Qt::AlignLeft | Qt::AlignVCenter, text());
}

void RunStatusBadge::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        setAccessibleName(text());
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace hm::app
