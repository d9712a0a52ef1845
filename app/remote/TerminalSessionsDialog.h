#pragma once

#include "client/RemoteTypes.h"
#include "widgets/MessageLine.h"

#include <QDialog>
#include <QPointer>
#include <QSet>

class QLabel;
class QPushButton;
class QStackedLayout;
class QTreeWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The terminal sessions still running on one node (issue 38): those of the
// signed-in user (an administrator's: everyone's), each with when it
// started, its shell, its shell's current directory (asked of the agent
// row by row), how long it has been idle and whether a console has it.
// "Reattach" closes the dialog with the session chosen (chosenSession());
// a session already in a tab of this console is not offered. "End session"
// asks first, then ends it on the server and reads the list again. Named
// `terminalSessionsDialog` (`terminalSessions.*` inside); exec() it through
// DialogSeam.
class TerminalSessionsDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Column
    {
        StartedColumn,
        ShellColumn,
        DirectoryColumn,
        IdleColumn,
        StateColumn,
        UserColumn,
        ColumnCount
    };

    // `inTabs`: sessions shown live in a tab of this console. `userId`:
    // the signed-in user's; another user's session (an administrator sees
    // them) may be ended, not reattached.
    TerminalSessionsDialog(client::ApiClient *client, const QString &nodeId,
                           const QString &nodeName, const QSet<QString> &inTabs,
                           const QString &userId, QWidget *parent = nullptr);

    // Reads the list again (also once at construction).
    void refresh();
    bool isLoading() const { return m_loading; }
    QTreeWidget *list() const { return m_list; }
    QString chosenSession() const { return m_chosen; }
    // Sessions ended here (their tabs, if any, say so).
    QStringList endedSessions() const { return m_ended; }

    // "3 min", "2 h 5 min": how long a session has been idle.
    static QString idleText(qint64 seconds);
    // What `column` shows of `session` where the session alone says it
    // (Started, Shell, Idle, User; others empty): an unknown time or user
    // reads as the em dash every table shows, not as a blank cell.
    static QString sessionCell(const client::TerminalSession &session, Column column,
                               const QDateTime &now);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill(const QList<client::TerminalSession> &sessions);
    void updateButtons();
    void reattachSelected();
    void endSelected();
    QString selectedId() const;
    bool mayReattach(const QString &id) const;
    // Made from a text function: a language change says it again.
    void showMessage(MessageLine::Text text);
    void clearMessage();
    void retranslateUi();

    QPointer<client::ApiClient> m_client;
    QString m_nodeId;
    QString m_nodeName;
    QSet<QString> m_inTabs;
    QString m_userId;
    QList<client::TerminalSession> m_sessions;
    QLabel *m_text = nullptr;
    QLabel *m_message = nullptr;
    MessageLine *m_messageLine = nullptr;
    QTreeWidget *m_list = nullptr;
    QStackedLayout *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_reattach = nullptr;
    QPushButton *m_end = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_close = nullptr;
    QString m_chosen;
    QStringList m_ended;
    bool m_loading = false;
    bool m_anyOthers = false; // an administrator sees other users' sessions
    int m_generation = 0;     // answers to an older refresh are dropped
};

} // namespace hm::app
