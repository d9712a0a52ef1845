#include "fleet/AlertsPage.h"

#include "fleet/AlertNotifier.h"
#include "widgets/SectionEmptyState.h"

#include <QLabel>

namespace hm::app {

AlertsPage::AlertsPage(QWidget *parent)
    : PlannedSectionPage(QStringLiteral("alerts"), parent), m_notifier(new AlertNotifier(this))
{
    finishSetUp();
}

void AlertsPage::applySession(const Session &session)
{
    PlannedSectionPage::applySession(session);
    m_notifier->setClient(session.signedInClient());
}

void AlertsPage::retranslateUi()
{
    emptyState()->title()->setText(tr("No alerts yet"));
    emptyState()->text()->setText(
        tr("The server already watches your nodes with the alert rules set through its API "
           "and notifies this desktop when one fires. Managing rules, channels and the alerts "
           "that fired will be here in a later version."));
}

} // namespace hm::app
