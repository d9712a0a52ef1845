#include "server/repositories/NodeRepository.h"

#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/Like.h"
#include "store/SelectOne.h"
#include "store/SelectPage.h"

#include <QHash>
#include <QVariant>
#include <algorithm>

namespace hm::server::repositories {

using store::optionalInt;
using store::textOrNull;

namespace {

const QString kNodeColumns = QStringLiteral(
    "id, name, description, labels, public_key, fingerprint, ip, os, arch, cpu_cores, cpu_model, "
    "memory_total, disk_total, system_info, agent_version, capabilities, last_seq, last_seen_at, "
    "enrolled_at, created_by, created_at");

QString nodeText(const store::Statement &s, int column)
{
    return s.isNull(column) ? QString() : s.text(column);
}

NodeRow readNode(const store::Statement &s)
{
    NodeRow row;
    row.id = s.text(0);
    row.name = s.text(1);
    row.description = nodeText(s, 2);
    row.labels = s.text(3);
    row.publicKey = s.isNull(4) ? QByteArray() : s.blob(4);
    row.fingerprint = nodeText(s, 5);
    row.facts.ip = nodeText(s, 6);
    row.facts.os = nodeText(s, 7);
    row.facts.arch = nodeText(s, 8);
    row.facts.cpuCores = s.isNull(9) ? 0 : s.int64(9);
    row.facts.cpuModel = nodeText(s, 10);
    row.facts.memoryTotal = s.isNull(11) ? 0 : s.int64(11);
    row.facts.diskTotal = s.isNull(12) ? 0 : s.int64(12);
    row.facts.systemInfo = nodeText(s, 13);
    row.facts.agentVersion = nodeText(s, 14);
    row.facts.capabilities = s.text(15);
    row.lastSeq = s.int64(16);
    row.lastSeenAt = optionalInt(s, 17);
    row.enrolledAt = optionalInt(s, 18);
    row.createdBy = nodeText(s, 19);
    row.createdAt = s.int64(20);
    return row;
}

// The WHERE conditions and binds of a filter.
void applyNodeFilter(const NodeFilter &filter, QStringList &conditions, QVariantList &binds)
{
    if (!filter.search.isEmpty()) {
        conditions << store::likeAnyCondition({u"name", u"description", u"ip"}, filter.search,
                                              binds);
    }
    if (!filter.label.isEmpty()) {
        // Labels are a JSON array of strings that FleetService wrote from
        // names without quotes or backslashes: the quoted name is exact.
        conditions << QStringLiteral("instr(labels, ?) > 0");
        binds << QVariant(QStringLiteral("\"") + filter.label + QStringLiteral("\""));
    }
    if (filter.enrolment == QLatin1String("pending"))
        conditions << QStringLiteral("public_key IS NULL");
    else if (filter.enrolment == QLatin1String("enrolled"))
        conditions << QStringLiteral("public_key IS NOT NULL");
}

} // namespace

Status insertNode(store::Database &db, const NewNode &node)
{
    return db.execute(QStringLiteral("INSERT INTO fleet_nodes (id, name, description, labels, "
                                     "created_by, created_at, ip) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                      {node.id, node.name, textOrNull(node.description), node.labels,
                       textOrNull(node.createdBy), node.createdAt, textOrNull(node.ip)});
}

Result<std::optional<NodeRow>> nodeById(store::Database &db, const QString &id)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT ") + kNodeColumns +
                                  QStringLiteral(" FROM fleet_nodes WHERE id = ?"),
                              {id}, readNode);
}

Result<bool> nodeNameTaken(store::Database &db, const QString &name, const QString &exceptId)
{
    auto row = db.selectOne(QStringLiteral("SELECT 1 FROM fleet_nodes WHERE name = ? COLLATE "
                                           "NOCASE AND id != ?"),
                            {name, exceptId});
    if (!row)
        return row.error();
    return row.value().has_value();
}

Result<QStringList> nodeIdsMatching(store::Database &db, const NodeFilter &filter)
{
    QStringList conditions;
    QVariantList binds;
    applyNodeFilter(filter, conditions, binds);
    QString sql = QStringLiteral("SELECT id FROM fleet_nodes");
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY name COLLATE NOCASE, id");
    QStringList ids;
    const Status read =
        db.forEachRow(sql, binds, [&ids](const store::Statement &s) { ids << s.text(0); });
    if (!read)
        return read.error();
    return ids;
}

Result<QList<NodeRow>> nodesByIds(store::Database &db, const QStringList &ids)
{
    QHash<QString, NodeRow> found;
    // A page at a time: far below SQLite's 999 bound parameters.
    for (qsizetype at = 0; at < ids.size(); at += 200) {
        const QStringList chunk = ids.mid(at, 200);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        QVariantList binds(chunk.begin(), chunk.end());
        const Status read = db.forEachRow(QStringLiteral("SELECT ") + kNodeColumns +
                                              QStringLiteral(" FROM fleet_nodes WHERE id IN (") +
                                              marks.join(u',') + u')',
                                          binds, [&found](const store::Statement &s) {
                                              NodeRow row = readNode(s);
                                              found.insert(row.id, row);
                                          });
        if (!read)
            return read.error();
    }
    QList<NodeRow> rows;
    for (const QString &id : ids) {
        if (found.contains(id))
            rows.append(found.value(id));
    }
    return rows;
}

