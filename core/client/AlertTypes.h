#pragma once

// Typed answers of the alert routes (/api/v1/alerts, docs/api.md "Alerts").

#include "client/ApiTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::client {

struct AlertRuleRow
{
    QString id;
    QString name;
    // cpu, memory, disk, load, network, offline, probe, certificate,
    // container_down, container_unhealthy
    QString type;
    double threshold = 0;
    qint64 durationSeconds = 0;
    bool enabled = true;
    QString nodeId; // empty: not one node
    QString label;  // empty: no label (all nodes when nodeId is empty too)
    QDateTime createdAt;
    QDateTime updatedAt;
    QString probeId;            // probe and certificate rules: the probe watched
    qint64 renotifySeconds = 0; // remind while firing this often; 0: never
    QString container;          // container rules: a name, a glob or "any"
};

// What POST and PUT send; PUT sends the fields set.
struct AlertRuleChange
{
    std::optional<QString> name;
    std::optional<QString> type;
    std::optional<double> threshold;
    std::optional<qint64> durationSeconds;
    std::optional<bool> enabled;
    std::optional<QString> nodeId;         // "" clears it
    std::optional<QString> label;          // "" clears it
    std::optional<QString> probeId;        // probe and certificate rules
    std::optional<qint64> renotifySeconds; // 0: no reminders
    std::optional<QString> container;      // container rules
    QJsonObject toJson() const;
};

struct AlertRecordRow
{
    QString id;
    QString ruleId; // empty once the rule is deleted
    QString ruleName;
    QString nodeId;
    QString nodeName;
    QString type;
    bool active = false; // "active" / "resolved"
    double value = 0;
    double threshold = 0;
    QDateTime createdAt;
    QDateTime resolvedAt;
    QString resolvedBy;     // a user id; empty when it resolved by itself
    QString resolvedByName; // that user's name; empty when unknown
    // container_down / container_unhealthy: the first containers by name,
    // and how many more the record counted.
    QStringList containers;
    int containersMore = 0;
};

struct AlertRecordFilter
{
    QString nodeId;
    QString type;
    bool onlyActive = false;
    PageRequest page;
};

// A notification channel (GET /alerts/channels): never its secret.
struct AlertChannelRow
{
    QString id;
    QString name;
    QString type; // "webhook" or "email"
    bool enabled = true;
    QJsonObject config; // webhook {url}; email {smtp_host, smtp_port, security, username, from, to,
                        // ca_pem?}
    bool secretSet = false;
    QDateTime createdAt;
    QDateTime updatedAt;

    QString url() const { return config.value(QStringLiteral("url")).toString(); }
};

// What POST and PUT send; PUT sends the fields set (a secret only when
// one is typed: the stored one stays otherwise).
struct AlertChannelChange
{
    QString type = QStringLiteral("webhook"); // sent when creating
    std::optional<QString> name;
    std::optional<bool> enabled;
    std::optional<QJsonObject> config; // the settings, without the secret
    // The webhook's signing secret or the e-mail channel's SMTP password.
    std::optional<QString> secret;
    QJsonObject toJson(bool creating) const;
};

// POST /alerts/channels/{id}/test: how the test message went.
struct AlertChannelTest
{
    bool success = false;
    int httpStatus = 0; // a webhook's answer; 0: none came
    int smtpCode = 0;   // an e-mail channel's last SMTP reply; 0: none
    QString error;      // the server's words
    qint64 durationMs = 0;
    QString deliveryId;
};

// A maintenance window (GET /alerts/maintenance): while it covers a node,
// the node's rules raise no alert.
struct MaintenanceWindowRow
{
    QString id;
    QString name;
    QDateTime startsAt;
    QDateTime endsAt;
    QString nodeId; // empty: not one node
    QString label;  // empty: no label (all nodes when nodeId is empty too)
    QDateTime createdAt;

    // Started and not over at `now`.
    bool isCurrent(const QDateTime &now) const { return startsAt <= now && now < endsAt; }
};

// What POST /alerts/maintenance sends.
struct MaintenanceWindowChange
{
    QString name;
    QDateTime startsAt;
    QDateTime endsAt;
    QString nodeId; // one node, or
    QString label;  // the nodes with the label, or all (both empty)
    QJsonObject toJson() const;
};

namespace json {
MaintenanceWindowRow maintenanceWindow(const QJsonObject &o);
AlertRuleRow alertRule(const QJsonObject &o);
AlertRecordRow alertRecord(const QJsonObject &o);
AlertChannelRow alertChannel(const QJsonObject &o);
} // namespace json

} // namespace hm::client
