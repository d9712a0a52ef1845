#include "widgets/IconBadge.h"

#include "widgets/ThemeManager.h"

#include <QEvent>
#include <QGuiApplication>
#include <QIcon>
#include <QLabel>
#include <functional>

namespace hm::app {

namespace {

// Calls `repaint` when the palette of the watched widget changes.
class BadgeThemeFilter : public QObject
{
public:
    BadgeThemeFilter(std::function<void()> repaint, QObject *parent)
        : QObject(parent), m_repaint(std::move(repaint))
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange)
            m_repaint();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_repaint;
};

} // namespace

QLabel *createIconBadge(const QString &iconPath, int badgeSize, QWidget *parent)
{
    auto *badge = new QLabel(parent);
    badge->setObjectName(QStringLiteral("iconBadge"));
    badge->setFixedSize(badgeSize, badgeSize);
    badge->setAlignment(Qt::AlignCenter);
    badge->setStyleSheet(QStringLiteral("border-radius: %1px;").arg(badgeSize / 2));
    const int iconSize = badgeSize / 2;
    const auto paint = [badge, iconPath, iconSize] {
        badge->setPixmap(ThemeManager::themedIcon(iconPath, QGuiApplication::palette())
                             .pixmap(QSize(iconSize, iconSize), badge->devicePixelRatioF()));
    };
    paint();
    // Repainted in the new theme's grey when the theme changes.
    badge->installEventFilter(new BadgeThemeFilter(paint, badge));
    return badge;
}

} // namespace hm::app
