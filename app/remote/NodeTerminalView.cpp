#include "remote/NodeTerminalView.h"

#include "client/ApiClient.h"
#include "client/RemoteApi.h"
#include "client/TerminalChannel.h"
#include "client/Within.h"
#include "remote/ReauthenticateDialog.h"
#include "remote/TerminalCloseQuestion.h"
#include "remote/TerminalSessionsDialog.h"
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
    m_messageLine = new MessageLine(this, [this](const QString &text, MessageLine::Kind) {
        m_message->setText(text);
        m_message->setVisible(!text.isEmpty());
        m_message->style()->unpolish(m_message);
        m_message->style()->polish(m_message);
    });
    m_stack = new QStackedWidget(this);
    m_empty = new SectionEmptyState(QStringLiteral("nodes.terminal"), m_stack);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    retranslateUi();
}

NodeTerminalView::~NodeTerminalView()
{
    // The console closing leaves the sessions running on their nodes (until
    // they idle out): the next console lists them under Sessions. Their
    // channels close with their views; nothing of theirs may reach this
    // half-destroyed view meanwhile.
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it)
        it->channel->disconnect(this);
    m_sessions.clear();
}

void NodeTerminalView::setClient(client::ApiClient *client, const QString &userId)
{
    // The sessions were opened as the previous session's user, who signed
    // out: they end rather than wait for someone else at this console.
    if (client != m_client)
        closeAll();
    m_client = client;
    m_userId = userId;
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
    connect(tabs, &TerminalTabs::sessionsRequested, this, &NodeTerminalView::showSessions);
    tabs->setCloseGuard([this](TerminalView *view) { return confirmClose(view); });
    connect(tabs, &TerminalTabs::terminalClosed, this, [this](TerminalView *view) {
        if (m_sessions.value(view).keep)
            detachSession(view);
        else
            closeSession(view);
    });
    return tabs;
}

void NodeTerminalView::setNode(const client::NodeRow *node)
{
    const bool same = node && m_node && node->id == m_node->id;
    m_node = node ? std::optional<client::NodeRow>(*node) : std::nullopt;
    if (!same) {
        m_usable = false;
        clearMessage();
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
    // Sessions of the user's still running there (a closed console or tab)
    // are pointed at instead: a new shell would leave them forgotten.
    if (isVisible() && m_usable && m_node && isOnline() && !m_autoOpened.contains(m_node->id) &&
        tabsFor(m_node->id)->count() == 0) {
        const QString nodeId = m_node->id;
        m_autoOpened.insert(nodeId);
        m_opening = true;
        readDetached(nodeId, [this, nodeId](bool any) {
            m_opening = false;
            TerminalTabs *tabs = m_tabs.value(nodeId);
            if (!tabs || tabs->count() > 0)
                return;
            tabs->setDetachedSessions(any);
            if (!any && m_node && m_node->id == nodeId)
                openTerminal();
        });
    }
}

void NodeTerminalView::readDetached(const QString &nodeId, std::function<void(bool)> done)
{
    if (!m_client)
        return done(false);
    client::RemoteApi(*m_client).terminalSessions(
        nodeId, client::within(
                    this, [this, done = std::move(done)](Result<QList<client::TerminalSession>> r) {
                        bool any = false;
                        QSet<QString> inTabs;
                        for (const Session &s : std::as_const(m_sessions))
                            inTabs.insert(s.sessionId);
                        // A list that cannot be read opens a terminal as before.
                        for (const client::TerminalSession &s :
                             r ? r.value() : QList<client::TerminalSession>())
                            any = any || (!s.attached && !inTabs.contains(s.id) &&
                                          (m_userId.isEmpty() || s.userId == m_userId));
                        done(any);
                    }));
}

void NodeTerminalView::showSessions()
{
    if (!m_client || !m_node)
        return;
    QSet<QString> inTabs;
    for (const Session &s : std::as_const(m_sessions))
        if (!s.ended && !s.lost && s.nodeId == m_node->id)
            inTabs.insert(s.sessionId);
    const QString nodeId = m_node->id;
    TerminalSessionsDialog dialog(m_client, nodeId, m_node->name, inTabs, m_userId, this);
    // A tab whose session is ended there hears it from the server (exit).
    const int result = DialogSeam::exec(&dialog);
    if (!m_node || m_node->id != nodeId)
        return;
    if (TerminalTabs *tabs = m_tabs.value(nodeId); tabs && tabs->count() == 0)
        readDetached(nodeId, [this, nodeId](bool any) {
            if (TerminalTabs *tabs = m_tabs.value(nodeId))
                tabs->setDetachedSessions(any);
        });
    if (result == QDialog::Accepted && !dialog.chosenSession().isEmpty())
        reattach(dialog.chosenSession());
}

void NodeTerminalView::reattach(const QString &sessionId)
{
    if (!m_client || !m_node || m_opening || sessionId.isEmpty())
        return;
    requestTicket(sessionId, false);
}

void NodeTerminalView::requestTicket(const QString &sessionId, bool askedPassword)
{
    m_opening = true;
    const QString nodeId = m_node->id;
    const QString nodeName = m_node->name;
    client::RemoteApi(*m_client).terminalTicket(
        nodeId, sessionId,
        client::within(this, [this, nodeId, nodeName, sessionId,
                              askedPassword](Result<client::TerminalOpened> r) {
            m_opening = false;
            if (r) {
                clearMessage();
                addSession(nodeId, nodeName, sessionId, r.value().websocket, r.value().ticket);
                return;
            }
            if (r.error().code == ErrorCode::ReauthenticationRequired && !askedPassword && m_node &&
                m_node->id == nodeId) {
                askPassword([this, sessionId] { requestTicket(sessionId, true); });
                return;
            }
            showMessage([error = r.error()] {
                return tr("The terminal could not be reattached: %1").arg(describeApiError(error));
            });
        }));
}

void NodeTerminalView::openTerminal()
{
    if (!m_client || !m_node || m_opening)
        return;
    if (!isOnline()) {
        showMessage([] {
            return tr("The node is offline: open a terminal when its agent connects again.");
        });
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
                clearMessage();
                addSession(nodeId, nodeName, r.value().session.id, r.value().websocket,
                           r.value().ticket);
                return;
            }
            // Once per request: a confirmed password that is not enough says
            // so instead of asking again and again.
            if (r.error().code == ErrorCode::ReauthenticationRequired && !askedPassword &&
                m_node && m_node->id == nodeId) {
                askPassword([this] { requestSession(true); });
                return;
            }
            showError(r.error());
        }));
}

