#pragma once

// Shared pieces of the engine tests: a flow builder, a controllable
// executor, a recording journal and a harness that drives a Scheduler on
// the test thread (the Engine facade is covered by TestEngineThread).

#include "engine/Scheduler.h"
#include "engine/builtins/Builtins.h"
#include "flow/BlobRef.h"
#include "flow/FlowCompiler.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QPointer>
#include <QTest>
#include <map>
#include <memory>

namespace hm::engine::test {

inline QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// A flow in a few lines: nodes, edges ("a->b" or "a:true->b"), settings.
class FlowBuilder
{
public:
    FlowBuilder &node(const QString &id, const QString &component = QStringLiteral("noop"),
                      QJsonObject config = {}, QJsonObject inputMappings = {})
    {
        flow::NodeDef def;
        def.id = id;
        def.component = component;
        def.version = QStringLiteral("1.0.0");
        def.config = std::move(config);
        def.inputMappings = std::move(inputMappings);
        m_def.nodes.append(def);
        return *this;
    }
    // The component version of the node added last (default 1.0.0).
    FlowBuilder &version(const QString &componentVersion)
    {
        m_def.nodes.last().version = componentVersion;
        return *this;
    }
    FlowBuilder &edge(const QString &from, const QString &to, const QString &handle = {})
    {
        flow::EdgeDef e;
        e.id = QStringLiteral("e%1").arg(m_def.edges.size());
        e.source = from;
        e.target = to;
        e.sourceHandle = handle;
        m_def.edges.append(e);
        return *this;
    }
    FlowBuilder &settings(const QJsonObject &json)
    {
        auto parsed = flow::FlowSettings::fromJson(json);
        Q_ASSERT_X(parsed.ok(), "FlowBuilder", qPrintable(parsed.error().toString()));
        m_settings = parsed.value();
        return *this;
    }
    FlowBuilder &set(const std::function<void(flow::FlowSettings &)> &edit)
    {
        edit(m_settings);
        return *this;
    }
    // The flow compiled, or what compile() refused it with.
    Result<flow::CompiledFlowPtr> tryCompile(const flow::ComponentCatalog &catalog) const
    {
        return flow::compile(m_def, m_settings, catalog);
    }
    flow::CompiledFlowPtr compile(const flow::ComponentCatalog &catalog) const
    {
        auto compiled = tryCompile(catalog);
        if (!compiled)
            qFatal("compile failed: %s", qPrintable(compiled.error().toString()));
        return compiled.value();
    }

private:
    flow::FlowDefinition m_def;
    flow::FlowSettings m_settings;
};

// Runs that end only when the test says so, or at once when told to.
class ControlledExecutor final : public NodeExecutor
{
public:
    struct Pending
    {
        NodeTask task;
        NodeDone done;
        bool cancelRequested = false;
        bool destroyed = false;
    };

    // Outcome given at start() (synchronously) for a node id; otherwise the
    // run waits for complete()/fail().
    QHash<QString, NodeOutcome> immediate;
    // A node failing its first N calls (synchronously), across executions.
    QHash<QString, int> failFirst;
    // When true, cancel() reports Cancelled at once; otherwise it ignores it.
    bool honourCancel = true;

    std::unique_ptr<NodeRun> start(const NodeTask &task, NodeDone done) override
    {
        ++calls[task.nodeId];
        ++startsByExec[task.executionId];
        order.append(task.nodeId);
        startOrder.append(task.executionId);
        if (failFirst.value(task.nodeId) >= calls.value(task.nodeId)) {
            done(NodeOutcome::failed(Error{ErrorCode::InternalError, QStringLiteral("boom"), {}}));
            return nullptr;
        }
        if (immediate.contains(task.nodeId)) {
            done(immediate.value(task.nodeId));
            return nullptr;
        }
        auto p = std::make_shared<Pending>(Pending{task, std::move(done)});
        running.insert(task.executionId + u'/' + task.nodeId, p);
        return std::make_unique<Run>(this, p);
    }

