#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "engine/Engine.h"

#include <QObject>
#include <QSet>
#include <functional>
#include <future>
#include <memory>

class QNetworkAccessManager;

namespace hm::store {
class Database;
class WriteBehindQueue;
} // namespace hm::store
namespace hm::engine::persistence {
class StoreExecutionJournal;
}

namespace hm::server {

// The flow engine inside the server: write-behind queue and journal, the
// executor registry, a read connection for the engine's flow loader and the
// Engine itself. Lives on the server thread; the Engine runs on its own.
class FlowEngineHost : public QObject
{
    Q_OBJECT
public:
    explicit FlowEngineHost(QObject *parent = nullptr);
    ~FlowEngineHost() override;

    // Recovers interrupted executions on `db` (the server's connection),
    // then opens the queue and the loader connection on the same file and
    // starts the engine with the persisted queue. Call once, before the
    // routes accept requests.
    Status start(store::Database &db, const QString &path, const crypto::SecureBytes &key);
    // Stops the engine, then flushes and closes the queue. Idempotent.
    void stop();

    engine::Engine &engine() { return *m_engine; }
    const engine::ExecutorRegistry &registry() const { return *m_registry; }
    // Waits until every journal write made so far is in the database, so a
    // read right after an engine answer sees it.
    void flushJournal();

    // Runs `work` on the engine thread and waits for its result: engine
    // calls are short, and blocking here keeps route handlers synchronous.
    template <typename T> Result<T> run(std::function<Result<T>(engine::Scheduler &)> work)
    {
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

signals:
    // engineEvent, re-emitted on the server thread (for ?wait=true).
    void event(const hm::engine::EngineEvent &event);

private:
    void onEngineEvent(const engine::EngineEvent &event);

    std::unique_ptr<store::WriteBehindQueue> m_queue;
    std::unique_ptr<engine::persistence::StoreExecutionJournal> m_journal;
    std::unique_ptr<store::Database> m_loaderDb; // engine thread only
    std::shared_ptr<engine::ExecutorRegistry> m_registry;
    QNetworkAccessManager *m_network = nullptr; // lives on the engine thread
    std::unique_ptr<engine::Engine> m_engine;
    QSet<QString> m_running; // started, not yet ended: the running gauge
};

} // namespace hm::server
