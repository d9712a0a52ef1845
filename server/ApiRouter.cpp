#include "server/ApiRouter.h"

#include "common/LogFormatter.h"
#include "common/Logging.h"
#include "server/ApiEnvelope.h"

#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
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
        responder.write(body,
                        {{"Content-Type", "application/json"}, {"X-Request-Id", requestId.toLatin1()}},
                        QHttpServerResponder::StatusCode::NotFound);
    });
}

void ApiRouter::addRoute(QHttpServerRequest::Method method, const QString &path, Handler handler)
{
    m_http.route(path, method, [handler = std::move(handler)](const QHttpServerRequest &request) {
        const QString requestId = newRequestId();
        logging::RequestIdScope scope(requestId);
        ApiReply reply = handler(RequestContext{request, requestId});
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
    });
}

Result<quint16> ApiRouter::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(address, port)) {
        const bool inUse = tcp->serverError() == QAbstractSocket::AddressInUseError;
        const QString reason = tcp->errorString();
        delete tcp;
        if (inUse)
            return Error{ErrorCode::PortInUse,
                         QStringLiteral("port %1 on %2 is already in use")
                             .arg(port)
                             .arg(address.toString()),
                         {{QStringLiteral("port"), port}}};
        return Error{ErrorCode::NetworkError,
                     QStringLiteral("cannot listen on %1:%2: %3")
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
