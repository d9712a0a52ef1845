#pragma once

#include "client/FlowTypes.h"
#include "flowgraph/ComponentCatalogue.h"
#include "widgets/MessageLine.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPushButton;
class QSplitter;
class QToolButton;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class ExecutionFeed;
class ExecutionGraphView;
class ExecutionLogFilter;
class ExecutionLogModel;
class ExecutionState;
class GanttTimeline;
class NodeDetailPanel;
class RunStatusBadge;

// One execution, live (console.md "Execution viewer"): a header with the
// flow's name and version, the status badge, start, elapsed and estimated
// time, and the actions Cancel, Kill (both confirmed through MessageBox)
// and Re-run ▾ (from the start or from the failed node, on the pinned
// version or the flow's newest); below, the read-only graph with live
// statuses above the Gantt timeline, the selected node's detail on the
// right, and the execution log at the bottom (filterable, following the
// tail). Selecting a node in the graph or the timeline selects it in both.
// objectName: execution.viewer.
class ExecutionViewer : public QWidget
{
    Q_OBJECT

public:
    explicit ExecutionViewer(QWidget *parent = nullptr);
    ~ExecutionViewer() override;

    void setClient(hm::client::ApiClient *client);
    QString executionId() const;

    ExecutionState *state() const { return m_state; }
    ExecutionFeed *feed() const { return m_feed; }
    ExecutionGraphView *graph() const { return m_graph; }
    GanttTimeline *timeline() const { return m_timeline; }
    NodeDetailPanel *detail() const { return m_detail; }
    // The error or notice shown under the header (empty when none).
    QString message() const;

public slots:
    void openExecution(const QString &executionId);
    void selectNode(const QString &nodeId);
    void cancelExecution();
    void killExecution();
    // from "start" or "failed"; version empty = the pinned one.
    void rerun(const QString &from, const QString &version);

signals:
    void backRequested();
    // A new execution is shown (opened, or made by a re-run).
    void executionOpened(const QString &executionId);

protected:
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createHeader();
    QWidget *createLog();
    void retranslateUi();
    void updateHeader();
    void updateActions();
    void updateConnection();
    void loadFlow();
    void loadCatalogue();
    void animate();
    void updateAnimation();
    // Made from a text function: a language change says it again.
    void showMessage(MessageLine::Text text, bool error = true);
    void clearMessage();
    void onLogAppended();

    QPointer<hm::client::ApiClient> m_client;
    ExecutionState *m_state;
    ExecutionFeed *m_feed;
    QString m_flowRequested; // the flow whose name and versions were asked for
    QString m_flowName;
    QString m_latestVersion;
    quint64 m_generation = 0;

    QToolButton *m_back = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_version = nullptr;
    RunStatusBadge *m_badge = nullptr;
    QLabel *m_started = nullptr;
    QLabel *m_elapsed = nullptr;
    QLabel *m_progress = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_message = nullptr;
    MessageLine *m_messageLine = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_kill = nullptr;
    QPushButton *m_rerun = nullptr;
    QMenu *m_rerunMenu = nullptr;
    QAction *m_rerunStart = nullptr;
    QAction *m_rerunFailed = nullptr;
    QAction *m_rerunStartLatest = nullptr;
    QAction *m_rerunFailedLatest = nullptr;

    QSplitter *m_split = nullptr;
    ExecutionGraphView *m_graph = nullptr;
    GanttTimeline *m_timeline = nullptr;
    NodeDetailPanel *m_detail = nullptr;

    ExecutionLogModel *m_logModel = nullptr;
    ExecutionLogFilter *m_logFilter = nullptr;
    QListView *m_log = nullptr;
    QLabel *m_logTitle = nullptr;
    QLineEdit *m_logSearch = nullptr;
    QComboBox *m_logLevel = nullptr;
    QCheckBox *m_follow = nullptr;
    bool m_scrollingToTail = false;
    bool m_showingNodeWarnings = false; // m_message holds the graph's warnings

    QTimer m_animation;
    QElapsedTimer m_clock;
    qint64 m_lastHeaderMs = 0;
};

} // namespace hm::app
