#pragma once

// The tries of outgoing HTTP deliveries sent again with backoff: alert
// deliveries (schema 20) and execution callbacks (schema 43). Both keep a
// row with status, attempts, next_attempt_at, last_status, last_error and
// updated_at, and a table of its tries (attempt, at, http_status, error,
// duration_ms); this SQL serves both. Their repositories name the tables.

#include "common/Result.h"

#include <QList>
#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct DeliveryAttempt
{
    int attempt = 0;
    qint64 at = 0;
    int httpStatus = 0; // 0: no answer
    QString error;
    qint64 durationMs = 0;
};

// Where one kind of delivery keeps its rows and their tries.
struct DeliveryTables
{
    QString rows;       // "alert_deliveries"
    QString rowKey;     // the rows' key column: "id"
    QString attempts;   // "alert_delivery_attempts"
    QString attemptKey; // the tries' column naming their row: "delivery_id"
};

// What a try leaves on its row.
struct DeliveryState
{
    QString status;
    int attempts = 0;
    qint64 nextAttemptAt = 0; // 0: none (stored as NULL)
    int lastStatus = 0;       // 0: no answer (stored as NULL)
    QString lastError;
    qint64 updatedAt = 0;
};

// The try, and the row keyed `key` set to `state`, in one transaction.
Status recordDeliveryAttempt(store::Database &db, const DeliveryTables &tables, const QString &key,
                             const DeliveryState &state, const DeliveryAttempt &attempt);
// The tries of the row keyed `key`, first first.
Result<QList<DeliveryAttempt>> deliveryAttempts(store::Database &db, const DeliveryTables &tables,
                                                const QString &key);

} // namespace hm::server::repositories
