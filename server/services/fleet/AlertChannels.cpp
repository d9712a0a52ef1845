#include "server/services/fleet/AlertChannels.h"

#include "crypto/Envelope.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "server/api/AuthCommon.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/fleet/AlertDispatcher.h"
#include "server/services/fleet/AlertMailText.h"
#include "server/services/mail/MailMessage.h"
#include "server/services/outbound/OutboundPolicy.h"
#include "store/Database.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace hm::server::fleet {

using repositories::AlertChannelRow;
using repositories::AlertDeliveryRow;

namespace {

constexpr qsizetype kMaxChannelName = 100;
constexpr qsizetype kMaxUrl = 2048;
constexpr qsizetype kMinSecret = 16;
constexpr qsizetype kMaxSecret = 256;

Error channelFieldError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError,
                 field + QStringLiteral(": ") + message,
                 {{QStringLiteral("field"), field}}};
}

QByteArray associatedData(const QString &channelId)
{
    return QByteArrayLiteral("alert_channel:") + channelId.toUtf8();
}

} // namespace

AlertChannels::AlertChannels(store::Database &db, crypto::EnvelopeCipher &cipher,
                             AlertDispatcher &dispatcher, auth::AccountEvents &events)
    : m_db(db), m_cipher(cipher), m_dispatcher(dispatcher), m_events(events)
{}

void AlertChannels::publish(const QString &type, const QString &id, const QJsonObject &channel)
{
    QJsonObject data{{QStringLiteral("channel_id"), id}};
    if (!channel.isEmpty())
        data.insert(QStringLiteral("channel"), channel);
    m_events.publish({type, data, true, {}, false});
}

qint64 AlertChannels::now() const
{
    return m_now ? m_now() : QDateTime::currentMSecsSinceEpoch();
}

Result<QList<AlertChannelRow>> AlertChannels::channels()
{
    return repositories::allAlertChannels(m_db);
}

Result<AlertChannelRow> AlertChannels::channel(const QString &id)
{
    auto row = repositories::alertChannelById(m_db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::ResourceNotFound, QStringLiteral("alert channel not found")};
    return *row.value();
}

Result<AlertChannelRow> AlertChannels::validated(AlertChannelRow row,
                                                 const AlertChannelDetails &details, bool creating)
{
    if (details.name)
        row.name = details.name->trimmed();
    if (row.name.isEmpty() || row.name.size() > kMaxChannelName ||
        row.name.contains(QLatin1Char('\n')))
        return channelFieldError(
            QStringLiteral("name"),
            QStringLiteral("1 to %1 characters on one line").arg(kMaxChannelName));
    if (details.type) {
        if (!creating && *details.type != row.type)
            return channelFieldError(QStringLiteral("type"),
                                     QStringLiteral("a channel keeps its type"));
        row.type = *details.type;
    }
    if (row.type != QLatin1String("webhook") && row.type != QLatin1String("email"))
        return channelFieldError(QStringLiteral("type"), QStringLiteral("webhook or email"));
    if (details.enabled)
        row.enabled = *details.enabled;
    if (creating && !details.config)
        return channelFieldError(QStringLiteral("config"), QStringLiteral("required"));
    if (!details.config)
        return row;

    const bool email = row.type == QLatin1String("email");
    QJsonObject config = *details.config;
    // The secret goes apart, sealed; the stored config never holds it (a
    // webhook's signing "secret", an e-mail channel's SMTP "password").
    const QString secretField = email ? QStringLiteral("password") : QStringLiteral("secret");
    const QJsonValue secretValue = config.take(secretField);
    // Settings not given keep their stored value.
    QJsonObject merged = row.config;
    for (auto it = config.constBegin(); it != config.constEnd(); ++it)
        merged.insert(it.key(), it.value());
    auto kept = email ? emailConfig(merged) : webhookConfig(merged);
    if (!kept)
        return kept.error();
    row.config = kept.value();

    if (secretValue.isUndefined() || secretValue.isNull()) {
        if (creating && !email)
            return channelFieldError(secretField,
                                     QStringLiteral("required: it signs every message"));
        if (email && !row.config.value(QStringLiteral("username")).toString().isEmpty() &&
            row.secret.isEmpty())
            return channelFieldError(secretField, QStringLiteral("required with a user name"));
        return row; // kept as it is
    }
    QByteArray secret = secretValue.toString().toUtf8();
    const qsizetype least = email ? 1 : kMinSecret;
    if (!secretValue.isString() || secret.size() < least || secret.size() > kMaxSecret) {
        crypto::wipe(secret);
        return channelFieldError(secretField,
                                 QStringLiteral("%1 to %2 characters").arg(least).arg(kMaxSecret));
    }
    auto sealed = m_cipher.encrypt(secret, crypto::DekPurpose::General, associatedData(row.id));
    crypto::wipe(secret);
    if (!sealed)
        return sealed.error();
    row.secret = sealed.value();
    return row;
}

