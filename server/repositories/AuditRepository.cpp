#include "server/repositories/AuditRepository.h"

#include "common/TimeOrderedUuid.h"
#include "store/ColumnValues.h"
#include "store/Database.h"

#include <QVariant>

namespace hm::server::repositories {

using store::textOrNull;

Result<QString> insertAuditEntry(store::Database &db, const AuditEntry &entry)
{
    const QString id = timeOrderedUuid(entry.createdAt);
    const Status written = db.execute(
        QStringLiteral(
            "INSERT INTO audit_logs (id, user_id, action, resource_type, resource_id, ip_address, "
            "user_agent, details, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {id, textOrNull(entry.userId), entry.action, textOrNull(entry.resourceType),
         textOrNull(entry.resourceId), textOrNull(entry.ip), textOrNull(entry.userAgent),
         entry.details, entry.createdAt});
    if (!written)
        return written.error();
    return id;
}

} // namespace hm::server::repositories
