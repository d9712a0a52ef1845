#include "server/services/remote/TerminalService.h"

#include "common/Logging.h"
#include "crypto/Random.h"
#include "fleet/StreamFrame.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/UserRepository.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/remote/NodeActions.h"
#include "server/services/remote/NodeGrants.h"
#include "server/services/remote/RecentAuthentication.h"
#include "server/ws/WsConnection.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QWebSocket>

namespace hm::server::remote {

namespace {

QString terminalTicketHash(const QString &ticket)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(ticket.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Error noSuchTerminal()
{
    return Error{ErrorCode::ResourceNotFound, QStringLiteral("no such terminal session")};
}

// A session's key among the node's agent channels.
QString channelKey(const QString &nodeId, quint32 channel)
{
    return nodeId + u':' + QString::number(channel);
}

QString terminalWebSocketPath(const QString &nodeId)
{
    return QStringLiteral("/ws/nodes/%1/terminal").arg(nodeId);
}

} // namespace

TerminalService::TerminalService(store::Database &db, NodeActions &actions,
                                 RecentAuthentication &recent, QObject *parent)
    : QObject(parent), m_db(db), m_actions(actions), m_recent(recent), m_access(db, actions)
{
    fleet::AgentCalls &calls = actions.fleet().calls();
    connect(&calls, &fleet::AgentCalls::streamReceived, this, &TerminalService::onAgentStream);
    connect(&calls, &fleet::AgentCalls::linkLost, this, &TerminalService::onLinkLost);
    connect(&m_sweep, &QTimer::timeout, this, &TerminalService::sweepIdle);
    m_sweep.start(5000);
    // Access checked again where it may have changed (an event each), so a
    // revoked user's shell ends now, not at its next request nor a poll.
    connect(&m_access, &AccessWatch::mayHaveChanged, this,
            [this](const QString &userId, const QString &nodeId) { revalidate(userId, nodeId); });
}

TerminalService::~TerminalService()
{
    const QStringList ids = m_sessions.keys();
    for (const QString &id : ids)
        end(id, QStringLiteral("server_stopping"), 0, 0, true);
}

void TerminalService::setIdleTimeoutMs(qint64 ms)
{
    m_idleMs = ms;
    m_sweep.start(int(std::clamp<qint64>(ms / 2, 100, 5000)));
}

qint64 TerminalService::now() const
{
    return m_now ? m_now() : auth::nowMs();
}

QJsonObject TerminalService::infoJson(const Session &s) const
{
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("node_id"), s.nodeId},
            {QStringLiteral("user_id"), s.userId},
            {QStringLiteral("username"), s.username},
            {QStringLiteral("shell"), s.shell},
            {QStringLiteral("pid"), s.pid},
            {QStringLiteral("created_at"), auth::isoOrNull(s.createdAt)},
            {QStringLiteral("last_activity_at"), auth::isoOrNull(s.lastActivity)},
            {QStringLiteral("bytes_in"), s.bytesIn},
            {QStringLiteral("bytes_out"), s.bytesOut},
            {QStringLiteral("attached"), !s.console.isNull()}};
}

QString TerminalService::issueTicket(Session &s)
{
    const QString ticket = QString::fromLatin1(
        crypto::randomBytes(32).toBase64(QByteArray::Base64UrlEncoding |
                                         QByteArray::OmitTrailingEquals));
    s.ticketHash = terminalTicketHash(ticket);
    s.ticketExpiresAt = now() + kTicketMs;
    return ticket;
}

