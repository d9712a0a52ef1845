#include "fleet/NodesPage.h"

#include "widgets/SectionEmptyState.h"

#include <QLabel>

namespace hm::app {

NodesPage::NodesPage(QWidget *parent) : PlannedSectionPage(QStringLiteral("nodes"), parent)
{
    finishSetUp();
}

void NodesPage::retranslateUi()
{
    emptyState()->title()->setText(tr("No nodes yet"));
    emptyState()->text()->setText(
        tr("Machines that run the HiveMind agent will be listed here, with their status, "
           "metrics and probes. This version cannot enrol agents yet."));
}

} // namespace hm::app
