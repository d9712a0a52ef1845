#include "engine/persistence/StoreExecutionJournal.h"

#include "common/Logging.h"
#include "engine/persistence/JsonColumn.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hm::engine::persistence {

namespace {

// Namespace of the node row ids (UUIDv5); any fixed UUID would do.
const QUuid kNodeRowNamespace = QUuid(QStringLiteral("{6f1c3a52-8d0e-4b7a-9c55-2f64e1d0b7a3}"));

qint64 durationMs(qint64 startedAtMs, qint64 endedAtMs)
{
    return startedAtMs > 0 && endedAtMs >= startedAtMs ? endedAtMs - startedAtMs : -1;
}

QVariant durationOrNull(qint64 startedAtMs, qint64 endedAtMs)
{
    const qint64 ms = durationMs(startedAtMs, endedAtMs);
    return ms < 0 ? QVariant() : QVariant(ms);
}

} // namespace

StoreExecutionJournal::StoreExecutionJournal(store::WriteBehindQueue &queue) : m_queue(queue) {}

QString StoreExecutionJournal::nodeRowId(const QString &executionId, const QString &nodeId)
{
    return QUuid::createUuidV5(kNodeRowNamespace, executionId + u'/' + nodeId)
        .toString(QUuid::WithoutBraces);
}

void StoreExecutionJournal::enqueue(store::WriteOp op)
{
    // Blocks only while the queue is full. Failing means the queue was
    // stopped (shutdown): the row is lost, which recovery copes with.
    const Status status = m_queue.enqueue(std::move(op));
    if (!status.ok())
        qCWarning(lcEngine) << "execution journal write dropped:" << status.error().toString();
}

void StoreExecutionJournal::recordExecution(const ExecutionRecord &r)
{
    const QVariant triggerInput = cappedJson(r.triggerInput);
    const QVariant outputs = r.outputs.isEmpty() ? QVariant() : QVariant(maskedJson(r.outputs));
    const QString historyLevel = r.historyLevel.isEmpty() ? QStringLiteral("all") : r.historyLevel;
    const QVariant duration = durationOrNull(r.startedAtMs, r.endedAtMs);

    // The first record of an execution inserts the row; later ones find it
    // and the UPDATE below carries the change. Both ops are idempotent, so
    // a batch split between them or a re-run batch does no harm.
    enqueue(
        {QStringLiteral(
             "INSERT OR IGNORE INTO executions (id, flow_id, flow_version, status,"
             " trigger_key, trigger_input, triggered_by, cancel_reason, error_code,"
             " error_message, outputs, rerun_of, history_level, created_at, started_at,"
             " ended_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
         {r.id, r.flowId, r.flowVersion, r.status, textOrNull(r.triggerKey), triggerInput,
          textOrNull(r.triggeredBy), textOrNull(r.cancelReason), textOrNull(r.errorCode),
          textOrNull(r.errorMessage), outputs, textOrNull(r.rerunOf), historyLevel, r.createdAtMs,
          msOrNull(r.startedAtMs), msOrNull(r.endedAtMs), duration}});
    enqueue({QStringLiteral("UPDATE executions SET flow_id = ?, flow_version = ?, status = ?,"
                            " trigger_key = ?, trigger_input = ?, triggered_by = ?,"
                            " cancel_reason = ?, error_code = ?, error_message = ?, outputs = ?,"
                            " rerun_of = ?, history_level = ?, created_at = ?, started_at = ?,"
                            " ended_at = ?, duration_ms = ? WHERE id = ?"),
             {r.flowId, r.flowVersion, r.status, textOrNull(r.triggerKey), triggerInput,
              textOrNull(r.triggeredBy), textOrNull(r.cancelReason), textOrNull(r.errorCode),
              textOrNull(r.errorMessage), outputs, textOrNull(r.rerunOf), historyLevel,
              r.createdAtMs, msOrNull(r.startedAtMs), msOrNull(r.endedAtMs), duration, r.id}});
}

void StoreExecutionJournal::recordNode(const NodeRecord &r)
{
    const QVariant inputs = r.inputs.isEmpty() ? QVariant() : QVariant(maskedJson(r.inputs));
    const QVariant outputs = r.outputs.isEmpty() ? QVariant() : QVariant(maskedJson(r.outputs));
    // The lines were masked by the scheduler; a JSON array of strings.
    const QVariant logs =
        r.logs.isEmpty()
            ? QVariant()
            : QVariant(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(r.logs))
                                             .toJson(QJsonDocument::Compact)));
    enqueue({QStringLiteral(
                 "INSERT OR REPLACE INTO node_executions (id, execution_id, node_id, component,"
                 " version, status, attempt, skip_reason, inputs, outputs, error_code,"
                 " error_message, started_at, ended_at, duration_ms, logs)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
             {nodeRowId(r.executionId, r.nodeId), r.executionId, r.nodeId, r.component, r.version,
              r.status, r.attempt, textOrNull(r.skipReason), inputs, outputs,
              textOrNull(r.errorCode), textOrNull(r.errorMessage), msOrNull(r.startedAtMs),
              msOrNull(r.endedAtMs), durationOrNull(r.startedAtMs, r.endedAtMs), logs}});
}

void StoreExecutionJournal::recordQueued(const QueuedRequest &q)
{
    // Not masked and not capped: these inputs start the execution later.
    const QString inputs =
        QString::fromUtf8(QJsonDocument(q.inputs).toJson(QJsonDocument::Compact));
    enqueue({QStringLiteral("INSERT OR REPLACE INTO execution_queue (execution_id, flow_id,"
                            " flow_version, scope_key, inputs, triggered_by, queued_at, sequence)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
             {q.executionId, q.flowId, q.flowVersion, q.scopeKey, inputs, textOrNull(q.triggeredBy),
              q.queuedAtMs, q.sequence}});
}

void StoreExecutionJournal::removeQueued(const QString &executionId)
{
    enqueue({QStringLiteral("DELETE FROM execution_queue WHERE execution_id = ?"), {executionId}});
}

} // namespace hm::engine::persistence
