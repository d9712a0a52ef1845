#include "engine_store/StoredNodes.h"

#include "engine_store/PackedNodeStates.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

namespace hm::engine::persistence {

namespace {

const QString kRowColumns = QStringLiteral(
    "node_id, component, version, status, attempt, skip_reason, inputs, outputs, error_code,"
    " error_message, started_at, ended_at, duration_ms, logs");

QJsonValue jsonColumn(const store::Statement &s, int col)
{
    if (s.isNull(col))
        return QJsonValue();
    const QJsonDocument doc = QJsonDocument::fromJson(s.text(col).toUtf8());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

qint64 msColumn(const store::Statement &s, int col)
{
    return s.isNull(col) ? 0 : s.int64(col);
}

StoredNode fromRow(const store::Statement &s)
{
    StoredNode n;
    n.nodeId = s.text(0);
    n.component = s.text(1);
    n.version = s.text(2);
    n.status = s.text(3);
    n.attempt = s.int64(4);
    n.skipReason = s.isNull(5) ? QString() : s.text(5);
    n.inputs = jsonColumn(s, 6);
    n.outputs = jsonColumn(s, 7);
    n.errorCode = s.isNull(8) ? QString() : s.text(8);
    n.errorMessage = s.isNull(9) ? QString() : s.text(9);
    n.startedAtMs = msColumn(s, 10);
    n.endedAtMs = msColumn(s, 11);
    n.durationMs = s.isNull(12) ? -1 : s.int64(12);
    n.logs = jsonColumn(s, 13);
    return n;
}

Result<QList<StoredNode>> packedStates(store::Database &db, const QString &executionId)
{
    auto row = db.selectOne(QStringLiteral("SELECT node_states FROM executions WHERE id = ?"),
                            {executionId});
    if (!row)
        return row.error();
    if (!row.value() || row.value()->isNull(0))
        return QList<StoredNode>();
    return readPackedNodeStates(row.value()->text(0));
}

} // namespace

Result<QList<StoredNode>> loadStoredNodes(store::Database &db, const QString &executionId)
{
    QList<StoredNode> nodes;
    QSet<QString> fromRows;
    const Status read =
        db.forEachRow(u"SELECT " + kRowColumns + u" FROM node_executions WHERE execution_id = ?",
                      {executionId}, [&](const store::Statement &s) {
                          nodes.append(fromRow(s));
                          fromRows.insert(nodes.last().nodeId);
                      });
    if (!read)
        return read.error();
    auto packed = packedStates(db, executionId);
    if (!packed)
        return packed.error();
    for (StoredNode &node : packed.value()) {
        if (!node.nodeId.isEmpty() && !fromRows.contains(node.nodeId))
            nodes.append(std::move(node));
    }
    std::sort(nodes.begin(), nodes.end(), [](const StoredNode &a, const StoredNode &b) {
        return a.startedAtMs != b.startedAtMs ? a.startedAtMs < b.startedAtMs : a.nodeId < b.nodeId;
    });
    return nodes;
}

Result<std::optional<StoredNode>> loadStoredNode(store::Database &db, const QString &executionId,
                                                 const QString &nodeId)
{
    auto row = db.selectOne(u"SELECT " + kRowColumns +
                                u" FROM node_executions WHERE execution_id = ? AND node_id = ?",
                            {executionId, nodeId});
    if (!row)
        return row.error();
    if (row.value())
        return std::optional<StoredNode>(fromRow(*row.value()));
    auto packed = packedStates(db, executionId);
    if (!packed)
        return packed.error();
    for (StoredNode &node : packed.value()) {
        if (node.nodeId == nodeId)
            return std::optional<StoredNode>(std::move(node));
    }
    return std::optional<StoredNode>();
}

} // namespace hm::engine::persistence
