#pragma once

#include "common/Result.h"
#include "server/api/Roles.h"

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

// The version a trigger of a live flow runs: its published version
// (`requested` empty) or `requested`; nullopt when there is none.
Result<std::optional<QString>> runnableVersion(store::Database &db, const QString &flowId,
                                               const QString &requested);

// A flow's owner and `userId`'s share of it (nullopt without one), in one
// read; nullopt when there is no such flow (deleted ones count only with
// includeDeleted).
struct FlowGrantRow
{
    QString ownerId;
    std::optional<QString> sharePermission;
};
Result<std::optional<FlowGrantRow>> flowOwnerAndShare(store::Database &db, const QString &userId,
                                                      const QString &flowId, bool includeDeleted);

// An SQL condition on `flowIdColumn` for list queries: only flows the
// caller may view (owned or shared, deleted ones included: FlowAccess.h's
// rule for the history). Empty for ADMIN callers. The values to bind, in
// order, are appended to `binds`.
QString viewableFlowCondition(const auth::Principal &caller, const QString &flowIdColumn,
                              QVariantList &binds);

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
