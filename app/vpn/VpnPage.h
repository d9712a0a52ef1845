#pragma once

#include "widgets/PlannedSectionPage.h"

namespace hm::app {

// The VPN section: WireGuard servers and clients, IPv6 pools and BGP.
// Empty until the VPN management is built.
class VpnPage final : public PlannedSectionPage
{
    Q_OBJECT

public:
    explicit VpnPage(QWidget *parent = nullptr);

protected:
    void retranslateUi() override;
};

} // namespace hm::app
