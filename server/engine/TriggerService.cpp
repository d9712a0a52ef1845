#include "server/engine/TriggerService.h"

#include "common/Logging.h"
#include "engine/persistence/FlowRepository.h"
#include "server/QueryParams.h"
#include "server/engine/FlowEngineHost.h"
#include "store/Database.h"

#include <QTimer>
#include <QUrlQuery>
#include <cmath>

namespace hm::server {

using namespace engine;

namespace {

// Weight of the newest execution in the moving average of durations.
constexpr double kAverageWeight = 0.2;
// Compiled versions kept; beyond this the cache starts over (cheap: a miss
// costs one compile, and busy flows are back after their next trigger).
constexpr qsizetype kMaxCompiledVersions = 512;

} // namespace

TriggerService::TriggerService(store::Database &db, FlowEngineHost &host, QObject *parent)
    : QObject(parent), m_db(db), m_host(host)
{
    connect(&host, &FlowEngineHost::event, this, &TriggerService::onEngineEvent);
}

TriggerService::~TriggerService()
{
    // Waiting clients get an answer rather than a connection that hangs.
    const auto waiters = std::exchange(m_waiters, {});
    for (const QList<Waiter> &list : waiters) {
        for (const Waiter &w : list)
            w.reply.send(ApiReply::failure(
                Error{ErrorCode::ServiceUnavailable, QStringLiteral("the server is stopping")}));
    }
}

void TriggerService::readWaitQuery(const RequestContext &context, TriggerOptions &options)
{
    const QUrlQuery query(context.request.url());
    options.wait = queryValue(query, QStringLiteral("wait")) == QLatin1String("true");
    bool ok = false;
    const int timeout = queryValue(query, QStringLiteral("timeout_ms")).toInt(&ok);
    options.waitTimeoutMs = ok && timeout > 0 ? timeout : 0;
}

qint64 TriggerService::averageDurationMs(const QString &flowId) const
{
    const auto it = m_averageDurationMs.constFind(flowId);
    return it == m_averageDurationMs.cend() ? -1 : qint64(std::llround(*it));
}

Result<QString> TriggerService::versionToRun(const QString &flowId, const QString &requested)
{
    // One indexed read on the hot path; the repository's calls only run to
    // tell "no flow" from "no such version" when it finds nothing.
    auto select = m_db.prepare(
        requested.isEmpty()
            ? QStringLiteral("SELECT v.version FROM flows f JOIN flow_versions v ON v.flow_id = "
                             "f.id WHERE f.id = ? AND f.deleted_at IS NULL AND v.status = "
                             "'published'")
            : QStringLiteral("SELECT v.version FROM flows f JOIN flow_versions v ON v.flow_id = "
                             "f.id WHERE f.id = ? AND f.deleted_at IS NULL AND v.version = ?"));
    if (!select)
        return select.error();
    select.value().bind(1, flowId);
    if (!requested.isEmpty())
        select.value().bind(2, requested);
    auto row = select.value().step();
    if (!row)
        return row.error();
    if (row.value())
        return select.value().text(0);

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

QJsonObject TriggerService::triggerJson(const TriggerResult &r,
                                        const flow::CompiledFlow &flow) const
{
    QJsonObject json{{QStringLiteral("execution_id"), r.executionId},
                     {QStringLiteral("status"), r.statusName()},
                     {QStringLiteral("flow_id"), r.flowId},
                     {QStringLiteral("flow_version"), r.flowVersion}};
    if (r.status == TriggerResult::Status::Queued) {
        json.insert(QStringLiteral("queue_position"), r.queuePosition);
        // Executions ahead of this one leave in batches of maxInstances,
        // each taking about the flow's recent average.
        const qint64 average = averageDurationMs(r.flowId);
        const int instances = std::max(1, flow.settings().concurrency.maxInstances);
        json.insert(QStringLiteral("estimated_wait_ms"),
                    average < 0 ? QJsonValue()
                                : QJsonValue(qint64((r.queuePosition + instances - 1) / instances) *
                                             average));
    } else {
        json.insert(QStringLiteral("started_at"), isoTimestamp(r.startedAtMs));
        json.insert(QStringLiteral("websocket_url"),
                    QString(QStringLiteral("/ws/executions/") + r.executionId));
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

    TriggerRequest request{flowId, version.value(), flow.value(), inputs, options.triggeredBy};
    auto result = m_host.run<TriggerResult>([request](Scheduler &s) { return s.trigger(request); });
    if (!result)
        return ApiReply::failure(result.error());
    if (!options.wait)
        return ApiReply::ok(triggerJson(result.value(), *flow.value()),
                            result.value().status == TriggerResult::Status::Queued ? 202 : 200);

    // The end arrives as an engine event, queued to this thread: it cannot
    // overtake the registration below, which happens before this handler
    // returns to the event loop.
    Waiter waiter{context.defer(), flowId, version.value(), new QTimer(this)};
    const QString id = result.value().executionId;
    const int timeout =
        std::min(options.waitTimeoutMs > 0 ? options.waitTimeoutMs : kDefaultWaitMs, kMaxWaitMs);
    waiter.timer->setSingleShot(true);
    waiter.timer->setInterval(timeout);
    QTimer *timer = waiter.timer;
    connect(timer, &QTimer::timeout, this, [this, id, timer] {
        auto it = m_waiters.find(id);
        if (it == m_waiters.end())
            return;
        for (qsizetype i = 0; i < it->size(); ++i) {
            if (it->at(i).timer != timer)
                continue;
            Waiter w = it->takeAt(i);
            if (it->isEmpty())
                m_waiters.erase(it);
            answerWaiter(id, std::move(w), true);
            return;
        }
    });
    timer->start();
    m_waiters[id].append(std::move(waiter));
    return ApiReply::deferred();
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
    for (const Waiter &w : waiters)
        answerWaiter(event.executionId, w, false);
}

void TriggerService::answerWaiter(const QString &executionId, Waiter waiter, bool timedOut)
{
    waiter.timer->deleteLater();
    if (!waiter.reply.isPending())
        return; // the client went away; nothing to read for it
    // Status and leaf outputs, read on the engine thread.
    auto outcome = m_host.run<QJsonObject>([executionId](Scheduler &s) -> Result<QJsonObject> {
        const Execution *exec = s.execution(executionId);
        if (!exec)
            return Error{ErrorCode::ExecutionNotFound,
                         QStringLiteral("no execution %1").arg(executionId)};
        QJsonObject outputs;
        if (exec->flow) {
            for (int leaf : exec->flow->leaves())
                outputs.insert(exec->flow->node(leaf).id, exec->nodes[size_t(leaf)].outputs);
        }
        QJsonObject json{{QStringLiteral("execution_id"), executionId},
                         {QStringLiteral("status"), executionStatusName(exec->status)},
                         {QStringLiteral("outputs"), outputs}};
        if (exec->error.code != ErrorCode::InternalError || !exec->error.message.isEmpty())
            json.insert(QStringLiteral("error"),
                        QJsonObject{{QStringLiteral("code"), exec->error.codeName()},
                                    {QStringLiteral("message"), exec->error.message}});
        return json;
    });
    if (!outcome) {
        waiter.reply.send(ApiReply::failure(outcome.error()));
        return;
    }
    QJsonObject data = outcome.value();
    data.insert(QStringLiteral("flow_id"), waiter.flowId);
    data.insert(QStringLiteral("flow_version"), waiter.version);
    // Still running after the timeout: the caller learns where it stands and
    // follows up through GET /executions/{id} or the WebSocket.
    data.insert(QStringLiteral("timed_out"), timedOut);
    waiter.reply.send(ApiReply::ok(data));
}

} // namespace hm::server
