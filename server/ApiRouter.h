#pragma once

#include "common/Result.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>
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
    // Values of the route's {placeholders}, in path order.
    QStringList pathArgs = {};

    // Header value by case-insensitive name; empty when absent.
    QByteArray header(QByteArrayView name) const;
    // The peer's address as text; IPv4-mapped IPv6 is shown as IPv4.
    QString clientIp() const;
    QHostAddress clientAddress() const;
    // The body as a JSON object. Bodies above kMaxBodyBytes are
    // PAYLOAD_TOO_LARGE; malformed JSON (with its parse offset) or anything
    // but an object is VALIDATION_ERROR. An empty body is an empty object.
    Result<QJsonObject> jsonObject() const;
};

// Largest request body the API accepts.
inline constexpr qsizetype kMaxBodyBytes = 10 * 1024 * 1024;

// Owns the QHttpServer: every route gets a request id (X-Request-Id header,
// error bodies, log lines), unknown paths answer the envelope's 404, and
// errors are rendered in one place.
class ApiRouter : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<ApiReply(const RequestContext &)>;

    explicit ApiRouter(QObject *parent = nullptr);

    // path may hold up to two "{name}" placeholders, each matching one
    // segment; their values arrive in RequestContext::pathArgs. Register
    // literal paths before patterns that would also match them.
    void addRoute(QHttpServerRequest::Method method, const QString &path, Handler handler);
    // Listens on address:port (0 = any free port). PortInUse names the port.
    Result<quint16> listen(const QHostAddress &address, quint16 port);
    void close();

private:
    static QHttpServerResponse respond(const Handler &handler, const QHttpServerRequest &request,
                                       QStringList pathArgs);

    QHttpServer m_http;
    QTcpServer *m_tcp = nullptr;
};

} // namespace hm::server
