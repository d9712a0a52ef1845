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
class QUrl;

namespace hm::store {
class Database;
class WriteBehindQueue;
} // namespace hm::store
namespace hm::engine::persistence {
class StoreExecutionJournal;
}
namespace hm::engine {
class HttpComponentExecutor;
}

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

    // Recovers interrupted executions on `db` (the server's connection),
    // then opens the queue and the loader connection on the same file and
    // starts the engine with the persisted queue. Call once, before the
    // routes accept requests. `beforeQueue` runs once the engine is up but
    // before the queue is handed back (registered components are added
    // there, so restored requests find them); its failure fails start().
    Status start(store::Database &db, const QString &path, const crypto::SecureBytes &key,
                 std::function<Status()> beforeQueue = {});
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

    // Registered HTTP components (ComponentService), server thread, after
    // start(): an executor calling `endpoint` for `iface`, in the registry
    // at once (it locks itself, see ExecutorRegistry.h). Replaces an
    // earlier entry of the same name and version.
    std::shared_ptr<engine::HttpComponentExecutor> addHttpComponent(flow::ComponentInterface iface,
                                                                    const QUrl &endpoint);
    // Hides a version from new flows; executions that use it keep it.
    void disableComponent(const QString &name, const QString &version);
    // The server's URL as components reach it: each task's blob.base_url
    // becomes <url>/api/v1/blobs/<executionId>. Until it is set, HTTP
    // components get no blob access.
    void setPublicUrl(const QUrl &url);

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
    // The blob endpoint's base (<public url>/api/v1/blobs); read and written
    // on the engine thread only.
    std::shared_ptr<QUrl> m_blobBase = std::make_shared<QUrl>();
    std::unique_ptr<engine::Engine> m_engine;
    QSet<QString> m_running; // started, not yet ended: the running gauge
    TriggerService *m_triggers = nullptr; // child
};

} // namespace hm::server
