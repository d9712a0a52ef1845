#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QHash>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QVariantList>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace hm::store {

class Database;

// A JSON parameter turned into text by the writer thread just before it is
// bound: producers hand over the (implicitly shared) object, and an op that
// coalescing replaces never pays for serialising it. `render` must be safe
// to call from any thread (a pure function of the object).
struct DeferredJson
{
    QJsonObject object;
    QString (*render)(const QJsonObject &object) = nullptr;
};

// One write: a single SQL statement and its positional parameters
// (a QVariant holding a DeferredJson binds as its rendered text).
struct WriteOp
{
    QString sql;
    QVariantList params;
    // Runs with the same parameters when `sql` changed no row: "INSERT OR
    // IGNORE, else UPDATE" is the upsert SQLite 3.15 lacks, and unlike
    // INSERT OR REPLACE it needs no statement journal (which SQLCipher
    // encrypts page by page).
    QString fallbackSql;
    // Coalescing: while an op with the same non-empty key waits in the queue,
    // a newer one replaces it in place (its position, the newer SQL and
    // parameters). For ops that each write a row's whole latest state, so
    // only the last state of a row is written per batch.
    QString key;

    // Packing: the records of one group (an execution and its nodes) that
    // meet in a batch travel in one row. A host op (packInto >= 0 and
    // `pack` set) whose group has nothing on disk yet (groupFirst) takes the
    // packable ops of its group that follow it in the batch: pack() renders
    // them, in batch order, as the value bound at params[packInto] (NULL
    // when no member came), and they write no row of their own. One row
    // instead of one per node: the history's B-tree inserts, binds and steps
    // shrink to one per execution when the execution ends within a batch.
    // The host renders all its members at once, so the text may share what
    // they have in common (PackedNodeStates.h).
    QString group;
    qsizetype packInto = -1;
    // Set by the producer on the first op of a group it ever enqueues; an op
    // that replaces a queued one of its key inherits it (the replaced op
    // was never written).
    bool groupFirst = false;
    QVariant (*pack)(const WriteOp &host, const std::vector<const WriteOp *> &members) = nullptr;
    // How many members a host brings of its own (in its `record`, which
    // pack() reads): pack() runs for such a host even when no queued member
    // follows it, and also when its group is not first (its queued members,
    // if any, then write their own rows, and pack() gets none of them). The
    // producer brings only members that no queued op of the group
    // duplicates. Counted in WriteBehindStats::packed.
    qsizetype ownMembers = 0;
    // Member: may travel in its group's host (its `record`, or its
    // parameters, which are not rendered yet, are what pack() reads).
    bool packable = false;

    // A producer may hand over its record instead of parameters: the writer
    // fills `params` with makeParams(record) when the op is written as a
    // row, and never when it travels packed or a newer op replaced it. The
    // producer's thread then only copies the (implicitly shared) record.
    // A host with ownMembers keeps them here (and has no makeParams).
    std::shared_ptr<const void> record;
    void (*makeParams)(const void *record, QVariantList &params) = nullptr;

    // A write that is more than one statement: the writer calls run() in
    // the batch's transaction instead of preparing `sql` (which then only
    // names the op in the log). For writes whose statements must see each
    // other with nothing of another producer in between (a watermark read,
    // the rows up to it moved, the watermark advanced). An error undoes
    // what the failing statement did, not the ones before it, so run()
    // must be safe to repeat.
    Status (*run)(Database &db, const WriteOp &op) = nullptr;
    // What run() reports back (e.g. the rows it moved), for the producer
    // to read once the batch committed; optional, the producer's to make.
    std::shared_ptr<std::atomic<int>> result;
};

