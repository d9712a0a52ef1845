#include "engine/Scheduler.h"

#include "common/Check.h"
#include "common/Logging.h"
#include "common/SensitiveDataMasker.h"
#include "common/TimeOrderedUuid.h"
#include "engine/RetryPolicy.h"
#include "flow/BlobRef.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <QVarLengthArray>
#include <chrono>

namespace hm::engine {

namespace {

qint64 wallClock()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Error cancelledError(const Execution &exec)
{
    return Error{ErrorCode::ExecutionAlreadyCancelled,
                 QStringLiteral("execution %1 is already cancelled").arg(exec.id),
                 {{QStringLiteral("execution_id"), exec.id}}};
}

Error completedError(const Execution &exec)
{
    return Error{ErrorCode::ExecutionAlreadyCompleted,
                 QStringLiteral("execution %1 has already ended (%2)")
                     .arg(exec.id, executionStatusName(exec.status)),
                 {{QStringLiteral("execution_id"), exec.id},
                  {QStringLiteral("status"), executionStatusName(exec.status)}}};
}

Error notFoundError(const QString &id)
{
    return Error{ErrorCode::ExecutionNotFound,
                 QStringLiteral("no execution %1").arg(id),
                 {{QStringLiteral("execution_id"), id}}};
}

// The fields every event of an execution carries.
EngineEvent executionEvent(EngineEvent::Type type, const Execution &exec, qint64 timestampMs)
{
    EngineEvent event;
    event.type = type;
    event.executionId = exec.id;
    event.flowId = exec.flowId;
    event.flowVersion = exec.flowVersion;
    event.timestampMs = timestampMs;
    event.triggeredBy = exec.triggeredBy;
    event.createdAtMs = exec.createdAtMs;
    return event;
}

} // namespace

Scheduler::Scheduler(std::shared_ptr<const ExecutorRegistry> registry, ExecutionJournal *journal,
                     FlowLoader loader, EngineOptions options, QObject *parent)
    : QObject(parent), m_registry(std::move(registry)), m_journal(journal),
      m_loader(std::move(loader)), m_options(std::move(options)), m_timers(this),
      m_jitter(m_options.jitterSeed != 0 ? m_options.jitterSeed
                                         : QRandomGenerator::global()->generate())
{
    if (!m_options.clock)
        m_options.clock = wallClock;
    if (!m_journal) {
        static NullExecutionJournal nullJournal;
        m_journal = &nullJournal;
    }
}

Scheduler::~Scheduler()
{
    // Runs first: they may hold pointers into executions.
    for (auto &[id, exec] : m_executions) {
        for (NodeState &node : exec->nodes)
            node.run.reset();
    }
    m_graveyard.clear();
}

// ---- entry points ---------------------------------------------------------

Result<TriggerResult> Scheduler::trigger(const TriggerRequest &request)
{
    Entry entry(this);
    return submit(request, {}, {}, {});
}

Result<TriggerResult> Scheduler::submit(const TriggerRequest &request, const QString &rerunOf,
                                        std::vector<ReusedOutput> reuse, const QString &reuseFrom)
{
    if (!request.flow)
        return Error{ErrorCode::FlowVersionNotFound,
                     QStringLiteral("flow %1 version %2 is not compiled")
                         .arg(request.flowId, request.version),
                     {}};
    const flow::CompiledFlow &flow = *request.flow;
    const flow::ConcurrencySettings &cc = flow.settings().concurrency;
    Result<QString> key = scopeKeyFor(flow, request.inputs);
    if (!key)
        return key.error();

    auto owned = std::make_unique<Execution>();
    Execution &exec = *owned;
    exec.owner = this;
    exec.id = newId();
    exec.flowId = request.flowId;
    exec.flowVersion = request.version;
    exec.flow = request.flow;
    exec.scopeKey = key.value();
    exec.scope = ConcurrencyManager::scopeId(request.flowId, exec.scopeKey);
    exec.trigger = request.inputs;
    exec.triggeredBy = request.triggeredBy;
    exec.rerunOf = rerunOf;
    exec.mode = cc.mode;
    exec.sequence = ++m_sequence;
    exec.priority = request.priority;
    exec.timeoutMs = request.timeoutMs;
    exec.createdAtMs = now();
    exec.reuse = std::move(reuse);
    exec.reuseFrom = reuseFrom;

    const int holders = m_concurrency.holderCount(exec.scope);
    const bool full = holders >= cc.maxInstances;
    const bool queueWaiting = !m_concurrency.queued(exec.scope).isEmpty();

    switch (cc.mode) {
    case flow::ConcurrencyMode::Allow:
        break;
    case flow::ConcurrencyMode::Deny:
        if (full) {
            QJsonArray running;
            for (const QString &id : m_concurrency.holders(exec.scope))
                running.append(id);
            return Error{ErrorCode::ConcurrentDenied,
                         QStringLiteral("flow %1 already has %2 running instance(s)")
                             .arg(request.flowId)
                             .arg(holders),
                         {{QStringLiteral("running_executions"), running},
                          {QStringLiteral("max_instances"), cc.maxInstances}}};
        }
        break;
    case flow::ConcurrencyMode::Queue:
    case flow::ConcurrencyMode::Replace:
        break;
    }

    m_executions.emplace(exec.id, std::move(owned));

    if (cc.mode == flow::ConcurrencyMode::Replace && (full || queueWaiting)) {
        // The newest trigger wins: everything running or waiting in the
        // scope is cancelled, and this one waits at the head of the queue
        // until the leases are actually released.
        const CancelRequest replaced{CancelReason::Replaced,
                                     QStringLiteral("replaced by execution %1").arg(exec.id),
                                     request.triggeredBy};
        for (const QString &id : m_concurrency.queued(exec.scope)) {
            if (Execution *other = find(id))
                cancelQueued(*other, replaced, false);
        }
        for (const QString &id : m_concurrency.holders(exec.scope)) {
            Execution *other = find(id);
            if (other && other->status == ExecutionStatus::Running)
                (void)cancel(id, replaced);
        }
    }

    const bool mustWait = cc.mode != flow::ConcurrencyMode::Allow &&
                          (m_concurrency.holderCount(exec.scope) >= cc.maxInstances ||
                           !m_concurrency.queued(exec.scope).isEmpty());
    TriggerResult result;
    result.executionId = exec.id;
    result.flowId = exec.flowId;
    result.flowVersion = exec.flowVersion;
    if (mustWait) {
        enqueue(exec);
        result.status = TriggerResult::Status::Queued;
        result.queuePosition = m_concurrency.queuePosition(exec.scope, exec.id);
        return result;
    }
    startExecution(exec);
    result.status = TriggerResult::Status::Started;
    result.startedAtMs = exec.startedAtMs;
    return result;
}

Result<QString> Scheduler::scopeKeyFor(const flow::CompiledFlow &flow,
                                       const QJsonObject &inputs) const
{
    const flow::ConcurrencySettings &cc = flow.settings().concurrency;
    if (cc.scope != flow::ConcurrencyScope::TriggerKey || !flow.scopeKey())
        return QString();
    flow::EvaluationContext context;
    context.trigger = inputs;
    Result<QJsonValue> value = flow::evaluate(*flow.scopeKey(), context);
    if (!value || value.value().isUndefined() || value.value().isNull())
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("the trigger input has no value for the concurrency key %1")
                         .arg(cc.scopeKey),
                     {{QStringLiteral("scope_key"), cc.scopeKey}}};
    const QJsonValue v = value.value();
    if (v.isString())
        return v.toString();
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::number(v.toDouble(), 'g', 17);
}

