#include "server/services/fleet/AlertDispatcher.h"

#include "common/Logging.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/AlertRepository.h"
#include "server/services/auth/TokenService.h"
#include "server/services/fleet/AlertChannels.h"
#include "server/services/fleet/AlertMailText.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>

namespace hm::server::fleet {

using repositories::AlertChannelRow;
using repositories::AlertDeliveryRow;

AlertDispatcher::AlertDispatcher(store::Database &db, outbound::OutboundPolicy policy,
                                 QObject *parent)
    : QObject(parent), m_db(db), m_webhooks(policy, this), m_mail(policy, this)
{}

const QList<qint64> &AlertDispatcher::retryDelaysMs()
{
    static const QList<qint64> delays{1000, 10'000, 60'000, 5 * 60'000, 30 * 60'000};
    return delays;
}

qint64 AlertDispatcher::now() const
{
    return m_now ? m_now() : QDateTime::currentMSecsSinceEpoch();
}

Status AlertDispatcher::start()
{
    auto pending = repositories::pendingAlertDeliveries(m_db);
    if (!pending)
        return pending.error();
    for (const AlertDeliveryRow &delivery : pending.value())
        schedule(delivery.id, delivery.nextAttemptAt);
    return {};
}

void AlertDispatcher::recordChanged(const repositories::AlertRecordRow &record,
                                    const QJsonObject &alert)
{
    enqueue(record, alert,
            record.status == QLatin1String("open") ? QStringLiteral("firing")
                                                   : QStringLiteral("resolved"));
}

void AlertDispatcher::recordReminded(const repositories::AlertRecordRow &record,
                                     const QJsonObject &alert)
{
    enqueue(record, alert, QStringLiteral("reminder"));
}

void AlertDispatcher::enqueue(const repositories::AlertRecordRow &record, const QJsonObject &alert,
                              const QString &event)
{
    if (!m_channels)
        return;
    auto channels = m_channels->channels();
    if (!channels) {
        qCWarning(lcServer).noquote() << "alert channels not read:" << channels.error().toString();
        return;
    }
    for (const AlertChannelRow &channel : channels.value()) {
        if (!channel.enabled)
            continue;
        AlertDeliveryRow delivery;
        delivery.id = crypto::uuid();
        delivery.channelId = channel.id;
        delivery.recordId = record.id;
        delivery.event = event;
        delivery.payload = QString::fromUtf8(
            QJsonDocument(
                QJsonObject{{QStringLiteral("event"), QString(QStringLiteral("alert.") + event)},
                            {QStringLiteral("delivery_id"), delivery.id},
                            {QStringLiteral("alert"), alert}})
                .toJson(QJsonDocument::Compact));
        delivery.status = QStringLiteral("pending");
        delivery.createdAt = now();
        delivery.updatedAt = delivery.createdAt;
        delivery.nextAttemptAt = delivery.createdAt;
        // Stored before the first try: a restart tries it again.
        if (Status s = repositories::insertAlertDelivery(m_db, delivery); !s) {
            qCWarning(lcServer).noquote() << "alert delivery not stored:" << s.error().toString();
            continue;
        }
        schedule(delivery.id, delivery.nextAttemptAt);
    }
}

void AlertDispatcher::schedule(const QString &deliveryId, qint64 atMs)
{
    if (m_inFlight.contains(deliveryId))
        return;
    m_inFlight.insert(deliveryId);
    const qint64 wait = std::max<qint64>(0, atMs - now());
    QTimer::singleShot(std::chrono::milliseconds(wait), this,
                       [this, deliveryId] { attempt(deliveryId); });
}

void AlertDispatcher::attempt(const QString &deliveryId)
{
    const auto forget = [this, deliveryId] { m_inFlight.remove(deliveryId); };
    auto delivery = repositories::alertDeliveryById(m_db, deliveryId);
    if (!delivery || !delivery.value() || delivery.value()->status != QLatin1String("pending"))
        return forget(); // gone with its channel, or settled
    auto channel = m_channels ? m_channels->channel(delivery.value()->channelId)
                              : Result<AlertChannelRow>(Error{ErrorCode::ResourceNotFound, {}});
    if (!channel || !channel.value().enabled)
        return forget(); // deleted or switched off: it waits (or goes with it)
    deliver(channel.value(), *delivery.value(), true,
            [this, deliveryId](const DeliveryOutcome &) { m_inFlight.remove(deliveryId); });
}

void AlertDispatcher::sendTest(const AlertChannelRow &channel,
                               std::function<void(Result<DeliveryOutcome>, QString)> done)
{
    AlertDeliveryRow delivery;
    delivery.id = crypto::uuid();
    delivery.channelId = channel.id;
    delivery.event = QStringLiteral("test");
    delivery.payload = QString::fromUtf8(
        QJsonDocument(
            QJsonObject{
                {QStringLiteral("event"), QStringLiteral("test")},
                {QStringLiteral("delivery_id"), delivery.id},
                {QStringLiteral("channel"), channel.name},
                {QStringLiteral("message"),
                 QStringLiteral("A test of the HiveMind alert channel \"%1\".").arg(channel.name)}})
            .toJson(QJsonDocument::Compact));
    delivery.status = QStringLiteral("pending");
    delivery.createdAt = now();
    delivery.updatedAt = delivery.createdAt;
    if (Status s = repositories::insertAlertDelivery(m_db, delivery); !s)
        return done(s.error(), {});
    const QString id = delivery.id;
    deliver(channel, delivery, false,
            [done = std::move(done), id](const DeliveryOutcome &outcome) { done(outcome, id); });
}

void AlertDispatcher::deliver(const AlertChannelRow &channel, AlertDeliveryRow delivery, bool retry,
                              std::function<void(DeliveryOutcome)> done)
{
    auto secret = m_channels->openSecret(channel);
    if (!secret) {
        DeliveryOutcome outcome;
        outcome.error = QStringLiteral("the channel's secret cannot be read");
        // Recorded below as a failed try without sending anything.
        delivery.attempts += 1;
        delivery.status = QStringLiteral("failed");
        delivery.nextAttemptAt = 0;
        delivery.lastError = outcome.error;
        delivery.updatedAt = now();
        (void)repositories::recordAlertDeliveryAttempt(
            m_db, delivery, {delivery.attempts, delivery.updatedAt, 0, outcome.error, 0});
        return done(outcome);
    }
    const qint64 startedAt = now();
    auto settle = [this, delivery, retry, startedAt, channelName = channel.name,
                   done = std::move(done)](const DeliveryOutcome &outcome) mutable {
        delivery.attempts += 1;
        delivery.lastStatus = outcome.status;
        delivery.lastError = outcome.error;
        delivery.updatedAt = now();
        const QList<qint64> &delays = retryDelaysMs();
        if (outcome.delivered) {
            delivery.status = QStringLiteral("delivered");
            delivery.nextAttemptAt = 0;
        } else if (retry && outcome.retryable && delivery.attempts <= delays.size()) {
            delivery.status = QStringLiteral("pending");
            delivery.nextAttemptAt = delivery.updatedAt + delays.at(delivery.attempts - 1);
        } else {
            delivery.status = QStringLiteral("failed");
            delivery.nextAttemptAt = 0;
        }
        if (Status s = repositories::recordAlertDeliveryAttempt(
                m_db, delivery,
                {delivery.attempts, startedAt, outcome.status, outcome.error, outcome.durationMs});
            !s)
            qCWarning(lcServer).noquote()
                << "alert delivery try not stored:" << s.error().toString();
        if (!outcome.delivered)
            qCWarning(lcServer).noquote()
                << "alert delivery" << delivery.id << "to channel" << channelName << "try"
                << delivery.attempts << "failed:" << outcome.error << "->" << delivery.status;
        done(outcome);
        if (delivery.status == QLatin1String("pending")) {
            m_inFlight.remove(delivery.id);
            schedule(delivery.id, delivery.nextAttemptAt);
        }
    };
    if (channel.type == QLatin1String("email")) {
        const QJsonObject &c = channel.config;
        mail::SmtpSettings smtp;
        smtp.host = c.value(QStringLiteral("smtp_host")).toString();
        smtp.port = c.value(QStringLiteral("smtp_port")).toInt(587);
        smtp.security = c.value(QStringLiteral("security")).toString(QStringLiteral("starttls"));
        smtp.username = c.value(QStringLiteral("username")).toString();
        // Moved, not copied: a copy would share the buffer that wiping
        // secret.value() then detaches from, leaving these bytes unwiped.
        smtp.password = std::move(secret.value());
        smtp.caPem = c.value(QStringLiteral("ca_pem")).toString().toUtf8();
        m_mail.send(smtp, mailOf(channel, delivery),
                    [settle = std::move(settle)](const mail::SmtpOutcome &sent) mutable {
                        DeliveryOutcome outcome;
                        outcome.delivered = sent.sent;
                        outcome.retryable = sent.retryable;
                        outcome.status = sent.replyCode;
                        outcome.error = sent.error;
                        outcome.durationMs = sent.durationMs;
                        settle(outcome);
                    });
        return;
    }
    WebhookSender::Message message;
    message.url = QUrl(channel.config.value(QStringLiteral("url")).toString());
    message.body = delivery.payload.toUtf8();
    message.secret =
        std::make_shared<const crypto::SecureBytes>(crypto::SecureBytes::fromRaw(secret.value()));
    crypto::wipe(secret.value());
    message.event = delivery.event;
    message.deliveryId = delivery.id;
    message.timestamp = now() / 1000;
    m_webhooks.send(message, std::move(settle));
}

mail::MailMessage AlertDispatcher::mailOf(const AlertChannelRow &channel,
                                          const AlertDeliveryRow &delivery)
{
    const QJsonObject payload = QJsonDocument::fromJson(delivery.payload.toUtf8()).object();
    const QJsonObject alert = payload.value(QStringLiteral("alert")).toObject();
    mail::MailMessage message;
    message.from = channel.config.value(QStringLiteral("from")).toString();
    for (const QJsonValue to : channel.config.value(QStringLiteral("to")).toArray())
        message.to.append(to.toString());
    // In the channel's language (English when unset, as channels made
    // before it existed are).
    const i18n::Language language =
        mailLanguage(channel.config.value(QStringLiteral("language")).toString())
            .value_or(i18n::Language::En);
    const AlertMailText text = delivery.event == QLatin1String("test")
                                   ? testMailText(language, channel.name, delivery.id)
                                   : alertMailText(language, delivery.event, alert, delivery.id);
    message.subject = text.subject;
    message.text = text.text;
    return message;
}

} // namespace hm::server::fleet
