#include "server/ws/PublicNodeFeed.h"

#include "server/api/AuthCommon.h"
#include "server/services/auth/RateLimiter.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/fleet/PublicStatus.h"
#include "server/ws/CloseCodes.h"
#include "server/ws/WsConnection.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace hm::server::ws {
namespace {

QString publicFeedText(const QJsonObject &message)
{
    return QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

// What an unknown /ws/ path is told (WebSocketHub::accept): a hidden node
// must not be told apart from one that does not exist.
const QString kUnknownPublicPath = QStringLiteral("unknown WebSocket path");

} // namespace

PublicNodeFeed::PublicNodeFeed(fleet::FleetService &fleet, fleet::PublicStatus &status,
                               std::shared_ptr<auth::RateLimiter> limiter, QObject *parent)
    : QObject(parent), m_fleet(fleet), m_status(status), m_limiter(std::move(limiter))
{
    connect(&fleet, &fleet::FleetService::reportStored, this, &PublicNodeFeed::onReport);
    connect(&fleet, &fleet::FleetService::nodeStatusChanged, this, &PublicNodeFeed::onStatus);
    connect(&status, &fleet::PublicStatus::changed, this, &PublicNodeFeed::onSettingsChanged);
}

void PublicNodeFeed::open(WsConnection *connection, const QString &nodeId,
                          const QString &clientAddress)
{
    if (!m_status.settings().enabled) {
        connection->closeWith(kCloseNotFound, kUnknownPublicPath);
        return;
    }
    const auto decision =
        m_limiter->hit(clientAddress, fleet::kPublicRequestsPerMinute, 60 * 1000, auth::nowMs());
    const auto sameAddress =
        std::count_if(m_watchers.cbegin(), m_watchers.cend(),
                      [&clientAddress](const Watcher &w) { return w.address == clientAddress; });
    if (!decision.allowed || sameAddress >= kMaxPublicWatchersPerAddress) {
        connection->closeWith(kCloseRateLimited, QStringLiteral("rate limit exceeded"));
        return;
    }
    auto node = m_status.nodeJson(nodeId);
    if (!node) {
        if (node.error().code == ErrorCode::ResourceNotFound)
            connection->closeWith(kCloseNotFound, kUnknownPublicPath);
        else
            connection->closeWith(kCloseInternal, QStringLiteral("the server failed"));
        return;
    }
    connection->send(publicFeedText({{QStringLiteral("type"), QStringLiteral("node")},
                                     {QStringLiteral("node"), node.value()}}));
    m_watchers.append({connection, nodeId, clientAddress});
}

void PublicNodeFeed::remove(WsConnection *connection)
{
    m_watchers.removeIf([connection](const Watcher &w) { return w.connection == connection; });
}

int PublicNodeFeed::subscriberCount() const
{
    return int(m_watchers.size());
}

void PublicNodeFeed::sendTo(const QString &nodeId, const QString &text)
{
    // A copy: a send that overflows closes the connection, and its
    // finished() may take it out of the list.
    const QList<Watcher> watchers = m_watchers;
    for (const Watcher &w : watchers) {
        if (w.nodeId == nodeId && w.connection->isOpen())
            w.connection->send(text);
    }
}

void PublicNodeFeed::onReport(const QString &nodeId, const hm::fleet::ReportMessage &report)
{
    if (m_watchers.isEmpty() || !m_status.shows(nodeId))
        return;
    QJsonObject metrics;
    for (const hm::fleet::MetricValue &metric : report.metrics) {
        if (fleet::isPublicMetric(metric.name))
            metrics.insert(metric.name, metric.value);
    }
    sendTo(nodeId, publicFeedText({{QStringLiteral("type"), QStringLiteral("metrics")},
                                   {QStringLiteral("node_id"), nodeId},
                                   {QStringLiteral("time"), auth::isoOrNull(report.timeMs)},
                                   {QStringLiteral("metrics"), metrics}}));
}

void PublicNodeFeed::onStatus(const QString &nodeId, bool online)
{
    if (m_watchers.isEmpty() || !m_status.shows(nodeId))
        return;
    sendTo(nodeId, publicFeedText({{QStringLiteral("type"), QStringLiteral("status")},
                                   {QStringLiteral("node_id"), nodeId},
                                   {QStringLiteral("online"), online}}));
}

void PublicNodeFeed::onSettingsChanged()
{
    const QList<Watcher> watchers = m_watchers;
    for (const Watcher &w : watchers) {
        if (!m_status.shows(w.nodeId)) {
            remove(w.connection);
            w.connection->closeWith(kCloseNotFound, kUnknownPublicPath);
        }
    }
}

} // namespace hm::server::ws