Result<store::Page<NodeRow>> listNodes(store::Database &db, const NodeFilter &filter)
{
    store::PagedQuery query;
    query.columns = QStringLiteral("SELECT ") + kNodeColumns;
    query.from = QStringLiteral("FROM fleet_nodes");
    applyNodeFilter(filter, query.conditions, query.binds);
    query.orderBy = QStringLiteral("ORDER BY name COLLATE NOCASE, id");
    query.limit = filter.limit;
    query.offset = filter.offset;
    return store::selectPageAs(db, query, readNode);
}

Result<NodeCounts> nodeCounts(store::Database &db)
{
    auto counts = store::selectOneAs(
        db, QStringLiteral("SELECT COUNT(*), COUNT(public_key) FROM fleet_nodes"), {},
        [](const store::Statement &s) {
            return NodeCounts{s.int64(0), s.int64(1)};
        });
    if (!counts)
        return counts.error();
    return counts.value().value_or(NodeCounts{});
}

Result<QList<NodeRow>> allNodes(store::Database &db)
{
    QList<NodeRow> rows;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT ") + kNodeColumns +
                          QStringLiteral(" FROM fleet_nodes ORDER BY name"),
                      {}, [&rows](const store::Statement &s) { rows.append(readNode(s)); });
    if (!read)
        return read.error();
    return rows;
}

Status updateNodeInfo(store::Database &db, const QString &id, const QString &name,
                      const QString &description, const QString &labels, const QString &ip)
{
    return db.execute(
        QStringLiteral("UPDATE fleet_nodes SET name = ?, description = ?, labels = ?, "
                       "ip = ? WHERE id = ?"),
        {name, textOrNull(description), labels, textOrNull(ip), id});
}

Result<int> deleteNode(store::Database &db, const QString &id)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM fleet_nodes WHERE id = ?"), {id}); !s)
        return s.error();
    return db.changes();
}

Status replaceEnrolment(store::Database &db, const QString &nodeId, const QString &secretHash,
                        qint64 expiresAt)
{
    if (Status s =
            db.execute(QStringLiteral("DELETE FROM fleet_enrolments WHERE node_id = ?"), {nodeId});
        !s)
        return s;
    return db.execute(QStringLiteral("INSERT INTO fleet_enrolments (node_id, secret_hash, "
                                     "expires_at) VALUES (?, ?, ?)"),
                      {nodeId, secretHash, expiresAt});
}

Result<std::optional<Enrolment>> enrolmentBySecretHash(store::Database &db,
                                                       const QString &secretHash)
{
    return store::selectOneAs(
        db,
        QStringLiteral("SELECT node_id, expires_at FROM fleet_enrolments WHERE secret_hash = ?"),
        {secretHash}, [](const store::Statement &s) {
            return Enrolment{s.text(0), s.int64(1)};
        });
}

Result<int> consumeEnrolment(store::Database &db, const QString &secretHash)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM fleet_enrolments WHERE secret_hash = ?"),
                              {secretHash});
        !s)
        return s.error();
    return db.changes();
}

Status setNodeIdentity(store::Database &db, const QString &id, const QByteArray &publicKey,
                       const QString &fingerprint, const NodeFacts &facts, qint64 enrolledAt)
{
    return db.execute(
        QStringLiteral("UPDATE fleet_nodes SET public_key = ?, fingerprint = ?, ip = ?, os = ?, "
                       "arch = ?, cpu_cores = ?, cpu_model = ?, memory_total = ?, disk_total = ?, "
                       "system_info = ?, agent_version = ?, capabilities = ?, enrolled_at = ?, "
                       "last_seq = 0 WHERE id = ?"),
        {publicKey, fingerprint, textOrNull(facts.ip), textOrNull(facts.os), textOrNull(facts.arch),
         facts.cpuCores, textOrNull(facts.cpuModel), facts.memoryTotal, facts.diskTotal,
         textOrNull(facts.systemInfo), textOrNull(facts.agentVersion), facts.capabilities,
         enrolledAt, id});
}

Status clearNodeIdentity(store::Database &db, const QString &id)
{
    return db.execute(
        QStringLiteral("UPDATE fleet_nodes SET public_key = NULL, fingerprint = NULL WHERE id = ?"),
        {id});
}

Status setNodeSeen(store::Database &db, const QString &id, qint64 seenAt,
                   const QString &agentVersion, const QString &capabilities)
{
    return db.execute(nodeHelloSql(), {seenAt, agentVersion, capabilities, id});
}

QString nodeHelloSql()
{
    return QStringLiteral("UPDATE fleet_nodes SET last_seen_at = ?, agent_version = ?, "
                          "capabilities = ? WHERE id = ?");
}

QString nodeSeenSql()
{
    return QStringLiteral(
        "UPDATE fleet_nodes SET last_seen_at = ?, last_seq = MAX(last_seq, ?) WHERE id = ?");
}

Status raiseLastSeq(store::Database &db, const QString &nodeId, qint64 seq)
{
    return db.execute(QStringLiteral("UPDATE fleet_nodes SET last_seq = MAX(last_seq, ?) WHERE id = ?"),
                      {seq, nodeId});
}

} // namespace hm::server::repositories
