#include "store/WriteBehindQueue.h"

#include "common/Check.h"
#include "common/Logging.h"
#include "common/ThreadName.h"
#include "common/ThreadPriority.h"
#include "store/Database.h"
#include "store/SqliteError_p.h"

#include <QFileInfo>
#include <algorithm>
#include <chrono>

namespace hm::store {

namespace {

// An op whose pack() fills one of its parameters (WriteOp::group).
bool isHost(const WriteOp &op)
{
    return op.pack && op.packInto >= 0 && op.packInto < op.params.size();
}

// BEGIN IMMEDIATE already waits busy_timeout (5 s) per attempt, so this is
// about a minute of another connection holding the write lock.
constexpr int kMaxBusyAttempts = 12;
// Other begin/commit failures (I/O) get a few short pauses, then the batch
// is given up rather than blocking stop() forever.
constexpr int kMaxErrorAttempts = 3;

Error notRunning()
{
    return Error{
        ErrorCode::ServiceUnavailable, QStringLiteral("the write-behind queue is not running"), {}};
}

} // namespace

WriteBehindQueue::WriteBehindQueue(QString path, crypto::SecureBytes key,
                                   WriteBehindOptions options)
    : m_path(std::move(path)), m_key(std::move(key)), m_options([&] {
          // Nonsense sizes would make the queue block forever or spin.
          options.capacity = std::max<qsizetype>(1, options.capacity);
          options.maxBatch = std::max<qsizetype>(1, options.maxBatch);
          options.maxDelayMs = std::max(0, options.maxDelayMs);
          options.commitDelayUs = std::max(0, options.commitDelayUs);
          return options;
      }())
{}

WriteBehindQueue::~WriteBehindQueue()
{
    stop();
}

Status WriteBehindQueue::start()
{
    std::lock_guard stopGuard(m_stopMutex);
    {
        std::lock_guard lock(m_mutex);
        if (m_state != State::Idle)
            return Status(ErrorCode::InternalError,
                          QStringLiteral("the write-behind queue was already started"));
    }
    Result<std::unique_ptr<Database>> opened = Database::open(
        m_path, m_key, OpenOptions{.createIfMissing = false, .fullSync = m_options.fullSync});
    if (!opened.ok())
        return opened.error();
    m_db = std::move(opened.value());
    std::unique_ptr<Database> checkpointDb;
    if (m_options.checkpointIntervalMs > 0) {
        // The writer's commits never checkpoint; a connection of its own
        // does, in the background (PASSIVE: it never blocks the writer).
        Result<std::unique_ptr<Database>> second = Database::open(
            m_path, m_key, OpenOptions{.createIfMissing = false, .fullSync = m_options.fullSync});
        if (!second.ok())
            return second.error();
        // The writer's connection keeps SQLite's journal_size_limit of -1:
        // its commits never truncate the WAL file (walIdleTruncateBytes).
        if (Status off = m_db->disableAutoCheckpoint(); !off.ok())
            return off;
        checkpointDb = std::move(second.value());
        if (m_options.walRestartFrames > 0) {
            m_walRestartAt = m_options.walRestartFrames;
            m_db->setWalCommitListener([this](int walFrames) { m_walFrames = walFrames; });
        }
    }
    m_key = crypto::SecureBytes(); // the connections keep what they need
    {
        std::lock_guard lock(m_mutex);
        m_state = State::Running;
    }
    m_thread = std::thread([this] {
        nameCurrentThread("hivemind-writer");
        lowerCurrentThreadPriority(m_options.writerNiceSteps);
        run();
    });
    if (checkpointDb) {
        m_checkpointThread = std::thread([this, db = std::move(checkpointDb)]() mutable {
            nameCurrentThread("hivemind-ckpt");
            lowerCurrentThreadPriority(m_options.checkpointNiceSteps);
            runCheckpoints(std::move(db));
        });
    }
    return {};
}

bool WriteBehindQueue::restartReady() const
{
    return m_options.checkpointIntervalMs <= 0 || m_preRestart == PreRestart::Done ||
           m_walFrames >= m_walRestartAt + std::max(1, m_options.walRestartFrames / 4);
}

bool WriteBehindQueue::lingerOver() const
{
    return m_state != State::Running || m_flushWaiters > 0 ||
           qsizetype(m_queue.size()) >= queuedLimit();
}

bool WriteBehindQueue::coalesce(WriteOp &op)
{
    if (op.key.isEmpty())
        return false;
    const auto found = m_keyed.constFind(op.key);
    if (found == m_keyed.cend())
        return false;
    // Taken keys leave m_keyed in run(), so a hit is still queued.
    const qint64 index = found.value() - m_frontPosition;
    HM_CHECK(index >= 0 && index < qint64(m_queue.size()), return false);
    WriteOp &queued = m_queue[size_t(index)];
    op.groupFirst = op.groupFirst || queued.groupFirst;
    queued = std::move(op);
    ++m_stats.enqueued;
    ++m_stats.coalesced;
    return true;
}

void WriteBehindQueue::push(WriteOp &&op)
{
    if (!op.key.isEmpty())
        m_keyed.insert(op.key, m_pushed);
    m_queue.push_back(std::move(op));
    ++m_pushed;
    ++m_stats.enqueued;
    // Wake the writer only when it can act: the first op (it sleeps on an
    // empty queue) or a full batch (it may be lingering). A wake-up per op
    // would cost a context switch per op.
    const qsizetype size = qsizetype(m_queue.size());
    if (size == 1 || size >= queuedLimit())
        m_workReady.notify_one();
}

Status WriteBehindQueue::enqueue(WriteOp op)
{
    std::unique_lock lock(m_mutex);
    if (m_state != State::Running)
        return notRunning();
    if (coalesce(op))
        return {};
    if (qsizetype(m_queue.size()) >= m_options.capacity) {
        ++m_stats.blockedProducers;
        m_roomReady.wait(lock, [this] {
            return qsizetype(m_queue.size()) < m_options.capacity || m_state != State::Running;
        });
        if (m_state != State::Running)
            return notRunning();
    }
    push(std::move(op));
    return {};
}

bool WriteBehindQueue::tryEnqueue(WriteOp op)
{
    std::lock_guard lock(m_mutex);
    if (m_state != State::Running)
        return false;
    if (coalesce(op))
        return true;
    if (qsizetype(m_queue.size()) >= m_options.capacity)
        return false;
    push(std::move(op));
    return true;
}

void WriteBehindQueue::flush()
{
    std::unique_lock lock(m_mutex);
    if (m_state == State::Idle || m_state == State::Stopped)
        return;
    // Positions complete in FIFO order, so "done >= positions pushed so
    // far" means every op enqueued before this call is finished (a
    // coalesced op lives on in an earlier position).
    const qint64 target = m_pushed;
    if (m_done >= target)
        return;
    ++m_flushWaiters;
    m_workReady.notify_one(); // cut the writer's linger short
    m_progress.wait(lock, [&] { return m_done >= target || m_state == State::Stopped; });
    --m_flushWaiters;
}

void WriteBehindQueue::stop()
{
    std::lock_guard stopGuard(m_stopMutex);
    {
        std::lock_guard lock(m_mutex);
        if (m_state == State::Idle || m_state == State::Stopped) {
            m_state = State::Stopped;
            return;
        }
        m_state = State::Stopping;
        m_workReady.notify_one();
        m_roomReady.notify_all(); // blocked producers give up with an error
    }
    if (m_thread.joinable())
        m_thread.join();
    {
        std::lock_guard lock(m_mutex);
        m_checkpointWake.notify_all(); // m_state is Stopping: it ends
    }
    if (m_checkpointThread.joinable())
        m_checkpointThread.join();
    CommitProgress progress;
    {
        std::lock_guard lock(m_mutex);
        m_state = State::Stopped;
        m_progress.notify_all();
        progress = CommitProgress{m_done, m_lastFailed};
    }
    notifyListeners(progress);
}

qint64 WriteBehindQueue::ticket() const
{
    std::lock_guard lock(m_mutex);
    return m_pushed;
}

CommitState WriteBehindQueue::stateAt(const CommitProgress &progress, qint64 from, qint64 to)
{
    if (progress.done < to)
        return CommitState::Pending;
    // Only the highest failed position is kept, so a failure at or after
    // `from` may lie beyond `to`: a false alarm, never a missed failure.
    return progress.lastFailed >= from ? CommitState::Failed : CommitState::Committed;
}

CommitState WriteBehindQueue::state(qint64 from, qint64 to) const
{
    std::lock_guard lock(m_mutex);
    return stateAt(CommitProgress{m_done, m_lastFailed}, from, to);
}

void WriteBehindQueue::requestCommit(qint64 to)
{
    std::lock_guard lock(m_mutex);
    // Ops the writer took already are being written: nothing to hurry.
    if (to <= m_frontPosition || m_state != State::Running)
        return;
    const bool newWindow = !commitWanted();
    m_commitWanted = std::max(m_commitWanted, to);
    if (newWindow) {
        // The oldest waiter sets the deadline; later ones share its commit.
        m_commitWantedSince = std::chrono::steady_clock::now();
        m_workReady.notify_one();
    }
}

void WriteBehindQueue::addCommitListener(std::function<void(const CommitProgress &)> listener)
{
    std::lock_guard lock(m_mutex);
    HM_CHECK(m_state == State::Idle, return );
    m_listeners.push_back(std::move(listener));
}

void WriteBehindQueue::notifyListeners(const CommitProgress &progress)
{
    // m_listeners only changes before start(), so reading it unlocked on
    // the writer thread (or in stop(), after the join) is safe.
    for (const auto &listener : m_listeners)
        listener(progress);
}

WriteBehindStats WriteBehindQueue::stats() const
{
    std::lock_guard lock(m_mutex);
    WriteBehindStats stats = m_stats;
    stats.queued = qint64(m_queue.size());
    return stats;
}

void WriteBehindQueue::run()
{
    const qsizetype batchLimit = queuedLimit();
    std::vector<WriteOp> batch;
    batch.reserve(size_t(batchLimit));

    std::unique_lock lock(m_mutex);
    for (;;) {
        m_workReady.wait(lock, [this] { return !m_queue.empty() || m_state != State::Running; });
        if (m_queue.empty())
            break; // stopping, and everything is written
        if (m_walRestartAt > 0 && m_walFrames >= m_walRestartAt && !restartReady()) {
            // First a PASSIVE on the checkpoint thread, which then syncs
            // the database file, while batches go on: the RESTART after it
            // copies and syncs only what was committed meanwhile. Syncing
            // everything copied since the kernel's last writeback made
            // every acknowledgement wait ~90 ms at each restart
            // (docs/benchmarks.md, "Node records held within the engine
            // turn; the WAL restart after a PASSIVE").
            if (m_preRestart == PreRestart::None) {
                m_preRestart = PreRestart::Asked;
                m_checkpointWake.notify_one();
            }
        } else if (m_walRestartAt > 0 && m_walFrames >= m_walRestartAt) {
            // It is here, on the writer's own count, so that the file's
            // size never depends on when the checkpoint thread gets a core:
            // past a quarter over the cap it runs without the PASSIVE.
            m_preRestart = PreRestart::None;
            lock.unlock();
            const Result<qint64> restart = [this] {
                // Waits for a background PASSIVE that is copying (bounded
                // by the frames of one interval) instead of failing on it.
                std::lock_guard running(m_checkpointRunning);
                return checkpointWithin(*m_db, "RESTART");
            }();
            if (restart.ok()) {
                // The next commit writes from the start of the file (a batch
                // that commits nothing leaves the count at 0 until then).
                m_walFrames = 0;
                m_walRestartAt = m_options.walRestartFrames;
            } else {
                // A reader held on to the WAL for walRestartWaitMs (or
                // another connection checkpointed or wrote meanwhile): try
                // again once the file has grown by another eighth, rather
                // than make every batch wait that long.
                qCWarning(lcStoreQueue) << "WAL restart checkpoint:" << restart.error().toString();
                m_walRestartAt = m_walFrames + std::max(1, m_options.walRestartFrames / 8);
            }
            lock.lock();
            ++(restart.ok() ? m_stats.walRestarts : m_stats.walRestartsBusy);
        }
        // Let a batch build up, but never keep an op waiting longer than
        // maxDelayMs, nor an op somebody waits for (requestCommit) longer
        // than commitDelayUs: that is the group commit of acknowledged
        // writes, one transaction for every waiter that arrived meanwhile.
        const auto lingerEnd =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(m_options.maxDelayMs);
        while (!lingerOver()) {
            auto deadline = lingerEnd;
            if (commitWanted())
                deadline = std::min(deadline, m_commitWantedSince + std::chrono::microseconds(
                                                                        m_options.commitDelayUs));
            if (std::chrono::steady_clock::now() >= deadline)
                break;
            m_workReady.wait_until(lock, deadline);
        }
        const qint64 firstPosition = m_frontPosition;
        const qsizetype taken = std::min(qsizetype(m_queue.size()), m_options.maxBatch);
        // Every keyed op is in the queue: taking all of it (the usual
        // batch) empties m_keyed at once, instead of hashing each key again
        // to erase it. Room for as many keys is kept for the next batch (a
        // QHash that grows rehashes every key it holds).
        const bool takesAll = taken == qsizetype(m_queue.size());
        if (takesAll) {
            const qsizetype keys = m_keyed.size();
            m_keyed.clear();
            m_keyed.reserve(keys);
        }
        for (qsizetype i = 0; i < taken; ++i) {
            WriteOp &op = m_queue.front();
            if (!takesAll && !op.key.isEmpty()) {
                const auto found = m_keyed.find(op.key);
                if (found != m_keyed.end() && found.value() == m_frontPosition)
                    m_keyed.erase(found);
            }
            batch.push_back(std::move(op));
            m_queue.pop_front();
            ++m_frontPosition;
        }
        m_roomReady.notify_all();
        lock.unlock();

        const Outcome outcome = writeBatch(batch);
        batch.clear();

        lock.lock();
        m_stats.written += outcome.written;
        m_stats.packed += outcome.packed;
        m_stats.failed += outcome.failed;
        m_stats.full += outcome.full;
        m_stats.batches += outcome.commits;
        m_done += taken;
        if (outcome.lastFailedIndex >= 0)
            m_lastFailed = firstPosition + outcome.lastFailedIndex;
        m_progress.notify_all();
        const CommitProgress progress{m_done, m_lastFailed};
        if (!m_listeners.empty()) {
            lock.unlock();
            notifyListeners(progress);
            lock.lock();
        }
    }
    lock.unlock();
    m_db.reset(); // closed by the thread that used it
}

Result<qint64> WriteBehindQueue::checkpointWithin(Database &db, const char *mode) const
{
    // The busy timeout is the connection's: shortened for this checkpoint
    // only (walRestartWaitMs), then set back for its other statements.
    db.setBusyTimeout(std::max(0, m_options.walRestartWaitMs));
    const Result<qint64> result = checkpoint(db, mode, true);
    db.setBusyTimeout(Database::kBusyTimeoutMs);
    return result;
}

void WriteBehindQueue::truncateIdleWal(Database &db)
{
    // A TRUNCATE takes the write lock for as long as it runs: a batch or
    // an API write that arrives meanwhile waits for it, once, at the end
    // of a pause, instead of at every restart under load.
    const Result<qint64> truncated = [this, &db] {
        std::lock_guard running(m_checkpointRunning);
        return checkpointWithin(db, "TRUNCATE");
    }();
    if (!truncated.ok()) {
        // Busy: a reader kept its snapshot, or writes resumed; the next
        // pause tries again.
        if (truncated.error().code == ErrorCode::DbBusy)
            qCInfo(lcStoreQueue) << "idle WAL not cut back:" << truncated.error().toString();
        else
            qCWarning(lcStoreQueue) << "cutting back the idle WAL:" << truncated.error().toString();
        return;
    }
    std::lock_guard lock(m_mutex);
    ++m_stats.walTruncations;
}

Result<qint64> WriteBehindQueue::checkpoint(Database &db, const char *mode, bool busyIsError)
{
    // One row: busy (1 when the checkpoint could not get a lock it needs:
    // another checkpoint running, or for RESTART the writer or a reader
    // not letting go within the busy timeout), frames in the WAL, frames
    // copied back.
    auto stmt = db.prepare(QStringLiteral("PRAGMA wal_checkpoint(%1)").arg(QLatin1String(mode)));
    if (!stmt.ok())
        return stmt.error();
    const Result<bool> row = stmt.value().step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return qint64(0);
    if (busyIsError && stmt.value().int64(0) != 0)
        return Error{ErrorCode::DbBusy,
                     QStringLiteral("wal_checkpoint(%1) was busy").arg(QLatin1String(mode))};
    return stmt.value().int64(1);
}

void WriteBehindQueue::runCheckpoints(std::unique_ptr<Database> db)
{
    const auto interval = std::chrono::milliseconds(m_options.checkpointIntervalMs);
    // PRAGMA data_version changes when any other connection committed: the
    // writer, and the server's own connections, which leave checkpointing
    // to this thread (wal_autocheckpoint = 0) so that an API write never
    // copies pages and fsyncs on the thread that serves requests.
    const auto dataVersion = [&db] {
        return db->queryInt(QStringLiteral("PRAGMA data_version")).valueOr(-1);
    };
    qint64 versionAtCheckpoint = dataVersion();
    // One attempt per pause: a reader that stops it is not waited for
    // again until more has been committed.
    qint64 versionAtTruncation = -1;
    const QString walPath = m_path + QStringLiteral("-wal");
    std::unique_lock lock(m_mutex);
    while (m_state == State::Running) {
        m_checkpointWake.wait_for(lock, interval, [this] {
            return m_state != State::Running || m_preRestart == PreRestart::Asked;
        });
        if (m_state != State::Running)
            continue;
        // The writer waits for this one to start its RESTART (run()).
        const bool beforeRestart = m_preRestart == PreRestart::Asked;
        lock.unlock();
        const qint64 version = dataVersion();
        if (!beforeRestart && version == versionAtCheckpoint && version >= 0) {
            // Nothing committed for an interval, and the last PASSIVE
            // copied what it could: a pause.
            if (m_options.walIdleTruncateBytes > 0 && version != versionAtTruncation &&
                QFileInfo(walPath).size() > m_options.walIdleTruncateBytes) {
                versionAtTruncation = version;
                truncateIdleWal(*db);
            }
            lock.lock();
            continue;
        }
        versionAtCheckpoint = version;
        // PASSIVE copies what no reader still needs and never waits for the
        // writer; whatever it leaves is copied next time.
        const Result<qint64> walFrames = [this, &db] {
            std::lock_guard running(m_checkpointRunning);
            return checkpoint(*db, "PASSIVE", false);
        }();
        if (!walFrames.ok())
            qCWarning(lcStoreQueue) << "background checkpoint:" << walFrames.error().toString();
        // Before the writer's RESTART: what this and earlier PASSIVEs
        // copied goes to disk here, where nobody waits, and the RESTART's
        // own sync has only the last frames' pages left to flush.
        if (beforeRestart && walFrames.ok()) {
            if (const Status synced = db->syncFile(); !synced.ok())
                qCWarning(lcStoreQueue)
                    << "syncing the database file:" << synced.error().toString();
        }
        lock.lock();
        ++m_stats.checkpoints;
        if (beforeRestart && m_preRestart == PreRestart::Asked)
            m_preRestart = PreRestart::Done;
        // The writer starts the WAL over itself, between two batches (run()):
        // a RESTART from this connection would poll for the write lock the
        // writer takes back to back, and then make the writer poll.
    }
    lock.unlock();
    db.reset(); // closed by the thread that used it
}

Status WriteBehindQueue::apply(const WriteOp &op)
{
    if (op.run)
        return op.run(*m_db, op);
    Result<Statement> stmt = m_db->prepare(op.sql);
    if (!stmt.ok())
        return stmt.error();
    for (qsizetype i = 0; i < op.params.size(); ++i)
        stmt.value().bind(int(i) + 1, op.params.at(i));
    const Status ran = stmt.value().run();
    if (!ran.ok() || op.fallbackSql.isEmpty() || m_db->changes() > 0)
        return ran;
    Result<Statement> fallback = m_db->prepare(op.fallbackSql);
    if (!fallback.ok())
        return fallback.error();
    for (qsizetype i = 0; i < op.params.size(); ++i)
        fallback.value().bind(int(i) + 1, op.params.at(i));
    return fallback.value().run();
}

void WriteBehindQueue::packGroups(std::vector<WriteOp> &batch, std::vector<qsizetype> &hostOf)
{
    hostOf.assign(batch.size(), -1);
    QHash<QString, qsizetype> hosts; // group -> index of its host in the batch
    bool ownMembers = false;
    for (size_t i = 0; i < batch.size(); ++i) {
        const WriteOp &op = batch[i];
        if (!isHost(op))
            continue;
        ownMembers = ownMembers || op.ownMembers > 0;
        if (op.groupFirst && !op.group.isEmpty())
            hosts.insert(op.group, qsizetype(i));
    }
    if (hosts.isEmpty() && !ownMembers)
        return;
    QHash<qsizetype, std::vector<const WriteOp *>> members; // host index -> its members
    // A group's members mostly follow one another (an execution's nodes):
    // the host and member list of the last group are kept, and a member of
    // the same group needs no hashing of its group.
    const QString *lastGroup = nullptr;
    qsizetype lastHost = -1;
    std::vector<const WriteOp *> *lastMembers = nullptr;
    for (size_t i = 0; !hosts.isEmpty() && i < batch.size(); ++i) {
        const WriteOp &op = batch[i];
        if (!op.packable || op.group.isEmpty())
            continue;
        if (!lastGroup || *lastGroup != op.group) {
            const auto host = hosts.constFind(op.group);
            lastGroup = &op.group;
            lastHost = host == hosts.cend() ? -1 : host.value();
            lastMembers = nullptr; // a host gets an entry with its first member
        }
        // Only members after the host: its position is its group's first,
        // so anything before it would be from an older life of the group.
        if (lastHost < 0 || lastHost >= qsizetype(i))
            continue;
        if (!lastMembers)
            lastMembers = &members[lastHost];
        lastMembers->push_back(&op);
        hostOf[i] = lastHost;
    }
    // Hosts with queued members, and hosts that bring their own.
    static const std::vector<const WriteOp *> none;
    for (size_t i = 0; i < batch.size(); ++i) {
        WriteOp &op = batch[i];
        if (!isHost(op))
            continue;
        const auto found = members.constFind(qsizetype(i));
        if (found != members.cend())
            op.params[op.packInto] = op.pack(op, found.value());
        else if (op.ownMembers > 0)
            op.params[op.packInto] = op.pack(op, none);
    }
}

void WriteBehindQueue::renderDeferred(WriteOp &op)
{
    static const QMetaType deferred = QMetaType::fromType<DeferredJson>();
    for (QVariant &param : op.params) {
        if (param.metaType() != deferred)
            continue;
        const DeferredJson json = param.value<DeferredJson>();
        param = json.render ? QVariant(json.render(json.object)) : QVariant();
    }
}

WriteBehindQueue::Outcome WriteBehindQueue::writeBatch(std::vector<WriteOp> &batch)
{
    // Outside the transaction, and once per op even when the batch runs
    // again. Packing first: members write their own JSON into their host.
    std::vector<qsizetype> hostOf;
    packGroups(batch, hostOf);
    for (size_t i = 0; i < batch.size(); ++i) {
        WriteOp &op = batch[i];
        if (hostOf[i] >= 0)
            continue; // travels in its host's row
        if (op.makeParams && op.params.isEmpty())
            op.makeParams(op.record.get(), op.params);
        renderDeferred(op);
    }

    Outcome outcome;
    std::vector<bool> dropped(batch.size(), false);
    // A packed member shares its host's fate.
    const auto lost = [&](size_t i) {
        return dropped[i] || (hostOf[i] >= 0 && dropped[size_t(hostOf[i])]);
    };
    int busyAttempts = 0;
    int errorAttempts = 0;
    bool sawFull = false;
    // A full disk or quota (SQLITE_FULL) is counted apart: the server
    // stops accepting triggers on it (StorageGuard).
    const auto noteFull = [&](const Error &error) {
        if ((error.details.value(QStringLiteral("sqlite_code")).toInt() & 0xff) == SQLITE_FULL)
            sawFull = true;
    };
    // Whether a failed begin/commit is worth another attempt.
    const auto retry = [&](const Error &error) {
        noteFull(error);
        const bool busy = error.code == ErrorCode::DbBusy;
        const int attempt = busy ? ++busyAttempts : ++errorAttempts;
        if (attempt >= (busy ? kMaxBusyAttempts : kMaxErrorAttempts))
            return false;
        qCWarning(lcStoreQueue) << "retrying a batch of" << batch.size()
                                << "writes:" << error.toString();
        if (!busy)
            std::this_thread::sleep_for(std::chrono::milliseconds(100 * attempt));
        return true;
    };

    for (;;) {
        Result<Transaction> txn = m_db->begin();
        if (!txn.ok()) {
            if (retry(txn.error()))
                continue;
            break;
        }
        bool abandoned = false;
        for (size_t i = 0; i < batch.size(); ++i) {
            if (dropped[i] || hostOf[i] >= 0)
                continue;
            const Status applied = apply(batch[i]);
            if (applied.ok())
                continue;
            dropped[i] = true;
            ++outcome.failed;
            noteFull(applied.error());
            qCWarning(lcStoreQueue).noquote()
                << "dropping write" << batch[i].sql.left(120) << "-" << applied.error().toString();
            // Most errors undo only the failing statement; a few make sqlite
            // roll back the whole transaction, and then the ops before it
            // have to run again.
            if (!m_db->inTransaction()) {
                abandoned = true;
                break;
            }
        }
        if (abandoned)
            continue; // each pass drops at least one op, so this ends
        const Status committed = txn.value().commit();
        if (committed.ok()) {
            for (size_t i = 0; i < batch.size(); ++i) {
                if (lost(i)) {
                    if (!dropped[i])
                        ++outcome.failed; // its host's failure was counted already
                    outcome.lastFailedIndex = qsizetype(i);
                    continue;
                }
                ++outcome.written;
                if (hostOf[i] >= 0)
                    ++outcome.packed;
                if (isHost(batch[i]))
                    outcome.packed += batch[i].ownMembers;
            }
            outcome.commits = 1;
            if (sawFull)
                outcome.full = outcome.failed;
            return outcome;
        }
        if (!retry(committed.error()))
            break;
    }
    const qint64 notStored = qint64(std::count(dropped.begin(), dropped.end(), false));
    qCCritical(lcStoreQueue) << "gave up on a batch;" << notStored << "writes were not stored";
    outcome.failed += notStored;
    outcome.lastFailedIndex = qsizetype(batch.size()) - 1;
    if (sawFull)
        outcome.full = outcome.failed;
    return outcome;
}

} // namespace hm::store
