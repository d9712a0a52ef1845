#pragma once

// The seam between the scheduler and the store: the scheduler reports what
// happened, the journal persists it (through the write-behind queue). All
// calls come from the engine thread and must not block on disk.

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace hm::engine {

struct ExecutionRecord
{
    QString id;
    QString flowId;
    QString flowVersion;
    QString status;     // pending|queued|running|completed|failed|cancelling|cancelled
    QString triggerKey; // concurrency scope key when scope=trigger_key
    QJsonObject triggerInput;
    QString triggeredBy;  // user id, api key id or "system"
    QString cancelReason; // user_requested|timeout|replaced|system|dependency_failed
    QString errorCode;
    QString errorMessage;
    QJsonObject outputs;  // leaf outputs when completed
    QString rerunOf;      // execution id this one re-runs, if any
    QString historyLevel; // all|summary|none
    qint64 createdAtMs = 0;
    qint64 startedAtMs = 0; // 0 = not started
    qint64 endedAtMs = 0;   // 0 = not ended
};

struct NodeRecord
{
    QString executionId;
    QString nodeId;
    QString component;
    QString version;
    QString status; // pending|running|completed|failed|cancelled|skipped
    int attempt = 0;
    QString skipReason; // e.g. DEPENDENCY_FAILED, BRANCH_NOT_TAKEN
    QJsonObject inputs; // masked by the journal before storing
    QJsonObject outputs;
    QString errorCode;
    QString errorMessage;
    qint64 startedAtMs = 0;
    qint64 endedAtMs = 0;
    QStringList logs; // the node's last log lines, already masked
};

struct QueuedRequest
{
    QString executionId;
    QString flowId;
    QString flowVersion;
    QString scopeKey; // "" for scope=flow
    QJsonObject inputs;
    QString triggeredBy;
    qint64 queuedAtMs = 0;
    qint64 sequence = 0; // FIFO order, increasing
    int priority = 0;    // queue order: higher first, then sequence
    qint64 timeoutMs = 0; // the trigger's timeout override, 0 = the flow's
};

class ExecutionJournal
{
public:
    virtual ~ExecutionJournal() = default;
    // Insert or replace the execution row (status changes, end).
    virtual void recordExecution(const ExecutionRecord &record) = 0;
    // One node's final (or latest) state. The scheduler applies the flow's
    // history level before calling: `all` every node, `summary` failed
    // nodes only, `none` never.
    virtual void recordNode(const NodeRecord &record) = 0;
    // The same, for a record the caller no longer needs (the scheduler's):
    // a journal that keeps records takes it without a copy.
    virtual void takeNode(NodeRecord &&record) { recordNode(record); }
    // The queue survives restarts: a request is recorded when queued and
    // removed when it starts or is cancelled.
    virtual void recordQueued(const QueuedRequest &request) = 0;
    virtual void removeQueued(const QString &executionId) = 0;
    // The end of an engine turn (the scheduler has run everything that was
    // ready): a journal that held records back within the turn passes them
    // on now. Every call that reaches the scheduler ends with one.
    virtual void endTurn() {}

    // Write-ahead starts (docs/engine-persistence.md, "Durability"). The
    // scheduler sends no call out of the process (a node with external
    // effects) before the records that say it started are in the database,
    // so after a crash every call that may have happened is known and no
    // started execution runs again. A ticket covers every record made
    // before it was taken. The defaults describe a journal whose records
    // are durable at once (or that keeps none).
    enum class Durability
    {
        Pending, // not all written yet
        Durable, // every record in [from, ticket) is in the database
        Lost     // a record in that range could not be stored
    };
    virtual qint64 durabilityTicket() { return 0; }
    virtual Durability durability(qint64 from, qint64 ticket) const
    {
        Q_UNUSED(from);
        Q_UNUSED(ticket);
        return Durability::Durable;
    }
    // Asks for the records below `ticket` to be committed soon. Whoever owns
    // the journal then calls Scheduler::journalProgressed() on the engine
    // thread (the server's FlowEngineHost does, after every commit).
    virtual void requestDurable(qint64 ticket) { Q_UNUSED(ticket); }
};

// For benchmarks and tests that need no persistence.
class NullExecutionJournal final : public ExecutionJournal
{
public:
    void recordExecution(const ExecutionRecord &) override {}
    void recordNode(const NodeRecord &) override {}
    void recordQueued(const QueuedRequest &) override {}
    void removeQueued(const QString &) override {}
};

} // namespace hm::engine
