#include "server/services/mail/AccountMailSettings.h"

#include "crypto/Envelope.h"
#include "crypto/SecureBytes.h"
#include "server/services/auth/AuthSettings.h"
#include "server/services/outbound/OutboundPolicy.h"

#include <QRegularExpression>
#include <QUrl>

namespace hm::server::mail {

namespace {

const QString kKey = QStringLiteral("mail.smtp");
constexpr qsizetype kMaxPassword = 256;

QByteArray associatedData()
{
    return QByteArrayLiteral("account_mail:smtp");
}

Error fieldError(const QString &field, const QString &message, QJsonObject details = {})
{
    details.insert(QStringLiteral("field"), field);
    return Error{ErrorCode::ValidationError, field + QStringLiteral(": ") + message, details};
}

// The host as the alert channels take it: a name or an address, an IPv6
// address also in brackets (stored plain).
Result<QString> checkedHost(QString host, store::Database &database)
{
    static const QRegularExpression hostPattern(
        QStringLiteral("^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*"
                       "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$|^[0-9a-fA-F:.]+$"));
    host = host.trimmed();
    if (host.size() > 2 && host.startsWith(u'[') && host.endsWith(u']') && host.contains(u':'))
        host = host.mid(1, host.size() - 2);
    if (host.size() > 253 || !hostPattern.match(host).hasMatch())
        return fieldError(QStringLiteral("smtp_host"), QStringLiteral("a host name or address"));
    // A literal is judged now; a name at every send (it may resolve
    // elsewhere later).
    const outbound::OutboundPolicy policy(&database);
    QHostAddress literal(host);
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        literal = QHostAddress(QHostAddress::LocalHost);
    if (!literal.isNull()) {
        if (Status allowed = policy.check(literal, host, QStringLiteral("smtp_host")); !allowed)
            return allowed.error();
    }
    return host;
}

} // namespace

AccountMailSettings AccountMailSettings::load(store::Database &database)
{
    const QJsonObject o = auth::readSetting(database, kKey).toObject();
    AccountMailSettings s;
    s.host = o.value(QStringLiteral("smtp_host")).toString();
    s.port = o.value(QStringLiteral("smtp_port")).toInt(587);
    s.security = o.value(QStringLiteral("security")).toString(QStringLiteral("starttls"));
    s.username = o.value(QStringLiteral("username")).toString();
    s.from = o.value(QStringLiteral("from")).toString();
    s.caPem = o.value(QStringLiteral("ca_pem")).toString();
    s.publicUrl = o.value(QStringLiteral("public_url")).toString();
    s.passwordSealed = o.value(QStringLiteral("password_sealed")).toString();
    return s;
}

QJsonObject AccountMailSettings::toJson() const
{
    return {{QStringLiteral("smtp_host"), host},
            {QStringLiteral("smtp_port"), port},
            {QStringLiteral("security"), security},
            {QStringLiteral("username"), username},
            {QStringLiteral("from"), from},
            {QStringLiteral("ca_pem"), caPem},
            {QStringLiteral("public_url"), publicUrl},
            {QStringLiteral("password_set"), !passwordSealed.isEmpty()},
            {QStringLiteral("configured"), configured()}};
}

Result<AccountMailSettings> AccountMailSettings::merge(const AccountMailSettings &current,
                                                       const QJsonObject &patch,
                                                       store::Database &database,
                                                       crypto::EnvelopeCipher &cipher)
{
    static const QStringList known{QStringLiteral("smtp_host"), QStringLiteral("smtp_port"),
                                   QStringLiteral("security"),  QStringLiteral("username"),
                                   QStringLiteral("password"),  QStringLiteral("from"),
                                   QStringLiteral("ca_pem"),    QStringLiteral("public_url")};
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (!known.contains(it.key()))
            return fieldError(it.key(), QStringLiteral("unknown setting"));
        const bool nullable = it.key() == QLatin1String("password") ||
                              it.key() == QLatin1String("ca_pem") ||
                              it.key() == QLatin1String("public_url");
        const bool number = it.key() == QLatin1String("smtp_port");
        if (!(number ? it.value().isDouble() : it.value().isString()) &&
            !(nullable && it.value().isNull()))
            return fieldError(it.key(),
                              number ? QStringLiteral("a number") : QStringLiteral("a string"));
    }
    AccountMailSettings next = current;
    const auto text = [&patch](const QString &key, const QString &kept) {
        return patch.contains(key) ? patch.value(key).toString() : kept;
    };
    next.host = text(QStringLiteral("smtp_host"), current.host).trimmed();
    next.port = patch.contains(QStringLiteral("smtp_port"))
                    ? patch.value(QStringLiteral("smtp_port")).toInt(-1)
                    : current.port;
    next.security = text(QStringLiteral("security"), current.security);
    next.username = text(QStringLiteral("username"), current.username);
    next.from = text(QStringLiteral("from"), current.from).trimmed();
    next.caPem = text(QStringLiteral("ca_pem"), current.caPem);
    next.publicUrl = text(QStringLiteral("public_url"), current.publicUrl).trimmed();

