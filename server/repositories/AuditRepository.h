#pragma once

#include "common/Result.h"

#include <QString>

namespace hm::store {
class Database;
struct WriteOp;
} // namespace hm::store

// The audit trail's writes (audit_logs); GET /api/v1/audit reads it through
// ListRepositories.
namespace hm::server::repositories {

// One audit_logs row. Empty strings are stored as NULL.
struct AuditEntry
{
    QString userId;
    QString action;
    QString resourceType;
    QString resourceId;
    QString ip;
    QString userAgent;
    QString details; // compact JSON text
    qint64 createdAt = 0;
};

// Adds the entry under a new version 7 UUID carrying createdAt (the list's
// before_id cursor still finds its place after the entry was deleted) and
// returns that id.
Result<QString> insertAuditEntry(store::Database &db, const AuditEntry &entry);
// The same row as a write for the history's write-behind queue (hot paths
// such as a trigger must not wait for a commit of their own); `*id`
// receives the row's id.
store::WriteOp auditEntryWrite(const AuditEntry &entry, QString *id);
// The row of an auditEntryWrite() whose batch may not have been stored,
// written directly under the same id: nothing when it is there already, so
// a retry never doubles an entry.
Status insertAuditEntryIfMissing(store::Database &db, const QString &id, const AuditEntry &entry);

} // namespace hm::server::repositories
