#include "server/services/remote/NodeGrants.h"

#include "crypto/Random.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/UserRepository.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/fleet/NodeJson.h"

namespace hm::server::remote {

using repositories::NodeGrantRow;

namespace {

Status requireGrantAdmin(const auth::Principal &caller)
{
    if (caller.role != auth::Role::Admin)
        return Error{ErrorCode::InsufficientPermissions,
                     QStringLiteral("only administrators manage node grants")};
    return {};
}

QJsonObject grantAuditDetails(const NodeGrantRow &row)
{
    return {{QStringLiteral("subject_kind"), row.subjectKind},
            {QStringLiteral("subject"), row.subject},
            {QStringLiteral("label"), row.label},
            {QStringLiteral("capability"), row.capability}};
}

} // namespace

const QStringList &grantableCapabilities()
{
    static const QStringList names{QStringLiteral("terminal"), QStringLiteral("processes"),
                                   QStringLiteral("files"),    QStringLiteral("docker"),
                                   QStringLiteral("nginx"),    QStringLiteral("tasks"),
                                   QStringLiteral("upgrade"),  QStringLiteral("reboot")};
    return names;
}

Result<QStringList> NodeGrants::capabilitiesOn(const auth::Principal &caller,
                                               const repositories::NodeRow &node)
{
    if (caller.role == auth::Role::Admin)
        return grantableCapabilities();
    if (caller.role != auth::Role::User || caller.userId.isEmpty())
        return QStringList(); // VIEWER never acts
    return repositories::grantedCapabilities(m_db, caller.userId,
                                             auth::roleDbName(caller.role),
                                             fleet::nodeLabelList(node));
}

Status NodeGrants::authorise(const auth::Principal &caller, const repositories::NodeRow &node,
                             const QString &capability)
{
    auto granted = capabilitiesOn(caller, node);
    if (!granted)
        return granted.error();
    if (granted.value().contains(capability))
        return {};
    return Error{ErrorCode::Forbidden,
                 caller.role == auth::Role::Viewer
                     ? QStringLiteral("viewers cannot act on nodes")
                     : QStringLiteral("no grant for \"%1\" on this node").arg(capability),
                 QJsonObject{{QStringLiteral("capability"), capability}}};
}

Result<QList<NodeGrantRow>> NodeGrants::list(const auth::Principal &caller)
{
    if (Status s = requireGrantAdmin(caller); !s)
        return s.error();
    return repositories::listNodeGrants(m_db);
}

Result<NodeGrantRow> NodeGrants::create(const auth::Principal &caller,
                                        const auth::ClientInfo &client,
                                        const NodeGrantDetails &details)
{
    if (Status s = requireGrantAdmin(caller); !s)
        return s.error();
    NodeGrantRow row;
    row.subjectKind = details.subjectKind;
    row.subject = details.subject;
    row.label = details.label;
    row.capability = details.capability;
    if (row.subjectKind == u"user") {
        auto user = auth::UserRepository(m_db).findById(row.subject);
        if (!user)
            return user.error();
        if (!user.value())
            return auth::fieldError(QStringLiteral("subject"), QStringLiteral("no such user"));
        if (user.value()->role == auth::Role::Viewer)
            return auth::fieldError(QStringLiteral("subject"),
                                    QStringLiteral("viewers never act on nodes: give the user "
                                                   "the USER role first"));
    } else if (row.subjectKind == u"role") {
        // ADMIN needs no grant and VIEWER may never have one.
        if (row.subject != auth::roleDbName(auth::Role::User))
            return auth::fieldError(QStringLiteral("subject"),
                                    QStringLiteral("the only role a grant can name is USER"));
    } else {
        return auth::fieldError(QStringLiteral("subject_kind"),
                                QStringLiteral("user or role"));
    }
    if (row.label != u"*") {
        if (Status s = fleet::FleetService::checkLabels({row.label}); !s)
            return auth::fieldError(QStringLiteral("label"),
                                    QStringLiteral("a node label, or * for every node"));
    }
    if (!grantableCapabilities().contains(row.capability))
        return auth::fieldError(QStringLiteral("capability"),
                                QStringLiteral("one of %1")
                                    .arg(grantableCapabilities().join(QStringLiteral(", "))));
    row.id = crypto::uuid();
    row.createdBy = caller.userId;
    row.createdAt = auth::nowMs();
    if (Status s = repositories::insertNodeGrant(m_db, row); !s)
        return s.error();
    auth::audit(m_db, QStringLiteral("NODE_GRANT_CREATED"), caller.userId,
                QStringLiteral("node_grant"), row.id, client.ip, client.userAgent,
                grantAuditDetails(row));
    return row;
}

Status NodeGrants::remove(const auth::Principal &caller, const auth::ClientInfo &client,
                          const QString &id)
{
    if (Status s = requireGrantAdmin(caller); !s)
        return s.error();
    auto row = repositories::nodeGrant(m_db, id);
    if (!row)
        return row.error();
    auto deleted = repositories::deleteNodeGrant(m_db, id);
    if (!deleted)
        return deleted.error();
    if (!deleted.value())
        return Error{ErrorCode::ResourceNotFound, QStringLiteral("no such grant")};
    auth::audit(m_db, QStringLiteral("NODE_GRANT_DELETED"), caller.userId,
                QStringLiteral("node_grant"), id, client.ip, client.userAgent,
                grantAuditDetails(row.value()));
    // Listeners whose context went are dropped; a copy is called, as one
    // may add or drop listeners while it runs.
    m_removed.removeIf([](const RemovedListener &l) { return l.context.isNull(); });
    const QList<RemovedListener> listeners = m_removed;
    for (const RemovedListener &listener : listeners) {
        if (listener.context)
            listener.call();
    }
    return {};
}

void NodeGrants::addRemovedListener(QObject *context, std::function<void()> listener)
{
    m_removed.removeIf([](const RemovedListener &l) { return l.context.isNull(); });
    m_removed.append({QPointer<QObject>(context), std::move(listener)});
}

} // namespace hm::server::remote
