#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <algorithm>

namespace hm::server::remote {
class TerminalService;
}

namespace hm::server::ws {

class WsConnection;

// /ws/nodes/{id}/terminal (seed 002's /ws/servers/{id}/terminal): one
// console's view of one remote terminal (remote/TerminalService). No
// credential in the upgrade — and none taken from the URL (4400): the
// first message is {"type":"attach","ticket":…} with the single-use ticket
// the session's creation (or POST …/ticket) gave its owner, within 10 s
// (else 4408); a bad ticket closes with 4401. The upgrade's Origin is
// checked by the HTTP server like every WebSocket's (a foreign Origin is
// refused with 403 before any of this). Before the attach nobody is known,
// so what waiting costs is bounded twice: at most kMaxWaitingPerAddress
// connections from one client address (as the HTTP server reads it,
// X-Forwarded-For from a trusted proxy included) and kMaxWaiting in all
// may wait at once; more close at once with 4429 and a reason saying
// which bound. Then:
//   console → server  binary: keystrokes (at most 64 KiB a message);
//                     text {"type":"resize","rows","cols"}
//   server → console  {"type":"attached","session_id"}; binary: output;
//                     {"type":"exit","reason","exit_code","signal"}, then
//                     close 1000
class TerminalFeed : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxWaiting = 32;
    // A console opens one socket per tab it attaches: a handful at once.
    static constexpr int kMaxWaitingPerAddress = 8;

    explicit TerminalFeed(remote::TerminalService &terminals, QObject *parent = nullptr);

    // `clientAddress`: who opened it (WebSocketHub::clientAddressOf).
    void open(WsConnection *connection, const QString &nodeId, const QString &clientAddress);
    void remove(WsConnection *connection);

    // Connections open and not attached yet (from `clientAddress`).
    int waitingCount() const { return int(m_waiting.size()); }
    int waitingCount(const QString &clientAddress) const
    {
        return int(std::count(m_waiting.cbegin(), m_waiting.cend(), clientAddress));
    }

private:
    void onText(WsConnection *connection, const QString &text);

    remote::TerminalService &m_terminals;
    QHash<WsConnection *, QString> m_nodeOf;   // waiting for or past attach
    QHash<WsConnection *, bool> m_attached;
    QHash<WsConnection *, QString> m_waiting; // not attached yet: its client address
};

} // namespace hm::server::ws
