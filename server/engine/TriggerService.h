#pragma once

// Starting executions for POST /flows/{id}/trigger and for webhooks: finds
// the version to run, compiles it once per version (versions never change
// once stored), hands it to the engine and, for ?wait=true, answers when the
// execution ends without blocking the server thread.

#include "common/Result.h"
#include "engine/EngineEvent.h"
#include "engine/EngineTypes.h"
#include "flow/CompiledFlow.h"
#include "server/ApiRouter.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPair>

class QTimer;

namespace hm::store {
class Database;
}

namespace hm::server {

class FlowEngineHost;

struct TriggerOptions
{
    QString version;       // empty = the published version
    QString triggeredBy;   // user id, API key id or "webhook:<flow id>"
    bool wait = false;     // answer when the execution ends
    int waitTimeoutMs = 0; // 0 = the default
};

inline constexpr int kDefaultWaitMs = 30000;
inline constexpr int kMaxWaitMs = 300000;

class TriggerService : public QObject
{
    Q_OBJECT
public:
    TriggerService(store::Database &db, FlowEngineHost &host, QObject *parent = nullptr);
    ~TriggerService() override;

    // The route's answer: 200 started, 202 queued, 409 denied, an error, or
    // (wait) ApiReply::deferred() with the end of the execution to follow.
    ApiReply trigger(const RequestContext &context, const QString &flowId,
                     const QJsonObject &inputs, const TriggerOptions &options);

    // Reads wait and timeout_ms from the query string into options.
    static void readWaitQuery(const RequestContext &context, TriggerOptions &options);

    // Average duration of the flow's recent executions, -1 when none ended
    // since the server started.
    qint64 averageDurationMs(const QString &flowId) const;

private:
    struct Waiter
    {
        DeferredReply reply;
        QString flowId;
        QString version;
        QTimer *timer = nullptr;
    };

    Result<QString> versionToRun(const QString &flowId, const QString &requested);
    Result<flow::CompiledFlowPtr> compiled(const QString &flowId, const QString &version);
    QJsonObject triggerJson(const engine::TriggerResult &result,
                            const flow::CompiledFlow &flow) const;
    void onEngineEvent(const engine::EngineEvent &event);
    void answerWaiter(const QString &executionId, Waiter waiter, bool timedOut);

    store::Database &m_db;
    FlowEngineHost &m_host;
    QHash<QPair<QString, QString>, flow::CompiledFlowPtr> m_compiled;
    QHash<QString, QList<Waiter>> m_waiters;    // execution id -> waiting requests
    QHash<QString, double> m_averageDurationMs; // flow id -> moving average
};

} // namespace hm::server
