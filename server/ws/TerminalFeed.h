#pragma once

#include <QHash>
#include <QObject>
#include <QString>

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
// refused with 403 before any of this). At most kMaxWaiting connections
// may wait for their attach at once; more close at once with 4429. Then:
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

    explicit TerminalFeed(remote::TerminalService &terminals, QObject *parent = nullptr);

    void open(WsConnection *connection, const QString &nodeId);
    void remove(WsConnection *connection);

    // Connections open and not attached yet.
    int waitingCount() const;

private:
    void onText(WsConnection *connection, const QString &text);

    remote::TerminalService &m_terminals;
    QHash<WsConnection *, QString> m_nodeOf;   // waiting for or past attach
    QHash<WsConnection *, bool> m_attached;
};

} // namespace hm::server::ws
