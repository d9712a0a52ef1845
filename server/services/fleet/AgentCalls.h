#pragma once

// Requests to connected agents and their answers (issue 38: remote
// operations; core/fleet/AgentProtocol.h `request` / `response`). The
// agents' WebSocket (server/ws/AgentFeed) attaches each authenticated
// connection with the capabilities its agent reported and hands over every
// response; services call() a node and get the agent's answer, an error of
// the agent, or one of ours:
//   NODE_OFFLINE         the node has no connected agent (nothing was sent),
//                        or its connection ended before the answer;
//   CAPABILITY_DISABLED  the agent did not report the capability (its own
//                        config does not grant it; the agent would refuse);
//   TIMEOUT              no answer within the call's time;
//   RATE_LIMIT_EXCEEDED  the node already has kMaxPendingPerNode requests
//                        waiting: one slow or hostile agent cannot make the
//                        server hold unbounded state.
// A response is taken only from the connection its request went out on
// and only for an id waiting there: an agent cannot answer for another
// node, nor twice.
// Server thread.

#include "common/Result.h"
#include "fleet/AgentProtocol.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>

namespace hm::server::fleet {

class AgentCalls : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxPendingPerNode = 32;
    static constexpr int kDefaultTimeoutMs = 15'000;

    using Sender = std::function<void(const QByteArray &frame)>;
    using Callback = std::function<void(Result<QJsonObject>)>;

    explicit AgentCalls(QObject *parent = nullptr);
    ~AgentCalls() override;

    // An agent of `nodeId` is connected (a newer connection replaces an
    // older one: the older one's calls fail NODE_OFFLINE). `connection`
    // identifies it for deliver() and detach().
    void attach(const QString &nodeId, const void *connection, QStringList capabilities,
                Sender send, Sender sendStream = {});
    // The connection ended: its waiting calls fail with NODE_OFFLINE.
    void detach(const void *connection);
    // A response arrived on `connection`; ignored unless its id waits there.
    void deliver(const void *connection, const hm::fleet::ResponseMessage &response);
    // A binary stream frame (fleet/StreamFrame.h) arrived on `connection`:
    // streamReceived() with its node; ignored from an unknown connection.
    void deliverStream(const void *connection, const QByteArray &frame);
    // Sends a stream frame to the node's agent; false when not connected.
    bool sendStream(const QString &nodeId, const QByteArray &frame);

    bool isConnected(const QString &nodeId) const { return m_links.contains(nodeId); }
    // What the node's connected agent reported; empty when not connected.
    QStringList capabilities(const QString &nodeId) const;

    // Asks the node's agent. `done` runs exactly once, on the server
    // thread, never after `context` is gone (and never inside call()
    // itself: refusals are posted, so callers see one order).
    void call(const QString &nodeId, const QString &capability, const QString &action,
              const QJsonObject &args, QObject *context, Callback done,
              int timeoutMs = kDefaultTimeoutMs);

    int pendingCount(const QString &nodeId) const;

signals:
    void streamReceived(const QString &nodeId, const QByteArray &frame);
    // The node's connection ended (or a newer one replaced it): its streams
    // are gone.
    void linkLost(const QString &nodeId);

private:
    struct Link
    {
        const void *connection = nullptr;
        QStringList capabilities;
        Sender send;
        Sender sendStream;
    };
    struct Pending
    {
        QString nodeId;
        const void *connection = nullptr;
        QPointer<QObject> context;
        bool guarded = false; // a context was given: skip `done` once it is gone
        Callback done;
    };

    void finish(qint64 id, Result<QJsonObject> outcome);
    void refuseLater(QObject *context, Callback done, Error error);

    QHash<QString, Link> m_links; // node id -> its connection
    QHash<qint64, Pending> m_pending;
    QHash<QString, int> m_pendingPerNode; // what m_pending holds per node (the bound)
    qint64 m_nextId = 1;
};

} // namespace hm::server::fleet
