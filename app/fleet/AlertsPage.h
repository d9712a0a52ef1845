#pragma once

#include "client/ApiTypes.h"
#include "fleet/AlertRuleDialog.h"
#include "widgets/LocalizedText.h"
#include "widgets/SectionPage.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;

namespace hm::client {
class ApiClient;
struct AlertRecordRow;
struct AlertRuleRow;
struct MaintenanceWindowRow;
} // namespace hm::client

namespace hm::app {

class AlertChannelModel;
class AlertNotifier;
class AlertRecordModel;
class AlertRuleModel;
class LiveEvents;
class MaintenanceModel;
class ProbesTab;
class SectionEmptyState;
class SectionHeader;

// The Alerts section (issue 35, item 3; console.md "Fleet"): the alerts
// that fired, open ones first (what is firing now; all of them on request,
// by type), resolved by hand by users and up; and the rules that raise them,
// which administrators create, change, switch on and off and delete (the
// rule dialog); and, for administrators, the channels alerts are sent to
// (webhooks, with a Test button that says how the message went); and the
// maintenance windows administrators plan, during which the nodes they
// cover raise no alert (everyone reads them). The lists
// follow the server live: records as they open and resolve, rules and
// channels as any console changes them. The page also owns the desktop
// notifications (AlertNotifier), which follow the signed-in session from
// the start: the shell makes every section's page when the window opens.
class AlertsPage final : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    explicit AlertsPage(QWidget *parent = nullptr);
    ~AlertsPage() override;

    void setSession(client::ApiClient *client, const client::UserInfo &user);

    // SectionPage.
    QWidget *widget() override { return this; }
    void applySession(const Session &session) override;
    // The line under the list (how many rows, a request's outcome); not the
    // status bar's (SectionPage::stateText is for long work only).
    QString listStateText() const;
    bool isLive() const override;
    // Shows the record (a notification's), on the Alerts tab.
    bool openItem(const QString &recordId) override;

    AlertNotifier *notifier() const { return m_notifier; }
    AlertRecordModel *records() const { return m_records; }
    AlertRuleModel *rules() const { return m_rules; }
    AlertChannelModel *channels() const { return m_channels; }
    MaintenanceModel *maintenance() const { return m_windows; }
    SectionEmptyState *maintenanceEmptyState() const { return m_windowsEmpty; }
    SectionEmptyState *emptyState() const { return m_recordsEmpty; }
    QLabel *recordDetail() const { return m_recordDetail; }
    SectionEmptyState *rulesEmptyState() const { return m_rulesEmpty; }
    ProbesTab *probesTab() const { return m_probesTab; }

signals:
    // Double-click on an alert: its node, in the Nodes section.
    void nodeRequested(const QString &nodeId);

public slots:
    void reload();
    void newRule();
    void editRule();
    void toggleRule();
    void deleteRule();
    void resolveRecord();
    void newChannel();
    void editChannel();
    void testChannel();
    void deleteChannel();
    void newMaintenanceWindow();
    void endMaintenanceWindow();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    void showState();
    void loadNodeNames(int page = 1);
    // The nodes a rule may name, by name.
    AlertRuleDialog::NodeNames nodeChoices() const;
    const client::AlertRecordRow *selectedRecord() const;
    const client::AlertRuleRow *selectedRule() const;
    const client::AlertChannelRow *selectedChannel() const;
    const client::MaintenanceWindowRow *selectedWindow() const;
    void showChannelsState();
    // The alerts list is empty because no rule exists, and the user may
    // write one.
    bool noRuleToFire() const;
    void showMaintenanceState();
    // A passing word in the state line: a failure ("bad") or a success ("good").
    // The message, kept as the way to say it: a language change (which
    // shows the state again) says it in the new language.
    void say(LocalizedText text, const QString &tone);
    bool isAdmin() const;
    bool mayResolve() const;
    // `what` takes the error's description as %1.
    void failed(std::function<QString()> what, const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    client::UserInfo m_me;
    AlertRecordModel *m_records = nullptr;
    AlertRuleModel *m_rules = nullptr;
    AlertChannelModel *m_channels = nullptr;
    AlertNotifier *m_notifier = nullptr;
    LiveEvents *m_live = nullptr;
    SectionHeader *m_header = nullptr;
    QPushButton *m_newRule = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_recordsTab = nullptr;
    QWidget *m_rulesTab = nullptr;
    QComboBox *m_show = nullptr;
    QComboBox *m_typeFilter = nullptr;
    QPushButton *m_resolve = nullptr;
    QStackedWidget *m_recordsStack = nullptr;
    QLabel *m_recordDetail = nullptr; // the selected container record's containers
    QTableView *m_recordsView = nullptr;
    SectionEmptyState *m_recordsEmpty = nullptr;
    QPushButton *m_editRule = nullptr;
    QPushButton *m_toggleRule = nullptr;
    QPushButton *m_deleteRule = nullptr;
    QStackedWidget *m_rulesStack = nullptr;
    QTableView *m_rulesView = nullptr;
    SectionEmptyState *m_rulesEmpty = nullptr;
    QWidget *m_channelsTab = nullptr;
    QPushButton *m_newChannel = nullptr;
    QPushButton *m_editChannel = nullptr;
    QPushButton *m_testChannel = nullptr;
    QPushButton *m_deleteChannel = nullptr;
    QStackedWidget *m_channelsStack = nullptr;
    QTableView *m_channelsView = nullptr;
    SectionEmptyState *m_channelsEmpty = nullptr;
    ProbesTab *m_probesTab = nullptr;
    MaintenanceModel *m_windows = nullptr;
    QWidget *m_maintenanceTab = nullptr;
    QPushButton *m_newWindow = nullptr;
    QPushButton *m_endWindow = nullptr;
    QStackedWidget *m_windowsStack = nullptr;
    QTableView *m_windowsView = nullptr;
    SectionEmptyState *m_windowsEmpty = nullptr;
    QTimer *m_windowClock = nullptr; // windows that start and end
    bool m_testing = false;
    QString m_messageTone;
    QLabel *m_state = nullptr;
    LocalizedText m_message;
    QString m_pendingOpen; // openItem() before its row came
    QHash<QString, QString> m_nodeNames;
    quint64 m_nodeNamesGeneration = 0;
    SignInTracker m_signIn;
};

} // namespace hm::app
