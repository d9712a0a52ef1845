#pragma once

// Starting executions for POST /flows/{id}/trigger and for webhooks: finds
// the version to run, compiles it once per version (versions never change
// once stored), hands it to the engine and answers when the engine took it
// (or, for ?wait=true, when the execution ends), without ever blocking the
// server thread on the engine: every answer is a DeferredReply. Success is
// only answered once the journal has committed what it reports (a 200 or
// 202 survives a crash a moment later); the commits are grouped, so the
// server thread never waits for the disk.

#include "common/Result.h"
#include "engine/EngineEvent.h"
#include "engine/EngineTypes.h"
#include "flow/CompiledFlow.h"
#include "server/api/ApiRouter.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/TriggerAudit.h"
#include "server/services/engine/TriggerCallOptions.h"
#include "server/services/engine/WaitOutcome.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPair>
#include <optional>

class QTimer;

namespace hm::store {
class Database;
}

namespace hm::server {

class FlowEngineHost;
class StorageGuard;
class ExecutionCallbacks;

struct TriggerOptions
{
    QString version;         // empty = the published version
    QString triggeredBy;     // user id, API key id or "webhook:<flow id>"
    bool wait = false;       // answer when the execution ends
    int waitTimeoutMs = 0;   // 0 = the default
    TriggerCallOptions call; // priority, timeout override, callback
    // A user or an API key triggered (not a webhook): audited as
    // FLOW_TRIGGERED once the engine took it (TriggerAudit.h).
    std::optional<TriggerActor> actor;
};

inline constexpr int kDefaultWaitMs = 30000;
inline constexpr int kMaxWaitMs = 300000;

// How long ?wait=true waits for a requested timeout_ms (0 = not given):
// the default, or the request capped at kMaxWaitMs.
constexpr int effectiveWaitMs(int requestedMs)
{
    return requestedMs > 0 ? (requestedMs < kMaxWaitMs ? requestedMs : kMaxWaitMs) : kDefaultWaitMs;
}

class TriggerService : public QObject
{
    Q_OBJECT
public:
    TriggerService(store::Database &db, FlowEngineHost &host, QObject *parent = nullptr);
    ~TriggerService() override;

    // The route's answer: an error found without the engine (no such flow
    // or version), else ApiReply::deferred() with the engine's answer to
    // follow: 200 started, 202 queued, 409 denied, or (wait) the end of the
    // execution.
    ApiReply trigger(const RequestContext &context, const QString &flowId,
                     const QJsonObject &inputs, const TriggerOptions &options);

    // Refuses new triggers while the disk is full (507 STORAGE_FULL); set
    // once by the runtime, not owned. Without one nothing is refused.
    void setStorageGuard(StorageGuard *guard) { m_storage = guard; }
    StorageGuard *storageGuard() const { return m_storage; }
    // Where callback_url options go; without it (start-up, shutdown) a
    // trigger with one is refused.
    void setCallbacks(ExecutionCallbacks *callbacks) { m_callbacks = callbacks; }
    ExecutionCallbacks *callbacks() const { return m_callbacks; }

    // The trigger route's permission check, its grants cached (FlowAccess.h).
    FlowGrantCache &access() { return m_access; }
    // FLOW_TRIGGERED rows, for every trigger and re-run (TriggerAudit.h).
    TriggerAuditLog &audit() { return m_audit; }

    // Reads wait and timeout_ms from the query string into options.
    static void readWaitQuery(const RequestContext &context, TriggerOptions &options);

    // The data of a 200 "started" / 202 "queued" answer (seed 003 §7.1),
    // without the queue's wait estimate (that needs the flow's history here).
    static QJsonObject startJson(const engine::TriggerResult &result);

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
        qint64 journalFrom = 0; // the journal's ticket before the trigger
    };

    // What the engine answers a trigger: its result and, for ?wait=true
    // when the execution already ended inside the engine call, the end.
    struct Started
    {
        engine::TriggerResult result;
        WaitOutcome outcome;      // empty unless it ended at once
        QJsonObject ended;        // with a callback: its payload when it ended at once
        qint64 journalTicket = 0; // covers every record the trigger made
    };

    Result<QString> versionToRun(const QString &flowId, const QString &requested);
    Result<QString> readVersionToRun(const QString &flowId, const QString &requested);
    Result<flow::CompiledFlowPtr> compiled(const QString &flowId, const QString &version);
    QJsonObject triggerJson(const engine::TriggerResult &result,
                            const flow::CompiledFlow &flow) const;
    void answerTrigger(const DeferredReply &reply, Result<Started> started,
                       const flow::CompiledFlow &flow, const TriggerOptions &options,
                       qint64 journalFrom);
    // Sends `answer` once the journal holds what it reports (FlowEngineHost::
    // afterCommit), SERVICE_UNAVAILABLE when that could not be stored.
    void sendCommitted(const DeferredReply &reply, qint64 journalFrom, ApiReply answer,
                       qint64 journalTo = -1);
    void addWaiter(const QString &executionId, Waiter waiter, int timeoutMs);
    void onEngineEvent(const engine::EngineEvent &event);
    void answerTimedOut(const QString &executionId, Waiter waiter);
    // journalTo: the ticket covering what the outcome reports (-1: now).
    void sendOutcome(const Waiter &waiter, const WaitOutcome &outcome, bool timedOut,
                     qint64 journalTo = -1);

    store::Database &m_db;
    FlowEngineHost &m_host;
    ExecutionCallbacks *m_callbacks = nullptr;
    FlowGrantCache m_access;
    TriggerAuditLog m_audit;
    // (flow id, requested version or empty) -> version to run, valid while
    // flowCacheGeneration() is m_versionsGeneration.
    QHash<QPair<QString, QString>, QString> m_versions;
    quint64 m_versionsGeneration = 0;
    QHash<QPair<QString, QString>, flow::CompiledFlowPtr> m_compiled;
    // Requests whose engine answer is still to come: answered here if the
    // service goes away first (the engine stopped).
    QHash<quint64, DeferredReply> m_inFlight;
    quint64 m_lastTicket = 0;
    StorageGuard *m_storage = nullptr;
    QHash<QString, QList<Waiter>> m_waiters;    // execution id -> waiting requests
    QHash<QString, double> m_averageDurationMs; // flow id -> moving average
};

} // namespace hm::server