Result<CancelResult> Scheduler::cancel(const QString &executionId, const CancelRequest &request)
{
    Entry entry(this);
    Execution *found = find(executionId);
    if (!found)
        return notFoundError(executionId);
    Execution &exec = *found;
    switch (exec.status) {
    case ExecutionStatus::Cancelled:
    case ExecutionStatus::Cancelling:
        return cancelledError(exec);
    case ExecutionStatus::Completed:
    case ExecutionStatus::Failed:
        return completedError(exec);
    case ExecutionStatus::Pending:
    case ExecutionStatus::Queued:
        cancelQueued(exec, request, false);
        return CancelResult{exec.id, exec.status, {}};
    case ExecutionStatus::Running:
        break;
    }

    exec.status = ExecutionStatus::Cancelling;
    exec.cancelReason = request.reason;
    exec.cancelMessage = request.message;
    exec.cancelledBy = request.cancelledBy;
    m_timers.cancel(exec.flowTimer);
    exec.flowTimer = 0;
    recordExecution(exec);

    QStringList affected;
    std::vector<int> toStop;
    for (int i = 0; i < exec.total(); ++i) {
        NodeState &node = exec.nodes[static_cast<size_t>(i)];
        if (node.status == NodeStatus::Pending) {
            endNode(exec, i, NodeStatus::Cancelled);
        } else if (node.status == NodeStatus::Running) {
            if (node.run) {
                affected.append(exec.flow->node(i).id);
                toStop.push_back(i);
            } else {
                // Waiting for a retry (or a run without a handle): nothing
                // to tell, it just does not go on.
                abandonRun(node);
                endNode(exec, i, NodeStatus::Cancelled);
            }
        }
    }
    if (!toStop.empty()) {
        const QString id = exec.id;
        exec.graceTimer =
            m_timers.schedule(m_options.cancelGraceMs, [this, id] { onGraceExpired(id); });
    }
    for (int i : toStop) {
        NodeState &node = exec.nodes[static_cast<size_t>(i)];
        // A run may report Cancelled from inside cancel(); onOutcome copes.
        if (node.status == NodeStatus::Running && node.run)
            node.run->cancel();
    }
    checkFinished(exec);
    return CancelResult{exec.id, exec.status, affected};
}

Result<CancelResult> Scheduler::kill(const QString &executionId)
{
    Entry entry(this);
    Execution *found = find(executionId);
    if (!found)
        return notFoundError(executionId);
    Execution &exec = *found;
    if (exec.status == ExecutionStatus::Cancelled)
        return cancelledError(exec);
    if (exec.status == ExecutionStatus::Completed || exec.status == ExecutionStatus::Failed)
        return completedError(exec);
    const CancelRequest request{CancelReason::UserRequested, QStringLiteral("killed"),
                                exec.cancelledBy};
    if (exec.status == ExecutionStatus::Queued || exec.status == ExecutionStatus::Pending) {
        cancelQueued(exec, request, true);
        return CancelResult{exec.id, exec.status, {}};
    }
    // A kill during a cooperative cancel keeps that cancel's reason.
    if (exec.status == ExecutionStatus::Running) {
        exec.cancelReason = request.reason;
        exec.cancelMessage = request.message;
    }
    exec.killed = true;
    QStringList affected;
    for (int i = 0; i < exec.total(); ++i) {
        NodeState &node = exec.nodes[static_cast<size_t>(i)];
        if (isTerminal(node.status))
            continue;
        if (node.status == NodeStatus::Running)
            affected.append(exec.flow->node(i).id);
        abandonRun(node);
        endNode(exec, i, NodeStatus::Cancelled);
    }
    finish(exec, ExecutionStatus::Cancelled);
    return CancelResult{exec.id, exec.status, affected};
}

Result<TriggerResult> Scheduler::rerun(const RerunRequest &request)
{
    Entry entry(this);
    Execution *found = find(request.executionId);
    if (!found)
        return notFoundError(request.executionId);
    Execution &orig = *found;
    if (!isTerminal(orig.status))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("execution %1 has not ended yet").arg(orig.id),
                     {{QStringLiteral("execution_id"), orig.id},
                      {QStringLiteral("status"), executionStatusName(orig.status)}}};
    TriggerRequest trigger;
    trigger.flowId = orig.flowId;
    trigger.inputs = orig.trigger;
    trigger.triggeredBy = request.triggeredBy.isEmpty() ? orig.triggeredBy : request.triggeredBy;
    if (request.flow) {
        trigger.flow = request.flow;
        trigger.version = request.version;
    } else {
        if (!ensureFlow(orig))
            return orig.error;
        trigger.flow = orig.flow;
        trigger.version = orig.flowVersion;
    }

    std::vector<ReusedOutput> reuse;
    if (request.from == RerunRequest::From::Failed && !orig.nodes.empty()) {
        // Nodes that failed (or were cancelled) and everything downstream
        // of them run again; other completed nodes keep their outputs.
        const flow::CompiledFlow &old = *orig.flow;
        std::vector<char> tainted(static_cast<size_t>(old.nodeCount()), 0);
        for (int i : old.topologicalOrder()) {
            const NodeStatus s = orig.nodes[static_cast<size_t>(i)].status;
            bool t = s != NodeStatus::Completed;
            for (int p : old.dependencies(i))
                t = t || (tainted[static_cast<size_t>(p)] &&
                          orig.nodes[static_cast<size_t>(p)].status != NodeStatus::Skipped);
            if (s == NodeStatus::Failed || s == NodeStatus::Cancelled)
                t = true;
            tainted[static_cast<size_t>(i)] = t ? 1 : 0;
        }
        const flow::CompiledFlow &next = *trigger.flow;
        std::vector<char> reused(static_cast<size_t>(next.nodeCount()), 0);
        for (int j : next.topologicalOrder()) {
            const flow::CompiledNode &node = next.node(j);
            const int k = old.indexOf(node.id);
            if (k < 0 || tainted[static_cast<size_t>(k)])
                continue;
            const flow::CompiledNode &before = old.node(k);
            if (before.component != node.component || before.version != node.version)
                continue;
            bool parentsReused = true;
            for (int p : next.dependencies(j))
                parentsReused = parentsReused && reused[static_cast<size_t>(p)];
            if (!parentsReused)
                continue;
            reused[static_cast<size_t>(j)] = 1;
            const NodeState &state = orig.nodes[static_cast<size_t>(k)];
            reuse.push_back({j, state.outputs, state.handle});
        }
    }
    return submit(trigger, orig.id, std::move(reuse), orig.id);
}

