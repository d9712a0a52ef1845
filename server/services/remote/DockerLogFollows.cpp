#include "server/services/remote/DockerLogFollows.h"

#include "common/Logging.h"
#include "fleet/DockerLogStream.h"
#include "fleet/StreamFrame.h"
#include "server/http/HttpStream.h"
#include "server/services/fleet/FleetService.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <cmath>

namespace hm::server::remote {

namespace {

// How often a quiet follow tells the HTTP layer it is still there (well
// inside the HTTP idle timeout) and looks at its own idle bound.
constexpr int kTickMs = 10'000;

} // namespace

// One followed log: the agent's frames in, the chunked HTTP answer out.
class DockerLogFollows::Follow : public QObject
{
public:
    Follow(DockerLogFollows &owner, const auth::Principal &caller,
           const auth::ClientInfo &client, const QString &nodeId, const QString &container,
           quint32 channel)
        : QObject(&owner), m_owner(owner), m_caller(caller), m_client(client), m_nodeId(nodeId),
          m_container(container), m_channel(channel)
    {
        m_quiet.start();
        m_tick.setInterval(kTickMs);
        connect(&m_tick, &QTimer::timeout, this, &Follow::onTick);
    }

    void attach(http::HttpStream *stream)
    {
        if (m_attached)
            return;
        m_attached = true;
        if (m_revoked) {
            if (stream)
                stream->abort();
            return;
        }
        if (!stream || !stream->isOpen())
            return stop(QStringLiteral("the client took no body")); // HEAD, or gone
        m_stream = stream;
        connect(stream, &http::HttpStream::drained, this, &Follow::credit);
        connect(stream, &http::HttpStream::cancelled, this,
                [this] { stop(QStringLiteral("the client left")); });
        m_tick.start();
        const QList<QByteArray> early = std::exchange(m_early, {});
        for (const QByteArray &piece : early)
            pass(piece);
        if (m_agentEnd >= 0)
            onEnd(m_agentEnd);
    }

    void onData(const QByteArray &bytes)
    {
        m_received += bytes.size();
        m_quiet.restart();
        // Past the window: an agent that ignores flow control would grow
        // us without bound.
        if (m_received - m_credited > hm::fleet::kDockerLogWindow) {
            qCWarning(lcServer).noquote()
                << "docker log: node" << m_nodeId << "sent past its window; aborting";
            return fail(true);
        }
        if (!m_attached) {
            m_early.append(bytes);
            return;
        }
        pass(bytes);
        if (m_written >= kMaxBytes && m_stream) {
            // The size bound: a complete answer; the console may follow on.
            m_stream->end();
            stop(QStringLiteral("the size bound was reached"));
        }
    }

    void onEnd(qint32 code)
    {
        m_agentEnd = code;
        if (!m_attached)
            return;
        if (m_stream) {
            if (code == hm::fleet::kDockerLogEnded)
                m_stream->end(); // the container's log ended: it stopped
            else
                m_stream->abort();
        }
        m_owner.forget(this);
    }

    void onLinkLost() { fail(false); }

    quint32 channel() const { return m_channel; }
    const QString &nodeId() const { return m_nodeId; }
    const QString &userId() const { return m_caller.userId; }

    // The user may no longer follow it: the client sees the connection
    // close without the last chunk, the agent stops, the end is audited.
    void revoke()
    {
        if (m_stopped)
            return;
        if (m_stream)
            m_stream->abort();
        m_stream = nullptr;
        m_revoked = true; // an attach still to come closes its stream at once
        RemoteAction closed;
        closed.nodeId = m_nodeId;
        closed.capability = QStringLiteral("docker");
        closed.auditAction = QStringLiteral("NODE_CONTAINER_LOGS_CLOSED");
        closed.auditTarget = m_container;
        closed.auditDetails = {{QStringLiteral("container"), m_container},
                               {QStringLiteral("bytes"), m_written}};
        m_owner.m_actions.recordAudit(m_caller, m_client, closed, AccessWatch::revoked());
        stop(QStringLiteral("access was revoked"));
    }

    // Tells the agent to stop (unless it ended) and goes.
    void stop(const QString &why)
    {
        if (std::exchange(m_stopped, true))
            return;
        if (m_agentEnd < 0) {
            qCInfo(lcServer).noquote() << "docker log of" << m_container << "on node" << m_nodeId
                                       << "closed:" << why;
            m_owner.m_actions.fleet().calls().call(
                m_nodeId, QStringLiteral("docker"), QStringLiteral("logs_close"),
                {{QStringLiteral("channel"), qint64(m_channel)}}, &m_owner,
                [](Result<QJsonObject>) {});
        }
        m_owner.forget(this);
    }

private:
    void pass(const QByteArray &bytes)
    {
        if (!m_stream)
            return;
        m_written += bytes.size();
        m_owed += bytes.size();
        m_stream->write(bytes);
        credit();
    }

    // Credits what went to the client's socket while it takes more.
    void credit()
    {
        if (!m_stream || !m_stream->wantsMore() || m_agentEnd >= 0)
            return;
        while (m_owed > 0) {
            const auto piece = quint32(qMin<qint64>(m_owed, hm::fleet::kDockerLogWindow));
            m_owner.m_actions.fleet().calls().sendStream(
                m_nodeId, hm::fleet::serialize(hm::fleet::streamCredit(m_channel, piece)));
            m_owed -= piece;
            m_credited += piece;
        }
    }

