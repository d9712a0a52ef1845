#include "widgets/PlannedSectionPage.h"

#include "widgets/SectionEmptyState.h"

#include <QEvent>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

PlannedSectionPage::PlannedSectionPage(const QString &sectionId, QWidget *parent)
    : QWidget(parent), m_state(new SectionEmptyState(sectionId, this))
{
    setObjectName(QStringLiteral("page.") + sectionId);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);
    // Nothing to do here yet: no action rather than one that leads nowhere.
    m_state->action()->hide();
}

void PlannedSectionPage::finishSetUp()
{
    retranslateUi();
}

void PlannedSectionPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace hm::app
