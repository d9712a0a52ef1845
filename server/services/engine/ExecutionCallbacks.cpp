#include "server/services/engine/ExecutionCallbacks.h"

#include "common/Logging.h"
#include "crypto/Envelope.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "engine/EngineEvent.h"
#include "engine/ExecutionState.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/CallbackRepository.h"
#include "server/services/engine/ExecutionHistory.h"
#include "server/services/engine/FlowEngineHost.h"
#include "store/Database.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace hm::server {

using namespace engine;
using repositories::CallbackAttempt;
using repositories::CallbackRow;

namespace {

const QString kCallbackWaiting = QStringLiteral("waiting");
const QString kCallbackPending = QStringLiteral("pending");

QByteArray callbackAssociatedData(const QString &executionId)
{
    return QByteArrayLiteral("execution_callback:") + executionId.toUtf8();
}

QJsonValue callbackErrorJson(const Error &error)
{
    if (error.code == ErrorCode::InternalError && error.message.isEmpty())
        return QJsonValue::Null; // the default: no error was set
    return QJsonObject{{QStringLiteral("code"), error.codeName()},
                       {QStringLiteral("message"), error.message}};
}

QJsonObject callbackPayload(const QString &executionId, const QString &flowId,
                            const QString &version, const QString &status,
                            const QString &cancelReason, const QJsonObject &outputs,
                            const QJsonValue &error, qint64 startedAtMs, qint64 endedAtMs)
{
    return {{QStringLiteral("event"), QStringLiteral("execution.ended")},
            {QStringLiteral("execution_id"), executionId},
            {QStringLiteral("flow_id"), flowId},
            {QStringLiteral("flow_version"), version},
            {QStringLiteral("status"), status},
            {QStringLiteral("cancel_reason"),
             cancelReason.isEmpty() ? QJsonValue() : QJsonValue(cancelReason)},
            {QStringLiteral("outputs"), outputs},
            {QStringLiteral("error"), error},
            {QStringLiteral("started_at"), auth::isoOrNull(startedAtMs)},
            {QStringLiteral("ended_at"), auth::isoOrNull(endedAtMs)},
            {QStringLiteral("duration_ms"), startedAtMs > 0 && endedAtMs >= startedAtMs
                                                ? QJsonValue(endedAtMs - startedAtMs)
                                                : QJsonValue()}};
}

// The target as the API shows it: its query may carry the receiver's token.
QString callbackShownUrl(const QString &url)
{
    return QUrl(url).adjusted(QUrl::RemoveQuery).toString();
}

} // namespace

ExecutionCallbacks::ExecutionCallbacks(store::Database &db, crypto::EnvelopeCipher &cipher,
                                       FlowEngineHost &host, outbound::OutboundPolicy policy,
                                       QObject *parent)
    : QObject(parent), m_db(db), m_cipher(cipher), m_host(host), m_policy(policy),
      m_sender(policy, this)
{
    m_sender.setUserAgent(QByteArrayLiteral("HiveMind-Callbacks/1"));
    connect(&host, &FlowEngineHost::event, this, &ExecutionCallbacks::onEngineEvent);
}

const QList<qint64> &ExecutionCallbacks::retryDelaysMs()
{
    static const QList<qint64> delays{1000, 2000, 4000, 8000, 16000};
    return delays;
}

qint64 ExecutionCallbacks::now() const
{
    return m_now ? m_now() : QDateTime::currentMSecsSinceEpoch();
}

Status ExecutionCallbacks::admit(const QUrl &url, const QString &field) const
{
    QHostAddress literal;
    if (!literal.setAddress(url.host()))
        return {};
    return m_policy.check(literal, url.host(), field);
}

Result<QByteArray> ExecutionCallbacks::add(const QString &executionId, const QUrl &url,
                                           QByteArray secret, qint64 startedAtMs,
                                           const QJsonObject &ended)
{
    QByteArray made;
    if (secret.isEmpty()) {
        made = crypto::randomToken(32).toUtf8();
        secret = made;
    }
    auto sealed =
        m_cipher.encrypt(secret, crypto::DekPurpose::General, callbackAssociatedData(executionId));
    crypto::wipe(secret);
    if (!sealed)
        return sealed.error();
    CallbackRow row;
    row.executionId = executionId;
    row.url = url.toString(QUrl::FullyEncoded);
    row.secret = sealed.value();
    row.status = kCallbackWaiting;
    row.createdAt = now();
    row.updatedAt = row.createdAt;
    if (Status s = repositories::insertCallback(m_db, row); !s)
        return s.error();
    if (!ended.isEmpty()) {
        this->ended(executionId, ended);
    } else {
        m_waiting.insert(executionId);
        if (startedAtMs > 0)
            m_startedAtMs.insert(executionId, startedAtMs);
    }
    return made;
}

