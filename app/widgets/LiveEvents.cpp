#include "widgets/LiveEvents.h"

#include "client/ApiClient.h"
#include "client/EventHub.h"

namespace hm::app {

LiveEvents::LiveEvents(QObject *parent) : QObject(parent) {}

LiveEvents::~LiveEvents()
{
    if (m_hub)
        m_hub->unsubscribe(this);
}

void LiveEvents::setClient(client::ApiClient *client)
{
    if (client != m_client && m_hub) {
        m_hub->unsubscribe(this);
        disconnect(m_hub, nullptr, this, nullptr);
        m_hub = nullptr;
    }
    m_client = client;
    if (!client)
        return;
    if (!m_hub) {
        m_hub = client::EventHub::of(client);
        connect(m_hub, &client::EventHub::message, this,
                [this](const QString &type, const QJsonObject &data, const QDateTime &) {
                    emit message(type, data);
                });
        connect(m_hub, &client::EventHub::resynchronise, this, &LiveEvents::reopened);
    }
    // Again for the same client too: after a sign-in it may open now.
    m_hub->subscribe(this);
}

bool LiveEvents::isOpen() const
{
    return m_hub && m_hub->isOpen();
}

} // namespace hm::app
