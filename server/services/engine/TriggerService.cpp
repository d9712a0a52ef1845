#include "server/services/engine/TriggerService.h"

#include "common/Logging.h"
#include "crypto/SecureBytes.h"
#include "engine/ExecutionState.h"
#include "engine_store/FlowRepository.h"
#include "server/api/QueryParams.h"
#include "server/repositories/FlowsRepository.h"
#include "server/services/engine/ExecutionCallbacks.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/system/StorageGuard.h"
#include "store/Database.h"

#include <QTimer>
#include <QUrlQuery>
#include <cmath>

namespace hm::server {

using namespace engine;
using namespace Qt::StringLiterals;

namespace {

// Weight of the newest execution in the moving average of durations.
constexpr double kAverageWeight = 0.2;
// Compiled versions kept; beyond this the cache starts over (cheap: a miss
// costs one compile, and busy flows are back after their next trigger).
constexpr qsizetype kMaxCompiledVersions = 512;
// Versions to run kept; the same rule.
constexpr qsizetype kMaxCachedVersions = 4096;

// Printable ASCII without '"' and '\\': written into JSON as it is.
bool plainJsonText(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'"' || c == u'\\')
            return false;
    }
    return true;
}

// The 200 "started" answer, written directly: it is the hot path of POST
// /trigger, and building it as QJsonObjects and serialising them cost about
// a fifth of the request. The bytes are exactly what QJsonDocument writes for
// successEnvelope(triggerJson(...)): compact, keys sorted (tested). Empty when
// a value would need escaping; the caller then builds it the usual way.
QByteArray startedBody(const TriggerResult &r)
{
    const QString startedAt = isoTimestamp(r.startedAtMs);
    const QString status = r.statusName();
    for (const QString *text : {&r.executionId, &r.flowId, &r.flowVersion, &startedAt, &status}) {
        if (!plainJsonText(*text))
            return {};
    }
    QByteArray out;
    out.reserve(300);
    out += "{\"data\":{\"execution_id\":\"";
    out += r.executionId.toLatin1();
    out += "\",\"flow_id\":\"";
    out += r.flowId.toLatin1();
    out += "\",\"flow_version\":\"";
    out += r.flowVersion.toLatin1();
    out += "\",\"started_at\":\"";
    out += startedAt.toLatin1();
    out += "\",\"status\":\"";
    out += status.toLatin1();
    out += "\",\"websocket_url\":\"/ws/executions/";
    out += r.executionId.toLatin1();
    out += "\"},\"success\":true}";
    return out;
}

Error stopping()
{
    return Error{ErrorCode::ServiceUnavailable, QStringLiteral("the server is stopping")};
}

} // namespace

TriggerService::TriggerService(store::Database &db, FlowEngineHost &host, QObject *parent)
    : QObject(parent), m_db(db), m_host(host), m_access(db), m_audit(db, host)
{
    connect(&host, &FlowEngineHost::event, this, &TriggerService::onEngineEvent);
}

TriggerService::~TriggerService()
{
    // Waiting clients get an answer rather than a connection that hangs or
    // a generic "abandoned".
    const auto inFlight = std::exchange(m_inFlight, {});
    for (const DeferredReply &reply : inFlight)
        reply.send(ApiReply::failure(stopping()));
    const auto waiters = std::exchange(m_waiters, {});
    for (const QList<Waiter> &list : waiters) {
        for (const Waiter &w : list)
            w.reply.send(ApiReply::failure(stopping()));
    }
}

void TriggerService::readWaitQuery(const RequestContext &context, TriggerOptions &options)
{
    options.wait = context.request.queryValue("wait"_L1) == "true"_L1;
    bool ok = false;
    const int timeout = context.request.queryValue("timeout_ms"_L1).toInt(&ok);
    options.waitTimeoutMs = ok && timeout > 0 ? timeout : 0;
}

qint64 TriggerService::averageDurationMs(const QString &flowId) const
{
    const auto it = m_averageDurationMs.constFind(flowId);
    return it == m_averageDurationMs.cend() ? -1 : qint64(std::llround(*it));
}

Result<QString> TriggerService::versionToRun(const QString &flowId, const QString &requested)
{
    // Kept until a write that could change the answer (publish, delete, …;
    // FlowAccess.h) bumps the generation: the very next trigger reads again.
    const quint64 generation = flowCacheGeneration();
    if (generation != m_versionsGeneration || m_versions.size() >= kMaxCachedVersions) {
        m_versions.clear();
        m_versionsGeneration = generation;
    }
    const QPair<QString, QString> key{flowId, requested};
    if (const auto it = m_versions.constFind(key); it != m_versions.cend())
        return *it;
    auto version = readVersionToRun(flowId, requested);
    if (version) // errors are not kept: they are rare and cheap to repeat
        m_versions.insert(key, version.value());
    return version;
}

