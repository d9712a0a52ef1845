#include "server/services/engine/FlowService.h"

#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/repositories/FlowsRepository.h"
#include "server/repositories/WriteGenerations.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/FlowEvents.h"
#include "store/Database.h"

#include <QJsonArray>

namespace hm::server {

using namespace engine::persistence;

namespace {

// A name as error messages quote it: a long one shortened, so the message
// stays readable and the name is not sent back whole.
QString quotedName(const QString &name)
{
    constexpr int kQuoted = 60;
    return name.size() <= kQuoted ? name : name.left(kQuoted - 1) + QChar(0x2026);
}

} // namespace

// Names are searched with LIKE (listFlows): their length bounds what one
// search costs per row.
Status FlowService::checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return auth::fieldError(QStringLiteral("name"), QStringLiteral("name must not be empty"));
    if (name.size() > kMaxNameLength)
        return auth::fieldError(
            QStringLiteral("name"),
            QStringLiteral("name must be at most %1 characters").arg(kMaxNameLength));
    return {};
}

void FlowService::audit(const auth::Principal &caller, const auth::ClientInfo &client,
                        const QString &action, const QString &flowId, const QJsonObject &details)
{
    auth::audit(m_db, action, caller.userId, QStringLiteral("flow"), flowId, client.ip,
                client.userAgent, details);
}

Result<FlowRecord> FlowService::create(const auth::Principal &caller,
                                       const auth::ClientInfo &client, const QString &name,
                                       const QString &description, const flowdrafts::Draft &draft)
{
    if (Status valid = checkName(name); !valid)
        return valid.error();
    // The name's uniqueness is checked in the insert's transaction.
    auto flow = FlowRepository(m_db).createFlow(
        NewFlow{name, description, caller.userId, draft.definition, draft.settings});
    if (!flow)
        return flow.error();
    invalidateFlowCaches();
    const FlowRecord &f = flow.value();
    audit(caller, client, QStringLiteral("FLOW_CREATED"), f.id,
          {{QStringLiteral("name"), f.name},
           {QStringLiteral("version"), QStringLiteral("1")},
           {QStringLiteral("problems"), draft.problems.size()}});
    m_events.publish({QStringLiteral("flow_created"),
                      f.id,
                      {{QStringLiteral("flow_id"), f.id},
                       {QStringLiteral("name"), f.name},
                       {QStringLiteral("description"), f.description},
                       {QStringLiteral("owner_id"), f.ownerId},
                       {QStringLiteral("revision"), f.revision},
                       {QStringLiteral("latest_version"), QStringLiteral("1")},
                       {QStringLiteral("published_version"), QJsonValue()},
                       {QStringLiteral("created_at"), auth::isoOrNull(f.createdAtMs)},
                       {QStringLiteral("updated_at"), auth::isoOrNull(f.updatedAtMs)}}});
    return flow;
}

Result<FlowRecord> FlowService::update(const auth::Principal &caller,
                                       const auth::ClientInfo &client, const QString &flowId,
                                       const FlowDetails &details, const FlowEditBase &base)
{
    if (Status allowed = requireFlowPermission(m_db, caller, flowId, FlowPermission::Edit);
        !allowed)
        return allowed.error();
    FlowRepository repo(m_db);
    QStringList changed;
    {
        // The base is checked and the revision taken first, in the
        // transaction of the change; any refusal below rolls both back.
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        if (auto revision = repo.claimRevision(flowId, base); !revision)
            return revision.error();
        auto flow = repo.flow(flowId);
        if (!flow)
            return flow.error();
        const QString name = details.name.value_or(flow.value().name);
        const QString description = details.description.value_or(flow.value().description);
        if (name != flow.value().name)
            changed << QStringLiteral("name");
        if (description != flow.value().description)
            changed << QStringLiteral("description");
        if (changed.isEmpty()) {
            // Nothing to store: the revision stays what it was.
            if (Status rolledBack = txn.value().rollback(); !rolledBack)
                return rolledBack.error();
        } else {
            // An unchanged name stays even if it is older than the length limit.
            if (changed.contains(QStringLiteral("name"))) {
                if (Status valid = checkName(name); !valid)
                    return valid.error();
            }
            auto taken = repositories::flowNameTaken(m_db, name, flowId);
            if (!taken)
                return taken.error();
            if (taken.value())
                return Error{ErrorCode::ResourceAlreadyExists,
                             QStringLiteral("a flow named \"%1\" already exists")
                                 .arg(quotedName(name)),
                             {{QStringLiteral("field"), QStringLiteral("name")}}};
            if (Status updated = repositories::updateFlowDetails(m_db, flowId, name, description,
                                                                 auth::nowMs());
                !updated)
                return updated.error();
            if (Status committed = txn.value().commit(); !committed)
                return committed.error();
            invalidateFlowCaches();
        }
    }
    auto updated = repo.flow(flowId);
    if (!updated || changed.isEmpty())
        return updated;
    const FlowRecord &f = updated.value();
    audit(caller, client, QStringLiteral("FLOW_UPDATED"), f.id,
          {{QStringLiteral("name"), f.name},
           {QStringLiteral("changed"), QJsonArray::fromStringList(changed)}});
    m_events.publish({QStringLiteral("flow_updated"),
                      f.id,
                      {{QStringLiteral("flow_id"), f.id},
                       {QStringLiteral("revision"), f.revision},
                       {QStringLiteral("name"), f.name},
                       {QStringLiteral("description"), f.description},
                       {QStringLiteral("changed"), QJsonArray::fromStringList(changed)},
                       {QStringLiteral("updated_at"), auth::isoOrNull(f.updatedAtMs)}}});
    return updated;
}