Result<TriggerResult> Scheduler::rerunFromHistory(const TriggerRequest &request,
                                                  const QString &originalId)
{
    Entry entry(this);
    return submit(request, originalId, {}, {});
}

Result<QJsonObject> Scheduler::snapshot(const QString &executionId) const
{
    const Execution *exec = find(executionId);
    if (!exec)
        return notFoundError(executionId);
    QJsonObject json =
        executionSnapshot(*exec, now(), m_concurrency.queuePosition(exec->scope, exec->id));
    // Events up to this number are reflected above; later ones are news.
    json.insert(QStringLiteral("event_sequence"), exec->eventSequence);
    return json;
}

Status Scheduler::restoreQueue(QList<QueuedRequest> requests)
{
    Entry entry(this);
    std::stable_sort(
        requests.begin(), requests.end(),
        [](const QueuedRequest &a, const QueuedRequest &b) { return a.sequence < b.sequence; });
    QSet<QString> scopes;
    for (const QueuedRequest &request : requests) {
        if (find(request.executionId))
            continue;
        auto owned = std::make_unique<Execution>();
        Execution &exec = *owned;
        exec.owner = this;
        exec.id = request.executionId;
        exec.flowId = request.flowId;
        exec.flowVersion = request.flowVersion;
        exec.scopeKey = request.scopeKey;
        exec.scope = ConcurrencyManager::scopeId(request.flowId, request.scopeKey);
        exec.trigger = request.inputs;
        exec.triggeredBy = request.triggeredBy;
        exec.mode = flow::ConcurrencyMode::Queue;
        // The stored sequence, not a new one: the queue row keeps its
        // number, so the order survives any number of restarts, and numbers
        // given out later never collide with it.
        exec.sequence = request.sequence;
        exec.priority = request.priority;
        exec.timeoutMs = request.timeoutMs;
        m_sequence = std::max(m_sequence, request.sequence);
        exec.createdAtMs = request.queuedAtMs > 0 ? request.queuedAtMs : now();
        exec.status = ExecutionStatus::Queued;
        // In sequence order, so equal priorities keep their FIFO order.
        m_concurrency.enqueue(exec.scope, exec.id, exec.priority);
        scopes.insert(exec.scope);
        m_executions.emplace(exec.id, std::move(owned));
    }
    for (const QString &scope : std::as_const(scopes))
        pumpQueue(scope);
    return {};
}

int Scheduler::purgeExpired(qint64 nowMs)
{
    m_graveyard.clear();
    int purged = 0;
    while (!m_ended.empty() &&
           (m_ended.front().atMs + m_options.stateExpiryMs <= nowMs || overFinishedCap())) {
        // Not before its final record is in the store (or known lost):
        // until then this copy is the only one a reader could find. Ends
        // are recorded in order, so the ones behind it wait too.
        const qint64 ticket = m_ended.front().ticket;
        if (m_journal->durability(0, ticket) == ExecutionJournal::Durability::Pending) {
            m_purgeAwaitsJournal = true;
            m_journal->requestDurable(ticket);
            break;
        }
        const QString id = m_ended.front().id;
        m_ended.pop_front();
        auto it = m_executions.find(id);
        if (it == m_executions.end() || !isTerminal(it->second->status))
            continue;
        if (it->second->plan)
            releasePlan(it->second->flow.get());
        m_blobs.dropExecution(id);
        m_executions.erase(it);
        ++purged;
    }
    if (purged > 0)
        qCDebug(lcEngine) << "expired" << purged << "finished executions";
    return purged;
}

std::optional<ExecutionStatus> Scheduler::status(const QString &executionId) const
{
    const Execution *exec = find(executionId);
    return exec ? std::optional(exec->status) : std::nullopt;
}

const Execution *Scheduler::execution(const QString &executionId) const
{
    return find(executionId);
}

int Scheduler::activeCount() const
{
    int n = 0;
    for (const auto &[id, exec] : m_executions)
        n += isTerminal(exec->status) ? 0 : 1;
    return n;
}

// ---- executions -----------------------------------------------------------

Execution *Scheduler::find(const QString &id) const
{
    const auto it = m_executions.find(id);
    return it == m_executions.end() ? nullptr : it->second.get();
}

void Scheduler::enqueue(Execution &exec)
{
    exec.status = ExecutionStatus::Queued;
    m_concurrency.enqueue(exec.scope, exec.id, exec.priority);
    QueuedRequest queued{exec.id,       exec.flowId,      exec.flowVersion, exec.scopeKey,
                         exec.trigger,  exec.triggeredBy, exec.createdAtMs, exec.sequence,
                         exec.priority, exec.timeoutMs};
    m_journal->recordQueued(queued);
    recordExecution(exec);
    if (m_sink) {
        EngineEvent event =
            executionEvent(EngineEvent::Type::ExecutionQueued, exec, exec.createdAtMs);
        event.queuePosition = m_concurrency.queuePosition(exec.scope, exec.id);
        emitEvent(exec, std::move(event));
    }
}

bool Scheduler::ensureFlow(Execution &exec)
{
    if (exec.flow)
        return true;
    Result<flow::CompiledFlowPtr> loaded =
        m_loader ? m_loader(exec.flowId, exec.flowVersion)
                 : Result<flow::CompiledFlowPtr>(ErrorCode::FlowVersionNotFound,
                                                 QStringLiteral("no flow loader"));
    if (loaded && loaded.value()) {
        exec.flow = loaded.value();
        return true;
    }
    exec.error = loaded ? Error{ErrorCode::FlowVersionNotFound,
                                QStringLiteral("flow %1 version %2 not found")
                                    .arg(exec.flowId, exec.flowVersion),
                                {}}
                        : loaded.error();
    return false;
}

