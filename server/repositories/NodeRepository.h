#pragma once

// fleet_nodes, fleet_enrolments and fleet_samples (schema 16): the fleet's
// machines, their single-use enrolment secrets (SHA-256 only) and the
// reports their agents sent. The FleetService owns the rules; every SQL
// string of the fleet is here.

#include "common/Result.h"
#include "store/PagedQuery.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

// What the agent told about its machine at enrolment (seed 002 register).
struct NodeFacts
{
    QString ip;
    QString os;
    QString arch;
    qint64 cpuCores = 0;
    QString cpuModel;
    qint64 memoryTotal = 0;
    qint64 diskTotal = 0;
    QString systemInfo; // JSON text as the agent sent it
    QString agentVersion;
    QString capabilities; // JSON array text
};

struct NodeRow
{
    QString id;
    QString name;
    QString description;
    QString labels;       // JSON array text
    QByteArray publicKey; // empty until enrolled
    QString fingerprint;
    NodeFacts facts;
    qint64 lastSeq = 0;
    std::optional<qint64> lastSeenAt;
    std::optional<qint64> enrolledAt;
    QString createdBy;
    qint64 createdAt = 0;
    bool enrolled() const { return !publicKey.isEmpty(); }
};

struct NewNode
{
    QString id;
    QString name;
    QString description;
    QString labels; // JSON array text
    QString createdBy;
    qint64 createdAt = 0;
    QString ip; // given at creation (seed 002); empty: none
};
Status insertNode(store::Database &db, const NewNode &node);
Result<std::optional<NodeRow>> nodeById(store::Database &db, const QString &id);
// A node of that name, compared case-insensitively (the unique index).
Result<bool> nodeNameTaken(store::Database &db, const QString &name, const QString &exceptId = {});

struct NodeFilter
{
    QString search; // name, description, ip contain it
    QString label;  // exactly one of the labels
    // Enrolment: "" any, "pending" (no agent yet), "enrolled".
    QString enrolment;
    qint64 limit = 20;
    qint64 offset = 0;
};
// Ordered by name.
Result<store::Page<NodeRow>> listNodes(store::Database &db, const NodeFilter &filter);
// The ids of every node the filter matches (its limit and offset aside),
// in the list's order: for filters the database cannot see (online).
Result<QStringList> nodeIdsMatching(store::Database &db, const NodeFilter &filter);
// These nodes, in the order of `ids` (unknown ids are left out).
Result<QList<NodeRow>> nodesByIds(store::Database &db, const QStringList &ids);
// How many nodes there are and how many have an agent's key.
struct NodeCounts
{
    qint64 total = 0;
    qint64 enrolled = 0;
};
Result<NodeCounts> nodeCounts(store::Database &db);
// Every node's id, for the online count and the event feed.
Result<QList<NodeRow>> allNodes(store::Database &db);

Status updateNodeInfo(store::Database &db, const QString &id, const QString &name,
                      const QString &description, const QString &labels, const QString &ip);
// 0 when there was no such node.
Result<int> deleteNode(store::Database &db, const QString &id);

// The node's one enrolment secret (a new one replaces an older).
Status replaceEnrolment(store::Database &db, const QString &nodeId, const QString &secretHash,
                        qint64 expiresAt);
struct Enrolment
{
    QString nodeId;
    qint64 expiresAt = 0;
};
Result<std::optional<Enrolment>> enrolmentBySecretHash(store::Database &db,
                                                       const QString &secretHash);
// Deletes the secret; 1 when this call used it, 0 when it was already
// gone (another enrolment won the race): the caller's check.
Result<int> consumeEnrolment(store::Database &db, const QString &secretHash);
// The identity and facts of an enrolled agent (replaces an earlier key).
Status setNodeIdentity(store::Database &db, const QString &id, const QByteArray &publicKey,
                       const QString &fingerprint, const NodeFacts &facts, qint64 enrolledAt);
// A new enrolment secret revokes the key: the old agent can no longer sign
// in, the new one enrols.
Status clearNodeIdentity(store::Database &db, const QString &id);
Status setNodeSeen(store::Database &db, const QString &id, qint64 seenAt,
                   const QString &agentVersion, const QString &capabilities);
// The same statement for the write-behind queue (an agent's hello).
// Parameters: seen at, agent version, capabilities, node id.
QString nodeHelloSql();

// The statement the queue runs at each report-log checkpoint after the
// node's minutes (last seen, last seq; a stored last_seq has its report
// stored, in its minute or in the log).
// Parameters: seen at, seq, node id.
QString nodeSeenSql();
// The report log's fold at start-up (MetricHistory.h): raises last_seq to
// what the log held.
Status raiseLastSeq(store::Database &db, const QString &nodeId, qint64 seq);

} // namespace hm::server::repositories
