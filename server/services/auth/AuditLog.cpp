#include "server/services/auth/AuditLog.h"

#include "common/Logging.h"
#include "crypto/Random.h"
#include "server/api/AuthCommon.h"
#include "server/services/auth/AuthLogging.h"
#include "store/Database.h"

#include <QJsonDocument>

namespace hm::server::auth {
namespace {

void bindOrNull(store::Statement &statement, int index, const QString &value)
{
    if (value.isEmpty())
        statement.bind(index, nullptr);
    else
        statement.bind(index, value);
}

} // namespace

void audit(store::Database &database, const QString &action, const QString &userId,
           const QString &resourceType, const QString &resourceId, const QString &ip,
           const QString &userAgent, const QJsonObject &details)
{
    auto statement = database.prepare(QStringLiteral(
        "INSERT INTO audit_logs (id, user_id, action, resource_type, resource_id, ip_address, "
        "user_agent, details, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!statement) {
        qCWarning(lcServerAuth) << "audit log:" << statement.error().toString();
        return;
    }
    store::Statement &s = statement.value();
    s.bind(1, crypto::uuid());
    bindOrNull(s, 2, userId);
    s.bind(3, action);
    bindOrNull(s, 4, resourceType);
    bindOrNull(s, 5, resourceId);
    bindOrNull(s, 6, ip);
    bindOrNull(s, 7, userAgent.left(512));
    s.bind(8, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    s.bind(9, nowMs());
    if (Status written = s.run(); !written)
        qCWarning(lcServerAuth) << "audit log:" << written.error().toString();
}

} // namespace hm::server::auth
