#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "engine/Engine.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <atomic>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>

class QNetworkAccessManager;
class QUrl;

namespace hm::store {
class Database;
class WriteBehindQueue;
struct CommitProgress;
struct WriteOp;
} // namespace hm::store
namespace hm::engine::persistence {
class StoreExecutionJournal;
}
namespace hm::engine {
class HttpComponentExecutor;
class ComponentEndpoints;
class ServiceResolver;
class TaskDispatcher;
} // namespace hm::engine

namespace hm::server {

// The flow engine inside the server: write-behind queue and journal, the
// executor registry, a read connection for the engine's flow loader and the
// Engine itself. Lives on the server thread; the Engine runs on its own.
class TriggerService;

class FlowEngineHost : public QObject
{
    Q_OBJECT
public:
    explicit FlowEngineHost(QObject *parent = nullptr);
    ~FlowEngineHost() override;

    // The history queue's writer and checkpoint thread, in nice steps below
    // the server thread (store::WriteBehindOptions).
    static constexpr int kWriterNiceSteps = 5;
    static constexpr int kCheckpointNiceSteps = 10;

    // Recovers interrupted executions on `db` (the server's connection),
    // then opens the queue and the loader connection on the same file and
    // starts the engine with the persisted queue. Call once, before the
    // routes accept requests. `beforeQueue` runs once the engine is up but
    // before the queue is handed back (registered components are added
    // there, so restored requests find them); its failure fails start().
    Status start(store::Database &db, const QString &path, const crypto::SecureBytes &key,
                 std::function<Status()> beforeQueue = {});
    // Before start(): fsync every commit of the journal and the loader
    // (store::OpenOptions::fullSync).
    void setFullSync(bool fullSync) { m_fullSync = fullSync; }
    // Before start(): whether the engine gets a thread of its own or shares
    // the thread that calls start() (engine::EngineOptions::ownThread).
    void setEngineOwnThread(bool ownThread) { m_engineOwnThread = ownThread; }
    // Before start(): what the engine's "service" nodes ask for endpoints
    // and credentials (the server's ServiceDirectory). Not owned; it must
    // outlive the engine. Without one, flows cannot use service nodes.
    void setServiceResolver(engine::ServiceResolver *resolver) { m_serviceResolver = resolver; }
    // Before start(): what runs the `task` node's commands on the fleet
    // (engine/tasks); it must outlive the engine. Without one there is no
    // `task` component.
    void setTaskDispatcher(engine::TaskDispatcher *dispatcher) { m_taskDispatcher = dispatcher; }
    // Stops the engine, then flushes and closes the queue. Idempotent.
    void stop();

    engine::Engine &engine() { return *m_engine; }
    const engine::ExecutorRegistry &registry() const { return *m_registry; }
    // Trigger and ?wait=true handling shared by the trigger route and
    // webhooks; exists after start().
    TriggerService &triggers() { return *m_triggers; }
    // Waits until every journal write made so far is in the database, so a
    // read right after an engine answer sees it.
    void flushJournal();

    // Acknowledged means durable. journalTicket() before the engine call,
    // afterCommit() with it when the answer is ready: `then` runs on the
    // server thread once every journal write made before afterCommit() is
    // in the database (committed = true), or once one made since `from`
    // could not be stored (false); at once when that is already so, never
    // when `context` is gone. The server thread never waits: the writer
    // commits the waited-for writes within about a millisecond
    // (WriteBehindOptions::commitDelayUs), all waiters of a batch at once.
    qint64 journalTicket() const;
    void afterCommit(qint64 from, QObject *context, std::function<void(bool committed)> then);
    // Another module's write through the server's one write-behind queue
    // (the fleet's reports): false when the queue is full or not running
    // (the caller answers nothing, its sender tries again). `*from` and
    // `*to` receive the tickets around it, for afterCommit().
    bool tryEnqueueWrite(store::WriteOp op, qint64 *from, qint64 *to);
    // The same for the writes below `to` only (a ticket the engine took
    // right after the work: a later one could wait for one more batch).
    void afterCommit(qint64 from, qint64 to, QObject *context,
                     std::function<void(bool committed)> then);

    // Registered HTTP components (ComponentService), server thread, after
    // start(): an executor calling `endpoints` (round robin over the
    // available ones) for `iface`, in the registry at once (it locks
    // itself, see ExecutorRegistry.h). Replaces an earlier entry of the
    // same name and version.
    std::shared_ptr<engine::HttpComponentExecutor>
    addHttpComponent(flow::ComponentInterface iface,
                     std::shared_ptr<engine::ComponentEndpoints> endpoints);
    // Hides a version from new flows; executions that use it keep it.
    void disableComponent(const QString &name, const QString &version);
    // Marks a version deprecated (flow writes warn) or not.
    void deprecateComponent(const QString &name, const QString &version, bool deprecated);
    // The server's URL as components reach it: each task's blob.base_url
    // becomes <url>/api/v1/blobs/<executionId>. Until it is set, HTTP
    // components get no blob access.
    void setPublicUrl(const QUrl &url);

