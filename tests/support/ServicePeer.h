#pragma once

// A small HTTP/1.1 server on loopback playing an external REST service for
// the "service" node's tests and benchmark: it records each request as it
// arrived (method, raw target, headers, body) and answers what the test's
// handler says, on kept-alive connections. A handler may hold a request
// (no answer ever) for timeouts and cancel.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <functional>

namespace hm::test {

class ServicePeer
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;                            // as sent: path and query, percent-encoded
        QList<QPair<QByteArray, QByteArray>> headers; // names lower-case
        QByteArray body;

        QByteArray header(const QByteArray &name) const
        {
            for (const auto &[n, v] : headers) {
                if (n == name.toLower())
                    return v;
            }
            return {};
        }
        QByteArray path() const { return target.left(target.indexOf('?')); }
        QByteArray query() const
        {
            const qsizetype q = target.indexOf('?');
            return q < 0 ? QByteArray() : target.mid(q + 1);
        }
    };
    struct Response
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body = "{}";
        QList<QPair<QByteArray, QByteArray>> headers;
        bool hold = false; // never answer
    };
    using Handler = std::function<Response(const Request &)>;

    ServicePeer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_connections;
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket] { onData(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                    m_buffers.remove(socket);
                    ++m_disconnects;
                    socket->deleteLater();
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }

    QUrl url(const QString &path = {}) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<Request> &requests() const { return m_requests; }
    void clear() { m_requests.clear(); }
    // Connections the client closed (an aborted call closes its own).
    int disconnects() const { return m_disconnects; }
    // Connections accepted so far (kept-alive calls share one).
    int connections() const { return m_connections; }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            Request request;
            const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                request.headers.append({name, value});
                if (name == "content-length")
                    length = value.toLongLong();
            }
            if (buffer.size() < headEnd + 4 + length)
                return;
            request.body = buffer.mid(headEnd + 4, length);
            buffer.remove(0, headEnd + 4 + length);
            m_requests.append(request);
            const Response response = m_handler ? m_handler(request) : Response{};
            if (response.hold)
                continue;
            QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
            out += "Content-Type: " + response.contentType + "\r\n";
            out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
            for (const auto &[name, value] : response.headers)
                out += name + ": " + value + "\r\n";
            out += "\r\n" + response.body;
            socket->write(out);
        }
    }

    Handler m_handler;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_disconnects = 0;
    int m_connections = 0;
    // Last: destroyed first, with the sockets whose signals use the above.
    QTcpServer m_server;
};

} // namespace hm::test
