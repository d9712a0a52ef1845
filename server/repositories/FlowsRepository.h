#pragma once

#include "common/Result.h"

#include <QString>
#include <QVariant>
#include <optional>

namespace hm::store {
class Database;
}

// The server's own SQL on the flows table (flow definitions and versions
// are engine_store/FlowRepository's), and the users lookup of sharing.
namespace hm::server::repositories {

// The owner of a flow, deleted ones included; "" when there is no such flow.
Result<QString> flowOwner(store::Database &db, const QString &flowId);
// Whether another live flow than `exceptFlowId` is named `name`.
Result<bool> flowNameTaken(store::Database &db, const QString &name, const QString &exceptFlowId);
// Renames a live flow and sets its description ("" = NULL).
Status updateFlowDetails(store::Database &db, const QString &flowId, const QString &name,
                         const QString &description, qint64 nowMs);

// The webhook token's hash of a live flow; "" when it has none.
Result<QString> webhookTokenHash(store::Database &db, const QString &flowId);
// Sets (or with a null QVariant removes) the webhook token's hash.
Status setWebhookTokenHash(store::Database &db, const QString &flowId, const QVariant &hash);

// The account registered with `email` (any case), deleted ones included:
// their address stays taken, so an invitation could never be accepted.
struct Account
{
    QString id;
    QString status;
};
Result<std::optional<Account>> accountByEmail(store::Database &db, const QString &email);

} // namespace hm::server::repositories