Status ExecutionCallbacks::start()
{
    auto waiting = repositories::callbacksWithStatus(m_db, kCallbackWaiting);
    if (!waiting)
        return waiting.error();
    for (const CallbackRow &row : std::as_const(waiting.value())) {
        // Ended while the server was down (recovery fails what was running):
        // the history has the result. Otherwise it is queued and its end is
        // still to come.
        auto stored = storedExecutionJson(m_db, m_host, row.executionId);
        const QString status =
            stored ? stored.value().value(QStringLiteral("status")).toString() : QString();
        const bool over = status == QLatin1String("completed") ||
                          status == QLatin1String("failed") || status == QLatin1String("cancelled");
        if (!over) {
            m_waiting.insert(row.executionId);
            continue;
        }
        const QJsonObject e = stored.value();
        const qint64 startedAt = auth::parseIsoMs(e.value(QStringLiteral("started_at")).toString());
        const qint64 endedAt = auth::parseIsoMs(e.value(QStringLiteral("ended_at")).toString());
        ended(row.executionId,
              callbackPayload(row.executionId, e.value(QStringLiteral("flow_id")).toString(),
                              e.value(QStringLiteral("flow_version")).toString(), status,
                              e.value(QStringLiteral("cancel_reason")).toString(),
                              e.value(QStringLiteral("outputs")).toObject(),
                              e.value(QStringLiteral("error")), startedAt, endedAt));
    }
    auto pending = repositories::callbacksWithStatus(m_db, kCallbackPending);
    if (!pending)
        return pending.error();
    for (const CallbackRow &row : std::as_const(pending.value()))
        schedule(row.executionId, row.nextAttemptAt);
    return {};
}

QJsonObject ExecutionCallbacks::payloadOf(const Execution &exec, const QJsonObject &outputs)
{
    return callbackPayload(
        exec.id, exec.flowId, exec.flowVersion, executionStatusName(exec.status),
        exec.status == ExecutionStatus::Cancelled ? cancelReasonName(exec.cancelReason) : QString(),
        outputs, callbackErrorJson(exec.error), exec.startedAtMs, exec.endedAtMs);
}

void ExecutionCallbacks::onEngineEvent(const EngineEvent &event)
{
    if (m_waiting.isEmpty())
        return; // the common case: nobody asked for a callback
    if (event.type == EngineEvent::Type::ExecutionStarted) {
        if (m_waiting.contains(event.executionId))
            m_startedAtMs.insert(event.executionId, event.timestampMs);
        return;
    }
    const bool cancelled = event.type == EngineEvent::Type::ExecutionCancelled;
    if (!cancelled && event.type != EngineEvent::Type::ExecutionCompleted)
        return;
    if (!m_waiting.remove(event.executionId))
        return;
    const qint64 startedAt = m_startedAtMs.take(event.executionId);
    ended(
        event.executionId,
        callbackPayload(event.executionId, event.flowId, event.flowVersion,
                        cancelled ? executionStatusName(ExecutionStatus::Cancelled) : event.status,
                        cancelled ? event.reason : QString(), event.outputs,
                        callbackErrorJson(event.error), startedAt, event.timestampMs));
}

void ExecutionCallbacks::ended(const QString &executionId, const QJsonObject &body)
{
    m_waiting.remove(executionId);
    m_startedAtMs.remove(executionId);
    const QString text = QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact));
    const qint64 at = now();
    auto marked = repositories::markCallbackPending(m_db, executionId, text, at);
    if (!marked) {
        qCWarning(lcServer) << "callback of execution" << executionId
                            << "could not be stored:" << marked.error().toString();
        return;
    }
    if (marked.value())
        schedule(executionId, at);
}