int Scheduler::maxInstancesFor(Execution &exec)
{
    return exec.flow ? exec.flow->settings().concurrency.maxInstances : 1;
}

void Scheduler::pumpQueue(const QString &scope)
{
    for (;;) {
        const QStringList waiting = m_concurrency.queued(scope);
        if (waiting.isEmpty())
            return;
        Execution *head = find(waiting.first());
        if (!head) {
            m_concurrency.removeQueued(scope, waiting.first());
            continue;
        }
        if (!ensureFlow(*head)) {
            // A restored request whose flow is gone: it can never run.
            m_concurrency.removeQueued(scope, head->id);
            m_journal->removeQueued(head->id);
            qCWarning(lcEngine) << "queued execution" << head->id
                                << "cannot start:" << head->error.toString();
            head->endedAtMs = now();
            head->status = ExecutionStatus::Failed;
            recordExecution(*head);
            m_ended.push_back({head->endedAtMs, head->id, m_journal->durabilityTicket()});
            schedulePurge();
            continue;
        }
        if (m_concurrency.holderCount(scope) >= maxInstancesFor(*head))
            return;
        m_concurrency.takeFirstQueued(scope);
        m_journal->removeQueued(head->id);
        startExecution(*head);
    }
}

FlowPlan *Scheduler::planFor(const flow::CompiledFlowPtr &flow)
{
    FlowPlan &plan = m_plans[flow.get()];
    if (!plan.flow) {
        plan.flow = flow;
        plan.nodes.resize(static_cast<size_t>(flow->nodeCount()));
        for (int i = 0; i < flow->nodeCount(); ++i) {
            const flow::CompiledNode &node = flow->node(i);
            plan.nodes[static_cast<size_t>(i)].executor =
                m_registry ? m_registry->executor(node.component, node.version) : nullptr;
        }
    }
    ++plan.users;
    return &plan;
}

void Scheduler::prepareNode(const Execution &exec, int index, NodePlan &plan)
{
    // When the node first runs, not with the plan: a big flow's nodes that
    // never run (branches not taken) cost nothing.
    plan.ready = true;
    plan.inputs = flow::inputsShape(*exec.flow, index);
    if (plan.executor)
        plan.prepared = plan.executor->prepare(exec.flow->node(index).config);
}

void Scheduler::releasePlan(const flow::CompiledFlow *flow)
{
    const auto it = m_plans.find(flow);
    if (it != m_plans.end() && --it->second.users <= 0)
        m_plans.erase(it);
}

void Scheduler::startExecution(Execution &exec)
{
    HM_CHECK(exec.flow, return );
    const flow::CompiledFlow &flow = *exec.flow;
    m_concurrency.acquire(exec.scope, exec.id);
    exec.holdsLease = true;
    exec.status = ExecutionStatus::Running;
    exec.startedAtMs = now();
    exec.plan = planFor(exec.flow);

    const int n = flow.nodeCount();
    exec.nodes.resize(static_cast<size_t>(n));
    exec.counts = {};
    exec.counts[static_cast<size_t>(NodeStatus::Pending)] = n;
    for (int i = 0; i < n; ++i) {
        NodeState &node = exec.nodes[static_cast<size_t>(i)];
        node.exec = &exec;
        node.pending = flow.node(i).inDegree;
    }

    Execution *self = &exec;
    exec.context.trigger = exec.trigger;
    exec.context.nodeOutputs = [self](const QString &nodeId) -> std::optional<QJsonObject> {
        const int k = self->flow->indexOf(nodeId);
        if (k < 0)
            return std::nullopt;
        const NodeState &node = self->nodes[static_cast<size_t>(k)];
        if (node.status != NodeStatus::Completed)
            return std::nullopt;
        return node.outputs;
    };
    exec.context.resolveBlob = [this, self](const QString &blobId) {
        return m_blobs.get(self->id, blobId);
    };

    const QString id = exec.id;
    // A trigger's override is only ever lower (TriggerService checks it).
    const qint64 limitMs =
        exec.timeoutMs > 0 ? std::min<qint64>(exec.timeoutMs, flow.settings().timeout.flowTimeoutMs)
                           : flow.settings().timeout.flowTimeoutMs;
    exec.flowTimer = m_timers.schedule(limitMs, [this, id, limitMs] {
        Entry entry(this);
        (void)cancel(id, CancelRequest{CancelReason::Timeout,
                                       QStringLiteral("flow timeout (%1 ms)").arg(limitMs),
                                       QStringLiteral("system")});
    });
    exec.journalFrom = m_journal->durabilityTicket();
    recordExecution(exec);
    if (m_sink) {
        emitEvent(exec,
                  executionEvent(EngineEvent::Type::ExecutionStarted, exec, exec.startedAtMs));
    }

    // Re-run: reused nodes complete at once, in topological order, so the
    // fan-in counters of the nodes after them are right.
    for (const ReusedOutput &r : exec.reuse)
        exec.nodes[static_cast<size_t>(r.node)].reusePlanned = true;
    for (ReusedOutput &r : exec.reuse) {
        NodeState &node = exec.nodes[static_cast<size_t>(r.node)];
        if (node.status != NodeStatus::Pending)
            continue;
        for (auto it = r.outputs.begin(); it != r.outputs.end(); ++it) {
            const QString blob = flow::blobRefId(it.value());
            if (!blob.isEmpty())
                m_blobs.share(exec.reuseFrom, blob, exec.id);
        }
        node.outputs = std::move(r.outputs);
        node.handle = std::move(r.handle);
        node.reused = true;
        node.startedAtMs = exec.startedAtMs;
        endNode(exec, r.node, NodeStatus::Completed);
        propagate(exec, r.node);
    }
    exec.reuse.clear();
    exec.reuse.shrink_to_fit();

    for (int root : flow.roots()) {
        if (exec.nodes[static_cast<size_t>(root)].status == NodeStatus::Pending)
            m_ready.emplace_back(&exec, root);
    }
    checkFinished(exec);
}

void Scheduler::cancelQueued(Execution &exec, const CancelRequest &request, bool killed)
{
    m_concurrency.removeQueued(exec.scope, exec.id);
    m_journal->removeQueued(exec.id);
    exec.cancelReason = request.reason;
    exec.cancelMessage = request.message;
    exec.cancelledBy = request.cancelledBy;
    exec.killed = killed;
    finish(exec, ExecutionStatus::Cancelled);
}

// ---- nodes ----------------------------------------------------------------

void Scheduler::drain()
{
    if (m_draining)
        return;
    m_draining = true;
    while (!m_ready.empty()) {
        const auto [exec, index] = m_ready.front();
        m_ready.pop_front();
        startNode(*exec, index);
    }
    recordStillRunning();
    m_journal->endTurn();
    m_draining = false;
}