void NodeTerminalView::askPassword(std::function<void()> retry)
{
    ReauthenticateDialog dialog(m_node->name, this);
    // A wrong password is said in the dialog, which stays open for it.
    dialog.setClient(m_client);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || !m_client || !m_node)
        return;
    if (dialog.isConfirmed()) {
        retry();
        return;
    }
    const bool totp = dialog.isTotpCode();
    m_opening = true;
    const QString nodeId = m_node->id;
    // The secret lives in this call only: the field is cleared, nothing
    // keeps or logs it.
    client::RemoteApi(*m_client).reauthenticate(
        dialog.takeSecret(), totp,
        client::within(this, [this, nodeId, retry = std::move(retry)](Result<void> r) {
            m_opening = false;
            if (!r) {
                showError(r.error());
                return;
            }
            if (m_client && m_node && m_node->id == nodeId)
                retry();
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
                else if (reason == QLatin1String("access_revoked"))
                    line = tr("[session closed: your access to this node's terminal was revoked]");
                else
                    line = tr("[session closed]");
                screen->feed("\r\n" + line.toUtf8() + "\r\n");
            });
    connect(channel, &client::TerminalChannel::failed, this,
            [this, view, screen](const QString &reason) {
                m_sessions[view].lost = true;
                screen->feed("\r\n" + tr("[connection lost]").toUtf8() + "\r\n");
                showMessage([reason] {
                    return tr("The terminal's connection ended: %1. Its shell may still run on "
                              "the node: reattach it from Sessions.")
                        .arg(reason);
                });
            });
    connect(screen, &TerminalScreen::titleChanged, this, [this, view] { updateTitle(view); });

    tabs->addTerminal(view);
    tabs->setDetachedSessions(false);
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

bool NodeTerminalView::confirmClose(TerminalView *view)
{
    const auto it = m_sessions.find(view);
    if (it == m_sessions.end() || it->ended)
        return true; // nothing runs behind it any more
    TerminalTabs *tabs = m_tabs.value(it->nodeId);
    const QString title = tabs ? tabs->tabText(tabs->indexOf(view)) : QString();
    switch (TerminalCloseQuestion::ask(title, this)) {
    case TerminalCloseQuestion::Choice::Keep:
        m_sessions[view].keep = true;
        return true;
    case TerminalCloseQuestion::Choice::End:
        return true;
    case TerminalCloseQuestion::Choice::Cancel:
        break;
    }
    return false;
}

void NodeTerminalView::detachSession(TerminalView *view)
{
    const auto it = m_sessions.find(view);
    if (it == m_sessions.end())
        return;
    const Session session = *it;
    m_sessions.erase(it);
    // Only the WebSocket goes: the server keeps the session (and its
    // output) for the next attach.
    session.channel->disconnect(this);
    session.channel->close();
    if (TerminalTabs *tabs = m_tabs.value(session.nodeId); tabs && tabs->count() == 0)
        tabs->setDetachedSessions(true);
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
    showMessage([error] { return errorText(error); });
}

QString NodeTerminalView::errorText(const hm::Error &error)
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
    return text;
}

void NodeTerminalView::showMessage(MessageLine::Text text)
{
    m_messageLine->show(std::move(text), MessageLine::Kind::Lasting);
}

void NodeTerminalView::clearMessage()
{
    m_messageLine->clear();
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
