#pragma once

#include "client/TlsPolicy.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

namespace hm::client {

// What ExecutionWatcher and EventStream share: a WebSocket to one of the
// server's /ws/… paths that carries JSON text messages. The access token (or
// API key) travels in the upgrade's Authorization header, not in the URL,
// so proxies do not log it.
class JsonWebSocket : public QObject
{
    Q_OBJECT
public:
    // Close codes of the server (docs/api.md "WebSockets").
    enum CloseCode
    {
        Normal = 1000,
        GoingAway = 1001,
        Abnormal = 1006, // no close frame: connection failed or dropped
        SlowConsumer = 1008,
        InternalError = 1011,
        Unauthorized = 4401,
        Forbidden = 4403,
        NotFound = 4404,
        RateLimited = 4429,
    };
    Q_ENUM(CloseCode)

    explicit JsonWebSocket(QObject *parent = nullptr);
    ~JsonWebSocket() override;

    // ws:// for http://, wss:// for https://, with `path` on the API's
    // base URL (e.g. http://127.0.0.1:8080).
    static QUrl webSocketUrl(const QUrl &serverUrl, const QString &path);

    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // Closes normally (1000); closed() follows.
    void close();
    // Drops the connection without a closing handshake, as a network
    // failure does; closed(1006, reason) follows.
    void abort(const QString &reason);
    // The socket itself (its state, request URL); its TLS settings are
    // the policy's, set at every open.
    QWebSocket &socket() { return m_socket; }
    // How the server's certificate is trusted (the client's policy:
    // ApiClient::tlsPolicy()); for the next open. A refused certificate
    // closes with 1006 and the refusal's words.
    void setTlsPolicy(const TlsPolicy &policy) { m_tls = policy; }
    const TlsPolicy &tlsPolicy() const { return m_tls; }

signals:
    void opened();
    // Once per connection: the server's close code and reason, or 1006
    // with the socket's error when there was no close frame (refused,
    // dropped, aborted).
    void closed(int code, const QString &reason);

protected:
    void openUrl(const QUrl &url, const QString &token);
    // One parsed message (non-JSON or non-object messages are logged and
    // dropped).
    virtual void handleMessage(const QJsonObject &message) = 0;

private:
    void onTextMessage(const QString &text);
    void onDisconnected();

    QWebSocket m_socket;
    QString m_error;
    TlsPolicy m_tls;
    QString m_tlsRefusal;
    bool m_open = false;
    bool m_aborted = false; // abort(): no close frame, whatever QWebSocket says
    bool m_reported = true; // nothing to report before the first open
};

} // namespace hm::client
