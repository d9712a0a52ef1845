#include "server/repositories/NodeGrantRepository.h"

#include "store/Constraints.h"
#include "store/Database.h"
#include "store/SelectOne.h"

namespace hm::server::repositories {

namespace {

const QString kNodeGrantColumns =
    QStringLiteral("id, subject_kind, subject, label, capability, created_by, created_at");

NodeGrantRow readNodeGrant(const store::Statement &s)
{
    NodeGrantRow r;
    r.id = s.text(0);
    r.subjectKind = s.text(1);
    r.subject = s.text(2);
    r.label = s.text(3);
    r.capability = s.text(4);
    r.createdBy = s.text(5);
    r.createdAt = s.int64(6);
    return r;
}

Result<QList<NodeGrantRow>> nodeGrantRows(store::Database &db, const QString &where,
                                          const QVariantList &binds)
{
    QList<NodeGrantRow> rows;
    const Status s = db.forEachRow(
        QStringLiteral("SELECT %1 FROM node_grants %2 ORDER BY subject_kind, subject, label, "
                       "capability")
            .arg(kNodeGrantColumns, where),
        binds, [&rows](const store::Statement &st) { rows.append(readNodeGrant(st)); });
    if (!s)
        return s.error();
    return rows;
}

} // namespace

Status insertNodeGrant(store::Database &db, const NodeGrantRow &r)
{
    const Status s = db.execute(
        QStringLiteral("INSERT INTO node_grants (%1) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .arg(kNodeGrantColumns),
        {r.id, r.subjectKind, r.subject, r.label, r.capability,
         r.createdBy.isEmpty() ? QVariant() : QVariant(r.createdBy), r.createdAt});
    if (!s) {
        if (store::isUniqueViolation(s.error()))
            return Error{ErrorCode::ResourceAlreadyExists,
                         QStringLiteral("this grant exists already")};
        return s.error();
    }
    return {};
}

Result<QList<NodeGrantRow>> listNodeGrants(store::Database &db)
{
    return nodeGrantRows(db, QString(), {});
}

Result<QList<NodeGrantRow>> nodeGrantsOf(store::Database &db, const QString &subjectKind,
                                         const QString &subject)
{
    return nodeGrantRows(db, QStringLiteral("WHERE subject_kind = ? AND subject = ?"),
                         {subjectKind, subject});
}

Result<NodeGrantRow> nodeGrant(store::Database &db, const QString &id)
{
    auto row = store::selectOneAs(
        db, QStringLiteral("SELECT %1 FROM node_grants WHERE id = ?").arg(kNodeGrantColumns),
        {id}, readNodeGrant);
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::ResourceNotFound, QStringLiteral("no such grant")};
    return *row.value();
}

Result<bool> deleteNodeGrant(store::Database &db, const QString &id)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM node_grants WHERE id = ?"), {id}); !s)
        return s.error();
    return db.changes() == 1;
}

Result<QStringList> grantedCapabilities(store::Database &db, const QString &userId,
                                        const QString &role, const QStringList &nodeLabels)
{
    // The node's labels are few (at most 32 of 64 characters, NodeJson):
    // one placeholder each.
    QString labelList = QStringLiteral("'*'");
    QVariantList binds{userId, role};
    for (const QString &label : nodeLabels) {
        labelList += QStringLiteral(", ?");
        binds.append(label);
    }
    QStringList capabilities;
    const Status s = db.forEachRow(
        QStringLiteral("SELECT DISTINCT capability FROM node_grants WHERE "
                       "((subject_kind = 'user' AND subject = ?) OR "
                       "(subject_kind = 'role' AND subject = ?)) AND label IN (%1) "
                       "ORDER BY capability")
            .arg(labelList),
        binds, [&capabilities](const store::Statement &st) { capabilities.append(st.text(0)); });
    if (!s)
        return s.error();
    return capabilities;
}

} // namespace hm::server::repositories
