#include "executions/ExecutionFeed.h"

#include "client/ApiClient.h"
#include "client/ExecutionWatcher.h"
#include "client/ExecutionsApi.h"
#include "client/Within.h"
#include "common/Logging.h"
#include "executions/ExecutionState.h"
#include "widgets/ServerErrorText.h"

namespace hm::app {

using hm::client::ExecutionWatcher;

ExecutionFeed::ExecutionFeed(ExecutionState *state, QObject *parent)
    : QObject(parent), m_state(state), m_watcher(new ExecutionWatcher(this))
{
    m_watcher->setObjectName(QStringLiteral("execution.watcher"));
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ExecutionFeed::reconnect);
    connect(m_watcher, &ExecutionWatcher::snapshot, this, [this](const QJsonObject &message) {
        m_failures = 0;
        m_state->applySnapshot(message);
        if (m_state->isFinal())
            fetchFinalStatus();
        else
            setConnection(Connection::Live);
    });
    // Each message is read once, into the client's typed event.
    connect(m_watcher, &ExecutionWatcher::event, m_state, [this](const QJsonObject &message) {
        m_state->applyEvent(hm::client::ExecutionEvent::fromJson(message));
    });
    connect(m_watcher, &ExecutionWatcher::resumed, m_state, &ExecutionState::noteResumed);
    connect(m_watcher, &ExecutionWatcher::closed, this, &ExecutionFeed::onClosed);
    connect(m_state, &ExecutionState::ended, this, &ExecutionFeed::fetchFinalStatus);
}

ExecutionFeed::~ExecutionFeed()
{
    m_watcher->disconnect(this);
}

void ExecutionFeed::setClient(hm::client::ApiClient *client)
{
    m_client = client;
}

int ExecutionFeed::reconnectDelayMs(int attempt)
{
    // 250 ms, 500 ms, 1 s, 2 s, 4 s, then every 8 s.
    return 250 << std::clamp(attempt - 1, 0, 5);
}

void ExecutionFeed::start(const QString &executionId)
{
    stop();
    ++m_generation;
    m_executionId = executionId;
    m_failures = 0;
    m_finalFetched = false;
    if (!m_client) {
        setConnection(Connection::Failed,
                      describeApiError(Error{ErrorCode::Unauthorized, QString(), {}}));
        return;
    }
    setConnection(Connection::Connecting);
    m_watcher->setTlsPolicy(m_client->tlsPolicy());
    m_watcher->watch(m_client->baseUrl(), executionId, m_client->webSocketToken());
}

void ExecutionFeed::stop()
{
    ++m_generation;
    m_retry.stop();
    m_executionId.clear();
    if (m_watcher->isOpen())
        m_watcher->close();
    setConnection(Connection::Idle);
}

void ExecutionFeed::onClosed(int code, const QString &reason)
{
    if (m_executionId.isEmpty() || m_connection == Connection::Idle)
        return;
    if (m_state->isFinal()) {
        // 1000 "execution ended": the final status follows from GET.
        fetchFinalStatus();
        return;
    }
    if (code == ExecutionWatcher::NotFound || code == ExecutionWatcher::Forbidden) {
        setConnection(Connection::Failed, describeApiError(Error{code == ExecutionWatcher::NotFound
                                                                     ? ErrorCode::ExecutionNotFound
                                                                     : ErrorCode::Forbidden,
                                                                 reason,
                                                                 {}}));
        return;
    }
    qCInfo(lcApp) << "execution feed closed" << code << reason << "; resuming";
    m_state->noteConnectionLost(reason);
    ++m_failures;
    setConnection(Connection::Reconnecting, reason);
    m_retry.start(reconnectDelayMs(m_failures));
}

void ExecutionFeed::reconnect()
{
    if (m_executionId.isEmpty() || !m_client)
        return;
    // An expired token (4401) is refreshed by any authenticated call: ask
    // for something small first, then resume with whatever token is
    // current.
    const quint64 generation = m_generation;
    hm::client::ExecutionsApi(*m_client).status(
        m_executionId, hm::client::within(this, [this, generation](Result<QJsonObject> answer) {
            if (m_generation != generation)
                return;
            if (!answer && (answer.error().code == ErrorCode::ExecutionNotFound ||
                            answer.error().code == ErrorCode::Forbidden)) {
                setConnection(Connection::Failed, describeApiError(answer.error()));
                return;
            }
            if (!answer) {
                // Server unreachable: try again later.
                ++m_failures;
                setConnection(Connection::Reconnecting, describeApiError(answer.error()));
                m_retry.start(reconnectDelayMs(m_failures));
                return;
            }
            m_watcher->resume(m_client->webSocketToken());
        }));
}

void ExecutionFeed::fetchFinalStatus()
{
    if (m_finalFetched || !m_client || m_executionId.isEmpty())
        return;
    m_finalFetched = true;
    const quint64 generation = m_generation;
    hm::client::ExecutionsApi(*m_client).status(
        m_executionId, hm::client::within(this, [this, generation](Result<QJsonObject> answer) {
            if (m_generation != generation)
                return;
            if (answer)
                m_state->applySnapshot(ExecutionState::statusAsSnapshot(answer.value()));
            m_state->flushNow();
            setConnection(Connection::Ended, answer ? QString() : describeApiError(answer.error()));
        }));
}

void ExecutionFeed::setConnection(Connection connection, const QString &message)
{
    if (m_connection == connection && m_message == message)
        return;
    m_connection = connection;
    m_message = message;
    emit connectionChanged(connection);
}

} // namespace hm::app