void Scheduler::startNode(Execution &exec, int index)
{
    NodeState &node = exec.nodes[static_cast<size_t>(index)];
    if (exec.status != ExecutionStatus::Running || node.status != NodeStatus::Pending)
        return;
    exec.setStatus(node, NodeStatus::Running);
    node.startedAtMs = now();
    node.attempt = 1;
    const NodePlan &plan = nodePlan(exec, index);
    Result<QJsonObject> inputs = flow::resolveInputs(*exec.flow, index, exec.context, plan.inputs);
    if (!inputs) {
        // Mapping errors do not heal on retry.
        handleOutcome(exec, index, NodeOutcome::failed(inputs.error(), false));
        return;
    }
    node.inputs = std::move(inputs).value();
    // The "running" record waits for the end of this engine turn (drain):
    // a node that ends within it (every synchronous built-in) only needs
    // its final record, written by endNode().
    if (m_journal && exec.flow->settings().historyLevel == flow::HistoryLevel::All)
        m_unrecordedStarts.emplace_back(exec.id, index);
    startAttempt(exec, index, plan);
}

void Scheduler::recordStillRunning()
{
    // Starts come in runs of one execution (a drain runs a chain's nodes
    // one after another): one look-up per run, not a hash of the id per
    // node. Nothing here removes executions, so the pointer holds.
    const QString *lastId = nullptr;
    const Execution *exec = nullptr;
    // Swapped out and back rather than exchanged for a new vector: every
    // drain has starts, and the vector keeps its capacity across them.
    std::vector<std::pair<QString, int>> starts;
    starts.swap(m_unrecordedStarts);
    for (const auto &[id, index] : starts) {
        if (!lastId || *lastId != id) {
            exec = find(id);
            lastId = &id;
        }
        if (!exec)
            continue;
        const NodeState &node = exec->nodes[static_cast<size_t>(index)];
        if (node.status == NodeStatus::Running && !node.startRecorded)
            recordNode(*exec, index);
    }
    starts.clear();
    if (m_unrecordedStarts.empty())
        m_unrecordedStarts.swap(starts);
}

void Scheduler::startAttempt(Execution &exec, int index, const NodePlan &plan)
{
    NodeState &node = exec.nodes[static_cast<size_t>(index)];
    node.timer = 0;
    const quint32 token = ++node.token;
    const flow::CompiledNode &def = exec.flow->node(index);
    if (nodeEventWanted(exec))
        emitEvent(exec, nodeEvent(EngineEvent::Type::NodeStarted, exec, index));
    NodeExecutor *executor = plan.executor;
    if (!executor) {
        handleOutcome(
            exec, index,
            NodeOutcome::failed(
                Error{ErrorCode::ComponentNotFound,
                      QStringLiteral("no executor for %1 %2").arg(def.component, def.version),
                      {}},
                false));
        return;
    }
    if (executor->hasExternalEffects() && !startIsDurable(exec, index, token))
        return;
    dispatchAttempt(exec, index, plan, token);
}

bool Scheduler::startIsDurable(Execution &exec, int index, quint32 token)
{
    NodeState &node = exec.nodes[static_cast<size_t>(index)];
    // At history `all` the node's own "running" record says this call may
    // have happened; at the other levels the execution's does.
    if (!node.startRecorded && exec.flow->settings().historyLevel == flow::HistoryLevel::All) {
        node.startRecorded = true;
        recordNode(exec, index);
    }
    const qint64 ticket = m_journal->durabilityTicket();
    ExecutionJournal::Durability durability = m_journal->durability(exec.journalFrom, ticket);
    if (durability == ExecutionJournal::Durability::Pending) {
        m_journal->requestDurable(ticket);
        // A commit that landed between the first look and the request may
        // have gone unreported (nobody awaited it yet): look once more.
        durability = m_journal->durability(exec.journalFrom, ticket);
    }
    switch (durability) {
    case ExecutionJournal::Durability::Durable:
        return true;
    case ExecutionJournal::Durability::Pending:
        m_durableWaits.push_back(DurableWait{ticket, exec.id, index, token});
        return false;
    case ExecutionJournal::Durability::Lost:
        break;
    }
    handleOutcome(exec, index,
                  NodeOutcome::failed(Error{ErrorCode::InternalError,
                                            QStringLiteral("the start of the node could not be "
                                                           "recorded, so it was not run"),
                                            {}},
                                      false));
    return false;
}

void Scheduler::journalProgressed()
{
    Entry entry(this);
    if (m_purgeAwaitsJournal) {
        m_purgeAwaitsJournal = false;
        schedulePurge();
    }
    while (!m_durableWaits.empty()) {
        const DurableWait wait = m_durableWaits.front();
        Execution *exec = find(wait.executionId);
        const ExecutionJournal::Durability durability =
            exec ? m_journal->durability(exec->journalFrom, wait.ticket)
                 : ExecutionJournal::Durability::Durable;
        if (durability == ExecutionJournal::Durability::Pending)
            return; // later tickets are pending too
        m_durableWaits.pop_front();
        if (!exec)
            continue;
        NodeState &node = exec->nodes[static_cast<size_t>(wait.index)];
        // Cancelled, timed out or killed while it waited: nothing went out.
        if (node.token != wait.token || node.status != NodeStatus::Running ||
            exec->status != ExecutionStatus::Running)
            continue;
        if (durability == ExecutionJournal::Durability::Lost) {
            handleOutcome(*exec, wait.index,
                          NodeOutcome::failed(Error{ErrorCode::InternalError,
                                                    QStringLiteral("the start of the node could "
                                                                   "not be recorded, so it was "
                                                                   "not run"),
                                                    {}},
                                              false));
            continue;
        }
        dispatchAttempt(*exec, wait.index, nodePlan(*exec, wait.index), wait.token);
    }
}

