#include "server/services/engine/ExecutionAccess.h"

#include "engine/Scheduler.h"
#include "server/repositories/ApiKeyRepository.h"
#include "server/repositories/ExecutionsRepository.h"
#include "server/services/engine/FlowEngineHost.h"
#include "store/Database.h"

namespace hm::server {

namespace {

Error executionNotFound(const QString &id)
{
    return Error{ErrorCode::ExecutionNotFound, QStringLiteral("no execution %1").arg(id)};
}

using Origin = repositories::ExecutionOrigin;

Result<Origin> origin(store::Database &db, FlowEngineHost &host, const QString &id)
{
    auto live = host.run<Origin>([id](engine::Scheduler &s) -> Result<Origin> {
        const engine::Execution *exec = s.execution(id);
        if (!exec)
            return executionNotFound(id);
        return Origin{exec->flowId, exec->triggeredBy};
    });
    if (live || live.error().code != ErrorCode::ExecutionNotFound)
        return live;
    host.flushJournal();
    auto row = repositories::executionOrigin(db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return executionNotFound(id);
    return *row.value();
}

// triggered_by holds the user id, or the id of the API key used.
Result<bool> triggeredBy(store::Database &db, const auth::Principal &p, const QString &who)
{
    if (who.isEmpty())
        return false;
    if (who == p.userId || (!p.apiKeyId.isEmpty() && who == p.apiKeyId))
        return true;
    return repositories::apiKeyBelongsTo(db, who, p.userId);
}

Result<ExecutionAccess> access(store::Database &db, FlowEngineHost &host,
                               const auth::Principal &principal, const QString &executionId)
{
    auto from = origin(db, host, executionId);
    if (!from)
        return from.error();
    auto permission = historyPermission(db, principal, from.value().flowId);
    if (!permission)
        return permission.error();
    auto mine = triggeredBy(db, principal, from.value().triggeredBy);
    if (!mine)
        return mine.error();
    return ExecutionAccess{executionId, from.value().flowId, from.value().triggeredBy,
                           permission.value(), mine.value()};
}

} // namespace

Result<ExecutionAccess> viewableExecution(store::Database &db, FlowEngineHost &host,
                                          const auth::Principal &principal,
                                          const QString &executionId)
{
    auto found = access(db, host, principal, executionId);
    if (!found)
        return found.error();
    if (found.value().permission == FlowPermission::None)
        return executionNotFound(executionId);
    return found;
}

Result<ExecutionAccess> controllableExecution(store::Database &db, FlowEngineHost &host,
                                              const auth::Principal &principal,
                                              const QString &executionId)
{
    auto found = access(db, host, principal, executionId);
    if (!found)
        return found.error();
    const ExecutionAccess &a = found.value();
    if (a.triggeredByCaller || a.permission >= FlowPermission::Edit)
        return found;
    if (a.permission == FlowPermission::None)
        return executionNotFound(executionId);
    return Error{ErrorCode::Forbidden,
                 QStringLiteral("only who triggered the execution, an editor of the flow or an "
                                "admin may do this"),
                 {{QStringLiteral("required_permission"), flowPermissionName(FlowPermission::Edit)},
                  {QStringLiteral("permission"), flowPermissionName(a.permission)}}};
}

} // namespace hm::server
