#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;
class QTableView;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class AlertRecordModel;
class LiveEvents;

// The Dashboard's open-alerts card: how many alerts fire now and the
// newest of them (rule, node, value, condition, when it fired), over the
// Alerts section's own record model (open ones only), so it follows
// /ws/events' "alert" messages as that list does and reads again after a
// dropped stream. A row opens that alert in the Alerts section, "Show all
// alerts" the section itself. Named `dashboard.alerts.*`.
class OpenAlertsCard final : public QFrame
{
    Q_OBJECT

public:
    explicit OpenAlertsCard(QWidget *parent = nullptr);

    void setClient(client::ApiClient *client);
    AlertRecordModel *model() const { return m_model; }

    // Rows the card grows to before its list scrolls.
    static constexpr int kVisibleRows = 5;

signals:
    void openAlert(const QString &recordId);
    void showAllAlerts();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateState();

    QPointer<client::ApiClient> m_client;
    AlertRecordModel *m_model = nullptr;
    LiveEvents *m_live = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QTableView *m_list = nullptr;
    QPushButton *m_showAll = nullptr;
};

} // namespace hm::app