Result<QString> TriggerService::readVersionToRun(const QString &flowId, const QString &requested)
{
    // One indexed read; the repository's calls only run to tell "no flow"
    // from "no such version" when it finds nothing.
    auto found = repositories::runnableVersion(m_db, flowId, requested);
    if (!found)
        return found.error();
    if (found.value())
        return *found.value();

    persistence::FlowRepository repo(m_db);
    if (auto flow = repo.flow(flowId); !flow)
        return flow.error();
    auto version =
        requested.isEmpty() ? repo.publishedVersion(flowId) : repo.version(flowId, requested);
    if (!version)
        return version.error();
    return version.value().version;
}

Result<flow::CompiledFlowPtr> TriggerService::compiled(const QString &flowId,
                                                       const QString &version)
{
    const QPair<QString, QString> key{flowId, version};
    if (const auto it = m_compiled.constFind(key); it != m_compiled.cend())
        return *it;
    persistence::FlowRepository repo(m_db);
    auto flow = repo.loadCompiled(flowId, version, m_host.registry());
    if (!flow)
        return flow.error();
    if (m_compiled.size() >= kMaxCompiledVersions)
        m_compiled.clear();
    m_compiled.insert(key, flow.value());
    return flow;
}

QJsonObject TriggerService::startJson(const TriggerResult &r)
{
    QJsonObject json{{QStringLiteral("execution_id"), r.executionId},
                     {QStringLiteral("status"), r.statusName()},
                     {QStringLiteral("flow_id"), r.flowId},
                     {QStringLiteral("flow_version"), r.flowVersion}};
    if (r.status == TriggerResult::Status::Queued) {
        json.insert(QStringLiteral("queue_position"), r.queuePosition);
    } else {
        json.insert(QStringLiteral("started_at"), isoTimestamp(r.startedAtMs));
        json.insert(QStringLiteral("websocket_url"),
                    QString(QStringLiteral("/ws/executions/") + r.executionId));
    }
    return json;
}

QJsonObject TriggerService::triggerJson(const TriggerResult &r,
                                        const flow::CompiledFlow &flow) const
{
    QJsonObject json = startJson(r);
    if (r.status == TriggerResult::Status::Queued) {
        // Executions ahead of this one leave in batches of maxInstances,
        // each taking about the flow's recent average.
        const qint64 average = averageDurationMs(r.flowId);
        const int instances = std::max(1, flow.settings().concurrency.maxInstances);
        json.insert(QStringLiteral("estimated_wait_ms"),
                    average < 0 ? QJsonValue()
                                : QJsonValue(qint64((r.queuePosition + instances - 1) / instances) *
                                             average));
    }
    return json;
}