struct WriteBehindOptions
{
    qsizetype capacity = 65536; // queued ops before enqueue() blocks
    qsizetype maxBatch = 4096;  // ops per transaction
    int maxDelayMs = 50;        // longest an op waits for its batch to fill
    // Group commit: once someone waits for an op to be committed
    // (requestCommit), its batch lingers at most this long for company.
    // 0 (default): the writer takes it as soon as it is free, and every
    // producer that arrived during the previous batch shares the next
    // commit. Measured (docs/benchmarks.md): any fixed delay only lowers
    // throughput, because the clients it holds back send nothing new.
    int commitDelayUs = 0;
    bool fullSync = false; // OpenOptions::fullSync for the writer's connection
    // WAL checkpoints on a thread of their own (every checkpointIntervalMs
    // while anything was committed) instead of inside a commit: a commit
    // that has to copy a thousand pages back into the file first would
    // hold up every acknowledgement waiting for it. 0 = SQLite's automatic
    // checkpoints in the writer's commits.
    int checkpointIntervalMs = 200;
    // Under steady writes a PASSIVE checkpoint never catches up with the
    // writer, and SQLite starts the WAL file over only once one has: the
    // file grows by everything written (over 100 MB a second at the
    // trigger benchmark's rate on a fast host) for as long as the load
    // lasts. Once a commit leaves this many frames in the WAL (the writer
    // counts them itself, sqlite3_wal_hook), the writer runs a RESTART
    // checkpoint before its next batch (waiting for readers,
    // walRestartWaitMs), so the next commit writes from the start of the
    // file again; the file keeps its size (walIdleTruncateBytes cuts it
    // back). Reaching the cap first has the checkpoint thread run a
    // PASSIVE at once and sync the database file while batches go on; the
    // RESTART follows it and copies and syncs only what was committed
    // meanwhile (or runs anyway once the file has outgrown the cap by a
    // quarter). That keeps each restart's stall to a few milliseconds, so
    // the cap is small: 64 MiB of 4 KiB pages, which the page cache keeps,
    // and a WAL rewritten in place costs the writer less than one that
    // grows into new blocks (docs/benchmarks.md, "A 64 MiB WAL"; 1 GiB
    // before). 0 = never.
    int walRestartFrames = 16384;
    // How long that RESTART waits for readers still on the old WAL (and
    // for a writer of another connection) before it gives up and is tried
    // again once the file has grown by another eighth of the limit. Every
    // acknowledgement waits with it, so it is short; the connection's busy
    // timeout (5 s) would stall them for as long as a slow reader lasts.
    int walRestartWaitMs = 200;
    // Once an interval passes in which no connection committed and the WAL
    // file is larger than this, the checkpoint thread cuts it back to
    // nothing (a TRUNCATE checkpoint, waiting at most walRestartWaitMs for
    // readers). Not in the writer's commits: SQLite's journal_size_limit
    // truncates in the first commit after a restart, and freeing the
    // blocks of a 1 GiB file took ~240 ms here, which every acknowledgement
    // waited for at each restart under load (docs/benchmarks.md, "The
    // WAL's truncation off the acknowledgements' path"). 0 = never.
    qint64 walIdleTruncateBytes = 64LL * 1024 * 1024;
    // How far below the process's priority the writer and the checkpoint
    // thread run (nice steps, common/ThreadPriority.h; 0 = the same). A
    // server gives the thread that answers requests the cores first: its
    // writes wait in a batch anyway, a request does not.
    int writerNiceSteps = 0;
    int checkpointNiceSteps = 0;
};

// Where the writer stands, for producers that wait for their ops to be
// committed (durable acknowledgements). Positions are numbered from 0 in
// push order (WriteBehindQueue::ticket()).
struct CommitProgress
{
    qint64 done = 0;        // every position below this is committed or failed
    qint64 lastFailed = -1; // the highest position that failed, -1 when none
};

// What became of every op before a ticket.
enum class CommitState
{
    Pending,   // not all of them are written yet
    Committed, // all of them are in the database
    Failed     // at least one of them (or of the ops around them) was not stored
};

struct WriteBehindStats
{
    qint64 enqueued = 0;
    qint64 coalesced = 0; // enqueued ops that replaced a queued one (never written)
    qint64 packed = 0;    // written ops that travelled inside their group's host row
    qint64 written = 0;   // committed
    qint64 failed = 0;    // dropped after an SQL error (logged)
    // Failures whose cause was SQLITE_FULL (the disk or a quota is full):
    // the server's StorageGuard refuses new triggers when this grows.
    qint64 full = 0;
    qint64 batches = 0;          // committed transactions
    qint64 blockedProducers = 0; // enqueue() calls that had to wait for room
    qint64 walRestarts = 0;      // RESTART checkpoints (WriteBehindOptions::walRestartFrames)
    qint64 walRestartsBusy = 0;  // RESTARTs that found the WAL held (retried later, logged)
    qint64 checkpoints = 0;      // background PASSIVE checkpoints (after any connection's commits)
    qint64 walTruncations = 0; // idle WAL files cut back (WriteBehindOptions::walIdleTruncateBytes)
    qint64 queued = 0;         // ops waiting now (filled in by stats())
};

