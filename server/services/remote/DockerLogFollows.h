#pragma once

// A container's log followed live (issue 38; docs/api.md "Node Docker"):
// the agent streams it on a Docker log channel (agent/DockerLogFollows.h,
// fleet/DockerLogStream.h) and its bytes go on into a chunked HTTP answer
// (http/HttpStream.h, unknown length) as they come.
// - Why chunked HTTP and not a WebSocket: the stream only flows one way,
//   the console's ordinary authenticated request (bearer token, grant
//   checked on open) carries it, and the download's flow control is
//   reused as it is — no ticket, no second connection to authorise.
// - Flow control: the agent sends at most kDockerLogWindow bytes the
//   server has not credited; the server credits what it handed to the
//   client's socket while that socket's backlog is below the stream's
//   high-water mark. A client that stops reading stops the credits and the
//   agent stops reading the daemon: memory per follow is the window plus
//   the backlog, whatever the container prints. An agent that sends past
//   its window is cut off.
// - It ends (the last chunk) when the container's log ends (it stopped),
//   after kIdleMs without a byte, or after kMaxBytes (the console may open
//   another); the agent's stream breaking off, or the agent going, aborts
//   the connection instead. A client that leaves: logs_close to the agent.
// - Audited at the open: NODE_CONTAINER_LOGS_FOLLOWED with the container
//   and tail, refusals (grant, capability, no such container) included.
// - Access checked again when it may have changed (AccessWatch): a follow
//   whose user may no longer use `docker` on the node ends at once — the
//   connection is closed without the last chunk (as for any end that is
//   not the log's), the agent is told logs_close, and the end is audited
//   NODE_CONTAINER_LOGS_CLOSED with reason access_revoked.
// Server thread.

#include "common/Result.h"
#include "server/services/remote/AccessWatch.h"
#include "server/services/remote/AgentChannels.h"
#include "server/services/remote/NodeActions.h"

#include <QObject>
#include <functional>

namespace hm::server::http {
class HttpStream;
}

namespace hm::server::remote {

class DockerLogFollows : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxBytes = 64LL * 1024 * 1024;
    static constexpr int kIdleMs = 15 * 60 * 1000;
    static constexpr int kMaxTail = 5000;

    // An open follow: attach() gets the HTTP stream to write the log to
    // (nullptr or a closed one: nobody takes it, the agent is told to stop).
    struct Opened
    {
        QString container;
        std::function<void(http::HttpStream *)> attach;
    };

    explicit DockerLogFollows(NodeActions &actions, QObject *parent = nullptr);
    ~DockerLogFollows() override;

    // `container` already checked (fleet::dockerContainerRef); `tail`
    // 0 … kMaxTail lines before the live ones.
    void open(const auth::Principal &caller, const auth::ClientInfo &client,
              const QString &nodeId, const QString &container, int tail,
              std::function<void(Result<Opened>)> done);

    // Follows under way (opened, not yet ended).
    int activeCount() const { return m_active.size(); }

private:
    class Follow;
    friend class Follow;
    void onAgentStream(const QString &nodeId, const QByteArray &frame);
    void onLinkLost(const QString &nodeId);
    void revalidate(const QString &userId, const QString &nodeId);
    void forget(Follow *follow);

    NodeActions &m_actions;
    AccessWatch m_access;
    AgentChannels<Follow> m_active; // children
};

} // namespace hm::server::remote