ApiReply TriggerService::trigger(const RequestContext &context, const QString &flowId,
                                 const QJsonObject &inputs, const TriggerOptions &options)
{
    auto version = versionToRun(flowId, options.version);
    if (!version)
        return ApiReply::failure(version.error());
    auto flow = compiled(flowId, version.value());
    if (!flow)
        return ApiReply::failure(flow.error());
    // The override may only shorten the flow's own limit: the flow's author
    // chose it as the most an execution may take.
    const qint64 limitMs = flow.value()->settings().timeout.flowTimeoutMs;
    if (options.call.timeoutMs > limitMs)
        return ApiReply::failure(
            Error{ErrorCode::ValidationError,
                  QStringLiteral("timeout_override_ms must be at most the flow's timeout of %1 ms")
                      .arg(limitMs),
                  {{QStringLiteral("field"), QStringLiteral("options.timeout_override_ms")},
                   {QStringLiteral("limit_ms"), limitMs}}});

    const bool callback = !options.call.callbackUrl.isEmpty();
    if (callback) {
        if (!m_callbacks)
            return ApiReply::failure(stopping());
        if (Status admitted = m_callbacks->admit(options.call.callbackUrl,
                                                 QStringLiteral("options.callback_url"));
            !admitted)
            return ApiReply::failure(admitted.error());
        // A made secret is handed out in the 200/202 answer only.
        if (options.wait && options.call.callbackSecret.isEmpty())
            return ApiReply::failure(
                Error{ErrorCode::ValidationError,
                      QStringLiteral("callback_secret is required with ?wait=true"),
                      {{QStringLiteral("field"), QStringLiteral("options.callback_secret")}}});
    }
    // A full disk refuses new work before the engine sees it; what runs
    // finishes into the reserve.
    if (m_storage) {
        if (Status room = m_storage->admit(); !room)
            return StorageGuard::reply(room.error());
    }

    // The engine call is asynchronous: the server thread serves other
    // connections while the engine gets to it, and the answer is sent from
    // the callback (always later, through the event loop).
    const quint64 ticket = ++m_lastTicket;
    const DeferredReply reply = context.defer();
    m_inFlight.insert(ticket, reply);
    const bool wait = options.wait;
    // Every journal write of this execution comes after this ticket.
    const qint64 journalFrom = m_host.journalTicket();
    TriggerRequest request{flowId,
                           version.value(),
                           flow.value(),
                           inputs,
                           options.triggeredBy,
                           options.call.priority,
                           options.call.timeoutMs};
    m_host.runAsync<Started>(
        [request = std::move(request), wait, callback](Scheduler &s) -> Result<Started> {
            auto result = s.trigger(request);
            if (!result)
                return result.error();
            Started started{result.value(), {}, {}, 0};
            // The waiter is registered when this answer reaches the server
            // thread. Events go there in the order the engine thread posts
            // them (FlowEngineHost::runAsync), so an end that happens after
            // this point arrives after the waiter exists. An end that already
            // happened (nodes that finish at once run inside trigger()) was
            // posted before this answer and would be missed: it travels with
            // the answer instead.
            if (wait || callback) {
                const Execution *exec = s.execution(result.value().executionId);
                if (exec && isTerminal(exec->status)) {
                    started.outcome = waitOutcomeOf(*exec);
                    if (callback)
                        started.ended =
                            ExecutionCallbacks::payloadOf(*exec, started.outcome.outputs);
                    if (!wait)
                        started.outcome = {};
                }
            }
            started.journalTicket = s.journalTicket();
            return started;
        },
        this,
        [this, ticket, reply, flow = flow.value(), options, journalFrom](Result<Started> started) {
            m_inFlight.remove(ticket);
            answerTrigger(reply, std::move(started), *flow, options, journalFrom);
        });
    return ApiReply::deferred();
}

void TriggerService::sendCommitted(const DeferredReply &reply, qint64 journalFrom, ApiReply answer,
                                   qint64 journalTo)
{
    m_host.afterCommit(journalFrom, journalTo >= 0 ? journalTo : m_host.journalTicket(), this,
                       [this, reply, answer = std::move(answer)](bool committed) mutable {
                           if (committed) {
                               reply.send(std::move(answer));
                               return;
                           }
                           // Not stored because the disk filled up: says so.
                           reply.send(
                               StorageGuard::notStored(m_storage, QStringLiteral("execution")));
                       });
}

void TriggerService::answerTrigger(const DeferredReply &reply, Result<Started> started,
                                   const flow::CompiledFlow &flow, const TriggerOptions &options,
                                   qint64 journalFrom)
{
    if (!started) {
        reply.send(ApiReply::failure(started.error()));
        return;
    }
    const TriggerResult &result = started.value().result;
    qint64 journalTo = started.value().journalTicket;
    QByteArray madeSecret;
    if (!options.call.callbackUrl.isEmpty()) {
        // Stored before the answer: a client told "started" gets its
        // callback even if the server stops a moment later.
        auto added = m_callbacks ? m_callbacks->add(result.executionId, options.call.callbackUrl,
                                                    options.call.callbackSecret, result.startedAtMs,
                                                    started.value().ended)
                                 : Result<QByteArray>(stopping());
        if (!added) {
            qCWarning(lcServer) << "callback of execution" << result.executionId
                                << "not stored:" << added.error().toString();
            reply.send(ApiReply::failure(
                Error{ErrorCode::ServiceUnavailable,
                      QStringLiteral("execution %1 runs, but its callback could not be stored")
                          .arg(result.executionId),
                      {{QStringLiteral("execution_id"), result.executionId}}}));
            return;
        }
        madeSecret = added.value();
    }
    // The audit row is committed with the execution: an answered trigger
    // is an audited one.
    if (options.actor)
        journalTo = std::max(journalTo,
                             m_audit.record(*options.actor, result, options.version, options.call));
    if (!options.wait) {
        if (result.status == TriggerResult::Status::Started && madeSecret.isEmpty()) {
            QByteArray body = startedBody(result);
            if (!body.isEmpty()) {
                sendCommitted(reply, journalFrom,
                              ApiReply::raw(std::move(body), "application/json", 200), journalTo);
                return;
            }
        }
        QJsonObject json = triggerJson(result, flow);
        if (!madeSecret.isEmpty()) {
            json.insert(QStringLiteral("callback_secret"), QString::fromUtf8(madeSecret));
            crypto::wipe(madeSecret);
        }
        sendCommitted(
            reply, journalFrom,
            ApiReply::ok(json, result.status == TriggerResult::Status::Queued ? 202 : 200),
            journalTo);
        return;
    }
    Waiter waiter{reply, result.flowId, result.flowVersion, nullptr, journalFrom};
    if (!started.value().outcome.isEmpty()) {
        sendOutcome(waiter, std::move(started.value().outcome), false, journalTo);
        return;
    }
    addWaiter(result.executionId, std::move(waiter), effectiveWaitMs(options.waitTimeoutMs));
}

