#include "widgets/ConsoleStyle.h"

#include "widgets/ThemeManager.h"

#include <QStyleFactory>
#include <QStyleOption>

namespace hm::app {

ConsoleStyle::ConsoleStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{
    setObjectName(QStringLiteral("ConsoleStyle"));
}

QColor ConsoleStyle::darkIndicatorBorder()
{
    // The dark theme's "note" grey: about 5:1 against its window, above
    // the 3:1 that the outline of a control needs to be seen.
    return ThemeManager::tokenColour("note", ThemeManager::palette(true));
}

void ConsoleStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                                 QPainter *painter, const QWidget *widget) const
{
    const bool indicator = element == PE_IndicatorCheckBox || element == PE_IndicatorRadioButton;
    if (!indicator || !option || !ThemeManager::isDarkPalette(option->palette)) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // Fusion draws the outline as the window colour darker(140), then
    // lighter(110): a window this light gives the border above. The option
    // is copied whole (a check box's or a radio button's) so that the
    // state it carries stays.
    QColor window = darkIndicatorBorder();
    window = window.lighter(140);
    const auto withWindow = [&](auto copy) {
        copy.palette.setColor(QPalette::Window, window);
        QProxyStyle::drawPrimitive(element, &copy, painter, widget);
    };
    if (const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option))
        withWindow(*button);
    else if (const auto *item = qstyleoption_cast<const QStyleOptionViewItem *>(option))
        withWindow(*item);
    else
        withWindow(*option);
}

} // namespace hm::app
