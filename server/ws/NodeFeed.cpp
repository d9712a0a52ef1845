#include "server/ws/NodeFeed.h"

#include "server/api/AuthCommon.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/fleet/NodeJson.h"
#include "server/ws/CloseCodes.h"
#include "server/ws/WsConnection.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace hm::server::ws {
namespace {

QString nodeFeedText(const QJsonObject &message)
{
    return QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

} // namespace

NodeFeed::NodeFeed(fleet::FleetService &fleet, QObject *parent) : QObject(parent), m_fleet(fleet)
{
    connect(&fleet, &fleet::FleetService::reportStored, this, &NodeFeed::onReport);
    connect(&fleet, &fleet::FleetService::nodeStatusChanged, this, &NodeFeed::onStatus);
    connect(&fleet, &fleet::FleetService::nodeRevoked, this, &NodeFeed::onRevoked);
}

void NodeFeed::open(WsConnection *connection, const QString &nodeId)
{
    auto node = m_fleet.get(nodeId);
    if (!node) {
        const CloseCode code = closeCodeFor(node.error());
        connection->closeWith(code, code == kCloseNotFound ? QStringLiteral("node not found")
                                                           : node.error().message);
        return;
    }
    connection->send(nodeFeedText(
        {{QStringLiteral("type"), QStringLiteral("node")},
         {QStringLiteral("node"), fleet::nodeJson(node.value(), m_fleet.isOnline(nodeId))}}));
    m_subscribers[nodeId].append(connection);
}

void NodeFeed::remove(WsConnection *connection)
{
    for (auto it = m_subscribers.begin(); it != m_subscribers.end();) {
        it->removeAll(connection);
        it = it->isEmpty() ? m_subscribers.erase(it) : std::next(it);
    }
}

int NodeFeed::subscriberCount() const
{
    int count = 0;
    for (const auto &list : m_subscribers)
        count += int(list.size());
    return count;
}

void NodeFeed::sendTo(const QString &nodeId, const QString &text)
{
    const auto found = m_subscribers.constFind(nodeId);
    if (found == m_subscribers.constEnd())
        return;
    // A copy: a send that overflows closes the connection, and its
    // finished() may take it out of the list.
    const QList<WsConnection *> watchers = found.value();
    for (WsConnection *connection : watchers) {
        if (connection->isOpen())
            connection->send(text);
    }
}

void NodeFeed::onReport(const QString &nodeId, const hm::fleet::ReportMessage &report)
{
    if (!m_subscribers.contains(nodeId))
        return;
    QJsonObject metrics;
    for (const hm::fleet::MetricValue &metric : report.metrics)
        metrics.insert(metric.name, metric.value);
    sendTo(nodeId, nodeFeedText({{QStringLiteral("type"), QStringLiteral("metrics")},
                                 {QStringLiteral("node_id"), nodeId},
                                 {QStringLiteral("seq"), report.seq},
                                 {QStringLiteral("time"), auth::isoOrNull(report.timeMs)},
                                 {QStringLiteral("metrics"), metrics}}));
}

void NodeFeed::onStatus(const QString &nodeId, bool online)
{
    sendTo(nodeId, nodeFeedText({{QStringLiteral("type"), QStringLiteral("status")},
                                 {QStringLiteral("node_id"), nodeId},
                                 {QStringLiteral("online"), online}}));
}

void NodeFeed::onRevoked(const QString &nodeId)
{
    // A new enrolment secret revokes the key too; the node stays.
    if (m_fleet.get(nodeId))
        return;
    const QList<WsConnection *> watchers = m_subscribers.take(nodeId);
    for (WsConnection *connection : watchers)
        connection->closeWith(kCloseNotFound, QStringLiteral("node deleted"));
}

} // namespace hm::server::ws
