#include "server/repositories/CallbackRepository.h"

#include "store/Database.h"
#include "store/SelectOne.h"

namespace hm::server::repositories {

namespace {

const QString kCallbackColumns =
    QStringLiteral("execution_id, url, secret, status, payload, attempts, next_attempt_at, "
                   "last_status, last_error, created_at, updated_at");

QVariant callbackTextOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QString callbackNullableText(const store::Statement &s, int column)
{
    return s.isNull(column) ? QString() : s.text(column);
}

CallbackRow readCallbackRow(const store::Statement &s)
{
    CallbackRow row;
    row.executionId = s.text(0);
    row.url = s.text(1);
    row.secret = s.text(2);
    row.status = s.text(3);
    row.payload = callbackNullableText(s, 4);
    row.attempts = int(s.int64(5));
    row.nextAttemptAt = s.isNull(6) ? 0 : s.int64(6);
    row.lastStatus = s.isNull(7) ? 0 : int(s.int64(7));
    row.lastError = callbackNullableText(s, 8);
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
                       callbackTextOrNull(row.payload), row.attempts,
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
    auto transaction = db.begin();
    if (!transaction)
        return transaction.error();
    if (Status s = db.execute(
            QStringLiteral("INSERT INTO execution_callback_attempts (execution_id, attempt, at, "
                           "http_status, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)"),
            {row.executionId, attempt.attempt, attempt.at,
             attempt.httpStatus > 0 ? QVariant(attempt.httpStatus) : QVariant(),
             callbackTextOrNull(attempt.error), attempt.durationMs});
        !s)
        return s;
    if (Status s = db.execute(
            QStringLiteral("UPDATE execution_callbacks SET status = ?, attempts = ?, "
                           "next_attempt_at = ?, last_status = ?, last_error = ?, updated_at = ? "
                           "WHERE execution_id = ?"),
            {row.status, row.attempts,
             row.nextAttemptAt > 0 ? QVariant(row.nextAttemptAt) : QVariant(),
             row.lastStatus > 0 ? QVariant(row.lastStatus) : QVariant(),
             callbackTextOrNull(row.lastError), row.updatedAt, row.executionId});
        !s)
        return s;
    return transaction.value().commit();
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
    QList<CallbackAttempt> attempts;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT attempt, at, http_status, error, duration_ms FROM "
                       "execution_callback_attempts WHERE execution_id = ? ORDER BY attempt"),
        {executionId}, [&attempts](const store::Statement &s) {
            attempts.append({int(s.int64(0)), s.int64(1), s.isNull(2) ? 0 : int(s.int64(2)),
                             callbackNullableText(s, 3), s.int64(4)});
        });
    if (!read)
        return read.error();
    return attempts;
}

} // namespace hm::server::repositories
