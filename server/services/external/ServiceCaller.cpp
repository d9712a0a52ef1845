#include "server/services/external/ServiceCaller.h"

#include "common/Logging.h"
#include "server/services/external/NetworkProblem.h"
#include "server/services/external/ServiceDirectory.h"
#include "server/services/external/ServiceModel.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QUrlQuery>

namespace hm::server::external {

namespace {

QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
    }
    if (value.isObject() || value.isArray())
        return QString::fromUtf8(
            value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                             : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

QString mask(QString text, const QStringList &secrets)
{
    for (const QString &secret : secrets)
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("****"));
    return text;
}

bool isJsonType(const QString &contentType)
{
    return contentType.isEmpty() || contentType.contains(QLatin1String("json"));
}

} // namespace

Result<QNetworkRequest> buildRequest(const engine::ServiceEndpointSpec &spec,
                                     const CallInput &input, const engine::ServiceAuth &auth,
                                     QByteArray *body)
{
    QString path = spec.path;
    for (const engine::ServiceParameter &p : spec.parameters) {
        const QJsonObject &given = p.in == QLatin1String("path")     ? input.path
                                   : p.in == QLatin1String("query")  ? input.query
                                   : p.in == QLatin1String("header") ? input.header
                                                                     : QJsonObject();
        if (p.required &&
            (p.in == QLatin1String("path") || p.in == QLatin1String("query") ||
             p.in == QLatin1String("header")) &&
            (!given.contains(p.name) || given.value(p.name).isNull()))
            return Error{
                ErrorCode::ValidationError,
                QStringLiteral("the %1 parameter %2 is required").arg(p.in, p.name),
                {{QStringLiteral("field"), QStringLiteral("parameters.%1.%2").arg(p.in, p.name)}}};
    }
    for (auto it = input.path.begin(); it != input.path.end(); ++it)
        path.replace(u'{' + it.key() + u'}',
                     QString::fromLatin1(QUrl::toPercentEncoding(valueText(it.value()))));
    QUrl url = spec.baseUrl;
    url.setPath(spec.baseUrl.path() + path, QUrl::TolerantMode);
    // Registration allows only http(s) base URLs; a row that says otherwise
    // must still not make the server open a file: or data: URL.
    if (!isFetchable(url))
        return unfetchableUrl(QStringLiteral("base_url"));
    QUrlQuery query;
    const auto addQuery = [&query](const QString &name, const QString &value) {
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(name)),
                           QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    for (auto it = input.query.begin(); it != input.query.end(); ++it) {
        if (it.value().isArray())
            for (const QJsonValue &v : it.value().toArray())
                addQuery(it.key(), valueText(v));
        else if (!it.value().isNull())
            addQuery(it.key(), valueText(it.value()));
    }
    for (const auto &[name, value] : auth.query)
        addQuery(name, value);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    for (auto it = input.header.begin(); it != input.header.end(); ++it)
        request.setRawHeader(it.key().toUtf8(), valueText(it.value()).toUtf8());
    for (const auto &[name, value] : auth.headers)
        request.setRawHeader(name, value);
    body->clear();
    if (!input.body.isUndefined() && !input.body.isNull()) {
        const QString contentType = spec.bodyContentType.isEmpty()
                                        ? QStringLiteral("application/json")
                                        : spec.bodyContentType;
        if (contentType == QLatin1String("application/x-www-form-urlencoded") &&
            input.body.isObject()) {
            QUrlQuery form;
            const QJsonObject fields = input.body.toObject();
            for (auto it = fields.begin(); it != fields.end(); ++it)
                form.addQueryItem(
                    QString::fromLatin1(QUrl::toPercentEncoding(it.key())),
                    QString::fromLatin1(QUrl::toPercentEncoding(valueText(it.value()))));
            *body = form.query(QUrl::FullyEncoded).toLatin1();
        } else if (isJsonType(contentType) && !input.body.isString()) {
            *body = valueText(input.body).toUtf8();
        } else if (isJsonType(contentType)) {
            // A JSON string value.
            *body = QJsonDocument(QJsonArray{input.body}).toJson(QJsonDocument::Compact);
            body->chop(1);
            body->remove(0, 1);
        } else {
            *body = valueText(input.body).toUtf8();
        }
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType.toUtf8());
    }
    return request;
}

struct ServiceCaller::Attempt
{
    engine::ServiceEndpointSpec spec;
    CallInput input;
    Done done;
    QElapsedTimer timer;
    bool refreshed = false;
    QStringList secrets;
};

ServiceCaller::ServiceCaller(ServiceDirectory &directory, QObject *parent)
    : QObject(parent), m_directory(directory), m_network(new QNetworkAccessManager(this))
{}

