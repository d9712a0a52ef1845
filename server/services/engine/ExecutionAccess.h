#pragma once

// The permission rule of FlowAccess.h applied to one execution: who may see
// it (View on its flow, deleted flows included) and who may stop or re-run
// it (whoever triggered it, Edit on its flow, or an ADMIN).

#include "common/Result.h"
#include "server/api/Roles.h"
#include "server/services/engine/FlowAccess.h"

#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server {

class FlowEngineHost;

struct ExecutionAccess
{
    QString executionId;
    QString flowId;
    QString triggeredBy;
    FlowPermission permission = FlowPermission::None; // on the flow, after the role
    bool triggeredByCaller = false; // the caller's user id or one of their API keys
};

// EXECUTION_NOT_FOUND when the execution does not exist or the caller may
// not view its flow (existence is not revealed). Asks the engine first (a
// fresh execution may not have reached the store yet), then the history.
Result<ExecutionAccess> viewableExecution(store::Database &db, FlowEngineHost &host,
                                          const auth::Principal &principal,
                                          const QString &executionId);

// Cancel, kill, re-run: viewableExecution, then FORBIDDEN unless the caller
// triggered it, has Edit on the flow or is an ADMIN. A caller who triggered
// the execution but can no longer see the flow may still stop it.
Result<ExecutionAccess> controllableExecution(store::Database &db, FlowEngineHost &host,
                                              const auth::Principal &principal,
                                              const QString &executionId);

} // namespace hm::server