void TerminalService::create(const auth::Principal &caller, const auth::ClientInfo &client,
                             const QString &nodeId, const TerminalOptions &options,
                             QObject *context, Done done)
{
    const auto refuse = [&](Error error) {
        QTimer::singleShot(0, context, [done = std::move(done), error] { done(error); });
    };
    if (!m_recent.isFresh(caller, now()))
        return refuse(Error{ErrorCode::ReauthenticationRequired,
                            QStringLiteral("enter your password or a 2FA code again (POST "
                                           "/api/v1/auth/reauthenticate) to open a terminal")});
    int mine = 0, onNode = 0;
    for (const Session &s : std::as_const(m_sessions)) {
        mine += s.userId == caller.userId ? 1 : 0;
        onNode += s.nodeId == nodeId ? 1 : 0;
    }
    if (mine >= kMaxPerUser || onNode >= kMaxPerNode)
        return refuse(Error{ErrorCode::RateLimitExceeded,
                            mine >= kMaxPerUser
                                ? QStringLiteral("you have %1 terminals open already; close one "
                                                 "first")
                                      .arg(kMaxPerUser)
                                : QStringLiteral("this node has %1 terminals open already")
                                      .arg(kMaxPerNode),
                            QJsonObject{{QStringLiteral("code"),
                                         QStringLiteral("TOO_MANY_SESSIONS")}}});
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = QStringLiteral("terminal");
    action.action = QStringLiteral("open");
    action.args = {{QStringLiteral("rows"), options.rows}, {QStringLiteral("cols"), options.cols}};
    if (!options.shell.isEmpty())
        action.args.insert(QStringLiteral("shell"), options.shell);
    if (!options.workingDir.isEmpty())
        action.args.insert(QStringLiteral("working_dir"), options.workingDir);
    action.auditAction = QStringLiteral("NODE_TERMINAL_OPENED");
    action.auditDetails = {{QStringLiteral("shell"), options.shell},
                           {QStringLiteral("working_dir"), options.workingDir}};
    m_actions.run(
        caller, client, std::move(action), context,
        [this, caller, client, nodeId, done = std::move(done)](Result<QJsonObject> opened) {
            if (!opened)
                return done(opened.error());
            Session s;
            s.id = crypto::uuid();
            s.nodeId = nodeId;
            s.userId = caller.userId;
            s.username = caller.username;
            s.channel = quint32(opened.value().value(QStringLiteral("channel")).toDouble());
            s.shell = opened.value().value(QStringLiteral("shell")).toString().left(256);
            s.pid = qint64(opened.value().value(QStringLiteral("pid")).toDouble());
            s.createdAt = now();
            s.lastActivity = s.createdAt;
            s.client = client;
            if (s.channel == 0) {
                // An agent that answered without a channel cannot be relayed.
                return done(Error{ErrorCode::InternalError,
                                  QStringLiteral("the agent opened no terminal channel")});
            }
            const QString ticket = issueTicket(s);
            m_sessions.insert(s.id, s);
            m_byChannel.insert(channelKey(nodeId, s.channel), s.id);
            done(QJsonObject{{QStringLiteral("session"), infoJson(s)},
                             {QStringLiteral("ticket"), ticket},
                             {QStringLiteral("ticket_expires_in"), kTicketMs / 1000},
                             {QStringLiteral("websocket"), terminalWebSocketPath(nodeId)}});
        });
}

Result<TerminalService::Session *> TerminalService::sessionFor(const auth::Principal &caller,
                                                               const QString &nodeId,
                                                               const QString &sessionId)
{
    const auto it = m_sessions.find(sessionId);
    // Another user's session is as absent as an unknown one.
    if (it == m_sessions.end() || it->nodeId != nodeId
        || (it->userId != caller.userId && caller.role != auth::Role::Admin))
        return noSuchTerminal();
    return &it.value();
}

Result<const TerminalService::Session *>
TerminalService::sessionFor(const auth::Principal &caller, const QString &nodeId,
                            const QString &sessionId) const
{
    const auto it = m_sessions.constFind(sessionId);
    if (it == m_sessions.constEnd() || it->nodeId != nodeId
        || (it->userId != caller.userId && caller.role != auth::Role::Admin))
        return noSuchTerminal();
    return &it.value();
}

Result<QJsonArray> TerminalService::list(const auth::Principal &caller,
                                         const QString &nodeId) const
{
    QJsonArray items;
    for (const Session &s : std::as_const(m_sessions))
        if (s.nodeId == nodeId && (s.userId == caller.userId || caller.role == auth::Role::Admin))
            items.append(infoJson(s));
    return items;
}

