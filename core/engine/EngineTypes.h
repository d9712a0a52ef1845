#pragma once

// Values that cross the engine's public API: requests, results, statuses and
// options. Plain data, copyable across threads.

#include "flow/CompiledFlow.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <functional>

namespace hm::engine {

enum class ExecutionStatus : quint8
{
    Pending,
    Queued,
    Running,
    Completed,
    Failed,
    Cancelling,
    Cancelled,
};

enum class NodeStatus : quint8
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
    Skipped,
};
inline constexpr int kNodeStatusCount = 6;

enum class SkipReason : quint8
{
    None,
    DependencyFailed, // an ancestor failed after its retries
    BranchNotTaken,   // no parent took an edge leading here
};

// seed 003 §6.3 CancelReason, lower case on the wire.
enum class CancelReason : quint8
{
    UserRequested,
    Timeout,
    Replaced,
    System,
    DependencyFailed,
};

QString executionStatusName(ExecutionStatus status);
QString nodeStatusName(NodeStatus status);
QString skipReasonName(SkipReason reason);
QString cancelReasonName(CancelReason reason);
std::optional<CancelReason> cancelReasonFromName(const QString &name);
bool isTerminal(ExecutionStatus status);
bool isTerminal(NodeStatus status);

struct TriggerRequest
{
    QString flowId;
    QString version;
    flow::CompiledFlowPtr flow; // compiled once per version, shared
    QJsonObject inputs;
    QString triggeredBy; // user id, api key id or "system"
    // Order in the flow's queue (concurrency "queue"): higher first, FIFO
    // among equals. Other modes ignore it.
    int priority = 0;
    // The execution's time limit when lower than the flow's (0 = the flow's
    // flowTimeoutMs); the caller checks it against the flow's.
    qint64 timeoutMs = 0;
};

struct TriggerResult
{
    enum class Status
    {
        Started,
        Queued,
    };
    QString executionId;
    Status status = Status::Started;
    int queuePosition = 0; // 1-based when queued
    QString flowId;
    QString flowVersion;
    qint64 startedAtMs = 0; // 0 when queued
    QString statusName() const
    {
        return status == Status::Started ? QStringLiteral("started") : QStringLiteral("queued");
    }
};

struct CancelRequest
{
    CancelReason reason = CancelReason::UserRequested;
    QString message;
    QString cancelledBy; // "user:123", "system"
};

struct CancelResult
{
    QString executionId;
    ExecutionStatus status = ExecutionStatus::Cancelling;
    QStringList affectedNodes; // running nodes told to stop
};

struct RerunRequest
{
    enum class From
    {
        Start,
        Failed,
    };
    QString executionId; // the execution to re-run
    From from = From::Start;
    // Run on another version; empty keeps the original's version and flow.
    flow::CompiledFlowPtr flow;
    QString version;
    QString triggeredBy;
};

struct EngineOptions
{
    // Whether the Engine runs its scheduler on a thread of its own (true)
    // or on the thread that creates it (false). On a machine with two
    // cores, every hand-off between the server's thread and an engine
    // thread is a wake-up of the other core, which costs more than the
    // engine's work for a short flow; with more cores the engine's own
    // thread runs alongside the server's.
    bool ownThread = true;
    // Finished executions stay in memory this long (seed 003 §5.1 TTL)...
    qint64 stateExpiryMs = 24LL * 60 * 60 * 1000;
    // ...but at most this many of them (0 = no limit): beyond it the oldest
    // go first, each once its history is in the store. Memory stays bounded
    // under any rate of executions, and the history answers for the
    // forgotten ones. 1,000 rather than 10,000: under the chain benchmark
    // the server's resident memory fell from 118 to 66 MB (docs/benchmarks.md,
    // "SQLCipher's page crypto, SQLite's memory statistics, finished
    // executions in memory").
    qsizetype maxFinishedInMemory = 1000;
    // A cancelled execution waits this long for running nodes to report.
    qint64 cancelGraceMs = 5000;
    // Upper bound of one retry back-off.
    qint64 maxBackoffMs = 5LL * 60 * 1000;
    // Retry jitter seed; 0 = random. Tests pin it.
    quint32 jitterSeed = 0;
    // Wall clock (ms since epoch) for timestamps and expiry; tests inject one.
    std::function<qint64()> clock;
};

} // namespace hm::engine

Q_DECLARE_METATYPE(hm::engine::TriggerResult)
Q_DECLARE_METATYPE(hm::engine::CancelResult)
