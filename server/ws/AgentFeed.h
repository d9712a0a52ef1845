#pragma once

#include "fleet/AgentProtocol.h"
#include "fleet/ReportText.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace hm::server::fleet {
class FleetService;
class ProbeService;
} // namespace hm::server::fleet

namespace hm::server::ws {

class WsConnection;

// /ws/agent: hivemind-agent's connection (core/fleet/AgentProtocol.h,
// docs/agent-protocol.md). No token: the server sends a fresh random
// challenge, the agent answers `hello` signed with the key it enrolled;
// until then nothing else is accepted, and after 10 s without a valid
// hello the connection is closed (4408). Then the agent's reports are
// stored (FleetService::record) and each is acknowledged once durable.
// Each agent's settings (welcome, then `settings` on a change) carry the
// global ones and the probes of ITS node (ProbeService::probesForNode): sent
// again when a probe changes, the node's labels change or the global
// settings do, only to the agents whose settings differ.
// Whose data a report is comes from the authenticated connection, never
// from the message. Refusals close with a code and a reason:
//   4401 unknown node or wrong signature; 4403 the node was deleted or its
//   key revoked; 4408 no hello within 10 s, or nothing for three report
//   intervals (the node goes offline); 4503 a report could not be stored
//   (the agent sends again); 4409 a newer connection of the same node took over;
//   1003 a binary frame before the hello (after it, binary frames are
//   streams: AgentCalls::deliverStream); 1008 a malformed or unexpected
//   message; 1009 a
//   message above hm::fleet::kMaxAgentMessageBytes.
// Server thread; the hub hands over connections and their end.
class AgentFeed : public QObject
{
    Q_OBJECT
public:
    AgentFeed(fleet::FleetService &fleet, fleet::ProbeService &probes, QObject *parent = nullptr);

    void open(WsConnection *connection);
    void remove(WsConnection *connection);

private:
    struct Session
    {
        QByteArray nonce;
        QString nodeId;                       // set once authenticated
        QStringList labels;                   // the node's, to pick its probes
        QList<hm::fleet::ProbeTarget> probes; // as last sent to the agent
        qint64 lastHeardAt = 0; // listeningClock() when its last message came
        // Reads its reports straight from the text frames, sharing the
        // names of the previous one (ReportText.h).
        hm::fleet::ReportTextReader reports;
    };

    void onMessage(WsConnection *connection, const QString &text);
    void onHello(WsConnection *connection, Session &session, const hm::fleet::HelloMessage &hello);
    // `nodeId`: the connection's authenticated node (no copy of its session
    // per report).
    void onReport(WsConnection *connection, const QString &nodeId,
                  const hm::fleet::ReportMessage &report);
    void onRevoked(const QString &nodeId);
    // The agent's settings: the global ones with its node's probes.
    hm::fleet::AgentSettings settingsFor(const Session &session) const;
    // Sends `settings` messages where a node's probes differ from those
    // last sent; `nodeId` empty: every connected agent.
    void pushProbes(const QString &nodeId = {});
    void checkSilence();
    // Milliseconds the feed has been able to listen: wall time, except that
    // a stall of the event loop counts for at most one check period. An
    // agent whose messages waited in the socket while the thread was busy
    // elsewhere is not silent (they closed thousands as 4408 under load).
    qint64 listeningClock() const;

    fleet::FleetService &m_fleet;
    fleet::ProbeService &m_probes;
    QHash<WsConnection *, Session> m_sessions;
    QHash<QString, WsConnection *> m_byNode; // authenticated connections
    QTimer m_silence;
    QElapsedTimer m_sinceCheck;   // wall time since the last check
    qint64 m_listenedMs = 0;      // listeningClock() at the last check
};

} // namespace hm::server::ws
