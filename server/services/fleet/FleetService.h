#pragma once

// The fleet's rules (docs/api.md "Nodes"): nodes created by administrators
// with a single-use enrolment secret that expires, agents enrolling with it
// and leaving their Ed25519 public key, agents signing in by signing a
// challenge, their reports stored through the server's write-behind queue.
// The routes (server/routes/fleet) parse and render; the agents' WebSocket
// (server/ws/AgentFeed) speaks the protocol; the rules and the audit are
// here. Server thread.

#include "common/Result.h"
#include "fleet/AgentProtocol.h"
#include "server/api/Roles.h"
#include "server/repositories/NodeRepository.h"
#include "server/services/auth/TokenService.h"
#include "server/services/fleet/AgentCalls.h"
#include "server/services/fleet/FleetSummary.h"
#include "server/services/fleet/MetricHistory.h"
#include "server/services/fleet/NodeMetricsBatch.h"
#include "server/services/fleet/NodeSparklines.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <functional>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server {

class FlowEngineHost;

namespace auth {
class AccountEvents;
}

namespace fleet {

inline constexpr qint64 kDefaultEnrolmentHours = 24;
inline constexpr qint64 kMaxEnrolmentHours = 24 * 30;

// What an administrator gives when creating or changing a node (unset:
// keep; labels replace the whole list).
struct NodeDetails
{
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QStringList> labels;
    std::optional<QString> ip; // until an agent enrols with its own; empty: none
};

// A fresh enrolment secret, shown once.
struct EnrolmentTicket
{
    QString secret;
    qint64 expiresAt = 0;
    QString command; // the install command that carries it
};

struct CreatedNode
{
    repositories::NodeRow node;
    EnrolmentTicket enrolment;
};

// What an agent sends to enrol (seed 002 register, plus its public key).
struct Registration
{
    QString name; // ignored: the administrator named the node
    repositories::NodeFacts facts;
    QByteArray publicKey;
    QStringList capabilities;
};

struct EnrolledNode
{
    QString nodeId;
    QString name;
    QString fingerprint;
    QByteArray releaseKey; // the release public key agents pin (empty: none)
};

class FleetService : public QObject
{
    Q_OBJECT
public:
    FleetService(store::Database &db, FlowEngineHost &host, auth::AccountEvents &events,
                 QObject *parent = nullptr);

    // The server's address as agents reach it and the SHA-256 pin of its
    // certificate when it is self-signed (empty otherwise), for the
    // install command.
    void setAgentAddress(std::function<QString()> serverUrl, std::function<QString()> pin);
    // For tests: the clock every expiry is measured with.
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    // The Ed25519 release public key enrolling agents pin (AgentReleases):
    // only builds it signed are ever installed on them.
    void setReleaseKey(QByteArray publicKey) { m_releaseKey = std::move(publicKey); }

    // Administrators.
    Result<CreatedNode> create(const auth::Principal &caller, const auth::ClientInfo &client,
                               const NodeDetails &details, qint64 enrolmentHours);
    Result<repositories::NodeRow> update(const auth::Principal &caller,
                                         const auth::ClientInfo &client, const QString &id,
                                         const NodeDetails &details);
    // Deletes the node and its history; its agent is disconnected at once
    // (nodeRevoked) and its key is gone with the row.
    Status remove(const auth::Principal &caller, const auth::ClientInfo &client, const QString &id);
    // A new secret for the node, replacing any earlier one; an enrolled
    // node's key is revoked (its agent is disconnected and must enrol
    // again, with the new secret).
    Result<EnrolmentTicket> renewEnrolment(const auth::Principal &caller,
                                           const auth::ClientInfo &client, const QString &id,
                                           qint64 enrolmentHours);

    // Anyone signed in.
    // `status`: "" any, "pending" (no agent enrolled yet), "online" (its
    // agent connected now), "offline" (enrolled, not connected).
    Result<store::Page<repositories::NodeRow>> list(const repositories::NodeFilter &filter,
                                                    const QString &status = {});
    Result<repositories::NodeRow> get(const QString &id);
    bool isOnline(const QString &id) const { return m_online.contains(id); }
    // The consoles' /ws/events (remote operations report through it too).
    auth::AccountEvents &events() { return m_events; }
    int onlineCount() const { return int(m_online.size()); }
    // The release protocols the node's connected agent said it takes
    // ({min, max}, its hello; docs/agent-protocol.md "Protocol versions");
    // nullopt when it is not connected.
    std::optional<std::pair<int, int>> agentProtocols(const QString &id) const
    {
        const auto found = m_agentProtocols.constFind(id);
        if (found == m_agentProtocols.cend())
            return std::nullopt;
        return *found;
    }

