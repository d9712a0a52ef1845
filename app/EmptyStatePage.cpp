#include "EmptyStatePage.h"

#include "hivemind/Version.h"

#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace hm::app {

QLabel *createIconBadge(const QString &iconPath, int badgeSize, QWidget *parent)
{
    auto *badge = new QLabel(parent);
    badge->setObjectName(QStringLiteral("iconBadge"));
    badge->setFixedSize(badgeSize, badgeSize);
    badge->setAlignment(Qt::AlignCenter);
    badge->setStyleSheet(QStringLiteral("border-radius: %1px;").arg(badgeSize / 2));
    const int iconSize = badgeSize / 2;
    badge->setPixmap(QIcon(iconPath).pixmap(QSize(iconSize, iconSize), badge->devicePixelRatioF()));
    return badge;
}

EmptyStatePage::EmptyStatePage(const Section &section, QWidget *parent)
    : QWidget(parent), m_section(section)
{
    setObjectName(QStringLiteral("page.") + section.id);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 48, 48, 48);
    layout->setSpacing(0);
    layout->addStretch(2);

    auto *badge = createIconBadge(section.iconPath, 96, this);
    layout->addWidget(badge, 0, Qt::AlignHCenter);
    layout->addSpacing(20);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_title);
    layout->addSpacing(10);

    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("emptyStateText"));
    m_description->setAlignment(Qt::AlignCenter);
    m_description->setWordWrap(true);
    m_description->setMaximumWidth(520);
    layout->addWidget(m_description, 0, Qt::AlignHCenter);
    layout->addSpacing(6);

    m_availability = new QLabel(this);
    m_availability->setObjectName(QStringLiteral("emptyStateNote"));
    m_availability->setAlignment(Qt::AlignCenter);
    m_availability->setWordWrap(true);
    m_availability->setMaximumWidth(520);
    layout->addWidget(m_availability, 0, Qt::AlignHCenter);

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
