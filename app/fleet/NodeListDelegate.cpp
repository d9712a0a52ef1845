#include "fleet/NodeListDelegate.h"

#include "fleet/NodeListModel.h"
#include "fleet/NodeText.h"
#include "widgets/MissingValue.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <algorithm>
#include <cmath>

namespace hm::app {

namespace {

constexpr int kCellPadding = 6;
constexpr int kChipGap = 4;
constexpr int kIconSize = 16;
constexpr int kIconStep = kIconSize + kChipGap + 2; // one capability icon to the next

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

// Chips and the counts after what does not fit ("+3"): a little smaller
// than the cell's text.
QFont smallFont(const QFont &cellFont)
{
    QFont font = cellFont;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

bool isSelected(const QStyleOptionViewItem &option)
{
    return option.state.testFlag(QStyle::State_Selected);
}

// A drawn column with nothing to draw (no labels, no capabilities yet)
// says so as the text columns do: a dash, where their text would start.
void paintMissingValue(QPainter *painter, const QStyleOptionViewItem &option)
{
    painter->save();
    painter->setFont(option.font);
    painter->setPen(
        option.palette.color(isSelected(option) ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(option.rect.adjusted(kCellPadding, 0, -kCellPadding, 0),
                      Qt::AlignLeft | Qt::AlignVCenter, missingValue());
    painter->restore();
}

// A capability's glyph in a 16 × 16 box: metrics a small chart, probes a
// target; another one a ring with its initial.
void paintCapabilityGlyph(QPainter *painter, const QRectF &box, const QString &capability,
                          const QColor &colour)
{
    painter->save();
    painter->translate(box.topLeft());
    painter->scale(box.width() / 16.0, box.height() / 16.0);
    QPen pen(colour, 1.4);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    if (capability == QLatin1String("metrics")) {
        painter->drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 2.5, 2.5);
        const QPointF line[] = {{4, 10.5}, {6.5, 7.5}, {8.5, 9}, {12, 5}};
        painter->drawPolyline(line, 4);
    } else if (capability == QLatin1String("probes")) {
        painter->drawEllipse(QPointF(8, 8), 6.2, 6.2);
        painter->drawEllipse(QPointF(8, 8), 3.4, 3.4);
        painter->setBrush(colour);
        painter->drawEllipse(QPointF(8, 8), 1.1, 1.1);
    } else {
        painter->drawEllipse(QPointF(8, 8), 6.2, 6.2);
        QFont font = painter->font();
        font.setPixelSize(8);
        font.setBold(true);
        painter->setFont(font);
        painter->drawText(QRectF(0, 0, 16, 16), Qt::AlignCenter, capability.left(1).toUpper());
    }
    painter->restore();
}

} // namespace

void NodeListDelegate::paintBackground(QPainter *painter, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    // The cell's background, selection and focus as the style draws them,
    // without the text (drawn here).
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

void NodeListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    switch (index.column()) {
    case NodeListModel::CpuColumn:
    case NodeListModel::MemoryColumn:
    case NodeListModel::DiskColumn:
        return paintSparkline(painter, option, index);
    case NodeListModel::LabelsColumn:
        return paintChips(painter, option, index);
    case NodeListModel::CapabilitiesColumn:
        return paintCapabilities(painter, option, index);
    default:
        QStyledItemDelegate::paint(painter, option, index);
    }
}

QSize NodeListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Room for a sparkline or a chip with its outline.
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 12));
    return size;
}

