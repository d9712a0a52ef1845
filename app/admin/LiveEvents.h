#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace hm::client {
class ApiClient;
class EventStream;
} // namespace hm::client

namespace hm::app {

// /ws/events for a panel whose list follows other consoles' changes (the
// Users and API keys lists): opened with the client's current credential
// while a client is set, opened again after a drop (a few seconds later, or
// at once when the client refreshes its token), closed without a client.
class LiveEvents : public QObject
{
    Q_OBJECT

public:
    explicit LiveEvents(QObject *parent = nullptr);
    ~LiveEvents() override;

    void setClient(client::ApiClient *client);
    bool isOpen() const;
    // Tests: how long to wait before opening again after a drop.
    void setRetryIntervalMs(int ms) { m_retry.setInterval(ms); }

signals:
    void message(const QString &type, const QJsonObject &data);
    // Opened again after a drop: what happened meanwhile was not heard.
    void reopened();

private:
    void listen();

    QPointer<client::ApiClient> m_client;
    client::EventStream *m_events;
    QTimer m_retry;
    QMetaObject::Connection m_refreshed;
    bool m_wasOpen = false;
};

} // namespace hm::app
