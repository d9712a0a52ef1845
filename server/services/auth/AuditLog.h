#pragma once

#include <QJsonObject>
#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server::auth {

// One audit_logs row. Details must never carry secrets: callers pass ids,
// names and outcomes only. A failed write is logged, not fatal — the action
// it records has already happened.
void audit(store::Database &database, const QString &action, const QString &userId,
           const QString &resourceType, const QString &resourceId, const QString &ip,
           const QString &userAgent, const QJsonObject &details = {});

} // namespace hm::server::auth
