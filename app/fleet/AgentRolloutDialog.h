#pragma once

#include "client/AgentReleasesApi.h"
#include "client/NodeTypes.h"
#include "widgets/BackgroundTasks.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace hm::app {

class LiveEvents;
class MessageLine;

// A staged agent upgrade over many nodes (issue 38 item 9, seed 002's
// batch): the release, the nodes — ticked by hand or all with a label —
// and the share of the second stage. The server upgrades the first node
// alone, then that share of the rest, then the rest, and stops at the
// first failure. Each node's row shows how it ended as it ends (the
// agent_upgrade_finished events), then the answer adds the nodes that
// were offline, unknown or skipped. Asks the password again when the
// server wants it (ReauthenticateDialog through DialogSeam).
// objectNames `agentRollout.*`.
class AgentRolloutDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Column
    {
        NodeColumn,
        LabelsColumn,
        StatusColumn,
        VersionColumn,
        ResultColumn,
        ColumnCount
    };

    AgentRolloutDialog(client::ApiClient *client, QList<client::AgentRelease> releases,
                       const QString &releaseId, const QStringList &nodeIds,
                       QWidget *parent = nullptr);

    bool isLoading() const { return m_loading; }
    bool isRunning() const { return m_running; }
    QStringList checkedNodeIds() const;
    // Ticks every listed node with `label` (exactly), unticks the rest.
    void selectLabel(const QString &label);

public slots:
    void start();

signals:
    void nodesLoaded();
    // The server answered the rollout (or refused it).
    void rolloutFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void loadNodes(int page);
    void fillNodes();
    void run(bool askedPassword);
    void askPassword();
    void nodeEnded(const QJsonObject &event);
    void showAnswer(const client::AgentRollout &rollout);
    // The rollout in the status bar's task list (BackgroundTasks): listed
    // when it starts, its nodes' ends as progress, how it ended (also when
    // this dialog was closed before the server answered).
    void listRollout(int nodes);
    void showListedProgress();
    // How one node's upgrade went, kept so a language switch can say it
    // again.
    struct Outcome
    {
        enum class Kind
        {
            Waiting,
            Upgraded,
            Failed,
            Offline,
            Missing,
            Skipped
        };
        Kind kind = Kind::Waiting;
        QString version; // Upgraded
        QString reason;  // Failed: details.code
        QString message; // Failed: the server's words
    };
    void setOutcome(const QString &nodeId, const Outcome &outcome);
    void showOutcome(int row, const Outcome &outcome);
    int rowOf(const QString &nodeId) const;
    void updateButtons();
    void retranslateUi();
    QString stagesText() const;

    QPointer<client::ApiClient> m_client;
    QList<client::AgentRelease> m_releases;
    QStringList m_preselected;
    QList<client::NodeRow> m_nodes;
    QHash<QString, Outcome> m_outcomes; // by node id
    QPointer<BackgroundTask> m_listed;
    bool m_loading = false;
    bool m_running = false;
    LiveEvents *m_live = nullptr;

    QLabel *m_intro = nullptr;
    QLabel *m_releaseLabel = nullptr;
    QComboBox *m_release = nullptr;
    QLabel *m_labelLabel = nullptr;
    QLineEdit *m_label = nullptr;
    QPushButton *m_selectLabel = nullptr;
    QTableWidget *m_list = nullptr;
    QLabel *m_shareLabel = nullptr;
    QSpinBox *m_share = nullptr;
    QLabel *m_stages = nullptr;
    QLabel *m_summary = nullptr;
    MessageLine *m_summaryLine = nullptr; // words the summary in the language of the moment
    QPushButton *m_start = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace hm::app