    if (!next.host.isEmpty()) {
        auto host = checkedHost(next.host, database);
        if (!host)
            return host.error();
        next.host = host.value();
    }
    if (next.port < 1 || next.port > 65535)
        return fieldError(QStringLiteral("smtp_port"), QStringLiteral("1 to 65535"));
    if (next.security != QLatin1String("starttls") && next.security != QLatin1String("tls") &&
        next.security != QLatin1String("none"))
        return fieldError(QStringLiteral("security"), QStringLiteral("starttls, tls or none"));
    if (next.username.size() > 256 || next.username.contains(u'\n') ||
        next.username.contains(u'\r'))
        return fieldError(QStringLiteral("username"),
                          QStringLiteral("at most 256 characters on one line"));
    if (!next.host.isEmpty() && !isMailAddress(next.from))
        return fieldError(QStringLiteral("from"), QStringLiteral("an e-mail address"));
    if (!next.from.isEmpty() && !isMailAddress(next.from))
        return fieldError(QStringLiteral("from"), QStringLiteral("an e-mail address"));
    if (!next.caPem.isEmpty() && (next.caPem.size() > 65536 || !next.caPem.contains(QLatin1String(
                                                                   "-----BEGIN CERTIFICATE-----"))))
        return fieldError(QStringLiteral("ca_pem"),
                          QStringLiteral("PEM certificates, at most 64 KiB"));
    if (!next.publicUrl.isEmpty()) {
        const QUrl url(next.publicUrl, QUrl::StrictMode);
        if (next.publicUrl.size() > 2048 || !url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
            url.hasQuery() || url.hasFragment())
            return fieldError(QStringLiteral("public_url"),
                              QStringLiteral("an http(s) URL without a query"));
    }

    const QJsonValue password = patch.value(QStringLiteral("password"));
    if (password.isNull() || (password.isString() && password.toString().isEmpty())) {
        next.passwordSealed.clear();
    } else if (password.isString()) {
        QByteArray secret = password.toString().toUtf8();
        if (secret.size() > kMaxPassword) {
            crypto::wipe(secret);
            return fieldError(QStringLiteral("password"),
                              QStringLiteral("at most %1 bytes").arg(kMaxPassword));
        }
        auto sealed = cipher.encrypt(secret, crypto::DekPurpose::General, associatedData());
        crypto::wipe(secret);
        if (!sealed)
            return sealed.error();
        next.passwordSealed = sealed.value();
    }
    if (!next.username.isEmpty() && next.passwordSealed.isEmpty() && !next.host.isEmpty())
        return fieldError(QStringLiteral("password"), QStringLiteral("required with a user name"));
    return next;
}

Status AccountMailSettings::save(store::Database &database, const QString &updatedBy) const
{
    QJsonObject stored = toJson();
    stored.remove(QStringLiteral("password_set"));
    stored.remove(QStringLiteral("configured"));
    stored.insert(QStringLiteral("password_sealed"), passwordSealed);
    return auth::saveSetting(database, kKey, stored, updatedBy);
}

Result<SmtpSettings> AccountMailSettings::smtp(crypto::EnvelopeCipher &cipher) const
{
    SmtpSettings settings;
    settings.host = host;
    settings.port = port;
    settings.security = security;
    settings.username = username;
    settings.caPem = caPem.toUtf8();
    if (!passwordSealed.isEmpty()) {
        auto opened = cipher.decrypt(passwordSealed, crypto::DekPurpose::General, associatedData());
        if (!opened)
            return Error{ErrorCode::InternalError,
                         QStringLiteral("the SMTP password cannot be read")};
        settings.password = std::move(opened.value());
    }
    return settings;
}

} // namespace hm::server::mail
