#pragma once

// The engine's single-threaded core: every execution's state, the fan-in
// counters, concurrency leases and queues, timers, cancellation and re-runs.
// All calls must come from the thread it lives on (the Engine moves it to
// its own thread; tests may drive it on the test thread). Nothing here is
// locked because nothing here is shared.

#include "common/Result.h"
#include "engine/BlobStore.h"
#include "engine/ConcurrencyManager.h"
#include "engine/EngineEvent.h"
#include "engine/EngineTypes.h"
#include "engine/ExecutionJournal.h"
#include "engine/ExecutionState.h"
#include "engine/ExecutorRegistry.h"
#include "engine/TimerQueue.h"

#include <QObject>
#include <QRandomGenerator>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

namespace hm::engine {

using FlowLoader =
    std::function<Result<flow::CompiledFlowPtr>(const QString &flowId, const QString &version)>;
using EventSink = std::function<void(const EngineEvent &)>;

class Scheduler : public QObject
{
    Q_OBJECT
public:
    Scheduler(std::shared_ptr<const ExecutorRegistry> registry, ExecutionJournal *journal,
              FlowLoader loader, EngineOptions options = {}, QObject *parent = nullptr);
    ~Scheduler() override;

    // Called for every event, synchronously, on this thread. Empty = none.
    void setEventSink(EventSink sink) { m_sink = std::move(sink); }
    // Asked before each node event is built: false skips building it (its
    // sequence number is still taken). Empty = always wanted.
    void setNodeEventGate(std::function<bool()> wanted) { m_nodeEventGate = std::move(wanted); }

    Result<TriggerResult> trigger(const TriggerRequest &request);
    Result<CancelResult> cancel(const QString &executionId, const CancelRequest &request);
    Result<CancelResult> kill(const QString &executionId);
    Result<TriggerResult> rerun(const RerunRequest &request);
    // A re-run from the start of an execution this engine no longer holds
    // (forgotten after a restart or beyond maxFinishedInMemory): the caller
    // read its flow, version and trigger input from the history.
    Result<TriggerResult> rerunFromHistory(const TriggerRequest &request,
                                           const QString &originalId);
    Result<QJsonObject> snapshot(const QString &executionId) const;
    // Queued requests found in the store at start-up, oldest first by
    // sequence. Their flows are loaded through the FlowLoader when they start.
    Status restoreQueue(QList<QueuedRequest> requests);
    // Drops finished executions whose end is at least stateExpiryMs before
    // `nowMs`, and the oldest beyond maxFinishedInMemory. Returns how many.
    // Also runs on its own timer.
    int purgeExpired(qint64 nowMs);

    // Introspection for tests and the server's metrics.
    std::optional<ExecutionStatus> status(const QString &executionId) const;
    const Execution *execution(const QString &executionId) const;
    const ConcurrencyManager &concurrency() const { return m_concurrency; }
    // Pending deadlines (NodeState::timer, Execution::flowTimer): tests read
    // what was scheduled without waiting for it.
    const TimerQueue &timers() const { return m_timers; }
    int executionCount() const { return static_cast<int>(m_executions.size()); }
    int activeCount() const; // queued, running or cancelling
    const BlobStore &blobs() const { return m_blobs; }
    // For the server's blob endpoint (components PUT blobs); this thread only.
    BlobStore &blobs() { return m_blobs; }
    qint64 now() const { return m_options.clock(); }

    // The journal committed more records: starts held back until their
    // records are durable go ahead (ExecutionJournal::requestDurable).
    void journalProgressed();
    // The journal's ticket now: covers every record made so far (for an
    // answer that must wait until what it reports is durable).
    qint64 journalTicket() { return m_journal->durabilityTicket(); }

private:
    // Keeps top-level calls from recursing into the ready queue: the
    // outermost one drains it on exit.
    class Entry
    {
    public:
        explicit Entry(Scheduler *s) : m_s(s) { ++m_s->m_depth; }
        ~Entry()
        {
            if (--m_s->m_depth == 0)
                m_s->drain();
        }
        Entry(const Entry &) = delete;
        Entry &operator=(const Entry &) = delete;

    private:
        Scheduler *m_s;
    };

    Execution *find(const QString &id) const;
    Result<TriggerResult> submit(const TriggerRequest &request, const QString &rerunOf,
                                 std::vector<ReusedOutput> reuse, const QString &reuseFrom);
    Result<QString> scopeKeyFor(const flow::CompiledFlow &flow, const QJsonObject &inputs) const;
    void startExecution(Execution &exec);
    void enqueue(Execution &exec);
    void pumpQueue(const QString &scope);
    int maxInstancesFor(Execution &exec);
    bool ensureFlow(Execution &exec);
    FlowPlan *planFor(const flow::CompiledFlowPtr &flow);
    // The node's plan, made ready (input shape, prepared config) on first use.
    NodePlan &nodePlan(Execution &exec, int index)
    {
        NodePlan &plan = exec.plan->nodes[static_cast<size_t>(index)];
        if (!plan.ready)
            prepareNode(exec, index, plan);
        return plan;
    }
    void prepareNode(const Execution &exec, int index, NodePlan &plan);
    void releasePlan(const flow::CompiledFlow *flow);

