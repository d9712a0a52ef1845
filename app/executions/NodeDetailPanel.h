#pragma once

#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class ExecutionState;
class RunStatusBadge;

// What one node of the execution did: its Inputs and Outputs (masked by the
// server as it masks them everywhere), its Error, its Attempts and its Logs,
// from GET /executions/{id}/nodes/{nodeId}; read again when the node's
// status changes, and every kRunningRefetchMs while it runs (a node may log
// as it goes: a `task` node logs its exact target list before any command
// starts). A `task` node's targets also show above the tabs
// (execution.nodeDetail.targets). objectName: execution.nodeDetail.
class NodeDetailPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kRunningRefetchMs = 2000;

    NodeDetailPanel(ExecutionState *state, QWidget *parent = nullptr);

    void setClient(hm::client::ApiClient *client);
    void showNode(const QString &nodeId);
    QString nodeId() const { return m_nodeId; }
    // The server's answer for the node shown (empty until it came).
    const QJsonObject &detail() const { return m_detail; }

public slots:
    void onNodesChanged(const QSet<QString> &nodeIds);

signals:
    // The node's detail was read (or failed): for tests.
    void detailLoaded(const QString &nodeId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fetch();
    void render();
    void retranslateUi();

    ExecutionState *m_state;
    QPointer<hm::client::ApiClient> m_client;
    QString m_nodeId;
    QJsonObject m_detail;
    QString m_error; // why the detail could not be read
    QTimer m_refetch;
    QTimer m_runningRefetch; // while the node shown runs
    quint64 m_generation = 0;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_targets = nullptr; // a task node's target list
    RunStatusBadge *m_badge = nullptr;
    QLabel *m_note = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_inputs = nullptr;
    QPlainTextEdit *m_outputs = nullptr;
    QPlainTextEdit *m_errorText = nullptr;
    QTableWidget *m_attempts = nullptr;
    QListWidget *m_logs = nullptr;
};

} // namespace hm::app