Status AlertChannels::checkHost(const QString &host, const QString &field) const
{
    // An address literal is judged now; a name at every delivery (it may
    // resolve elsewhere later).
    const outbound::OutboundPolicy policy(&m_db);
    const QHostAddress literal(host);
    if (!literal.isNull())
        return policy.check(literal, host, field);
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return policy.check(QHostAddress(QHostAddress::LocalHost), host, field);
    return {};
}

Result<QJsonObject> AlertChannels::webhookConfig(const QJsonObject &config) const
{
    const QString urlText = config.value(QStringLiteral("url")).toString();
    const QUrl url(urlText, QUrl::StrictMode);
    if (urlText.isEmpty() || urlText.size() > kMaxUrl || !url.isValid() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty())
        return channelFieldError(
            QStringLiteral("url"),
            QStringLiteral("an http or https URL of at most %1 characters").arg(kMaxUrl));
    if (!url.userInfo().isEmpty())
        return channelFieldError(QStringLiteral("url"),
                                 QStringLiteral("no user name or password in the URL: the "
                                                "secret signs the messages"));
    if (Status allowed = checkHost(url.host(), QStringLiteral("url")); !allowed)
        return allowed.error();
    return QJsonObject{{QStringLiteral("url"), url.toString()}};
}

Result<QJsonObject> AlertChannels::emailConfig(const QJsonObject &config) const
{
    static const QRegularExpression hostPattern(
        QStringLiteral("^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*"
                       "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$|^[0-9a-fA-F:.]+$"));
    QString host = config.value(QStringLiteral("smtp_host")).toString().trimmed();
    // An IPv6 address as a URL writes it, "[2001:db8::25]": stored plain
    // (the sender puts the brackets back where a URL needs them).
    if (host.size() > 2 && host.startsWith(u'[') && host.endsWith(u']') && host.contains(u':'))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty() || host.size() > 253 || !hostPattern.match(host).hasMatch())
        return channelFieldError(QStringLiteral("smtp_host"),
                                 QStringLiteral("a host name or address"));
    if (Status allowed = checkHost(host, QStringLiteral("smtp_host")); !allowed)
        return allowed.error();
    const QJsonValue portValue = config.value(QStringLiteral("smtp_port"));
    const int port = portValue.isUndefined() ? 587 : portValue.toInt(-1);
    if (port < 1 || port > 65535)
        return channelFieldError(QStringLiteral("smtp_port"), QStringLiteral("1 to 65535"));
    const QString security =
        config.value(QStringLiteral("security")).toString(QStringLiteral("starttls"));
    if (security != QLatin1String("starttls") && security != QLatin1String("tls") &&
        security != QLatin1String("none"))
        return channelFieldError(QStringLiteral("security"),
                                 QStringLiteral("starttls, tls or none"));
    const QString username = config.value(QStringLiteral("username")).toString();
    if (username.size() > 256 || username.contains(QLatin1Char('\n')) ||
        username.contains(QLatin1Char('\r')))
        return channelFieldError(QStringLiteral("username"),
                                 QStringLiteral("at most 256 characters on one line"));
    mail::MailMessage probe;
    probe.from = config.value(QStringLiteral("from")).toString().trimmed();
    const QJsonValue to = config.value(QStringLiteral("to"));
    if (to.isArray()) {
        for (const QJsonValue v : to.toArray())
            probe.to.append(v.toString().trimmed());
    } else {
        probe.to = mail::splitAddresses(to.toString());
    }
    if (Status checked = mail::checkMessage(probe); !checked)
        return checked.error();
    const QString caPem = config.value(QStringLiteral("ca_pem")).toString();
    if (!caPem.isEmpty() &&
        (caPem.size() > 65536 || !caPem.contains(QLatin1String("-----BEGIN CERTIFICATE-----"))))
        return channelFieldError(QStringLiteral("ca_pem"),
                                 QStringLiteral("PEM certificates, at most 64 KiB"));
    // The language of its messages (subject and text); English unless set.
    const QJsonValue languageValue = config.value(QStringLiteral("language"));
    const QString language = languageValue.isUndefined() || languageValue.isNull()
                                 ? QStringLiteral("en")
                                 : languageValue.toString();
    if (!languageValue.isUndefined() && !languageValue.isNull() &&
        (!languageValue.isString() || !mailLanguage(language)))
        return channelFieldError(QStringLiteral("language"), QStringLiteral("en, zh-TW or zh-CN"));
    QJsonObject kept{{QStringLiteral("smtp_host"), host},
                     {QStringLiteral("smtp_port"), port},
                     {QStringLiteral("security"), security},
                     {QStringLiteral("username"), username},
                     {QStringLiteral("from"), probe.from},
                     {QStringLiteral("to"), QJsonArray::fromStringList(probe.to)},
                     {QStringLiteral("language"), language}};
    if (!caPem.isEmpty())
        kept.insert(QStringLiteral("ca_pem"), caPem);
    return kept;
}

