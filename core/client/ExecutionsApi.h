#pragma once

#include "client/ApiTypes.h"
#include "client/FlowTypes.h"

#include <QJsonObject>

namespace hm::client {

class ApiClient;

// Executions (/executions…) and the component catalogue (/components).
// Live updates come through the WebSocket (ExecutionWatcher); these are
// the request/answer routes.
class ExecutionsApi
{
public:
    explicit ExecutionsApi(ApiClient &client) : m_client(client) {}

    // History, newest first.
    void list(const ExecutionFilter &filter, Callback<Page<ExecutionSummary>> done);
    // GET /executions/stats?hours=: counts per status of the executions
    // created in the last `hours` hours, in total and per hour ({hours,
    // from, to, totals, buckets [{start, completed, failed, running, …}]}).
    void stats(int hours, Callback<QJsonObject> done);
    // The stored execution with its nodes (inputs and outputs masked).
    void get(const QString &id, Callback<QJsonObject> done);
    // The live snapshot (seed 003 §7.3), or the stored row once the
    // execution left the engine's memory.
    void status(const QString &id, Callback<QJsonObject> done);
    // One node: {node_id, component, status, attempts, inputs, outputs
    // (masked), error, started_at, ended_at, duration_ms, logs, source}.
    void node(const QString &id, const QString &nodeId, Callback<QJsonObject> done);
    void cancel(const QString &id, const QString &reason, const QString &message,
                Callback<CancelOutcome> done);
    void kill(const QString &id, Callback<CancelOutcome> done);
    // from "start" or "failed"; version empty = the execution's own.
    void rerun(const QString &id, const QString &from, const QString &version,
               Callback<TriggerOutcome> done);
    // Every component the server offers: built-ins and registered HTTP
    // components (with endpoint, status and health).
    void components(Callback<QJsonArray> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
