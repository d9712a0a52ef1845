#include "server/services/remote/TaskService.h"

#include "engine/Scheduler.h"
#include "engine/tasks/TaskExecutor.h"
#include "flow/FlowCompiler.h"
#include "flow/FlowDefinition.h"
#include "flow/FlowSettings.h"
#include "server/api/PagedReply.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/TaskRepository.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/engine/TriggerService.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/remote/NodeActions.h"
#include "server/services/remote/NodeGrants.h"
#include "server/services/system/StorageGuard.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QUuid>

namespace hm::server::remote {

namespace {

const QString kTasksCapabilityName = QStringLiteral("tasks");
// The one node of a task flow.
const QString kTaskFlowNode = QStringLiteral("task");

QString taskFlowJsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString taskProgramName(const engine::TaskCommand &command)
{
    return command.shell ? QStringLiteral("shell script") : command.argv.value(0).left(256);
}

// The seed's status from the execution's and, once it completed, the
// command's: a command that exited non-zero (or timed out) failed.
QString seedTaskStatus(const QString &executionStatus, const QJsonObject &result)
{
    if (executionStatus == u"cancelled" || executionStatus == u"failed")
        return executionStatus;
    if (executionStatus != u"completed")
        return QStringLiteral("running");
    const bool ok = result.value(QStringLiteral("exit_code")).toInt(-1) == 0
                    && !result.value(QStringLiteral("timed_out")).toBool();
    return ok ? QStringLiteral("completed") : QStringLiteral("failed");
}

QJsonValue seedTaskOutput(const QJsonObject &result, const QString &key)
{
    const QJsonValue value = result.value(key);
    if (value.isString())
        return value.toString().right(TaskService::kListOutputChars);
    // A large output the engine moved to a blob (gone with the execution's
    // state) is not a string here: its tail kept beside it is.
    return result.value(key + QStringLiteral("_tail")).toString();
}

QJsonValue seedTaskTime(std::optional<qint64> ms)
{
    return ms && *ms > 0 ? QJsonValue(engine::isoTimestamp(*ms)) : QJsonValue();
}

QJsonObject seedTaskJson(const repositories::TaskRow &row)
{
    const QJsonObject result = row.outputs.value(kTaskFlowNode).toObject();
    const QJsonValue exitCode = result.value(QStringLiteral("exit_code"));
    QJsonObject json{
        {QStringLiteral("task_id"), row.executionId},
        {QStringLiteral("execution_id"), row.executionId},
        {QStringLiteral("node_id"), row.triggerInput.value(QStringLiteral("node_id"))},
        {QStringLiteral("node_name"), row.triggerInput.value(QStringLiteral("node_name"))},
        {QStringLiteral("command"), row.triggerInput.value(QStringLiteral("command"))},
        {QStringLiteral("status"), seedTaskStatus(row.status, result)},
        {QStringLiteral("execution_status"), row.status},
        {QStringLiteral("exit_code"), exitCode.isUndefined() ? QJsonValue() : exitCode},
        {QStringLiteral("stdout"), seedTaskOutput(result, QStringLiteral("stdout"))},
        {QStringLiteral("stderr"), seedTaskOutput(result, QStringLiteral("stderr"))},
        {QStringLiteral("timed_out"), result.value(QStringLiteral("timed_out")).toBool()},
        {QStringLiteral("error"),
         row.errorCode.isEmpty() ? QJsonValue()
                                 : QJsonValue(QJsonObject{{QStringLiteral("code"), row.errorCode},
                                                          {QStringLiteral("message"),
                                                           row.errorMessage}})},
        {QStringLiteral("created_by"), row.ownerId},
        {QStringLiteral("created_at"), seedTaskTime(row.createdAt)},
        {QStringLiteral("finished_at"), seedTaskTime(row.endedAt)},
    };
    return json;
}

} // namespace

TaskService::TaskService(store::Database &db, FlowEngineHost &host, NodeActions &actions,
                         QObject *parent)
    : QObject(parent), m_db(db), m_host(host), m_actions(actions)
{
}

ApiReply TaskService::create(const RequestContext &context, const auth::Principal &caller,
                             const QJsonObject &body)
{
    const QJsonValue nodeIdValue = body.value(QStringLiteral("node_id"));
    if (!nodeIdValue.isString() || nodeIdValue.toString().trimmed().isEmpty())
        return ApiReply::failure(Error{ErrorCode::ValidationError,
                                       QStringLiteral("node_id: the node to run on is missing"),
                                       QJsonObject{{QStringLiteral("field"),
                                                    QStringLiteral("node_id")}}});
    const QString nodeId = nodeIdValue.toString().trimmed();
    // The same config a flow's task node has, aimed at that one node.
    QJsonObject config = body;
    config.remove(QStringLiteral("node_id"));
    config.insert(QStringLiteral("target"), QJsonObject{{QStringLiteral("node_id"), nodeId}});
    auto request = engine::parseTaskConfig(config);
    if (!request)
        return ApiReply::failure(request.error());

    auto node = m_actions.fleet().get(nodeId);
    if (!node) {
        if (node.error().code == ErrorCode::ResourceNotFound)
            return ApiReply::failure(
                Error{ErrorCode::ResourceNotFound,
                      QStringLiteral("no node %1: node_id must name an enrolled node")
                          .arg(nodeId.left(64)),
                      QJsonObject{{QStringLiteral("field"), QStringLiteral("node_id")}}});
        return ApiReply::failure(node.error());
    }
    const auth::ClientInfo client = auth::clientInfo(context);
    const QString command = taskProgramName(request.value().command);
    if (Status allowed = m_actions.grants().authorise(caller, node.value(), kTasksCapabilityName); !allowed) {
        RemoteAction refused{nodeId, kTasksCapabilityName, QStringLiteral("run"), {},
                             QStringLiteral("NODE_TASK_RUN"), command,
                             QJsonObject{{QStringLiteral("program"), command}}};
        m_actions.recordAudit(caller, client, refused, allowed);
        Error error = allowed.error();
        error.message = QStringLiteral("%1 may not run tasks on %2: %3")
                            .arg(caller.username, node.value().name, error.message);
        return ApiReply::failure(error);
    }

    // A full disk refuses new executions, tasks too (nothing stored).
    StorageGuard *storage = m_host.triggers().storageGuard();
    if (storage)
        if (Status room = storage->admit(); !room)
            return StorageGuard::reply(room.error());

    // The flow: one `task` node with the request's config. It outlives the
    // command by a margin, so the command's own timeout speaks first.
    const int timeoutMs = request.value().command.timeoutMs + kTimeoutMarginMs;
    const QJsonObject definitionJson{
        {QStringLiteral("schemaVersion"), 1},
        {QStringLiteral("nodes"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), kTaskFlowNode},
                                {QStringLiteral("component"), QStringLiteral("task")},
                                {QStringLiteral("version"), QStringLiteral("1.0.0")},
                                {QStringLiteral("position"),
                                 QJsonObject{{QStringLiteral("x"), 0}, {QStringLiteral("y"), 0}}},
                                {QStringLiteral("config"), config},
                                {QStringLiteral("inputMappings"), QJsonObject()}}}},
        {QStringLiteral("edges"), QJsonArray()}};
    auto definition = flow::FlowDefinition::fromJson(definitionJson);
    if (!definition)
        return ApiReply::failure(definition.error());
    flow::FlowSettings settings;
    settings.timeout.nodeTimeoutMs = timeoutMs;
    settings.timeout.flowTimeoutMs = qint64(timeoutMs) + kTimeoutMarginMs;
    settings.retry.maxAttempts = 1; // a task runs once; the caller decides on another
    settings.historyLevel = flow::HistoryLevel::All;
    auto compiled = flow::compile(definition.value(), settings, m_host.registry());
    if (!compiled)
        return ApiReply::failure(compiled.error());

    // The same owner running the same task again reuses its flow (the id
    // names the content): hidden flows do not pile up one per task.
    repositories::NewTaskFlow flow;
    flow.ownerId = caller.userId;
    flow.definition = taskFlowJsonText(definition.value().toJson());
    flow.settings = taskFlowJsonText(settings.toJson());
    flow.id = repositories::taskFlowId(flow.ownerId, flow.definition, flow.settings);
    flow.name = QStringLiteral("Task %1 on %2 (%3)")
                    .arg(command.left(80), node.value().name.left(80), flow.id.mid(5, 8));
    flow.createdAt = QDateTime::currentMSecsSinceEpoch();
    if (Status stored = repositories::insertTaskFlow(m_db, flow); !stored)
        return ApiReply::failure(stored.error());

    // What the list shows of the task before (and after) it ends: never the
    // arguments, the environment or the script.
    const QJsonObject inputs{{QStringLiteral("node_id"), nodeId},
                             {QStringLiteral("node_name"), node.value().name},
                             {QStringLiteral("command"), command}};
    engine::TriggerRequest trigger{flow.id, QStringLiteral("1"), compiled.value(), inputs,
                                   caller.apiKeyId.isEmpty() ? caller.userId : caller.apiKeyId};
    const DeferredReply reply = context.defer();
    const qint64 journalFrom = m_host.journalTicket();
    m_host.runAsync<engine::TriggerResult>(
        [trigger = std::move(trigger)](engine::Scheduler &s) { return s.trigger(trigger); }, this,
        [this, reply, journalFrom,
         storage = QPointer<StorageGuard>(storage)](Result<engine::TriggerResult> started) {
            if (!started)
                return reply.send(ApiReply::failure(started.error()));
            const QString id = started.value().executionId;
            // Answered once the execution is in the database.
            m_host.afterCommit(journalFrom, this, [reply, id, storage](bool committed) {
                if (!committed)
                    return reply.send(StorageGuard::notStored(storage, QStringLiteral("task")));
                reply.send(ApiReply::ok(QJsonObject{{QStringLiteral("task_id"), id},
                                                    {QStringLiteral("execution_id"), id},
                                                    {QStringLiteral("status"),
                                                     QStringLiteral("created")}}));
            });
        });
    return ApiReply::deferred();
}

ApiReply TaskService::list(const auth::Principal &caller, const Paging &paging)
{
    auto page = repositories::listTasks(m_db, caller, paging);
    if (!page)
        return ApiReply::failure(page.error());
    QJsonArray items;
    for (const repositories::TaskRow &row : std::as_const(page.value().items))
        items.append(seedTaskJson(row));
    return pagedReply(items, paging, page.value().total, QStringLiteral("tasks"));
}

} // namespace hm::server::remote