Result<QJsonObject> TerminalService::info(const auth::Principal &caller, const QString &nodeId,
                                          const QString &sessionId) const
{
    auto s = sessionFor(caller, nodeId, sessionId);
    if (!s)
        return s.error();
    return infoJson(*s.value());
}

Result<QJsonObject> TerminalService::ticket(const auth::Principal &caller, const QString &nodeId,
                                            const QString &sessionId)
{
    auto s = sessionFor(caller, nodeId, sessionId);
    if (!s)
        return s.error();
    // Only its owner attaches: an administrator may see and close it.
    if (s.value()->userId != caller.userId)
        return Error{ErrorCode::Forbidden,
                     QStringLiteral("only the user who opened a terminal attaches to it")};
    if (!m_recent.isFresh(caller, now()))
        return Error{ErrorCode::ReauthenticationRequired,
                     QStringLiteral("enter your password or a 2FA code again first")};
    return QJsonObject{{QStringLiteral("ticket"), issueTicket(*s.value())},
                       {QStringLiteral("ticket_expires_in"), kTicketMs / 1000},
                       {QStringLiteral("websocket"), terminalWebSocketPath(nodeId)}};
}

void TerminalService::close(const auth::Principal &caller, const auth::ClientInfo &,
                            const QString &nodeId, const QString &sessionId, QObject *context,
                            Done done)
{
    auto s = sessionFor(caller, nodeId, sessionId);
    if (!s) {
        QTimer::singleShot(0, context, [done = std::move(done), error = s.error()] { done(error); });
        return;
    }
    end(sessionId, QStringLiteral("closed"), 0, 0, true, caller.userId);
    QTimer::singleShot(0, context, [done = std::move(done), sessionId] {
        done(QJsonObject{{QStringLiteral("id"), sessionId}, {QStringLiteral("closed"), true}});
    });
}

void TerminalService::workingDirectory(const auth::Principal &caller, const QString &nodeId,
                                       const QString &sessionId, QObject *context, Done done)
{
    auto s = sessionFor(caller, nodeId, sessionId);
    if (!s) {
        QTimer::singleShot(0, context, [done = std::move(done), error = s.error()] { done(error); });
        return;
    }
    m_actions.fleet().calls().call(
        nodeId, QStringLiteral("terminal"), QStringLiteral("cwd"),
        {{QStringLiteral("channel"), qint64(s.value()->channel)}}, context,
        [done = std::move(done)](Result<QJsonObject> answer) {
            if (!answer)
                return done(answer.error());
            done(QJsonObject{{QStringLiteral("working_dir"),
                              answer.value().value(QStringLiteral("working_dir")).toString()}});
        });
}

Result<QString> TerminalService::attach(const QString &ticket, const QString &nodeId,
                                        ws::WsConnection *console)
{
    const QString hash = terminalTicketHash(ticket);
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
        Session &s = it.value();
        if (s.ticketHash.isEmpty() || s.ticketHash != hash)
            continue;
        // Single use, whatever happens next.
        s.ticketHash.clear();
        if (s.ticketExpiresAt < now() || s.nodeId != nodeId)
            break;
        if (s.console && s.console != console)
            s.console->closeWith(ws::kCloseConflict,
                                 QStringLiteral("the terminal was attached elsewhere"));
        if (s.console)
            m_byConsole.remove(s.console.data());
        s.console = console;
        m_byConsole.insert(console, s.id);
        s.lastActivity = now();
        connect(&console->socket(), &QWebSocket::bytesWritten, this, [this, console] {
            if (Session *attached = byConsole(console))
                creditConsole(*attached);
        });
        // Said first: a console takes output only once it is attached.
        console->send(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("attached")},
                                      {QStringLiteral("session_id"), s.id}})
                .toJson(QJsonDocument::Compact)));
        // Attached again: the screen as the last console saw it first
        // (already credited: it costs the shell nothing), then what waited.
        if (!s.replay.bytes().isEmpty())
            console->sendBinary(s.replay.bytes());
        if (!s.backlog.isEmpty()) {
            console->sendBinary(s.backlog);
            s.replay.append(s.backlog);
            s.pendingCredit += s.backlog.size();
            s.backlog.clear();
        }
        // Also what went to a console that left before its socket drained:
        // uncredited, it would stall the shell for good.
        creditConsole(s);
        return s.id;
    }
    return Error{ErrorCode::Unauthorized,
                 QStringLiteral("the ticket is unknown, used or expired: ask for a new one")};
}

