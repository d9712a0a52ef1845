#pragma once

// Every SQL string of node_grants (schema 32; docs/api.md "Node grants").

#include "common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct NodeGrantRow
{
    QString id;
    QString subjectKind; // "user" or "role"
    QString subject;     // user id or role name
    QString label;       // a node label, or "*" for every node
    QString capability;
    QString createdBy;
    qint64 createdAt = 0;
};

// ResourceAlreadyExists when the same subject, label and capability exist.
Status insertNodeGrant(store::Database &db, const NodeGrantRow &row);
// Every grant, ordered by subject, label and capability.
Result<QList<NodeGrantRow>> listNodeGrants(store::Database &db);
// Those of one user or role: subjectKind "user"/"role".
Result<QList<NodeGrantRow>> nodeGrantsOf(store::Database &db, const QString &subjectKind,
                                         const QString &subject);
Result<NodeGrantRow> nodeGrant(store::Database &db, const QString &id);
// False when no such grant.
Result<bool> deleteNodeGrant(store::Database &db, const QString &id);
// The capabilities `userId` (of role `role`) holds on a node with these
// labels: grants to the user or the role, for one of the labels or "*".
Result<QStringList> grantedCapabilities(store::Database &db, const QString &userId,
                                        const QString &role, const QStringList &nodeLabels);

} // namespace hm::server::repositories