void TriggerService::addWaiter(const QString &executionId, Waiter waiter, int timeoutMs)
{
    waiter.timer = new QTimer(this);
    waiter.timer->setSingleShot(true);
    // Coarse timers may fire up to 5 % early; a client asking for N ms
    // must not get its "still running" answer before N ms.
    waiter.timer->setTimerType(Qt::PreciseTimer);
    waiter.timer->setInterval(timeoutMs);
    QTimer *timer = waiter.timer;
    connect(timer, &QTimer::timeout, this, [this, executionId, timer] {
        auto it = m_waiters.find(executionId);
        if (it == m_waiters.end())
            return;
        for (qsizetype i = 0; i < it->size(); ++i) {
            if (it->at(i).timer != timer)
                continue;
            Waiter w = it->takeAt(i);
            if (it->isEmpty())
                m_waiters.erase(it);
            answerTimedOut(executionId, std::move(w));
            return;
        }
    });
    timer->start();
    m_waiters[executionId].append(std::move(waiter));
}

void TriggerService::onEngineEvent(const EngineEvent &event)
{
    const bool ended = event.type == EngineEvent::Type::ExecutionCompleted ||
                       event.type == EngineEvent::Type::ExecutionCancelled;
    if (!ended)
        return;
    if (event.type == EngineEvent::Type::ExecutionCompleted) {
        const auto it = m_averageDurationMs.find(event.flowId);
        if (it == m_averageDurationMs.end())
            m_averageDurationMs.insert(event.flowId, double(event.durationMs));
        else
            *it = (1.0 - kAverageWeight) * *it + kAverageWeight * double(event.durationMs);
    }
    const auto found = m_waiters.find(event.executionId);
    if (found == m_waiters.end())
        return;
    const QList<Waiter> waiters = std::move(*found);
    m_waiters.erase(found);
    // The end event carries status, error and leaf outputs: no engine call.
    const WaitOutcome outcome{event.executionId,
                              event.type == EngineEvent::Type::ExecutionCancelled
                                  ? executionStatusName(ExecutionStatus::Cancelled)
                                  : event.status,
                              event.outputs, event.error};
    for (const Waiter &w : waiters) {
        w.timer->deleteLater();
        sendOutcome(w, outcome, false);
    }
}

void TriggerService::answerTimedOut(const QString &executionId, Waiter waiter)
{
    waiter.timer->deleteLater();
    if (!waiter.reply.isPending())
        return; // the client went away; nothing to read for it
    // Still running: its status and the leaf outputs so far, read on the
    // engine thread.
    const quint64 ticket = ++m_lastTicket;
    m_inFlight.insert(ticket, waiter.reply);
    m_host.runAsync<WaitOutcome>(
        [executionId](Scheduler &s) -> Result<WaitOutcome> {
            const Execution *exec = s.execution(executionId);
            if (!exec)
                return Error{ErrorCode::ExecutionNotFound,
                             QStringLiteral("no execution %1").arg(executionId)};
            return waitOutcomeOf(*exec);
        },
        this,
        [this, ticket, waiter](Result<WaitOutcome> outcome) {
            m_inFlight.remove(ticket);
            if (!outcome) {
                waiter.reply.send(ApiReply::failure(outcome.error()));
                return;
            }
            sendOutcome(waiter, std::move(outcome.value()), true);
        });
}

void TriggerService::sendOutcome(const Waiter &waiter, const WaitOutcome &outcome, bool timedOut,
                                 qint64 journalTo)
{
    if (!waiter.reply.isPending())
        return; // the client went away
    // Still running after the timeout: the caller learns where it stands and
    // follows up through GET /executions/{id} or the WebSocket.
    sendCommitted(waiter.reply, waiter.journalFrom,
                  ApiReply::raw(waitReplyBody(outcome, waiter.flowId, waiter.version, timedOut),
                                QByteArrayLiteral("application/json")),
                  journalTo);
}

} // namespace hm::server
