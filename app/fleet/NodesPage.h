#pragma once

#include "client/ApiTypes.h"
#include "widgets/LocalizedText.h"
#include "widgets/SectionPage.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QScrollArea;
class QTableView;
class QTimer;

namespace hm::client {
class ApiClient;
struct NodeRow;
} // namespace hm::client

namespace hm::app {

class LiveEvents;
class NodeDetailPane;
class NodeListModel;
class NodeMetricsView;
class NodeProbesView;
class NodeFilesView;
class NodeDockerView;
class NodeProcessesView;
class NodeTerminalView;
class NodeNginxView;
class NodeAgentView;
class SectionEmptyState;
class SectionHeader;

// The Nodes section (issue 35, item 3): the fleet's machines in a live,
// lazy list (status, name, labels as chips, OS, CPU / memory / disk as
// sparklines of the last 15 minutes, last seen, capabilities as icons,
// address, agent; NodeListDelegate draws them)
// with search and a label filter, the selected node's details and its
// history as charts (NodeMetricsView) under it,
// and the administrator's actions: enrol a node (EnrolNodeDialog shows the
// install command once), rename or relabel it (NodeEditDialog), a new
// enrolment secret, delete (confirmed), which nodes the public status
// page shows (PublicStatusDialog), and the agent releases with their staged
// upgrades (AgentReleasesDialog).
// Other consoles' changes and agents coming and going arrive on the shared
// /ws/events hub and change the loaded rows in place. Anyone signed in
// reads; the actions are off with the reason for anyone but administrators.
class NodesPage final : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    explicit NodesPage(QWidget *parent = nullptr);
    ~NodesPage() override;

    void setSession(client::ApiClient *client, const client::UserInfo &user);

    // SectionPage: setSession() with the signed-in client, once per sign-in.
    QWidget *widget() override { return this; }
    void applySession(const Session &session) override
    {
        if (m_signIn.changed(session))
            setSession(session.signedIn ? session.client : nullptr, session.user);
    }
    bool isLive() const override;
    bool openItem(const QString &nodeId) override;

    NodeListModel *model() const { return m_model; }
    SectionEmptyState *emptyState() const { return m_empty; }
    NodeMetricsView *metricsView() const { return m_metrics; }
    NodeProbesView *probesView() const { return m_probes; }
    NodeProcessesView *processesView() const { return m_processes; }
    NodeTerminalView *terminalView() const { return m_terminal; }
    NodeFilesView *filesView() const { return m_files; }
    NodeDockerView *dockerView() const { return m_docker; }
    NodeNginxView *nginxView() const { return m_nginx; }
    NodeAgentView *agentView() const { return m_agent; }

signals:
    // The selected node's /access answered and its tools' tabs follow it.
    void nodeAccessRead();

public slots:
    void reload();
    void enrolNode();
    void editSelected();
    void renewSelected();
    void deleteSelected();
    void editPublicStatus();
    // The agent builds the server offers, uploads and staged upgrades
    // (AgentReleasesDialog; administrators).
    void openAgentReleases();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    void showState();
    void showDetail();
    // Shows the node's tools (Processes, Terminal, Files) that /access says are usable.
    void readAccess(const client::NodeRow *node);
    const client::NodeRow *selected() const;
    bool isAdmin() const;
    // `what` takes the error\'s description as %1; kept as the way to say it,
    // so a language change says it again.
    void failed(std::function<QString()> what, const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    client::UserInfo m_me;
    NodeListModel *m_model = nullptr;
    LiveEvents *m_live = nullptr;
    SectionHeader *m_header = nullptr;
    QLineEdit *m_labelFilter = nullptr;
    QTimer *m_labelDelay = nullptr;
    QPushButton *m_enrol = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_renew = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_publicStatus = nullptr;
    QPushButton *m_agentReleases = nullptr;
    QStackedWidget *m_content = nullptr;
    QTableView *m_view = nullptr;
    SectionEmptyState *m_empty = nullptr;
    QTabWidget *m_tabs = nullptr;
    QScrollArea *m_detailScroll = nullptr;
    NodeDetailPane *m_detail = nullptr;
    NodeMetricsView *m_metrics = nullptr;
    NodeProbesView *m_probes = nullptr;
    NodeProcessesView *m_processes = nullptr;
    NodeTerminalView *m_terminal = nullptr;
    NodeFilesView *m_files = nullptr;
    NodeDockerView *m_docker = nullptr;
    NodeNginxView *m_nginx = nullptr;
    NodeAgentView *m_agent = nullptr; // upgrade, restart, reboot
    QString m_accessKey; // node id and status /access was read for
    QLabel *m_state = nullptr;
    QTimer *m_clock = nullptr;
    LocalizedText m_message;
    QString m_pendingOpen; // openItem() before its row came
    SignInTracker m_signIn;
};

} // namespace hm::app