Result<AlertChannelRow> AlertChannels::create(const auth::Principal &caller,
                                              const auth::ClientInfo &client,
                                              const AlertChannelDetails &details)
{
    AlertChannelRow row;
    row.id = crypto::uuid();
    row.type = details.type.value_or(QString());
    row.createdBy = caller.userId;
    row.createdAt = now();
    row.updatedAt = row.createdAt;
    auto checked = validated(row, details, true);
    if (!checked)
        return checked.error();
    if (Status s = repositories::insertAlertChannel(m_db, checked.value()); !s)
        return s.error();
    auth::audit(m_db, QStringLiteral("ALERT_CHANNEL_CREATED"), caller.userId,
                QStringLiteral("alert_channel"), checked.value().id, client.ip, client.userAgent,
                channelJson(checked.value()));
    publish(QStringLiteral("alert_channel_created"), checked.value().id,
            channelJson(checked.value()));
    return checked.value();
}

Result<AlertChannelRow> AlertChannels::update(const auth::Principal &caller,
                                              const auth::ClientInfo &client, const QString &id,
                                              const AlertChannelDetails &details)
{
    auto existing = channel(id);
    if (!existing)
        return existing.error();
    auto checked = validated(existing.value(), details, false);
    if (!checked)
        return checked.error();
    checked.value().updatedAt = now();
    if (Status s = repositories::updateAlertChannel(m_db, checked.value()); !s)
        return s.error();
    QJsonObject audited = channelJson(checked.value());
    audited.insert(QStringLiteral("secret_changed"),
                   checked.value().secret != existing.value().secret);
    auth::audit(m_db, QStringLiteral("ALERT_CHANNEL_UPDATED"), caller.userId,
                QStringLiteral("alert_channel"), id, client.ip, client.userAgent, audited);
    publish(QStringLiteral("alert_channel_updated"), id, channelJson(checked.value()));
    if (checked.value().enabled && !existing.value().enabled)
        (void)m_dispatcher.start(); // its deliveries waiting while it was off
    return checked.value();
}

