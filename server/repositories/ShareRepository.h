#pragma once

// flow_shares rows (seed 003 §14.3): a flow shared with a registered user,
// or a pending invitation of an e-mail address nobody has registered yet.
// An invitation becomes a share when an account with that address is
// created (acceptPendingShares, called by UserRepository::create).

#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server {

struct FlowShare
{
    QString id;
    QString flowId;
    QString userId;       // empty while pending
    QString userName;     // users.name of userId
    QString userEmail;    // users.email of userId
    QString invitedEmail; // the address invited (kept after acceptance), or empty
    QString permission;   // view|edit|admin
    QString sharedBy;
    QString sharedByName;
    qint64 acceptedAtMs = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    bool pending() const { return userId.isEmpty(); }
    // {id, flow_id, user_id, user_name, user_email, invited_email,
    //  permission, pending, shared_by, shared_by_name, accepted_at,
    //  created_at, updated_at}
    QJsonObject toJson() const;
};

class FlowShareRepository
{
public:
    explicit FlowShareRepository(store::Database &db) : m_db(db) {}

    // Oldest first.
    Result<QList<FlowShare>> list(const QString &flowId);
    // SHARE_NOT_FOUND unless the share exists and belongs to flowId.
    Result<FlowShare> find(const QString &flowId, const QString &shareId);
    // A share of a registered user (userId set, accepted now) or a pending
    // invitation (userId empty, invitedEmail set). ALREADY_SHARED when the
    // person already has a share or invitation on the flow.
    Result<FlowShare> create(const QString &flowId, const QString &userId,
                             const QString &invitedEmail, const QString &permission,
                             const QString &sharedBy);
    Status setPermission(const QString &shareId, const QString &permission);
    Status remove(const QString &shareId);

private:
    store::Database &m_db;
};

// Turns the pending invitations of `email` (any case) into shares of
// `userId`. Part of account creation: runs inside its transaction. The
// creating service calls invalidateFlowCaches() once it is committed
// (writes here, like every repository's, announce nothing themselves).
Status acceptPendingShares(store::Database &db, const QString &userId, const QString &email);

} // namespace hm::server
