#pragma once

#include "executions/ExecutionListModel.h"
#include "widgets/SectionPage.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace hm::client {
class ApiClient;
class EventHub;
} // namespace hm::client

namespace hm::app {

class SectionEmptyState;

class ExecutionViewer;

// The Executions section: the filterable, live list of executions
// (executions.list: flow, status, time range; loading, empty and error
// states) and, opened from it with double-click or Enter, the execution
// viewer. objectName: page.executions.
class ExecutionsPage : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    explicit ExecutionsPage(QWidget *parent = nullptr);
    ~ExecutionsPage() override;

    // The server to read from; null shows the "not connected" state.
    void setClient(hm::client::ApiClient *client);

    ExecutionListModel *model() const { return m_model; }
    ExecutionViewer *viewer() const { return m_viewer; }
    QTableView *list() const { return m_list; }
    bool isViewerShown() const;

    // SectionPage: a new connection's client, and the first page again once
    // someone signs in (what could not be read before).
    QWidget *widget() override { return this; }
    void applySession(const Session &session) override;
    bool wantsSignedInGate() const override { return false; }
    bool isLive() const override { return true; }
    bool openItem(const QString &executionId) override;

public slots:
    // Shows one execution in the viewer (the Flows page calls this after a
    // trigger).
    void openExecution(const QString &executionId);
    // Back from the viewer to the list.
    void showList();
    // F5: the first page again, merged into the list.
    void refresh();

signals:
    // The empty state's action: the Flows section, where flows are run.
    void showFlowsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createListPage();
    QWidget *createStatePanel();
    void retranslateUi();
    void updateState();
    void applyFilter();
    void loadFlows();
    // Subscribes to the client's EventHub (and leaves the old client's).
    void followEvents();
    void openRow(const QModelIndex &index);
    void saveHeader() const;

    QPointer<hm::client::ApiClient> m_client;
    Session m_session;
    ExecutionListModel *m_model;
    QPointer<hm::client::EventHub> m_events; // the client's, while it has one
    QTimer m_tick;
    QTimer m_loadingDelay;
    bool m_loadingShown = false;

    QStackedWidget *m_pages = nullptr; // list page, viewer
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QComboBox *m_flowFilter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_timeFilter = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_refresh = nullptr;
    QStackedWidget *m_listStack = nullptr; // table, state panel
    QTableView *m_list = nullptr;
    SectionEmptyState *m_state = nullptr;
    ExecutionViewer *m_viewer = nullptr;
};

} // namespace hm::app
