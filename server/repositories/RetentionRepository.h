#pragma once

// Every SQL string of history retention (issue 37 item 6; docs/api.md
// "History retention"): the per-flow overrides (schema 41), the executions
// a pass may remove and the store's page figures. The rules (which limit
// applies, batches, when space is returned) are
// server/services/engine/HistoryRetention.

#include "common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

// A flow's own limits: nullopt follows the global setting, 0 keeps
// without limit.
struct FlowRetentionRow
{
    QString flowId;
    std::optional<qint64> maxAgeDays;
    std::optional<qint64> maxExecutions;
};

// FLOW_NOT_FOUND unless the flow is live.
Result<FlowRetentionRow> flowRetention(store::Database &db, const QString &flowId);
Status saveFlowRetention(store::Database &db, const FlowRetentionRow &row);
// Every flow with history, deleted ones included (their history stays
// until retention removes it).
Result<QList<FlowRetentionRow>> allFlowRetention(store::Database &db);

// Ended executions (completed, failed, cancelled) only, and only those
// that ended before `endedBeforeMs`, so no late write of theirs can still
// be queued, and none whose trigger callback is still to be delivered
// (waiting or pending); oldest first, at most `limit`.
// Created before `createdBeforeMs` (the age limit).
Result<QStringList> expiredExecutions(store::Database &db, const QString &flowId,
                                      qint64 createdBeforeMs, qint64 endedBeforeMs, int limit);
// Beyond the flow's newest `keep` executions (of any status).
Result<QStringList> surplusExecutions(store::Database &db, const QString &flowId, qint64 keep,
                                      qint64 endedBeforeMs, int limit);
// The oldest of the whole history (the database is over its size limit).
Result<QStringList> oldestExecutions(store::Database &db, qint64 endedBeforeMs, int limit);

// One DELETE of the executions named (their node rows follow by ON DELETE
// CASCADE); `count` ids bind to ?1..?count. At most 500.
QString deleteExecutionsSql(int count);
// The same ids' trigger callbacks (execution_callbacks has no foreign key
// to executions: a callback is stored before its execution's rows are
// committed) and, by ON DELETE CASCADE, their tries. Written in the same
// batch as deleteExecutionsSql, so no orphan is left.
QString deleteExecutionCallbacksSql(int count);
// Hands up to `pages` free pages back to the file system (auto_vacuum
// INCREMENTAL only; a no-op otherwise).
QString incrementalVacuumSql(int pages);

struct StorePages
{
    qint64 pageSize = 0;
    qint64 pageCount = 0;
    qint64 freePages = 0;
    int autoVacuum = 0; // 0 none, 1 full, 2 incremental
};
Result<StorePages> storePages(store::Database &db);

} // namespace hm::server::repositories
