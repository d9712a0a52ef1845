#pragma once

#include <QCoreApplication>
#include <QIcon>
#include <QString>
#include <QStringList>

namespace hm::client {
struct AlertRuleRow;
struct AlertRecordRow;
} // namespace hm::client

namespace hm::app {

// Words of the Alerts section, in the current language: a rule's type, its
// condition and scope, values in the type's unit, durations, and a record's
// state. One place, so that the lists, the rule dialog and the desktop
// notification say the same thing.
class AlertText
{
    Q_DECLARE_TR_FUNCTIONS(AlertText)

public:
    // The server's rule types, in the order the console offers them.
    static QStringList types();
    // "cpu" -> "CPU usage"; unknown types as the server names them.
    static QString type(const QString &type);
    // Whether the type's threshold is a percentage (0 to 100).
    static bool isPercent(const QString &type);
    // container_down or container_unhealthy: the value is a count of containers.
    static bool isContainer(const QString &type);
    // A value in the type's unit: "81.5%", "12.0 MiB/s", "2.50", for offline
    // the time away ("5 min").
    static QString value(const QString &type, double value);
    // The containers a record names: "db, web", "db, web and 3 more" when
    // it counted more than it names; "" without names.
    static QString containers(const QStringList &names, int more);
    // "over 80.0%"; "offline" for offline rules (no threshold).
    static QString condition(const QString &type, double threshold);
    // The condition of a rule, naming the probe a probe or certificate rule
    // watches (its name when known, else its id).
    static QString ruleCondition(const client::AlertRuleRow &rule, const QString &probeName);
    // 0 -> "at once"; 90 -> "1 min 30 s"; 7200 -> "2 h".
    static QString duration(qint64 seconds);
    // How often a firing alert is sent again: "Never", "Every 4 h", "Every 7 days".
    static QString renotify(qint64 seconds);
    // Where a rule applies: "All nodes", the node's name, "Label: prod".
    static QString scope(const client::AlertRuleRow &rule, const QString &nodeName);
    // The same for anything that covers one node, a label or all of them
    // (a maintenance window).
    static QString scope(const QString &nodeId, const QString &label, const QString &nodeName);
    // "Firing" / "Resolved".
    static QString recordState(bool active);
    // Red while firing, green once resolved (the Nodes list's dots).
    static QIcon recordDot(bool active);
    // Who resolved a record: "admin", or "by itself".
    static QString resolver(const client::AlertRecordRow &record);
    // "Enabled" / "Disabled", with the list's green or grey dot.
    static QString ruleState(bool enabled);
    static QIcon ruleDot(bool enabled);
};

} // namespace hm::app
