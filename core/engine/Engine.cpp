#include "engine/Engine.h"

#include "common/Check.h"

#include <QMetaMethod>
#include <QPointer>

namespace hm::engine {

Engine::Engine(std::shared_ptr<const ExecutorRegistry> registry, ExecutionJournal *journal,
               FlowLoader loader, EngineOptions options, QObject *parent)
    : QObject(parent), m_thread(options.ownThread ? std::make_unique<QThread>() : nullptr),
      m_engineThread(m_thread ? m_thread.get() : QThread::currentThread())
{
    qRegisterMetaType<hm::engine::EngineEvent>();
    m_scheduler =
        new Scheduler(std::move(registry), journal, std::move(loader), std::move(options));
    // Node events are not even built while nobody wants them (two per node
    // run: strings, clocks); the rest cross threads only when connected.
    m_scheduler->setNodeEventGate(
        [this] { return m_nodeEventsWanted.load(std::memory_order_acquire); });
    m_scheduler->setEventSink([this](const EngineEvent &e) {
        if (isSignalConnected(QMetaMethod::fromSignal(&Engine::engineEvent)))
            emit engineEvent(e);
    });
    if (!m_thread)
        return;
    m_thread->setObjectName(QStringLiteral("hivemind-engine"));
    m_scheduler->moveToThread(m_thread.get());
    m_thread->start();
}

Engine::~Engine()
{
    if (!m_thread) {
        HM_CHECK(QThread::currentThread() == m_engineThread, return );
        delete m_scheduler;
        return;
    }
    // The scheduler's timers and runs belong to the engine thread, so it is
    // destroyed there.
    Scheduler *scheduler = m_scheduler;
    QMetaObject::invokeMethod(
        scheduler, [scheduler] { delete scheduler; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

template <typename T>
void Engine::call(QObject *context, Callback<T> done, std::function<Result<T>(Scheduler &)> work)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        m_scheduler,
        [scheduler = m_scheduler, guard, done = std::move(done), work = std::move(work)] {
            Result<T> result = work(*scheduler);
            if (!done || !guard)
                return;
            QMetaObject::invokeMethod(
                guard.data(),
                [done, result = std::move(result)]() mutable { done(std::move(result)); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void Engine::trigger(TriggerRequest request, QObject *context, Callback<TriggerResult> done)
{
    call<TriggerResult>(context, std::move(done), [request = std::move(request)](Scheduler &s) {
        return s.trigger(request);
    });
}

void Engine::cancel(QString executionId, CancelRequest request, QObject *context,
                    Callback<CancelResult> done)
{
    call<CancelResult>(context, std::move(done),
                       [id = std::move(executionId), request = std::move(request)](Scheduler &s) {
                           return s.cancel(id, request);
                       });
}

void Engine::kill(QString executionId, QObject *context, Callback<CancelResult> done)
{
    call<CancelResult>(context, std::move(done),
                       [id = std::move(executionId)](Scheduler &s) { return s.kill(id); });
}

void Engine::rerun(RerunRequest request, QObject *context, Callback<TriggerResult> done)
{
    call<TriggerResult>(context, std::move(done),
                        [request = std::move(request)](Scheduler &s) { return s.rerun(request); });
}

void Engine::snapshot(QString executionId, QObject *context, Callback<QJsonObject> done)
{
    call<QJsonObject>(context, std::move(done),
                      [id = std::move(executionId)](Scheduler &s) { return s.snapshot(id); });
}

void Engine::restoreQueue(QList<QueuedRequest> requests, QObject *context, Callback<bool> done)
{
    call<bool>(context, std::move(done),
               [requests = std::move(requests)](Scheduler &s) -> Result<bool> {
                   Status status = s.restoreQueue(requests);
                   if (!status)
                       return status.error();
                   return true;
               });
}

void Engine::purgeExpired(qint64 nowMs, QObject *context, Callback<int> done)
{
    call<int>(context, std::move(done),
              [nowMs](Scheduler &s) -> Result<int> { return s.purgeExpired(nowMs); });
}

void Engine::runHere(const std::function<void(Scheduler &)> &work)
{
    HM_CHECK(QThread::currentThread() == m_engineThread, return );
    work(*m_scheduler);
}

void Engine::post(std::function<void(Scheduler &)> work)
{
    QMetaObject::invokeMethod(
        m_scheduler, [scheduler = m_scheduler, work = std::move(work)] { work(*scheduler); },
        Qt::QueuedConnection);
}

} // namespace hm::engine
