#pragma once

// The public status page's settings (issue 35, docs/api.md "Public status"):
// off by default; when on, an unauthenticated, read-only view of the nodes
// an administrator chose. Stored as one row of the settings table.

#include "common/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <functional>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {
struct NodeRow;
}

namespace hm::server::fleet {

class FleetService;

struct PublicNodeChoice
{
    QString id;
    // Shown in place of the node's name when set.
    QString displayName;
    bool operator==(const PublicNodeChoice &) const = default;
};

struct PublicStatusSettings
{
    bool enabled = false;
    QString title;
    // In the order the page shows them.
    QList<PublicNodeChoice> nodes;
    // Hostnames and IPs are private unless an administrator says otherwise.
    bool showAddresses = false;
    bool operator==(const PublicStatusSettings &) const = default;
};

// Bounds of the settings; the page is a public answer, so it stays small.
inline constexpr int kMaxPublicNodes = 100;
inline constexpr qsizetype kMaxPublicTitleLength = 100;
inline constexpr qsizetype kMaxPublicDisplayNameLength = 64;
// Public requests (routes and live-feed upgrades together) per client
// address and minute: enough for a page that refreshes every few seconds
// in a few tabs, not for scraping.
inline constexpr int kPublicRequestsPerMinute = 60;
// How long a node's availability figures are reused: they change by a
// minute's share at most in that time, and every public answer would
// otherwise run two history queries per node.
inline constexpr qint64 kPublicAvailabilityCacheMs = 60 * 1000;

QJsonObject publicStatusJson(const PublicStatusSettings &settings);
// The basic metrics a public page may chart and its live feed may send;
// nothing else of a node's history leaves through the public routes.
bool isPublicMetric(const QString &name);
const QSet<QString> &publicMetrics();
// The shape and bounds of a PUT body (not whether the nodes exist).
Result<PublicStatusSettings> parsePublicStatus(const QJsonObject &body);

class PublicStatus : public QObject
{
    Q_OBJECT
public:
    PublicStatus(store::Database &db, FleetService &fleet, QObject *parent = nullptr);

    PublicStatusSettings settings() const { return m_settings; }
    // Whether the page is on and shows this node; the public routes answer
    // an unchosen node exactly like an unknown one.
    bool shows(const QString &nodeId) const;
    const PublicNodeChoice *choice(const QString &nodeId) const;

    // The public page's data (docs/api.md "Public status"): the chosen
    // nodes, in order, with only what the page may show.
    Result<QJsonObject> page() const;
    // One shown node as the page has it; ResourceNotFound when the page
    // does not show it (or the node is gone).
    Result<QJsonObject> nodeJson(const QString &nodeId) const;
    // Availability of a node over [now - rangeMs, now], clipped to its
    // enrolment: the share of 1-minute (24 h) or completed 15-minute (30 d)
    // spans that hold data; null while no span is complete.
    QJsonValue availability(const QString &nodeId, std::optional<qint64> enrolledAt,
                            qint64 rangeMs) const;
    // The clock of the availability cache and ranges (tests).
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    // Refuses an unknown node id (VALIDATION_ERROR, field "nodes"); the
    // caller audits.
    Result<PublicStatusSettings> setSettings(const PublicStatusSettings &settings,
                                             const QString &userId);

signals:
    // The settings changed (saved, or a deleted node dropped out): live
    // public watchers of a node no longer shown are closed.
    void changed();

private:
    // A node's availability_24h and availability_30d, computed at most once
    // per kPublicAvailabilityCacheMs; forgotten when the node goes online or
    // offline or the settings change, so a status change shows at once.
    struct CachedAvailability
    {
        QJsonValue day;
        QJsonValue month;
        qint64 computedAt = 0;
    };
    const CachedAvailability &cachedAvailability(const repositories::NodeRow &node) const;
    qint64 now() const;

    QJsonObject nodeJson(const PublicNodeChoice &choice, const repositories::NodeRow &node) const;
    void forget(const QString &nodeId);
    Status save(const PublicStatusSettings &settings, const QString &userId);

    store::Database &m_db;
    FleetService &m_fleet;
    PublicStatusSettings m_settings;
    std::function<qint64()> m_now;
    mutable QHash<QString, CachedAvailability> m_availability; // node id ->
};

} // namespace hm::server::fleet