    // `key` is "<executionId>/<nodeId>", or a node id when only one
    // execution has it running.
    QString resolve(const QString &key) const
    {
        if (running.contains(key))
            return key;
        QString found;
        for (auto it = running.cbegin(); it != running.cend(); ++it)
            if (it.key().endsWith(u'/' + key))
                found = it.key();
        return found;
    }
    bool isRunning(const QString &key) const
    {
        auto p = running.value(resolve(key));
        return p && !p->destroyed && p->done;
    }
    // Keys of the runs still able to report.
    QStringList live() const
    {
        QStringList keys;
        for (auto it = running.cbegin(); it != running.cend(); ++it)
            if (!it.value()->destroyed && it.value()->done)
                keys.append(it.key());
        keys.sort();
        return keys;
    }
    void complete(const QString &nodeId, QJsonObject outputs = {}, QString handle = {})
    {
        finish(nodeId,
               NodeOutcome::completed(std::move(outputs),
                                      handle.isEmpty() ? QStringLiteral("default") : handle));
    }
    void fail(const QString &nodeId, bool retryable = true)
    {
        finish(nodeId,
               NodeOutcome::failed(Error{ErrorCode::InternalError, QStringLiteral("failed"), {}},
                                   retryable));
    }
    void finish(const QString &nodeId, NodeOutcome outcome)
    {
        auto p = running.take(resolve(nodeId));
        QVERIFY2(p && !p->destroyed && p->done, qPrintable(nodeId));
        NodeDone done = std::move(p->done);
        p->done = nullptr;
        done(std::move(outcome));
    }

    QHash<QString, int> calls;
    QHash<QString, int> startsByExec;
    QStringList order;
    QStringList startOrder;
    QHash<QString, std::shared_ptr<Pending>> running;
    int cancels = 0;

private:
    class Run final : public NodeRun
    {
    public:
        Run(ControlledExecutor *owner, std::shared_ptr<Pending> p) : m_owner(owner), m_p(p) {}
        ~Run() override { m_p->destroyed = true; }
        void cancel() override
        {
            ++m_owner->cancels;
            m_p->cancelRequested = true;
            if (m_owner->honourCancel && m_p->done) {
                NodeDone done = std::move(m_p->done);
                m_p->done = nullptr;
                done(NodeOutcome::cancelled());
            }
        }

    private:
        ControlledExecutor *m_owner;
        std::shared_ptr<Pending> m_p;
    };
};

class RecordingJournal final : public ExecutionJournal
{
public:
    void recordExecution(const ExecutionRecord &r) override
    {
        executions.append(r);
        ++records;
    }
    void recordNode(const NodeRecord &r) override
    {
        nodes.append(r);
        ++records;
    }
    void recordQueued(const QueuedRequest &r) override
    {
        queued.insert(r.executionId, r);
        queuedLog.append(r);
        ++records;
    }
    void removeQueued(const QString &id) override
    {
        queued.remove(id);
        ++records;
    }

    // Durability as a slow disk would give it: with holdDurability set,
    // records are durable only up to `durableUpTo` (the test moves it and
    // calls Scheduler::journalProgressed); records from `lostFrom` on could
    // not be stored.
    qint64 durabilityTicket() override { return records; }
    Durability durability(qint64 from, qint64 ticket) const override
    {
        if (!holdDurability)
            return Durability::Durable;
        if (ticket > durableUpTo)
            return Durability::Pending;
        return lostFrom >= 0 && lostFrom >= from && lostFrom < ticket ? Durability::Lost
                                                                      : Durability::Durable;
    }
    void requestDurable(qint64 ticket) override { requested.append(ticket); }
    bool holdDurability = false;
    qint64 durableUpTo = 0;
    qint64 lostFrom = -1;
    qint64 records = 0;
    QList<qint64> requested;
    QList<QueuedRequest> queuedLog; // every recordQueued, in order

    QString lastStatus(const QString &id) const
    {
        for (auto it = executions.crbegin(); it != executions.crend(); ++it)
            if (it->id == id)
                return it->status;
        return {};
    }

