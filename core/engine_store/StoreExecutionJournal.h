#pragma once

#include "engine/ExecutionJournal.h"
#include "store/WriteBehindQueue.h"

#include <QHash>
#include <atomic>
#include <vector>

namespace hm::engine::persistence {

// The ExecutionJournal of a server with a database: every call becomes one
// WriteOp on the write-behind queue (node records of an execution that ends
// within the engine turn ride in its final record's op instead), so the
// engine thread only waits when the queue is full (its back-pressure),
// never for the disk.
//
// What is stored (docs/engine-persistence.md):
//   - executions: one row per execution, each record an upsert ("INSERT
//     OR IGNORE, else UPDATE") of the whole row keyed by the execution, so records of
//     one execution that meet in the queue are written once. Not INSERT OR
//     REPLACE: a replace deletes the old row first (ON DELETE CASCADE would
//     take the node rows), and SQLCipher encrypts the statement journal a
//     replace needs, page by page: several times the cost of an INSERT.
//   - node_executions: the latest state of each (execution, node), the same
//     way; its id is "<execution id>/<node id>" so it stays stable.
//   - executions.node_states: an execution that ends before the writer took
//     any of its records carries its node records in its own row instead,
//     in a compact positional JSON text (PackedNodeStates.h); readers use
//     StoredNodes.h.
//   - node inputs/outputs and execution outputs pass SensitiveDataMasker and
//     are capped at kMaxJsonColumnBytes (JsonColumn.h). The trigger input is
//     capped but not masked, like the queue's inputs: a re-run needs it, and
//     the file is encrypted; the API masks it on the way out.
//   - node_executions.logs: the node's last log lines (JSON array, masked
//     by the scheduler), schema v4.
//   - execution_queue: recordQueued inserts the row (a plain INSERT: a
//     clash of execution id or sequence is an error, never a silent
//     replace of another request), removeQueued deletes it; both keyed by
//     the execution, so a request that leaves the queue within one batch
//     costs no write.
//   - durability: tickets are the queue's (WriteBehindQueue::ticket), so
//     a start held back until it is durable waits for one commit.
// A write that fails is counted and logged by the queue, never retried here.
class StoreExecutionJournal final : public ExecutionJournal
{
public:
    // The queue must be started and outlive the journal.
    explicit StoreExecutionJournal(store::WriteBehindQueue &queue);

    ~StoreExecutionJournal() override;

    void recordExecution(const ExecutionRecord &record) override;
    void recordNode(const NodeRecord &record) override;
    void takeNode(NodeRecord &&record) override;
    void recordQueued(const QueuedRequest &request) override;
    void removeQueued(const QString &executionId) override;
    void endTurn() override;
    qint64 durabilityTicket() override;
    Durability durability(qint64 from, qint64 ticket) const override;
    void requestDurable(qint64 ticket) override;

    // Writer thread (a commit listener of the queue): whether the engine
    // waits for a ticket that `progress` may have reached, so it should be
    // told (Scheduler::journalProgressed). `previousDone` is the progress
    // the listener saw last.
    bool engineAwaits(qint64 previousDone) const
    {
        return m_awaited.load(std::memory_order_acquire) > previousDone;
    }

    // Stable id of the node_executions row of (executionId, nodeId).
    static QString nodeRowId(const QString &executionId, const QString &nodeId);

private:
    void enqueue(store::WriteOp op);
    void enqueueNode(NodeRecord &&record);
    // Enqueues the held node records as ops of their own.
    void releaseHeld();

    // The parameter of an execution op that receives its packed nodes
    // (executions.node_states, ?18).
    static constexpr qsizetype kPackedNodesParam = 17;

    // Executions with a record queued in this process and no final one yet:
    // their first record was (or is about to be) enqueued, so a later
    // record is not their group's first. The value: whether node records
    // of the execution were enqueued as ops of their own (then its final
    // record takes none of the held ones). Engine thread only.
    QHash<QString, bool> m_started;

    // Node records of one execution held back within an engine turn
    // (ExecutionJournal::endTurn): when the execution's final record comes
    // in the same turn (every flow of synchronous nodes), they travel in
    // it (WriteOp::ownMembers) instead of as one queued op each. Anything else
    // the journal is told, a ticket and the turn's end release them first,
    // so a ticket still covers every record made before it. Engine thread.
    QString m_heldId;
    std::vector<NodeRecord> m_held;

    store::WriteBehindQueue &m_queue;
    // The highest ticket requestDurable() asked for.
    std::atomic<qint64> m_awaited{0};
};

} // namespace hm::engine::persistence
