#include "server/ws/AgentFeed.h"

#include "common/Logging.h"
#include "crypto/Random.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/fleet/NodeJson.h"
#include "server/services/fleet/ProbeService.h"
#include "server/ws/WsConnection.h"

#include <QPointer>
#include <QWebSocket>

namespace hm::server::ws {

namespace {

// How long an agent has to answer the challenge.
constexpr qint64 kHelloTimeoutMs = 10'000;
// Missed report intervals after which an agent counts as gone.
constexpr qint64 kMissedIntervals = 3;
// How often silence is checked, and the most one check may add to the
// listening clock (a longer gap was the event loop's stall, not the agents').
constexpr int kSilenceCheckMs = 1000;
constexpr qint64 kMostListenedPerCheckMs = 1500;

} // namespace

AgentFeed::AgentFeed(fleet::FleetService &fleet, fleet::ProbeService &probes, QObject *parent)
    : QObject(parent), m_fleet(fleet), m_probes(probes)
{
    connect(&fleet, &fleet::FleetService::nodeRevoked, this, &AgentFeed::onRevoked);
    // The global settings changed: every agent hears, each with its own
    // node's probes.
    connect(&fleet, &fleet::FleetService::settingsChanged, this, [this] {
        for (auto it = m_byNode.cbegin(); it != m_byNode.cend(); ++it)
            it.value()->send(QString::fromUtf8(hm::fleet::serialize(
                hm::fleet::SettingsMessage{settingsFor(m_sessions.value(it.value()))})));
    });
    connect(&probes, &fleet::ProbeService::probesChanged, this, [this] { pushProbes(); });
    // A node's labels pick its label-scoped probes.
    connect(&fleet, &fleet::FleetService::nodeChanged, this, [this](const QString &nodeId) {
        if (m_byNode.contains(nodeId))
            pushProbes(nodeId);
    });
    connect(&m_silence, &QTimer::timeout, this, &AgentFeed::checkSilence);
    m_silence.start(kSilenceCheckMs);
    m_sinceCheck.start();
}

void AgentFeed::open(WsConnection *connection)
{
    QWebSocket &socket = connection->socket();
    // Larger frames close the connection (1009) before they are buffered.
    // Only a response (or a request, which agents never send) may exceed
    // kMaxAgentMessageBytes: parseAgentMessage holds every other type to it.
    socket.setMaxAllowedIncomingMessageSize(quint64(hm::fleet::kMaxAgentResponseBytes));
    socket.setMaxAllowedIncomingFrameSize(quint64(hm::fleet::kMaxAgentResponseBytes));
    Session session;
    session.nonce = crypto::randomBytes(hm::fleet::kChallengeNonceBytes);
    session.lastHeardAt = listeningClock();
    m_sessions.insert(connection, session);
    connect(&socket, &QWebSocket::textMessageReceived, connection,
            [this, connection](const QString &text) { onMessage(connection, text); });
    // Binary frames are streams (a terminal's bytes), only once signed in.
    connect(&socket, &QWebSocket::binaryMessageReceived, connection,
            [this, connection](const QByteArray &frame) {
                const auto it = m_sessions.constFind(connection);
                if (it == m_sessions.constEnd() || it->nodeId.isEmpty()) {
                    connection->closeWith(kCloseUnsupported,
                                          QStringLiteral("agent messages are JSON text"));
                    return;
                }
                m_fleet.calls().deliverStream(connection, frame);
            });
    connection->send(QString::fromUtf8(hm::fleet::serialize(
        hm::fleet::ChallengeMessage{hm::fleet::kAgentProtocolVersion, session.nonce})));
}

void AgentFeed::remove(WsConnection *connection)
{
    const auto it = m_sessions.constFind(connection);
    if (it == m_sessions.constEnd())
        return;
    const QString nodeId = it->nodeId;
    m_sessions.erase(it);
    m_fleet.calls().detach(connection);
    if (!nodeId.isEmpty() && m_byNode.value(nodeId) == connection) {
        m_byNode.remove(nodeId);
        m_fleet.agentDisconnected(nodeId);
    }
}

void AgentFeed::onMessage(WsConnection *connection, const QString &text)
{
    const auto it = m_sessions.find(connection);
    if (it == m_sessions.end() || !connection->isOpen())
        return;
    it->lastHeardAt = listeningClock();
    if (!it->nodeId.isEmpty()) {
        // Nearly every frame is a report: read straight from the text. A
        // report in another shape, a refusal and every other message go
        // the full way below, with the same outcome (ReportText.h).
        if (auto report = it->reports.read(QStringView(text))) {
            onReport(connection, it->nodeId, *report);
            return;
        }
    }
    const QByteArray frame = text.toUtf8();
    auto message = hm::fleet::parseAgentMessage(frame);
    if (!message) {
        const Error &error = message.error();
        connection->closeWith(
            error.code == ErrorCode::PayloadTooLarge ? kCloseTooBig : kClosePolicy, error.message);
        return;
    }
    if (it->nodeId.isEmpty()) {
        if (const auto *hello = std::get_if<hm::fleet::HelloMessage>(&message.value()))
            onHello(connection, *it, *hello);
        else
            connection->closeWith(kClosePolicy, QStringLiteral("expected hello"));
        return;
    }
    if (const auto *report = std::get_if<hm::fleet::ReportMessage>(&message.value()))
        onReport(connection, it->nodeId, *report);
    else if (const auto *response = std::get_if<hm::fleet::ResponseMessage>(&message.value()))
        m_fleet.calls().deliver(connection, *response);
    else
        connection->closeWith(kClosePolicy, QStringLiteral("unexpected message"));
}

void AgentFeed::onHello(WsConnection *connection, Session &session,
                        const hm::fleet::HelloMessage &hello)
{
    auto node = m_fleet.authenticateAgent(hello, session.nonce);
    // A nonce answers one hello: a second try needs a new connection.
    session.nonce.clear();
    if (!node) {
        const bool storeFailed = node.error().code != ErrorCode::InvalidCredentials;
        qCInfo(lcServerHttp).noquote() << "agent refused on /ws/agent:" << node.error().message;
        connection->closeWith(storeFailed ? kCloseInternal : kCloseUnauthorized,
                              node.error().message);
        return;
    }
    auto acked = m_fleet.lastStoredSeq(node.value().id);
    if (!acked) {
        connection->closeWith(kCloseInternal, acked.error().message);
        return;
    }
    const QStringList labels = fleet::nodeLabelList(node.value());
    auto probes = m_probes.probesForNode(node.value().id, labels);
    if (!probes) {
        // Settings without the node's probes would stop them on the agent:
        // it connects again instead.
        connection->closeWith(kCloseInternal, probes.error().message);
        return;
    }
    if (WsConnection *older = m_byNode.value(node.value().id)) {
        // The agent reconnected before the old connection timed out; the
        // old one must not speak for the node any more.
        m_sessions[older].nodeId.clear();
        m_fleet.calls().detach(older);
        older->closeWith(kCloseConflict, QStringLiteral("a newer connection took over"));
    }
    session.nodeId = node.value().id;
    session.labels = labels;
    session.probes = probes.value();
    m_byNode.insert(session.nodeId, connection);
    hm::fleet::WelcomeMessage welcome{session.nodeId, acked.value(), settingsFor(session)};
    connection->send(QString::fromUtf8(hm::fleet::serialize(welcome)));
    // Remote operations go out on this connection, for the capabilities
    // its agent reported (the agent checks them again itself).
    m_fleet.calls().attach(
        session.nodeId, connection, hello.capabilities,
        [connection = QPointer<WsConnection>(connection)](const QByteArray &frame) {
            if (connection && connection->isOpen())
                connection->send(QString::fromUtf8(frame));
        },
        [connection = QPointer<WsConnection>(connection)](const QByteArray &frame) {
            if (connection && connection->isOpen())
                connection->sendBinary(frame);
        });
    m_fleet.agentConnected(node.value(), hello);
}

void AgentFeed::onReport(WsConnection *connection, const QString &nodeId,
                         const hm::fleet::ReportMessage &report)
{
    const qint64 seq = report.seq;
    m_fleet.record(nodeId, report, connection, [connection, seq](bool stored) {
        if (!connection->isOpen())
            return;
        // An ack covers every report up to it (they are stored in order).
        // One that could not be stored must not be skipped by a later ack:
        // the agent reconnects and sends again from the welcome's acked_seq.
        if (!stored) {
            connection->closeWith(kCloseTryAgain, QStringLiteral("report not stored; send again"));
            return;
        }
        connection->send(hm::fleet::ackText(seq));
    });
}

void AgentFeed::onRevoked(const QString &nodeId)
{
    WsConnection *connection = m_byNode.take(nodeId);
    if (!connection)
        return;
    m_sessions[connection].nodeId.clear();
    m_fleet.calls().detach(connection);
    connection->closeWith(kCloseForbidden,
                          QStringLiteral("the node was deleted or its key revoked"));
}

hm::fleet::AgentSettings AgentFeed::settingsFor(const Session &session) const
{
    hm::fleet::AgentSettings settings = m_fleet.settings();
    settings.probes = session.probes;
    return settings;
}

void AgentFeed::pushProbes(const QString &nodeId)
{
    // One read for every connected agent.
    auto rows = m_probes.enabledProbes();
    if (!rows) {
        qCWarning(lcServerHttp).noquote()
            << "probes not read; the agents keep their settings:" << rows.error().message;
        return;
    }
    const QList<WsConnection *> connections =
        nodeId.isEmpty() ? m_byNode.values() : QList<WsConnection *>{m_byNode.value(nodeId)};
    for (WsConnection *connection : connections) {
        const auto it = m_sessions.find(connection);
        if (!connection || it == m_sessions.end() || it->nodeId.isEmpty())
            continue;
        if (!nodeId.isEmpty()) {
            // The node changed: its labels may have.
            auto node = m_fleet.get(nodeId);
            if (!node)
                continue; // deleted: nodeRevoked closes the connection
            it->labels = fleet::nodeLabelList(node.value());
        }
        QList<hm::fleet::ProbeTarget> probes =
            fleet::ProbeService::probesApplying(rows.value(), it->nodeId, it->labels);
        if (probes == it->probes)
            continue;
        it->probes = std::move(probes);
        connection->send(
            QString::fromUtf8(hm::fleet::serialize(hm::fleet::SettingsMessage{settingsFor(*it)})));
    }
}

qint64 AgentFeed::listeningClock() const
{
    return m_listenedMs + qMin(m_sinceCheck.elapsed(), kMostListenedPerCheckMs);
}

void AgentFeed::checkSilence()
{
    m_listenedMs = listeningClock();
    m_sinceCheck.restart();
    const qint64 reportLimitMs =
        qint64(m_fleet.settings().intervalSeconds) * 1000 * kMissedIntervals;
    const QList<WsConnection *> connections = m_sessions.keys();
    for (WsConnection *connection : connections) {
        const Session &session = m_sessions[connection];
        const qint64 limit = session.nodeId.isEmpty() ? kHelloTimeoutMs : reportLimitMs;
        if (!connection->isOpen() || m_listenedMs - session.lastHeardAt <= limit)
            continue;
        // A timeout is no refusal: the agent tries again (4401 would stop it).
        if (session.nodeId.isEmpty())
            connection->closeWith(kCloseTimeout, QStringLiteral("no hello in time"));
        else
            connection->closeWith(kCloseTimeout, QStringLiteral("no report for three intervals"));
    }
}

} // namespace hm::server::ws
