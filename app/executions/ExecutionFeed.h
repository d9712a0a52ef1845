#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace hm::client {
class ApiClient;
class ExecutionWatcher;
} // namespace hm::client

namespace hm::app {

class ExecutionState;

// Keeps an ExecutionState live: the WebSocket of the execution
// (ExecutionWatcher) while it runs, resumed by sequence number after every
// lost connection (with a growing pause, and a refreshed token after 4401),
// and GET …/status once it ended, for what the events do not tell (nodes
// skipped by a branch, nodes cancelled with the execution).
class ExecutionFeed : public QObject
{
    Q_OBJECT

public:
    enum class Connection
    {
        Idle,
        Connecting,
        Live,
        Reconnecting,
        Ended,  // the execution ended and the final status is applied
        Failed, // the server refused (not found, forbidden): see message()
    };
    Q_ENUM(Connection)

    ExecutionFeed(ExecutionState *state, QObject *parent = nullptr);
    ~ExecutionFeed() override;

    void setClient(hm::client::ApiClient *client);
    // Starts watching (state->reset() first is the caller's).
    void start(const QString &executionId);
    void stop();

    Connection connection() const { return m_connection; }
    QString message() const { return m_message; }
    hm::client::ExecutionWatcher *watcher() const { return m_watcher; }

    // Pauses before the n-th consecutive reconnection (ms).
    static int reconnectDelayMs(int attempt);

signals:
    void connectionChanged(hm::app::ExecutionFeed::Connection connection);

private:
    void onClosed(int code, const QString &reason);
    void reconnect();
    void fetchFinalStatus();
    void setConnection(Connection connection, const QString &message = {});

    ExecutionState *m_state;
    QPointer<hm::client::ApiClient> m_client;
    hm::client::ExecutionWatcher *m_watcher;
    QString m_executionId;
    Connection m_connection = Connection::Idle;
    QString m_message;
    QTimer m_retry;
    int m_failures = 0;
    bool m_finalFetched = false;
    quint64 m_generation = 0;
};

} // namespace hm::app
