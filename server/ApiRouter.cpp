#include "server/ApiRouter.h"

#include "common/LogFormatter.h"
#include "common/Logging.h"
#include "server/ApiEnvelope.h"

#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpServer>

namespace hm::server {
namespace {

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

} // namespace

ApiReply ApiReply::ok(const QJsonValue &data, int status)
{
    return ApiReply{status, successEnvelope(data), {}};
}

ApiReply ApiReply::failure(const Error &error)
{
    // The request id is filled in by the router, which knows it.
    return ApiReply{error.httpStatus(), errorEnvelope(error, {}), {}};
}

ApiRouter::ApiRouter(QObject *parent) : QObject(parent)
{
    m_http.setMissingHandler([](const QHttpServerRequest &request,
                                QHttpServerResponder &&responder) {
        const QString requestId = newRequestId();
        const Error error{ErrorCode::ResourceNotFound,
                          QStringLiteral("No route for %1 %2")
                              .arg(methodName(request.method()), request.url().path())};
        const QByteArray body =
            QJsonDocument(errorEnvelope(error, requestId)).toJson(QJsonDocument::Compact);
        responder.write(
            body, {{"Content-Type", "application/json"}, {"X-Request-Id", requestId.toLatin1()}},
            QHttpServerResponder::StatusCode::NotFound);
    });
}

QByteArray RequestContext::header(QByteArrayView name) const
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QHostAddress RequestContext::clientAddress() const
{
    const QHostAddress address = request.remoteAddress();
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

QString RequestContext::clientIp() const
{
    return clientAddress().toString();
}

Result<QJsonObject> RequestContext::jsonObject() const
{
    const QByteArray body = request.body();
    if (body.size() > kMaxBodyBytes)
        return Error{ErrorCode::PayloadTooLarge,
                     QStringLiteral("request body exceeds %1 bytes").arg(kMaxBodyBytes),
                     {{QStringLiteral("limit"), kMaxBodyBytes}}};
    if (body.trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("malformed JSON body: %1").arg(parseError.errorString()),
                     {{QStringLiteral("offset"), parseError.offset}}};
    if (!document.isObject())
        return Error{ErrorCode::ValidationError, QStringLiteral("the JSON body must be an object")};
    return document.object();
}

QHttpServerResponse ApiRouter::respond(const Handler &handler, const QHttpServerRequest &request,
                                       QStringList pathArgs)
{
    const QString requestId = newRequestId();
    logging::RequestIdScope scope(requestId);
    ApiReply reply = handler(RequestContext{request, requestId, std::move(pathArgs)});
    if (!reply.body.value(QStringLiteral("success")).toBool(true)) {
        QJsonObject error = reply.body.value(QStringLiteral("error")).toObject();
        error.insert(QStringLiteral("request_id"), requestId);
        reply.body.insert(QStringLiteral("error"), error);
    }
    qCDebug(lcServerHttp) << methodName(request.method()) << request.url().path() << reply.status;
    QHttpServerResponse response(reply.body,
                                 static_cast<QHttpServerResponse::StatusCode>(reply.status));
    response.addHeader(QByteArrayLiteral("X-Request-Id"), requestId.toLatin1());
    for (const auto &[name, value] : std::as_const(reply.headers))
        response.addHeader(name, value);
    return response;
}

void ApiRouter::addRoute(QHttpServerRequest::Method method, const QString &path, Handler handler)
{
    // QHttpServer spells a one-segment placeholder "<arg>" and hands its value
    // to a typed view argument, so the handler arity follows the count.
    static const QRegularExpression placeholder(QStringLiteral("\\{[A-Za-z_][A-Za-z0-9_]*\\}"));
    QString rule = path;
    const qsizetype count = rule.count(placeholder);
    rule.replace(placeholder, QStringLiteral("<arg>"));
    switch (count) {
    case 0:
        m_http.route(rule, method,
                     [handler = std::move(handler)](const QHttpServerRequest &request) {
                         return respond(handler, request, {});
                     });
        break;
    case 1:
        m_http.route(
            rule, method,
            [handler = std::move(handler)](const QString &a, const QHttpServerRequest &request) {
                return respond(handler, request, {a});
            });
        break;
    case 2:
        m_http.route(rule, method,
                     [handler = std::move(handler)](const QString &a, const QString &b,
                                                    const QHttpServerRequest &request) {
                         return respond(handler, request, {a, b});
                     });
        break;
    default:
        qCCritical(lcServerHttp).noquote() << "route with more than two placeholders:" << path;
        break;
    }
}

Result<quint16> ApiRouter::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(address, port)) {
        const bool inUse = tcp->serverError() == QAbstractSocket::AddressInUseError;
        const QString reason = tcp->errorString();
        delete tcp;
        if (inUse)
            return Error{
                ErrorCode::PortInUse,
                QStringLiteral("port %1 on %2 is already in use").arg(port).arg(address.toString()),
                {{QStringLiteral("port"), port}}};
        return Error{ErrorCode::NetworkError, QStringLiteral("cannot listen on %1:%2: %3")
                                                  .arg(address.toString())
                                                  .arg(port)
                                                  .arg(reason)};
    }
    m_tcp = tcp;
    m_http.bind(tcp);
    return tcp->serverPort();
}

void ApiRouter::close()
{
    if (m_tcp)
        m_tcp->close();
}

} // namespace hm::server
