#include "server/repositories/FlowsRepository.h"

#include "store/Database.h"

#include <QDateTime>

namespace hm::server::repositories {

Result<QString> flowOwner(store::Database &db, const QString &flowId)
{
    auto row = db.selectOne(QStringLiteral("SELECT owner_id FROM flows WHERE id = ?"), {flowId});
    if (!row)
        return row.error();
    return row.value() ? row.value()->text(0) : QString();
}

Result<bool> flowNameTaken(store::Database &db, const QString &name, const QString &exceptFlowId)
{
    auto row = db.selectOne(
        QStringLiteral("SELECT 1 FROM flows WHERE name = ? AND id != ? AND deleted_at IS NULL"),
        {name, exceptFlowId});
    if (!row)
        return row.error();
    return row.value().has_value();
}

Status updateFlowDetails(store::Database &db, const QString &flowId, const QString &name,
                         const QString &description, qint64 nowMs)
{
    return db.execute(
        QStringLiteral("UPDATE flows SET name = ?, description = ?, updated_at = ? "
                       "WHERE id = ? AND deleted_at IS NULL"),
        {name, description.isEmpty() ? QVariant() : QVariant(description), nowMs, flowId});
}

Result<QString> webhookTokenHash(store::Database &db, const QString &flowId)
{
    auto row = db.selectOne(
        QStringLiteral("SELECT webhook_token_hash FROM flows WHERE id = ? AND deleted_at IS NULL"),
        {flowId});
    if (!row)
        return row.error();
    if (!row.value() || row.value()->isNull(0))
        return QString();
    return row.value()->text(0);
}

Status setWebhookTokenHash(store::Database &db, const QString &flowId, const QVariant &hash)
{
    return db.execute(QStringLiteral("UPDATE flows SET webhook_token_hash = ?, updated_at = ? "
                                     "WHERE id = ? AND deleted_at IS NULL"),
                      {hash, QDateTime::currentMSecsSinceEpoch(), flowId});
}

Result<std::optional<Account>> accountByEmail(store::Database &db, const QString &email)
{
    auto row =
        db.selectOne(QStringLiteral("SELECT id, status FROM users WHERE email = ?"), {email});
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<Account>();
    return std::optional<Account>(Account{row.value()->text(0), row.value()->text(1)});
}

} // namespace hm::server::repositories