Status AlertChannels::remove(const auth::Principal &caller, const auth::ClientInfo &client,
                             const QString &id)
{
    auto existing = channel(id);
    if (!existing)
        return existing.error();
    auto deleted = repositories::deleteAlertChannel(m_db, id);
    if (!deleted)
        return deleted.error();
    auth::audit(m_db, QStringLiteral("ALERT_CHANNEL_DELETED"), caller.userId,
                QStringLiteral("alert_channel"), id, client.ip, client.userAgent,
                {{QStringLiteral("name"), existing.value().name}});
    publish(QStringLiteral("alert_channel_deleted"), id, {});
    return {};
}

void AlertChannels::test(const auth::Principal &caller, const auth::ClientInfo &client,
                         const QString &id, std::function<void(Result<QJsonObject>)> done)
{
    auto row = channel(id);
    if (!row)
        return done(row.error());
    const QString userId = caller.userId;
    const AlertChannelRow tested = row.value();
    m_dispatcher.sendTest(tested, [this, userId, client, tested, done = std::move(done)](
                                      Result<DeliveryOutcome> outcome, QString deliveryId) {
        if (!outcome)
            return done(outcome.error());
        QJsonObject answer{{QStringLiteral("success"), outcome.value().delivered},
                           {QStringLiteral("duration_ms"), outcome.value().durationMs},
                           {QStringLiteral("delivery_id"), deliveryId}};
        if (outcome.value().status > 0)
            answer.insert(tested.type == QLatin1String("email") ? QStringLiteral("smtp_code")
                                                                : QStringLiteral("http_status"),
                          outcome.value().status);
        if (!outcome.value().error.isEmpty())
            answer.insert(QStringLiteral("error"), outcome.value().error);
        QJsonObject audited = answer;
        audited.insert(QStringLiteral("name"), tested.name);
        auth::audit(m_db, QStringLiteral("ALERT_CHANNEL_TESTED"), userId,
                    QStringLiteral("alert_channel"), tested.id, client.ip, client.userAgent,
                    audited);
        done(answer);
    });
}

Result<store::Page<AlertDeliveryRow>> AlertChannels::deliveries(const QString &channelId,
                                                                qint64 limit, qint64 offset)
{
    if (auto row = channel(channelId); !row)
        return row.error();
    return repositories::listAlertDeliveries(m_db, channelId, limit, offset);
}

Result<QByteArray> AlertChannels::openSecret(const AlertChannelRow &row)
{
    if (row.secret.isEmpty())
        return Error{ErrorCode::DecryptionError, QStringLiteral("the channel has no secret")};
    return m_cipher.decrypt(row.secret, crypto::DekPurpose::General, associatedData(row.id));
}

QJsonObject AlertChannels::channelJson(const AlertChannelRow &row)
{
    return {{QStringLiteral("id"), row.id},
            {QStringLiteral("name"), row.name},
            {QStringLiteral("type"), row.type},
            {QStringLiteral("enabled"), row.enabled},
            {QStringLiteral("config"), row.config},
            {QStringLiteral("secret_set"), !row.secret.isEmpty()},
            {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
            {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)}};
}

QJsonObject AlertChannels::deliveryJson(const AlertDeliveryRow &row)
{
    return {{QStringLiteral("id"), row.id},
            {QStringLiteral("channel_id"), row.channelId},
            {QStringLiteral("record_id"),
             row.recordId.isEmpty() ? QJsonValue() : QJsonValue(row.recordId)},
            {QStringLiteral("event"), row.event},
            {QStringLiteral("status"), row.status},
            {QStringLiteral("attempts"), row.attempts},
            {QStringLiteral("next_attempt_at"),
             row.nextAttemptAt > 0 ? auth::isoOrNull(row.nextAttemptAt) : QJsonValue()},
            {QStringLiteral("last_status"),
             row.lastStatus > 0 ? QJsonValue(row.lastStatus) : QJsonValue()},
            {QStringLiteral("last_error"),
             row.lastError.isEmpty() ? QJsonValue() : QJsonValue(row.lastError)},
            {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
            {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)}};
}

} // namespace hm::server::fleet