void NodeListDelegate::paintSparkline(QPainter *painter, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    paintBackground(painter, option, index);
    const QList<double> points = index.data(NodeListModel::SparklineRole).value<QList<double>>();
    const double current = index.data(NodeListModel::CurrentValueRole).toDouble();
    const bool online =
        index.data(NodeListModel::StatusNameRole).toString() == QLatin1String("online");
    const QPalette &palette = option.palette;
    const bool selected = isSelected(option);
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor muted = selected ? withAlpha(text, 170) : palette.color(QPalette::PlaceholderText);
    // Live data in the link colour (the accent, lighter in the dark theme
    // where the accent itself is too dark on the base); what an offline
    // node last said, muted.
    const QColor line = selected ? text : online ? palette.color(QPalette::Link) : muted;

    const QRect cell = option.rect.adjusted(kCellPadding, 4, -kCellPadding, -4);
    const QFontMetrics &fm = option.fontMetrics;
    // The value's column is as wide as "100 %" in this language, so the
    // lines of every row start and end at the same place.
    const int valueWidth = fm.horizontalAdvance(NodeText::percent(100)) + 2;
    const QRect valueRect(cell.right() - valueWidth + 1, cell.top(), valueWidth, cell.height());
    const QRectF plot(cell.left(), cell.top() + 1, cell.width() - valueWidth - kCellPadding,
                      cell.height() - 2);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(option.font);
    const bool any = std::any_of(points.begin(), points.end(), [](double v) { return v >= 0; });
    if (plot.width() > 8) {
        if (!any) {
            // No data: a dotted baseline says "nothing yet", not "zero".
            QPen pen(withAlpha(muted, 150), 1, Qt::DotLine);
            painter->setPen(pen);
            const qreal y = std::round(plot.bottom() - plot.height() / 3) + 0.5;
            painter->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        } else {
            const qsizetype n = points.size();
            const qreal step = n > 1 ? plot.width() / qreal(n - 1) : 0;
            const auto yOf = [&plot](double v) {
                return plot.bottom() - std::clamp(v, 0.0, 100.0) / 100.0 * plot.height();
            };
            // The runs between gaps: a filled area under a line each.
            QPainterPath stroke;
            QPainterPath fill;
            qsizetype runStart = -1;
            const auto closeRun = [&](qsizetype end) {
                if (runStart < 0)
                    return;
                if (end == runStart) { // one lone point: a dot
                    const QPointF at(plot.left() + step * qreal(runStart), yOf(points[runStart]));
                    stroke.addEllipse(at, 1.2, 1.2);
                } else {
                    QPainterPath area;
                    area.moveTo(plot.left() + step * qreal(runStart), plot.bottom());
                    for (qsizetype i = runStart; i <= end; ++i)
                        area.lineTo(plot.left() + step * qreal(i), yOf(points[i]));
                    area.lineTo(plot.left() + step * qreal(end), plot.bottom());
                    area.closeSubpath();
                    fill.addPath(area);
                    stroke.moveTo(plot.left() + step * qreal(runStart), yOf(points[runStart]));
                    for (qsizetype i = runStart + 1; i <= end; ++i)
                        stroke.lineTo(plot.left() + step * qreal(i), yOf(points[i]));
                }
                runStart = -1;
            };
            for (qsizetype i = 0; i < n; ++i) {
                if (points[i] >= 0 && runStart < 0)
                    runStart = i;
                else if (points[i] < 0)
                    closeRun(i - 1);
            }
            closeRun(n - 1);
            // A faint floor: where 0 % is.
            painter->setPen(QPen(withAlpha(muted, 70), 1));
            const qreal floor = std::round(plot.bottom()) + 0.5;
            painter->drawLine(QPointF(plot.left(), floor), QPointF(plot.right(), floor));
            painter->setPen(Qt::NoPen);
            painter->setBrush(withAlpha(line, selected ? 60 : 45));
            painter->drawPath(fill);
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QPen(line, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter->drawPath(stroke);
        }
    }
    painter->setPen(current >= 0 && online ? text : muted);
    const QString value = index.data(Qt::DisplayRole).toString();
    painter->drawText(valueRect, Qt::AlignRight | Qt::AlignVCenter, orMissing(value));
    painter->restore();
}

void NodeListDelegate::paintChips(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    paintBackground(painter, option, index);
    const QStringList labels = index.data(NodeListModel::LabelsRole).toStringList();
    const QPalette &palette = option.palette;
    const bool selected = isSelected(option);
    if (labels.isEmpty())
        return paintMissingValue(painter, option);
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor accent = selected ? text : palette.color(QPalette::Highlight);
    const QFont font = smallFont(option.font);
    const QFontMetrics fm(font);
    const QRect cell = option.rect.adjusted(kCellPadding, 0, -kCellPadding, 0);
    const int height = fm.height() + 4;
    const qreal top = cell.top() + (cell.height() - height) / 2.0;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    int x = cell.left();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const int width = fm.horizontalAdvance(labels[i]) + 12;
        const QString more = tr("+%1").arg(labels.size() - i - 1);
        const int reserve = i + 1 < labels.size() ? fm.horizontalAdvance(more) + kChipGap : 0;
        if (x + width + reserve > cell.right() + 1) {
            // What does not fit is counted, not cut in half.
            painter->setPen(
                palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
            painter->drawText(QRectF(x, top, cell.right() - x + 1, height),
                              Qt::AlignLeft | Qt::AlignVCenter, tr("+%1").arg(labels.size() - i));
            break;
        }
        const QRectF chip(x + 0.5, top + 0.5, width - 1, height - 1);
        painter->setPen(QPen(withAlpha(accent, selected ? 200 : 120), 1));
        painter->setBrush(withAlpha(accent, selected ? 40 : 28));
        painter->drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
        painter->setPen(text);
        painter->drawText(chip, Qt::AlignCenter, labels[i]);
        x += width + kChipGap;
    }
    painter->restore();
}

int NodeListDelegate::capabilityIconsShown(int width, int count, const QFont &font)
{
    const QFontMetrics fm(smallFont(font));
    const int room = width - 2 * kCellPadding;
    for (int shown = count; shown > 0; --shown) {
        const int icons = shown * kIconStep - (kIconStep - kIconSize);
        const int more =
            shown < count ? kChipGap + fm.horizontalAdvance(tr("+%1").arg(count - shown)) : 0;
        if (icons + more <= room)
            return shown;
    }
    return 0;
}

void NodeListDelegate::paintCapabilities(QPainter *painter, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    paintBackground(painter, option, index);
    const QStringList capabilities = index.data(NodeListModel::CapabilitiesRole).toStringList();
    if (capabilities.isEmpty())
        return paintMissingValue(painter, option);
    const QColor colour =
        option.palette.color(isSelected(option) ? QPalette::HighlightedText : QPalette::Text);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal y = option.rect.top() + (option.rect.height() - kIconSize) / 2.0;
    const int shown =
        capabilityIconsShown(option.rect.width(), int(capabilities.size()), option.font);
    qreal x = option.rect.left() + kCellPadding;
    for (int i = 0; i < shown; ++i) {
        paintCapabilityGlyph(painter, QRectF(x, y, kIconSize, kIconSize), capabilities[i], colour);
        x += kIconStep;
    }
    if (shown < capabilities.size()) {
        // What does not fit is counted, as the labels' chips are, never
        // left out without a word (the tooltip names them all).
        painter->setFont(smallFont(option.font));
        painter->setPen(option.palette.color(isSelected(option) ? QPalette::HighlightedText
                                                                : QPalette::PlaceholderText));
        painter->drawText(QRectF(x, option.rect.top(), option.rect.right() - kCellPadding + 1 - x,
                                 option.rect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          tr("+%1").arg(capabilities.size() - shown));
    }
    painter->restore();
}

} // namespace hm::app