    // Runs `work` on the engine thread and waits for its result. Only for
    // start-up and rare calls: the server thread sleeps until the engine
    // gets to the work, behind whatever it has queued. Hot routes use
    // runAsync().
    template <typename T> Result<T> run(std::function<Result<T>(engine::Scheduler &)> work)
    {
        if (!m_engine)
            return Error{ErrorCode::ServiceUnavailable, QStringLiteral("the engine is stopping")};
        if (QThread::currentThread() == m_engine->engineThread()) {
            // The engine shares this thread: a posted call could only run
            // after this one returned.
            std::optional<Result<T>> result;
            m_engine->runHere([&](engine::Scheduler &s) { result.emplace(work(s)); });
            if (!result)
                return Error{ErrorCode::InternalError,
                             QStringLiteral("the engine could not run the call")};
            return std::move(*result);
        }
        auto promise = std::make_shared<std::promise<Result<T>>>();
        std::future<Result<T>> future = promise->get_future();
        m_engine->post([promise, work = std::move(work)](engine::Scheduler &s) {
            promise->set_value(work(s));
        });
        try {
            return future.get();
        } catch (const std::future_error &) {
            // The engine was stopped before it ran the work.
            return Error{ErrorCode::ServiceUnavailable, QStringLiteral("the engine is stopping")};
        }
    }

    // Runs `work` on the engine thread; `done` gets its result later on the
    // server thread (this object's), through the event loop, never before
    // runAsync() returned, and not at all once `context` (an object of the
    // server thread) is gone. When the engine stops before running `work`,
    // done gets SERVICE_UNAVAILABLE. `done` is only run and destroyed on the
    // server thread, so it may hold server-thread things (a DeferredReply).
    //
    // Ordering: the answer is posted to this object when `work` returns; the
    // engine events `work` caused were posted to this object before it, and
    // those it causes later after it (both are queued events of the server
    // thread, delivered in posting order).
    template <typename T>
    void runAsync(std::function<Result<T>(engine::Scheduler &)> work, QObject *context,
                  std::function<void(Result<T>)> done)
    {
        auto answer = std::make_shared<AsyncAnswer<T>>(this, context, std::move(done));
        if (!m_engine)
            return; // the answer's destructor reports the stop
        m_engine->post(
            [answer, work = std::move(work)](engine::Scheduler &s) { answer->send(work(s)); });
    }

signals:
    // engineEvent, re-emitted on the server thread (for ?wait=true).
    void event(const hm::engine::EngineEvent &event);

private:
    // runAsync()'s way back: crosses to the engine thread and back carrying
    // `done`, which it moves into the event posted to the host, so it is
    // never run or destroyed on the engine thread. Dropped unsent (the
    // engine stopped and discarded the work): SERVICE_UNAVAILABLE.
    template <typename T> class AsyncAnswer
    {
    public:
        AsyncAnswer(FlowEngineHost *host, QObject *context, std::function<void(Result<T>)> done)
            : m_host(host), m_context(context), m_done(std::move(done))
        {}
        AsyncAnswer(const AsyncAnswer &) = delete;
        AsyncAnswer &operator=(const AsyncAnswer &) = delete;
        ~AsyncAnswer()
        {
            if (m_done)
                send(
                    Error{ErrorCode::ServiceUnavailable, QStringLiteral("the engine is stopping")});
        }
        // Any thread, once.
        void send(Result<T> result)
        {
            // The host outlives the engine thread (stop() joins it), so
            // posting to it is safe from there; the context is only looked
            // at on the server thread.
            QMetaObject::invokeMethod(
                m_host,
                [context = std::move(m_context), done = std::move(m_done),
                 result = std::move(result)]() mutable {
                    if (context)
                        done(std::move(result));
                },
                Qt::QueuedConnection);
            m_done = nullptr;
        }

    private:
        FlowEngineHost *m_host;
        QPointer<QObject> m_context;
        std::function<void(Result<T>)> m_done;
    };

    void onEngineEvent(const engine::EngineEvent &event);
    // Writer thread, after every batch: wakes the server thread's commit
    // waiters and the engine's held-back starts.
    void onCommitProgress(const store::CommitProgress &progress);
    // Server thread: answers the commit waiters whose writes are done.
    void resolveCommitWaiters();

    struct CommitWaiter
    {
        qint64 from = 0;
        qint64 to = 0;
        QPointer<QObject> context;
        std::function<void(bool)> then;
    };
    std::deque<CommitWaiter> m_commitWaiters; // server thread; tickets only grow
    std::atomic<int> m_commitWaiterCount{0};  // read by the writer thread
    std::atomic<bool> m_commitWakePosted{false};
    std::atomic<qint64> m_commitDone{0};
    std::atomic<qint64> m_commitLastFailed{-1};
    qint64 m_engineNotifiedDone = 0; // writer thread only
    // The engine as the writer thread may reach it: cleared (under the
    // mutex) before the engine is destroyed.
    std::mutex m_engineLinkMutex;
    engine::Engine *m_engineLink = nullptr;

    bool m_fullSync = false;
    bool m_engineOwnThread = true;
    std::unique_ptr<store::WriteBehindQueue> m_queue;
    std::unique_ptr<engine::persistence::StoreExecutionJournal> m_journal;
    std::unique_ptr<store::Database> m_loaderDb; // engine thread only
    std::shared_ptr<engine::ExecutorRegistry> m_registry;
    QNetworkAccessManager *m_network = nullptr; // lives on the engine thread
    engine::ServiceResolver *m_serviceResolver = nullptr;
    engine::TaskDispatcher *m_taskDispatcher = nullptr;
    // The blob endpoint's base (<public url>/api/v1/blobs); read and written
    // on the engine thread only.
    std::shared_ptr<QUrl> m_blobBase = std::make_shared<QUrl>();
    std::unique_ptr<engine::Engine> m_engine;
    QSet<QString> m_running;              // started, not yet ended: the running gauge
    TriggerService *m_triggers = nullptr; // child
};

} // namespace hm::server
