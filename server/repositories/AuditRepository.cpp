#include "server/repositories/AuditRepository.h"

#include "common/TimeOrderedUuid.h"
#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/WriteBehindQueue.h"

#include <QVariant>

namespace hm::server::repositories {

using store::textOrNull;

namespace {

const QString kInsertAuditEntry = QStringLiteral(
    "INSERT INTO audit_logs (id, user_id, action, resource_type, resource_id, ip_address, "
    "user_agent, details, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
const QString kInsertAuditEntryIfMissing = QStringLiteral(
    "INSERT OR IGNORE INTO audit_logs (id, user_id, action, resource_type, resource_id, "
    "ip_address, user_agent, details, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");

QVariantList auditEntryParams(const QString &id, const AuditEntry &entry)
{
    return {id,
            textOrNull(entry.userId),
            entry.action,
            textOrNull(entry.resourceType),
            textOrNull(entry.resourceId),
            textOrNull(entry.ip),
            textOrNull(entry.userAgent),
            entry.details,
            entry.createdAt};
}

} // namespace

Result<QString> insertAuditEntry(store::Database &db, const AuditEntry &entry)
{
    const QString id = timeOrderedUuid(entry.createdAt);
    const Status written = db.execute(kInsertAuditEntry, auditEntryParams(id, entry));
    if (!written)
        return written.error();
    return id;
}

store::WriteOp auditEntryWrite(const AuditEntry &entry, QString *id)
{
    *id = timeOrderedUuid(entry.createdAt);
    store::WriteOp op;
    op.sql = kInsertAuditEntry;
    op.params = auditEntryParams(*id, entry);
    return op;
}

Status insertAuditEntryIfMissing(store::Database &db, const QString &id, const AuditEntry &entry)
{
    return db.execute(kInsertAuditEntryIfMissing, auditEntryParams(id, entry));
}

} // namespace hm::server::repositories
