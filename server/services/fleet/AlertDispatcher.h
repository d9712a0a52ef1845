#pragma once

// Sends alerts to the notification channels (issue 35; docs/api.md
// "Alerts", channels): webhooks (WebhookSender) and e-mail (SmtpSender).
// Every record that opens or resolves becomes one
// delivery per enabled channel, stored as pending before the first try;
// each try is stored with its outcome. A try that gets no answer, 408, 429
// or 5xx is tried again after 1 s, 10 s, 1 min, 5 min and 30 min (six
// tries), anything else gives up at once. Pending deliveries are picked up
// again after a restart, so a message is sent at least once: a crash
// between a try and its record sends it again, with the same
// X-HiveMind-Delivery id for the receiver to drop the second. Server thread.

#include "common/Result.h"
#include "server/repositories/AlertChannelRepository.h"
#include "server/services/fleet/WebhookSender.h"
#include "server/services/mail/SmtpSender.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <functional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {
struct AlertRecordRow;
}

namespace hm::server::fleet {

class AlertChannels;

class AlertDispatcher final : public QObject
{
    Q_OBJECT
public:
    AlertDispatcher(store::Database &db, outbound::OutboundPolicy policy,
                    QObject *parent = nullptr);

    void setChannels(AlertChannels *channels) { m_channels = channels; }
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    // Picks up the deliveries still pending; call once after setChannels().
    Status start();

    // A record opened or resolved (AlertService::recordChanged).
    void recordChanged(const repositories::AlertRecordRow &record, const QJsonObject &alert);
    // An open record due again (AlertService::recordReminded): event
    // "reminder" ("alert.reminder" in a webhook's payload).
    void recordReminded(const repositories::AlertRecordRow &record, const QJsonObject &alert);
    // One test message to `channel`, stored and tried once.
    void sendTest(const repositories::AlertChannelRow &channel,
                  std::function<void(Result<DeliveryOutcome>, QString deliveryId)> done);

    // The waits between tries (ms); the number of tries is one more.
    static const QList<qint64> &retryDelaysMs();

private:
    void enqueue(const repositories::AlertRecordRow &record, const QJsonObject &alert,
                 const QString &event);
    qint64 now() const;
    void schedule(const QString &deliveryId, qint64 atMs);
    void attempt(const QString &deliveryId);
    // The message of an e-mail channel's delivery (subject and text from
    // its JSON payload).
    static mail::MailMessage mailOf(const repositories::AlertChannelRow &channel,
                                    const repositories::AlertDeliveryRow &delivery);
    void deliver(const repositories::AlertChannelRow &channel,
                 repositories::AlertDeliveryRow delivery, bool retry,
                 std::function<void(DeliveryOutcome)> done);

    store::Database &m_db;
    WebhookSender m_webhooks;
    mail::SmtpSender m_mail;
    AlertChannels *m_channels = nullptr;
    std::function<qint64()> m_now;
    QSet<QString> m_inFlight; // deliveries being tried or waiting for their timer
};

} // namespace hm::server::fleet
