#pragma once

// The WebSocket to the server's /ws/agent: JsonWebSocket's connection, TLS
// policy and close-code reporting, with the frames handed on as bytes for
// fleet::parseAgentMessage. No token: the agent authenticates inside the
// connection by signing the server's challenge.

#include "client/JsonWebSocket.h"
#include "fleet/AgentProtocol.h"

#include <QJsonDocument>
#include <QWebSocket>

namespace hm::agent {

class AgentSocket : public client::JsonWebSocket
{
    Q_OBJECT
public:
    explicit AgentSocket(QObject *parent = nullptr) : JsonWebSocket(parent)
    {
        // The server never sends more than one protocol message per frame;
        // only a request may be as large as a response (a file chunk).
        socket().setMaxAllowedIncomingMessageSize(quint64(fleet::kMaxAgentResponseBytes));
        // Binary frames are streams (fleet/StreamFrame.h): a terminal's bytes.
        connect(&socket(), &QWebSocket::binaryMessageReceived, this,
                &AgentSocket::streamReceived);
    }

    void open(const QUrl &url) { openUrl(url, QString()); }
    // The bytes handed to the socket (what bytesWritten() later confirms).
    qint64 send(const QByteArray &frame)
    {
        return socket().sendTextMessage(QString::fromUtf8(frame));
    }

    qint64 sendStream(const QByteArray &frame) { return socket().sendBinaryMessage(frame); }

signals:
    void frameReceived(const QByteArray &frame);
    void streamReceived(const QByteArray &frame);

protected:
    void handleMessage(const QJsonObject &message) override
    {
        emit frameReceived(QJsonDocument(message).toJson(QJsonDocument::Compact));
    }
};

} // namespace hm::agent
