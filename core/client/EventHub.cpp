#include "client/EventHub.h"

#include "client/ApiClient.h"
#include "client/EventStream.h"
#include "common/Check.h"

namespace hm::client {

namespace {
constexpr int kMaxRetryMs = 30000;
}

EventHub *EventHub::of(ApiClient *client)
{
    HM_CHECK(client, return nullptr);
    if (EventHub *found = find(client))
        return found;
    return new EventHub(client);
}

EventHub *EventHub::find(ApiClient *client)
{
    return client ? client->findChild<EventHub *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

EventHub::EventHub(ApiClient *client)
    : QObject(client), m_client(client), m_stream(new EventStream(this))
{
    setObjectName(QStringLiteral("eventHub"));
    m_stream->setObjectName(QStringLiteral("eventHub.stream"));
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &EventHub::listen);
    connect(m_stream, &EventStream::message, this, &EventHub::message);
    connect(m_stream, &EventStream::systemStatus, this, [this](const QJsonObject &data) {
        m_lastSystemStatus = data;
        emit systemStatus(data);
    });
    connect(m_stream, &EventStream::executionChanged, this, &EventHub::executionChanged);
    connect(m_stream, &EventStream::flowChanged, this, &EventHub::flowChanged);
    m_stream->setResuming(true);
    connect(m_stream, &EventStream::opened, this, [this] {
        ++m_openCount;
        m_nextRetryMs = m_baseRetryMs;
        emit opened();
    });
    // The server's first message says whether it replays what was missed.
    connect(m_stream, &EventStream::welcomed, this, [this](bool resumed) {
        if (m_heardBefore) {
            if (resumed)
                ++m_resumeCount;
            else
                emit resynchronise();
        }
        m_heardBefore = true;
    });
    connect(m_stream, &EventStream::closed, this, [this](int code, const QString &reason) {
        emit closed(code, reason);
        scheduleRetry();
    });
    // A new token reopens at once (a 4401 close waits for it); a new
    // session (a sign-in, another user) starts over with its credential.
    connect(client, &ApiClient::tokenRefreshed, this, [this] {
        if (!m_stream->isOpen() && subscriberCount() > 0) {
            m_retry.stop();
            listen();
        }
    });
    connect(client, &ApiClient::sessionStarted, this, [this] {
        m_retry.stop();
        m_stream->forgetPosition(); // another session hears other events
        if (m_stream->isOpen())
            m_stream->close(); // the closed() handler reopens with the new one
        else
            listen();
    });
}

EventHub::~EventHub()
{
    m_retry.stop();
    m_stream->disconnect(this);
}

void EventHub::subscribe(QObject *subscriber)
{
    HM_CHECK(subscriber, return );
    if (!isSubscribed(subscriber)) {
        m_subscribers.removeAll(QPointer<QObject>());
        m_subscribers.append(subscriber);
        connect(subscriber, &QObject::destroyed, this, [this] {
            // The QPointer is null by now.
            QMetaObject::invokeMethod(this, &EventHub::updateListening, Qt::QueuedConnection);
        });
    }
    // Also a new chance to open: the client may have a credential by now.
    updateListening();
}

void EventHub::unsubscribe(QObject *subscriber)
{
    if (!subscriber)
        return;
    m_subscribers.removeAll(QPointer<QObject>(subscriber));
    disconnect(subscriber, &QObject::destroyed, this, nullptr);
    updateListening();
}

bool EventHub::isSubscribed(const QObject *subscriber) const
{
    for (const QPointer<QObject> &s : m_subscribers) {
        if (s == subscriber)
            return true;
    }
    return false;
}

int EventHub::subscriberCount() const
{
    int count = 0;
    for (const QPointer<QObject> &s : m_subscribers)
        count += s ? 1 : 0;
    return count;
}

bool EventHub::isOpen() const
{
    return m_stream->isOpen();
}

void EventHub::reopenNow()
{
    if (m_stream->isOpen() || subscriberCount() == 0)
        return;
    m_retry.stop();
    listen();
}

void EventHub::setRetryIntervalMs(int ms)
{
    m_baseRetryMs = m_nextRetryMs = qMax(1, ms);
}

void EventHub::updateListening()
{
    if (subscriberCount() == 0) {
        m_retry.stop();
        m_heardBefore = false; // a later subscriber reads everything anyway
        m_stream->forgetPosition();
        if (m_stream->isOpen())
            m_stream->close();
        return;
    }
    if (!m_stream->isOpen() && !m_retry.isActive() &&
        m_stream->socket().state() == QAbstractSocket::UnconnectedState)
        listen();
}

void EventHub::listen()
{
    if (subscriberCount() == 0 || m_stream->isOpen())
        return;
    // Without a credential nothing opens; the next token opens it.
    m_stream->listenWith(*m_client);
}

void EventHub::scheduleRetry()
{
    if (subscriberCount() == 0 || !m_client->hasSession())
        return;
    m_retry.start(m_nextRetryMs);
    m_nextRetryMs = qMin(m_nextRetryMs * 2, kMaxRetryMs);
}

} // namespace hm::client
