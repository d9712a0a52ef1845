#include "server/repositories/RetentionRepository.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace hm::server::repositories {

namespace {

// Written out rather than IN (...): SQLite 3.15 checks an IN list through a
// temporary B-tree per statement (docs/engine-persistence.md).
// An execution whose trigger callback is still to be delivered (waiting or
// pending: retried, or sent after a restart) stays until it is delivered or
// given up: its row goes with the execution's (one primary key look-up).
const QString kRetentionEnded =
    QStringLiteral("(status = 'completed' OR status = 'failed' OR status = 'cancelled') "
                   "AND NOT EXISTS (SELECT 1 FROM execution_callbacks WHERE "
                   "execution_callbacks.execution_id = id AND "
                   "(execution_callbacks.status = 'waiting' OR "
                   "execution_callbacks.status = 'pending')) "
                   "AND ended_at IS NOT NULL AND ended_at < ");

std::optional<qint64> retentionColumn(const store::Statement &st, int col)
{
    if (st.isNull(col))
        return std::nullopt;
    return st.int64(col);
}

QVariant retentionBind(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant();
}

Result<QStringList> executionIds(store::Database &db, const QString &sql, const QVariantList &binds)
{
    QStringList out;
    const Status s =
        db.forEachRow(sql, binds, [&out](const store::Statement &st) { out.append(st.text(0)); });
    if (!s)
        return s.error();
    return out;
}

} // namespace

Result<FlowRetentionRow> flowRetention(store::Database &db, const QString &flowId)
{
    auto row = db.selectOne(
        QStringLiteral("SELECT retention_max_age_days, retention_max_executions FROM flows "
                       "WHERE id = ?1 AND deleted_at IS NULL"),
        {flowId});
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::FlowNotFound, QStringLiteral("flow %1 not found").arg(flowId)};
    return FlowRetentionRow{flowId, retentionColumn(*row.value(), 0),
                            retentionColumn(*row.value(), 1)};
}

Status saveFlowRetention(store::Database &db, const FlowRetentionRow &row)
{
    return db.execute(
        QStringLiteral("UPDATE flows SET retention_max_age_days = ?2, "
                       "retention_max_executions = ?3 WHERE id = ?1"),
        {row.flowId, retentionBind(row.maxAgeDays), retentionBind(row.maxExecutions)});
}

Result<QList<FlowRetentionRow>> allFlowRetention(store::Database &db)
{
    QList<FlowRetentionRow> rows;
    const Status s = db.forEachRow(
        QStringLiteral("SELECT id, retention_max_age_days, retention_max_executions FROM flows "
                       "ORDER BY id"),
        {}, [&rows](const store::Statement &st) {
            rows.append({st.text(0), retentionColumn(st, 1), retentionColumn(st, 2)});
        });
    if (!s)
        return s.error();
    return rows;
}

Result<QStringList> expiredExecutions(store::Database &db, const QString &flowId,
                                      qint64 createdBeforeMs, qint64 endedBeforeMs, int limit)
{
    // idx (flow_id, created_at, status): the range is read from the index.
    return executionIds(
        db,
        QStringLiteral("SELECT id FROM executions WHERE flow_id = ?1 AND created_at < ?2 "
                       "AND ") +
            kRetentionEnded + QStringLiteral("?3 ORDER BY created_at LIMIT ?4"),
        {flowId, createdBeforeMs, endedBeforeMs, limit});
}

Result<QStringList> surplusExecutions(store::Database &db, const QString &flowId, qint64 keep,
                                      qint64 endedBeforeMs, int limit)
{
    // The newest `keep` are skipped on the index; of the rest, the oldest
    // ended ones go first.
    return executionIds(
        db,
        QStringLiteral("SELECT id FROM (SELECT id, status, ended_at, created_at FROM "
                       "executions WHERE flow_id = ?1 ORDER BY created_at DESC "
                       "LIMIT -1 OFFSET ?2) WHERE ") +
            kRetentionEnded + QStringLiteral("?3 ORDER BY created_at LIMIT ?4"),
        {flowId, keep, endedBeforeMs, limit});
}

Result<QStringList> oldestExecutions(store::Database &db, qint64 endedBeforeMs, int limit)
{
    return executionIds(db,
                        QStringLiteral("SELECT id FROM executions WHERE ") + kRetentionEnded +
                            QStringLiteral("?1 ORDER BY created_at LIMIT ?2"),
                        {endedBeforeMs, limit});
}

namespace {

// "?1,?2,…,?count"
QString retentionIdParams(int count)
{
    QString list;
    for (int i = 1; i <= count; ++i) {
        if (i > 1)
            list += QLatin1Char(',');
        list += QStringLiteral("?%1").arg(i);
    }
    return list;
}

} // namespace

QString deleteExecutionsSql(int count)
{
    return QStringLiteral("DELETE FROM executions WHERE id IN (") + retentionIdParams(count) +
           QLatin1Char(')');
}

QString deleteExecutionCallbacksSql(int count)
{
    // Their tries follow by ON DELETE CASCADE.
    return QStringLiteral("DELETE FROM execution_callbacks WHERE execution_id IN (") +
           retentionIdParams(count) + QLatin1Char(')');
}

QString incrementalVacuumSql(int pages)
{
    return QStringLiteral("PRAGMA incremental_vacuum(%1)").arg(pages);
}

Result<StorePages> storePages(store::Database &db)
{
    StorePages pages;
    for (const auto &[sql, target] :
         {std::pair{QStringLiteral("PRAGMA page_size"), &pages.pageSize},
          std::pair{QStringLiteral("PRAGMA page_count"), &pages.pageCount},
          std::pair{QStringLiteral("PRAGMA freelist_count"), &pages.freePages}}) {
        auto value = db.queryInt(sql);
        if (!value)
            return value.error();
        *target = value.value();
    }
    auto mode = db.queryInt(QStringLiteral("PRAGMA auto_vacuum"));
    if (!mode)
        return mode.error();
    pages.autoVacuum = int(mode.value());
    return pages;
}

} // namespace hm::server::repositories
