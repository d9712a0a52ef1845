#include "server/repositories/TaskRepository.h"

#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/SelectPage.h"

#include <QJsonDocument>
#include <QUuid>

namespace hm::server::repositories {

namespace {

QJsonObject taskJsonColumn(const store::Statement &s, int col)
{
    return s.isNull(col) ? QJsonObject()
                         : QJsonDocument::fromJson(s.text(col).toUtf8()).object();
}

// The task flows' ids, as a range the (flow_id, created_at) index can scan:
// every id starting with the prefix sorts between these two.
const QString kTaskFlowIdsFrom = QStringLiteral("task-");
const QString kTaskFlowIdsTo = QStringLiteral("task.");

// The namespace of the task flows' name-based ids (a fixed random UUID).
const QUuid kTaskFlowNamespace(QStringLiteral("6f1d2c0e-8b9a-4c57-9e3f-2a7d5b14c8e1"));

} // namespace

QString taskFlowId(const QString &ownerId, const QString &definition, const QString &settings)
{
    // Newline-separated: an owner id holds no newline, and the compact JSON
    // documents hold none either, so the parts cannot run into each other.
    const QString content = ownerId + u'\n' + definition + u'\n' + settings;
    return QString(kTaskFlowPrefix)
           + QUuid::createUuidV5(kTaskFlowNamespace, content).toString(QUuid::WithoutBraces);
}

Status insertTaskFlow(store::Database &db, const NewTaskFlow &flow)
{
    Result<store::Transaction> txn = db.begin();
    if (!txn)
        return txn.error();
    if (Status inserted = db.execute(
            QStringLiteral("INSERT OR IGNORE INTO flows (id, name, owner_id, history_level, created_at,"
                           " updated_at, deleted_at) VALUES (?, ?, ?, 'all', ?, ?, ?)"),
            {flow.id, flow.name, flow.ownerId, flow.createdAt, flow.createdAt, flow.createdAt});
        !inserted)
        return inserted;
    if (Status touched = db.execute(QStringLiteral("UPDATE flows SET updated_at = ? WHERE id = ?"),
                                    {flow.createdAt, flow.id});
        !touched)
        return touched;
    if (Status version = db.execute(
            QStringLiteral("INSERT OR IGNORE INTO flow_versions (id, flow_id, version, status, definition,"
                           " settings, created_by, created_at, published_at)"
                           " VALUES (?, ?, '1', 'published', ?, ?, ?, ?, ?)"),
            {QUuid::createUuid().toString(QUuid::WithoutBraces), flow.id, flow.definition,
             flow.settings, flow.ownerId, flow.createdAt, flow.createdAt});
        !version)
        return version;
    return txn.value().commit();
}

Result<qint64> deleteUnusedTaskFlows(store::Database &db, qint64 usedBefore, int limit)
{
    // The id range keeps this to task flows (retired at birth: deleted_at is
    // always set); NOT EXISTS reads the (flow_id, …) indexes of both tables.
    if (Status deleted = db.execute(
            QStringLiteral(
                "DELETE FROM flows WHERE id IN (SELECT f.id FROM flows f"
                " WHERE f.id >= ? AND f.id < ? AND f.deleted_at IS NOT NULL AND f.updated_at < ?"
                " AND NOT EXISTS (SELECT 1 FROM executions e WHERE e.flow_id = f.id)"
                " AND NOT EXISTS (SELECT 1 FROM execution_queue q WHERE q.flow_id = f.id)"
                " LIMIT ?)"),
            {kTaskFlowIdsFrom, kTaskFlowIdsTo, usedBefore, limit});
        !deleted)
        return deleted.error();
    return qint64(db.changes());
}

Result<store::Page<TaskRow>> listTasks(store::Database &db, const auth::Principal &caller,
                                       const Paging &paging)
{
    store::PagedQuery query;
    query.columns = QStringLiteral(
        "SELECT e.id, f.owner_id, e.status, e.triggered_by, e.created_at, e.ended_at,"
        " e.error_code, e.error_message, e.trigger_input, e.outputs");
    query.from = QStringLiteral("FROM executions e JOIN flows f ON f.id = e.flow_id");
    query.countFrom = query.from;
    query.conditions << QStringLiteral("e.flow_id >= ? AND e.flow_id < ?");
    query.binds << kTaskFlowIdsFrom << kTaskFlowIdsTo;
    if (caller.role != auth::Role::Admin) {
        query.conditions << QStringLiteral("f.owner_id = ?");
        query.binds << caller.userId;
    }
    query.orderBy = QStringLiteral("ORDER BY e.created_at DESC, e.id");
    query.limit = paging.size;
    query.offset = paging.offset();
    return store::selectPageAs(db, query, [](const store::Statement &s) {
        TaskRow row;
        row.executionId = s.text(0);
        row.ownerId = s.text(1);
        row.status = s.text(2);
        row.triggeredBy = store::optionalText(s, 3).value_or(QString());
        row.createdAt = s.int64(4);
        if (!s.isNull(5))
            row.endedAt = s.int64(5);
        row.errorCode = store::optionalText(s, 6).value_or(QString());
        row.errorMessage = store::optionalText(s, 7).value_or(QString());
        row.triggerInput = taskJsonColumn(s, 8);
        row.outputs = taskJsonColumn(s, 9);
        return row;
    });
}

} // namespace hm::server::repositories
