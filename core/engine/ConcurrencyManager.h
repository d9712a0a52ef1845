#pragma once

// Slot leases and priority queues (FIFO among equal priorities) per concurrency scope (seed 003 §5.2
// flow:{id}:running and flow:{id}:queue, kept in memory). Pure bookkeeping:
// the Scheduler decides when to acquire, release and start; this class only
// makes sure a lease is counted once and a queue keeps its order.
// Engine thread only.

#include <QHash>
#include <QString>
#include <QStringList>

namespace hm::engine {

class ConcurrencyManager
{
public:
    // The scope id: a flow, or a flow plus a trigger key value.
    static QString scopeId(const QString &flowId, const QString &scopeKey);

    // Lease holders (running or cancelling executions), oldest first.
    QStringList holders(const QString &scope) const;
    int holderCount(const QString &scope) const;
    void acquire(const QString &scope, const QString &executionId);
    // False when the execution held no lease there (double release).
    bool release(const QString &scope, const QString &executionId);

    // Inserts behind every waiting execution of the same or a higher
    // priority and returns the 1-based position.
    int enqueue(const QString &scope, const QString &executionId, int priority = 0);
    bool removeQueued(const QString &scope, const QString &executionId);
    QString takeFirstQueued(const QString &scope);
    int queuePosition(const QString &scope, const QString &executionId) const;
    QStringList queued(const QString &scope) const;

    int totalLeases() const;
    int totalQueued() const;
    QStringList scopes() const { return m_scopes.keys(); }

private:
    struct Scope
    {
        QStringList holders;
        QStringList queue;
        QList<int> priorities; // of queue's entries, same order (non-increasing)
    };
    void dropIfEmpty(const QString &scope);
    QHash<QString, Scope> m_scopes;
};

} // namespace hm::engine
