#include "remote/NodeTerminalView.h"

#include "client/ApiClient.h"
#include "client/RemoteApi.h"
#include "client/TerminalChannel.h"
#include "client/Within.h"
#include "remote/ReauthenticateDialog.h"
#include "remote/TerminalTabs.h"
#include "remote/TerminalView.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ServerErrorText.h"

#include <QEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The tab's number among the node's terminals, for "<node> (n)".
constexpr char ntvNumberProperty[] = "hmNodeTerminalNumber";
constexpr char ntvNodeNameProperty[] = "hmNodeTerminalNode";

} // namespace

NodeTerminalView::NodeTerminalView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodes.terminal"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("nodes.terminal.message"));
    m_message->setWordWrap(true);
    m_message->setProperty("tone", QStringLiteral("bad"));
    m_message->hide();
    layout->addWidget(m_message);
    m_stack = new QStackedWidget(this);
    m_empty = new SectionEmptyState(QStringLiteral("nodes.terminal"), m_stack);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    retranslateUi();
}

NodeTerminalView::~NodeTerminalView()
{
    // The sessions end with the console's view of them: nobody could reach
    // them again (a ticket needs the session's id, which only we knew).
    closeAll();
}

void NodeTerminalView::setClient(client::ApiClient *client)
{
    // The sessions were opened as the previous session's user.
    if (client != m_client)
        closeAll();
    m_client = client;
    setNode(nullptr);
}

void NodeTerminalView::closeAll()
{
    const QList<TerminalView *> views = m_sessions.keys();
    for (TerminalView *view : views)
        closeSession(view);
    const QList<TerminalTabs *> tabs = m_tabs.values();
    m_tabs.clear();
    qDeleteAll(tabs);
    m_opened.clear();
    m_autoOpened.clear();
    m_opening = false;
}

bool NodeTerminalView::isOnline() const
{
    return m_node && m_node->status == QLatin1String("online");
}

TerminalTabs *NodeTerminalView::tabs() const
{
    return m_node ? m_tabs.value(m_node->id) : nullptr;
}

client::TerminalChannel *NodeTerminalView::channelOf(TerminalView *view) const
{
    const auto it = m_sessions.constFind(view);
    return it == m_sessions.cend() ? nullptr : it->channel;
}

TerminalTabs *NodeTerminalView::tabsFor(const QString &nodeId)
{
    if (TerminalTabs *existing = m_tabs.value(nodeId))
        return existing;
    auto *tabs = new TerminalTabs(m_stack);
    m_stack->addWidget(tabs);
    m_tabs.insert(nodeId, tabs);
    connect(tabs, &TerminalTabs::newTabRequested, this, &NodeTerminalView::openTerminal);
    connect(tabs, &TerminalTabs::terminalClosed, this, &NodeTerminalView::closeSession);
    return tabs;
}

void NodeTerminalView::setNode(const client::NodeRow *node)
{
    const bool same = node && m_node && node->id == m_node->id;
    m_node = node ? std::optional<client::NodeRow>(*node) : std::nullopt;
    if (!same) {
        m_usable = false;
        showMessage({});
    }
    showState();
    autoOpen();
}

void NodeTerminalView::setUsable(bool usable)
{
    m_usable = usable;
    showState();
    autoOpen();
}

void NodeTerminalView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    autoOpen();
}

void NodeTerminalView::autoOpen()
{
    // The tab itself is the request for a terminal, once per node: closing
    // the last one later leaves the tabs empty, as the user chose.
    if (isVisible() && m_usable && m_node && isOnline() && !m_autoOpened.contains(m_node->id) &&
        tabsFor(m_node->id)->count() == 0) {
        m_autoOpened.insert(m_node->id);
        openTerminal();
    }
}

void NodeTerminalView::openTerminal()
{
    if (!m_client || !m_node || m_opening)
        return;
    if (!isOnline()) {
        showMessage(tr("The node is offline: open a terminal when its agent connects again."));
        return;
    }
    requestSession(false);
}