    void drain();
    void startNode(Execution &exec, int index);
    void startAttempt(Execution &exec, int index)
    {
        startAttempt(exec, index, nodePlan(exec, index));
    }
    void startAttempt(Execution &exec, int index, const NodePlan &plan);
    // Whether the attempt may go out now: true unless its start has to be
    // durable first and is not yet (then it waits in m_durableWaits), or
    // could not be stored (then the node failed).
    bool startIsDurable(Execution &exec, int index, quint32 token);
    // Hands the attempt to its executor.
    void dispatchAttempt(Execution &exec, int index, const NodePlan &plan, quint32 token);
    void onOutcome(NodeState &node, quint32 token, NodeOutcome outcome);
    // NodeTask::log: a line of the running attempt `token`.
    void onNodeLog(NodeState &node, quint32 token, const QString &line);
    void appendNodeLog(Execution &exec, int index, const QString &line);
    void handleOutcome(Execution &exec, int index, NodeOutcome outcome);
    void onNodeTimeout(const QString &executionId, int index, quint32 token);
    void propagate(Execution &exec, int finished);
    void resolveReady(Execution &exec, int index, std::vector<int> &work);
    void skipDescendants(Execution &exec, int failed);
    void endNode(Execution &exec, int index, NodeStatus status);
    void abandonRun(NodeState &node);
    void checkFinished(Execution &exec);
    void finish(Execution &exec, ExecutionStatus status);
    void cancelQueued(Execution &exec, const CancelRequest &request, bool killed);
    void onGraceExpired(const QString &executionId);
    void schedulePurge();
    bool overFinishedCap() const;
    // The "running" record of the nodes started in this turn that still run.
    void recordStillRunning();

    // {leaf id: outputs}: every leaf (empty outputs for those without), or
    // only the completed ones.
    QJsonObject leafOutputs(const Execution &exec, bool completedOnly) const;
    // `leafOutputs`: leafOutputs(exec, true) when the caller has it at hand.
    void recordExecution(const Execution &exec, const QJsonObject *leafOutputs = nullptr);
    void recordNode(const Execution &exec, int index);
    // `exec` is the event's execution, held in m_executions.
    void emitEvent(Execution &exec, EngineEvent event) const;
    EngineEvent nodeEvent(EngineEvent::Type type, const Execution &exec, int index) const;
    // Whether to build a node event now (a sink, and the gate open).
    bool nodeEventWanted(Execution &exec) const;
    void buryLater(std::unique_ptr<NodeRun> run);
    QString newId() const;

    std::shared_ptr<const ExecutorRegistry> m_registry;
    ExecutionJournal *m_journal;
    FlowLoader m_loader;
    EngineOptions m_options;
    EventSink m_sink;
    std::function<bool()> m_nodeEventGate;
    TimerQueue m_timers;
    ConcurrencyManager m_concurrency;
    BlobStore m_blobs;
    QRandomGenerator m_jitter;

    std::unordered_map<QString, std::unique_ptr<Execution>> m_executions;
    std::unordered_map<const flow::CompiledFlow *, FlowPlan> m_plans;
    std::deque<std::pair<Execution *, int>> m_ready;
    // Nodes started in this turn whose "running" record is not written yet
    // (execution id, node index); see startNode().
    std::vector<std::pair<QString, int>> m_unrecordedStarts;
    // Finished executions in end-time order (= expiry order), each with the
    // journal ticket taken after its final record: it leaves memory only
    // once that record is durable (purgeExpired()).
    struct Ended
    {
        qint64 atMs = 0;
        QString id;
        qint64 ticket = 0;
    };
    std::deque<Ended> m_ended;
    // purgeExpired() stopped at an execution whose history is not in the
    // store yet; journalProgressed() resumes it.
    bool m_purgeAwaitsJournal = false;
    // Attempts with external effects waiting for their start to be durable,
    // in ticket order (tickets only grow).
    struct DurableWait
    {
        qint64 ticket = 0;
        QString executionId;
        int index = 0;
        quint32 token = 0;
    };
    std::deque<DurableWait> m_durableWaits;
    TimerQueue::Id m_purgeTimer = 0;
    bool m_purgeSoon = false; // m_purgeTimer is the immediate one (over the cap)
    qint64 m_sequence = 0;
    int m_depth = 0;
    bool m_draining = false;

    // The attempt being started: a synchronous `done` lands here.
    NodeState *m_starting = nullptr;
    quint32 m_startingToken = 0;
    std::optional<NodeOutcome> m_syncOutcome;

    // Runs that ended inside their own callbacks are destroyed on the next
    // event-loop turn, never from within their own methods.
    std::vector<std::unique_ptr<NodeRun>> m_graveyard;
    bool m_buryQueued = false;
};

} // namespace hm::engine
