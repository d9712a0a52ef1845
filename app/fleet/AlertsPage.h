#pragma once

#include "widgets/PlannedSectionPage.h"

namespace hm::app {

class AlertNotifier;

// The Alerts section: alert rules, notification channels and the alerts
// that fired, on the fleet's metrics. The server evaluates rules and keeps
// records already (docs/api.md "Alerts"); the page that manages them is
// still to come and says so. Meanwhile it owns the desktop notifications
// (AlertNotifier), which follow the signed-in session from the start: the
// shell makes every section's page when the window opens.
class AlertsPage final : public PlannedSectionPage
{
    Q_OBJECT

public:
    explicit AlertsPage(QWidget *parent = nullptr);

    void applySession(const Session &session) override;
    AlertNotifier *notifier() const { return m_notifier; }

protected:
    void retranslateUi() override;

private:
    AlertNotifier *m_notifier;
};

} // namespace hm::app
