#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QString>
#include <QVariantList>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace hm::store {

class Database;

// One write: a single SQL statement and its positional parameters.
struct WriteOp
{
    QString sql;
    QVariantList params;
};

struct WriteBehindOptions
{
    qsizetype capacity = 65536; // queued ops before enqueue() blocks
    qsizetype maxBatch = 4096;  // ops per transaction
    int maxDelayMs = 50;        // longest an op waits for its batch to fill
};

struct WriteBehindStats
{
    qint64 enqueued = 0;
    qint64 written = 0;          // committed
    qint64 failed = 0;           // dropped after an SQL error (logged)
    qint64 batches = 0;          // committed transactions
    qint64 blockedProducers = 0; // enqueue() calls that had to wait for room
};

// Bounded queue of writes drained by its own thread over its own connection,
// many ops per transaction: producers (engine, HTTP handlers) never wait
// for the disk unless the queue is full, which is the back-pressure.
//
// Failure policy: an op that fails (bad SQL, constraint) is counted in
// `failed`, logged with its SQL (never its parameters) and dropped; the
// other ops of its batch are still committed, re-running the batch without
// the failed op when sqlite had to abandon the transaction. A transaction
// that cannot begin or commit is retried (lock contention for up to about a
// minute) before its ops are counted as failed.
class WriteBehindQueue
{
public:
    // Opens an existing database only (createIfMissing = false): the tables
    // must be there already.
    WriteBehindQueue(QString path, crypto::SecureBytes key, WriteBehindOptions options = {});
    ~WriteBehindQueue(); // stop()

    WriteBehindQueue(const WriteBehindQueue &) = delete;
    WriteBehindQueue &operator=(const WriteBehindQueue &) = delete;

    // Opens the connection and starts the writer thread.
    Status start();
    // Blocks while the queue is full; error unless started and not stopped.
    Status enqueue(WriteOp op);
    // false when full or not running.
    bool tryEnqueue(WriteOp op);
    // Returns once every op enqueued before the call is committed or failed.
    void flush();
    // Writes whatever is queued, then joins the thread. Idempotent.
    void stop();

    WriteBehindStats stats() const;

private:
    enum class State
    {
        Idle,
        Running,
        Stopping,
        Stopped
    };
    struct Outcome
    {
        qint64 written = 0;
        qint64 failed = 0;
        qint64 commits = 0;
    };

    void run();
    // Called by the writer thread without the lock held.
    Outcome writeBatch(std::vector<WriteOp> &batch);
    Status apply(const WriteOp &op);
    bool lingerOver() const; // with m_mutex held
    void push(WriteOp &&op); // with m_mutex held

    const QString m_path;
    crypto::SecureBytes m_key; // wiped once the connection is open
    const WriteBehindOptions m_options;
    std::unique_ptr<Database> m_db; // used by the writer thread only

    mutable std::mutex m_mutex;
    std::condition_variable m_workReady; // writer waits: ops or a stop/flush request
    std::condition_variable m_roomReady; // producers wait: space in the queue
    std::condition_variable m_progress;  // flushers wait: ops done
    std::deque<WriteOp> m_queue;
    State m_state = State::Idle;
    qint64 m_done = 0; // ops taken and finished (written or failed)
    int m_flushWaiters = 0;
    WriteBehindStats m_stats;

    std::mutex m_stopMutex; // serialises stop() callers around join()
    std::thread m_thread;
};

} // namespace hm::store
