#include "admin/LiveEvents.h"

#include "client/ApiClient.h"
#include "client/EventStream.h"

namespace hm::app {

LiveEvents::LiveEvents(QObject *parent) : QObject(parent), m_events(new client::EventStream(this))
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(5000);
    connect(&m_retry, &QTimer::timeout, this, &LiveEvents::listen);
    connect(m_events, &client::EventStream::message, this,
            [this](const QString &type, const QJsonObject &data, const QDateTime &) {
                emit message(type, data);
            });
    connect(m_events, &client::EventStream::opened, this, [this] {
        if (m_wasOpen)
            emit reopened();
        m_wasOpen = true;
    });
    connect(m_events, &client::EventStream::closed, this, [this] {
        if (m_client && !m_retry.isActive())
            m_retry.start();
    });
}

LiveEvents::~LiveEvents() = default;

void LiveEvents::setClient(client::ApiClient *client)
{
    if (client == m_client && (m_events->isOpen() || m_retry.isActive()))
        return;
    if (m_refreshed)
        disconnect(m_refreshed);
    m_retry.stop();
    m_wasOpen = false;
    m_events->close();
    m_client = client;
    if (!client)
        return;
    m_refreshed = connect(client, &client::ApiClient::tokenRefreshed, this, [this] {
        if (!m_events->isOpen()) {
            m_retry.stop();
            listen();
        }
    });
    listen();
}

bool LiveEvents::isOpen() const
{
    return m_events->isOpen();
}

void LiveEvents::listen()
{
    if (m_client)
        m_events->listenWith(*m_client);
}

} // namespace hm::app
