#pragma once

#include "client/NodeTypes.h"
#include "common/Error.h"
#include "widgets/MessageLine.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QStackedWidget;

namespace hm::client {
class ApiClient;
class TerminalChannel;
} // namespace hm::client

namespace hm::app {

class SectionEmptyState;
class TerminalTabs;
class TerminalView;

// Node detail, "Terminal" (issue 38): shells on the selected node, one tab
// each (TerminalTabs, one set per node so picking another node keeps them).
// "+", or showing the tab with none open, opens a session; when the server
// wants the password confirmed first, ReauthenticateDialog asks (through
// DialogSeam) and the open is tried again. Each tab's TerminalView talks to
// its session through a TerminalChannel: keys out, output in, its size to
// the PTY. A shell that ends leaves its tab with a last line saying how.
// A session outlives its tab: closing a tab asks whether to keep it running
// or end it (TerminalCloseQuestion), closing the console or losing the
// connection leaves it running, and "Sessions" lists those still running
// on the node (TerminalSessionsDialog) to reattach — in a new tab, with the
// output the server kept — or end. Showing a node that has detached
// sessions of the user's points at them instead of opening a new terminal.
// Refusals (the agent's
// config, too many sessions, the node offline) show on a message line in
// words (ServerErrorText); no node, an offline one without tabs, or one
// where /access does not list the terminal shows an empty state. Named `nodes.terminal*`.
class NodeTerminalView final : public QWidget
{
    Q_OBJECT

public:
    explicit NodeTerminalView(QWidget *parent = nullptr);
    ~NodeTerminalView() override;

    // `userId`: the signed-in user's, whose detached sessions a node's
    // first show points at (an administrator lists everyone's).
    void setClient(client::ApiClient *client, const QString &userId = {});
    // Null: no node. Another node is not usable until setUsable(true).
    void setNode(const client::NodeRow *node);
    // Whether /access lists "terminal" as usable on the node: nothing opens
    // by itself (no password asked) before it is known.
    void setUsable(bool usable);
    // The shell new sessions ask for (one /etc/shells lists); empty: the
    // server's default.
    void setShell(const QString &shell) { m_shell = shell; }

    // The current node's tabs (null without a node).
    TerminalTabs *tabs() const;
    client::TerminalChannel *channelOf(TerminalView *view) const;
    bool isOpening() const { return m_opening; }
    QLabel *messageLabel() const { return m_message; }

public slots:
    void openTerminal();
    // The node's running sessions, to reattach or end.
    void showSessions();
    // A new tab attached to the node's running session `sessionId`.
    void reattach(const QString &sessionId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Session
    {
        QString nodeId;
        QString sessionId;
        client::TerminalChannel *channel = nullptr;
        bool ended = false; // the server said it ended (exit)
        bool lost = false;  // the connection went: it may still run
        bool keep = false;  // its tab closes, the session keeps running
    };

    bool isOnline() const;
    // The first show of a node's empty tabs opens a terminal by itself.
    void autoOpen();
    TerminalTabs *tabsFor(const QString &nodeId);
    void requestSession(bool askedPassword);
    void requestTicket(const QString &sessionId, bool askedPassword);
    // Confirms the password, then `retry` (for the same node).
    void askPassword(std::function<void()> retry);
    // Whether the node has sessions of the user's without a tab here.
    void readDetached(const QString &nodeId, std::function<void(bool)> done);
    bool confirmClose(TerminalView *view);
    // The tab goes, its session keeps running on the node.
    void detachSession(TerminalView *view);
    void addSession(const QString &nodeId, const QString &nodeName, const QString &sessionId,
                    const QString &websocket, const QString &ticket);
    void closeSession(TerminalView *view);
    // Ends every session and drops every node's tabs (another server or user).
    void closeAll();
    void updateTitle(TerminalView *view);
    void showError(const hm::Error &error);
    static QString errorText(const hm::Error &error);
    // Made from a text function: a language change says it again.
    void showMessage(MessageLine::Text text);
    void clearMessage();
    void showState();
    void retranslateUi();

    QPointer<client::ApiClient> m_client;
    QString m_userId;
    std::optional<client::NodeRow> m_node;
    QString m_shell;
    QLabel *m_message = nullptr;
    MessageLine *m_messageLine = nullptr;
    QStackedWidget *m_stack = nullptr;
    SectionEmptyState *m_empty = nullptr;
    QHash<QString, TerminalTabs *> m_tabs; // by node id
    QHash<TerminalView *, Session> m_sessions;
    QHash<QString, int> m_opened; // terminals opened per node, for "<name> (n)"
    bool m_opening = false;
    bool m_usable = false;
    QSet<QString> m_autoOpened; // nodes whose first show opened a terminal by itself
};

} // namespace hm::app
