#pragma once

#include "client/NodeTypes.h"
#include "common/Error.h"
#include "widgets/MessageLine.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace hm::client {
class ApiClient;
class ContainerLogFollow;
}

namespace hm::app {

class NodeComposePane;
class NodeContainerModel;
class SectionEmptyState;

// Node detail, "Docker" (issue 38 item 6): the selected node's containers
// read from its agent (state, image, status, ports, compose project) with
// Start, Stop, Restart and Remove… (a confirmation through MessageBox;
// a running container is stopped first), and below them the selected
// container's log, the images and the compose projects (NodeComposePane:
// Up and Down…). While visible and
// the node online, the containers are read every 5 s and the log polled
// every 3 s with `since`; with "Follow" (`nodes.docker.logFollow`) the log
// comes live instead (client::ContainerLogFollow), appended as it arrives
// — the newest kLogMaxLines kept, scrolled along unless the user scrolled
// up — until the toggle is turned off, the container's log ends (then
// polling takes over again) or the view hides; hidden it asks nothing. Failures in words (ServerErrorText); the node offline, its
// agent not granting docker or its daemon missing show as an empty state.
// Named `nodes.docker*`.
class NodeDockerView final : public QWidget
{
    Q_OBJECT

public:
    explicit NodeDockerView(QWidget *parent = nullptr);

    void setClient(client::ApiClient *client);
    void setNode(const client::NodeRow *node);
    NodeContainerModel *model() const { return m_model; }
    // How many container lists arrived (tests wait for a fresh one).
    int answers() const { return m_answers; }
    bool isLoading() const { return m_inFlight; }
    // The container whose log shows (its id), empty when none.
    QString logContainer() const { return m_logId; }
    // Whether the log comes live now (Follow on, the stream open).
    bool isFollowing() const;
    NodeComposePane *composePane() const { return m_composePane; }

public slots:
    void reload();
    void startSelected() { actOnSelected(QStringLiteral("start")); }
    // Asks first: what the container serves goes down.
    void stopSelected();
    void restartSelected() { actOnSelected(QStringLiteral("restart")); }
    void removeSelected();

signals:
    // An action answered (tests wait for it).
    void actionFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    bool isOnline() const;
    QString selectedId() const;
    void actOnSelected(const QString &action);
    void readLog();
    // Appends what is new of `lines` (a poll's answer or the stream's),
    // skipping what is shown already.
    void appendLogLines(const QStringList &lines);
    void startFollow();
    void stopFollow();
    // After the list is read: Follow on again once the container whose live
    // log ended is running again.
    void resumeFollowIfStarted();
    void logTitleForContainer();
    void readImages();
    void retranslateUi();
    void showState();
    // Made from a text function: a language change says it again.
    void showMessage(MessageLine::Text text, const QString &tone);
    // An action whose outcome is unknown: `said` promises the list read
    // again, so the message stays until that read answers (see
    // m_unknownOutcome).
    void showUnknownOutcome(const QString &name, const hm::Error &error, MessageLine::Text said);
    void clearMessage();
    void updateActions();

    QPointer<client::ApiClient> m_client;
    std::optional<client::NodeRow> m_node;
    NodeContainerModel *m_model = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_restart = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_message = nullptr;
    MessageLine *m_messageLine = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_content = nullptr;
    QTableView *m_view = nullptr;
    SectionEmptyState *m_empty = nullptr;
    QTabWidget *m_lower = nullptr;
    QLabel *m_logTitle = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QCheckBox *m_follow = nullptr;
    client::ContainerLogFollow *m_logFollow = nullptr;
    QTableWidget *m_images = nullptr;
    NodeComposePane *m_composePane = nullptr;
    std::optional<hm::Error> m_error;
    // The last action's outcome was unknown and the message says so: a
    // failed read of the list says that on top of it instead of replacing
    // it, and the next good read says it again as it was.
    struct UnknownOutcome
    {
        QString name;
        hm::Error error;
        MessageLine::Text said;
        bool readFailed = false;
    };
    std::optional<UnknownOutcome> m_unknownOutcome;
    bool m_loaded = false;
    bool m_inFlight = false;
    int m_answers = 0;
    quint64 m_generation = 0;
    QString m_logId;       // whose log m_log shows
    // The newest time shown and the lines shown with it: `since` has whole
    // seconds and podman's times have no fraction, so a later answer
    // repeats them, and a new line may carry the same time.
    QString m_logLastStamp;
    QStringList m_logLastStampLines;
    qint64 m_logSince = 0; // seconds since 1970 of that line
    quint64 m_logGeneration = 0;
    // The followed log ended because the container stopped: once the list
    // shows it stopped and then running again, Follow comes back on (and
    // the title with it).
    enum class FollowResume
    {
        None,
        WaitForStop,
        WaitForStart
    };
    FollowResume m_followResume = FollowResume::None;
    bool m_logInFlight = false;
    QTimer m_refresh;
    QTimer m_logRefresh;
};

} // namespace hm::app