void ServiceCaller::call(const engine::ServiceEndpointSpec &spec, const CallInput &input, Done done)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->spec = spec;
    attempt->input = input;
    attempt->done = std::move(done);
    attempt->timer.start();
    send(attempt);
}

void ServiceCaller::send(std::shared_ptr<Attempt> attempt)
{
    // An oauth2 token may arrive after the caller is gone (server stopping).
    const QPointer<ServiceCaller> self(this);
    m_directory.authorizeHere(
        attempt->spec.serviceId, attempt->refreshed,
        [this, self, attempt](Result<engine::ServiceAuth> auth) {
            if (!self)
                return;
            const QString method = attempt->spec.method;
            if (!auth) {
                // The credential's failure is the service's, not the route's
                // (SERVICE_AUTH_FAILED would read as the caller's own 401).
                return attempt->done(
                    QJsonObject{{QStringLiteral("success"), false},
                                {QStringLiteral("auth_refreshed"), attempt->refreshed},
                                {QStringLiteral("duration_ms"), attempt->timer.elapsed()},
                                {QStringLiteral("error"),
                                 QJsonObject{{QStringLiteral("code"), auth.error().codeName()},
                                             {QStringLiteral("message"), auth.error().message}}}});
            }
            attempt->secrets += auth.value().secrets;
            attempt->secrets.removeDuplicates();
            QByteArray body;
            auto request = buildRequest(attempt->spec, attempt->input, auth.value(), &body);
            if (!request)
                return attempt->done(request.error());
            request.value().setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                         QNetworkRequest::ManualRedirectPolicy);
            if (attempt->spec.timeoutMs > 0)
                request.value().setTransferTimeout(attempt->spec.timeoutMs);
            const QString shownUrl =
                mask(request.value().url().toString(QUrl::FullyEncoded), attempt->secrets);
            qCDebug(lcServer).noquote() << "services: test call" << method << shownUrl;
            QNetworkReply *reply =
                m_network->sendCustomRequest(request.value(), method.toLatin1(), body);
            auto received = std::make_shared<QByteArray>();
            auto truncated = std::make_shared<bool>(false);
            const qint64 max = m_maxBodyBytes;
            connect(reply, &QNetworkReply::readyRead, this, [reply, received, truncated, max] {
                if (*truncated)
                    return;
                *received += reply->read(max + 1 - received->size());
                if (received->size() > max) {
                    *truncated = true;
                    received->truncate(max);
                    reply->abort();
                }
            });
            connect(reply, &QNetworkReply::finished, this,
                    [this, reply, attempt, received, truncated, max, method, shownUrl] {
                        reply->deleteLater();
                        if (!*truncated) {
                            *received += reply->read(max + 1 - received->size());
                            if (received->size() > max) {
                                *truncated = true;
                                received->truncate(max);
                            }
                        }
                        const int status =
                            reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                        if (status == 401 && !attempt->refreshed &&
                            m_directory.refreshable(attempt->spec.serviceId)) {
                            // Once: a new token (oauth2) and the same call again.
                            attempt->refreshed = true;
                            qCDebug(lcServer).noquote()
                                << "services: 401 from" << shownUrl << "- authenticating again";
                            return send(attempt);
                        }
                        QJsonObject answer{
                            {QStringLiteral("success"), status >= 200 && status <= 299},
                            {QStringLiteral("auth_refreshed"), attempt->refreshed},
                            {QStringLiteral("duration_ms"), attempt->timer.elapsed()},
                            {QStringLiteral("request"),
                             QJsonObject{{QStringLiteral("method"), method},
                                         {QStringLiteral("url"), shownUrl}}}};
                        if (status == 0) {
                            answer.insert(
                                QStringLiteral("error"),
                                QJsonObject{
                                    {QStringLiteral("code"), QStringLiteral("SERVICE_UNAVAILABLE")},
                                    {QStringLiteral("message"), networkProblem(reply->error())}});
                            return attempt->done(answer);
                        }
                        QJsonArray headers;
                        for (const auto &[name, value] : reply->rawHeaderPairs())
                            headers.append(
                                QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)},
                                            {QStringLiteral("value"),
                                             mask(QString::fromUtf8(value), attempt->secrets)}});
                        answer.insert(QStringLiteral("http_status"), status);
                        answer.insert(QStringLiteral("headers"), headers);
                        answer.insert(QStringLiteral("content_type"),
                                      reply->header(QNetworkRequest::ContentTypeHeader).toString());
                        answer.insert(QStringLiteral("body"),
                                      mask(QString::fromUtf8(*received), attempt->secrets));
                        answer.insert(QStringLiteral("body_truncated"), *truncated);
                        attempt->done(answer);
                    });
        });
}

} // namespace hm::server::external
