#include "server/services/auth/AuditLog.h"

#include "common/Logging.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/AuditRepository.h"
#include "server/services/auth/AuthLogging.h"
#include "store/Database.h"

#include <QJsonDocument>

namespace hm::server::auth {
void audit(store::Database &database, const QString &action, const QString &userId,
           const QString &resourceType, const QString &resourceId, const QString &ip,
           const QString &userAgent, const QJsonObject &details)
{
    const Status written = repositories::insertAuditEntry(
        database,
        {userId, action, resourceType, resourceId, ip, userAgent.left(512),
         QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)), nowMs()});
    if (!written)
        qCWarning(lcServerAuth) << "audit log:" << written.error().toString();
}

} // namespace hm::server::auth