// Bounded queue of writes drained by its own thread over its own connection,
// many ops per transaction: producers (engine, HTTP handlers) never wait
// for the disk unless the queue is full, which is the back-pressure.
//
// Keyed ops (WriteOp::key) coalesce while queued. The replacement keeps
// the older op's position, so a row's first write still comes before the
// writes queued after it (its children's rows, say), but its latest state
// may then be committed before ops enqueued between the two. Only a crash
// between two batches can show that (a batch is one transaction).
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

    // Durable acknowledgements. A ticket covers every op enqueued (on any
    // thread) before it was taken: positions [0, ticket). The writer
    // commits in order, so an op is in the database once its ticket is.
    qint64 ticket() const;
    // The fate of the ops in [from, to) once every op below `to` is done:
    // Failed when any op at a position >= from failed by then
    // (conservative: failures are bugs or a dead disk, and a false alarm is
    // safe), else Committed; Pending before.
    CommitState state(qint64 from, qint64 to) const;
    static CommitState stateAt(const CommitProgress &progress, qint64 from, qint64 to);
    // Asks the writer to commit everything below `to` soon (within
    // commitDelayUs) instead of lingering for a full batch. Cheap; any
    // thread.
    void requestCommit(qint64 to);
    // Called on the writer thread after every batch (committed or not),
    // without the queue's lock held, and once more by stop(). Register
    // before start(); listeners must be quick and must not call back into
    // the queue's blocking functions (enqueue, flush, stop).
    void addCommitListener(std::function<void(const CommitProgress &)> listener);

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
        qint64 packed = 0;
        qint64 full = 0;                // failures caused by SQLITE_FULL
        qsizetype lastFailedIndex = -1; // in the batch, -1 when none failed
    };

    void run();
    void runCheckpoints(std::unique_ptr<Database> db);
    // PRAGMA wal_checkpoint(mode): the frames in the WAL; DB_BUSY when the
    // checkpoint could not take a lock it needs and `busyIsError`.
    static Result<qint64> checkpoint(Database &db, const char *mode, bool busyIsError);
    // A RESTART or TRUNCATE checkpoint on `db` that waits at most
    // walRestartWaitMs for readers (and writers); DB_BUSY when they held on.
    Result<qint64> checkpointWithin(Database &db, const char *mode) const;
    // The checkpoint thread, after an interval without commits.
    void truncateIdleWal(Database &db);
    // Called by the writer thread without the lock held.
    Outcome writeBatch(std::vector<WriteOp> &batch);
    Status apply(const WriteOp &op);
    static void renderDeferred(WriteOp &op);
    // Packs members into their hosts (see WriteOp::group); hostOf[i] is the
    // host index of a packed member, -1 for every other op.
    static void packGroups(std::vector<WriteOp> &batch, std::vector<qsizetype> &hostOf);
    bool lingerOver() const; // with m_mutex held
    // Whether the writer's RESTART may run now (its PASSIVE is done, or
    // there is none to wait for); m_mutex held.
    bool restartReady() const;
    // Whether an op somebody waits for is still in the queue; m_mutex held.
    bool commitWanted() const { return m_commitWanted > m_frontPosition; }
    void notifyListeners(const CommitProgress &progress);
    void push(WriteOp &&op); // with m_mutex held
    // Replaces the queued op with op's key, if any; with m_mutex held.
    bool coalesce(WriteOp &op);
    qsizetype queuedLimit() const { return std::min(m_options.maxBatch, m_options.capacity); }

    const QString m_path;
    crypto::SecureBytes m_key; // wiped once the connection is open
    const WriteBehindOptions m_options;
    std::unique_ptr<Database> m_db; // used by the writer thread only

    mutable std::mutex m_mutex;
    std::condition_variable m_workReady; // writer waits: ops or a stop/flush request
    std::condition_variable m_roomReady; // producers wait: space in the queue
    std::condition_variable m_progress;  // flushers wait: ops done
    std::deque<WriteOp> m_queue;
    // Queue positions are numbered from 0 in push order: m_queue.front() is
    // position m_frontPosition. Coalescing reuses a position.
    qint64 m_pushed = 0;            // positions ever pushed
    qint64 m_frontPosition = 0;     // position of m_queue.front()
    QHash<QString, qint64> m_keyed; // key -> position, for keyed ops still queued
    State m_state = State::Idle;
    qint64 m_done = 0;         // positions taken and finished (written or failed)
    qint64 m_lastFailed = -1;  // the highest position that failed
    qint64 m_commitWanted = 0; // requestCommit: positions below it are waited for
    // When the oldest op still waited for was asked for (requestCommit).
    std::chrono::steady_clock::time_point m_commitWantedSince;
    std::vector<std::function<void(const CommitProgress &)>> m_listeners;
    int m_flushWaiters = 0;
    WriteBehindStats m_stats;

    std::mutex m_stopMutex; // serialises stop() callers around join()
    std::thread m_thread;
    // Background checkpoints (WriteBehindOptions::checkpointIntervalMs).
    std::thread m_checkpointThread;
    std::condition_variable m_checkpointWake; // stop() ends the checkpointer's wait
    // Held around every checkpoint of this queue's two connections. SQLite
    // answers a checkpoint that finds another one running with SQLITE_BUSY
    // at once, without the busy handler: the writer's RESTART would fail
    // whenever the background PASSIVE happens to run, so it waits for it.
    std::mutex m_checkpointRunning;
    // Writer thread only: the WAL's frames after the last commit, and the
    // count at which the writer runs a RESTART checkpoint before its next
    // batch (WriteBehindOptions::walRestartFrames; 0 = never).
    int m_walFrames = 0;
    int m_walRestartAt = 0;
    // Before its RESTART the writer has the checkpoint thread run a PASSIVE
    // at once and goes on writing; the RESTART comes after it (run()).
    // Guarded by m_mutex.
    enum class PreRestart
    {
        None,
        Asked, // the writer wants one; the checkpoint thread starts it
        Done   // one that started after the request has finished
    };
    PreRestart m_preRestart = PreRestart::None;
};

} // namespace hm::store

Q_DECLARE_METATYPE(hm::store::DeferredJson)
