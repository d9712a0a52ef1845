#pragma once

// What the execution history (the executions table) says about one
// execution, for the executions routes: the engine forgot it (expired from
// memory, or from before a restart) or never had it in this process.

#include "common/Result.h"
#include "engine/EngineTypes.h"

#include <QJsonObject>
#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server {

class FlowEngineHost;

// The execution as GET /api/v1/executions/{id} shows it, without its nodes:
// ids, status, inputs (masked on the way out; stored unmasked for re-runs),
// outputs, times, error. Waits for the journal to catch up first, so an
// execution the engine just finished is there. EXECUTION_NOT_FOUND when the
// history has no such execution.
Result<QJsonObject> storedExecutionJson(store::Database &db, FlowEngineHost &host,
                                        const QString &executionId);

// Re-run of an execution only the history still holds. Only from the
// start: the stored node outputs are masked, so they cannot feed a re-run
// from the failed nodes (VALIDATION_ERROR naming "from"); neither can a
// trigger input too large to have been kept.
Result<engine::TriggerResult> rerunFromHistory(store::Database &db, FlowEngineHost &host,
                                               const engine::RerunRequest &rerun);

} // namespace hm::server
