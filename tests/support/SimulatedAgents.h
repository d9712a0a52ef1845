#pragma once

// Many hivemind-agents in one process, for load tools (issue 35): every
// simulated agent is a real node of a running server, enrolled through the
// real API (POST /api/v1/nodes as an administrator, then
// POST /api/v1/nodes/register with the node's secret and a fresh Ed25519
// public key) and connected over its own WebSocket to /ws/agent, speaking
// the real protocol (core/fleet/AgentProtocol.h, docs/agent-protocol.md):
// challenge → hello signed with the node's key → welcome → reports → acks.
//
// Each agent reports every `intervalMs` with 40 values named like the real
// agent's (cpu_usage, cpu.N, load_avg_*, memory_*, disk_*, net.*, …) that
// move from report to report. The agents' reports are spread evenly over
// the interval (agent i at i/N of it), not all in the same millisecond.
// For every report it records the time from handing it to the socket to
// the ack that covers it (an ack means stored durably), and counts per
// agent what it sent and what was acknowledged.
//
// The agents live on `threads` worker threads, each with its own event loop
// (one thread polling thousands of sockets would measure itself). An agent
// whose connection closes is not reconnected: its close code is kept and
// what it had not got acknowledged counts as lost, so a benchmark sees every
// refusal (a real agent would reconnect and send it again). Only while
// connectAll() runs do they reconnect.
//
// The server must let the enrolment through: two requests per agent, the
// create under the administrator's api_rate_limit and the anonymous register
// under anonymous_rate_limit per address (both system settings, docs/api.md
// "System"; tests/server/AuthTestSupport.h startAuthServer raises them).
// Every agent needs a file descriptor here and one in the server: see
// raiseFileLimit (tests/support/ClientThreadPool.h).
//
//   SimulatedAgents agents({url, adminToken, 1000});
//   agents.enrol(…); agents.connectAll(…);
//   … run …
//   agents.stop(…); agents.totals(); agents.ackLatenciesUs();
//
// Every blocking call runs an event loop of the calling thread (the main
// thread) while it waits, and returns an empty string or what went wrong.

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <atomic>
#include <memory>
#include <vector>

namespace hm::test {

// std::chrono::steady_clock now, in nanoseconds: the clock of the acks'
// times (SimulatedAgents::slowAcks).
qint64 steadyNs();

class SimulatedAgents
{
public:
    struct Options
    {
        QUrl server; // http://host:port of a running hivemind-server
        QString adminToken;
        int count = 100;
        int threads = 2;
        int intervalMs = 1000;
        // Node names are "<prefix>-00001" …; unique on the server.
        QString namePrefix = QStringLiteral("sim");
        // Enrolment requests in flight at once.
        int enrolInFlight = 24;
        // Connections opened at once, each batch waiting for its welcomes
        // (the listen backlog is finite).
        int connectBatch = 200;
        // The nodes' labels (POST /api/v1/nodes).
        QStringList labels;
        // Also grant `tasks` (hello, registration) and answer every
        // tasks/run at once with exit code 0 and stdout "ok\n" (a command
        // that costs nothing: what is measured is the server's fan-out).
        bool answerTasks = false;
    };

    struct Totals
    {
        qint64 sent = 0;  // reports handed to the sockets
        qint64 acked = 0; // reports covered by an ack
        int welcomed = 0; // agents the server welcomed
        int closed = 0;   // agents whose connection closed (by either side)
        // Connections opened again while connectAll() ran: the server
        // closed them (or refused the upgrade) before all were welcomed.
        int reconnects = 0;
    };

    struct AgentRecord
    {
        QString nodeId;
        qint64 sent = 0;   // the last sequence number sent
        qint64 acked = 0;  // the highest acknowledged
        int closeCode = 0; // 0: still open when stop() began
    };

    explicit SimulatedAgents(Options options);
    ~SimulatedAgents();
    SimulatedAgents(const SimulatedAgents &) = delete;
    SimulatedAgents &operator=(const SimulatedAgents &) = delete;

    // Creates and enrols `count` nodes, up to enrolInFlight at a time.
    QString enrol(int timeoutMs);
    // Opens every agent's connection and waits for every welcome; one that
    // is closed meanwhile connects again after 1–2 s, as a real agent
    // would (Totals::reconnects), sending again what was not stored. Each
    // agent reports from its welcome on, at its place in the interval, as
    // a real one does (the server closes an agent silent for three
    // intervals): measure from when this returns.
    QString connectAll(int timeoutMs);
    // Stops sending, waits up to `drainMs` for the acks of what was sent,
    // then closes every connection (1001) and waits for the closes.
    QString stop(int drainMs);

    // Safe at any time (counters).
    Totals totals() const;
    // After stop(): every agent, in enrolment order.
    QList<AgentRecord> agents() const;
    // After stop(): one entry per acknowledged report, microseconds from
    // send to ack, unsorted.
    std::vector<qint64> ackLatenciesUs() const;
    // After stop(): (steadyNs() at the ack, microseconds from
    // send to ack) of each report acknowledged kSlowAckUs or more after it
    // was sent, to place the slow ones in time.
    static constexpr qint64 kSlowAckUs = 500000;
    std::vector<std::pair<qint64, qint64>> slowAcks() const;
    // The agents closed so far by close code and reason ("N× code reason;
    // …"; the socket's error when there was no close frame); empty if none.
    QString closeReasons() const;

    const Options &options() const { return m_options; }

private:
    struct Shared;
    class Worker;

    Options m_options;
    std::shared_ptr<Shared> m_shared;
    std::vector<std::unique_ptr<Worker>> m_workers;
    bool m_reporting = false;
};

} // namespace hm::test
