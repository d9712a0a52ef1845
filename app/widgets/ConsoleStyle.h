#pragma once

#include <QProxyStyle>

namespace hm::app {

// Fusion with the console's own few differences, for the whole application
// (ThemeManager installs it):
// - the standard icons the console uses (folders, files, up, refresh,
//   trash, new folder) are the line icons of resources/icons, coloured for
//   the theme, not Fusion's raster ones beside the line icons elsewhere;
// - dialog buttons carry no icons: some platform themes (a bare X11
//   session) give OK and Cancel raster ticks and crosses that no other
//   button has;
// - push buttons keep room beside their text: Fusion leaves 5 px a side,
//   which full-width Chinese characters fill to the frame.
class ConsoleStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    // Takes `base` (Fusion when null).
    explicit ConsoleStyle(QStyle *base = nullptr);

    int styleHint(StyleHint hint, const QStyleOption *option = nullptr,
                  const QWidget *widget = nullptr,
                  QStyleHintReturn *returnData = nullptr) const override;
    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                           const QWidget *widget) const override;

    // What a push button gets beside its text on each side, over Fusion's.
    static constexpr int kButtonExtraPadding = 4;

    // The line icon standing for `icon`, or an empty path where the console
    // keeps the base style's.
    static QString lineIconPath(StandardPixmap icon);
};

} // namespace hm::app