void ExecutionCallbacks::schedule(const QString &executionId, qint64 atMs)
{
    if (m_inFlight.contains(executionId))
        return;
    m_inFlight.insert(executionId);
    const qint64 wait = std::max<qint64>(0, atMs - now());
    QTimer::singleShot(std::chrono::milliseconds(wait), this,
                       [this, executionId] { attempt(executionId); });
}

void ExecutionCallbacks::attempt(const QString &executionId)
{
    auto found = repositories::callbackByExecution(m_db, executionId);
    if (!found || !found.value() || found.value()->status != kCallbackPending) {
        m_inFlight.remove(executionId);
        return; // settled
    }
    CallbackRow row = *found.value();
    auto settle = [this, row](const fleet::DeliveryOutcome &outcome) mutable {
        m_inFlight.remove(row.executionId);
        row.attempts += 1;
        row.lastStatus = outcome.status;
        row.lastError = outcome.error;
        row.updatedAt = now();
        const QList<qint64> &delays = retryDelaysMs();
        if (outcome.delivered) {
            row.status = QStringLiteral("delivered");
            row.nextAttemptAt = 0;
        } else if (outcome.retryable && row.attempts <= delays.size()) {
            row.status = kCallbackPending;
            row.nextAttemptAt = row.updatedAt + delays.at(row.attempts - 1);
        } else {
            row.status = QStringLiteral("failed");
            row.nextAttemptAt = 0;
        }
        const CallbackAttempt attempt{row.attempts, row.updatedAt, outcome.status, outcome.error,
                                      outcome.durationMs};
        if (Status s = repositories::recordCallbackAttempt(m_db, row, attempt); !s) {
            qCWarning(lcServer) << "callback try of execution" << row.executionId
                                << "could not be stored:" << s.error().toString();
            return;
        }
        if (row.status == kCallbackPending)
            schedule(row.executionId, row.nextAttemptAt);
    };
    auto secret = m_cipher.decrypt(row.secret, crypto::DekPurpose::General,
                                   callbackAssociatedData(executionId));
    if (!secret) {
        fleet::DeliveryOutcome outcome;
        outcome.error = QStringLiteral("the callback's secret cannot be read");
        return settle(outcome);
    }
    fleet::WebhookSender::Message message;
    message.url = QUrl(row.url);
    message.body = row.payload.toUtf8();
    message.secret =
        std::make_shared<const crypto::SecureBytes>(crypto::SecureBytes::fromRaw(secret.value()));
    crypto::wipe(secret.value());
    message.event = QStringLiteral("execution.ended");
    message.deliveryId = executionId;
    message.timestamp = now() / 1000;
    m_sender.send(message, std::move(settle));
}

Result<QJsonObject> ExecutionCallbacks::detail(const QString &executionId)
{
    auto found = repositories::callbackByExecution(m_db, executionId);
    if (!found)
        return found.error();
    if (!found.value())
        return Error{ErrorCode::ResourceNotFound,
                     QStringLiteral("execution %1 has no callback").arg(executionId)};
    auto attempts = repositories::callbackAttempts(m_db, executionId);
    if (!attempts)
        return attempts.error();
    QJsonArray tries;
    for (const CallbackAttempt &a : std::as_const(attempts.value()))
        tries.append(QJsonObject{
            {QStringLiteral("attempt"), a.attempt},
            {QStringLiteral("at"), auth::isoOrNull(a.at)},
            {QStringLiteral("http_status"),
             a.httpStatus > 0 ? QJsonValue(a.httpStatus) : QJsonValue()},
            {QStringLiteral("error"), a.error.isEmpty() ? QJsonValue() : QJsonValue(a.error)},
            {QStringLiteral("duration_ms"), a.durationMs}});
    const CallbackRow &row = *found.value();
    return QJsonObject{{QStringLiteral("execution_id"), row.executionId},
                       {QStringLiteral("url"), callbackShownUrl(row.url)},
                       {QStringLiteral("status"), row.status},
                       {QStringLiteral("attempt_count"), row.attempts},
                       {QStringLiteral("next_attempt_at"), auth::isoOrNull(row.nextAttemptAt)},
                       {QStringLiteral("last_status"),
                        row.lastStatus > 0 ? QJsonValue(row.lastStatus) : QJsonValue()},
                       {QStringLiteral("last_error"),
                        row.lastError.isEmpty() ? QJsonValue() : QJsonValue(row.lastError)},
                       {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
                       {QStringLiteral("attempts"), tries}};
}

} // namespace hm::server
