#pragma once

#include "client/NodeTypes.h"
#include "common/Error.h"
#include "widgets/MessageLine.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class NodeProcessModel;
class SectionEmptyState;

// Node detail, "Processes" (issue 38): the selected node's processes read
// from its agent, searched on the agent (typed text, debounced) and sorted
// by the server (a click on a header), with "Kill…" (the button, the
// context menu or Delete: KillProcessDialog through DialogSeam chooses the
// signal and confirms). While visible and the node is online it reads again
// every 3 s, keeping the selected process and the scroll position; hidden
// it asks nothing. Failures show in words (ServerErrorText) on a line of
// their own; the node offline or its agent not granting processes show as
// an empty state. Named `nodes.processes*`.
class NodeProcessesView final : public QWidget
{
    Q_OBJECT

public:
    explicit NodeProcessesView(QWidget *parent = nullptr);

    void setClient(client::ApiClient *client);
    // Null: no node. The same node with another status only reads again
    // (or stops reading while it is offline).
    void setNode(const client::NodeRow *node);
    NodeProcessModel *model() const { return m_model; }
    bool isLoading() const { return m_inFlight; }
    // How many answers arrived (tests wait for a fresh one).
    int answers() const { return m_answers; }

public slots:
    void reload();
    void killSelected();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    enum class EmptyAction
    {
        None,
        Retry,
        ClearSearch
    };
    bool isOnline() const;
    void retranslateUi();
    void showState();
    // Made from a text function: a language change says it again.
    void showMessage(MessageLine::Text text, const QString &tone);
    void clearMessage();
    void updateActions();

    QPointer<client::ApiClient> m_client;
    std::optional<client::NodeRow> m_node;
    NodeProcessModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_kill = nullptr;
    QLabel *m_message = nullptr;
    MessageLine *m_messageLine = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    SectionEmptyState *m_empty = nullptr;
    QLabel *m_status = nullptr;
    EmptyAction m_emptyAction = EmptyAction::None;
    std::optional<hm::Error> m_error; // the last read's failure
    bool m_loaded = false;
    bool m_refreshFailed = false; // the message line tells a failed refresh
    bool m_inFlight = false;
    int m_answers = 0;
    int m_total = 0;
    bool m_truncated = false;
    quint64 m_generation = 0;
    QTimer m_refresh;
    QTimer m_searchDelay;
};

} // namespace hm::app
