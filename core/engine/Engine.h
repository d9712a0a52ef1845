#pragma once

// The flow engine as the rest of the server sees it: a QObject that owns a
// thread (or shares its creator's, EngineOptions::ownThread), and on it a
// Scheduler holding all execution state. Calls are queued onto the engine
// thread, also when that is the caller's own; each answer comes back through a callback
// run on the thread of the `context` object given (usually the caller's),
// and events through the `engineEvent` signal. No locks around engine state: only
// the engine thread touches it.

#include "common/Result.h"
#include "engine/EngineEvent.h"
#include "engine/EngineTypes.h"
#include "engine/ExecutionJournal.h"
#include "engine/ExecutorRegistry.h"
#include "engine/Scheduler.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

namespace hm::engine {

class Engine : public QObject
{
    Q_OBJECT
public:
    template <typename T> using Callback = std::function<void(Result<T>)>;

    // `journal` must outlive the Engine and is called on the engine thread;
    // nullptr means NullExecutionJournal. `registry` may gain
    // entries later (it locks itself; see ExecutorRegistry.h). The engine
    // thread starts here (or the creating thread becomes the engine's).
    Engine(std::shared_ptr<const ExecutorRegistry> registry, ExecutionJournal *journal,
           FlowLoader loader, EngineOptions options = {}, QObject *parent = nullptr);
    // Stops the thread; running node attempts are abandoned.
    ~Engine() override;

    void trigger(TriggerRequest request, QObject *context, Callback<TriggerResult> done);
    void cancel(QString executionId, CancelRequest request, QObject *context,
                Callback<CancelResult> done);
    void kill(QString executionId, QObject *context, Callback<CancelResult> done);
    void rerun(RerunRequest request, QObject *context, Callback<TriggerResult> done);
    void snapshot(QString executionId, QObject *context, Callback<QJsonObject> done);
    void restoreQueue(QList<QueuedRequest> requests, QObject *context, Callback<bool> done);
    void purgeExpired(qint64 nowMs, QObject *context, Callback<int> done);

    // Runs `work` on the engine thread with the Scheduler (for the server's
    // metrics and for tests); nothing it touches may escape the thread.
    void post(std::function<void(Scheduler &)> work);

    // The thread the scheduler lives on: the engine's own, or the one that
    // created the Engine.
    QThread *engineThread() const { return m_engineThread; }
    // Runs `work` at once; only on the engine thread (for blocking calls
    // from a caller that shares it, which cannot wait for a posted call).
    void runHere(const std::function<void(Scheduler &)> &work);

    // Node events (node_started, node_completed, node_failed) reach
    // engineEvent only while wanted (default: always). The server turns them
    // off while no WebSocket watches an execution: nothing else reads them,
    // and each one crosses threads. Event sequence numbers still count them,
    // so a subscriber that turns them on and then takes a snapshot misses
    // nothing. Any thread; events emitted after the call see the new value.
    void setNodeEventsWanted(bool wanted)
    {
        m_nodeEventsWanted.store(wanted, std::memory_order_release);
    }

signals:
    // Emitted on the engine thread; connect with a queued (auto) connection.
    void engineEvent(const hm::engine::EngineEvent &event);

private:
    template <typename T>
    void call(QObject *context, Callback<T> done, std::function<Result<T>(Scheduler &)> work);

    std::unique_ptr<QThread> m_thread; // null when the creator's thread is shared
    QThread *m_engineThread = nullptr;
    Scheduler *m_scheduler = nullptr; // lives on m_engineThread
    std::atomic<bool> m_nodeEventsWanted{true};
};

} // namespace hm::engine
