#include "server/api/RouteAudit.h"

#include "server/services/auth/AuditLog.h"

namespace hm::server::auth {

void auditAction(store::Database &db, const ClientInfo &client, const QString &userId,
                 const QString &action, const QString &resourceType, const QString &resourceId,
                 const QJsonObject &details)
{
    audit(db, action, userId, resourceType, resourceId, client.ip, client.userAgent, details);
}

void auditAction(store::Database &db, const RequestContext &c, const QString &userId,
                 const QString &action, const QString &resourceType, const QString &resourceId,
                 const QJsonObject &details)
{
    auditAction(db, clientInfo(c), userId, action, resourceType, resourceId, details);
}

} // namespace hm::server::auth
