#pragma once

#include <QProxyStyle>

namespace hm::app {

// The console's widget style: Fusion, which paints from the palette in both
// themes, with its check box and radio button indicators given a border
// that shows on a dark window. Fusion outlines them in a shade darker than
// the window, which on the dark theme's near-black is all but invisible
// (an unchecked box looked like no box at all).
class ConsoleStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    ConsoleStyle();

    // The colour the indicators of a dark palette are outlined in.
    static QColor darkIndicatorBorder();

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};

} // namespace hm::app