Result<FlowRecord> FlowService::remove(const auth::Principal &caller,
                                       const auth::ClientInfo &client, const QString &flowId,
                                       const FlowEditBase &base)
{
    if (Status allowed = requireFlowPermission(m_db, caller, flowId, FlowPermission::Owner);
        !allowed)
        return allowed.error();
    FlowRepository repo(m_db);
    auto flow = repo.flow(flowId);
    if (!flow)
        return flow.error();
    if (Status deleted = repo.softDelete(flowId, base); !deleted)
        return deleted.error();
    invalidateFlowCaches();
    audit(caller, client, QStringLiteral("FLOW_DELETED"), flowId,
          {{QStringLiteral("name"), flow.value().name}});
    m_events.publish({QStringLiteral("flow_deleted"),
                      flowId,
                      {{QStringLiteral("flow_id"), flowId},
                       {QStringLiteral("name"), flow.value().name},
                       {QStringLiteral("deleted_at"), auth::isoOrNull(auth::nowMs())}}});
    return flow;
}

Result<FlowVersionWrite> FlowService::addVersion(const auth::Principal &caller,
                                                 const auth::ClientInfo &client,
                                                 const QString &flowId,
                                                 const flowdrafts::Draft &draft,
                                                 const FlowEditBase &base)
{
    if (Status allowed = requireFlowPermission(m_db, caller, flowId, FlowPermission::Edit);
        !allowed)
        return allowed.error();
    FlowRepository repo(m_db);
    auto version =
        repo.addVersion(flowId, draft.definition, draft.settings, caller.userId, base);
    if (!version)
        return version.error();
    invalidateFlowCaches();
    auto flow = repo.flow(flowId);
    if (!flow)
        return flow.error();
    const FlowVersionRecord &v = version.value();
    const qint64 revision = flow.value().revision;
    audit(caller, client, QStringLiteral("FLOW_VERSION_SAVED"), flowId,
          {{QStringLiteral("version"), v.version},
           {QStringLiteral("problems"), draft.problems.size()}});
    m_events.publish({QStringLiteral("flow_version_added"),
                      flowId,
                      {{QStringLiteral("flow_id"), flowId},
                       {QStringLiteral("revision"), revision},
                       {QStringLiteral("version"), v.version},
                       {QStringLiteral("status"), flow::flowVersionStatusName(v.status)},
                       {QStringLiteral("created_by"), v.createdBy},
                       {QStringLiteral("created_at"), auth::isoOrNull(v.createdAtMs)},
                       {QStringLiteral("latest_version"), v.version},
                       {QStringLiteral("updated_at"), auth::isoOrNull(flow.value().updatedAtMs)}}});
    return FlowVersionWrite{v, revision};
}

Result<FlowVersionWrite> FlowService::publish(const auth::Principal &caller,
                                              const auth::ClientInfo &client,
                                              const QString &flowId, const QString &version,
                                              const FlowEditBase &base)
{
    if (Status allowed = requireFlowPermission(m_db, caller, flowId, FlowPermission::Edit);
        !allowed)
        return allowed.error();
    FlowRepository repo(m_db);
    auto before = repo.flow(flowId);
    if (!before)
        return before.error();
    // A draft with problems stays a draft. An unknown version is left to
    // repo.publish(), which tells a stale base (CONFLICT) from it.
    if (auto draft = repo.version(flowId, version)) {
        if (Status publishable = flowdrafts::requirePublishable(
                draft.value().version,
                flowdrafts::problemsOf(draft.value().definition, draft.value().settings,
                                       m_catalog));
            !publishable)
            return publishable.error();
    }
    auto previous = repo.publishedVersion(flowId); // FLOW_VERSION_NOT_FOUND when none is
    if (Status published = repo.publish(flowId, version, base); !published)
        return published.error();
    invalidateFlowCaches();
    auto record = repo.version(flowId, version);
    if (!record)
        return record.error();
    auto after = repo.flow(flowId);
    if (!after)
        return after.error();
    const qint64 revision = after.value().revision;
    // Publishing the published version again changes nothing (the revision
    // stays): no entry, no event.
    if (revision != before.value().revision) {
        audit(caller, client, QStringLiteral("FLOW_PUBLISHED"), flowId,
              {{QStringLiteral("version"), version}});
        m_events.publish(
            {QStringLiteral("flow_published"),
             flowId,
             {{QStringLiteral("flow_id"), flowId},
              {QStringLiteral("revision"), revision},
              {QStringLiteral("version"), record.value().version},
              {QStringLiteral("published_version"), record.value().version},
              {QStringLiteral("deprecated_version"),
               previous ? QJsonValue(previous.value().version) : QJsonValue()},
              {QStringLiteral("published_at"), auth::isoOrNull(record.value().publishedAtMs)},
              {QStringLiteral("updated_at"), auth::isoOrNull(after.value().updatedAtMs)}}});
    }
    return FlowVersionWrite{record.value(), revision};
}

} // namespace hm::server
