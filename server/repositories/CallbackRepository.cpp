#include "server/repositories/CallbackRepository.h"

#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/SelectOne.h"

namespace hm::server::repositories {

namespace {

const QString kCallbackColumns =
    QStringLiteral("execution_id, url, secret, status, payload, attempts, next_attempt_at, "
                   "last_status, last_error, created_at, updated_at");

const DeliveryTables kCallbackTables{
    QStringLiteral("execution_callbacks"), QStringLiteral("execution_id"),
    QStringLiteral("execution_callback_attempts"), QStringLiteral("execution_id")};

CallbackRow readCallbackRow(const store::Statement &s)
{
    CallbackRow row;
    row.executionId = s.text(0);
    row.url = s.text(1);
    row.secret = s.text(2);
    row.status = s.text(3);
    row.payload = s.text(4); // NULL (still waiting) reads as an empty text
    row.attempts = int(s.int64(5));
    row.nextAttemptAt = s.isNull(6) ? 0 : s.int64(6);
    row.lastStatus = s.isNull(7) ? 0 : int(s.int64(7));
    row.lastError = s.text(8);
    row.createdAt = s.int64(9);
    row.updatedAt = s.int64(10);
    return row;
}

} // namespace

Status insertCallback(store::Database &db, const CallbackRow &row)
{
    return db.execute(QStringLiteral("INSERT INTO execution_callbacks (") + kCallbackColumns +
                          QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {row.executionId, row.url, row.secret, row.status,
                       store::textOrNull(row.payload), row.attempts,
                       row.nextAttemptAt > 0 ? QVariant(row.nextAttemptAt) : QVariant(), QVariant(),
                       QVariant(), row.createdAt, row.updatedAt});
}

Result<bool> markCallbackPending(store::Database &db, const QString &executionId,
                                 const QString &payload, qint64 atMs)
{
    const Status changed =
        db.execute(QStringLiteral("UPDATE execution_callbacks SET status = 'pending', payload = ?, "
                                  "next_attempt_at = ?, updated_at = ? "
                                  "WHERE execution_id = ? AND status = 'waiting'"),
                   {payload, atMs, atMs, executionId});
    if (!changed)
        return changed.error();
    return db.changes() > 0;
}

Status recordCallbackAttempt(store::Database &db, const CallbackRow &row,
                             const CallbackAttempt &attempt)
{
    return recordDeliveryAttempt(
        db, kCallbackTables, row.executionId,
        {row.status, row.attempts, row.nextAttemptAt, row.lastStatus, row.lastError, row.updatedAt},
        attempt);
}

Result<QList<CallbackRow>> callbacksWithStatus(store::Database &db, const QString &status)
{
    QList<CallbackRow> rows;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT ") + kCallbackColumns +
            QStringLiteral(" FROM execution_callbacks WHERE status "
                           "= ? ORDER BY created_at"),
        {status}, [&rows](const store::Statement &s) { rows.append(readCallbackRow(s)); });
    if (!read)
        return read.error();
    return rows;
}

Result<std::optional<CallbackRow>> callbackByExecution(store::Database &db,
                                                       const QString &executionId)
{
    return store::selectOneAs(
        db,
        QStringLiteral("SELECT ") + kCallbackColumns +
            QStringLiteral(" FROM execution_callbacks WHERE execution_id = ?"),
        {executionId}, readCallbackRow);
}

Result<QList<CallbackAttempt>> callbackAttempts(store::Database &db, const QString &executionId)
{
    return deliveryAttempts(db, kCallbackTables, executionId);
}

} // namespace hm::server::repositories
