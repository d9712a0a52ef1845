#pragma once

// A trigger's callback_url (seed 003 §7.3 options; docs/api.md "Trigger
// options"): when the execution ends (completed, failed, cancelled or timed
// out) the server POSTs its result there, signed like an alert webhook
// (fleet::WebhookSender, X-HiveMind-Signature over "<timestamp>.<body>" with
// the callback's secret). The callback is stored when the trigger is
// answered ("waiting"), becomes "pending" with its payload when the
// execution ends and is tried until delivered or given up: no answer, 408,
// 429 and 5xx are tried again after 1, 2, 4, 8 and 16 s (six tries), any
// other answer or a target the OutboundPolicy refuses gives up at once.
// Every try is stored (GET /executions/{id}/callback). After a restart the
// pending ones are tried again, and waiting ones whose execution ended while
// the server was down get their payload from the history. Server thread;
// the sends never block it (QNetworkAccessManager) nor the engine.

#include "common/Result.h"
#include "server/services/fleet/WebhookSender.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <functional>

namespace hm::crypto {
class EnvelopeCipher;
}
namespace hm::store {
class Database;
}
namespace hm::engine {
struct EngineEvent;
struct Execution;
} // namespace hm::engine

namespace hm::server {

class FlowEngineHost;

class ExecutionCallbacks final : public QObject
{
    Q_OBJECT
public:
    ExecutionCallbacks(store::Database &db, crypto::EnvelopeCipher &cipher, FlowEngineHost &host,
                       outbound::OutboundPolicy policy, QObject *parent = nullptr);

    // Refuses a target the policy refuses without a lookup (an IP literal);
    // names are checked when sending. VALIDATION_ERROR naming `field`.
    Status admit(const QUrl &url, const QString &field) const;

    // Stores the callback of a just-triggered execution. `secret` empty: one
    // is made and returned (the caller hands it out once); else an empty
    // result. `ended`: the payload when the execution already ended inside
    // the trigger (then it is sent at once).
    Result<QByteArray> add(const QString &executionId, const QUrl &url, QByteArray secret,
                           qint64 startedAtMs, const QJsonObject &ended);

    // Once, after the engine started: picks up what the last run left.
    Status start();

    // GET /executions/{id}/callback: the target (without its query), status
    // and every try; RESOURCE_NOT_FOUND when the execution had none.
    Result<QJsonObject> detail(const QString &executionId);

    // The payload of an execution that ended inside the engine (engine
    // thread; TriggerService calls it there).
    static QJsonObject payloadOf(const engine::Execution &exec, const QJsonObject &outputs);

    static const QList<qint64> &retryDelaysMs();
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

private:
    void onEngineEvent(const engine::EngineEvent &event);
    void ended(const QString &executionId, const QJsonObject &payload);
    void schedule(const QString &executionId, qint64 atMs);
    void attempt(const QString &executionId);
    qint64 now() const;

    store::Database &m_db;
    crypto::EnvelopeCipher &m_cipher;
    FlowEngineHost &m_host;
    outbound::OutboundPolicy m_policy;
    fleet::WebhookSender m_sender;
    std::function<qint64()> m_now;
    QSet<QString> m_waiting;              // executions whose end is awaited
    QHash<QString, qint64> m_startedAtMs; // of the waiting ones, once known
    QSet<QString> m_inFlight;             // being tried or waiting for their timer
};

} // namespace hm::server
