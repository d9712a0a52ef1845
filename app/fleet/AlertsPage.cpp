#include "fleet/AlertsPage.h"

#include "widgets/SectionEmptyState.h"

#include <QLabel>

namespace hm::app {

AlertsPage::AlertsPage(QWidget *parent) : PlannedSectionPage(QStringLiteral("alerts"), parent)
{
    finishSetUp();
}

void AlertsPage::retranslateUi()
{
    emptyState()->title()->setText(tr("No alerts yet"));
    emptyState()->text()->setText(
        tr("Alert rules on your nodes' metrics, the channels that notify you and every alert "
           "that fired will be here. This version has no nodes to watch yet."));
}

} // namespace hm::app
