#pragma once

// The seam between the scheduler and whatever runs a node: built-ins
// in-process, HTTP components, later external services and worker tasks.

#include "common/Error.h"
#include "flow/ComponentInterface.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace hm::engine {

// What an executor works out from a node's definition alone (parsed config
// expressions, say) so that no attempt has to: see NodeExecutor::prepare().
class PreparedNode
{
public:
    virtual ~PreparedNode() = default;
};

// What one attempt of one node gets to work with.
struct NodeTask
{
    QString executionId;
    QString nodeId;
    QString component;
    QString version;
    QJsonObject config;
    QJsonObject inputs; // resolved by flow::resolveInputs
    int attempt = 1;    // 1-based
    int timeoutMs = 0;  // this attempt's node timeout; 0 = none. The scheduler enforces it too.
    QString blobToken;  // per-execution token for the blob endpoint (HTTP components)
    // What this executor's prepare() returned for the node, or null (it
    // returned null, or the caller did not prepare). Valid while start()
    // runs; a run that outlives start() keeps what it needs itself.
    const PreparedNode *prepared = nullptr;
    // Whom the execution acts for (a `task` node checks their grants on
    // the fleet's nodes, its owner's when nobody triggered it).
    QString flowId;
    QString triggeredBy; // user id, api key id or "system"
    // A line for the node's log while the attempt still runs (a `task`
    // node's exact target list, fixed before any command starts): the
    // scheduler adds it to the node's logs at once and, at history level
    // `all`, journals the running node with it, so the execution's detail
    // and its history show it before the node ends. Engine thread only; a
    // line after the attempt ended is dropped. Null when no scheduler runs
    // the attempt (lines then go with the outcome only).
    std::function<void(const QString &line)> log;
};

// How one attempt ended.
struct NodeOutcome
{
    enum class Kind
    {
        Completed,
        Failed,
        Cancelled
    };

    Kind kind = Kind::Completed;
    QJsonObject outputs;
    // The output handle taken; a condition answers "true" or "false", and
    // edges leaving other handles are skipped.
    QString handle = QStringLiteral("default");
    Error error;           // Failed: what went wrong
    bool retryable = true; // Failed: false stops the retry policy (bad input, 4xx)
    QStringList logs;      // lines for the execution log (masked before storing)

    static NodeOutcome completed(QJsonObject outputs, QString handle = QStringLiteral("default"))
    {
        NodeOutcome outcome;
        outcome.outputs = std::move(outputs);
        outcome.handle = std::move(handle);
        return outcome;
    }
    static NodeOutcome failed(Error error, bool retryable = true)
    {
        NodeOutcome outcome;
        outcome.kind = Kind::Failed;
        outcome.error = std::move(error);
        outcome.retryable = retryable;
        return outcome;
    }
    static NodeOutcome cancelled()
    {
        NodeOutcome outcome;
        outcome.kind = Kind::Cancelled;
        return outcome;
    }
};

using NodeDone = std::function<void(NodeOutcome)>;

// A running attempt. cancel() asks it to stop (abort the HTTP call, stop a
// timer); it then reports Cancelled through `done`, or nothing at all when
// it cannot. Destroying the handle abandons the attempt: `done` must not be
// called afterwards.
class NodeRun
{
public:
    virtual ~NodeRun() = default;
    virtual void cancel() = 0;
};

class NodeExecutor
{
public:
    virtual ~NodeExecutor() = default;
    // Called on the engine thread. Calls `done` exactly once, on the engine
    // thread, possibly before start() returns (synchronous built-ins), unless
    // the returned run is destroyed first.
    virtual std::unique_ptr<NodeRun> start(const NodeTask &task, NodeDone done) = 0;
    // Called on the engine thread once per node of a compiled flow, before
    // its first attempt; every attempt of that node then gets the result as
    // NodeTask::prepared. It must depend on `config` only (the scheduler
    // keeps one per node for as long as it runs the flow), and start() must
    // give the same results with or without it. Default: nothing.
    virtual std::shared_ptr<const PreparedNode> prepare(const QJsonObject &config) const
    {
        Q_UNUSED(config);
        return nullptr;
    }
    // Whether its runs hand NodeTask::blobToken to someone (a component
    // calling the blob endpoint). Only then does an execution draw its
    // token, from the system's random source, which costs microseconds.
    virtual bool usesBlobToken() const { return false; }
    // Whether an attempt may do something outside the server (an HTTP call,
    // a command on a machine). Such an attempt starts only once the
    // journal holds its start (ExecutionJournal::durability), so recovery
    // can say which calls may have happened and never repeats one.
    // Default: yes; pure built-ins say no.
    virtual bool hasExternalEffects() const { return true; }
};

} // namespace hm::engine