void Scheduler::dispatchAttempt(Execution &exec, int index, const NodePlan &plan, quint32 token)
{
    NodeState &node = exec.nodes[static_cast<size_t>(index)];
    const flow::CompiledNode &def = exec.flow->node(index);
    NodeExecutor *executor = plan.executor;
    const qint64 timeoutMs = exec.flow->settings().timeout.nodeTimeoutMs;
    // Drawn when the first node that can use it runs (empty never matches).
    if (exec.blobToken.isEmpty() && executor->usesBlobToken())
        exec.blobToken = QUuid::createUuid().toString(QUuid::Id128);
    NodeTask task{exec.id,        def.id,
                  def.component,  def.version,
                  def.config,     node.inputs,
                  node.attempt,   static_cast<int>(timeoutMs),
                  exec.blobToken, plan.prepared.get()};
    task.flowId = exec.flowId;
    task.triggeredBy = exec.triggeredBy;
    task.log = [target = &node, token](const QString &line) {
        target->exec->owner->onNodeLog(*target, token, line);
    };

    NodeState *previous = m_starting;
    const quint32 previousToken = m_startingToken;
    m_starting = &node;
    m_startingToken = token;
    NodeState *target = &node;
    std::unique_ptr<NodeRun> run = executor->start(task, [target, token](NodeOutcome outcome) {
        target->exec->owner->onOutcome(*target, token, std::move(outcome));
    });
    m_starting = previous;
    m_startingToken = previousToken;

    if (m_syncOutcome) {
        NodeOutcome outcome = std::move(*m_syncOutcome);
        m_syncOutcome.reset();
        run.reset(); // done already: not inside the run, safe to destroy
        handleOutcome(exec, index, std::move(outcome));
        return;
    }
    node.run = std::move(run);
    const QString id = exec.id;
    node.timer =
        m_timers.schedule(timeoutMs, [this, id, index, token] { onNodeTimeout(id, index, token); });
}

void Scheduler::onOutcome(NodeState &node, quint32 token, NodeOutcome outcome)
{
    if (token != node.token || node.status != NodeStatus::Running)
        return; // an abandoned attempt speaking late
    if (m_starting == &node && m_startingToken == token) {
        m_syncOutcome = std::move(outcome);
        return;
    }
    Entry entry(this);
    Execution &exec = *node.exec;
    const int index = static_cast<int>(&node - exec.nodes.data());
    abandonRun(node);
    handleOutcome(exec, index, std::move(outcome));
}

void Scheduler::onNodeLog(NodeState &node, quint32 token, const QString &line)
{
    if (token != node.token || node.status != NodeStatus::Running)
        return; // an abandoned attempt speaking late
    Entry entry(this);
    Execution &exec = *node.exec;
    const int index = static_cast<int>(&node - exec.nodes.data());
    appendNodeLog(exec, index, line);
    // The running node's record again, now with the line: what was logged
    // is in the history even if the server stops before the node ends.
    if (exec.flow->settings().historyLevel == flow::HistoryLevel::All)
        recordNode(exec, index);
}

void Scheduler::appendNodeLog(Execution &exec, int index, const QString &line)
{
    NodeState &node = exec.nodes[static_cast<size_t>(index)];
    qCInfo(lcEngine).noquote() << exec.id << exec.flow->node(index).id << line;
    node.logs.append(SensitiveDataMasker::maskText(line));
    if (node.logs.size() > kNodeLogLines)
        node.logs.remove(0, node.logs.size() - kNodeLogLines);
}

void Scheduler::onNodeTimeout(const QString &executionId, int index, quint32 token)
{
    Entry entry(this);
    Execution *exec = find(executionId);
    if (!exec)
        return;
    NodeState &node = exec->nodes[static_cast<size_t>(index)];
    if (node.token != token || node.status != NodeStatus::Running)
        return;
    node.timer = 0;
    abandonRun(node);
    const qint64 timeoutMs = exec->flow->settings().timeout.nodeTimeoutMs;
    handleOutcome(
        *exec, index,
        NodeOutcome::failed(Error{ErrorCode::ExecutionTimeout,
                                  QStringLiteral("node timeout after %1 ms").arg(timeoutMs),
                                  {{QStringLiteral("timeout_ms"), timeoutMs},
                                   {QStringLiteral("scope"), QStringLiteral("node")}}},
                            true));
}

void Scheduler::abandonRun(NodeState &node)
{
    ++node.token; // whatever the old run says from now on is ignored
    if (node.timer != 0) {
        m_timers.cancel(node.timer);
        node.timer = 0;
    }
    if (node.run)
        buryLater(std::move(node.run));
}

void Scheduler::handleOutcome(Execution &exec, int index, NodeOutcome outcome)
{
    NodeState &node = exec.nodes[static_cast<size_t>(index)];
    if (node.timer != 0) {
        m_timers.cancel(node.timer);
        node.timer = 0;
    }
    for (const QString &line : std::as_const(outcome.logs))
        appendNodeLog(exec, index, line);
    if (outcome.kind == NodeOutcome::Kind::Cancelled && exec.status == ExecutionStatus::Running) {
        // Nobody asked it to stop: count it as a failure of the node.
        outcome = NodeOutcome::failed(Error{ErrorCode::ExecutionAlreadyCancelled,
                                            QStringLiteral("node cancelled itself"),
                                            {}},
                                      false);
    }
    switch (outcome.kind) {
    case NodeOutcome::Kind::Completed: {
        m_blobs.externalize(exec.id, outcome.outputs, flow::kBlobThresholdBytes);
        node.outputs = std::move(outcome.outputs);
        node.handle = std::move(outcome.handle);
        endNode(exec, index, NodeStatus::Completed);
        if (nodeEventWanted(exec))
            emitEvent(exec, nodeEvent(EngineEvent::Type::NodeCompleted, exec, index));
        if (exec.status == ExecutionStatus::Running)
            propagate(exec, index);
        break;
    }
    case NodeOutcome::Kind::Cancelled:
        endNode(exec, index, NodeStatus::Cancelled);
        break;
    case NodeOutcome::Kind::Failed: {
        const flow::RetrySettings &retry = exec.flow->settings().retry;
        const bool willRetry = outcome.retryable && exec.status == ExecutionStatus::Running &&
                               node.attempt < retry.maxAttempts;
        node.error = std::move(outcome.error);
        if (nodeEventWanted(exec)) {
            EngineEvent event = nodeEvent(EngineEvent::Type::NodeFailed, exec, index);
            event.willRetry = willRetry;
            emitEvent(exec, std::move(event));
        }
        if (willRetry) {
            const double jitter = m_jitter.generateDouble() * 2.0 - 1.0;
            const qint64 delay = retryDelayMs(retry, node.attempt, jitter, m_options.maxBackoffMs);
            ++node.attempt;
            const QString id = exec.id;
            const quint32 token = ++node.token;
            node.timer = m_timers.schedule(delay, [this, id, index, token] {
                Entry entry(this);
                Execution *e = find(id);
                if (!e)
                    return;
                NodeState &n = e->nodes[static_cast<size_t>(index)];
                if (n.token == token && n.status == NodeStatus::Running &&
                    e->status == ExecutionStatus::Running)
                    startAttempt(*e, index);
            });
            return;
        }
        endNode(exec, index, NodeStatus::Failed);
        if (exec.error.message.isEmpty())
            exec.error = node.error;
        if (exec.status == ExecutionStatus::Running)
            skipDescendants(exec, index);
        break;
    }
    }
    checkFinished(exec);
}

