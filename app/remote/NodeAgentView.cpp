#include "remote/NodeAgentView.h"

#include "client/ApiClient.h"
#include "client/RemoteApi.h"
#include "client/Within.h"
#include "remote/ReauthenticateDialog.h"
#include "widgets/MessageBox.h"
#include "widgets/ServerErrorText.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

NodeAgentView::NodeAgentView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodeAgent"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("nodeAgent.intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *upgradeRow = new QHBoxLayout;
    m_versionLabel = new QLabel(this);
    m_version = new QLineEdit(this);
    m_version->setObjectName(QStringLiteral("nodeAgent.version"));
    m_version->setMaxLength(40);
    m_versionLabel->setBuddy(m_version);
    m_upgrade = new QPushButton(this);
    m_upgrade->setObjectName(QStringLiteral("nodeAgent.upgrade"));
    upgradeRow->addWidget(m_versionLabel);
    upgradeRow->addWidget(m_version, 1);
    upgradeRow->addWidget(m_upgrade);
    layout->addLayout(upgradeRow);

    auto *powerRow = new QHBoxLayout;
    m_restart = new QPushButton(this);
    m_restart->setObjectName(QStringLiteral("nodeAgent.restart"));
    m_reboot = new QPushButton(this);
    m_reboot->setObjectName(QStringLiteral("nodeAgent.reboot"));
    powerRow->addWidget(m_restart);
    powerRow->addWidget(m_reboot);
    powerRow->addStretch(1);
    layout->addLayout(powerRow);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("nodeAgent.message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    m_messageLine = new MessageLine(this, [this](const QString &text, MessageLine::Kind) {
        m_message->setText(text);
        m_message->setVisible(!text.isEmpty());
    });
    layout->addStretch(1);

    connect(m_upgrade, &QPushButton::clicked, this, &NodeAgentView::upgradeAgent);
    connect(m_restart, &QPushButton::clicked, this, &NodeAgentView::restartAgent);
    connect(m_reboot, &QPushButton::clicked, this, &NodeAgentView::reboot);
    retranslateUi();
    updateButtons();
}

void NodeAgentView::setClient(client::ApiClient *client)
{
    m_client = client;
    updateButtons();
}

void NodeAgentView::setNode(const client::NodeRow *node)
{
    const bool other = !node || !m_hasNode || node->id != m_node.id;
    m_hasNode = node != nullptr;
    if (node)
        m_node = *node;
    if (other)
        clearMessage();
    retranslateUi();
    updateButtons();
}

void NodeAgentView::setUsable(bool upgrade, bool reboot)
{
    m_upgradeUsable = upgrade;
    m_rebootUsable = reboot;
    updateButtons();
}

void NodeAgentView::upgradeAgent()
{
    confirmAndRun(Action::Upgrade);
}

void NodeAgentView::restartAgent()
{
    confirmAndRun(Action::Restart);
}

void NodeAgentView::reboot()
{
    confirmAndRun(Action::Reboot);
}

void NodeAgentView::confirmAndRun(Action action)
{
    if (!m_client || !m_hasNode || m_busy)
        return;
    QString title, text, verb, name;
    auto kind = MessageBox::Confirm::Normal;
    const QString version = m_version->text().trimmed();
    switch (action) {
    case Action::Upgrade:
        title = tr("Upgrade agent");
        text = version.isEmpty()
                   ? tr("Upgrade the agent on \"%1\" to the latest release? It restarts on "
                        "the new build and goes back to the old one if it cannot reach the "
                        "server.")
                         .arg(m_node.name)
                   : tr("Upgrade the agent on \"%1\" to version %2? It restarts on the new "
                        "build and goes back to the old one if it cannot reach the server.")
                         .arg(m_node.name, version);
        verb = tr("Upgrade");
        name = QStringLiteral("nodeAgent.confirmUpgrade");
        break;
    case Action::Restart:
        title = tr("Restart agent");
        text = tr("Restart the agent on \"%1\"? Its open terminals close.").arg(m_node.name);
        verb = tr("Restart");
        name = QStringLiteral("nodeAgent.confirmRestart");
        break;
    case Action::Reboot:
        title = tr("Reboot node");
        text = tr("Reboot \"%1\"? Everything running on the machine stops; it is offline "
                  "until it has started again.")
                   .arg(m_node.name);
        verb = tr("Reboot");
        kind = MessageBox::Confirm::Destructive;
        name = QStringLiteral("nodeAgent.confirmReboot");
        break;
    }
    if (!MessageBox::confirm(this, title, text, verb, name, kind))
        return;
    run(action, false);
}