void NodeTerminalView::requestSession(bool askedPassword)
{
    m_opening = true;
    client::TerminalOptions options;
    options.shell = m_shell;
    // As large as a terminal already open (else the server's 24x80); the
    // new view tells its exact size once attached.
    if (TerminalTabs *tabs = this->tabs(); tabs && tabs->currentTerminal()) {
        options.rows = tabs->currentTerminal()->screen()->rows();
        options.cols = tabs->currentTerminal()->screen()->cols();
    }
    const QString nodeId = m_node->id;
    const QString nodeName = m_node->name;
    client::RemoteApi(*m_client).openTerminal(
        nodeId, options,
        client::within(this, [this, nodeId, nodeName,
                              askedPassword](Result<client::TerminalOpened> r) {
            m_opening = false;
            if (r) {
                showMessage({});
                addSession(nodeId, nodeName, r.value().session.id, r.value().websocket,
                           r.value().ticket);
                return;
            }
            // Once per request: a confirmed password that is not enough says
            // so instead of asking again and again.
            if (r.error().code == ErrorCode::ReauthenticationRequired && !askedPassword &&
                m_node && m_node->id == nodeId) {
                askPassword();
                return;
            }
            showError(r.error());
        }));
}

void NodeTerminalView::askPassword()
{
    ReauthenticateDialog dialog(m_node->name, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || !m_client || !m_node)
        return;
    const bool totp = dialog.isTotpCode();
    m_opening = true;
    const QString nodeId = m_node->id;
    // The secret lives in this call only: the field is cleared, nothing
    // keeps or logs it.
    client::RemoteApi(*m_client).reauthenticate(
        dialog.takeSecret(), totp, client::within(this, [this, nodeId](Result<void> r) {
            m_opening = false;
            if (!r) {
                showError(r.error());
                return;
            }
            if (m_client && m_node && m_node->id == nodeId)
                requestSession(true);
        }));
}

void NodeTerminalView::addSession(const QString &nodeId, const QString &nodeName,
                                  const QString &sessionId, const QString &websocket,
                                  const QString &ticket)
{
    TerminalTabs *tabs = tabsFor(nodeId);
    auto *view = new TerminalView();
    view->setProperty(ntvNumberProperty, ++m_opened[nodeId]);
    view->setProperty(ntvNodeNameProperty, nodeName);
    auto *channel = new client::TerminalChannel(view);
    channel->setTlsPolicy(m_client->tlsPolicy());
    m_sessions.insert(view, Session{nodeId, sessionId, channel, false});

    TerminalScreen *screen = view->screen();
    connect(screen, &TerminalScreen::output, channel, &client::TerminalChannel::sendInput);
    connect(view, &TerminalView::terminalSizeChanged, channel, &client::TerminalChannel::resize);
    // Each message straight onto the screen: nothing piles up here.
    connect(channel, &client::TerminalChannel::output, screen, &TerminalScreen::feed);
    connect(channel, &client::TerminalChannel::exited, this,
            [this, view, screen](const QString &reason, int exitCode, const QString &signal) {
                m_sessions[view].ended = true;
                QString line;
                if (reason == QLatin1String("exited") && !signal.isEmpty())
                    line = tr("[process killed by signal %1]").arg(signal);
                else if (reason == QLatin1String("exited"))
                    line = tr("[process exited with code %1]").arg(exitCode);
                else if (reason == QLatin1String("idle"))
                    line = tr("[session closed: idle for too long]");
                else if (reason == QLatin1String("agent_disconnected"))
                    line = tr("[session closed: the node's agent disconnected]");
                else if (reason == QLatin1String("server_stopping"))
                    line = tr("[session closed: the server is stopping]");
                else
                    line = tr("[session closed]");
                screen->feed("\r\n" + line.toUtf8() + "\r\n");
            });
    connect(channel, &client::TerminalChannel::failed, this,
            [this, view, screen](const QString &reason) {
                m_sessions[view].ended = true;
                screen->feed("\r\n" + tr("[connection lost]").toUtf8() + "\r\n");
                showMessage(tr("The terminal's connection ended: %1").arg(reason));
            });
    connect(screen, &TerminalScreen::titleChanged, this, [this, view] { updateTitle(view); });

    tabs->addTerminal(view);
    updateTitle(view);
    channel->resize(screen->rows(), screen->cols());
    channel->open(client::JsonWebSocket::webSocketUrl(m_client->baseUrl(), websocket), ticket);
    showState();
}

