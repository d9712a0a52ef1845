#include "vpn/VpnPage.h"

#include "widgets/SectionEmptyState.h"

#include <QLabel>

namespace hm::app {

VpnPage::VpnPage(QWidget *parent) : PlannedSectionPage(QStringLiteral("vpn"), parent)
{
    finishSetUp();
}

void VpnPage::retranslateUi()
{
    emptyState()->title()->setText(tr("No VPN servers yet"));
    emptyState()->text()->setText(
        tr("WireGuard servers and their clients, IPv6 prefix pools and BGP sessions will be "
           "managed here. This version cannot set up a VPN yet."));
}

} // namespace hm::app
