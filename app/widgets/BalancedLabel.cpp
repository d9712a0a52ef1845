#include "widgets/BalancedLabel.h"

#include <QEvent>
#include <QFontMetrics>
#include <QTextLayout>
#include <algorithm>

namespace hm::app {

namespace {

int lineCount(const QFont &font, const QString &text, int width)
{
    QTextLayout layout(text, font);
    QTextOption option(Qt::AlignLeft);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    int lines = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        ++lines;
    }
    layout.endLayout();
    return lines;
}

} // namespace

int balancedWrapWidth(const QFont &font, const QString &text, int width)
{
    if (width <= 0 || text.isEmpty())
        return width;
    const int lines = lineCount(font, text, width);
    if (lines <= 1)
        return width;
    // Narrowing never lowers the line count, so the narrowest width with the
    // same count is found by bisection.
    int low = width / lines; // too narrow (or just right)
    int high = width;
    while (high - low > 1) {
        const int mid = (low + high) / 2;
        if (lineCount(font, text, mid) > lines)
            low = mid;
        else
            high = mid;
    }
    return high;
}

BalancedLabel::BalancedLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
}

void BalancedLabel::setText(const QString &text)
{
    QLabel::setText(text);
    rebalance();
}

void BalancedLabel::rebalance()
{
    const int available = width();
    const int text = balancedWrapWidth(font(), this->text(), available);
    // A pixel of slack for rounding between QTextLayout and QLabel's own layout.
    const int pad = std::max(0, (available - text - 2) / 2);
    const QMargins margins(pad, 0, pad, 0);
    if (contentsMargins() != margins)
        setContentsMargins(margins);
}

void BalancedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    rebalance();
}

void BalancedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        rebalance();
}

} // namespace hm::app
