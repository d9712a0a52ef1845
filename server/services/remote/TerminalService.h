#pragma once

// Remote terminals (issue 38 item 3; docs/api.md "Node terminals"): a
// shell on a node's PTY, its bytes relayed between the agent's connection
// (binary stream frames, fleet/StreamFrame.h) and one console WebSocket
// (/ws/nodes/{id}/terminal, server/ws/TerminalFeed).
//
// Opening one needs the `terminal` grant on the node, an agent that grants
// `terminal`, and the caller's password or TOTP code entered within the
// last five minutes (RecentAuthentication: REAUTHENTICATION_REQUIRED
// otherwise). A user holds at most kMaxPerUser sessions, a node
// kMaxPerNode. The console attaches with a single-use ticket that expires
// in kTicketMs (stored hashed), sent as the WebSocket's first message —
// never a token in the URL. A session is its owner's (administrators see
// and close all); every id in a request (node, session) is checked
// against it. Idle sessions (no byte either way for the idle time) close.
// A session outlives its console: a closed tab or console, or a lost
// connection, only detaches it; GET …/sessions lists it, POST …/ticket
// attaches again, and the new console first gets the last output the old
// one was sent (TerminalReplay), then what waited.
//
// Access is checked again when it may have changed, not by polling: a
// grant removed, a user updated or deleted, a node changed or deleted
// (AccessWatch, shared with Docker log follows and downloads) ends
// at once every open session whose user may no longer hold it, attached
// or not — reason "access_revoked", its console closed with 4403, the
// agent told to close the PTY, audited like every close.
//
// Flow control: output is credited back to the agent only once the
// console's socket has taken it (below kConsoleBacklog unsent bytes), so a
// `yes` flood blocks the shell on the node and grows nothing here, nor on
// a console that stops reading. Without a console attached, output waits
// (at most the agent's window) and is sent on attach.
//
// Audit: NODE_TERMINAL_OPENED (with refusals), NODE_TERMINAL_CLOSED with
// the duration, the byte counts each way and why it ended.

#include "common/Result.h"
#include "server/api/Roles.h"
#include "server/services/auth/TokenService.h"
#include "server/services/remote/AccessWatch.h"
#include "server/services/remote/TerminalReplay.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace hm::store {
class Database;
}

namespace hm::server::ws {
class WsConnection;
}

namespace hm::server::remote {

class NodeActions;
class RecentAuthentication;

struct TerminalOptions
{
    QString shell;      // empty: the agent's default
    QString workingDir; // empty: the agent account's home
    int rows = 24;
    int cols = 80;
};

class TerminalService : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxPerUser = 4;
    static constexpr int kMaxPerNode = 8;
    static constexpr qint64 kTicketMs = 60'000;
    static constexpr qint64 kDefaultIdleMs = 15 * 60'000;
    static constexpr qint64 kConsoleBacklog = 256 * 1024;

    using Done = std::function<void(Result<QJsonObject>)>;

    TerminalService(store::Database &db, NodeActions &actions, RecentAuthentication &recent,
                    QObject *parent = nullptr);
    ~TerminalService() override;

    // Also sweeps more often for short times (tests).
    void setIdleTimeoutMs(qint64 ms);
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    // → {session, ticket, websocket}
    void create(const auth::Principal &caller, const auth::ClientInfo &client,
                const QString &nodeId, const TerminalOptions &options, QObject *context,
                Done done);
    Result<QJsonArray> list(const auth::Principal &caller, const QString &nodeId) const;
    Result<QJsonObject> info(const auth::Principal &caller, const QString &nodeId,
                             const QString &sessionId) const;
    // A fresh ticket to attach (again) → {ticket, websocket}.
    Result<QJsonObject> ticket(const auth::Principal &caller, const QString &nodeId,
                               const QString &sessionId);
    void close(const auth::Principal &caller, const auth::ClientInfo &client,
               const QString &nodeId, const QString &sessionId, QObject *context, Done done);
    void workingDirectory(const auth::Principal &caller, const QString &nodeId,
                          const QString &sessionId, QObject *context, Done done);

    // The console's WebSocket (server/ws/TerminalFeed).
    // The session id, once `ticket` (single use) names a live session of
    // `nodeId` (the console is sent {"type":"attached"}, then the replay
    // and what waited); UNAUTHORIZED otherwise.
    Result<QString> attach(const QString &ticket, const QString &nodeId,
                           ws::WsConnection *console);
    void detach(ws::WsConnection *console);
    void consoleInput(ws::WsConnection *console, const QByteArray &bytes);
    void consoleResize(ws::WsConnection *console, int rows, int cols);

    int sessionCount() const { return int(m_sessions.size()); }

    // Ends the sessions (of `userId` / on `nodeId`; empty: any) whose user
    // may no longer hold them (stillAllowed()).
    void revalidate(const QString &userId = {}, const QString &nodeId = {});

private:
    struct Session
    {
        QString id;
        QString nodeId;
        QString userId;
        QString username;
        quint32 channel = 0;
        QString shell;
        qint64 pid = 0;
        qint64 createdAt = 0;
        qint64 lastActivity = 0;
        qint64 bytesIn = 0;  // console → shell
        qint64 bytesOut = 0; // shell → console
        QString ticketHash;
        qint64 ticketExpiresAt = 0;
        QPointer<ws::WsConnection> console;
        QByteArray backlog;        // output while no console is attached
        TerminalReplay replay;     // output consoles were sent, for the next attach
        qint64 pendingCredit = 0;  // output handed on, not yet credited
        auth::ClientInfo client;   // of the request that opened it
    };

    qint64 now() const;
    QJsonObject infoJson(const Session &session) const;
    Result<Session *> sessionFor(const auth::Principal &caller, const QString &nodeId,
                                 const QString &sessionId);
    Result<const Session *> sessionFor(const auth::Principal &caller, const QString &nodeId,
                                       const QString &sessionId) const;
    QString issueTicket(Session &session);
    void onAgentStream(const QString &nodeId, const QByteArray &frame);
    void onLinkLost(const QString &nodeId);
    void creditConsole(Session &session);
    // Ends the session here: tells the console, audits, forgets it. Asks
    // the agent to close it unless it ended there.
    void end(const QString &sessionId, const QString &reason, int exitCode = 0, int signal = 0,
             bool askAgent = false, const QString &closedBy = {});
    // Every sweep: ends idle sessions.
    void sweepIdle();
    // Whether the session's user may still hold it: the account exists and
    // is active, and its role and grants still allow `terminal` on the
    // node (revalidate()).
    bool stillAllowed(const Session &session);
    Session *byConsole(ws::WsConnection *console);

    store::Database &m_db;
    NodeActions &m_actions;
    RecentAuthentication &m_recent;
    AccessWatch m_access;
    std::function<qint64()> m_now;
    qint64 m_idleMs = kDefaultIdleMs;
    QHash<QString, Session> m_sessions; // by session id
    // Session ids by "<node id>:<channel>" (each agent frame) and by the
    // console attached (each keystroke): no scan per frame.
    QHash<QString, QString> m_byChannel;
    QHash<const ws::WsConnection *, QString> m_byConsole;
    QTimer m_sweep;
};

} // namespace hm::server::remote
