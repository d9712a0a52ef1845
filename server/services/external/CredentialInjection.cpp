#include "server/services/external/CredentialInjection.h"

#include "common/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace hm::server::external {

namespace {

QString text(const credentials::CredentialData &data, const QString &name)
{
    const QJsonValue value =
        data.publicFields.contains(name) ? data.publicFields.value(name) : data.secrets.value(name);
    return value.toString();
}

// A token without a stated lifetime is used for at most this long (or until
// a 401).
constexpr qint64 kUnknownLifetimeMs = 3600 * 1000;

Error authFailed(const QString &why)
{
    return Error{ErrorCode::ServiceAuthFailed,
                 QStringLiteral("the oauth2 token could not be obtained: %1").arg(why),
                 {}};
}

} // namespace

const QStringList &serviceCredentialTypes()
{
    static const QStringList types{QStringLiteral("http_basic"), QStringLiteral("http_bearer"),
                                   QStringLiteral("api_key"), QStringLiteral("oauth2")};
    return types;
}

Result<engine::ServiceAuth> staticAuth(const QString &type, const credentials::CredentialData &data)
{
    engine::ServiceAuth auth;
    if (type == QLatin1String("http_basic")) {
        const QString password = text(data, QStringLiteral("password"));
        const QByteArray pair = (text(data, QStringLiteral("username")) + u':' + password).toUtf8();
        auth.headers.append({"Authorization", "Basic " + pair.toBase64()});
        auth.secrets = {password, QString::fromLatin1(pair.toBase64())};
    } else if (type == QLatin1String("http_bearer")) {
        const QString token = text(data, QStringLiteral("token"));
        auth.headers.append({"Authorization", "Bearer " + token.toUtf8()});
        auth.secrets = {token};
    } else if (type == QLatin1String("api_key")) {
        const QString key = text(data, QStringLiteral("key"));
        const QString name = text(data, QStringLiteral("name"));
        if (text(data, QStringLiteral("in")) == QLatin1String("query")) {
            auth.query.append({name, key});
        } else {
            // "Bearer" and "Bearer " both give "Bearer <key>".
            QString prefix = text(data, QStringLiteral("prefix"));
            if (!prefix.isEmpty() && !prefix.endsWith(u' '))
                prefix += u' ';
            auth.headers.append({name.toUtf8(), (prefix + key).toUtf8()});
        }
        auth.secrets = {key, QString::fromLatin1(QUrl::toPercentEncoding(key))};
    } else {
        return Error{ErrorCode::InvalidCredentialType,
                     QStringLiteral("a %1 credential cannot authenticate service calls; use one "
                                    "of: %2")
                         .arg(type, serviceCredentialTypes().join(QStringLiteral(", "))),
                     {{QStringLiteral("field"), QStringLiteral("credential_id")}}};
    }
    auth.secrets.removeAll(QString());
    auth.secrets.removeDuplicates();
    return auth;
}

OAuth2Tokens::OAuth2Tokens(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    m_clock.start();
}

engine::ServiceAuth OAuth2Tokens::authOf(const QString &token,
                                         const credentials::CredentialData &data)
{
    engine::ServiceAuth auth;
    auth.headers.append({"Authorization", "Bearer " + token.toUtf8()});
    auth.secrets = {token, text(data, QStringLiteral("clientSecret"))};
    auth.secrets.removeAll(QString());
    return auth;
}

void OAuth2Tokens::authorize(const QString &key, const credentials::CredentialData &data,
                             bool forceRefresh, Done done)
{
    Entry &entry = m_entries[key];
    if (forceRefresh && !entry.fetching) {
        qCDebug(lcServer).noquote()
            << "services: oauth2 token of" << key.section(u':', 0, 0) << "dropped after a 401";
        entry.token.clear();
    }
    const bool fresh = !entry.token.isEmpty() && m_clock.elapsed() < entry.expiresAt;
    if (fresh && !entry.fetching)
        return done(authOf(entry.token, data));
    // The secret is only needed to build the auth: keep it with the callback.
    entry.waiting.append([done = std::move(done), data](Result<engine::ServiceAuth> r) {
        if (!r)
            return done(r.error());
        done(authOf(r.value().secrets.value(0), data));
    });
    if (!entry.fetching)
        fetch(key, data);
}

void OAuth2Tokens::fetch(const QString &key, const credentials::CredentialData &data)
{
    m_entries[key].fetching = true;
    ++m_requests;
    QNetworkRequest request(QUrl(text(data, QStringLiteral("tokenUrl"))));
    const QByteArray client = QUrl::toPercentEncoding(text(data, QStringLiteral("clientId"))) +
                              ':' +
                              QUrl::toPercentEncoding(text(data, QStringLiteral("clientSecret")));
    request.setRawHeader("Authorization", "Basic " + client.toBase64());
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    QStringList scopes;
    for (const QJsonValue &scope : data.publicFields.value(QStringLiteral("scopes")).toArray())
        scopes.append(scope.toString());
    if (!scopes.isEmpty())
        form.addQueryItem(QStringLiteral("scope"),
                          QString::fromLatin1(QUrl::toPercentEncoding(scopes.join(u' '))));
    qCDebug(lcServer).noquote() << "services: requesting an oauth2 token for credential"
                                << key.section(u':', 0, 0);
    QNetworkReply *reply = m_network->post(request, form.query(QUrl::FullyEncoded).toLatin1());
    connect(reply, &QNetworkReply::finished, this, [this, reply, key] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            return finish(key,
                          authFailed(QStringLiteral("the token endpoint could not be "
                                                    "reached (network error %1)")
                                         .arg(int(reply->error()))),
                          0);
        const QJsonObject answer = QJsonDocument::fromJson(reply->read(1024 * 1024)).object();
        if (status < 200 || status > 299)
            return finish(
                key, authFailed(QStringLiteral("the token endpoint answered %1").arg(status)), 0);
        const QJsonValue token = answer.value(QStringLiteral("access_token"));
        if (!token.isString() || token.toString().isEmpty())
            return finish(key,
                          authFailed(QStringLiteral("the token endpoint's answer has no "
                                                    "access_token")),
                          0);
        const QJsonValue expires = answer.value(QStringLiteral("expires_in"));
        qint64 lifetime = kUnknownLifetimeMs;
        if (expires.isDouble() || expires.isString()) {
            const qint64 seconds =
                expires.isDouble() ? qint64(expires.toDouble()) : expires.toString().toLongLong();
            // Renewed shortly before it expires: 30 s or a tenth of its life.
            const qint64 ms = seconds * 1000;
            lifetime = qMax<qint64>(0, ms - qMin<qint64>(30000, ms / 10));
        }
        finish(key, token.toString(), lifetime);
    });
}

void OAuth2Tokens::finish(const QString &key, const Result<QString> &token, qint64 lifetimeMs)
{
    Entry &entry = m_entries[key];
    entry.fetching = false;
    QList<Done> waiting = std::exchange(entry.waiting, {});
    if (token) {
        entry.token = token.value();
        entry.expiresAt = m_clock.elapsed() + lifetimeMs;
        qCDebug(lcServer).noquote() << "services: oauth2 token for credential"
                                    << key.section(u':', 0, 0) << "valid for" << lifetimeMs << "ms";
    } else {
        entry.token.clear();
        qCWarning(lcServer).noquote() << "services:" << token.error().message;
    }
    for (const Done &done : waiting) {
        if (token) {
            engine::ServiceAuth carrier;
            carrier.secrets = {token.value()};
            done(carrier);
        } else {
            done(token.error());
        }
    }
}

} // namespace hm::server::external
