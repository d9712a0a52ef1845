#include "server/repositories/DeliveryAttempts.h"

#include "store/ColumnValues.h"
#include "store/Database.h"

#include <QVariant>

namespace hm::server::repositories {

namespace {

QVariant deliveryPositiveOrNull(qint64 value)
{
    return value > 0 ? QVariant(value) : QVariant();
}

} // namespace

Status recordDeliveryAttempt(store::Database &db, const DeliveryTables &tables, const QString &key,
                             const DeliveryState &state, const DeliveryAttempt &attempt)
{
    auto transaction = db.begin();
    if (!transaction)
        return transaction.error();
    if (Status s = db.execute(QStringLiteral("INSERT INTO ") + tables.attempts +
                                  QStringLiteral(" (") + tables.attemptKey +
                                  QStringLiteral(", attempt, at, http_status, error, duration_ms) "
                                                 "VALUES (?, ?, ?, ?, ?, ?)"),
                              {key, attempt.attempt, attempt.at,
                               deliveryPositiveOrNull(attempt.httpStatus),
                               store::textOrNull(attempt.error), attempt.durationMs});
        !s)
        return s;
    if (Status s = db.execute(
            QStringLiteral("UPDATE ") + tables.rows +
                QStringLiteral(" SET status = ?, attempts = ?, next_attempt_at = ?, "
                               "last_status = ?, last_error = ?, updated_at = ? WHERE ") +
                tables.rowKey + QStringLiteral(" = ?"),
            {state.status, state.attempts, deliveryPositiveOrNull(state.nextAttemptAt),
             deliveryPositiveOrNull(state.lastStatus), store::textOrNull(state.lastError),
             state.updatedAt, key});
        !s)
        return s;
    return transaction.value().commit();
}

Result<QList<DeliveryAttempt>> deliveryAttempts(store::Database &db, const DeliveryTables &tables,
                                                const QString &key)
{
    QList<DeliveryAttempt> attempts;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT attempt, at, http_status, error, duration_ms FROM ") +
            tables.attempts + QStringLiteral(" WHERE ") + tables.attemptKey +
            QStringLiteral(" = ? ORDER BY attempt"),
        {key}, [&attempts](const store::Statement &s) {
            // A NULL error reads as an empty text.
            attempts.append({int(s.int64(0)), s.int64(1), s.isNull(2) ? 0 : int(s.int64(2)),
                             s.text(3), s.int64(4)});
        });
    if (!read)
        return read.error();
    return attempts;
}

} // namespace hm::server::repositories