void NodeAgentView::run(Action action, bool askedPassword)
{
    if (!m_client || !m_hasNode)
        return;
    m_busy = true;
    updateButtons();
    const QString nodeId = m_node.id;
    showMessage([=]() -> QString {
        return action == Action::Upgrade   ? tr("Upgrading the agent…")
               : action == Action::Restart ? tr("Restarting the agent…")
                                           : tr("Asking the node to reboot…");
    });
    const auto done = [this, action, nodeId, askedPassword](Result<QString> outcome) {
        m_busy = false;
        updateButtons();
        // Once per request: a confirmed password that is not enough says
        // so instead of asking again and again.
        if (!outcome && outcome.error().code == ErrorCode::ReauthenticationRequired
            && !askedPassword && m_hasNode && m_node.id == nodeId) {
            clearMessage();
            askPassword(action);
            return;
        }
        finish(action, nodeId, outcome);
    };
    client::RemoteApi api(*m_client);
    switch (action) {
    case Action::Upgrade:
        api.upgradeAgent(nodeId, m_version->text().trimmed(), client::within(this, done));
        break;
    case Action::Restart:
        api.restartAgent(nodeId, client::within(this, [done](Result<void> r) {
                             done(r ? Result<QString>(QString()) : Result<QString>(r.error()));
                         }));
        break;
    case Action::Reboot:
        api.reboot(nodeId, client::within(this, [done](Result<void> r) {
                       done(r ? Result<QString>(QString()) : Result<QString>(r.error()));
                   }));
        break;
    }
}

void NodeAgentView::askPassword(Action action)
{
    ReauthenticateDialog dialog(m_node.name, this, ReauthenticateDialog::Purpose::Agent);
    // A wrong password is said in the dialog, which stays open for it.
    dialog.setClient(m_client);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || !m_client || !m_hasNode)
        return;
    if (dialog.isConfirmed()) {
        run(action, true);
        return;
    }
    const bool totp = dialog.isTotpCode();
    const QString nodeId = m_node.id;
    // The secret lives in this call only: the field is cleared, nothing
    // keeps or logs it.
    client::RemoteApi(*m_client).reauthenticate(
        dialog.takeSecret(), totp,
        client::within(this, [this, action, nodeId](Result<void> r) {
            if (!r) {
                finish(action, nodeId, Result<QString>(r.error()));
                return;
            }
            if (m_hasNode && m_node.id == nodeId)
                run(action, true);
        }));
}

void NodeAgentView::finish(Action action, const QString &nodeId, const Result<QString> &outcome)
{
    if (m_hasNode && m_node.id == nodeId) {
        if (outcome) {
            showMessage([=]() -> QString {
                return action == Action::Upgrade
                           ? tr("The agent runs version %1 now.").arg(outcome.value())
                       : action == Action::Restart ? tr("The agent restarted and is back.")
                                                   : tr("The node is rebooting.");
            });
        } else {
            const hm::Error &error = outcome.error();
            const QString reason = error.details.value(QStringLiteral("code")).toString();
            if (reason == QLatin1String("ROLLED_BACK"))
                showMessage([=]() -> QString {
                    return tr("The new agent did not reach the server and the old one was "
                              "put back.");
                });
            else if (error.code == ErrorCode::CapabilityDisabled)
                showMessage([=]() -> QString {
                    return tr("This node's agent does not allow it (see its capabilities).");
                });
            else
                showMessage([=]() -> QString {
                    return tr("It did not work: %1").arg(describeApiError(error));
                });
        }
    }
    emit actionFinished();
}

void NodeAgentView::showMessage(MessageLine::Text text)
{
    m_messageLine->show(std::move(text), MessageLine::Kind::Lasting);
}

void NodeAgentView::clearMessage()
{
    m_messageLine->clear();
}

void NodeAgentView::updateButtons()
{
    const bool ready = m_client && m_hasNode && !m_busy;
    m_versionLabel->setVisible(m_upgradeUsable);
    m_version->setVisible(m_upgradeUsable);
    m_upgrade->setVisible(m_upgradeUsable);
    m_restart->setVisible(m_upgradeUsable);
    m_reboot->setVisible(m_rebootUsable);
    for (QWidget *button : {static_cast<QWidget *>(m_upgrade), static_cast<QWidget *>(m_restart),
                            static_cast<QWidget *>(m_reboot),
                            static_cast<QWidget *>(m_version)})
        button->setEnabled(ready);
}

void NodeAgentView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NodeAgentView::retranslateUi()
{
    m_intro->setText(m_hasNode && !m_node.agentVersion.isEmpty()
                         ? tr("The agent on this node reports version %1.").arg(m_node.agentVersion)
                         : tr("The node's agent."));
    m_versionLabel->setText(tr("&Version:"));
    m_version->setPlaceholderText(tr("latest release"));
    m_upgrade->setText(tr("&Upgrade agent"));
    m_restart->setText(tr("&Restart agent"));
    m_reboot->setText(tr("Re&boot node"));
}

} // namespace hm::app