    QList<ExecutionRecord> executions;
    QList<NodeRecord> nodes;
    QHash<QString, QueuedRequest> queued;
};

// A Scheduler on the test thread with the built-ins plus "ctl" (the
// controlled executor) registered, recording journal and events.
struct Harness
{
    explicit Harness(EngineOptions options = {})
    {
        auto reg = std::make_shared<ExecutorRegistry>();
        registerBuiltins(*reg);
        flow::ComponentInterface ctlIface;
        ctlIface.name = QStringLiteral("ctl");
        ctlIface.version = QStringLiteral("1.0.0");
        ctlIface.outputHandles = {QStringLiteral("default"), QStringLiteral("true"),
                                  QStringLiteral("false")};
        ctl = std::make_shared<ControlledExecutor>();
        reg->add(ctlIface, ctl);
        registry = reg;
        if (options.jitterSeed == 0)
            options.jitterSeed = 42;
        scheduler = std::make_unique<Scheduler>(
            registry, &journal,
            [this](const QString &flowId, const QString &version) -> Result<flow::CompiledFlowPtr> {
                auto it = flows.find(flowId + u'@' + version);
                if (it == flows.end())
                    return Error{ErrorCode::FlowVersionNotFound, QStringLiteral("no flow"), {}};
                return it->second;
            },
            std::move(options));
        scheduler->setEventSink([this](const EngineEvent &e) { events.append(e); });
    }

    flow::CompiledFlowPtr compile(const FlowBuilder &builder) { return builder.compile(*registry); }

    QString start(const flow::CompiledFlowPtr &flow, QJsonObject inputs = {},
                  const QString &flowId = QStringLiteral("flow-1"))
    {
        auto result = trigger(flow, std::move(inputs), flowId);
        if (!result)
            qWarning("trigger failed: %s", qPrintable(result.error().toString()));
        return result ? result.value().executionId : QString();
    }
    Result<TriggerResult> trigger(const flow::CompiledFlowPtr &flow, QJsonObject inputs = {},
                                  const QString &flowId = QStringLiteral("flow-1"),
                                  const QString &version = QStringLiteral("1"))
    {
        flows[flowId + u'@' + version] = flow;
        return scheduler->trigger(
            TriggerRequest{flowId, version, flow, std::move(inputs), QStringLiteral("user:1")});
    }

    ExecutionStatus statusOf(const QString &id) const
    {
        return scheduler->status(id).value_or(ExecutionStatus::Pending);
    }
    // Waits (event loop, no sleeps) until the execution has ended.
    bool waitEnded(const QString &id, int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return isTerminal(statusOf(id)); }, timeoutMs);
    }
    NodeStatus nodeStatus(const QString &execId, const QString &nodeId) const
    {
        const Execution *e = scheduler->execution(execId);
        if (!e || e->nodes.empty())
            return NodeStatus::Pending;
        return e->nodes[static_cast<size_t>(e->flow->indexOf(nodeId))].status;
    }
    const NodeState &node(const QString &execId, const QString &nodeId) const
    {
        const Execution *e = scheduler->execution(execId);
        return e->nodes[static_cast<size_t>(e->flow->indexOf(nodeId))];
    }
    QStringList eventTypes(const QString &execId) const
    {
        QStringList types;
        for (const EngineEvent &e : events)
            if (e.executionId == execId)
                types.append(e.typeName() +
                             (e.nodeId.isEmpty() ? QString() : QStringLiteral(":") + e.nodeId));
        return types;
    }

    std::shared_ptr<ExecutorRegistry> registryMut() const
    {
        return std::const_pointer_cast<ExecutorRegistry>(registry);
    }

    std::shared_ptr<const ExecutorRegistry> registry;
    std::shared_ptr<ControlledExecutor> ctl;
    RecordingJournal journal;
    std::map<QString, flow::CompiledFlowPtr> flows;
    QList<EngineEvent> events;
    std::unique_ptr<Scheduler> scheduler;
};

} // namespace hm::engine::test
