#include "engine_store/ExecutionRecovery.h"

#include "common/Logging.h"
#include "store/Database.h"

#include <QJsonDocument>

namespace hm::engine::persistence {

namespace {

// Executions recovery ends: in flight at the crash, or queued while their
// queue row never reached the disk (nothing would ever start them).
const QString kUnfinished = QStringLiteral(
    "(status IN ('pending', 'running', 'cancelling')"
    " OR (status = 'queued' AND id NOT IN (SELECT execution_id FROM execution_queue)))");

Result<QStringList> column(store::Database &db, const QString &sql)
{
    QStringList values;
    const Status read =
        db.forEachRow(sql, {}, [&values](const store::Statement &row) { values << row.text(0); });
    if (!read.ok())
        return read.error();
    return values;
}

} // namespace

Result<QList<QueuedRequest>> loadQueue(store::Database &db)
{
    QList<QueuedRequest> queue;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT execution_id, flow_id, flow_version, scope_key, inputs,"
                       " coalesce(triggered_by, ''), queued_at, sequence, priority, timeout_ms"
                       " FROM execution_queue ORDER BY sequence"),
        {}, [&queue](const store::Statement &s) {
            QueuedRequest request;
            request.executionId = s.text(0);
            request.flowId = s.text(1);
            request.flowVersion = s.text(2);
            request.scopeKey = s.text(3);
            request.inputs = QJsonDocument::fromJson(s.text(4).toUtf8()).object();
            request.triggeredBy = s.text(5);
            request.queuedAtMs = s.int64(6);
            request.sequence = s.int64(7);
            request.priority = static_cast<int>(s.int64(8));
            request.timeoutMs = s.int64(9);
            queue << request;
        });
    if (!read.ok())
        return read.error();
    return queue;
}

Result<RecoveryReport> recoverExecutions(store::Database &db, qint64 nowMs)
{
    Result<store::Transaction> txn = db.begin();
    if (!txn.ok())
        return txn.error();

    RecoveryReport report;
    Result<QStringList> interrupted =
        column(db, u"SELECT id FROM executions WHERE " + kUnfinished + u" ORDER BY id");
    if (!interrupted.ok())
        return interrupted.error();
    report.interrupted = interrupted.value();

    Result<QStringList> stale =
        column(db, QStringLiteral("SELECT q.execution_id FROM execution_queue q JOIN executions e"
                                  " ON e.id = q.execution_id"
                                  " WHERE e.status IN ('completed', 'failed', 'cancelled')"
                                  " ORDER BY q.sequence"));
    if (!stale.ok())
        return stale.error();
    report.staleQueued = stale.value();

    // Node rows first: the execution UPDATE below changes the set kUnfinished selects.
    const QString ofInterrupted =
        u" AND execution_id IN (SELECT id FROM executions WHERE " + kUnfinished + u')';
    const QString nodeDuration = QStringLiteral(
        "duration_ms = CASE WHEN started_at IS NULL THEN NULL ELSE max(0, ?1 - started_at) END");
    const Status nodesFailed = db.execute(
        u"UPDATE node_executions SET status = 'failed', error_code = ?2, error_message = ?3,"
        " ended_at = ?1, " +
            nodeDuration + u" WHERE status = 'running'" + ofInterrupted,
        {nowMs, kRecoveryErrorCode, kRecoveryErrorMessage});
    if (!nodesFailed.ok())
        return nodesFailed.error();
    const Status nodesCancelled =
        db.execute(u"UPDATE node_executions SET status = 'cancelled',"
                   " ended_at = ?1, " +
                       nodeDuration + u" WHERE status = 'pending'" + ofInterrupted,
                   {nowMs});
    if (!nodesCancelled.ok())
        return nodesCancelled.error();

    const Status ended = db.execute(
        u"UPDATE executions SET status = 'failed', cancel_reason = ?2, error_code = ?3,"
        " error_message = ?4, ended_at = ?1,"
        " duration_ms = CASE WHEN started_at IS NULL THEN NULL ELSE max(0, ?1 - started_at) END"
        " WHERE " +
            kUnfinished,
        {nowMs, kRecoveryCancelReason, kRecoveryErrorCode, kRecoveryErrorMessage});
    if (!ended.ok())
        return ended.error();

    const Status dropped = db.execute(
        QStringLiteral("DELETE FROM execution_queue WHERE execution_id IN (SELECT id FROM"
                       " executions WHERE status IN ('completed', 'failed', 'cancelled'))"),
        {});
    if (!dropped.ok())
        return dropped.error();

    Result<QList<QueuedRequest>> queue = loadQueue(db);
    if (!queue.ok())
        return queue.error();
    report.queue = std::move(queue.value());

    const Status committed = txn.value().commit();
    if (!committed.ok())
        return committed.error();
    if (!report.interrupted.isEmpty() || !report.staleQueued.isEmpty())
        qCInfo(lcEngine) << "recovery ended" << report.interrupted.size()
                         << "interrupted executions and dropped" << report.staleQueued.size()
                         << "stale queue rows;" << report.queue.size() << "requests still queued";
    return report;
}

} // namespace hm::engine::persistence
