#pragma once

#include <QProxyStyle>

namespace hm::app {

// Fusion (which paints from the palette in both themes) with the console's
// own few differences, for the whole application (ThemeManager installs
// it):
// - check box and radio button indicators get a border that shows (3:1
//   against the window, as a control's outline needs): Fusion outlines them
//   in a shade darker than the window, which on the dark theme's
//   near-black is all but invisible (an unchecked box looked like no box at
//   all) and on the light theme's near-white a faint 1.7:1 grey;
// - the standard icons the console uses (folders, files, up, refresh,
//   trash, new folder) are the line icons of resources/icons, coloured for
//   the theme, not Fusion's raster ones beside the line icons elsewhere;
// - dialog buttons carry no icons: some platform themes (a bare X11
//   session) give OK and Cancel raster ticks and crosses that no other
//   button has;
// - push buttons keep room beside their text: Fusion leaves 5 px a side,
//   which full-width Chinese characters fill to the frame;
// - table headers keep their weight when rows are selected: the common
//   style bolds the title of every column a selection touches, and with
//   whole rows selected every title of the table turned bold, and back,
//   with each click;
// - a table's column titles sit left, as its cells do, where the header
//   was left at QHeaderView's centred default (a model still right-aligns
//   the titles of its columns of numbers: widgets/ColumnAlignment).
class ConsoleStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    // Takes `base` (Fusion when null).
    explicit ConsoleStyle(QStyle *base = nullptr);

    // The colour the indicators of a dark (or light) palette are outlined in.
    static QColor indicatorBorder(bool dark);
    // The line icon standing for `icon`, or an empty path where the console
    // keeps the base style's.
    static QString lineIconPath(StandardPixmap icon);
    // What a push button gets beside its text on each side, over Fusion's.
    static constexpr int kButtonExtraPadding = 4;

    using QProxyStyle::polish;
    void polish(QWidget *widget) override;
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    int styleHint(StyleHint hint, const QStyleOption *option = nullptr,
                  const QWidget *widget = nullptr,
                  QStyleHintReturn *returnData = nullptr) const override;
    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                           const QWidget *widget) const override;
};

} // namespace hm::app
