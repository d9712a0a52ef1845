#pragma once

// A loopback HTTP server for http-request nodes whose timing a test
// decides: every request waits until the test releases it, with the status
// the test chooses. A node calling it stays running until then, so a test
// can act (subscribe, drop a connection, cancel) at a known point of an
// execution without sleeping.

#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

namespace hm::test {

class HeldHttp
{
public:
    HeldHttp()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, [this, socket] {
                    QByteArray &head = m_heads[socket];
                    head += socket->readAll();
                    if (!head.contains("\r\n\r\n") || m_requests.contains(socket))
                        return;
                    m_requests.append(socket);
                    if (!m_script.isEmpty())
                        answer(socket, m_script.takeFirst());
                    else if (m_autoStatus > 0)
                        answer(socket, m_autoStatus);
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/held").arg(m_server.serverPort()));
    }
    // Requests received so far (answered or not).
    int requestCount() const { return int(m_requests.size()); }
    // Waits until `n` requests arrived since the start.
    bool waitRequests(int n, int timeoutMs = 30000)
    {
        return QTest::qWaitFor([&] { return m_requests.size() >= n; }, timeoutMs);
    }
    // Answers the i-th request (from 0) with `status` and {} as its body.
    void release(int i, int status = 200) { answer(m_requests.at(i), status); }
    // From now on every request is answered at once with `status` (0: held
    // again).
    void answerAll(int status)
    {
        m_autoStatus = status;
        if (status <= 0)
            return;
        for (QTcpSocket *socket : std::as_const(m_requests)) {
            if (!m_answered.contains(socket))
                answer(socket, status);
        }
    }

    // The next requests are answered at once with these statuses, in
    // order; after them, as before (held, or answerAll's status).
    void script(const QList<int> &statuses) { m_script = statuses; }

private:
    void answer(QTcpSocket *socket, int status)
    {
        if (m_answered.contains(socket))
            return;
        m_answered.insert(socket, status);
        const QByteArray reason = status < 300 ? "OK" : "Error";
        socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                      "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                      "Connection: close\r\n\r\n{}");
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_heads;
    QHash<QTcpSocket *, int> m_answered;
    QList<QTcpSocket *> m_requests;
    QList<int> m_script;
    int m_autoStatus = 0;
};

} // namespace hm::test
