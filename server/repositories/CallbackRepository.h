#pragma once

// Every SQL string of execution callbacks (schema 43): a trigger's
// callback_url waiting for its execution to end, then pending until it is
// delivered or given up, and each try.

#include "common/Result.h"
#include "server/repositories/DeliveryAttempts.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct CallbackRow
{
    QString executionId;
    QString url;
    QString secret;  // sealed
    QString status;  // "waiting", "pending", "delivered", "failed"
    QString payload; // the JSON body, once the execution ended
    int attempts = 0;
    qint64 nextAttemptAt = 0; // 0 unless pending
    int lastStatus = 0;
    QString lastError;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

using CallbackAttempt = DeliveryAttempt;

Status insertCallback(store::Database &db, const CallbackRow &row);
// waiting -> pending with the payload, due at `atMs`. False when the row
// was not waiting (already ended, or none).
Result<bool> markCallbackPending(store::Database &db, const QString &executionId,
                                 const QString &payload, qint64 atMs);
// The try and the row's new status, attempts, next try and last outcome.
Status recordCallbackAttempt(store::Database &db, const CallbackRow &row,
                             const CallbackAttempt &attempt);
Result<QList<CallbackRow>> callbacksWithStatus(store::Database &db, const QString &status);
Result<std::optional<CallbackRow>> callbackByExecution(store::Database &db,
                                                       const QString &executionId);
Result<QList<CallbackAttempt>> callbackAttempts(store::Database &db, const QString &executionId);

} // namespace hm::server::repositories
