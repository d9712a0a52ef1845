#pragma once

#include "widgets/PlannedSectionPage.h"

namespace hm::app {

// The Alerts section: alert rules, notification channels and the alerts
// that fired, on the fleet's metrics. Empty until the fleet exists.
class AlertsPage final : public PlannedSectionPage
{
    Q_OBJECT

public:
    explicit AlertsPage(QWidget *parent = nullptr);

protected:
    void retranslateUi() override;
};

} // namespace hm::app
