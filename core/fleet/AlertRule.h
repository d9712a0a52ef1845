#pragma once

// Alert rules over the fleet's reports (issue 35, "Alerts"; seed 002's
// alert settings): what a rule watches, which nodes it covers, and the
// state machine that turns a stream of values into "fire" and "resolve"
// without flapping. Pure logic, no clock of its own and no I/O: the server
// feeds it each stored report (and, for "offline", the agent's comings
// and goings) and stores and announces what it answers. TestAlertRule
// holds it.
//
// The rule: a value above the threshold for `duration` seconds fires (a
// value at or below it before then starts the wait again). Once firing, it
// resolves only after the value stayed below the clear level for the same
// duration (at least one report): the clear level sits a hysteresis band
// under the threshold (5 % of the threshold, at least 1 unit), so a value
// hovering at the threshold neither fires nor resolves again and again.
//
// Two types fire *below* their threshold instead: "probe" watches one
// probe's probe.<id>.up (fires when it is down, threshold 0.5 and no band:
// up is 0 or 1) and "certificate" its probe.<id>.cert_days (fires when the
// certificate has fewer days left than the threshold, clears a band above
// it).
//
// The two container types (issue 38 item 6) read the container summary of
// a docker agent's report (AgentProtocol's ContainerState), not its
// metrics: their value is how many of the containers the rule names
// (`container`: a name, a glob with * and ?, or "any") are down — not
// running, or gone after having been seen on the node — or unhealthy.
// Threshold 0.5 without a band: one such container fires, none resolves.

#include "fleet/AgentProtocol.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <limits>
#include <optional>

namespace hm::fleet {

enum class AlertType
{
    Cpu,         // cpu_usage, percent
    Memory,      // memory_used of memory_total, percent
    Disk,        // disk_used of disk_total, percent
    Load,        // load_avg_1
    Network,     // network_in + network_out, bytes per second
    Offline,     // the agent is gone; the value is seconds offline
    Probe,       // probe.<probeId>.up: 1 up, 0 down; fires when down
    Certificate, // probe.<probeId>.cert_days; fires when fewer days are left
    ContainerDown,      // containers named by the rule not running (a count)
    ContainerUnhealthy, // containers named by the rule whose health is unhealthy
};

// "cpu", "memory", "disk", "load", "network", "offline", "probe",
// "certificate" (seed 002's types and the two of issue 35's probes),
// "container_down", "container_unhealthy" (issue 38 item 6).
QString alertTypeName(AlertType type);
std::optional<AlertType> alertTypeFromName(QStringView name);

struct AlertRule
{
    QString id;
    QString name;
    AlertType type = AlertType::Cpu;
    double threshold = 0;
    qint64 durationSeconds = 0; // 0: the first value over fires
    bool enabled = true;
    // Which nodes: one node, the nodes with a label, or all (both empty).
    QString nodeId;
    QString label;
    // Probe and Certificate only: the probe watched (core/fleet/ProbeTarget).
    QString probeId;
    // ContainerDown and ContainerUnhealthy only: which containers
    // (isContainerTarget).
    QString container;
    // While a record of this rule stays open, its alert is sent again every
    // this many seconds; 0: once.
    qint64 renotifySeconds = 0;

    bool covers(const QString &node, const QStringList &labels) const;
};

// The value a rule of `type` watches in one report's metrics; none when
// the report lacks it (or for Offline, which is not a report's).
std::optional<double> alertValue(AlertType type, const QHash<QString, double> &metrics);
// The same for a whole rule: Probe and Certificate read their probe's
// metrics.
std::optional<double> alertValue(const AlertRule &rule, const QHash<QString, double> &metrics);

bool isContainerAlert(AlertType type);
// A container rule's target: "any", or a container name in which * and ?
// may stand for any characters (1 to 128 of a-z A-Z 0-9 _ . - * ?).
bool isContainerTarget(const QString &target);
bool containerTargetMatches(const QString &target, const QString &name);
// A container rule's value over one node's containers (a report's summary)
// and the names seen on that node before: ContainerDown counts the matching
// containers not running plus the matching seen ones that are gone,
// ContainerUnhealthy the matching unhealthy ones. None when no matching
// container is there or was seen: a rule about containers a node never had
// watches nothing there.
std::optional<double> containerAlertValue(const AlertRule &rule,
                                          const QList<ContainerState> &containers,
                                          const QSet<QString> &seen);

// Whether `type` fires below its threshold (Probe, Certificate) rather
// than above it.
bool alertFiresBelow(AlertType type);
// The level a firing rule of `type` must pass (below it for the others,
// above it for the types that fire below) to resolve: the threshold moved
// by the hysteresis band, 5 % of it and at least 1 unit; Probe has no
// band (its value is 0 or 1).
double alertClearLevel(AlertType type, double threshold);
// alertClearLevel of a type that fires above its threshold.
double alertClearLevel(double threshold);

// One rule on one node.
class AlertState
{
public:
    enum class Phase
    {
        Ok,
        Pending, // over the threshold, not yet for long enough
        Firing,
        Clearing, // firing, under the clear level, not yet for long enough
    };
    enum class Change
    {
        None,
        Fire,
        Resolve
    };

    // The value at `timeMs` (reports of one node come in time order; an
    // older one than the last is ignored).
    Change observe(const AlertRule &rule, qint64 timeMs, double value);

    // Firing since `sinceMs` with `value` (an open record the server had
    // before it restarted).
    void restoreFiring(qint64 sinceMs, double value);

    Phase phase() const { return m_phase; }
    bool isFiring() const { return m_phase == Phase::Firing || m_phase == Phase::Clearing; }
    // The value that fired it (the latest while firing).
    double value() const { return m_value; }
    qint64 sinceMs() const { return m_sinceMs; }

private:
    Phase m_phase = Phase::Ok;
    qint64 m_sinceMs = 0; // when the current phase's condition began
    qint64 m_lastMs = std::numeric_limits<qint64>::min();
    double m_value = 0;
};

} // namespace hm::fleet
