#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace hm::client {
class ApiClient;
class EventHub;
} // namespace hm::client

namespace hm::app {

// /ws/events for a panel whose list follows other consoles' changes (Users,
// API keys, Components, Credentials, Services): a subscription to the
// client's one EventHub while a client is set, none without. The hub opens,
// reopens and says when to read again; this only forwards.
class LiveEvents : public QObject
{
    Q_OBJECT

public:
    explicit LiveEvents(QObject *parent = nullptr);
    ~LiveEvents() override;

    void setClient(client::ApiClient *client);
    bool isOpen() const;

signals:
    void message(const QString &type, const QJsonObject &data);
    // Opened again after a drop: what happened meanwhile was not heard.
    void reopened();

private:
    QPointer<client::ApiClient> m_client;
    QPointer<client::EventHub> m_hub;
};

} // namespace hm::app
