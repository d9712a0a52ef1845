#include "server/repositories/ShareRepository.h"

#include "crypto/Random.h"
#include "server/api/AuthCommon.h"
#include "store/Database.h"

namespace hm::server {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT s.id, s.flow_id, s.user_id, u.name, u.email, s.invited_email, s.permission, "
    "s.shared_by, b.name, s.accepted_at, s.created_at, s.updated_at FROM flow_shares s "
    "LEFT JOIN users u ON u.id = s.user_id LEFT JOIN users b ON b.id = s.shared_by ");

QString textOrEmpty(const store::Statement &s, int col)
{
    return s.isNull(col) ? QString() : s.text(col);
}

FlowShare readShare(const store::Statement &s)
{
    FlowShare share;
    share.id = s.text(0);
    share.flowId = s.text(1);
    share.userId = textOrEmpty(s, 2);
    share.userName = textOrEmpty(s, 3);
    share.userEmail = textOrEmpty(s, 4);
    share.invitedEmail = textOrEmpty(s, 5);
    share.permission = s.text(6);
    share.sharedBy = s.text(7);
    share.sharedByName = textOrEmpty(s, 8);
    share.acceptedAtMs = s.isNull(9) ? 0 : s.int64(9);
    share.createdAtMs = s.int64(10);
    share.updatedAtMs = s.int64(11);
    return share;
}

QJsonValue stringOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

Error shareNotFound(const QString &shareId)
{
    return Error{ErrorCode::ShareNotFound, QStringLiteral("share %1 not found").arg(shareId)};
}

} // namespace

QJsonObject FlowShare::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("flow_id"), flowId},
            {QStringLiteral("user_id"), stringOrNull(userId)},
            {QStringLiteral("user_name"), stringOrNull(userName)},
            {QStringLiteral("user_email"), stringOrNull(userEmail)},
            {QStringLiteral("invited_email"), stringOrNull(invitedEmail)},
            {QStringLiteral("permission"), permission},
            {QStringLiteral("pending"), pending()},
            {QStringLiteral("shared_by"), sharedBy},
            {QStringLiteral("shared_by_name"), stringOrNull(sharedByName)},
            {QStringLiteral("accepted_at"), auth::isoOrNull(acceptedAtMs)},
            {QStringLiteral("created_at"), auth::isoOrNull(createdAtMs)},
            {QStringLiteral("updated_at"), auth::isoOrNull(updatedAtMs)}};
}

Result<QList<FlowShare>> FlowShareRepository::list(const QString &flowId)
{
    QList<FlowShare> shares;
    const Status read = m_db.forEachRow(
        kSelect + QStringLiteral("WHERE s.flow_id = ? ORDER BY s.created_at, s.id"), {flowId},
        [&shares](const store::Statement &s) { shares.append(readShare(s)); });
    if (!read)
        return read.error();
    return shares;
}

Result<FlowShare> FlowShareRepository::find(const QString &flowId, const QString &shareId)
{
    auto row = m_db.selectOne(kSelect + QStringLiteral("WHERE s.id = ? AND s.flow_id = ?"),
                              {shareId, flowId});
    if (!row)
        return row.error();
    if (!row.value())
        return shareNotFound(shareId);
    return readShare(*row.value());
}

Result<FlowShare> FlowShareRepository::create(const QString &flowId, const QString &userId,
                                              const QString &invitedEmail,
                                              const QString &permission, const QString &sharedBy)
{
    auto transaction = m_db.begin();
    if (!transaction)
        return transaction.error();
    // The unique indexes would refuse a duplicate too; asking first gives
    // the caller the existing share's id.
    auto existing = m_db.selectOne(
        userId.isEmpty()
            ? QStringLiteral("SELECT id FROM flow_shares WHERE flow_id = ? AND user_id IS NULL "
                             "AND invited_email = ?")
            : QStringLiteral("SELECT id FROM flow_shares WHERE flow_id = ? AND user_id = ?"),
        {flowId, userId.isEmpty() ? invitedEmail : userId});
    if (!existing)
        return existing.error();
    if (existing.value())
        return Error{ErrorCode::AlreadyShared,
                     QStringLiteral("the flow is already shared with this person"),
                     {{QStringLiteral("share_id"), existing.value()->text(0)}}};

    const QString id = crypto::uuid();
    const qint64 now = auth::nowMs();
    const Status inserted =
        m_db.execute(QStringLiteral("INSERT INTO flow_shares (id, flow_id, user_id, invited_email, "
                                    "permission, shared_by, accepted_at, created_at, updated_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {id, flowId, userId.isEmpty() ? QVariant() : QVariant(userId),
                      invitedEmail.isEmpty() ? QVariant() : QVariant(invitedEmail), permission,
                      sharedBy, userId.isEmpty() ? QVariant() : QVariant(now), now, now});
    if (!inserted)
        return inserted.error();
    if (Status committed = transaction.value().commit(); !committed)
        return committed.error();
    return find(flowId, id);
}

Status FlowShareRepository::setPermission(const QString &shareId, const QString &permission)
{
    const Status updated = m_db.execute(
        QStringLiteral("UPDATE flow_shares SET permission = ?, updated_at = ? WHERE id = ?"),
        {permission, auth::nowMs(), shareId});
    if (!updated)
        return updated;
    if (m_db.changes() == 0)
        return shareNotFound(shareId);
    return {};
}

Status FlowShareRepository::remove(const QString &shareId)
{
    const Status deleted =
        m_db.execute(QStringLiteral("DELETE FROM flow_shares WHERE id = ?"), {shareId});
    if (!deleted)
        return deleted;
    if (m_db.changes() == 0)
        return shareNotFound(shareId);
    return {};
}

Status acceptPendingShares(store::Database &db, const QString &userId, const QString &email)
{
    const qint64 now = auth::nowMs();
    // invited_email is COLLATE NOCASE: any spelling of the address matches.
    return db.execute(
        QStringLiteral("UPDATE flow_shares SET user_id = ?, accepted_at = ?, updated_at = ? "
                       "WHERE user_id IS NULL AND invited_email = ?"),
        {userId, now, now, email});
}

} // namespace hm::server