    // Agents (no user): the secret is checked, used up and the key stored
    // in one transaction.
    Result<EnrolledNode> enrol(const QString &secret, const Registration &registration,
                               const QString &clientIp);
    // The node whose agent signed `nonce`: INVALID_CREDENTIALS for an
    // unknown or unenrolled node or a wrong signature (one message for
    // all three).
    Result<repositories::NodeRow> authenticateAgent(const hm::fleet::HelloMessage &hello,
                                                    const QByteArray &nonce);
    // The agent's connection opened / closed (online status, events).
    void agentConnected(const repositories::NodeRow &node, const hm::fleet::HelloMessage &hello);
    void agentDisconnected(const QString &nodeId);
    // Stores the report in the metric history (MetricHistory: a replayed
    // sequence number is not stored twice); `stored` runs on the server
    // thread once it is durable (true) or could not be stored (false),
    // never after `context` is gone.
    void record(const QString &nodeId, const hm::fleet::ReportMessage &report, QObject *context,
                std::function<void(bool stored)> stored);
    hm::fleet::AgentSettings settings() const { return m_settings; }
    // Administrators: the settings every agent follows (report interval),
    // stored and pushed to the connected agents at once (settingsChanged).
    Result<hm::fleet::AgentSettings> setSettings(const auth::Principal &caller,
                                                 const auth::ClientInfo &client,
                                                 const hm::fleet::AgentSettings &settings);
    // The highest report sequence of the node in the database.
    Result<qint64> lastStoredSeq(const QString &nodeId);
    // GET /nodes/summary (FleetSummary::summary).
    Result<QJsonObject> summary(int topCount) const;
    // GET /nodes/metrics/prometheus: every enrolled node's latest values in
    // the Prometheus text format (NodeExposition.h), ordered by name.
    Result<QByteArray> prometheusExposition();

    // A node's metric history in [startMs, endMs] from the tier that
    // holds it (MetricHistory::query): RESOURCE_NOT_FOUND for an unknown
    // node.
    Result<QJsonObject> metrics(const QString &id, qint64 startMs, qint64 endMs, qint64 limit,
                                const QString &tier = {}, const QSet<QString> &names = {});
    // The same with the items as JSON text (MetricHistory::queryText).
    Result<MetricHistory::Text> metricsText(const QString &id, qint64 startMs, qint64 endMs,
                                            qint64 limit, const QString &tier = {},
                                            const QSet<QString> &names = {});
    MetricHistory &history() { return *m_history; }
    // Requests to the connected agents (remote operations, issue 38).
    AgentCalls &calls() { return *m_calls; }
    // GET /nodes/sparklines: the last 15 minutes of CPU, memory and disk of
    // these nodes (NodeSparklines), in the order asked, unknown ids left
    // out; `*endMs` is the start of the last bucket.
    Result<QList<NodeSparklines::Series>> sparklines(const QStringList &ids, qint64 *endMs);
    const FleetSummary &latestValues() const { return *m_summary; }

    // A name an administrator may give a node: 1–64 characters after
    // trimming, no control characters.
    static Status checkName(const QString &name);
    // Labels: at most 16, each 1–32 of a-z A-Z 0-9 _ . : -.
    static Status checkLabels(const QStringList &labels);

signals:
    // The node was deleted or its key revoked: its agent must go now.
    void nodeRevoked(const QString &nodeId);
    // The node's row is gone, and with it (ON DELETE CASCADE) its own alert
    // rules and maintenance windows; after nodeRevoked.
    void nodeDeleted(const QString &nodeId);
    void settingsChanged(const hm::fleet::AgentSettings &settings);
    // A report is stored (and acknowledged to its agent): /ws/nodes/{id}.
    void reportStored(const QString &nodeId, const hm::fleet::ReportMessage &report);
    // The node's agent connected or went.
    void nodeStatusChanged(const QString &nodeId, bool online);
    // The node was created, changed (name, labels, enrolment) or deleted.
    void nodeChanged(const QString &nodeId);

private:
    // last_seq / last_seen as the metric history knows them (newer than
    // the row between report-log checkpoints).
    void withLatestReport(repositories::NodeRow &row) const;
    Result<store::Page<repositories::NodeRow>> listUnfreshened(const repositories::NodeFilter &filter,
                                                             const QString &status);

    // The node's reports as counted in memory (last announced, history
    // cache, summary, sparklines, metrics batch) start over: deleted, its
    // key revoked, or a new agent enrolled whose reports count from 1 again.
    void forgetReports(const QString &nodeId);

    qint64 now() const { return m_now ? m_now() : 0; }
    EnrolmentTicket makeTicket(qint64 enrolmentHours) const;
    void publish(const QString &type, const QString &nodeId, const QJsonObject &node);
    // An agent came or went: the consoles hear, but the node itself did not
    // change (no nodeChanged, which re-reads the node and every probe for
    // its agent's settings: per hello, that was most of its cost).
    void publishStatus(const QString &nodeId, const repositories::NodeRow &node, bool online);

    store::Database &m_db;
    FlowEngineHost &m_host;
    auth::AccountEvents &m_events;
    std::function<qint64()> m_now;
    MetricHistory *m_history;
    FleetSummary *m_summary;
    NodeSparklines *m_sparklines;
    NodeMetricsBatch *m_metricsBatch;
    AgentCalls *m_calls;
    QHash<QString, qint64> m_lastAnnounced; // node id -> last reportStored seq
    std::function<QString()> m_serverUrl;
    std::function<QString()> m_pin;
    QByteArray m_releaseKey;
    hm::fleet::AgentSettings m_settings;
    QSet<QString> m_online;
    QHash<QString, std::pair<int, int>> m_agentProtocols; // of the online agents
};

} // namespace fleet
} // namespace hm::server
