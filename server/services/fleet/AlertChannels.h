#pragma once

// Where alerts go (issue 35; docs/api.md "Alerts", channels): the
// administrators' notification channels. A webhook channel holds a URL
// (http or https, no user name in it) and a signing secret; an e-mail
// channel an SMTP server (host, port, STARTTLS / TLS / none, user name,
// an optional private CA), a sender and up to 20 recipients, and the SMTP
// password. A secret is write-only: sealed under the GENERAL data key with the channel's id as
// associated data, never in an answer, a log line or the audit log (the API
// says `secret_set`). An address literal on loopback, link-local or a
// private range is refused when saved unless private networks are allowed
// (the OutboundPolicy); a host name is checked at every delivery. Changes
// are audited and announced to the administrators (alert_channel_*);
// AlertDispatcher sends.

#include "common/Result.h"
#include "server/api/Roles.h"
#include "server/repositories/AlertChannelRepository.h"
#include "server/services/auth/TokenService.h"

#include <QJsonObject>
#include <functional>
#include <optional>

namespace hm::crypto {
class EnvelopeCipher;
}
namespace hm::store {
class Database;
}

namespace hm::server::auth {
class AccountEvents;
}

namespace hm::server::fleet {

class AlertDispatcher;
struct DeliveryOutcome;

// A channel as the API writes it; missing fields keep their value (update).
struct AlertChannelDetails
{
    std::optional<QString> name;
    std::optional<QString> type;
    std::optional<bool> enabled;
    std::optional<QJsonObject> config; // with the secret, when one is set
};

class AlertChannels
{
public:
    AlertChannels(store::Database &db, crypto::EnvelopeCipher &cipher, AlertDispatcher &dispatcher,
                  auth::AccountEvents &events);

    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    Result<QList<repositories::AlertChannelRow>> channels();
    Result<repositories::AlertChannelRow> channel(const QString &id);
    Result<repositories::AlertChannelRow> create(const auth::Principal &caller,
                                                 const auth::ClientInfo &client,
                                                 const AlertChannelDetails &details);
    Result<repositories::AlertChannelRow> update(const auth::Principal &caller,
                                                 const auth::ClientInfo &client, const QString &id,
                                                 const AlertChannelDetails &details);
    Status remove(const auth::Principal &caller, const auth::ClientInfo &client, const QString &id);
    // Sends a test message now (once, no retries) and says how it went:
    // {success, http_status?, error?, duration_ms, delivery_id}. Never the
    // receiver's answer.
    void test(const auth::Principal &caller, const auth::ClientInfo &client, const QString &id,
              std::function<void(Result<QJsonObject>)> done);
    Result<store::Page<repositories::AlertDeliveryRow>> deliveries(const QString &channelId,
                                                                   qint64 limit, qint64 offset);

    // The secret, opened for a delivery (the caller wipes it).
    Result<QByteArray> openSecret(const repositories::AlertChannelRow &row);

    // The API's shape: {id, name, type, enabled, config (no secret),
    // secret_set, created_at, updated_at}.
    static QJsonObject channelJson(const repositories::AlertChannelRow &row);
    static QJsonObject deliveryJson(const repositories::AlertDeliveryRow &row);

private:
    qint64 now() const;
    Result<repositories::AlertChannelRow>
    validated(repositories::AlertChannelRow row, const AlertChannelDetails &details, bool creating);
    // The stored settings of a webhook ({url}) or an e-mail channel
    // ({smtp_host, smtp_port, security, username, from, to, ca_pem?}).
    Result<QJsonObject> webhookConfig(const QJsonObject &config) const;
    Result<QJsonObject> emailConfig(const QJsonObject &config) const;
    // A host that is an address literal (or "localhost") on a private range
    // is refused unless private networks are allowed.
    Status checkHost(const QString &host, const QString &field) const;

    // alert_channel_created / _updated / _deleted to the administrators.
    void publish(const QString &type, const QString &id, const QJsonObject &channel);

    store::Database &m_db;
    crypto::EnvelopeCipher &m_cipher;
    AlertDispatcher &m_dispatcher;
    auth::AccountEvents &m_events;
    std::function<qint64()> m_now;
};

} // namespace hm::server::fleet