void Scheduler::endNode(Execution &exec, int index, NodeStatus status)
{
    NodeState &node = exec.nodes[static_cast<size_t>(index)];
    exec.setStatus(node, status);
    node.endedAtMs = now();
    const flow::HistoryLevel level = exec.flow->settings().historyLevel;
    if (level == flow::HistoryLevel::All ||
        (level == flow::HistoryLevel::Summary && status == NodeStatus::Failed))
        recordNode(exec, index);
}

void Scheduler::propagate(Execution &exec, int finished)
{
    // A worklist rather than recursion: a long chain of branch-skipped
    // nodes must not grow the stack.
    std::vector<int> work{finished};
    const flow::CompiledFlow &flow = *exec.flow;
    while (!work.empty()) {
        const int p = work.back();
        work.pop_back();
        const NodeState &parent = exec.nodes[static_cast<size_t>(p)];
        if (parent.status == NodeStatus::Completed) {
            for (int e : flow.outgoingEdges(p)) {
                const flow::CompiledEdge &edge = flow.edge(e);
                if (edge.sourceHandle == parent.handle)
                    ++exec.nodes[static_cast<size_t>(edge.target)].activations;
            }
        }
        for (int c : flow.dependents(p)) {
            NodeState &child = exec.nodes[static_cast<size_t>(c)];
            if (child.status != NodeStatus::Pending)
                continue;
            if (--child.pending == 0)
                resolveReady(exec, c, work);
        }
    }
}

void Scheduler::resolveReady(Execution &exec, int index, std::vector<int> &work)
{
    NodeState &node = exec.nodes[static_cast<size_t>(index)];
    if (node.reusePlanned)
        return; // the re-run loop completes it
    if (node.activations > 0) {
        m_ready.emplace_back(&exec, index);
        return;
    }
    // Every parent finished and none took an edge here.
    node.skipReason = SkipReason::BranchNotTaken;
    endNode(exec, index, NodeStatus::Skipped);
    work.push_back(index);
}

void Scheduler::skipDescendants(Execution &exec, int failed)
{
    const flow::CompiledFlow &flow = *exec.flow;
    std::vector<int> work{failed};
    while (!work.empty()) {
        const int p = work.back();
        work.pop_back();
        for (int c : flow.dependents(p)) {
            NodeState &child = exec.nodes[static_cast<size_t>(c)];
            if (child.status != NodeStatus::Pending)
                continue;
            child.skipReason = SkipReason::DependencyFailed;
            endNode(exec, c, NodeStatus::Skipped);
            work.push_back(c);
        }
    }
}

void Scheduler::checkFinished(Execution &exec)
{
    if (exec.status == ExecutionStatus::Running && exec.count(NodeStatus::Pending) == 0 &&
        exec.count(NodeStatus::Running) == 0) {
        finish(exec, exec.count(NodeStatus::Failed) > 0 ? ExecutionStatus::Failed
                                                        : ExecutionStatus::Completed);
    } else if (exec.status == ExecutionStatus::Cancelling && exec.count(NodeStatus::Running) == 0) {
        for (int i = 0; i < exec.total(); ++i) {
            if (exec.nodes[static_cast<size_t>(i)].status == NodeStatus::Pending)
                endNode(exec, i, NodeStatus::Cancelled);
        }
        finish(exec, ExecutionStatus::Cancelled);
    }
}

void Scheduler::onGraceExpired(const QString &executionId)
{
    Entry entry(this);
    Execution *exec = find(executionId);
    if (!exec || exec->status != ExecutionStatus::Cancelling)
        return;
    exec->graceTimer = 0;
    for (int i = 0; i < exec->total(); ++i) {
        NodeState &node = exec->nodes[static_cast<size_t>(i)];
        if (node.status != NodeStatus::Running)
            continue;
        qCWarning(lcEngine) << "execution" << exec->id << "node" << exec->flow->node(i).id
                            << "did not stop within the cancel grace period; abandoned";
        abandonRun(node);
        endNode(*exec, i, NodeStatus::Cancelled);
    }
    checkFinished(*exec);
}

void Scheduler::finish(Execution &exec, ExecutionStatus status)
{
    if (isTerminal(exec.status))
        return;
    m_timers.cancel(exec.flowTimer);
    m_timers.cancel(exec.graceTimer);
    exec.flowTimer = exec.graceTimer = 0;
    exec.status = status;
    exec.endedAtMs = now();
    // Leaf outputs for ?wait=true answers, so they need no second trip to
    // the engine. Always filled (which executions have a waiter is only
    // known on the server thread). When every leaf completed, the record
    // keeps the same object.
    QJsonObject outputs;
    bool allLeavesCompleted = false;
    if (m_sink && exec.flow) {
        outputs = leafOutputs(exec, false);
        allLeavesCompleted = status == ExecutionStatus::Completed;
        for (int leaf : exec.flow->leaves())
            allLeavesCompleted = allLeavesCompleted && size_t(leaf) < exec.nodes.size() &&
                                 exec.nodes[size_t(leaf)].status == NodeStatus::Completed;
    }
    recordExecution(exec, allLeavesCompleted ? &outputs : nullptr);
    if (m_sink) {
        EngineEvent event =
            executionEvent(EngineEvent::Type::ExecutionCompleted, exec, exec.endedAtMs);
        event.durationMs = exec.startedAtMs > 0 ? exec.endedAtMs - exec.startedAtMs : 0;
        event.error = exec.error;
        event.outputs = std::move(outputs);
        if (status == ExecutionStatus::Cancelled) {
            event.type = EngineEvent::Type::ExecutionCancelled;
            event.reason = cancelReasonName(exec.cancelReason);
            event.cancelledBy = exec.cancelledBy;
            event.message = exec.cancelMessage;
            event.killed = exec.killed;
        } else {
            event.type = EngineEvent::Type::ExecutionCompleted;
            event.status = executionStatusName(status);
        }
        emitEvent(exec, std::move(event));
    }
    m_ended.push_back({exec.endedAtMs, exec.id, m_journal->durabilityTicket()});
    schedulePurge();
    if (exec.holdsLease) {
        exec.holdsLease = false;
        HM_CHECK(m_concurrency.release(exec.scope, exec.id), ;);
        pumpQueue(exec.scope);
    }
}

bool Scheduler::overFinishedCap() const
{
    return m_options.maxFinishedInMemory > 0 &&
           qsizetype(m_ended.size()) > m_options.maxFinishedInMemory;
}

