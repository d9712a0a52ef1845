#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace hm::client {

class ApiClient;
class EventStream;

// The one /ws/events connection of a client (EventHub::of(client), a child
// of the client): every part of a console follows the server through it
// instead of opening a socket of its own. Parts subscribe with themselves as
// the subscriber; the socket is open while at least one subscriber lives and
// the client has a credential, and is opened again after a drop with growing
// pauses (1 s, doubled up to 30 s), at once when the client refreshes its
// token. A reopened stream resumes where it was when the server still
// holds what was missed (EventStream resuming: the missed events arrive as
// if they had just happened); otherwise (a server restart, a long gap, an
// older server) resynchronise() tells the subscribers to read again what
// they show.
class EventHub : public QObject
{
    Q_OBJECT

public:
    // The client's hub, made on first use.
    static EventHub *of(ApiClient *client);
    // The client's hub if it has one.
    static EventHub *find(ApiClient *client);
    ~EventHub() override;

    // The hub stays open while `subscriber` lives or until unsubscribe();
    // subscribing twice counts once.
    void subscribe(QObject *subscriber);
    void unsubscribe(QObject *subscriber);
    bool isSubscribed(const QObject *subscriber) const;
    int subscriberCount() const;

    bool isOpen() const;
    // How many times the socket was opened (tests: one connection per
    // console, one reconnect after a server restart).
    int openCount() const { return m_openCount; }
    // How many reopenings the server resumed (no resynchronise()).
    int resumeCount() const { return m_resumeCount; }
    // The last system_status data (sent right after connecting), for a
    // subscriber that arrives after it.
    QJsonObject lastSystemStatus() const { return m_lastSystemStatus; }

    // Opens again now when the socket is closed and somebody listens,
    // instead of waiting for the next retry (after the network is back).
    void reopenNow();
    // Tests: the first pause after a drop (doubled up to 30 s).
    void setRetryIntervalMs(int ms);
    // Tests: the stream, to drop it as a network failure would.
    EventStream *stream() const { return m_stream; }

signals:
    void message(const QString &type, const QJsonObject &data, const QDateTime &timestamp);
    void systemStatus(const QJsonObject &data);
    void executionChanged(const QString &type, const QJsonObject &data);
    void flowChanged(const QString &type, const QJsonObject &data);
    void opened();
    // Opened again after a drop and the server could not replay what
    // happened meanwhile: read again.
    void resynchronise();
    void closed(int code, const QString &reason);

private:
    explicit EventHub(ApiClient *client);
    void listen();
    void updateListening();
    void scheduleRetry();

    ApiClient *m_client; // the parent
    EventStream *m_stream;
    QList<QPointer<QObject>> m_subscribers;
    QTimer m_retry;
    int m_baseRetryMs = 1000;
    int m_nextRetryMs = 1000;
    int m_openCount = 0;
    int m_resumeCount = 0;
    bool m_heardBefore = false; // opened once already: a later open resynchronises
    QJsonObject m_lastSystemStatus;
};

} // namespace hm::client
