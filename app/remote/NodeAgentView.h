#pragma once

#include "client/NodeTypes.h"
#include "widgets/MessageLine.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The node detail's "Agent" tab (issue 38 items 9 and 10): upgrade the
// node's agent to a stored release (a version, or the latest), restart
// it, reboot the machine. Upgrade and restart show where /access says
// `upgrade` is usable, reboot where `reboot` is. Each asks for
// confirmation (MessageBox), then — when the server wants it — the
// password again (ReauthenticateDialog through DialogSeam), and says how
// it ended. Named `nodeAgent.*` for tests.
class NodeAgentView final : public QWidget
{
    Q_OBJECT

public:
    explicit NodeAgentView(QWidget *parent = nullptr);

    void setClient(client::ApiClient *client);
    void setNode(const client::NodeRow *node);
    // What /access says is usable on the node.
    void setUsable(bool upgrade, bool reboot);

    void upgradeAgent();
    void restartAgent();
    void reboot();

signals:
    // An action ended (its message shows).
    void actionFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Action
    {
        Upgrade,
        Restart,
        Reboot
    };
    void confirmAndRun(Action action);
    void run(Action action, bool askedPassword);
    void askPassword(Action action);
    void finish(Action action, const QString &nodeId, const Result<QString> &outcome);
    // Made from a text function: a language change says it again.
    void showMessage(MessageLine::Text text);
    void clearMessage();
    void updateButtons();
    void retranslateUi();

    client::ApiClient *m_client = nullptr;
    bool m_hasNode = false;
    client::NodeRow m_node;
    bool m_upgradeUsable = false;
    bool m_rebootUsable = false;
    bool m_busy = false;
    QLabel *m_intro = nullptr;
    QLabel *m_versionLabel = nullptr;
    QLineEdit *m_version = nullptr;
    QPushButton *m_upgrade = nullptr;
    QPushButton *m_restart = nullptr;
    QPushButton *m_reboot = nullptr;
    QLabel *m_message = nullptr;
    MessageLine *m_messageLine = nullptr;
};

} // namespace hm::app
