#pragma once

// Seed 001's monitoring routes filled from what HiveMind has (docs/api.md
// "Monitoring (seed 001)"): the dashboard's system metrics from the fleet's
// latest reports, its alerts from the alert records, the metric history of
// one seed metric from the fleet's tiers, and seed 001's alert rule body
// mapped onto a fleet alert rule. Nothing here is made up: what HiveMind
// does not measure is left out, never filled with a guess. Server thread.

#include "common/Result.h"
#include "server/services/fleet/AlertService.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace hm::server::fleet {

class FleetService;
class AlertChannels;

// GET /monitoring/metrics/system's parameters, checked by the route.
struct SystemMetricQuery
{
    QString metric; // seed 001's name: cpu.usage, memory.usage, …
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString interval; // 1m, 5m, 15m, 1h; empty: the range picks the tier
    QString nodeId;   // empty: every node
};

// Seed 001's alert rule as HiveMind stores it: the fleet rule, and the
// seed fields the answer repeats.
struct SeedAlertRule
{
    AlertRuleDetails details;
    QString metricName;
    QString condition;
    QStringList channels;
    QStringList ignoredFields; // seed fields HiveMind has no place for
};

class Monitoring
{
public:
    Monitoring(FleetService &fleet, AlertService &alerts, AlertChannels &channels);

    // The seed's time ranges and the seed metrics HiveMind can answer.
    static const QStringList &timeRanges();
    static qint64 timeRangeMs(const QString &range); // 0: not one of them
    static const QStringList &systemMetricNames();
    static const QStringList &intervals();

    // system_metrics: the sum / average over the online nodes' latest
    // reports, or one node's latest report (`nodeId`; RESOURCE_NOT_FOUND
    // for an unknown node).
    Result<QJsonObject> systemMetrics(const QString &nodeId);
    // alerts: {active, critical, warning, info, recent}: every open record
    // counted (HiveMind's alerts are all "warning"), `recent` the newest
    // records opened since `sinceMs` in seed 001's alert message shape.
    Result<QJsonObject> alertsSummary(qint64 sinceMs);
    // {metric, unit, interval, data_points: [{timestamp, value, tags: {host,
    // node_id}}], statistics: {min, max, avg, count}}.
    Result<QJsonObject> systemMetricHistory(const SystemMetricQuery &query);

    // Seed 001's POST /monitoring/alerts/rules (the body read by the
    // route): each named channel must exist and be enabled (every enabled
    // channel receives every alert; VALIDATION_ERROR naming
    // notification_channels otherwise); the rule created, answered in the
    // seed's shape.
    Result<QJsonObject> createSeedRule(const auth::Principal &caller,
                                       const auth::ClientInfo &client, const SeedAlertRule &rule);

private:
    FleetService &m_fleet;
    AlertService &m_alerts;
    AlertChannels &m_channels;
};

} // namespace hm::server::fleet
