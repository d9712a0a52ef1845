#include "server/repositories/AuditRepository.h"

#include "common/TimeOrderedUuid.h"
#include "store/ColumnValues.h"
#include "store/Database.h"

#include <QVariant>

namespace hm::server::repositories {

using store::textOrNull;

Status insertAuditEntry(store::Database &db, const AuditEntry &entry)
{
    return db.execute(
        QStringLiteral(
            "INSERT INTO audit_logs (id, user_id, action, resource_type, resource_id, ip_address, "
            "user_agent, details, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {timeOrderedUuid(entry.createdAt), textOrNull(entry.userId), entry.action,
         textOrNull(entry.resourceType), textOrNull(entry.resourceId), textOrNull(entry.ip),
         textOrNull(entry.userAgent), entry.details, entry.createdAt});
}

} // namespace hm::server::repositories
