#include "widgets/ConsoleStyle.h"

#include "widgets/ColumnAlignment.h"
#include "widgets/ThemeManager.h"

#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QStyleFactory>
#include <QStyleOption>

namespace hm::app {

ConsoleStyle::ConsoleStyle(QStyle *base)
    : QProxyStyle(base ? base : QStyleFactory::create(QStringLiteral("Fusion")))
{
    setObjectName(QStringLiteral("ConsoleStyle"));
}

QColor ConsoleStyle::indicatorBorder(bool dark)
{
    // Above the 3:1 that the outline of a control needs to be seen: the
    // dark theme's "note" grey (about 5:1 against its window), the light
    // theme's "muted" one (about 4:1 as Fusion paints it; its "note" grey
    // stays under 3:1 on the light window).
    return dark ? ThemeManager::tokenColour("note", ThemeManager::palette(true))
                : ThemeManager::tokenColour("muted", ThemeManager::palette(false));
}

void ConsoleStyle::polish(QWidget *widget)
{
    QProxyStyle::polish(widget);
    // Only the untouched default: a header that chose its alignment keeps it.
    auto *header = qobject_cast<QHeaderView *>(widget);
    if (header && header->orientation() == Qt::Horizontal &&
        header->defaultAlignment() == Qt::AlignCenter)
        alignHeaderLikeCells(header);
}

void ConsoleStyle::drawControl(ControlElement element, const QStyleOption *option,
                               QPainter *painter, const QWidget *widget) const
{
    const auto *header = qstyleoption_cast<const QStyleOptionHeader *>(option);
    if (element != CE_HeaderLabel || !header || !(header->state & State_On)) {
        QProxyStyle::drawControl(element, option, painter, widget);
        return;
    }
    // State_On (the column holds selected cells) is what the common style
    // bolds the title for; the section behind it is drawn apart (CE_Header
    // draws CE_HeaderSection, then this label).
    QStyleOptionHeader copy = *header;
    copy.state &= ~State_On;
    QProxyStyle::drawControl(element, &copy, painter, widget);
}

void ConsoleStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                                 QPainter *painter, const QWidget *widget) const
{
    const bool indicator = element == PE_IndicatorCheckBox || element == PE_IndicatorRadioButton;
    if (!indicator || !option) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // Fusion draws the outline as the window colour darker(140), then
    // lighter(110): a window this light gives the border above. The option
    // is copied whole (a check box's or a radio button's) so that the
    // state it carries stays.
    const QColor window =
        indicatorBorder(ThemeManager::isDarkPalette(option->palette)).lighter(140);
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

int ConsoleStyle::styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
                            QStyleHintReturn *returnData) const
{
    if (hint == SH_DialogButtonBox_ButtonsHaveIcons)
        return 0;
    return QProxyStyle::styleHint(hint, option, widget, returnData);
}

QSize ConsoleStyle::sizeFromContents(ContentsType type, const QStyleOption *option,
                                     const QSize &size, const QWidget *widget) const
{
    QSize result = QProxyStyle::sizeFromContents(type, option, size, widget);
    if (type == CT_PushButton) {
        const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option);
        if (button && !button->text.isEmpty())
            result.rwidth() += 2 * kButtonExtraPadding;
    }
    return result;
}

QString ConsoleStyle::lineIconPath(StandardPixmap icon)
{
    switch (icon) {
    case SP_DirIcon:
    case SP_DirClosedIcon:
    case SP_DirOpenIcon:
        return QStringLiteral(":/icons/folder.svg");
    case SP_FileIcon:
        return QStringLiteral(":/icons/file.svg");
    case SP_FileLinkIcon:
        return QStringLiteral(":/icons/file-link.svg");
    case SP_FileDialogToParent:
        return QStringLiteral(":/icons/folder-up.svg");
    case SP_FileDialogNewFolder:
        return QStringLiteral(":/icons/folder-plus.svg");
    case SP_BrowserReload:
        return QStringLiteral(":/icons/refresh.svg");
    case SP_TrashIcon:
        return QStringLiteral(":/icons/trash.svg");
    default:
        return {};
    }
}

QIcon ConsoleStyle::standardIcon(StandardPixmap icon, const QStyleOption *option,
                                 const QWidget *widget) const
{
    const QString path = lineIconPath(icon);
    // Without the console's resources (a library's own test) the base's.
    if (!path.isEmpty() && QFile::exists(path))
        return ThemeManager::themedIcon(path, widget ? widget->palette() : QApplication::palette());
    return QProxyStyle::standardIcon(icon, option, widget);
}

} // namespace hm::app
