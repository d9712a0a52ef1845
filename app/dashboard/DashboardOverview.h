#pragma once

#include "client/ApiClient.h"
#include "client/FlowTypes.h"
#include "dashboard/MetricsHistory.h"

#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace hm::client {
class EventHub;
} // namespace hm::client

namespace hm::app {

class FleetCard;
class OpenAlertsCard;

// The dashboard's live part (issue 12, item 6): the server's uptime, the
// host's CPU, memory, disk and network of the last 15 minutes from
// /ws/events system_status (Qt Charts; samples go to a bounded ring and
// the charts are redrawn at most once per repaint interval however fast
// samples come), the executions of the last 24 hours (counts and a chart
// per hour from GET /executions/stats) and the latest failed executions,
// which open in the execution viewer, the fleet's card (FleetCard:
// nodes online, offline and pending, averages, top consumers) and the
// alerts firing now (OpenAlertsCard), first.
class DashboardOverview : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardOverview(QWidget *parent = nullptr);
    ~DashboardOverview() override;

    // The signed-in client (null: nobody): reads the numbers and opens the
    // event stream.
    void setClient(hm::client::ApiClient *client);
    // Reads uptime, counts and failures again.
    void refresh();

    // One system_status message (what the event stream delivers); public
    // so the history can be driven directly.
    void addSystemStatus(const QJsonObject &data, qint64 ms);
    const MetricsHistory &history() const { return m_history; }
    // Chart redraws so far (coalesced: at most one per interval).
    int chartUpdates() const { return m_chartUpdates; }
    void setRepaintIntervalMs(int ms) { m_repaint.setInterval(ms); }
    // Points the CPU line holds now.
    int cpuPointCount() const;
    const QJsonObject &stats() const { return m_stats; }
    // "Server up 3 d 4 h", "… 2 h 5 min", "… 7 min", in the current language.
    static QString uptimeText(qint64 seconds);

signals:
    void openExecution(const QString &executionId);
    // An open alert's row (the Alerts section shows it), or its "Show all".
    void openAlert(const QString &recordId);
    void showAllAlerts();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createHostCard();
    QWidget *createExecutionsCard();
    QWidget *createFailuresCard();
    void retranslate();
    void applyPalette();
    void updateHostText();
    void updateFailuresState();
    void showFailures();
    void redrawCharts();
    void loadInfo();
    void loadStats();
    void loadFailures();
    void showStats();
    void listen();

    QPointer<hm::client::ApiClient> m_client;
    QPointer<hm::client::EventHub> m_events; // the client's, while it has one
    MetricsHistory m_history;
    QTimer m_repaint;
    QTimer m_statsDebounce;
    QTimer m_periodic;
    int m_chartUpdates = 0;
    QJsonObject m_stats;
    qint64 m_uptimeSeconds = -1;
    int m_failureCount = -1; // -1 = unknown (not read, or failed)
    QList<hm::client::ExecutionSummary> m_failureRows;
    QString m_failuresError; // the failed list's error, in the user's words
    QString m_infoError;

    QLabel *m_hostTitle = nullptr;
    QLabel *m_uptime = nullptr;
    QLabel *m_hostState = nullptr;
    QLabel *m_latest = nullptr;
    QChart *m_usageChart = nullptr;
    QChartView *m_usageView = nullptr;
    QLineSeries *m_cpu = nullptr;
    QLineSeries *m_memory = nullptr;
    QLineSeries *m_disk = nullptr;
    QValueAxis *m_usageX = nullptr;
    QValueAxis *m_usageY = nullptr;
    QChart *m_netChart = nullptr;
    QChartView *m_netView = nullptr;
    QLineSeries *m_sent = nullptr;
    QLineSeries *m_received = nullptr;
    QValueAxis *m_netX = nullptr;
    QValueAxis *m_netY = nullptr;

    QLabel *m_execTitle = nullptr;
    QLabel *m_completedCaption = nullptr;
    QLabel *m_completed = nullptr;
    QLabel *m_failedCaption = nullptr;
    QLabel *m_failed = nullptr;
    QLabel *m_runningCaption = nullptr;
    QLabel *m_running = nullptr;
    QLabel *m_execState = nullptr;
    QChart *m_hourChart = nullptr;
    QChartView *m_hourView = nullptr;
    QBarSet *m_completedSet = nullptr;
    QBarSet *m_failedSet = nullptr;
    QCategoryAxis *m_hourAxis = nullptr;
    QValueAxis *m_countAxis = nullptr;

    QLabel *m_failuresTitle = nullptr;
    QListWidget *m_failures = nullptr;
    QLabel *m_failuresState = nullptr;

    FleetCard *m_fleet = nullptr;
    OpenAlertsCard *m_alerts = nullptr;
};

} // namespace hm::app