    void onTick()
    {
        if (!m_stream)
            return;
        if (m_quiet.hasExpired(kIdleMs)) {
            m_stream->end();
            return stop(QStringLiteral("nothing was logged for a while"));
        }
        m_stream->touch();
    }

    // The answer cannot end well: only closing the connection says so.
    void fail(bool stopTheAgent)
    {
        if (m_stream)
            m_stream->abort();
        m_stream = nullptr;
        if (stopTheAgent)
            return stop(QStringLiteral("the agent broke the flow control"));
        m_owner.forget(this);
    }

    DockerLogFollows &m_owner;
    auth::Principal m_caller;
    auth::ClientInfo m_client;
    QString m_nodeId;
    QString m_container;
    quint32 m_channel;
    QPointer<http::HttpStream> m_stream;
    QList<QByteArray> m_early; // before attach (bounded by the window)
    bool m_attached = false;
    bool m_stopped = false;
    bool m_revoked = false;
    qint32 m_agentEnd = -1;
    qint64 m_received = 0;
    qint64 m_credited = 0;
    qint64 m_written = 0;
    qint64 m_owed = 0; // written to the client, not yet credited
    QElapsedTimer m_quiet; // since the last byte from the agent
    QTimer m_tick;
};

DockerLogFollows::DockerLogFollows(NodeActions &actions, QObject *parent)
    : QObject(parent), m_actions(actions), m_access(actions.db(), actions)
{
    fleet::AgentCalls &calls = actions.fleet().calls();
    connect(&calls, &fleet::AgentCalls::streamReceived, this, &DockerLogFollows::onAgentStream);
    connect(&calls, &fleet::AgentCalls::linkLost, this, &DockerLogFollows::onLinkLost);
    connect(&m_access, &AccessWatch::mayHaveChanged, this, &DockerLogFollows::revalidate);
}

// Follows still under way go with it (its children) and nothing calls into
// it or them afterwards: agent calls hold it as their context (an answer
// after it went is dropped), the HTTP layer's hook holds a QPointer
// (attachOnce), its signal connections end with it. Agents are not told
// logs_close here: the server stops them when their links close (the
// WebSocket hub goes first in ServerRuntime::stop).
// TestDockerLogFollowsTeardown.
DockerLogFollows::~DockerLogFollows() = default;

void DockerLogFollows::open(const auth::Principal &caller, const auth::ClientInfo &client,
                            const QString &nodeId, const QString &container, int tail,
                            std::function<void(Result<Opened>)> done)
{
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = QStringLiteral("docker");
    action.action = QStringLiteral("logs_follow");
    action.args = {{QStringLiteral("container"), container}, {QStringLiteral("tail"), tail}};
    action.auditAction = QStringLiteral("NODE_CONTAINER_LOGS_FOLLOWED");
    action.auditTarget = container;
    action.auditDetails = {{QStringLiteral("container"), container},
                           {QStringLiteral("tail"), tail}};
    const quint64 changesAtOpen = m_access.changes();
    m_actions.run(
        caller, client, action, this,
        [this, caller, client, nodeId, container, changesAtOpen,
         done = std::move(done)](Result<QJsonObject> outcome) {
            if (!outcome)
                return done(outcome.error());
            const double number = outcome->value(QStringLiteral("channel")).toDouble(-1);
            const auto channel = quint32(number);
            if (number != std::floor(number) || number <= 0 || number > 4294967295.0 ||
                !hm::fleet::isDockerLogChannel(channel) || m_active.contains(nodeId, channel))
                return done(Error{ErrorCode::InternalError,
                                  QStringLiteral("the agent's answer to logs_follow is malformed")});
            auto *follow = new Follow(*this, caller, client, nodeId, container, channel);
            m_active.insert(follow);
            // Access may have gone while the agent was asked.
            if (m_access.changes() != changesAtOpen && !caller.userId.isEmpty() &&
                !m_access.stillAllowed(caller.userId, nodeId, QStringLiteral("docker"))) {
                follow->revoke();
                return done(AccessWatch::revoked());
            }
            Opened opened;
            opened.container = container;
            opened.attach = attachOnce(follow);
            done(std::move(opened));
        });
}

void DockerLogFollows::onAgentStream(const QString &nodeId, const QByteArray &bytes)
{
    // Docker log channels only (both top bits; fleet/DockerLogStream.h).
    if (bytes.size() < 5 || (quint8(bytes.at(1)) & 0xC0) != 0xC0)
        return;
    m_active.deliver(nodeId, bytes);
}

void DockerLogFollows::onLinkLost(const QString &nodeId)
{
    m_active.linkLost(nodeId);
}

void DockerLogFollows::revalidate(const QString &userId, const QString &nodeId)
{
    m_active.revalidate(m_access, QStringLiteral("docker"), userId, nodeId);
}

void DockerLogFollows::forget(Follow *follow)
{
    if (!m_active.remove(follow))
        return;
    follow->deleteLater();
}

} // namespace hm::server::remote
