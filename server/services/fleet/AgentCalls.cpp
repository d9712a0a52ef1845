#include "server/services/fleet/AgentCalls.h"

#include <QTimer>

namespace hm::server::fleet {

AgentCalls::AgentCalls(QObject *parent) : QObject(parent) {}

AgentCalls::~AgentCalls()
{
    // Whoever waits hears, even at shutdown (a deferred HTTP answer).
    const QList<qint64> ids = m_pending.keys();
    for (const qint64 id : ids)
        finish(id, Error{ErrorCode::NodeOffline, QStringLiteral("the server is stopping")});
}

void AgentCalls::attach(const QString &nodeId, const void *connection, QStringList capabilities,
                        Sender send, Sender sendStream)
{
    const auto older = m_links.constFind(nodeId);
    if (older != m_links.constEnd() && older->connection != connection)
        detach(older->connection);
    m_links.insert(nodeId, Link{connection, std::move(capabilities), std::move(send),
                                std::move(sendStream)});
}

void AgentCalls::detach(const void *connection)
{
    QStringList lost;
    for (auto it = m_links.begin(); it != m_links.end();) {
        if (it->connection == connection) {
            lost.append(it.key());
            it = m_links.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString &nodeId : std::as_const(lost))
        emit linkLost(nodeId);
    QList<qint64> ids;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        if (it->connection == connection)
            ids.append(it.key());
    for (const qint64 id : ids)
        finish(id, Error{ErrorCode::NodeOffline,
                         QStringLiteral("the agent disconnected before it answered")});
}

void AgentCalls::deliver(const void *connection, const hm::fleet::ResponseMessage &response)
{
    const auto it = m_pending.constFind(response.id);
    if (it == m_pending.constEnd() || it->connection != connection)
        return; // timed out already, or not this connection's
    if (response.ok)
        finish(response.id, response.result);
    else
        finish(response.id, hm::fleet::responseError(response));
}

void AgentCalls::deliverStream(const void *connection, const QByteArray &frame)
{
    for (auto it = m_links.cbegin(); it != m_links.cend(); ++it) {
        if (it->connection == connection) {
            emit streamReceived(it.key(), frame);
            return;
        }
    }
}

bool AgentCalls::sendStream(const QString &nodeId, const QByteArray &frame)
{
    const auto link = m_links.constFind(nodeId);
    if (link == m_links.constEnd() || !link->sendStream)
        return false;
    link->sendStream(frame);
    return true;
}

QStringList AgentCalls::capabilities(const QString &nodeId) const
{
    return m_links.value(nodeId).capabilities;
}

int AgentCalls::pendingCount(const QString &nodeId) const
{
    return m_pendingPerNode.value(nodeId);
}

void AgentCalls::call(const QString &nodeId, const QString &capability, const QString &action,
                      const QJsonObject &args, QObject *context, Callback done, int timeoutMs)
{
    const auto link = m_links.constFind(nodeId);
    if (link == m_links.constEnd())
        return refuseLater(context, std::move(done),
                           Error{ErrorCode::NodeOffline,
                                 QStringLiteral("the node's agent is not connected")});
    if (!link->capabilities.contains(capability))
        return refuseLater(
            context, std::move(done),
            Error{ErrorCode::CapabilityDisabled,
                  QStringLiteral("the node's agent does not grant \"%1\"").arg(capability),
                  QJsonObject{{QStringLiteral("capability"), capability}}});
    if (pendingCount(nodeId) >= kMaxPendingPerNode)
        return refuseLater(context, std::move(done),
                           Error{ErrorCode::RateLimitExceeded,
                                 QStringLiteral("the node has too many requests waiting; try "
                                                "again in a moment")});
    const qint64 id = m_nextId++;
    ++m_pendingPerNode[nodeId];
    m_pending.insert(id, Pending{nodeId, link->connection, context, context != nullptr,
                                 std::move(done)});
    QTimer::singleShot(timeoutMs, this, [this, id] {
        finish(id, Error{ErrorCode::Timeout,
                         QStringLiteral("the node's agent did not answer in time")});
    });
    // Last: a sender may detach the link synchronously (a closed socket).
    const Sender send = link->send;
    send(hm::fleet::serialize(hm::fleet::RequestMessage{id, capability, action, args}));
}

void AgentCalls::finish(qint64 id, Result<QJsonObject> outcome)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(*it);
    if (--m_pendingPerNode[pending.nodeId] <= 0)
        m_pendingPerNode.remove(pending.nodeId);
    m_pending.erase(it);
    if ((pending.context || !pending.guarded) && pending.done)
        pending.done(std::move(outcome));
}

void AgentCalls::refuseLater(QObject *context, Callback done, Error error)
{
    QTimer::singleShot(0, context ? context : this,
                       [done = std::move(done), error = std::move(error)] { done(error); });
}

} // namespace hm::server::fleet
