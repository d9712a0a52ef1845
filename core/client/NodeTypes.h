#pragma once

// Typed answers of the fleet's routes (/api/v1/nodes, docs/api.md "Nodes").
// "Node" is a fleet machine here, not a flow node (FlowTypes.h).

#include "client/ApiTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace hm::client {

// A machine of the fleet as GET /nodes/{id} answers it. Facts the agent
// reports (address, OS, CPU ...) are empty / 0 until it enrols.
struct NodeRow
{
    QString id;
    QString name;
    QString description;
    QStringList labels;
    QString status; // "pending" / "online" / "offline"
    bool online = false;
    bool enrolled = false;
    QString fingerprint; // "SHA256:…" of the agent's key, as the agent prints it
    QString ip;
    QString os;
    QString arch;
    int cpuCores = 0;
    QString cpuModel;
    qint64 memoryTotal = 0; // bytes
    qint64 diskTotal = 0;   // bytes
    QString systemInfo;
    QString agentVersion;
    QStringList capabilities; // "metrics", "probes"
    qint64 lastSeq = 0;
    QDateTime lastHeartbeat;
    QDateTime enrolledAt;
    QDateTime createdAt;
};

// A new enrolment secret: shown once (the server keeps only its hash), so
// it is never logged or kept longer than the dialog that shows it.
struct EnrolmentTicket
{
    QString secret; // "hme_…"
    QDateTime expiresAt;
    QString command; // the agent's command line, the secret inside
};

// POST /nodes answers the node and its first ticket.
struct EnrolledNode
{
    NodeRow node;
    EnrolmentTicket enrolment;
};

struct NewNode
{
    QString name;
    QString description;
    QStringList labels;
    int expiresInHours = 0; // 0 = the server's default (24)
};

struct NodeFilter
{
    QString search; // name, description or address
    QString label;  // one exact label
    PageRequest page;
};

// One report of a node's agent (raw tier: its sequence number, time and
// values) or one bucket of a rollup tier (its start, each metric's
// average, minimum and maximum).
struct NodeMetricsSample
{
    qint64 seq = 0; // raw only
    QDateTime time;
    QJsonObject metrics; // name → value (rollups: the average)
    QJsonObject min;     // rollups only
    QJsonObject max;
};

// GET /nodes/{id}/metrics: the tier the server read and its items, oldest
// first.
struct NodeMetrics
{
    QString tier; // "raw", "1m", "15m", "1h"
    QList<NodeMetricsSample> items;

    bool isRollup() const { return !tier.isEmpty() && tier != QLatin1String("raw"); }
};

struct NodeMetricsQuery
{
    QDateTime start; // invalid = the server's default (the last hour)
    QDateTime end;
    int limit = 0;     // 0 = the server's default (1000)
    QString tier;      // empty = picked by the range
    QStringList names; // only these metrics; empty = all
};

// GET /nodes/sparklines: one node's last 15 minutes of CPU, memory and
// disk (percent), one point per 30 s, oldest first; -1 where no report
// fell in a point's 30 s.
struct NodeSparkline
{
    QString nodeId;
    QList<double> cpu;
    QList<double> memory;
    QList<double> disk;
};

struct NodeSparklines
{
    int stepSeconds = 30;
    QDateTime end; // the start of the last point's 30 s
    QList<NodeSparkline> items;
};

// One node's newest values in /ws/events' node_metrics batch; -1 where the
// report lacked one.
struct NodeLiveValues
{
    QString nodeId;
    QDateTime time;
    double cpu = -1;
    double memory = -1;
    double disk = -1;
};

// GET /nodes/summary: the fleet at a glance (the Dashboard's card).
struct FleetSummary
{
    struct Ranked
    {
        QString nodeId;
        QString name;
        double value = 0;
    };
    int total = 0;
    int online = 0;
    int offline = 0;
    int pending = 0;
    int reporting = 0; // online nodes with a report since the server started
    // Over the online nodes' latest reports; -1 = none reported.
    double cpu = -1;
    double memory = -1; // percent
    double disk = -1;   // percent
    double load1 = -1;
    double networkIn = 0; // bytes/s, the fleet's sum
    double networkOut = 0;
    QList<Ranked> topCpu;
    QList<Ranked> topMemory;
    QList<Ranked> topDisk;
    QList<Ranked> topNetwork;
};

namespace json {
NodeRow node(const QJsonObject &o);
FleetSummary fleetSummary(const QJsonObject &o);
EnrolmentTicket enrolmentTicket(const QJsonObject &o);
NodeMetrics nodeMetrics(const QJsonObject &o);
NodeSparklines nodeSparklines(const QJsonObject &o);
// The `data` of a node_metrics message.
QList<NodeLiveValues> nodeMetricsBatch(const QJsonObject &data);
} // namespace json

} // namespace hm::client
