#pragma once

#include "common/Result.h"
#include "server/api/Roles.h"

#include <QList>
#include <QString>
#include <QVariant>
#include <optional>

namespace hm::store {
class Database;
}

// The server's reads of the execution history (the engine writes it through
// engine_store's journal).
namespace hm::server::repositories {

// One row of `executions`. Times are unix ms, 0 when NULL.
struct StoredExecution
{
    QString id;
    QString flowId;
    QString flowVersion;
    QString status;
    QString triggerInput; // JSON text, unmasked
    std::optional<QString> triggeredBy;
    std::optional<QString> cancelReason;
    std::optional<QString> errorCode;
    QString errorMessage;
    QString outputs; // JSON text
    std::optional<QString> rerunOf;
    qint64 createdAt = 0;
    qint64 startedAt = 0;
    qint64 endedAt = 0;
    std::optional<qint64> durationMs;
};
// std::nullopt when there is no such execution.
Result<std::optional<StoredExecution>> storedExecution(store::Database &db, const QString &id);

// Who started an execution: its flow and triggered_by ("" when NULL).
struct ExecutionOrigin
{
    QString flowId;
    QString triggeredBy;
};
Result<std::optional<ExecutionOrigin>> executionOrigin(store::Database &db, const QString &id);

// The columns of a finished execution's WebSocket snapshot. Times are unix
// ms, 0 when NULL.
struct ExecutionSummary
{
    QString id;
    QString flowId;
    QString flowVersion;
    QString status;
    std::optional<QString> triggeredBy;
    std::optional<QString> cancelReason;
    std::optional<QString> errorCode;
    std::optional<QString> errorMessage;
    std::optional<QString> rerunOf;
    qint64 startedAt = 0;
    qint64 endedAt = 0;
    std::optional<qint64> durationMs;
};
Result<std::optional<ExecutionSummary>> executionSummary(store::Database &db, const QString &id);

// The number of nodes of a stored version's definition (deleted flows
// included); 0 when it cannot be read.
int definitionNodeCount(store::Database &db, const QString &flowId, const QString &version);

} // namespace hm::server::repositories

namespace hm::server::repositories {

// How many executions of one status were created in one hour of a window
// (GET /api/v1/executions/stats). `hour` counts from the window's start.
struct ExecutionHourCount
{
    int hour = 0;
    QString status;
    qint64 count = 0;
};
// The statement of executionCountsByHour(); `binds` holds fromMs, fromMs,
// toMs and gets the visibility check's values. For query plan checks.
QString executionCountsByHourSql(const auth::Principal &caller, QVariantList &binds);
// Executions created in [fromMs, toMs) of the flows the caller may view,
// grouped by hour and status.
Result<QList<ExecutionHourCount>> executionCountsByHour(store::Database &db,
                                                        const auth::Principal &caller,
                                                        qint64 fromMs, qint64 toMs);

} // namespace hm::server::repositories
