#include "server/repositories/FlowsRepository.h"

#include "store/Database.h"
#include "store/SelectOne.h"

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

Result<std::optional<QString>> runnableVersion(store::Database &db, const QString &flowId,
                                               const QString &requested)
{
    // One indexed read.
    auto version = [](const store::Statement &s) { return s.text(0); };
    if (requested.isEmpty())
        return store::selectOneAs(
            db,
            QStringLiteral("SELECT v.version FROM flows f JOIN flow_versions v ON v.flow_id = "
                           "f.id WHERE f.id = ? AND f.deleted_at IS NULL AND v.status = "
                           "'published'"),
            {flowId}, version);
    return store::selectOneAs(
        db,
        QStringLiteral("SELECT v.version FROM flows f JOIN flow_versions v ON v.flow_id = "
                       "f.id WHERE f.id = ? AND f.deleted_at IS NULL AND v.version = ?"),
        {flowId, requested}, version);
}

Result<std::optional<FlowGrantRow>> flowOwnerAndShare(store::Database &db, const QString &userId,
                                                      const QString &flowId, bool includeDeleted)
{
    return store::selectOneAs(
        db,
        QStringLiteral("SELECT f.owner_id, (SELECT s.permission FROM flow_shares s "
                       "WHERE s.flow_id = f.id AND s.user_id = ?) FROM flows f WHERE f.id = ?") +
            (includeDeleted ? QString() : QStringLiteral(" AND f.deleted_at IS NULL")),
        {userId, flowId}, [](const store::Statement &s) {
            return FlowGrantRow{s.text(0),
                                s.isNull(1) ? std::nullopt : std::optional<QString>(s.text(1))};
        });
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

QString viewableFlowCondition(const auth::Principal &caller, const QString &flowIdColumn,
                              QVariantList &binds)
{
    if (caller.role == auth::Role::Admin)
        return {};
    binds << caller.userId << caller.userId;
    return flowIdColumn +
           QStringLiteral(" IN (SELECT id FROM flows WHERE owner_id = ? "
                          "UNION SELECT flow_id FROM flow_shares WHERE user_id = ?)");
}

} // namespace hm::server::repositories
