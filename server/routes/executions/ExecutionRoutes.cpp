#include "engine_store/FlowRepository.h"
#include "engine_store/StoredNodes.h"
#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/ExecutionsRepository.h"
#include "server/repositories/ListRepositories.h"
#include "server/routes/EngineRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/engine/ExecutionAccess.h"
#include "server/services/engine/ExecutionCallbacks.h"
#include "server/services/engine/ExecutionHistory.h"
#include "server/services/engine/ExecutionStats.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/engine/TriggerCallOptions.h"
#include "server/services/engine/TriggerService.h"
#include "server/services/system/StorageGuard.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

namespace hm::server {

using namespace engine;
using namespace engine::persistence;
using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

QString callerId(const Principal &p)
{
    return p.apiKeyId.isEmpty() ? p.userId : p.apiKeyId;
}

ApiReply trigger(FlowEngineHost &host, const RequestContext &c, const Principal &p)
{
    // The hot path: the grant is cached until a share or flow write.
    HM_TRY_STATUS(host.triggers().access().require(p, c.pathArgs.at(0), FlowPermission::View));
    HM_TRY(body, c.jsonObject());
    const QString flowId = c.pathArgs.at(0);
    const QJsonValue inputs = body.value().value(QStringLiteral("inputs"));
    if (!inputs.isUndefined() && !inputs.isNull() && !inputs.isObject())
        return ApiReply::failure(
            auth::fieldError(QStringLiteral("inputs"), QStringLiteral("must be an object")));
    const QJsonObject options = body.value().value(QStringLiteral("options")).toObject();
    HM_TRY(requested, auth::optionalString(options, QStringLiteral("version")));
    HM_TRY(call, readTriggerCallOptions(options));
    TriggerOptions triggerOptions;
    triggerOptions.version = requested.value();
    triggerOptions.call = call.value();
    triggerOptions.triggeredBy = callerId(p);
    const auth::ClientInfo client = auth::clientInfo(c);
    triggerOptions.actor = TriggerActor{p.userId, p.apiKeyId, client.ip, client.userAgent};
    TriggerService::readWaitQuery(c, triggerOptions);
    return host.triggers().trigger(c, flowId, inputs.toObject(), triggerOptions);
}

ApiReply getExecution(store::Database &db, FlowEngineHost &host, const RequestContext &c,
                      const Principal &p)
{
    HM_TRY(access, viewableExecution(db, host, p, c.pathArgs.at(0)));
    HM_TRY(exec, storedExecutionJson(db, host, c.pathArgs.at(0)));
    HM_TRY(stored, persistence::loadStoredNodes(db, c.pathArgs.at(0)));
    auto text = [](const QString &value) { return value.isEmpty() ? QJsonValue() : value; };
    QJsonArray nodes;
    for (const persistence::StoredNode &s : std::as_const(stored.value()))
        nodes.append(QJsonObject{{QStringLiteral("node_id"), s.nodeId},
                                 {QStringLiteral("component"), s.component},
                                 {QStringLiteral("version"), s.version},
                                 {QStringLiteral("status"), s.status},
                                 {QStringLiteral("attempt"), s.attempt},
                                 {QStringLiteral("skip_reason"), text(s.skipReason)},
                                 {QStringLiteral("inputs"), s.inputs},
                                 {QStringLiteral("outputs"), s.outputs},
                                 {QStringLiteral("error_code"), text(s.errorCode)},
                                 {QStringLiteral("error_message"), text(s.errorMessage)},
                                 {QStringLiteral("started_at"), auth::isoOrNull(s.startedAtMs)},
                                 {QStringLiteral("ended_at"), auth::isoOrNull(s.endedAtMs)}});
    QJsonObject data = exec.value();
    data.insert(QStringLiteral("nodes"), nodes);
    return ApiReply::ok(data);
}

// The callback of an execution (its target without the query, status and
// tries); whoever may view the execution may see it, never its secret.
ApiReply getCallback(store::Database &db, FlowEngineHost &host, const RequestContext &c,
                     const Principal &p)
{
    HM_TRY(access, viewableExecution(db, host, p, c.pathArgs.at(0)));
    ExecutionCallbacks *callbacks = host.triggers().callbacks();
    if (!callbacks)
        return ApiReply::failure(
            Error{ErrorCode::ServiceUnavailable, QStringLiteral("the server is stopping")});
    HM_TRY(detail, callbacks->detail(c.pathArgs.at(0)));
    return ApiReply::ok(detail.value());
}

// Only executions of flows the caller may view (ADMIN: all).
ApiReply listExecutions(store::Database &db, FlowEngineHost &host, const RequestContext &c,
                        const Principal &p)
{
    host.flushJournal();
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    repositories::ExecutionListFilter filter;
    filter.flowId = queryValue(query, QStringLiteral("flow_id"));
    filter.status = queryValue(query, QStringLiteral("status"));
    // Time window on created_at: from inclusive, to exclusive.
    for (const auto &[name, bound] : {std::pair{QStringLiteral("from"), &filter.fromMs},
                                      std::pair{QStringLiteral("to"), &filter.toMs}}) {
        const QString value = queryValue(query, name);
        if (value.isEmpty())
            continue;
        const qint64 ms = auth::parseIsoMs(value);
        if (ms <= 0)
            return ApiReply::failure(
                auth::fieldError(name, QStringLiteral("%1 must be an ISO-8601 time such as "
                                                      "2026-01-31T12:00:00Z")
                                           .arg(name)));
        *bound = ms;
    }
    HM_TRY(page, repositories::listExecutions(db, p, filter, paging.value()));
    QJsonArray items;
    for (const repositories::ExecutionListRow &e : std::as_const(page.value().items))
        items.append(QJsonObject{
            {QStringLiteral("execution_id"), e.id},
            {QStringLiteral("flow_id"), e.flowId},
            {QStringLiteral("flow_name"), e.flowName.isEmpty() ? QJsonValue() : e.flowName},
            {QStringLiteral("flow_version"), e.flowVersion},
            {QStringLiteral("status"), e.status},
            {QStringLiteral("triggered_by"), e.triggeredBy},
            {QStringLiteral("created_at"), auth::isoOrNull(e.createdAt)},
            {QStringLiteral("started_at"), auth::isoOrNull(e.startedAt)},
            {QStringLiteral("ended_at"), auth::isoOrNull(e.endedAt)},
            {QStringLiteral("duration_ms"),
             e.durationMs ? QJsonValue(*e.durationMs) : QJsonValue()},
            {QStringLiteral("error_code"), e.errorCode ? QJsonValue(*e.errorCode) : QJsonValue()}});
    return pagedReply(items, paging.value(), page.value().total);
}

ApiReply executionStatsReply(store::Database &db, FlowEngineHost &host, const RequestContext &c,
                             const Principal &p)
{
    const QString text = queryValue(c.request.query(), QStringLiteral("hours"));
    int hours = 24;
    if (!text.isEmpty()) {
        bool ok = false;
        hours = text.toInt(&ok);
        if (!ok || hours < 1 || hours > 168)
            return ApiReply::failure(auth::fieldError(
                QStringLiteral("hours"), QStringLiteral("hours must be a whole number 1..168")));
    }
    host.flushJournal();
    HM_TRY(stats, executionStats(db, p, hours, QDateTime::currentMSecsSinceEpoch()));
    return ApiReply::ok(stats.value());
}

ApiReply status(store::Database &db, FlowEngineHost &host, const RequestContext &c,
                const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY(access, viewableExecution(db, host, p, id));
    auto snapshot = host.run<QJsonObject>([id](Scheduler &s) { return s.snapshot(id); });
    if (snapshot)
        return ApiReply::ok(snapshot.value());
    if (snapshot.error().code != ErrorCode::ExecutionNotFound)
        return ApiReply::failure(snapshot.error());
    // Expired from memory or from before a restart: what the history says.
    HM_TRY(stored, storedExecutionJson(db, host, id));
    return ApiReply::ok(stored.value());
}

QJsonObject cancelJson(const CancelResult &r)
{
    return {{QStringLiteral("execution_id"), r.executionId},
            {QStringLiteral("status"), executionStatusName(r.status)},
            {QStringLiteral("affected_nodes"), QJsonArray::fromStringList(r.affectedNodes)}};
}

ApiReply cancel(store::Database &db, FlowEngineHost &host, const RequestContext &c,
                const Principal &p)
{
    HM_TRY(access, controllableExecution(db, host, p, c.pathArgs.at(0)));
    HM_TRY(body, c.jsonObject());
    HM_TRY(reasonName, auth::optionalString(body.value(), QStringLiteral("reason"),
                                            QStringLiteral("user_requested")));
    HM_TRY(message, auth::optionalString(body.value(), QStringLiteral("message")));
    const auto reason = cancelReasonFromName(reasonName.value());
    if (!reason)
        return ApiReply::failure(
            auth::fieldError(QStringLiteral("reason"), QStringLiteral("unknown cancel reason")));
    CancelRequest request{*reason, message.value(), QStringLiteral("user:") + p.userId};
    const QString id = c.pathArgs.at(0);
    HM_TRY(result,
           host.run<CancelResult>([id, request](Scheduler &s) { return s.cancel(id, request); }));
    return ApiReply::ok(cancelJson(result.value()));
}

ApiReply kill(store::Database &db, FlowEngineHost &host, const RequestContext &c,
              const Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY(access, controllableExecution(db, host, p, id));
    HM_TRY(result, host.run<CancelResult>([id](Scheduler &s) { return s.kill(id); }));
    return ApiReply::ok(cancelJson(result.value()));
}

ApiReply rerun(store::Database &db, FlowEngineHost &host, const RequestContext &c,
               const Principal &p)
{
    HM_TRY(access, controllableExecution(db, host, p, c.pathArgs.at(0)));
    HM_TRY(body, c.jsonObject());
    HM_TRY(from,
           auth::optionalString(body.value(), QStringLiteral("from"), QStringLiteral("start")));
    HM_TRY(version, auth::optionalString(body.value(), QStringLiteral("version")));
    RerunRequest request;
    request.executionId = c.pathArgs.at(0);
    request.triggeredBy = callerId(p);
    if (from.value() == QLatin1String("failed"))
        request.from = RerunRequest::From::Failed;
    else if (from.value() != QLatin1String("start"))
        return ApiReply::failure(
            auth::fieldError(QStringLiteral("from"), QStringLiteral("must be start or failed")));
    if (!version.value().isEmpty()) {
        FlowRepository repo(db);
        HM_TRY(compiled,
               repo.loadCompiled(access.value().flowId, version.value(), host.registry()));
        request.flow = compiled.value();
        request.version = version.value();
    }
    if (StorageGuard *storage = host.triggers().storageGuard()) {
        if (Status room = storage->admit(); !room)
            return StorageGuard::reply(room.error());
    }
    // Every journal write of the new execution comes after this ticket.
    const qint64 journalFrom = host.journalTicket();
    auto result = host.run<TriggerResult>([request](Scheduler &s) { return s.rerun(request); });
    if (!result && result.error().code == ErrorCode::ExecutionNotFound)
        result = rerunFromHistory(db, host, request); // the engine has forgotten it
    if (!result)
        return ApiReply::failure(result.error());
    const auth::ClientInfo client = auth::clientInfo(c);
    // Before the answer's ticket below: the answer waits for the audit row too.
    host.triggers().audit().record(TriggerActor{p.userId, p.apiKeyId, client.ip, client.userAgent},
                                   result.value(), request.version, {}, request.executionId);
    // Acknowledged means durable, as for triggers (TriggerService).
    ApiReply answer =
        ApiReply::ok(TriggerService::startJson(result.value()),
                     result.value().status == TriggerResult::Status::Queued ? 202 : 200);
    const DeferredReply reply = c.defer();
    host.afterCommit(
        journalFrom, &host,
        [reply, answer = std::move(answer),
         storage = QPointer<StorageGuard>(host.triggers().storageGuard())](bool committed) {
            reply.send(committed ? answer
                                 : StorageGuard::notStored(storage, QStringLiteral("execution")));
        });
    return ApiReply::deferred();
}

const QString kExecutionsTag = QStringLiteral("Executions");

QJsonObject executionStatusSchema()
{
    return enumOf({QStringLiteral("pending"), QStringLiteral("queued"), QStringLiteral("running"),
                   QStringLiteral("cancelling"), QStringLiteral("completed"),
                   QStringLiteral("failed"), QStringLiteral("cancelled")});
}

QJsonObject executionStatsSchema()
{
    QJsonObject counts{
        {QStringLiteral("completed"), integer()}, {QStringLiteral("failed"), integer()},
        {QStringLiteral("running"), integer()},   {QStringLiteral("queued"), integer()},
        {QStringLiteral("cancelled"), integer()}, {QStringLiteral("total"), integer()}};
    QJsonObject bucket = counts;
    bucket.insert(QStringLiteral("start"), string());
    return object({{QStringLiteral("hours"), integer()},
                   {QStringLiteral("from"), string()},
                   {QStringLiteral("to"), string()},
                   {QStringLiteral("totals"), object(counts)},
                   {QStringLiteral("buckets"), arrayOf(object(bucket))}},
                  {QStringLiteral("hours"), QStringLiteral("totals"), QStringLiteral("buckets")});
}

// A row of listExecutions.
QJsonObject executionListSchema()
{
    const QJsonObject item = object({{QStringLiteral("execution_id"), string()},
                                     {QStringLiteral("flow_id"), string()},
                                     {QStringLiteral("flow_name"), nullable(string())},
                                     {QStringLiteral("flow_version"), string()},
                                     {QStringLiteral("status"), executionStatusSchema()},
                                     {QStringLiteral("triggered_by"), string()},
                                     {QStringLiteral("created_at"), string()},
                                     {QStringLiteral("started_at"), nullable(string())},
                                     {QStringLiteral("ended_at"), nullable(string())},
                                     {QStringLiteral("duration_ms"), nullable(integer())},
                                     {QStringLiteral("error_code"), nullable(string())}},
                                    {QStringLiteral("execution_id"), QStringLiteral("flow_id"),
                                     QStringLiteral("flow_version"), QStringLiteral("status"),
                                     QStringLiteral("created_at")});
    return object(
        {{QStringLiteral("items"), arrayOf(item)}, {QStringLiteral("pagination"), pagination()}},
        {QStringLiteral("items"), QStringLiteral("pagination")});
}

// storedExecutionJson (ExecutionHistory.h) with the nodes of getExecution.
QJsonObject executionSchema()
{
    const QJsonObject node =
        object({{QStringLiteral("node_id"), string()},
                {QStringLiteral("component"), string()},
                {QStringLiteral("version"), string()},
                {QStringLiteral("status"),
                 enumOf({QStringLiteral("pending"), QStringLiteral("running"),
                         QStringLiteral("completed"), QStringLiteral("failed"),
                         QStringLiteral("cancelled"), QStringLiteral("skipped")})},
                {QStringLiteral("attempt"), integer()},
                {QStringLiteral("skip_reason"), nullable(string())},
                {QStringLiteral("inputs"),
                 QJsonObject{{QStringLiteral("description"), QStringLiteral("masked")}}},
                {QStringLiteral("outputs"),
                 QJsonObject{{QStringLiteral("description"), QStringLiteral("masked")}}},
                {QStringLiteral("error_code"), nullable(string())},
                {QStringLiteral("error_message"), nullable(string())},
                {QStringLiteral("started_at"), nullable(string())},
                {QStringLiteral("ended_at"), nullable(string())}},
               {QStringLiteral("node_id"), QStringLiteral("status")});
    return object(
        {{QStringLiteral("execution_id"), string()},
         {QStringLiteral("flow_id"), string()},
         {QStringLiteral("flow_version"), string()},
         {QStringLiteral("status"), executionStatusSchema()},
         {QStringLiteral("inputs"), object({})},
         {QStringLiteral("triggered_by"), nullable(string())},
         {QStringLiteral("cancel_reason"), nullable(string())},
         {QStringLiteral("outputs"), object({})},
         {QStringLiteral("rerun_of"), nullable(string())},
         {QStringLiteral("created_at"), string()},
         {QStringLiteral("started_at"), nullable(string())},
         {QStringLiteral("ended_at"), nullable(string())},
         {QStringLiteral("duration_ms"), nullable(integer())},
         {QStringLiteral("error"), nullable(object({{QStringLiteral("code"), string()},
                                                    {QStringLiteral("message"), string()}}))},
         {QStringLiteral("nodes"), arrayOf(node)}},
        {QStringLiteral("execution_id"), QStringLiteral("flow_id"), QStringLiteral("flow_version"),
         QStringLiteral("status"), QStringLiteral("nodes")});
}

} // namespace

void registerExecutionRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                             FlowEngineHost &host)
{
    RouteDoc triggerDoc =
        routeDoc(
            kExecutionsTag,
            QStringLiteral("Trigger a flow (published version unless options.version); 202 when "
                           "queued; ?wait=true answers when it ends"),
            {ErrorCode::FlowNotFound, ErrorCode::FlowVersionNotFound, ErrorCode::ConcurrentDenied})
            .refusedOnFullDisk()
            .request(
                object({{QStringLiteral("inputs"), object({})},
                        {QStringLiteral("options"),
                         object({{QStringLiteral("version"), string()},
                                 {QStringLiteral("priority"),
                                  QJsonObject{{QStringLiteral("description"),
                                               QStringLiteral("\"low\" (-10), \"normal\" (0), "
                                                              "\"high\" (10) or -100..100; higher "
                                                              "runs first in a queue")}}},
                                 {QStringLiteral("timeout_override_ms"), integer()},
                                 {QStringLiteral("callback_url"), string()},
                                 {QStringLiteral("callback_secret"), string()}})}}));
    triggerDoc.queryParameters = {
        query(QStringLiteral("wait"), boolean(), QStringLiteral("Answer when the execution ends")),
        query(QStringLiteral("timeout_ms"), integer(),
              QStringLiteral("Longest wait (default 30000, at most 300000)"))};
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/flows/{id}/trigger"), Role::User,
        [&host](const RequestContext &c, const Principal &p) { return trigger(host, c, p); },
        std::move(triggerDoc));
    RouteDoc listDoc =
        routeDoc(kExecutionsTag,
                 QStringLiteral("Execution history of the flows the caller may view"))
            .response(executionListSchema());
    listDoc.queryParameters = paging();
    listDoc.queryParameters.append(query(QStringLiteral("flow_id"), string()));
    listDoc.queryParameters.append(query(QStringLiteral("status"), string()));
    listDoc.queryParameters.append(
        query(QStringLiteral("from"), string(), QStringLiteral("Created at or after (ISO-8601)")));
    listDoc.queryParameters.append(
        query(QStringLiteral("to"), string(), QStringLiteral("Created before (ISO-8601)")));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/executions"), Role::Viewer,
        [&db, &host](const RequestContext &c, const Principal &p) {
            return listExecutions(db, host, c, p);
        },
        std::move(listDoc));
    RouteDoc statsDoc =
        routeDoc(
            kExecutionsTag,
            QStringLiteral("Executions created in the last hours (default 24, 1..168) of the flows "
                           "the caller may view, counted per status and per hour"))
            .response(executionStatsSchema());
    statsDoc.queryParameters = {query(QStringLiteral("hours"), integer(),
                                      QStringLiteral("Length of the window in hours (1..168)"))};
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/executions/stats"), Role::Viewer,
        [&db, &host](const RequestContext &c, const Principal &p) {
            return executionStatsReply(db, host, c, p);
        },
        std::move(statsDoc));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/executions/{id}"), Role::Viewer,
        [&db, &host](const RequestContext &c, const Principal &p) {
            return getExecution(db, host, c, p);
        },
        routeDoc(kExecutionsTag,
                 QStringLiteral("An execution from the history, with its nodes (masked; view)"),
                 {ErrorCode::ExecutionNotFound})
            .response(executionSchema()));
    const QJsonObject callbackTry = object({{QStringLiteral("attempt"), integer()},
                                            {QStringLiteral("at"), string()},
                                            {QStringLiteral("http_status"), nullable(integer())},
                                            {QStringLiteral("error"), nullable(string())},
                                            {QStringLiteral("duration_ms"), integer()}});
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/executions/{id}/callback"), Role::Viewer,
        [&db, &host](const RequestContext &c, const Principal &p) {
            return getCallback(db, host, c, p);
        },
        routeDoc(kExecutionsTag,
                 QStringLiteral("The callback_url delivery of an execution and its tries (view)"),
                 {ErrorCode::ExecutionNotFound, ErrorCode::ResourceNotFound})
            .response(object({{QStringLiteral("execution_id"), string()},
                              {QStringLiteral("url"), string()},
                              {QStringLiteral("status"),
                               enumOf({QStringLiteral("waiting"), QStringLiteral("pending"),
                                       QStringLiteral("delivered"), QStringLiteral("failed")})},
                              {QStringLiteral("attempt_count"), integer()},
                              {QStringLiteral("next_attempt_at"), nullable(string())},
                              {QStringLiteral("last_status"), nullable(integer())},
                              {QStringLiteral("last_error"), nullable(string())},
                              {QStringLiteral("created_at"), string()},
                              {QStringLiteral("attempts"), arrayOf(callbackTry)}},
                             {QStringLiteral("execution_id"), QStringLiteral("status"),
                              QStringLiteral("attempts")})));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/executions/{id}/status"), Role::Viewer,
        [&db, &host](const RequestContext &c, const Principal &p) {
            return status(db, host, c, p);
        },
        routeDoc(kExecutionsTag, QStringLiteral("Live status of an execution (view)"),
                 {ErrorCode::ExecutionNotFound}));
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/executions/{id}/cancel"), Role::User,
        [&db, &host](const RequestContext &c, const Principal &p) {
            return cancel(db, host, c, p);
        },
        routeDoc(kExecutionsTag,
                 QStringLiteral("Cancel an execution (its triggerer, edit on the flow, or ADMIN)"),
                 {ErrorCode::ExecutionNotFound, ErrorCode::Forbidden,
                  ErrorCode::ExecutionAlreadyCancelled, ErrorCode::ExecutionAlreadyCompleted})
            .request(object(
                {{QStringLiteral("reason"), string()}, {QStringLiteral("message"), string()}})));
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/executions/{id}/kill"), Role::User,
        [&db, &host](const RequestContext &c, const Principal &p) { return kill(db, host, c, p); },
        routeDoc(kExecutionsTag,
                 QStringLiteral("Stop an execution at once, without the grace period (as cancel)"),
                 {ErrorCode::ExecutionNotFound, ErrorCode::Forbidden,
                  ErrorCode::ExecutionAlreadyCompleted}));
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/executions/{id}/rerun"), Role::User,
        [&db, &host](const RequestContext &c, const Principal &p) { return rerun(db, host, c, p); },
        routeDoc(kExecutionsTag,
                 QStringLiteral("Re-run an execution from the start or from its failed nodes (as "
                                "cancel)"),
                 {ErrorCode::ExecutionNotFound, ErrorCode::Forbidden,
                  ErrorCode::FlowVersionNotFound, ErrorCode::ConcurrentDenied})
            .refusedOnFullDisk()
            .request(object({{QStringLiteral("from"),
                              enumOf({QStringLiteral("start"), QStringLiteral("failed")})},
                             {QStringLiteral("version"), string()}})));
}

} // namespace hm::server
