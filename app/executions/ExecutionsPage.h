#pragma once

#include "executions/ExecutionListModel.h"

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
class EventStream;
} // namespace hm::client

namespace hm::app {

class ExecutionViewer;

// The Executions section: the filterable, live list of executions
// (executions.list: flow, status, time range; loading, empty and error
// states) and, opened from it with double-click or Enter, the execution
// viewer. objectName: page.executions.
class ExecutionsPage : public QWidget
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
    void listenToEvents();
    void openRow(const QModelIndex &index);
    void saveHeader() const;

    QPointer<hm::client::ApiClient> m_client;
    ExecutionListModel *m_model;
    hm::client::EventStream *m_events;
    QTimer m_eventsRetry;
    int m_eventsFailures = 0;
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
    QWidget *m_statePanel = nullptr;
    QLabel *m_stateTitle = nullptr;
    QLabel *m_stateText = nullptr;
    QLabel *m_stateDetails = nullptr;
    QPushButton *m_stateAction = nullptr;
    ExecutionViewer *m_viewer = nullptr;
};

} // namespace hm::app
