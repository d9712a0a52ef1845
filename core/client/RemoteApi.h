#pragma once

#include "client/RemoteTypes.h"

namespace hm::client {

class ApiClient;

// Remote operations on a node through its agent (issue 38): what the caller
// may do there, its processes, and the node grants administrators keep.
// The server checks the caller's role and grants and the agent its own
// config; the console only shows what /access says is usable.
class RemoteApi
{
public:
    explicit RemoteApi(ApiClient &client) : m_client(client) {}

    void access(const QString &nodeId, Callback<NodeAccess> done);
    // Read from the agent now (NODE_OFFLINE, CAPABILITY_DISABLED, TIMEOUT).
    void processes(const QString &nodeId, const ProcessQuery &query, Callback<ProcessList> done);
    // `signal`: TERM, KILL, HUP, INT, QUIT, USR1, USR2, STOP or CONT.
    void killProcess(const QString &nodeId, qint64 pid, const QString &signal,
                     Callback<KillResult> done);

    // Confirms the signed-in user's password (or a TOTP code when
    // `isTotpCode`) for the next 5 minutes of terminal sessions; a wrong one
    // is CURRENT_PASSWORD_WRONG (INVALID_CREDENTIALS for a code).
    void reauthenticate(const QString &secret, bool isTotpCode, Callback<void> done);
    // A shell on the node: REAUTHENTICATION_REQUIRED without a recent
    // reauthenticate(), RATE_LIMITED with details.code TOO_MANY_SESSIONS.
    void openTerminal(const QString &nodeId, const TerminalOptions &options,
                      Callback<TerminalOpened> done);
    // Ends the session (its shell gets SIGHUP).
    void closeTerminal(const QString &nodeId, const QString &sessionId, Callback<void> done);
    // A new ticket to attach the session again (the answer's `session` is empty).
    void terminalTicket(const QString &nodeId, const QString &sessionId,
                        Callback<TerminalOpened> done);
    // The caller's sessions on the node (an administrator's: everyone's).
    void terminalSessions(const QString &nodeId, Callback<QList<TerminalSession>> done);

    // Node power and upgrades (docs/api.md "Node power", "Agent releases"):
    // each needs a recent reauthenticate() (REAUTHENTICATION_REQUIRED) and
    // answers once the agent is done — back after a restart (up to a
    // minute), on the new version after an upgrade (`version` empty: the
    // latest release; the answer is the version installed), or running its
    // reboot command.
    void restartAgent(const QString &nodeId, Callback<void> done);
    void reboot(const QString &nodeId, Callback<void> done);
    void upgradeAgent(const QString &nodeId, const QString &version, Callback<QString> done);

    // Administrators only.
    void grants(Callback<QList<NodeGrant>> done);
    void createGrant(const NodeGrant &grant, Callback<NodeGrant> done);
    void removeGrant(const QString &id, Callback<void> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