void Scheduler::schedulePurge()
{
    if (m_ended.empty() || m_purgeAwaitsJournal)
        return; // journalProgressed() calls again
    // Over the cap: purge on the next timer turn, never inline. finish() can
    // run deep inside another call (a re-run whose new execution ends at
    // once) that still refers to the execution that would be dropped.
    const bool overCap = overFinishedCap();
    if (m_purgeTimer != 0) {
        if (!overCap || m_purgeSoon)
            return;
        m_timers.cancel(m_purgeTimer);
    }
    const qint64 due = overCap ? 0 : m_ended.front().atMs + m_options.stateExpiryMs - now();
    m_purgeSoon = overCap;
    m_purgeTimer = m_timers.schedule(std::clamp<qint64>(due, 0, 60LL * 60 * 1000), [this] {
        m_purgeTimer = 0;
        m_purgeSoon = false;
        purgeExpired(now());
        schedulePurge();
    });
}

// ---- journal and events -----------------------------------------------------

QJsonObject Scheduler::leafOutputs(const Execution &exec, bool completedOnly) const
{
    const flow::CompiledFlow &flow = *exec.flow;
    const QList<int> &leaves = flow.leaves();
    // Per leaf its outputs, or Undefined to leave it out. A queued
    // execution cancelled before it started has no node states yet.
    QVarLengthArray<QJsonValue, 8> values(leaves.size());
    for (qsizetype k = 0; k < leaves.size(); ++k) {
        const size_t leaf = size_t(leaves[k]);
        const NodeState *node = leaf < exec.nodes.size() ? &exec.nodes[leaf] : nullptr;
        if (completedOnly && (!node || node->status != NodeStatus::Completed))
            values[k] = QJsonValue(QJsonValue::Undefined);
        else
            values[k] = node ? node->outputs : QJsonObject();
    }
    if (!exec.plan) {
        QJsonObject outputs;
        for (qsizetype k = 0; k < leaves.size(); ++k) {
            if (!values[k].isUndefined())
                outputs.insert(flow.node(leaves[k]).id, values[k]);
        }
        return outputs;
    }
    if (!exec.plan->leafOutputs) {
        std::vector<QString> ids;
        ids.reserve(size_t(leaves.size()));
        for (int leaf : leaves)
            ids.push_back(flow.node(leaf).id);
        exec.plan->leafOutputs.emplace(QJsonObject(), ids);
    }
    return exec.plan->leafOutputs->fill(values);
}

void Scheduler::recordExecution(const Execution &exec, const QJsonObject *leafOutputs)
{
    ExecutionRecord record;
    record.id = exec.id;
    record.flowId = exec.flowId;
    record.flowVersion = exec.flowVersion;
    record.status = executionStatusName(exec.status);
    record.triggerKey = exec.scopeKey;
    record.triggerInput = exec.trigger;
    record.triggeredBy = exec.triggeredBy;
    if (exec.status == ExecutionStatus::Cancelled || exec.status == ExecutionStatus::Cancelling) {
        record.cancelReason = cancelReasonName(exec.cancelReason);
        record.errorMessage = exec.killed ? QStringLiteral("killed") : exec.cancelMessage;
    }
    if (exec.status == ExecutionStatus::Failed) {
        record.errorCode = exec.error.codeName();
        record.errorMessage = exec.error.message;
    }
    if (exec.status == ExecutionStatus::Completed)
        record.outputs = leafOutputs ? *leafOutputs : this->leafOutputs(exec, true);
    record.rerunOf = exec.rerunOf;
    record.historyLevel =
        exec.flow ? flow::historyLevelName(exec.flow->settings().historyLevel) : QString();
    record.createdAtMs = exec.createdAtMs;
    record.startedAtMs = exec.startedAtMs;
    record.endedAtMs = exec.endedAtMs;
    m_journal->recordExecution(record);
}

void Scheduler::recordNode(const Execution &exec, int index)
{
    const flow::CompiledNode &def = exec.flow->node(index);
    const NodeState &node = exec.nodes[static_cast<size_t>(index)];
    NodeRecord record;
    record.executionId = exec.id;
    record.nodeId = def.id;
    record.component = def.component;
    record.version = def.version;
    record.status = nodeStatusName(node.status);
    record.attempt = node.attempt;
    record.skipReason = skipReasonName(node.skipReason);
    if (exec.flow->settings().historyLevel == flow::HistoryLevel::All) {
        record.inputs = node.inputs;
        record.outputs = node.outputs;
    }
    if (node.status == NodeStatus::Failed) {
        record.errorCode = node.error.codeName();
        record.errorMessage = node.error.message;
    }
    record.startedAtMs = node.startedAtMs;
    record.endedAtMs = node.endedAtMs;
    record.logs = node.logs;
    m_journal->takeNode(std::move(record));
}

void Scheduler::emitEvent(Execution &exec, EngineEvent event) const
{
    // Numbered here, on the engine thread, in the order subscribers see
    // them: snapshot() reports the last number (see EngineEvent::sequence).
    Q_ASSERT(event.executionId == exec.id && find(exec.id) == &exec);
    event.sequence = ++exec.eventSequence;
    event.emittedNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count();
    if (m_sink)
        m_sink(event);
}

bool Scheduler::nodeEventWanted(Execution &exec) const
{
    if (!m_sink)
        return false;
    if (m_nodeEventGate && !m_nodeEventGate()) {
        // Numbered all the same: a subscriber that opens the gate and then
        // takes a snapshot compares numbers (EngineEvent::sequence).
        ++exec.eventSequence;
        return false;
    }
    return true;
}

EngineEvent Scheduler::nodeEvent(EngineEvent::Type type, const Execution &exec, int index) const
{
    const flow::CompiledNode &def = exec.flow->node(index);
    const NodeState &node = exec.nodes[static_cast<size_t>(index)];
    EngineEvent event = executionEvent(type, exec, now());
    event.nodeId = def.id;
    event.component = def.component;
    event.attempt = node.attempt;
    if (type == EngineEvent::Type::NodeCompleted)
        event.durationMs = node.endedAtMs - node.startedAtMs;
    if (type == EngineEvent::Type::NodeFailed)
        event.error = node.error;
    return event;
}

void Scheduler::buryLater(std::unique_ptr<NodeRun> run)
{
    m_graveyard.push_back(std::move(run));
    if (m_buryQueued)
        return;
    m_buryQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_buryQueued = false;
            m_graveyard.clear();
        },
        Qt::QueuedConnection);
}

QString Scheduler::newId() const
{
    // Time-ordered: the history's indexes then grow at one end.
    return timeOrderedUuid();
}

} // namespace hm::engine
