#include "server/services/engine/ExecutionHistory.h"

#include "engine/Scheduler.h"
#include "engine_store/FlowRepository.h"
#include "engine_store/JsonColumn.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/ExecutionsRepository.h"
#include "server/services/engine/FlowEngineHost.h"

#include <QJsonDocument>

namespace hm::server {

using namespace engine;
using namespace engine::persistence;

Result<QJsonObject> storedExecutionJson(store::Database &db, FlowEngineHost &host,
                                        const QString &executionId)
{
    host.flushJournal();
    auto row = repositories::storedExecution(db, executionId);
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::ExecutionNotFound,
                     QStringLiteral("no execution %1").arg(executionId)};
    const repositories::StoredExecution &e = *row.value();
    auto text = [](const std::optional<QString> &value) {
        return value ? QJsonValue(*value) : QJsonValue();
    };
    QJsonObject json{
        {QStringLiteral("execution_id"), e.id},
        {QStringLiteral("flow_id"), e.flowId},
        {QStringLiteral("flow_version"), e.flowVersion},
        {QStringLiteral("status"), e.status},
        // Stored unmasked for re-runs; masked on the way out.
        {QStringLiteral("inputs"),
         QJsonDocument::fromJson(
             maskedJson(QJsonDocument::fromJson(e.triggerInput.toUtf8()).object()).toUtf8())
             .object()},
        {QStringLiteral("triggered_by"), text(e.triggeredBy)},
        {QStringLiteral("cancel_reason"), text(e.cancelReason)},
        {QStringLiteral("outputs"), QJsonDocument::fromJson(e.outputs.toUtf8()).object()},
        {QStringLiteral("rerun_of"), text(e.rerunOf)},
        {QStringLiteral("created_at"), auth::isoOrNull(e.createdAt)},
        {QStringLiteral("started_at"), auth::isoOrNull(e.startedAt)},
        {QStringLiteral("ended_at"), auth::isoOrNull(e.endedAt)},
        {QStringLiteral("duration_ms"), e.durationMs ? QJsonValue(*e.durationMs) : QJsonValue()}};
    json.insert(QStringLiteral("error"),
                e.errorCode ? QJsonValue(QJsonObject{{QStringLiteral("code"), *e.errorCode},
                                                     {QStringLiteral("message"), e.errorMessage}})
                            : QJsonValue());
    return json;
}

Result<TriggerResult> rerunFromHistory(store::Database &db, FlowEngineHost &host,
                                       const RerunRequest &rerun)
{
    if (rerun.from == RerunRequest::From::Failed)
        return auth::fieldError(
            QStringLiteral("from"),
            QStringLiteral("execution %1 is only in the history, whose node outputs are masked:"
                           " it can only be re-run from the start")
                .arg(rerun.executionId));
    auto row = repositories::storedExecution(db, rerun.executionId);
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::ExecutionNotFound,
                     QStringLiteral("no execution %1").arg(rerun.executionId)};
    const repositories::StoredExecution &stored = *row.value();
    TriggerRequest trigger;
    trigger.flowId = stored.flowId;
    trigger.version = rerun.flow ? rerun.version : stored.flowVersion;
    trigger.inputs = QJsonDocument::fromJson(stored.triggerInput.toUtf8()).object();
    trigger.triggeredBy = rerun.triggeredBy;
    if (isTruncatedMarker(trigger.inputs))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("the trigger input of execution %1 was too large to keep in"
                                    " the history: it cannot be re-run")
                         .arg(rerun.executionId)};
    if (rerun.flow) {
        trigger.flow = rerun.flow;
    } else {
        FlowRepository repo(db);
        auto compiled = repo.loadCompiled(trigger.flowId, trigger.version, host.registry());
        if (!compiled)
            return compiled.error();
        trigger.flow = compiled.value();
    }
    const QString originalId = rerun.executionId;
    return host.run<TriggerResult>(
        [trigger, originalId](Scheduler &s) { return s.rerunFromHistory(trigger, originalId); });
}

} // namespace hm::server
