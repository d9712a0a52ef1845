#include "server/services/engine/FlowEngineHost.h"

#include "common/Logging.h"
#include "engine/builtins/Builtins.h"
#include "engine/http/ComponentProtocol.h"
#include "engine/http/HttpComponentExecutor.h"
#include "engine/http/HttpRequestExecutor.h"
#include "engine/services/ServiceCallExecutor.h"
#include "engine/tasks/TaskExecutor.h"
#include "engine_store/ExecutionRecovery.h"
#include "engine_store/FlowRepository.h"
#include "engine_store/StoreExecutionJournal.h"
#include "server/services/engine/TriggerService.h"
#include "server/services/system/Metrics.h"
#include "store/Database.h"
#include "store/WriteBehindQueue.h"

#include <QDateTime>
#include <QNetworkAccessManager>

namespace hm::server {

FlowEngineHost::FlowEngineHost(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<engine::EngineEvent>();
}

FlowEngineHost::~FlowEngineHost()
{
    stop();
}

Status FlowEngineHost::start(store::Database &db, const QString &path,
                             const crypto::SecureBytes &key, std::function<Status()> beforeQueue)
{
    // Before the queue opens its connection and before the engine takes
    // work: nothing may write execution rows while recovery rewrites them.
    auto report = engine::persistence::recoverExecutions(db, QDateTime::currentMSecsSinceEpoch());
    if (!report)
        return report.error();
    qCInfo(lcServer) << "execution recovery:" << report.value().interrupted.size()
                     << "interrupted execution(s) failed," << report.value().queue.size()
                     << "queued request(s) restored";

    // The writer and its checkpoints below the server thread: on a host
    // whose cores are busy (10,000 agents' reports, or anything else
    // running there) a request is answered first and the next batch of
    // writes waits a little, its acknowledgements with it (issue 35:
    // /health under 50 ms, acknowledgements under 1 s; docs/benchmarks.md,
    // "The writer below the server thread").
    m_queue = std::make_unique<store::WriteBehindQueue>(
        path, crypto::SecureBytes::fromRaw(key.view()),
        store::WriteBehindOptions{.fullSync = m_fullSync,
                                  .writerNiceSteps = kWriterNiceSteps,
                                  .checkpointNiceSteps = kCheckpointNiceSteps});
    m_journal = std::make_unique<engine::persistence::StoreExecutionJournal>(*m_queue);
    m_queue->addCommitListener(
        [this](const store::CommitProgress &progress) { onCommitProgress(progress); });
    if (Status started = m_queue->start(); !started)
        return started.error();
    Metrics::instance().setHistoryQueueSource([queue = m_queue.get()] { return queue->stats(); });
    // The queue's checkpoint thread checkpoints after any connection's
    // commits. Left on, SQLite's automatic checkpoint would run in the main
    // connection's commits on the server thread, with its fsyncs, whenever
    // the WAL holds more than 1,000 frames, which under a trigger load is
    // always: every API write would hold up every request.
    if (Status off = db.disableAutoCheckpoint(); !off)
        return off.error();

    // The loader runs on the engine thread while API handlers use the main
    // connection on the server thread; a connection is one-thread-at-a-time,
    // so the loader gets its own, used by nothing else.
    auto loaderDb = store::Database::open(path, key);
    if (!loaderDb)
        return loaderDb.error();
    m_loaderDb = std::move(loaderDb.value());

    m_registry = std::make_shared<engine::ExecutorRegistry>();
    engine::registerBuiltins(*m_registry);
    // Created here and moved to the engine thread below, before any run can
    // use it. Built-ins are in before the Engine starts; registered HTTP
    // components follow through addHttpComponent() (the registry locks).
    m_network = new QNetworkAccessManager;
    m_registry->add(engine::httpRequestInterface(), engine::makeHttpRequestExecutor(m_network));
    if (m_serviceResolver)
        engine::registerServiceNode(*m_registry, m_serviceResolver, m_network);
    if (m_taskDispatcher)
        engine::registerTaskNode(*m_registry, m_taskDispatcher);

    auto repository = std::make_shared<engine::persistence::FlowRepository>(*m_loaderDb);
    std::shared_ptr<const engine::ExecutorRegistry> registry = m_registry;
    engine::FlowLoader loader = [repository, registry](const QString &flowId,
                                                       const QString &version) {
        return repository->loadCompiled(flowId, version, *registry);
    };
    m_engine =
        std::make_unique<engine::Engine>(registry, m_journal.get(), std::move(loader),
                                         engine::EngineOptions{.ownThread = m_engineOwnThread});
    // Only WebSocket subscribers of an execution read node events; the
    // execution feed turns them on while it has any (ExecutionFeed).
    m_engine->setNodeEventsWanted(false);
    m_network->moveToThread(m_engine->engineThread());
    {
        std::lock_guard lock(m_engineLinkMutex);
        m_engineLink = m_engine.get();
    }
    connect(m_engine.get(), &engine::Engine::engineEvent, this, &FlowEngineHost::onEngineEvent,
            Qt::QueuedConnection);

    m_triggers = new TriggerService(db, *this, this);

    if (beforeQueue) {
        if (Status ready = beforeQueue(); !ready)
            return ready.error();
    }

    QList<engine::QueuedRequest> queue = report.value().queue;
    auto restored = run<bool>([queue](engine::Scheduler &s) -> Result<bool> {
        if (Status status = s.restoreQueue(queue); !status)
            return status.error();
        return true;
    });
    if (!restored)
        return restored.error();
    return {};
}

void FlowEngineHost::stop()
{
    if (m_engine) {
        {
            std::lock_guard lock(m_engineLinkMutex);
            m_engineLink = nullptr;
        }
        // Stops the engine thread; running attempts are abandoned (a restart
        // fails them through recovery).
        m_engine.reset();
        qCInfo(lcServer) << "engine stopped";
    }
    // The thread it lived on has finished, so nothing else can touch it.
    delete m_network;
    m_network = nullptr;
    Metrics::instance().setHistoryQueueSource({});
    if (m_queue) {
        m_queue->flush();
        m_queue->stop();
    }
    // Everything is written now: waiting answers go out with the truth.
    resolveCommitWaiters();
    for (CommitWaiter &waiter : std::exchange(m_commitWaiters, {})) {
        if (waiter.context)
            waiter.then(false);
    }
    m_commitWaiterCount = 0;
    m_journal.reset();
    m_queue.reset();
    m_loaderDb.reset();
    m_running.clear();
    // Answers requests still waiting for an execution to end.
    delete m_triggers;
    m_triggers = nullptr;
    Metrics::instance().executionsRunning.set(0);
}

void FlowEngineHost::flushJournal()
{
    if (m_queue)
        m_queue->flush();
}

qint64 FlowEngineHost::journalTicket() const
{
    return m_queue ? m_queue->ticket() : 0;
}

void FlowEngineHost::afterCommit(qint64 from, QObject *context, std::function<void(bool)> then)
{
    afterCommit(from, journalTicket(), context, std::move(then));
}

void FlowEngineHost::afterCommit(qint64 from, qint64 to, QObject *context,
                                 std::function<void(bool)> then)
{
    if (!m_queue) {
        then(false);
        return;
    }
    // Counted before the look, so the writer either finished before it (the
    // look sees that) or sees the count afterwards and wakes this thread.
    ++m_commitWaiterCount;
    const store::CommitState state = m_queue->state(from, to);
    if (state != store::CommitState::Pending) {
        --m_commitWaiterCount;
        then(state == store::CommitState::Committed);
        return;
    }
    m_commitWaiters.push_back(CommitWaiter{from, to, context, std::move(then)});
    m_queue->requestCommit(to);
}

bool FlowEngineHost::tryEnqueueWrite(store::WriteOp op, qint64 *from, qint64 *to)
{
    if (!m_queue)
        return false;
    *from = m_queue->ticket();
    if (!m_queue->tryEnqueue(std::move(op)))
        return false;
    *to = m_queue->ticket();
    return true;
}

void FlowEngineHost::onCommitProgress(const store::CommitProgress &progress)
{
    m_commitDone.store(progress.done, std::memory_order_release);
    m_commitLastFailed.store(progress.lastFailed, std::memory_order_release);
    // One wake-up at a time: the server thread reads the latest progress
    // when it gets to it.
    if (m_commitWaiterCount.load() > 0 && !m_commitWakePosted.exchange(true))
        QMetaObject::invokeMethod(
            this, [this] { resolveCommitWaiters(); }, Qt::QueuedConnection);
    if (m_journal && m_journal->engineAwaits(m_engineNotifiedDone)) {
        std::lock_guard lock(m_engineLinkMutex);
        if (m_engineLink)
            m_engineLink->post([](engine::Scheduler &s) { s.journalProgressed(); });
    }
    m_engineNotifiedDone = progress.done;
}

void FlowEngineHost::resolveCommitWaiters()
{
    m_commitWakePosted = false; // before reading: a later batch posts again
    const store::CommitProgress progress{m_commitDone.load(std::memory_order_acquire),
                                         m_commitLastFailed.load(std::memory_order_acquire)};
    while (!m_commitWaiters.empty()) {
        const store::CommitState state = store::WriteBehindQueue::stateAt(
            progress, m_commitWaiters.front().from, m_commitWaiters.front().to);
        if (state == store::CommitState::Pending)
            return; // later waiters wait for more
        CommitWaiter waiter = std::move(m_commitWaiters.front());
        m_commitWaiters.pop_front();
        --m_commitWaiterCount;
        if (waiter.context)
            waiter.then(state == store::CommitState::Committed);
    }
}

std::shared_ptr<engine::HttpComponentExecutor>
FlowEngineHost::addHttpComponent(flow::ComponentInterface iface,
                                 std::shared_ptr<engine::ComponentEndpoints> endpoints)
{
    // The URL is read when a task starts, on the engine thread, where
    // setPublicUrl() writes it: no lock needed.
    std::shared_ptr<const QUrl> blobBase = m_blobBase;
    auto executor = std::make_shared<engine::HttpComponentExecutor>(
        std::move(endpoints), m_network, [blobBase](const engine::NodeTask &task) {
            if (blobBase->isEmpty())
                return QUrl();
            return engine::http::endpointUrl(*blobBase, task.executionId);
        });
    m_registry->add(std::move(iface), executor);
    return executor;
}

void FlowEngineHost::deprecateComponent(const QString &name, const QString &version,
                                        bool deprecated)
{
    m_registry->setDeprecated(name, version, deprecated);
}

void FlowEngineHost::disableComponent(const QString &name, const QString &version)
{
    m_registry->setEnabled(name, version, false);
}

void FlowEngineHost::setPublicUrl(const QUrl &url)
{
    const QUrl base = engine::http::endpointUrl(url, QStringLiteral("api/v1/blobs"));
    std::shared_ptr<QUrl> target = m_blobBase;
    (void)run<bool>([target, base](engine::Scheduler &) -> Result<bool> {
        *target = base;
        return true;
    });
}

void FlowEngineHost::onEngineEvent(const engine::EngineEvent &event)
{
    using Type = engine::EngineEvent::Type;
    Metrics &metrics = Metrics::instance();
    switch (event.type) {
    case Type::ExecutionStarted:
        metrics.executionsStarted.inc();
        m_running.insert(event.executionId);
        break;
    case Type::ExecutionCompleted:
        if (event.status == QLatin1String("completed"))
            metrics.executionsCompleted.inc();
        else
            metrics.executionsFailed.inc();
        metrics.executionDuration.observe(double(event.durationMs) / 1000.0);
        m_running.remove(event.executionId);
        break;
    case Type::ExecutionCancelled:
        // A cancelled queued execution never counted as running.
        m_running.remove(event.executionId);
        break;
    default:
        break;
    }
    metrics.executionsRunning.set(m_running.size());
    emit this->event(event);
}

} // namespace hm::server