TerminalService::Session *TerminalService::byConsole(ws::WsConnection *console)
{
    const QString id = m_byConsole.value(console);
    const auto it = id.isEmpty() ? m_sessions.end() : m_sessions.find(id);
    return it == m_sessions.end() ? nullptr : &it.value();
}

void TerminalService::detach(ws::WsConnection *console)
{
    if (Session *s = byConsole(console)) {
        m_byConsole.remove(console);
        s->console = nullptr;
        disconnect(&console->socket(), nullptr, this, nullptr);
    }
}

void TerminalService::consoleInput(ws::WsConnection *console, const QByteArray &bytes)
{
    Session *s = byConsole(console);
    if (!s || bytes.isEmpty())
        return;
    s->lastActivity = now();
    s->bytesIn += bytes.size();
    for (qsizetype at = 0; at < bytes.size(); at += hm::fleet::kMaxStreamPayload)
        m_actions.fleet().calls().sendStream(
            s->nodeId, hm::fleet::serialize(hm::fleet::streamData(
                           s->channel, bytes.mid(at, hm::fleet::kMaxStreamPayload))));
}

void TerminalService::consoleResize(ws::WsConnection *console, int rows, int cols)
{
    Session *s = byConsole(console);
    if (!s)
        return;
    // No answer awaited: a failed resize leaves the old size, nothing more.
    m_actions.fleet().calls().call(s->nodeId, QStringLiteral("terminal"),
                                   QStringLiteral("resize"),
                                   {{QStringLiteral("channel"), qint64(s->channel)},
                                    {QStringLiteral("rows"), rows},
                                    {QStringLiteral("cols"), cols}},
                                   this, [](Result<QJsonObject>) {});
}

void TerminalService::creditConsole(Session &s)
{
    if (s.pendingCredit <= 0 || !s.console)
        return;
    if (s.console->socket().bytesToWrite() > kConsoleBacklog)
        return; // the console is behind: credit once its socket drains
    while (s.pendingCredit > 0) {
        const auto credit = quint32(std::min<qint64>(s.pendingCredit, hm::fleet::kStreamWindow));
        m_actions.fleet().calls().sendStream(
            s.nodeId, hm::fleet::serialize(hm::fleet::streamCredit(s.channel, credit)));
        s.pendingCredit -= credit;
    }
}

void TerminalService::onAgentStream(const QString &nodeId, const QByteArray &bytes)
{
    // File channels (the high bit) are downloads' (FileDownloads): not
    // parsed (copied) here as well.
    if (bytes.size() >= 5 && (quint8(bytes.at(1)) & 0x80))
        return;
    auto frame = hm::fleet::parseStreamFrame(bytes);
    if (!frame) {
        qCWarning(lcServerHttp).noquote()
            << "bad stream frame from node" << nodeId << ":" << frame.error().message;
        return;
    }
    // The node's own channels only: a frame naming another node's session
    // (or none) finds nothing.
    const auto found = m_sessions.find(m_byChannel.value(channelKey(nodeId, frame->channel)));
    if (found == m_sessions.end())
        return;
    Session *s = &found.value();
    if (frame->kind == hm::fleet::StreamFrame::Kind::End) {
        end(s->id, QStringLiteral("exited"), frame->exitCode, frame->signal);
        return;
    }
    if (frame->kind != hm::fleet::StreamFrame::Kind::Data)
        return; // credits go to agents, not from them
    // What the agent sent and we have not credited yet is pendingCredit
    // (handed to the console) plus the backlog (no console yet): an agent
    // sends no more than its window of that. One that does ignores flow
    // control — holding its bytes would grow without bound, dropping them
    // would corrupt the screen silently — so the session ends.
    if (s->pendingCredit + s->backlog.size() + frame->data.size() > hm::fleet::kStreamWindow) {
        qCWarning(lcServer).noquote() << "terminal: node" << nodeId
                                      << "sent past its credit window; ending session" << s->id;
        end(s->id, QStringLiteral("flow_control_violation"), 0, 0, true);
        return;
    }
    s->lastActivity = now();
    s->bytesOut += frame->data.size();
    if (s->console && s->console->isOpen()) {
        s->console->sendBinary(frame->data);
        s->replay.append(frame->data);
        s->pendingCredit += frame->data.size();
        creditConsole(*s);
    } else {
        s->backlog.append(frame->data);
    }
}

