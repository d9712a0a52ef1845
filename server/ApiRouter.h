#pragma once

#include "common/Result.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <functional>

class QTcpServer;

namespace hm::server {

// What a route handler answers: a status and a JSON body already in the
// envelope, plus extra headers.
struct ApiReply
{
    int status = 200;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiReply ok(const QJsonValue &data, int status = 200);
    static ApiReply failure(const Error &error);
};

struct RequestContext
{
    const QHttpServerRequest &request;
    QString requestId;
};

// Owns the QHttpServer: every route gets a request id (X-Request-Id header,
// error bodies, log lines), unknown paths answer the envelope's 404, and
// errors are rendered in one place.
class ApiRouter : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<ApiReply(const RequestContext &)>;

    explicit ApiRouter(QObject *parent = nullptr);

    void addRoute(QHttpServerRequest::Method method, const QString &path, Handler handler);
    // Listens on address:port (0 = any free port). PortInUse names the port.
    Result<quint16> listen(const QHostAddress &address, quint16 port);
    void close();

private:
    QHttpServer m_http;
    QTcpServer *m_tcp = nullptr;
};

} // namespace hm::server
