#pragma once

// A small HTTP peer for the credential tests: records the head of every
// request it gets (target and headers, names in lower case) and answers
// each with the status and body `answer` gives (default 200, empty).
// Minimal HTTP/1.1, one request per connection.

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
    QByteArray target;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
};

class RecordingPeer : public QObject
{
public:
    struct Reply
    {
        int status = 200;
        QByteArray body;
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
    QString url(const QString &path = QStringLiteral("/")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }
    void setAnswer(Answer answer) { m_answer = std::move(answer); }
    const QList<RecordedRequest> &requests() const { return m_requests; }
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
            socket->write("HTTP/1.1 " + QByteArray::number(reply.status) +
                          " X\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(reply.body.size()) + "\r\nConnection: close\r\n\r\n" +
                          reply.body);
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QTcpServer m_server;
    Answer m_answer;
    QList<RecordedRequest> m_requests;
};

} // namespace hm::test
