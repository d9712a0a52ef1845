#pragma once

// A real TCP proxy between an agent and the test's server that lets the
// agent's WebSocket (and enrolment) through byte for byte but refuses its
// file data connections (GET fleet::kFileDataPath), as a proxy that knows
// no such upgrade would: with a 403 answer, or by closing the connection
// without a word. The agent then has to send its downloads as frames
// (agent/FileStreams.h). Nothing is mocked: the agent, the server and the
// sockets are real; the proxy only decides which connections go through.

#include "fleet/StreamFrame.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace hm::test {

class DataRefusingProxy : public QObject
{
public:
    enum class Refusal
    {
        Forbidden,
        Close
    };

    // Listens on loopback for connections to pass on to `upstream`.
    explicit DataRefusingProxy(const QUrl &upstream) : m_upstream(upstream)
    {
        connect(&m_listener, &QTcpServer::newConnection, this, &DataRefusingProxy::accept);
        m_listener.listen(QHostAddress::LocalHost);
    }

    bool isListening() const { return m_listener.isListening(); }
    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_listener.serverPort());
    }
    void setRefusal(Refusal refusal) { m_refusal = refusal; }
    // Data connections refused so far.
    int refused() const { return m_refused; }

private:
    void accept()
    {
        while (QTcpSocket *client = m_listener.nextPendingConnection()) {
            client->setParent(this);
            connect(client, &QTcpSocket::readyRead, this, [this, client] { route(client); });
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        }
    }

    // The first request line decides: a data connection is refused, any
    // other connection is piped to the server as it is.
    void route(QTcpSocket *client)
    {
        if (client->property("piped").toBool())
            return;
        const QByteArray head = client->peek(8192);
        const qsizetype eol = head.indexOf("\r\n");
        if (eol < 0)
            return;
        client->disconnect(this);
        if (head.left(eol).startsWith(QByteArray("GET ") + hm::fleet::kFileDataPath)) {
            ++m_refused;
            if (m_refusal == Refusal::Forbidden)
                client->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n"
                              "Connection: close\r\n\r\n");
            client->disconnectFromHost();
            return;
        }
        client->setProperty("piped", true);
        auto *server = new QTcpSocket(client);
        connect(server, &QTcpSocket::connected, client,
                [client, server] { server->write(client->readAll()); });
        connect(client, &QTcpSocket::readyRead, server, [client, server] {
            if (server->state() == QAbstractSocket::ConnectedState)
                server->write(client->readAll());
        });
        connect(server, &QTcpSocket::readyRead, client,
                [client, server] { client->write(server->readAll()); });
        connect(server, &QTcpSocket::disconnected, client,
                [client] { client->disconnectFromHost(); });
        connect(client, &QTcpSocket::disconnected, server,
                [server] { server->disconnectFromHost(); });
        server->connectToHost(m_upstream.host(), quint16(m_upstream.port()));
    }

    QUrl m_upstream;
    QTcpServer m_listener;
    Refusal m_refusal = Refusal::Forbidden;
    int m_refused = 0;
};

} // namespace hm::test