void NodeTerminalView::closeSession(TerminalView *view)
{
    const auto it = m_sessions.find(view);
    if (it == m_sessions.end())
        return;
    const Session session = *it;
    m_sessions.erase(it);
    session.channel->disconnect(this);
    session.channel->close();
    // Even after an exit: the server forgets an ended session itself, and a
    // 404 then is harmless.
    if (m_client && !session.sessionId.isEmpty())
        client::RemoteApi(*m_client).closeTerminal(session.nodeId, session.sessionId,
                                                   [](Result<void>) {});
}

void NodeTerminalView::updateTitle(TerminalView *view)
{
    TerminalTabs *tabs = m_tabs.value(m_sessions.value(view).nodeId);
    const int index = tabs ? tabs->indexOf(view) : -1;
    if (index < 0 || !view->screen()->title().simplified().isEmpty())
        return; // TerminalTabs shows the program's title
    const QString text = tr("%1 (%2)")
                             .arg(view->property(ntvNodeNameProperty).toString())
                             .arg(view->property(ntvNumberProperty).toInt());
    tabs->setTabText(index, text);
    tabs->setTabToolTip(index, text);
}

void NodeTerminalView::showError(const hm::Error &error)
{
    QString text;
    if (error.details.value(QStringLiteral("code")).toString() ==
        QLatin1String("TOO_MANY_SESSIONS"))
        text = tr("Too many terminals are open (at most 4 of yours, 8 on one node): close one "
                  "first.");
    else if (error.code == ErrorCode::CapabilityDisabled)
        text = tr("This node's agent does not allow terminals: start it with --allow terminal.");
    else if (error.code == ErrorCode::CurrentPasswordWrong ||
             error.code == ErrorCode::InvalidCredentials)
        text = tr("The terminal was not opened: %1").arg(describeApiError(error));
    else
        text = tr("The terminal could not be opened: %1").arg(describeApiError(error));
    showMessage(text);
}

void NodeTerminalView::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
}

void NodeTerminalView::showState()
{
    TerminalTabs *tabs = this->tabs();
    const bool hasTabs = tabs && tabs->count() > 0;
    SectionEmptyState::Content content;
    if (!m_node) {
        content.title = tr("No node selected");
        content.text = tr("Select a node to open a terminal on it.");
    } else if (!isOnline() && !hasTabs) {
        content.title = tr("The node is offline");
        content.text = tr("A terminal runs through the node's agent: open one when the agent "
                          "connects again.");
    } else if (!m_usable && !hasTabs) {
        content.title = tr("No terminal on this node");
        content.text = tr("Its agent must allow terminals (--allow terminal) and you need the "
                          "\"terminal\" grant on it; administrators have it.");
    }
    if (!content.title.isEmpty()) {
        m_empty->setContent(content);
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_stack->setCurrentWidget(tabsFor(m_node->id));
}

void NodeTerminalView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // After TerminalTabs renamed its tabs "Terminal N" in the new language.
        QMetaObject::invokeMethod(
            this,
            [this] {
                for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it)
                    updateTitle(it.key());
            },
            Qt::QueuedConnection);
    }
    QWidget::changeEvent(event);
}

void NodeTerminalView::retranslateUi()
{
    showState();
}

} // namespace hm::app
