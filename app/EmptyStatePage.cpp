#include "EmptyStatePage.h"

#include "BalancedLabel.h"
#include "ThemeManager.h"
#include "hivemind/Version.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>
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

EmptyStatePage::EmptyStatePage(const Section &section, QWidget *parent)
    : QWidget(parent), m_section(section)
{
    setObjectName(QStringLiteral("page.") + section.id);

    // A centred column of bounded width: wrapped labels need the full width
    // of their layout to compute their height, so they are not centred one by one.
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(48, 48, 48, 48);
    auto *column = new QWidget(this);
    column->setMaximumWidth(540);
    column->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    outer->addStretch(1);
    outer->addWidget(column, 4);
    outer->addStretch(1);

    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addStretch(2);

    auto *badge = createIconBadge(section.iconPath, 96, column);
    layout->addWidget(badge, 0, Qt::AlignHCenter);
    layout->addSpacing(20);

    m_title = new QLabel(column);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_title);
    layout->addSpacing(10);

    // Balanced lines: no full line followed by a lone word.
    m_description = new BalancedLabel(column);
    m_description->setObjectName(QStringLiteral("emptyStateText"));
    layout->addWidget(m_description);
    layout->addSpacing(8);

    m_availability = new BalancedLabel(column);
    m_availability->setObjectName(QStringLiteral("emptyStateNote"));
    layout->addWidget(m_availability);

    layout->addStretch(3);
    retranslateUi();
}

void EmptyStatePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EmptyStatePage::retranslateUi()
{
    m_title->setText(m_section.translatedTitle());
    m_description->setText(m_section.translatedDescription());
    m_availability->setText(tr("This section is not available yet in HiveMind %1.")
                                .arg(QString::fromLatin1(hm::version::kVersion)));
}

} // namespace hm::app
