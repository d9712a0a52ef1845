#pragma once

#include "server/api/RouteHelpers.h"

#include <QJsonObject>
#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server::auth {

// The audit row of an action taken through a route: who (a user id, usually
// the caller's), from where (the request's client address and user agent),
// what, on which resource, and details (ids, names, outcomes; never a
// secret). One call for every route so each row names its client the same
// way; it writes through auth::audit (AuditLog.h), the single sink.
//
//   auditAction(auth.db, c, p.userId, QStringLiteral("THING_DELETED"),
//               QStringLiteral("thing"), id, {{QStringLiteral("name"), name}});
void auditAction(store::Database &db, const ClientInfo &client, const QString &userId,
                 const QString &action, const QString &resourceType, const QString &resourceId,
                 const QJsonObject &details = {});
// The same for a request still at hand. A deferred reply answers after its
// RequestContext is gone: it keeps clientInfo(c) and passes that instead.
void auditAction(store::Database &db, const RequestContext &c, const QString &userId,
                 const QString &action, const QString &resourceType, const QString &resourceId,
                 const QJsonObject &details = {});

} // namespace hm::server::auth
