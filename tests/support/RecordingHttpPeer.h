#pragma once

// A small HTTP peer on loopback for tests that make the server call out
// (credential tests, external services): records every request it gets
// (method, target, headers with names in lower case, body) and answers each
// with what `answer` gives (default 200, empty JSON body). Minimal
// HTTP/1.1: one request per connection, "Connection: close".

#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <functional>
#include <memory>

namespace hm::test {

struct RecordedRequest
{
    QByteArray method;
    QByteArray target; // path and query as sent
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;

    QByteArray path() const
    {
        const qsizetype q = target.indexOf('?');
        return q < 0 ? target : target.left(q);
    }
};

class RecordingPeer : public QObject
{
public:
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers = {};
    };
    using Answer = std::function<Reply(const RecordedRequest &)>;

    RecordingPeer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path = QStringLiteral("/")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }
    void setAnswer(Answer answer) { m_answer = std::move(answer); }
    const QList<RecordedRequest> &requests() const { return m_requests; }
    // The requests whose path (target without the query) is `path`.
    QList<RecordedRequest> requestsTo(const QByteArray &path) const
    {
        QList<RecordedRequest> out;
        for (const RecordedRequest &r : m_requests)
            if (r.path() == path)
                out.append(r);
        return out;
    }
    void clear() { m_requests.clear(); }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            RecordedRequest request;
            const QList<QByteArray> lines = buffer->left(headEnd).split('\n');
            const QList<QByteArray> first = lines.first().trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                           lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length").toLongLong();
            if (buffer->size() < headEnd + 4 + length)
                return;
            request.body = buffer->mid(headEnd + 4, length);
            buffer->clear();
            m_requests.append(request);
            const Reply reply = m_answer ? m_answer(request) : Reply{};
            QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) +
                              " X\r\nContent-Type: " + reply.contentType +
                              "\r\nContent-Length: " + QByteArray::number(reply.body.size()) +
                              "\r\nConnection: close\r\n";
            for (const auto &[name, value] : reply.headers)
                head += name + ": " + value + "\r\n";
            socket->write(head + "\r\n" + reply.body);
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QTcpServer m_server;
    Answer m_answer;
    QList<RecordedRequest> m_requests;
};

} // namespace hm::test