void TerminalService::onLinkLost(const QString &nodeId)
{
    QStringList ids;
    for (const Session &s : std::as_const(m_sessions))
        if (s.nodeId == nodeId)
            ids.append(s.id);
    for (const QString &id : std::as_const(ids))
        end(id, QStringLiteral("agent_disconnected"));
}

void TerminalService::end(const QString &sessionId, const QString &reason, int exitCode,
                          int signal, bool askAgent, const QString &closedBy)
{
    const auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end())
        return;
    const Session s = it.value();
    m_sessions.erase(it);
    m_byChannel.remove(channelKey(s.nodeId, s.channel));
    if (s.console)
        m_byConsole.remove(s.console.data());
    if (askAgent)
        m_actions.fleet().calls().call(s.nodeId, QStringLiteral("terminal"),
                                       QStringLiteral("close"),
                                       {{QStringLiteral("channel"), qint64(s.channel)}}, this,
                                       [](Result<QJsonObject>) {});
    if (s.console) {
        disconnect(&s.console->socket(), nullptr, this, nullptr);
        s.console->send(QString::fromUtf8(QJsonDocument(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("exit")},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("exit_code"), exitCode},
            {QStringLiteral("signal"), signal}}).toJson(QJsonDocument::Compact)));
        // A revoked user is told so in the close itself (4403), not only
        // in the exit message a client might not read.
        if (reason == u"access_revoked")
            s.console->closeWith(ws::kCloseForbidden,
                                 QStringLiteral("your access to this terminal was revoked"));
        else
            s.console->closeWith(ws::kCloseNormal, QStringLiteral("the terminal ended"));
    }
    QJsonObject details{{QStringLiteral("node_id"), s.nodeId},
                        {QStringLiteral("session_id"), s.id},
                        {QStringLiteral("reason"), reason},
                        {QStringLiteral("duration_s"), (now() - s.createdAt) / 1000},
                        {QStringLiteral("bytes_in"), s.bytesIn},
                        {QStringLiteral("bytes_out"), s.bytesOut}};
    if (reason == u"exited") {
        details.insert(QStringLiteral("exit_code"), exitCode);
        details.insert(QStringLiteral("signal"), signal);
    }
    if (!closedBy.isEmpty() && closedBy != s.userId)
        details.insert(QStringLiteral("closed_by"), closedBy);
    auth::audit(m_db, QStringLiteral("NODE_TERMINAL_CLOSED"), s.userId, QStringLiteral("node"),
                s.nodeId, s.client.ip, s.client.userAgent, details);
}

bool TerminalService::stillAllowed(const Session &s)
{
    return m_access.stillAllowed(s.userId, s.nodeId, QStringLiteral("terminal"));
}

void TerminalService::sweepIdle()
{
    const qint64 at = now();
    QStringList idle;
    for (const Session &s : std::as_const(m_sessions)) {
        if (at - s.lastActivity > m_idleMs)
            idle.append(s.id);
    }
    for (const QString &id : std::as_const(idle))
        end(id, QStringLiteral("idle"), 0, 0, true);
}

void TerminalService::revalidate(const QString &userId, const QString &nodeId)
{
    QStringList revoked;
    for (const Session &s : std::as_const(m_sessions)) {
        if ((userId.isEmpty() || s.userId == userId) && (nodeId.isEmpty() || s.nodeId == nodeId) &&
            !stillAllowed(s))
            revoked.append(s.id);
    }
    for (const QString &id : std::as_const(revoked))
        end(id, QStringLiteral("access_revoked"), 0, 0, true);
}

} // namespace hm::server::remote
