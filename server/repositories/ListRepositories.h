#pragma once

#include "common/Result.h"
#include "server/api/QueryParams.h"
#include "server/api/Roles.h"
#include "store/PagedQuery.h"

#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

// The SQL of the paged list routes (flows, executions, shares, audit): each
// takes a parsed filter and a page and returns rows, which the routes
// render. Built on store::PagedQuery (count, then the page).
namespace hm::server::repositories {

// GET /api/v1/flows: flows the caller may view (not deleted), newest first.
struct FlowListFilter
{
    QString search;  // part of the name ("" = any)
    QString ownerId; // "" = any owner
    bool sharedWithMe = false;
};
struct FlowListRow
{
    QString id;
    QString name;
    QString description;
    QString ownerId;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 latestVersion = 0;
    std::optional<QString> publishedVersion;
    QString sharePermission; // the caller's share of the flow, "" when none
    qint64 revision = 1;     // flows.revision (optimistic concurrency)
    // The flow's most recent execution (by creation), when it has one.
    std::optional<QString> lastExecutionId;
    QString lastExecutionStatus;
    qint64 lastExecutionAt = 0;
};
Result<store::Page<FlowListRow>> listFlows(store::Database &db, const auth::Principal &caller,
                                           const FlowListFilter &filter, const Paging &paging);

// GET /api/v1/executions: executions of flows the caller may view, newest first.
struct ExecutionListFilter
{
    QString flowId;               // "" = any
    QString status;               // "" = any
    std::optional<qint64> fromMs; // created at or after
    std::optional<qint64> toMs;   // created before
};
struct ExecutionListRow
{
    QString id;
    QString flowId;
    QString flowName; // "" when the flow row is gone
    QString flowVersion;
    QString status;
    QString triggeredBy;
    qint64 createdAt = 0;
    qint64 startedAt = 0;
    qint64 endedAt = 0;
    std::optional<qint64> durationMs;
    std::optional<QString> errorCode;
};
// The statements listExecutions() runs (without the page), for query plan
// checks (TestExecutionListIndexes) and benchmarks.
store::PagedQuery executionListQuery(const auth::Principal &caller,
                                     const ExecutionListFilter &filter);
Result<store::Page<ExecutionListRow>> listExecutions(store::Database &db,
                                                     const auth::Principal &caller,
                                                     const ExecutionListFilter &filter,
                                                     const Paging &paging);

// GET /api/v1/flows/shared-with-me: the caller's shares of live flows.
struct SharedFlowRow
{
    QString flowId;
    QString name;
    std::optional<QString> description;
    QString ownerId;
    std::optional<QString> ownerName;
    QString shareId;
    QString permission;
    QString sharedBy;
    std::optional<QString> sharedByName;
    qint64 sharedAt = 0;
};
Result<store::Page<SharedFlowRow>> listSharedWithUser(store::Database &db, const QString &userId,
                                                      const Paging &paging);

// GET /api/v1/audit: the audit trail, newest first.
struct AuditFilter
{
    QString userId; // "" = any
    // The action: an entry matches when its code is one of `actions` or
    // contains `actionContains` (ASCII case-insensitive); both empty = any.
    QStringList actions;
    QString actionContains;
    // The codes of one category: those starting with one of these
    // (AuditActions.h); empty = any.
    QStringList actionPrefixes;
    QString resourceType;         // "" = any
    QString resourceId;           // "" = any
    std::optional<qint64> fromMs; // inclusive
    std::optional<qint64> toMs;   // inclusive
    // "" = from the newest; else only the entries listed after this one
    // (keyset paging: steady while new entries are written). The entry may
    // be gone (its id carries its time); a value that is not a UUID is
    // VALIDATION_ERROR (details.field "before_id").
    QString beforeId;
};
struct AuditRow
{
    QString id;
    std::optional<QString> userId;
    std::optional<QString> username;
    QString action;
    std::optional<QString> resourceType;
    std::optional<QString> resourceId;
    // The resource's name now (a user's username, a node's or flow's name…);
    // nothing when the resource is gone or its type has no name.
    std::optional<QString> resourceName;
    std::optional<QString> ipAddress;
    std::optional<QString> userAgent;
    QString details; // JSON text
    qint64 createdAt = 0;
};
Result<store::Page<AuditRow>> listAudit(store::Database &db, const AuditFilter &filter,
                                        const Paging &paging);

} // namespace hm::server::repositories
